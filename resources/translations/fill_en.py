"""Fill greyline_en.ts with the English translation of every Chinese source string.

Run after ``python -m greyline.ui.i18n update``: ``python resources/translations/fill_en.py``.

Only entries that are unfinished or empty are filled; a translation already present (for example one
corrected in Qt Linguist) is kept as it is. A source that has no translation below is reported and
left unfinished, so the translation test points at it.

Translations are looked up by ``(context, source)`` in ``BY_CONTEXT`` first, then by source in
``TRANSLATIONS``. ``RUNTIME`` lists strings the code translates at run time from a variable (enum
labels, page and menu names, the declared actions): lupdate cannot see them, so they are added to the
.ts when missing. Once the code marks them with ``QT_TRANSLATE_NOOP`` lupdate extracts them itself and
this script simply fills them like any other entry.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("greyline_en.ts")

# Default translation of each source string, whatever its context.
TRANSLATIONS: dict[str, str] = {
    # --- work-order import window, channel aliases
    '仅显示刚导入的 %1 笔（点“清除筛选”显示全部）': 'Showing only the %1 just imported (Clear filters shows all)',
    '一次只能导入一个文件：先导入 %1': 'One file at a time: importing %1 first',
    '文件中有下列渠道写法无法识别。请为每一种写法选择对应的渠道：': 'These channel values of the file are not recognised. Choose the channel for each:',
    '文件中的写法': 'Value in the file',
    '行数': 'Rows',
    '对应渠道': 'Channel',
    '记住这些写法（作为渠道别名，以后导入时自动识别）': 'Remember these values (as channel aliases, recognised in later imports)',
    '第一次出现在第 %1 行': 'First seen in row %1',
    '（请选择）': '(choose)',
    '客户手机号': 'Customer mobile',
    '诉求': 'Demands',
    '联系地址': 'Address',
    '邮箱': 'E-mail',
    '手机号变更日期': 'Phone changed on',
    '问题类别': 'Category',
    'UTF-8（带 BOM）': 'UTF-8 (with BOM)',
    '逗号': 'comma',
    '制表符': 'tab',
    '分号': 'semicolon',
    '竖线': 'vertical bar',
    '文件中的列': 'Column in the file',
    '示例内容': 'Sample values',
    '导入为': 'Import as',
    '列的对应（已按列名自动匹配，可逐列修改）：': 'Column mapping (matched by name; change any column):',
    '文件的前几行：': 'First rows of the file:',
    '文件：%1': 'File: %1',
    '编码：%1': 'Encoding: %1',
    '分隔符：%1': 'Delimiter: %1',
    '工作表：%1': 'Sheet: %1',
    '表头在第 %1 行': 'Header in row %1',
    '已使用上次为这种表头保存的对应': 'Using the mapping saved for these headers',
    '（无列名）': '(no name)',
    '（不导入）': '(not imported)',
    '还需要指定这些必填列：%1': 'Still to assign, required: %1',
    '行号': 'Row',
    '列': 'Column',
    '问题': 'Problem',
    '单元格内容': 'Cell content',
    '导出问题清单…': 'Export the problems…',
    '有错误行时整个文件都不导入（默认）': 'If any row is wrong, import nothing (default)',
    '只导入正确的行，把错误行连同原因另存为一个文件，改正后再导入': 'Import the good rows; save the wrong rows with their reasons to a file to fix and import again',
    '有问题的行（点列标题可排序）：': 'Rows with problems (click a column header to sort):',
    '共 %1 行：%2 行可以导入（其中 %3 笔已在库中，将跳过），%4 行有问题。': '%1 rows: %2 can be imported (%3 of them already stored, to be skipped), %4 with problems.',
    '不导入的列：%1': 'Columns not imported: %1',
    '下表列出前 %1 个问题。': 'The table lists the first %1 problems.',
    '没有发现问题。': 'No problems found.',
    '导入工单': 'Import work orders',
    '选择渠道导出的 CSV 或 Excel（.xlsx）文件，或把文件拖到投诉列表上': "Choose a channel's CSV or Excel (.xlsx) export, or drop the file on the complaint list",
    '选择文件…': 'Choose file…',
    '保存导入模板…': 'Save import template…',
    '支持各渠道系统导出的 CSV（UTF-8、GBK、UTF-16，逗号、制表符或分号分隔）和 Excel 工作簿（.xlsx）。表头上方的标题行会自动跳过，列名和渠道写法按常见导出格式自动识别，下一步可以逐列修改。导入前会先检查每一行，检查通过前不会保存任何数据。': "Reads the CSV (UTF-8, GBK, UTF-16; comma, tab or semicolon) and Excel workbooks (.xlsx) the channels' systems export. A title row above the header is skipped; column names and channel spellings are recognised as common exports write them, and you can change any column in the next step. Every row is checked before the import; nothing is stored until then.",
    '在投诉列表中查看新导入的投诉': 'Show the new complaints in the list',
    '停止': 'Stop',
    '上一步': 'Back',
    '下一步': 'Next',
    '检查全部行': 'Check every row',
    '重新检查': 'Check again',
    '导入': 'Import',
    '完成': 'Finish',
    '导入（请先改正错误行）': 'Import (fix the wrong rows first)',
    '导入 %1 行，错误行另存': 'Import %1 rows, save the wrong ones',
    '导入 %1 行': 'Import %1 rows',
    '已停止，没有保存任何数据。': 'Stopped; nothing was stored.',
    '正在停止…': 'Stopping…',
    '工单文件 (%1)': 'Work-order files (%1)',
    '正在读取 %1 …': 'Reading %1 …',
    '正在检查每一行（不会保存任何数据）…': 'Checking every row (nothing is stored)…',
    '错误行另存为': 'Save the wrong rows as',
    'CSV 或 Excel (*.csv *.xlsx)': 'CSV or Excel (*.csv *.xlsx)',
    '导入完成：新增 %1 笔，已在库中跳过 %2 笔。': 'Import done: %1 new, %2 already stored and skipped.',
    '%1 行有问题未导入，已连同错误原因写入：%2': '%1 rows with problems were not imported; written with their reasons to: %2',
    '新投诉之间及与已有投诉的关联正在后台检测，可以继续工作。': 'Links among the new complaints and to stored ones are being detected in the background; you can keep working.',
    '正在导入…（停止则不保存任何数据）': 'Importing… (stopping stores nothing)',
    '导出问题清单': 'Export the problems',
    '问题清单已保存：%1': 'Problems saved: %1',
    '停止检测': 'Stop detection',
    '正在检测新导入投诉的关联…': 'Detecting links of the imported complaints…',
    '关联检测完成：新增 %1 条关联。': 'Link detection done: %1 new links.',
    '关联检测已停止；未检测的投诉可在关联图页“重新检测全部”。': 'Link detection stopped; the rest can be detected with “Re-detect all” on the link graph page.',
    '渠道别名': 'Channel aliases',
    '导入工单时，“来源渠道”一列中的这些写法会被识别为对应的渠道（不区分大小写、全角半角、空格和标点）。内置写法不能删除；导入时为无法识别的写法选择了渠道并勾选“记住”，也会加到这里。': 'When work orders are imported, these values of the channel column are read as the channel shown (case, full/half width, spaces and punctuation ignored). Built-in spellings cannot be removed; values mapped in the import window with “Remember” ticked are added here.',
    '写法': 'Spelling',
    '内置': 'built-in',
    '%1 添加': 'added by %1',
    '文件中的写法，例如“网络投诉平台”': 'Value as in the file, e.g. “网络投诉平台”',
    '删除所选写法': 'Remove selected',
    '需要管理员权限': 'Requires the administrator role',
    '已添加渠道写法“%1”。': 'Channel spelling “%1” added.',
    '登记时刻 %1': 'registered at %1',
    "尚无修改记录。": "No changes recorded yet.",
    # --- common words, buttons and column headers
    "取消": "Cancel",
    "保存": "Save",
    "关闭": "Close",
    "添加": "Add",
    "加入": "Add",
    "建立": "Create",
    "登记": "Record",
    "打开": "Open",
    "查看": "View",
    "刷新": "Refresh",
    "搜索": "Search",
    "校验": "Verify",
    "移除": "Remove",
    "排除": "Reject",
    "全部": "All",
    "其他": "Other",
    "时间": "Time",
    "日期": "Date",
    "方式": "Type",
    "方向": "Direction",
    "我方号码": "Our number",
    "对方号码": "Their number",
    "接听人": "Answered by",
    "结果": "Outcome",
    "登记人": "Recorded by",
    "理由": "Reason",
    "状态": "Status",
    "状态：": "Status:",
    "类型": "Type",
    "类别": "Category",
    "名称": "Name",
    "姓名": "Name",
    "角色": "Role",
    "编号": "No.",
    "用户": "User",
    "操作": "Action",
    "内容": "Details",
    "详情": "Details",
    "人员": "By",
    "备注": "Notes",
    "说明": "Description",
    "文件": "File",
    "文件名": "File name",
    "大小": "Size",
    "地址": "Address",
    "电话": "Phone",
    "微信": "WeChat",
    "银行账户": "Bank account",
    "客户": "Customer",
    "投诉": "Complaint",
    "证据": "Evidence",
    "关联": "Links",
    "历史": "History",
    "工单号": "Work-order no.",
    "渠道": "Channel",
    "受理日期": "Received",
    "答复期限": "Deadline",
    "风险等级": "Risk level",
    "承办人": "Handler",
    "处理人": "Handler",
    "联系电话": "Contact phone",
    "投诉内容": "Complaint text",
    "今天到期": "Due today",
    "至": "to",
    "（未指定）": "(not set)",
    "（无）": "(none)",
    "（未知）": "(unknown)",
    "%1（%2）": "%1 (%2)",
    "%1，%2": "%1, %2",
    "—": "—",
    "需要法务/反欺诈或管理员权限": "Requires legal/anti-fraud or administrator rights",
    "确认关联": "Confirm link",
    "关联类型": "Link type",
    "团伙/案件": "Group/case",
    "接收机关类型": "Authority type",
    "接收机关": "Receiving authority",
    "移送日期": "Referral date",
    "回执日期": "Receipt date",
    "决定": "Decision",
    "决定日期": "Decision date",
    "文书编号": "Document no.",
    "后续期限": "Next deadline",
    "期限事项": "Deadline for",
    "材料包 SHA-256": "Package SHA-256",
    "受案回执": "Acceptance receipt",
    "收集人": "Collected by",
    "收集时间": "Collected at",
    "所属投诉/案件": "Complaint/case",
    "法定证据种类": "Legal evidence kind",
    "文字抄清": "Transcript",
    "编辑信息…": "Edit details…",
    "证据信息已保存。": "Evidence details saved.",
    "放大": "Zoom in",
    "缩小": "Zoom out",
    "涉案金额（元）": "Amount involved (yuan)",

    # --- AddToGroupDialog
    "加入已有团伙/案件": "Add to existing group/case",
    "选择要加入的团伙/案件（%1 笔投诉）。已在其中的投诉不会重复加入。":
        "Choose the group/case for the %1 complaint(s). Complaints already in it are not added twice.",
    "搜索名称、概要或编号": "Search name, summary or no.",
    "还没有团伙/案件。请改用“新建团伙/案件…”。": "There are no groups/cases yet. Use \"New group/case…\" instead.",

    # --- AudioPlayer
    "播放": "Play",
    "拖动以跳到录音的任意位置": "Drag to jump to any point in the recording",
    "音量": "Volume",
    "本机未检测到音频输出设备：可以查看时长和拖动进度，但听不到声音。":
        "No audio output device found on this computer: you can see the length and move through the "
        "recording, but you will not hear it.",
    "暂停": "Pause",
    "无法播放此录音（格式不受支持或文件已损坏）。%1": "Cannot play this recording (unsupported format or damaged file). %1",

    # --- ComplaintEditor: demands and categories
    "减免罚息": "Waive penalty interest",
    "减免利息": "Waive interest",
    "停止催收": "Stop collection",
    "修复征信": "Repair credit record",
    "退还服务费": "Refund service fees",
    "赔偿损失": "Compensation",
    "分期还款": "Instalment plan",
    "停息挂账": "Interest freeze",
    "催收方式投诉": "Collection practices",
    "息费争议": "Interest and fee dispute",
    "征信异议": "Credit-record objection",
    "服务费/会员费争议": "Service/membership fee dispute",
    "合同纠纷": "Contract dispute",
    "个人信息保护": "Personal information",
    # --- ComplaintEditor: tables, history and indicators
    "%1，出生日期 %2": "%1, born %2",
    "关联对象": "Linked to",
    "关联依据": "Basis",
    "相似度": "Similarity",
    "新建投诉": "New complaint",
    "修改投诉": "Complaint edited",
    "更改状态": "Status changed",
    "更改风险等级": "Risk level changed",
    "添加标识": "Identifier added",
    "勾选特征": "Indicator ticked",
    "取消特征": "Indicator cleared",
    "登记联系": "Contact recorded",
    "渠道 %1，工单号 %2，标识 %3 个": "Channel %1, work order %2, %3 identifier(s)",
    "保存为第 %1 版": "Saved as version %1",
    "（系统识别）": " (detected by system)",
    "依据或说明（可选）": "Basis or note (optional)",
    "系统识别": "Detected",
    "由系统识别于 %1；人工不能更改": "Detected by the system on %1; cannot be changed by hand",
    "人工 · %1": "Manual · %1",
    "%1 于 %2 勾选": "Ticked by %1 on %2",
    # --- ComplaintEditor: form
    "重新载入": "Reload",
    "投诉信息": "Details",
    "联系记录": "Contacts",
    "保存（Ctrl+S）": "Save (Ctrl+S)",
    "来源渠道给出的工单号": "Work-order no. given by the channel",
    "手动指定": "Set manually",
    "例如经批准延长答复期限时": "E.g. when an extension of the response deadline was approved",
    "工单": "Work order",
    "来源渠道 *": "Channel *",
    "工单编号 *": "Work-order no. *",
    "受理日期 *": "Received on *",
    "18 位居民身份证号": "18-character resident ID number",
    "客户在本机构预留的手机号": "Mobile number the customer registered with us",
    "投诉前更换过": "Changed before the complaint",
    "客户姓名": "Customer name",
    "身份证号": "ID number",
    "预留手机": "Registered mobile",
    "预留手机变更": "Mobile changed",
    "实际联系上的电话（可能是代理人）": "Number actually reached (may be an agent)",
    "添加其他联系方式（邮箱、微信、地址…）": "Add other contact details (e-mail, WeChat, address…)",
    "实际使用的联系方式": "Contact details in use",
    "已登记（已打码）：": "On file (masked):",
    "单位：元，例如 3140.57": "In yuan, e.g. 3140.57",
    "合同与欠款": "Contract and debt",
    "合同编号": "Contract no.",
    "借据编号": "Loan receipt no.",
    "逾期金额": "Overdue amount",
    "投诉原文": "Original complaint text",
    "处理人备注（内部）": "Handler notes (internal)",
    "内容中的手机号、身份证号保存时自动打码，并另存为可比对的标识。":
        "Mobile and ID numbers in the text are masked on saving and kept as identifiers for matching.",
    "诉求与分类": "Demands and category",
    "其他诉求，多项用“；”分隔": "Other demands, separated by \";\"",
    "其他诉求": "Other demands",
    "分类": "Category",
    "处理": "Handling",
    "异常维权特征": "Abnormal rights-protection indicators",
    "查看用途，例如：核实客户身份后回拨": "Purpose, e.g. call back after verifying the customer",
    "登记联系…": "Record contact…",
    "与客户或代接人的每次通话、来访和消息。":
        "Every call, visit and message with the customer or whoever answers for them.",
    "尚无关联。系统发现共用电话、地址或雷同文本后会在此列出，请逐条确认或排除。":
        "No links yet. When the system finds a shared phone, address or near-identical text, it lists "
        "it here; confirm or reject each one.",
    "打开对方投诉": "Open other complaint",
    "对这笔投诉的每次修改都记入防篡改的审计日志。":
        "Every change to this complaint is recorded in the tamper-evident audit log.",
    "尚无修改记录。通过导入登记的投诉，其导入记录在导入日志中。":
        "No changes yet. For an imported complaint, the import is recorded in the import log.",
    "投诉 %1": "Complaint %1",
    "已登记 %1；如需补录请输入完整号码": "On file: %1; type the full number to re-enter it",
    "已登记 %1；输入新号码可补录": "On file: %1; type a new number to add it",
    "保存投诉后可用": "Available once the complaint is saved",
    "%1（当前）": "%1 (current)",
    "显示完整号码": "Show full number",
    # --- ComplaintEditor: checks and messages
    "工单编号": "Work-order no.",
    "请填写工单编号": "Enter the work-order no.",
    "来源渠道": "Channel",
    "答复期限早于受理日期": "Response deadline is before the received date",
    "按渠道规则应为 %1，已手动改为 %2": "Channel rule gives %1; changed by hand to %2",
    "个工作日": "working days",
    "天": "days",
    "按渠道规则：受理后 %1 %2": "Channel rule: %1 %2 after receipt",
    "答复期限 %1 已过": "Response deadline %1 has passed",
    "校验通过：%1": "Valid: %1",
    "虚拟运营商号段（170/171/162/165/167），常见于代理人。%1":
        "Virtual-operator segment (170/171/162/165/167), common with agents. %1",
    "变更日期在未来": "Change date is in the future",
    "%1 / %2 字": "%1 / %2 characters",
    "投诉内容过长（%1 字，上限 %2 字）": "Complaint text too long (%1 characters, limit %2)",
    "有 %1 处需要更正（见标红的说明），更正后才能保存。":
        "%1 field(s) need correcting (see the notes in red) before you can save.",
    "请填写：%1": "Still required: %1",
    "您的角色（%1）只能查看投诉。": "Your role (%1) can only view complaints.",
    "有未保存的修改": "Unsaved changes",
    "查看%1 %2 的完整内容。请写明用途，将记入审计日志：":
        "Show the full %1 %2. State the purpose; it is recorded in the audit log:",
    "请写明查看完整号码的用途": "State why you need the full number",
    "没有需要保存的修改": "Nothing to save",
    "已保存 %1": "Saved %1",
    "此投诉已被他人修改并保存。": "Someone else has changed and saved this complaint.",
    "您在此窗口的修改尚未保存。可先复制需要保留的内容，再点“重新载入”。":
        "Your changes in this window are not saved. Copy anything you want to keep, then click \"Reload\".",
    "是否现在重新载入最新内容？\n选择“是”将放弃您在此窗口中尚未保存的修改；选择“否”保留您的修改，可稍后再重新载入。":
        "Reload the latest version now?\n\"Yes\" discards your unsaved changes in this window; \"No\" keeps "
        "them, and you can reload later.",
    "重新载入将放弃您在此窗口中尚未保存的修改。继续吗？":
        "Reloading discards your unsaved changes in this window. Continue?",
    "有未保存的修改。关闭并放弃这些修改吗？": "There are unsaved changes. Close and discard them?",

    # --- ComplaintTableModel
    "点击按此列排序，再点一次反向": "Click to sort by this column; click again to reverse",
    "此列不能排序（可排序：编号、受理日期、答复期限）":
        "This column cannot be sorted (sortable: No., Received, Deadline)",
    "已超期 %1 天": "%1 day(s) overdue",
    "还有 %1 天到期": "Due in %1 day(s)",

    # --- ComplaintsPage
    "搜索投诉内容、备注、客户姓名、编号或工单号": "Search text, notes, customer name, no. or work-order no.",
    "受理日期不早于": "Received on or after",
    "受理日期不晚于": "Received on or before",
    "清除筛选": "Clear filters",
    "全部渠道": "All channels",
    "全部状态": "All statuses",
    "未办结": "Open",
    "全部等级": "All levels",
    "一级或二级": "Level 1 or 2",
    "全部承办人": "All",
    "全部指标": "All indicators",
    "受理日期：": "Received:",
    "渠道：": "Channel:",
    "风险等级：": "Risk:",
    "承办人：": "Handler:",
    "指标：": "Indicator:",
    "加入团伙/案件…": "Add to group/case…",
    "新建团伙/案件…": "New group/case…",
    "加入已有团伙/案件…": "Add to existing group/case…",
    "答复期限：": "Deadline:",
    "已超期": "Overdue",
    "3 天内到期": "Due within 3 days",
    "%1（已停用）": "%1 (disabled)",
    "共 … 笔投诉": "… complaints",
    "共 %1 笔投诉": "%1 complaints",
    "共 ? 笔投诉": "? complaints",
    "已选 %1 笔": "%1 selected",
    "请先在列表中选中一笔或多笔投诉（按住 Ctrl 或 Shift 可多选）。":
        "First select one or more complaints in the list (hold Ctrl or Shift to select several).",
    "已建立团伙/案件 %1，含 %2 笔投诉": "Created group/case %1 with %2 complaint(s)",
    "已将 %1 笔投诉加入 %2": "Added %1 complaint(s) to %2",
    "（%1 笔原已在其中）": " (%1 already in it)",

    # --- ContactDialog
    "客户本人": "The customer",
    "自称代理人/律师": "Self-declared agent/lawyer",
    "家属或朋友": "Family or friend",
    "其他人": "Someone else",
    "无人接听": "No answer",
    "号码停机/空号": "Number suspended/unassigned",
    "登记联系记录": "Record contact",
    "我方使用的号码或坐席分机": "Our number or desk extension",
    "实际拨通或来电的号码，例如 138 1234 5678": "Number reached or calling in, e.g. 138 1234 5678",
    "谁接听或回复（可自行填写）": "Who answered or replied (or type it)",
    "通话或见面的要点：对方说了什么、是否承认委托代理、约定了什么":
        "Key points: what they said, whether they admit acting as an agent, what was agreed",
    "虚拟运营商号段，常见于代理人使用的号码。%1": "Virtual-operator segment, common with agents' numbers. %1",
    "联系时间不能晚于现在": "Contact time cannot be in the future",

    # --- DashboardPage
    "逾期 %1 天": "%1 day(s) overdue",
    "还剩 %1 天": "%1 day(s) left",
    "未办结投诉": "Open complaints",
    "状态不是“已办结”的投诉": "Complaints not in status \"Closed\"",
    "我的待办": "My complaints",
    "由我处理、尚未办结的投诉": "Open complaints I am handling",
    "3 日内到期": "Due within 3 days",
    "答复期限在今天起 3 日内、尚未办结": "Open, response deadline within 3 days from today",
    "已逾期": "Overdue",
    "答复期限已过、尚未办结": "Open, response deadline passed",
    "疑似异常维权": "Suspicious",
    "未办结投诉中已认定异常维权或已定风险等级的":
        "Open complaints found abnormal or given a risk level",
    "调查中团伙": "Investigating",
    "状态为“调查中”的团伙/案件": "Groups/cases in status \"Investigating\"",
    "待移送团伙": "Groups to refer",
    "状态为“待移送”的团伙/案件": "Groups/cases in status \"Ready to refer\"",
    "待机关决定": "Awaiting decision",
    "已移送、尚待公安或监管机关作出决定的移送": "Referrals awaiting a decision by the police or a regulator",
    "待确认关联": "Links to confirm",
    "系统提示、尚未确认或排除的关联": "Links suggested by the system, not yet confirmed or rejected",
    "关联到": "Linked to",
    "提示时间": "Suggested at",
    "投诉数": "Complaints",
    "更新时间": "Updated",
    "即将到期 / 已逾期": "Due soon / overdue",
    "新的关联提示": "New link suggestions",
    "工作台": "Dashboard",
    "剩余": "Left",
    "正在载入…": "Loading…",
    "载入失败": "Loading failed",
    "即将到期 / 已逾期（逾期 %1 笔，3 日内到期 %2 笔%3）":
        "Due soon / overdue (%1 overdue, %2 due within 3 days%3)",
    "，显示 %1 笔": ", %1 shown",
    "更新于 %1": "Updated %1",
    "%1（共 %2 笔，显示最新 %3 笔）": "%1 (%2 in all, latest %3 shown)",

    # --- DecisionDialog / DecisionTableModel
    "登记决定": "Record decision",
    "%1  %2\n%3：%4，移送日期 %5": "%1  %2\n%3: %4, referred on %5",
    "如 受案回执、立案决定书、不予立案通知书的文号":
        "E.g. no. of the acceptance receipt, case-opening decision or refusal notice",
    "此决定不产生后续期限。": "This decision sets no further deadline.",
    "%1 前 — %2": "By %1 — %2",

    # --- EvidenceDialog
    "证据信息：%1": "Evidence details: %1",
    "例如：客户本人提交、客服录音系统导出": "E.g. submitted by the customer, exported from the call-recording system",
    "原件": "Original",
    "复制件": "Copy",
    "此证据用来证明什么，例如：证明代理人冒充客户接听催收电话":
        "What this evidence proves, e.g. that an agent posed as the customer on collection calls",
    "例如：已向出具单位电话核实，对方确认未出具该证明":
        "E.g. checked by phone with the issuing unit, which confirmed it never issued this certificate",
    "逐句写明说话人和内容，例如：\n客服：您好，请问是张先生吗？\n对方：……":
        "Write each line with its speaker, e.g.:\nService rep: Hello, is this Mr Zhang?\nOther party: …",
    "文件（入库后不可更改）": "File (cannot be changed once stored)",
    "证据类型": "Evidence type",
    "%1（%2 字节）": "%1 (%2 bytes)",
    "证据说明": "About the evidence",
    "来源/提供人": "Source/provider",
    "原件或复制件": "Original or copy",
    "证明目的": "Purpose of proof",
    "核实情况": "Verification",
    "录音证据应附文字抄清（逐句写明说话人与内容），移送公安时一并提交。":
        "A recording needs a transcript (speaker and words, line by line), submitted with it when "
        "referring to the police.",
    "证据信息": "Evidence details",
    "保管记录（%1）": "Custody log (%1)",
    "  此录音尚无文字抄清。": "  This recording has no transcript yet.",
    "没有保存：在您编辑期间，其他人已经修改并保存了这条证据的信息。\n请关闭此窗口，重新打开后再修改（您刚才填写的内容需要重新填写）。":
        "Not saved: someone else changed and saved this evidence's details while you were editing.\n"
        "Close this window and open it again to make your changes (you will need to enter them again).",
    "放弃尚未保存的修改？": "Discard unsaved changes?",

    # --- EvidencePage
    "搜索文件名、说明、哈希值，或输入投诉/案件编号": "Search file name, description, hash, or enter a complaint/case no.",
    "全部类型": "All types",
    "打开所属投诉": "Open complaint",
    "打开这件证据所属的投诉（或团伙/案件）": "Open the complaint (or group/case) this evidence belongs to",
    "证据库": "Evidence store",
    "共 %1 件证据": "%1 evidence items",
    "打开所属团伙/案件": "Open group/case",

    # --- EvidencePanel
    "按文件自动判断": "Detect from file",
    "新添加的文件记为哪种证据；自动判断：录音文件记为录音，图片记为截图，其余记为其他":
        "Evidence type for newly added files. Detect: audio files become recordings, images "
        "screenshots, anything else other",
    "添加证据…": "Add evidence…",
    "重新计算文件的 SHA-256 与 SM3，确认入库后未被改动":
        "Recompute the file's SHA-256 and SM3 to confirm it has not changed since it was stored",
    "请先保存，再添加证据。": "Save first, then add evidence.",
    "您的角色只能查看和校验证据，不能添加或修改。": "Your role can view and verify evidence but not add or change it.",
    "还没有证据。点“添加证据…”选择文件，或直接把文件拖到这里。文件会计算 SHA-256 与 SM3 后存入证据库，原文件不受影响。":
        "No evidence yet. Click \"Add evidence…\" to choose files, or drag files here. Each file is "
        "hashed (SHA-256 and SM3) and stored in the evidence store; the original file is left untouched.",
    "共 %1 件证据。可直接把文件拖到这里添加；双击一行查看。":
        "%1 evidence items. Drag files here to add more; double-click a row to view it.",
    "选择要添加的证据文件": "Choose evidence files to add",
    "所有文件 (*);;录音 (*.wav *.mp3 *.m4a *.amr *.flac *.aac *.ogg);;图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;PDF (*.pdf)":
        "All files (*);;Recordings (*.wav *.mp3 *.m4a *.amr *.flac *.aac *.ogg);;"
        "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;PDF (*.pdf)",
    "上一批文件还在添加中，请稍候。": "The previous files are still being added; please wait.",
    "以下不是文件（文件夹或已不存在），没有添加：\n%1": "These are not files (folders or gone) and were not added:\n%1",
    "添加证据": "Add evidence",
    "已取消。已添加 %1 个文件，其余没有保存。": "Cancelled. %1 file(s) added; the rest were not saved.",
    "已取消，没有保存任何文件。": "Cancelled; no files were saved.",
    "正在计算哈希并存入证据库：%1": "Hashing and storing: %1",
    "第 %1 个，共 %2 个文件": "File %1 of %2",
    "已处理 %1 / %2": "Processed %1 / %2",
    "已添加 %1 件证据。": "Added %1 evidence item(s).",
    "其中 %1 个文件的内容与证据库中已有文件相同，只保存了一份。":
        "%1 of them matched a file already in the evidence store; only one copy is kept.",

    # --- EvidenceTableModel / EvidenceViewer / EvidenceViewerDialog
    "SHA-256（前12位）": "SHA-256 (first 12)",
    "%1 字节": "%1 bytes",
    "查看证据：%1": "Evidence: %1",
    "证据文件在证据库中找不到，可能已被移动或删除。请运行“校验”并联系管理员。":
        "The evidence file is missing from the evidence store; it may have been moved or deleted. "
        "Run \"Verify\" and contact an administrator.",
    "此录音尚无文字抄清，可在“编辑信息”中填写。": "This recording has no transcript yet; add one under \"Edit details\".",
    "此类文件（%1）无法在程序内预览。文件原样保存在证据库中（只读，请勿改动），可导出副本后用其他程序打开。":
        "Files of this kind (%1) cannot be previewed here. The file is kept unchanged in the evidence "
        "store (read-only; do not modify it); export a copy to open it in another program.",
    "存放位置：%1": "Location: %1",
    "打开所在文件夹": "Open folder",
    "收集": "Collected",
    "所属": "Belongs to",

    # --- GroupDialog
    "建立团伙/案件": "New group/case",
    "例如：深圳某咨询公司代理投诉团伙": "E.g. Shenzhen consulting firm complaint agents",
    "为何认为这些投诉属于同一团伙：共用电话、地址、模板文本等":
        "Why these complaints belong to one group: shared phone, address, template text, etc.",
    "名称（必填）：": "Name (required):",
    "概要：": "Summary:",
    "包含投诉（%1 笔）：": "Complaints (%1):",
    "……另有 %1 笔": "… and %1 more",

    # --- GroupsPage
    "搜索团伙/案件名称、概要或编号": "Search group/case name, summary or no.",
    "处置结果": "Outcome",
    "请在左侧选择一个团伙/案件。\n\n新的团伙/案件在“投诉”页建立：选中多笔相关投诉，点“加入团伙/案件…”。":
        "Select a group/case on the left.\n\nNew groups/cases are created on the \"Complaints\" page: "
        "select related complaints and click \"Add to group/case…\".",
    "双击或按回车打开投诉。": "Double-click or press Enter to open a complaint.",
    "证件号/信用代码": "ID / credit code",
    "添加嫌疑人/单位…": "Add suspect…",
    "号码均已遮蔽；需要完整号码时，在投诉详情中经授权查看。":
        "All numbers are masked; authorised users can show a full number in the complaint.",
    "记录进展：核实结果、与公安或监管的沟通、下一步安排……":
        "Record progress: verification results, contact with police or regulators, next steps…",
    "添加备注": "Add note",
    "元，如 125000.00": "Yuan, e.g. 125000.00",
    "元": "yuan",
    "处理人数：": "Persons handled:",
    "拘留：": "Detained:",
    "逮捕：": "Arrested:",
    "取保候审：": "On bail:",
    "起诉：": "Prosecuted:",
    "判刑：": "Sentenced:",
    "涉案金额（元）：": "Amount involved (yuan):",
    "止损/拦截金额（元）：": "Losses stopped (yuan):",
    " 人": " persons",
    "保存处置结果": "Save outcome",
    "按公安或监管部门的通报填写；统计报表从这里汇总。":
        "Fill in from police or regulator notices; the statistics are compiled from here.",
    "接收机关 / 决定": "Authority / decision",
    "回执号/文书号": "Receipt/document no.",
    "移送与决定在“移送”页登记，这里只读。": "Referrals and decisions are recorded on the \"Referrals\" page; read-only here.",
    "共 %1 个团伙/案件": "%1 groups/cases",
    "%1 建立于 %2 · 投诉 %3 笔 · 嫌疑人/单位 %4 个": "%1 created %2 · %3 complaint(s) · %4 suspect(s)",
    " · 涉案金额 %1 元": " · amount involved %1 yuan",
    "涉及投诉（%1）": "Complaints (%1)",
    "嫌疑人/单位（%1）": "Suspects (%1)",
    "备注（%1）": "Notes (%1)",
    "移送（%1）": "Referrals (%1)",
    "尚未移送": "Not referred yet",
    "%1 状态已改为“%2”": "%1 status changed to \"%2\"",
    "已添加备注": "Note added",
    "%1 处置结果已保存": "%1 outcome saved",
    "已添加嫌疑人/单位“%1”": "Suspect \"%1\" added",

    # --- ImageViewer
    "适应窗口": "Fit to window",
    "原始大小 100%": "Actual size 100%",
    "放大（Ctrl+滚轮 或 + 键）": "Zoom in (Ctrl+wheel or +)",
    "缩小（Ctrl+滚轮 或 - 键）": "Zoom out (Ctrl+wheel or -)",
    "按住鼠标拖动可移动图片": "Drag with the mouse to move the image",
    "无法显示此图片：文件已损坏或格式不受支持。": "Cannot show this image: the file is damaged or its format is not supported.",
    "%1 × %2 像素": "%1 × %2 pixels",

    # --- LinkTableModel / LinksPage
    "投诉 A": "Complaint A",
    "投诉 B": "Complaint B",
    "分值": "Score",
    "排除关联": "Reject link",
    "关联图将随自动关联识别一同提供；此处列出已记录的关联及其理由。双击打开投诉。":
        "The link graph will come with automatic link detection; this page lists the recorded links "
        "and their reasons. Double-click to open a complaint.",

    # --- MainWindow
    "灰线 Greyline — 异常维权投诉证据与移送": "Greyline — evidence and referral for abnormal rights-protection complaints",
    "库：%1": "Database: %1",
    "用户：%1（%2）": "User: %1 (%2)",
    "工具栏": "Toolbar",
    "请先在投诉列表中选中要归入团伙/案件的投诉。": "First select, in the complaint list, the complaints to put into a group/case.",
    "已取消，未做任何改动。": "Cancelled; nothing was changed.",
    "选择要导入的工单文件": "Choose a work-order file to import",
    "工单文件 (*.csv *.xlsx *.txt)": "Work-order files (*.csv *.xlsx *.txt)",
    "导入完成：%1 行，新增 %2 笔，已存在跳过 %3 笔。": "Import done: %1 rows, %2 new, %3 skipped as already present.",
    "正在导入 %1 …": "Importing %1 …",
    "保存导入模板": "Save import template",
    "模板已保存：%1": "Template saved: %1",
    "校验通过：数据库、全部证据文件与审计链均完好。": "Verified: the database, all evidence files and the audit chain are intact.",
    "发现 %1 个问题：\n%2": "%1 problem(s) found:\n%2",
    "正在校验数据与证据…": "Verifying data and evidence…",
    "选择一个新的备份文件夹名称": "Choose a name for a new backup folder",
    "备份完成：%1 个文件，位于 %2。备份含密钥文件，请妥善保管。":
        "Backup done: %1 files in %2. The backup includes the key file; keep it safe.",
    "正在备份…": "Backing up…",
    "灰线 Greyline %1\n异常维权投诉证据与移送工作台":
        "Greyline %1\nEvidence and referral workbench for abnormal rights-protection complaints",

    # --- NewIdentifierRow / OptionalDateEdit
    "号码、邮箱、微信号或地址": "Number, e-mail, WeChat ID or address",
    "可识别：%1": "Recognised: %1",
    "不限": "Any",

    # --- PdfViewer
    "上一页": "Previous page",
    "下一页": "Next page",
    "适应宽度": "Fit width",
    "整页": "Whole page",
    "第": "Page",
    "页，共 %1 页": "of %1",
    "此 PDF 受密码保护，无法在程序内查看。": "This PDF is password-protected and cannot be viewed here.",
    "此 PDF 使用了不支持的加密方式。": "This PDF uses an unsupported encryption method.",
    "找不到 PDF 文件。": "PDF file not found.",
    "无法打开此 PDF：文件已损坏或不是有效的 PDF。": "Cannot open this PDF: the file is damaged or not a valid PDF.",
    "自动": "Auto",

    # --- QWidget (error display)
    "程序出现意外错误，已记录到日志：\n%1\n\n%2": "An unexpected error occurred and has been logged:\n%1\n\n%2",
    "灰线 Greyline": "Greyline",

    # --- ReferralDialog
    "登记移送": "Record referral",
    "%1  %2（%3）": "%1  %2 (%3)",
    "如 ××市公安局××分局、××区市场监督管理局":
        "E.g. ×× Branch, ×× City Public Security Bureau; ×× District Market Supervision Bureau",
    "如 报案材料.pdf（可不填）": "E.g. report-package.pdf (optional)",
    "选择文件并计算…": "Choose file and hash…",
    "选择已发出的材料包文件，自动填入文件名并计算 SHA-256":
        "Choose the package file that was sent; fills in its name and computes its SHA-256",
    "64 位十六进制，可不填": "64 hex digits, optional",
    "已取得受案回执": "Acceptance receipt obtained",
    "回执或文书编号": "Receipt or document no.",
    "如 报送方式、经办民警、材料份数": "E.g. how it was delivered, officer in charge, number of copies",
    "材料包文件": "Package file",
    "还没有可移送的团伙/案件。请先在“团伙/案件”页由投诉建立团伙。":
        "No groups/cases to refer yet. First build a group from complaints (see the \"Groups/cases\" page).",
    "选择材料包文件": "Choose package file",
    "所有文件 (*)": "All files (*)",
    "正在计算 %1 的 SHA-256…": "Computing SHA-256 of %1…",
    "计算哈希": "Hashing",
    "正在计算材料包哈希，请稍候。": "Still hashing the package; please wait.",
    "请选择要移送的团伙/案件。": "Choose the group/case to refer.",

    # --- ReferralTableModel
    "团伙编号": "Group no.",
    "回执号": "Receipt no.",
    "最新决定": "Latest decision",
    "下一期限": "Next deadline",
    "尚无决定": "No decision yet",
    "期限已过：%1": "Deadline passed: %1",

    # --- ReferralsPage
    "登记移送…": "Record referral…",
    "登记决定…": "Record decision…",
    "打开团伙/案件": "Open group/case",
    "您的角色无权登记移送": "Your role cannot record referrals",
    "材料包": "Package",
    "移送详情": "Referral details",
    "机关决定记录": "Decisions of the authority",
    "下一期限：<span style='background:%1'>&nbsp;已过期&nbsp;</span>&nbsp;<span style='background:%2'>&nbsp;3 日内到期&nbsp;</span>":
        "Next deadline: <span style='background:%1'>&nbsp;passed&nbsp;</span>&nbsp;"
        "<span style='background:%2'>&nbsp;due within 3 days&nbsp;</span>",
    "共 %1 次移送": "%1 referrals",
    "，%1 项期限已过": ", %1 deadline(s) passed",
    "%1（%2），%3 移送": "%1 (%2), referred %3",
    "未登记": "Not recorded",
    "尚未取得": "Not yet obtained",
    "已登记移送。": "Referral recorded.",
    "已登记决定。后续期限：%1（%2）": "Decision recorded. Next deadline: %1 (%2)",
    "已登记决定。": "Decision recorded.",

    # --- SettingsPage
    "机构信息（用于报案书与移送材料）": "Institution (used in report letters and referral packages)",
    "机构名称": "Institution name",
    "统一社会信用代码": "Unified social credit code",
    "法定代表人": "Legal representative",
    "经办人": "Staff in charge",
    "保存机构信息": "Save institution details",
    "各渠道答复期限": "Response deadlines by channel",
    "期限（天）": "Deadline (days)",
    "按工作日计算": "Working days",
    "保存期限规则": "Save deadline rules",
    "新规则适用于此后保存的投诉。法定节假日不计入自动计算，可在投诉中手动调整期限。":
        "New rules apply to complaints saved from now on. Public holidays are not taken into account; "
        "adjust the deadline by hand in the complaint where needed.",
    "用户与角色": "Users and roles",
    "用户名": "Username",
    "登录名，如 zhang.san": "Login name, e.g. zhang.san",
    "添加用户": "Add user",
    "界面语言": "Interface language",
    "重新启动后生效。": "Takes effect after a restart.",
    "机构信息已保存": "Institution details saved",
    "已保存 %1 条期限规则": "Saved %1 deadline rule(s)",
    "用户已添加": "User added",
    "界面语言将在重新启动后切换。": "The interface language changes after a restart.",

    # --- StatisticsPage
    "统计": "Statistics",
    "统计期间": "Period",
    "本月": "This month",
    "本季度": "This quarter",
    "本年": "This year",
    "上一年": "Last year",
    "近 12 个月": "Last 12 months",
    "移送/报案": "Referred/reported",
    "受案": "Accepted",
    "刑事立案": "Criminal case opened",
    "治安案件": "Public-order case",
    "不予立案": "Refused",
    "申请复议": "Reconsideration requested",
    "项目": "Item",
    "数值": "Value",
    "笔数": "Count",
    "团伙/案件数": "Groups/cases",
    "移送与机关决定（按移送日期、决定日期）": "Referrals and decisions (by referral and decision date)",
    "处置成果（团伙按建立日期）": "Results (groups by creation date)",
    "受理投诉（按渠道，按受理日期）": "Complaints received (by channel and received date)",
    "投诉当前状态": "Complaints by current status",
    "团伙/案件当前状态（按建立日期）": "Groups/cases by current status (by creation date)",
    "说明：决定按每次移送计一次；平均天数按首次受案、首次立案的决定日期计算。":
        "Note: each decision counts once per referral; average days use the dates of the first "
        "acceptance and the first case opening.",
    "正在统计…": "Calculating…",
    "统计失败": "Statistics failed",
    "%1 天（%2 起）": "%1 days (%2 cases)",
    "合计": "Total",
    "新建团伙/案件": "New groups/cases",
    "处理人数": "Persons handled",
    "刑事拘留": "Criminal detention",
    "逮捕": "Arrested",
    "取保候审": "On bail",
    "起诉": "Prosecuted",
    "判决": "Sentenced",
    "止损/拦截金额（元）": "Losses stopped (yuan)",
    "移送至受案平均天数": "Avg. days from referral to acceptance",
    "受案至立案平均天数": "Avg. days from acceptance to case opening",
    "其中疑似异常维权": "of which suspected abnormal",
    "%1 至 %2，统计于 %3": "%1 to %2, compiled %3",

    # --- SuspectDialog
    "添加嫌疑人/单位": "Add suspect",
    "自然人": "Person",
    "单位": "Organisation",
    "每行一个号码": "One number per line",
    "如：广东省深圳市福田区华强北路1号某大厦1201": "E.g. Rm 1201, ×× Building, 1 Huaqiangbei Rd, Futian, Shenzhen, Guangdong",
    "每行一个账号": "One account per line",
    "类型：": "Type:",
    "角色：": "Role:",
    "电话：": "Phones:",
    "地址：": "Address:",
    "微信：": "WeChat:",
    "银行账户：": "Bank accounts:",
    "备注：": "Notes:",
    "证件号、电话、账号加密保存，列表中只显示遮蔽后的号码。":
        "ID numbers, phones and accounts are stored encrypted; lists show them masked.",
    "姓名（必填）：": "Name (required):",
    "单位名称（必填）：": "Organisation name (required):",
    "身份证号：": "ID number:",
    "统一社会信用代码：": "Credit code:",
    "18 位，可不填": "18 characters, optional",
    "18 位，见营业执照，可不填": "18 characters, on the business licence; optional",
    "第 %1 行（%2）：%3": "Line %1 (%2): %3",
    "✓ %1 个%2格式正确": "✓ %1 %2 well-formed",
    "✓ 身份证号有效（%1，%2 出生）": "✓ Valid ID number (%1, born %2)",
    "✓ 统一社会信用代码有效": "✓ Valid unified social credit code",
    "电话号码": "phone number(s)",
    "账号": "account(s)",
    "请先修正上面标红的 %1 处问题。": "First fix the %1 problem(s) marked in red above.",
    "请填写%1。": "Please enter the %1.",
    "单位名称": "organisation name",

    # --- VerifyRunner
    "上一个校验还在进行，请稍候。": "The previous verification is still running; please wait.",
    "正在重新计算“%1”的 SHA-256 与 SM3 …": "Recomputing SHA-256 and SM3 of \"%1\" …",
    "校验证据": "Verify evidence",
    "校验通过：“%1”与入库时记录的值一致，文件未被改动。\nSHA-256 %2\nSM3 %3":
        "Verified: \"%1\" matches the values recorded when it was stored; the file is unchanged.\n"
        "SHA-256 %2\nSM3 %3",
    "校验未通过：证据库中找不到“%1”的文件，可能已被移动或删除。请联系管理员从备份恢复。":
        "Verification failed: the file of \"%1\" is missing from the evidence store; it may have been "
        "moved or deleted. Ask an administrator to restore it from a backup.",
    "校验未通过：证据库中“%1”的文件已被改动，与入库时记录的哈希值不一致，不能再作为完整证据使用。请联系管理员从备份恢复。\n技术细节：%2":
        "Verification failed: the file of \"%1\" in the evidence store has been altered; its hash no "
        "longer matches the one recorded when it was stored, so it can no longer serve as intact "
        "evidence. Ask an administrator to restore it from a backup.\nTechnical details: %2",
    "已取消校验。": "Verification cancelled.",

    # --- app
    "正在生成演示数据…": "Generating demo data…",

    # --- link detection: complaint editor, link graph, links page, group proposals
    "来源": "Source",
    "（工单号 %1）": "(work-order number %1)",
    "（未写明理由）": "(no reason given)",
    "点“比较文本”或双击该行，可并排查看两篇原文的相同与不同之处。":
        "Click \"Compare text\" or double-click the row to see the two original texts side by side, "
        "with what they share and where they differ.",
    "依据证据 %1，点“查看证据”可打开比对的文件。":
        "Based on evidence %1; click \"View evidence\" to open the compared files.",
    "比较文本": "Compare text",
    "并排比较两篇投诉的原文（模板文本关联）":
        "Compare the original texts of the two complaints side by side (template text link)",
    "查看证据": "View evidence",
    "打开同一声音或同一图片关联所依据的证据文件":
        "Open the evidence files a same-voice or same-image link is based on",
    "风险等级由人工设定（优先于系统计算）。":
        "Risk level set manually (takes precedence over the system's calculation).",
    "系统识别的依据：": "Why the system flagged it:",
    "您的角色（%1）不能确认或排除关联。": "Your role (%1) cannot confirm or reject links.",
    "已选 %1 条关联：可一起确认或排除。": "%1 links selected: you can confirm or reject them together.",
    "选中一条关联可在此查看完整理由。按住 Ctrl 或 Shift 可选多条，一起确认或排除。":
        "Select a link to see its full reason here. Hold Ctrl or Shift to select several and confirm "
        "or reject them together.",
    "待确认 %1 条（列在最前）· 已确认 %2 条 · 已排除 %3 条":
        "%1 pending (listed first) · %2 confirmed · %3 rejected",
    "已确认 %1 条关联": "Confirmed %1 links",
    "已排除 %1 条关联": "Rejected %1 links",
    "有 %1 条关联未能处理（列表已重新载入）：": "%1 links could not be processed (the list has been reloaded):",
    "使用共用标识": "Uses shared identifier",
    "团伙/案件成员": "Agent group/case member",
    "共用标识": "Shared identifier",
    "双击打开": "Double-click to open",
    "（%1，分值 %2）": " (%1, score %2)",
    "显示整张图": "Show whole graph",
    " 一级": " Level 1",
    " 二级": " Level 2",
    " 未定级": " Unrated",
    " 共用标识": " Shared identifier",
    " 团伙/案件": " Agent group/case",
    "实线已确认，虚线待确认": "Solid line: confirmed; dashed line: pending",
    "共用标识（菱形）": "Shared identifier (diamond)",
    "团伙/案件（方形）": "Agent group/case (square)",
    "全选": "Select all",
    "全不选": "Select none",
    "待确认": "Pending",
    "已确认": "Confirmed",
    "只显示分值不低于此值的关联（文本相似度、声纹或图片匹配程度）":
        "Show only links scoring at least this value (text similarity, voiceprint or image match)",
    "灰线编号或工单号": "Greyline number or work-order number",
    "定位投诉": "Find complaint",
    "只显示这笔投诉及其两层以内的关联": "Show only this complaint and its links up to two steps away",
    "显示全部": "Show all",
    "重新检测全部": "Re-detect all",
    "重新比对全部投诉的联系方式、文本、声音和图片，更新关联与风险等级":
        "Compare the contact details, texts, voices and images of all complaints again and update "
        "links and risk levels",
    "关联类型：": "Link type:",
    "最低分值：": "Minimum score:",
    "正在载入关联图…": "Loading link graph…",
    "正在计算团伙建议…": "Computing agent group suggestions…",
    "建立团伙/案件…": "Create agent group/case…",
    "关联紧密的投诉集合，可能出自同一代理人。选中一条，图中会标出其投诉。":
        "Sets of closely linked complaints, possibly from the same agent. Select one to highlight its "
        "complaints in the graph.",
    "选中一条关联，图中会定位到它；双击打开投诉。":
        "Select a link to locate it in the graph; double-click to open the complaint.",
    "团伙建议": "Agent group suggestions",
    "关联列表": "Link list",
    "找不到这笔投诉。": "This complaint could not be found.",
    "没有符合筛选条件的关联。请放宽上方的关联类型、状态或最低分值。":
        "No links match the filters. Widen the link type, status or minimum score above.",
    "还没有关联。\n\n当多笔投诉共用同一电话、地址、邮箱或微信，投诉文本高度雷同，录音中是同一人的声音，或提交了同一张图片（如伪造的公章或证明）时，系统会自动把它们关联起来，并显示在这里。\n\n录入或导入投诉、添加证据后即会检测；也可点击右上角的“重新检测全部”。":
        "No links yet.\n\nWhen several complaints share the same phone number, address, email or WeChat, "
        "have nearly identical texts, contain the same person's voice in recordings, or submit the same "
        "image (such as a forged seal or certificate), the system links them automatically and shows "
        "them here.\n\nDetection runs when complaints are entered or imported and when evidence is "
        "added; you can also click \"Re-detect all\" at the top right.",
    "图中：%1 笔投诉、%2 个共用标识、%3 个团伙/案件，%4 条连线。":
        "In the graph: %1 complaints, %2 shared identifiers, %3 agent groups/cases, %4 edges.",
    "%1 两层以内的关联。": "Links of %1 up to two steps away.",
    "共有 %1 个节点，只显示关联最多的 %2 个；可用“定位投诉”查看某笔投诉周围。":
        "%1 nodes in total; only the %2 most linked are shown. Use \"Find complaint\" to view the "
        "surroundings of a complaint.",
    "滚轮缩放，拖动平移，双击打开。": "Scroll to zoom, drag to pan, double-click to open.",
    "团伙建议（%1）": "Agent group suggestions (%1)",
    "暂无团伙建议：还没有三笔以上紧密关联、且尚未建立团伙的投诉。":
        "No agent group suggestions: there are no three or more closely linked complaints not yet in "
        "an agent group.",
    "选中一条建议查看详情。": "Select a suggestion to see its details.",
    "已选 %1 类": "%1 types selected",
    "关联依据：%1": "Link basis: %1",
    "共用标识：%1": "Shared identifiers: %1",
    "%1 %2（%3 笔）": "%1 %2 (%3 complaints)",
    "已有团伙/案件：%1": "Existing agent group/case: %1",
    "等 %1 笔": "… (%1 in total)",
    "投诉：%1": "Complaints: %1",
    "正在重新检测全部投诉的关联…": "Re-detecting links across all complaints…",
    "已取消重新检测，未做任何改动。": "Re-detection cancelled; nothing was changed.",
    "可选：为何认为这些投诉属于同一团伙": "Optional: why these complaints are thought to belong to the same agent group",
    "由关联检测建议：%1": "Suggested by link detection: %1",
    "共用标识将作为疑似代理人记录：%1": "The shared identifiers will be recorded as suspected agents: %1",
    "注意：部分投诉已属于 %1": "Note: some complaints already belong to %1",
    "建议名称": "Suggested name",
    "已有团伙/案件": "Existing agent group/case",

    # --- template text: similar complaints panel and text comparison
    "输入或粘贴投诉内容后，自动查找与已登记投诉雷同的文本。":
        "After you type or paste the complaint text, texts matching recorded complaints are found "
        "automatically.",
    "雷同文本": "Matching texts",
    "展开或收起雷同文本列表": "Expand or collapse the list of matching texts",
    "投诉编号": "Complaint number",
    "开头": "Beginning",
    "未发现雷同文本": "No matching texts found",
    "打开投诉": "Open complaint",
    "比较": "Compare",
    "把正在录入的文本与选中的投诉并排比较": "Compare the text being entered with the selected complaint side by side",
    "正在查找雷同文本…": "Looking for matching texts…",
    "正在录入的文本": "Text being entered",
    "发现至少 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。":
        "At least %1 recorded complaints match this text (highest similarity %2%); they may come from "
        "the same template.",
    "发现 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。":
        "%1 recorded complaints match this text (highest similarity %2%); they may come from the same "
        "template.",
    "查找雷同文本时出错，已记入日志；不影响保存。":
        "An error occurred while looking for matching texts and was logged; saving is not affected.",
    "受理 %1": "Received %1",
    "比较文本：%1 与 %2": "Compare text: %1 and %2",
    "相似度按系统识别模板文本的方法计算：去除姓名、号码、日期、金额后，比较连续四个字的片段（Jaccard 相似度）。":
        "Similarity is computed the way the system detects template text: after removing names, "
        "numbers, dates and amounts, runs of four consecutive characters are compared (Jaccard "
        "similarity).",
    "两篇相同的段落": "Passages in both texts",
    "仅本篇有的文字（差异）": "Text only in this one (difference)",
    "示例": "Sample",
    "相似度 %1%（去除姓名、号码、日期、金额后）": "Similarity %1% (after removing names, numbers, dates and amounts)",
    "有一篇文本为空，无法比较。": "One of the texts is empty, so they cannot be compared.",
    "相同文字占左侧文本的 %1%、右侧文本的 %2%；差异 %3 处。":
        "Shared text makes up %1% of the left text and %2% of the right text; %3 differences.",

    # --- detection settings: link-detection settings form, common identifiers, detection runner
    "机构与用户": "Institution and users",
    "关联检测": "Link detection",
    "常用号码（不参与关联）": "Common numbers (do not correlate)",
    "号码/标识（已脱敏）": "Number/identifier (masked)",
    "客户数": "Customers",
    "不参与关联": "Do not correlate",
    "是（不产生关联提示）": "Yes (no link alerts)",
    "本机构客服热线、12378 等常见号码会出现在大量投诉中，却不说明这些投诉有关联。标记为“不参与关联”后，它们不再产生关联提示，使用它们的投诉会立即重新检测。下表列出被多笔投诉共用的号码（最多 200 个，按投诉数排序）及已标记的号码。":
        "Common numbers such as our own customer-service hotline or 12378 appear in many complaints "
        "without showing that those complaints are linked. Once marked \"Do not correlate\", they no "
        "longer raise link alerts, and the complaints that use them are re-detected at once. The table "
        "lists the numbers shared by several complaints (at most 200, by number of complaints) and the "
        "numbers already marked.",
    "查找号码：输入后四位，或完整号码": "Find a number: enter the last four digits or the full number",
    "查找": "Find",
    "标记为不参与关联…": "Mark as do not correlate…",
    "取消标记…": "Unmark…",
    "只有管理员可以标记或取消标记。": "Only an administrator can mark or unmark.",
    "共 %1 个号码/标识": "%1 numbers/identifiers",
    "已标记 %1 为不参与关联": "Marked %1 as do not correlate",
    "已取消 %1 的不参与关联标记": "Removed the do-not-correlate mark from %1",
    "标记为不参与关联": "Mark as do not correlate",
    "取消“不参与关联”标记": "Remove the \"Do not correlate\" mark",
    "标记后，%1 不再把投诉关联在一起（适用于本机构客服热线、12378 等常见号码），使用它的投诉会立即重新检测。":
        "Once marked, %1 no longer links complaints together (for common numbers such as our own "
        "customer-service hotline or 12378), and the complaints that use it are re-detected at once.",
    "此标识": "this identifier",
    "取消标记后，%1 重新参与关联检测，使用它的投诉会立即重新检测。":
        "Once unmarked, %1 takes part in link detection again, and the complaints that use it are "
        "re-detected at once.",
    "原因（必填），如：本机构客服热线": "Reason (required), e.g.: our own customer-service hotline",
    "确定": "OK",
    "原因": "Reason",
    "正在保存标记并重新检测相关投诉…": "Saving the mark and re-detecting the complaints concerned…",
    "文本模板": "Text template",
    "文本相似度阈值": "Text similarity threshold",
    "两份投诉的文本相似度达到此值即提示“文本高度雷同”。调高：提示更少、更可靠；调低：能发现改动较多的模板，但误报增多。":
        "When the text similarity of two complaints reaches this value, \"Near-identical text\" is "
        "flagged. Higher: fewer, more reliable alerts; lower: finds templates that were changed more, "
        "but with more false alarms.",
    "声纹": "Voiceprint",
    "当前引擎": "Current engine",
    "同一声音判定阈值": "Same-voice threshold",
    "两段录音的声纹相似度达到此值即提示“同一声音”。调高：误报更少，但可能漏掉音质差的录音。":
        "When the voiceprint similarity of two recordings reaches this value, \"Same voice\" is flagged. "
        "Higher: fewer false alarms, but poor-quality recordings may be missed.",
    "团伙建议附加余量": "Extra margin for group suggestions",
    "声纹相似度须再高出此值，才计入团伙建议：录音越多，偶然相似的组合越多。":
        "Voiceprint similarity must exceed the threshold by this much to count towards agent group "
        "suggestions: the more recordings, the more pairs that are similar by chance.",
    "图片": "Images",
    "图片相同比例": "Image match ratio",
    "两张图片相同区块的比例达到此值即提示“同一图片重复出现”（如同一伪造印章）。调高：只认几乎一样的图片。":
        "When the share of identical blocks in two images reaches this value, \"Same image reused\" is "
        "flagged (e.g. the same forged seal). Higher: only near-identical images count.",
    " 天": " days",
    " 笔": " complaints",
    "集中投诉": "Complaint burst",
    "时间窗口（前后）": "Time window (either side)",
    "相关投诉的受理日期相差不超过此天数，视为同一时段。":
        "Related complaints received no more than this many days apart count as the same period.",
    "最少投诉数": "Minimum complaints",
    "同一时段内相关投诉达到此数即提示“短时间内集中投诉”。调低会更早提示，但误报增多。":
        "When related complaints in the same period reach this number, \"Burst of complaints in a "
        "short time\" is flagged. Lower: earlier alerts, but more false alarms.",
    "单个标识关联上限": "Link limit per identifier",
    "使用同一号码或地址的投诉超过此数时，视为公共号码，不再两两关联。客服热线等可在“常用号码”页直接标记。":
        "When more complaints than this use the same number or address, it is treated as a public "
        "number and no longer links them in pairs. Customer-service hotlines and the like can be marked "
        "directly on the \"Common numbers\" tab.",
    "更换手机号提示（天）": "Mobile change alert (days)",
    "投诉前此天数内更换过预留手机号，即提示“投诉前不久更换预留手机号”。":
        "If the registered mobile was changed within this many days before the complaint, \"Registered "
        "mobile changed shortly before\" is flagged.",
    "新增规则…": "New rule…",
    "编辑…": "Edit…",
    "删除": "Delete",
    "恢复默认": "Restore defaults",
    "风险等级规则": "Risk-level rules",
    "投诉满足任一条规则即达到该规则的等级，取最高者；一级为更严重（伪造、敲诈、有组织），可考虑报案。人工设定的等级不受规则影响。":
        "A complaint that meets any rule reaches that rule's level, and the highest applies; Level 1 is "
        "more serious (forgery, extortion, organised) and may warrant a police report. Levels set "
        "manually are not affected by the rules.",
    "保存关联检测设置": "Save link-detection settings",
    "撤销修改": "Undo changes",
    "只有管理员可以修改关联检测设置；这里显示当前使用的设置。":
        "Only an administrator can change the link-detection settings; the settings in use are shown "
        "here.",
    "Resemblyzer 神经网络声纹模型": "Resemblyzer neural-network voiceprint model",
    "内置声纹引擎（MFCC）": "Built-in voiceprint engine (MFCC)",
    "内置声纹引擎（MFCC，已校准）": "Built-in voiceprint engine (MFCC, calibrated)",
    "正在确定本机使用的声纹引擎…": "Determining the voiceprint engine used on this computer…",
    "%1（默认阈值 %2）": "%1 (default threshold %2)",
    "无法确定声纹引擎，声纹阈值暂不能修改。":
        "The voiceprint engine could not be determined, so the voiceprint threshold cannot be changed "
        "for now.",
    "有设置不符合要求，未保存，请看标红的说明。":
        "Some settings are not valid and nothing was saved; see the notes marked in red.",
    "已恢复默认规则，保存后生效。": "Default rules restored; they take effect once saved.",
    "没有需要保存的修改。": "There are no changes to save.",
    "至少保留一条规则；如需重新开始，请点“恢复默认”。":
        "Keep at least one rule; to start over, click \"Restore defaults\".",
    "关联检测设置已保存，将在下次检测时生效。":
        "Link-detection settings saved; they take effect at the next detection.",
    "关联检测设置已保存": "Link-detection settings saved",
    "设置已保存。是否现在按新设置重新检测全部投诉？\n投诉较多时可能需要几分钟，期间可以取消。":
        "Settings saved. Re-detect all complaints with the new settings now?\n"
        "With many complaints this may take a few minutes; you can cancel meanwhile.",
    "正在按新设置重新检测全部投诉…": "Re-detecting all complaints with the new settings…",
    "已取消重新检测，未做任何改动；新设置会在下次检测时生效。":
        "Re-detection cancelled; nothing was changed. The new settings take effect at the next detection.",
    "编辑风险规则": "Edit risk rule",
    "新增风险规则": "New risk rule",
    "不使用": "Not used",
    "向处理人员显示的说明，如：存在伪造材料（留空则按条件自动生成）":
        "Description shown to handlers, e.g.: forged documents present (leave empty to generate it from "
        "the conditions)",
    "满足下面任意一项条件时，投诉即达到所选等级；不需要的条件留空即可。":
        "A complaint reaches the selected level when it meets any one of the conditions below; leave "
        "unneeded conditions empty.",
    "存在下列任一指标": "Any of these indicators present",
    "同时存在下列全部指标": "All of these indicators present",
    "等级": "Level",
    "或指标数达到": "Or number of indicators reaches",
    "请至少选择一项条件：勾选指标，或填写指标数。":
        "Choose at least one condition: tick indicators, or enter a number of indicators.",
    "存在任一指标": "Any indicator",
    "同时存在指标": "All indicators",
    "指标数达到": "Indicator count reaches",
}

# Where one context needs another wording than the default above.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("ComplaintEditor", "答复期限"): "Response deadline",
    ("ComplaintEditor", "查看"): "Show",
    ("ComplaintTableModel", "编号"): "No.",
    ("DashboardPage", "投诉数"): "Complaints",
    ("group_dialogs", "投诉"): "Complaints",
    ("group_dialogs", "嫌疑人/单位"): "Suspects",
    ("group_dialogs", "涉案金额（元）"): "Amount (yuan)",
    ("ReferralTableModel", "接收机关"): "Authority",
    ("ReferralTableModel", "移送日期"): "Referred",
    ("ReferralTableModel", "决定日期"): "Decided",
    ("ReferralsPage", "登记"): "Recorded",
    ("SettingsPage", "联系电话"): "Phone",
    ("SettingsPage", "渠道"): "Channel",
    # In the suspect dialog these two fill "Please enter the %1."
    ("SuspectDialog", "姓名"): "name",
    ("SuspectDialog", "单位名称"): "organisation name",
    ("StatisticsPage", "受案"): "Accepted",
}

# Enum labels (greyline.domain.enums) translated at run time through tr()/translate().
_CONTACT_KIND = {"电话": "Call", "来访/上门": "Visit", "短信/消息": "SMS/message"}
_CONTACT_DIRECTION = {"呼入": "Inbound", "呼出": "Outbound"}
_COMPLAINT_STATUS = {
    "新建": "New", "核查中": "Checking", "待认定": "Pending decision", "已认定异常维权": "Found abnormal",
    "正常投诉": "Normal complaint", "已办结": "Closed",
}
_RISK_LEVEL = {"无": "None", "二级": "Level 2", "一级": "Level 1"}
_INDICATOR = {
    "第三方无有效授权代为投诉": "Third party complains without valid authorisation",
    "代理人陪同或在通话中": "Agent present or on the call",
    "重复或升级投诉（缠诉闹访）": "Repeated or escalating complaints",
    "伪造或虚假证明材料": "Forged or false documents",
    "拒绝直接联系，经第三方转达": "Refuses direct contact, goes through a third party",
    "身份缺失、虚假或拒绝核验": "Identity missing, false or not verifiable",
    "多名投诉人共用联系方式": "Several complainants share contact details",
    "投诉文本高度雷同": "Near-identical complaint text",
    "短时间内集中投诉": "Burst of complaints in a short time",
    "呼叫转移/第三方接听": "Call forwarding / third party answers",
    "他人代接电话": "Someone else answers the phone",
    "虚拟运营商号段": "Virtual-operator number",
    "故意激怒催收并录音": "Provokes collectors and records",
    "代理人持有客户证件/银行卡/SIM卡": "Agent holds customer's ID/bank card/SIM",
    "要求减免/停催/改征信并威胁曝光": "Demands waivers or credit changes, threatens exposure",
    "虚假报案（谎报证件遗失等）": "False police report (e.g. fake lost ID)",
    "同一声音冒充多名客户": "One voice poses as several customers",
    "同一伪造图片重复出现": "Same forged image reused",
    "投诉前不久更换预留手机号": "Registered mobile changed shortly before",
}
_IDENTIFIER_TYPE = {
    "手机号": "Mobile", "固定电话": "Landline", "身份证号": "ID number", "统一社会信用代码": "Credit code",
    "地址": "Address", "电子邮箱": "E-mail", "微信": "WeChat", "QQ": "QQ", "银行账户": "Bank account",
    "IP地址": "IP address", "设备": "Device",
}
_IDENTIFIER_ROLE = {
    "客户预留手机": "Registered mobile", "实际联系电话": "Contact phone",
    "代理人电话": "Agent phone", "客户身份证": "Customer ID", "身份证号": "ID number",
    "联系地址": "Mailing address", "邮箱": "E-mail", "微信": "WeChat", "QQ": "QQ", "银行账户": "Bank account",
    "单位信用代码": "Organisation credit code", "投诉文本中出现": "Mentioned in text", "其他": "Other",
}
_LINK_KIND = {
    "同一电话": "Same phone", "同一地址": "Same address", "同一邮箱": "Same e-mail", "同一微信": "Same WeChat",
    "同一QQ": "Same QQ", "同一银行账户": "Same bank account", "同一单位": "Same organisation",
    "模板文本": "Template text", "同一声音": "Same voice", "同一图片": "Same image", "人工关联": "Manual link",
}
_LINK_STATUS = {"待确认": "To confirm", "已确认": "Confirmed", "已排除": "Rejected"}
_ROLE = {"投诉处理专员": "Complaint handler", "法务/反欺诈": "Legal/anti-fraud", "主管": "Supervisor",
         "管理员": "Administrator"}

_OTHER_ENUMS = {
    # Channel
    "12378 金融监管投诉热线": "12378 financial regulator hotline", "12363 人民银行": "12363 central bank",
    "12315 市场监管": "12315 market supervision", "地方金融监管": "Local financial regulator",
    "中国互联网金融协会": "Internet finance association", "黑猫投诉等公开平台": "Public sites (Heimao etc.)",
    "本机构客服热线": "Own hotline", "本机构App/官网": "Own app/website", "信访": "Petition letter",
    "媒体": "Media", "公安转办": "Police transfer", "其他": "Other",
    # IndicatorSource, PartyKind, PartyRole
    "人工": "Person", "系统识别": "Detector", "自然人": "Person", "单位": "Organisation",
    "客户": "Customer", "疑似代理人": "Suspected agent", "代理机构": "Agent company", "律师/律所": "Lawyer/law firm",
    "证人": "Witness",
    # EvidenceKind
    "录音": "Recording", "可疑/伪造材料": "Suspect/forged document", "截图": "Screenshot", "聊天记录": "Chat log",
    "合同": "Contract", "证件复印件": "ID copy",
    # LegalKind (Criminal Procedure Law art. 50)
    "物证": "Physical evidence", "书证": "Documentary evidence", "证人证言": "Witness testimony",
    "被害人陈述": "Victim statement", "犯罪嫌疑人供述和辩解": "Suspect's confession and defence",
    "鉴定意见": "Expert opinion", "勘验、检查、辨认、侦查实验等笔录": "Inspection/examination records",
    "视听资料、电子数据": "Audio-visual/electronic data",
    # CustodyAction
    "入库": "Added", "查看": "Viewed", "导出": "Exported", "校验": "Verified",
    # GroupStatus
    "线索": "Lead", "调查中": "Investigating", "待移送": "Ready to refer", "已移送": "Referred",
    "已受理": "Accepted", "已立案": "Case opened", "不予立案": "Refused", "复议": "Reconsideration",
    "已结案": "Closed",
    # ReferralTarget
    "公安机关": "Police", "市场监管（12315）": "Market supervision (12315)", "金融监管部门": "Financial regulator",
    "行业协会": "Industry association",
    # ReferralDecision
    "受案": "Accepted", "立案": "Case opened", "治安案件": "Public-order case", "申请复议": "Reconsideration requested",
    "复议决定": "Reconsideration decision", "申请复核": "Review requested", "结案": "Closed",
}

# Strings translated from a variable at run time, by context: added to the .ts when missing.
RUNTIME: dict[str, dict[str, str]] = {
    # greyline.ui.enum_labels / LabelledEnum.label: QCoreApplication.translate("enums", label)
    "enums": {
        **_CONTACT_KIND, **_CONTACT_DIRECTION, **_COMPLAINT_STATUS, **_RISK_LEVEL, **_INDICATOR,
        **_IDENTIFIER_TYPE, **_IDENTIFIER_ROLE, **_LINK_KIND, **_LINK_STATUS, **_ROLE, **_OTHER_ENUMS,
    },
    # greyline.ui.actions: _t() -> QCoreApplication.translate("actions", text)
    "actions": {
        "新建投诉": "New complaint",
        "导入工单…": "Import work orders…",
        "保存导入模板…": "Save import template…",
        "保存": "Save",
        "退出": "Quit",
        "搜索投诉": "Search complaints",
        "刷新": "Refresh",
        "由选中投诉建立团伙/案件…": "New group/case from selection…",
        "校验数据与证据完整性": "Verify data and evidence integrity",
        "备份…": "Back up…",
        "关于灰线": "About Greyline",
    },
    # MainWindow: self.tr(label) over PAGES (navigation) and MENUS (menu bar)
    "MainWindow": {
        "工作台": "Dashboard",
        "投诉": "Complaints",
        "团伙/案件": "Groups/cases",
        "证据": "Evidence",
        "关联图": "Link graph",
        "移送": "Referrals",
        "统计": "Statistics",
        "设置": "Settings",
        "文件": "File",
        "编辑": "Edit",
        "视图": "View",
        "工具": "Tools",
        "帮助": "Help",
    },
    # ComplaintEditor: _tr()/_label() and self.tr() over enum labels
    "ComplaintEditor": {
        **_CONTACT_KIND, **_CONTACT_DIRECTION, **_COMPLAINT_STATUS, **_RISK_LEVEL, **_INDICATOR,
        **_IDENTIFIER_TYPE, **_IDENTIFIER_ROLE, **_LINK_KIND, **_LINK_STATUS, **_ROLE,
    },
    # ContactDialog: self.tr(k.label) for contact kinds and directions
    "ContactDialog": {**_CONTACT_KIND, **_CONTACT_DIRECTION},
    # NewIdentifierRow: self.tr(t.label) for identifier types and roles
    "NewIdentifierRow": {**_IDENTIFIER_TYPE, **_IDENTIFIER_ROLE},
}


def translation_for(context: str, source: str) -> str | None:
    if (context, source) in BY_CONTEXT:
        return BY_CONTEXT[(context, source)]
    if source in RUNTIME.get(context, {}):
        return RUNTIME[context][source]
    return TRANSLATIONS.get(source)


def _is_open(translation: ET.Element, numerus: bool) -> bool:
    """True when the entry still needs a translation (unfinished or empty)."""
    if translation.get("type") == "unfinished":
        return True
    if numerus:
        forms = translation.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (translation.text or "").strip()


def _append(parent: ET.Element, child: ET.Element, depth: int) -> None:
    """Append ``child`` with lupdate's layout: one element a line, four spaces a level."""
    inner, outer = "\n" + "    " * depth, "\n" + "    " * (depth - 1)
    if len(parent):
        parent[-1].tail = inner
    else:
        parent.text = inner
    child.tail = outer
    parent.append(child)


def _add_runtime(root: ET.Element) -> int:
    """Add the RUNTIME strings lupdate cannot see; returns how many were added."""
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    added = 0
    for name, strings in RUNTIME.items():
        context = contexts.get(name)
        if context is None:
            context = ET.Element("context")
            _append(root, context, 0)  # contexts start at column 0 in lupdate's files
            name_element = ET.Element("name")
            name_element.text = name
            _append(context, name_element, 1)
            contexts[name] = context
        present = {m.findtext("source") for m in context.findall("message")}
        for source in strings:
            if source in present:
                continue
            message = ET.Element("message")
            _append(context, message, 1)
            _append(message, ET.Element("source"), 2)
            message[-1].text = source
            _append(message, ET.Element("translation", {"type": "unfinished"}), 2)
            added += 1
    return added


def _write(tree: ET.ElementTree) -> None:
    """Write like lupdate does (declaration in double quotes, DOCTYPE) so diffs stay small."""
    # ElementTree writes empty elements as "<location ... />"; lupdate writes "<location .../>". Text
    # never holds a raw ">" (it is escaped), so the replacement only touches tags.
    body = ET.tostring(tree.getroot(), encoding="unicode").replace(" />", "/>")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main() -> int:
    tree = ET.parse(TS)
    root = tree.getroot()
    added = _add_runtime(root)
    filled = kept = 0
    missing: list[str] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation", {"type": "unfinished"})
            if not _is_open(translation, numerus):
                kept += 1
                continue
            text = translation_for(name, source)
            if text is None:
                missing.append(f"{name}: {source!r}")
                continue
            if numerus:
                forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
                for form in forms:
                    form.text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    _write(tree)
    print(f"{TS.name}: filled {filled}, kept {kept}, added {added} run-time strings, missing {len(missing)}")
    for line in missing:
        print(f"  no translation: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddToGroupDialog</name>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="183"/>
        <source>加入已有团伙/案件</source>
        <translation>Add to existing group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="186"/>
        <source>选择要加入的团伙/案件（%1 笔投诉）。已在其中的投诉不会重复加入。</source>
        <translation>Choose the group/case for the %1 complaint(s). Complaints already in it are not added twice.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="190"/>
        <source>搜索名称、概要或编号</source>
        <translation>Search name, summary or no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="198"/>
        <source>还没有团伙/案件。请改用“新建团伙/案件…”。</source>
        <translation>There are no groups/cases yet. Use "New group/case…" instead.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="201"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="201"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="35"/>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="131"/>
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="41"/>
        <source>拖动以跳到录音的任意位置</source>
        <translation>Drag to jump to any point in the recording</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="48"/>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="71"/>
        <source>音量</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="89"/>
        <source>本机未检测到音频输出设备：可以查看时长和拖动进度，但听不到声音。</source>
        <translation>No audio output device found on this computer: you can see the length and move through the recording, but you will not hear it.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="131"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/audio_player.py" line="145"/>
        <source>无法播放此录音（格式不受支持或文件已损坏）。%1</source>
        <translation>Cannot play this recording (unsupported format or damaged file). %1</translation>
    </message>
</context>
<context>
    <name>ChannelAliasSettings</name>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="32"/>
        <source>导入工单时，“来源渠道”一列中的这些写法会被识别为对应的渠道（不区分大小写、全角半角、空格和标点）。内置写法不能删除；导入时为无法识别的写法选择了渠道并勾选“记住”，也会加到这里。</source>
        <translation>When work orders are imported, these values of the channel column are read as the channel shown (case, full/half width, spaces and punctuation ignored). Built-in spellings cannot be removed; values mapped in the import window with “Remember” ticked are added here.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="36"/>
        <source>写法</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="37"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="38"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="38"/>
        <source>内置</source>
        <translation>built-in</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="39"/>
        <source>%1 添加</source>
        <translation>added by %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="48"/>
        <source>文件中的写法，例如“网络投诉平台”</source>
        <translation>Value as in the file, e.g. “网络投诉平台”</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="51"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="53"/>
        <source>删除所选写法</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="72"/>
        <source>需要管理员权限</source>
        <translation>Requires the administrator role</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/channel_alias_settings.py" line="106"/>
        <source>已添加渠道写法“%1”。</source>
        <translation>Channel spelling “%1” added.</translation>
    </message>
</context>
<context>
    <name>CommonIdentifiersPanel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="73"/>
        <source>本机构客服热线、12378 等常见号码会出现在大量投诉中，却不说明这些投诉有关联。标记为“不参与关联”后，它们不再产生关联提示，使用它们的投诉会立即重新检测。下表列出被多笔投诉共用的号码（最多 200 个，按投诉数排序）及已标记的号码。</source>
        <translation>Common numbers such as our own customer-service hotline or 12378 appear in many complaints without showing that those complaints are linked. Once marked "Do not correlate", they no longer raise link alerts, and the complaints that use them are re-detected at once. The table lists the numbers shared by several complaints (at most 200, by number of complaints) and the numbers already marked.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="78"/>
        <source>查找号码：输入后四位，或完整号码</source>
        <translation>Find a number: enter the last four digits or the full number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="81"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="89"/>
        <source>标记为不参与关联…</source>
        <translation>Mark as do not correlate…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="90"/>
        <source>取消标记…</source>
        <translation>Unmark…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="104"/>
        <source>只有管理员可以标记或取消标记。</source>
        <translation>Only an administrator can mark or unmark.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="116"/>
        <source>共 %1 个号码/标识</source>
        <translation>%1 numbers/identifiers</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="140"/>
        <source>已标记 %1 为不参与关联</source>
        <translation>Marked %1 as do not correlate</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="141"/>
        <source>已取消 %1 的不参与关联标记</source>
        <translation>Removed the do-not-correlate mark from %1</translation>
    </message>
</context>
<context>
    <name>ComplaintEditor</name>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="107"/>
        <source>减免罚息</source>
        <translation>Waive penalty interest</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="108"/>
        <source>减免利息</source>
        <translation>Waive interest</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="109"/>
        <source>停止催收</source>
        <translation>Stop collection</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="110"/>
        <source>修复征信</source>
        <translation>Repair credit record</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="111"/>
        <source>退还服务费</source>
        <translation>Refund service fees</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="112"/>
        <source>赔偿损失</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="113"/>
        <source>分期还款</source>
        <translation>Instalment plan</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="114"/>
        <source>停息挂账</source>
        <translation>Interest freeze</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="117"/>
        <source>催收方式投诉</source>
        <translation>Collection practices</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="118"/>
        <source>息费争议</source>
        <translation>Interest and fee dispute</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="119"/>
        <source>征信异议</source>
        <translation>Credit-record objection</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="120"/>
        <source>服务费/会员费争议</source>
        <translation>Service/membership fee dispute</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="121"/>
        <source>合同纠纷</source>
        <translation>Contract dispute</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="122"/>
        <source>个人信息保护</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="123"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="166"/>
        <source>%1，出生日期 %2</source>
        <translation>%1, born %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="178"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="293"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="179"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="180"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="181"/>
        <source>我方号码</source>
        <translation>Our number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="182"/>
        <source>对方号码</source>
        <translation>Their number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="183"/>
        <source>接听人</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="184"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="185"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="216"/>
        <source>关联对象</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="217"/>
        <source>工单号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="218"/>
        <source>关联依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="219"/>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="221"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="214"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="761"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="246"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="945"/>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="247"/>
        <source>修改投诉</source>
        <translation>Complaint edited</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="248"/>
        <source>更改状态</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="249"/>
        <source>更改风险等级</source>
        <translation>Risk level changed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="250"/>
        <source>添加标识</source>
        <translation>Identifier added</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="251"/>
        <source>勾选特征</source>
        <translation>Indicator ticked</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="252"/>
        <source>取消特征</source>
        <translation>Indicator cleared</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="253"/>
        <source>登记联系</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="267"/>
        <source>渠道 %1，工单号 %2，标识 %3 个</source>
        <translation>Channel %1, work order %2, %3 identifier(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="271"/>
        <source>保存为第 %1 版</source>
        <translation>Saved as version %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="282"/>
        <source>（系统识别）</source>
        <translation> (detected by system)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="294"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="295"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="297"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="451"/>
        <source>依据或说明（可选）</source>
        <translation>Basis or note (optional)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="208"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="474"/>
        <source>系统识别</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="220"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="230"/>
        <source>（工单号 %1）</source>
        <translation>(work-order number %1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="233"/>
        <source>（未写明理由）</source>
        <translation>(no reason given)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="236"/>
        <source>点“比较文本”或双击该行，可并排查看两篇原文的相同与不同之处。</source>
        <translation>Click "Compare text" or double-click the row to see the two original texts side by side, with what they share and where they differ.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="238"/>
        <source>依据证据 %1，点“查看证据”可打开比对的文件。</source>
        <translation>Based on evidence %1; click "View evidence" to open the compared files.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="476"/>
        <source>由系统识别于 %1；人工不能更改</source>
        <translation>Detected by the system on %1; cannot be changed by hand</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="484"/>
        <source>人工 · %1</source>
        <translation>Manual · %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="486"/>
        <source>%1 于 %2 勾选</source>
        <translation>Ticked by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="560"/>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="567"/>
        <source>投诉信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="571"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="572"/>
        <source>联系记录</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="573"/>
        <source>关联</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="574"/>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="578"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="579"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="580"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="619"/>
        <source>来源渠道给出的工单号</source>
        <translation>Work-order no. given by the channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="625"/>
        <source>手动指定</source>
        <translation>Set manually</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="626"/>
        <source>例如经批准延长答复期限时</source>
        <translation>E.g. when an extension of the response deadline was approved</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="627"/>
        <source>工单</source>
        <translation>Work order</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="629"/>
        <source>来源渠道 *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="630"/>
        <source>工单编号 *</source>
        <translation>Work-order no. *</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="631"/>
        <source>受理日期 *</source>
        <translation>Received on *</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="632"/>
        <source>答复期限</source>
        <translation>Response deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="638"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="983"/>
        <source>18 位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="641"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="987"/>
        <source>客户在本机构预留的手机号</source>
        <translation>Mobile number the customer registered with us</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="642"/>
        <source>投诉前更换过</source>
        <translation>Changed before the complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="651"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="653"/>
        <source>客户姓名</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="654"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="655"/>
        <source>预留手机</source>
        <translation>Registered mobile</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="656"/>
        <source>预留手机变更</source>
        <translation>Mobile changed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="661"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="988"/>
        <source>实际联系上的电话（可能是代理人）</source>
        <translation>Number actually reached (may be an agent)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="668"/>
        <source>添加其他联系方式（邮箱、微信、地址…）</source>
        <translation>Add other contact details (e-mail, WeChat, address…)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="670"/>
        <source>实际使用的联系方式</source>
        <translation>Contact details in use</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="673"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="675"/>
        <source>已登记（已打码）：</source>
        <translation>On file (masked):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="686"/>
        <source>单位：元，例如 3140.57</source>
        <translation>In yuan, e.g. 3140.57</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="687"/>
        <source>合同与欠款</source>
        <translation>Contract and debt</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="689"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="690"/>
        <source>借据编号</source>
        <translation>Loan receipt no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="691"/>
        <source>逾期金额</source>
        <translation>Overdue amount</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="696"/>
        <source>投诉原文</source>
        <translation>Original complaint text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="701"/>
        <source>处理人备注（内部）</source>
        <translation>Handler notes (internal)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="703"/>
        <source>内容中的手机号、身份证号保存时自动打码，并另存为可比对的标识。</source>
        <translation>Mobile and ID numbers in the text are masked on saving and kept as identifiers for matching.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="707"/>
        <source>投诉内容</source>
        <translation>Complaint text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="716"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="720"/>
        <source>诉求与分类</source>
        <translation>Demands and category</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="727"/>
        <source>其他诉求，多项用“；”分隔</source>
        <translation>Other demands, separated by ";"</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="735"/>
        <source>其他诉求</source>
        <translation>Other demands</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="736"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="759"/>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="762"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="763"/>
        <source>处理人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="768"/>
        <source>异常维权特征</source>
        <translation>Abnormal rights-protection indicators</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="839"/>
        <source>查看用途，例如：核实客户身份后回拨</source>
        <translation>Purpose, e.g. call back after verifying the customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="840"/>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="841"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="862"/>
        <source>登记联系…</source>
        <translation>Record contact…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="866"/>
        <source>与客户或代接人的每次通话、来访和消息。</source>
        <translation>Every call, visit and message with the customer or whoever answers for them.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="879"/>
        <source>尚无关联。系统发现共用电话、地址或雷同文本后会在此列出，请逐条确认或排除。</source>
        <translation>No links yet. When the system finds a shared phone, address or near-identical text, it lists it here; confirm or reject each one.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="894"/>
        <source>确认关联</source>
        <translation>Confirm link</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="895"/>
        <source>排除</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="896"/>
        <source>打开对方投诉</source>
        <translation>Open other complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="897"/>
        <source>比较文本</source>
        <translation>Compare text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="898"/>
        <source>并排比较两篇投诉的原文（模板文本关联）</source>
        <translation>Compare the original texts of the two complaints side by side (template text link)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="899"/>
        <source>查看证据</source>
        <translation>View evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="900"/>
        <source>打开同一声音或同一图片关联所依据的证据文件</source>
        <translation>Open the evidence files a same-voice or same-image link is based on</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="933"/>
        <source>对这笔投诉的每次修改都记入防篡改的审计日志。</source>
        <translation>Every change to this complaint is recorded in the tamper-evident audit log.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="934"/>
        <source>尚无修改记录。</source>
        <translation>No changes recorded yet.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="964"/>
        <source>投诉 %1</source>
        <translation>Complaint %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="974"/>
        <source>登记时刻 %1</source>
        <translation>registered at %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="982"/>
        <source>已登记 %1；如需补录请输入完整号码</source>
        <translation>On file: %1; type the full number to re-enter it</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="989"/>
        <source>已登记 %1；输入新号码可补录</source>
        <translation>On file: %1; type a new number to add it</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1010"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1029"/>
        <source>保存投诉后可用</source>
        <translation>Available once the complaint is saved</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1042"/>
        <source>风险等级由人工设定（优先于系统计算）。</source>
        <translation>Risk level set manually (takes precedence over the system's calculation).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1044"/>
        <source>系统识别的依据：</source>
        <translation>Why the system flagged it:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1054"/>
        <source>%1（当前）</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1079"/>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1204"/>
        <source>工单编号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1206"/>
        <source>请填写工单编号</source>
        <translation>Enter the work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1212"/>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1222"/>
        <source>答复期限早于受理日期</source>
        <translation>Response deadline is before the received date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1224"/>
        <source>按渠道规则应为 %1，已手动改为 %2</source>
        <translation>Channel rule gives %1; changed by hand to %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1228"/>
        <source>个工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1228"/>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1229"/>
        <source>按渠道规则：受理后 %1 %2</source>
        <translation>Channel rule: %1 %2 after receipt</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1233"/>
        <source>答复期限 %1 已过</source>
        <translation>Response deadline %1 has passed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1242"/>
        <source>校验通过：%1</source>
        <translation>Valid: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1254"/>
        <source>虚拟运营商号段（170/171/162/165/167），常见于代理人。%1</source>
        <translation>Virtual-operator segment (170/171/162/165/167), common with agents. %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1260"/>
        <source>变更日期在未来</source>
        <translation>Change date is in the future</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1268"/>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1270"/>
        <source>投诉内容过长（%1 字，上限 %2 字）</source>
        <translation>Complaint text too long (%1 characters, limit %2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1282"/>
        <source>有 %1 处需要更正（见标红的说明），更正后才能保存。</source>
        <translation>%1 field(s) need correcting (see the notes in red) before you can save.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1285"/>
        <source>请填写：%1</source>
        <translation>Still required: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1288"/>
        <source>您的角色（%1）只能查看投诉。</source>
        <translation>Your role (%1) can only view complaints.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1291"/>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1342"/>
        <source>查看%1 %2 的完整内容。请写明用途，将记入审计日志：</source>
        <translation>Show the full %1 %2. State the purpose; it is recorded in the audit log:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1355"/>
        <source>请写明查看完整号码的用途</source>
        <translation>State why you need the full number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1377"/>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1432"/>
        <source>没有需要保存的修改</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1396"/>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1477"/>
        <source>此投诉已被他人修改并保存。</source>
        <translation>Someone else has changed and saved this complaint.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1478"/>
        <source>您在此窗口的修改尚未保存。可先复制需要保留的内容，再点“重新载入”。</source>
        <translation>Your changes in this window are not saved. Copy anything you want to keep, then click "Reload".</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1481"/>
        <source>是否现在重新载入最新内容？
选择“是”将放弃您在此窗口中尚未保存的修改；选择“否”保留您的修改，可稍后再重新载入。</source>
        <translation>Reload the latest version now?
"Yes" discards your unsaved changes in this window; "No" keeps them, and you can reload later.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1487"/>
        <source>重新载入将放弃您在此窗口中尚未保存的修改。继续吗？</source>
        <translation>Reloading discards your unsaved changes in this window. Continue?</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1549"/>
        <source>您的角色（%1）不能确认或排除关联。</source>
        <translation>Your role (%1) cannot confirm or reject links.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1557"/>
        <source>已选 %1 条关联：可一起确认或排除。</source>
        <translation>%1 links selected: you can confirm or reject them together.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1561"/>
        <source>选中一条关联可在此查看完整理由。按住 Ctrl 或 Shift 可选多条，一起确认或排除。</source>
        <translation>Select a link to see its full reason here. Hold Ctrl or Shift to select several and confirm or reject them together.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1570"/>
        <source>待确认 %1 条（列在最前）· 已确认 %2 条 · 已排除 %3 条</source>
        <translation>%1 pending (listed first) · %2 confirmed · %3 rejected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1599"/>
        <source>已确认 %1 条关联</source>
        <translation>Confirmed %1 links</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1599"/>
        <source>已排除 %1 条关联</source>
        <translation>Rejected %1 links</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1602"/>
        <source>有 %1 条关联未能处理（列表已重新载入）：</source>
        <translation>%1 links could not be processed (the list has been reloaded):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="1647"/>
        <source>有未保存的修改。关闭并放弃这些修改吗？</source>
        <translation>There are unsaved changes. Close and discard them?</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="207"/>
        <source>人工关联</source>
        <translation>Manual link</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>来访/上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>短信/消息</source>
        <translation>SMS/message</translation>
    </message>
    <message>
        <source>呼入</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <source>呼出</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>核查中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>待认定</source>
        <translation>Pending decision</translation>
    </message>
    <message>
        <source>已认定异常维权</source>
        <translation>Found abnormal</translation>
    </message>
    <message>
        <source>正常投诉</source>
        <translation>Normal complaint</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>第三方无有效授权代为投诉</source>
        <translation>Third party complains without valid authorisation</translation>
    </message>
    <message>
        <source>代理人陪同或在通话中</source>
        <translation>Agent present or on the call</translation>
    </message>
    <message>
        <source>重复或升级投诉（缠诉闹访）</source>
        <translation>Repeated or escalating complaints</translation>
    </message>
    <message>
        <source>伪造或虚假证明材料</source>
        <translation>Forged or false documents</translation>
    </message>
    <message>
        <source>拒绝直接联系，经第三方转达</source>
        <translation>Refuses direct contact, goes through a third party</translation>
    </message>
    <message>
        <source>身份缺失、虚假或拒绝核验</source>
        <translation>Identity missing, false or not verifiable</translation>
    </message>
    <message>
        <source>多名投诉人共用联系方式</source>
        <translation>Several complainants share contact details</translation>
    </message>
    <message>
        <source>投诉文本高度雷同</source>
        <translation>Near-identical complaint text</translation>
    </message>
    <message>
        <source>短时间内集中投诉</source>
        <translation>Burst of complaints in a short time</translation>
    </message>
    <message>
        <source>呼叫转移/第三方接听</source>
        <translation>Call forwarding / third party answers</translation>
    </message>
    <message>
        <source>他人代接电话</source>
        <translation>Someone else answers the phone</translation>
    </message>
    <message>
        <source>虚拟运营商号段</source>
        <translation>Virtual-operator number</translation>
    </message>
    <message>
        <source>故意激怒催收并录音</source>
        <translation>Provokes collectors and records</translation>
    </message>
    <message>
        <source>代理人持有客户证件/银行卡/SIM卡</source>
        <translation>Agent holds customer's ID/bank card/SIM</translation>
    </message>
    <message>
        <source>要求减免/停催/改征信并威胁曝光</source>
        <translation>Demands waivers or credit changes, threatens exposure</translation>
    </message>
    <message>
        <source>虚假报案（谎报证件遗失等）</source>
        <translation>False police report (e.g. fake lost ID)</translation>
    </message>
    <message>
        <source>同一声音冒充多名客户</source>
        <translation>One voice poses as several customers</translation>
    </message>
    <message>
        <source>同一伪造图片重复出现</source>
        <translation>Same forged image reused</translation>
    </message>
    <message>
        <source>投诉前不久更换预留手机号</source>
        <translation>Registered mobile changed shortly before</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>IP地址</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>客户预留手机</source>
        <translation>Registered mobile</translation>
    </message>
    <message>
        <source>实际联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>代理人电话</source>
        <translation>Agent phone</translation>
    </message>
    <message>
        <source>客户身份证</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>联系地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>单位信用代码</source>
        <translation>Organisation credit code</translation>
    </message>
    <message>
        <source>投诉文本中出现</source>
        <translation>Mentioned in text</translation>
    </message>
    <message>
        <source>同一电话</source>
        <translation>Same phone</translation>
    </message>
    <message>
        <source>同一地址</source>
        <translation>Same address</translation>
    </message>
    <message>
        <source>同一邮箱</source>
        <translation>Same e-mail</translation>
    </message>
    <message>
        <source>同一微信</source>
        <translation>Same WeChat</translation>
    </message>
    <message>
        <source>同一QQ</source>
        <translation>Same QQ</translation>
    </message>
    <message>
        <source>同一银行账户</source>
        <translation>Same bank account</translation>
    </message>
    <message>
        <source>同一单位</source>
        <translation>Same organisation</translation>
    </message>
    <message>
        <source>模板文本</source>
        <translation>Template text</translation>
    </message>
    <message>
        <source>同一声音</source>
        <translation>Same voice</translation>
    </message>
    <message>
        <source>同一图片</source>
        <translation>Same image</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>投诉处理专员</source>
        <translation>Complaint handler</translation>
    </message>
    <message>
        <source>法务/反欺诈</source>
        <translation>Legal/anti-fraud</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="55"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="55"/>
        <source>工单号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="55"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="56"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="56"/>
        <source>答复期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="57"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="57"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="58"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="58"/>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="59"/>
        <source>投诉内容</source>
        <translation>Complaint text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="155"/>
        <source>点击按此列排序，再点一次反向</source>
        <translation>Click to sort by this column; click again to reverse</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="156"/>
        <source>此列不能排序（可排序：编号、受理日期、答复期限）</source>
        <translation>This column cannot be sorted (sortable: No., Received, Deadline)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="196"/>
        <source>已超期 %1 天</source>
        <translation>%1 day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="198"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_table_model.py" line="199"/>
        <source>还有 %1 天到期</source>
        <translation>Due in %1 day(s)</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="101"/>
        <source>搜索投诉内容、备注、客户姓名、编号或工单号</source>
        <translation>Search text, notes, customer name, no. or work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="108"/>
        <source>受理日期不早于</source>
        <translation>Received on or after</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="109"/>
        <source>受理日期不晚于</source>
        <translation>Received on or before</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="110"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="112"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="113"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="114"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="118"/>
        <source>全部等级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="119"/>
        <source>一级或二级</source>
        <translation>Level 1 or 2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="122"/>
        <source>全部承办人</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="123"/>
        <source>全部指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="132"/>
        <source>受理日期：</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="134"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="145"/>
        <source>渠道：</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="145"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="146"/>
        <source>风险等级：</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="146"/>
        <source>承办人：</source>
        <translation>Handler:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="147"/>
        <source>指标：</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="184"/>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="192"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="185"/>
        <source>加入团伙/案件…</source>
        <translation>Add to group/case…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="187"/>
        <source>新建团伙/案件…</source>
        <translation>New group/case…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="188"/>
        <source>加入已有团伙/案件…</source>
        <translation>Add to existing group/case…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="198"/>
        <source>需要法务/反欺诈或管理员权限</source>
        <translation>Requires legal/anti-fraud or administrator rights</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="204"/>
        <source>答复期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="205"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="206"/>
        <source>3 天内到期</source>
        <translation>Due within 3 days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="250"/>
        <source>仅显示刚导入的 %1 笔（点“清除筛选”显示全部）</source>
        <translation>Showing only the %1 just imported (Clear filters shows all)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="276"/>
        <source>一次只能导入一个文件：先导入 %1</source>
        <translation>One file at a time: importing %1 first</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="350"/>
        <source>%1（已停用）</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="368"/>
        <source>共 … 笔投诉</source>
        <translation>… complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="381"/>
        <source>共 %1 笔投诉</source>
        <translation>%1 complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="386"/>
        <source>共 ? 笔投诉</source>
        <translation>? complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="436"/>
        <source>已选 %1 笔</source>
        <translation>%1 selected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="470"/>
        <source>请先在列表中选中一笔或多笔投诉（按住 Ctrl 或 Shift 可多选）。</source>
        <translation>First select one or more complaints in the list (hold Ctrl or Shift to select several).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="479"/>
        <source>已建立团伙/案件 %1，含 %2 笔投诉</source>
        <translation>Created group/case %1 with %2 complaint(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="491"/>
        <source>已将 %1 笔投诉加入 %2</source>
        <translation>Added %1 complaint(s) to %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="494"/>
        <source>（%1 笔原已在其中）</source>
        <translation> (%1 already in it)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="38"/>
        <source>客户本人</source>
        <translation>The customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="39"/>
        <source>自称代理人/律师</source>
        <translation>Self-declared agent/lawyer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="40"/>
        <source>家属或朋友</source>
        <translation>Family or friend</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="41"/>
        <source>其他人</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="42"/>
        <source>无人接听</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="43"/>
        <source>号码停机/空号</source>
        <translation>Number suspended/unassigned</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="55"/>
        <source>登记联系记录</source>
        <translation>Record contact</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="71"/>
        <source>我方使用的号码或坐席分机</source>
        <translation>Our number or desk extension</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="73"/>
        <source>实际拨通或来电的号码，例如 138 1234 5678</source>
        <translation>Number reached or calling in, e.g. 138 1234 5678</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="83"/>
        <source>谁接听或回复（可自行填写）</source>
        <translation>Who answered or replied (or type it)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="85"/>
        <source>通话或见面的要点：对方说了什么、是否承认委托代理、约定了什么</source>
        <translation>Key points: what they said, whether they admit acting as an agent, what was agreed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="90"/>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="91"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="92"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="94"/>
        <source>我方号码</source>
        <translation>Our number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="95"/>
        <source>对方号码</source>
        <translation>Their number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="97"/>
        <source>接听人</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="98"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="101"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="102"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="134"/>
        <source>虚拟运营商号段，常见于代理人使用的号码。%1</source>
        <translation>Virtual-operator segment, common with agents' numbers. %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/contact_dialog.py" line="139"/>
        <source>联系时间不能晚于现在</source>
        <translation>Contact time cannot be in the future</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>来访/上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>短信/消息</source>
        <translation>SMS/message</translation>
    </message>
    <message>
        <source>呼入</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <source>呼出</source>
        <translation>Outbound</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="45"/>
        <source>逾期 %1 天</source>
        <translation>%1 day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="47"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="48"/>
        <source>还剩 %1 天</source>
        <translation>%1 day(s) left</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="110"/>
        <source>未办结投诉</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="110"/>
        <source>状态不是“已办结”的投诉</source>
        <translation>Complaints not in status "Closed"</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="111"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="148"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="255"/>
        <source>我的待办</source>
        <translation>My complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="111"/>
        <source>由我处理、尚未办结的投诉</source>
        <translation>Open complaints I am handling</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="112"/>
        <source>3 日内到期</source>
        <translation>Due within 3 days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="112"/>
        <source>答复期限在今天起 3 日内、尚未办结</source>
        <translation>Open, response deadline within 3 days from today</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="113"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="113"/>
        <source>答复期限已过、尚未办结</source>
        <translation>Open, response deadline passed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="114"/>
        <source>疑似异常维权</source>
        <translation>Suspicious</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="114"/>
        <source>未办结投诉中已认定异常维权或已定风险等级的</source>
        <translation>Open complaints found abnormal or given a risk level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="115"/>
        <source>调查中团伙</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="115"/>
        <source>状态为“调查中”的团伙/案件</source>
        <translation>Groups/cases in status "Investigating"</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="116"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="151"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="263"/>
        <source>待移送团伙</source>
        <translation>Groups to refer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="116"/>
        <source>状态为“待移送”的团伙/案件</source>
        <translation>Groups/cases in status "Ready to refer"</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="117"/>
        <source>待机关决定</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="117"/>
        <source>已移送、尚待公安或监管机关作出决定的移送</source>
        <translation>Referrals awaiting a decision by the police or a regulator</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="118"/>
        <source>待确认关联</source>
        <translation>Links to confirm</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="118"/>
        <source>系统提示、尚未确认或排除的关联</source>
        <translation>Links suggested by the system, not yet confirmed or rejected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="131"/>
        <source>关联类型</source>
        <translation>Link type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="132"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="133"/>
        <source>关联到</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="134"/>
        <source>提示时间</source>
        <translation>Suggested at</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="135"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="138"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="188"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="139"/>
        <source>投诉数</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="140"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="141"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="149"/>
        <source>即将到期 / 已逾期</source>
        <translation>Due soon / overdue</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="150"/>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="262"/>
        <source>新的关联提示</source>
        <translation>New link suggestions</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="164"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="171"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="191"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="193"/>
        <source>答复期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="194"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="195"/>
        <source>工单号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="196"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="197"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="217"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="231"/>
        <source>载入失败</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="258"/>
        <source>即将到期 / 已逾期（逾期 %1 笔，3 日内到期 %2 笔%3）</source>
        <translation>Due soon / overdue (%1 overdue, %2 due within 3 days%3)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="260"/>
        <source>，显示 %1 笔</source>
        <translation>, %1 shown</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="268"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="272"/>
        <source>%1（共 %2 笔，显示最新 %3 笔）</source>
        <translation>%1 (%2 in all, latest %3 shown)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/dashboard_page.py" line="274"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="272"/>
        <source>登记决定</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="275"/>
        <source>%1  %2
%3：%4，移送日期 %5</source>
        <translation>%1  %2
%3: %4, referred on %5</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="288"/>
        <source>如 受案回执、立案决定书、不予立案通知书的文号</source>
        <translation>E.g. no. of the acceptance receipt, case-opening decision or refusal notice</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="296"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="297"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="298"/>
        <source>文书编号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="299"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="300"/>
        <source>后续期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="302"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="302"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="319"/>
        <source>此决定不产生后续期限。</source>
        <translation>This decision sets no further deadline.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="321"/>
        <source>%1 前 — %2</source>
        <translation>By %1 — %2</translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="89"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="90"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="91"/>
        <source>文书编号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="92"/>
        <source>后续期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="93"/>
        <source>期限事项</source>
        <translation>Deadline for</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="94"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="95"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>DetectionRunner</name>
    <message>
        <location filename="../../app/greyline/ui/detection_runner.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_runner.py" line="35"/>
        <source>重新检测全部</source>
        <translation>Re-detect all</translation>
    </message>
</context>
<context>
    <name>DetectionSettingsWidget</name>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="200"/>
        <source>文本模板</source>
        <translation>Text template</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="201"/>
        <source>文本相似度阈值</source>
        <translation>Text similarity threshold</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="202"/>
        <source>两份投诉的文本相似度达到此值即提示“文本高度雷同”。调高：提示更少、更可靠；调低：能发现改动较多的模板，但误报增多。</source>
        <translation>When the text similarity of two complaints reaches this value, "Near-identical text" is flagged. Higher: fewer, more reliable alerts; lower: finds templates that were changed more, but with more false alarms.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="209"/>
        <source>声纹</source>
        <translation>Voiceprint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="210"/>
        <source>当前引擎</source>
        <translation>Current engine</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="211"/>
        <source>同一声音判定阈值</source>
        <translation>Same-voice threshold</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="212"/>
        <source>两段录音的声纹相似度达到此值即提示“同一声音”。调高：误报更少，但可能漏掉音质差的录音。</source>
        <translation>When the voiceprint similarity of two recordings reaches this value, "Same voice" is flagged. Higher: fewer false alarms, but poor-quality recordings may be missed.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="213"/>
        <source>团伙建议附加余量</source>
        <translation>Extra margin for group suggestions</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="214"/>
        <source>声纹相似度须再高出此值，才计入团伙建议：录音越多，偶然相似的组合越多。</source>
        <translation>Voiceprint similarity must exceed the threshold by this much to count towards agent group suggestions: the more recordings, the more pairs that are similar by chance.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="218"/>
        <source>图片</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="219"/>
        <source>图片相同比例</source>
        <translation>Image match ratio</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="220"/>
        <source>两张图片相同区块的比例达到此值即提示“同一图片重复出现”（如同一伪造印章）。调高：只认几乎一样的图片。</source>
        <translation>When the share of identical blocks in two images reaches this value, "Same image reused" is flagged (e.g. the same forged seal). Higher: only near-identical images count.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="223"/>
        <location filename="../../app/greyline/ui/detection_settings.py" line="233"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="224"/>
        <location filename="../../app/greyline/ui/detection_settings.py" line="232"/>
        <source> 笔</source>
        <translation> complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="225"/>
        <source>集中投诉</source>
        <translation>Complaint burst</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="226"/>
        <source>时间窗口（前后）</source>
        <translation>Time window (either side)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="227"/>
        <source>相关投诉的受理日期相差不超过此天数，视为同一时段。</source>
        <translation>Related complaints received no more than this many days apart count as the same period.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="228"/>
        <source>最少投诉数</source>
        <translation>Minimum complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="229"/>
        <source>同一时段内相关投诉达到此数即提示“短时间内集中投诉”。调低会更早提示，但误报增多。</source>
        <translation>When related complaints in the same period reach this number, "Burst of complaints in a short time" is flagged. Lower: earlier alerts, but more false alarms.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="234"/>
        <source>共用标识</source>
        <translation>Shared identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="235"/>
        <source>单个标识关联上限</source>
        <translation>Link limit per identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="236"/>
        <source>使用同一号码或地址的投诉超过此数时，视为公共号码，不再两两关联。客服热线等可在“常用号码”页直接标记。</source>
        <translation>When more complaints than this use the same number or address, it is treated as a public number and no longer links them in pairs. Customer-service hotlines and the like can be marked directly on the "Common numbers" tab.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="237"/>
        <source>更换手机号提示（天）</source>
        <translation>Mobile change alert (days)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="238"/>
        <source>投诉前此天数内更换过预留手机号，即提示“投诉前不久更换预留手机号”。</source>
        <translation>If the registered mobile was changed within this many days before the complaint, "Registered mobile changed shortly before" is flagged.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="248"/>
        <source>新增规则…</source>
        <translation>New rule…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="249"/>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="250"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="251"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="256"/>
        <source>风险等级规则</source>
        <translation>Risk-level rules</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="258"/>
        <source>投诉满足任一条规则即达到该规则的等级，取最高者；一级为更严重（伪造、敲诈、有组织），可考虑报案。人工设定的等级不受规则影响。</source>
        <translation>A complaint that meets any rule reaches that rule's level, and the highest applies; Level 1 is more serious (forgery, extortion, organised) and may warrant a police report. Levels set manually are not affected by the rules.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="274"/>
        <source>保存关联检测设置</source>
        <translation>Save link-detection settings</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="276"/>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="286"/>
        <source>只有管理员可以修改关联检测设置；这里显示当前使用的设置。</source>
        <translation>Only an administrator can change the link-detection settings; the settings in use are shown here.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="364"/>
        <source>Resemblyzer 神经网络声纹模型</source>
        <translation>Resemblyzer neural-network voiceprint model</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="365"/>
        <source>内置声纹引擎（MFCC）</source>
        <translation>Built-in voiceprint engine (MFCC)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="366"/>
        <source>内置声纹引擎（MFCC，已校准）</source>
        <translation>Built-in voiceprint engine (MFCC, calibrated)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="371"/>
        <source>正在确定本机使用的声纹引擎…</source>
        <translation>Determining the voiceprint engine used on this computer…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="375"/>
        <source>%1（默认阈值 %2）</source>
        <translation>%1 (default threshold %2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="394"/>
        <source>无法确定声纹引擎，声纹阈值暂不能修改。</source>
        <translation>The voiceprint engine could not be determined, so the voiceprint threshold cannot be changed for now.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="471"/>
        <source>有设置不符合要求，未保存，请看标红的说明。</source>
        <translation>Some settings are not valid and nothing was saved; see the notes marked in red.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="520"/>
        <source>已恢复默认规则，保存后生效。</source>
        <translation>Default rules restored; they take effect once saved.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="528"/>
        <source>没有需要保存的修改。</source>
        <translation>There are no changes to save.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="531"/>
        <source>至少保留一条规则；如需重新开始，请点“恢复默认”。</source>
        <translation>Keep at least one rule; to start over, click "Restore defaults".</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="543"/>
        <source>关联检测设置已保存，将在下次检测时生效。</source>
        <translation>Link-detection settings saved; they take effect at the next detection.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="544"/>
        <source>关联检测设置已保存</source>
        <translation>Link-detection settings saved</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="546"/>
        <source>设置已保存。是否现在按新设置重新检测全部投诉？
投诉较多时可能需要几分钟，期间可以取消。</source>
        <translation>Settings saved. Re-detect all complaints with the new settings now?
With many complaints this may take a few minutes; you can cancel meanwhile.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="555"/>
        <source>正在按新设置重新检测全部投诉…</source>
        <translation>Re-detecting all complaints with the new settings…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="575"/>
        <source>已取消重新检测，未做任何改动；新设置会在下次检测时生效。</source>
        <translation>Re-detection cancelled; nothing was changed. The new settings take effect at the next detection.</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="54"/>
        <source>证据信息：%1</source>
        <translation>Evidence details: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="59"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="64"/>
        <source>例如：客户本人提交、客服录音系统导出</source>
        <translation>E.g. submitted by the customer, exported from the call-recording system</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="67"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="68"/>
        <source>复制件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="71"/>
        <source>此证据用来证明什么，例如：证明代理人冒充客户接听催收电话</source>
        <translation>What this evidence proves, e.g. that an agent posed as the customer on collection calls</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="74"/>
        <source>例如：已向出具单位电话核实，对方确认未出具该证明</source>
        <translation>E.g. checked by phone with the issuing unit, which confirmed it never issued this certificate</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="76"/>
        <source>逐句写明说话人和内容，例如：
客服：您好，请问是张先生吗？
对方：……</source>
        <translation>Write each line with its speaker, e.g.:
Service rep: Hello, is this Mr Zhang?
Other party: …</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="83"/>
        <source>文件（入库后不可更改）</source>
        <translation>File (cannot be changed once stored)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="88"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="89"/>
        <source>证据类型</source>
        <translation>Evidence type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="90"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="90"/>
        <source>%1（%2 字节）</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="93"/>
        <source>收集人</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="94"/>
        <source>收集时间</source>
        <translation>Collected at</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="95"/>
        <source>所属投诉/案件</source>
        <translation>Complaint/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="95"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="102"/>
        <source>证据说明</source>
        <translation>About the evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="104"/>
        <source>法定证据种类</source>
        <translation>Legal evidence kind</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="105"/>
        <source>来源/提供人</source>
        <translation>Source/provider</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="106"/>
        <source>原件或复制件</source>
        <translation>Original or copy</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="107"/>
        <source>证明目的</source>
        <translation>Purpose of proof</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="108"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="109"/>
        <source>核实情况</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="118"/>
        <source>录音证据应附文字抄清（逐句写明说话人与内容），移送公安时一并提交。</source>
        <translation>A recording needs a transcript (speaker and words, line by line), submitted with it when referring to the police.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="124"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="124"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="124"/>
        <source>人员</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="124"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="139"/>
        <source>证据信息</source>
        <translation>Evidence details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="140"/>
        <source>文字抄清</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="141"/>
        <source>保管记录（%1）</source>
        <translation>Custody log (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="144"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="145"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="154"/>
        <source>  此录音尚无文字抄清。</source>
        <translation>  This recording has no transcript yet.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="179"/>
        <source>没有保存：在您编辑期间，其他人已经修改并保存了这条证据的信息。
请关闭此窗口，重新打开后再修改（您刚才填写的内容需要重新填写）。</source>
        <translation>Not saved: someone else changed and saved this evidence's details while you were editing.
Close this window and open it again to make your changes (you will need to enter them again).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_dialog.py" line="188"/>
        <source>放弃尚未保存的修改？</source>
        <translation>Discard unsaved changes?</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="37"/>
        <source>搜索文件名、说明、哈希值，或输入投诉/案件编号</source>
        <translation>Search file name, description, hash, or enter a complaint/case no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="41"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="46"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="47"/>
        <source>编辑信息…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="48"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="49"/>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="131"/>
        <source>打开所属投诉</source>
        <translation>Open complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="50"/>
        <source>打开这件证据所属的投诉（或团伙/案件）</source>
        <translation>Open the complaint (or group/case) this evidence belongs to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="70"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="72"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="81"/>
        <source>证据库</source>
        <translation>Evidence store</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="115"/>
        <source>共 %1 件证据</source>
        <translation>%1 evidence items</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="129"/>
        <source>打开所属团伙/案件</source>
        <translation>Open group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/evidence_page.py" line="136"/>
        <source>证据信息已保存。</source>
        <translation>Evidence details saved.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="303"/>
        <source>按文件自动判断</source>
        <translation>Detect from file</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="306"/>
        <source>新添加的文件记为哪种证据；自动判断：录音文件记为录音，图片记为截图，其余记为其他</source>
        <translation>Evidence type for newly added files. Detect: audio files become recordings, images screenshots, anything else other</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="307"/>
        <source>添加证据…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="308"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="309"/>
        <source>编辑信息…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="310"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="311"/>
        <source>重新计算文件的 SHA-256 与 SM3，确认入库后未被改动</source>
        <translation>Recompute the file's SHA-256 and SM3 to confirm it has not changed since it was stored</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="318"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="380"/>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="408"/>
        <source>请先保存，再添加证据。</source>
        <translation>Save first, then add evidence.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="382"/>
        <source>您的角色只能查看和校验证据，不能添加或修改。</source>
        <translation>Your role can view and verify evidence but not add or change it.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="384"/>
        <source>还没有证据。点“添加证据…”选择文件，或直接把文件拖到这里。文件会计算 SHA-256 与 SM3 后存入证据库，原文件不受影响。</source>
        <translation>No evidence yet. Click "Add evidence…" to choose files, or drag files here. Each file is hashed (SHA-256 and SM3) and stored in the evidence store; the original file is left untouched.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="387"/>
        <source>共 %1 件证据。可直接把文件拖到这里添加；双击一行查看。</source>
        <translation>%1 evidence items. Drag files here to add more; double-click a row to view it.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="396"/>
        <source>选择要添加的证据文件</source>
        <translation>Choose evidence files to add</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="397"/>
        <source>所有文件 (*);;录音 (*.wav *.mp3 *.m4a *.amr *.flac *.aac *.ogg);;图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;PDF (*.pdf)</source>
        <translation>All files (*);;Recordings (*.wav *.mp3 *.m4a *.amr *.flac *.aac *.ogg);;Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="405"/>
        <source>上一批文件还在添加中，请稍候。</source>
        <translation>The previous files are still being added; please wait.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="414"/>
        <source>以下不是文件（文件夹或已不存在），没有添加：
%1</source>
        <translation>These are not files (folders or gone) and were not added:
%1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="436"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="438"/>
        <source>添加证据</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="473"/>
        <source>已取消。已添加 %1 个文件，其余没有保存。</source>
        <translation>Cancelled. %1 file(s) added; the rest were not saved.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="475"/>
        <source>已取消，没有保存任何文件。</source>
        <translation>Cancelled; no files were saved.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="488"/>
        <source>正在计算哈希并存入证据库：%1</source>
        <translation>Hashing and storing: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="490"/>
        <source>第 %1 个，共 %2 个文件</source>
        <translation>File %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="491"/>
        <source>已处理 %1 / %2</source>
        <translation>Processed %1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="504"/>
        <source>已添加 %1 件证据。</source>
        <translation>Added %1 evidence item(s).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="506"/>
        <source>其中 %1 个文件的内容与证据库中已有文件相同，只保存了一份。</source>
        <translation>%1 of them matched a file already in the evidence store; only one copy is kept.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="543"/>
        <source>证据信息已保存。</source>
        <translation>Evidence details saved.</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="76"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="76"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="76"/>
        <source>所属投诉/案件</source>
        <translation>Complaint/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="77"/>
        <source>SHA-256（前12位）</source>
        <translation>SHA-256 (first 12)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="77"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="77"/>
        <source>收集人</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="78"/>
        <source>收集时间</source>
        <translation>Collected at</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="78"/>
        <source>法定证据种类</source>
        <translation>Legal evidence kind</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="54"/>
        <source>%1 字节</source>
        <translation>%1 bytes</translation>
    </message>
</context>
<context>
    <name>EvidenceViewerDialog</name>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="112"/>
        <source>查看证据：%1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="121"/>
        <source>证据文件在证据库中找不到，可能已被移动或删除。请运行“校验”并联系管理员。</source>
        <translation>The evidence file is missing from the evidence store; it may have been moved or deleted. Run "Verify" and contact an administrator.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="125"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="162"/>
        <source>文字抄清</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="167"/>
        <source>此录音尚无文字抄清，可在“编辑信息”中填写。</source>
        <translation>This recording has no transcript yet; add one under "Edit details".</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="195"/>
        <source>此类文件（%1）无法在程序内预览。文件原样保存在证据库中（只读，请勿改动），可导出副本后用其他程序打开。</source>
        <translation>Files of this kind (%1) cannot be previewed here. The file is kept unchanged in the evidence store (read-only; do not modify it); export a copy to open it in another program.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="206"/>
        <source>存放位置：%1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="210"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="230"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="231"/>
        <source>收集</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="232"/>
        <source>所属</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/__init__.py" line="232"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="111"/>
        <source>建立团伙/案件</source>
        <translation>New group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="115"/>
        <source>例如：深圳某咨询公司代理投诉团伙</source>
        <translation>E.g. Shenzhen consulting firm complaint agents</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="118"/>
        <source>为何认为这些投诉属于同一团伙：共用电话、地址、模板文本等</source>
        <translation>Why these complaints belong to one group: shared phone, address, template text, etc.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="126"/>
        <source>名称（必填）：</source>
        <translation>Name (required):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="127"/>
        <source>概要：</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="128"/>
        <source>包含投诉（%1 笔）：</source>
        <translation>Complaints (%1):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="131"/>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="131"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="154"/>
        <source>……另有 %1 笔</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="79"/>
        <source>搜索团伙/案件名称、概要或编号</source>
        <translation>Search group/case name, summary or no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="115"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="126"/>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="134"/>
        <source>请在左侧选择一个团伙/案件。

新的团伙/案件在“投诉”页建立：选中多笔相关投诉，点“加入团伙/案件…”。</source>
        <translation>Select a group/case on the left.

New groups/cases are created on the "Complaints" page: select related complaints and click "Add to group/case…".</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="167"/>
        <source>需要法务/反欺诈或管理员权限</source>
        <translation>Requires legal/anti-fraud or administrator rights</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="173"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="174"/>
        <source>工单号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="175"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="176"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="177"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="178"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="179"/>
        <source>风险等级</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="187"/>
        <source>双击或按回车打开投诉。</source>
        <translation>Double-click or press Enter to open a complaint.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="196"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="197"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="198"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="199"/>
        <source>证件号/信用代码</source>
        <translation>ID / credit code</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="201"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="202"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="203"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="204"/>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="205"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="212"/>
        <source>添加嫌疑人/单位…</source>
        <translation>Add suspect…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="214"/>
        <source>号码均已遮蔽；需要完整号码时，在投诉详情中经授权查看。</source>
        <translation>All numbers are masked; authorised users can show a full number in the complaint.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="228"/>
        <source>记录进展：核实结果、与公安或监管的沟通、下一步安排……</source>
        <translation>Record progress: verification results, contact with police or regulators, next steps…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="230"/>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="245"/>
        <source>元，如 125000.00</source>
        <translation>Yuan, e.g. 125000.00</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="247"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="248"/>
        <source>处理人数：</source>
        <translation>Persons handled:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="248"/>
        <source>拘留：</source>
        <translation>Detained:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="249"/>
        <source>逮捕：</source>
        <translation>Arrested:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="249"/>
        <source>取保候审：</source>
        <translation>On bail:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="250"/>
        <source>起诉：</source>
        <translation>Prosecuted:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="250"/>
        <source>判刑：</source>
        <translation>Sentenced:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="256"/>
        <source>涉案金额（元）：</source>
        <translation>Amount involved (yuan):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="257"/>
        <source>止损/拦截金额（元）：</source>
        <translation>Losses stopped (yuan):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="263"/>
        <source> 人</source>
        <translation> persons</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="267"/>
        <source>保存处置结果</source>
        <translation>Save outcome</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="274"/>
        <source>按公安或监管部门的通报填写；统计报表从这里汇总。</source>
        <translation>Fill in from police or regulator notices; the statistics are compiled from here.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="289"/>
        <source>接收机关 / 决定</source>
        <translation>Authority / decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="289"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="289"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="290"/>
        <source>回执号/文书号</source>
        <translation>Receipt/document no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="290"/>
        <source>后续期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="294"/>
        <source>移送与决定在“移送”页登记，这里只读。</source>
        <translation>Referrals and decisions are recorded on the "Referrals" page; read-only here.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="339"/>
        <source>共 %1 个团伙/案件</source>
        <translation>%1 groups/cases</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="378"/>
        <source>%1 建立于 %2 · 投诉 %3 笔 · 嫌疑人/单位 %4 个</source>
        <translation>%1 created %2 · %3 complaint(s) · %4 suspect(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="379"/>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="408"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="382"/>
        <source> · 涉案金额 %1 元</source>
        <translation> · amount involved %1 yuan</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="394"/>
        <source>涉及投诉（%1）</source>
        <translation>Complaints (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="395"/>
        <source>嫌疑人/单位（%1）</source>
        <translation>Suspects (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="396"/>
        <source>备注（%1）</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="397"/>
        <source>移送（%1）</source>
        <translation>Referrals (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="447"/>
        <source>尚未移送</source>
        <translation>Not referred yet</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="471"/>
        <source>%1 状态已改为“%2”</source>
        <translation>%1 status changed to "%2"</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="481"/>
        <source>已添加备注</source>
        <translation>Note added</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="494"/>
        <source>%1 处置结果已保存</source>
        <translation>%1 outcome saved</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/groups_page.py" line="502"/>
        <source>已添加嫌疑人/单位“%1”</source>
        <translation>Suspect "%1" added</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="68"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="69"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="70"/>
        <source>适应窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="71"/>
        <source>原始大小 100%</source>
        <translation>Actual size 100%</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="83"/>
        <source>放大（Ctrl+滚轮 或 + 键）</source>
        <translation>Zoom in (Ctrl+wheel or +)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="84"/>
        <source>缩小（Ctrl+滚轮 或 - 键）</source>
        <translation>Zoom out (Ctrl+wheel or -)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="85"/>
        <source>按住鼠标拖动可移动图片</source>
        <translation>Drag with the mouse to move the image</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="117"/>
        <source>无法显示此图片：文件已损坏或格式不受支持。</source>
        <translation>Cannot show this image: the file is damaged or its format is not supported.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/image_viewer.py" line="126"/>
        <source>%1 × %2 像素</source>
        <translation>%1 × %2 pixels</translation>
    </message>
</context>
<context>
    <name>ImportChannelPanel</name>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="30"/>
        <source>文件中有下列渠道写法无法识别。请为每一种写法选择对应的渠道：</source>
        <translation>These channel values of the file are not recognised. Choose the channel for each:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="34"/>
        <source>文件中的写法</source>
        <translation>Value in the file</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="34"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="34"/>
        <source>对应渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="42"/>
        <source>记住这些写法（作为渠道别名，以后导入时自动识别）</source>
        <translation>Remember these values (as channel aliases, recognised in later imports)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="57"/>
        <source>第一次出现在第 %1 行</source>
        <translation>First seen in row %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_channel_panel.py" line="61"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>ImportMappingPanel</name>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="40"/>
        <source>工单编号</source>
        <translation>Work-order no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="40"/>
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="40"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="41"/>
        <source>客户姓名</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="41"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="42"/>
        <source>客户手机号</source>
        <translation>Customer mobile</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="42"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="43"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="43"/>
        <source>逾期金额</source>
        <translation>Overdue amount</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="43"/>
        <source>投诉内容</source>
        <translation>Complaint text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="44"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="44"/>
        <source>联系地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="44"/>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="45"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="45"/>
        <source>手机号变更日期</source>
        <translation>Phone changed on</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="45"/>
        <source>问题类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="46"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="51"/>
        <source>UTF-8（带 BOM）</source>
        <translation>UTF-8 (with BOM)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="52"/>
        <source>逗号</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="52"/>
        <source>制表符</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="53"/>
        <source>分号</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="53"/>
        <source>竖线</source>
        <translation>vertical bar</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="71"/>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="71"/>
        <source>示例内容</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="71"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="87"/>
        <source>列的对应（已按列名自动匹配，可逐列修改）：</source>
        <translation>Column mapping (matched by name; change any column):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="92"/>
        <source>文件的前几行：</source>
        <translation>First rows of the file:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="108"/>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="110"/>
        <source>编码：%1</source>
        <translation>Encoding: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="111"/>
        <source>分隔符：%1</source>
        <translation>Delimiter: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="113"/>
        <source>工作表：%1</source>
        <translation>Sheet: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="114"/>
        <source>表头在第 %1 行</source>
        <translation>Header in row %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="116"/>
        <source>已使用上次为这种表头保存的对应</source>
        <translation>Using the mapping saved for these headers</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="123"/>
        <source>（无列名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="128"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_mapping_panel.py" line="188"/>
        <source>还需要指定这些必填列：%1</source>
        <translation>Still to assign, required: %1</translation>
    </message>
</context>
<context>
    <name>ImportReportPanel</name>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="43"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="44"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="45"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="46"/>
        <source>单元格内容</source>
        <translation>Cell content</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="58"/>
        <source>导出问题清单…</source>
        <translation>Export the problems…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="61"/>
        <source>有错误行时整个文件都不导入（默认）</source>
        <translation>If any row is wrong, import nothing (default)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="63"/>
        <source>只导入正确的行，把错误行连同原因另存为一个文件，改正后再导入</source>
        <translation>Import the good rows; save the wrong rows with their reasons to a file to fix and import again</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="74"/>
        <source>有问题的行（点列标题可排序）：</source>
        <translation>Rows with problems (click a column header to sort):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="88"/>
        <source>共 %1 行：%2 行可以导入（其中 %3 笔已在库中，将跳过），%4 行有问题。</source>
        <translation>%1 rows: %2 can be imported (%3 of them already stored, to be skipped), %4 with problems.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="92"/>
        <source>不导入的列：%1</source>
        <translation>Columns not imported: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="94"/>
        <source>下表列出前 %1 个问题。</source>
        <translation>The table lists the first %1 problems.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_report_panel.py" line="96"/>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="52"/>
        <source>导入工单</source>
        <translation>Import work orders</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="66"/>
        <source>选择渠道导出的 CSV 或 Excel（.xlsx）文件，或把文件拖到投诉列表上</source>
        <translation>Choose a channel's CSV or Excel (.xlsx) export, or drop the file on the complaint list</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="67"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="70"/>
        <source>保存导入模板…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="79"/>
        <source>支持各渠道系统导出的 CSV（UTF-8、GBK、UTF-16，逗号、制表符或分号分隔）和 Excel 工作簿（.xlsx）。表头上方的标题行会自动跳过，列名和渠道写法按常见导出格式自动识别，下一步可以逐列修改。导入前会先检查每一行，检查通过前不会保存任何数据。</source>
        <translation>Reads the CSV (UTF-8, GBK, UTF-16; comma, tab or semicolon) and Excel workbooks (.xlsx) the channels' systems export. A title row above the header is skipped; column names and channel spellings are recognised as common exports write them, and you can change any column in the next step. Every row is checked before the import; nothing is stored until then.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="99"/>
        <source>在投诉列表中查看新导入的投诉</source>
        <translation>Show the new complaints in the list</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="115"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="122"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="125"/>
        <location filename="../../app/greyline/ui/import_wizard.py" line="172"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="129"/>
        <location filename="../../app/greyline/ui/import_wizard.py" line="192"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="172"/>
        <source>检查全部行</source>
        <translation>Check every row</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="172"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="173"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="173"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="186"/>
        <source>导入（请先改正错误行）</source>
        <translation>Import (fix the wrong rows first)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="188"/>
        <source>导入 %1 行，错误行另存</source>
        <translation>Import %1 rows, save the wrong ones</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="190"/>
        <source>导入 %1 行</source>
        <translation>Import %1 rows</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="192"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="245"/>
        <source>已停止，没有保存任何数据。</source>
        <translation>Stopped; nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="265"/>
        <source>正在停止…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="268"/>
        <source>选择要导入的工单文件</source>
        <translation>Choose a work-order file to import</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="269"/>
        <source>工单文件 (%1)</source>
        <translation>Work-order files (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="285"/>
        <source>正在读取 %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="311"/>
        <source>正在检查每一行（不会保存任何数据）…</source>
        <translation>Checking every row (nothing is stored)…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="319"/>
        <source>错误行另存为</source>
        <translation>Save the wrong rows as</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="320"/>
        <source>CSV 或 Excel (*.csv *.xlsx)</source>
        <translation>CSV or Excel (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="328"/>
        <source>导入完成：新增 %1 笔，已在库中跳过 %2 笔。</source>
        <translation>Import done: %1 new, %2 already stored and skipped.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="331"/>
        <source>%1 行有问题未导入，已连同错误原因写入：%2</source>
        <translation>%1 rows with problems were not imported; written with their reasons to: %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="334"/>
        <source>新投诉之间及与已有投诉的关联正在后台检测，可以继续工作。</source>
        <translation>Links among the new complaints and to stored ones are being detected in the background; you can keep working.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="342"/>
        <source>正在导入…（停止则不保存任何数据）</source>
        <translation>Importing… (stopping stores nothing)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="347"/>
        <source>导出问题清单</source>
        <translation>Export the problems</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="351"/>
        <source>问题清单已保存：%1</source>
        <translation>Problems saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="354"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/import_wizard.py" line="358"/>
        <source>模板已保存：%1</source>
        <translation>Template saved: %1</translation>
    </message>
</context>
<context>
    <name>LinkGraphView</name>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="86"/>
        <source>使用共用标识</source>
        <translation>Uses shared identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="88"/>
        <source>团伙/案件成员</source>
        <translation>Agent group/case member</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="201"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="202"/>
        <source>共用标识</source>
        <translation>Shared identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="203"/>
        <source>团伙/案件</source>
        <translation>Group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="204"/>
        <source>双击打开</source>
        <translation>Double-click to open</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="336"/>
        <source>（%1，分值 %2）</source>
        <translation> (%1, score %2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="376"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="377"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="378"/>
        <source>适应窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="378"/>
        <source>显示整张图</source>
        <translation>Show whole graph</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="469"/>
        <source> 一级</source>
        <translation> Level 1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="470"/>
        <source> 二级</source>
        <translation> Level 2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="471"/>
        <source> 未定级</source>
        <translation> Unrated</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="473"/>
        <source> 共用标识</source>
        <translation> Shared identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="475"/>
        <source> 团伙/案件</source>
        <translation> Agent group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/link_graph_view.py" line="480"/>
        <source>实线已确认，虚线待确认</source>
        <translation>Solid line: confirmed; dashed line: pending</translation>
    </message>
</context>
<context>
    <name>LinkTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="65"/>
        <source>投诉 A</source>
        <translation>Complaint A</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="66"/>
        <source>投诉 B</source>
        <translation>Complaint B</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="67"/>
        <source>关联类型</source>
        <translation>Link type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="68"/>
        <source>分值</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="69"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="70"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>LinksPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="189"/>
        <source>共用标识（菱形）</source>
        <translation>Shared identifier (diamond)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="189"/>
        <source>团伙/案件（方形）</source>
        <translation>Agent group/case (square)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="196"/>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="197"/>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="202"/>
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="203"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="211"/>
        <source>只显示分值不低于此值的关联（文本相似度、声纹或图片匹配程度）</source>
        <translation>Show only links scoring at least this value (text similarity, voiceprint or image match)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="215"/>
        <source>灰线编号或工单号</source>
        <translation>Greyline number or work-order number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="219"/>
        <source>定位投诉</source>
        <translation>Find complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="220"/>
        <source>只显示这笔投诉及其两层以内的关联</source>
        <translation>Show only this complaint and its links up to two steps away</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="222"/>
        <source>显示全部</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="225"/>
        <source>重新检测全部</source>
        <translation>Re-detect all</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="226"/>
        <source>重新比对全部投诉的联系方式、文本、声音和图片，更新关联与风险等级</source>
        <translation>Compare the contact details, texts, voices and images of all complaints again and update links and risk levels</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="231"/>
        <source>关联类型：</source>
        <translation>Link type:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="237"/>
        <source>最低分值：</source>
        <translation>Minimum score:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="267"/>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="355"/>
        <source>正在载入关联图…</source>
        <translation>Loading link graph…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="277"/>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="366"/>
        <source>正在计算团伙建议…</source>
        <translation>Computing agent group suggestions…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="282"/>
        <source>建立团伙/案件…</source>
        <translation>Create agent group/case…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="287"/>
        <source>关联紧密的投诉集合，可能出自同一代理人。选中一条，图中会标出其投诉。</source>
        <translation>Sets of closely linked complaints, possibly from the same agent. Select one to highlight its complaints in the graph.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="300"/>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="447"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="308"/>
        <source>确认关联</source>
        <translation>Confirm link</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="309"/>
        <source>排除关联</source>
        <translation>Reject link</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="321"/>
        <source>选中一条关联，图中会定位到它；双击打开投诉。</source>
        <translation>Select a link to locate it in the graph; double-click to open the complaint.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="329"/>
        <source>团伙建议</source>
        <translation>Agent group suggestions</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="330"/>
        <source>关联列表</source>
        <translation>Link list</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="389"/>
        <source>找不到这笔投诉。</source>
        <translation>This complaint could not be found.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="392"/>
        <source>没有符合筛选条件的关联。请放宽上方的关联类型、状态或最低分值。</source>
        <translation>No links match the filters. Widen the link type, status or minimum score above.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="395"/>
        <source>还没有关联。

当多笔投诉共用同一电话、地址、邮箱或微信，投诉文本高度雷同，录音中是同一人的声音，或提交了同一张图片（如伪造的公章或证明）时，系统会自动把它们关联起来，并显示在这里。

录入或导入投诉、添加证据后即会检测；也可点击右上角的“重新检测全部”。</source>
        <translation>No links yet.

When several complaints share the same phone number, address, email or WeChat, have nearly identical texts, contain the same person's voice in recordings, or submit the same image (such as a forged seal or certificate), the system links them automatically and shows them here.

Detection runs when complaints are entered or imported and when evidence is added; you can also click "Re-detect all" at the top right.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="404"/>
        <source>图中：%1 笔投诉、%2 个共用标识、%3 个团伙/案件，%4 条连线。</source>
        <translation>In the graph: %1 complaints, %2 shared identifiers, %3 agent groups/cases, %4 edges.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="408"/>
        <source>%1 两层以内的关联。</source>
        <translation>Links of %1 up to two steps away.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="410"/>
        <source>共有 %1 个节点，只显示关联最多的 %2 个；可用“定位投诉”查看某笔投诉周围。</source>
        <translation>%1 nodes in total; only the %2 most linked are shown. Use "Find complaint" to view the surroundings of a complaint.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="412"/>
        <source>滚轮缩放，拖动平移，双击打开。</source>
        <translation>Scroll to zoom, drag to pan, double-click to open.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="427"/>
        <source>团伙建议（%1）</source>
        <translation>Agent group suggestions (%1)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="429"/>
        <source>暂无团伙建议：还没有三笔以上紧密关联、且尚未建立团伙的投诉。</source>
        <translation>No agent group suggestions: there are no three or more closely linked complaints not yet in an agent group.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="431"/>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="495"/>
        <source>选中一条建议查看详情。</source>
        <translation>Select a suggestion to see its details.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="449"/>
        <source>已选 %1 类</source>
        <translation>%1 types selected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="498"/>
        <source>关联依据：%1</source>
        <translation>Link basis: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="500"/>
        <source>共用标识：%1</source>
        <translation>Shared identifiers: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="501"/>
        <source>%1 %2（%3 笔）</source>
        <translation>%1 %2 (%3 complaints)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="504"/>
        <source>已有团伙/案件：%1</source>
        <translation>Existing agent group/case: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="507"/>
        <source>等 %1 笔</source>
        <translation>… (%1 in total)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="508"/>
        <source>投诉：%1</source>
        <translation>Complaints: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="585"/>
        <source>正在重新检测全部投诉的关联…</source>
        <translation>Re-detecting links across all complaints…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="579"/>
        <source>已取消重新检测，未做任何改动。</source>
        <translation>Re-detection cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="315"/>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="57"/>
        <source>灰线 Greyline — 异常维权投诉证据与移送</source>
        <translation>Greyline — evidence and referral for abnormal rights-protection complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="88"/>
        <source>库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="89"/>
        <source>用户：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="99"/>
        <source>停止检测</source>
        <translation>Stop detection</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="207"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="252"/>
        <source>请先在投诉列表中选中要归入团伙/案件的投诉。</source>
        <translation>First select, in the complaint list, the complaints to put into a group/case.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="263"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="280"/>
        <source>已取消，未做任何改动。</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="320"/>
        <source>正在检测新导入投诉的关联…</source>
        <translation>Detecting links of the imported complaints…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="335"/>
        <source>关联检测完成：新增 %1 条关联。</source>
        <translation>Link detection done: %1 new links.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="343"/>
        <source>关联检测已停止；未检测的投诉可在关联图页“重新检测全部”。</source>
        <translation>Link detection stopped; the rest can be detected with “Re-detect all” on the link graph page.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="369"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="375"/>
        <source>模板已保存：%1</source>
        <translation>Template saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="382"/>
        <source>校验通过：数据库、全部证据文件与审计链均完好。</source>
        <translation>Verified: the database, all evidence files and the audit chain are intact.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="385"/>
        <source>发现 %1 个问题：
%2</source>
        <translation>%1 problem(s) found:
%2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="389"/>
        <source>正在校验数据与证据…</source>
        <translation>Verifying data and evidence…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="392"/>
        <source>选择一个新的备份文件夹名称</source>
        <translation>Choose a name for a new backup folder</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="398"/>
        <source>备份完成：%1 个文件，位于 %2。备份含密钥文件，请妥善保管。</source>
        <translation>Backup done: %1 files in %2. The backup includes the key file; keep it safe.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="402"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="405"/>
        <source>灰线 Greyline %1
异常维权投诉证据与移送工作台</source>
        <translation>Greyline %1
Evidence and referral workbench for abnormal rights-protection complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="37"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="38"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="39"/>
        <source>团伙/案件</source>
        <translation>Groups/cases</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="40"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="41"/>
        <source>关联图</source>
        <translation>Link graph</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="42"/>
        <source>移送</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="43"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/main_window.py" line="44"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="38"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="38"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="39"/>
        <source>视图</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="39"/>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="40"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>NewIdentifierRow</name>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="391"/>
        <source>号码、邮箱、微信号或地址</source>
        <translation>Number, e-mail, WeChat ID or address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="396"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/complaint_editor.py" line="433"/>
        <source>可识别：%1</source>
        <translation>Recognised: %1</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>IP地址</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>客户预留手机</source>
        <translation>Registered mobile</translation>
    </message>
    <message>
        <source>实际联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>代理人电话</source>
        <translation>Agent phone</translation>
    </message>
    <message>
        <source>客户身份证</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>联系地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>单位信用代码</source>
        <translation>Organisation credit code</translation>
    </message>
    <message>
        <source>投诉文本中出现</source>
        <translation>Mentioned in text</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../app/greyline/ui/pages/complaints_page.py" line="66"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="26"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="27"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="34"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="35"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="36"/>
        <source>适应宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="37"/>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="60"/>
        <source>第</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="82"/>
        <source>此 PDF 受密码保护，无法在程序内查看。</source>
        <translation>This PDF is password-protected and cannot be viewed here.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="83"/>
        <source>此 PDF 使用了不支持的加密方式。</source>
        <translation>This PDF uses an unsupported encryption method.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="84"/>
        <source>找不到 PDF 文件。</source>
        <translation>PDF file not found.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="86"/>
        <source>无法打开此 PDF：文件已损坏或不是有效的 PDF。</source>
        <translation>Cannot open this PDF: the file is damaged or not a valid PDF.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="158"/>
        <source>页，共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/viewers/pdf_viewer.py" line="171"/>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="100"/>
        <source>建立团伙/案件</source>
        <translation>New group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="105"/>
        <source>可选：为何认为这些投诉属于同一团伙</source>
        <translation>Optional: why these complaints are thought to belong to the same agent group</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="106"/>
        <source>由关联检测建议：%1</source>
        <translation>Suggested by link detection: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="116"/>
        <source>名称（必填）：</source>
        <translation>Name (required):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="117"/>
        <source>概要：</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="118"/>
        <source>包含投诉（%1 笔）：</source>
        <translation>Complaints (%1):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="120"/>
        <source>共用标识将作为疑似代理人记录：%1</source>
        <translation>The shared identifiers will be recorded as suspected agents: %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="125"/>
        <source>注意：部分投诉已属于 %1</source>
        <translation>Note: some complaints already belong to %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="129"/>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="129"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="80"/>
        <source>投诉数</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="81"/>
        <source>建议名称</source>
        <translation>Suggested name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="82"/>
        <source>关联依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="83"/>
        <source>共用标识</source>
        <translation>Shared identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/links_page.py" line="84"/>
        <source>已有团伙/案件</source>
        <translation>Existing agent group/case</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <location filename="../../app/greyline/ui/errors.py" line="27"/>
        <source>程序出现意外错误，已记录到日志：
%1

%2</source>
        <translation>An unexpected error occurred and has been logged:
%1

%2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/prompts.py" line="18"/>
        <location filename="../../app/greyline/ui/prompts.py" line="21"/>
        <location filename="../../app/greyline/ui/prompts.py" line="24"/>
        <location filename="../../app/greyline/ui/prompts.py" line="27"/>
        <source>灰线 Greyline</source>
        <translation>Greyline</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="27"/>
        <source>标记为不参与关联</source>
        <translation>Mark as do not correlate</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="27"/>
        <source>取消“不参与关联”标记</source>
        <translation>Remove the "Do not correlate" mark</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="30"/>
        <source>标记后，%1 不再把投诉关联在一起（适用于本机构客服热线、12378 等常见号码），使用它的投诉会立即重新检测。</source>
        <translation>Once marked, %1 no longer links complaints together (for common numbers such as our own customer-service hotline or 12378), and the complaints that use it are re-detected at once.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="31"/>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="34"/>
        <source>此标识</source>
        <translation>this identifier</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="33"/>
        <source>取消标记后，%1 重新参与关联检测，使用它的投诉会立即重新检测。</source>
        <translation>Once unmarked, %1 takes part in link detection again, and the complaints that use it are re-detected at once.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="38"/>
        <source>原因（必填），如：本机构客服热线</source>
        <translation>Reason (required), e.g.: our own customer-service hotline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="41"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="41"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="47"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="104"/>
        <source>登记移送</source>
        <translation>Record referral</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="112"/>
        <source>%1  %2（%3）</source>
        <translation>%1  %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="121"/>
        <source>如 ××市公安局××分局、××区市场监督管理局</source>
        <translation>E.g. ×× Branch, ×× City Public Security Bureau; ×× District Market Supervision Bureau</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="126"/>
        <source>如 报案材料.pdf（可不填）</source>
        <translation>E.g. report-package.pdf (optional)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="127"/>
        <source>选择文件并计算…</source>
        <translation>Choose file and hash…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="128"/>
        <source>选择已发出的材料包文件，自动填入文件名并计算 SHA-256</source>
        <translation>Choose the package file that was sent; fills in its name and computes its SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="135"/>
        <source>64 位十六进制，可不填</source>
        <translation>64 hex digits, optional</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="138"/>
        <source>已取得受案回执</source>
        <translation>Acceptance receipt obtained</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="140"/>
        <source>回执或文书编号</source>
        <translation>Receipt or document no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="145"/>
        <source>回执日期</source>
        <translation>Receipt date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="151"/>
        <source>如 报送方式、经办民警、材料份数</source>
        <translation>E.g. how it was delivered, officer in charge, number of copies</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="155"/>
        <source>团伙/案件</source>
        <translation>Group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="156"/>
        <source>接收机关类型</source>
        <translation>Authority type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="157"/>
        <source>接收机关</source>
        <translation>Receiving authority</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="158"/>
        <source>移送日期</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="159"/>
        <source>材料包文件</source>
        <translation>Package file</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="160"/>
        <source>材料包 SHA-256</source>
        <translation>Package SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="162"/>
        <source>受案回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="163"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="165"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="165"/>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="190"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="169"/>
        <source>还没有可移送的团伙/案件。请先在“团伙/案件”页由投诉建立团伙。</source>
        <translation>No groups/cases to refer yet. First build a group from complaints (see the "Groups/cases" page).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="182"/>
        <source>选择材料包文件</source>
        <translation>Choose package file</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="182"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="190"/>
        <source>正在计算 %1 的 SHA-256…</source>
        <translation>Computing SHA-256 of %1…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="192"/>
        <source>计算哈希</source>
        <translation>Hashing</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="250"/>
        <source>正在计算材料包哈希，请稍候。</source>
        <translation>Still hashing the package; please wait.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/referral_dialogs.py" line="254"/>
        <source>请选择要移送的团伙/案件。</source>
        <translation>Choose the group/case to refer.</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="53"/>
        <source>团伙编号</source>
        <translation>Group no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="54"/>
        <source>团伙/案件</source>
        <translation>Group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="55"/>
        <source>接收机关类型</source>
        <translation>Authority type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="56"/>
        <source>接收机关</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="57"/>
        <source>移送日期</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="58"/>
        <source>回执号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="59"/>
        <source>回执日期</source>
        <translation>Receipt date</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="60"/>
        <source>最新决定</source>
        <translation>Latest decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="62"/>
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="63"/>
        <source>下一期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="64"/>
        <source>期限事项</source>
        <translation>Deadline for</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="61"/>
        <source>尚无决定</source>
        <translation>No decision yet</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="79"/>
        <source>期限已过：%1</source>
        <translation>Deadline passed: %1</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="105"/>
        <source>登记移送…</source>
        <translation>Record referral…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="106"/>
        <source>登记决定…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="107"/>
        <source>打开团伙/案件</source>
        <translation>Open group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="108"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="116"/>
        <source>您的角色无权登记移送</source>
        <translation>Your role cannot record referrals</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="136"/>
        <source>团伙/案件</source>
        <translation>Group/case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="136"/>
        <source>接收机关</source>
        <translation>Receiving authority</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="137"/>
        <source>材料包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="137"/>
        <source>材料包 SHA-256</source>
        <translation>Package SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="138"/>
        <source>受案回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="138"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="139"/>
        <source>登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="154"/>
        <source>移送详情</source>
        <translation>Referral details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="157"/>
        <source>机关决定记录</source>
        <translation>Decisions of the authority</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="173"/>
        <source>下一期限：&lt;span style='background:%1'&gt;&amp;nbsp;已过期&amp;nbsp;&lt;/span&gt;&amp;nbsp;&lt;span style='background:%2'&gt;&amp;nbsp;3 日内到期&amp;nbsp;&lt;/span&gt;</source>
        <translation>Next deadline: &lt;span style='background:%1'&gt;&amp;nbsp;passed&amp;nbsp;&lt;/span&gt;&amp;nbsp;&lt;span style='background:%2'&gt;&amp;nbsp;due within 3 days&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="192"/>
        <source>共 %1 次移送</source>
        <translation>%1 referrals</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="194"/>
        <source>，%1 项期限已过</source>
        <translation>, %1 deadline(s) passed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="239"/>
        <source>%1（%2），%3 移送</source>
        <translation>%1 (%2), referred %3</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="242"/>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="243"/>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="247"/>
        <source>尚未取得</source>
        <translation>Not yet obtained</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="249"/>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="260"/>
        <source>已登记移送。</source>
        <translation>Referral recorded.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="273"/>
        <source>已登记决定。后续期限：%1（%2）</source>
        <translation>Decision recorded. Next deadline: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/referrals_page.py" line="276"/>
        <source>已登记决定。</source>
        <translation>Decision recorded.</translation>
    </message>
</context>
<context>
    <name>RiskRuleDialog</name>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="99"/>
        <source>编辑风险规则</source>
        <translation>Edit risk rule</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="99"/>
        <source>新增风险规则</source>
        <translation>New risk rule</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="109"/>
        <source>不使用</source>
        <translation>Not used</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="111"/>
        <source>向处理人员显示的说明，如：存在伪造材料（留空则按条件自动生成）</source>
        <translation>Description shown to handlers, e.g.: forged documents present (leave empty to generate it from the conditions)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="120"/>
        <source>满足下面任意一项条件时，投诉即达到所选等级；不需要的条件留空即可。</source>
        <translation>A complaint reaches the selected level when it meets any one of the conditions below; leave unneeded conditions empty.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="123"/>
        <source>存在下列任一指标</source>
        <translation>Any of these indicators present</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="124"/>
        <source>同时存在下列全部指标</source>
        <translation>All of these indicators present</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="130"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="132"/>
        <source>或指标数达到</source>
        <translation>Or number of indicators reaches</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="133"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="140"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="140"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="172"/>
        <source>请至少选择一项条件：勾选指标，或填写指标数。</source>
        <translation>Choose at least one condition: tick indicators, or enter a number of indicators.</translation>
    </message>
</context>
<context>
    <name>RiskRuleTableModel</name>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="79"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="80"/>
        <source>存在任一指标</source>
        <translation>Any indicator</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="81"/>
        <source>同时存在指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="82"/>
        <source>指标数达到</source>
        <translation>Indicator count reaches</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/detection_settings.py" line="83"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="162"/>
        <source>机构信息（用于报案书与移送材料）</source>
        <translation>Institution (used in report letters and referral packages)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="164"/>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="165"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="167"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="168"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="169"/>
        <source>经办人</source>
        <translation>Staff in charge</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="170"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="171"/>
        <source>保存机构信息</source>
        <translation>Save institution details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="176"/>
        <source>各渠道答复期限</source>
        <translation>Response deadlines by channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="178"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="178"/>
        <source>期限（天）</source>
        <translation>Deadline (days)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="178"/>
        <source>按工作日计算</source>
        <translation>Working days</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="182"/>
        <source>保存期限规则</source>
        <translation>Save deadline rules</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="186"/>
        <source>新规则适用于此后保存的投诉。法定节假日不计入自动计算，可在投诉中手动调整期限。</source>
        <translation>New rules apply to complaints saved from now on. Public holidays are not taken into account; adjust the deadline by hand in the complaint where needed.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="190"/>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="192"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="192"/>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="199"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="192"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="197"/>
        <source>登录名，如 zhang.san</source>
        <translation>Login name, e.g. zhang.san</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="203"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="214"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="223"/>
        <source>重新启动后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="247"/>
        <source>机构与用户</source>
        <translation>Institution and users</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="248"/>
        <source>关联检测</source>
        <translation>Link detection</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="249"/>
        <source>常用号码（不参与关联）</source>
        <translation>Common numbers (do not correlate)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="251"/>
        <source>渠道别名</source>
        <translation>Channel aliases</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="314"/>
        <source>机构信息已保存</source>
        <translation>Institution details saved</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="330"/>
        <source>已保存 %1 条期限规则</source>
        <translation>Saved %1 deadline rule(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="339"/>
        <source>用户已添加</source>
        <translation>User added</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="343"/>
        <source>界面语言将在重新启动后切换。</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
</context>
<context>
    <name>SharedIdentifierModel</name>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="57"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="58"/>
        <source>号码/标识（已脱敏）</source>
        <translation>Number/identifier (masked)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="59"/>
        <source>投诉数</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="60"/>
        <source>客户数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="61"/>
        <source>不参与关联</source>
        <translation>Do not correlate</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/settings_page.py" line="61"/>
        <source>是（不产生关联提示）</source>
        <translation>Yes (no link alerts)</translation>
    </message>
</context>
<context>
    <name>SimilarComplaintsPanel</name>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="76"/>
        <location filename="../../app/greyline/ui/similar_panel.py" line="160"/>
        <source>输入或粘贴投诉内容后，自动查找与已登记投诉雷同的文本。</source>
        <translation>After you type or paste the complaint text, texts matching recorded complaints are found automatically.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="84"/>
        <source>雷同文本</source>
        <translation>Matching texts</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="85"/>
        <source>展开或收起雷同文本列表</source>
        <translation>Expand or collapse the list of matching texts</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="96"/>
        <source>投诉编号</source>
        <translation>Complaint number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="97"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="98"/>
        <source>受理日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="99"/>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="100"/>
        <source>开头</source>
        <translation>Beginning</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="109"/>
        <location filename="../../app/greyline/ui/similar_panel.py" line="229"/>
        <source>未发现雷同文本</source>
        <translation>No matching texts found</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="111"/>
        <source>打开投诉</source>
        <translation>Open complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="112"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="113"/>
        <source>把正在录入的文本与选中的投诉并排比较</source>
        <translation>Compare the text being entered with the selected complaint side by side</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="164"/>
        <source>正在查找雷同文本…</source>
        <translation>Looking for matching texts…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="198"/>
        <source>正在录入的文本</source>
        <translation>Text being entered</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="225"/>
        <source>发现至少 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。</source>
        <translation>At least %1 recorded complaints match this text (highest similarity %2%); they may come from the same template.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="226"/>
        <source>发现 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。</source>
        <translation>%1 recorded complaints match this text (highest similarity %2%); they may come from the same template.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/similar_panel.py" line="237"/>
        <source>查找雷同文本时出错，已记入日志；不影响保存。</source>
        <translation>An error occurred while looking for matching texts and was logged; saving is not affected.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="104"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="110"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="112"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="114"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="114"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="115"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="115"/>
        <source>上一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="116"/>
        <source>近 12 个月</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="125"/>
        <source>接收机关类型</source>
        <translation>Authority type</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="125"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="258"/>
        <source>移送/报案</source>
        <translation>Referred/reported</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="125"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="259"/>
        <source>受案</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="125"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="260"/>
        <source>刑事立案</source>
        <translation>Criminal case opened</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="126"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="261"/>
        <source>治安案件</source>
        <translation>Public-order case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="126"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="262"/>
        <source>不予立案</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="126"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="263"/>
        <source>申请复议</source>
        <translation>Reconsideration requested</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="127"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="127"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="128"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="128"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="129"/>
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="129"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="130"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="130"/>
        <source>团伙/案件数</source>
        <translation>Groups/cases</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="132"/>
        <source>移送与机关决定（按移送日期、决定日期）</source>
        <translation>Referrals and decisions (by referral and decision date)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="133"/>
        <source>处置成果（团伙按建立日期）</source>
        <translation>Results (groups by creation date)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="134"/>
        <source>受理投诉（按渠道，按受理日期）</source>
        <translation>Complaints received (by channel and received date)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="135"/>
        <source>投诉当前状态</source>
        <translation>Complaints by current status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="136"/>
        <source>团伙/案件当前状态（按建立日期）</source>
        <translation>Groups/cases by current status (by creation date)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="151"/>
        <source>说明：决定按每次移送计一次；平均天数按首次受案、首次立案的决定日期计算。</source>
        <translation>Note: each decision counts once per referral; average days use the dates of the first acceptance and the first case opening.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="226"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="240"/>
        <source>统计失败</source>
        <translation>Statistics failed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="245"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="246"/>
        <source>%1 天（%2 起）</source>
        <translation>%1 days (%2 cases)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="252"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="277"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="280"/>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="284"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="264"/>
        <source>新建团伙/案件</source>
        <translation>New groups/cases</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="265"/>
        <source>处理人数</source>
        <translation>Persons handled</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="266"/>
        <source>刑事拘留</source>
        <translation>Criminal detention</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="267"/>
        <source>逮捕</source>
        <translation>Arrested</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="268"/>
        <source>取保候审</source>
        <translation>On bail</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="269"/>
        <source>起诉</source>
        <translation>Prosecuted</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="270"/>
        <source>判决</source>
        <translation>Sentenced</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="271"/>
        <source>涉案金额（元）</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="272"/>
        <source>止损/拦截金额（元）</source>
        <translation>Losses stopped (yuan)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="273"/>
        <source>移送至受案平均天数</source>
        <translation>Avg. days from referral to acceptance</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="274"/>
        <source>受案至立案平均天数</source>
        <translation>Avg. days from acceptance to case opening</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="281"/>
        <source>其中疑似异常维权</source>
        <translation>of which suspected abnormal</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/pages/statistics_page.py" line="288"/>
        <source>%1 至 %2，统计于 %3</source>
        <translation>%1 to %2, compiled %3</translation>
    </message>
</context>
<context>
    <name>SuspectDialog</name>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="261"/>
        <source>添加嫌疑人/单位</source>
        <translation>Add suspect</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="265"/>
        <source>自然人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="266"/>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="287"/>
        <source>每行一个号码</source>
        <translation>One number per line</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="292"/>
        <source>如：广东省深圳市福田区华强北路1号某大厦1201</source>
        <translation>E.g. Rm 1201, ×× Building, 1 Huaqiangbei Rd, Futian, Shenzhen, Guangdong</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="299"/>
        <source>每行一个账号</source>
        <translation>One account per line</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="310"/>
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="314"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="315"/>
        <source>电话：</source>
        <translation>Phones:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="317"/>
        <source>地址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="319"/>
        <source>微信：</source>
        <translation>WeChat:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="321"/>
        <source>银行账户：</source>
        <translation>Bank accounts:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="323"/>
        <source>备注：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="327"/>
        <source>证件号、电话、账号加密保存，列表中只显示遮蔽后的号码。</source>
        <translation>ID numbers, phones and accounts are stored encrypted; lists show them masked.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="331"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="331"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="352"/>
        <source>姓名（必填）：</source>
        <translation>Name (required):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="352"/>
        <source>单位名称（必填）：</source>
        <translation>Organisation name (required):</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="353"/>
        <source>身份证号：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="353"/>
        <source>统一社会信用代码：</source>
        <translation>Credit code:</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="354"/>
        <source>18 位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="354"/>
        <source>18 位，见营业执照，可不填</source>
        <translation>18 characters, on the business licence; optional</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="381"/>
        <source>第 %1 行（%2）：%3</source>
        <translation>Line %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="386"/>
        <source>✓ %1 个%2格式正确</source>
        <translation>✓ %1 %2 well-formed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="411"/>
        <source>✓ 身份证号有效（%1，%2 出生）</source>
        <translation>✓ Valid ID number (%1, born %2)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="416"/>
        <source>✓ 统一社会信用代码有效</source>
        <translation>✓ Valid unified social credit code</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="421"/>
        <source>电话号码</source>
        <translation>phone number(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="425"/>
        <source>账号</source>
        <translation>account(s)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="429"/>
        <source>请先修正上面标红的 %1 处问题。</source>
        <translation>First fix the %1 problem(s) marked in red above.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="432"/>
        <source>请填写%1。</source>
        <translation>Please enter the %1.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="433"/>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="433"/>
        <source>单位名称</source>
        <translation>organisation name</translation>
    </message>
</context>
<context>
    <name>TemplateCompare</name>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="63"/>
        <source>受理 %1</source>
        <translation>Received %1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="296"/>
        <source>比较文本：%1 与 %2</source>
        <translation>Compare text: %1 and %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="304"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TemplateCompareDialog</name>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="274"/>
        <source>比较文本：%1 与 %2</source>
        <translation>Compare text: %1 and %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="280"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TemplateCompareWidget</name>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="132"/>
        <source>相似度按系统识别模板文本的方法计算：去除姓名、号码、日期、金额后，比较连续四个字的片段（Jaccard 相似度）。</source>
        <translation>Similarity is computed the way the system detects template text: after removing names, numbers, dates and amounts, runs of four consecutive characters are compared (Jaccard similarity).</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="141"/>
        <source>两篇相同的段落</source>
        <translation>Passages in both texts</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="142"/>
        <source>仅本篇有的文字（差异）</source>
        <translation>Text only in this one (difference)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="143"/>
        <source>示例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="211"/>
        <source>相似度 %1%（去除姓名、号码、日期、金额后）</source>
        <translation>Similarity %1% (after removing names, numbers, dates and amounts)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="214"/>
        <source>有一篇文本为空，无法比较。</source>
        <translation>One of the texts is empty, so they cannot be compared.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/template_compare.py" line="216"/>
        <source>相同文字占左侧文本的 %1%、右侧文本的 %2%；差异 %3 处。</source>
        <translation>Shared text makes up %1% of the left text and %2% of the right text; %3 differences.</translation>
    </message>
</context>
<context>
    <name>VerifyRunner</name>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="178"/>
        <source>上一个校验还在进行，请稍候。</source>
        <translation>The previous verification is still running; please wait.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="185"/>
        <source>正在重新计算“%1”的 SHA-256 与 SM3 …</source>
        <translation>Recomputing SHA-256 and SM3 of "%1" …</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="186"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="187"/>
        <source>校验证据</source>
        <translation>Verify evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="204"/>
        <source>校验通过：“%1”与入库时记录的值一致，文件未被改动。
SHA-256 %2
SM3 %3</source>
        <translation>Verified: "%1" matches the values recorded when it was stored; the file is unchanged.
SHA-256 %2
SM3 %3</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="208"/>
        <source>校验未通过：证据库中找不到“%1”的文件，可能已被移动或删除。请联系管理员从备份恢复。</source>
        <translation>Verification failed: the file of "%1" is missing from the evidence store; it may have been moved or deleted. Ask an administrator to restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="212"/>
        <source>校验未通过：证据库中“%1”的文件已被改动，与入库时记录的哈希值不一致，不能再作为完整证据使用。请联系管理员从备份恢复。
技术细节：%2</source>
        <translation>Verification failed: the file of "%1" in the evidence store has been altered; its hash no longer matches the one recorded when it was stored, so it can no longer serve as intact evidence. Ask an administrator to restore it from a backup.
Technical details: %2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/evidence_panel.py" line="226"/>
        <source>已取消校验。</source>
        <translation>Verification cancelled.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="24"/>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="25"/>
        <source>导入工单…</source>
        <translation>Import work orders…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="26"/>
        <source>保存导入模板…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="27"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="28"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="29"/>
        <source>搜索投诉</source>
        <translation>Search complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="30"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="31"/>
        <source>由选中投诉建立团伙/案件…</source>
        <translation>New group/case from selection…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="32"/>
        <source>校验数据与证据完整性</source>
        <translation>Verify data and evidence integrity</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="33"/>
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/actions.py" line="34"/>
        <source>关于灰线</source>
        <translation>About Greyline</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app/greyline/ui/app.py" line="73"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="14"/>
        <source>12315 市场监管</source>
        <translation>12315 market supervision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="15"/>
        <source>12363 人民银行</source>
        <translation>12363 central bank</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="16"/>
        <source>12378 金融监管投诉热线</source>
        <translation>12378 financial regulator hotline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="17"/>
        <source>IP地址</source>
        <translation>IP address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="18"/>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="19"/>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="20"/>
        <source>不予立案</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="21"/>
        <source>中国互联网金融协会</source>
        <translation>Internet finance association</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="22"/>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="23"/>
        <source>书证</source>
        <translation>Documentary evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="24"/>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="25"/>
        <source>人工</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="26"/>
        <source>人工关联</source>
        <translation>Manual link</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="27"/>
        <source>他人代接电话</source>
        <translation>Someone else answers the phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="28"/>
        <source>代理人持有客户证件/银行卡/SIM卡</source>
        <translation>Agent holds customer's ID/bank card/SIM</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="29"/>
        <source>代理人电话</source>
        <translation>Agent phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="30"/>
        <source>代理人陪同或在通话中</source>
        <translation>Agent present or on the call</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="31"/>
        <source>代理机构</source>
        <translation>Agent company</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="32"/>
        <source>伪造或虚假证明材料</source>
        <translation>Forged or false documents</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="33"/>
        <source>信访</source>
        <translation>Petition letter</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="34"/>
        <source>入库</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="35"/>
        <source>公安机关</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="36"/>
        <source>公安转办</source>
        <translation>Police transfer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="37"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="38"/>
        <source>勘验、检查、辨认、侦查实验等笔录</source>
        <translation>Inspection/examination records</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="39"/>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="40"/>
        <source>单位信用代码</source>
        <translation>Organisation credit code</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="41"/>
        <source>受案</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="42"/>
        <source>可疑/伪造材料</source>
        <translation>Suspect/forged document</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="43"/>
        <source>合同</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="44"/>
        <source>同一QQ</source>
        <translation>Same QQ</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="45"/>
        <source>同一伪造图片重复出现</source>
        <translation>Same forged image reused</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="46"/>
        <source>同一单位</source>
        <translation>Same organisation</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="47"/>
        <source>同一图片</source>
        <translation>Same image</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="48"/>
        <source>同一地址</source>
        <translation>Same address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="49"/>
        <source>同一声音</source>
        <translation>Same voice</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="50"/>
        <source>同一声音冒充多名客户</source>
        <translation>One voice poses as several customers</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="51"/>
        <source>同一微信</source>
        <translation>Same WeChat</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="52"/>
        <source>同一电话</source>
        <translation>Same phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="53"/>
        <source>同一邮箱</source>
        <translation>Same e-mail</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="54"/>
        <source>同一银行账户</source>
        <translation>Same bank account</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="55"/>
        <source>呼入</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="56"/>
        <source>呼出</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="57"/>
        <source>呼叫转移/第三方接听</source>
        <translation>Call forwarding / third party answers</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="58"/>
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="59"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="60"/>
        <source>地方金融监管</source>
        <translation>Local financial regulator</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="61"/>
        <source>复议</source>
        <translation>Reconsideration</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="62"/>
        <source>复议决定</source>
        <translation>Reconsideration decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="63"/>
        <source>多名投诉人共用联系方式</source>
        <translation>Several complainants share contact details</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="64"/>
        <source>媒体</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="65"/>
        <source>实际联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="66"/>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="67"/>
        <source>客户身份证</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="68"/>
        <source>客户预留手机</source>
        <translation>Registered mobile</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="69"/>
        <source>导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="70"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="71"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="72"/>
        <source>已排除</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="73"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="74"/>
        <source>已移送</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="75"/>
        <source>已立案</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="76"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="77"/>
        <source>已认定异常维权</source>
        <translation>Found abnormal</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="78"/>
        <source>市场监管（12315）</source>
        <translation>Market supervision (12315)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="79"/>
        <source>录音</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="80"/>
        <source>待确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="81"/>
        <source>待移送</source>
        <translation>Ready to refer</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="82"/>
        <source>待认定</source>
        <translation>Pending decision</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="83"/>
        <source>律师/律所</source>
        <translation>Lawyer/law firm</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="84"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="85"/>
        <source>截图</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="86"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="87"/>
        <source>投诉前不久更换预留手机号</source>
        <translation>Registered mobile changed shortly before</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="88"/>
        <source>投诉处理专员</source>
        <translation>Complaint handler</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="89"/>
        <source>投诉文本中出现</source>
        <translation>Mentioned in text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="90"/>
        <source>投诉文本高度雷同</source>
        <translation>Near-identical complaint text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="91"/>
        <source>拒绝直接联系，经第三方转达</source>
        <translation>Refuses direct contact, goes through a third party</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="92"/>
        <source>故意激怒催收并录音</source>
        <translation>Provokes collectors and records</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="93"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="94"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="95"/>
        <source>本机构App/官网</source>
        <translation>Own app/website</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="96"/>
        <source>本机构客服热线</source>
        <translation>Own hotline</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="97"/>
        <source>来访/上门</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="98"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="99"/>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="100"/>
        <source>核查中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="101"/>
        <source>模板文本</source>
        <translation>Template text</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="102"/>
        <source>正常投诉</source>
        <translation>Normal complaint</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="103"/>
        <source>治安案件</source>
        <translation>Public-order case</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="104"/>
        <source>法务/反欺诈</source>
        <translation>Legal/anti-fraud</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="105"/>
        <source>物证</source>
        <translation>Physical evidence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="106"/>
        <source>犯罪嫌疑人供述和辩解</source>
        <translation>Suspect's confession and defence</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="107"/>
        <source>申请复核</source>
        <translation>Review requested</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="108"/>
        <source>申请复议</source>
        <translation>Reconsideration requested</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="109"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="110"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="111"/>
        <source>疑似代理人</source>
        <translation>Suspected agent</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="112"/>
        <source>短信/消息</source>
        <translation>SMS/message</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="113"/>
        <source>短时间内集中投诉</source>
        <translation>Burst of complaints in a short time</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="114"/>
        <source>立案</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="115"/>
        <source>第三方无有效授权代为投诉</source>
        <translation>Third party complains without valid authorisation</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="116"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="117"/>
        <source>系统识别</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="118"/>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="119"/>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="120"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="121"/>
        <source>聊天记录</source>
        <translation>Chat log</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="122"/>
        <source>联系地址</source>
        <translation>Mailing address</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="123"/>
        <source>自然人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="124"/>
        <source>虚假报案（谎报证件遗失等）</source>
        <translation>False police report (e.g. fake lost ID)</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="125"/>
        <source>虚拟运营商号段</source>
        <translation>Virtual-operator number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="126"/>
        <source>行业协会</source>
        <translation>Industry association</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="127"/>
        <source>被害人陈述</source>
        <translation>Victim statement</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="128"/>
        <source>要求减免/停催/改征信并威胁曝光</source>
        <translation>Demands waivers or credit changes, threatens exposure</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="129"/>
        <source>视听资料、电子数据</source>
        <translation>Audio-visual/electronic data</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="130"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="131"/>
        <source>证人</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="132"/>
        <source>证人证言</source>
        <translation>Witness testimony</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="133"/>
        <source>证件复印件</source>
        <translation>ID copy</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="134"/>
        <source>调查中</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="135"/>
        <source>身份缺失、虚假或拒绝核验</source>
        <translation>Identity missing, false or not verifiable</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="136"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="137"/>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="138"/>
        <source>重复或升级投诉（缠诉闹访）</source>
        <translation>Repeated or escalating complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="139"/>
        <source>金融监管部门</source>
        <translation>Financial regulator</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="140"/>
        <source>鉴定意见</source>
        <translation>Expert opinion</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="141"/>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/enum_labels.py" line="142"/>
        <source>黑猫投诉等公开平台</source>
        <translation>Public sites (Heimao etc.)</translation>
    </message>
</context>
<context>
    <name>group_dialogs</name>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="63"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="63"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="64"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="64"/>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="65"/>
        <source>嫌疑人/单位</source>
        <translation>Suspects</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/group_dialogs.py" line="66"/>
        <source>涉案金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
</context>
<context>
    <name>identifier_actions</name>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="68"/>
        <source>正在保存标记并重新检测相关投诉…</source>
        <translation>Saving the mark and re-detecting the complaints concerned…</translation>
    </message>
    <message>
        <location filename="../../app/greyline/ui/identifier_actions.py" line="69"/>
        <source>不参与关联</source>
        <translation>Do not correlate</translation>
    </message>
</context>
</TS>

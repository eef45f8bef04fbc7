"""Every label of the domain's enums, marked for lupdate in the context "enums".

The domain keeps its Chinese labels; ``i18n.install_translators`` makes ``LabelledEnum.label`` return
them translated. This list only exists so that lupdate can see the strings; ``tests/ui/
test_translations.py`` fails when an enum label is missing here. Regenerate with
``python -m greyline.ui.enum_labels``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

LABELS = (
    QT_TRANSLATE_NOOP("enums", "12315 市场监管"),
    QT_TRANSLATE_NOOP("enums", "12363 人民银行"),
    QT_TRANSLATE_NOOP("enums", "12378 金融监管投诉热线"),
    QT_TRANSLATE_NOOP("enums", "IP地址"),
    QT_TRANSLATE_NOOP("enums", "QQ"),
    QT_TRANSLATE_NOOP("enums", "一级"),
    QT_TRANSLATE_NOOP("enums", "不予立案"),
    QT_TRANSLATE_NOOP("enums", "中国互联网金融协会"),
    QT_TRANSLATE_NOOP("enums", "主管"),
    QT_TRANSLATE_NOOP("enums", "书证"),
    QT_TRANSLATE_NOOP("enums", "二级"),
    QT_TRANSLATE_NOOP("enums", "人工"),
    QT_TRANSLATE_NOOP("enums", "人工关联"),
    QT_TRANSLATE_NOOP("enums", "他人代接电话"),
    QT_TRANSLATE_NOOP("enums", "代理人持有客户证件/银行卡/SIM卡"),
    QT_TRANSLATE_NOOP("enums", "代理人电话"),
    QT_TRANSLATE_NOOP("enums", "代理人陪同或在通话中"),
    QT_TRANSLATE_NOOP("enums", "代理机构"),
    QT_TRANSLATE_NOOP("enums", "伪造或虚假证明材料"),
    QT_TRANSLATE_NOOP("enums", "信访"),
    QT_TRANSLATE_NOOP("enums", "入库"),
    QT_TRANSLATE_NOOP("enums", "公安机关"),
    QT_TRANSLATE_NOOP("enums", "公安转办"),
    QT_TRANSLATE_NOOP("enums", "其他"),
    QT_TRANSLATE_NOOP("enums", "勘验、检查、辨认、侦查实验等笔录"),
    QT_TRANSLATE_NOOP("enums", "单位"),
    QT_TRANSLATE_NOOP("enums", "单位信用代码"),
    QT_TRANSLATE_NOOP("enums", "受案"),
    QT_TRANSLATE_NOOP("enums", "可疑/伪造材料"),
    QT_TRANSLATE_NOOP("enums", "合同"),
    QT_TRANSLATE_NOOP("enums", "同一QQ"),
    QT_TRANSLATE_NOOP("enums", "同一伪造图片重复出现"),
    QT_TRANSLATE_NOOP("enums", "同一单位"),
    QT_TRANSLATE_NOOP("enums", "同一图片"),
    QT_TRANSLATE_NOOP("enums", "同一地址"),
    QT_TRANSLATE_NOOP("enums", "同一声音"),
    QT_TRANSLATE_NOOP("enums", "同一声音冒充多名客户"),
    QT_TRANSLATE_NOOP("enums", "同一微信"),
    QT_TRANSLATE_NOOP("enums", "同一电话"),
    QT_TRANSLATE_NOOP("enums", "同一邮箱"),
    QT_TRANSLATE_NOOP("enums", "同一银行账户"),
    QT_TRANSLATE_NOOP("enums", "呼入"),
    QT_TRANSLATE_NOOP("enums", "呼出"),
    QT_TRANSLATE_NOOP("enums", "呼叫转移/第三方接听"),
    QT_TRANSLATE_NOOP("enums", "固定电话"),
    QT_TRANSLATE_NOOP("enums", "地址"),
    QT_TRANSLATE_NOOP("enums", "地方金融监管"),
    QT_TRANSLATE_NOOP("enums", "复议"),
    QT_TRANSLATE_NOOP("enums", "复议决定"),
    QT_TRANSLATE_NOOP("enums", "多名投诉人共用联系方式"),
    QT_TRANSLATE_NOOP("enums", "媒体"),
    QT_TRANSLATE_NOOP("enums", "实际联系电话"),
    QT_TRANSLATE_NOOP("enums", "客户"),
    QT_TRANSLATE_NOOP("enums", "客户身份证"),
    QT_TRANSLATE_NOOP("enums", "客户预留手机"),
    QT_TRANSLATE_NOOP("enums", "导出"),
    QT_TRANSLATE_NOOP("enums", "已办结"),
    QT_TRANSLATE_NOOP("enums", "已受理"),
    QT_TRANSLATE_NOOP("enums", "已排除"),
    QT_TRANSLATE_NOOP("enums", "已确认"),
    QT_TRANSLATE_NOOP("enums", "已移送"),
    QT_TRANSLATE_NOOP("enums", "已立案"),
    QT_TRANSLATE_NOOP("enums", "已结案"),
    QT_TRANSLATE_NOOP("enums", "已认定异常维权"),
    QT_TRANSLATE_NOOP("enums", "市场监管（12315）"),
    QT_TRANSLATE_NOOP("enums", "录音"),
    QT_TRANSLATE_NOOP("enums", "待确认"),
    QT_TRANSLATE_NOOP("enums", "待移送"),
    QT_TRANSLATE_NOOP("enums", "待认定"),
    QT_TRANSLATE_NOOP("enums", "律师/律所"),
    QT_TRANSLATE_NOOP("enums", "微信"),
    QT_TRANSLATE_NOOP("enums", "截图"),
    QT_TRANSLATE_NOOP("enums", "手机号"),
    QT_TRANSLATE_NOOP("enums", "投诉前不久更换预留手机号"),
    QT_TRANSLATE_NOOP("enums", "投诉处理专员"),
    QT_TRANSLATE_NOOP("enums", "投诉文本中出现"),
    QT_TRANSLATE_NOOP("enums", "投诉文本高度雷同"),
    QT_TRANSLATE_NOOP("enums", "拒绝直接联系，经第三方转达"),
    QT_TRANSLATE_NOOP("enums", "故意激怒催收并录音"),
    QT_TRANSLATE_NOOP("enums", "新建"),
    QT_TRANSLATE_NOOP("enums", "无"),
    QT_TRANSLATE_NOOP("enums", "本机构App/官网"),
    QT_TRANSLATE_NOOP("enums", "本机构客服热线"),
    QT_TRANSLATE_NOOP("enums", "来访/上门"),
    QT_TRANSLATE_NOOP("enums", "查看"),
    QT_TRANSLATE_NOOP("enums", "校验"),
    QT_TRANSLATE_NOOP("enums", "核查中"),
    QT_TRANSLATE_NOOP("enums", "模板文本"),
    QT_TRANSLATE_NOOP("enums", "正常投诉"),
    QT_TRANSLATE_NOOP("enums", "治安案件"),
    QT_TRANSLATE_NOOP("enums", "法务/反欺诈"),
    QT_TRANSLATE_NOOP("enums", "物证"),
    QT_TRANSLATE_NOOP("enums", "犯罪嫌疑人供述和辩解"),
    QT_TRANSLATE_NOOP("enums", "申请复核"),
    QT_TRANSLATE_NOOP("enums", "申请复议"),
    QT_TRANSLATE_NOOP("enums", "电子邮箱"),
    QT_TRANSLATE_NOOP("enums", "电话"),
    QT_TRANSLATE_NOOP("enums", "疑似代理人"),
    QT_TRANSLATE_NOOP("enums", "短信/消息"),
    QT_TRANSLATE_NOOP("enums", "短时间内集中投诉"),
    QT_TRANSLATE_NOOP("enums", "立案"),
    QT_TRANSLATE_NOOP("enums", "第三方无有效授权代为投诉"),
    QT_TRANSLATE_NOOP("enums", "管理员"),
    QT_TRANSLATE_NOOP("enums", "系统识别"),
    QT_TRANSLATE_NOOP("enums", "线索"),
    QT_TRANSLATE_NOOP("enums", "结案"),
    QT_TRANSLATE_NOOP("enums", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("enums", "聊天记录"),
    QT_TRANSLATE_NOOP("enums", "联系地址"),
    QT_TRANSLATE_NOOP("enums", "自然人"),
    QT_TRANSLATE_NOOP("enums", "虚假报案（谎报证件遗失等）"),
    QT_TRANSLATE_NOOP("enums", "虚拟运营商号段"),
    QT_TRANSLATE_NOOP("enums", "行业协会"),
    QT_TRANSLATE_NOOP("enums", "被害人陈述"),
    QT_TRANSLATE_NOOP("enums", "要求减免/停催/改征信并威胁曝光"),
    QT_TRANSLATE_NOOP("enums", "视听资料、电子数据"),
    QT_TRANSLATE_NOOP("enums", "设备"),
    QT_TRANSLATE_NOOP("enums", "证人"),
    QT_TRANSLATE_NOOP("enums", "证人证言"),
    QT_TRANSLATE_NOOP("enums", "证件复印件"),
    QT_TRANSLATE_NOOP("enums", "调查中"),
    QT_TRANSLATE_NOOP("enums", "身份缺失、虚假或拒绝核验"),
    QT_TRANSLATE_NOOP("enums", "身份证号"),
    QT_TRANSLATE_NOOP("enums", "邮箱"),
    QT_TRANSLATE_NOOP("enums", "重复或升级投诉（缠诉闹访）"),
    QT_TRANSLATE_NOOP("enums", "金融监管部门"),
    QT_TRANSLATE_NOOP("enums", "鉴定意见"),
    QT_TRANSLATE_NOOP("enums", "银行账户"),
    QT_TRANSLATE_NOOP("enums", "黑猫投诉等公开平台"),
)


def _generate() -> str:
    from greyline.domain.enums import all_labelled_enums

    labels = sorted({m.source_label for enum in all_labelled_enums() for m in enum})
    lines = "".join(f'    QT_TRANSLATE_NOOP("enums", "{label}"),\n' for label in labels)
    return lines


if __name__ == "__main__":
    from pathlib import Path

    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    start = text.index("LABELS = (\n") + len("LABELS = (\n")
    end = text.index(")\n\n\ndef _generate")
    path.write_text(text[:start] + _generate() + text[end:], encoding="utf-8")

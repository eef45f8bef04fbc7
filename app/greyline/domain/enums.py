"""Enumerations of the domain, each value with its Chinese label.

Values are stable English codes (stored in the database); labels are what users read.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


_translate: Callable[[str], str] = str


def set_label_translator(translate: Callable[[str], str]) -> None:
    """Let the user interface translate labels (the domain itself knows only the Chinese source)."""
    global _translate
    _translate = translate


class LabelledEnum(StrEnum):
    """A string enum whose members carry a label: Chinese source text, translated for display."""

    _zh_label: str

    def __new__(cls, value: str, label: str = "") -> "LabelledEnum":
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj._zh_label = label or value
        return obj

    @property
    def label(self) -> str:
        """The label in the interface language."""
        return _translate(self._zh_label)

    @property
    def source_label(self) -> str:
        """The Chinese label as written in the code (stable, for files and the database)."""
        return self._zh_label

    @classmethod
    def parse(cls, text: str) -> "LabelledEnum":
        """Accept the code (any case), the Chinese label or the translated label."""
        t = (text or "").strip()
        for m in cls:
            if t.lower() == m.value.lower() or t in (m._zh_label, m.label):
                return m
        raise ValueError(t)


def all_labelled_enums() -> list[type[LabelledEnum]]:
    return [c for c in globals().values() if isinstance(c, type) and issubclass(c, LabelledEnum)
            and c is not LabelledEnum]


class Channel(LabelledEnum):
    NFRA_12378 = "12378", "12378 金融监管投诉热线"
    PBOC_12363 = "12363", "12363 人民银行"
    SAMR_12315 = "12315", "12315 市场监管"
    LOCAL_REGULATOR = "local_regulator", "地方金融监管"
    NIFA = "nifa", "中国互联网金融协会"
    PUBLIC_SITE = "public_site", "黑猫投诉等公开平台"
    OWN_HOTLINE = "own_hotline", "本机构客服热线"
    OWN_APP = "own_app", "本机构App/官网"
    PETITION = "petition", "信访"
    MEDIA = "media", "媒体"
    POLICE = "police", "公安转办"
    OTHER = "other", "其他"


def channel_label(code: str, stored_label: str) -> str:
    """A channel's display label: translated when it is a built-in channel whose label was not renamed."""
    try:
        channel = Channel(code)
    except ValueError:
        return stored_label
    return channel.label if stored_label == channel.source_label else stored_label


class ComplaintStatus(LabelledEnum):
    NEW = "new", "新建"
    CHECKING = "checking", "核查中"
    PENDING = "pending", "待认定"
    ABNORMAL = "abnormal", "已认定异常维权"
    NORMAL = "normal", "正常投诉"
    CLOSED = "closed", "已办结"


# Allowed status moves; closing is allowed from a decided state only.
COMPLAINT_TRANSITIONS: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    ComplaintStatus.NEW: frozenset({ComplaintStatus.CHECKING, ComplaintStatus.PENDING}),
    ComplaintStatus.CHECKING: frozenset({ComplaintStatus.PENDING, ComplaintStatus.NEW}),
    ComplaintStatus.PENDING: frozenset(
        {ComplaintStatus.ABNORMAL, ComplaintStatus.NORMAL, ComplaintStatus.CHECKING}
    ),
    ComplaintStatus.ABNORMAL: frozenset({ComplaintStatus.CLOSED, ComplaintStatus.PENDING}),
    ComplaintStatus.NORMAL: frozenset({ComplaintStatus.CLOSED, ComplaintStatus.PENDING}),
    ComplaintStatus.CLOSED: frozenset({ComplaintStatus.PENDING}),
}


class RiskLevel(LabelledEnum):
    NONE = "none", "无"
    LEVEL2 = "level2", "二级"
    LEVEL1 = "level1", "一级"


class Indicator(LabelledEnum):
    AGENT_IN_NAME = "AGENT_IN_NAME", "第三方无有效授权代为投诉"
    AGENT_ACCOMPANIES = "AGENT_ACCOMPANIES", "代理人陪同或在通话中"
    REPEATED = "REPEATED", "重复或升级投诉（缠诉闹访）"
    FALSE_EVIDENCE = "FALSE_EVIDENCE", "伪造或虚假证明材料"
    REFUSES_CONTACT = "REFUSES_CONTACT", "拒绝直接联系，经第三方转达"
    FALSE_IDENTITY = "FALSE_IDENTITY", "身份缺失、虚假或拒绝核验"
    SHARED_CONTACT = "SHARED_CONTACT", "多名投诉人共用联系方式"
    TEMPLATE_TEXT = "TEMPLATE_TEXT", "投诉文本高度雷同"
    TIME_BURST = "TIME_BURST", "短时间内集中投诉"
    CALL_FORWARDING = "CALL_FORWARDING", "呼叫转移/第三方接听"
    THIRD_PARTY_ANSWERS = "THIRD_PARTY_ANSWERS", "他人代接电话"
    VIRTUAL_NUMBER = "VIRTUAL_NUMBER", "虚拟运营商号段"
    PROVOKED_RECORDING = "PROVOKED_RECORDING", "故意激怒催收并录音"
    AGENT_HOLDS_DOCUMENTS = "AGENT_HOLDS_DOCUMENTS", "代理人持有客户证件/银行卡/SIM卡"
    DEMANDS = "DEMANDS", "要求减免/停催/改征信并威胁曝光"
    FALSE_POLICE_REPORT = "FALSE_POLICE_REPORT", "虚假报案（谎报证件遗失等）"
    SAME_VOICE = "SAME_VOICE", "同一声音冒充多名客户"
    REUSED_IMAGE = "REUSED_IMAGE", "同一伪造图片重复出现"
    PHONE_CHANGED = "PHONE_CHANGED", "投诉前不久更换预留手机号"


class IndicatorSource(LabelledEnum):
    PERSON = "person", "人工"
    DETECTOR = "detector", "系统识别"


class PartyKind(LabelledEnum):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "单位"


class PartyRole(LabelledEnum):
    CUSTOMER = "customer", "客户"
    SUSPECTED_AGENT = "suspected_agent", "疑似代理人"
    AGENT_COMPANY = "agent_company", "代理机构"
    LAWYER = "lawyer", "律师/律所"
    WITNESS = "witness", "证人"


class IdentifierType(LabelledEnum):
    MOBILE = "mobile", "手机号"
    LANDLINE = "landline", "固定电话"
    RESIDENT_ID = "resident_id", "身份证号"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    ADDRESS = "address", "地址"
    EMAIL = "email", "电子邮箱"
    WECHAT = "wechat", "微信"
    QQ = "qq", "QQ"
    BANK_ACCOUNT = "bank_account", "银行账户"
    IP = "ip", "IP地址"
    DEVICE = "device", "设备"


class IdentifierRole(LabelledEnum):
    CUSTOMER_PHONE = "customer_phone", "客户预留手机"
    CONTACT_PHONE = "contact_phone", "实际联系电话"
    AGENT_PHONE = "agent_phone", "代理人电话"
    CUSTOMER_ID = "customer_id", "客户身份证"
    PERSON_ID = "person_id", "身份证号"
    MAILING_ADDRESS = "mailing_address", "联系地址"
    EMAIL = "email", "邮箱"
    WECHAT = "wechat", "微信"
    QQ = "qq", "QQ"
    BANK_ACCOUNT = "bank_account", "银行账户"
    COMPANY_CODE = "company_code", "单位信用代码"
    TEXT_MENTION = "text_mention", "投诉文本中出现"
    OTHER = "other", "其他"


class ContactDirection(LabelledEnum):
    INBOUND = "inbound", "呼入"
    OUTBOUND = "outbound", "呼出"


class ContactKind(LabelledEnum):
    CALL = "call", "电话"
    VISIT = "visit", "来访/上门"
    MESSAGE = "message", "短信/消息"


class EvidenceKind(LabelledEnum):
    RECORDING = "recording", "录音"
    DOCUMENT = "document", "可疑/伪造材料"
    SCREENSHOT = "screenshot", "截图"
    CHAT = "chat", "聊天记录"
    CONTRACT = "contract", "合同"
    ID_COPY = "id_copy", "证件复印件"
    OTHER = "other", "其他"


class LegalKind(LabelledEnum):
    """The eight kinds of evidence of the Criminal Procedure Law, art. 50."""

    PHYSICAL = "physical", "物证"
    DOCUMENTARY = "documentary", "书证"
    WITNESS = "witness", "证人证言"
    VICTIM = "victim", "被害人陈述"
    SUSPECT = "suspect", "犯罪嫌疑人供述和辩解"
    EXPERT = "expert", "鉴定意见"
    RECORDS = "records", "勘验、检查、辨认、侦查实验等笔录"
    AUDIOVISUAL = "audiovisual", "视听资料、电子数据"


class CustodyAction(LabelledEnum):
    ADDED = "added", "入库"
    VIEWED = "viewed", "查看"
    EXPORTED = "exported", "导出"
    VERIFIED = "verified", "校验"


class GroupStatus(LabelledEnum):
    LEAD = "lead", "线索"
    INVESTIGATING = "investigating", "调查中"
    READY = "ready", "待移送"
    REFERRED = "referred", "已移送"
    ACCEPTED = "accepted", "已受理"
    CASE_OPENED = "case_opened", "已立案"
    REFUSED = "refused", "不予立案"
    RECONSIDERATION = "reconsideration", "复议"
    CLOSED = "closed", "已结案"


class ReferralTarget(LabelledEnum):
    POLICE = "police", "公安机关"
    MARKET_SUPERVISION = "market_supervision", "市场监管（12315）"
    FINANCIAL_REGULATOR = "financial_regulator", "金融监管部门"
    ASSOCIATION = "association", "行业协会"


class ReferralDecision(LabelledEnum):
    ACCEPTED = "accepted", "受案"
    CASE_OPENED = "case_opened", "立案"
    PUBLIC_ORDER = "public_order", "治安案件"
    REFUSED = "refused", "不予立案"
    RECONSIDERATION = "reconsideration", "申请复议"
    RECONSIDERATION_RESULT = "reconsideration_result", "复议决定"
    REVIEW = "review", "申请复核"
    CLOSED = "closed", "结案"


class LinkKind(LabelledEnum):
    PHONE = "phone", "同一电话"
    ADDRESS = "address", "同一地址"
    EMAIL = "email", "同一邮箱"
    WECHAT = "wechat", "同一微信"
    QQ = "qq", "同一QQ"
    BANK_ACCOUNT = "bank_account", "同一银行账户"
    CREDIT_CODE = "credit_code", "同一单位"
    TEMPLATE = "template", "模板文本"
    VOICE = "voice", "同一声音"
    IMAGE = "image", "同一图片"
    MANUAL = "manual", "人工关联"


class LinkStatus(LabelledEnum):
    SUGGESTED = "suggested", "待确认"
    CONFIRMED = "confirmed", "已确认"
    REJECTED = "rejected", "已排除"


class Role(LabelledEnum):
    HANDLER = "handler", "投诉处理专员"
    LEGAL = "legal", "法务/反欺诈"
    SUPERVISOR = "supervisor", "主管"
    ADMIN = "admin", "管理员"

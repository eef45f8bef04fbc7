"""How work-order exports really spell things: column names, channel names, dates and Excel's numbers.

Every channel's system exports its own spreadsheet and people retype or merge them, so a column is
``投诉编号`` in one file and ``工单号码`` in the next, and the channel is ``黑猫投诉`` or ``黑猫投诉平台``.
Matching ignores case, full/half width, spaces and punctuation (``key_of``). Nothing here guesses a
value silently: a number Excel shortened (``1.38123E+10``) is an error, not a rounded phone number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from greyline.domain.errors import ValidationError

# Punctuation and separators dropped when comparing names (ASCII, CJK and full-width forms).
_DROP = re.compile(r"[\s\u3000\-_.·•、，,;；:：/\\|()（）\[\]【】<>《》\"'“”‘’*＊#＃!！?？]+")


def key_of(text: str) -> str:
    """The comparison key of a name: NFKC (full width -> half width), case-folded, no spaces or punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text or "").casefold())


# --------------------------------------------------------------------------- columns

# field key -> (Chinese header of the template, required, other spellings seen in real exports)
FIELDS: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "external_id": ("工单编号", True, (
        "工单号", "工单号码", "投诉编号", "投诉单号", "投诉工单号", "登记编号", "登记号", "受理编号", "编号", "单号",
        "案件编号", "外部工单号", "ticket", "ticket no", "ticket id", "work order", "work order no",
        "work order number", "complaint no", "complaint id", "complaint number", "case no", "reference no")),
    "channel": ("来源渠道", True, (
        "渠道", "投诉渠道", "来源", "投诉来源", "来源方式", "接收方式", "受理渠道", "渠道名称", "source", "channel name")),
    "received_at": ("受理日期", True, (
        "受理时间", "登记时间", "登记日期", "投诉时间", "投诉日期", "接收时间", "接收日期", "来电时间", "创建时间",
        "下单时间", "日期", "received", "received date", "received time", "date received", "complaint date",
        "registered at", "created at", "date")),
    "customer_name": ("客户姓名", False, (
        "投诉人", "投诉人姓名", "客户名称", "客户", "姓名", "消费者姓名", "借款人", "借款人姓名", "customer",
        "customer name", "complainant", "name")),
    "customer_id_number": ("身份证号", False, (
        "证件号码", "身份证", "身份证号码", "证件号", "客户证件号", "投诉人证件号码", "id number", "id no",
        "id card", "resident id")),
    "customer_phone": ("客户手机号", False, (
        "手机号", "手机号码", "客户手机", "预留手机号", "注册手机号", "mobile", "mobile phone", "customer phone",
        "customer mobile")),
    "contact_phone": ("联系电话", False, (
        "联系方式", "来电号码", "投诉人电话", "投诉人联系电话", "回访电话", "联系号码", "电话", "contact",
        "contact phone", "contact number", "caller number", "phone", "telephone")),
    "contract_no": ("合同编号", False, ("借款合同编号", "合同号", "借据号", "贷款合同号", "contract", "contract no")),
    "overdue_amount": ("逾期金额", False, ("逾期本金", "欠款金额", "涉及金额", "金额", "overdue amount", "amount")),
    "text": ("投诉内容", False, (
        "诉求内容", "问题描述", "投诉详情", "投诉描述", "反映内容", "内容", "事项描述", "complaint", "complaint text",
        "content", "description", "details", "narrative", "text")),
    "demands": ("诉求", False, ("具体诉求", "客户诉求", "投诉诉求", "诉求类型", "demands", "requests", "request")),
    "address": ("联系地址", False, ("地址", "通讯地址", "家庭地址", "住址", "客户地址", "邮寄地址", "address",
                                   "mailing address")),
    "email": ("邮箱", False, ("电子邮箱", "邮件", "电子邮件", "email", "e-mail", "mail")),
    "wechat": ("微信", False, ("微信号", "wechat", "wechat id", "weixin")),
    "phone_changed_at": ("手机号变更日期", False, ("号码变更日期", "手机变更日期", "phone changed", "phone changed at")),
    "category": ("问题类别", False, ("投诉类别", "问题分类", "投诉类型", "业务类型", "category", "complaint category")),
    "notes": ("备注", False, ("说明", "notes", "remarks", "remark", "comments")),
}
REQUIRED = tuple(k for k, (_, req, _) in FIELDS.items() if req)
TEXT_FIELDS = ("text", "notes")
DATE_FIELDS = ("received_at", "phone_changed_at")
# Columns whose digits must come back exactly as typed when Excel turned them into numbers.
DIGIT_FIELDS = ("external_id", "customer_id_number", "customer_phone", "contact_phone", "contract_no", "wechat")


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, (zh, _, others) in FIELDS.items():
        for name in (key, zh, *others):
            index.setdefault(key_of(name), key)
    return index


HEADER_INDEX = _header_index()


def field_of_header(header: str) -> str | None:
    """The field a column header names, or None. ``投诉编号*``, ``（必填）工单号`` and ``Ticket No.`` all match."""
    k = key_of(header.lstrip("\ufeff"))
    if k in HEADER_INDEX:
        return HEADER_INDEX[k]
    stripped = k.replace("必填", "").replace("required", "").replace("选填", "").replace("optional", "")
    return HEADER_INDEX.get(stripped)


def field_label(key: str) -> str:
    return FIELDS[key][0] if key in FIELDS else key


def auto_mapping(headers: list[str]) -> tuple[dict[str, int], list[int]]:
    """Field -> column index by name, and the indexes of the columns left unused.

    A field named by two columns takes the column spelled like the template (``工单编号``), else the first;
    the other is left unused (and listed), never merged.
    """
    claims: dict[str, list[int]] = {}
    for i, h in enumerate(headers):
        f = field_of_header(h)
        if f is not None:
            claims.setdefault(f, []).append(i)
    mapping: dict[str, int] = {}
    for f, cols in claims.items():
        exact = [i for i in cols if key_of(headers[i]) == key_of(FIELDS[f][0])]
        mapping[f] = (exact or cols)[0]
    used = set(mapping.values())
    return mapping, [i for i in range(len(headers)) if i not in used and (headers[i] or "").strip()]


def known_header_count(cells: list[str]) -> int:
    return len({f for f in (field_of_header(c) for c in cells if c) if f is not None})


# --------------------------------------------------------------------------- channels

# Built-in spellings per channel code; the store adds the aliases users mapped.
BUILTIN_CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "12378": ("12378热线", "银保监投诉", "银保监", "银保监会", "银保监会投诉", "金融监管总局", "国家金融监督管理总局",
              "国家金融监管总局", "金融监管投诉热线", "nfra", "cbirc"),
    "12363": ("人民银行", "中国人民银行", "人行", "央行", "12363热线", "pboc"),
    "12315": ("市场监管", "市场监督管理局", "市场监管局", "全国12315平台", "12315平台", "工商", "samr"),
    "local_regulator": ("地方金融监管局", "地方金融监督管理局", "地方金融管理局", "地方金融监管", "金融办", "金融局",
                        "金融工作局", "地方金融局"),
    "nifa": ("中国互联网金融协会", "互联网金融协会", "互金协会"),
    "public_site": ("黑猫投诉", "黑猫", "黑猫投诉平台", "新浪黑猫", "聚投诉", "消费保", "人民投诉", "公开投诉平台",
                    "网络投诉平台"),
    "own_hotline": ("客服热线", "400热线", "客服电话", "官方热线", "热线", "本机构热线", "hotline"),
    # Not a bare "APP" or "网站": in a 12315 export 接收方式 says how the regulator received the
    # complaint (电话, 互联网, APP, 微信), which is no channel of ours; such values ask the user.
    "own_app": ("官方app", "app投诉", "本机构app", "在线客服", "官方网站", "官网"),
    "petition": ("信访", "来信", "来访", "信访件"),
    "media": ("媒体", "媒体曝光", "记者", "舆情"),
    "police": ("公安", "公安转办", "派出所", "公安机关"),
    "other": ("其他", "其它"),
}
# "95xxx 热线" is the institution's own short hotline number.
_OWN_SHORT_HOTLINE = re.compile(r"^95\d{3,4}(热线|客服|电话)?$|^400\d*(热线|客服|电话)?$")
_HOTLINE_PREFIX = ("12378", "12363", "12315")


def match_channel(raw: str, channels: dict[str, str], aliases: dict[str, str]) -> str | None:
    """The channel code for a value as written in a file, or None when nobody knows it.

    ``channels`` maps code -> label (the store's channel rules), ``aliases`` maps alias key -> code (the
    aliases people added). Exact code, label, stored alias and built-in alias come first; then a
    leading hotline number (``12378 银保监``) and the institution's own 95xxx/400 hotline.
    """
    k = key_of(raw)
    if not k:
        return None
    for code, label in channels.items():
        if k == key_of(code) or k == key_of(label):
            return code
    if k in aliases and aliases[k] in channels:
        return aliases[k]
    for code, spellings in BUILTIN_CHANNEL_ALIASES.items():
        if code in channels and k in {key_of(s) for s in spellings}:
            return code
    for code in _HOTLINE_PREFIX:
        if k.startswith(code) and code in channels:
            return code
    if _OWN_SHORT_HOTLINE.match(k) and "own_hotline" in channels:
        return "own_hotline"
    return None


# --------------------------------------------------------------------------- dates

_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Excel serials of 1990-01-01 and 2099-12-31: a plain number outside this is not taken for a date.
_SERIAL_MIN, _SERIAL_MAX = 32874, 73415
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:(?:\s+|T|\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(\d{1,2}(?:\.\d+)?)\s*秒?)?\s*(?:分)?)?\s*$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2})(?::?(\d{2}))?)?$")


def parse_work_order_date(raw: str, field: str) -> dt.date:
    """A date as exports write it: 2026-05-03, 2026/5/3, 2026.05.03, 2026年5月3日, with or without a
    time part, 20260503, or an Excel date serial (46145)."""
    return parse_work_order_datetime(raw, field)[0]


def parse_work_order_datetime(raw: str, field: str) -> tuple[dt.date, dt.time | None]:
    """The date and, when the export has one, the time of day (seconds kept, fractions dropped)."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        raise ValidationError("日期不能为空", field=field)
    if len(text) > 40:
        raise ValidationError(f"“{text[:20]}…”不是有效日期", field=field)
    m = _DATE.match(text) or _COMPACT.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            day = dt.date(y, mo, d)
            clock = None
            if m.group(4) is not None:
                seconds = int(float(m.group(6))) if m.group(6) else 0
                clock = dt.time(int(m.group(4)), int(m.group(5)), seconds)
            return day, clock
        except ValueError:
            raise ValidationError(f"“{text}”不是有效日期", field=field) from None
    try:
        serial = float(text)
    except ValueError:
        serial = None
    if serial is not None and _SERIAL_MIN <= serial <= _SERIAL_MAX:
        day = _EXCEL_EPOCH + dt.timedelta(days=int(serial))
        fraction = serial - int(serial)
        if fraction <= 0:
            return day, None
        seconds = min(round(fraction * 86400), 86399)
        return day, dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    raise ValidationError(f"“{text}”不是有效日期（应为 2026-05-03 这样的格式）", field=field)


# --------------------------------------------------------------------------- Excel's numbers

_SCIENTIFIC = re.compile(r"^[+-]?(\d+)(?:\.(\d*))?[eE]\+?(\d+)$")


def restore_digits(raw: str, field: str) -> str:
    """Digits Excel turned into a float, back as typed: ``1.3812345678E10`` -> ``13812345678``,
    ``13812345678.0`` -> ``13812345678``. A number Excel shortened (``1.38123E+10``) is an error: its
    lost digits cannot be recovered and must not be guessed."""
    text = raw.strip()
    m = _SCIENTIFIC.match(text)
    if m:
        mantissa_digits = len((m.group(1) + (m.group(2) or "")).lstrip("0"))
        try:
            value = Decimal(text)
        except InvalidOperation:
            return raw
        if value != value.to_integral_value():
            return raw
        digits = str(int(value))
        if mantissa_digits < len(digits.rstrip("0")) or (mantissa_digits < len(digits) and len(digits) >= 11):
            raise ValidationError(
                f"“{text}”是被 Excel 转成科学计数法的数字，已丢失位数；请在原表中把该列设为“文本”后重新导出",
                field=field)
        return digits
    if text.endswith(".0") and text[:-2].isdigit():
        return text[:-2]
    return raw

"""Identifiers of people and organisations: checking, canonical forms and masking.

Every identifier that enters Greyline (from an import, a form or complaint text) passes through
this module. It turns what people type into one canonical ``value`` that links and hashes can
rely on, a ``masked`` form that lists show by default (PIPL / JR/T 0171: sensitive personal
information is shown masked), and a few derived facts in ``attributes``.

Checks raise :class:`~greyline.domain.errors.ValidationError` with a short Chinese reason, which
the importer and the forms show to the user unchanged.

Decisions worth knowing:

* Credit codes of organisations are published by the State Administration for Market
  Regulation (国家企业信用信息公示系统), so their masked form is the full code.
* Short service numbers (110, 12378, 95588 ...) are accepted as ``LANDLINE`` with value
  ``svc:<digits>`` so a complaint "from 95588" does not link unrelated people via a bank hotline
  that happens to look like a phone.
* ``parse_phone`` is on the hot path of bulk imports (~200,000 calls), so plain Chinese mobiles
  skip ``phonenumbers.parse`` and are checked against the same metadata pattern directly; the
  carrier and region lookups are cached by the first 7 digits, which is the longest prefix the
  phonenumbers data for +86 distinguishes.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import phonenumbers

from greyline.domain.enums import IdentifierType
from greyline.domain.errors import ValidationError

__all__ = [
    "NormalisedIdentifier",
    "normalise",
    "fold_width",
    "check_resident_id",
    "check_credit_code",
    "parse_phone",
    "normalise_email",
    "normalise_wechat",
    "normalise_qq",
    "normalise_bank_account",
    "normalise_ip",
    "normalise_device",
    "normalise_address",
    "mask_phone",
    "mask_resident_id",
    "mask_generic",
    "redact_text",
]


@dataclass(frozen=True)
class NormalisedIdentifier:
    """A checked identifier.

    ``value`` is the canonical form used for matching and hashing, ``masked`` what lists show,
    ``attributes`` facts derived from the value (all strings, so they store as-is).
    """

    type: IdentifierType
    value: str
    masked: str
    attributes: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        # The generated hash would include the dict and fail; type and value identify it anyway.
        return hash((self.type, self.value))


# --------------------------------------------------------------------------- text helpers

# Full-width ASCII (U+FF01..U+FF5E) sits exactly 0xFEE0 above ASCII; U+3000 is the CJK space.
# A translation table keeps every other character (CJK, CJK punctuation) untouched, unlike NFKC
# which would also rewrite things such as circled digits or compatibility ideographs.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20
_WS_RUN = re.compile(r"\s+")


def fold_width(text: str) -> str:
    """Full-width ASCII and CJK space to half-width, whitespace runs to one space, stripped."""
    return _WS_RUN.sub(" ", text.translate(_WIDTH_TABLE)).strip()


def _as_text(raw: object) -> str:
    # Spreadsheet cells arrive as int or float (13812345678.0); str() of the float would add ".0".
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


# --------------------------------------------------------------------------- masking


def mask_generic(value: str) -> str:
    """Mask anything: keep a little of both ends, always four stars so length is not shown."""
    if not value:
        return ""
    n = len(value)
    if n == 1:
        return "*"
    if n <= 4:
        return value[0] + "***"
    if n <= 7:
        return value[0] + "****" + value[-1]
    return value[:2] + "****" + value[-2:]


def mask_resident_id(value: str) -> str:
    """``110101********1234``: region code and last four stay, the birth date never shows."""
    value = (value or "").strip()
    if len(value) > 10:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    return mask_generic(value)


def _mask_mobile_digits(digits: str) -> str:
    return digits[:3] + "****" + digits[-4:]


def mask_phone(value: str) -> str:
    """Masked form of a phone value (E.164, ``svc:`` or as typed); never raises."""
    if not value:
        return ""
    try:
        return parse_phone(value).masked
    except ValidationError:
        pass
    digits = re.sub(r"[^0-9]", "", value.translate(_WIDTH_TABLE))
    if len(digits) >= 8:
        return digits[:3] + "****" + digits[-4:]
    return mask_generic(digits or value)


# --------------------------------------------------------------------------- resident ID

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)


# Per position, digit -> digit x weight: a table lookup per character is five times quicker than
# int() and a multiplication, and this runs for every ID column and every ID-shaped run in texts.
_ID_PRODUCTS = tuple({str(d): d * w for d in range(10)} for w in _ID_WEIGHTS)


def _resident_id_check_char(first17: str) -> str:
    # Callers have checked the shape: 17 ASCII digits.
    return _ID_CHECK[sum(map(dict.__getitem__, _ID_PRODUCTS, first17)) % 11]


def check_resident_id(raw: str) -> NormalisedIdentifier:
    """Check an 18-character resident ID number (GB 11643) and derive birth date and sex."""
    text = fold_width(_as_text(raw)).replace(" ", "").upper()
    if not text:
        raise ValidationError("身份证号为空")
    if len(text) == 15 and text.isdigit():
        raise ValidationError("15位旧身份证号已停止使用，请提供18位身份证号")
    if len(text) != 18:
        raise ValidationError(f"身份证号应为18位，实际为{len(text)}位")
    if not _ID_SHAPE.fullmatch(text):
        raise ValidationError("身份证号前17位应为数字，最后一位为数字或X")
    if text[0] == "0":
        raise ValidationError("身份证号的地区码不正确")
    if _resident_id_check_char(text[:17]) != text[17]:
        raise ValidationError("身份证号校验位不正确")
    y, m, d = int(text[6:10]), int(text[10:12]), int(text[12:14])
    try:
        birth = date(y, m, d)
    except ValueError:
        raise ValidationError(f"身份证号中的出生日期无效：{text[6:14]}") from None
    if y < 1900:
        raise ValidationError("身份证号中的出生年份早于1900年")
    if birth > date.today():
        raise ValidationError("身份证号中的出生日期晚于今天")
    return NormalisedIdentifier(
        IdentifierType.RESIDENT_ID,
        text,
        mask_resident_id(text),
        {
            "birth_date": birth.isoformat(),
            "sex": "男" if int(text[16]) % 2 else "女",
            "region_code": text[:6],
        },
    )


# --------------------------------------------------------------------------- credit code

_CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_VALUE = {c: i for i, c in enumerate(_CC_ALPHABET)}
_CC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 32100 appendix: registration authority (1st char) and organisation type (2nd char).
_CC_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": ("机构编制", {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"}),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {"1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他"},
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": ("旅游", {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地代表机构", "9": "其他"}),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": ("农业", {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"}),
    "Y": ("其他", {"1": "其他"}),
}


def _credit_code_check_char(first17: str) -> str:
    r = 31 - sum(_CC_VALUE[c] * w for c, w in zip(first17, _CC_WEIGHTS)) % 31
    return _CC_ALPHABET[0 if r == 31 else r]


def check_credit_code(raw: str) -> NormalisedIdentifier:
    """Check a unified social credit code (GB 32100).

    The masked form is the full code: these codes are public registration data.
    """
    text = fold_width(_as_text(raw)).replace(" ", "").upper()
    if not text:
        raise ValidationError("统一社会信用代码为空")
    if len(text) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，实际为{len(text)}位")
    bad = [c for c in text if c not in _CC_VALUE]
    if bad:
        if all(c in "IOSVZ" for c in bad):
            raise ValidationError(
                f"统一社会信用代码含有不使用的字母{''.join(sorted(set(bad)))}（不使用I、O、S、V、Z）"
            )
        raise ValidationError("统一社会信用代码只能包含数字和大写字母")
    if _credit_code_check_char(text[:17]) != text[17]:
        raise ValidationError("统一社会信用代码校验位不正确")
    attrs = {"registration_authority": text[0], "org_type": text[1], "region_code": text[2:8]}
    known = _CC_AUTHORITIES.get(text[0])
    if known is not None:
        attrs["registration_authority_name"] = known[0]
        if text[1] in known[1]:
            attrs["org_type_name"] = known[1][text[1]]
    return NormalisedIdentifier(IdentifierType.CREDIT_CODE, text, text, attrs)


# --------------------------------------------------------------------------- phones

_VIRTUAL_SEGMENTS = ("170", "171", "162", "165", "167")
_CN_META = phonenumbers.PhoneMetadata.metadata_for_region("CN")
if _CN_META is None or _CN_META.mobile is None or not _CN_META.mobile.national_number_pattern:
    raise ImportError("phonenumbers has no mobile metadata for CN")
# The exact pattern phonenumbers uses to call a +86 number mobile; checking it directly gives
# the same verdict as is_valid_number() at a fraction of the cost.
_CN_MOBILE = re.compile(_CN_META.mobile.national_number_pattern, re.ASCII)
# Plain 11-digit mobiles, optionally with +86/0086/86 and 3-4-4 spaces or dashes.
_FAST_MOBILE = re.compile(r"(?:\+?86|0086)?[ -]?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})", re.ASCII)
# 110/119/120/122/114, 100xx carrier lines, 123xx government lines, 95xxx/96xxx company lines.
# Other short numbers starting 13-19 are mistyped mobiles, not services.
_SERVICE = re.compile(r"1[0-2][0-9]{1,4}|9[0-9]{4,5}", re.ASCII)
_PHONE_NOISE = re.compile(r"[\s\-()（）.]")


# 65,536 prefixes keep the cache near 12 MB; a miss costs only ~3 µs, so a bigger cache buys
# little in a single import pass where most prefixes are seen for the first time anyway.
@functools.lru_cache(maxsize=1)
def _lookups():  # noqa: ANN202
    """phonenumbers' carrier and geocoder data take ~0.5 s to load; load them on first use only."""
    from phonenumbers import carrier, geocoder

    return carrier, geocoder


@functools.lru_cache(maxsize=1 << 16)
def _mobile_prefix_facts(prefix7: str) -> tuple[str, str]:
    # phonenumbers' +86 carrier and geocoder data have no key longer than 7 national digits,
    # so any number with this prefix gets the same answers. The caller has already matched the
    # mobile pattern, so the *_for_valid_number variants (no second validation) are correct.
    n = phonenumbers.PhoneNumber(country_code=86, national_number=int(prefix7 + "0000"))
    carrier, geocoder = _lookups()
    return (
        carrier.name_for_valid_number(n, "zh"),
        geocoder.description_for_valid_number(n, "zh"),
    )


def _cn_mobile(digits: str) -> NormalisedIdentifier:
    if not _CN_MOBILE.fullmatch(digits):
        raise ValidationError("不是有效的手机号码（号段不存在）")
    carrier_name, region = _mobile_prefix_facts(digits[:7])
    return NormalisedIdentifier(
        IdentifierType.MOBILE,
        "+86" + digits,
        digits[:3] + "****" + digits[-4:],
        {
            "carrier": carrier_name,
            "region": region,
            "virtual": "1" if digits.startswith(_VIRTUAL_SEGMENTS) else "0",
        },
    )


def parse_phone(raw: str) -> NormalisedIdentifier:
    """Parse a phone number written any common way; default region China.

    Mobile: value E.164, masked ``138****5678``, attributes carrier, region, virtual.
    Landline: value E.164, masked ``010-****9988``, attributes area_code, region.
    Service numbers (3-6 digits starting 1 or 9): value ``svc:<digits>``, attribute service.
    """
    text = raw if isinstance(raw, str) else _as_text(raw)
    m = _FAST_MOBILE.fullmatch(text)
    if m is None:
        return _parse_phone_slow(text)
    return _cn_mobile(m.group(1) + m.group(2) + m.group(3))


def _parse_phone_slow(text: str) -> NormalisedIdentifier:
    text = fold_width(text)
    if not text:
        raise ValidationError("电话号码为空")
    if text.startswith("svc:"):
        text = text[4:]
    m = _FAST_MOBILE.fullmatch(text)
    if m is not None:
        return _cn_mobile(m.group(1) + m.group(2) + m.group(3))
    compact = _PHONE_NOISE.sub("", text)
    if _SERVICE.fullmatch(compact):
        return NormalisedIdentifier(
            IdentifierType.LANDLINE, "svc:" + compact, compact, {"service": "1"}
        )
    try:
        n = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        raise ValidationError("不是有效的电话号码") from None
    nsn = phonenumbers.national_significant_number(n)
    if not phonenumbers.is_valid_number(n):
        if n.country_code == 86 and len(nsn) != 11 and len(nsn) >= 3 and nsn[0] == "1" and nsn[1] in "3456789":
            raise ValidationError("手机号位数不对（应为11位）")
        if n.country_code == 86 and len(nsn) in (7, 8) and nsn[0] in "2345678":
            raise ValidationError("固定电话缺少区号（例如 010-65529988）")
        raise ValidationError("不是有效的电话号码")
    if n.country_code == 86 and len(nsn) == 11 and _CN_MOBILE.fullmatch(nsn):
        return _cn_mobile(nsn)
    e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    region = _lookups()[1].description_for_number(n, "zh")
    ntype = phonenumbers.number_type(n)
    if n.country_code != 86:
        attrs = {
            "country": phonenumbers.region_code_for_number(n) or "",
            "region": region,
            "carrier": _lookups()[0].name_for_number(n, "zh"),
        }
        masked = f"+{n.country_code} " + (nsn[:3] + "****" + nsn[-4:] if len(nsn) > 7 else mask_generic(nsn))
        if ntype in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            attrs["virtual"] = "0"
            return NormalisedIdentifier(IdentifierType.MOBILE, e164, masked, attrs)
        return NormalisedIdentifier(IdentifierType.LANDLINE, e164, masked, attrs)
    area_len = phonenumbers.length_of_geographical_area_code(n)
    if area_len:
        area = "0" + nsn[:area_len]
        return NormalisedIdentifier(
            IdentifierType.LANDLINE,
            e164,
            f"{area}-****{nsn[-4:]}",
            {"area_code": area, "region": region},
        )
    # Nationwide numbers such as 400/800 have no area code.
    return NormalisedIdentifier(
        IdentifierType.LANDLINE,
        e164,
        f"{nsn[:3]}-****{nsn[-4:]}",
        {"area_code": "", "region": region},
    )


# --------------------------------------------------------------------------- email and accounts

_EMAIL_LOCAL = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*", re.ASCII)
_EMAIL_DOMAIN = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})", re.ASCII
)


def normalise_email(raw: str) -> NormalisedIdentifier:
    """Lower-case, strip and check an e-mail address; masked ``ab***@example.com``."""
    # People type the CJK full stop in "qq。com"; it never belongs in an address.
    text = fold_width(_as_text(raw)).replace("。", ".").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    if not text:
        raise ValidationError("邮箱为空")
    local, at, domain = text.rpartition("@")
    if (
        not at
        or len(text) > 254
        or not (1 <= len(local) <= 64)
        or not _EMAIL_LOCAL.fullmatch(local)
        or not _EMAIL_DOMAIN.fullmatch(domain)
    ):
        raise ValidationError("邮箱格式不正确")
    keep = local[:2] if len(local) > 2 else local[:1]
    return NormalisedIdentifier(IdentifierType.EMAIL, text, f"{keep}***@{domain}", {"domain": domain})


# An ASCII label needs a colon: "wxzhang01" is a WeChat ID, not "zhang01" with a label.
_WECHAT_LABEL = re.compile(r"^(?:微信号?\s*[:：]?|(?:wechat|weixin|wx|vx)\s*[:：])\s*", re.IGNORECASE)
_QQ_LABEL = re.compile(r"^qq号?\s*[:：]?\s*", re.IGNORECASE)
_WECHAT_ID = re.compile(r"[a-z][a-z0-9_-]{5,19}", re.ASCII)
_WECHAT_WXID = re.compile(r"wxid_[a-z0-9]{4,32}", re.ASCII)
_QQ = re.compile(r"[1-9][0-9]{4,10}", re.ASCII)
_PLAIN_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)


def normalise_wechat(raw: str) -> NormalisedIdentifier:
    """A WeChat ID, the internal ``wxid_`` form, or a phone/QQ number used to find the account.

    WeChat IDs are matched case-insensitively, so the value is lower-cased.
    """
    text = _WECHAT_LABEL.sub("", fold_width(_as_text(raw))).lower()
    if not text:
        raise ValidationError("微信号为空")
    if _WECHAT_WXID.fullmatch(text):
        kind = "wxid"
    elif _WECHAT_ID.fullmatch(text):
        kind = "wechat_id"
    elif _PLAIN_MOBILE.fullmatch(text):
        kind = "phone"
    elif _QQ.fullmatch(text):
        kind = "qq"
    else:
        raise ValidationError("微信号格式不正确（应为6-20位字母、数字、下划线或减号，以字母开头）")
    return NormalisedIdentifier(IdentifierType.WECHAT, text, mask_generic(text), {"kind": kind})


def normalise_qq(raw: str) -> NormalisedIdentifier:
    """A QQ number: 5-11 digits, not starting with 0; ``12345@qq.com`` is accepted too."""
    text = _QQ_LABEL.sub("", fold_width(_as_text(raw))).replace(" ", "").lower()
    if text.endswith("@qq.com"):
        text = text[:-7]
    if not text:
        raise ValidationError("QQ号为空")
    if not _QQ.fullmatch(text):
        raise ValidationError("QQ号应为5-11位数字，且不以0开头")
    return NormalisedIdentifier(IdentifierType.QQ, text, mask_generic(text), {})


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def normalise_bank_account(raw: str) -> NormalisedIdentifier:
    """A bank card or account number: 12-19 digits.

    Luhn is reported, not required: many corporate and passbook accounts do not carry it.
    """
    text = re.sub(r"[\s-]", "", fold_width(_as_text(raw)))
    if not text:
        raise ValidationError("银行账号为空")
    if not text.isascii() or not text.isdigit():
        raise ValidationError("银行账号只能包含数字")
    if not 12 <= len(text) <= 19:
        raise ValidationError(f"银行账号应为12-19位数字，实际为{len(text)}位")
    return NormalisedIdentifier(
        IdentifierType.BANK_ACCOUNT,
        text,
        text[:4] + "****" + text[-4:],
        {"luhn": "1" if _luhn_ok(text) else "0"},
    )


def normalise_ip(raw: str) -> NormalisedIdentifier:
    """An IPv4 or IPv6 address; IPv4-mapped IPv6 becomes the IPv4 address so both forms match."""
    text = fold_width(_as_text(raw)).replace(" ", "").strip("[]")
    if not text:
        raise ValidationError("IP地址为空")
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        raise ValidationError("IP地址格式不正确") from None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    value = str(ip)
    if ip.version == 4:
        a, b, _, _ = value.split(".")
        masked = f"{a}.{b}.*.*"
    else:
        masked = ":".join(ip.exploded.split(":")[:4]) + ":****"
    return NormalisedIdentifier(
        IdentifierType.IP,
        value,
        masked,
        {"version": str(ip.version), "private": "1" if ip.is_private else "0"},
    )


_MAC = re.compile(r"[0-9a-f]{2}([:-]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}", re.ASCII)
_DEVICE_TOKEN = re.compile(r"[A-Za-z0-9._:-]{6,128}", re.ASCII)
_HEXISH = re.compile(r"[0-9a-fA-F:-]+", re.ASCII)
# Values that systems report when the real one is withheld; linking on them would join strangers.
_PLACEHOLDER_DEVICES = frozenset({"02:00:00:00:00:00", "unknown", "null", "none"})


def normalise_device(raw: str) -> NormalisedIdentifier:
    """A device identifier: IMEI/MEID, MAC address, UUID (IDFA/IDFV/OAID) or another token.

    Attribute ``kind`` says which; ``placeholder`` is '1' for all-zero style values that many
    devices share and must not be used to link cases.
    """
    text = fold_width(_as_text(raw)).replace(" ", "")
    if not text:
        raise ValidationError("设备标识为空")
    low = text.lower()
    attrs: dict[str, str] = {}
    if low.isascii() and low.isdigit() and 14 <= len(low) <= 17:
        value, attrs["kind"] = low, "imei"
        if len(low) == 15:
            attrs["luhn"] = "1" if _luhn_ok(low) else "0"
    elif _MAC.fullmatch(low):
        hexes = re.sub(r"[:-]", "", low)
        value, attrs["kind"] = ":".join(hexes[i : i + 2] for i in range(0, 12, 2)), "mac"
    else:
        try:
            value, attrs["kind"] = str(uuid.UUID(low)), "uuid"
        except ValueError:
            if not _DEVICE_TOKEN.fullmatch(text):
                raise ValidationError("设备标识格式不正确") from None
            # Hex tokens (Android ID, MEID) are case-insensitive; others may not be.
            value = low if _HEXISH.fullmatch(text) else text
            attrs["kind"] = "other"
    significant = re.sub(r"[^0-9a-z]", "", value.lower())
    attrs["placeholder"] = "1" if value in _PLACEHOLDER_DEVICES or len(set(significant)) <= 1 else "0"
    return NormalisedIdentifier(IdentifierType.DEVICE, value, mask_generic(value), attrs)


# --------------------------------------------------------------------------- addresses

_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
# (short name, full name, accepted suffixes after the short name)
_PROVINCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    *((s, s + "市", ("市",)) for s in _MUNICIPALITIES),
    *(
        (s, s + "省", ("省",))
        for s in (
            "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
            "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
            "甘肃", "青海", "台湾",
        )
    ),
    ("内蒙古", "内蒙古自治区", ("自治区",)),
    ("广西", "广西壮族自治区", ("壮族自治区", "自治区")),
    ("西藏", "西藏自治区", ("自治区",)),
    ("宁夏", "宁夏回族自治区", ("回族自治区", "自治区")),
    ("新疆", "新疆维吾尔自治区", ("维吾尔自治区", "维吾尔族自治区", "自治区")),
    ("香港", "香港特别行政区", ("特别行政区",)),
    ("澳门", "澳门特别行政区", ("特别行政区",)),
)
_PROVINCE_RE = [
    (
        re.compile(
            "^" + short + "(?:(" + "|".join(suffixes) + ")|(?!市|州|藏族|县|区|路|街|大道|[东南西北中]路))"
        ),
        full,
    )
    for short, full, suffixes in sorted(_PROVINCES, key=lambda p: -len(p[0]))
]
# The patterns by the first two characters they require (every short name has at least two), so an
# address is tried against one or two provinces instead of all 34: a bulk import normalises one
# address per row.
_PROVINCE_BY_HEAD: dict[str, list[tuple[re.Pattern[str], str]]] = {}
for _pattern, _full in _PROVINCE_RE:
    _PROVINCE_BY_HEAD.setdefault(_pattern.pattern[1:3], []).append((_pattern, _full))
# A region name never contains these; they stop a lazy match running into street names.
_NAME_FIRST = r"[^省市区县旗\d]"
_NAME_REST = r"[^省市区县旗路街巷弄号栋楼座层室镇乡村\d]"
_CITY_RE = re.compile(rf"^{_NAME_FIRST}{_NAME_REST}{{0,10}}?(?:自治州|地区|盟|市(?!场|辖区))")
_DISTRICT_RE = re.compile(
    rf"^{_NAME_FIRST}{_NAME_REST}{{0,8}}?(?:自治县|自治旗|(?<![小社校厂景])区|县|旗|市(?!场))"
)
_ADDRESS_NOISE = re.compile(r"[\s,，、.。;；:：'\"“”‘’·•!！?？~～《》<>【】\[\]「」()（）{}]")
_BUILDING_NUMBER_HASH = re.compile(r"([0-9]+)#(?:楼)?", re.ASCII)
_ROOM_SUFFIX = re.compile(r"([0-9])室")
# Where a unit inside a building starts: floor, unit, room or shop.
_UNIT_MARKER = re.compile(
    r"(?:负|地下|B)?[0-9一二三四五六七八九十]+(?:层|楼(?!盘))|[0-9]+F|F[0-9]+"
    r"|[0-9一二三四五六七八九十]+单元|[0-9A-Z]*[0-9]+(?:铺|档|房)|商铺|铺位|档口|摊位"
)
_BUILDING_KEYWORD = re.compile(
    r"[0-9A-Z一二三四五六七八九十东南西北]+(?:栋|座)"
    r"|大厦|广场|商城|商场|市场|中心|大楼"
    r"|(?<=[路街道巷弄里村])[0-9]+(?:-[0-9]+)?号院?"
)


def _clean_address(text: str) -> str:
    text = _ADDRESS_NOISE.sub("", fold_width(text)).upper()
    text = _BUILDING_NUMBER_HASH.sub(r"\1栋", text)
    text = text.replace("号楼", "栋").replace("幢", "栋")
    return _ROOM_SUFFIX.sub(r"\1", text)


def _split_region(text: str) -> tuple[str, str, str, str]:
    province = city = district = ""
    for pattern, full in _PROVINCE_BY_HEAD.get(text[:2], ()):
        m = pattern.match(text)
        if m:
            province, text = full, text[m.end() :]
            break
    if province and province[:2] in _MUNICIPALITIES:
        city = province
        # "北京市北京市朝阳区" and "上海市市辖区" repeat the level that a municipality merges.
        for dup in (province, "市辖区"):
            if text.startswith(dup):
                text = text[len(dup) :]
    else:
        m = _CITY_RE.match(text)
        if m:
            city, text = m.group(), text[m.end() :]
    m = _DISTRICT_RE.match(text)
    if m and (province or city or len(text) > m.end()):
        district, text = m.group(), text[m.end() :]
    return province, city, district, text


def normalise_address(raw: str) -> NormalisedIdentifier:
    """Normalise a Chinese postal address and split it into province, city, district and rest.

    ``building`` is the address cut after the building part (street number, 栋/座, 大厦, 广场,
    商城 ...) so several units in one building or trade mall share it.
    """
    text = _clean_address(_as_text(raw))
    if not text:
        raise ValidationError("地址为空")
    if len(text) < 4:
        raise ValidationError("地址过短，无法识别")
    province, city, district, rest = _split_region(text)
    head = province + (city if city != province else "") + district
    value = head + rest
    attrs = {"province": province, "city": city, "district": district, "rest": rest}
    unit = _UNIT_MARKER.search(rest)
    limit = unit.start() if unit else len(rest)
    cut = 0
    for m in _BUILDING_KEYWORD.finditer(rest):
        if m.end() > limit:
            break
        cut = m.end()
    if cut:
        attrs["building"] = head + rest[:cut]
    return NormalisedIdentifier(IdentifierType.ADDRESS, value, (head + "****") if head else "****", attrs)


# --------------------------------------------------------------------------- dispatch

_NORMALISERS: dict[IdentifierType, Callable[[str], NormalisedIdentifier]] = {
    IdentifierType.MOBILE: parse_phone,
    IdentifierType.LANDLINE: parse_phone,
    IdentifierType.RESIDENT_ID: check_resident_id,
    IdentifierType.CREDIT_CODE: check_credit_code,
    IdentifierType.ADDRESS: normalise_address,
    IdentifierType.EMAIL: normalise_email,
    IdentifierType.WECHAT: normalise_wechat,
    IdentifierType.QQ: normalise_qq,
    IdentifierType.BANK_ACCOUNT: normalise_bank_account,
    IdentifierType.IP: normalise_ip,
    IdentifierType.DEVICE: normalise_device,
}


def normalise(type: IdentifierType, raw: str) -> NormalisedIdentifier:  # noqa: A002 - public API name
    """Check and normalise ``raw`` as an identifier of ``type``.

    MOBILE and LANDLINE both go through :func:`parse_phone`; the result's ``type`` says which
    it really is, so a landline typed into a mobile column is kept rather than refused.
    """
    try:
        kind = IdentifierType(type)
    except ValueError:
        raise ValidationError(f"未知的标识类型：{type}") from None
    if raw is None or not _as_text(raw).strip():
        raise ValidationError(f"{kind.label}为空")
    return _NORMALISERS[kind](raw)


# --------------------------------------------------------------------------- free text

# Full-width digits, letters, '+', '-' and the CJK space map one-to-one, so match positions in
# the translated text are positions in the original.
_TEXT_ID = re.compile(
    r"(?<![0-9A-Za-z])([1-9][0-9]{5})([ -]?)((?:19|20)[0-9]{6})\2([0-9]{3}[0-9Xx])(?![0-9A-Za-z])",
    re.ASCII,
)
_TEXT_MOBILE = re.compile(
    r"(?<![0-9A-Za-z+])(?:(?:\+|00)86[ -]?|86)?(1[3-9][0-9])([ -]?)([0-9]{4})\2([0-9]{4})"
    r"(?![0-9A-Za-z])(?!\2[0-9])",
    re.ASCII,
)
# City landlines: area code 0xx/0xxx, then a 7- or 8-digit subscriber number starting 2-9.
_TEXT_LANDLINE = re.compile(
    r"(?<![0-9A-Za-z+.])(0[1-9][0-9]{1,2})([ -]?)([2-9][0-9]{6,7})(?![0-9A-Za-z])(?!\.[0-9])",
    re.ASCII,
)


_FOLD_MATTERS = re.compile("[\uff0b\uff0d\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")


def redact_text(text: str) -> tuple[str, list[NormalisedIdentifier]]:
    """Replace mobile and landline numbers and valid resident ID numbers in free text by masked forms.

    Works on Chinese text where digits touch CJK characters (no word boundaries). A run of
    digits glued to letters or to more digits is left alone (contract numbers, order numbers,
    amounts, dates). Every number of mobile shape is masked; only those that pass the checks
    are returned.
    """
    if not text:
        return text or "", []
    # Translating costs a dictionary lookup per character; texts without a full-width character
    # that the patterns below care about (digits, letters, + - . and the CJK space) are read as they are.
    probe = text.translate(_WIDTH_TABLE) if _FOLD_MATTERS.search(text) else text
    hits: list[tuple[int, int, str, NormalisedIdentifier | None]] = []
    taken: list[tuple[int, int]] = []
    for m in _TEXT_ID.finditer(probe):
        try:
            ident = check_resident_id(m.group(1) + m.group(3) + m.group(4))
        except ValidationError:
            continue
        hits.append((m.start(), m.end(), ident.masked, ident))
        taken.append((m.start(), m.end()))
    for m in _TEXT_MOBILE.finditer(probe):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        sep, start = m.group(2), m.start()
        # "1 138 1234 5678" style: the spaced groups continue to the left, so not a phone.
        if sep and start >= 2 and probe[start - 1] == sep and probe[start - 2].isdigit():
            continue
        digits = m.group(1) + m.group(3) + m.group(4)
        try:
            found: NormalisedIdentifier | None = _cn_mobile(digits)
        except ValidationError:
            found = None
        hits.append((m.start(), m.end(), _mask_mobile_digits(digits), found))
        taken.append((m.start(), m.end()))
    for m in _TEXT_LANDLINE.finditer(probe):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        try:
            landline = parse_phone(m.group(1) + "-" + m.group(3))
        except ValidationError:
            continue
        if landline.type is not IdentifierType.LANDLINE:
            continue
        hits.append((m.start(), m.end(), landline.masked, landline))
    if not hits:
        return text, []
    hits.sort(key=lambda h: h[0])
    out: list[str] = []
    pos = 0
    for start, end, masked, _ in hits:
        out.append(text[pos:start])
        out.append(masked)
        pos = end
    out.append(text[pos:])
    return "".join(out), [h[3] for h in hits if h[3] is not None]

"""Tests for greyline.domain.identifiers: checks, canonical forms, masking and text redaction."""

from __future__ import annotations

import random
from datetime import date, timedelta

import phonenumbers
import pytest
from phonenumbers import carrier as pn_carrier

from greyline.domain.enums import IdentifierType
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import (
    NormalisedIdentifier,
    check_credit_code,
    check_resident_id,
    fold_width,
    mask_generic,
    mask_phone,
    mask_resident_id,
    normalise,
    normalise_address,
    normalise_bank_account,
    normalise_device,
    normalise_email,
    normalise_ip,
    normalise_qq,
    normalise_wechat,
    parse_phone,
    redact_text,
)

# --------------------------------------------------------------------------- helpers written
# from the standards, independently of the module under test.

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def make_id(region: str, birth: str, seq: str) -> str:
    body = region + birth + seq
    assert len(body) == 17
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]


CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def cc_check(first17: str) -> str:
    r = 31 - sum(CC_ALPHABET.index(c) * w for c, w in zip(first17, CC_WEIGHTS)) % 31
    return CC_ALPHABET[0 if r == 31 else r]


def reason(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.reason


# --------------------------------------------------------------------------- fold_width


def test_fold_width_converts_full_width_and_collapses_space() -> None:
    assert fold_width("　１３８　１２３４\t\n５６７８　") == "138 1234 5678"
    assert fold_width("ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ") == "ABC@example.com"


def test_fold_width_keeps_cjk_and_cjk_punctuation() -> None:
    assert fold_width("北京市、朝阳区。「号」") == "北京市、朝阳区。「号」"
    assert fold_width("北京市，朝阳区") == "北京市,朝阳区"  # U+FF0C is full-width ASCII


# --------------------------------------------------------------------------- resident ID


def test_known_valid_resident_id_literal() -> None:
    n = check_resident_id("11010519491231002X")
    assert n.type is IdentifierType.RESIDENT_ID
    assert n.value == "11010519491231002X"
    assert n.masked == "110105********002X"
    assert n.attributes == {"birth_date": "1949-12-31", "sex": "女", "region_code": "110105"}


def test_resident_id_lowercase_x_and_full_width_accepted() -> None:
    assert check_resident_id("11010519491231002x").value == "11010519491231002X"
    assert check_resident_id("１１０１０５１９４９１２３１００２Ｘ").value == "11010519491231002X"
    assert check_resident_id(" 110105 19491231 002X ").value == "11010519491231002X"


@pytest.mark.parametrize(
    ("region", "birth", "seq", "sex", "iso"),
    [
        ("110101", "19900307", "123", "男", "1990-03-07"),
        ("440305", "20000229", "011", "男", "2000-02-29"),
        ("310115", "19000101", "999", "男", "1900-01-01"),
        ("650102", "19851130", "456", "女", "1985-11-30"),
    ],
)
def test_computed_resident_ids_are_valid(region: str, birth: str, seq: str, sex: str, iso: str) -> None:
    rid = make_id(region, birth, seq)
    n = check_resident_id(rid)
    assert n.value == rid
    assert n.attributes["sex"] == sex
    assert n.attributes["birth_date"] == iso
    assert n.attributes["region_code"] == region
    assert n.masked == rid[:6] + "********" + rid[-4:]


def test_many_random_computed_ids_pass_and_any_other_check_char_fails() -> None:
    rnd = random.Random(7)
    for _ in range(200):
        d = date(1940, 1, 1) + timedelta(days=rnd.randrange(30000))
        rid = make_id("3201" + f"{rnd.randrange(100):02d}", d.strftime("%Y%m%d"), f"{rnd.randrange(1000):03d}")
        assert check_resident_id(rid).value == rid
        wrong = next(c for c in "0123456789X" if c != rid[-1])
        with pytest.raises(ValidationError):
            check_resident_id(rid[:-1] + wrong)


def test_resident_id_wrong_check_digit() -> None:
    with pytest.raises(ValidationError) as exc:
        check_resident_id("110105194912310021")
    assert "校验位" in reason(exc)


def test_resident_id_impossible_date_feb_30() -> None:
    rid = make_id("110101", "19900230", "123")  # check digit right, date impossible
    with pytest.raises(ValidationError) as exc:
        check_resident_id(rid)
    assert "出生日期" in reason(exc)


def test_resident_id_month_13() -> None:
    with pytest.raises(ValidationError) as exc:
        check_resident_id(make_id("110101", "19901301", "123"))
    assert "出生日期" in reason(exc)


def test_resident_id_future_birth_date() -> None:
    future = date.today() + timedelta(days=400)
    rid = make_id("110101", future.strftime("%Y%m%d"), "123")
    with pytest.raises(ValidationError) as exc:
        check_resident_id(rid)
    assert "晚于今天" in reason(exc)


def test_resident_id_before_1900_rejected() -> None:
    # The worked example of GB 11643 (born 1880): check digit right, year too early.
    assert make_id("440524", "18800101", "001") == "440524188001010014"
    with pytest.raises(ValidationError) as exc:
        check_resident_id("440524188001010014")
    assert "1900" in reason(exc)


@pytest.mark.parametrize("raw", ["11010519491231002", "11010519491231002X1", "1101", ""])
def test_resident_id_wrong_length(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        check_resident_id(raw)
    assert "18位" in reason(exc) or "为空" in reason(exc)


def test_resident_id_old_15_digit_rejected_with_reason() -> None:
    with pytest.raises(ValidationError) as exc:
        check_resident_id("110105491231002")
    assert "15位" in reason(exc)


@pytest.mark.parametrize("raw", ["1101051949A231002X", "11010519491231002Y", "X10105194912310021"])
def test_resident_id_letters_rejected(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        check_resident_id(raw)
    assert "数字" in reason(exc)


def test_mask_resident_id() -> None:
    assert mask_resident_id("110101199003071234") == "110101********1234"
    assert mask_resident_id("") == ""


# --------------------------------------------------------------------------- credit code


@pytest.mark.parametrize(
    "code", ["91350100M000100Y43", "91110000600037341L", "91110108551385082Q", "91440300708461136T"]
)
def test_known_credit_codes_valid(code: str) -> None:
    assert cc_check(code[:17]) == code[17]  # verified independently before relying on it
    n = check_credit_code(code)
    assert n.type is IdentifierType.CREDIT_CODE
    assert n.value == code
    assert n.masked == code  # public registration data: not masked


def test_credit_code_attributes_and_lowercase() -> None:
    n = check_credit_code("91350100m000100y43")
    assert n.value == "91350100M000100Y43"
    assert n.attributes["registration_authority"] == "9"
    assert n.attributes["org_type"] == "1"
    assert n.attributes["region_code"] == "350100"
    assert n.attributes["registration_authority_name"] == "工商"
    assert n.attributes["org_type_name"] == "企业"


def test_computed_credit_code_with_check_char_zero_or_letter() -> None:
    rnd = random.Random(3)
    seen_zero = False
    for _ in range(3000):
        body = "9144030" + "".join(rnd.choice(CC_ALPHABET) for _ in range(10))
        code = body + cc_check(body)
        assert check_credit_code(code).value == code
        seen_zero |= code[-1] == "0"
    assert seen_zero  # the 31 -> 0 rule was exercised


def test_credit_code_wrong_check_char() -> None:
    with pytest.raises(ValidationError) as exc:
        check_credit_code("91350100M000100Y44")
    assert "校验位" in reason(exc)


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_credit_code_forbidden_letters(letter: str) -> None:
    code = "91350100M000100Y43"
    bad = code[:9] + letter + code[10:]
    with pytest.raises(ValidationError) as exc:
        check_credit_code(bad)
    assert letter in reason(exc)


def test_credit_code_wrong_length() -> None:
    with pytest.raises(ValidationError) as exc:
        check_credit_code("91350100M000100Y4")
    assert "18位" in reason(exc)


# --------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138-1234-5678",
        "+8613812345678",
        "008613812345678",
        "  13812345678 ",
        "１３８１２３４５６７８",
        "＋８６ １３８ １２３４ ５６７８",
        "(+86) 138 1234 5678",
    ],
)
def test_mobile_formats(raw: str) -> None:
    n = parse_phone(raw)
    assert n.type is IdentifierType.MOBILE
    assert n.value == "+8613812345678"
    assert n.masked == "138****5678"
    assert n.attributes["virtual"] == "0"


def test_mobile_from_spreadsheet_numbers() -> None:
    assert parse_phone(13812345678).value == "+8613812345678"  # type: ignore[arg-type]
    assert parse_phone(13812345678.0).value == "+8613812345678"  # type: ignore[arg-type]


def test_mobile_carrier_and_region_in_chinese() -> None:
    n = parse_phone("13812345678")
    assert n.attributes["carrier"] == "中国移动"
    assert n.attributes["region"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in n.attributes["region"])


@pytest.mark.parametrize("prefix", ["170", "171", "162", "165", "167"])
def test_virtual_segments(prefix: str) -> None:
    n = parse_phone(prefix + "12345678")
    assert n.type is IdentifierType.MOBILE
    assert n.attributes["virtual"] == "1"


@pytest.mark.parametrize("prefix", ["138", "186", "199", "150"])
def test_non_virtual_segments(prefix: str) -> None:
    assert parse_phone(prefix + "12345678").attributes["virtual"] == "0"


def test_fast_path_agrees_with_phonenumbers() -> None:
    rnd = random.Random(11)
    for _ in range(3000):
        digits = "1" + rnd.choice("3456789") + f"{rnd.randrange(10**9):09d}"
        try:
            pn = phonenumbers.parse(digits, "CN")
        except phonenumbers.NumberParseException:  # e.g. 179xx is read as a carrier prefix
            pn, expected = None, False
        else:
            expected = phonenumbers.is_valid_number(pn)
        try:
            n = parse_phone(digits)
        except ValidationError:
            assert not expected, digits
            continue
        assert expected and pn is not None, digits
        assert n.value == phonenumbers.format_number(pn, phonenumbers.PhoneNumberFormat.E164)
        assert n.attributes["carrier"] == pn_carrier.name_for_number(pn, "zh")


@pytest.mark.parametrize("raw", ["(010) 6552 9988", "010-65529988", "01065529988", "+86 10 6552 9988"])
def test_beijing_landline(raw: str) -> None:
    n = parse_phone(raw)
    assert n.type is IdentifierType.LANDLINE
    assert n.value == "+861065529988"
    assert n.masked == "010-****9988"
    assert n.attributes["area_code"] == "010"
    assert n.attributes["region"] == "北京市"


def test_shenzhen_landline_four_digit_area_code() -> None:
    n = parse_phone("0755-86013388")
    assert n.value == "+8675586013388"
    assert n.masked == "0755-****3388"
    assert n.attributes["area_code"] == "0755"
    assert "深圳" in n.attributes["region"]


@pytest.mark.parametrize("raw", ["12378", "95588", "110", "10086", "12315"])
def test_service_numbers(raw: str) -> None:
    n = parse_phone(raw)
    assert n.type is IdentifierType.LANDLINE
    assert n.value == "svc:" + raw
    assert n.masked == raw
    assert n.attributes == {"service": "1"}


def test_service_number_value_round_trips() -> None:
    assert parse_phone("svc:12378").value == "svc:12378"


@pytest.mark.parametrize(("raw", "word"), [("13812345", "位数"), ("138123456789", "位数"), ("1381234567", "位数")])
def test_mobile_wrong_length(raw: str, word: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_phone(raw)
    assert word in reason(exc)


@pytest.mark.parametrize("raw", ["abc", "", "14012345678", "+86 000"])
def test_invalid_phone(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_phone(raw)
    assert reason(exc)


def test_landline_without_area_code() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_phone("65529988")
    assert "区号" in reason(exc)


def test_mask_phone() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+861065529988") == "010-****9988"
    assert mask_phone("svc:95588") == "95588"
    assert mask_phone("") == ""
    assert "1234" not in mask_phone("99912345678")  # invalid input: still masked, no raise


# --------------------------------------------------------------------------- email and accounts


def test_email_normalised_and_masked() -> None:
    n = normalise_email("  AbCd.Ef@Example.COM ")
    assert n.type is IdentifierType.EMAIL
    assert n.value == "abcd.ef@example.com"
    assert n.masked == "ab***@example.com"
    assert n.attributes["domain"] == "example.com"


def test_email_full_width_and_short_local() -> None:
    assert normalise_email("ａ＠ｑｑ．ｃｏｍ").value == "a@qq.com"
    assert normalise_email("a@qq.com").masked == "a***@qq.com"
    assert normalise_email("zhangsan@163。com").value == "zhangsan@163.com"


@pytest.mark.parametrize(
    "raw",
    ["foo", "a@b", "a..b@example.com", ".a@example.com", "a@-example.com", "a b@example.com", "张三@example.com", "@example.com", "a@example.c"],
)
def test_email_invalid(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        normalise_email(raw)
    assert "邮箱" in reason(exc)


def test_wechat() -> None:
    n = normalise_wechat("微信号：Zhang_San88")
    assert n.value == "zhang_san88"
    assert n.attributes["kind"] == "wechat_id"
    assert "san" not in n.masked
    assert normalise_wechat("wxzhang01").value == "wxzhang01"  # no label without a colon
    assert normalise_wechat("13812345678").attributes["kind"] == "phone"
    with pytest.raises(ValidationError):
        normalise_wechat("1abcdef")
    with pytest.raises(ValidationError):
        normalise_wechat("abc")


def test_qq() -> None:
    assert normalise_qq("QQ：12345678").value == "12345678"
    assert normalise_qq("12345678@qq.com").value == "12345678"
    assert normalise_qq("12345678").masked == "12****78"
    for bad in ["01234567", "1234", "123456789012", "12a45"]:
        with pytest.raises(ValidationError):
            normalise_qq(bad)


def test_bank_account() -> None:
    n = normalise_bank_account("6222 0212 3456 7890 128")
    assert n.value == "6222021234567890128"
    assert n.masked == "6222****0128"
    assert n.attributes["luhn"] == "1"
    assert normalise_bank_account("6222021234567890127").attributes["luhn"] == "0"
    for bad in ["12345678901", "12345678901234567890", "6222abcd12345678"]:
        with pytest.raises(ValidationError):
            normalise_bank_account(bad)


def test_ip() -> None:
    n = normalise_ip(" 203.0.113.7 ")
    assert (n.value, n.masked, n.attributes["version"]) == ("203.0.113.7", "203.0.*.*", "4")
    assert normalise_ip("::ffff:192.168.1.1").value == "192.168.1.1"
    assert normalise_ip("192.168.1.1").attributes["private"] == "1"
    assert normalise_ip("2001:DB8::1").value == "2001:db8::1"
    with pytest.raises(ValidationError):
        normalise_ip("300.1.1.1")


def test_device() -> None:
    mac = normalise_device("AA-BB-CC-DD-EE-FF")
    assert (mac.value, mac.attributes["kind"]) == ("aa:bb:cc:dd:ee:ff", "mac")
    assert normalise_device("aabbccddeeff").value == "aa:bb:cc:dd:ee:ff"
    u = normalise_device("{6F9619FF-8B86-D011-B42D-00C04FC964FF}")
    assert (u.value, u.attributes["kind"]) == ("6f9619ff-8b86-d011-b42d-00c04fc964ff", "uuid")
    imei = normalise_device("490154203237518")
    assert (imei.attributes["kind"], imei.attributes["luhn"]) == ("imei", "1")
    assert normalise_device("00000000-0000-0000-0000-000000000000").attributes["placeholder"] == "1"
    assert normalise_device("02:00:00:00:00:00").attributes["placeholder"] == "1"
    assert mac.attributes["placeholder"] == "0"
    with pytest.raises(ValidationError):
        normalise_device("ab")


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("raw", "province", "district"),
    [
        ("北京市朝阳区建国路88号", "北京市", "朝阳区"),
        ("北京朝阳区建国路88号", "北京市", "朝阳区"),
        ("北京市北京市朝阳区建国路88号", "北京市", "朝阳区"),
        ("上海市浦东新区陆家嘴环路1000号", "上海市", "浦东新区"),
        ("天津市和平区南京路1号", "天津市", "和平区"),
        ("重庆市石柱土家族自治县南宾镇1号", "重庆市", "石柱土家族自治县"),
    ],
)
def test_address_municipalities(raw: str, province: str, district: str) -> None:
    n = normalise_address(raw)
    assert n.type is IdentifierType.ADDRESS
    assert n.attributes["province"] == province
    assert n.attributes["city"] == province
    assert n.attributes["district"] == district
    assert n.value.startswith(province + district)
    assert n.masked == province + district + "****"


def test_address_municipality_written_two_ways_gives_one_value() -> None:
    a = normalise_address("北京市 朝阳区 建国路 88号")
    b = normalise_address("北京朝阳区建国路88号")
    assert a.value == b.value == "北京市朝阳区建国路88号"
    assert a.attributes["rest"] == "建国路88号"


@pytest.mark.parametrize(
    ("raw", "province", "city", "district"),
    [
        ("广东省深圳市南山区科苑路15号", "广东省", "深圳市", "南山区"),
        ("吉林省吉林市船营区北京路1号", "吉林省", "吉林市", "船营区"),
        ("内蒙古自治区鄂尔多斯市伊金霍洛旗阿镇1号", "内蒙古自治区", "鄂尔多斯市", "伊金霍洛旗"),
        ("广西壮族自治区南宁市青秀区民族大道100号", "广西壮族自治区", "南宁市", "青秀区"),
        ("湖北省恩施土家族苗族自治州恩施市舞阳大街1号", "湖北省", "恩施土家族苗族自治州", "恩施市"),
        ("江苏省苏州市昆山市前进路1号", "江苏省", "苏州市", "昆山市"),
        ("深圳市福田区华强北路1015号", "", "深圳市", "福田区"),
    ],
)
def test_address_province_city_district(raw: str, province: str, city: str, district: str) -> None:
    a = normalise_address(raw).attributes
    assert (a["province"], a["city"], a["district"]) == (province, city, district)


def test_address_short_province_name_without_suffix() -> None:
    a = normalise_address("广东深圳市南山区科苑路15号")
    assert (a.attributes["province"], a.attributes["city"]) == ("广东省", "深圳市")
    assert a.value == "广东省深圳市南山区科苑路15号"


def test_address_building_words_unified() -> None:
    values = {
        normalise_address(f"广东省深圳市南山区科苑路15号3{word}2单元501").value
        for word in ("号楼", "栋", "幢", "#楼", "#")
    }
    assert values == {"广东省深圳市南山区科苑路15号3栋2单元501"}


def test_trade_mall_units_share_building() -> None:
    a = normalise_address("广东省广州市越秀区解放南路123号新大新商城3楼A012")
    b = normalise_address("广东省广州市越秀区解放南路123号 新大新商城 5楼 B230号")
    assert a.value != b.value
    assert a.attributes["building"] == b.attributes["building"]
    assert a.attributes["building"] == "广东省广州市越秀区解放南路123号新大新商城"


def test_office_building_units_share_building() -> None:
    a = normalise_address("北京市朝阳区建国路88号SOHO现代城A座1201室")
    b = normalise_address("北京市朝阳区建国路88号SOHO现代城A座2305")
    c = normalise_address("北京市朝阳区建国路88号SOHO现代城B座1201")
    assert a.attributes["building"] == b.attributes["building"] == "北京市朝阳区建国路88号SOHO现代城A座"
    assert c.attributes["building"] != a.attributes["building"]


def test_residential_units_share_building_and_unit_is_cut() -> None:
    a = normalise_address("广东省深圳市南山区科苑路15号3栋2单元501")
    b = normalise_address("广东省深圳市南山区科苑路15号3号楼1单元1202")
    assert a.attributes["building"] == b.attributes["building"] == "广东省深圳市南山区科苑路15号3栋"


def test_address_without_building_has_no_building() -> None:
    assert "building" not in normalise_address("重庆市石柱土家族自治县南宾镇").attributes


def test_address_mask_hides_street() -> None:
    n = normalise_address("广东省深圳市南山区科苑路15号3栋2单元501")
    assert n.masked == "广东省深圳市南山区****"
    assert "科苑路" not in n.masked


@pytest.mark.parametrize("raw", ["", "   ", "，。"])
def test_address_empty(raw: str) -> None:
    with pytest.raises(ValidationError):
        normalise_address(raw)


# --------------------------------------------------------------------------- dispatch


def test_normalise_dispatch() -> None:
    assert normalise(IdentifierType.RESIDENT_ID, "11010519491231002x").value == "11010519491231002X"
    assert normalise(IdentifierType.MOBILE, "138 1234 5678").value == "+8613812345678"
    assert normalise(IdentifierType.CREDIT_CODE, "91110000600037341L").type is IdentifierType.CREDIT_CODE
    assert normalise(IdentifierType.EMAIL, "A@B.CN").value == "a@b.cn"
    assert normalise(IdentifierType.ADDRESS, "北京市朝阳区建国路88号").attributes["district"] == "朝阳区"
    # A landline in a mobile column is kept and reported as what it is.
    assert normalise(IdentifierType.MOBILE, "010-65529988").type is IdentifierType.LANDLINE


def test_normalise_empty_reason_names_the_type() -> None:
    with pytest.raises(ValidationError) as exc:
        normalise(IdentifierType.RESIDENT_ID, "  ")
    assert reason(exc) == "身份证号为空"


def test_normalised_identifier_is_frozen() -> None:
    n = parse_phone("13812345678")
    assert isinstance(n, NormalisedIdentifier)
    with pytest.raises(AttributeError):
        n.value = "x"  # type: ignore[misc]


def test_normalised_identifier_is_hashable_and_equal_by_content() -> None:
    a, b = parse_phone("138 1234 5678"), parse_phone("+86 13812345678")
    assert a == b
    assert len({a, b, parse_phone("13912345678")}) == 2


# --------------------------------------------------------------------------- masking


def test_mask_generic() -> None:
    assert mask_generic("") == ""
    assert mask_generic("a") == "*"
    assert mask_generic("abc") == "a***"
    assert mask_generic("abcdef") == "a****f"
    assert mask_generic("abcdefghij") == "ab****ij"


# --------------------------------------------------------------------------- redact_text

VALID_ID = "11010519491231002X"


def test_redact_mobile_adjacent_to_cjk() -> None:
    text, found = redact_text("客户电话13812345678已停机")
    assert text == "客户电话138****5678已停机"
    assert [f.value for f in found] == ["+8613812345678"]


@pytest.mark.parametrize(
    "written",
    ["138-1234-5678", "138 1234 5678", "１３８１２３４５６７８", "+8613812345678", "+86 138 1234 5678", "１３８－１２３４－５６７８"],
)
def test_redact_mobile_written_forms(written: str) -> None:
    text, found = redact_text(f"请拨打{written}联系")
    assert text == "请拨打138****5678联系"
    assert found[0].value == "+8613812345678"


def test_redact_resident_id_in_text() -> None:
    text, found = redact_text(f"身份证号{VALID_ID}，手机13912345678。")
    assert text == "身份证号110105********002X，手机139****5678。"
    assert [f.type for f in found] == [IdentifierType.RESIDENT_ID, IdentifierType.MOBILE]
    assert found[0].value == VALID_ID


def test_redact_leaves_id_with_wrong_check_digit() -> None:
    text, found = redact_text("编号110105194912310021")
    assert text == "编号110105194912310021"
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "借款12000元，逾期300元",
        "日期2026-05-03，时间14:30",
        "合同号HT20260503001234",
        "合同HT13812345678",
        "流水号202605031381234567890",
        "订单13812345678901",
        "卡号6222021234567890128",
    ],
)
def test_redact_negatives_untouched(text: str) -> None:
    assert redact_text(text) == (text, [])


@pytest.mark.parametrize("text", ["卡号 6222 138 1234 5678 9012", "编号138-1234-5678-9012"])
def test_redact_grouped_run_continuing_is_not_a_phone(text: str) -> None:
    assert redact_text(text) == (text, [])


def test_redact_leaves_id_shaped_run_after_letters() -> None:
    text = f"合同号HT{VALID_ID}"
    assert redact_text(text) == (text, [])


def test_redact_several_and_order() -> None:
    text, found = redact_text("甲13812345678乙15987654321丙")
    assert text == "甲138****5678乙159****4321丙"
    assert [f.value for f in found] == ["+8613812345678", "+8615987654321"]


def test_redact_empty() -> None:
    assert redact_text("") == ("", [])

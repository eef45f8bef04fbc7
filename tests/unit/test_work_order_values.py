"""Spellings of real exports: column names, channel names, dates and the numbers Excel mangles."""

from __future__ import annotations

import datetime as dt

import pytest

from greyline.domain.errors import ValidationError
from greyline.domain.work_order_values import (
    auto_mapping,
    field_of_header,
    key_of,
    match_channel,
    parse_work_order_date,
    restore_digits,
)

CHANNELS = {"12378": "12378 金融监管投诉热线", "12363": "12363 人民银行", "12315": "12315 市场监管",
            "local_regulator": "地方金融监管", "nifa": "中国互联网金融协会", "public_site": "黑猫投诉等公开平台",
            "own_hotline": "本机构客服热线", "own_app": "本机构App/官网", "petition": "信访", "media": "媒体",
            "police": "公安转办", "other": "其他"}


@pytest.mark.parametrize(("header", "field"), [
    ("投诉编号", "external_id"), ("登记编号", "external_id"), ("工单号码", "external_id"), ("工单编号*", "external_id"),
    ("Ticket No.", "external_id"), ("（必填）工单号", "external_id"), ("\ufeff工单编号", "external_id"),
    ("投诉渠道", "channel"), ("来源", "channel"), ("接收方式", "channel"),
    ("登记时间", "received_at"), ("投诉时间", "received_at"), ("受理时间", "received_at"), ("Received Date", "received_at"),
    ("投诉人", "customer_name"), ("客户名称", "customer_name"), ("姓名", "customer_name"),
    ("证件号码", "customer_id_number"), ("身份证", "customer_id_number"),
    ("手机号码", "customer_phone"), ("联系方式", "contact_phone"), ("来电号码", "contact_phone"),
    ("诉求内容", "text"), ("问题描述", "text"), ("具体诉求", "demands"), ("客户诉求", "demands"),
    ("地址", "address"), ("通讯地址", "address"), ("E-mail", "email"), ("问题类别", "category"),
    ("ＩＤ　Ｎｕｍｂｅｒ", "customer_id_number"),
])
def test_headers_of_real_exports_map_to_fields(header: str, field: str) -> None:
    assert field_of_header(header) == field


@pytest.mark.parametrize("header", ["企业名称", "企业地址", "事发地", "处理机构", "反馈内容", "类型", ""])
def test_other_columns_map_to_nothing(header: str) -> None:
    assert field_of_header(header) is None


def test_two_columns_for_one_field_keep_the_template_spelling_and_list_the_other() -> None:
    mapping, unused = auto_mapping(["登记编号", "工单编号", "企业名称", ""])
    assert mapping == {"external_id": 1}
    assert unused == [0, 2]


@pytest.mark.parametrize(("raw", "code"), [
    ("黑猫投诉", "public_site"), ("黑猫", "public_site"), ("黑猫投诉平台", "public_site"), ("新浪黑猫", "public_site"),
    ("客服热线", "own_hotline"), ("400热线", "own_hotline"), ("95188热线", "own_hotline"), ("95188", "own_hotline"),
    ("地方金融监管局", "local_regulator"), ("金融办", "local_regulator"),
    ("12378热线", "12378"), ("银保监投诉", "12378"), ("金融监管总局", "12378"), ("１２３７８热线", "12378"),
    ("12378 银保监", "12378"), ("12363", "12363"), ("人民银行", "12363"), ("12315 市场监管", "12315"),
    ("市场监管", "12315"), ("PUBLIC_SITE", "public_site"), ("黑猫投诉等公开平台", "public_site"), ("  信访 ", "petition"),
])
def test_channels_as_people_write_them(raw: str, code: str) -> None:
    assert match_channel(raw, CHANNELS, {}) == code


def test_unknown_channels_stay_unknown_until_an_alias_maps_them() -> None:
    assert match_channel("网络投诉", CHANNELS, {}) is None
    assert match_channel("", CHANNELS, {}) is None
    assert match_channel("网络 投诉", CHANNELS, {key_of("网络投诉"): "12315"}) == "12315"
    # An alias pointing at a channel that no longer exists is ignored.
    assert match_channel("网络投诉", CHANNELS, {key_of("网络投诉"): "gone"}) is None


@pytest.mark.parametrize("raw", ["2026-05-03", "2026/5/3", "2026.05.03", "2026年5月3日", "2026年05月03日",
                                 "2026/5/3 14:22", "2026-05-03 14:22:05", "2026-05-03T14:22:05",
                                 "2026年5月3日 14时22分", "2026年5月3日14:22", "20260503", "46145", "46145.6",
                                 "２０２６－０５－０３"])
def test_dates_as_exports_write_them(raw: str) -> None:
    assert parse_work_order_date(raw, "received_at") == dt.date(2026, 5, 3)


@pytest.mark.parametrize("raw", ["2026-02-30", "2026/13/1", "昨天", "12345", "2026-05-03 25:00", "9" * 60,
                                 "2026-5-999999999999999999999"])
def test_impossible_dates_are_refused_naming_the_field(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_work_order_date(raw, "received_at")
    assert info.value.field == "received_at"
    assert len(info.value.message) < 120


@pytest.mark.parametrize(("raw", "digits"), [
    ("1.3812345678E10", "13812345678"), ("1.3812345678e+10", "13812345678"), ("13812345678.0", "13812345678"),
    ("12800.0", "12800"), ("1.2E3", "1200"), ("13812345678", "13812345678"), ("HT-2026.0", "HT-2026.0"),
])
def test_numbers_excel_made_floats_come_back_as_typed(raw: str, digits: str) -> None:
    assert restore_digits(raw, "customer_phone") == digits


@pytest.mark.parametrize("raw", ["1.38123E+10", "1.10105194912310E+17", "1.1010519491231002e+17"])
def test_numbers_excel_shortened_are_refused_not_guessed(raw: str) -> None:
    with pytest.raises(ValidationError, match="科学计数法"):
        restore_digits(raw, "customer_id_number")

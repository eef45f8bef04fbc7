"""Importing work-order files made the way other systems and Excel really write them.

Every file here is written by hand, byte by byte or cell by cell: CSV text with explicit line ends,
doubled quotes and quoted line breaks, encoded as GBK, UTF-8 with BOM or UTF-16; XLSX workbooks set up
as Excel or WPS leave them (a merged title row, date cells, phone numbers stored as floats, serial
dates, two-level merged headers). Nothing is produced by Greyline's own generator or writers, so the
tests do not trust the code they check. What was stored is read back with ``sqlite3`` and the store's
cipher, and compared cell by cell with what was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from greyline.domain.errors import DomainError, ImportRejected
from greyline.domain.identifiers import normalise_address
from greyline.queries.complaint_detail import complaint_detail
from greyline.services.context import ServiceContext
from greyline.services.importing import ImportOptions, import_file
from integration.helpers import bad_check_digit, count, db_file, resident_id, sqlite_rows

STORED_TABLES = ("complaints", "identifiers", "parties", "complaint_identifiers", "complaint_parties",
                 "party_identifiers", "channel_aliases", "ref_counters")

ID1, ID2, ID3, ID4, ID5 = (resident_id(n) for n in range(1, 6))
ID_X = resident_id(3)                      # ends in X: never a number in any spreadsheet
assert ID_X.endswith("X")
ADDRESS = "广东省深圳市福田区华强北路1002号赛格广场17楼1708室"


# --------------------------------------------------------------------------- writing files by hand


def q(value: str, sep: str = ",") -> str:
    """One CSV cell as RFC 4180 writes it: quoted (quotes doubled) when it holds the delimiter, a
    quote or a line break."""
    if any(ch in value for ch in (sep, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(rows: list[list[str]], *, sep: str = ",", eol: str = "\r\n") -> str:
    return "".join(sep.join(q(c, sep) for c in row) + eol for row in rows)


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- reading the store back


@dataclass(frozen=True)
class Stored:
    id: int
    external_id: str
    channel: str
    received_at: dt.date
    received_time: dt.time | None
    customer_name: str
    text: str
    demands: tuple[str, ...]
    overdue_cents: int | None
    contract_no: str
    category: str
    ids: dict[str, str]        # role -> full value, decrypted with the store's key
    masked: dict[str, str]     # role -> masked form as stored


def stored(ctx: ServiceContext) -> list[Stored]:
    """Every stored complaint in id order, identifiers decrypted (read with sqlite3, as an outsider)."""
    db = db_file(ctx)
    out = []
    sql = ("SELECT id, external_id, channel, received_at, received_time, customer_name, text, demands, overdue_cents, "
           "contract_no, category FROM complaints ORDER BY id")
    for cid, ext, channel, received, rtime, name, text, demands, cents, contract, category in sqlite_rows(db, sql):
        ids: dict[str, str] = {}
        masked: dict[str, str] = {}
        for typ, role, enc, mask in sqlite_rows(
                db, "SELECT i.type, c.role, i.value_enc, i.masked FROM identifiers i JOIN complaint_identifiers c "
                    "ON c.identifier_id = i.id WHERE c.complaint_id = ?", (cid,)):
            assert role not in ids, f"complaint {ext}: two identifiers in role {role}"
            ids[role] = ctx.store.cipher.decrypt(typ, enc)
            masked[role] = mask
        out.append(Stored(cid, ext, channel, dt.date.fromisoformat(received),
                          dt.time.fromisoformat(rtime) if rtime else None, name, text,
                          tuple(json.loads(demands)), cents, contract, category, ids, masked))
    return out


def by_external_id(ctx: ServiceContext) -> dict[str, Stored]:
    return {s.external_id: s for s in stored(ctx)}


def table_counts(ctx: ServiceContext) -> dict[str, int]:
    db = db_file(ctx)
    return {name: count(db, name) for name in STORED_TABLES}


def assert_nothing_stored(ctx: ServiceContext, events_before: int) -> None:
    assert table_counts(ctx) == dict.fromkeys(STORED_TABLES, 0)
    assert count(db_file(ctx), "audit_events") == events_before


def events(ctx: ServiceContext) -> int:
    return count(db_file(ctx), "audit_events")


def mobile(digits: str) -> str:
    return "+86" + digits


def mask_mobile(digits: str) -> str:
    return digits[:3] + "****" + digits[-4:]


def mask_id(idno: str) -> str:
    return idno[:6] + "********" + idno[-4:]


# --------------------------------------------------------------------------- quotes and line breaks

# Excel writes a line break typed in a cell (Alt+Enter) as LF inside the quoted cell, whatever ends the
# records; other tools write CRLF there too. Both must come back exactly.
TEXT_QUOTED = '客户称催收员说"不还钱就去你单位闹"，\n还说"这是最后一次通知"。'
TEXT_CRLF_INSIDE = '第一段：逾期后每天被催收十几次。\r\n第二段：催收员冒充"法院"人员。\r\n第三段：要求停止骚扰。'
TEXT_COMMAS = '借款合同编号HT-88，利率说是“月息1分”，实际年化36%，要求退还多收利息'
TEXT_ONLY_QUOTE = '"'


@pytest.mark.parametrize("eol", ["\r\n", "\n"], ids=["crlf", "lf"])
def test_csv_with_doubled_quotes_and_line_breaks_inside_fields(ctx: ServiceContext, tmp_path: Path,
                                                               eol: str) -> None:
    inside = TEXT_CRLF_INSIDE if eol == "\r\n" else TEXT_CRLF_INSIDE.replace("\r\n", "\n")
    # Written literally, the way an export writes it: quotes doubled, quoted line breaks.
    lines = [
        "工单编号,来源渠道,受理日期,客户姓名,身份证号,客户手机号,投诉内容,诉求,逾期金额",
        f'Q-001,12378,2026-05-03,王芳,{ID1},13812345678,"客户称催收员说""不还钱就去你单位闹""，\n'
        f'还说""这是最后一次通知""。","减免罚息；停止催收","12,800.00"',
        f'Q-002,12378,2026-05-04,"李娜",{ID2},13912345678,"{inside.replace(chr(34), chr(34) * 2)}",停止催收,0',
        f'Q-003,12363,2026-05-05,张伟,,13712345678,"{TEXT_COMMAS}","退还多收利息,停止催收",3500.5',
        'Q-004,12315,2026-05-06,赵敏,,,"""",,',
    ]
    path = write_bytes(tmp_path / "quotes.csv", (eol.join(lines) + eol).encode("utf-8"))

    result = import_file(ctx, path)
    assert (result.rows, result.created, result.rejected) == (4, 4, 0)
    assert result.layout is not None and result.layout.header_row == 1
    got = by_external_id(ctx)
    assert list(got) == ["Q-001", "Q-002", "Q-003", "Q-004"]
    one, two, three, four = got.values()
    assert (one.channel, one.received_at, one.customer_name) == ("12378", dt.date(2026, 5, 3), "王芳")
    assert one.text == TEXT_QUOTED
    assert one.demands == ("减免罚息", "停止催收")
    assert one.overdue_cents == 1_280_000
    assert one.ids == {"customer_id": ID1, "customer_phone": mobile("13812345678")}
    assert one.masked == {"customer_id": mask_id(ID1), "customer_phone": "138****5678"}
    assert (two.customer_name, two.text, two.demands, two.overdue_cents) == ("李娜", inside, ("停止催收",), 0)
    assert two.ids == {"customer_id": ID2, "customer_phone": mobile("13912345678")}
    assert (three.channel, three.text, three.demands, three.overdue_cents) == (
        "12363", TEXT_COMMAS, ("退还多收利息", "停止催收"), 350_050)
    assert three.ids == {"customer_phone": mobile("13712345678")}
    assert (four.channel, four.text, four.demands, four.overdue_cents, four.ids) == ("12315", TEXT_ONLY_QUOTE, (),
                                                                                     None, {})


# --------------------------------------------------------------------------- delimiters and encodings

HEADER = ["工单编号", "来源渠道", "受理日期", "客户姓名", "身份证号", "客户手机号", "联系电话", "逾期金额", "投诉内容", "诉求",
          "联系地址"]


def sample_rows(sep_text: str = "") -> list[list[str]]:
    """Three data rows whose texts hold every delimiter, quotes and Chinese punctuation."""
    return [
        ["E-1001", "12378", "2026-05-03", "王芳", ID1, "13812345678", "13912345678", "12800.00",
         f'催收员每天打电话，骂人；还说"要上门"{sep_text}要求停止催收', "停止催收；减免罚息", ADDRESS],
        ["E-1002", "黑猫投诉", "2026-05-04", "欧阳秀英", ID_X, "13712345678", "", "5,000",
         "利率不透明\t|逗号, 分号; 竖线|都在文本里", "退还利息", ""],
        ["E-1003", "地方金融监管局", "2026-05-05", "刘强", "", "", "13612345678", "",
         "多行\n文本\n第三行", "", ""],
    ]


def assert_sample_rows_stored(ctx: ServiceContext, rows: list[list[str]]) -> None:
    got = stored(ctx)
    assert [s.external_id for s in got] == [r[0] for r in rows]
    assert [s.channel for s in got] == ["12378", "public_site", "local_regulator"]
    assert [s.received_at for s in got] == [dt.date(2026, 5, 3), dt.date(2026, 5, 4), dt.date(2026, 5, 5)]
    assert [s.received_time for s in got] == [None, None, None]
    assert [s.customer_name for s in got] == [r[3] for r in rows]
    assert [s.text for s in got] == [r[8] for r in rows]
    assert [s.demands for s in got] == [("停止催收", "减免罚息"), ("退还利息",), ()]
    assert [s.overdue_cents for s in got] == [1_280_000, 500_000, None]
    assert got[0].ids == {"customer_id": ID1, "customer_phone": mobile("13812345678"),
                          "contact_phone": mobile("13912345678"),
                          "mailing_address": normalise_address(ADDRESS).value}
    assert got[1].ids == {"customer_id": ID_X, "customer_phone": mobile("13712345678")}
    assert got[1].masked["customer_id"] == mask_id(ID_X)
    assert got[2].ids == {"contact_phone": mobile("13612345678")}
    assert got[2].masked == {"contact_phone": "136****5678"}


@pytest.mark.parametrize(("sep", "label"), [(";", "分号"), ("\t", "制表符"), (",", "逗号"), ("|", "竖线")],
                         ids=["semicolon", "tab", "comma", "pipe"])
def test_csv_delimiters(ctx: ServiceContext, tmp_path: Path, sep: str, label: str) -> None:
    rows = sample_rows(sep)
    path = write_bytes(tmp_path / "export.csv", csv_text([HEADER, *rows], sep=sep).encode("utf-8"))
    result = import_file(ctx, path)
    assert result.created == 3
    assert result.layout is not None and result.layout.delimiter == label
    assert_sample_rows_stored(ctx, rows)


@pytest.mark.parametrize(("encoding", "label", "bom"), [
    ("gbk", "GBK/GB18030", b""),
    ("utf-8-sig", "UTF-8（带 BOM）", b"\xef\xbb\xbf"),
    ("utf-16", "UTF-16", b"\xff\xfe"),     # Python writes little-endian with a BOM, as Windows does
], ids=["gbk", "utf8-bom", "utf16-bom"])
def test_csv_encodings(ctx: ServiceContext, tmp_path: Path, encoding: str, label: str, bom: bytes) -> None:
    rows = sample_rows()
    # Excel's "Unicode 文本" is UTF-16 and tab separated; the others are Excel's comma CSVs.
    sep = "\t" if encoding == "utf-16" else ","
    data = csv_text([HEADER, *rows], sep=sep).encode(encoding)
    assert data.startswith(bom)
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    path = write_bytes(tmp_path / f"{encoding}.csv", data)
    result = import_file(ctx, path)
    assert result.created == 3
    assert result.layout is not None and result.layout.encoding == label
    assert result.layout.headers == tuple(HEADER)   # no BOM left on the first header
    assert_sample_rows_stored(ctx, rows)


def test_a_utf8_bom_over_a_gbk_body_is_a_clear_domain_error(ctx: ServiceContext, tmp_path: Path) -> None:
    body = csv_text([HEADER, *sample_rows()]).encode("gbk")
    path = write_bytes(tmp_path / "mixed.csv", b"\xef\xbb\xbf" + body)
    before = events(ctx)
    with pytest.raises(DomainError) as info:
        import_file(ctx, path)
    assert type(info.value) is DomainError
    assert "mixed.csv" in info.value.message and "UTF-8" in info.value.message
    assert_nothing_stored(ctx, before)


# --------------------------------------------------------------------------- title rows and header spellings


def test_csv_with_a_title_row_above_the_header(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = sample_rows()
    title = ["12378 投诉工单导出（2026年5月）", *[""] * (len(HEADER) - 1)]
    text = csv_text([title, HEADER, *rows])
    path = write_bytes(tmp_path / "titled.csv", text.encode("gbk"))
    result = import_file(ctx, path)
    assert result.created == 3
    assert result.layout is not None and result.layout.header_row == 2
    assert_sample_rows_stored(ctx, rows)


def test_excels_sep_line_names_the_delimiter_and_is_not_counted_as_a_row(ctx: ServiceContext,
                                                                         tmp_path: Path) -> None:
    """Excel writes (and hides) a first line ``sep=;``: rows are numbered as Excel shows them."""
    rows = sample_rows()
    bad = ["E-1009", "12378", "2026-13-45", "坏日期", "", "", "", "", "x", "", ""]
    text = "sep=;\r\n" + csv_text([HEADER, *rows, bad], sep=";")
    path = write_bytes(tmp_path / "sep.csv", text.encode("utf-8-sig"))
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    assert [(p.row, p.field) for p in info.value.problems] == [(5, HEADER[2])]
    path.write_bytes(("sep=;\r\n" + csv_text([HEADER, *rows], sep=";")).encode("utf-8-sig"))
    result = import_file(ctx, path)
    assert result.created == 3 and result.layout is not None and result.layout.header_row == 1
    assert_sample_rows_stored(ctx, rows)


def test_a_row_with_data_past_the_header_is_refused_as_shifted(ctx: ServiceContext, tmp_path: Path) -> None:
    """An unquoted comma in a text shifts every later cell: the row is refused, not stored shifted."""
    rows = sample_rows()
    shifted = "E-1010,12378,2026-05-06,张伟,,,,,他说,要上门,停止催收,深圳市福田区华强北路1号\r\n"
    path = write_bytes(tmp_path / "shifted.csv", (csv_text([HEADER, *rows]) + shifted).encode("gbk"))
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    (problem,) = info.value.problems
    assert problem.row == 5 and "多出 1 个" in problem.reason
    rejects = tmp_path / "rejects.csv"
    result = import_file(ctx, path, ImportOptions(rejects=rejects))
    assert (result.created, result.rejected) == (3, 1)
    header, row = list(csv.reader(io.StringIO(rejects.read_bytes().decode("gbk"))))
    assert header == [*HEADER, "错误原因"]
    assert row[: len(HEADER)] == shifted.rstrip("\r\n").split(",")[: len(HEADER)]
    assert "多出" in row[len(HEADER)] and row[len(HEADER) + 1:] == ["深圳市福田区华强北路1号"]


def test_headers_of_a_complaint_system_with_a_time_part(ctx: ServiceContext, tmp_path: Path) -> None:
    header = ["投诉编号", "登记时间", "投诉人", "证件号码", "来电号码", "问题描述", "具体诉求", "通讯地址"]
    rows = [
        ["TS20260503001", "2026/5/3 14:22:05", "王芳", ID1, "13812345678", "催收员在晚上十一点打电话辱骂。",
         "停止催收；赔礼道歉", ADDRESS],
        ["TS20260503002", "2026/5/3 9:05:00", "李娜", ID2, "139-1234-5678", "要求出具结清证明", "出具结清证明", ""],
    ]
    path = write_bytes(tmp_path / "system.csv", csv_text([header, *rows]).encode("utf-8-sig"))
    # This export has no channel column: the whole file came from one channel.
    result = import_file(ctx, path, ImportOptions(default_channel="12378"))
    assert (result.created, result.unused) == (2, ())
    one, two = stored(ctx)
    assert (one.external_id, one.channel, one.received_at, one.received_time) == (
        "TS20260503001", "12378", dt.date(2026, 5, 3), dt.time(14, 22, 5))
    assert (one.customer_name, one.text, one.demands) == ("王芳", rows[0][5], ("停止催收", "赔礼道歉"))
    assert one.ids == {"customer_id": ID1, "contact_phone": mobile("13812345678"),
                       "mailing_address": normalise_address(ADDRESS).value}
    assert (two.external_id, two.received_at, two.received_time, two.customer_name) == (
        "TS20260503002", dt.date(2026, 5, 3), dt.time(9, 5, 0), "李娜")
    assert two.ids == {"customer_id": ID2, "contact_phone": mobile("13912345678")}


TWELVE315_HEADER = ["登记编号", "类型", "接收方式", "登记时间", "企业名称", "企业地址", "诉求内容", "问题类别", "事发地",
                    "处理机构", "反馈内容"]
TWELVE315_UNUSED = ("类型", "企业名称", "企业地址", "事发地", "处理机构", "反馈内容")


def test_a_real_12315_export_ignores_and_lists_the_columns_it_does_not_use(ctx: ServiceContext,
                                                                           tmp_path: Path) -> None:
    rows = [
        ["1440300202605030001", "投诉", "全国12315平台", "2026-05-03 10:11:12", "某某小额贷款有限公司",
         "深圳市南山区科技园", "该公司暴力催收，\n多次骚扰我的家人。", "金融服务", "广东省深圳市", "南山局",
         "已转企业处理"],
        ["1440300202605040002", "举报", "12315热线", "2026-05-04", "某某融资担保有限公司", "深圳市福田区",
         '收取"服务费"未告知', "收费问题", "广东省深圳市", "福田局", ""],
    ]
    path = write_bytes(tmp_path / "12315导出.csv", csv_text([TWELVE315_HEADER, *rows]).encode("gbk"))
    result = import_file(ctx, path)
    assert result.created == 2
    assert result.unused == TWELVE315_UNUSED
    one, two = stored(ctx)
    assert (one.external_id, one.channel, one.received_at, one.received_time) == (
        "1440300202605030001", "12315", dt.date(2026, 5, 3), dt.time(10, 11, 12))
    assert (one.text, one.category, one.customer_name, one.ids) == (rows[0][6], "金融服务", "", {})
    assert (two.external_id, two.channel, two.received_at, two.text, two.category) == (
        "1440300202605040002", "12315", dt.date(2026, 5, 4), '收取"服务费"未告知', "收费问题")


def test_a_12315_export_whose_receiving_method_is_how_12315_got_it(ctx: ServiceContext, tmp_path: Path) -> None:
    """In a real 12315 export 接收方式 says how 12315 received the complaint (电话, 互联网, APP, 微信),
    not which channel sent it to us. Imported with ``default_channel="12315"`` every row is a 12315
    complaint (7 working days to accept); none may silently become the institution's own app."""
    methods = ["电话", "互联网", "APP", "微信"]
    rows = [[f"14403002026050300{i}", "投诉", m, "2026-05-03", "某某小贷", "", f"第{i}件投诉", "金融服务", "", "", ""]
            for i, m in enumerate(methods, start=1)]
    path = write_bytes(tmp_path / "12315.csv", csv_text([TWELVE315_HEADER, *rows]).encode("gbk"))
    result = import_file(ctx, path, ImportOptions(default_channel="12315"))
    assert result.created == 4
    assert {s.external_id: s.channel for s in stored(ctx)} == {r[0]: "12315" for r in rows}


# --------------------------------------------------------------------------- channels as people write them

CHANNEL_SPELLINGS = [
    ("黑猫投诉", "public_site"), ("黑猫", "public_site"), ("黑猫投诉平台", "public_site"),
    ("客服热线", "own_hotline"), ("400热线", "own_hotline"), ("95588 热线", "own_hotline"),
    ("地方金融监管局", "local_regulator"), ("金融办", "local_regulator"),
    ("12378热线", "12378"), ("１２３７８热线", "12378"), ("银保监投诉", "12378"), ("金融监管总局", "12378"),
    ("12363", "12363"), ("人民银行", "12363"),
    ("12315", "12315"), ("市场监管", "12315"), ("12315 市场监管", "12315"), ("１２３１５　市场监管", "12315"),
    ("１２３１５ 市场监管", "12315"), ("12315市场监管", "12315"),
]


def test_channels_spelled_as_people_write_them(ctx: ServiceContext, tmp_path: Path) -> None:
    header = ["工单编号", "来源渠道", "受理日期", "投诉内容"]
    rows = [[f"CH-{i:02d}", spelling, "2026-05-03", f"渠道写作“{spelling}”"]
            for i, (spelling, _) in enumerate(CHANNEL_SPELLINGS, start=1)]
    path = write_bytes(tmp_path / "channels.csv", csv_text([header, *rows]).encode("gbk"))
    result = import_file(ctx, path)
    assert result.created == len(CHANNEL_SPELLINGS)
    got = {s.external_id: s.channel for s in stored(ctx)}
    assert got == {r[0]: code for r, (_, code) in zip(rows, CHANNEL_SPELLINGS, strict=True)}


# --------------------------------------------------------------------------- dates and phones


def test_dates_as_exports_write_them(ctx: ServiceContext, tmp_path: Path) -> None:
    cases = [
        ("2026-05-03", dt.date(2026, 5, 3), None),
        ("2026/5/3", dt.date(2026, 5, 3), None),
        ("2026.05.03", dt.date(2026, 5, 3), None),
        ("2026年5月3日", dt.date(2026, 5, 3), None),
        ("2026-05-03 14:22", dt.date(2026, 5, 3), dt.time(14, 22)),
        ("2026/5/3 14:22:05", dt.date(2026, 5, 3), dt.time(14, 22, 5)),
        ("2026年5月3日 14:22:05", dt.date(2026, 5, 3), dt.time(14, 22, 5)),
        ("2026-05-03T08:01:02", dt.date(2026, 5, 3), dt.time(8, 1, 2)),
        ("46145", dt.date(2026, 5, 3), None),                         # an Excel serial as text
        ("46145.5", dt.date(2026, 5, 3), dt.time(12, 0)),
        ("20260418", dt.date(2026, 4, 18), None),
    ]
    header = ["工单编号", "来源渠道", "受理日期", "投诉内容"]
    rows = [[f"D-{i:02d}", "12378", raw, "日期格式"] for i, (raw, _, _) in enumerate(cases, start=1)]
    path = write_bytes(tmp_path / "dates.csv", csv_text([header, *rows]).encode("utf-8"))
    assert import_file(ctx, path).created == len(cases)
    got = {s.external_id: (s.received_at, s.received_time) for s in stored(ctx)}
    assert got == {r[0]: (day, clock) for r, (_, day, clock) in zip(rows, cases, strict=True)}


def test_phones_as_people_write_them(ctx: ServiceContext, tmp_path: Path) -> None:
    cases = [
        ("+86 138 1234 5678", "13812345678"),
        ("0086-13912345678", "13912345678"),
        ("137-1234-5678", "13712345678"),
        ("+86-136-1234-5678", "13612345678"),
        ("1.3512345678E+10", "13512345678"),      # Excel's float, all digits kept
        ("15012345678.0", "15012345678"),
        ("１５１１２３４５６７８", "15112345678"),   # typed with a full-width IME
        (" 15212345678 ", "15212345678"),
    ]
    header = ["工单编号", "来源渠道", "受理日期", "客户手机号", "联系电话"]
    rows = [[f"P-{i}", "12378", "2026-05-03", raw, raw] for i, (raw, _) in enumerate(cases, start=1)]
    path = write_bytes(tmp_path / "phones.csv", csv_text([header, *rows]).encode("utf-8-sig"))
    assert import_file(ctx, path).created == len(cases)
    got = {s.external_id: (s.ids, s.masked) for s in stored(ctx)}
    for row, (_, digits) in zip(rows, cases, strict=True):
        ids, masked = got[row[0]]
        assert ids == {"customer_phone": mobile(digits), "contact_phone": mobile(digits)}, row
        assert masked == {"customer_phone": mask_mobile(digits), "contact_phone": mask_mobile(digits)}, row


def test_landlines_including_one_whose_leading_zero_excel_dropped(ctx: ServiceContext, tmp_path: Path) -> None:
    header = ["工单编号", "来源渠道", "受理日期", "联系电话"]
    rows = [["T-1", "12378", "2026-05-03", "0755-12345678"], ["T-2", "12378", "2026-05-03", "075512345678"],
            ["T-3", "12378", "2026-05-03", "75512345678"], ["T-4", "12378", "2026-05-03", "(021)62345678"]]
    path = write_bytes(tmp_path / "landlines.csv", csv_text([header, *rows]).encode("gbk"))
    assert import_file(ctx, path).created == 4
    got = {s.external_id: (s.ids, s.masked) for s in stored(ctx)}
    for ext in ("T-1", "T-2", "T-3"):
        assert got[ext] == ({"contact_phone": "+8675512345678"}, {"contact_phone": "0755-****5678"}), ext
    assert got["T-4"] == ({"contact_phone": "+862162345678"}, {"contact_phone": "021-****5678"})


def test_a_phone_excel_shortened_is_a_row_error_not_a_rounded_number(ctx: ServiceContext, tmp_path: Path) -> None:
    header = ["工单编号", "来源渠道", "受理日期", "客户手机号", "来电号码"]
    rows = [["S-1", "12378", "2026-05-03", "13812345678", ""], ["S-2", "12378", "2026-05-03", "", "1.38123E+10"],
            ["S-3", "12378", "2026-05-03", "1.39E+10", ""]]
    path = write_bytes(tmp_path / "shortened.csv", csv_text([header, *rows]).encode("utf-8"))
    before = events(ctx)
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    assert [(p.row, p.field) for p in info.value.problems] == [(3, "来电号码"), (4, "客户手机号")]
    assert "1.38123E+10" in info.value.message and "1.39E+10" in info.value.message
    assert_nothing_stored(ctx, before)


# --------------------------------------------------------------------------- XLSX as Excel and WPS leave it

XLSX_HEADER = ["投诉编号", "投诉渠道", "登记时间", "客户姓名", "身份证号", "手机号码", "逾期金额", "投诉内容"]


def excel_workbook(rows: list[list[object]], *, date_format: str = "yyyy/m/d h:mm") -> Workbook:
    """A sheet as Excel/WPS leave it: a merged, centred title row A1:H1, a bold header in row 2,
    date cells formatted ``date_format``, phones and amounts typed as numbers (stored as floats)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "工单明细"
    ws["A1"] = "2026年5月 投诉工单汇总表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:H1")
    for col, name in enumerate(XLSX_HEADER, start=1):
        cell = ws.cell(2, col, name)
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, dt.datetime):
                cell.number_format = date_format
            elif isinstance(value, float) and c == 7:
                cell.number_format = "#,##0.00"
            elif isinstance(value, float):
                cell.number_format = "0"
    ws.column_dimensions["H"].width = 60
    return wb


def xlsx_rows() -> list[list[object]]:
    return [
        ["X-0001", "银保监投诉", dt.datetime(2026, 5, 3, 14, 22), "王芳", ID1, 13812345678.0, 12800.0,
         "催收员冒充律师，\n说要起诉我的父母。"],
        ["X-0002", "１２３７８热线", 46145.0, "李娜", ID2, 13912345678.0, 0.0, '说"不还就曝光"'],
        ["X-0003", "黑猫投诉", 46145.59, "欧阳秀英", ID_X, 1.3712345678e10, 3500.5, "利息过高"],
        ["X-0004", "客服热线", dt.datetime(2026, 5, 4), "赵敏", "", None, None, "要求协商还款"],
    ]


def test_xlsx_with_a_title_row_date_cells_and_float_phones(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "工单汇总.xlsx"
    excel_workbook(xlsx_rows()).save(path)
    result = import_file(ctx, path)
    assert (result.rows, result.created) == (4, 4)
    assert result.layout is not None and (result.layout.header_row, result.layout.sheet) == (2, "工单明细")
    one, two, three, four = stored(ctx)
    assert (one.external_id, one.channel, one.received_at, one.received_time) == (
        "X-0001", "12378", dt.date(2026, 5, 3), dt.time(14, 22))
    assert (one.customer_name, one.overdue_cents, one.text) == ("王芳", 1_280_000, "催收员冒充律师，\n说要起诉我的父母。")
    assert one.ids == {"customer_id": ID1, "customer_phone": mobile("13812345678")}
    assert (two.external_id, two.channel, two.received_at, two.received_time) == (
        "X-0002", "12378", dt.date(2026, 5, 3), None)
    assert (two.overdue_cents, two.text, two.ids) == (0, '说"不还就曝光"',
                                                      {"customer_id": ID2, "customer_phone": mobile("13912345678")})
    # 0.59 of a day is 14:09:36.
    assert (three.channel, three.received_at, three.received_time) == ("public_site", dt.date(2026, 5, 3),
                                                                      dt.time(14, 9, 36))
    assert (three.overdue_cents, three.ids) == (350_050, {"customer_id": ID_X,
                                                          "customer_phone": mobile("13712345678")})
    assert (four.channel, four.received_at, four.received_time, four.overdue_cents, four.ids) == (
        "own_hotline", dt.date(2026, 5, 4), None, None, {})
    detail = complaint_detail(ctx.store, one.id)
    assert detail.customer_id_masked == mask_id(ID1)
    assert {i.role: i.masked for i in detail.identifiers} == {"customer_id": mask_id(ID1),
                                                               "customer_phone": "138****5678"}


@pytest.mark.parametrize("value", [float(ID4), float(ID4[:15] + "000")], ids=["float", "excel-15-digits"])
def test_an_id_number_excel_stored_as_a_float_is_refused(ctx: ServiceContext, tmp_path: Path, value: float) -> None:
    # Excel keeps 15 significant digits of a number typed into a General cell: 110105198503140000.
    rows = xlsx_rows()
    rows.insert(2, ["X-0009", "12378热线", dt.datetime(2026, 5, 3), "孙磊", value, 13612345678.0, None, "x"])
    path = tmp_path / "lossy.xlsx"
    excel_workbook(rows).save(path)
    before = events(ctx)
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    # title = row 1, header = row 2, the inserted row is the third data row: row 5.
    assert [(p.row, p.field) for p in info.value.problems] == [(5, "身份证号")]
    message = info.value.message
    assert "row 5, column 身份证号" in message and "lossy.xlsx" in message
    assert "文本" in message      # says how to fix it: format the column as text
    assert_nothing_stored(ctx, before)


@pytest.mark.parametrize("title", [False, True], ids=["two-level", "title-and-two-level"])
def test_xlsx_with_a_two_level_merged_header(ctx: ServiceContext, tmp_path: Path, title: bool) -> None:
    wb = Workbook()
    ws = wb.active
    top = 1
    if title:
        ws["A1"] = "客户投诉登记表"
        ws.merge_cells("A1:H1")
        top = 2
    for col, name in ((1, "投诉编号"), (2, "投诉渠道"), (3, "登记时间"), (7, "问题描述"), (8, "具体诉求")):
        ws.cell(top, col, name)
        ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
    ws.cell(top, 4, "客户信息")
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=6)
    for col, name in ((4, "姓名"), (5, "证件号码"), (6, "手机号码")):
        ws.cell(top + 1, col, name)
    data = [
        ["M-1", "地方金融监管局", dt.datetime(2026, 5, 3, 9, 30), "王芳", ID1, 13812345678.0, "第一件", "停止催收"],
        ["M-2", "12363", dt.datetime(2026, 5, 6), "李娜", ID_X, 13912345678.0, "第二件\n两行", "减免罚息；退还利息"],
    ]
    for r, row in enumerate(data, start=top + 2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    path = tmp_path / "two_level.xlsx"
    wb.save(path)

    result = import_file(ctx, path)
    assert result.created == 2
    assert result.layout is not None and result.layout.header_row == top + 1
    assert result.unused == ()
    one, two = stored(ctx)
    assert (one.external_id, one.channel, one.received_at, one.received_time, one.customer_name) == (
        "M-1", "local_regulator", dt.date(2026, 5, 3), dt.time(9, 30), "王芳")
    assert (one.text, one.demands, one.ids) == ("第一件", ("停止催收",),
                                                {"customer_id": ID1, "customer_phone": mobile("13812345678")})
    assert (two.external_id, two.channel, two.received_at, two.customer_name, two.text, two.demands) == (
        "M-2", "12363", dt.date(2026, 5, 6), "李娜", "第二件\n两行", ("减免罚息", "退还利息"))
    assert two.ids == {"customer_id": ID_X, "customer_phone": mobile("13912345678")}


def with_sheet_dimension(src: Path, dest: Path, ref: str) -> Path:
    """The same workbook with the sheet's ``<dimension>`` rewritten, as streaming writers (Apache POI's
    SXSSF, EasyExcel, used by many Java systems' exports) leave it: written before the rows are known."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), data)
                assert n == 1
            zout.writestr(item, data)
    return dest


@pytest.mark.parametrize("ref", ["A1", "A1:H4"], ids=["dimension-A1", "dimension-too-small"])
def test_xlsx_whose_declared_dimension_is_wrong_imports_every_row(ctx: ServiceContext, tmp_path: Path,
                                                                  ref: str) -> None:
    rows = xlsx_rows()
    excel_workbook(rows).save(tmp_path / "plain.xlsx")
    path = with_sheet_dimension(tmp_path / "plain.xlsx", tmp_path / "streamed.xlsx", ref)
    result = import_file(ctx, path)
    assert (result.rows, result.created) == (4, 4)
    got = stored(ctx)
    assert [s.external_id for s in got] == [r[0] for r in rows]
    assert [s.text for s in got] == [r[7] for r in rows]
    assert got[0].ids == {"customer_id": ID1, "customer_phone": mobile("13812345678")}


# --------------------------------------------------------------------------- long narratives


def test_a_narrative_of_150000_characters_imports(ctx: ServiceContext, tmp_path: Path) -> None:
    text = ("催收人员多次来电骚扰，" * 15_000)[:150_000]
    assert len(text) == 150_000
    lines = [["工单编号", "来源渠道", "受理日期", "投诉内容"], ["L-1", "12378", "2026-05-03", text]]
    path = write_bytes(tmp_path / "long.csv", csv_text(lines).encode("gbk"))
    assert import_file(ctx, path).created == 1
    (row,) = stored(ctx)
    assert row.text == text


def test_a_narrative_of_200001_characters_is_a_row_error(ctx: ServiceContext, tmp_path: Path) -> None:
    lines = [["工单编号", "来源渠道", "受理日期", "问题描述"], ["L-1", "12378", "2026-05-03", "短"],
             ["L-2", "12378", "2026-05-03", "长" * 200_001], ["L-3", "12378", "2026-05-03", "短"]]
    path = write_bytes(tmp_path / "too_long.csv", csv_text(lines).encode("utf-8"))
    before = events(ctx)
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    assert [(p.row, p.field) for p in info.value.problems] == [(3, "问题描述")]
    assert "row 3, column 问题描述" in info.value.message and "200001" in info.value.message
    assert_nothing_stored(ctx, before)


# --------------------------------------------------------------------------- unknown channel values

UNKNOWN_HEADER = ["工单编号", "来源渠道", "受理日期", "投诉内容"]
UNKNOWN_ROWS = [
    ["U-1", "微博", "2026-05-03", "微博私信投诉"],
    ["U-2", "12378", "2026-05-03", "正常"],
    ["U-3", "抖音", "2026-05-04", "抖音评论"],
    ["U-4", "微博", "2026-05-04", "微博@官方"],
    ["U-5", "小红书", "2026-05-05", "笔记"],
    ["U-6", "微博 ", "2026-05-05", "尾部空格"],
]


def unknown_file(tmp_path: Path, name: str = "unknown.csv") -> Path:
    return write_bytes(tmp_path / name, csv_text([UNKNOWN_HEADER, *UNKNOWN_ROWS]).encode("gbk"))


def test_unknown_channel_values_refuse_the_file_listing_each_with_its_row_count(ctx: ServiceContext,
                                                                               tmp_path: Path) -> None:
    before = events(ctx)
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, unknown_file(tmp_path))
    message = info.value.message
    assert "“微博”（3 行）" in message
    assert "“抖音”（1 行）" in message
    assert "“小红书”（1 行）" in message
    assert "--map-channel" in message
    assert info.value.total == 5
    assert [p.row for p in info.value.problems] == [2, 4, 5, 6, 7]
    assert_nothing_stored(ctx, before)


def test_a_channel_map_imports_the_unknown_values(ctx: ServiceContext, tmp_path: Path) -> None:
    result = import_file(ctx, unknown_file(tmp_path),
                         ImportOptions(channel_map={"微博": "media", "抖音": "media", "小红书": "public_site"}))
    assert result.created == 6
    assert {s.external_id: s.channel for s in stored(ctx)} == {
        "U-1": "media", "U-2": "12378", "U-3": "media", "U-4": "media", "U-5": "public_site", "U-6": "media"}
    assert count(db_file(ctx), "channel_aliases") == 0     # not remembered unless asked


def test_remembered_channels_need_no_mapping_next_time(ctx: ServiceContext, tmp_path: Path) -> None:
    first = write_bytes(tmp_path / "first.csv", csv_text([UNKNOWN_HEADER, *UNKNOWN_ROWS[:3]]).encode("gbk"))
    import_file(ctx, first, ImportOptions(channel_map={"微博": "media", "抖音": "public_site"},
                                          remember_channels=True))
    assert count(db_file(ctx), "channel_aliases") == 2
    # A later export from the same source, written by another tool (UTF-8, a trailing space).
    later_rows = [["V-1", "微博", "2026-05-06", "又一条"], ["V-2", " 抖音", "2026-05-06", "再一条"]]
    later = write_bytes(tmp_path / "later.csv", csv_text([UNKNOWN_HEADER, *later_rows]).encode("utf-8"))
    result = import_file(ctx, later)
    assert result.created == 2
    got = by_external_id(ctx)
    assert (got["V-1"].channel, got["V-2"].channel) == ("media", "public_site")


def test_a_default_channel_takes_the_unknown_values(ctx: ServiceContext, tmp_path: Path) -> None:
    result = import_file(ctx, unknown_file(tmp_path), ImportOptions(default_channel="other"))
    assert result.created == 6
    assert {s.external_id: s.channel for s in stored(ctx)} == {
        "U-1": "other", "U-2": "12378", "U-3": "other", "U-4": "other", "U-5": "other", "U-6": "other"}


# --------------------------------------------------------------------------- bad rows

BAD_HEADER = ["工单编号", "来源渠道", "受理日期", "客户姓名", "身份证号", "客户手机号", "投诉内容", "逾期金额"]


def mixed_rows() -> list[list[str]]:
    """Good and bad rows; good ones carry quoted multi-line texts so records and lines differ."""
    return [
        ["B-01", "12378", "2026-05-03", "王芳", ID1, "13812345678", '第一行\n第二行"引号"\n第三行', "100"],  # good
        ["B-02", "12378", "2026-13-45", "李娜", ID2, "13912345678", "日期错", ""],                   # bad date
        ["B-03", "12363", "2026-05-03", "张伟", ID3, "", "多行\r\n文本", "1,000.50"],                 # good
        ["B-04", "12378", "2026-05-03", "赵敏", bad_check_digit(ID4), "", "校验位错", ""],            # bad ID
        ["B-05", "黑猫投诉", "2026/5/4", "刘强", "", "1381234", "手机号太短", ""],                      # bad phone
        ["", "12378", "2026-05-03", "陈静", "", "", "没有编号", ""],                                   # no number
        ["B-07", "12315", "2026年5月5日", "杨洋", ID5, "13712345678", "好的\n一行", ""],              # good
        ["B-08", "12378", "2026-05-05", "黄杰", "", "", "金额错", "一千"],                            # bad amount
    ]


BAD = {"B-02": ("受理日期", "2026-13-45"), "B-04": ("身份证号", ""), "B-05": ("客户手机号", ""),
       "": ("工单编号", ""), "B-08": ("逾期金额", "一千")}


def test_every_bad_row_is_named_and_nothing_is_stored(ctx: ServiceContext, tmp_path: Path) -> None:
    title = ["投诉工单（导出于 2026-05-06）"]
    text = csv_text([title, BAD_HEADER, *mixed_rows()])
    path = write_bytes(tmp_path / "bad.csv", text.encode("gbk"))
    assert text.count("\r\n") > 2 + len(mixed_rows())       # more lines than records
    before = events(ctx)
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    # Title = row 1, header = row 2, the first data record = row 3, one row per record.
    expected = [(4, "受理日期"), (6, "身份证号"), (7, "客户手机号"), (8, "工单编号"), (10, "逾期金额")]
    assert [(p.row, p.field) for p in info.value.problems] == expected
    message = info.value.message
    for row, column in expected:
        assert f"row {row}, column {column}: " in message
    assert "2026-13-45" in message and "一千" in message
    assert "bad.csv" in message and "没有保存任何数据" in message and "5 行有问题" in message
    assert_nothing_stored(ctx, before)


@pytest.mark.parametrize(("encoding", "sep"), [("gbk", ","), ("utf-8-sig", ";"), ("utf-16", "\t")],
                         ids=["gbk-comma", "utf8bom-semicolon", "utf16-tab"])
def test_rejects_file_keeps_bad_rows_unchanged_in_the_source_encoding(ctx: ServiceContext, tmp_path: Path,
                                                                      encoding: str, sep: str) -> None:
    rows = mixed_rows()
    source = write_bytes(tmp_path / "in.csv", csv_text([BAD_HEADER, *rows], sep=sep).encode(encoding))
    rejects = tmp_path / "rejects.csv"
    result = import_file(ctx, source, ImportOptions(rejects=rejects))
    assert (result.rows, result.created, result.rejected, result.rejects_path) == (8, 3, 5, str(rejects))
    got = stored(ctx)
    assert [s.external_id for s in got] == ["B-01", "B-03", "B-07"]
    assert [s.text for s in got] == [rows[0][6], rows[2][6], rows[6][6]]
    assert [s.overdue_cents for s in got] == [10_000, 100_050, None]
    assert got[-1].id - got[0].id == 2       # one batch, consecutive ids
    assert sqlite_rows(db_file(ctx), "SELECT count(*) FROM audit_events WHERE action='import'") == [(1,)]

    raw = rejects.read_bytes()
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    if encoding == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf")
    if encoding == "utf-16":
        assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    back = list(csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=sep))
    assert back[0] == [*BAD_HEADER, "错误原因"]
    bad_rows = [r for r in rows if r[0] in BAD]
    assert [r[:-1] for r in back[1:]] == bad_rows          # every cell exactly as written
    for row in back[1:]:
        column, excerpt = BAD[row[0]]
        assert row[-1].startswith(f"{column}："), row
        assert excerpt in row[-1]

    # The user fixes the rejected rows in place and imports the rejects file itself.
    fixes = {"B-02": (2, "2026-05-03"), "B-04": (4, ID4), "B-05": (5, "13612345678"), "": (0, "B-06"),
             "B-08": (7, "1000")}
    fixed = []
    for row in back[1:]:
        index, value = fixes[row[0]]
        new = list(row)
        new[index] = value
        fixed.append(new)
    fixed_path = write_bytes(tmp_path / "fixed.csv", csv_text([back[0], *fixed], sep=sep).encode(encoding))
    again = import_file(ctx, fixed_path)
    assert (again.created, again.rejected, again.unused) == (5, 0, ("错误原因",))
    final = by_external_id(ctx)
    assert sorted(final) == [f"B-0{i}" for i in range(1, 9)]
    assert final["B-02"].received_at == dt.date(2026, 5, 3)
    assert final["B-04"].ids["customer_id"] == ID4
    assert final["B-05"].ids["customer_phone"] == mobile("13612345678")
    assert (final["B-06"].customer_name, final["B-06"].text) == ("陈静", "没有编号")
    assert final["B-08"].overdue_cents == 100_000

    # The original again: nothing new; its bad rows are still bad and go to a rejects file again.
    counts = table_counts(ctx)
    second = import_file(ctx, source, ImportOptions(rejects=tmp_path / "rejects2.csv"))
    assert (second.created, second.skipped_existing, second.rejected) == (0, 3, 5)
    assert table_counts(ctx) == counts


def test_rejects_reason_stays_under_its_header_when_a_row_has_trailing_cells(ctx: ServiceContext,
                                                                             tmp_path: Path) -> None:
    # Excel writes trailing delimiters when any cell to the right of the header was ever used.
    text = ("工单编号,来源渠道,受理日期,投诉内容\r\n"
            "R-1,12378,2026-13-45,日期错,,\r\n"
            "R-2,12378,2026-05-03,好的,,\r\n"
            "R-3,12378,昨天,日期错\r\n")
    source = write_bytes(tmp_path / "trailing.csv", text.encode("gbk"))
    rejects = tmp_path / "rejects.csv"
    result = import_file(ctx, source, ImportOptions(rejects=rejects))
    assert (result.created, result.rejected) == (1, 2)
    back = list(csv.reader(io.StringIO(rejects.read_bytes().decode("gbk"), newline="")))
    reason = back[0].index("错误原因")
    assert back[0] == ["工单编号", "来源渠道", "受理日期", "投诉内容", "错误原因"]
    assert [r[:4] for r in back[1:]] == [["R-1", "12378", "2026-13-45", "日期错"], ["R-3", "12378", "昨天", "日期错"]]
    for row in back[1:]:
        assert row[reason].startswith("受理日期："), row


def test_an_xlsx_rejects_file_reads_back_with_openpyxl(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = mixed_rows()
    source = write_bytes(tmp_path / "in.csv", csv_text([BAD_HEADER, *rows]).encode("utf-8-sig"))
    rejects = tmp_path / "错误行.xlsx"
    result = import_file(ctx, source, ImportOptions(rejects=rejects))
    assert (result.created, result.rejected) == (3, 5)
    wb = load_workbook(rejects, read_only=True)
    try:
        ws = wb.worksheets[0]
        back = [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    assert back[0] == [*BAD_HEADER, "错误原因"]
    assert [r[:-1] for r in back[1:]] == [r for r in rows if r[0] in BAD]
    assert all(isinstance(v, str) for r in back[1:] for v in r)
    assert [r[-1].split("：")[0] for r in back[1:]] == [BAD[r[0]][0] for r in back[1:]]


def test_rejects_from_an_xlsx_source(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = xlsx_rows()
    rows.append(["X-0005", "12378", dt.datetime(2026, 5, 5), "孙磊", float(ID4), 13612345678.0, None, "ID 成了浮点数"])
    path = tmp_path / "src.xlsx"
    excel_workbook(rows).save(path)
    rejects = tmp_path / "rejects.xlsx"
    result = import_file(ctx, path, ImportOptions(rejects=rejects))
    assert (result.created, result.rejected) == (4, 1)
    wb = load_workbook(rejects, read_only=True)
    try:
        back = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()
    assert back[0] == [*XLSX_HEADER, "错误原因"]
    (bad,) = back[1:]
    assert bad[0] == "X-0005" and bad[3] == "孙磊" and bad[5] == "13612345678"
    assert bad[-1].startswith("身份证号：")


# --------------------------------------------------------------------------- files that cannot be read


@pytest.mark.parametrize("name", ["工单.xls", "工单导出.csv"], ids=["xls", "xls-named-csv"])
def test_a_legacy_xls_is_refused_with_what_to_do(ctx: ServiceContext, tmp_path: Path, name: str) -> None:
    junk = bytes(range(256)) * 20
    path = write_bytes(tmp_path / name, bytes.fromhex("d0cf11e0a1b11ae1") + junk)
    before = events(ctx)
    with pytest.raises(DomainError) as info:
        import_file(ctx, path)
    assert type(info.value) is DomainError
    assert name in info.value.message and ".xlsx" in info.value.message and "另存为" in info.value.message
    assert_nothing_stored(ctx, before)

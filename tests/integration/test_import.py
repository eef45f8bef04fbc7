"""Importing work-order files into a real store: encodings, formats, all-or-nothing refusal, re-import, privacy."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from greyline.demo.generator import generate, write_csv
from greyline.domain.errors import DomainError, ImportRejected, PermissionDenied
from greyline.queries.complaints import ComplaintFilter, count_complaints, list_complaints
from greyline.services.context import ServiceContext
from greyline.services.importing import SAMPLE_ROW, import_file, write_template
from integration.helpers import (
    IMPORT_COLUMNS,
    audit_actions,
    bad_check_digit,
    count,
    db_file,
    import_row,
    last_audit,
    sqlite_rows,
    write_import_csv,
)

STORED_TABLES = ("complaints", "identifiers", "parties", "complaint_identifiers", "complaint_parties",
                 "party_identifiers")


def table_counts(db: Path) -> dict[str, int]:
    return {name: count(db, name) for name in STORED_TABLES}


def all_rows(ctx: ServiceContext):  # noqa: ANN201
    return list_complaints(ctx.store, limit=100_000, sort="id", descending=False)


def assert_nothing_stored(ctx: ServiceContext, events_before: int) -> None:
    db = db_file(ctx)
    assert table_counts(db) == dict.fromkeys(STORED_TABLES, 0)
    assert count(db, "audit_events") == events_before
    assert count(db, "ref_counters") == 0


# --------------------------------------------------------------------------- good files


def test_csv_with_chinese_headers(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 6)]
    path = write_import_csv(tmp_path / "工单导出.csv", rows)
    result = import_file(ctx, path)
    assert (result.source, result.rows, result.created, result.skipped_existing) == ("工单导出.csv", 5, 5, 0)
    year = dt.date.today().year
    assert (result.first_reference, result.last_reference) == (f"GL-{year}-000001", f"GL-{year}-000005")

    stored = all_rows(ctx)
    assert [r.external_id for r in stored] == [r["external_id"] for r in rows]
    assert [r.customer_name for r in stored] == [r["customer_name"] for r in rows]
    first = stored[0]
    assert first.received_at == dt.date.fromisoformat(rows[0]["received_at"])
    assert first.deadline_at == first.received_at + dt.timedelta(days=15)
    assert first.contact_masked == rows[0]["contact_phone"][:3] + "****" + rows[0]["contact_phone"][-4:]
    db = db_file(ctx)
    roles = {r[0] for r in sqlite_rows(db, "SELECT role FROM complaint_identifiers WHERE complaint_id=?", (first.id,))}
    assert roles == {"customer_id", "customer_phone", "contact_phone", "mailing_address"}
    ((cents, demands),) = sqlite_rows(db, "SELECT overdue_cents, demands FROM complaints WHERE id=?", (first.id,))
    assert (cents, json.loads(demands)) == (103750, ["减免罚息", "停止催收"])
    _, action, entity, entity_id, detail = last_audit(db)
    assert (action, entity, entity_id) == ("import", "file", "工单导出.csv")
    assert json.loads(detail)["created"] == 5


def test_csv_with_english_headers(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 4)]
    result = import_file(ctx, write_import_csv(tmp_path / "export.csv", rows, chinese_headers=False))
    assert result.created == 3
    assert [r.customer_name for r in all_rows(ctx)] == [r["customer_name"] for r in rows]


def test_header_aliases_channel_labels_and_column_order(ctx: ServiceContext, tmp_path: Path) -> None:
    columns = (("text", "投诉内容"), ("received_at", "受理时间"), ("channel", "渠道"), ("external_id", "工单号*"),
               ("customer_phone", "手机号"))
    rows = [import_row(1, channel="12378 金融监管投诉热线"), import_row(2, channel="12315"),
            import_row(3, channel="黑猫投诉等公开平台"), import_row(4, channel="12378热线")]
    result = import_file(ctx, write_import_csv(tmp_path / "a.csv", rows, columns=columns))
    assert result.created == 4
    assert [r.channel for r in all_rows(ctx)] == ["12378", "12315", "public_site", "12378"]


def test_xlsx_with_typed_cells(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 4)]
    wb = Workbook()
    ws = wb.active
    ws.append([zh for _, zh in IMPORT_COLUMNS])
    for r in rows:
        cells: list[object] = [r[key] for key, _ in IMPORT_COLUMNS]
        keys = [key for key, _ in IMPORT_COLUMNS]
        # What a spreadsheet really holds: dates as dates, phones and amounts as numbers.
        cells[keys.index("received_at")] = dt.datetime.fromisoformat(r["received_at"])
        cells[keys.index("customer_phone")] = int(r["customer_phone"])
        cells[keys.index("overdue_amount")] = float(r["overdue_amount"])
        ws.append(cells)
    path = tmp_path / "工单.xlsx"
    wb.save(path)

    result = import_file(ctx, path)
    assert result.created == 3
    stored = all_rows(ctx)
    assert [r.received_at.isoformat() for r in stored] == [r["received_at"] for r in rows]
    assert [r.customer_name for r in stored] == [r["customer_name"] for r in rows]
    phone_masks = sqlite_rows(db_file(ctx), "SELECT i.masked FROM identifiers i JOIN complaint_identifiers c ON "
                                            "c.identifier_id=i.id WHERE c.role='customer_phone' ORDER BY c.complaint_id")
    assert [m for (m,) in phone_masks] == [r["customer_phone"][:3] + "****" + r["customer_phone"][-4:] for r in rows]


@pytest.mark.parametrize(("encoding", "name"), [("gbk", "王娜"), ("gb18030", "王𠮷"), ("utf-8-sig", "王𠮷"),
                                                ("utf-8", "王𠮷")])
def test_csv_encodings_keep_chinese_text(ctx: ServiceContext, tmp_path: Path, encoding: str, name: str) -> None:
    rows = [import_row(1, customer_name=name, text="催收人员冒充律师恐吓我的家人，要求停止骚扰。"),
            import_row(2, customer_name="欧阳秀英", text="客服态度恶劣；利率不透明。")]
    path = write_import_csv(tmp_path / f"{encoding}.csv", rows, encoding=encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeEncodeError):
            name.encode("gbk")  # the point of this case: text GBK cannot hold
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")

    assert import_file(ctx, path).created == 2
    stored = all_rows(ctx)
    assert [r.customer_name for r in stored] == [name, "欧阳秀英"]
    assert [r.preview for r in stored] == [rows[0]["text"], rows[1]["text"]]
    assert [r.external_id for r in stored] == [rows[0]["external_id"], rows[1]["external_id"]]


def test_tab_separated_export(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n, text=f"第{n}笔，逗号, 分号; 都在文本里") for n in range(1, 4)]
    path = tmp_path / "export.txt"
    lines = ["\t".join(zh for _, zh in IMPORT_COLUMNS)]
    lines += ["\t".join(r[key] for key, _ in IMPORT_COLUMNS) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_file(ctx, path).created == 3
    assert [r.preview for r in all_rows(ctx)] == [r["text"] for r in rows]


def test_excel_unicode_text_export(ctx: ServiceContext, tmp_path: Path) -> None:
    # Excel's "Unicode 文本" export: UTF-16 with a byte-order mark, tab separated.
    rows = [import_row(n, customer_name=f"欧阳{n}") for n in range(1, 4)]
    lines = ["\t".join(zh for _, zh in IMPORT_COLUMNS)]
    lines += ["\t".join(r[key] for key, _ in IMPORT_COLUMNS) for r in rows]
    path = tmp_path / "unicode.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    assert import_file(ctx, path).created == 3
    assert [r.customer_name for r in all_rows(ctx)] == ["欧阳1", "欧阳2", "欧阳3"]


def test_the_template_reimports_its_sample_row(ctx: ServiceContext, tmp_path: Path) -> None:
    path = tmp_path / "templates" / "导入模板.xlsx"
    write_template(path)
    result = import_file(ctx, path)
    assert (result.rows, result.created) == (1, 1)
    (row,) = all_rows(ctx)
    assert (row.external_id, row.channel, row.customer_name) == (SAMPLE_ROW["external_id"], "12378", "张三")
    assert row.received_at == dt.date.fromisoformat(SAMPLE_ROW["received_at"])
    assert row.contact_masked == "171****5678"
    assert import_file(ctx, path).created == 0


# --------------------------------------------------------------------------- re-import


def test_importing_the_same_file_twice_changes_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    path = write_import_csv(tmp_path / "a.csv", [import_row(n) for n in range(1, 11)])
    import_file(ctx, path)
    db = db_file(ctx)
    before = table_counts(db)
    actions = audit_actions(db)
    complaint_rows = sqlite_rows(db, "SELECT * FROM complaints ORDER BY id")

    result = import_file(ctx, path)
    assert (result.rows, result.created, result.skipped_existing) == (10, 0, 10)
    assert (result.first_reference, result.last_reference) == (None, None)
    assert table_counts(db) == before
    assert sqlite_rows(db, "SELECT * FROM complaints ORDER BY id") == complaint_rows
    assert audit_actions(db) == [*actions, "import"]
    assert json.loads(last_audit(db)[4])["skipped_existing"] == 10


def test_a_file_overlapping_an_earlier_import_adds_only_new_rows(ctx: ServiceContext, tmp_path: Path) -> None:
    import_file(ctx, write_import_csv(tmp_path / "a.csv", [import_row(n) for n in range(1, 6)]))
    # Same people again (same ID numbers) in new work orders.
    result = import_file(ctx, write_import_csv(tmp_path / "b.csv", [import_row(n) for n in range(4, 9)]
                                               + [import_row(1, external_id="12363-NEW", channel="12363")]))
    assert (result.created, result.skipped_existing) == (4, 2)
    db = db_file(ctx)
    assert count(db, "complaints") == 9
    assert count(db, "parties") == 8  # the customer of 12363-NEW is the customer of row 1


# --------------------------------------------------------------------------- refused files


def test_one_bad_id_number_refuses_the_whole_file(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 21)]
    rows[5]["customer_id_number"] = bad_check_digit(rows[5]["customer_id_number"])  # 6th data line = row 7
    path = write_import_csv(tmp_path / "twenty.csv", rows)
    events = count(db_file(ctx), "audit_events")

    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    message = info.value.message
    assert "row 7" in message and "身份证号" in message
    assert "twenty.csv" in message and "没有保存任何数据" in message
    assert [(p.row, p.field) for p in info.value.problems] == [(7, "身份证号")]
    assert_nothing_stored(ctx, events)
    assert count_complaints(ctx.store) == 0


def test_row_numbers_count_blank_lines_like_a_spreadsheet(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 4)]
    rows[2]["received_at"] = "昨天"
    path = write_import_csv(tmp_path / "a.csv", rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:2], "", ",,,", *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, path)
    # header = row 1, data = row 2, blank = rows 3 and 4, data = row 5, bad data = row 6
    assert [p.row for p in info.value.problems] == [6]


def test_every_bad_row_is_reported(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 8)]
    rows[0]["received_at"] = "2026-13-45"
    rows[2]["channel"] = "微博"
    rows[3]["customer_phone"] = "1381234"
    rows[6]["received_at"] = ""
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, write_import_csv(tmp_path / "a.csv", rows))
    found = [(p.row, p.field) for p in info.value.problems]
    assert found == [(2, "受理日期"), (4, "来源渠道"), (5, "客户手机号"), (8, "受理日期")]
    for needle in ("row 2, column 受理日期", "2026-13-45", "row 4, column 来源渠道", "微博", "row 5, column 客户手机号",
                   "row 8, column 受理日期"):
        assert needle in info.value.message
    assert_nothing_stored(ctx, events)


def test_a_duplicate_work_order_inside_the_file_names_both_rows(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 6)]
    rows[3]["external_id"] = rows[1]["external_id"]  # data lines 2 and 4 = rows 3 and 5
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(ImportRejected) as info:
        import_file(ctx, write_import_csv(tmp_path / "a.csv", rows))
    (problem,) = info.value.problems
    assert problem.row == 5
    assert "row 5" in problem.message and "第 3 行" in problem.message and rows[1]["external_id"] in problem.message
    assert_nothing_stored(ctx, events)


def test_same_work_order_number_in_two_channels_is_not_a_duplicate(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = [import_row(1, external_id="W-1"), import_row(2, external_id="W-1", channel="12363")]
    assert import_file(ctx, write_import_csv(tmp_path / "a.csv", rows)).created == 2


def test_a_missing_required_column_is_named(ctx: ServiceContext, tmp_path: Path) -> None:
    columns = tuple(c for c in IMPORT_COLUMNS if c[0] != "received_at")
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(DomainError, match="受理日期") as info:
        import_file(ctx, write_import_csv(tmp_path / "a.csv", [import_row(1)], columns=columns))
    assert not isinstance(info.value, ImportRejected)
    assert "缺少必需的列" in info.value.message
    assert_nothing_stored(ctx, events)


def test_a_repeated_column_is_refused(ctx: ServiceContext, tmp_path: Path) -> None:
    columns = (*IMPORT_COLUMNS, ("customer_name", "客户姓名"))
    with pytest.raises(DomainError, match="重复"):
        import_file(ctx, write_import_csv(tmp_path / "a.csv", [import_row(1)], columns=columns))


@pytest.mark.parametrize(("name", "content", "pattern"), [
    pytest.param("empty.csv", b"", "空", id="empty"),
    pytest.param("report.pdf", b"%PDF-1.4\n", r"\.pdf", id="pdf"),
    pytest.param("fake.xlsx", "工单编号,来源渠道\n".encode(), "XLSX", id="not-a-zip-xlsx"),
])
def test_unusable_files_are_refused(ctx: ServiceContext, tmp_path: Path, name: str, content: bytes,
                                    pattern: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(DomainError, match=pattern):
        import_file(ctx, path)
    assert_nothing_stored(ctx, events)


def test_a_missing_file_is_refused(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="不存在"):
        import_file(ctx, tmp_path / "nope.csv")


def test_a_header_only_file_imports_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    result = import_file(ctx, write_import_csv(tmp_path / "a.csv", []))
    assert (result.rows, result.created) == (0, 0)
    assert count(db_file(ctx), "complaints") == 0


def test_a_supervisor_may_not_import(ctx: ServiceContext, user_factory, tmp_path: Path) -> None:
    boss = user_factory("boss", "supervisor")
    with pytest.raises(PermissionDenied):
        import_file(boss, write_import_csv(tmp_path / "a.csv", [import_row(1)]))
    assert count(db_file(ctx), "complaints") == 0


# --------------------------------------------------------------------------- generated data


@pytest.mark.slow
def test_generated_10000_rows_import_and_reimport(ctx: ServiceContext, tmp_path: Path) -> None:
    rows = generate(10000, seed=1, with_files=False).rows
    path = tmp_path / "generated.csv"
    write_csv(rows, path)

    first = import_file(ctx, path)
    assert (first.rows, first.created) == (10000, 10000)
    assert count_complaints(ctx.store) == 10000
    db = db_file(ctx)
    before = table_counts(db)
    second = import_file(ctx, path)
    assert (second.created, second.skipped_existing) == (0, 10000)
    assert table_counts(db) == before
    # The same person complaining twice is one party.
    distinct_ids = len({r["customer_id_number"] for r in rows})
    assert sqlite_rows(db, "SELECT count(*) FROM parties WHERE key_hash IS NOT NULL") == [(distinct_ids,)]


@pytest.fixture
def generated_import(ctx: ServiceContext, tmp_path: Path) -> list[dict[str, str]]:
    rows = generate(500, seed=1, with_files=False).rows
    path = tmp_path / "generated.csv"
    write_csv(rows, path)
    import_file(ctx, path)
    return rows


def raw_store_bytes(ctx: ServiceContext, *, checkpoint: bool) -> bytes:
    """The database file and its WAL as bytes on disk, read while the store is open."""
    db = db_file(ctx)
    wal = Path(str(db) + "-wal")
    if checkpoint:
        with contextlib.closing(sqlite3.connect(db)) as con:
            busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        assert wal.stat().st_size == 0
    data = db.read_bytes()
    if wal.exists():
        data += wal.read_bytes()
    return data


def _phone_forms(phone: str) -> set[str]:
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return set()
    forms = {phone, digits}
    forms.add("+86" + (digits[1:] if digits.startswith("0") else digits))
    return forms


def _secrets(rows: list[dict[str, str]], *, landlines: bool) -> set[str]:
    found: set[str] = set()
    for r in rows:
        found.update({r["customer_id_number"], r["customer_id_number"].upper()} - {""})
        for key in ("customer_phone", "contact_phone"):
            is_mobile = re.sub(r"\D", "", r[key]).startswith("1")
            if r[key] and is_mobile != landlines:
                found |= _phone_forms(r[key])
    return found


@pytest.mark.parametrize("checkpoint", [False, True], ids=["with-wal", "after-checkpoint"])
def test_no_id_number_or_mobile_is_stored_in_clear(ctx: ServiceContext, generated_import: list[dict[str, str]],
                                                   checkpoint: bool) -> None:
    rows = generated_import
    data = raw_store_bytes(ctx, checkpoint=checkpoint)
    secrets = _secrets(rows, landlines=False)
    assert len(secrets) > 1000
    leaked = sorted(s for s in secrets if s.encode() in data)
    assert leaked == []
    # The search does find text that is stored in clear: names, and digit strings such as contract numbers.
    assert all(r["customer_name"].encode() in data for r in rows)
    assert all(r["contract_no"].encode() in data for r in rows if r["contract_no"])


def test_no_landline_contact_phone_is_stored_in_clear(ctx: ServiceContext,
                                                      generated_import: list[dict[str, str]]) -> None:
    data = raw_store_bytes(ctx, checkpoint=True)
    secrets = _secrets(generated_import, landlines=True)
    assert secrets
    assert sorted(s for s in secrets if s.encode() in data) == []


def test_search_after_import_uses_stored_text(ctx: ServiceContext, generated_import: list[dict[str, str]]) -> None:
    row = generated_import[17]
    found = list_complaints(ctx.store, ComplaintFilter(search=row["external_id"]))
    assert [r.external_id for r in found] == [row["external_id"]]

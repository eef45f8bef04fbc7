"""The import window driven as a handler would: files written here by hand, a real store read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from greyline.services.context import ServiceContext
from greyline.services.settings import channel_aliases
from greyline.ui.import_wizard import CHANNELS, DONE, MAPPING, REPORT, ImportWizard
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.complaints_page import ComplaintsPage
from integration.helpers import count, db_file, sqlite_rows


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # Excel's dialect: doubled quotes, CRLF
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def stored(ctx: ServiceContext) -> list[tuple[str, str, str, str]]:
    return sqlite_rows(db_file(ctx), "SELECT external_id, channel, received_at, text FROM complaints ORDER BY id")


def wizard_for(qtbot, ctx: ServiceContext, path: Path | None = None) -> ImportWizard:  # noqa: ANN001
    wizard = ImportWizard(ctx, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    if path is not None:
        idle(qtbot, wizard)
    return wizard


def idle(qtbot, wizard: ImportWizard) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: wizard.job is None, timeout=30000)


def check(qtbot, wizard: ImportWizard) -> None:  # noqa: ANN001
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    idle(qtbot, wizard)


ODD_HEADER = ["单据号", "渠道", "日期", "内容"]


def test_a_mapping_change_imports_and_is_remembered_for_the_same_headers(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "odd.csv", [ODD_HEADER, ["D-1", "12378", "2026/5/3", "他说“再不还就上门”"],
                                            ["D-2", "黑猫投诉", "2026-05-04", "多行\n文本"]])
    wizard = wizard_for(qtbot, ctx, path)
    assert wizard.step() == MAPPING
    assert "UTF-8" in wizard.mapping.info.text() and "逗号" in wizard.mapping.info.text()
    # 单据号 is no name the import knows: 工单编号 is missing until the user picks it.
    assert wizard.mapping.combo(0).currentData() is None
    assert not wizard.next_button.isEnabled() and "工单编号" in wizard.mapping.problem.text()
    wizard.mapping.combo(0).setCurrentIndex(wizard.mapping.combo(0).findData("external_id"))
    assert wizard.mapping.mapping() == {"external_id": 0, "channel": 1, "received_at": 2, "text": 3}
    check(qtbot, wizard)
    assert wizard.step() == REPORT and wizard.report.new == 2
    check(qtbot, wizard)
    assert wizard.step() == DONE and wizard.result.created == 2
    assert stored(ctx) == [("D-1", "12378", "2026-05-03", "他说“再不还就上门”"),
                           ("D-2", "public_site", "2026-05-04", "多行\n文本")]
    # The next export with the same headers maps itself.
    second = write_csv(tmp_path / "odd2.csv", [ODD_HEADER, ["D-3", "12363", "2026-05-05", "x"]])
    again = wizard_for(qtbot, ctx, second)
    assert again.preview.mapping_saved and again.mapping.combo(0).currentData() == "external_id"
    assert "上次" in again.mapping.info.text()


def test_an_unknown_channel_is_mapped_in_the_window_and_remembered(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    header = ["工单编号", "投诉渠道", "登记时间", "问题描述"]
    path = write_csv(tmp_path / "weibo.csv", [header, ["W-1", "微博", "2026-05-03 10:00", "a"],
                                              ["W-2", "微博", "2026-05-03 11:00", "b"],
                                              ["W-3", "12378热线", "2026-05-03 12:00", "c"]], "gbk")
    wizard = wizard_for(qtbot, ctx, path)
    assert "GBK" in wizard.mapping.info.text()
    check(qtbot, wizard)
    assert wizard.step() == CHANNELS
    assert [(v.value, v.rows) for v in wizard.channels.values] == [("微博", 2)]
    assert not wizard.next_button.isEnabled()
    combo = wizard.channels.combo(0)
    combo.setCurrentIndex(combo.findData("public_site"))
    check(qtbot, wizard)
    assert wizard.step() == REPORT and wizard.report.problem_rows == 0 and wizard.report.new == 3
    check(qtbot, wizard)
    assert [r[:2] for r in stored(ctx)] == [("W-1", "public_site"), ("W-2", "public_site"), ("W-3", "12378")]
    assert ("微博", "public_site") in {(a.alias, a.code) for a in channel_aliases(ctx) if not a.builtin}
    # Remembered: the next file with 微博 needs no mapping.
    second = write_csv(tmp_path / "weibo2.csv", [header, ["W-4", "微博", "2026-05-04", "d"]], "gbk")
    again = wizard_for(qtbot, ctx, second)
    check(qtbot, again)
    assert again.step() == REPORT and again.report.new == 1


BAD_ROWS = [["工单编号", "来源渠道", "受理日期", "身份证号", "投诉内容"],
            ["B-1", "12378", "2026-05-03", "", "好的一行"],
            ["B-2", "12378", "2026-13-45", "", "日期错"],
            ["B-3", "12378", "2026-05-03", "110105194912310021", "校验位错"],
            ["B-4", "12363", "2026-05-04", "", "又一行好的"]]


def test_bad_rows_are_reported_before_anything_is_stored(qtbot, ctx, tmp_path: Path, prompter) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "bad.csv", BAD_ROWS)
    events = count(db_file(ctx), "audit_events")
    wizard = wizard_for(qtbot, ctx, path)
    check(qtbot, wizard)
    assert wizard.step() == REPORT
    assert [(p.row, p.column) for p in wizard.report.problems] == [(3, "受理日期"), (4, "身份证号")]
    assert "2 行有问题" in wizard.report_panel.summary.text()
    table = wizard.report_panel.table
    assert table.model().rowCount() == 2
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table.model().index(0, 0).data() == 4
    # All or nothing by default: the import cannot start.
    assert not wizard.next_button.isEnabled()
    assert count(db_file(ctx), "complaints") == 0 and count(db_file(ctx), "audit_events") == events
    # The report can be saved for whoever fixes the file.
    out = tmp_path / "problems.csv"
    prompter._save.append(out)
    wizard.report_panel.export.click()
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["行号", "列", "原因", "内容摘录"] and [r[:2] for r in rows[1:]] == [["3", "受理日期"], ["4", "身份证号"]]


def test_rejects_from_the_window_store_the_good_rows_and_save_the_bad_ones(qtbot, ctx, tmp_path: Path,  # noqa: ANN001
                                                                         prompter) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "mixed.csv", BAD_ROWS, "gbk")
    wizard = wizard_for(qtbot, ctx, path)
    check(qtbot, wizard)
    wizard.report_panel.partial.setChecked(True)
    assert wizard.next_button.isEnabled() and "2" in wizard.next_button.text()
    rejects = tmp_path / "mixed_错误行.csv"
    prompter._save.append(rejects)
    check(qtbot, wizard)
    assert wizard.step() == DONE and (wizard.result.created, wizard.result.rejected) == (2, 2)
    assert [r[0] for r in stored(ctx)] == ["B-1", "B-4"]
    rows = list(csv.reader(io.StringIO(rejects.read_bytes().decode("gbk"))))
    assert rows[0] == [*BAD_ROWS[0], "错误原因"]
    assert [r[:5] for r in rows[1:]] == [BAD_ROWS[2], BAD_ROWS[3]]
    assert "受理日期" in rows[1][5] and "身份证号" in rows[2][5]
    assert str(rejects) in wizard.done_label.text()


def test_declining_the_rejects_file_imports_nothing(qtbot, ctx, tmp_path: Path, prompter) -> None:  # noqa: ANN001
    wizard = wizard_for(qtbot, ctx, write_csv(tmp_path / "mixed.csv", BAD_ROWS))
    check(qtbot, wizard)
    wizard.report_panel.partial.setChecked(True)
    wizard.next_button.click()          # the save dialog is cancelled (nothing scripted)
    assert wizard.job is None and wizard.step() == REPORT
    assert count(db_file(ctx), "complaints") == 0


def test_cancelling_part_way_stores_nothing(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [["工单编号", "来源渠道", "受理日期", "投诉内容"]]
    rows += [[f"C-{n:06d}", "12378", "2026-05-03", f"第{n}笔投诉，要求减免罚息"] for n in range(30000)]
    wizard = wizard_for(qtbot, ctx, write_csv(tmp_path / "big.csv", rows))
    check(qtbot, wizard)
    assert wizard.report.new == 30000
    wizard.next_button.click()
    job = wizard.job
    assert job is not None and wizard.stop_button.isVisible()
    job.signals.progress.connect(lambda *_a: wizard.stop())   # stop at the first progress report
    idle(qtbot, wizard)
    assert wizard.result is None and "没有保存任何数据" in wizard.message.text()
    assert count(db_file(ctx), "complaints") == 0 and count(db_file(ctx), "ref_counters") == 0


def test_closing_the_window_stores_nothing(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    wizard = wizard_for(qtbot, ctx, write_csv(tmp_path / "ok.csv", BAD_ROWS[:2]))
    check(qtbot, wizard)
    wizard.close_button.click()
    assert not wizard.isVisible()
    assert count(db_file(ctx), "complaints") == 0


def test_the_template_can_be_saved_from_the_window(qtbot, ctx, tmp_path: Path, prompter) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    wizard = wizard_for(qtbot, ctx)
    dest = tmp_path / "模板.xlsx"
    prompter._save.append(dest)
    wizard.findChild(type(wizard.next_button), "import_save_template").click()
    assert load_workbook(dest).active.cell(1, 1).value == "工单编号*"


def test_a_legacy_xls_is_refused_in_plain_words(qtbot, ctx, tmp_path: Path, prompter) -> None:  # noqa: ANN001
    path = tmp_path / "old.xls"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    wizard = wizard_for(qtbot, ctx, path)
    kind, text = prompter.messages[-1]
    assert kind == "warn" and ".xlsx" in text
    assert wizard.preview is None and not wizard.next_button.isEnabled()


@pytest.mark.parametrize(("name", "opens"), [("工单.xlsx", True), ("工单.csv", True), ("照片.png", False)])
def test_dropping_a_work_order_file_on_the_complaint_list_opens_the_import(qtbot, ctx, tmp_path: Path,  # noqa: ANN001
                                                                         name: str, opens: bool) -> None:
    nav = RecordingNavigator()
    page = ComplaintsPage(ctx, nav)
    qtbot.addWidget(page)
    path = tmp_path / name
    path.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    if opens:
        qtbot.waitUntil(lambda: ("import_files", path) in nav.calls, timeout=3000)
    else:
        qtbot.wait(50)
        assert not [c for c in nav.calls if c[0] == "import_files"]

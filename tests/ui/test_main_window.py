"""The main window: every page opens, shortcuts work, actions run through workers, state is remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from greyline.demo.generator import generate, write_csv
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaints import count_complaints
from greyline.services.complaints import create_complaint
from greyline.ui import prompts
from greyline.ui.main_window import PAGES, MainWindow


@pytest.fixture
def scripted():  # noqa: ANN201
    prompter = prompts.ScriptedPrompter()
    previous = prompts.install(prompter)
    yield prompter
    prompts.install(previous)


def _add(ctx, n: int) -> None:  # noqa: ANN001
    for i in range(n):
        create_complaint(ctx, ComplaintDraft(
            channel="12378", external_id=f"W-{i:05d}", received_at=dt.date(2026, 5, 1),
            customer_name=f"客户{i}", text=f"贵司暴力催收，要求减免罚息 第{i}号",
            identifiers=(IdentifierInput("mobile", f"138{i:08d}", "contact_phone"),)))


def _activate(qtbot, window) -> None:  # noqa: ANN001
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _wait_jobs(qtbot, window) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not window._jobs, timeout=15000)


def test_every_page_opens_and_status_bar_names_store_and_user(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for name, _, _, _ in PAGES:
        window.show_page(name)
        assert window.stack.currentWidget() is window.page(name)
        assert window.current_page_name() == name
        assert hasattr(window.page(name), "refresh")
    assert ctx.store.location.display in window.store_label.text()
    assert "tester" in window.user_label.text()


def test_navigation_list_switches_pages(qtbot, ctx) -> None:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav_list.setCurrentRow([p[0] for p in PAGES].index("settings"))
    assert window.current_page_name() == "settings"
    assert window.stack.currentWidget().objectName() == "page_settings"


def test_ctrl_n_opens_a_new_complaint_editor_and_ctrl_f_the_search(qtbot, ctx) -> None:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window._editors) == 1
    window._editors[0].close()
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "complaints"


def test_open_group_shows_the_groups_page(qtbot, ctx) -> None:  # noqa: ANN001
    from greyline.services.groups import create_group

    _add(ctx, 2)
    gid, _ = create_group(ctx, "测试团伙", [1, 2])
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_group(gid)
    assert window.current_page_name() == "groups"


def test_import_action_opens_the_import_window_and_imports_in_a_worker(qtbot, ctx, tmp_path: Path,  # noqa: ANN001
                                                                       scripted) -> None:  # noqa: ANN001
    corpus = generate(40, seed=2, with_files=False)
    csv_path = tmp_path / "orders.csv"
    write_csv(corpus.rows, csv_path)
    scripted._files.append([csv_path])
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.actions["import"].trigger()
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    wizard.choose_file()
    qtbot.waitUntil(lambda: wizard.job is None and wizard.preview is not None, timeout=15000)
    wizard.next()                                   # check every row
    qtbot.waitUntil(lambda: wizard.job is None and wizard.report is not None, timeout=15000)
    assert wizard.report.valid == 40
    wizard.next()                                   # import
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=15000)
    assert count_complaints(ctx.store) == 40
    # Link detection follows in the background, with its progress in the status bar.
    qtbot.waitUntil(lambda: window.detection_job is None, timeout=60000)
    wizard.show_button.click()
    assert window.current_page_name() == "complaints"
    assert window.page("complaints").current_filter().id_range == (wizard.result.first_id, wizard.result.last_id)


def test_a_bad_file_is_reported_in_the_import_window_and_stores_nothing(qtbot, ctx, tmp_path: Path,  # noqa: ANN001
                                                                         scripted) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.csv"
    bad.write_text("工单编号,来源渠道,受理日期\nA-1,12378,not-a-date\n", encoding="utf-8")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.import_files(bad)
    wizard = window.import_wizard
    qtbot.waitUntil(lambda: wizard.job is None and wizard.preview is not None, timeout=15000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.job is None and wizard.report is not None, timeout=15000)
    assert [(p.row, p.column) for p in wizard.report.problems] == [(2, "受理日期")]
    assert not wizard.next_button.isEnabled()
    assert count_complaints(ctx.store) == 0


def test_verify_action_reports_success(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.actions["verify"].trigger()
    _wait_jobs(qtbot, window)
    assert scripted.messages[-1] == ("info", "校验通过：数据库、全部证据文件与审计链均完好。")


def test_window_size_splitter_and_page_are_remembered(qtbot, ctx) -> None:  # noqa: ANN001
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.move(10, 10)
    window.splitter.setSizes([200, 700])
    window.show_page("referrals")
    qtbot.wait(20)
    saved_geometry, saved_splitter = window.saveGeometry(), window.splitter.saveState()
    window.close()
    # The offscreen screen (800x600) clamps a restored window, so compare what was stored.
    from greyline.ui.main_window import settings

    assert settings().value("main/geometry") == saved_geometry
    assert settings().value("main/splitter") == saved_splitter
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.wait(20)
    assert again.current_page_name() == "referrals"

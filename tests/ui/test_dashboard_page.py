"""The work desk on a real store: tiles, lists, deadline colours, opening rows, loading off the GUI thread."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from greyline.domain.enums import ComplaintStatus, GroupStatus
from greyline.domain.errors import DomainError
from greyline.domain.records import ComplaintDraft
from greyline.queries import dashboard as dq
from greyline.services import groups
from greyline.services.complaints import change_status, create_complaint
from greyline.ui import prompts
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages import dashboard_page
from greyline.ui.pages.dashboard_page import DUE_SOON_COLOUR, OVERDUE_COLOUR, DashboardPage

TODAY = dt.date.today()


def _add(ctx, ext: str, deadline_days: int) -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(
        channel="12363", external_id=ext, received_at=TODAY - dt.timedelta(days=20),
        deadline_at=TODAY + dt.timedelta(days=deadline_days), text="要求停止催收")).id


@pytest.fixture
def store_ids(ctx):  # noqa: ANN001, ANN201
    ids = {"overdue": _add(ctx, "D-1", -2), "soon": _add(ctx, "D-2", 2), "later": _add(ctx, "D-3", 10)}
    closed = _add(ctx, "D-4", -8)
    v = change_status(ctx, closed, ComplaintStatus.PENDING, 1)
    v = change_status(ctx, closed, ComplaintStatus.NORMAL, v)
    change_status(ctx, closed, ComplaintStatus.CLOSED, v)
    gid, _ = groups.create_group(ctx, "某法务咨询公司", [ids["overdue"], ids["soon"]])
    groups.set_status(ctx, gid, GroupStatus.READY, 1)
    with ctx.uow() as uow:
        ids["link"] = uow.repo.upsert_link(ids["soon"], ids["later"], None, "phone", 0.9, "联系电话相同")
        uow.commit()
    ids["group"] = gid
    return ids


def _loaded_page(qtbot, ctx) -> tuple[DashboardPage, RecordingNavigator]:  # noqa: ANN001
    nav = RecordingNavigator()
    page = DashboardPage(ctx, nav)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    return page, nav


def test_tiles_and_lists(qtbot, ctx, store_ids) -> None:  # noqa: ANN001
    page, _ = _loaded_page(qtbot, ctx)
    assert page.tiles["open"].number.text() == "3"
    assert page.tiles["mine"].number.text() == "3"
    assert page.tiles["overdue"].number.text() == "1"
    assert page.tiles["due_soon"].number.text() == "1"
    assert page.tiles["ready"].number.text() == "1"
    assert page.tiles["links"].number.text() == "1"
    assert "#b3261e" in page.tiles["overdue"].number.styleSheet()
    assert page.tiles["open"].caption.text() == "未办结投诉"

    assert page.mine_model.rowCount() == 3
    assert [page.mine_model.row_at(r).id for r in range(3)] == sorted(
        (store_ids["overdue"], store_ids["soon"], store_ids["later"]), reverse=True)
    assert page.mine_model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert page.mine_model.data(page.mine_model.index(0, 2)) == "新建"
    assert page.mine_model.data(page.mine_model.index(0, 5)) == "12363 人民银行"
    assert page.links_model.rowCount() == 1 and page.groups_model.rowCount() == 1
    assert page.groups_model.data(page.groups_model.index(0, 1)) == "2"
    assert "我的待办（3）" == page.mine_box.title()
    assert "逾期 1 笔" in page.deadline_box.title() and "3 日内到期 1 笔" in page.deadline_box.title()


def test_deadline_rows_coloured_due_soon_first(qtbot, ctx, store_ids) -> None:  # noqa: ANN001
    page, _ = _loaded_page(qtbot, ctx)
    m = page.deadline_model
    assert [m.row_at(r).id for r in range(m.rowCount())] == [store_ids["soon"], store_ids["overdue"]]
    soon = m.data(m.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    late = m.data(m.index(1, 3), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(soon, QBrush) and soon.color().name() == DUE_SOON_COLOUR
    assert isinstance(late, QBrush) and late.color().name() == OVERDUE_COLOUR
    assert m.data(m.index(0, 1)) == "还剩 2 天"
    assert m.data(m.index(1, 1)) == "逾期 2 天"
    assert page.mine_model.data(page.mine_model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_double_click_opens_complaint_group_and_linked_complaint(qtbot, ctx, store_ids) -> None:  # noqa: ANN001
    page, nav = _loaded_page(qtbot, ctx)
    page.mine_table.doubleClicked.emit(page.mine_model.index(0, 0))
    page.deadline_table.doubleClicked.emit(page.deadline_model.index(1, 0))
    page.groups_table.doubleClicked.emit(page.groups_model.index(0, 0))
    page.links_table.doubleClicked.emit(page.links_model.index(0, 1))
    page.links_table.doubleClicked.emit(page.links_model.index(0, 2))
    assert nav.calls == [
        ("open_complaint", page.mine_model.row_at(0).id),
        ("open_complaint", store_ids["overdue"]),
        ("open_group", store_ids["group"]),
        ("open_complaint", store_ids["soon"]),
        ("open_complaint", store_ids["later"]),
    ]


def test_models_pass_modeltester(qtbot, qtmodeltester, ctx, store_ids) -> None:  # noqa: ANN001
    page, _ = _loaded_page(qtbot, ctx)
    for model in (page.mine_model, page.deadline_model, page.links_model, page.groups_model):
        qtmodeltester.check(model)


def test_loading_does_not_block_and_newest_refresh_wins(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    release = threading.Event()
    calls: list[int] = []

    def slow(store, user_id, today):  # noqa: ANN001, ANN202
        calls.append(1)
        n = len(calls)
        if n == 1:
            release.wait(5)  # the first load is slow and finishes last
        data = dq.dashboard(store, user_id, today)
        return dq.Dashboard(data.today, dq.DeskCounts(*([n] * 9)), (), (), (), (), ())

    monkeypatch.setattr(dashboard_page, "dashboard", slow)
    page = DashboardPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    began = time.perf_counter()
    page.refresh()
    assert time.perf_counter() - began < 0.5
    assert page.is_loading() and page.status_label.text() == "正在载入…"
    qtbot.waitUntil(lambda: len(calls) == 1)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    assert page.tiles["open"].number.text() == "2"
    release.set()
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    assert page.tiles["open"].number.text() == "2"  # the older, slower result was dropped


def test_failure_is_shown_in_plain_words(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    def broken(store, user_id, today):  # noqa: ANN001, ANN202
        raise DomainError("库暂时无法读取")

    monkeypatch.setattr(dashboard_page, "dashboard", broken)
    scripted = prompts.ScriptedPrompter()
    previous = prompts.install(scripted)
    try:
        page = DashboardPage(ctx, RecordingNavigator())
        qtbot.addWidget(page)
        page.refresh()
        qtbot.waitUntil(lambda: not page.is_loading(), timeout=5000)
    finally:
        prompts.install(previous)
    assert scripted.messages == [("warn", "库暂时无法读取")]
    assert page.status_label.text() == "载入失败" and page.refresh_button.isEnabled()

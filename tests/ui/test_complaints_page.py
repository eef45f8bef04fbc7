"""The complaint list page on a real store: masked rows, every filter, index-backed sorting with keyset
paging, groups built from a multi-selection, opening complaints, remembered header state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from greyline.domain.enums import ComplaintStatus, Indicator, RiskLevel
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.queries.groups import group_detail, list_groups
from greyline.services import groups as group_service
from greyline.services.complaints import change_status, create_complaint, set_indicator, set_risk_level
from greyline.services.importing import import_rows
from greyline.ui.complaint_table_model import PAGE, ComplaintTableModel
from greyline.ui.group_dialogs import AddToGroupDialog, GroupDialog
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages import complaints_page
from greyline.ui.pages.complaints_page import ComplaintsPage


def _add(ctx, n: int, *, channel: str = "12378", start: int = 0, day0: dt.date = dt.date(2026, 5, 1),  # noqa: ANN001
         text: str = "贵司暴力催收，要求减免罚息") -> list[int]:
    ids = []
    for i in range(start, start + n):
        ref = create_complaint(ctx, ComplaintDraft(
            channel=channel, external_id=f"{channel}-{i:05d}", received_at=day0 + dt.timedelta(days=i % 30),
            customer_name=f"客户{i}", text=f"{text} 第{i}号",
            identifiers=(IdentifierInput("mobile", f"138{i:08d}", "contact_phone"),)))
        ids.append(ref.id)
    return ids


def _bulk(ctx, n: int) -> list[int]:  # noqa: ANN001
    """Many complaints in one import (one transaction), received over 30 days."""
    rows = [[f"B-{i:05d}", "12378", (dt.date(2026, 5, 1) + dt.timedelta(days=i % 30)).isoformat(), f"客户{i}",
             "贵司暴力催收", f"139{i:08d}"] for i in range(n)]
    import_rows(ctx, ["external_id", "channel", "received_at", "customer_name", "text", "contact_phone"],
                iter(rows), "test")
    return [r.id for r in list_complaints(ctx.store, limit=n + 1)]


def _page(qtbot, ctx, nav=None) -> ComplaintsPage:  # noqa: ANN001
    page = ComplaintsPage(ctx, nav or RecordingNavigator())
    qtbot.addWidget(page)
    page.refresh()
    return page


def _settle(qtbot, page: ComplaintsPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not page.counting(), timeout=5000)


@pytest.fixture(autouse=True)
def _no_running_counts() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def _ids(page: ComplaintsPage) -> set[int]:
    return {page.model.row_at(r).id for r in range(page.model.rowCount())}


def test_lists_complaints_masked_with_a_count(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    page = _page(qtbot, ctx)
    model = page.model
    assert model.rowCount() == 3
    col = model.COLUMNS.index("contact_masked")
    assert {model.data(model.index(r, col)) for r in range(3)} == {"138****0000", "138****0001", "138****0002"}
    cells = " ".join(str(model.data(model.index(r, c))) for r in range(3) for c in range(model.columnCount()))
    assert "13800000001" not in cells
    _settle(qtbot, page)
    assert page.count_label.text() == "共 3 笔投诉"


def test_search_box_is_debounced_and_narrows(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 4)
    _add(ctx, 1, channel="12363", start=50, text="伪造的失业证明，医院公章不符")
    page = _page(qtbot, ctx)
    page.search.setText("失业证明")
    assert page.model.rowCount() == 5  # not on every keystroke
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.row_at(0).external_id == "12363-00050"
    _settle(qtbot, page)
    assert page.count_label.text() == "共 1 笔投诉"


def test_channel_filter(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    wanted = set(_add(ctx, 2, channel="12363", start=10))
    page = _page(qtbot, ctx)
    page.channel_combo.setCurrentIndex(page.channel_combo.findData("12363"))
    assert _ids(page) == wanted
    assert "人民银行" in page.model.data(page.model.index(0, page.model.COLUMNS.index("channel")))
    _settle(qtbot, page)


def test_status_filter(qtbot, ctx) -> None:  # noqa: ANN001
    ids = _add(ctx, 4)
    change_status(ctx, ids[1], ComplaintStatus.CHECKING, 1)
    page = _page(qtbot, ctx)
    page.status_combo.setCurrentIndex(page.status_combo.findText(ComplaintStatus.CHECKING.label))
    assert _ids(page) == {ids[1]}
    page.status_combo.setCurrentIndex(page.status_combo.findText(ComplaintStatus.NEW.label))
    assert _ids(page) == set(ids) - {ids[1]}
    _settle(qtbot, page)


def test_risk_level_filter(qtbot, ctx) -> None:  # noqa: ANN001
    ids = _add(ctx, 4)
    set_risk_level(ctx, ids[0], RiskLevel.LEVEL1, 1)
    set_risk_level(ctx, ids[2], RiskLevel.LEVEL2, 1)
    page = _page(qtbot, ctx)
    page.risk_combo.setCurrentIndex(page.risk_combo.findText(RiskLevel.LEVEL1.label))
    assert _ids(page) == {ids[0]}
    page.risk_combo.setCurrentIndex(page.risk_combo.findText("一级或二级"))
    assert _ids(page) == {ids[0], ids[2]}
    _settle(qtbot, page)


def test_handler_filter(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    _add(ctx, 3)
    li = user_factory("li", "handler")
    theirs = set(_add(li, 2, start=20))
    page = _page(qtbot, ctx)
    page.handler_combo.setCurrentIndex(page.handler_combo.findData(li.actor.user_id))
    assert _ids(page) == theirs
    assert page.model.data(page.model.index(0, page.model.COLUMNS.index("handler"))) == "li"
    _settle(qtbot, page)


def test_received_date_range_filter(qtbot, ctx) -> None:  # noqa: ANN001
    ids = _add(ctx, 10)  # received 2026-05-01 .. 05-10
    page = _page(qtbot, ctx)
    page.date_from.set_value(dt.date(2026, 5, 3))
    assert len(_ids(page)) == 8
    page.date_to.set_value(dt.date(2026, 5, 5))
    assert _ids(page) == set(ids[2:5])
    page.date_from.set_value(None)
    assert _ids(page) == set(ids[:5])
    assert page.date_from.text() == "不限"
    page.clear_filters()
    assert _ids(page) == set(ids)
    _settle(qtbot, page)


def test_indicator_filter(qtbot, ctx) -> None:  # noqa: ANN001
    ids = _add(ctx, 4)
    set_indicator(ctx, ids[3], Indicator.SHARED_CONTACT, "与另两笔共用电话")
    page = _page(qtbot, ctx)
    page.indicator_combo.setCurrentIndex(page.indicator_combo.findData(Indicator.SHARED_CONTACT.value))
    assert _ids(page) == {ids[3]}
    page.indicator_combo.setCurrentIndex(page.indicator_combo.findData(Indicator.REUSED_IMAGE.value))
    assert _ids(page) == set()
    _settle(qtbot, page)


def _all_rows(page: ComplaintsPage) -> list:
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sort_by_received_date_pages_through_every_row_once(qtbot, ctx, order) -> None:  # noqa: ANN001
    ids = _bulk(ctx, PAGE + 37)  # 30 distinct dates: many ties, broken by id
    page = _page(qtbot, ctx)
    header = page.table.horizontalHeader()
    header.setSortIndicator(page.model.COLUMNS.index("received_at"), order)
    descending = order == Qt.SortOrder.DescendingOrder
    assert page.model.sort_key == ("received_at", descending)
    assert page.model.rowCount() == PAGE  # one page, more on scrolling
    rows = _all_rows(page)
    assert sorted(r.id for r in rows) == sorted(ids)
    keys = [(r.received_at, r.id) for r in rows]
    assert keys == sorted(keys, reverse=descending)
    _settle(qtbot, page)


def _plain_page(store, flt: ComplaintFilter, *, limit: int, sort: str, descending: bool,  # noqa: ANN001
                after: tuple[object, int] | None) -> list[int]:
    """The ids of one page by a straightforward SELECT: every filter written as it reads, with nothing
    steering SQLite's choice of index (only the filters the test below uses)."""
    assert not (flt.indicator or flt.ids) and all(len(w) < 3 for w in flt.search.split())
    where: list[str] = []
    params: dict[str, object] = {"limit": limit}

    def param(value: object) -> str:
        key = f"p{len(params)}"
        params[key] = value.isoformat() if isinstance(value, dt.date) else value
        return ":" + key

    for column, values in (("channel", flt.channels), ("status", flt.statuses), ("risk_level", flt.risk_levels)):
        if values:
            where.append(f"{column} IN ({', '.join(param(v) for v in values)})")
    if flt.handler_id is not None:
        where.append(f"handler_id = {param(flt.handler_id)}")
    for term in flt.search.split():
        like = param(f"%{term}%")
        where.append(f"(text LIKE {like} OR notes LIKE {like} OR customer_name LIKE {like})")
    if flt.received_from is not None:
        where.append(f"received_at >= {param(flt.received_from)}")
    if flt.received_to is not None:
        where.append(f"received_at <= {param(flt.received_to)}")
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    if after is not None:
        value, last_id = after
        if sort == "id":
            where.append(f"id {op} {param(last_id)}")
        elif value is None:  # nothing compares below or above NULL
            where.append(f"({sort} IS NULL AND id {op} {param(last_id)})")
        else:
            v = param(value)
            where.append(f"({sort} {op} {v} OR ({sort} = {v} AND id {op} {param(last_id)}))")
    order = f"id {direction}" if sort == "id" else f"{sort} {direction}, id {direction}"
    sql = (f"SELECT id FROM complaints {'WHERE ' + ' AND '.join(where) if where else ''} "
           f"ORDER BY {order} LIMIT :limit")
    with store.read_engine.connect() as conn:
        return list(conn.execute(text(sql), params).scalars())


def test_list_complaints_returns_what_a_plain_query_returns(ctx, user_factory) -> None:  # noqa: ANN001
    """list_complaints steers SQLite onto the sort order's index (so deep pages cost no more than the
    first); the pages it returns are those of a plain SELECT."""
    ids = _bulk(ctx, 60)
    li = user_factory("li", "handler")
    _add(li, 5, channel="12363", start=100)
    change_status(ctx, ids[3], ComplaintStatus.CHECKING, 1)
    set_risk_level(ctx, ids[4], RiskLevel.LEVEL1, 1)
    filters = [ComplaintFilter(), ComplaintFilter(channels=("12363",)), ComplaintFilter(statuses=("new",)),
               ComplaintFilter(statuses=("new", "checking")), ComplaintFilter(risk_levels=("level1",)),
               ComplaintFilter(handler_id=li.actor.user_id), ComplaintFilter(search="暴力", statuses=("checking",)),
               ComplaintFilter(received_from=dt.date(2026, 5, 3), received_to=dt.date(2026, 5, 9))]
    for flt in filters:
        assert list_complaints(ctx.store, flt, limit=1), flt  # every filter finds something to compare
        for sort in ("id", "received_at", "deadline_at"):
            for descending in (True, False):
                after = None
                for _ in range(4):
                    kw = {"limit": 7, "sort": sort, "descending": descending, "after": after}
                    page = list_complaints(ctx.store, flt, **kw)
                    assert [r.id for r in page] == _plain_page(ctx.store, flt, **kw), (flt, sort, descending)
                    if not page:
                        break
                    last = page[-1]
                    after = (last.id if sort == "id" else getattr(last, sort), last.id)


def test_sort_by_deadline_and_unsortable_columns(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 12)
    page = _page(qtbot, ctx)
    header = page.table.horizontalHeader()
    deadline_col = page.model.COLUMNS.index("deadline_at")
    header.setSortIndicator(deadline_col, Qt.SortOrder.AscendingOrder)
    rows = _all_rows(page)
    assert [(r.deadline_at, r.id) for r in rows] == sorted((r.deadline_at, r.id) for r in rows)
    # A column without an index keeps the current order and the arrow where it was.
    header.setSortIndicator(page.model.COLUMNS.index("customer_name"), Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == ("deadline_at", False)
    assert header.sortIndicatorSection() == deadline_col
    header.setSortIndicator(page.model.COLUMNS.index("reference"), Qt.SortOrder.AscendingOrder)
    assert [page.model.row_at(r).id for r in range(12)] == sorted(_ids(page))
    _settle(qtbot, page)


def test_sort_and_widths_are_remembered(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    page = _page(qtbot, ctx)
    col = page.model.COLUMNS.index("received_at")
    page.table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    page.table.setColumnWidth(page.model.COLUMNS.index("customer_name"), 177)
    page.save_view_state()
    _settle(qtbot, page)
    again = _page(qtbot, ctx)
    assert again.model.sort_key == ("received_at", False)
    assert again.table.horizontalHeader().sortIndicatorSection() == col
    assert again.table.columnWidth(again.model.COLUMNS.index("customer_name")) == 177
    _settle(qtbot, again)


def test_deadline_colours_and_legend(qtbot, ctx) -> None:  # noqa: ANN001
    today = dt.date.today()
    for ext, deadline in (("late", today - dt.timedelta(days=2)), ("soon", today + dt.timedelta(days=2)),
                          ("fine", today + dt.timedelta(days=10))):
        create_complaint(ctx, ComplaintDraft(channel="12378", external_id=ext, received_at=today - dt.timedelta(days=20),
                                             text="催收", deadline_at=deadline))
    page = _page(qtbot, ctx)
    col = page.model.COLUMNS.index("deadline_at")
    colours = {}
    for r in range(3):
        brush = page.model.data(page.model.index(r, col), Qt.ItemDataRole.BackgroundRole)
        colours[page.model.row_at(r).external_id] = brush.color().name() if brush is not None else None
    assert colours == {"late": complaints_page.OVERDUE.name(), "soon": complaints_page.DUE_SOON.name(), "fine": None}
    assert "已超期" in page.model.data(page.model.index(
        [page.model.row_at(r).external_id for r in range(3)].index("late"), col), Qt.ItemDataRole.ToolTipRole)
    texts = " ".join(w.text() for w in page.findChildren(type(page.count_label)))
    assert "已超期" in texts and "3 天内到期" in texts
    _settle(qtbot, page)


def _select_rows(page: ComplaintsPage, rows: list[int]) -> None:
    sel = page.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_multi_select_builds_a_group(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    _add(ctx, 5)
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    assert page.table.selectionMode() == page.table.SelectionMode.ExtendedSelection
    assert not page.group_button.isEnabled()
    _select_rows(page, [0, 2, 3])
    assert page.group_button.isEnabled()
    assert "已选 3 笔" in page.selection_label.text()
    chosen = page.selected_ids()
    assert len(chosen) == 3

    class FilledIn(GroupDialog):
        def exec(self) -> int:
            assert self.members.count() == 3
            assert not self.buttons.button(self.buttons.StandardButton.Ok).isEnabled()
            self.title_edit.setText("华强北某咨询公司团伙")
            self.summary_edit.setPlainText("共用同一联系电话")
            self.buttons.button(self.buttons.StandardButton.Ok).click()
            return self.result()

    monkeypatch.setattr(complaints_page, "GroupDialog", FilledIn)
    page.new_group_from_selection()
    (group,) = list_groups(ctx.store)
    detail = group_detail(ctx.store, group.id)
    assert detail.title == "华强北某咨询公司团伙" and detail.summary == "共用同一联系电话"
    assert {m.id for m in detail.members} == set(chosen)
    assert ("open_group", group.id) in nav.calls and ("data_changed", None) in nav.calls
    _settle(qtbot, page)


def test_group_dialog_accept_and_cancel(qtbot, ctx) -> None:  # noqa: ANN001
    ids = _add(ctx, 3)
    cancelled = GroupDialog(ctx, ids)
    qtbot.addWidget(cancelled)
    cancelled.title_edit.setText("不会保存")
    cancelled.buttons.button(cancelled.buttons.StandardButton.Cancel).click()
    assert cancelled.result() == QDialog.DialogCode.Rejected
    assert list_groups(ctx.store) == [] and cancelled.created_group_id is None

    dialog = GroupDialog(ctx, ids[:2])
    qtbot.addWidget(dialog)
    refs = {r.reference for r in list_complaints(ctx.store, ComplaintFilter(ids=tuple(ids[:2])))}
    shown = " ".join(dialog.members.item(i).text() for i in range(dialog.members.count()))
    assert all(ref in shown for ref in refs)
    dialog.title_edit.setText("  测试团伙  ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = group_detail(ctx.store, dialog.created_group_id)
    assert detail.reference == dialog.created_reference and detail.title == "测试团伙"
    assert {m.id for m in detail.members} == set(ids[:2])


def test_add_to_existing_group_dialog(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    ids = _add(ctx, 4)
    gid, ref = group_service.create_group(ctx, "已有团伙", [ids[0]])
    group_service.create_group(ctx, "另一个团伙", [])

    cancelled = AddToGroupDialog(ctx, ids[1:])
    qtbot.addWidget(cancelled)
    assert cancelled.select_group(gid)
    cancelled.reject()
    assert len(group_detail(ctx.store, gid).members) == 1

    dialog = AddToGroupDialog(ctx, [ids[0], ids[1], ids[2]])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.model.rowCount() == 2 and not ok.isEnabled()
    dialog.search.setText("已有")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=3000)
    assert ok.isEnabled()  # the only match is preselected
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.group_id, dialog.group_reference, dialog.added) == (gid, ref, 2)
    assert {m.id for m in group_detail(ctx.store, gid).members} == set(ids[:3])


def test_page_adds_selection_to_existing_group(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    ids = _add(ctx, 3)
    gid, _ = group_service.create_group(ctx, "已有团伙", [])
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    _select_rows(page, [0, 1])

    class Chosen(AddToGroupDialog):
        def exec(self) -> int:
            self.select_group(gid)
            self.accept()
            return self.result()

    monkeypatch.setattr(complaints_page, "AddToGroupDialog", Chosen)
    page.add_selection_to_group()
    assert len(group_detail(ctx.store, gid).members) == 2
    assert any(kind == "status" and "已将 2 笔投诉加入" in str(text) for kind, text in nav.calls)
    _settle(qtbot, page)


def test_nothing_selected_says_so(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    _add(ctx, 2)
    page = _page(qtbot, ctx)
    page.new_group_from_selection()
    assert prompter.messages and prompter.messages[0][0] == "info"
    assert list_groups(ctx.store) == []
    _settle(qtbot, page)


def test_handler_cannot_build_groups(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    _add(ctx, 2)
    page = _page(qtbot, user_factory("wang", "handler"))
    _select_rows(page, [0, 1])
    assert not page.group_button.isEnabled()
    _settle(qtbot, page)


def test_double_click_and_enter_open_the_complaint(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    page.show()
    qtbot.waitExposed(page)
    index = page.model.index(1, 0)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.calls.count(("open_complaint", page.model.row_at(1).id)) == 1
    nav.calls.clear()
    page.table.setCurrentIndex(page.model.index(2, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert nav.calls == [("open_complaint", page.model.row_at(2).id)]
    _settle(qtbot, page)


def test_focus_search(qtbot, ctx) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.show()
    qtbot.waitExposed(page)
    page.search.setText("abc")
    page.focus_search()
    # Offscreen windows are never active, so ask which child last took the focus.
    assert page.focusWidget() is page.search and page.search.selectedText() == "abc"
    _settle(qtbot, page)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    ids = _bulk(ctx, PAGE + 5)
    model = ComplaintTableModel(
        lambda flt, limit, after, sort, descending: list_complaints(
            ctx.store, flt, limit=limit, after=after, sort=sort, descending=descending), sortable=True)
    model.set_sort("received_at", False)
    assert model.rowCount() == 0  # nothing read before the first filter
    model.set_filter(ComplaintFilter())
    qtmodeltester.check(model)
    group_service.create_group(ctx, "团伙", ids[:3])
    dialog = AddToGroupDialog(ctx, ids[3:5])
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)

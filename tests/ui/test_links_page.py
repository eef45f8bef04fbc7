"""Links page: recorded links listed with reasons; confirm and reject update the status."""

from __future__ import annotations

import datetime as dt

from greyline.domain.records import ComplaintDraft
from greyline.queries.links import list_links
from greyline.services.complaints import create_complaint
from greyline.services.links import add_manual_link
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.links_page import LinksPage


def _two(ctx):  # noqa: ANN001, ANN202
    a = create_complaint(ctx, ComplaintDraft("12378", "L-1", dt.date(2026, 5, 1)))
    b = create_complaint(ctx, ComplaintDraft("12363", "L-2", dt.date(2026, 5, 2)))
    return a, b


def test_links_are_listed_and_can_be_rejected(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    a, b = _two(ctx)
    add_manual_link(ctx, a.id, b.id, "同一代理人电话")
    nav = RecordingNavigator()
    page = LinksPage(ctx, nav)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 1
    assert {page.model.data(page.model.index(0, c)) for c in range(6)} >= {a.reference, b.reference, "同一代理人电话", "已确认"}
    qtmodeltester.check(page.model)
    page.table.selectRow(0)
    page.reject_button.click()
    assert list_links(ctx.store)[0].status == "rejected"
    assert ("data_changed", None) in nav.calls
    page.table.doubleClicked.emit(page.model.index(0, 1))
    assert nav.calls[-1] == ("open_complaint", b.id)


def test_status_filter(qtbot, ctx) -> None:  # noqa: ANN001
    a, b = _two(ctx)
    add_manual_link(ctx, a.id, b.id, "同一地址")
    page = LinksPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    page.status_filter.setCurrentIndex(page.status_filter.findData("suggested"))
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("confirmed"))
    assert page.model.rowCount() == 1

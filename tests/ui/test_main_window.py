"""The first window on a real store: rows shown masked, search narrows the list, paging, model checks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex

from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.services.complaints import create_complaint
from greyline.ui.complaint_table_model import PAGE, ComplaintTableModel
from greyline.ui.main_window import MainWindow


def _add(ctx, n: int, text: str = "贵司暴力催收，要求减免罚息") -> None:  # noqa: ANN001
    for i in range(n):
        create_complaint(ctx, ComplaintDraft(
            channel="12378", external_id=f"W-{i:05d}", received_at=dt.date(2026, 5, 1) + dt.timedelta(days=i % 30),
            customer_name=f"客户{i}", text=f"{text} 第{i}号",
            identifiers=(IdentifierInput("mobile", f"138{i:08d}", "contact_phone"),)))


def test_window_lists_complaints_with_masked_phone(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 3)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    model = window.model
    assert model.rowCount() == 3
    phones = {model.data(model.index(r, model.COLUMNS.index("contact_masked"))) for r in range(3)}
    assert phones == {"138****0000", "138****0001", "138****0002"}
    assert "共 3 笔投诉" in window.count_label.text()
    assert ctx.store.location.display in " ".join(w.text() for w in window.statusBar().findChildren(type(window.count_label)))


def test_search_box_narrows_the_list(qtbot, ctx) -> None:  # noqa: ANN001
    _add(ctx, 4)
    create_complaint(ctx, ComplaintDraft(channel="12363", external_id="X-1", received_at=dt.date(2026, 6, 1),
                                         text="伪造的失业证明，医院公章不符"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 5
    window.search.setText("失业证明")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.row_at(0).external_id == "X-1"
    window.search.setText("不存在的文字")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=3000)


def test_model_pages_with_fetch_more_and_passes_modeltester(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    _add(ctx, PAGE + 15)
    model = ComplaintTableModel(lambda flt, limit, after: list_complaints(ctx.store, flt, limit=limit, after=after))
    model.set_filter(ComplaintFilter())
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE + 15
    assert not model.canFetchMore(QModelIndex())
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids) and ids == sorted(ids, reverse=True)
    qtmodeltester.check(model)

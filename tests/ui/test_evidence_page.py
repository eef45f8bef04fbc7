"""The evidence page and its queries: every item, paged; search and kind filter; double-click views; the
owning complaint or group opens through the navigator; details carry attachments and custody."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex

from greyline.domain.enums import EvidenceKind
from greyline.domain.records import ComplaintDraft
from greyline.queries.evidence import EvidenceFilter, all_evidence, count_evidence, evidence_detail, evidence_for
from greyline.services.complaints import create_complaint
from greyline.services.evidence import attach_bytes
from greyline.services.groups import create_group
from greyline.ui import prompts
from greyline.ui import evidence_panel
from greyline.ui.evidence_panel import EvidenceTableModel
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.evidence_page import EvidencePage
from greyline.ui.viewers import EvidenceViewerDialog


@pytest.fixture(autouse=True)
def prompter():  # noqa: ANN201
    p = prompts.ScriptedPrompter()
    previous = prompts.install(p)
    yield p
    prompts.install(previous)


def _complaint(ctx, ext: str) -> tuple[int, str]:  # noqa: ANN001
    ref = create_complaint(ctx, ComplaintDraft(channel="12378", external_id=ext, received_at=dt.date(2026, 5, 1),
                                               customer_name="赵六", text="投诉"))
    return ref.id, ref.reference


@pytest.fixture
def corpus(ctx):  # noqa: ANN001, ANN201
    c1, r1 = _complaint(ctx, "P-1")
    c2, r2 = _complaint(ctx, "P-2")
    gid, gref = create_group(ctx, "某代理团伙", [c1, c2])
    ids = {
        "cert": attach_bytes(ctx, b"cert", "失业证明.png", EvidenceKind.DOCUMENT, complaint_id=c1,
                             note="伪造的失业证明 100%_印章").id,
        "call": attach_bytes(ctx, b"call", "通话录音_1.wav", EvidenceKind.RECORDING, complaint_id=c2).id,
        "chat": attach_bytes(ctx, b"chat", "聊天记录.txt", EvidenceKind.CHAT, group_id=gid).id,
    }
    return {"c1": c1, "r1": r1, "c2": c2, "r2": r2, "gid": gid, "gref": gref, **ids}


# ============================================================================ queries
def test_queries_list_search_and_filter(ctx, corpus) -> None:  # noqa: ANN001
    rows = all_evidence(ctx.store)
    assert [r.id for r in rows] == [corpus["chat"], corpus["call"], corpus["cert"]]
    by_id = {r.id: r for r in rows}
    assert by_id[corpus["cert"]].attached_to == corpus["r1"] and by_id[corpus["cert"]].complaint_ids == (corpus["c1"],)
    assert by_id[corpus["chat"]].attached_to == corpus["gref"] and by_id[corpus["chat"]].group_ids == (corpus["gid"],)
    assert by_id[corpus["call"]].short_hash == by_id[corpus["call"]].sha256[:12]

    def ids(**kw) -> set[int]:  # noqa: ANN003
        return {r.id for r in all_evidence(ctx.store, EvidenceFilter(**kw))}

    assert ids(search="失业") == {corpus["cert"]}
    assert ids(search="伪造") == {corpus["cert"]}               # description
    assert ids(search="100%_") == {corpus["cert"]}              # wildcards are literal
    assert ids(search="%") == {corpus["cert"]}
    assert ids(search=corpus["r2"]) == {corpus["call"]}         # a complaint reference
    assert ids(search=corpus["gref"].lower()) == {corpus["chat"]}
    assert ids(search=by_id[corpus["call"]].sha256[:8]) == {corpus["call"]}
    assert ids(kinds=("recording", "chat")) == {corpus["call"], corpus["chat"]}
    assert ids(search="录音", kinds=("chat",)) == set()
    assert count_evidence(ctx.store, EvidenceFilter(search="证明")) == 1
    assert [r.id for r in all_evidence(ctx.store, limit=2)] == [corpus["chat"], corpus["call"]]
    assert [r.id for r in all_evidence(ctx.store, limit=2, after=corpus["call"])] == [corpus["cert"]]
    assert [r.id for r in evidence_for(ctx.store, complaint_id=corpus["c1"])] == [corpus["cert"]]
    assert [r.id for r in evidence_for(ctx.store, group_id=corpus["gid"])] == [corpus["chat"]]
    assert evidence_for(ctx.store) == []


def test_detail_has_every_field_attachments_and_custody(ctx, corpus) -> None:  # noqa: ANN001
    d = evidence_detail(ctx.store, corpus["cert"])
    assert (d.original_name, d.kind, d.legal_kind, d.media_type, d.size) == (
        "失业证明.png", "document", "documentary", "image/png", 4)
    assert d.description == "伪造的失业证明 100%_印章" and d.is_original and d.created_by == "tester"
    assert len(d.sha256) == 64 and len(d.sm3) == 64 and d.short_hash == d.sha256[:12]
    assert [c.reference for c in d.complaints] == [corpus["r1"]] and d.complaints[0].title == "赵六"
    assert d.groups == ()
    assert [(c.action, c.user) for c in d.custody] == [("added", "tester")]
    assert d.custody[0].detail.startswith("sha256=")


# ============================================================================ page
def _page(qtbot, ctx, nav: RecordingNavigator | None = None) -> EvidencePage:  # noqa: ANN001
    page = EvidencePage(ctx, nav or RecordingNavigator())
    qtbot.addWidget(page)
    page.refresh()
    return page


def _names(page: EvidencePage) -> list[str]:
    return [page.model.row_at(r).original_name for r in range(page.model.rowCount())]


def test_page_lists_everything_and_filters(qtbot, ctx, corpus) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    assert _names(page) == ["聊天记录.txt", "通话录音_1.wav", "失业证明.png"]
    assert page.count_label.text() == "共 3 件证据"
    col = page.model.columns.index("attached_to")
    assert page.model.data(page.model.index(2, col)) == corpus["r1"]

    page.search.setText("录音")
    qtbot.waitUntil(lambda: _names(page) == ["通话录音_1.wav"], timeout=3000)
    assert page.count_label.text() == "共 1 件证据"
    page.search.clear()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(EvidenceKind.DOCUMENT.value))
    assert _names(page) == ["失业证明.png"]


def test_double_click_views_and_owner_opens_through_the_navigator(qtbot, ctx, corpus) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    assert not page.open_button.isEnabled() and not page.view_button.isEnabled()

    page.table.selectRow(2)  # the certificate, attached to complaint 1
    page.open_button.click()
    assert nav.calls[-1] == ("open_complaint", corpus["c1"])

    page.table.selectRow(0)  # the chat, attached to the group only
    assert page.open_button.text() == "打开所属团伙/案件"
    page.open_button.click()
    assert nav.calls[-1] == ("open_group", corpus["gid"])

    page.table.doubleClicked.emit(page.model.index(1, 0))
    dialog = page.viewer_dialog
    assert isinstance(dialog, EvidenceViewerDialog) and dialog.detail.id == page.model.row_at(1).id
    dialog.close()
    assert [c.action for c in evidence_detail(ctx.store, corpus["call"]).custody] == ["added", "viewed"]


def test_edit_from_the_page_saves_and_refreshes(qtbot, ctx, corpus) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    page.table.selectRow(1)
    dialog = page.edit_selected()
    dialog.purpose.setPlainText("证明冒充客户")
    dialog.save()
    assert evidence_detail(ctx.store, corpus["call"]).purpose == "证明冒充客户"
    assert page.model.row_at(1).version == 2
    assert ("data_changed", None) in nav.calls


def test_page_model_pages_with_fetch_more_and_passes_modeltester(qtbot, qtmodeltester, ctx,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(evidence_panel, "PAGE", 5)  # a small page keeps the test fast; the logic is the same
    PAGE = evidence_panel.PAGE  # noqa: N806
    cid, _ = _complaint(ctx, "M-1")
    for i in range(PAGE + 7):
        attach_bytes(ctx, f"item {i}".encode(), f"文件{i}.txt", EvidenceKind.OTHER, complaint_id=cid)
    model = EvidenceTableModel(lambda limit, after: all_evidence(ctx.store, EvidenceFilter(), limit, after),
                               EvidenceTableModel.PAGE_COLUMNS)
    model.reload()
    assert model.rowCount() == PAGE and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE + 7
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert ids == sorted(set(ids), reverse=True)
    qtmodeltester.check(model)

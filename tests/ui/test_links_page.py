"""The link graph page: graph and group proposals loaded in workers, confirming a proposal through its
dialog (and cancelling it), the list of links with confirm and reject, locating a complaint, opening
nodes, the empty state and the full detection run."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from greyline.domain.records import ComplaintDraft
from greyline.queries.groups import group_detail, list_groups
from greyline.queries.links import list_links
from greyline.services.complaints import create_complaint
from greyline.services.context import ServiceContext, sign_in
from greyline.services.demo import load_demo
from greyline.services.detection import group_proposals
from greyline.services.links import add_manual_link
from greyline.storage.db import open_store
from greyline.storage.location import resolve
from greyline.ui import detection_runner, prompts
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages import links_page
from greyline.ui.pages.links_page import LinksPage, ProposalDialog
from greyline.ui.workers import start


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store (120 complaints, no files) built once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("links_page_demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GREYLINE_DATA_DIR", str(folder / "userdata"))
        store = open_store(resolve(str(folder / "store" / "greyline.sqlite")), create=True)
        load_demo(sign_in(store, "tester"), 120, 7, with_files=False)
        store.dispose()
    return folder


@pytest.fixture
def demo(demo_dir: Path, tmp_path: Path) -> Iterator[ServiceContext]:
    shutil.copytree(demo_dir / "store", tmp_path / "demo")
    store = open_store(resolve(str(tmp_path / "demo" / "greyline.sqlite")))
    yield sign_in(store, "tester")
    store.dispose()


@pytest.fixture
def scripted() -> Iterator[prompts.ScriptedPrompter]:
    prompter = prompts.ScriptedPrompter()
    previous = prompts.install(prompter)
    yield prompter
    prompts.install(previous)


def _page(qtbot, ctx: ServiceContext, nav: RecordingNavigator | None = None) -> LinksPage:  # noqa: ANN001
    page = LinksPage(ctx, nav or RecordingNavigator())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.refresh()
    _settle(qtbot, page)
    return page


def _settle(qtbot, page: LinksPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=15000)


def _two(ctx: ServiceContext):  # noqa: ANN202
    a = create_complaint(ctx, ComplaintDraft("12378", "L-1", dt.date(2026, 5, 1)))
    b = create_complaint(ctx, ComplaintDraft("12363", "L-2", dt.date(2026, 5, 2)))
    return a, b


# ---------------------------------------------------------------------- empty store and the list tab


def test_empty_store_explains_where_links_come_from(qtbot, ctx) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    assert page.graph_stack.currentWidget() is page.empty_label
    text = page.empty_label.text()
    assert all(word in text for word in ("电话", "地址", "文本", "声音", "图片"))
    assert page.proposal_model.rowCount() == 0 and "暂无团伙建议" in page.proposal_info.text()


def test_links_are_listed_and_can_be_rejected(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    a, b = _two(ctx)
    add_manual_link(ctx, a.id, b.id, "同一代理人电话")
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    assert page.model.rowCount() == 1
    assert {page.model.data(page.model.index(0, c)) for c in range(6)} >= {a.reference, b.reference, "同一代理人电话", "已确认"}
    qtmodeltester.check(page.model)
    assert page.graph_stack.currentWidget() is page.view and set(page.view.nodes) == {f"c:{a.id}", f"c:{b.id}"}
    page.table.selectRow(0)
    page.reject_button.click()
    assert list_links(ctx.store)[0].status == "rejected"
    assert ("data_changed", None) in nav.calls
    _settle(qtbot, page)
    assert page.view.nodes == {}       # rejected links are not drawn by default
    page.table.doubleClicked.emit(page.model.index(0, 1))
    assert nav.calls[-1] == ("open_complaint", b.id)


def test_status_filter(qtbot, ctx) -> None:  # noqa: ANN001
    a, b = _two(ctx)
    add_manual_link(ctx, a.id, b.id, "同一地址")
    page = _page(qtbot, ctx)
    page.status_filter.setCurrentIndex(page.status_filter.findData("suggested"))
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("confirmed"))
    assert page.model.rowCount() == 1


def test_confirm_a_suggested_link_in_the_list(qtbot, demo) -> None:  # noqa: ANN001
    page = _page(qtbot, demo)
    page.status_filter.setCurrentIndex(page.status_filter.findData("suggested"))
    link = page.model.rows[0]
    page.table.selectRow(0)
    page.confirm_button.click()
    assert next(r for r in list_links(demo.store) if r.id == link.id).status == "confirmed"
    _settle(qtbot, page)


# ---------------------------------------------------------------------- graph and proposals


def test_graph_and_proposals_load(qtbot, qtmodeltester, demo) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, demo, nav)
    assert page.graph_stack.currentWidget() is page.view
    assert any(k.startswith("c:") for k in page.view.nodes) and page.view.edge_items
    assert "笔投诉" in page.graph_info.text()
    expected = group_proposals(demo)
    assert expected and [p.key for p in page.proposal_model.rows] == [p.key for p in expected]
    qtmodeltester.check(page.proposal_model)
    qtmodeltester.check(page.model)
    page.proposal_table.selectRow(0)
    members = {f"c:{m.complaint_id}" for m in expected[0].members}
    assert {k for k, item in page.view.nodes.items() if item.marked} == members & set(page.view.nodes)
    assert expected[0].members[0].reference in page.proposal_info.text()
    assert page.confirm_proposal_button.isEnabled()
    page.view.nodeActivated.emit("complaint", 5)
    page.view.nodeActivated.emit("group", 1)
    page.view.nodeActivated.emit("identifier", 3)
    assert nav.calls[-2:] == [("open_complaint", 5), ("open_group", 1)]


def test_filters_reload_the_graph(qtbot, demo) -> None:  # noqa: ANN001
    page = _page(qtbot, demo)
    page._check_all_kinds(False)
    _settle(qtbot, page)
    assert page.graph_stack.currentWidget() is page.empty_label
    assert "筛选条件" in page.empty_label.text()
    page.kind_actions["phone"].setChecked(True)
    _settle(qtbot, page)
    assert page.kind_button.text() == "已选 1 类"
    kinds = {e.kind for item in page.view.edge_items for e in item.edges}
    assert kinds == {"phone"}


def test_locate_a_complaint(qtbot, demo, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, demo)
    member = page.proposal_model.rows[0].members[0]
    page.locate_edit.setText(member.reference)
    page.locate_button.click()
    _settle(qtbot, page)
    assert page.around_complaint == member.complaint_id
    assert page.graph_layout.data.centre == f"c:{member.complaint_id}"
    assert page.view.selected_key() == f"c:{member.complaint_id}"
    assert member.reference in page.graph_info.text() and page.show_all_button.isEnabled()
    page.locate_edit.setText("GL-1999-999999")
    page.locate_button.click()
    assert scripted.messages and scripted.messages[-1][0] == "warn"
    assert page.around_complaint == member.complaint_id
    page.show_all_button.click()
    _settle(qtbot, page)
    assert page.around_complaint is None and page.graph_layout.data.centre is None


class _Filled(ProposalDialog):
    """The dialog as a person fills it in: a new name, then OK."""

    def exec(self) -> int:
        self.title_edit.setText("深圳某咨询公司代理投诉团伙")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return self.result()


class _Cancelled(ProposalDialog):
    def exec(self) -> int:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return self.result()


def test_confirming_a_proposal_builds_the_group(qtbot, demo, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(links_page, "ProposalDialog", _Filled)
    nav = RecordingNavigator()
    page = _page(qtbot, demo, nav)
    before = {g.id for g in list_groups(demo.store)}
    page.proposal_table.selectRow(0)
    proposal = page.selected_proposal()
    page.confirm_proposal_button.click()
    new = [g for g in list_groups(demo.store) if g.id not in before]
    assert len(new) == 1
    detail = group_detail(demo.store, new[0].id)
    assert detail.title == "深圳某咨询公司代理投诉团伙"
    assert {m.id for m in detail.members} == {m.complaint_id for m in proposal.members}
    assert ("open_group", new[0].id) in nav.calls and ("data_changed", None) in nav.calls
    _settle(qtbot, page)
    assert proposal.key not in {p.key for p in page.proposal_model.rows}


def test_cancelling_the_proposal_dialog_creates_nothing(qtbot, demo, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(links_page, "ProposalDialog", _Cancelled)
    nav = RecordingNavigator()
    page = _page(qtbot, demo, nav)
    before = list_groups(demo.store)
    page.proposal_table.selectRow(0)
    page.confirm_proposal_button.click()
    assert list_groups(demo.store) == before
    assert not [c for c in nav.calls if c[0] in ("open_group", "data_changed")]


def test_proposal_dialog_prefills_and_requires_a_name(qtbot, demo) -> None:  # noqa: ANN001
    proposal = group_proposals(demo)[0]
    dialog = ProposalDialog(demo, proposal)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == proposal.title
    assert dialog.members.count() == len(proposal.members)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.title_edit.setText("  ")
    assert not ok.isEnabled()
    dialog.title_edit.setText("团伙甲")
    dialog.summary_edit.setPlainText("共用联系电话，文本雷同")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = group_detail(demo.store, dialog.created_group_id)
    assert (detail.title, detail.summary) == ("团伙甲", "共用联系电话，文本雷同")
    assert any(s.role == "suspected_agent" for s in detail.suspects) == bool(proposal.identifiers)


# ---------------------------------------------------------------------- full detection


def test_full_detection_runs_and_reports(qtbot, demo) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, demo, nav)
    page.detect_button.click()
    assert not page.detect_button.isEnabled()
    qtbot.waitUntil(lambda: page.detection_job is None, timeout=30000)
    status = [text for name, text in nav.calls if name == "status"]
    assert status and status[-1].startswith("检测投诉 120 笔")
    assert ("data_changed", None) in nav.calls and page.detect_button.isEnabled()
    _settle(qtbot, page)


def test_full_detection_can_be_cancelled(qtbot, demo, monkeypatch) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, demo, nav)
    links_before = list_links(demo.store, limit=5000)
    held = []
    monkeypatch.setattr(detection_runner, "start", held.append)   # the person presses Cancel before it gets going
    page.run_detection()
    page.progress_dialog.canceled.emit()
    start(held[0])
    qtbot.waitUntil(lambda: page.detection_job is None, timeout=30000)
    assert ("status", "已取消重新检测，未做任何改动。") in nav.calls
    assert list_links(demo.store, limit=5000) == links_before

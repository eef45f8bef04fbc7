"""The complaint editor on a real store: new and edit, live checks, conflicts, indicators, status choices,
tabs, unmasking, Ctrl+S, cancel, and the table models it adds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from greyline.domain.enums import (
    COMPLAINT_TRANSITIONS,
    ComplaintStatus,
    ContactDirection,
    ContactKind,
    IdentifierType,
    Indicator,
    IndicatorSource,
    LinkStatus,
    RiskLevel,
)
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaint_detail import (
    complaint_detail,
    complaint_history,
    complaint_links,
    contact_logs,
)
from greyline.queries.complaints import count_complaints
from greyline.services import complaints as svc
from greyline.services import links as link_service
from greyline.ui import prompts
from greyline.ui.complaint_editor import ComplaintEditor, contact_model, history_model, link_model
from greyline.ui.contact_dialog import ContactDialog
from greyline.ui.navigation import RecordingNavigator

VALID_ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """Window geometry goes to a temporary folder, never to the tester's own settings."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


def _script(prompter: prompts.ScriptedPrompter, *answers: bool) -> None:
    prompter._confirm.extend(answers)


def _create(ctx, ext: str = "W-1", text: str = "贵司暴力催收，要求减免罚息", phone: str = "13812345678",  # noqa: ANN001
            **kw) -> int:
    draft = ComplaintDraft(channel="12378", external_id=ext, received_at=dt.date.today() - dt.timedelta(days=2),
                           customer_name="张三", text=text,
                           identifiers=(IdentifierInput("mobile", phone, "customer_phone"),), **kw)
    return svc.create_complaint(ctx, draft).id


def _editor(qtbot, ctx, complaint_id: int | None,  # noqa: ANN001
            nav: RecordingNavigator | None = None) -> ComplaintEditor:
    editor = ComplaintEditor(ctx, complaint_id, nav or RecordingNavigator())
    # Closing at teardown must not ask about edits a test left behind.
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_clean", w._snapshot()))
    editor.show()
    return editor


# ---------------------------------------------------------------------- new complaint
def test_new_complaint_filled_in_and_saved(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    editor = _editor(qtbot, ctx, None, nav)
    assert editor.windowTitle() == "新建投诉"
    assert not editor.save_button.isEnabled()  # no work-order number yet
    assert all(not editor.tabs.isTabEnabled(i) for i in range(1, editor.tabs.count()))

    editor.channel.setCurrentIndex(editor.channel.findData("12363"))
    qtbot.keyClicks(editor.external_id, "YH-2026-0001")
    editor.received_at.setDate(QDate.currentDate().addDays(-3))
    editor.customer_name.insert("李四")
    qtbot.keyClicks(editor.customer_id_number, VALID_ID)
    assert "女" in editor.hints["customer_id_number"].text()
    assert "1949-12-31" in editor.hints["customer_id_number"].text()
    qtbot.keyClicks(editor.customer_phone, "13812345678")
    qtbot.keyClicks(editor.contact_phone, "17012345678")
    assert "虚拟运营商" in editor.hints["contact_phone"].text()
    row = editor.add_identifier_row()
    qtbot.keyClicks(row.value, "Agent@Example.com")
    wechat = editor.add_identifier_row()
    wechat.set_type(IdentifierType.WECHAT)
    qtbot.keyClicks(wechat.value, "wxid_agent001")
    qtbot.keyClicks(editor.contract_no, "HT-9")
    qtbot.keyClicks(editor.overdue_amount, "3,140.57")
    editor.text.setPlainText("代理人要求全额减免罚息，否则向媒体曝光。")
    editor.notes.setPlainText("来电者自称律师")
    editor.demand_boxes["减免罚息"].setChecked(True)
    editor.demand_boxes["停止催收"].setChecked(True)
    editor.other_demands.setText("道歉；减免罚息")
    editor.category.setCurrentIndex(editor.category.findData("催收方式投诉"))
    line = editor.indicator_lines[Indicator.AGENT_IN_NAME]
    line.box.setChecked(True)
    line.note.insert("无授权委托书")
    editor.indicator_lines[Indicator.DEMANDS].box.setChecked(True)
    editor.status.setCurrentIndex(editor.status.findData(ComplaintStatus.CHECKING.value))
    editor.risk_level.setCurrentIndex(editor.risk_level.findData(RiskLevel.LEVEL2.value))
    assert editor.save_button.isEnabled(), editor.summary.text()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    cid = editor.complaint_id
    assert cid is not None
    d = complaint_detail(ctx.store, cid)
    assert d.channel == "12363" and d.external_id == "YH-2026-0001"
    assert d.received_at == dt.date.today() - dt.timedelta(days=3)
    assert d.deadline_at == d.received_at + dt.timedelta(days=15)
    assert d.customer_name == "李四" and d.customer_id_masked == "110105********002X"
    assert d.contract_no == "HT-9" and d.overdue_cents == 314057
    assert d.text == "代理人要求全额减免罚息，否则向媒体曝光。" and d.notes == "来电者自称律师"
    assert d.demands == ("减免罚息", "停止催收", "道歉")
    assert d.category == "催收方式投诉"
    assert d.status == ComplaintStatus.CHECKING.value and d.risk_level == RiskLevel.LEVEL2.value
    roles = {(i.type, i.role, i.masked) for i in d.identifiers}
    assert ("mobile", "customer_phone", "138****5678") in roles
    assert ("mobile", "contact_phone", "170****5678") in roles
    assert {"email", "wechat", "resident_id"} <= {i.type for i in d.identifiers}
    hits = {h.code: h for h in d.indicators}
    assert {c for c, h in hits.items() if h.source == "person"} == {"AGENT_IN_NAME", "DEMANDS"}
    assert hits["VIRTUAL_NUMBER"].source == "detector"  # the detector ran on save (contact number 170…)
    assert hits["AGENT_IN_NAME"].note == "无授权委托书" and hits["AGENT_IN_NAME"].source == "person"
    assert hits["AGENT_IN_NAME"].set_by == "tester"

    assert d.reference in editor.windowTitle()
    assert ("data_changed", None) in nav.calls
    assert all(editor.tabs.isTabEnabled(i) for i in range(1, editor.tabs.count()))
    # The history tab shows the creation and the later steps.
    actions = [editor.history_model.row_at(r).action for r in range(editor.history_model.rowCount())]
    assert "complaint_created" in actions and "complaint_status" in actions
    history = editor.history_model
    shown = [history.data(history.index(r, 2)) for r in range(history.rowCount())]
    assert "新建投诉" in shown
    assert not editor.is_dirty()
    assert prompter.messages == []


def test_invalid_id_number_keeps_save_disabled_and_says_why(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    editor = _editor(qtbot, ctx, None)
    qtbot.keyClicks(editor.external_id, "W-9")
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.customer_id_number, "110105194912310021")  # wrong check digit
    hint = editor.hints["customer_id_number"]
    assert hint.is_error and hint.isVisible()
    assert "校验位" in hint.text()
    assert not editor.save_button.isEnabled()
    assert "1 处需要更正" in editor.summary.text()
    editor.save()  # Ctrl+S on an invalid form stores nothing
    assert count_complaints(ctx.store) == 0
    editor.customer_id_number.setText(VALID_ID)
    assert not hint.is_error
    assert editor.save_button.isEnabled()


def test_other_live_checks(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    editor = _editor(qtbot, ctx, None)
    qtbot.keyClicks(editor.external_id, "W 1")  # a space is not allowed in a work-order number
    assert editor.hints["external_id"].is_error
    editor.external_id.setText("W-1")
    editor.overdue_amount.insert("三千")
    assert editor.hints["overdue_amount"].is_error and "不是数字" in editor.hints["overdue_amount"].text()
    editor.overdue_amount.clear()
    row = editor.add_identifier_row()
    row.set_type(IdentifierType.ADDRESS)
    row.value.insert("深圳")
    assert row.hint.is_error and not editor.save_button.isEnabled()
    row.value.setText("广东省深圳市福田区华强北路赛格广场12楼1203")
    assert not row.hint.is_error and "赛格广场" in row.hint.text()
    editor.deadline_manual.setChecked(True)
    editor.deadline_at.setDate(editor.received_at.date().addDays(-1))
    assert editor.hints["deadline_at"].is_error and not editor.save_button.isEnabled()
    editor.deadline_at.setDate(editor.received_at.date().addDays(30))
    assert editor.save_button.isEnabled()
    assert editor.save()
    d = complaint_detail(ctx.store, editor.complaint_id)
    assert d.deadline_at == dt.date.today() + dt.timedelta(days=30)
    assert [i.type for i in d.identifiers] == ["address"]


def test_duplicate_work_order_number_is_reported(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    _create(ctx, "W-1")
    editor = _editor(qtbot, ctx, None)
    qtbot.keyClicks(editor.external_id, "W-1")
    assert not editor.save()
    assert prompter.messages and prompter.messages[0][0] == "warn" and "W-1" in prompter.messages[0][1]
    assert editor.complaint_id is None and count_complaints(ctx.store) == 1


# ---------------------------------------------------------------------- editing
def test_edit_and_save(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    nav = RecordingNavigator()
    editor = _editor(qtbot, ctx, cid, nav)
    assert not editor.channel.isEnabled() and editor.external_id.isReadOnly()
    assert editor.customer_name.text() == "张三"
    assert "138****5678" in editor.customer_phone.placeholderText()
    assert not editor.save_button.isEnabled()  # nothing changed yet
    editor.text.setPlainText("修改后的投诉内容，来电号码 13900001111")
    editor.demand_boxes["修复征信"].setChecked(True)
    qtbot.keyClicks(editor.contact_phone, "13900002222")
    qtbot.keyClicks(editor.customer_id_number, VALID_ID)
    editor.risk_level.setCurrentIndex(editor.risk_level.findData(RiskLevel.LEVEL1.value))
    assert editor.save_button.isEnabled()
    assert editor.save()

    d = complaint_detail(ctx.store, cid)
    assert d.text == "修改后的投诉内容，来电号码 139****1111"  # numbers in text are masked on save
    assert d.demands == ("修复征信",)
    assert d.risk_level == RiskLevel.LEVEL1.value
    assert d.version == 3  # one update, one risk change
    assert ("mobile", "contact_phone", "139****2222") in {(i.type, i.role, i.masked) for i in d.identifiers}
    assert ("mobile", "text_mention", "139****1111") in {(i.type, i.role, i.masked) for i in d.identifiers}
    assert d.customer_id_masked == "110105********002X"
    assert editor.text.toPlainText() == d.text and editor.contact_phone.text() == ""
    assert not editor.is_dirty() and ("data_changed", None) in nav.calls
    actions = {editor.history_model.row_at(r).action for r in range(editor.history_model.rowCount())}
    assert {"complaint_updated", "complaint_risk", "identifier_added"} <= actions


def test_conflict_offers_reload_and_shows_the_other_users_text(qtbot, ctx, user_factory,  # noqa: ANN001
                                                               prompter) -> None:
    cid = _create(ctx)
    editor = _editor(qtbot, ctx, cid)
    other = user_factory("wang", "handler")
    d = complaint_detail(ctx.store, cid)
    svc.update_complaint(other, cid, d.version, svc.ComplaintChanges(
        received_at=d.received_at, deadline_at=None, customer_name=d.customer_name, contract_no="", loan_no="",
        overdue_amount="", text="王某保存的内容", notes="", demands=(), category=""))

    editor.text.setPlainText("我的修改")
    _script(prompter, True)
    assert not editor.save()
    assert any("此投诉已被他人修改并保存" in text for kind, text in prompter.messages if kind == "confirm")
    assert editor.text.toPlainText() == "王某保存的内容"
    assert complaint_detail(ctx.store, cid).text == "王某保存的内容"
    assert not editor.banner.isVisible()
    # Now a save goes through with the new version.
    editor.text.setPlainText("在王某之后的修改")
    assert editor.save()
    assert complaint_detail(ctx.store, cid).text == "在王某之后的修改"


def test_conflict_keeps_local_edits_when_user_declines(qtbot, ctx, user_factory, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    editor = _editor(qtbot, ctx, cid)
    other = user_factory("wang", "handler")
    svc.change_status(other, cid, ComplaintStatus.CHECKING, 1)
    editor.text.setPlainText("我的修改")
    _script(prompter, False)
    assert not editor.save()
    assert editor.text.toPlainText() == "我的修改"  # nothing discarded without consent
    assert editor.banner.isVisible() and "此投诉已被他人修改并保存" in editor.banner_text.text()
    d = complaint_detail(ctx.store, cid)
    assert d.text == "贵司暴力催收，要求减免罚息" and d.status == ComplaintStatus.CHECKING.value
    # The banner's reload asks before discarding.
    _script(prompter, True)
    qtbot.mouseClick(editor.reload_button, Qt.MouseButton.LeftButton)
    assert editor.text.toPlainText() == d.text
    assert editor.status.currentData() == ComplaintStatus.CHECKING.value


def test_cancel_changes_nothing(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    before = complaint_detail(ctx.store, cid)
    editor = _editor(qtbot, ctx, cid)
    editor.text.setPlainText("不保存的修改")
    editor.indicator_lines[Indicator.REPEATED].box.setChecked(True)
    _script(prompter, False)
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()  # the user chose to stay
    _script(prompter, True)
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert complaint_detail(ctx.store, cid) == before
    assert len(complaint_history(ctx.store, before.reference)) == 1

    new = _editor(qtbot, ctx, None)
    qtbot.keyClicks(new.external_id, "W-NEW")
    _script(prompter, True)
    new.reject()
    assert not new.isVisible() and count_complaints(ctx.store) == 1


def test_closing_an_unchanged_editor_asks_nothing(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    editor = _editor(qtbot, ctx, _create(ctx))
    editor.close()
    assert not editor.isVisible() and prompter.messages == []


# ---------------------------------------------------------------------- indicators and status
def test_indicators_ticked_are_stored_with_notes_and_unticked_cleared(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    svc.set_indicator(ctx, cid, Indicator.REPEATED, "第三次投诉")
    svc.set_indicator(ctx, cid, Indicator.TEMPLATE_TEXT, "与 12 笔投诉相似度 94%", IndicatorSource.DETECTOR)
    editor = _editor(qtbot, ctx, cid)
    repeated = editor.indicator_lines[Indicator.REPEATED]
    template = editor.indicator_lines[Indicator.TEMPLATE_TEXT]
    assert repeated.box.isChecked() and repeated.note.text() == "第三次投诉"
    assert template.box.isChecked() and not template.box.isEnabled() and template.note.isReadOnly()
    assert template.source.text() == "系统识别"

    repeated.box.setChecked(False)
    forged = editor.indicator_lines[Indicator.FALSE_EVIDENCE]
    forged.box.setChecked(True)
    forged.note.insert("医院证明公章与医院核实不符")
    holds = editor.indicator_lines[Indicator.AGENT_HOLDS_DOCUMENTS]
    holds.box.setChecked(True)
    assert editor.save()

    hits = {h.code: h for h in complaint_detail(ctx.store, cid).indicators}
    assert set(hits) == {"TEMPLATE_TEXT", "FALSE_EVIDENCE", "AGENT_HOLDS_DOCUMENTS"}
    assert hits["FALSE_EVIDENCE"].note == "医院证明公章与医院核实不符" and hits["FALSE_EVIDENCE"].source == "person"
    assert hits["AGENT_HOLDS_DOCUMENTS"].note == ""
    assert hits["TEMPLATE_TEXT"].source == "detector"  # untouched
    assert complaint_detail(ctx.store, cid).version == 1  # indicators do not change the complaint itself


def _offered(editor: ComplaintEditor) -> set[ComplaintStatus]:
    return {ComplaintStatus(editor.status.itemData(i)) for i in range(editor.status.count())}


def test_status_choices_match_the_allowed_transitions(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    editor = _editor(qtbot, ctx, cid)
    assert _offered(editor) == {ComplaintStatus.NEW} | COMPLAINT_TRANSITIONS[ComplaintStatus.NEW]
    editor.status.setCurrentIndex(editor.status.findData(ComplaintStatus.PENDING.value))
    assert editor.save()
    assert complaint_detail(ctx.store, cid).status == ComplaintStatus.PENDING.value
    assert _offered(editor) == {ComplaintStatus.PENDING} | COMPLAINT_TRANSITIONS[ComplaintStatus.PENDING]
    assert editor.status.currentData() == ComplaintStatus.PENDING.value
    for status in ComplaintStatus:
        editor._set_status_choices(status)
        assert _offered(editor) == {status} | COMPLAINT_TRANSITIONS[status]
        assert editor.status.currentData() == status.value


# ---------------------------------------------------------------------- keyboard, geometry, tabs
def test_ctrl_s_saves(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    editor = _editor(qtbot, ctx, None)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.keyClicks(editor.external_id, "W-KEY")
    qtbot.keyClick(editor.external_id, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.complaint_id is not None
    assert complaint_detail(ctx.store, editor.complaint_id).external_id == "W-KEY"


def test_geometry_is_remembered(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    first = _editor(qtbot, ctx, None)
    first.resize(790, 580)  # within the 800x600 offscreen screen, so nothing is clamped
    first.close()
    second = _editor(qtbot, ctx, None)
    assert (second.width(), second.height()) == (790, 580)


def test_evidence_tab_takes_a_widget(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    editor = _editor(qtbot, ctx, _create(ctx))
    assert editor.findChild(type(editor.evidence_tab), "evidence_tab") is editor.evidence_tab
    panel = QLabel("panel")
    editor.set_evidence_widget(panel)
    other = QLabel("other")
    editor.set_evidence_widget(other)
    assert other.parent() is editor.evidence_tab and editor.evidence_tab.layout().count() == 1


def test_contact_added_from_the_contact_tab(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    nav = RecordingNavigator()
    editor = _editor(qtbot, ctx, cid, nav)
    assert editor.contact_model.rowCount() == 0
    qtbot.mouseClick(editor.add_contact_button, Qt.MouseButton.LeftButton)
    dialog = editor.contact_dialog
    assert isinstance(dialog, ContactDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.their_number, "16212345678")
    dialog.answered_by.setCurrentIndex(1)
    dialog.outcome.setPlainText("接听者自称代理律师，拒绝让客户本人接听")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert editor.contact_model.rowCount() == 1
    row = editor.contact_model.row_at(0)
    assert row.their_masked == "162****5678" and row.answered_by == "自称代理人/律师"
    assert ("data_changed", None) in nav.calls
    # The number reached is now one of the complaint's identifiers, and the form is not dirty.
    assert not editor.is_dirty()
    assert "contact_logged" in {editor.history_model.row_at(r).action for r in range(editor.history_model.rowCount())}


def test_links_tab_decides_a_link(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    a, b = _create(ctx, "W-1"), _create(ctx, "W-2", phone="13912345678")
    lid = link_service.add_manual_link(ctx, a, b, "两笔投诉留有同一代理人电话")
    nav = RecordingNavigator()
    editor = _editor(qtbot, ctx, b, nav)
    assert editor.link_model.rowCount() == 1
    assert not editor.reject_link_button.isEnabled()
    editor.link_table.selectRow(0)
    assert editor.reject_link_button.isEnabled() and not editor.confirm_link_button.isEnabled()
    qtbot.mouseClick(editor.reject_link_button, Qt.MouseButton.LeftButton)
    assert complaint_links(ctx.store, b)[0].status == LinkStatus.REJECTED.value
    assert editor.link_model.row_at(0).status == LinkStatus.REJECTED.value
    assert ("data_changed", None) in nav.calls
    editor.link_table.selectRow(0)
    qtbot.mouseClick(editor.open_link_button, Qt.MouseButton.LeftButton)
    assert ("open_complaint", a) in nav.calls
    assert lid == editor.link_model.row_at(0).id


# ---------------------------------------------------------------------- unmasking
def test_unmask_asks_the_purpose_and_shows_the_full_number(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QToolButton

    cid = _create(ctx)
    editor = _editor(qtbot, ctx, cid)
    ident = complaint_detail(ctx.store, cid).identifiers[0]
    button = editor.findChild(QToolButton, f"unmask_{ident.id}_{ident.role}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.unmask_panel.isVisible()
    editor.unmask_go.click()
    assert editor.unmask_error.is_error  # a purpose is required
    editor.unmask_purpose.insert("回拨核实身份")
    editor.unmask_go.click()
    assert editor._unmask_labels[(ident.id, ident.role)].text() == "+8613812345678"
    assert not editor.unmask_panel.isVisible()


def test_unmask_refused_for_a_handler(qtbot, ctx, user_factory, prompter) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QToolButton

    cid = _create(ctx)
    handler = user_factory("li", "handler")
    editor = _editor(qtbot, handler, cid)
    ident = complaint_detail(ctx.store, cid).identifiers[0]
    qtbot.mouseClick(editor.findChild(QToolButton, f"unmask_{ident.id}_{ident.role}"), Qt.MouseButton.LeftButton)
    editor.unmask_purpose.insert("好奇")
    editor.unmask_go.click()
    assert editor.unmask_error.is_error and "无权" in editor.unmask_error.text()
    assert editor._unmask_labels[(ident.id, ident.role)].text() == "138****5678"


def test_a_supervisor_can_read_but_not_save(qtbot, ctx, user_factory, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    boss = user_factory("zhou", "supervisor")
    editor = _editor(qtbot, boss, cid)
    editor.text.setPlainText("主管的修改")
    assert not editor.save_button.isEnabled() and not editor.add_contact_button.isEnabled()
    assert "只能查看" in editor.summary.text()
    editor.reject()  # no question: a reader has nothing to lose
    assert complaint_detail(ctx.store, cid).text == "贵司暴力催收，要求减免罚息"


# ---------------------------------------------------------------------- models
def test_table_models_pass_the_model_tester(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    a, b = _create(ctx, "W-1"), _create(ctx, "W-2", phone="13912345678")
    svc.log_contact(ctx, a, svc.ContactDraft(ContactKind.CALL, ContactDirection.OUTBOUND,
                                             dt.datetime.now() - dt.timedelta(hours=1), "95000",
                                             "13700001111", "客户本人", "同意分期"))
    svc.set_indicator(ctx, a, Indicator.REPEATED, "第二次")
    link_service.add_manual_link(ctx, a, b, "同一电话")
    ref = complaint_detail(ctx.store, a).reference

    contacts = contact_model()
    contacts.set_rows(contact_logs(ctx.store, a))
    links = link_model()
    links.set_rows(complaint_links(ctx.store, a))
    history = history_model()
    history.set_rows(complaint_history(ctx.store, ref))
    assert (contacts.rowCount(), links.rowCount()) == (1, 1) and history.rowCount() >= 3
    for model in (contacts, links, history):
        qtmodeltester.check(model)
    texts = [history.data(history.index(r, 3)) for r in range(history.rowCount())]
    assert any("第二次" in t for t in texts) and any("137****1111" in t for t in texts)
    empty = contact_model()
    qtmodeltester.check(empty)


def test_history_of_an_imported_complaint_shows_the_import(ctx, tmp_path) -> None:  # noqa: ANN001
    from greyline.demo.generator import generate, write_csv
    from greyline.queries.complaint_detail import complaint_history
    from greyline.services.importing import import_file

    corpus = generate(5, seed=4, with_files=False)
    path = tmp_path / "five.csv"
    write_csv(corpus.rows, path)
    result = import_file(ctx, path)
    history = complaint_history(ctx.store, result.last_reference)
    assert [h.action for h in history] == ["import"]
    assert result.first_reference in history[0].detail


# ---------------------------------------------------------------------- links found by the detector
def _with_template_link(path: Path) -> int:
    """A complaint with template links and a modest number of links in all."""
    import sqlite3

    with sqlite3.connect(path) as con:
        return con.execute(
            "SELECT c FROM (SELECT complaint_a_id AS c, kind FROM links UNION ALL "
            "SELECT complaint_b_id, kind FROM links) GROUP BY c HAVING SUM(kind = 'template') > 0 "
            "ORDER BY COUNT(*), c LIMIT 1").fetchone()[0]


def test_links_tab_lists_detector_links_with_reasons_and_compares_text(qtbot, qtmodeltester, demo,  # noqa: ANN001
                                                                       prompter) -> None:
    demo_ctx, path = demo
    cid = _with_template_link(path)
    expected = complaint_links(demo_ctx.store, cid)
    editor = _editor(qtbot, demo_ctx, cid)
    model = editor.link_model
    assert [model.row_at(r).id for r in range(model.rowCount())] == [k.id for k in expected]
    assert all(k.source == "detector" and k.status == LinkStatus.SUGGESTED.value for k in expected)
    assert "待确认 %d 条" % len(expected) in editor.link_counts.text()
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "理由"  # the reason is the wide last column
    r = next(i for i in range(model.rowCount()) if model.row_at(i).kind == "template")
    link = model.row_at(r)
    assert link.detail["jaccard"] == pytest.approx(link.score) and link.detail["shared"] > 0
    cells = [model.data(model.index(r, c)) for c in range(model.columnCount())]
    assert cells[:5] == ["待确认", link.other_reference, link.other_external_id, "模板文本",
                         f"{round(link.score * 100)}%"]
    assert cells[-1] == link.reason and "系统识别" in cells

    assert not editor.compare_link_button.isEnabled()
    editor.link_table.selectRow(r)
    assert editor.compare_link_button.isEnabled() and not editor.evidence_link_button.isEnabled()
    assert editor.confirm_link_button.isEnabled() and editor.reject_link_button.isEnabled()
    assert link.reason in editor.link_detail.text() and link.other_reference in editor.link_detail.text()
    qtbot.mouseClick(editor.compare_link_button, Qt.MouseButton.LeftButton)
    dialog = editor.compare_dialog
    assert dialog is not None and dialog.isVisible()  # a child of the editor; deletes itself when closed
    assert dialog.compare.pane_a.toPlainText() == complaint_detail(demo_ctx.store, cid).text
    assert dialog.compare.pane_b.toPlainText() == complaint_detail(demo_ctx.store, link.other_id).text
    dialog.close()
    # Double-click: a template link opens the comparison, another link the other complaint.
    editor.link_table.doubleClicked.emit(model.index(r, 1))
    assert editor.compare_dialog is not dialog and editor.compare_dialog.isVisible()
    editor.compare_dialog.close()
    other = next((i for i in range(model.rowCount()) if model.row_at(i).kind != "template"), None)
    if other is not None:
        editor.link_table.doubleClicked.emit(model.index(other, 1))
        assert ("open_complaint", model.row_at(other).other_id) in editor.nav.calls


def test_confirm_and_reject_several_links_at_once(qtbot, ctx, db_path, prompter) -> None:  # noqa: ANN001
    import sqlite3

    from greyline.services.demo import load_demo

    load_demo(ctx, 120, 7, with_files=False)
    with sqlite3.connect(db_path) as con:
        cid = con.execute("SELECT complaint_a_id FROM links GROUP BY complaint_a_id HAVING COUNT(*) >= 3 "
                          "ORDER BY complaint_a_id LIMIT 1").fetchone()[0]
    nav = RecordingNavigator()
    editor = _editor(qtbot, ctx, cid, nav)
    model = editor.link_model
    first, second, third = (model.row_at(r) for r in range(3))
    editor.select_links([first.id, second.id])
    assert len(editor.selected_links()) == 2
    assert "已选 2 条" in editor.link_detail.text()
    assert not editor.compare_link_button.isEnabled() and not editor.open_link_button.isEnabled()
    qtbot.mouseClick(editor.confirm_link_button, Qt.MouseButton.LeftButton)
    stored = {k.id: k for k in complaint_links(ctx.store, cid)}
    assert stored[first.id].status == stored[second.id].status == LinkStatus.CONFIRMED.value
    assert stored[third.id].status == LinkStatus.SUGGESTED.value
    assert ("data_changed", None) in nav.calls and ("status", "已确认 2 条关联") in nav.calls
    # Still selected after the reload; confirming again is not offered.
    assert {k.id for k in editor.selected_links()} == {first.id, second.id}
    assert not editor.confirm_link_button.isEnabled() and editor.reject_link_button.isEnabled()
    assert "已确认 2 条" in editor.link_counts.text()

    editor.select_links([second.id, third.id])
    qtbot.mouseClick(editor.reject_link_button, Qt.MouseButton.LeftButton)
    stored = {k.id: k for k in complaint_links(ctx.store, cid)}
    assert stored[first.id].status == LinkStatus.CONFIRMED.value
    assert stored[second.id].status == stored[third.id].status == LinkStatus.REJECTED.value
    assert prompter.messages == []


def test_a_link_decided_elsewhere_meanwhile_is_reported_once(qtbot, ctx, user_factory, prompter) -> None:  # noqa: ANN001
    a, b = _create(ctx, "W-1"), _create(ctx, "W-2")  # same phone: the detector links them
    c = _create(ctx, "W-3")
    editor = _editor(qtbot, ctx, a)
    links = list(editor.link_model.rows)
    assert len(links) == 2
    legal = user_factory("wu", "legal")
    link_service.decide_link(legal, links[0].id, LinkStatus.REJECTED, links[0].version)
    editor.select_links([k.id for k in links])
    qtbot.mouseClick(editor.confirm_link_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in prompter.messages] == ["warn"]
    assert "1 条关联未能处理" in prompter.messages[0][1]
    stored = {k.id: k.status for k in complaint_links(ctx.store, a)}
    assert stored == {links[0].id: LinkStatus.REJECTED.value, links[1].id: LinkStatus.CONFIRMED.value}
    assert {b, c} == {k.other_id for k in links}


def test_voice_link_opens_its_evidence(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    from greyline.domain.enums import EvidenceKind
    from greyline.services import evidence as evidence_service

    a, b = _create(ctx, "W-1"), _create(ctx, "W-2", phone="13912345678")
    ea = evidence_service.attach_bytes(ctx, "甲的通话记录".encode(), "a.txt", EvidenceKind.OTHER, complaint_id=a)
    eb = evidence_service.attach_bytes(ctx, "乙的通话记录".encode(), "b.txt", EvidenceKind.OTHER, complaint_id=b)
    with ctx.uow() as uow:
        lid = uow.repo.upsert_link(a, b, None, "voice", 0.91, "录音声纹相似度 0.91")
        uow.repo.link(lid).detail = {"evidence": [ea.id, eb.id]}
        uow.commit()
    editor = _editor(qtbot, ctx, a)
    r = next(i for i in range(editor.link_model.rowCount()) if editor.link_model.row_at(i).id == lid)
    editor.link_table.selectRow(r)
    assert editor.evidence_link_button.isEnabled() and not editor.compare_link_button.isEnabled()
    assert f"#{ea.id}" in editor.link_detail.text()
    qtbot.mouseClick(editor.evidence_link_button, Qt.MouseButton.LeftButton)
    viewers = editor.evidence_viewers
    assert [v.detail.id for v in viewers] == [ea.id, eb.id]
    assert all(v.isVisible() for v in viewers)
    for v in viewers:
        v.close()


# ---------------------------------------------------------------------- risk reasons, detector indicators
def test_risk_reasons_and_detector_indicators_are_shown(qtbot, demo, prompter) -> None:  # noqa: ANN001
    import sqlite3

    demo_ctx, path = demo
    with sqlite3.connect(path) as con:
        cid = con.execute("SELECT id FROM complaints WHERE risk_reasons != '[]' ORDER BY id LIMIT 1").fetchone()[0]
    d = complaint_detail(demo_ctx.store, cid)
    assert d.risk_reasons and not d.risk_manual
    editor = _editor(qtbot, demo_ctx, cid)
    assert editor.risk_reasons.isVisible()
    for reason in d.risk_reasons:
        assert reason in editor.risk_reasons.text()
    detector = [h for h in d.indicators if h.source == IndicatorSource.DETECTOR.value]
    assert detector
    for hit in detector:
        line = editor.indicator_lines[Indicator(hit.code)]
        assert line.source.text() == "系统识别" and line.box.isChecked() and not line.box.isEnabled()
        assert hit.note in line.source.toolTip() and hit.note in line.box.toolTip()


def test_a_manual_risk_level_says_so(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _create(ctx)
    editor = _editor(qtbot, ctx, cid)
    assert not editor.risk_reasons.isVisible()
    editor.risk_level.setCurrentIndex(editor.risk_level.findData(RiskLevel.LEVEL1.value))
    assert editor.save()
    assert complaint_detail(ctx.store, cid).risk_manual
    assert editor.risk_reasons.isVisible() and "人工设定" in editor.risk_reasons.text()


# ---------------------------------------------------------------------- similar texts while typing
def test_pasted_text_finds_the_near_copy_and_opens_it(qtbot, demo, prompter) -> None:  # noqa: ANN001
    import sqlite3

    demo_ctx, path = demo
    with sqlite3.connect(path) as con:
        a, b = con.execute("SELECT complaint_a_id, complaint_b_id FROM links WHERE kind = 'template' "
                           "ORDER BY score DESC, id LIMIT 1").fetchone()
    nav = RecordingNavigator()
    editor = _editor(qtbot, demo_ctx, None, nav)
    panel = editor.similar_panel
    assert panel.isVisibleTo(editor) and panel.matches() == ()
    text = complaint_detail(demo_ctx.store, a).text
    editor.text.setPlainText(text)  # as if pasted
    qtbot.waitUntil(lambda: b in {m.complaint_id for m in panel.matches()}, timeout=5000)
    assert a in {m.complaint_id for m in panel.matches()}  # a new complaint excludes nothing
    row = [m.complaint_id for m in panel.matches()].index(b)
    panel.table.doubleClicked.emit(panel.model.index(row, 0))
    assert ("open_complaint", b) in nav.calls
    # An existing complaint never lists itself.
    existing = _editor(qtbot, demo_ctx, a)
    qtbot.waitUntil(lambda: not existing.similar_panel.is_searching() and existing.similar_panel.searches > 0,
                    timeout=5000)
    ids = {m.complaint_id for m in existing.similar_panel.matches()}
    assert b in ids and a not in ids

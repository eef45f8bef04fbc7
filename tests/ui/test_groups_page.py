"""The groups page and the suspect dialog on a real store: detail shown masked, status with conflicts,
notes, outcome, suspects checked while typing, members opening their complaint."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from greyline.domain.enums import GroupStatus, PartyKind, PartyRole, ReferralDecision, ReferralTarget
from greyline.domain.identifiers import _credit_code_check_char, _resident_id_check_char
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.groups import group_detail, list_groups
from greyline.services import groups as group_service
from greyline.services import referrals
from greyline.services.complaints import create_complaint
from greyline.ui.group_dialogs import SuspectDialog
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages import groups_page
from greyline.ui.pages.groups_page import GroupsPage

CREDIT_CODE = "91440300MA5G12345" + _credit_code_check_char("91440300MA5G12345")
RESIDENT_ID = "44030419900307123" + _resident_id_check_char("44030419900307123")


@pytest.fixture
def group(ctx) -> int:  # noqa: ANN001
    ids = [create_complaint(ctx, ComplaintDraft(
        channel="12378", external_id=f"G-{i}", received_at=dt.date(2026, 5, 1 + i), customer_name=f"客户{i}",
        text="代理人要求全额减免", identifiers=(IdentifierInput("mobile", f"1380000000{i}", "contact_phone"),))).id
        for i in range(3)]
    gid, _ = group_service.create_group(ctx, "华强北咨询公司团伙", ids, "三笔投诉共用同一代理电话")
    group_service.add_suspect(ctx, gid, group_service.SuspectDraft(
        PartyKind.PERSON, "郑小龙", PartyRole.SUSPECTED_AGENT, id_number=RESIDENT_ID, phones=("13912345678",),
        wechat="zhengxl_2024"))
    group_service.add_note(ctx, gid, "已向出具证明的医院核实：证明系伪造。")
    group_service.create_group(ctx, "另一团伙", [])
    return gid


def _page(qtbot, ctx, nav=None) -> GroupsPage:  # noqa: ANN001
    page = GroupsPage(ctx, nav or RecordingNavigator())
    qtbot.addWidget(page)
    page.refresh()
    return page


def _cells(model) -> str:  # noqa: ANN001
    return " ".join(str(model.data(model.index(r, c))) for r in range(model.rowCount())
                    for c in range(model.columnCount()))


def test_list_and_detail_show_the_group_masked(qtbot, ctx, group) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    assert page.list_model.rowCount() == 2
    assert page.detail is None and page.right.currentIndex() == 0
    page.select_group(group)
    d = page.detail
    assert d is not None and d.id == group
    assert "华强北咨询公司团伙" in page.title_label.text() and d.reference in page.title_label.text()
    assert page.status_combo.currentData() == GroupStatus.LEAD.value
    assert page.members_model.rowCount() == 3
    suspects = _cells(page.suspects_model)
    assert "郑小龙" in suspects and "139****5678" in suspects and "440304********1234"[:6] in suspects
    assert "13912345678" not in suspects and RESIDENT_ID not in suspects
    assert "证明系伪造" in page.notes_view.toPlainText()
    assert page.tabs.tabText(0) == "涉及投诉（3）"


def test_group_detail_query(ctx, group) -> None:  # noqa: ANN001
    rid = referrals.record_referral(ctx, group, referrals.ReferralDraft(
        ReferralTarget.POLICE, "某市公安局某分局", dt.date.today() - dt.timedelta(days=5)))
    referrals.record_decision(ctx, rid, ReferralDecision.ACCEPTED, dt.date.today() - dt.timedelta(days=2), "受案字1号")
    d = group_detail(ctx.store, group)
    assert d.created_by == "tester" and d.summary == "三笔投诉共用同一代理电话"
    assert [m.customer_name for m in d.members] == ["客户0", "客户1", "客户2"]
    (suspect,) = d.suspects
    assert {i.type for i in suspect.identifiers} == {"resident_id", "mobile", "wechat"}
    assert suspect.sex == "男"
    (note,) = d.notes
    assert note.username == "tester"
    (ref,) = d.referrals
    assert ref.agency == "某市公安局某分局" and ref.receipt_no == "受案字1号"
    assert ref.decisions[0].decision == "accepted" and ref.decisions[0].next_deadline is not None
    rows = {g.id: g for g in list_groups(ctx.store)}
    assert (rows[group].members, rows[group].suspects) == (3, 1)
    assert [g.title for g in list_groups(ctx.store, "另一")] == ["另一团伙"]


def test_referrals_are_listed_read_only(qtbot, ctx, group) -> None:  # noqa: ANN001
    rid = referrals.record_referral(ctx, group, referrals.ReferralDraft(
        ReferralTarget.POLICE, "某市公安局某分局", dt.date.today() - dt.timedelta(days=5)))
    referrals.record_decision(ctx, rid, ReferralDecision.ACCEPTED, dt.date.today() - dt.timedelta(days=2), "受案字1号")
    page = _page(qtbot, ctx)
    page.select_group(group)
    top = page.referrals_tree.topLevelItem(0)
    assert top.text(0) == "某市公安局某分局" and top.childCount() == 1
    assert top.child(0).text(0) == ReferralDecision.ACCEPTED.label
    assert page.tabs.tabText(4) == "移送（1）"


def test_search_narrows_the_list_and_select_group_clears_it(qtbot, ctx, group) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.search.setText("另一")
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1, timeout=3000)
    page.select_group(group)
    assert page.search.text() == "" and page.list_model.rowCount() == 2
    assert page.current_group_id() == group
    assert page.list_model.row_at(page.list_view.selectionModel().selectedRows()[0].row()).id == group


def test_status_change_is_saved(qtbot, ctx, group) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    page.select_group(group)
    index = page.status_combo.findData(GroupStatus.READY.value)
    page.status_combo.setCurrentIndex(index)
    page.status_combo.activated.emit(index)
    d = group_detail(ctx.store, group)
    assert d.status == GroupStatus.READY.value and d.version == 2
    assert page.detail.version == 2
    assert ("data_changed", None) in nav.calls


def test_status_conflict_is_said_plainly_and_reloaded(qtbot, ctx, group, user_factory, prompter) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.select_group(group)
    colleague = user_factory("zhao", "legal")
    group_service.set_status(colleague, group, GroupStatus.INVESTIGATING, 1)
    index = page.status_combo.findData(GroupStatus.READY.value)
    page.status_combo.setCurrentIndex(index)
    page.status_combo.activated.emit(index)
    assert prompter.messages and prompter.messages[-1][0] == "warn"
    assert "已被他人修改" in prompter.messages[-1][1]
    assert group_detail(ctx.store, group).status == GroupStatus.INVESTIGATING.value
    assert page.status_combo.currentData() == GroupStatus.INVESTIGATING.value


def test_add_note(qtbot, ctx, group) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.select_group(group)
    assert not page.add_note_button.isEnabled()
    page.note_edit.setPlainText("已与福田分局经侦大队电话沟通，约定下周补充材料。")
    assert page.add_note_button.isEnabled()
    qtbot.mouseClick(page.add_note_button, Qt.MouseButton.LeftButton)
    texts = [n.text for n in group_detail(ctx.store, group).notes]
    assert texts[-1] == "已与福田分局经侦大队电话沟通，约定下周补充材料。"
    assert page.note_edit.toPlainText() == ""
    assert "经侦大队" in page.notes_view.toPlainText()
    assert page.tabs.tabText(2) == "备注（2）"


def test_outcome_is_saved(qtbot, ctx, group, prompter) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.select_group(group)
    page.amount_edit.setText("12,345.60")
    page.stopped_edit.setText("800")
    page.count_spins["persons_handled"].setValue(5)
    page.count_spins["arrested"].setValue(2)
    page.count_spins["sentenced"].setValue(1)
    qtbot.mouseClick(page.save_outcome_button, Qt.MouseButton.LeftButton)
    d = group_detail(ctx.store, group)
    assert (d.amount_involved_cents, d.loss_stopped_cents) == (1234560, 80000)
    assert (d.persons_handled, d.arrested, d.sentenced, d.detained) == (5, 2, 1, 0)
    assert page.amount_edit.text() == "12345.60"
    page.amount_edit.setText("很多")
    qtbot.mouseClick(page.save_outcome_button, Qt.MouseButton.LeftButton)
    assert prompter.messages[-1][0] == "warn" and "不是数字" in prompter.messages[-1][1]
    assert group_detail(ctx.store, group).amount_involved_cents == 1234560


def test_double_click_member_opens_the_complaint(qtbot, ctx, group) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.select_group(group)
    rect = page.members_view.visualRect(page.members_model.index(1, 0))
    qtbot.mouseClick(page.members_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.members_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.calls == [("open_complaint", page.members_model.row_at(1).id)]


def test_page_adds_a_suspect_through_the_dialog(qtbot, ctx, group, monkeypatch) -> None:  # noqa: ANN001
    nav = RecordingNavigator()
    page = _page(qtbot, ctx, nav)
    page.select_group(group)

    class FilledIn(SuspectDialog):
        def exec(self) -> int:
            self.company.setChecked(True)
            self.name_edit.setText("深圳市汇通企业管理咨询有限公司")
            self.id_edit.setText(CREDIT_CODE)
            self.accept()
            return self.result()

    monkeypatch.setattr(groups_page, "SuspectDialog", FilledIn)
    page.add_suspect()
    assert page.suspects_model.rowCount() == 2
    assert CREDIT_CODE in _cells(page.suspects_model)  # credit codes are public registration data


def test_suspect_dialog_stores_a_company(qtbot, ctx, group) -> None:  # noqa: ANN001
    dialog = SuspectDialog(ctx, group)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    dialog.company.setChecked(True)
    assert dialog.id_label.text().startswith("统一社会信用代码")
    assert dialog.role_combo.currentData() == PartyRole.AGENT_COMPANY.value
    dialog.name_edit.setText("深圳市汇通企业管理咨询有限公司")
    dialog.id_edit.setText(CREDIT_CODE.lower())
    assert "有效" in dialog.id_status.text()
    dialog.phones_edit.setPlainText("13912345678\n0755-83211234\n")
    dialog.address_edit.setText("广东省深圳市福田区华强北路1号赛格广场1201")
    dialog.banks_edit.setPlainText("6222 0212 3456 7890 128")
    dialog.notes_edit.setPlainText("营业执照经营范围不含债务咨询")
    assert ok.isEnabled()
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.party_id is not None
    company = next(s for s in group_detail(ctx.store, group).suspects if s.party_id == dialog.party_id)
    assert (company.kind, company.role, company.notes) == ("organisation", "agent_company", "营业执照经营范围不含债务咨询")
    assert company.masked_of("credit_code") == [CREDIT_CODE]
    assert len(company.masked_of("mobile", "landline")) == 2
    assert company.masked_of("bank_account") == ["6222****0128"]
    assert company.masked_of("address")


def test_suspect_dialog_refuses_a_bad_code_with_the_reason(qtbot, ctx, group) -> None:  # noqa: ANN001
    dialog = SuspectDialog(ctx, group)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.company.setChecked(True)
    dialog.name_edit.setText("某公司")
    bad = CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1")
    dialog.id_edit.setText(bad)
    assert not ok.isEnabled()
    assert "校验位不正确" in dialog.id_status.text()
    assert "请先修正" in dialog.problems_label.text()
    dialog.accept()  # Enter must not store it either
    assert dialog.party_id is None
    dialog.id_edit.setText(CREDIT_CODE)
    dialog.phones_edit.setPlainText("13912345678\n1391234")
    assert not ok.isEnabled() and "第 2 行" in dialog.phones_status.text()
    dialog.phones_edit.setPlainText("13912345678")
    assert ok.isEnabled()
    assert len(group_detail(ctx.store, group).suspects) == 1


def test_suspect_dialog_checks_a_resident_id(qtbot, ctx, group) -> None:  # noqa: ANN001
    dialog = SuspectDialog(ctx, group)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("李四")
    dialog.id_edit.setText(RESIDENT_ID[:-1] + ("0" if RESIDENT_ID[-1] != "0" else "1"))
    assert "身份证号校验位不正确" in dialog.id_status.text()
    dialog.id_edit.setText(RESIDENT_ID)
    assert "1990-03-07" in dialog.id_status.text()
    dialog.wechat_edit.setText("#")
    assert "微信号" in dialog.wechat_status.text()
    dialog.wechat_edit.setText("lisi_wx88")
    dialog.accept()
    person = next(s for s in group_detail(ctx.store, group).suspects if s.party_id == dialog.party_id)
    assert person.name == "李四" and person.role == PartyRole.SUSPECTED_AGENT.value
    assert RESIDENT_ID not in str(person) and person.masked_of("resident_id") == ["440304********" + RESIDENT_ID[-4:]]


def test_suspect_dialog_cancel_stores_nothing(qtbot, ctx, group) -> None:  # noqa: ANN001
    dialog = SuspectDialog(ctx, group)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("王五")
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.party_id is None
    assert [s.name for s in group_detail(ctx.store, group).suspects] == ["郑小龙"]


def test_supervisor_sees_but_cannot_edit(qtbot, ctx, group, user_factory) -> None:  # noqa: ANN001
    page = _page(qtbot, user_factory("boss", "supervisor"))
    page.select_group(group)
    assert page.detail is not None
    assert not page.status_combo.isEnabled() and not page.add_suspect_button.isEnabled()
    assert not page.save_outcome_button.isEnabled() and not page.add_note_button.isEnabled()


def test_splitter_is_remembered(qtbot, ctx, group) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.splitter.setSizes([500, 690])
    sizes = page.splitter.sizes()
    page.save_view_state()
    again = _page(qtbot, ctx)
    again.resize(1200, 700)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ctx, group) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.select_group(group)
    for model in (page.list_model, page.members_model, page.suspects_model):
        qtmodeltester.check(model)

"""Settings page: institution profile, deadline rules, users (administrators only), language; the link
detection tab and the common identifiers marked "do not correlate"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel

from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.identifiers import shared_identifiers
from greyline.queries.links import export_links
from greyline.queries.users import list_users
from greyline.services import settings as settings_service
from greyline.services.complaints import create_complaint
from greyline.services.context import ServiceContext
from greyline.ui import identifier_actions, prompts
from greyline.ui.identifier_actions import ReasonDialog
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.settings_page import SettingsPage
from integration.helpers import mobile, person_name, resident_id

SHARED_PHONE = "13912345678"
SHARED_MASKED = "139****5678"


@pytest.fixture
def scripted():  # noqa: ANN201
    prompter = prompts.ScriptedPrompter()
    previous = prompts.install(prompter)
    yield prompter
    prompts.install(previous)


def _page(qtbot, ctx) -> SettingsPage:  # noqa: ANN001
    page = SettingsPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_institution_profile_is_saved(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.name.setText("星河消费金融股份有限公司")
    page.credit_code.setText("91350100M000100Y43")
    assert "校验通过" in page.credit_code_hint.text()
    page.address.setText("福建省福州市鼓楼区五四路1号")
    page.save_profile_button.click()
    saved = settings_service.institution(ctx)
    assert (saved.name, saved.credit_code) == ("星河消费金融股份有限公司", "91350100M000100Y43")
    assert scripted.messages == []


def test_bad_credit_code_is_explained_and_not_saved(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.name.setText("某机构")
    page.credit_code.setText("91350100M000100Y44")
    assert "校验" in page.credit_code_hint.text() and "通过" not in page.credit_code_hint.text()
    page.save_profile_button.click()
    assert settings_service.institution(ctx).name == ""
    assert scripted.messages and scripted.messages[-1][0] == "warn"


def test_deadline_rule_is_saved(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    row = next(i for i in range(page.rules.rowCount()) if page.rules.item(i, 0).data(0x0100) == "12378")
    page.rules.cellWidget(row, 1).setValue(30)
    page.rules.cellWidget(row, 2).setChecked(True)
    page.save_rules_button.click()
    rule = next(r for r in settings_service.channel_rules(ctx) if r.code == "12378")
    assert (rule.deadline_days, rule.working_days) == (30, True)


def test_admin_adds_a_user(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.new_username.setText("li.legal")
    page.new_display.setText("李法务")
    page.new_role.setCurrentIndex(page.new_role.findData("legal"))
    page.add_user_button.click()
    assert ("li.legal", "legal") in {(u.username, u.role) for u in list_users(ctx.store)}
    assert page.users.rowCount() == 2


def test_a_handler_cannot_edit_settings_or_see_users(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    handler = user_factory("h1", "handler")
    page = _page(qtbot, handler)
    assert not page.save_profile_button.isEnabled()
    assert not page.add_user_button.isVisibleTo(page)


def test_language_choice_is_remembered(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert QSettings("Greyline", "Greyline").value("ui/language") == "en"
    assert scripted.messages[-1][0] == "info"


# --------------------------------------------------------------------------- link detection and common numbers


def test_the_detection_tab_holds_the_settings_form(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    page = _page(qtbot, ctx)
    assert page.tabs.tabText(page.detection_tab) == "关联检测"
    page.tabs.setCurrentIndex(page.detection_tab)
    assert page.detection.isVisibleTo(page)
    assert page.detection.save_button.isEnabled()


def _two_complaints_sharing_a_phone(ctx: ServiceContext) -> None:
    for n in (1, 2):
        create_complaint(ctx, ComplaintDraft(
            channel="12378", external_id=f"EXT-{n:05d}", received_at=dt.date(2026, 4, 1),
            customer_name=person_name(n), customer_id_number=resident_id(n), text=f"第{n}号：要求停止催收。",
            identifiers=(IdentifierInput("mobile", mobile(30_000_000 + n), "customer_phone"),
                         IdentifierInput("mobile", SHARED_PHONE, "contact_phone"))))


def _phone_links(ctx: ServiceContext) -> int:
    return len(list(export_links(ctx.store, kind="phone")))


def _select(page: SettingsPage, masked: str) -> None:
    panel = page.common_identifiers
    row = next(i for i, r in enumerate(panel.model.rows) if r.masked == masked)
    panel.table.selectRow(row)


class _Reasoned(ReasonDialog):
    def exec(self) -> int:
        assert not self.ok_button.isEnabled()  # no reason yet
        self.reason.setPlainText("本机构客服热线")
        assert self.ok_button.isEnabled()
        self.accept()
        return self.result()


class _Cancelled(ReasonDialog):
    def exec(self) -> int:
        self.reason.setPlainText("随便")
        self.reject()
        return self.result()


def test_marking_a_common_number_removes_its_links_and_unmarking_restores_them(  # noqa: ANN001
        qtbot, ctx, scripted, monkeypatch, qtmodeltester) -> None:
    _two_complaints_sharing_a_phone(ctx)
    assert _phone_links(ctx) == 1
    monkeypatch.setattr(identifier_actions, "ReasonDialog", _Reasoned)
    nav = RecordingNavigator()
    page = SettingsPage(ctx, nav)
    qtbot.addWidget(page)
    page.refresh()
    panel = page.common_identifiers
    qtmodeltester.check(panel.model)
    assert [r.masked for r in panel.model.rows] == [SHARED_MASKED]
    assert not panel.flag_button.isEnabled()
    _select(page, SHARED_MASKED)
    assert panel.flag_button.isEnabled() and not panel.unflag_button.isEnabled()

    panel.flag_button.click()
    (row,) = shared_identifiers(ctx.store)
    assert row.do_not_correlate
    assert _phone_links(ctx) == 0
    assert panel.model.rows[0].do_not_correlate  # refreshed, selection kept
    assert panel.unflag_button.isEnabled() and not panel.flag_button.isEnabled()
    assert ("status", f"已标记 {SHARED_MASKED} 为不参与关联") in nav.calls
    assert scripted.messages == []

    panel.unflag_button.click()
    assert not shared_identifiers(ctx.store)[0].do_not_correlate
    assert _phone_links(ctx) == 1
    assert not panel.model.rows[0].do_not_correlate


def test_cancelling_the_reason_changes_nothing(qtbot, ctx, scripted, monkeypatch) -> None:  # noqa: ANN001
    _two_complaints_sharing_a_phone(ctx)
    monkeypatch.setattr(identifier_actions, "ReasonDialog", _Cancelled)
    page = _page(qtbot, ctx)
    _select(page, SHARED_MASKED)
    page.common_identifiers.flag_button.click()
    assert not shared_identifiers(ctx.store)[0].do_not_correlate
    assert _phone_links(ctx) == 1


def test_reason_dialog_requires_a_reason(qtbot) -> None:  # noqa: ANN001
    dialog = ReasonDialog(True, "手机号 139****5678")
    qtbot.addWidget(dialog)
    assert any("139****5678" in label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText(" 12378 热线 ")
    assert dialog.ok_button.isEnabled()
    assert dialog.reason_text() == "12378 热线"
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_search_finds_a_number_typed_in_full(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    _two_complaints_sharing_a_phone(ctx)
    page = _page(qtbot, ctx)
    panel = page.common_identifiers
    panel.search.setText("13800000000")
    panel.search_button.click()
    assert panel.model.rowCount() == 0
    panel.search.setText(SHARED_PHONE)
    panel.search_button.click()
    assert [r.masked for r in panel.model.rows] == [SHARED_MASKED]
    assert "1" in panel.count_label.text()


def test_a_handler_cannot_mark_numbers(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    _two_complaints_sharing_a_phone(ctx)
    handler = user_factory("h", "handler")
    page = _page(qtbot, handler)
    _select(page, SHARED_MASKED)
    assert not page.common_identifiers.flag_button.isEnabled()
    assert not page.common_identifiers.unflag_button.isEnabled()
    assert not page.detection.save_button.isEnabled()

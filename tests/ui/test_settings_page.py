"""Settings page: institution profile, deadline rules, users (administrators only), language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from greyline.queries.users import list_users
from greyline.services import settings as settings_service
from greyline.ui import prompts
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.settings_page import SettingsPage


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

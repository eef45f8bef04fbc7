"""The link-detection settings form: loading the defaults, editing and saving (read back through the
service), refusals shown next to the field, revert and no-change, read-only for other roles, the risk
rules editor round-tripping to JSON, and the full detection run offered after saving."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from greyline.detect.risk import DEFAULT_RULES, RiskRule, RiskRules
from greyline.domain.enums import Indicator
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.links import export_links
from greyline.services import detection
from greyline.services.complaints import create_complaint
from greyline.services.context import ServiceContext
from greyline.ui import detection_settings as ds
from greyline.ui import detection_runner, prompts
from greyline.ui.detection_settings import DetectionSettingsWidget, RiskRuleDialog
from integration.helpers import db_file, mobile, person_name, resident_id, sqlite_rows

TEMPLATE = ("尊敬的监管部门领导：本人{name}，系某某消费金融公司的借款用户。本人突发重病住院，耗尽了全部积蓄，失去了劳动能力，"
            "目前无法偿还借款。本人共借款{amount}元。本人并非恶意拖欠，曾多次联系贵司协商个性化分期，但贵司一再推诿，"
            "还频繁骚扰本人家人和同事。本人的诉求：一、减免全部罚息和违约金；二、停止一切暴力催收行为；三、为本人消除不良征信记录。")


@pytest.fixture
def scripted() -> Iterator[prompts.ScriptedPrompter]:
    prompter = prompts.ScriptedPrompter()
    previous = prompts.install(prompter)
    yield prompter
    prompts.install(previous)


def _widget(qtbot, ctx: ServiceContext) -> DetectionSettingsWidget:  # noqa: ANN001
    widget = DetectionSettingsWidget(ctx)
    qtbot.addWidget(widget)
    if widget.engine is None:
        qtbot.waitUntil(lambda: widget.engine is not None, timeout=20000)
    return widget


def _audit_count(ctx: ServiceContext) -> int:
    return sqlite_rows(db_file(ctx), "SELECT count(*) FROM audit_events WHERE action = 'detection_settings'")[0][0]


def _text(n: int) -> str:
    text = TEMPLATE.format(name=person_name(n), amount=5000 + n * 731)
    # The second customer's agent edited the template a little: similar, not identical.
    return text.replace("耗尽了全部积蓄", "花光了家里所有的钱") if n == 2 else text


def _template_complaints(ctx: ServiceContext) -> None:
    for n in (1, 2):
        create_complaint(ctx, ComplaintDraft(
            channel="12378", external_id=f"EXT-{n:05d}", received_at=dt.date(2026, 4, 1), customer_name=person_name(n),
            customer_id_number=resident_id(n), text=_text(n),
            identifiers=(IdentifierInput("mobile", mobile(30_000_000 + n), "customer_phone"),)))


def _template_links(ctx: ServiceContext) -> int:
    return len(list(export_links(ctx.store, kind="template")))


def test_the_form_shows_the_defaults(qtbot, ctx, qtmodeltester) -> None:  # noqa: ANN001
    widget = _widget(qtbot, ctx)
    d = detection.DetectionSettings()
    assert widget.template_threshold.value() == pytest.approx(d.template_threshold)
    assert widget.image_threshold.value() == pytest.approx(d.image_threshold, abs=0.005)
    assert (widget.burst_days.value(), widget.burst_min.value()) == (d.burst_days, d.burst_min)
    assert widget.identifier_cap.value() == d.identifier_cap
    assert widget.phone_changed_days.value() == d.phone_changed_days
    assert widget.voice_group_margin.value() == pytest.approx(d.voice_group_margin)
    name, default = widget.engine  # type: ignore[misc]
    assert widget.voice_threshold.isEnabled()
    assert widget.voice_threshold.value() == pytest.approx(default, abs=0.0005)
    assert "默认阈值" in widget.engine_label.text()
    assert widget.rules_model.rules() == DEFAULT_RULES
    assert widget.current_settings() == d
    assert not widget.is_modified()
    qtmodeltester.check(widget.rules_model)


def test_edited_settings_are_saved(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    scripted._confirm = [False]  # no full run now
    widget = _widget(qtbot, ctx)
    name, _default = widget.engine  # type: ignore[misc]
    widget.template_threshold.setValue(0.7)
    widget.image_threshold.setValue(0.9)
    widget.voice_threshold.setValue(0.912)
    widget.voice_group_margin.setValue(0.2)
    widget.burst_days.setValue(5)
    widget.burst_min.setValue(8)
    widget.identifier_cap.setValue(50)
    widget.phone_changed_days.setValue(14)
    assert widget.is_modified()
    widget.save_button.click()
    saved = detection.detection_settings(ctx)
    assert saved.template_threshold == pytest.approx(0.7)
    assert saved.image_threshold == pytest.approx(0.9)
    assert saved.voice_thresholds == {name: pytest.approx(0.912)}
    assert saved.voice_group_margin == pytest.approx(0.2)
    assert (saved.burst_days, saved.burst_min, saved.identifier_cap, saved.phone_changed_days) == (5, 8, 50, 14)
    assert saved.risk_rules == ""  # rules untouched: still the defaults
    assert [kind for kind, _ in scripted.messages] == ["confirm"]
    assert "已保存" in widget.message.text()
    assert not widget.is_modified()
    # A fresh form shows what was stored.
    again = _widget(qtbot, ctx)
    assert again.current_settings() == saved


def test_nothing_changed_stores_nothing(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    widget = _widget(qtbot, ctx)
    widget.save_button.click()
    assert _audit_count(ctx) == 0
    assert "没有" in widget.message.text()
    assert scripted.messages == []


def test_revert_discards_edits(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    widget = _widget(qtbot, ctx)
    widget.burst_min.setValue(9)
    widget.rules_table.selectRow(0)
    widget.remove_rule_button.click()
    assert widget.is_modified()
    widget.revert_button.click()
    assert widget.burst_min.value() == 5
    assert widget.rules_model.rules() == DEFAULT_RULES
    assert not widget.is_modified()
    assert _audit_count(ctx) == 0


def test_a_refused_field_is_explained_next_to_it(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    widget = _widget(qtbot, ctx)
    widget.template_threshold.setValue(0.8)
    widget.burst_min.setMinimum(0)  # stands for any value the service refuses
    widget.burst_min.setValue(1)
    widget.save_button.click()
    assert not widget.errors["burst_min"].isHidden()
    assert "至少为 2" in widget.errors["burst_min"].text()
    assert widget.errors["template_threshold"].isHidden()
    assert "未保存" in widget.message.text()
    assert detection.detection_settings(ctx) == detection.DetectionSettings()
    assert _audit_count(ctx) == 0
    # Corrected, it saves and the message goes.
    scripted._confirm = [False]
    widget.burst_min.setValue(3)
    widget.save_button.click()
    assert widget.errors["burst_min"].isHidden()
    assert detection.detection_settings(ctx).burst_min == 3


def test_an_empty_rule_set_is_refused(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    widget = _widget(qtbot, ctx)
    while widget.rules_model.rowCount():
        widget.rules_table.selectRow(0)
        widget.remove_rule_button.click()
    widget.save_button.click()
    assert not widget.errors["risk_rules"].isHidden()
    assert "恢复默认" in widget.errors["risk_rules"].text()
    assert detection.detection_settings(ctx).risk_rules == ""
    assert _audit_count(ctx) == 0
    widget.default_rules_button.click()
    assert widget.rules_model.rules() == DEFAULT_RULES
    assert not widget.is_modified()


def test_a_handler_sees_the_settings_read_only(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    handler = user_factory("h", "handler")
    widget = _widget(qtbot, handler)
    assert not widget.form.isEnabled()
    assert not widget.save_button.isEnabled()
    assert not widget.template_threshold.isEnabled()
    assert not widget.add_rule_button.isEnabled()
    assert not widget.read_only_note.isHidden()
    assert widget.rules_model.rules() == DEFAULT_RULES


# --------------------------------------------------------------------------- risk rules


NEW_RULE = RiskRule(level="level1", any_of=frozenset({Indicator.VIRTUAL_NUMBER.value, Indicator.PHONE_CHANGED.value}),
                    min_count=3, label="虚拟号段或刚换号")


class _Filled(RiskRuleDialog):
    """The person ticks VIRTUAL_NUMBER and PHONE_CHANGED, picks level 1, 3 indicators, a label, OK."""

    def exec(self) -> int:
        self.level.setCurrentIndex(self.level.findData("level1"))
        self.set_checked(self.any_of, NEW_RULE.any_of)
        self.set_checked(self.all_of, frozenset())
        self.min_count.setValue(3)
        self.label.setText("虚拟号段或刚换号")
        self.accept()
        return self.result()


class _Cancelled(RiskRuleDialog):
    def exec(self) -> int:
        self.set_checked(self.any_of, frozenset({Indicator.DEMANDS.value}))
        self.reject()
        return self.result()


def test_rules_added_and_removed_round_trip_to_json(qtbot, ctx, scripted, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ds, "RiskRuleDialog", _Filled)
    widget = _widget(qtbot, ctx)
    widget.add_rule_button.click()
    assert widget.rules_model.rowCount() == len(DEFAULT_RULES.rules) + 1
    assert widget.rules_model.row_at(widget.rules_model.rowCount() - 1) == NEW_RULE
    widget.rules_table.selectRow(4)  # the default "2 or more indicators" rule
    widget.remove_rule_button.click()
    expected = RiskRules((*DEFAULT_RULES.rules[:4], NEW_RULE))
    assert widget.rules_model.rules() == expected
    scripted._confirm = [False]
    widget.save_button.click()
    stored = detection.detection_settings(ctx)
    assert RiskRules.from_json(stored.risk_rules) == expected
    assert json.loads(stored.risk_rules)["rules"][-1]["label"] == "虚拟号段或刚换号"
    # Back to the defaults: stored as "use the defaults".
    widget.default_rules_button.click()
    scripted._confirm = [False]
    widget.save_button.click()
    assert detection.detection_settings(ctx).risk_rules == ""


def test_editing_a_rule_replaces_it(qtbot, ctx, scripted, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ds, "RiskRuleDialog", _Filled)
    widget = _widget(qtbot, ctx)
    widget.rules_table.selectRow(1)
    assert widget.edit_rule_button.isEnabled()
    widget.edit_rule_button.click()
    assert widget.rules_model.row_at(1) == NEW_RULE
    assert widget.rules_model.rowCount() == len(DEFAULT_RULES.rules)


def test_cancelling_the_rule_dialog_changes_nothing(qtbot, ctx, scripted, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ds, "RiskRuleDialog", _Cancelled)
    widget = _widget(qtbot, ctx)
    widget.add_rule_button.click()
    widget.rules_table.selectRow(0)
    widget.edit_rule_button.click()
    assert widget.rules_model.rules() == DEFAULT_RULES
    assert not widget.is_modified()


def test_rule_dialog_builds_the_rule_and_refuses_one_without_conditions(qtbot) -> None:  # noqa: ANN001
    dialog = RiskRuleDialog(DEFAULT_RULES.rules[0])
    qtbot.addWidget(dialog)
    assert dialog.checked(dialog.any_of) == DEFAULT_RULES.rules[0].any_of
    assert dialog.level.currentData() == "level1"
    dialog.set_checked(dialog.any_of, frozenset())
    dialog.accept()
    assert dialog.result_rule is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "至少" in dialog.error.text()
    # Ticking an indicator through the list (as a click would) makes it valid.
    item = dialog.all_of.item(list(Indicator).index(Indicator.SAME_VOICE))
    item.setCheckState(Qt.CheckState.Checked)
    dialog.level.setCurrentIndex(dialog.level.findData("level2"))
    dialog.label.setText("")
    dialog.accept()
    assert dialog.result_rule == RiskRule(level="level2", all_of=frozenset({"SAME_VOICE"}))
    assert dialog.result() == QDialog.DialogCode.Accepted


# --------------------------------------------------------------------------- full detection after saving


def test_accepting_the_offer_runs_full_detection(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    _template_complaints(ctx)
    assert _template_links(ctx) == 1
    widget = _widget(qtbot, ctx)
    changed: list[bool] = []
    widget.data_changed.connect(lambda: changed.append(True))
    widget.template_threshold.setValue(1.0)  # only identical texts count: the pair no longer does
    scripted._confirm = [True]
    widget.save_button.click()
    assert widget.detection_job is not None
    qtbot.waitUntil(lambda: widget.detection_job is None, timeout=20000)
    assert _template_links(ctx) == 0
    assert changed == [True]
    assert "检测投诉 2 笔" in widget.message.text()
    assert widget.save_button.isEnabled()


def test_declining_the_offer_runs_nothing(qtbot, ctx, scripted) -> None:  # noqa: ANN001
    _template_complaints(ctx)
    widget = _widget(qtbot, ctx)
    widget.template_threshold.setValue(1.0)
    scripted._confirm = [False]
    widget.save_button.click()
    assert widget.detection_job is None
    assert detection.detection_settings(ctx).template_threshold == 1.0
    assert _template_links(ctx) == 1  # the new threshold waits for the next run


def test_cancelling_the_run_keeps_the_links(qtbot, ctx, scripted, monkeypatch) -> None:  # noqa: ANN001
    _template_complaints(ctx)
    widget = _widget(qtbot, ctx)
    held = []
    monkeypatch.setattr(detection_runner, "start", held.append)  # the person presses Cancel before it gets going
    widget.template_threshold.setValue(1.0)
    scripted._confirm = [True]
    widget.save_button.click()
    (job,) = held
    widget.progress_dialog.canceled.emit()
    with qtbot.waitSignal(job.signals.failed, timeout=10000):
        job.run()
    assert widget.detection_job is None
    assert "已取消" in widget.message.text()
    assert _template_links(ctx) == 1

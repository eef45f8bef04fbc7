"""The administrator's form for link detection: thresholds, burst window, shared-identifier limits and
the rules that turn indicators into a risk level (一级/二级).

Every number has a one-line explanation of what raising or lowering it does, because the people who
tune it are not programmers. Saving checks the values with ``DetectionSettings.validate`` and shows a
refusal next to the field it names; new settings apply to the next detection run, so after saving
the form offers to re-run detection over every complaint at once (in a worker, with a working Cancel).
Other roles see the settings read-only.

The voice threshold shown is the one of the voice engine this installation actually uses; finding out
may load a neural model, so that happens in a worker when the form first opens.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from greyline.detect import voice as voice_detect
from greyline.detect.risk import DEFAULT_RULES, RULE_LEVELS, RiskRule, RiskRules
from greyline.domain.enums import Indicator, RiskLevel
from greyline.domain.errors import Cancelled, ValidationError
from greyline.domain.permissions import Permission, can
from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.ui import prompts
from greyline.ui.dialog_buttons import ok_cancel_buttons
from greyline.ui.errors import show_error
from greyline.ui.detection_runner import start_full_detection
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips
from greyline.ui.workers import Job, start

ERROR_STYLE = "color: #c5221f;"
HINT_STYLE = "color: #5f6368;"

# The engine detection uses here (name, default threshold), once known: loading it can take seconds.
_ACTIVE_ENGINE: list[tuple[str, float]] = []


def _probe_engine() -> tuple[str, float]:
    engine = voice_detect.best_engine()
    return engine.name, float(engine.default_threshold)


def _kept(loaded: float, shown: float, decimals: int) -> float:
    """The stored value unless the person changed what the spin box shows (it rounds)."""
    return loaded if abs(loaded - shown) < 0.5 * 10 ** -decimals else round(shown, decimals)


# --------------------------------------------------------------------------- risk rules


class RiskRuleTableModel(RowTableModel):
    """The risk rules in order, one per row (rows are ``RiskRule``)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns(with_text_tooltips([
            Column(self.tr("等级"), lambda r: RiskLevel(r.level).label),
            Column(self.tr("存在任一指标"), lambda r: self._names(r.any_of)),
            Column(self.tr("同时存在指标"), lambda r: self._names(r.all_of)),
            Column(self.tr("指标数达到"), lambda r: str(r.min_count) if r.min_count else "—", ALIGN_RIGHT),
            Column(self.tr("说明"), lambda r: r.description()),
        ]))

    @staticmethod
    def _names(codes: frozenset[str]) -> str:
        return "、".join(i.label for i in Indicator if i.value in codes) or "—"

    def rules(self) -> RiskRules:
        return RiskRules(tuple(self.rows))


class RiskRuleDialog(QDialog):
    """Adds or edits one risk rule: the level, and when it fires (any of / all of / how many indicators)."""

    def __init__(self, rule: RiskRule | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑风险规则") if rule else self.tr("新增风险规则"))
        self.setMinimumSize(720, 520)
        self.result_rule: RiskRule | None = None
        self.level = QComboBox()
        for code in reversed(RULE_LEVELS):  # level 1 (graver) first
            self.level.addItem(RiskLevel(code).label, code)
        self.any_of = self._indicator_list(rule.any_of if rule else frozenset())
        self.all_of = self._indicator_list(rule.all_of if rule else frozenset())
        self.min_count = QSpinBox()
        self.min_count.setRange(0, len(Indicator))
        self.min_count.setSpecialValueText(self.tr("不使用"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("向处理人员显示的说明，如：存在伪造材料（留空则按条件自动生成）"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        if rule is not None:
            self.level.setCurrentIndex(self.level.findData(rule.level))
            self.min_count.setValue(rule.min_count)
            self.label.setText(rule.label)

        intro = QLabel(self.tr("满足下面任意一项条件时，投诉即达到所选等级；不需要的条件留空即可。"))
        intro.setWordWrap(True)
        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("存在下列任一指标")), 0, 0)
        lists.addWidget(QLabel(self.tr("同时存在下列全部指标")), 0, 1)
        lists.addWidget(self.any_of, 1, 0)
        lists.addWidget(self.all_of, 1, 1)
        self.level.setMaximumWidth(160)
        self.min_count.setMaximumWidth(160)
        top = QFormLayout()
        top.addRow(self.tr("等级"), self.level)
        bottom = QFormLayout()
        bottom.addRow(self.tr("或指标数达到"), self.min_count)
        bottom.addRow(self.tr("说明"), self.label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(lists, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, self.tr("确定"), self.tr("取消")))

    @staticmethod
    def _indicator_list(checked: frozenset[str]) -> QListWidget:
        box = QListWidget()
        for ind in Indicator:
            item = QListWidgetItem(ind.label)
            item.setData(Qt.ItemDataRole.UserRole, ind.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ind.value in checked else Qt.CheckState.Unchecked)
            box.addItem(item)
        return box

    @staticmethod
    def checked(box: QListWidget) -> frozenset[str]:
        return frozenset(box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
                         if box.item(i).checkState() == Qt.CheckState.Checked)

    @staticmethod
    def set_checked(box: QListWidget, codes: frozenset[str]) -> None:
        for i in range(box.count()):
            item = box.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        try:
            rule = RiskRule(level=self.level.currentData(), any_of=self.checked(self.any_of),
                            all_of=self.checked(self.all_of), min_count=self.min_count.value(),
                            label=self.label.text().strip())
        except ValueError:
            # The only way the form can give a bad rule is a rule without conditions.
            self.error.setText(self.tr("请至少选择一项条件：勾选指标，或填写指标数。"))
            return
        self.result_rule = rule
        super().accept()


# --------------------------------------------------------------------------- the form


class DetectionSettingsWidget(QWidget):
    """Edit and save ``DetectionSettings``; offers a full detection run after saving."""

    status_message = Signal(str)
    data_changed = Signal()      # a detection run changed links, indicators or levels
    engine_known = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = can(ctx.actor.role, Permission.EDIT_SETTINGS)
        self._loaded = detection.DetectionSettings()
        self.engine: tuple[str, float] | None = _ACTIVE_ENGINE[0] if _ACTIVE_ENGINE else None
        self.detection_job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.errors: dict[str, QLabel] = {}

        # Text template.
        self.template_threshold = self._double(0.20, 1.00, 0.05, 2)
        template_box, form = self._box(self.tr("文本模板"))
        self._row(form, "template_threshold", self.tr("文本相似度阈值"), self.template_threshold, self.tr(
            "两份投诉的文本相似度达到此值即提示“文本高度雷同”。调高：提示更少、更可靠；调低：能发现改动较多的模板，但误报增多。"))

        # Voice.
        self.engine_label = QLabel()
        self.engine_label.setWordWrap(True)
        self.voice_threshold = self._double(-1.0, 1.0, 0.01, 3)
        self.voice_group_margin = self._double(0.0, 0.5, 0.01, 2)
        voice_box, form = self._box(self.tr("声纹"))
        form.addRow(self.tr("当前引擎"), self.engine_label)
        self._row(form, "voice_thresholds", self.tr("同一声音判定阈值"), self.voice_threshold, self.tr(
            "两段录音的声纹相似度达到此值即提示“同一声音”。调高：误报更少，但可能漏掉音质差的录音。"))
        self._row(form, "voice_group_margin", self.tr("团伙建议附加余量"), self.voice_group_margin, self.tr(
            "声纹相似度须再高出此值，才计入团伙建议：录音越多，偶然相似的组合越多。"))

        # Images.
        self.image_threshold = self._double(0.50, 1.00, 0.01, 2)
        image_box, form = self._box(self.tr("图片"))
        self._row(form, "image_threshold", self.tr("图片相同比例"), self.image_threshold, self.tr(
            "两张图片相同区块的比例达到此值即提示“同一图片重复出现”（如同一伪造印章）。调高：只认几乎一样的图片。"))

        # Time burst.
        self.burst_days = self._int(0, 60, self.tr(" 天"))
        self.burst_min = self._int(2, 1000, self.tr(" 笔"))
        burst_box, form = self._box(self.tr("集中投诉"))
        self._row(form, "burst_days", self.tr("时间窗口（前后）"), self.burst_days, self.tr(
            "相关投诉的受理日期相差不超过此天数，视为同一时段。"))
        self._row(form, "burst_min", self.tr("最少投诉数"), self.burst_min, self.tr(
            "同一时段内相关投诉达到此数即提示“短时间内集中投诉”。调低会更早提示，但误报增多。"))

        # Shared identifiers.
        self.identifier_cap = self._int(2, 100000, self.tr(" 笔"))
        self.phone_changed_days = self._int(0, 365, self.tr(" 天"))
        shared_box, form = self._box(self.tr("共用标识"))
        self._row(form, "identifier_cap", self.tr("单个标识关联上限"), self.identifier_cap, self.tr(
            "使用同一号码或地址的投诉超过此数时，视为公共号码，不再两两关联。客服热线等可在“常用号码”页直接标记。"))
        self._row(form, "phone_changed_days", self.tr("更换手机号提示（天）"), self.phone_changed_days, self.tr(
            "投诉前此天数内更换过预留手机号，即提示“投诉前不久更换预留手机号”。"))

        # Risk rules.
        self.rules_model = RiskRuleTableModel(self)
        self.rules_table = read_only_table(self.rules_model)
        self.rules_table.setMinimumHeight(190)
        for column, width in enumerate((64, 330, 250, 84)):
            self.rules_table.setColumnWidth(column, width)
        self.rules_table.doubleClicked.connect(lambda _index: self.edit_rule())
        self.rules_table.selectionModel().selectionChanged.connect(self._update_rule_buttons)
        self.add_rule_button = QPushButton(self.tr("新增规则…"))
        self.edit_rule_button = QPushButton(self.tr("编辑…"))
        self.remove_rule_button = QPushButton(self.tr("删除"))
        self.default_rules_button = QPushButton(self.tr("恢复默认"))
        self.add_rule_button.clicked.connect(self.add_rule)
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.remove_rule_button.clicked.connect(self.remove_rule)
        self.default_rules_button.clicked.connect(self.restore_default_rules)
        rules_box = QGroupBox(self.tr("风险等级规则"))
        rules_layout = QVBoxLayout(rules_box)
        rules_hint = QLabel(self.tr("投诉满足任一条规则即达到该规则的等级，取最高者；一级为更严重（伪造、敲诈、有组织），"
                                    "可考虑报案。人工设定的等级不受规则影响。"))
        rules_hint.setWordWrap(True)
        rules_hint.setStyleSheet(HINT_STYLE)
        rules_layout.addWidget(rules_hint)
        rules_layout.addWidget(self.rules_table, 1)
        self.errors["risk_rules"] = self._error_label()
        rules_layout.addWidget(self.errors["risk_rules"])
        rule_buttons = QHBoxLayout()
        for button in (self.add_rule_button, self.edit_rule_button, self.remove_rule_button):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)
        rule_buttons.addWidget(self.default_rules_button)
        rules_layout.addLayout(rule_buttons)

        # Save / revert.
        self.save_button = QPushButton(self.tr("保存关联检测设置"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)

        self.read_only_note = QLabel(self.tr("只有管理员可以修改关联检测设置；这里显示当前使用的设置。"))
        self.read_only_note.setStyleSheet("color: #b06000;")
        self.read_only_note.setVisible(not self.may_edit)

        self.form = QWidget()
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (template_box, voice_box, image_box):
            left.addWidget(box)
        for box in (burst_box, shared_box):
            right.addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(columns)
        form_layout.addWidget(rules_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.form, 1)
        layout.addLayout(actions)
        self.form.setEnabled(self.may_edit)
        self.save_button.setEnabled(self.may_edit)
        self.revert_button.setEnabled(self.may_edit)

        self._show_engine()
        self.load()
        if self.engine is None:
            self._start_engine_probe()

    # ------------------------------------------------------------------ building blocks
    def _box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    def _row(self, form: QFormLayout, name: str, title: str, editor: QWidget, hint: str) -> None:
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(HINT_STYLE)
        self.errors[name] = self._error_label()
        column = QVBoxLayout()
        column.setSpacing(2)
        editor.setMaximumWidth(160)
        column.addWidget(editor)
        column.addWidget(hint_label)
        column.addWidget(self.errors[name])
        form.addRow(title, column)

    @staticmethod
    def _double(low: float, high: float, step: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(decimals)
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return box

    @staticmethod
    def _int(low: int, high: int, suffix: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSuffix(suffix)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return box

    # ------------------------------------------------------------------ voice engine
    def _engine_name(self, name: str) -> str:
        names = {voice_detect.ResemblyzerEngine.name: self.tr("Resemblyzer 神经网络声纹模型"),
                 voice_detect.BuiltinEngine.name: self.tr("内置声纹引擎（MFCC）"),
                 "builtin-mfcc-cal": self.tr("内置声纹引擎（MFCC，已校准）")}
        return names.get(name, name)

    def _show_engine(self) -> None:
        if self.engine is None:
            self.engine_label.setText(self.tr("正在确定本机使用的声纹引擎…"))
            self.voice_threshold.setEnabled(False)
            return
        name, default = self.engine
        self.engine_label.setText(self.tr("%1（默认阈值 %2）").replace("%1", self._engine_name(name)).replace(
            "%2", f"{default:.2f}"))
        self.voice_threshold.setEnabled(True)
        self.voice_threshold.setValue(self._loaded.voice_thresholds.get(name, default))

    def _start_engine_probe(self) -> None:
        job = Job(lambda _progress, _cancelled: _probe_engine())
        job.signals.finished.connect(self._engine_found)
        job.signals.failed.connect(self._engine_failed)
        start(job)

    def _engine_found(self, engine: object) -> None:
        if not _ACTIVE_ENGINE:
            _ACTIVE_ENGINE.append(engine)  # type: ignore[arg-type]
        self.engine = _ACTIVE_ENGINE[0]
        self._show_engine()
        self.engine_known.emit()

    def _engine_failed(self, exc: object) -> None:
        self.engine_label.setText(self.tr("无法确定声纹引擎，声纹阈值暂不能修改。"))
        show_error(self, exc)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ loading and reading the form
    def load(self) -> None:
        """Show the stored settings (discarding unsaved edits)."""
        self._loaded = detection.detection_settings(self.ctx)
        s = self._loaded
        self.template_threshold.setValue(s.template_threshold)
        self.image_threshold.setValue(s.image_threshold)
        self.voice_group_margin.setValue(s.voice_group_margin)
        self.burst_days.setValue(s.burst_days)
        self.burst_min.setValue(s.burst_min)
        self.identifier_cap.setValue(s.identifier_cap)
        self.phone_changed_days.setValue(s.phone_changed_days)
        self._clear_errors()
        self.message.clear()
        try:
            rules = s.rules()
        except ValueError as exc:  # stored by an older version with other checks: show the defaults
            rules = DEFAULT_RULES
            self._show_error("risk_rules", str(exc))
        self.rules_model.set_rows(rules.rules)
        self._show_engine()
        self._update_rule_buttons()

    def current_settings(self) -> detection.DetectionSettings:
        """The settings as the form shows them (values the person did not touch stay exactly as stored)."""
        s = self._loaded
        voice = dict(s.voice_thresholds)
        if self.engine is not None:
            name, default = self.engine
            shown = self.voice_threshold.value()
            if abs(shown - voice.get(name, default)) >= 0.0005:
                voice[name] = round(shown, 3)
        rules = self.rules_model.rules()
        try:
            unchanged = rules == s.rules()
        except ValueError:
            unchanged = False
        if unchanged:
            risk_rules = s.risk_rules
        elif rules == DEFAULT_RULES:
            risk_rules = ""
        else:
            risk_rules = rules.to_json()
        return replace(
            s,
            template_threshold=_kept(s.template_threshold, self.template_threshold.value(), 2),
            image_threshold=_kept(s.image_threshold, self.image_threshold.value(), 2),
            voice_group_margin=_kept(s.voice_group_margin, self.voice_group_margin.value(), 2),
            voice_thresholds=voice,
            burst_days=self.burst_days.value(),
            burst_min=self.burst_min.value(),
            identifier_cap=self.identifier_cap.value(),
            phone_changed_days=self.phone_changed_days.value(),
            risk_rules=risk_rules,
        )

    def is_modified(self) -> bool:
        return self.current_settings() != self._loaded

    # ------------------------------------------------------------------ errors
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def _show_error(self, field: str | None, text: str) -> None:
        label = self.errors.get(field or "")
        if label is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(text)
            return
        label.setText(text)
        label.setVisible(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(self.tr("有设置不符合要求，未保存，请看标红的说明。"))

    def _note(self, text: str) -> None:
        self.message.setStyleSheet(HINT_STYLE)
        self.message.setText(text)

    # ------------------------------------------------------------------ rules editing
    def _selected_rule_row(self) -> int | None:
        rows = self.rules_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_rule_buttons(self) -> None:
        has = self._selected_rule_row() is not None
        self.edit_rule_button.setEnabled(has)
        self.remove_rule_button.setEnabled(has)

    def _set_rules(self, rules: tuple[RiskRule, ...], select: int | None = None) -> None:
        self.rules_model.set_rows(rules)
        self.errors["risk_rules"].setVisible(False)
        if select is not None and 0 <= select < len(rules):
            self.rules_table.selectRow(select)
        self._update_rule_buttons()

    def add_rule(self) -> None:
        dialog = RiskRuleDialog(None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_rule is not None:
            rows = (*self.rules_model.rows, dialog.result_rule)
            self._set_rules(rows, len(rows) - 1)

    def edit_rule(self) -> None:
        row = self._selected_rule_row()
        if row is None or not self.may_edit:
            return
        dialog = RiskRuleDialog(self.rules_model.row_at(row), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_rule is not None:
            rows = list(self.rules_model.rows)
            rows[row] = dialog.result_rule
            self._set_rules(tuple(rows), row)

    def remove_rule(self) -> None:
        row = self._selected_rule_row()
        if row is None:
            return
        rows = list(self.rules_model.rows)
        del rows[row]
        self._set_rules(tuple(rows), min(row, len(rows) - 1) if rows else None)

    def restore_default_rules(self) -> None:
        self._set_rules(DEFAULT_RULES.rules)
        self._note(self.tr("已恢复默认规则，保存后生效。"))

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Validate and store the form; then offer a full detection run. True when something was stored."""
        self._clear_errors()
        settings = self.current_settings()
        if settings == self._loaded:
            self._note(self.tr("没有需要保存的修改。"))
            return False
        if not settings.rules().rules:
            self._show_error("risk_rules", self.tr("至少保留一条规则；如需重新开始，请点“恢复默认”。"))
            return False
        try:
            settings.validate()
            detection.update_detection_settings(self.ctx, settings)
        except ValidationError as exc:
            self._show_error(exc.field, exc.reason)
            return False
        except Exception as exc:  # noqa: BLE001 - permissions and the unexpected are shown like everywhere
            show_error(self, exc)
            return False
        self._loaded = settings
        self._note(self.tr("关联检测设置已保存，将在下次检测时生效。"))
        self.status_message.emit(self.tr("关联检测设置已保存"))
        if prompts.current().confirm(self, self.tr(
                "设置已保存。是否现在按新设置重新检测全部投诉？\n投诉较多时可能需要几分钟，期间可以取消。")):
            self.run_detection()
        return True

    def run_detection(self) -> None:
        if self.detection_job is not None:
            return
        self.save_button.setEnabled(False)
        self.detection_job, self.progress_dialog = start_full_detection(
            self, self.ctx, self.tr("正在按新设置重新检测全部投诉…"), self._detection_finished,
            self._detection_failed)

    def _detection_done(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.detection_job = None
        self.save_button.setEnabled(self.may_edit)

    def _detection_finished(self, summary: object) -> None:
        self._detection_done()
        text = summary.describe()  # type: ignore[attr-defined]
        self._note(text)
        self.status_message.emit(text)
        self.data_changed.emit()

    def _detection_failed(self, exc: object) -> None:
        self._detection_done()
        if isinstance(exc, Cancelled):
            self._note(self.tr("已取消重新检测，未做任何改动；新设置会在下次检测时生效。"))
        else:
            show_error(self, exc)  # type: ignore[arg-type]

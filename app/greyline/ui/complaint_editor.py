"""The complaint editor: one dialog to register a new complaint or work on an existing one.

The form tab holds the work order, the customer, the numbers actually used, contract data, the text,
demands, indicators, status and risk level, each checked while it is typed (the reason in red beside
the field; Save stays disabled until every problem is fixed). The other tabs (evidence, contact log,
links, history) open once the complaint is saved.

Saving an existing complaint sends the version it was loaded with; if someone else saved first the
editor says so plainly and reloads only when the user agrees, so nobody's work is overwritten
silently. Full identifier values appear only through ``unmask_identifier`` (role-checked, audited).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.complaint_rules import MAX_TEXT, parse_amount_cents, split_demands, validate_complaint
from greyline.domain.deadlines import response_deadline
from greyline.domain.enums import (
    COMPLAINT_TRANSITIONS,
    ComplaintStatus,
    ContactDirection,
    ContactKind,
    IdentifierRole,
    IdentifierType,
    Indicator,
    IndicatorSource,
    LinkKind,
    LinkStatus,
    RiskLevel,
)
from greyline.domain.errors import ConflictError, DomainError, ValidationError
from greyline.domain.identifiers import check_resident_id, normalise
from greyline.domain.permissions import Permission, can
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaint_detail import (
    ComplaintDetail,
    HistoryRow,
    IdentifierRow,
    LinkRow,
    complaint_detail,
    complaint_history,
    complaint_links,
    contact_logs,
)
from greyline.services import complaints as complaint_service
from greyline.services import links as link_service
from greyline.services.complaints import ComplaintChanges
from greyline.services.context import ServiceContext
from greyline.services.settings import ChannelRuleView, channel_rules
from greyline.ui import prompts
from greyline.ui.contact_dialog import ContactDialog
from greyline.ui.errors import guarded, show_error
from greyline.ui.labels import label_of, local_minute
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips
from greyline.ui.similar_panel import SimilarComplaintsPanel
from greyline.ui.template_compare import TemplateCompareDialog
from greyline.ui.viewers import open_viewer

ERROR_STYLE = "color: #c5221f;"
WARN_STYLE = "color: #b06000;"
OK_STYLE = "color: #5f6368;"
DETECTOR_STYLE = "color: #1a73e8;"
SETTINGS_KEY = "complaint_editor/geometry"

# Stored as written here (Chinese is the data); shown through tr().
COMMON_DEMANDS = (
    QT_TRANSLATE_NOOP("ComplaintEditor", "减免罚息"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "减免利息"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "停止催收"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "修复征信"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "退还服务费"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "赔偿损失"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "分期还款"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "停息挂账"),
)
COMMON_CATEGORIES = (
    QT_TRANSLATE_NOOP("ComplaintEditor", "催收方式投诉"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "息费争议"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "征信异议"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "服务费/会员费争议"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "合同纠纷"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "个人信息保护"),
    QT_TRANSLATE_NOOP("ComplaintEditor", "其他"),
)

# The role a newly added identifier most likely has; the handler can change it.
DEFAULT_ROLE = {
    IdentifierType.MOBILE: IdentifierRole.CONTACT_PHONE,
    IdentifierType.LANDLINE: IdentifierRole.CONTACT_PHONE,
    IdentifierType.RESIDENT_ID: IdentifierRole.PERSON_ID,
    IdentifierType.CREDIT_CODE: IdentifierRole.COMPANY_CODE,
    IdentifierType.ADDRESS: IdentifierRole.MAILING_ADDRESS,
    IdentifierType.EMAIL: IdentifierRole.EMAIL,
    IdentifierType.WECHAT: IdentifierRole.WECHAT,
    IdentifierType.QQ: IdentifierRole.QQ,
    IdentifierType.BANK_ACCOUNT: IdentifierRole.BANK_ACCOUNT,
    IdentifierType.IP: IdentifierRole.OTHER,
    IdentifierType.DEVICE: IdentifierRole.OTHER,
}

def _tr(text: str) -> str:
    """Translate a value known only at run time (enum labels); literals call translate() directly so
    lupdate finds them."""
    return QCoreApplication.translate("ComplaintEditor", text)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


def _money(cents: int | None) -> str:
    if cents is None:
        return ""
    return f"{cents // 100}.{cents % 100:02d}" if cents % 100 else str(cents // 100)


def _facts(ident: Any) -> str:
    """A short description of what a checked identifier says about itself (carrier, region, sex…)."""
    a = ident.attributes
    if ident.type == IdentifierType.RESIDENT_ID:
        text = QCoreApplication.translate("ComplaintEditor", "%1，出生日期 %2")
        return text.replace("%1", a.get("sex", "")).replace("%2", a.get("birth_date", ""))
    if ident.type in (IdentifierType.MOBILE, IdentifierType.LANDLINE):
        return " · ".join(v for v in (a.get("carrier", ""), a.get("region", "")) if v) or ident.masked
    if ident.type == IdentifierType.ADDRESS:
        return a.get("building") or ident.value
    return ident.masked


# ====================================================================== table models
def contact_model(parent: QWidget | None = None) -> RowTableModel:
    return RowTableModel(with_text_tooltips([
        Column(QCoreApplication.translate("ComplaintEditor", "时间"), lambda r: r.occurred_at.strftime("%Y-%m-%d %H:%M")),
        Column(QCoreApplication.translate("ComplaintEditor", "方式"), lambda r: label_of(ContactKind, r.kind)),
        Column(QCoreApplication.translate("ComplaintEditor", "方向"), lambda r: label_of(ContactDirection, r.direction)),
        Column(QCoreApplication.translate("ComplaintEditor", "我方号码"), lambda r: r.our_number),
        Column(QCoreApplication.translate("ComplaintEditor", "对方号码"), lambda r: r.their_masked),
        Column(QCoreApplication.translate("ComplaintEditor", "接听人"), lambda r: r.answered_by),
        Column(QCoreApplication.translate("ComplaintEditor", "结果"), lambda r: r.outcome),
        Column(QCoreApplication.translate("ComplaintEditor", "登记人"), lambda r: r.created_by),
    ]), parent)


# Links whose score is a measured similarity; for shared identifiers and manual links it is always 1.
SCORED_KINDS = frozenset({LinkKind.TEMPLATE.value, LinkKind.VOICE.value, LinkKind.IMAGE.value})
EVIDENCE_KINDS = frozenset({LinkKind.VOICE.value, LinkKind.IMAGE.value})
STATUS_BACKGROUND = {
    LinkStatus.SUGGESTED.value: QColor("#fef7e0"),
    LinkStatus.CONFIRMED.value: QColor("#e6f4ea"),
    LinkStatus.REJECTED.value: QColor("#eeeeee"),
}


def link_score_text(row: LinkRow) -> str:
    """The similarity in per cent where the detector measured one; a dash where the link is a shared
    identifier or a person's decision (its score says nothing)."""
    return f"{round(row.score * 100)}%" if row.kind in SCORED_KINDS else "—"


def link_source_text(row: LinkRow) -> str:
    if row.source == "person" or row.kind == LinkKind.MANUAL.value:
        return QCoreApplication.translate("ComplaintEditor", "人工关联")
    return QCoreApplication.translate("ComplaintEditor", "系统识别")


def link_model(parent: QWidget | None = None) -> RowTableModel:
    """Links of one complaint: undecided ones first (the query orders them), the reason last and wide."""
    return RowTableModel(with_text_tooltips([
        Column(QCoreApplication.translate("ComplaintEditor", "状态"), lambda r: label_of(LinkStatus, r.status),
               background=lambda r: STATUS_BACKGROUND.get(r.status)),
        Column(QCoreApplication.translate("ComplaintEditor", "关联对象"), lambda r: r.other_reference),
        Column(QCoreApplication.translate("ComplaintEditor", "工单号"), lambda r: r.other_external_id),
        Column(QCoreApplication.translate("ComplaintEditor", "关联依据"), lambda r: label_of(LinkKind, r.kind)),
        Column(QCoreApplication.translate("ComplaintEditor", "相似度"), link_score_text, ALIGN_RIGHT),
        Column(QCoreApplication.translate("ComplaintEditor", "来源"), link_source_text),
        Column(QCoreApplication.translate("ComplaintEditor", "理由"), lambda r: r.reason),
    ]), parent)


def link_detail_html(row: LinkRow) -> str:
    """The selected link in full, for the pane under the links table (every value escaped)."""
    facts = [label_of(LinkKind, row.kind), label_of(LinkStatus, row.status), link_source_text(row)]
    title = f"<b>{html.escape(row.other_reference)}</b>"
    if row.other_external_id:
        title += " " + html.escape(QCoreApplication.translate("ComplaintEditor", "（工单号 %1）").replace(
            "%1", row.other_external_id))
    lines = [title + " · " + html.escape(" · ".join(f for f in facts if f))]
    lines.append(html.escape(row.reason or QCoreApplication.translate("ComplaintEditor", "（未写明理由）")))
    extra = ""
    if row.kind == LinkKind.TEMPLATE.value and row.other_id is not None:
        extra = QCoreApplication.translate("ComplaintEditor", "点“比较文本”或双击该行，可并排查看两篇原文的相同与不同之处。")
    elif row.kind in EVIDENCE_KINDS and row.evidence_ids:
        extra = QCoreApplication.translate("ComplaintEditor", "依据证据 %1，点“查看证据”可打开比对的文件。").replace(
            "%1", "、".join(f"#{e}" for e in row.evidence_ids))
    if extra:
        lines.append(f'<span style="color:#5f6368;">{html.escape(extra)}</span>')
    return "<br/>".join(lines)


_ACTIONS = {
    "complaint_created": QT_TRANSLATE_NOOP("ComplaintEditor", "新建投诉"),
    "complaint_updated": QT_TRANSLATE_NOOP("ComplaintEditor", "修改投诉"),
    "complaint_status": QT_TRANSLATE_NOOP("ComplaintEditor", "更改状态"),
    "complaint_risk": QT_TRANSLATE_NOOP("ComplaintEditor", "更改风险等级"),
    "identifier_added": QT_TRANSLATE_NOOP("ComplaintEditor", "添加标识"),
    "indicator_set": QT_TRANSLATE_NOOP("ComplaintEditor", "勾选特征"),
    "indicator_cleared": QT_TRANSLATE_NOOP("ComplaintEditor", "取消特征"),
    "contact_logged": QT_TRANSLATE_NOOP("ComplaintEditor", "登记联系"),
}


def history_text(row: HistoryRow) -> str:
    """The audit detail of a complaint event in plain words (the raw JSON when it is unfamiliar)."""
    try:
        d = json.loads(row.detail) if row.detail else {}
    except ValueError:
        return row.detail
    if not isinstance(d, dict):
        return row.detail
    a = row.action
    if a == "complaint_created":
        text = QCoreApplication.translate("ComplaintEditor", "渠道 %1，工单号 %2，标识 %3 个")
        return text.replace("%1", d.get("channel", "")).replace("%2", str(d.get("external_id", ""))).replace(
            "%3", str(d.get("identifiers", 0)))
    if a == "complaint_updated":
        return QCoreApplication.translate("ComplaintEditor", "保存为第 %1 版").replace("%1", str(d.get("version", "")))
    if a == "complaint_status":
        return f"{label_of(ComplaintStatus, d.get('from', ''))} → {label_of(ComplaintStatus, d.get('to', ''))}"
    if a == "complaint_risk":
        return f"{label_of(RiskLevel, d.get('from', ''))} → {label_of(RiskLevel, d.get('to', ''))}"
    if a == "identifier_added":
        return f"{label_of(IdentifierType, d.get('type', ''))} {d.get('masked', '')}" \
               f"（{label_of(IdentifierRole, d.get('role', ''))}）"
    if a == "indicator_set":
        text = label_of(Indicator, d.get("code", ""))
        if d.get("source") == IndicatorSource.DETECTOR.value:
            text += QCoreApplication.translate("ComplaintEditor", "（系统识别）")
        return f"{text}：{d['note']}" if d.get("note") else text
    if a == "indicator_cleared":
        return label_of(Indicator, d.get("code", ""))
    if a == "contact_logged":
        return f"{label_of(ContactDirection, d.get('direction', ''))} {d.get('their', '')}".strip()
    return row.detail


def history_model(parent: QWidget | None = None) -> RowTableModel:
    return RowTableModel(with_text_tooltips([
        Column(QCoreApplication.translate("ComplaintEditor", "时间"), lambda r: local_minute(r.at)),
        Column(QCoreApplication.translate("ComplaintEditor", "用户"), lambda r: r.username),
        Column(QCoreApplication.translate("ComplaintEditor", "操作"),
         lambda r: _tr(_ACTIONS[r.action]) if r.action in _ACTIONS else r.action),
        Column(QCoreApplication.translate("ComplaintEditor", "内容"), history_text),
    ]), parent)


# ====================================================================== small widgets
class FieldHint(QLabel):
    """The line under a field: the problem in red, or what the check found in grey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False
        self.hide()

    def show_error(self, text: str) -> None:
        self._set(text, ERROR_STYLE, True)

    def show_warning(self, text: str) -> None:
        self._set(text, WARN_STYLE, False)

    def show_ok(self, text: str) -> None:
        self._set(text, OK_STYLE, False)

    def clear_hint(self) -> None:
        self._set("", OK_STYLE, False)

    def _set(self, text: str, style: str, error: bool) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.is_error = error
        self.setVisible(bool(text))


LABEL_WIDTH = 96


class _AlignedForm(QFormLayout):
    """A form whose labels have one width, so the forms of all sections line up."""

    def addRow(self, label: Any, field: Any = None) -> None:  # noqa: N802 - Qt API
        if isinstance(label, str) and field is not None:
            text = QLabel(label)
            text.setMinimumWidth(LABEL_WIDTH)
            text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if isinstance(field, QWidget):
                text.setBuddy(field)
            super().addRow(text, field)
        else:
            super().addRow(label, field)


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumWidth(130)
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


def _field(widget: QWidget, hint: FieldHint, *extra: QWidget) -> QWidget:
    """A field with its hint underneath (and optional widgets to its right)."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(2)
    if extra:
        h = QHBoxLayout()
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(widget, 0 if isinstance(widget, QDateEdit) else 1)
        for w in extra:
            h.addWidget(w)
        if isinstance(widget, QDateEdit):
            h.addStretch(1)
        v.addLayout(h)
    else:
        v.addWidget(widget)
    v.addWidget(hint)
    return box


class NewIdentifierRow(QWidget):
    """One more contact detail to add: type, value (checked live), its role on the complaint."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = QComboBox()
        for t in IdentifierType:
            self.type.addItem(self.tr(t.label), t.value)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("号码、邮箱、微信号或地址"))
        self.role = QComboBox()
        for r in IdentifierRole:
            self.role.addItem(self.tr(r.label), r.value)
        self.remove = QToolButton()
        self.remove.setText(self.tr("移除"))
        self.hint = FieldHint()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.type, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.role, 0, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(self.hint, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.value.textChanged.connect(self.changed)
        self.role.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        self._type_changed()

    def set_type(self, typ: IdentifierType) -> None:
        self.type.setCurrentIndex(self.type.findData(typ.value))

    def _type_changed(self) -> None:
        typ = IdentifierType(self.type.currentData())
        self.role.setCurrentIndex(self.role.findData(DEFAULT_ROLE[typ].value))
        self.changed.emit()

    def check(self) -> str | None:
        """Updates the hint; returns the problem, if any (an empty row is no problem: it is skipped)."""
        raw = self.value.text().strip()
        if not raw:
            self.hint.clear_hint()
            return None
        try:
            ident = normalise(IdentifierType(self.type.currentData()), raw)
        except ValidationError as exc:
            self.hint.show_error(exc.reason)
            return exc.reason
        self.hint.show_ok(self.tr("可识别：%1").replace("%1", _facts(ident)))
        return None

    def item(self) -> IdentifierInput | None:
        raw = self.value.text().strip()
        if not raw:
            return None
        return IdentifierInput(self.type.currentData(), raw, self.role.currentData())


class IndicatorLine:
    """One indicator of the checklist: tick box, note, and who set it."""

    def __init__(self, code: Indicator) -> None:
        self.code = code
        self.box = QCheckBox(_tr(code.label))
        self.box.setToolTip(code.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText(QCoreApplication.translate("ComplaintEditor", "依据或说明（可选）"))
        self.note.setEnabled(False)
        self.source = QLabel()
        self.source.setStyleSheet(OK_STYLE)
        self.detector = False
        self.box.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.note.setEnabled(on and not self.detector)

    def load(self, hit: Any | None) -> None:
        self.detector = hit is not None and hit.source == IndicatorSource.DETECTOR.value
        self.box.setChecked(hit is not None)
        self.note.setText(hit.note if hit is not None else "")
        self.box.setEnabled(not self.detector)
        self.note.setReadOnly(self.detector)
        self.note.setEnabled(hit is not None and not self.detector)
        self.box.setToolTip(self.code.value)
        if hit is None:
            self.source.setText("")
            self.source.setToolTip("")
            self.source.setStyleSheet(OK_STYLE)
        elif self.detector:
            self.source.setText(QCoreApplication.translate("ComplaintEditor", "系统识别"))
            self.source.setStyleSheet(DETECTOR_STYLE)
            tip = QCoreApplication.translate("ComplaintEditor", "由系统识别于 %1；人工不能更改").replace(
                "%1", local_minute(hit.set_at))
            if hit.note:
                tip += "\n" + hit.note
            for w in (self.source, self.box, self.note):
                w.setToolTip(tip)
            self.note.setEnabled(True)
        else:
            self.source.setText(QCoreApplication.translate("ComplaintEditor", "人工 · %1").replace("%1", hit.set_by))
            self.source.setStyleSheet(OK_STYLE)
            self.source.setToolTip(QCoreApplication.translate("ComplaintEditor", "%1 于 %2 勾选")
                                   .replace("%1", hit.set_by).replace("%2", local_minute(hit.set_at)))


# ====================================================================== the editor
class ComplaintEditor(QDialog):
    """Registers a new complaint (``complaint_id`` None) or edits an existing one; non-modal."""

    saved = Signal(int)  # the complaint id, after every successful save

    def __init__(self, ctx: ServiceContext, complaint_id: int | None, nav: Navigator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self._detail: ComplaintDetail | None = None
        self._loading = False
        self._touched: set[str] = set()
        self._clean: dict[str, Any] = {}
        self._errors: dict[str, str] = {}
        self._rules: dict[str, ChannelRuleView] = {r.code: r for r in channel_rules(ctx)}
        self._may_edit = can(ctx.actor.role, Permission.EDIT_COMPLAINT)
        self._may_decide = can(ctx.actor.role, Permission.DECIDE_LINK)
        self.new_identifier_rows: list[NewIdentifierRow] = []
        self.contact_dialog: ContactDialog | None = None
        self._unmask_target: IdentifierRow | None = None
        self._unmask_labels: dict[tuple[int, str], QLabel] = {}

        self.setSizeGripEnabled(True)
        self.setMinimumSize(760, 540)  # the form scrolls; small screens still fit
        self._build()

        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)
        geometry = QSettings("Greyline", "Greyline").value(SETTINGS_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)

        if complaint_id is None:
            self._load_new()
        else:
            self._load(complaint_detail(ctx.store, complaint_id))

    # ------------------------------------------------------------------ public
    @property
    def complaint_id(self) -> int | None:
        return self._detail.id if self._detail is not None else None

    @property
    def detail(self) -> ComplaintDetail | None:
        return self._detail

    def set_evidence_widget(self, widget: QWidget) -> None:
        """Put the evidence panel (built elsewhere) into the 证据 tab, replacing what was there."""
        layout = self.evidence_tab.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.hide()
                old.deleteLater()
        layout.addWidget(widget)

    def is_dirty(self) -> bool:
        return self._snapshot() != self._clean

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.banner = QFrame()
        self.banner.setStyleSheet("QFrame { background: #fce8e6; border: 1px solid #f28b82; border-radius: 4px; }"
                                  "QLabel { border: none; color: #a50e0e; }")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("重新载入"))
        self.reload_button.clicked.connect(self._reload_clicked)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.reload_button)
        self.banner.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_form(), self.tr("投诉信息"))
        self.evidence_tab = QWidget()
        self.evidence_tab.setObjectName("evidence_tab")
        QVBoxLayout(self.evidence_tab)
        self.tabs.addTab(self.evidence_tab, self.tr("证据"))
        self.tabs.addTab(self._build_contacts(), self.tr("联系记录"))
        self.tabs.addTab(self._build_links(), self.tr("关联"))
        self.tabs.addTab(self._build_history(), self.tr("历史"))

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.close_button = QPushButton(self.tr("关闭"))
        for b in (self.save_button, self.close_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _form() -> QFormLayout:
        form = _AlignedForm()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        return form

    def _build_form(self) -> QWidget:
        hints: dict[str, FieldHint] = {}

        def hint(key: str) -> FieldHint:
            hints[key] = FieldHint()
            return hints[key]

        self.hints = hints

        # ---- work order
        self.channel = QComboBox()
        for r in self._rules.values():
            self.channel.addItem(r.label, r.code)
        self.external_id = QLineEdit()
        self.external_id.setPlaceholderText(self.tr("来源渠道给出的工单号"))
        self.received_at = _date_edit()
        # The time of day an imported work order was registered (read-only: it comes from the export).
        self.received_time = QLabel()
        self.received_time.setObjectName("received_time")
        self.deadline_at = _date_edit()
        self.deadline_manual = QCheckBox(self.tr("手动指定"))
        self.deadline_manual.setToolTip(self.tr("例如经批准延长答复期限时"))
        order = QGroupBox(self.tr("工单"))
        f = self._form()
        f.addRow(self.tr("来源渠道 *"), _field(self.channel, hint("channel")))
        f.addRow(self.tr("工单编号 *"), _field(self.external_id, hint("external_id")))
        f.addRow(self.tr("受理日期 *"), _field(self.received_at, hint("received_at"), self.received_time))
        f.addRow(self.tr("答复期限"), _field(self.deadline_at, hint("deadline_at"), self.deadline_manual))
        order.setLayout(f)

        # ---- customer
        self.customer_name = QLineEdit()
        self.customer_id_number = QLineEdit()
        self.customer_id_number.setPlaceholderText(self.tr("18 位居民身份证号"))
        self.customer_id_number.setMaxLength(40)
        self.customer_phone = QLineEdit()
        self.customer_phone.setPlaceholderText(self.tr("客户在本机构预留的手机号"))
        self.phone_changed = QCheckBox(self.tr("投诉前更换过"))
        self.phone_changed_at = _date_edit()
        self.phone_changed_at.setEnabled(False)
        changed_row = QWidget()
        h = QHBoxLayout(changed_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.phone_changed)
        h.addWidget(self.phone_changed_at)
        h.addStretch(1)
        customer = QGroupBox(self.tr("客户"))
        f = self._form()
        f.addRow(self.tr("客户姓名"), self.customer_name)
        f.addRow(self.tr("身份证号"), _field(self.customer_id_number, hint("customer_id_number")))
        f.addRow(self.tr("预留手机"), _field(self.customer_phone, hint("customer_phone")))
        f.addRow(self.tr("预留手机变更"), _field(changed_row, hint("phone_changed_at")))
        customer.setLayout(f)

        # ---- numbers actually used
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("实际联系上的电话（可能是代理人）"))
        self.existing_box = QWidget()
        self.existing_grid = QGridLayout(self.existing_box)
        self.existing_grid.setContentsMargins(0, 0, 0, 0)
        self.unmask_panel = self._build_unmask_panel()
        self.new_rows_box = QVBoxLayout()
        self.new_rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_identifier_button = QPushButton(self.tr("添加其他联系方式（邮箱、微信、地址…）"))
        self.add_identifier_button.clicked.connect(self.add_identifier_row)
        contacts = QGroupBox(self.tr("实际使用的联系方式"))
        v = QVBoxLayout(contacts)
        f = self._form()
        f.addRow(self.tr("联系电话"), _field(self.contact_phone, hint("contact_phone")))
        v.addLayout(f)
        self.existing_title = QLabel(self.tr("已登记（已打码）："))
        v.addWidget(self.existing_title)
        v.addWidget(self.existing_box)
        v.addWidget(self.unmask_panel)
        v.addLayout(self.new_rows_box)
        v.addWidget(self.add_identifier_button, 0, Qt.AlignmentFlag.AlignLeft)

        # ---- contract
        self.contract_no = QLineEdit()
        self.loan_no = QLineEdit()
        self.overdue_amount = QLineEdit()
        self.overdue_amount.setPlaceholderText(self.tr("单位：元，例如 3140.57"))
        contract = QGroupBox(self.tr("合同与欠款"))
        f = self._form()
        f.addRow(self.tr("合同编号"), self.contract_no)
        f.addRow(self.tr("借据编号"), self.loan_no)
        f.addRow(self.tr("逾期金额"), _field(self.overdue_amount, hint("overdue_amount")))
        contract.setLayout(f)

        # ---- text, demands, category
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("投诉原文"))
        self.text.setMinimumHeight(150)
        self.text_count = QLabel()
        self.text_count.setStyleSheet(OK_STYLE)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("处理人备注（内部）"))
        self.notes.setFixedHeight(70)
        redact = QLabel(self.tr("内容中的手机号、身份证号保存时自动打码，并另存为可比对的标识。"))
        redact.setWordWrap(True)
        redact.setStyleSheet(OK_STYLE)
        self.similar_panel = SimilarComplaintsPanel(self.ctx, self.nav, self)
        body = QGroupBox(self.tr("投诉内容"))
        v = QVBoxLayout(body)
        v.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(redact, 1)
        row.addWidget(self.text_count)
        v.addLayout(row)
        v.addWidget(self.hints.setdefault("text", FieldHint()))
        v.addWidget(self.similar_panel)
        v.addWidget(QLabel(self.tr("备注")))
        v.addWidget(self.notes)

        self.demand_boxes: dict[str, QCheckBox] = {}
        demands = QGroupBox(self.tr("诉求与分类"))
        g = QGridLayout(demands)
        for i, d in enumerate(COMMON_DEMANDS):
            box = QCheckBox(self.tr(d))
            self.demand_boxes[d] = box
            g.addWidget(box, i // 4, i % 4)
        self.other_demands = QLineEdit()
        self.other_demands.setPlaceholderText(self.tr("其他诉求，多项用“；”分隔"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.category.addItem("", "")
        for c in COMMON_CATEGORIES:
            self.category.addItem(self.tr(c), c)
        f = self._form()
        f.addRow(self.tr("其他诉求"), self.other_demands)
        f.addRow(self.tr("分类"), self.category)
        g.addLayout(f, 2, 0, 1, 4)

        # ---- handling
        self.status = QComboBox()
        self.status.setMinimumWidth(200)
        self.risk_level = QComboBox()
        self.risk_level.setMinimumWidth(200)
        for r in RiskLevel:
            self.risk_level.addItem(self.tr(r.label), r.value)
        self.handler = QLabel()
        self.risk_reasons = QLabel()
        self.risk_reasons.setWordWrap(True)
        self.risk_reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.risk_reasons.setStyleSheet(OK_STYLE)
        self.risk_reasons.hide()
        risk_box = QWidget()
        rv = QVBoxLayout(risk_box)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.setSpacing(2)
        rv.addWidget(self.risk_level, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.risk_reasons)
        handling = QGroupBox(self.tr("处理"))
        f = self._form()
        f.addRow(self.tr("状态"), self.status)
        f.addRow(self.tr("风险等级"), risk_box)
        f.addRow(self.tr("处理人"), self.handler)
        handling.setLayout(f)

        # ---- indicators
        self.indicator_lines: dict[Indicator, IndicatorLine] = {}
        indicators = QGroupBox(self.tr("异常维权特征"))
        g = QGridLayout(indicators)
        g.setHorizontalSpacing(8)
        g.setVerticalSpacing(4)
        codes = list(Indicator)
        half = (len(codes) + 1) // 2
        for i, code in enumerate(codes):
            line = IndicatorLine(code)
            self.indicator_lines[code] = line
            row, col = i % half, (i // half) * 4
            g.addWidget(line.box, row, col)
            g.addWidget(line.note, row, col + 1)
            g.addWidget(line.source, row, col + 2)
        g.setColumnStretch(1, 1)
        g.setColumnStretch(5, 1)
        g.setColumnMinimumWidth(3, 16)

        left = QVBoxLayout()
        for w in (order, customer, contacts, contract):
            left.addWidget(w)
        left.addStretch(1)
        right = QVBoxLayout()
        for w in (body, demands, handling):
            right.addWidget(w)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.addLayout(columns)
        outer.addWidget(indicators)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)

        # Everything the user can change runs the checks.
        for edit in (self.external_id, self.customer_name, self.customer_id_number, self.customer_phone,
                     self.contact_phone, self.contract_no, self.loan_no, self.overdue_amount, self.other_demands):
            edit.textChanged.connect(self._changed)
        for edit in (self.text, self.notes):
            edit.textChanged.connect(self._changed)
        # The similar-text search follows the text as it is typed or pasted (debounced in the panel).
        self.text.textChanged.connect(self._feed_similar)
        self.customer_name.textChanged.connect(self._feed_similar)
        for combo in (self.status, self.risk_level):
            combo.currentIndexChanged.connect(self._changed)
        self.category.currentTextChanged.connect(self._changed)
        self.channel.currentIndexChanged.connect(self._deadline_rule_changed)
        self.received_at.dateChanged.connect(self._deadline_rule_changed)
        self.deadline_manual.toggled.connect(self._deadline_rule_changed)
        self.deadline_at.dateChanged.connect(self._changed)
        self.phone_changed.toggled.connect(self.phone_changed_at.setEnabled)
        self.phone_changed.toggled.connect(self._changed)
        self.phone_changed_at.dateChanged.connect(self._changed)
        for box in self.demand_boxes.values():
            box.toggled.connect(self._changed)
        for line in self.indicator_lines.values():
            line.box.toggled.connect(self._changed)
            line.note.textChanged.connect(self._changed)
        return scroll

    def _build_unmask_panel(self) -> QWidget:
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(panel)
        self.unmask_title = QLabel()
        self.unmask_title.setWordWrap(True)
        self.unmask_purpose = QLineEdit()
        self.unmask_purpose.setPlaceholderText(self.tr("查看用途，例如：核实客户身份后回拨"))
        self.unmask_go = QPushButton(self.tr("查看"))
        self.unmask_cancel = QPushButton(self.tr("取消"))
        for b in (self.unmask_go, self.unmask_cancel):
            b.setAutoDefault(False)
        self.unmask_error = FieldHint()
        h = QHBoxLayout()
        h.addWidget(self.unmask_purpose, 1)
        h.addWidget(self.unmask_go)
        h.addWidget(self.unmask_cancel)
        v.addWidget(self.unmask_title)
        v.addLayout(h)
        v.addWidget(self.unmask_error)
        self.unmask_go.clicked.connect(self._unmask)
        self.unmask_purpose.returnPressed.connect(self._unmask)
        self.unmask_cancel.clicked.connect(lambda: self.unmask_panel.hide())
        panel.hide()
        return panel

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        self.contact_model = contact_model(self)
        self.contact_table = read_only_table(self.contact_model)
        self.add_contact_button = QPushButton(self.tr("登记联系…"))
        self.add_contact_button.clicked.connect(self.open_contact_dialog)
        v = QVBoxLayout(page)
        h = QHBoxLayout()
        h.addWidget(QLabel(self.tr("与客户或代接人的每次通话、来访和消息。")), 1)
        h.addWidget(self.add_contact_button)
        v.addLayout(h)
        v.addWidget(self.contact_table, 1)
        return page

    def _build_links(self) -> QWidget:
        page = QWidget()
        self.link_model = link_model(self)
        self.link_table = read_only_table(self.link_model)
        # Several suggestions can be confirmed or rejected at once (Ctrl/Shift-click).
        self.link_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.link_table.verticalHeader().setDefaultSectionSize(self.link_table.fontMetrics().height() + 10)
        self.link_empty = QLabel(self.tr("尚无关联。系统发现共用电话、地址或雷同文本后会在此列出，请逐条确认或排除。"))
        self.link_empty.setWordWrap(True)
        self.link_empty.setStyleSheet(OK_STYLE)
        self.link_counts = QLabel()
        self.link_counts.setWordWrap(True)
        self.link_detail = QLabel()
        self.link_detail.setObjectName("link_detail")
        self.link_detail.setWordWrap(True)
        self.link_detail.setTextFormat(Qt.TextFormat.RichText)
        self.link_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.link_detail.setMinimumHeight(72)
        self.link_detail.setContentsMargins(8, 6, 8, 6)
        self.link_detail.setStyleSheet("QLabel#link_detail { background: palette(base); border: 1px solid #dadce0;"
                                       " border-radius: 3px; }")
        self.confirm_link_button = QPushButton(self.tr("确认关联"))
        self.reject_link_button = QPushButton(self.tr("排除"))
        self.open_link_button = QPushButton(self.tr("打开对方投诉"))
        self.compare_link_button = QPushButton(self.tr("比较文本"))
        self.compare_link_button.setToolTip(self.tr("并排比较两篇投诉的原文（模板文本关联）"))
        self.evidence_link_button = QPushButton(self.tr("查看证据"))
        self.evidence_link_button.setToolTip(self.tr("打开同一声音或同一图片关联所依据的证据文件"))
        for b in (self.confirm_link_button, self.reject_link_button, self.open_link_button, self.compare_link_button,
                  self.evidence_link_button):
            b.setAutoDefault(False)
        self.confirm_link_button.clicked.connect(lambda: self._decide_link(LinkStatus.CONFIRMED))
        self.reject_link_button.clicked.connect(lambda: self._decide_link(LinkStatus.REJECTED))
        self.open_link_button.clicked.connect(self._open_linked)
        self.compare_link_button.clicked.connect(self.compare_selected_link)
        self.evidence_link_button.clicked.connect(self.open_link_evidence)
        self.link_table.selectionModel().selectionChanged.connect(self._link_selection_changed)
        self.link_table.doubleClicked.connect(self._link_double_clicked)
        self.compare_dialog: QDialog | None = None
        self.evidence_viewers: list[QDialog] = []
        v = QVBoxLayout(page)
        v.addWidget(self.link_empty)
        v.addWidget(self.link_counts)
        v.addWidget(self.link_table, 1)
        v.addWidget(self.link_detail)
        h = QHBoxLayout()
        for b in (self.open_link_button, self.compare_link_button, self.evidence_link_button):
            h.addWidget(b)
        h.addStretch(1)
        for b in (self.confirm_link_button, self.reject_link_button):
            h.addWidget(b)
        v.addLayout(h)
        self._link_selection_changed()
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        self.history_model = history_model(self)
        self.history_table = read_only_table(self.history_model)
        v = QVBoxLayout(page)
        v.addWidget(QLabel(self.tr("对这笔投诉的每次修改都记入防篡改的审计日志。")))
        self.history_empty = QLabel(self.tr("尚无修改记录。"))
        self.history_empty.setStyleSheet(OK_STYLE)
        v.addWidget(self.history_empty)
        v.addWidget(self.history_table, 1)
        return page

    # ------------------------------------------------------------------ loading
    def _load_new(self) -> None:
        self._loading = True
        try:
            self._detail = None
            self.setWindowTitle(self.tr("新建投诉"))
            self.channel.setEnabled(True)
            self.external_id.setReadOnly(False)
            self._set_status_choices(ComplaintStatus.NEW)
            self.handler.setText(self.ctx.actor.username)
            for line in self.indicator_lines.values():
                line.load(None)
            self._show_existing_identifiers(())
            self._show_risk_reasons(None)
        finally:
            self._loading = False
        self._deadline_rule_changed()
        self._after_load()

    def _load(self, d: ComplaintDetail) -> None:
        """Show ``d``, discarding whatever is in the form."""
        self._loading = True
        try:
            self._detail = d
            self.setWindowTitle(self.tr("投诉 %1").replace("%1", d.reference)
                                + (f" — {d.customer_name}" if d.customer_name else ""))
            if self.channel.findData(d.channel) < 0:
                self.channel.addItem(d.channel, d.channel)
            self.channel.setCurrentIndex(self.channel.findData(d.channel))
            self.channel.setEnabled(False)  # channel and work-order number identify the complaint
            self.external_id.setText(d.external_id)
            self.external_id.setReadOnly(True)
            self.received_at.setDate(_qdate(d.received_at))
            if d.received_time is not None:
                self.received_time.setText(self.tr("登记时刻 %1").replace("%1", d.received_time.strftime("%H:%M:%S")))
            computed = self._rule_deadline(d.channel, d.received_at)
            manual = d.deadline_at is not None and d.deadline_at != computed
            self.deadline_manual.setChecked(manual)
            self.deadline_at.setDate(_qdate(d.deadline_at or computed or d.received_at))
            self.customer_name.setText(d.customer_name)
            self.customer_id_number.clear()
            self.customer_id_number.setPlaceholderText(
                self.tr("已登记 %1；如需补录请输入完整号码").replace("%1", d.customer_id_masked)
                if d.customer_id_masked else self.tr("18 位居民身份证号"))
            phones = {r.role: r.masked for r in d.identifiers}
            self.customer_phone.clear()
            self.contact_phone.clear()
            for edit, role, default in ((self.customer_phone, "customer_phone", self.tr("客户在本机构预留的手机号")),
                                        (self.contact_phone, "contact_phone", self.tr("实际联系上的电话（可能是代理人）"))):
                edit.setPlaceholderText(self.tr("已登记 %1；输入新号码可补录").replace("%1", phones[role])
                                        if role in phones else default)
            self.phone_changed.setChecked(d.phone_changed_at is not None)
            self.phone_changed_at.setDate(_qdate(d.phone_changed_at or dt.date.today()))
            self.contract_no.setText(d.contract_no)
            self.loan_no.setText(d.loan_no)
            self.overdue_amount.setText(_money(d.overdue_cents))
            self.text.setPlainText(d.text)
            self.notes.setPlainText(d.notes)
            for name, box in self.demand_boxes.items():
                box.setChecked(name in d.demands)
            others = [x for x in d.demands if x not in self.demand_boxes]
            self.other_demands.setText("；".join(others))
            index = self.category.findData(d.category) if d.category else 0
            if index < 0:
                self.category.setEditText(d.category)
            else:
                self.category.setCurrentIndex(index)
            self._set_status_choices(ComplaintStatus(d.status))
            self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(d.risk_level)))
            self._show_risk_reasons(d)
            self.handler.setText(d.handler or self.tr("（未指定）"))
            hits = {h.code: h for h in d.indicators}
            for code, line in self.indicator_lines.items():
                line.load(hits.get(code.value))
            for row in list(self.new_identifier_rows):
                self._remove_identifier_row(row)
            self._show_existing_identifiers(d.identifiers)
        finally:
            self._loading = False
        self._after_load()
        self.refresh_tabs()

    def _after_load(self) -> None:
        self._touched.clear()
        self.banner.hide()
        self.unmask_panel.hide()
        new = self._detail is None
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, not new)
            self.tabs.setTabToolTip(i, self.tr("保存投诉后可用") if new else "")
        self.add_contact_button.setEnabled(self._may_edit)
        self._clean = self._snapshot()
        self._validate()

    def _show_risk_reasons(self, d: ComplaintDetail | None) -> None:
        """Why the level is what it is: the rules that fired, and whether a person chose the level."""
        if d is None or (not d.risk_reasons and not d.risk_manual):
            self.risk_reasons.clear()
            self.risk_reasons.hide()
            return
        lines = []
        if d.risk_manual:
            lines.append(self.tr("风险等级由人工设定（优先于系统计算）。"))
        if d.risk_reasons:
            lines.append(self.tr("系统识别的依据："))
            lines.extend(f"• {r}" for r in d.risk_reasons)
        self.risk_reasons.setText("\n".join(lines))
        self.risk_reasons.show()

    def _feed_similar(self, *_: Any) -> None:
        self.similar_panel.set_text(self.text.toPlainText(), self.customer_name.text(), self.complaint_id)

    def _set_status_choices(self, current: ComplaintStatus) -> None:
        self.status.clear()
        self.status.addItem(self.tr("%1（当前）").replace("%1", self.tr(current.label)), current.value)
        for s in ComplaintStatus:  # enum order reads like the workflow
            if s in COMPLAINT_TRANSITIONS[current]:
                self.status.addItem(self.tr(s.label), s.value)
        self.status.setCurrentIndex(0)

    def _show_existing_identifiers(self, rows: Sequence[IdentifierRow]) -> None:
        grid = self.existing_grid
        while grid.count():
            w = grid.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self._unmask_labels.clear()
        self.existing_title.setVisible(bool(rows))
        self.existing_box.setVisible(bool(rows))
        for i, r in enumerate(rows):
            kind = QLabel(label_of(IdentifierType, r.type))
            role = QLabel(label_of(IdentifierRole, r.role))
            role.setStyleSheet(OK_STYLE)
            value = QLabel(r.masked)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setToolTip(" · ".join(f"{v}" for v in r.attributes.values() if v and v not in ("0", "1")))
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            reveal = QToolButton()
            reveal.setText(self.tr("显示完整号码"))
            reveal.setObjectName(f"unmask_{r.id}_{r.role}")
            reveal.clicked.connect(lambda _=False, row=r: self.ask_unmask(row))
            grid.addWidget(kind, i, 0)
            grid.addWidget(role, i, 1)
            grid.addWidget(value, i, 2)
            grid.addWidget(reveal, i, 3)
            self._unmask_labels[(r.id, r.role)] = value
        grid.setColumnStretch(2, 1)

    def refresh_tabs(self) -> None:
        """Reload the contact log, links and history of a saved complaint."""
        d = self._detail
        if d is None:
            for m in (self.contact_model, self.link_model, self.history_model):
                m.set_rows([])
            self._show_link_counts()
            self._link_selection_changed()
            return
        self.contact_model.set_rows(contact_logs(self.ctx.store, d.id))
        self.link_model.set_rows(complaint_links(self.ctx.store, d.id))
        self.history_model.set_rows(complaint_history(self.ctx.store, d.reference))
        self.link_empty.setVisible(self.link_model.rowCount() == 0)
        self._show_link_counts()
        self.history_empty.setVisible(self.history_model.rowCount() == 0)
        for table in (self.contact_table, self.link_table, self.history_table):
            if table.model().rowCount():
                table.resizeColumnsToContents()
                for c in range(table.model().columnCount() - 1):
                    table.setColumnWidth(c, min(table.columnWidth(c), 260))
        self._link_selection_changed()

    def reload(self) -> None:
        """Re-read the complaint from the database, discarding edits in the form."""
        if self._detail is not None:
            self._load(complaint_detail(self.ctx.store, self._detail.id))

    # ------------------------------------------------------------------ state of the form
    def _snapshot(self) -> dict[str, Any]:
        return {
            "channel": self.channel.currentData(),
            "external_id": self.external_id.text().strip(),
            "received_at": _pydate(self.received_at),
            "deadline_at": _pydate(self.deadline_at) if self.deadline_manual.isChecked() else None,
            "customer_name": self.customer_name.text().strip(),
            "customer_id_number": self.customer_id_number.text().strip(),
            "customer_phone": self.customer_phone.text().strip(),
            "contact_phone": self.contact_phone.text().strip(),
            "phone_changed_at": _pydate(self.phone_changed_at) if self.phone_changed.isChecked() else None,
            "contract_no": self.contract_no.text().strip(),
            "loan_no": self.loan_no.text().strip(),
            "overdue_amount": self.overdue_amount.text().strip(),
            "text": self.text.toPlainText().strip(),
            "notes": self.notes.toPlainText().strip(),
            "demands": self._demands(),
            "category": self._category(),
            "status": self.status.currentData(),
            "risk_level": self.risk_level.currentData(),
            "indicators": self._ticked(),
            "new_identifiers": tuple(i for i in (r.item() for r in self.new_identifier_rows) if i is not None),
        }

    FIELD_KEYS = ("received_at", "deadline_at", "customer_name", "phone_changed_at", "contract_no", "loan_no",
                  "overdue_amount", "text", "notes", "demands", "category")

    def _demands(self) -> tuple[str, ...]:
        picked = [d for d, box in self.demand_boxes.items() if box.isChecked()]
        extra = [x for x in split_demands(self.other_demands.text()) if x not in picked]
        return tuple(picked + extra)

    def _category(self) -> str:
        text = self.category.currentText().strip()
        index = self.category.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0 and self.category.itemData(index) is not None:
            return self.category.itemData(index)  # the Chinese source, not a translation
        return text

    def _ticked(self) -> dict[str, str]:
        """Indicators a person ticked, with notes (detector-set ones are not the person's to change)."""
        return {line.code.value: line.note.text().strip() for line in self.indicator_lines.values()
                if line.box.isChecked() and not line.detector}

    def _rule_deadline(self, channel: str | None, received: dt.date) -> dt.date | None:
        rule = self._rules.get(channel or "")
        if rule is None:
            return None
        return response_deadline(received, rule.deadline_days, rule.working_days)

    def _deadline_rule_changed(self) -> None:
        manual = self.deadline_manual.isChecked()
        self.deadline_at.setReadOnly(not manual)
        if not manual:
            computed = self._rule_deadline(self.channel.currentData(), _pydate(self.received_at))
            if computed is not None:
                was = self._loading
                self._loading = True
                self.deadline_at.setDate(_qdate(computed))
                self._loading = was
        self._changed()

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        sender = self.sender()
        for key, widget in (("external_id", self.external_id), ("customer_id_number", self.customer_id_number),
                            ("customer_phone", self.customer_phone), ("contact_phone", self.contact_phone),
                            ("overdue_amount", self.overdue_amount)):
            if sender is widget:
                self._touched.add(key)
        self._validate()

    # ------------------------------------------------------------------ checks
    def _validate(self) -> bool:
        """Check every field, show each problem next to its field; returns True when saving may go on."""
        errors: dict[str, str] = {}
        waiting: list[str] = []  # required fields not yet filled in (not shown in red until touched)
        h = self.hints
        for key in h:
            h[key].clear_hint()
        channel = self.channel.currentData()
        new = self._detail is None

        if new:
            ext = self.external_id.text().strip()
            if not ext:
                waiting.append(self.tr("工单编号"))
                if "external_id" in self._touched:
                    h["external_id"].show_error(self.tr("请填写工单编号"))
            else:
                problem = self._complaint_rule_problem("external_id", external_id=ext)
                if problem:
                    errors["external_id"] = problem
            if channel is None:
                waiting.append(self.tr("来源渠道"))
        received = _pydate(self.received_at)
        problem = self._complaint_rule_problem("received_at", received_at=received)
        if problem:
            errors["received_at"] = problem

        computed = self._rule_deadline(channel, received)
        deadline = _pydate(self.deadline_at)
        if self.deadline_manual.isChecked():
            if deadline < received:
                errors["deadline_at"] = self.tr("答复期限早于受理日期")
            elif computed is not None and deadline != computed:
                h["deadline_at"].show_ok(self.tr("按渠道规则应为 %1，已手动改为 %2").replace(
                    "%1", computed.isoformat()).replace("%2", deadline.isoformat()))
        elif channel in self._rules:
            rule = self._rules[channel]
            unit = self.tr("个工作日") if rule.working_days else self.tr("天")
            h["deadline_at"].show_ok(self.tr("按渠道规则：受理后 %1 %2").replace(
                "%1", str(rule.deadline_days)).replace("%2", unit))
        if deadline < dt.date.today() and self.status.currentData() != ComplaintStatus.CLOSED.value \
                and "deadline_at" not in errors:
            h["deadline_at"].show_warning(self.tr("答复期限 %1 已过").replace("%1", deadline.isoformat()))

        raw_id = self.customer_id_number.text().strip()
        if raw_id:
            try:
                ident = check_resident_id(raw_id)
            except ValidationError as exc:
                errors["customer_id_number"] = exc.reason
            else:
                h["customer_id_number"].show_ok(self.tr("校验通过：%1").replace("%1", _facts(ident)))

        for key, edit in (("customer_phone", self.customer_phone), ("contact_phone", self.contact_phone)):
            raw = edit.text().strip()
            if not raw:
                continue
            try:
                ident = normalise(IdentifierType.MOBILE, raw)
            except ValidationError as exc:
                errors[key] = exc.reason
                continue
            if ident.attributes.get("virtual") == "1":
                h[key].show_warning(self.tr("虚拟运营商号段（170/171/162/165/167），常见于代理人。%1").replace(
                    "%1", _facts(ident)))
            else:
                h[key].show_ok(_facts(ident))

        if self.phone_changed.isChecked() and _pydate(self.phone_changed_at) > dt.date.today():
            errors["phone_changed_at"] = self.tr("变更日期在未来")

        try:
            parse_amount_cents(self.overdue_amount.text())
        except ValidationError as exc:
            errors["overdue_amount"] = exc.reason

        length = len(self.text.toPlainText().strip())
        self.text_count.setText(self.tr("%1 / %2 字").replace("%1", str(length)).replace("%2", str(MAX_TEXT)))
        if length > MAX_TEXT:
            errors["text"] = self.tr("投诉内容过长（%1 字，上限 %2 字）").replace("%1", str(length)).replace(
                "%2", str(MAX_TEXT))

        bad_rows = sum(1 for r in self.new_identifier_rows if r.check() is not None)

        for key, message in errors.items():
            h[key].show_error(message)
        self._errors = errors
        count = len(errors) + bad_rows
        ok = count == 0 and not waiting
        if count:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(self.tr("有 %1 处需要更正（见标红的说明），更正后才能保存。").replace("%1", str(count)))
        elif waiting:
            self.summary.setStyleSheet(OK_STYLE)
            self.summary.setText(self.tr("请填写：%1").replace("%1", "、".join(waiting)))
        elif not self._may_edit:
            self.summary.setStyleSheet(OK_STYLE)
            self.summary.setText(self.tr("您的角色（%1）只能查看投诉。").replace("%1", self.tr(self.ctx.actor.role.label)))
        else:
            self.summary.setStyleSheet(OK_STYLE)
            self.summary.setText(self.tr("有未保存的修改") if self._clean and self.is_dirty() else "")
        new = self._detail is None
        dirty = bool(self._clean) and self.is_dirty()
        self.save_button.setEnabled(ok and self._may_edit and (new or dirty))
        return ok

    def _complaint_rule_problem(self, field: str, **values: Any) -> str | None:
        """Ask the domain rule about one field, the others filled with harmless values."""
        channel = self.channel.currentData() or next(iter(self._rules), "")
        base: dict[str, Any] = {"channel": channel, "external_id": "x", "received_at": dt.date.today()}
        base.update(values)
        try:
            validate_complaint(ComplaintDraft(**base), {channel})
        except ValidationError as exc:
            if exc.field == field:
                return exc.reason
        return None

    # ------------------------------------------------------------------ identifiers
    def add_identifier_row(self) -> NewIdentifierRow:
        row = NewIdentifierRow()
        row.set_type(IdentifierType.EMAIL)
        row.changed.connect(self._changed)
        row.removed.connect(self._remove_identifier_row)
        self.new_identifier_rows.append(row)
        self.new_rows_box.addWidget(row)
        row.value.setFocus()
        self._validate()
        return row

    def _remove_identifier_row(self, row: NewIdentifierRow) -> None:
        if row in self.new_identifier_rows:
            self.new_identifier_rows.remove(row)
        self.new_rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        if not self._loading:
            self._validate()

    def _identifier_inputs(self) -> list[IdentifierInput]:
        items = []
        for edit, role in ((self.customer_phone, IdentifierRole.CUSTOMER_PHONE),
                           (self.contact_phone, IdentifierRole.CONTACT_PHONE)):
            if edit.text().strip():
                items.append(IdentifierInput(IdentifierType.MOBILE.value, edit.text().strip(), role.value))
        items.extend(i for i in (r.item() for r in self.new_identifier_rows) if i is not None)
        return items

    def ask_unmask(self, row: IdentifierRow) -> None:
        """Open the inline question: why does the user need the full value?"""
        self._unmask_target = row
        self.unmask_title.setText(self.tr("查看%1 %2 的完整内容。请写明用途，将记入审计日志：").replace(
            "%1", label_of(IdentifierType, row.type)).replace("%2", row.masked))
        self.unmask_purpose.clear()
        self.unmask_error.clear_hint()
        self.unmask_panel.show()
        self.unmask_purpose.setFocus()

    def _unmask(self) -> None:
        row = self._unmask_target
        if row is None:
            return
        purpose = self.unmask_purpose.text().strip()
        if not purpose:
            self.unmask_error.show_error(self.tr("请写明查看完整号码的用途"))
            return
        try:
            value = complaint_service.unmask_identifier(self.ctx, row.id, purpose)
        except DomainError as exc:
            self.unmask_error.show_error(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - logged and shown with the log path
            show_error(self, exc)
            return
        for (iid, _), label in self._unmask_labels.items():
            if iid == row.id:
                label.setText(value)
                label.setStyleSheet("font-weight: bold;")
        self.unmask_panel.hide()
        self._unmask_target = None

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Save the form; True when everything was stored."""
        self._touched.update(("external_id", "customer_id_number", "customer_phone", "contact_phone"))
        if self._detail is not None and not self.is_dirty():
            self.nav.status(self.tr("没有需要保存的修改"))
            return False
        if not self._validate() or not self.save_button.isEnabled():
            return False
        try:
            if self._detail is None:
                self._save_new()
            else:
                if not self._save_existing():
                    return False
        except ConflictError:
            self._conflict()
            return False
        except Exception as exc:  # noqa: BLE001 - domain errors in plain words, others logged
            show_error(self, exc)
            return False
        d = self._detail
        assert d is not None
        self.nav.data_changed()
        self.nav.status(self.tr("已保存 %1").replace("%1", d.reference))
        self.saved.emit(d.id)
        return True

    def _draft(self) -> ComplaintDraft:
        s = self._snapshot()
        return ComplaintDraft(
            channel=s["channel"], external_id=s["external_id"], received_at=s["received_at"],
            customer_name=s["customer_name"], customer_id_number=s["customer_id_number"],
            contract_no=s["contract_no"], loan_no=s["loan_no"], overdue_amount=s["overdue_amount"],
            text=s["text"], notes=s["notes"], demands=s["demands"], category=s["category"],
            identifiers=tuple(self._identifier_inputs()), phone_changed_at=s["phone_changed_at"],
            deadline_at=s["deadline_at"],
        )

    def _save_new(self) -> None:
        s = self._snapshot()
        ref = complaint_service.create_complaint(self.ctx, self._draft())
        # The complaint exists from here on: whatever fails below, the form shows the stored one.
        try:
            for code, note in s["indicators"].items():
                complaint_service.set_indicator(self.ctx, ref.id, Indicator(code), note)
            version = 1
            if s["status"] != ComplaintStatus.NEW.value:
                version = complaint_service.change_status(self.ctx, ref.id, ComplaintStatus(s["status"]), version)
            if s["risk_level"] != RiskLevel.NONE.value:
                complaint_service.set_risk_level(self.ctx, ref.id, RiskLevel(s["risk_level"]), version)
        finally:
            self._load(complaint_detail(self.ctx.store, ref.id))

    def _save_existing(self) -> bool:
        d = self._detail
        assert d is not None
        s = self._snapshot()
        clean = self._clean
        if s == clean:
            self.nav.status(self.tr("没有需要保存的修改"))
            return False
        version = d.version
        wrote = False
        try:
            if any(s[k] != clean[k] for k in self.FIELD_KEYS):
                version = complaint_service.update_complaint(self.ctx, d.id, version, ComplaintChanges(
                    received_at=s["received_at"], deadline_at=s["deadline_at"], customer_name=s["customer_name"],
                    contract_no=s["contract_no"], loan_no=s["loan_no"], overdue_amount=s["overdue_amount"],
                    text=s["text"], notes=s["notes"], demands=s["demands"], category=s["category"],
                    phone_changed_at=s["phone_changed_at"]))
                wrote = True
            items = self._identifier_inputs()
            if s["customer_id_number"]:
                items.insert(0, IdentifierInput(IdentifierType.RESIDENT_ID.value, s["customer_id_number"],
                                                IdentifierRole.CUSTOMER_ID.value))
            if s["status"] != clean["status"]:
                version = complaint_service.change_status(self.ctx, d.id, ComplaintStatus(s["status"]), version)
                wrote = True
            if s["risk_level"] != clean["risk_level"]:
                version = complaint_service.set_risk_level(self.ctx, d.id, RiskLevel(s["risk_level"]), version)
                wrote = True
            for item in items:
                complaint_service.add_identifier(self.ctx, d.id, item)
                wrote = True
            before, after = clean["indicators"], s["indicators"]
            for code, note in after.items():
                if code not in before or before[code] != note:
                    complaint_service.set_indicator(self.ctx, d.id, Indicator(code), note)
                    wrote = True
            for code in before:
                if code not in after:
                    complaint_service.clear_indicator(self.ctx, d.id, Indicator(code))
                    wrote = True
        except ConflictError:
            raise  # the user decides whether to reload (see _conflict); nothing is discarded here
        except Exception:
            if wrote:
                # Part was stored: show what is stored now, then the error says what did not go through.
                self.reload()
            raise
        self.reload()
        return True

    def _conflict(self) -> None:
        message = self.tr("此投诉已被他人修改并保存。")
        self.banner_text.setText(message + self.tr("您在此窗口的修改尚未保存。可先复制需要保留的内容，再点“重新载入”。"))
        self.banner.show()
        if prompts.current().confirm(self, message + "\n\n" + self.tr(
                "是否现在重新载入最新内容？\n选择“是”将放弃您在此窗口中尚未保存的修改；"
                "选择“否”保留您的修改，可稍后再重新载入。")):
            self.reload()

    def _reload_clicked(self) -> None:
        if self.is_dirty() and not prompts.current().confirm(
                self, self.tr("重新载入将放弃您在此窗口中尚未保存的修改。继续吗？")):
            return
        guarded(self, self.reload)

    # ------------------------------------------------------------------ tabs' actions
    def open_contact_dialog(self) -> ContactDialog | None:
        if self._detail is None:
            return None
        dialog = ContactDialog(self.ctx, self._detail.id, self)
        dialog.accepted.connect(self._contact_logged)
        self.contact_dialog = dialog
        dialog.open()
        return dialog

    def _contact_logged(self) -> None:
        self.refresh_tabs()
        self.reload_identifiers()
        self.nav.data_changed()

    def reload_identifiers(self) -> None:
        """A logged contact may add a number: show it without touching the rest of the form."""
        if self._detail is None:
            return
        fresh = complaint_detail(self.ctx.store, self._detail.id)
        self._show_existing_identifiers(fresh.identifiers)

    def selected_links(self) -> list[LinkRow]:
        """The links selected in the links tab, in table order."""
        sm = self.link_table.selectionModel()
        rows = sorted(i.row() for i in sm.selectedRows()) if sm is not None else []
        return [self.link_model.row_at(r) for r in rows if r < self.link_model.rowCount()]

    def _selected_link(self) -> LinkRow | None:
        """The one selected link (None when none or several are selected)."""
        links = self.selected_links()
        return links[0] if len(links) == 1 else None

    def select_links(self, link_ids: Sequence[int]) -> None:
        """Select the rows of these links (after a reload the rows may have moved)."""
        wanted = set(link_ids)
        selection = QItemSelection()
        for r, row in enumerate(self.link_model.rows):
            if row.id in wanted:
                selection.select(self.link_model.index(r, 0),
                                 self.link_model.index(r, self.link_model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.link_table.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.link_table.scrollTo(selection.indexes()[0])

    def _link_selection_changed(self, *_: Any) -> None:
        links = self.selected_links()
        one = links[0] if len(links) == 1 else None
        self.confirm_link_button.setEnabled(
            self._may_decide and any(k.status != LinkStatus.CONFIRMED.value for k in links))
        self.reject_link_button.setEnabled(
            self._may_decide and any(k.status != LinkStatus.REJECTED.value for k in links))
        self.open_link_button.setEnabled(one is not None and one.other_id is not None)
        self.compare_link_button.setEnabled(
            one is not None and one.kind == LinkKind.TEMPLATE.value and one.other_id is not None)
        self.evidence_link_button.setEnabled(one is not None and one.kind in EVIDENCE_KINDS and bool(one.evidence_ids))
        if not self._may_decide:
            tip = self.tr("您的角色（%1）不能确认或排除关联。").replace("%1", self.tr(self.ctx.actor.role.label))
        else:
            tip = ""
        for b in (self.confirm_link_button, self.reject_link_button):
            b.setToolTip(tip)
        if one is not None:
            self.link_detail.setText(link_detail_html(one))
        elif links:
            self.link_detail.setText(html.escape(self.tr("已选 %1 条关联：可一起确认或排除。").replace(
                "%1", str(len(links)))))
        else:
            self.link_detail.setText(html.escape(self.tr(
                "选中一条关联可在此查看完整理由。按住 Ctrl 或 Shift 可选多条，一起确认或排除。")))
        self.link_detail.setVisible(self.link_model.rowCount() > 0)

    def _show_link_counts(self) -> None:
        rows = self.link_model.rows
        if not rows:
            self.link_counts.hide()
            return
        n = {s.value: sum(1 for r in rows if r.status == s.value) for s in LinkStatus}
        text = self.tr("待确认 %1 条（列在最前）· 已确认 %2 条 · 已排除 %3 条").replace(
            "%1", str(n[LinkStatus.SUGGESTED.value])).replace("%2", str(n[LinkStatus.CONFIRMED.value])).replace(
            "%3", str(n[LinkStatus.REJECTED.value]))
        self.link_counts.setText(text)
        self.link_counts.setStyleSheet(WARN_STYLE if n[LinkStatus.SUGGESTED.value] else OK_STYLE)
        self.link_counts.show()

    def _decide_link(self, status: LinkStatus) -> None:
        """Confirm or reject every selected link that is not already so; one message for what failed."""
        links = [k for k in self.selected_links() if k.status != status.value]
        if not links:
            return
        done = 0
        problems: list[str] = []
        for link in links:
            try:
                link_service.decide_link(self.ctx, link.id, status, link.version)
            except DomainError as exc:
                problems.append(f"{link.other_reference}：{exc.message}")
            except Exception as exc:  # noqa: BLE001 - logged and shown with the log path
                show_error(self, exc)
                break
            else:
                done += 1
        ids = [k.id for k in links]
        guarded(self, self.refresh_tabs)
        self.select_links(ids)
        if done:
            self.nav.data_changed()
            text = self.tr("已确认 %1 条关联") if status == LinkStatus.CONFIRMED else self.tr("已排除 %1 条关联")
            self.nav.status(text.replace("%1", str(done)))
        if problems:
            head = self.tr("有 %1 条关联未能处理（列表已重新载入）：").replace("%1", str(len(problems)))
            prompts.current().warn(self, head + "\n" + "\n".join(problems[:10]))

    def _link_double_clicked(self, index: Any) -> None:
        if not index.isValid():
            return
        link = self.link_model.row_at(index.row())
        if link.kind == LinkKind.TEMPLATE.value and link.other_id is not None:
            self.compare_link(link)
        elif link.other_id is not None:
            self.nav.open_complaint(link.other_id)

    def compare_selected_link(self) -> QDialog | None:
        link = self._selected_link()
        if link is None or link.kind != LinkKind.TEMPLATE.value:
            return None
        return self.compare_link(link)

    def compare_link(self, link: LinkRow) -> QDialog | None:
        """Open the side-by-side comparison of this complaint's text and the linked one's."""
        if self._detail is None or link.other_id is None:
            return None
        dialog = guarded(self, TemplateCompareDialog, self.ctx, self._detail.id, link.other_id, self)
        if dialog is not None:
            self.compare_dialog = dialog
            dialog.show()
        return dialog

    def open_link_evidence(self) -> list[QDialog]:
        """Open the evidence files a voice or image link rests on, each in its viewer."""
        link = self._selected_link()
        if link is None or link.kind not in EVIDENCE_KINDS:
            return []
        opened = [d for d in (open_viewer(self, self.ctx, eid) for eid in link.evidence_ids) if d is not None]
        self.evidence_viewers = opened
        return opened

    def _open_linked(self, *_: Any) -> None:
        link = self._selected_link()
        if link is not None and link.other_id is not None:
            self.nav.open_complaint(link.other_id)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.is_dirty() and self._may_edit and not prompts.current().confirm(
                self, self.tr("有未保存的修改。关闭并放弃这些修改吗？")):
            return
        super().reject()

    def done(self, result: int) -> None:
        self.similar_panel.stop()
        QSettings("Greyline", "Greyline").setValue(SETTINGS_KEY, self.saveGeometry())
        super().done(result)


__all__ = ["ComplaintEditor", "NewIdentifierRow", "contact_model", "link_model", "history_model",
           "history_text", "COMMON_DEMANDS"]

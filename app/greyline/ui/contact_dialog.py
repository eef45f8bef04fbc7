"""Logging one call, visit or message with a complaint's customer (or whoever answered instead).

The number the handler actually reached is checked while it is typed: agents often answer on a
forwarded or virtual number, so a wrong or virtual number is worth seeing at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import ContactDirection, ContactKind, IdentifierType
from greyline.domain.errors import DomainError, ValidationError
from greyline.domain.identifiers import normalise
from greyline.services.complaints import ContactDraft, log_contact
from greyline.services.context import ServiceContext
from greyline.ui.errors import show_error

ERROR_STYLE = "color: #c5221f;"
WARN_STYLE = "color: #b06000;"
OK_STYLE = "color: #5f6368;"

# Stored as typed (Chinese); shown through tr().
ANSWERED_BY = (
    QT_TRANSLATE_NOOP("ContactDialog", "客户本人"),
    QT_TRANSLATE_NOOP("ContactDialog", "自称代理人/律师"),
    QT_TRANSLATE_NOOP("ContactDialog", "家属或朋友"),
    QT_TRANSLATE_NOOP("ContactDialog", "其他人"),
    QT_TRANSLATE_NOOP("ContactDialog", "无人接听"),
    QT_TRANSLATE_NOOP("ContactDialog", "号码停机/空号"),
)


class ContactDialog(QDialog):
    """Accepting stores the contact through ``services.complaints.log_contact``; ``contact_id`` is its id."""

    def __init__(self, ctx: ServiceContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_id = complaint_id
        self.contact_id: int | None = None
        self.setWindowTitle(self.tr("登记联系记录"))

        self.kind = QComboBox()
        self.kind.setMinimumWidth(160)
        for k in ContactKind:
            self.kind.addItem(self.tr(k.label), k.value)
        self.direction = QComboBox()
        self.direction.setMinimumWidth(160)
        for d in ContactDirection:
            self.direction.addItem(self.tr(d.label), d.value)
        self.direction.setCurrentIndex(self.direction.findData(ContactDirection.OUTBOUND.value))
        self.occurred_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred_at.setMinimumWidth(160)
        self.our_number = QLineEdit()
        self.our_number.setPlaceholderText(self.tr("我方使用的号码或坐席分机"))
        self.their_number = QLineEdit()
        self.their_number.setPlaceholderText(self.tr("实际拨通或来电的号码，例如 138 1234 5678"))
        # Hints are one short line; word-wrapped labels in a form get squeezed to several cut lines.
        self.their_hint = QLabel()
        self.time_hint = QLabel()
        self.answered_by = QComboBox()
        self.answered_by.setEditable(True)
        self.answered_by.setMinimumWidth(260)
        for who in ANSWERED_BY:
            self.answered_by.addItem(self.tr(who), who)
        self.answered_by.setCurrentIndex(-1)
        self.answered_by.lineEdit().setPlaceholderText(self.tr("谁接听或回复（可自行填写）"))
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText(self.tr("通话或见面的要点：对方说了什么、是否承认委托代理、约定了什么"))
        self.outcome.setMinimumHeight(110)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("方式"), self.kind)
        form.addRow(self.tr("方向"), self.direction)
        form.addRow(self.tr("时间"), self.occurred_at)
        form.addRow("", self.time_hint)
        form.addRow(self.tr("我方号码"), self.our_number)
        form.addRow(self.tr("对方号码"), self.their_number)
        form.addRow("", self.their_hint)
        form.addRow(self.tr("接听人"), self.answered_by)
        form.addRow(self.tr("结果"), self.outcome)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.their_number.textChanged.connect(self._validate)
        self.occurred_at.dateTimeChanged.connect(self._validate)
        self._validate()
        # An explicit minimum (room for both hints) keeps the window's size constraints fixed while hints
        # come and go, instead of the layout re-imposing them on every check.
        line = self.fontMetrics().height() + 4
        self.setMinimumSize(max(540, layout.totalMinimumSize().width()), layout.totalMinimumSize().height() + 2 * line)

    # ------------------------------------------------------------------ checks
    def _validate(self) -> bool:
        ok = True
        raw = self.their_number.text().strip()
        if not raw:
            self._hint(self.their_hint, "", OK_STYLE)
        else:
            try:
                ident = normalise(IdentifierType.MOBILE, raw)
            except ValidationError as exc:
                self._hint(self.their_hint, exc.reason, ERROR_STYLE)
                ok = False
            else:
                facts = " · ".join(v for v in (ident.attributes.get("carrier", ""), ident.attributes.get("region", ""))
                                   if v)
                if ident.attributes.get("virtual") == "1":
                    self._hint(self.their_hint, self.tr("虚拟运营商号段，常见于代理人使用的号码。%1").replace(
                        "%1", facts), WARN_STYLE)
                else:
                    self._hint(self.their_hint, facts or ident.masked, OK_STYLE)
        if self._occurred() > dt.datetime.now() + dt.timedelta(minutes=5):
            self._hint(self.time_hint, self.tr("联系时间不能晚于现在"), ERROR_STYLE)
            ok = False
        else:
            self._hint(self.time_hint, "", OK_STYLE)
        self.save_button.setEnabled(ok)
        return ok

    @staticmethod
    def _hint(label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)
        label.setVisible(bool(text))

    def _occurred(self) -> dt.datetime:
        return self.occurred_at.dateTime().toPython().replace(second=0, microsecond=0)

    def draft(self) -> ContactDraft:
        answered = self.answered_by.currentText().strip()
        index = self.answered_by.findText(answered, Qt.MatchFlag.MatchExactly)
        if index >= 0 and self.answered_by.itemData(index):
            answered = self.answered_by.itemData(index)  # store the Chinese source, not a translation
        return ContactDraft(
            kind=ContactKind(self.kind.currentData()),
            direction=ContactDirection(self.direction.currentData()),
            occurred_at=self._occurred(),
            our_number=self.our_number.text().strip(),
            their_number=self.their_number.text().strip(),
            answered_by=answered,
            outcome=self.outcome.toPlainText().strip(),
        )

    # ------------------------------------------------------------------ accept
    def accept(self) -> None:
        if not self._validate():
            return
        try:
            self.contact_id = log_contact(self.ctx, self.complaint_id, self.draft())
        except DomainError as exc:
            if isinstance(exc, ValidationError) and exc.field == "their_number":
                self._hint(self.their_hint, exc.reason, ERROR_STYLE)
            show_error(self, exc)
            return
        except Exception as exc:  # noqa: BLE001 - logged and shown with the log path
            show_error(self, exc)
            return
        super().accept()

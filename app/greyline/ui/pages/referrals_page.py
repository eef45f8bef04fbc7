"""The referrals page (移送): every package sent to police or a regulator, the latest decision on it and
the next deadline (highlighted when due within three days or passed), with the selected referral's
package, receipt and decision history below.

Referrals are few (hundreds), so the list loads directly; recording goes through
``services.referrals`` via the dialogs in ``ui.referral_dialogs``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import ReferralDecision, ReferralTarget
from greyline.domain.permissions import Permission, can
from greyline.queries.referrals import ReferralDetail, ReferralRow, list_referrals, referral_detail
from greyline.services.context import ServiceContext
from greyline.ui.complaint_table_model import DUE_SOON, DUE_SOON_COLOUR, OVERDUE, OVERDUE_COLOUR
from greyline.ui.errors import guarded
from greyline.ui.labels import date_text, label_of, local_minute
from greyline.ui.navigation import Navigator
from greyline.ui.referral_dialogs import DecisionDialog, ReferralDialog
from greyline.ui.row_table_model import Column, RowTableModel, read_only_table, with_text_tooltips


def _text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


class ReferralTableModel(RowTableModel):
    COLUMNS = ("group_reference", "group_title", "target", "agency", "sent_on", "receipt_no", "receipt_date",
               "latest_decision", "latest_decision_on", "next_deadline", "next_deadline_label")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        deadline = {"background": self._deadline_colour, "tooltip": self._deadline_tooltip}
        self.set_columns([
            Column(self.tr("团伙编号"), lambda r: _text(r.group_reference)),
            Column(self.tr("团伙/案件"), lambda r: _text(r.group_title), tooltip=lambda r: r.group_title),
            Column(self.tr("接收机关类型"), lambda r: label_of(ReferralTarget, r.target)),
            Column(self.tr("接收机关"), lambda r: _text(r.agency), tooltip=lambda r: r.agency),
            Column(self.tr("移送日期"), lambda r: _text(r.sent_on)),
            Column(self.tr("回执号"), lambda r: _text(r.receipt_no)),
            Column(self.tr("回执日期"), lambda r: _text(r.receipt_date)),
            Column(self.tr("最新决定"),
                   lambda r: label_of(ReferralDecision, r.latest_decision) or self.tr("尚无决定")),
            Column(self.tr("决定日期"), lambda r: _text(r.latest_decision_on)),
            Column(self.tr("下一期限"), lambda r: _text(r.next_deadline), **deadline),
            Column(self.tr("期限事项"), lambda r: _text(r.next_deadline_label), **deadline),
        ])

    @staticmethod
    def _deadline_colour(row: ReferralRow) -> QColor | None:
        if row.overdue:
            return OVERDUE
        if row.due_soon:
            return DUE_SOON
        return None

    def _deadline_tooltip(self, row: ReferralRow) -> str | None:
        if row.next_deadline is None:
            return None
        if row.overdue:
            return self.tr("期限已过：%1").replace("%1", row.next_deadline_label)
        return row.next_deadline_label


class DecisionTableModel(RowTableModel):
    """One referral's decisions, oldest first."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns(with_text_tooltips([
            Column(self.tr("决定日期"), lambda r: date_text(r.decided_on)),
            Column(self.tr("决定"), lambda r: label_of(ReferralDecision, r.decision)),
            Column(self.tr("文书编号"), lambda r: r.document_no),
            Column(self.tr("后续期限"), lambda r: date_text(r.next_deadline)),
            Column(self.tr("期限事项"), lambda r: r.next_deadline_label),
            Column(self.tr("登记人"), lambda r: r.recorded_by),
            Column(self.tr("备注"), lambda r: r.notes),
        ]))


class ReferralsPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        may_record = can(ctx.actor.role, Permission.RECORD_REFERRAL)

        self.new_button = QPushButton(self.tr("登记移送…"))
        self.decision_button = QPushButton(self.tr("登记决定…"))
        self.open_group_button = QPushButton(self.tr("打开团伙/案件"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.new_button.clicked.connect(self.new_referral)
        self.decision_button.clicked.connect(self.new_decision)
        self.open_group_button.clicked.connect(self._open_selected_group)
        self.refresh_button.clicked.connect(self.refresh)
        if not may_record:
            for b in (self.new_button, self.decision_button):
                b.setEnabled(False)
                b.setToolTip(self.tr("您的角色无权登记移送"))
        self._may_record = may_record
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.decision_button)
        bar.addWidget(self.open_group_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.refresh_button)

        self.model = ReferralTableModel(self)
        self.table = read_only_table(self.model)
        self.table.doubleClicked.connect(self._open_group_at)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        # Detail of the selected referral.
        self.detail_fields: dict[str, QLabel] = {}
        detail_form = QFormLayout()
        detail_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for key, caption in (("group", self.tr("团伙/案件")), ("agency", self.tr("接收机关")),
                             ("package", self.tr("材料包")), ("sha256", self.tr("材料包 SHA-256")),
                             ("receipt", self.tr("受案回执")), ("notes", self.tr("备注")),
                             ("recorded", self.tr("登记"))):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(key != "sha256")
            self.detail_fields[key] = label
            detail_form.addRow(caption, label)
        self.decisions_model = DecisionTableModel(self)
        self.decisions_table = QTableView()
        self.decisions_table.setModel(self.decisions_model)
        self.decisions_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.decisions_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.decisions_table.verticalHeader().setVisible(False)
        self.decisions_table.horizontalHeader().setStretchLastSection(True)
        self.decisions_table.setWordWrap(False)

        detail_box = QGroupBox(self.tr("移送详情"))
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addLayout(detail_form)
        decisions_box = QGroupBox(self.tr("机关决定记录"))
        decisions_layout = QVBoxLayout(decisions_box)
        decisions_layout.addWidget(self.decisions_table)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(detail_box, 2)
        bottom_layout.addWidget(decisions_box, 3)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.legend = QLabel(self.tr("下一期限：<span style='background:%1'>&nbsp;已过期&nbsp;</span>"
                                     "&nbsp;<span style='background:%2'>&nbsp;3 日内到期&nbsp;</span>")
                             .replace("%1", OVERDUE_COLOUR).replace("%2", DUE_SOON_COLOUR))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)
        self.setMinimumSize(760, 520)
        self._sized = False
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        selected = self.selected()
        rows = guarded(self, list_referrals, self.ctx.store)
        if rows is None:
            return
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        text = self.tr("共 %1 次移送").replace("%1", str(len(rows)))
        if overdue:
            text += self.tr("，%1 项期限已过").replace("%1", str(overdue))
        self.count_label.setText(text)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        if selected is not None:
            self.select_referral(selected.id)
        else:
            self._show_detail(None)
        self._update_buttons()

    def select_referral(self, referral_id: int) -> None:
        for i, r in enumerate(self.model.rows):
            if r.id == referral_id:
                self.table.selectRow(i)
                return
        self._show_detail(None)

    def selected(self) -> ReferralRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _selection_changed(self) -> None:
        row = self.selected()
        self._show_detail(row.id if row is not None else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.decision_button.setEnabled(has and self._may_record)
        self.open_group_button.setEnabled(has)

    def _show_detail(self, referral_id: int | None) -> None:
        detail: ReferralDetail | None = None
        if referral_id is not None:
            detail = guarded(self, referral_detail, self.ctx.store, referral_id)
        f = self.detail_fields
        if detail is None:
            for label in f.values():
                label.setText("")
            self.decisions_model.set_rows([])
            return
        f["group"].setText(f"{detail.group_reference}  {detail.group_title}")
        f["agency"].setText(self.tr("%1（%2），%3 移送").replace("%1", detail.agency)
                            .replace("%2", label_of(ReferralTarget, detail.target))
                            .replace("%3", detail.sent_on.isoformat()))
        f["package"].setText(detail.package_name or self.tr("未登记"))
        f["sha256"].setText(detail.package_sha256 or self.tr("未登记"))
        if detail.receipt_no or detail.receipt_date:
            f["receipt"].setText(" ".join(x for x in (detail.receipt_no, date_text(detail.receipt_date)) if x))
        else:
            f["receipt"].setText(self.tr("尚未取得"))
        f["notes"].setText(detail.notes)
        f["recorded"].setText(self.tr("%1，%2").replace("%1", detail.recorded_by or "")
                              .replace("%2", local_minute(detail.created_at)))
        self.decisions_model.set_rows(detail.decisions)
        if detail.decisions:
            self.decisions_table.resizeColumnsToContents()

    # ------------------------------------------------------------------ actions
    def new_referral(self) -> None:
        dialog = ReferralDialog(self.ctx, self)
        if dialog.exec() and dialog.referral_id is not None:
            self.nav.data_changed()
            self.nav.status(self.tr("已登记移送。"))
            self.refresh()
            self.select_referral(dialog.referral_id)

    def new_decision(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = DecisionDialog(self.ctx, row, self)
        if dialog.exec() and dialog.decision_id is not None:
            self.nav.data_changed()
            deadline, label = dialog.result_deadline or (None, "")
            if deadline is not None:
                self.nav.status(self.tr("已登记决定。后续期限：%1（%2）").replace("%1", deadline.isoformat())
                                .replace("%2", label))
            else:
                self.nav.status(self.tr("已登记决定。"))
            self.refresh()

    def _open_group_at(self, index: QModelIndex) -> None:
        if index.isValid():
            self.nav.open_group(self.model.row_at(index.row()).group_id)

    def _open_selected_group(self) -> None:
        row = self.selected()
        if row is not None:
            self.nav.open_group(row.group_id)

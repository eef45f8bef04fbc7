"""Groups (团伙/案件): the list on the left, the chosen group on the right -- its status, member
complaints, suspects, notes timeline, outcome counts and referrals.

Every change goes through services.groups with the version the page last read, so a group saved by
someone else in the meantime is refused with a plain message and reloaded, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import (
    Channel,
    ComplaintStatus,
    GroupStatus,
    IdentifierType,
    PartyKind,
    PartyRole,
    ReferralDecision,
    ReferralTarget,
    RiskLevel,
)
from greyline.domain.errors import NotFound
from greyline.domain.permissions import Permission, can
from greyline.queries.groups import GroupDetail, SuspectRow, group_detail, list_groups
from greyline.services import groups as group_service
from greyline.services.context import ServiceContext
from greyline.ui.complaint_table_model import DUE_SOON, OVERDUE
from greyline.ui.errors import guarded
from greyline.ui.group_dialogs import SuspectDialog, configure_table, fit_group_list, group_list_model, money
from greyline.ui.labels import label_of, local_minute
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import Column, RowTableModel

SETTINGS_SPLITTER = "groups_page/splitter"
COUNT_FIELDS = ("persons_handled", "detained", "arrested", "on_bail", "prosecuted", "sentenced")


def _ids_of(s: SuspectRow, *types: IdentifierType) -> str:
    return "、".join(s.masked_of(*(t.value for t in types)))


class GroupsPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self.detail: GroupDetail | None = None
        self._editable = can(ctx.actor.role, Permission.EDIT_GROUP)

        # ---------------------------------------------------------------- left: the list
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索团伙/案件名称、概要或编号"))
        self.search.setClearButtonEnabled(True)
        self.list_model = group_list_model(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        configure_table(self.list_view)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_group_list(self.list_view, hidden=(4, 5))  # suspects and amounts show in the detail
        self.list_count = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(self.list_count)
        left.setMinimumWidth(300)

        # ---------------------------------------------------------------- right: the detail
        self.title_label = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.status_combo = QComboBox()
        for status in GroupStatus:
            self.status_combo.addItem(status.label, status.value)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QGridLayout()
        head.addWidget(self.title_label, 0, 0)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel(self.tr("状态：")))
        status_row.addWidget(self.status_combo)
        head.addLayout(status_row, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.meta_label, 1, 0, 1, 2)
        head.addWidget(self.summary_label, 2, 0, 1, 2)
        head.setColumnStretch(0, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), "")
        self.tabs.addTab(self._suspects_tab(), "")
        self.tabs.addTab(self._notes_tab(), "")
        self.tabs.addTab(self._outcome_tab(), self.tr("处置结果"))
        self.tabs.addTab(self._referrals_tab(), "")

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(head)
        detail_layout.addWidget(self.tabs, 1)
        empty = QLabel(self.tr("请在左侧选择一个团伙/案件。\n\n新的团伙/案件在“投诉”页建立：选中多笔相关投诉，"
                               "点“加入团伙/案件…”。"))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(empty)
        self.right.addWidget(detail)
        self.right.setMinimumWidth(560)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        state = QSettings("Greyline", "Greyline").value(SETTINGS_SPLITTER)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([420, 860])

        # ---------------------------------------------------------------- wiring
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._reload_list)
        self.search.textChanged.connect(self._debounce.start)
        self.list_view.selectionModel().selectionChanged.connect(self._list_selection_changed)
        self.status_combo.activated.connect(self._status_chosen)
        self.splitter.splitterMoved.connect(lambda *_: self.save_view_state())
        for widget in (self.status_combo, self.add_suspect_button, self.note_edit, self.add_note_button,
                       self.save_outcome_button, *self.count_spins.values(), self.amount_edit, self.stopped_edit):
            widget.setEnabled(self._editable)
        self.add_note_button.setEnabled(False)
        if not self._editable:
            self.status_combo.setToolTip(self.tr("需要法务/反欺诈或管理员权限"))
        self._show_detail(None)

    # ------------------------------------------------------------------ tabs
    def _members_tab(self) -> QWidget:
        self.members_model = RowTableModel([
            Column(self.tr("编号"), lambda m: m.reference),
            Column(self.tr("工单号"), lambda m: m.external_id),
            Column(self.tr("渠道"), lambda m: label_of(Channel, m.channel)),
            Column(self.tr("客户"), lambda m: m.customer_name),
            Column(self.tr("受理日期"), lambda m: m.received_at.isoformat()),
            Column(self.tr("状态"), lambda m: label_of(ComplaintStatus, m.status)),
            Column(self.tr("风险等级"), lambda m: label_of(RiskLevel, m.risk_level)),
        ], self)
        self.members_view = QTableView()
        self.members_view.setModel(self.members_model)
        configure_table(self.members_view)
        for col, width in enumerate((140, 150, 160, 80, 96, 90)):
            self.members_view.setColumnWidth(col, width)
        self.members_view.activated.connect(self._open_member)
        hint = QLabel(self.tr("双击或按回车打开投诉。"))
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(self.members_view, 1)
        v.addWidget(hint)
        return page

    def _suspects_tab(self) -> QWidget:
        self.suspects_model = RowTableModel([
            Column(self.tr("名称"), lambda s: s.name),
            Column(self.tr("类型"), lambda s: label_of(PartyKind, s.kind)),
            Column(self.tr("角色"), lambda s: label_of(PartyRole, s.role)),
            Column(self.tr("证件号/信用代码"), lambda s: _ids_of(s, IdentifierType.RESIDENT_ID,
                                                                IdentifierType.CREDIT_CODE)),
            Column(self.tr("电话"), lambda s: _ids_of(s, IdentifierType.MOBILE, IdentifierType.LANDLINE)),
            Column(self.tr("微信"), lambda s: _ids_of(s, IdentifierType.WECHAT)),
            Column(self.tr("地址"), lambda s: _ids_of(s, IdentifierType.ADDRESS)),
            Column(self.tr("银行账户"), lambda s: _ids_of(s, IdentifierType.BANK_ACCOUNT)),
            Column(self.tr("备注"), lambda s: s.notes.replace("\n", " "), tooltip=lambda s: s.notes or None),
        ], self)
        self.suspects_view = QTableView()
        self.suspects_view.setModel(self.suspects_model)
        configure_table(self.suspects_view)
        for col, width in enumerate((220, 60, 90, 160, 120, 90, 140, 130)):
            self.suspects_view.setColumnWidth(col, width)
        self.add_suspect_button = QPushButton(self.tr("添加嫌疑人/单位…"))
        self.add_suspect_button.clicked.connect(self.add_suspect)
        note = QLabel(self.tr("号码均已遮蔽；需要完整号码时，在投诉详情中经授权查看。"))
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.add_suspect_button)
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(self.suspects_view, 1)
        v.addLayout(buttons)
        return page

    def _notes_tab(self) -> QWidget:
        self.notes_view = QTextBrowser()
        self.notes_view.setOpenLinks(False)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("记录进展：核实结果、与公安或监管的沟通、下一步安排……"))
        self.note_edit.setFixedHeight(72)
        self.add_note_button = QPushButton(self.tr("添加备注"))
        self.add_note_button.clicked.connect(self.add_note)
        self.note_edit.textChanged.connect(
            lambda: self.add_note_button.setEnabled(self._editable and bool(self.note_edit.toPlainText().strip())))
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignBottom)
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(self.notes_view, 1)
        v.addLayout(row)
        return page

    def _outcome_tab(self) -> QWidget:
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("元，如 125000.00"))
        self.stopped_edit = QLineEdit()
        self.stopped_edit.setPlaceholderText(self.tr("元"))
        labels = {"persons_handled": self.tr("处理人数："), "detained": self.tr("拘留："),
                  "arrested": self.tr("逮捕："), "on_bail": self.tr("取保候审："),
                  "prosecuted": self.tr("起诉："), "sentenced": self.tr("判刑：")}
        self.count_spins: dict[str, QSpinBox] = {}
        money_form = QFormLayout()
        money_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.amount_edit.setMinimumWidth(180)
        self.stopped_edit.setMinimumWidth(180)
        money_form.addRow(self.tr("涉案金额（元）："), self.amount_edit)
        money_form.addRow(self.tr("止损/拦截金额（元）："), self.stopped_edit)
        people_form = QFormLayout()
        people_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key in COUNT_FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setSuffix(self.tr(" 人"))
            spin.setMinimumWidth(110)
            self.count_spins[key] = spin
            people_form.addRow(labels[key], spin)
        self.save_outcome_button = QPushButton(self.tr("保存处置结果"))
        self.save_outcome_button.clicked.connect(self.save_outcome)
        forms = QHBoxLayout()
        forms.addLayout(money_form)
        forms.addSpacing(48)
        forms.addLayout(people_form)
        forms.addStretch(1)
        hint = QLabel(self.tr("按公安或监管部门的通报填写；统计报表从这里汇总。"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_outcome_button)
        page = QWidget()
        v = QVBoxLayout(page)
        v.addLayout(forms)
        v.addSpacing(12)
        v.addLayout(buttons)
        v.addStretch(1)
        return page

    def _referrals_tab(self) -> QWidget:
        self.referrals_tree = QTreeWidget()
        self.referrals_tree.setHeaderLabels([self.tr("接收机关 / 决定"), self.tr("类别"), self.tr("日期"),
                                             self.tr("回执号/文书号"), self.tr("后续期限")])
        for col, width in enumerate((210, 90, 96, 300)):
            self.referrals_tree.setColumnWidth(col, width)
        self.referrals_tree.setAlternatingRowColors(True)
        hint = QLabel(self.tr("移送与决定在“移送”页登记，这里只读。"))
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(self.referrals_tree, 1)
        v.addWidget(hint)
        return page

    # ------------------------------------------------------------------ public
    def refresh(self) -> None:
        self._reload_list()

    def select_group(self, group_id: int) -> None:
        if self._row_of(group_id) is None and self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._debounce.stop()
        if self._row_of(group_id) is None:
            self._reload_list(keep=group_id)
            return
        self._select_row(self._row_of(group_id))

    def current_group_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None

    # ------------------------------------------------------------------ list
    def _row_of(self, group_id: int) -> int | None:
        return next((r for r, g in enumerate(self.list_model.rows) if g.id == group_id), None)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            self.list_view.clearSelection()
            self._show_detail(None)
            return
        self.list_view.selectRow(row)
        self.list_view.scrollTo(self.list_model.index(row, 0))
        if self.current_group_id() != self.list_model.row_at(row).id:
            self._load_detail(self.list_model.row_at(row).id)

    def _reload_list(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_group_id()
        rows = list_groups(self.ctx.store, self.search.text().strip())
        self.list_view.selectionModel().blockSignals(True)
        self.list_model.set_rows(rows)
        self.list_view.selectionModel().blockSignals(False)
        self.list_count.setText(self.tr("共 %1 个团伙/案件").replace("%1", str(len(rows))))
        row = self._row_of(keep) if keep is not None else None
        if row is None:
            self._select_row(None)
        else:
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.selectRow(row)
            self.list_view.selectionModel().blockSignals(False)
            self._load_detail(keep)

    def _list_selection_changed(self, *_args: object) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        if not rows:
            self._show_detail(None)
            return
        group_id = self.list_model.row_at(rows[0].row()).id
        if group_id != self.current_group_id():
            self._load_detail(group_id)

    # ------------------------------------------------------------------ detail
    def _load_detail(self, group_id: int) -> None:
        try:
            detail = group_detail(self.ctx.store, group_id)
        except NotFound:
            detail = None
        self._show_detail(detail)

    def _reload_detail(self) -> None:
        """After a save: reload the list row and the detail of the current group."""
        if self.detail is not None:
            self._reload_list(keep=self.detail.id)

    def _show_detail(self, d: GroupDetail | None) -> None:
        self.detail = d
        if d is None:
            self.right.setCurrentIndex(0)
            return
        self.right.setCurrentIndex(1)
        self.title_label.setText(f"{d.reference}  {d.title}")
        meta = self.tr("%1 建立于 %2 · 投诉 %3 笔 · 嫌疑人/单位 %4 个").replace(
            "%1", d.created_by or self.tr("（未知）")).replace("%2", local_minute(d.created_at)).replace(
            "%3", str(len(d.members))).replace("%4", str(len({s.party_id for s in d.suspects})))
        if d.amount_involved_cents:
            meta += self.tr(" · 涉案金额 %1 元").replace("%1", money(d.amount_involved_cents))
        self.meta_label.setText(meta)
        self.summary_label.setText(d.summary)
        self.summary_label.setVisible(bool(d.summary))
        index = self.status_combo.findData(d.status)
        if index < 0:
            self.status_combo.addItem(d.status, d.status)
            index = self.status_combo.count() - 1
        self.status_combo.setCurrentIndex(index)

        self.members_model.set_rows(d.members)
        self.suspects_model.set_rows(d.suspects)
        self.tabs.setTabText(0, self.tr("涉及投诉（%1）").replace("%1", str(len(d.members))))
        self.tabs.setTabText(1, self.tr("嫌疑人/单位（%1）").replace("%1", str(len(d.suspects))))
        self.tabs.setTabText(2, self.tr("备注（%1）").replace("%1", str(len(d.notes))))
        self.tabs.setTabText(4, self.tr("移送（%1）").replace("%1", str(len(d.referrals))))
        self._show_notes(d)
        self._show_outcome(d)
        self._show_referrals(d)

    def _show_notes(self, d: GroupDetail) -> None:
        if not d.notes:
            self.notes_view.setHtml(f"<p style='color:#5f6368'>{html.escape(self.tr('还没有备注。'))}</p>")
            return
        parts = []
        for n in reversed(d.notes):  # newest first
            who = n.display_name or n.username or self.tr("（未知）")
            body = html.escape(n.text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(local_minute(n.at))}</b>&nbsp;&nbsp;{html.escape(who)}<br>{body}</p>")
        self.notes_view.setHtml("".join(parts))

    def _show_outcome(self, d: GroupDetail) -> None:
        self.amount_edit.setText(money(d.amount_involved_cents).replace(",", "") if d.amount_involved_cents else "")
        self.stopped_edit.setText(money(d.loss_stopped_cents).replace(",", "") if d.loss_stopped_cents else "")
        for key, spin in self.count_spins.items():
            spin.setValue(getattr(d, key))

    def _show_referrals(self, d: GroupDetail) -> None:
        self.referrals_tree.clear()
        today = dt.date.today()
        for r in d.referrals:
            receipt = r.receipt_no + (f"（{r.receipt_date.isoformat()}）" if r.receipt_date else "")
            top = QTreeWidgetItem([r.agency, label_of(ReferralTarget, r.target), r.sent_on.isoformat(), receipt, ""])
            top.setToolTip(0, r.notes or r.package_name or r.agency)
            top.setToolTip(3, receipt)
            for dec in r.decisions:
                due = ""
                if dec.next_deadline is not None:
                    due = f"{dec.next_deadline_label} {dec.next_deadline.isoformat()}".strip()
                child = QTreeWidgetItem([label_of(ReferralDecision, dec.decision), "", dec.decided_on.isoformat(),
                                         dec.document_no, due])
                for col in range(1, 5):
                    child.setToolTip(col, child.text(col))
                if dec.notes:
                    child.setToolTip(0, dec.notes)
                if dec.next_deadline is not None and dec is r.decisions[-1]:
                    days = (dec.next_deadline - today).days
                    if days < 0:
                        child.setBackground(4, QBrush(QColor(OVERDUE)))
                    elif days <= 3:
                        child.setBackground(4, QBrush(QColor(DUE_SOON)))
                top.addChild(child)
            self.referrals_tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not d.referrals:
            self.referrals_tree.addTopLevelItem(QTreeWidgetItem([self.tr("尚未移送")]))

    # ------------------------------------------------------------------ actions
    def _open_member(self, index: QModelIndex) -> None:
        if index.isValid():
            self.nav.open_complaint(self.members_model.row_at(index.row()).id)

    def _saved(self, text: str) -> None:
        self._reload_detail()
        self.nav.status(text)
        self.nav.data_changed()

    def _status_chosen(self, index: int) -> None:
        d = self.detail
        if d is None:
            return
        value = self.status_combo.itemData(index)
        if value == d.status:
            return
        version = guarded(self, group_service.set_status, self.ctx, d.id, GroupStatus(value), d.version)
        if version is None:
            # Refused (most often: someone else saved first). Show what is stored now.
            self._reload_detail()
            return
        self._saved(self.tr("%1 状态已改为“%2”").replace("%1", d.reference).replace("%2", GroupStatus(value).label))

    def add_note(self) -> None:
        d = self.detail
        text = self.note_edit.toPlainText().strip()
        if d is None or not text:
            return
        if guarded(self, group_service.add_note, self.ctx, d.id, text) is None:
            return
        self.note_edit.clear()
        self._saved(self.tr("已添加备注"))

    def outcome(self) -> group_service.GroupOutcome:
        return group_service.GroupOutcome(
            amount_involved=self.amount_edit.text().strip(), loss_stopped=self.stopped_edit.text().strip(),
            **{key: spin.value() for key, spin in self.count_spins.items()})

    def save_outcome(self) -> None:
        d = self.detail
        if d is None:
            return
        if guarded(self, group_service.set_outcome, self.ctx, d.id, self.outcome(), d.version) is None:
            return
        self._saved(self.tr("%1 处置结果已保存").replace("%1", d.reference))

    def add_suspect(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = SuspectDialog(self.ctx, d.id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.party_id is not None:
            self._saved(self.tr("已添加嫌疑人/单位“%1”").replace("%1", dialog.name_edit.text().strip()))

    # ------------------------------------------------------------------ view state
    def save_view_state(self) -> None:
        QSettings("Greyline", "Greyline").setValue(SETTINGS_SPLITTER, self.splitter.saveState())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.save_view_state()
        super().hideEvent(event)

"""Every evidence item in the store: search by file name, description, hash or reference, filter by kind,
view, edit, verify, and jump to the complaint or group an item belongs to."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import EvidenceKind
from greyline.domain.permissions import Permission, can
from greyline.queries.evidence import EvidenceFilter, EvidenceRow, all_evidence, count_evidence
from greyline.services.context import ServiceContext
from greyline.ui.errors import show_error
from greyline.ui.evidence_panel import EvidenceRowActions, EvidenceTableModel, VerifyRunner, make_table
from greyline.ui.navigation import Navigator


class EvidencePage(EvidenceRowActions, QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self.can_edit = can(ctx.actor.role, Permission.ATTACH_EVIDENCE)
        self._filter = EvidenceFilter()
        self.verifier = VerifyRunner(self, ctx)
        self.viewer_dialog = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索文件名、说明、哈希值，或输入投诉/案件编号"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind in EvidenceKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.count_label = QLabel()

        self.view_button = QPushButton(self.tr("查看"))
        self.edit_button = QPushButton(self.tr("编辑信息…"))
        self.verify_button = QPushButton(self.tr("校验"))
        self.open_button = QPushButton(self.tr("打开所属投诉"))
        self.open_button.setToolTip(self.tr("打开这件证据所属的投诉（或团伙/案件）"))
        self.view_button.clicked.connect(self.view_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.verify_button.clicked.connect(self.verify_selected)
        self.open_button.clicked.connect(self.open_owner)

        self.model = EvidenceTableModel(self._load, EvidenceTableModel.PAGE_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.doubleClicked.connect(self._view_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._apply_filter)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("搜索")))
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("类型")))
        top.addWidget(self.kind_filter)
        top.addStretch(0)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        for b in (self.view_button, self.edit_button, self.verify_button, self.open_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("证据库"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.setMinimumSize(720, 420)
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def _load(self, limit: int, after: int | None) -> list[EvidenceRow]:
        return all_evidence(self.ctx.store, self._filter, limit, after)

    def current_filter(self) -> EvidenceFilter:
        kind = self.kind_filter.currentData()
        return EvidenceFilter(search=self.search.text().strip(), kinds=(kind,) if kind else ())

    def _apply_filter(self) -> None:
        self._debounce.stop()
        self._filter = self.current_filter()
        self.refresh()

    def refresh(self) -> None:
        """Reload from the database (the main window calls this when the page is shown)."""
        self._filter = self.current_filter()
        selected = self.selected_row()
        try:
            self.model.reload()
            total = count_evidence(self.ctx.store, self._filter)
        except Exception as exc:  # noqa: BLE001 - shown: domain errors plainly, others logged
            show_error(self, exc)
            return
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self.table.selectRow(self.model.row_of(selected.id))
        self.count_label.setText(self.tr("共 %1 件证据").replace("%1", str(total)))
        self._update_buttons()

    def selected_row(self) -> EvidenceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.view_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None and self.can_edit)
        self.verify_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and bool(row.complaint_ids or row.group_ids))
        if row is not None and not row.complaint_ids and row.group_ids:
            self.open_button.setText(self.tr("打开所属团伙/案件"))
        else:
            self.open_button.setText(self.tr("打开所属投诉"))

    # ------------------------------------------------------------------ actions
    def _edited(self) -> None:
        self.refresh()
        self.nav.status(self.tr("证据信息已保存。"))
        self.nav.data_changed()

    def open_owner(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.complaint_ids:
            self.nav.open_complaint(row.complaint_ids[0])
        elif row.group_ids:
            self.nav.open_group(row.group_ids[0])

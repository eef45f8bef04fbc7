"""The links page: every suggested, confirmed and rejected link between complaints, with its reason.

The interactive graph drawing is built with link detection; until then this page lists the links that
people recorded (manual links) and lets them be confirmed or rejected.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from greyline.domain.enums import LinkKind, LinkStatus
from greyline.queries.links import LinkListRow, list_links
from greyline.services.context import ServiceContext
from greyline.services.links import decide_link
from greyline.ui.errors import guarded
from greyline.ui.labels import label_of
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import Column, RowTableModel


class LinkTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns([
            Column(self.tr("投诉 A"), lambda r: r.a_reference),
            Column(self.tr("投诉 B"), lambda r: r.b_reference),
            Column(self.tr("关联类型"), lambda r: label_of(LinkKind, r.kind)),
            Column(self.tr("分值"), lambda r: f"{r.score:.2f}"),
            Column(self.tr("理由"), lambda r: r.reason),
            Column(self.tr("状态"), lambda r: label_of(LinkStatus, r.status)),
        ])


class LinksPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部"), "")
        for s in LinkStatus:
            self.status_filter.addItem(s.label, s.value)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.model = LinkTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self._open)
        self.confirm_button = QPushButton(self.tr("确认关联"))
        self.reject_button = QPushButton(self.tr("排除关联"))
        self.confirm_button.clicked.connect(lambda: self._decide(LinkStatus.CONFIRMED))
        self.reject_button.clicked.connect(lambda: self._decide(LinkStatus.REJECTED))
        hint = QLabel(self.tr("关联图将随自动关联识别一同提供；此处列出已记录的关联及其理由。双击打开投诉。"))
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("状态：")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        top.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.model.set_rows(list_links(self.ctx.store, status=self.status_filter.currentData() or None))
        self.table.resizeColumnsToContents()

    def _selected(self) -> LinkListRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _decide(self, status: LinkStatus) -> None:
        link = self._selected()
        if link is None:
            return
        if guarded(self, decide_link, self.ctx, link.id, status, link.version) is not None:
            self.nav.data_changed()
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.nav.open_complaint(row.b_id if index.column() == 1 and row.b_id else row.a_id)

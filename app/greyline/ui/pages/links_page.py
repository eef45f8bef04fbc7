"""The links page: every suggested, confirmed and rejected link between complaints, with its reason.

The interactive graph drawing is built with link detection; until then this page lists the links that
people recorded (manual links) and lets them be confirmed or rejected.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from greyline.domain.enums import LinkKind, LinkStatus
from greyline.queries.links import LinkListRow, list_links
from greyline.services.context import ServiceContext
from greyline.services.links import decide_link
from greyline.ui.errors import guarded
from greyline.ui.navigation import Navigator

Index = QModelIndex | QPersistentModelIndex


def _label(enum: type, value: str) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value


class LinkTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[LinkListRow] = []
        self.headers = [self.tr("投诉 A"), self.tr("投诉 B"), self.tr("关联类型"), self.tr("分值"),
                        self.tr("理由"), self.tr("状态")]

    def set_rows(self, rows: list[LinkListRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (r.a_reference, r.b_reference, _label(LinkKind, r.kind), f"{r.score:.2f}", r.reason,
                _label(LinkStatus, r.status))[index.column()]


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

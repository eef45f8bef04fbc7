"""Table model of complaints that pages from the database (keyset paging with fetchMore)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from greyline.domain.enums import Channel, ComplaintStatus, RiskLevel
from greyline.queries.complaints import ComplaintFilter, ComplaintRow

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[ComplaintFilter, int, tuple[object, int] | None], list[ComplaintRow]]


def _label(enum: type, value: str) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value


class ComplaintTableModel(QAbstractTableModel):
    COLUMNS = ("reference", "external_id", "channel", "received_at", "deadline_at", "customer_name",
               "contact_masked", "status", "risk_level", "preview")

    def __init__(self, loader: Loader, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._loader = loader
        self._rows: list[ComplaintRow] = []
        self._filter = ComplaintFilter()
        self._exhausted = False
        self._headers = {
            "reference": self.tr("编号"), "external_id": self.tr("工单号"), "channel": self.tr("渠道"),
            "received_at": self.tr("受理日期"), "deadline_at": self.tr("答复期限"),
            "customer_name": self.tr("客户"), "contact_masked": self.tr("联系电话"),
            "status": self.tr("状态"), "risk_level": self.tr("风险等级"), "preview": self.tr("投诉内容"),
        }

    # ------------------------------------------------------------------ loading
    def set_filter(self, flt: ComplaintFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or self._exhausted:
            return
        after = (self._rows[-1].id, self._rows[-1].id) if self._rows else None
        page = self._loader(self._filter, PAGE, after)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_at(self, row: int) -> ComplaintRow:
        return self._rows[row]

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, col)
            if col == "channel":
                return _label(Channel, value)
            if col == "status":
                return _label(ComplaintStatus, value)
            if col == "risk_level":
                return _label(RiskLevel, value)
            if isinstance(value, dt.date):
                return value.isoformat()
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and col == "deadline_at":
            if row.deadline_at is not None and row.status != ComplaintStatus.CLOSED.value:
                days = (row.deadline_at - dt.date.today()).days
                if days < 0:
                    return QBrush(QColor("#f4c7c3"))
                if days <= 3:
                    return QBrush(QColor("#fce8b2"))
        if role == Qt.ItemDataRole.ToolTipRole and col == "preview":
            return row.preview
        return None

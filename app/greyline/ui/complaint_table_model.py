"""Table model of complaints that pages from the database (keyset paging with fetchMore).

Rows are never counted or loaded all at once: the view asks for more (``canFetchMore``/``fetchMore``)
as the user scrolls, and each page continues after the last row's (sort value, id). Only columns with
an index behind them can be sorted (id via the reference, received date, deadline).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from greyline.domain.enums import Channel, ComplaintStatus, RiskLevel
from greyline.queries.complaints import ComplaintFilter, ComplaintRow
from greyline.ui.labels import label_of

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
After = tuple[object, int] | None
# loader(filter, limit, after) -- newest first only; or, with sortable=True,
# loader(filter, limit, after, sort, descending).
Loader = Callable[..., list[ComplaintRow]]

OVERDUE_COLOUR = "#f4c7c3"
DUE_SOON_COLOUR = "#fce8b2"
OVERDUE = QColor(OVERDUE_COLOUR)
DUE_SOON = QColor(DUE_SOON_COLOUR)
DUE_SOON_DAYS = 3

# Column -> sort key understood by queries.complaints.list_complaints (index-backed only).
SORT_KEYS = {"reference": "id", "received_at": "received_at", "deadline_at": "deadline_at"}


class ComplaintTableModel(QAbstractTableModel):
    COLUMNS = ("reference", "external_id", "channel", "received_at", "deadline_at", "customer_name",
               "contact_masked", "status", "risk_level", "handler", "preview")

    def __init__(self, loader: Loader, parent=None, *, sortable: bool = False) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._loader = loader
        self._sortable = sortable
        self._rows: list[ComplaintRow] = []
        self._filter = ComplaintFilter()
        # Nothing is read until the first set_filter: the owner usually sets sort and filter first.
        self._started = False
        self._exhausted = True
        self._sort = "id"
        self._descending = True
        self._channel_labels: dict[str, str] = {}
        self._today = dt.date.today()
        self._headers = {
            "reference": self.tr("编号"), "external_id": self.tr("工单号"), "channel": self.tr("渠道"),
            "received_at": self.tr("受理日期"), "deadline_at": self.tr("答复期限"),
            "customer_name": self.tr("客户"), "contact_masked": self.tr("联系电话"),
            "status": self.tr("状态"), "risk_level": self.tr("风险等级"), "handler": self.tr("承办人"),
            "preview": self.tr("投诉内容"),
        }

    # ------------------------------------------------------------------ loading
    def set_channel_labels(self, labels: dict[str, str]) -> None:
        """Labels of configured channels (channels added in settings are not in the enum)."""
        self._channel_labels = dict(labels)

    @property
    def current_filter(self) -> ComplaintFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        """(sort key, descending)."""
        return self._sort, self._descending

    def is_sortable_column(self, column: int) -> bool:
        return self._sortable and 0 <= column < len(self.COLUMNS) and self.COLUMNS[column] in SORT_KEYS

    def column_of_sort(self) -> int:
        return next(i for i, c in enumerate(self.COLUMNS) if SORT_KEYS.get(c) == self._sort)

    def set_filter(self, flt: ComplaintFilter) -> None:
        self._started = True
        self._reload(flt, self._sort, self._descending)

    def set_sort(self, sort: str, descending: bool) -> None:
        if sort not in SORT_KEYS.values():
            raise ValueError(sort)
        if not self._sortable and (sort, descending) != ("id", True):
            raise ValueError("this model's loader cannot sort")
        self._reload(self._filter, sort, descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort entry point (header clicks); columns without an index-backed order are ignored."""
        if not self.is_sortable_column(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = SORT_KEYS[self.COLUMNS[column]]
        if (key, descending) != (self._sort, self._descending):
            self.set_sort(key, descending)

    def _reload(self, flt: ComplaintFilter, sort: str, descending: bool) -> None:
        self.beginResetModel()
        self._filter, self._sort, self._descending = flt, sort, descending
        self._rows = []
        self._exhausted = not self._started
        self._today = dt.date.today()
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or self._exhausted:
            return
        after: After = None
        if self._rows:
            last = self._rows[-1]
            after = (last.id if self._sort == "id" else getattr(last, self._sort), last.id)
            if after[0] is None:
                # A NULL sort value cannot be continued after with a keyset comparison; the services
                # always set a deadline, so this only guards against hand-edited data.
                self._exhausted = True
                return
        if self._sortable:
            page = self._loader(self._filter, PAGE, after, self._sort, self._descending)
        else:
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
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and self._sortable:
            if self.is_sortable_column(section):
                return self.tr("点击按此列排序，再点一次反向")
            return self.tr("此列不能排序（可排序：编号、受理日期、答复期限）")
        return None

    def _deadline_days(self, row: ComplaintRow) -> int | None:
        if row.deadline_at is None or row.status == ComplaintStatus.CLOSED.value:
            return None
        return (row.deadline_at - self._today).days

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.COLUMNS)):
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, col)
            if col == "channel":
                return self._channel_labels.get(value) or label_of(Channel, value)
            if col == "status":
                return label_of(ComplaintStatus, value)
            if col == "risk_level":
                return label_of(RiskLevel, value)
            if isinstance(value, dt.date):
                return value.isoformat()
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and col == "deadline_at":
            days = self._deadline_days(row)
            if days is not None and days < 0:
                return QBrush(OVERDUE)
            if days is not None and days <= DUE_SOON_DAYS:
                return QBrush(DUE_SOON)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "preview":
                return row.preview
            if col == "deadline_at":
                days = self._deadline_days(row)
                if days is None:
                    return None
                if days < 0:
                    return self.tr("已超期 %1 天").replace("%1", str(-days))
                if days == 0:
                    return self.tr("今天到期")
                return self.tr("还有 %1 天到期").replace("%1", str(days))
        return None

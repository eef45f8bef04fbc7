"""A read-only table model over a short list of frozen rows, described column by column, and the table
view such lists are shown in.

Lists read whole (the work desk, referrals and their decisions, links, a complaint's contact log and
history, a group's members, statistics) go through ``RowTableModel``: each ``Column`` says what its
header is and how a row reads in it. Headers are passed in already translated, so every ``tr()`` stays
in the class that owns the text. Lists that page from the database as the user scrolls have their own
models (``ComplaintTableModel``, ``EvidenceTableModel``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex

ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One column: its (translated) header, the value a row shows in it, and optionally its alignment,
    background colour and tooltip."""

    header: str
    value: Callable[[Any], object]
    align: Qt.AlignmentFlag | None = None
    background: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], object] | None = None


def with_text_tooltips(columns: Sequence[Column]) -> list[Column]:
    """``columns``, each showing its own text as the tooltip unless it has a tooltip of its own (text cut
    off by a narrow column can still be read)."""
    return [c if c.tooltip is not None else replace(c, tooltip=c.value) for c in columns]


class RowTableModel(QAbstractTableModel):
    """Rows shown read-only through a list of columns; ``set_rows`` replaces them all."""

    def __init__(self, columns: Sequence[Column] = (), parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._rows: tuple[Any, ...] = ()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace the columns (a subclass builds them once it can translate its headers)."""
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def row_at(self, row: int) -> Any:  # noqa: ANN401 - whatever frozen row the list holds
        return self._rows[row]

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (
                0 <= index.column() < len(self._columns)):
            return None
        column, row = self._columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            colour = column.background(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align)
        return None


def read_only_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A table for picking one row of a read-only list: whole rows, no editing, one line per row."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table

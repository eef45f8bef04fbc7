"""Import window, channel panel: every channel value of the file that no channel or alias matches, with
how many rows carry it, each mapped by the user to a channel (and remembered as an alias if wished)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from greyline.services.importing import UnknownValue
from greyline.services.settings import ChannelRuleView


class ImportChannelPanel(QWidget):
    changed = Signal()

    def __init__(self, rules: list[ChannelRuleView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self.values: tuple[UnknownValue, ...] = ()
        intro = QLabel(self.tr("文件中有下列渠道写法无法识别。请为每一种写法选择对应的渠道："))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("import_unknown_channels")
        self.table.setHorizontalHeaderLabels([self.tr("文件中的写法"), self.tr("行数"), self.tr("对应渠道")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.remember = QCheckBox(self.tr("记住这些写法（作为渠道别名，以后导入时自动识别）"))
        self.remember.setObjectName("import_remember_channels")
        self.remember.setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remember)

    def show_values(self, values: tuple[UnknownValue, ...], chosen: dict[str, str]) -> None:
        self.values = values
        self.table.setRowCount(len(values))
        for i, value in enumerate(values):
            self.table.setItem(i, 0, QTableWidgetItem(value.value))
            count = QTableWidgetItem(str(value.rows))
            count.setToolTip(self.tr("第一次出现在第 %1 行").replace("%1", str(value.first_row)))
            self.table.setItem(i, 1, count)
            combo = QComboBox()
            combo.setObjectName(f"import_channel_{i}")
            combo.addItem(self.tr("（请选择）"), None)
            for rule in self._rules:
                combo.addItem(f"{rule.label}（{rule.code}）", rule.code)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(value.value))))
            combo.currentIndexChanged.connect(self.changed)
            self.table.setCellWidget(i, 2, combo)

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def channel_map(self) -> dict[str, str]:
        return {v.value: self.combo(i).currentData() for i, v in enumerate(self.values) if self.combo(i).currentData()}

    def complete(self) -> bool:
        return len(self.channel_map()) == len(self.values)

"""Import window, first panel: how the file was read, its first rows, and which column is which field.

Each column of the file gets a combo box ("不导入" or a field); the automatic mapping (or the one saved
for this header set) is preselected. A field can be chosen for one column only: picking it elsewhere
clears it from the column that had it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.work_order_values import FIELDS
from greyline.services.importing import FilePreview

SAMPLE_CHARS = 40


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= SAMPLE_CHARS else one_line[:SAMPLE_CHARS] + "…"


class ImportMappingPanel(QWidget):
    """Shows a ``FilePreview`` and lets the user change the column mapping."""

    def field_text(self, key: str) -> str:
        """A field's name in the interface language (literal tr() calls, so lupdate sees them)."""
        names = {
            "external_id": self.tr("工单编号"), "channel": self.tr("来源渠道"), "received_at": self.tr("受理日期"),
            "customer_name": self.tr("客户姓名"), "customer_id_number": self.tr("身份证号"),
            "customer_phone": self.tr("客户手机号"), "contact_phone": self.tr("联系电话"),
            "contract_no": self.tr("合同编号"), "overdue_amount": self.tr("逾期金额"), "text": self.tr("投诉内容"),
            "demands": self.tr("诉求"), "address": self.tr("联系地址"), "email": self.tr("邮箱"),
            "wechat": self.tr("微信"), "phone_changed_at": self.tr("手机号变更日期"), "category": self.tr("问题类别"),
            "notes": self.tr("备注"),
        }
        return names.get(key, FIELDS[key][0] if key in FIELDS else key)

    def layout_text(self, label: str) -> str:
        names = {"UTF-8": "UTF-8", "UTF-8（带 BOM）": self.tr("UTF-8（带 BOM）"), "UTF-16": "UTF-16",
                 "GBK/GB18030": "GBK/GB18030", "逗号": self.tr("逗号"), "制表符": self.tr("制表符"),
                 "分号": self.tr("分号"), "竖线": self.tr("竖线")}
        return names.get(label, label)

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: FilePreview | None = None
        self._updating = False
        self.info = QLabel()
        self.info.setObjectName("import_file_info")
        self.info.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("import_mapping_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("import_columns")
        self.columns.setHorizontalHeaderLabels([self.tr("文件中的列"), self.tr("示例内容"), self.tr("导入为")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.sample = QTableWidget(0, 0)
        self.sample.setObjectName("import_sample")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.setWordWrap(False)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(QLabel(self.tr("列的对应（已按列名自动匹配，可逐列修改）：")))
        tl.addWidget(self.columns)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("文件的前几行：")))
        bl.addWidget(self.sample)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(split, 1)
        layout.addWidget(self.problem)

    # ------------------------------------------------------------------ filling
    def show_preview(self, preview: FilePreview) -> None:
        self.preview = preview
        lay = preview.layout
        parts = [self.tr("文件：%1").replace("%1", lay.source)]
        if lay.kind == "csv":
            parts.append(self.tr("编码：%1").replace("%1", self.layout_text(lay.encoding)))
            parts.append(self.tr("分隔符：%1").replace("%1", self.layout_text(lay.delimiter)))
        elif lay.sheet:
            parts.append(self.tr("工作表：%1").replace("%1", lay.sheet))
        parts.append(self.tr("表头在第 %1 行").replace("%1", str(lay.header_row)))
        if preview.mapping_saved:
            parts.append(self.tr("已使用上次为这种表头保存的对应"))
        self.info.setText("　".join(parts))
        by_column = {index: key for key, index in preview.mapping.items()}
        self._updating = True
        try:
            self.columns.setRowCount(len(lay.headers))
            for i, header in enumerate(lay.headers):
                self.columns.setItem(i, 0, QTableWidgetItem(header or self.tr("（无列名）")))
                values = [_short(cells[i]) for _n, cells in preview.sample[:3] if i < len(cells) and cells[i].strip()]
                self.columns.setItem(i, 1, QTableWidgetItem(" | ".join(values)))
                combo = QComboBox()
                combo.setObjectName(f"import_field_{i}")
                combo.addItem(self.tr("（不导入）"), None)
                for key, (label, required, _aliases) in FIELDS.items():
                    combo.addItem(self.field_text(key) + (" *" if required else ""), key)
                combo.setCurrentIndex(max(0, combo.findData(by_column.get(i))))
                combo.currentIndexChanged.connect(lambda _i, column=i: self._field_chosen(column))
                self.columns.setCellWidget(i, 2, combo)
            self.sample.clear()
            self.sample.setColumnCount(len(lay.headers))
            self.sample.setHorizontalHeaderLabels([h or "?" for h in lay.headers])
            self.sample.setRowCount(len(preview.sample))
            self.sample.setVerticalHeaderLabels([str(n) for n, _cells in preview.sample])
            for r, (_n, cells) in enumerate(preview.sample):
                for c, value in enumerate(cells[: len(lay.headers)]):
                    item = QTableWidgetItem(_short(value))
                    item.setToolTip(value[:2000])
                    self.sample.setItem(r, c, item)
            self.sample.resizeColumnsToContents()
        finally:
            self._updating = False
        self._check()

    def combo(self, column: int) -> QComboBox:
        widget = self.columns.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    # ------------------------------------------------------------------ reading
    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(self.columns.rowCount()):
            key = self.combo(i).currentData()
            if key:
                out[key] = i
        return out

    def mapping_changed(self) -> bool:
        """True when the user changed the automatic (or saved) mapping: then it is saved for next time."""
        return self.preview is not None and self.mapping() != self.preview.mapping

    def missing(self) -> list[str]:
        mapping = self.mapping()
        return [self.field_text(key) for key, (_l, required, _a) in FIELDS.items() if required and key not in mapping]

    def _field_chosen(self, column: int) -> None:
        if self._updating:
            return
        key = self.combo(column).currentData()
        if key:
            self._updating = True
            try:
                for i in range(self.columns.rowCount()):
                    if i != column and self.combo(i).currentData() == key:
                        self.combo(i).setCurrentIndex(0)
            finally:
                self._updating = False
        self._check()
        self.changed.emit()

    def _check(self) -> None:
        missing = self.missing()
        self.problem.setText(self.tr("还需要指定这些必填列：%1").replace("%1", "、".join(missing)) if missing else "")

"""Import window, check report: what the import would do, every bad row and field (sortable,
exportable), and the choice between refusing the whole file and importing the good rows."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from greyline.services.importing import CheckReport, RowProblem
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips


class _Problems(RowTableModel):
    """Sorts row numbers as numbers."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            problem: RowProblem = self.row_at(index.row())
            return (problem.row, problem.column, problem.reason, problem.value)[index.column()]
        return super().data(index, role)


class ImportReportPanel(QWidget):
    export_requested = Signal()
    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CheckReport | None = None
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.model = _Problems(with_text_tooltips([
            Column(self.tr("行号"), lambda p: p.row, ALIGN_RIGHT),
            Column(self.tr("列"), lambda p: p.column),
            Column(self.tr("问题"), lambda p: p.reason),
            Column(self.tr("单元格内容"), lambda p: p.value),
        ]), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = read_only_table(self.proxy)
        self.table.setObjectName("import_problems")
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in ((0, 70), (1, 130), (2, 560)):
            self.table.setColumnWidth(column, width)
        self.export = QPushButton(self.tr("导出问题清单…"))
        self.export.setObjectName("import_export_problems")
        self.export.clicked.connect(self.export_requested)
        self.all_or_nothing = QRadioButton(self.tr("有错误行时整个文件都不导入（默认）"))
        self.all_or_nothing.setObjectName("import_all_or_nothing")
        self.partial = QRadioButton(self.tr("只导入正确的行，把错误行连同原因另存为一个文件，改正后再导入"))
        self.partial.setObjectName("import_partial")
        self.all_or_nothing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_or_nothing)
        group.addButton(self.partial)
        group.buttonToggled.connect(lambda *_a: self.mode_changed.emit())
        self.problems_box = QWidget()
        pl = QVBoxLayout(self.problems_box)
        pl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("有问题的行（点列标题可排序）：")))
        row.addStretch(1)
        row.addWidget(self.export)
        pl.addLayout(row)
        pl.addWidget(self.table, 1)
        pl.addWidget(self.all_or_nothing)
        pl.addWidget(self.partial)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_box, 1)

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        lines = [self.tr("共 %1 行：%2 行可以导入（其中 %3 笔已在库中，将跳过），%4 行有问题。")
                 .replace("%1", f"{report.rows:,}").replace("%2", f"{report.valid:,}")
                 .replace("%3", f"{report.already_present:,}").replace("%4", f"{report.problem_rows:,}")]
        if report.unused:
            lines.append(self.tr("不导入的列：%1").replace("%1", "、".join(report.unused)))
        if report.problem_rows > len(report.problems):
            lines.append(self.tr("下表列出前 %1 个问题。").replace("%1", f"{len(report.problems):,}"))
        if not report.problem_rows:
            lines.append(self.tr("没有发现问题。"))
        self.summary.setText("\n".join(lines))
        self.model.set_rows(report.problems)
        self.problems_box.setVisible(bool(report.problem_rows))

    def rejects_wanted(self) -> bool:
        return self.report is not None and self.report.problem_rows > 0 and self.partial.isChecked()

"""The main window: complaint list with search, status bar naming the store and the signed-in user.

This is the first real window; the navigation, dashboard, editors and viewers grow around it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from greyline.queries.complaints import ComplaintFilter, count_complaints, list_complaints
from greyline.services.context import ServiceContext
from greyline.ui.complaint_table_model import ComplaintTableModel


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("灰线 Greyline — 异常维权投诉证据与移送"))
        store = ctx.store

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索投诉内容、备注、客户姓名、编号或工单号"))
        self.search.setClearButtonEnabled(True)
        self.model = ComplaintTableModel(
            lambda flt, limit, after: list_complaints(store, flt, limit=limit, after=after), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.setCentralWidget(central)

        find = QAction(self.tr("搜索"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.addAction(find)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("文件"))
        menu.addAction(find)
        menu.addAction(quit_action)

        self.statusBar().addWidget(QLabel(self.tr("库：%1").replace("%1", store.location.display)))
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("用户：%1（%2）").replace("%1", ctx.actor.username).replace("%2", ctx.actor.role.label)))

        # Search runs when typing pauses, not on every keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)

        self._sized = False
        settings = QSettings("Greyline", "Greyline")
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.refresh()

    def refresh(self) -> None:
        flt = ComplaintFilter(search=self.search.text().strip())
        self.model.set_filter(flt)
        if not self._sized and self.model.rowCount() > 0:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(self.model.COLUMNS.index("preview"), 480)
            self._sized = True
        total = count_complaints(self.ctx.store, flt)
        self.count_label.setText(self.tr("共 %1 笔投诉").replace("%1", str(total)))

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        QSettings("Greyline", "Greyline").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)

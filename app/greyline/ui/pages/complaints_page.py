"""The complaint list: search and filters over the whole store, paged from the database as the user
scrolls, with deadlines coloured and selected complaints gathered into a group (团伙/案件).

The list never counts or loads everything: rows arrive a page at a time (keyset paging) and the total
is counted in a worker thread, shown as '…' until it is known.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import ComplaintStatus, Indicator, RiskLevel
from greyline.domain.permissions import Permission, can
from greyline.queries.complaints import (
    ComplaintFilter,
    count_complaints,
    list_complaints,
    list_handlers,
)
from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.ui import prompts
from greyline.ui.complaint_table_model import DUE_SOON, OVERDUE, ComplaintTableModel
from greyline.ui.errors import guarded, show_error
from greyline.ui.group_dialogs import AddToGroupDialog, GroupDialog
from greyline.ui.navigation import Navigator
from greyline.ui.workers import Job, start

SETTINGS_HEADER = "complaints_page/header"
SETTINGS_COLUMNS = "complaints_page/header_columns"

DEFAULT_WIDTHS = {"reference": 140, "external_id": 140, "channel": 150, "received_at": 96, "deadline_at": 96,
                  "customer_name": 80, "contact_masked": 110, "status": 96, "risk_level": 64, "handler": 80}


class OptionalDateEdit(QDateEdit):
    """A date edit whose lowest value means 'any date' and shows as 不限."""

    ANY = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.ANY)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(self.tr("不限"))
        self.setDate(self.ANY)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # From 'any', open the calendar on this month rather than on January 2000.
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> dt.date | None:
        d = self.date()
        return None if d == self.ANY else dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(self.ANY if value is None else QDate(value.year, value.month, value.day))


def _legend_chip(color: QColor, text: str) -> QLabel:
    label = QLabel(f'<span style="background:{color.name()};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}')
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ComplaintsPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self._count_job: Job | None = None
        self._restoring = False

        # ---------------------------------------------------------------- filters
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索投诉内容、备注、客户姓名、编号或工单号"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.date_from = OptionalDateEdit()
        self.date_to = OptionalDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setMinimumWidth(118)
        self.date_from.setToolTip(self.tr("受理日期不早于"))
        self.date_to.setToolTip(self.tr("受理日期不晚于"))
        self.clear_button = QPushButton(self.tr("清除筛选"))

        self.channel_combo = self._combo(self.tr("全部渠道"))
        self.status_combo = self._combo(self.tr("全部状态"))
        self.status_combo.addItem(self.tr("未办结"), tuple(s.value for s in ComplaintStatus
                                                           if s != ComplaintStatus.CLOSED))
        for s in ComplaintStatus:
            self.status_combo.addItem(s.label, (s.value,))
        self.risk_combo = self._combo(self.tr("全部等级"))
        self.risk_combo.addItem(self.tr("一级或二级"), (RiskLevel.LEVEL1.value, RiskLevel.LEVEL2.value))
        for level in (RiskLevel.LEVEL1, RiskLevel.LEVEL2, RiskLevel.NONE):
            self.risk_combo.addItem(level.label, (level.value,))
        self.handler_combo = self._combo(self.tr("全部承办人"))
        self.indicator_combo = self._combo(self.tr("全部指标"))
        for ind in Indicator:
            self.indicator_combo.addItem(ind.label, ind.value)
        self.channel_combo.setMinimumContentsLength(10)
        self.indicator_combo.setMinimumContentsLength(12)

        row1 = QHBoxLayout()
        row1.addWidget(self.search, 1)
        row1.addSpacing(12)
        row1.addWidget(QLabel(self.tr("受理日期：")))
        row1.addWidget(self.date_from)
        row1.addWidget(QLabel(self.tr("至")))
        row1.addWidget(self.date_to)
        row1.addWidget(self.clear_button)
        # "Only the complaints of this import", set from the import window; cleared with the filters.
        self._id_range: tuple[int, int] | None = None
        self.import_filter = QLabel()
        self.import_filter.setObjectName("import_filter")
        self.import_filter.setStyleSheet("background: #fff3c4; padding: 2px 6px; border-radius: 3px;")
        self.import_filter.setVisible(False)
        row2 = QHBoxLayout()
        row2.addWidget(self.import_filter)
        for text, combo in ((self.tr("渠道："), self.channel_combo), (self.tr("状态："), self.status_combo),
                            (self.tr("风险等级："), self.risk_combo), (self.tr("承办人："), self.handler_combo),
                            (self.tr("指标："), self.indicator_combo)):
            row2.addWidget(QLabel(text))
            row2.addWidget(combo)
            row2.addSpacing(8)
        row2.addStretch(1)

        # ---------------------------------------------------------------- table
        store = ctx.store
        self.model = ComplaintTableModel(
            lambda flt, limit, after, sort, descending: list_complaints(
                store, flt, limit=limit, after=after, sort=sort, descending=descending),
            self, sortable=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        for name, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(self.model.COLUMNS.index(name), width)
        header.setSortIndicator(self.model.COLUMNS.index("reference"), Qt.SortOrder.DescendingOrder)

        # ---------------------------------------------------------------- bottom bar
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(180)
        self.selection_label = QLabel()
        self.open_button = QPushButton(self.tr("打开"))
        self.group_button = QPushButton(self.tr("加入团伙/案件…"))
        self.group_menu = QMenu(self)
        self.new_group_action = QAction(self.tr("新建团伙/案件…"), self)
        self.add_to_group_action = QAction(self.tr("加入已有团伙/案件…"), self)
        self.group_menu.addAction(self.new_group_action)
        self.group_menu.addAction(self.add_to_group_action)
        self.group_button.setMenu(self.group_menu)
        self.open_action = QAction(self.tr("打开"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)
        if not can(ctx.actor.role, Permission.EDIT_GROUP):
            self.group_button.setEnabled(False)
            self.group_button.setToolTip(self.tr("需要法务/反欺诈或管理员权限"))

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.selection_label)
        bottom.addSpacing(16)
        bottom.addWidget(QLabel(self.tr("答复期限：")))
        bottom.addWidget(_legend_chip(OVERDUE, self.tr("已超期")))
        bottom.addWidget(_legend_chip(DUE_SOON, self.tr("3 天内到期")))
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.group_button)

        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        # ---------------------------------------------------------------- wiring
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.channel_combo, self.status_combo, self.risk_combo, self.handler_combo,
                      self.indicator_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.activated.connect(self._open_index)
        self.open_action.triggered.connect(self.open_current)
        self.open_button.clicked.connect(self.open_current)
        self.new_group_action.triggered.connect(self.new_group_from_selection)
        self.add_to_group_action.triggered.connect(self.add_selection_to_group)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(self.save_view_state)
        header.sectionResized.connect(lambda *_: self._save_timer.start())
        header.sectionMoved.connect(lambda *_: self._save_timer.start())

        self._restore_view_state()
        self._reload_choices()
        self._selection_changed()
        self.setAcceptDrops(True)

    # ------------------------------------------------------------------ import
    def show_id_range(self, first: int, last: int) -> None:
        """Only the complaints one import created (their ids are consecutive)."""
        self.clear_filters()
        self._id_range = (first, last)
        self.import_filter.setText(self.tr("仅显示刚导入的 %1 笔（点“清除筛选”显示全部）").replace(
            "%1", f"{last - first + 1:,}"))
        self.import_filter.setVisible(True)
        self._apply_filter()

    @staticmethod
    def _work_order_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in (".csv", ".xlsx", ".xlsm", ".xls",
                                                                                 ".txt", ".tsv")]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._work_order_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if self._work_order_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        files = self._work_order_files(event)
        if not files:
            return
        event.acceptProposedAction()
        if len(files) > 1:
            self.nav.status(self.tr("一次只能导入一个文件：先导入 %1").replace("%1", files[0].name))
        # Queued: the drag must finish before the (modal) import window opens.
        QTimer.singleShot(0, lambda: self.nav.import_files(files[0]))

    @staticmethod
    def _combo(any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.view().setMinimumWidth(240)
        return combo

    # ------------------------------------------------------------------ public
    def refresh(self) -> None:
        """Reload the choices and the list from the database (keeps filters and sort)."""
        self._reload_choices()
        self._apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r).id for r in rows]

    def current_filter(self) -> ComplaintFilter:
        return ComplaintFilter(
            search=self.search.text().strip(),
            channels=(self.channel_combo.currentData(),) if self.channel_combo.currentData() else (),
            statuses=tuple(self.status_combo.currentData() or ()),
            risk_levels=tuple(self.risk_combo.currentData() or ()),
            handler_id=self.handler_combo.currentData(),
            received_from=self.date_from.value(),
            received_to=self.date_to.value(),
            indicator=self.indicator_combo.currentData(),
            id_range=self._id_range,
        )

    def clear_filters(self) -> None:
        self._restoring = True
        try:
            self.search.clear()
            for combo in (self.channel_combo, self.status_combo, self.risk_combo, self.handler_combo,
                          self.indicator_combo):
                combo.setCurrentIndex(0)
            self.date_from.set_value(None)
            self.date_to.set_value(None)
            self._id_range = None
            self.import_filter.setVisible(False)
        finally:
            self._restoring = False
        self._debounce.stop()
        self._apply_filter()

    # ------------------------------------------------------------------ loading
    def _reload_choices(self) -> None:
        """Channels and handlers come from the store; keep what was chosen."""
        self._restoring = True
        try:
            rules = guarded(self, settings_service.channel_rules, self.ctx) or []
            self.model.set_channel_labels({r.code: r.label for r in rules})
            chosen = self.channel_combo.currentData()
            while self.channel_combo.count() > 1:
                self.channel_combo.removeItem(1)
            for r in rules:
                self.channel_combo.addItem(r.label, r.code)
            self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(chosen)) if chosen else 0)

            chosen = self.handler_combo.currentData()
            while self.handler_combo.count() > 1:
                self.handler_combo.removeItem(1)
            for h in list_handlers(self.ctx.store):
                self.handler_combo.addItem(h.name if h.active else self.tr("%1（已停用）").replace("%1", h.name), h.id)
            index = self.handler_combo.findData(chosen) if chosen is not None else 0
            self.handler_combo.setCurrentIndex(max(0, index))
        finally:
            self._restoring = False

    def _filters_changed(self, *_args: object) -> None:
        if not self._restoring:
            self._apply_filter()

    def _apply_filter(self) -> None:
        flt = self.current_filter()
        self.model.set_filter(flt)
        self._start_count(flt)
        self._selection_changed()

    def _start_count(self, flt: ComplaintFilter) -> None:
        store = self.ctx.store
        self.count_label.setText(self.tr("共 … 笔投诉"))
        job = Job(lambda progress, cancelled: count_complaints(store, flt))
        self._count_job = job
        job.signals.finished.connect(self._count_finished)
        job.signals.failed.connect(self._count_failed)
        start(job)

    def _is_current_count(self) -> bool:
        return self._count_job is not None and self.sender() is self._count_job.signals

    def _count_finished(self, total: object) -> None:
        if self._is_current_count():
            self._count_job = None
            self.count_label.setText(self.tr("共 %1 笔投诉").replace("%1", f"{int(total):,}"))  # type: ignore[call-overload]

    def _count_failed(self, exc: object) -> None:
        if self._is_current_count():
            self._count_job = None
            self.count_label.setText(self.tr("共 ? 笔投诉"))
            show_error(self, exc)  # type: ignore[arg-type]

    def counting(self) -> bool:
        """True while the total is still being counted."""
        return self._count_job is not None

    # ------------------------------------------------------------------ sorting and view state
    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable_column(column):
            # Only index-backed columns sort; put the arrow back where the list really is sorted.
            sort, descending = self.model.sort_key
            header.blockSignals(True)
            header.setSortIndicator(self.model.column_of_sort(),
                                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()
            return
        self.model.sort(column, order)
        self._save_timer.start()

    def _restore_view_state(self) -> None:
        settings = QSettings("Greyline", "Greyline")
        header = self.table.horizontalHeader()
        state = settings.value(SETTINGS_HEADER)
        if state is not None and settings.value(SETTINGS_COLUMNS) == ",".join(self.model.COLUMNS):
            header.blockSignals(True)
            header.restoreState(state)
            header.blockSignals(False)
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if not self.model.is_sortable_column(column):
            column, order = self.model.COLUMNS.index("reference"), Qt.SortOrder.DescendingOrder
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
        self.model.sort(column, order)

    def save_view_state(self) -> None:
        settings = QSettings("Greyline", "Greyline")
        settings.setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())
        settings.setValue(SETTINGS_COLUMNS, ",".join(self.model.COLUMNS))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.save_view_state()
        super().hideEvent(event)

    # ------------------------------------------------------------------ actions
    def _selection_changed(self, *_args: object) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("已选 %1 笔").replace("%1", str(n)) if n else "")
        editable = can(self.ctx.actor.role, Permission.EDIT_GROUP)
        self.group_button.setEnabled(editable and n > 0)
        self.open_button.setEnabled(n > 0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.nav.open_complaint(self.model.row_at(index.row()).id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            ids = self.selected_ids()
            if ids:
                self.nav.open_complaint(ids[0])
            return
        self._open_index(index)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.new_group_action)
        menu.addAction(self.add_to_group_action)
        editable = can(self.ctx.actor.role, Permission.EDIT_GROUP)
        self.new_group_action.setEnabled(editable)
        self.add_to_group_action.setEnabled(editable)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _ids_or_tell(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            prompts.current().info(self, self.tr("请先在列表中选中一笔或多笔投诉（按住 Ctrl 或 Shift 可多选）。"))
        return ids

    def new_group_from_selection(self) -> None:
        ids = self._ids_or_tell()
        if not ids:
            return
        dialog = GroupDialog(self.ctx, ids, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_group_id is not None:
            self.nav.status(self.tr("已建立团伙/案件 %1，含 %2 笔投诉").replace(
                "%1", dialog.created_reference or "").replace("%2", str(len(ids))))
            self.nav.data_changed()
            self.nav.open_group(dialog.created_group_id)

    def add_selection_to_group(self) -> None:
        ids = self._ids_or_tell()
        if not ids:
            return
        dialog = AddToGroupDialog(self.ctx, ids, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.group_id is not None:
            already = len(ids) - (dialog.added or 0)
            text = self.tr("已将 %1 笔投诉加入 %2").replace("%1", str(dialog.added)).replace(
                "%2", dialog.group_reference or "")
            if already:
                text += self.tr("（%1 笔原已在其中）").replace("%1", str(already))
            self.nav.status(text)
            self.nav.data_changed()

"""Stored complaints whose text is a near copy of the text being typed or pasted in the editor.

The editor feeds the complaint text in as it changes (``set_text``); 400 ms after the last change the
panel asks ``services.detection.similar_texts`` in a worker thread (a few milliseconds, but never on the
GUI thread while someone types). Only the newest search is shown: a slow older one that comes back
later is dropped (``workers.NewestLoad``). A match opens with a double-click, or is compared side by
side with the text being typed. The panel folds away to one line that still says how many matches
there are, so it never crowds the form.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.services.detection import SimilarComplaint
from greyline.ui.errors import guarded
from greyline.ui.labels import date_text
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table
from greyline.ui.template_compare import compare_dialog_for_text
from greyline.ui.workers import NewestLoad

log = logging.getLogger("greyline.ui")

DEBOUNCE_MS = 400
# Below this many characters a text cannot be a template copy (the detector needs about 50 shared
# four-character pieces); no search is made.
MIN_CHARS = 30
LIMIT = 10  # matches listed; more than this many copies already says enough
SETTINGS_KEY = "similar_panel/expanded"
WARN_STYLE = "color: #b06000; font-weight: bold;"
MUTED_STYLE = "color: #5f6368;"


class SimilarComplaintsPanel(QWidget):
    """Near copies of a text among the stored complaints, found while the text is typed."""

    results_changed = Signal(int)  # number of matches shown, after each finished search

    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self._text = ""
        self._customer_name = ""
        self._exclude_id: int | None = None
        self._asked: tuple[str, str, int | None] | None = None  # the request of the last search started
        self.searches = 0  # searches started (for tests and diagnostics)
        self.compare_dialog: QDialog | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self._loads = NewestLoad(self, cancel_superseded=True)
        self._loads.finished.connect(self._show_results)
        self._loads.failed.connect(self._search_failed)
        self._build()
        expanded = QSettings("Greyline", "Greyline").value(SETTINGS_KEY, True, type=bool)
        self.set_expanded(bool(expanded))
        self._set_state(self.tr("输入或粘贴投诉内容后，自动查找与已登记投诉雷同的文本。"), MUTED_STYLE)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(self.tr("雷同文本"))
        self.toggle.setToolTip(self.tr("展开或收起雷同文本列表"))
        self.toggle.toggled.connect(self._toggled)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle)
        header.addWidget(self.state, 1)

        self.model = RowTableModel([
            Column(self.tr("投诉编号"), lambda r: r.reference, tooltip=lambda r: r.preview),
            Column(self.tr("客户"), lambda r: r.customer_name, tooltip=lambda r: r.preview),
            Column(self.tr("受理日期"), lambda r: date_text(r.received_at)),
            Column(self.tr("相似度"), lambda r: f"{round(r.jaccard * 100)}%", ALIGN_RIGHT),
            Column(self.tr("开头"), lambda r: r.preview, tooltip=lambda r: r.preview),
        ], self)
        self.table = read_only_table(self.model)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(170)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("未发现雷同文本"))
        self.empty.setStyleSheet(MUTED_STYLE)
        self.open_button = QPushButton(self.tr("打开投诉"))
        self.compare_button = QPushButton(self.tr("比较"))
        self.compare_button.setToolTip(self.tr("把正在录入的文本与选中的投诉并排比较"))
        for b in (self.open_button, self.compare_button):
            b.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.compare_button)

        self.body = QWidget()
        v = QVBoxLayout(self.body)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(4)
        v.addWidget(self.table)
        v.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.body)
        self.empty.hide()
        self.table.hide()
        self._selection_changed()

    # ------------------------------------------------------------------ public
    def set_text(self, text: str, customer_name: str = "", exclude_id: int | None = None) -> None:
        """The text changed: search again once it has been still for a moment."""
        self._text = text
        self._customer_name = customer_name.strip()
        self._exclude_id = exclude_id
        if self._request() == self._asked:
            self._timer.stop()  # back to what was last searched: its result stands
            return
        self._timer.start()

    def search_now(self) -> None:
        """Search for the current text at once (the debounce timer calls this)."""
        self._timer.stop()
        request = self._request()
        self._asked = request
        text, name, exclude = request
        if len(text.strip()) < MIN_CHARS:
            self._loads.load(lambda _progress, _cancelled: [])  # supersedes a search still running
            self._set_state(self.tr("输入或粘贴投诉内容后，自动查找与已登记投诉雷同的文本。"), MUTED_STYLE)
            return
        ctx = self.ctx
        self.searches += 1
        self._set_state(self.tr("正在查找雷同文本…"), MUTED_STYLE)
        self._loads.load(lambda _progress, _cancelled: detection.similar_texts(
            ctx, text, customer_name=name, exclude_id=exclude, limit=LIMIT))

    def stop(self) -> None:
        """Forget a search not yet started (the editor is closing)."""
        self._timer.stop()

    def is_searching(self) -> bool:
        return self._timer.isActive() or self._loads.is_loading()

    def matches(self) -> tuple[SimilarComplaint, ...]:
        return tuple(self.model.rows)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self._toggled(expanded)

    def selected(self) -> SimilarComplaint | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        match = self.selected()
        if match is not None:
            self.nav.open_complaint(match.complaint_id)

    def compare_selected(self) -> QDialog | None:
        match = self.selected()
        if match is None:
            return None
        dialog = guarded(self, compare_dialog_for_text, self._text, self.tr("正在录入的文本"), self.ctx,
                         match.complaint_id, self.window(), customer_name=self._customer_name)
        if dialog is not None:
            self.compare_dialog = dialog
            dialog.show()
        return dialog

    # ------------------------------------------------------------------ internals
    def _request(self) -> tuple[str, str, int | None]:
        return self._text, self._customer_name, self._exclude_id

    def _toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        QSettings("Greyline", "Greyline").setValue(SETTINGS_KEY, expanded)

    def _show_results(self, rows: object) -> None:
        matches = list(rows) if isinstance(rows, list) else []
        self.model.set_rows(matches)
        self.table.setVisible(bool(matches))
        searched = len(self._asked[0].strip()) >= MIN_CHARS if self._asked else False
        self.empty.setVisible(not matches and searched)
        if matches:
            for c in range(self.model.columnCount() - 1):  # the last (the text's beginning) takes the rest
                self.table.resizeColumnToContents(c)
                self.table.setColumnWidth(c, min(self.table.columnWidth(c), 200))
            best = max(m.jaccard for m in matches)
            text = self.tr("发现至少 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。") \
                if len(matches) >= LIMIT else self.tr("发现 %1 笔已登记投诉与此文本雷同（最高相似度 %2%），可能出自同一模板。")
            self._set_state(text.replace("%1", str(len(matches))).replace("%2", str(round(best * 100))), WARN_STYLE)
        elif searched:
            self._set_state(self.tr("未发现雷同文本"), MUTED_STYLE)
        self._selection_changed()
        self.results_changed.emit(len(matches))

    def _search_failed(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            log.error("similar-text search failed\n%s",
                      "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        self._set_state(self.tr("查找雷同文本时出错，已记入日志；不影响保存。"), WARN_STYLE)

    def _set_state(self, text: str, style: str) -> None:
        self.state.setText(text)
        self.state.setStyleSheet(style)

    def _selection_changed(self, *_: object) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.compare_button.setEnabled(chosen and bool(self._text.strip()))
        self.open_button.setVisible(self.model.rowCount() > 0)
        self.compare_button.setVisible(self.model.rowCount() > 0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.nav.open_complaint(self.model.row_at(index.row()).complaint_id)


__all__ = ["SimilarComplaintsPanel", "DEBOUNCE_MS", "MIN_CHARS"]

"""The work desk (工作台): count tiles across the top, then what needs doing: my open complaints, deadlines
due soon or passed, new link suggestions and groups waiting to be referred.

Everything is read by ``queries.dashboard.dashboard`` in a worker thread: on a store of a million
complaints the counts take a few hundred milliseconds, and the window must not freeze meanwhile. A newer
refresh supersedes an older one still running (its result is dropped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import Channel, ComplaintStatus, LinkKind
from greyline.queries.dashboard import Dashboard, DeskComplaint, DeskGroup, DeskLink, dashboard
from greyline.services.context import ServiceContext
from greyline.ui.complaint_table_model import DUE_SOON, DUE_SOON_COLOUR, OVERDUE, OVERDUE_COLOUR
from greyline.ui.errors import show_error
from greyline.ui.labels import date_text, label_of, local_minute
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips
from greyline.ui.workers import NewestLoad


def remaining_text(deadline: dt.date | None, today: dt.date) -> str:
    if deadline is None:
        return ""
    days = (deadline - today).days
    if days < 0:
        return QCoreApplication.translate("DashboardPage", "逾期 %1 天").replace("%1", str(-days))
    if days == 0:
        return QCoreApplication.translate("DashboardPage", "今天到期")
    return QCoreApplication.translate("DashboardPage", "还剩 %1 天").replace("%1", str(days))


def deadline_colour(deadline: dt.date | None, today: dt.date) -> QColor | None:
    if deadline is None:
        return None
    days = (deadline - today).days
    if days < 0:
        return OVERDUE
    if days <= 3:
        return DUE_SOON
    return None


class Tile(QFrame):
    """One count: a big number over a short caption."""

    def __init__(self, caption: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }")
        self.number = QLabel("–")
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) * 2 + 2)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        self.setToolTip(tooltip)
        self.setMinimumWidth(90)

    def set_value(self, value: int, colour: str = "") -> None:
        """Show ``value``; a non-zero value is drawn in ``colour`` when one is given (a warning)."""
        self.number.setText(f"{value:,}")
        self.number.setStyleSheet(f"color: {colour};" if colour and value > 0 else "")


class DashboardPage(QWidget):
    """The first page: counts and the lists a person works through today."""

    loaded = Signal()  # emitted after the newest data is on screen (tests wait for it)

    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.data: Dashboard | None = None
        self._today = dt.date.today()
        # A newer refresh supersedes an older one still running.
        self._loads = NewestLoad(self, cancel_superseded=True)
        self._loads.finished.connect(self._loaded)
        self._loads.failed.connect(self._failed)

        self.tiles = {
            "open": Tile(self.tr("未办结投诉"), self.tr("状态不是“已办结”的投诉")),
            "mine": Tile(self.tr("我的待办"), self.tr("由我处理、尚未办结的投诉")),
            "due_soon": Tile(self.tr("3 日内到期"), self.tr("答复期限在今天起 3 日内、尚未办结")),
            "overdue": Tile(self.tr("已逾期"), self.tr("答复期限已过、尚未办结")),
            "suspected": Tile(self.tr("疑似异常维权"), self.tr("未办结投诉中已认定异常维权或已定风险等级的")),
            "investigating": Tile(self.tr("调查中团伙"), self.tr("状态为“调查中”的团伙/案件")),
            "ready": Tile(self.tr("待移送团伙"), self.tr("状态为“待移送”的团伙/案件")),
            "awaiting": Tile(self.tr("待机关决定"), self.tr("已移送、尚待公安或监管机关作出决定的移送")),
            "links": Tile(self.tr("待确认关联"), self.tr("系统提示、尚未确认或排除的关联")),
        }
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(8)
        for tile in self.tiles.values():
            tiles_row.addWidget(tile, 1)

        self.mine_model = RowTableModel(self._complaint_columns(), self)
        # The deadline list colours whole rows: overdue, or due within three days.
        self.deadline_model = RowTableModel(
            [replace(c, background=lambda r: deadline_colour(r.deadline_at, self._today))
             for c in self._complaint_columns(with_remaining=True)], self)
        self.links_model = RowTableModel(with_text_tooltips([
            Column(self.tr("关联类型"), lambda r: label_of(LinkKind, r.kind)),
            Column(self.tr("投诉"), lambda r: r.reference_a),
            Column(self.tr("关联到"), lambda r: r.reference_b),
            Column(self.tr("提示时间"), lambda r: local_minute(r.created_at)),
            Column(self.tr("理由"), lambda r: r.reason),
        ]), self)
        self.groups_model = RowTableModel(with_text_tooltips([
            Column(self.tr("编号"), lambda r: r.reference),
            Column(self.tr("投诉数"), lambda r: str(r.complaints), align=ALIGN_RIGHT),
            Column(self.tr("更新时间"), lambda r: local_minute(r.updated_at)),
            Column(self.tr("名称"), lambda r: r.title),
        ]), self)

        self.mine_table = self._table(self.mine_model, self._open_mine)
        self.deadline_table = self._table(self.deadline_model, self._open_deadline)
        self.links_table = self._table(self.links_model, self._open_link)
        self.groups_table = self._table(self.groups_model, self._open_group)
        self.mine_box = self._box(self.tr("我的待办"), self.mine_table)
        self.deadline_box = self._box(self.tr("即将到期 / 已逾期"), self.deadline_table)
        self.links_box = self._box(self.tr("新的关联提示"), self.links_table)
        self.groups_box = self._box(self.tr("待移送团伙"), self.groups_table)

        lists = QGridLayout()
        lists.setSpacing(10)
        lists.addWidget(self.mine_box, 0, 0)
        lists.addWidget(self.deadline_box, 0, 1)
        lists.addWidget(self.links_box, 1, 0)
        lists.addWidget(self.groups_box, 1, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        lists.setRowStretch(0, 3)
        lists.setRowStretch(1, 2)

        title = QLabel(self.tr("工作台"))
        title_font = QFont(title.font())
        title_font.setPointSize(title_font.pointSize() + 4)
        title_font.setBold(True)
        title.setFont(title_font)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.status_label)
        head.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(tiles_row)
        layout.addLayout(lists, 1)
        self.setMinimumSize(760, 520)

    # ------------------------------------------------------------------ building
    def _complaint_columns(self, with_remaining: bool = False) -> list[Column]:
        # What a person acts on comes first; the long channel names last.
        cols = [Column(self.tr("编号"), lambda r: r.reference)]
        if with_remaining:
            # Read when a cell is drawn: the day of the last load.
            cols.append(Column(self.tr("剩余"), lambda r: remaining_text(r.deadline_at, self._today)))
        cols += [
            Column(self.tr("答复期限"), lambda r: date_text(r.deadline_at)),
            Column(self.tr("状态"), lambda r: label_of(ComplaintStatus, r.status)),
            Column(self.tr("工单号"), lambda r: r.external_id),
            Column(self.tr("受理日期"), lambda r: date_text(r.received_at)),
            Column(self.tr("渠道"), lambda r: label_of(Channel, r.channel)),
        ]
        return with_text_tooltips(cols)

    def _table(self, model: RowTableModel, on_double_click: Callable[[QModelIndex], None]) -> QTableView:
        table = read_only_table(model)
        table.doubleClicked.connect(on_double_click)
        return table

    def _box(self, title: str, table: QTableView) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(table)
        return box

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Reload in a worker; the lists keep their old content until the new one arrives."""
        store, user_id, today = self.ctx.store, self.ctx.actor.user_id, dt.date.today()
        self.status_label.setText(self.tr("正在载入…"))
        self.refresh_button.setEnabled(False)
        self._loads.load(lambda progress, cancelled: dashboard(store, user_id, today))

    def is_loading(self) -> bool:
        return self._loads.is_loading()

    def _loaded(self, result: object) -> None:
        assert isinstance(result, Dashboard)
        self.show_dashboard(result)
        self.loaded.emit()

    def _failed(self, exc: object) -> None:
        self.refresh_button.setEnabled(True)
        self.status_label.setText(self.tr("载入失败"))
        show_error(self, exc)  # type: ignore[arg-type]

    def show_dashboard(self, data: Dashboard) -> None:
        """Put loaded figures and lists on screen."""
        self.data = data
        self._today = data.today
        c = data.counts
        self.tiles["open"].set_value(c.open_complaints)
        self.tiles["mine"].set_value(c.my_open)
        self.tiles["due_soon"].set_value(c.due_soon, colour="#8a5a00")
        self.tiles["overdue"].set_value(c.overdue, colour="#b3261e")
        self.tiles["suspected"].set_value(c.suspected_abnormal)
        self.tiles["investigating"].set_value(c.groups_investigating)
        self.tiles["ready"].set_value(c.groups_ready)
        self.tiles["awaiting"].set_value(c.referrals_awaiting)
        self.tiles["links"].set_value(c.links_suggested)

        self.mine_model.set_rows(data.my_open)
        # Due soon first: they can still be answered in time, and a long overdue list must not hide them.
        self.deadline_model.set_rows(data.due_soon + data.overdue)
        self.links_model.set_rows(data.new_links)
        self.groups_model.set_rows(data.ready_groups)

        self.mine_box.setTitle(self._caption(self.tr("我的待办"), len(data.my_open), c.my_open))
        shown = len(data.overdue) + len(data.due_soon)
        self.deadline_box.setTitle(
            self.tr("即将到期 / 已逾期（逾期 %1 笔，3 日内到期 %2 笔%3）")
            .replace("%1", f"{c.overdue:,}").replace("%2", f"{c.due_soon:,}")
            .replace("%3", self.tr("，显示 %1 笔").replace("%1", str(shown))
                     if shown < c.overdue + c.due_soon else ""))
        self.links_box.setTitle(self._caption(self.tr("新的关联提示"), len(data.new_links), c.links_suggested))
        self.groups_box.setTitle(self._caption(self.tr("待移送团伙"), len(data.ready_groups), c.groups_ready))
        for table in (self.mine_table, self.deadline_table, self.links_table, self.groups_table):
            if table.model().rowCount() > 0:
                table.resizeColumnsToContents()
        self.refresh_button.setEnabled(True)
        self.status_label.setText(self.tr("更新于 %1").replace("%1", dt.datetime.now().strftime("%H:%M")))

    def _caption(self, title: str, shown: int, total: int) -> str:
        if total > shown:
            return self.tr("%1（共 %2 笔，显示最新 %3 笔）").replace("%1", title).replace(
                "%2", f"{total:,}").replace("%3", str(shown))
        return self.tr("%1（%2）").replace("%1", title).replace("%2", f"{total:,}")

    # ------------------------------------------------------------------ opening
    def _open_mine(self, index: QModelIndex) -> None:
        row: DeskComplaint = self.mine_model.row_at(index.row())
        self.nav.open_complaint(row.id)

    def _open_deadline(self, index: QModelIndex) -> None:
        row: DeskComplaint = self.deadline_model.row_at(index.row())
        self.nav.open_complaint(row.id)

    def _open_link(self, index: QModelIndex) -> None:
        row: DeskLink = self.links_model.row_at(index.row())
        if index.column() == 2:  # the "linked to" column: the other complaint, or the group
            if row.complaint_b_id is not None:
                self.nav.open_complaint(row.complaint_b_id)
                return
            if row.group_id is not None:
                self.nav.open_group(row.group_id)
                return
        self.nav.open_complaint(row.complaint_a_id)

    def _open_group(self, index: QModelIndex) -> None:
        row: DeskGroup = self.groups_model.row_at(index.row())
        self.nav.open_group(row.id)


__all__ = ["DashboardPage", "Tile", "DUE_SOON_COLOUR", "OVERDUE_COLOUR"]

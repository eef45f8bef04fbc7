"""The statistics page (统计): the figures supervisors report for a period, in Chinese tables.

Referrals and what came of them per kind of agency, the outcome figures (persons handled, amounts,
average days to acceptance and to case opening), complaints received by channel and by status, groups by
status. ``queries.statistics.outcome_statistics`` computes them in a worker thread (a year of a
million-complaint store takes about a second); the date range picks the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import Channel, ComplaintStatus, GroupStatus, ReferralTarget
from greyline.queries.statistics import Statistics, outcome_statistics
from greyline.services.context import ServiceContext
from greyline.ui.errors import show_error
from greyline.ui.labels import label_of
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, Index, RowTableModel
from greyline.ui.workers import NewestLoad


def yuan(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def _year_before(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class FigureTableModel(RowTableModel):
    """Rows of figures: the first column is a caption, the others numbers (right-aligned). Rows listed in
    ``total_rows`` are drawn bold."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:  # noqa: ANN001
        super().__init__([Column(header, lambda r, i=i: r[i] if i < len(r) else "",
                                 align=ALIGN_RIGHT if i > 0 else None)
                          for i, header in enumerate(headers)], parent)
        self.total_rows: set[int] = set()

    def set_rows(self, rows: Sequence[Sequence[object]], total_rows: Sequence[int] = ()) -> None:
        texts = [tuple(str(v) for v in r) for r in rows]
        self.total_rows = {i if i >= 0 else len(texts) + i for i in total_rows}
        super().set_rows(texts)

    def value(self, caption: str, column: int = 1) -> str:
        """The text in ``column`` of the row captioned ``caption`` (tests and exports read figures so)."""
        for r in self.rows:
            if r[0] == caption:
                return r[column]
        raise KeyError(caption)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if (role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() in self.total_rows
                and 0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class StatisticsPage(QWidget):
    loaded = Signal()  # emitted when the newest figures are on screen

    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.stats: Statistics | None = None
        self._loads = NewestLoad(self)
        self._loads.finished.connect(self._loaded)
        self._loads.failed.connect(self._failed)
        self.tables: dict[FigureTableModel, QTableView] = {}

        today = dt.date.today()
        self.date_from = self._date_edit(dt.date(today.year, 1, 1))
        self.date_to = self._date_edit(today)
        self.run_button = QPushButton(self.tr("统计"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.refresh)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计期间")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.date_to)
        for text, period in ((self.tr("本月"), "month"), (self.tr("本季度"), "quarter"),
                             (self.tr("本年"), "year"), (self.tr("上一年"), "last_year"),
                             (self.tr("近 12 个月"), "12_months")):
            button = QPushButton(text)
            button.setObjectName(f"period_{period}")
            button.clicked.connect(lambda _=False, p=period: self.set_period(p))
            bar.addWidget(button)
        bar.addWidget(self.run_button)
        bar.addStretch(1)

        self.targets_model = FigureTableModel(
            [self.tr("接收机关类型"), self.tr("移送/报案"), self.tr("受案"), self.tr("刑事立案"),
             self.tr("治安案件"), self.tr("不予立案"), self.tr("申请复议")], self)
        self.outcomes_model = FigureTableModel([self.tr("项目"), self.tr("数值")], self)
        self.channels_model = FigureTableModel([self.tr("渠道"), self.tr("笔数")], self)
        self.statuses_model = FigureTableModel([self.tr("状态"), self.tr("笔数")], self)
        self.groups_model = FigureTableModel([self.tr("状态"), self.tr("团伙/案件数")], self)

        self.targets_box = self._box(self.tr("移送与机关决定（按移送日期、决定日期）"), self.targets_model)
        self.outcomes_box = self._box(self.tr("处置成果（团伙按建立日期）"), self.outcomes_model)
        self.channels_box = self._box(self.tr("受理投诉（按渠道，按受理日期）"), self.channels_model)
        self.statuses_box = self._box(self.tr("投诉当前状态"), self.statuses_model)
        self.groups_box = self._box(self.tr("团伙/案件当前状态（按建立日期）"), self.groups_model)

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.targets_box, 0, 0, 1, 3)
        grid.addWidget(self.outcomes_box, 1, 0, 2, 1)
        grid.addWidget(self.channels_box, 1, 1, 2, 1)
        grid.addWidget(self.statuses_box, 1, 2)
        grid.addWidget(self.groups_box, 2, 2)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        for c in range(3):
            grid.setColumnStretch(c, 1)

        self.note = QLabel(self.tr("说明：决定按每次移送计一次；平均天数按首次受案、首次立案的决定日期计算。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        foot = QHBoxLayout()
        foot.addWidget(self.note, 1)
        foot.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        layout.addLayout(foot)
        self.setMinimumSize(760, 520)

    def _date_edit(self, value: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(130)
        return edit

    def _box(self, title: str, model: FigureTableModel) -> QGroupBox:
        table = QTableView()
        table.setModel(model)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.tables[model] = table
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        if model.columnCount() == 2:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(table)
        return box

    def _fit_height(self, table: QTableView) -> None:
        """A short table shows all its rows without a scroll bar."""
        rows = table.model().rowCount()
        height = (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth() + 2)
        table.setFixedHeight(height)

    # ------------------------------------------------------------------ period
    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_period(self, name: str, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        if name == "month":
            start_day, end = today.replace(day=1), today
        elif name == "quarter":
            start_day, end = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
        elif name == "last_year":
            start_day, end = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        elif name == "12_months":
            start_day, end = _year_before(today) + dt.timedelta(days=1), today
        else:
            start_day, end = dt.date(today.year, 1, 1), today
        self.date_from.setDate(_qdate(start_day))
        self.date_to.setDate(_qdate(end))
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        date_from, date_to = self.period()
        if date_to < date_from:
            date_from, date_to = date_to, date_from
            self.date_from.setDate(_qdate(date_from))
            self.date_to.setDate(_qdate(date_to))
        store = self.ctx.store
        self.status_label.setText(self.tr("正在统计…"))
        self.run_button.setEnabled(False)
        self._loads.load(lambda progress, cancelled: outcome_statistics(store, date_from, date_to))

    def is_loading(self) -> bool:
        return self._loads.is_loading()

    def _loaded(self, result: object) -> None:
        assert isinstance(result, Statistics)
        self.show_statistics(result)
        self.loaded.emit()

    def _failed(self, exc: object) -> None:
        self.run_button.setEnabled(True)
        self.status_label.setText(self.tr("统计失败"))
        show_error(self, exc)  # type: ignore[arg-type]

    def _days(self, value: float | None, samples: int) -> str:
        if value is None:
            return self.tr("—")
        return self.tr("%1 天（%2 起）").replace("%1", f"{value:.1f}").replace("%2", str(samples))

    def show_statistics(self, s: Statistics) -> None:
        self.stats = s
        targets = [(label_of(ReferralTarget, f.target), f.referred, f.accepted, f.case_opened, f.public_order,
                    f.refused, f.reconsideration) for f in s.by_target]
        targets.append((self.tr("合计"), s.referrals, s.accepted, s.case_opened, s.public_order, s.refused,
                         s.reconsiderations))
        self.targets_model.set_rows(targets, total_rows=[-1])
        self._fit_height(self.tables[self.targets_model])

        self.outcomes_model.set_rows([
            (self.tr("移送/报案"), s.referrals),
            (self.tr("受案"), s.accepted),
            (self.tr("刑事立案"), s.case_opened),
            (self.tr("治安案件"), s.public_order),
            (self.tr("不予立案"), s.refused),
            (self.tr("申请复议"), s.reconsiderations),
            (self.tr("新建团伙/案件"), s.groups_created),
            (self.tr("处理人数"), s.persons_handled),
            (self.tr("刑事拘留"), s.detained),
            (self.tr("逮捕"), s.arrested),
            (self.tr("取保候审"), s.on_bail),
            (self.tr("起诉"), s.prosecuted),
            (self.tr("判决"), s.sentenced),
            (self.tr("涉案金额（元）"), yuan(s.amount_involved_cents)),
            (self.tr("止损/拦截金额（元）"), yuan(s.loss_stopped_cents)),
            (self.tr("移送至受案平均天数"), self._days(s.avg_days_to_acceptance, s.acceptance_samples)),
            (self.tr("受案至立案平均天数"), self._days(s.avg_days_to_case_opening, s.case_opening_samples)),
        ])
        channels = [(label_of(Channel, c), f"{n:,}") for c, n in s.by_channel]
        channels.append((self.tr("合计"), f"{s.complaints_received:,}"))
        self.channels_model.set_rows(channels, total_rows=[-1])
        statuses = [(label_of(ComplaintStatus, st), f"{n:,}") for st, n in s.by_status]
        statuses.append((self.tr("合计"), f"{s.complaints_received:,}"))
        statuses.append((self.tr("其中疑似异常维权"), f"{s.suspected_abnormal:,}"))
        self.statuses_model.set_rows(statuses, total_rows=[-2])
        groups = [(label_of(GroupStatus, st), f"{n:,}") for st, n in s.groups_by_status]
        groups.append((self.tr("合计"), f"{s.groups_created:,}"))
        self.groups_model.set_rows(groups, total_rows=[-1])

        self.run_button.setEnabled(True)
        self.status_label.setText(self.tr("%1 至 %2，统计于 %3").replace("%1", s.date_from.isoformat())
                                  .replace("%2", s.date_to.isoformat())
                                  .replace("%3", dt.datetime.now().strftime("%H:%M")))

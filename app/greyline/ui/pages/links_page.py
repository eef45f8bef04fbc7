"""The link graph page (关联图): who is connected to whom, why, and which connected sets look like an
agent group.

Top: filters (link kinds, suggested/confirmed, minimum score), "定位投诉" to look at one complaint's
neighbourhood, and "重新检测全部". Centre: the graph. Right: two tabs, "团伙建议" (the detector's
group proposals; one click marks the members in the graph, "建立团伙/案件…" turns a proposal into a
group) and "关联列表" (every link with its reason, to confirm or reject).

The graph query, its layout and the proposals run in workers: on a large store they take a second.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import LinkKind, LinkStatus
from greyline.domain.errors import Cancelled
from greyline.queries.graph import MEMBER, USES, graph_data
from greyline.queries.links import LinkListRow, list_links
from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.services.detection import ProposalView
from greyline.services.links import decide_link
from greyline.services.lookup import find_complaint
from greyline.ui.dialog_buttons import ok_cancel_buttons
from greyline.ui.errors import guarded, show_error
from greyline.ui.labels import date_text, label_of
from greyline.ui.link_graph_view import GraphLayout, LinkGraphView, compute_layout, kind_label
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips
from greyline.ui.detection_runner import start_full_detection
from greyline.ui.workers import Job, NewestLoad

MAX_NODES = 400
# detect_all's stages in order, for one progress bar over the whole run.
class LinkTableModel(RowTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns(with_text_tooltips([
            Column(self.tr("投诉 A"), lambda r: r.a_reference),
            Column(self.tr("投诉 B"), lambda r: r.b_reference),
            Column(self.tr("关联类型"), lambda r: label_of(LinkKind, r.kind)),
            Column(self.tr("分值"), lambda r: f"{r.score:.2f}", ALIGN_RIGHT),
            Column(self.tr("理由"), lambda r: r.reason),
            Column(self.tr("状态"), lambda r: label_of(LinkStatus, r.status)),
        ]))


class ProposalTableModel(RowTableModel):
    """Group proposals: size, title, what links them, shared identifiers (masked), groups already there."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns(with_text_tooltips([
            Column(self.tr("投诉数"), lambda p: len(p.members), ALIGN_RIGHT),
            Column(self.tr("建议名称"), lambda p: p.title),
            Column(self.tr("关联依据"), kinds_summary),
            Column(self.tr("共用标识"), lambda p: "、".join(f"{i[1]} {i[2]}" for i in p.identifiers)),
            Column(self.tr("已有团伙/案件"), lambda p: "、".join(p.existing_groups)),
        ]))


def kinds_summary(p: ProposalView) -> str:
    """'同一电话 12、模板文本 5': the kinds of link inside a proposal, most frequent first."""
    return "、".join(f"{kind_label(k)} {n}" for k, n in sorted(p.kinds.items(), key=lambda kv: (-kv[1], kv[0])))


class ProposalDialog(QDialog):
    """Confirm a group proposal: a name (prefilled with the proposal's title) and an optional summary."""

    def __init__(self, ctx: ServiceContext, proposal: ProposalView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.proposal = ctx, proposal
        self.created_group_id: int | None = None
        self.setWindowTitle(self.tr("建立团伙/案件"))
        self.setMinimumSize(560, 440)
        self.title_edit = QLineEdit(proposal.title)
        self.title_edit.setMaxLength(300)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("可选：为何认为这些投诉属于同一团伙"))
        self.summary_edit.setPlainText(self.tr("由关联检测建议：%1").replace("%1", kinds_summary(proposal)))
        self.summary_edit.setMinimumHeight(60)
        self.summary_edit.setMaximumHeight(90)
        self.members = QListWidget()
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for m in proposal.members:
            self.members.addItem("    ".join(x for x in (m.reference, m.external_id, m.customer_name,
                                                         date_text(m.received_at)) if x))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("名称（必填）："), self.title_edit)
        form.addRow(self.tr("概要："), self.summary_edit)
        form.addRow(self.tr("包含投诉（%1 笔）：").replace("%1", str(len(proposal.members))), self.members)
        if proposal.identifiers:
            idents = QLabel(self.tr("共用标识将作为疑似代理人记录：%1").replace(
                "%1", "、".join(f"{i[1]} {i[2]}" for i in proposal.identifiers)))
            idents.setWordWrap(True)
            form.addRow("", idents)
        if proposal.existing_groups:
            existing = QLabel(self.tr("注意：部分投诉已属于 %1").replace("%1", "、".join(proposal.existing_groups)))
            existing.setStyleSheet("color: #8a5a00;")
            existing.setWordWrap(True)
            form.addRow("", existing)
        self.buttons = ok_cancel_buttons(self, self.tr("建立"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title_edit.text().strip()))

    def accept(self) -> None:
        gid = guarded(self, detection.confirm_proposal, self.ctx, self.proposal, self.title_edit.text(),
                      self.summary_edit.toPlainText().strip())
        if gid is None:
            return
        self.created_group_id = gid
        super().accept()


class LinksPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.around_complaint: int | None = None
        self.graph_layout: GraphLayout | None = None
        self.proposals: list[ProposalView] = []
        self.detection_job: Job | None = None
        self._build_filters()
        self._build_graph()
        self._build_side()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.graph_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([760, 420])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.splitter, 1)

        self.graph_load = NewestLoad(self, cancel_superseded=True)
        self.graph_load.finished.connect(self._graph_loaded)
        self.graph_load.failed.connect(self._load_failed)
        self.proposal_load = NewestLoad(self)
        self.proposal_load.finished.connect(self._proposals_loaded)
        self.proposal_load.failed.connect(self._load_failed)

    # ------------------------------------------------------------------ building
    def _build_filters(self) -> None:
        self.kind_button = QToolButton()
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_actions: dict[str, QAction] = {}
        for kind in [k.value for k in LinkKind] + [USES, MEMBER]:
            if kind == USES:
                self.kind_menu.addSeparator()
            text = {USES: self.tr("共用标识（菱形）"), MEMBER: self.tr("团伙/案件（方形）")}.get(kind, kind_label(kind))
            action = self.kind_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filters_changed)
            self.kind_actions[kind] = action
        self.kind_menu.addSeparator()
        self.kind_menu.addAction(self.tr("全选"), lambda: self._check_all_kinds(True))
        self.kind_menu.addAction(self.tr("全不选"), lambda: self._check_all_kinds(False))
        self.kind_button.setMenu(self.kind_menu)
        self.kind_button.setMinimumWidth(90)
        self._update_kind_button()

        self.suggested_check = QCheckBox(self.tr("待确认"))
        self.confirmed_check = QCheckBox(self.tr("已确认"))
        for box in (self.suggested_check, self.confirmed_check):
            box.setChecked(True)
            box.toggled.connect(self._filters_changed)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setToolTip(self.tr("只显示分值不低于此值的关联（文本相似度、声纹或图片匹配程度）"))
        self.min_score.valueChanged.connect(self._filters_changed)

        self.locate_edit = QLineEdit()
        self.locate_edit.setPlaceholderText(self.tr("灰线编号或工单号"))
        self.locate_edit.setClearButtonEnabled(True)
        self.locate_edit.setMinimumWidth(160)
        self.locate_edit.returnPressed.connect(self.locate)
        self.locate_button = QPushButton(self.tr("定位投诉"))
        self.locate_button.setToolTip(self.tr("只显示这笔投诉及其两层以内的关联"))
        self.locate_button.clicked.connect(self.locate)
        self.show_all_button = QPushButton(self.tr("显示全部"))
        self.show_all_button.clicked.connect(self.show_all)
        self.show_all_button.setEnabled(False)
        self.detect_button = QPushButton(self.tr("重新检测全部"))
        self.detect_button.setToolTip(self.tr("重新比对全部投诉的联系方式、文本、声音和图片，更新关联与风险等级"))
        self.detect_button.clicked.connect(self.run_detection)

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("关联类型：")))
        row.addWidget(self.kind_button)
        row.addSpacing(8)
        row.addWidget(self.suggested_check)
        row.addWidget(self.confirmed_check)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("最低分值：")))
        row.addWidget(self.min_score)
        row.addSpacing(12)
        row.addWidget(self.locate_edit)
        row.addWidget(self.locate_button)
        row.addWidget(self.show_all_button)
        row.addStretch(1)
        row.addWidget(self.detect_button)
        self.filter_row = row

    def _build_graph(self) -> None:
        self.view = LinkGraphView()
        self.view.nodeActivated.connect(self._node_activated)
        self.view.nodeSelected.connect(self._node_selected)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5a6270; padding: 40px;")
        self.empty_label.setMinimumSize(360, 300)
        self.graph_stack = QStackedWidget()
        self.graph_stack.addWidget(self.view)
        self.graph_stack.addWidget(self.empty_label)
        self.graph_info = QLabel()
        self.graph_info.setWordWrap(True)
        self.graph_info.setStyleSheet("color: #5a6270;")
        self.graph_panel = QWidget()
        box = QVBoxLayout(self.graph_panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.graph_stack, 1)
        box.addWidget(self.graph_info)
        self._show_empty(self.tr("正在载入关联图…"))

    def _build_side(self) -> None:
        # Group proposals.
        self.proposal_model = ProposalTableModel(self)
        self.proposal_table = read_only_table(self.proposal_model)
        for col in (3, 4):   # shared identifiers and existing groups: in the details below
            self.proposal_table.setColumnHidden(col, True)
        self.proposal_table.selectionModel().selectionChanged.connect(self._proposal_selected)
        self.proposal_table.doubleClicked.connect(lambda _i: self.confirm_selected_proposal())
        self.proposal_info = QLabel(self.tr("正在计算团伙建议…"))
        self.proposal_info.setWordWrap(True)
        self.proposal_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proposal_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.proposal_info.setMinimumHeight(90)
        self.confirm_proposal_button = QPushButton(self.tr("建立团伙/案件…"))
        self.confirm_proposal_button.setEnabled(False)
        self.confirm_proposal_button.clicked.connect(self.confirm_selected_proposal)
        proposals = QWidget()
        pbox = QVBoxLayout(proposals)
        hint = QLabel(self.tr("关联紧密的投诉集合，可能出自同一代理人。选中一条，图中会标出其投诉。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5a6270;")
        pbox.addWidget(hint)
        pbox.addWidget(self.proposal_table, 2)
        pbox.addWidget(self.proposal_info, 1)
        prow = QHBoxLayout()
        prow.addStretch(1)
        prow.addWidget(self.confirm_proposal_button)
        pbox.addLayout(prow)

        # The list of links, to confirm or reject.
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部"), "")
        for s in LinkStatus:
            self.status_filter.addItem(s.label, s.value)
        self.status_filter.currentIndexChanged.connect(self.refresh_list)
        self.model = LinkTableModel(self)
        self.table = read_only_table(self.model)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._link_selected)
        self.confirm_button = QPushButton(self.tr("确认关联"))
        self.reject_button = QPushButton(self.tr("排除关联"))
        self.confirm_button.clicked.connect(lambda: self._decide(LinkStatus.CONFIRMED))
        self.reject_button.clicked.connect(lambda: self._decide(LinkStatus.REJECTED))
        links = QWidget()
        lbox = QVBoxLayout(links)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("状态：")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        top.addWidget(self.reject_button)
        lbox.addLayout(top)
        lhint = QLabel(self.tr("选中一条关联，图中会定位到它；双击打开投诉。"))
        lhint.setStyleSheet("color: #5a6270;")
        lhint.setWordWrap(True)
        lbox.addWidget(lhint)
        lbox.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.setMinimumWidth(340)
        self.tabs.addTab(proposals, self.tr("团伙建议"))
        self.tabs.addTab(links, self.tr("关联列表"))
        self.tabs.currentChanged.connect(self._tab_changed)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Reload the graph, the proposals (both in workers) and the list of links."""
        self.refresh_graph()
        self.refresh_proposals()
        self.refresh_list()

    def chosen_kinds(self) -> set[str] | None:
        chosen = {k for k, a in self.kind_actions.items() if a.isChecked()}
        return None if len(chosen) == len(self.kind_actions) else chosen

    def chosen_statuses(self) -> tuple[str, ...]:
        out = []
        if self.suggested_check.isChecked():
            out.append(LinkStatus.SUGGESTED.value)
        if self.confirmed_check.isChecked():
            out.append(LinkStatus.CONFIRMED.value)
        return tuple(out)

    def refresh_graph(self) -> None:
        store, kinds, statuses = self.ctx.store, self.chosen_kinds(), self.chosen_statuses()
        min_score, around = self.min_score.value(), self.around_complaint
        self.graph_info.setText(self.tr("正在载入关联图…"))

        def work(_progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> GraphLayout | None:
            data = graph_data(store, kinds=kinds, statuses=statuses, min_score=min_score,
                              around_complaint=around, max_nodes=MAX_NODES)
            return None if cancelled() else compute_layout(data)

        self.graph_load.load(work)

    def refresh_proposals(self) -> None:
        ctx = self.ctx
        self.proposal_info.setText(self.tr("正在计算团伙建议…"))
        self.proposal_load.load(lambda _p, _c: detection.group_proposals(ctx))

    def refresh_list(self) -> None:
        self.model.set_rows(list_links(self.ctx.store, status=self.status_filter.currentData() or None))
        self.table.resizeColumnsToContents()
        for col, width in ((4, 260),):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), width))

    def is_loading(self) -> bool:
        return self.graph_load.is_loading() or self.proposal_load.is_loading()

    def _load_failed(self, exc: object) -> None:
        self.graph_info.setText("")
        show_error(self, exc)  # type: ignore[arg-type]

    def _graph_loaded(self, layout: GraphLayout | None) -> None:
        if layout is None:
            return
        self.graph_layout = layout
        data = layout.data
        if data.empty:
            if self.around_complaint is not None:
                self._show_empty(self.tr("找不到这笔投诉。"))
            elif self.chosen_kinds() is not None or self.chosen_statuses() != ("suggested", "confirmed") \
                    or self.min_score.value() > 0:
                self._show_empty(self.tr("没有符合筛选条件的关联。请放宽上方的关联类型、状态或最低分值。"))
            else:
                self._show_empty(self.tr(
                    "还没有关联。\n\n当多笔投诉共用同一电话、地址、邮箱或微信，投诉文本高度雷同，"
                    "录音中是同一人的声音，或提交了同一张图片（如伪造的公章或证明）时，"
                    "系统会自动把它们关联起来，并显示在这里。\n\n录入或导入投诉、添加证据后即会检测；"
                    "也可点击右上角的“重新检测全部”。"))
            self.view.clear_graph()
            return
        self.graph_stack.setCurrentWidget(self.view)
        self.view.set_graph(layout)
        n_c = sum(1 for n in data.nodes if n.kind == "complaint")
        text = self.tr("图中：%1 笔投诉、%2 个共用标识、%3 个团伙/案件，%4 条连线。").replace(
            "%1", str(n_c)).replace("%2", str(sum(1 for n in data.nodes if n.kind == "identifier"))).replace(
            "%3", str(sum(1 for n in data.nodes if n.kind == "group"))).replace("%4", str(len(data.edges)))
        if self.around_complaint is not None and data.centre:
            text = self.tr("%1 两层以内的关联。").replace("%1", data.node(data.centre).label) + text
        if data.truncated:
            text += self.tr("共有 %1 个节点，只显示关联最多的 %2 个；可用“定位投诉”查看某笔投诉周围。").replace(
                "%1", str(data.total_nodes)).replace("%2", str(len(data.nodes)))
        text += self.tr("滚轮缩放，拖动平移，双击打开。")
        self.graph_info.setText(text)
        if data.centre is None:
            self._tab_changed(self.tabs.currentIndex())

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.graph_stack.setCurrentWidget(self.empty_label)
        self.graph_info.setText("")

    def _proposals_loaded(self, proposals: list[ProposalView]) -> None:
        self.proposals = list(proposals)
        self.proposal_model.set_rows(self.proposals)
        self.proposal_table.resizeColumnsToContents()
        self.proposal_table.setColumnWidth(1, min(self.proposal_table.columnWidth(1), 250))
        self.tabs.setTabText(0, self.tr("团伙建议（%1）").replace("%1", str(len(self.proposals))))
        if not self.proposals:
            self.proposal_info.setText(self.tr("暂无团伙建议：还没有三笔以上紧密关联、且尚未建立团伙的投诉。"))
        else:
            self.proposal_info.setText(self.tr("选中一条建议查看详情。"))
        self.confirm_proposal_button.setEnabled(False)
        if self.tabs.currentIndex() == 0:
            self.view.mark(())     # the list was replaced: nothing is selected any more

    # ------------------------------------------------------------------ filters and focus
    def _check_all_kinds(self, checked: bool) -> None:
        for action in self.kind_actions.values():
            action.blockSignals(True)
            action.setChecked(checked)
            action.blockSignals(False)
        self._filters_changed()

    def _update_kind_button(self) -> None:
        chosen = self.chosen_kinds()
        if chosen is None:
            self.kind_button.setText(self.tr("全部"))
        else:
            self.kind_button.setText(self.tr("已选 %1 类").replace("%1", str(len(chosen))))

    def _filters_changed(self, *_args: object) -> None:
        self._update_kind_button()
        self.refresh_graph()

    def locate(self) -> None:
        text = self.locate_edit.text().strip()
        if not text:
            return
        ref = guarded(self, find_complaint, self.ctx, text)
        if ref is None:
            return
        self.proposal_table.clearSelection()
        self.around_complaint = ref.id
        self.show_all_button.setEnabled(True)
        self.refresh_graph()

    def show_all(self) -> None:
        self.around_complaint = None
        self.show_all_button.setEnabled(False)
        self.refresh_graph()

    def _node_activated(self, kind: str, ref_id: int) -> None:
        if kind == "complaint":
            self.nav.open_complaint(ref_id)
        elif kind == "group":
            self.nav.open_group(ref_id)

    def _node_selected(self, key: str) -> None:
        if not key or self.graph_layout is None:
            return
        node = self.graph_layout.data.node(key)
        if node is not None:
            self.nav.status(f"{node.label}  {node.detail}")

    # ------------------------------------------------------------------ proposals
    def selected_proposal(self) -> ProposalView | None:
        rows = self.proposal_table.selectionModel().selectedRows()
        return self.proposal_model.rows[rows[0].row()] if rows else None

    def _proposal_selected(self, *_args: object) -> None:
        p = self.selected_proposal()
        self.confirm_proposal_button.setEnabled(p is not None)
        if p is None:
            self.view.mark(())
            self.proposal_info.setText(self.tr("选中一条建议查看详情。") if self.proposals else "")
            return
        lines = [f"<b>{p.title}</b>",
                 self.tr("关联依据：%1").replace("%1", kinds_summary(p))]
        if p.identifiers:
            lines.append(self.tr("共用标识：%1").replace(
                "%1", "、".join(self.tr("%1 %2（%3 笔）").replace("%1", i[1]).replace("%2", i[2]).replace(
                    "%3", str(i[3])) for i in p.identifiers)))
        if p.existing_groups:
            lines.append(self.tr("已有团伙/案件：%1").replace("%1", "、".join(p.existing_groups)))
        refs = "、".join(f"{m.reference}（{m.customer_name}）" if m.customer_name else m.reference
                         for m in p.members[:12])
        more = self.tr("等 %1 笔").replace("%1", str(len(p.members))) if len(p.members) > 12 else ""
        lines.append(self.tr("投诉：%1").replace("%1", refs + more))
        self.proposal_info.setText("<br>".join(lines))
        self._mark_selected_proposal()

    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self._mark_selected_proposal()
        else:
            self._link_selected()

    def _mark_selected_proposal(self) -> None:
        p = self.selected_proposal()
        self.view.mark({f"c:{m.complaint_id}" for m in p.members} if p is not None else ())

    def confirm_selected_proposal(self) -> None:
        p = self.selected_proposal()
        if p is None:
            return
        dialog = ProposalDialog(self.ctx, p, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created_group_id is not None:
            self.nav.data_changed()
            self.nav.open_group(dialog.created_group_id)
            self.refresh()

    # ------------------------------------------------------------------ the list of links
    def _selected(self) -> LinkListRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _link_selected(self, *_args: object) -> None:
        link = self._selected()
        if link is None:
            self.view.mark(())
        else:
            keys = {f"c:{link.a_id}"} | ({f"c:{link.b_id}"} if link.b_id else set())
            self.view.mark(keys)     # both ends stand out, the rest fades
            self.view.highlight(f"c:{link.a_id}")

    def _decide(self, status: LinkStatus) -> None:
        link = self._selected()
        if link is None:
            return
        if guarded(self, decide_link, self.ctx, link.id, status, link.version) is not None:
            self.nav.data_changed()
            row = self.table.currentIndex().row()
            self.refresh_list()
            if 0 <= row < self.model.rowCount():
                self.table.selectRow(row)
            self.refresh_graph()
            self.refresh_proposals()

    def _open(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.nav.open_complaint(row.b_id if index.column() == 1 and row.b_id else row.a_id)

    # ------------------------------------------------------------------ full detection
    def run_detection(self) -> None:
        if self.detection_job is not None:
            return

        def finished(summary: object) -> None:
            self.detection_job = None
            self.detect_button.setEnabled(True)
            self.nav.status(summary.describe())  # type: ignore[attr-defined]
            self.nav.data_changed()
            self.refresh()

        def failed(exc: object) -> None:
            self.detection_job = None
            self.detect_button.setEnabled(True)
            if isinstance(exc, Cancelled):
                self.nav.status(self.tr("已取消重新检测，未做任何改动。"))
            else:
                show_error(self, exc)  # type: ignore[arg-type]

        self.detect_button.setEnabled(False)
        self.detection_job, self.progress_dialog = start_full_detection(
            self, self.ctx, self.tr("正在重新检测全部投诉的关联…"), finished, failed)

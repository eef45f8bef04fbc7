"""The link graph drawn: complaints, shared identifiers and groups as shapes, links as lines.

``compute_layout`` places the nodes with networkx (no Qt objects: it runs in a worker), each
connected group of nodes laid out on its own and the groups packed in rows, largest first, so a
drawing of many small clusters reads like a contact sheet instead of one hairball.
``LinkGraphView`` shows a ``GraphLayout``: complaints are circles coloured by risk level,
identifiers diamonds, groups squares; one line per pair of nodes, coloured by its strongest kind,
dashed while no link between the pair is confirmed, the tooltip listing every reason. Labels are
drawn only when zoomed in far enough to read them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QToolButton,
    QWidget,
)

from greyline.domain.enums import LinkKind, LinkStatus
from greyline.queries.graph import MEMBER, USES, GraphData, GraphEdge, GraphNode
from greyline.ui.labels import label_of

RISK_COLOURS = {"level1": QColor("#d9453b"), "level2": QColor("#f28c28"), "none": QColor("#7f98b5")}
IDENTIFIER_COLOUR = QColor("#5b4fa8")
GROUP_COLOUR = QColor("#2f3b4c")
KIND_COLOURS: dict[str, QColor] = {
    LinkKind.PHONE.value: QColor("#1f77b4"),
    LinkKind.ADDRESS.value: QColor("#2ca02c"),
    LinkKind.EMAIL.value: QColor("#17becf"),
    LinkKind.WECHAT.value: QColor("#07a35a"),
    LinkKind.QQ.value: QColor("#4c9be8"),
    LinkKind.BANK_ACCOUNT.value: QColor("#8c564b"),
    LinkKind.CREDIT_CODE.value: QColor("#7f7f00"),
    LinkKind.TEMPLATE.value: QColor("#9467bd"),
    LinkKind.VOICE.value: QColor("#e377c2"),
    LinkKind.IMAGE.value: QColor("#d62728"),
    LinkKind.MANUAL.value: QColor("#222222"),
    USES: QColor("#a49fc8"),
    MEMBER: QColor("#8a93a0"),
}
# Which colour a pair of nodes linked several ways gets: the kind that says most about an agent.
KIND_PRIORITY = [LinkKind.MANUAL.value, LinkKind.VOICE.value, LinkKind.IMAGE.value, LinkKind.PHONE.value,
                 LinkKind.WECHAT.value, LinkKind.QQ.value, LinkKind.EMAIL.value, LinkKind.BANK_ACCOUNT.value,
                 LinkKind.CREDIT_CODE.value, LinkKind.ADDRESS.value, LinkKind.TEMPLATE.value, MEMBER, USES]
# Below these scales labels are too small to read and only clutter (identifiers and groups are few
# and say most, so theirs stay longest).
LABEL_MIN_ZOOM = {"complaint": 0.75, "identifier": 0.35, "group": 0.0}
NODE_SPACING = 52.0         # scene units between neighbouring nodes
FULL_LABEL_ZOOM = 1.6       # from here on complaint labels show the whole reference
MIN_DISTANCE = 42.0         # no two node centres closer than this


def kind_label(kind: str) -> str:
    if kind == USES:
        return QCoreApplication.translate("LinkGraphView", "使用共用标识")
    if kind == MEMBER:
        return QCoreApplication.translate("LinkGraphView", "团伙/案件成员")
    return label_of(LinkKind, kind)


# --------------------------------------------------------------------------- layout (worker side)


@dataclass(frozen=True)
class GraphLayout:
    """A graph and where each of its nodes goes (scene coordinates)."""

    data: GraphData
    positions: dict[str, tuple[float, float]]


def compute_layout(data: GraphData, *, seed: int = 7) -> GraphLayout:
    """Positions for every node: each connected component laid out alone (Kamada-Kawai when small,
    a seeded spring layout otherwise), then the components packed in rows, largest first."""
    g = nx.Graph()
    g.add_nodes_from(n.key for n in data.nodes)
    for e in data.edges:
        if e.a_key != e.b_key and g.has_node(e.a_key) and g.has_node(e.b_key):
            g.add_edge(e.a_key, e.b_key)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    for comp in comps:
        placed.append(_component_layout(g.subgraph(comp), seed))
    # Shelf packing: rows about as wide as the whole area's square root times 1.6 (a wide window).
    area = sum((w + NODE_SPACING) * (h + NODE_SPACING) for _, w, h in placed)
    row_width = max(math.sqrt(area) * 1.6, max((w for _, w, _ in placed), default=0.0))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for pos, w, h in placed:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + NODE_SPACING * 1.5, 0.0
        for key, (px, py) in pos.items():
            positions[key] = (x + px, y + py)
        x += w + NODE_SPACING * 1.5
        row_h = max(row_h, h)
    return GraphLayout(data, positions)


def _component_layout(sub: nx.Graph, seed: int) -> tuple[dict[str, tuple[float, float]], float, float]:
    """One component's positions, shifted to start at (0, 0), with its width and height."""
    n = sub.number_of_nodes()
    nodes = list(sub.nodes)
    if n == 1:
        raw = {nodes[0]: (0.0, 0.0)}
    elif n == 2:
        raw = {nodes[0]: (0.0, 0.0), nodes[1]: (1.0, 0.0)}
    elif n <= 40:
        raw = {k: (float(v[0]), float(v[1])) for k, v in nx.kamada_kawai_layout(sub).items()}
    else:
        # Kamada-Kawai reads better but costs seconds above a few dozen nodes; a spring layout with
        # a longer natural length keeps dense clusters (template or shared-phone cliques) open.
        raw = {k: (float(v[0]), float(v[1])) for k, v in
               nx.spring_layout(sub, seed=seed, k=2.0 / math.sqrt(n),
                                 iterations=150 if n <= 200 else 80).items()}
    # Scale so that neighbours sit about NODE_SPACING apart whatever the layout's own units.
    lengths = [math.dist(raw[a], raw[b]) for a, b in sub.edges if a in raw and b in raw]
    typical = sorted(lengths)[len(lengths) // 2] if lengths else 1.0
    scale = NODE_SPACING * 1.4 / typical if typical > 1e-9 else NODE_SPACING
    keys = list(raw)
    pts = _spread(np.array([raw[k] for k in keys], dtype=float) * scale, MIN_DISTANCE)
    pts -= pts.min(axis=0)
    pos = {k: (float(p[0]), float(p[1])) for k, p in zip(keys, pts, strict=True)}
    w, h = pts.max(axis=0)
    return pos, float(w), float(h)


def _spread(pts: np.ndarray, min_distance: float, rounds: int = 80) -> np.ndarray:
    """Push apart nodes closer than ``min_distance`` (a spring layout piles up the members of a
    clique), a little each round, until none overlap or the rounds run out."""
    n = len(pts)
    if n < 2:
        return pts
    rng = np.random.default_rng(7)
    pts = pts + rng.normal(0, 0.01, pts.shape)   # identical positions have no direction to part in
    for _ in range(rounds):
        diff = pts[:, None, :] - pts[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_distance
        if not close.any():
            break
        d = np.where(close, dist, min_distance)
        push = np.where(close, (min_distance - d) / np.maximum(d, 1e-6) * 0.5, 0.0)
        pts = pts + (diff * push[:, :, None]).sum(axis=1) * 0.6
    return pts


# --------------------------------------------------------------------------- items


class NodeItem(QGraphicsItem):
    """One node: a circle (complaint), diamond (identifier) or square (group), with its label below."""

    def __init__(self, node: GraphNode, radius: float, show_label: bool, font: QFont) -> None:
        super().__init__()
        self.node = node
        self.radius = radius
        self.show_label = show_label
        self.marked = False      # part of the proposal being looked at
        self.faded = False       # something else is being looked at
        self.label = LabelItem(self, font) if show_label else None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        n = self.node
        what = {"complaint": QCoreApplication.translate("LinkGraphView", "投诉"),
                "identifier": QCoreApplication.translate("LinkGraphView", "共用标识"),
                "group": QCoreApplication.translate("LinkGraphView", "团伙/案件")}[n.kind]
        hint = QCoreApplication.translate("LinkGraphView", "双击打开") if n.kind in ("complaint", "group") else ""
        lines = [f"<b>{what} {n.label}</b>", n.detail]
        if hint:
            lines.append(f"<i>{hint}</i>")
        return "<br>".join(lines)

    def colour(self) -> QColor:
        if self.node.kind == "identifier":
            return IDENTIFIER_COLOUR
        if self.node.kind == "group":
            return GROUP_COLOUR
        return RISK_COLOURS.get(self.node.risk_level, RISK_COLOURS["none"])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        r = self.radius * 1.2 + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.radius + 2
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def _outline(self) -> QPainterPath:
        r = self.radius
        path = QPainterPath()
        if self.node.kind == "complaint":
            path.addEllipse(QPointF(0, 0), r, r)
        elif self.node.kind == "identifier":
            path.addPolygon(QPolygonF([QPointF(0, -r * 1.2), QPointF(r * 1.2, 0), QPointF(0, r * 1.2),
                                       QPointF(-r * 1.2, 0), QPointF(0, -r * 1.2)]))
        else:
            path.addRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 2, 2)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = QColor(self.colour())
        if self.faded:
            colour.setAlpha(70)
        painter.setBrush(QBrush(colour))
        if self.isSelected():
            painter.setPen(QPen(QColor("#111111"), 3))
        elif self.marked:
            painter.setPen(QPen(QColor("#f5b400"), 2.5))
        else:
            painter.setPen(QPen(QColor(255, 255, 255, 80 if self.faded else 255), 1.5))
        painter.drawPath(self._outline())


class LabelItem(QGraphicsItem):
    """A node's label under it, the same size on screen at every zoom (so zooming in parts
    neighbours' labels); the view hides it when zoomed out too far to read."""

    def __init__(self, node: NodeItem, font: QFont) -> None:
        super().__init__(node)
        self.node_item = node
        self._font = font
        self._metrics = QFontMetricsF(font)
        self.full_text = node.node.label
        # Complaint references share their prefix (GL-2026-): while zoomed out only the serial
        # number is drawn, so the labels of a dense cluster do not run into each other.
        self.short_text = node.node.label.rsplit("-", 1)[-1] if node.node.kind == "complaint" else node.node.label
        self.text = self.full_text
        self._w = self._h = 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPos(0, node.radius * 1.2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3)
        self._measure()

    def _measure(self) -> None:
        self._w = self._metrics.horizontalAdvance(self.text) + 6
        self._h = self._metrics.height() + 1

    def set_compact(self, compact: bool) -> None:
        text = self.short_text if compact else self.full_text
        if text != self.text:
            self.prepareGeometryChange()
            self.text = text
            self._measure()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-self._w / 2, 1, self._w, self._h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        node = self.node_item
        rect = self.boundingRect()
        emphasised = node.isSelected() or node.marked
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 235 if emphasised else (60 if node.faded else 170)))
        painter.drawRoundedRect(rect, 2, 2)
        painter.setFont(self._font)
        painter.setPen(QColor(30, 34, 40, 80 if node.faded else 255))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


class EdgeItem(QGraphicsPathItem):
    """All the edges between one pair of nodes, drawn as one line."""

    def __init__(self, a: NodeItem, b: NodeItem, edges: list[GraphEdge], busy: bool = False) -> None:
        super().__init__()
        self.a, self.b, self.edges = a, b, edges
        self.busy = busy     # many lines: draw them lighter so the nodes stay visible
        kinds = {e.kind for e in edges}
        self.kind = next((k for k in KIND_PRIORITY if k in kinds), edges[0].kind)
        self.confirmed = any(e.status == LinkStatus.CONFIRMED.value for e in edges)
        path = QPainterPath(a.pos())
        path.lineTo(b.pos())
        self.setPath(path)
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        self.set_faded(False)
        self.setToolTip(self._tooltip())

    def set_faded(self, faded: bool) -> None:
        colour = QColor(KIND_COLOURS.get(self.kind, QColor("#888888")))
        structural = self.kind in (USES, MEMBER)
        colour.setAlpha(35 if faded else (150 if structural else (150 if self.busy else 210)))
        width = 1.0 if structural else min(1.2 + 0.6 * (len(self.edges) - 1), 3.2)
        pen = QPen(colour, width)
        pen.setCosmetic(False)
        if not self.confirmed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(7)
        return stroker.createStroke(self.path())

    def _tooltip(self) -> str:
        lines = [f"<b>{self.a.node.label} — {self.b.node.label}</b>"]
        score_text = QCoreApplication.translate("LinkGraphView", "（%1，分值 %2）")
        for e in sorted(self.edges, key=lambda e: KIND_PRIORITY.index(e.kind) if e.kind in KIND_PRIORITY else 99):
            head = kind_label(e.kind)
            if e.link_id is not None:
                head += score_text.replace("%1", label_of(LinkStatus, e.status)).replace("%2", f"{e.score:.2f}")
            lines.append(f"{head}：{e.reason}" if e.reason else head)
        return "<br>".join(lines)


# --------------------------------------------------------------------------- the view


class LinkGraphView(QGraphicsView):
    """Shows a ``GraphLayout``; wheel zooms, dragging pans, double-click opens."""

    nodeActivated = Signal(str, int)  # noqa: N815 - Qt signal naming: kind ('complaint'|'identifier'|'group'), id
    nodeSelected = Signal(str)        # noqa: N815 - key of the selected node, '' when none

    MIN_ZOOM, MAX_ZOOM = 0.05, 6.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_graph_view")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor("#f7f8fa")))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(360, 300)
        self.nodes: dict[str, NodeItem] = {}
        self.edge_items: list[EdgeItem] = []
        self.layout_shown: GraphLayout | None = None
        self._fitted_once = False
        self._scene.selectionChanged.connect(self._selection_changed)

        self.zoom_in_button = self._tool_button("+", self.tr("放大"), self.zoom_in)
        self.zoom_out_button = self._tool_button("−", self.tr("缩小"), self.zoom_out)
        self.fit_button = self._tool_button(self.tr("适应窗口"), self.tr("显示整张图"), self.fit_all)
        self.controls = QFrame(self)
        self.controls.setObjectName("graph_controls")
        self.controls.setStyleSheet("#graph_controls { background: rgba(255,255,255,225); border: 1px solid #d5d9e0;"
                                    " border-radius: 4px; }")
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(4, 3, 4, 3)
        row.setSpacing(3)
        for b in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            row.addWidget(b)
        self.legend = QLabel(self)
        self.legend.setObjectName("graph_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setStyleSheet("#graph_legend { background: rgba(255,255,255,225); border: 1px solid #d5d9e0;"
                                  " border-radius: 4px; padding: 4px 6px; color: #333; }")
        self.legend.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.legend.hide()

    def _tool_button(self, text: str, tip: str, slot) -> QToolButton:  # noqa: ANN001
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setMinimumSize(28, 26)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------------ content
    def set_graph(self, layout: GraphLayout) -> None:
        """Replace the drawing."""
        self._scene.clearSelection()
        self._scene.clear()
        self.nodes.clear()
        self.edge_items.clear()
        self.layout_shown = layout
        data = layout.data
        pairs: dict[tuple[str, str], list[GraphEdge]] = defaultdict(list)
        degree: dict[str, int] = defaultdict(int)
        linked: set[str] = set()
        for e in data.edges:
            pairs[(min(e.a_key, e.b_key), max(e.a_key, e.b_key))].append(e)
            degree[e.a_key] += 1
            degree[e.b_key] += 1
            if e.link_id is not None:
                linked.update((e.a_key, e.b_key))
        base = QApplication.font()
        font = QFont(base)
        font.setPointSizeF(max(6.5, base.pointSizeF() * 0.75))
        bold = QFont(font)
        bold.setBold(True)
        for n in data.nodes:
            if n.key not in layout.positions:
                continue
            if n.kind == "complaint":
                radius = 6.0 + min(3.5, math.sqrt(degree[n.key]) / 2)
                show = n.key in linked or n.key == data.centre
            else:
                radius, show = 9.0, True
            item = NodeItem(n, radius, show, bold if n.kind == "group" else font)
            x, y = layout.positions[n.key]
            item.setPos(x, y)
            self._scene.addItem(item)
            self.nodes[n.key] = item
        busy = len(pairs) > 600
        for (a, b), edges in pairs.items():
            if a in self.nodes and b in self.nodes and a != b:
                edge = EdgeItem(self.nodes[a], self.nodes[b], edges, busy)
                self._scene.addItem(edge)
                self.edge_items.append(edge)
        # Room around the drawing, so any node can be brought to the centre of the window.
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-1500, -1500, 1500, 1500))
        self._update_legend(data)
        self._fitted_once = False
        self.fit_all()
        if data.centre and data.centre in self.nodes:
            self.highlight(data.centre)

    def clear_graph(self) -> None:
        self.set_graph(GraphLayout(GraphData((), (), 0, 0, False), {}))

    def _update_legend(self, data: GraphData) -> None:
        if not data.nodes:
            self.legend.hide()
            return
        kinds = {e.kind for e in data.edges}
        dashed = any(e.status != LinkStatus.CONFIRMED.value for e in data.edges if e.link_id is not None)
        node_kinds = {n.kind for n in data.nodes}

        def swatch(colour: QColor, glyph: str) -> str:
            return f"<span style='color:{colour.name()}; font-size:13px'>{glyph}</span>"

        parts = [swatch(RISK_COLOURS["level1"], "●") + self.tr(" 一级"),
                 swatch(RISK_COLOURS["level2"], "●") + self.tr(" 二级"),
                 swatch(RISK_COLOURS["none"], "●") + self.tr(" 未定级")]
        if "identifier" in node_kinds:
            parts.append(swatch(IDENTIFIER_COLOUR, "◆") + self.tr(" 共用标识"))
        if "group" in node_kinds:
            parts.append(swatch(GROUP_COLOUR, "■") + self.tr(" 团伙/案件"))
        lines = ["&nbsp;&nbsp;".join(parts)]
        edge_parts = [swatch(KIND_COLOURS[k], "━━") + " " + kind_label(k)
                      for k in KIND_PRIORITY if k in kinds and k in KIND_COLOURS]
        if dashed:
            edge_parts.append(self.tr("实线已确认，虚线待确认"))
        for start in range(0, len(edge_parts), 5):
            lines.append("&nbsp;&nbsp;".join(edge_parts[start : start + 5]))
        self.legend.setText("<br>".join(lines))
        self.legend.adjustSize()
        self.legend.show()
        self._place_overlays()

    # ------------------------------------------------------------------ zoom and focus
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom() * factor, self.MIN_ZOOM), self.MAX_ZOOM)
        factor = target / self.zoom() if self.zoom() else 1.0
        self.scale(factor, factor)
        self._update_labels()

    def _update_labels(self) -> None:
        zoom = self.zoom()
        for item in self.nodes.values():
            if item.label is not None:
                item.label.setVisible(zoom >= LABEL_MIN_ZOOM[item.node.kind] or item.isSelected() or item.marked)
                item.label.set_compact(zoom < FULL_LABEL_ZOOM and not item.isSelected())

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def fit_all(self) -> None:
        if not self.nodes:
            self.resetTransform()
            return
        self.fitInView(self._scene.itemsBoundingRect().adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.6:   # a handful of nodes: do not blow them up
            self.zoom_by(1.6 / self.zoom())
        self._fitted_once = True
        self._update_labels()

    def fit_keys(self, keys: Iterable[str]) -> None:
        items = [self.nodes[k] for k in keys if k in self.nodes]
        if not items:
            return
        rect = items[0].sceneBoundingRect()
        for it in items[1:]:
            rect = rect.united(it.sceneBoundingRect())
        self.fitInView(rect.adjusted(-80, -80, 80, 80), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.1:
            self.zoom_by(1.1 / self.zoom())
        self._update_labels()

    def highlight(self, key: str) -> bool:
        """Select the node ``key`` and centre the view on it (zooming in enough to read labels)."""
        item = self.nodes.get(key)
        if item is None:
            return False
        self._scene.clearSelection()
        item.setSelected(True)
        if self.zoom() < 0.9:
            self.zoom_by(0.9 / self.zoom())
        self.centerOn(item)
        return True

    def mark(self, keys: Iterable[str]) -> None:
        """Emphasise ``keys`` (a proposal's members) and fade the rest; an empty set clears it."""
        marked = set(keys) & set(self.nodes)
        for key, item in self.nodes.items():
            item.marked = key in marked
            item.faded = bool(marked) and key not in marked
            item.update()
        for edge in self.edge_items:
            edge.set_faded(bool(marked) and not (edge.a.node.key in marked and edge.b.node.key in marked))
        if marked:
            self.fit_keys(marked)
        self._update_labels()

    def selected_key(self) -> str:
        items = [i for i in self._scene.selectedItems() if isinstance(i, NodeItem)]
        return items[0].node.key if items else ""

    def _selection_changed(self) -> None:
        self._update_labels()
        self.nodeSelected.emit(self.selected_key())

    # ------------------------------------------------------------------ events
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15 ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            event.accept()
            self.nodeActivated.emit(item.node.kind, item.node.ref_id)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_out()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_overlays()
        if not self._fitted_once and self.nodes:
            QTimer.singleShot(0, self, self.fit_all)

    def _place_overlays(self) -> None:
        vp = self.viewport().geometry()
        self.controls.adjustSize()
        self.controls.move(vp.right() - self.controls.width() - 8, vp.top() + 8)
        self.legend.move(vp.left() + 8, vp.bottom() - self.legend.height() - 8)
        self.controls.raise_()
        self.legend.raise_()


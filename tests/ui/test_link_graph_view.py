"""The link graph view: layout, items, zoom, selection, double-click and marking, on a small graph built
by hand (no store needed)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from greyline.queries.graph import GraphData, GraphEdge, GraphNode
from greyline.ui.link_graph_view import MIN_DISTANCE, EdgeItem, LinkGraphView, NodeItem, compute_layout


def _data() -> GraphData:
    nodes = (
        GraphNode("c:1", "complaint", 1, "GL-2026-000001", "张三 · 2026-05-01 · 风险等级：一级", "level1"),
        GraphNode("c:2", "complaint", 2, "GL-2026-000002", "李四 · 2026-05-02 · 风险等级：二级", "level2"),
        GraphNode("c:3", "complaint", 3, "GL-2026-000003", "王五 · 2026-05-03 · 风险等级：无", "none"),
        GraphNode("c:4", "complaint", 4, "GL-2026-000004", "赵六 · 2026-05-04 · 风险等级：无", "none"),
        GraphNode("c:5", "complaint", 5, "GL-2026-000005", "钱七 · 2026-05-05 · 风险等级：无", "none"),
        GraphNode("i:9", "identifier", 9, "138****1234", "手机号 · 3 笔投诉共用", ""),
        GraphNode("g:7", "group", 7, "AG-2026-0001", "深圳某咨询公司代理投诉团伙", ""),
    )
    edges = (
        GraphEdge("c:1", "c:2", "phone", 1.0, "suggested", 11, "手机号 138****1234 出现在 3 笔投诉中"),
        GraphEdge("c:1", "c:2", "template", 0.82, "confirmed", 12, "投诉文本相似度 82%"),
        GraphEdge("c:2", "c:3", "phone", 1.0, "suggested", 13, "手机号 138****1234 出现在 3 笔投诉中"),
        GraphEdge("i:9", "c:1", "uses", 1.0, "confirmed", None, "手机号 138****1234"),
        GraphEdge("i:9", "c:2", "uses", 1.0, "confirmed", None, "手机号 138****1234"),
        GraphEdge("i:9", "c:3", "uses", 1.0, "confirmed", None, "手机号 138****1234"),
        GraphEdge("g:7", "c:1", "member", 1.0, "confirmed", None, "团伙/案件成员"),
        GraphEdge("c:4", "c:5", "voice", 0.91, "suggested", 14, "两段录音声纹相似度 0.91"),
    )
    return GraphData(nodes, edges, 7, 8, False)


@pytest.fixture
def view(qtbot):  # noqa: ANN001, ANN201
    v = LinkGraphView()
    qtbot.addWidget(v)
    v.resize(700, 500)
    v.show()
    qtbot.waitExposed(v)
    v.set_graph(compute_layout(_data()))
    return v


def test_layout_places_every_node_apart_and_is_repeatable() -> None:
    a, b = compute_layout(_data()), compute_layout(_data())
    assert set(a.positions) == {n.key for n in _data().nodes}
    assert a.positions == b.positions
    pts = list(a.positions.values())
    closest = min(math.dist(p, q) for i, p in enumerate(pts) for q in pts[i + 1:])
    assert closest >= MIN_DISTANCE * 0.9


def test_items_shapes_and_tooltips(view: LinkGraphView) -> None:
    assert set(view.nodes) == {"c:1", "c:2", "c:3", "c:4", "c:5", "i:9", "g:7"}
    # One line per pair of nodes: the phone and template links between 1 and 2 share one.
    assert len(view.edge_items) == 7
    pair = next(e for e in view.edge_items if {e.a.node.key, e.b.node.key} == {"c:1", "c:2"})
    assert pair.confirmed and pair.pen().style() == Qt.PenStyle.SolidLine
    assert "投诉文本相似度 82%" in pair.toolTip() and "出现在 3 笔投诉中" in pair.toolTip()
    voice = next(e for e in view.edge_items if e.kind == "voice")
    assert not voice.confirmed and voice.pen().style() == Qt.PenStyle.DashLine
    assert view.nodes["c:1"].colour() != view.nodes["c:3"].colour()
    assert "张三" in view.nodes["c:1"].toolTip()
    assert view.nodes["i:9"].label is not None and view.nodes["g:7"].label is not None
    assert view.legend.isVisible() and "同一声音" in view.legend.text()
    assert all(isinstance(i, (NodeItem, EdgeItem)) or i.parentItem() is not None for i in view.scene().items())


def test_zoom_buttons_and_wheel_change_the_transform(view: LinkGraphView, qtbot) -> None:  # noqa: ANN001
    before = view.zoom()
    view.zoom_in_button.click()
    assert view.zoom() == pytest.approx(before * 1.25)
    view.zoom_out_button.click()
    view.zoom_out_button.click()
    assert view.zoom() < before
    view.fit_button.click()
    assert view.zoom() == pytest.approx(before)
    for _ in range(40):
        view.zoom_out()
    assert view.zoom() == pytest.approx(view.MIN_ZOOM)
    assert not view.nodes["c:1"].label.isVisible()      # too small to read: hidden
    assert view.nodes["g:7"].label.isVisible()          # groups stay named
    view.fit_all()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() > before


def test_click_selects_and_double_click_activates(view: LinkGraphView, qtbot) -> None:  # noqa: ANN001
    item = view.nodes["c:2"]
    point = view.mapFromScene(item.scenePos())
    with qtbot.waitSignal(view.nodeSelected) as selected:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selected.args == ["c:2"] and view.selected_key() == "c:2"
    with qtbot.waitSignal(view.nodeActivated) as activated:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == ["complaint", 2]
    group = view.mapFromScene(view.nodes["g:7"].scenePos())
    with qtbot.waitSignal(view.nodeActivated) as activated:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=group)
    assert activated.args == ["group", 7]


def test_highlight_and_mark(view: LinkGraphView) -> None:
    assert view.highlight("c:5")
    assert view.selected_key() == "c:5"
    centre = view.mapToScene(view.viewport().rect().center())
    assert math.dist((centre.x(), centre.y()), (view.nodes["c:5"].x(), view.nodes["c:5"].y())) < 5
    assert not view.highlight("c:404")
    view.mark({"c:1", "c:2", "c:3"})
    assert view.nodes["c:1"].marked and view.nodes["c:4"].faded and not view.nodes["c:2"].faded
    view.mark(())
    assert not any(n.marked or n.faded for n in view.nodes.values())


def test_empty_graph(view: LinkGraphView) -> None:
    view.clear_graph()
    assert view.nodes == {} and view.edge_items == [] and not view.legend.isVisible()

"""The similar-text panel: debounced search in a worker, newest result wins, empty state, opening and
comparing a match, folding away."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from greyline.queries.complaint_detail import complaint_detail
from greyline.services import detection
from greyline.services.detection import SimilarComplaint
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.similar_panel import SimilarComplaintsPanel


@pytest.fixture
def template_pair(demo) -> tuple[int, int]:  # noqa: ANN001
    """Two complaints the detector linked as template copies (the closest pair)."""
    _, path = demo
    with sqlite3.connect(path) as con:
        return con.execute("SELECT complaint_a_id, complaint_b_id FROM links WHERE kind = 'template' "
                           "ORDER BY score DESC, id LIMIT 1").fetchone()


def _panel(qtbot, ctx, nav: RecordingNavigator | None = None) -> SimilarComplaintsPanel:  # noqa: ANN001
    holder = QWidget()  # as in the editor: inside another widget, not a window of its own
    qtbot.addWidget(holder)
    panel = SimilarComplaintsPanel(ctx, nav or RecordingNavigator(), holder)
    QVBoxLayout(holder).addWidget(panel)
    holder.resize(700, 300)
    holder.show()
    panel.holder = holder  # keeps the window alive as long as the test holds the panel
    return panel


def test_finds_the_near_copy_of_a_template_complaint(qtbot, qtmodeltester, demo, template_pair) -> None:  # noqa: ANN001
    ctx, _ = demo
    a, b = template_pair
    detail = complaint_detail(ctx.store, a)
    panel = _panel(qtbot, ctx)
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        panel.set_text(detail.text, detail.customer_name, exclude_id=a)
    ids = [m.complaint_id for m in panel.matches()]
    assert b in ids and a not in ids
    assert panel.table.isVisible() and not panel.empty.isVisible()
    assert "发现" in panel.state.text()
    row = ids.index(b)
    match = panel.matches()[row]
    assert panel.model.data(panel.model.index(row, 0)) == match.reference
    assert panel.model.data(panel.model.index(row, 3)) == f"{round(match.jaccard * 100)}%"
    qtmodeltester.check(panel.model)


def test_typing_is_debounced_into_one_search(qtbot, demo, template_pair) -> None:  # noqa: ANN001
    ctx, _ = demo
    text = complaint_detail(ctx.store, template_pair[0]).text
    panel = _panel(qtbot, ctx)
    for n in range(20, len(text), 15):  # keystrokes in quick succession
        panel.set_text(text[:n])
    assert panel.searches == 0 and panel.is_searching()
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        panel.set_text(text)
    assert panel.searches == 1
    # The same text again is not searched again.
    panel.set_text(text)
    assert not panel._timer.isActive()


def test_unrelated_text_shows_the_empty_state(qtbot, demo) -> None:  # noqa: ANN001
    ctx, _ = demo
    panel = _panel(qtbot, ctx)
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        panel.set_text("今天天气很好，我们去公园散步，看见湖边的柳树发芽了，孩子们在草地上放风筝，老人在亭子里下棋聊天，"
                       "远处传来卖冰糖葫芦的吆喝声，一切都显得那么安静祥和。")
    assert panel.matches() == ()
    assert panel.empty.isVisible() and panel.empty.text() == "未发现雷同文本"
    assert not panel.table.isVisible()
    # Short text: no search at all.
    panel.set_text("太短")
    panel.search_now()
    assert panel.searches == 1


def _match(cid: int, ref: str) -> SimilarComplaint:
    import datetime as dt

    return SimilarComplaint(cid, ref, "X", "某人", dt.date(2026, 1, 1), 0.9, 100, "预览")


def test_an_older_search_finishing_last_never_overwrites_the_newer(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    release_old = threading.Event()
    old_done = threading.Event()

    def fake(_ctx, text, **_kw):  # noqa: ANN001, ANN202
        if text.startswith("旧"):
            release_old.wait(5)
            old_done.set()
            return [_match(1, "GL-OLD")]
        return [_match(2, "GL-NEW")]

    monkeypatch.setattr(detection, "similar_texts", fake)
    panel = _panel(qtbot, ctx)
    panel.set_text("旧" * 40)
    panel.search_now()
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        panel.set_text("新" * 40)
        panel.search_now()
    assert [m.reference for m in panel.matches()] == ["GL-NEW"]
    release_old.set()
    qtbot.waitUntil(old_done.is_set, timeout=5000)
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=5000)
    assert [m.reference for m in panel.matches()] == ["GL-NEW"]


def test_a_failed_search_is_said_without_a_dialog(qtbot, ctx, monkeypatch) -> None:  # noqa: ANN001
    def broken(*_a, **_kw):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("index unreadable")

    monkeypatch.setattr(detection, "similar_texts", broken)
    panel = _panel(qtbot, ctx)
    panel.set_text("某" * 40)
    panel.search_now()
    qtbot.waitUntil(lambda: "出错" in panel.state.text(), timeout=5000)


def test_opening_and_comparing_a_match(qtbot, demo, template_pair) -> None:  # noqa: ANN001
    ctx, _ = demo
    a, b = template_pair
    typed = complaint_detail(ctx.store, a).text + "\n补充：代理人要求先付服务费。"
    nav = RecordingNavigator()
    panel = _panel(qtbot, ctx, nav)
    assert not panel.open_button.isVisible()
    with qtbot.waitSignal(panel.results_changed, timeout=5000):
        panel.set_text(typed, exclude_id=a)
    row = [m.complaint_id for m in panel.matches()].index(b)
    index = panel.model.index(row, 0)
    panel.table.doubleClicked.emit(index)
    assert nav.calls == [("open_complaint", b)]

    assert not panel.compare_button.isEnabled()
    panel.table.selectRow(row)
    assert panel.compare_button.isEnabled()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("open_complaint", b)
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    dialog = panel.compare_dialog
    assert dialog is not None and dialog.isVisible()  # a child of the panel's window; deletes itself when closed
    assert dialog.compare.pane_a.toPlainText() == typed
    assert dialog.compare.pane_b.toPlainText() == complaint_detail(ctx.store, b).text
    assert any(s.kind == "only_a" and "服务费" in s.text_a for s in dialog.compare.segments)
    dialog.close()


def test_folds_away_and_remembers(qtbot, ctx, tmp_path) -> None:  # noqa: ANN001
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    panel = _panel(qtbot, ctx)
    assert panel.is_expanded() and panel.body.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert not panel.is_expanded() and not panel.body.isVisible() and panel.state.isVisible()
    again = _panel(qtbot, ctx)
    assert not again.is_expanded()

"""The side-by-side text comparison: marked passages, escaping, the similarity shown, scrolling together,
and the dialog over two stored template complaints."""

from __future__ import annotations

import html
import sqlite3

import pytest
from PySide6.QtWidgets import QWidget

from greyline.detect.text import TemplateIndexer
from greyline.queries.complaint_detail import complaint_detail, complaint_links
from greyline.ui.template_compare import (
    DIFF_BACKGROUND,
    SAME_BACKGROUND,
    TemplateCompareDialog,
    TemplateCompareWidget,
    complaint_title,
)

TEMPLATE = ("本人{name}，于2025年3月1日在贵司借款{amount}元。由于家人重病，本人用尽积蓄，造成经济极度困难，才出现逾期。"
            "贵司催收人员多次电话骚扰本人家属，严重影响生活。现本人强烈要求：一、减免全部罚息和违约金；"
            "二、停止一切催收行为；三、修复不良征信记录。{extra}")


def test_widget_marks_shared_and_different_passages_and_keeps_the_texts(qtbot) -> None:  # noqa: ANN001
    a = TEMPLATE.format(name="张三", amount="6000", extra="<b>另：</b>代理人A&B律师事务所已介入。")
    b = TEMPLATE.format(name="李四", amount="15000", extra="望贵司7个工作日内答复，否则向媒体反映。")
    w = TemplateCompareWidget(a, b, "甲", "乙")
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()

    # Each pane shows its complaint text exactly (white space kept, nothing added).
    assert w.pane_a.toPlainText() == a
    assert w.pane_b.toPlainText() == b
    # Differences are marked strongly on their own side, shared passages softly, all escaped.
    only_a = [s.text_a for s in w.segments if s.kind == "only_a"]
    only_b = [s.text_b for s in w.segments if s.kind == "only_b"]
    assert any("代理人A&B律师事务所" in t for t in only_a) and any("媒体" in t for t in only_b)
    for text in only_a:
        assert f'background-color:{DIFF_BACKGROUND}; color:#3d2600;">{html.escape(text, quote=False)}</span>' \
            in w.html_a
    for text in only_b:
        assert f'{html.escape(text, quote=False)}</span>' in w.html_b
    assert "<b>另：</b>" not in w.html_a and "&lt;b&gt;另：&lt;/b&gt;" in w.html_a
    assert "A&amp;B" in w.html_a
    same = [s.text_a for s in w.segments if s.kind == "same"]
    assert any("停止一切催收行为" in t for t in same)
    assert f'<span style="background-color:{SAME_BACKGROUND};">' in w.html_a
    # The pane really renders the marks (Qt keeps the colours in its document).
    assert DIFF_BACKGROUND.lower() in w.pane_a.toHtml().lower()

    # The header gives the detector's similarity and the shared share of each text.
    expected = TemplateIndexer().compare(a, b, ("张三",), ("李四",)).jaccard
    w.set_texts(a, b, "甲", "乙", names_a=("张三",), names_b=("李四",))
    assert w.jaccard == pytest.approx(expected)
    assert f"{round(expected * 100)}%" in w.header.text()
    assert 0.5 < w.shared_a < 1 and 0.5 < w.shared_b < 1
    assert f"{round(w.shared_a * 100)}%" in w.shared_label.text()
    assert w.title_a_label.text() == "甲" and w.title_b_label.text() == "乙"


def test_empty_text_is_said_plainly(qtbot) -> None:  # noqa: ANN001
    w = TemplateCompareWidget("", "本人要求减免罚息", "甲", "乙")
    qtbot.addWidget(w)
    assert w.jaccard == 0.0 and "为空" in w.shared_label.text()
    assert w.pane_b.toPlainText() == "本人要求减免罚息" and w.pane_a.toPlainText() == ""


def test_panes_scroll_together_at_the_matching_passage(qtbot) -> None:  # noqa: ANN001
    paragraphs = [f"第{i}段：" + TEMPLATE.format(name="王五", amount=str(1000 + i), extra="") for i in range(40)]
    a = "\n".join(paragraphs)
    # B has an extra long paragraph near the top, so scrolling by proportion would drift.
    b = "\n".join(paragraphs[:2] + ["另外插入的一大段说明文字。" * 30] + paragraphs[2:])
    w = TemplateCompareWidget(a, b, "甲", "乙")
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    qtbot.waitExposed(w)
    bar_a, bar_b = w.pane_a.verticalScrollBar(), w.pane_b.verticalScrollBar()
    assert bar_a.maximum() > 0 and bar_b.maximum() > 0
    target = a.index("第20段")
    cursor = w.pane_a.textCursor()
    cursor.setPosition(target)
    bar_a.setValue(bar_a.value() + w.pane_a.cursorRect(cursor).top())
    # The same passage is now at the top of B's pane too (within a line).
    in_b = w.pane_b.textCursor()
    in_b.setPosition(b.index("第20段"))
    line = w.pane_b.fontMetrics().height() * 2
    assert abs(w.pane_b.cursorRect(in_b).top() - w.pane_a.cursorRect(cursor).top()) <= line
    assert bar_b.value() > bar_a.value()  # B has more text above the passage
    bar_a.setValue(bar_a.maximum())
    assert bar_b.value() == bar_b.maximum()
    bar_b.setValue(0)
    assert bar_a.value() == 0
    # Positions map through the alignment, both ways.
    assert w.map_position(a.index("第30段"), True) == b.index("第30段")
    assert w.map_position(b.index("第30段"), False) == a.index("第30段")


def test_dialog_compares_two_stored_template_complaints(qtbot, demo) -> None:  # noqa: ANN001
    ctx, path = demo
    with sqlite3.connect(path) as con:
        a, b = con.execute("SELECT complaint_a_id, complaint_b_id FROM links WHERE kind = 'template' "
                           "ORDER BY score LIMIT 1").fetchone()
    before = complaint_links(ctx.store, a)
    holder = QWidget()  # the dialog deletes itself when closed; its parent outlives it
    qtbot.addWidget(holder)
    dialog = TemplateCompareDialog(ctx, a, b, holder)
    dialog.show()
    da, db = complaint_detail(ctx.store, a), complaint_detail(ctx.store, b)
    w = dialog.compare
    assert w.pane_a.toPlainText() == da.text and w.pane_b.toPlainText() == db.text
    assert w.title_a_label.text() == complaint_title(da.reference, da.customer_name, da.received_at)
    assert da.reference in w.title_a_label.text() and da.received_at.isoformat() in w.title_a_label.text()
    assert db.customer_name in w.title_b_label.text()
    assert da.reference in dialog.windowTitle() and db.reference in dialog.windowTitle()
    assert any(s.kind != "same" for s in w.segments) and DIFF_BACKGROUND in w.html_a
    assert w.jaccard >= 0.5  # the detector linked them as a template copy
    link = next(k for k in before if k.kind == "template" and k.other_id == b)
    assert round(w.jaccard * 100) == round(float(link.detail["jaccard"]) * 100)
    # Looking changes nothing; closing just closes.
    dialog.reject()
    assert not dialog.isVisible()
    assert complaint_links(ctx.store, a) == before

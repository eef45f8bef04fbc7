"""Two complaint texts side by side, showing what a template copy shares and what was changed.

``TemplateCompareWidget`` takes two texts and their titles (so the editor can also compare the text
being typed with a stored complaint); ``TemplateCompareDialog`` reads two stored complaints and shows
them in the widget. Shared passages get a soft background, the differences a strong one (what A has
and B has not in A's pane, the reverse in B's pane); the header gives the similarity the detector
uses (Jaccard of normalised shingles: names, numbers, dates and amounts do not count) and the share
of each text that is shared word for word. The two panes scroll together: the passage at the top of
one is brought to the top of the other, so a moved or inserted paragraph does not put them out of
step.

Complaint texts are redacted on intake (numbers masked), so they may be shown here as they are.
Everything is escaped before it goes into the panes' HTML.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from greyline.detect.text import Segment, TemplateIndexer, explain
from greyline.queries.complaint_detail import complaint_detail
from greyline.services.context import ServiceContext

SAME_BACKGROUND = "#dff0e3"      # soft: wording the two texts share
DIFF_BACKGROUND = "#ffc266"      # strong: wording only this text has
DIFF_TEXT = "#3d2600"
MUTED_STYLE = "color: #5f6368;"

_indexer: TemplateIndexer | None = None


def _template_indexer() -> TemplateIndexer:
    """One indexer for the window (its set-up derives hash tables once)."""
    global _indexer
    if _indexer is None:
        _indexer = TemplateIndexer()
    return _indexer


def complaint_title(reference: str, customer_name: str, received_at: dt.date | None) -> str:
    """'GL-2026-000081 · 张三 · 受理 2026-03-01' (parts that are missing are left out)."""
    parts = [reference]
    if customer_name:
        parts.append(customer_name)
    if received_at is not None:
        parts.append(QCoreApplication.translate("TemplateCompare", "受理 %1").replace("%1", received_at.isoformat()))
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class _Span:
    """Where one segment sits in each text (character offsets)."""

    start_a: int
    end_a: int
    start_b: int
    end_b: int
    kind: str


def _spans(segments: Sequence[Segment]) -> list[_Span]:
    out, pa, pb = [], 0, 0
    for s in segments:
        out.append(_Span(pa, pa + len(s.text_a), pb, pb + len(s.text_b), s.kind))
        pa += len(s.text_a)
        pb += len(s.text_b)
    return out


def pane_html(segments: Sequence[Segment], side: str) -> str:
    """The HTML of one pane ('a' or 'b'): shared passages soft, this side's differences strong.

    White space is kept as typed (``pre-wrap``), so the pane's plain text is the complaint text."""
    own = "only_a" if side == "a" else "only_b"
    parts = []
    for s in segments:
        text = s.text_a if side == "a" else s.text_b
        if not text:
            continue
        escaped = html.escape(text, quote=False)
        if s.kind == "same":
            parts.append(f'<span style="background-color:{SAME_BACKGROUND};">{escaped}</span>')
        elif s.kind == own:
            parts.append(f'<span style="background-color:{DIFF_BACKGROUND}; color:{DIFF_TEXT};">{escaped}</span>')
        else:  # cannot happen (the other side's text is empty), kept plain to be safe
            parts.append(escaped)
    return '<div style="white-space: pre-wrap; line-height: 145%;">' + "".join(parts) + "</div>"


class TemplateCompareWidget(QWidget):
    """Two texts side by side with shared passages and differences marked; reusable anywhere."""

    def __init__(self, text_a: str = "", text_b: str = "", title_a: str = "", title_b: str = "",
                 parent: QWidget | None = None, *, names_a: Iterable[str] = (), names_b: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.segments: list[Segment] = []
        self.jaccard = 0.0
        self.shared_a = 0.0   # share of A's characters in shared passages
        self.shared_b = 0.0
        self.html_a = ""
        self.html_b = ""
        self._spans: list[_Span] = []
        self._syncing = False
        self._build()
        self.set_texts(text_a, text_b, title_a, title_b, names_a=names_a, names_b=names_b)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.setToolTip(self.tr("相似度按系统识别模板文本的方法计算：去除姓名、号码、日期、金额后，"
                                       "比较连续四个字的片段（Jaccard 相似度）。"))
        self.shared_label = QLabel()
        self.shared_label.setWordWrap(True)
        self.shared_label.setStyleSheet(MUTED_STYLE)

        legend = QHBoxLayout()
        legend.setSpacing(6)
        for colour, text_colour, text in (
                (SAME_BACKGROUND, "#202124", self.tr("两篇相同的段落")),
                (DIFF_BACKGROUND, DIFF_TEXT, self.tr("仅本篇有的文字（差异）"))):
            swatch = QLabel(self.tr("示例"))
            swatch.setStyleSheet(f"background-color: {colour}; color: {text_colour}; padding: 1px 6px;"
                                 "border-radius: 2px;")
            legend.addWidget(swatch)
            legend.addWidget(QLabel(text))
            legend.addSpacing(12)
        legend.addStretch(1)

        self.title_a_label, self.pane_a = QLabel(), QTextBrowser()
        self.title_b_label, self.pane_b = QLabel(), QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for title, pane, name in ((self.title_a_label, self.pane_a, "pane_a"),
                                  (self.title_b_label, self.pane_b, "pane_b")):
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            f = title.font()
            f.setBold(True)
            title.setFont(f)
            pane.setObjectName(name)
            pane.setOpenLinks(False)
            pane.setReadOnly(True)
            pane.setMinimumWidth(260)
            pf = pane.font()
            if pf.pointSizeF() > 0:
                pf.setPointSizeF(pf.pointSizeF() * 1.1)
                pane.setFont(pf)
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(4)
            v.addWidget(title)
            v.addWidget(pane, 1)
            splitter.addWidget(box)
        splitter.setSizes([1, 1])
        self.pane_a.verticalScrollBar().valueChanged.connect(lambda _v: self._sync(self.pane_a, self.pane_b))
        self.pane_b.verticalScrollBar().valueChanged.connect(lambda _v: self._sync(self.pane_b, self.pane_a))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.shared_label)
        layout.addLayout(legend)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------------ content
    def set_texts(self, text_a: str, text_b: str, title_a: str = "", title_b: str = "", *,
                  names_a: Iterable[str] = (), names_b: Iterable[str] = ()) -> None:
        """Show ``text_a`` left and ``text_b`` right; ``names_*`` (customer names) are left out of the
        similarity, as the detector does."""
        self.text_a, self.text_b = text_a, text_b
        self.title_a_label.setText(title_a)
        self.title_b_label.setText(title_b)
        self.title_a_label.setVisible(bool(title_a))
        self.title_b_label.setVisible(bool(title_b))
        self.segments = explain(text_a, text_b) if (text_a or text_b) else []
        self._spans = _spans(self.segments)
        same_a = sum(len(s.text_a) for s in self.segments if s.kind == "same")
        same_b = sum(len(s.text_b) for s in self.segments if s.kind == "same")
        self.shared_a = same_a / len(text_a) if text_a else 0.0
        self.shared_b = same_b / len(text_b) if text_b else 0.0
        self.jaccard = self._similarity(text_a, text_b, tuple(n for n in names_a if n), tuple(n for n in names_b if n))
        self.html_a = pane_html(self.segments, "a")
        self.html_b = pane_html(self.segments, "b")
        self.pane_a.setHtml(self.html_a)
        self.pane_b.setHtml(self.html_b)
        changes = sum(1 for s in self.segments if s.kind != "same")
        self.header.setText(self.tr("相似度 %1%（去除姓名、号码、日期、金额后）").replace(
            "%1", str(round(self.jaccard * 100))))
        if not text_a.strip() or not text_b.strip():
            self.shared_label.setText(self.tr("有一篇文本为空，无法比较。"))
        else:
            self.shared_label.setText(self.tr("相同文字占左侧文本的 %1%、右侧文本的 %2%；差异 %3 处。")
                                      .replace("%1", str(round(self.shared_a * 100)))
                                      .replace("%2", str(round(self.shared_b * 100)))
                                      .replace("%3", str(changes)))

    @staticmethod
    def _similarity(a: str, b: str, names_a: tuple[str, ...], names_b: tuple[str, ...]) -> float:
        if not a.strip() or not b.strip():
            return 0.0
        return float(_template_indexer().compare(a, b, names_a, names_b).jaccard)

    # ------------------------------------------------------------------ scrolling together
    def map_position(self, pos: int, from_a: bool) -> int:
        """The character position in the other text that corresponds to ``pos`` in this one."""
        key = (lambda s: s.start_a) if from_a else (lambda s: s.start_b)
        spans = [s for s in self._spans if (s.end_a > s.start_a if from_a else s.end_b > s.start_b)]
        if not spans:
            return 0
        i = max(0, bisect.bisect_right([key(s) for s in spans], pos) - 1)
        s = spans[i]
        if s.kind == "same":
            offset = pos - (s.start_a if from_a else s.start_b)
            return (s.start_b if from_a else s.start_a) + max(0, offset)
        return s.start_b if from_a else s.start_a

    def _sync(self, source: QTextBrowser, target: QTextBrowser) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            src_bar, dst_bar = source.verticalScrollBar(), target.verticalScrollBar()
            if src_bar.value() <= src_bar.minimum():
                dst_bar.setValue(dst_bar.minimum())
                return
            if src_bar.value() >= src_bar.maximum():
                dst_bar.setValue(dst_bar.maximum())
                return
            top = source.cursorForPosition(QPoint(2, 2))
            pos = self.map_position(top.position(), source is self.pane_a)
            cursor = QTextCursor(target.document())
            cursor.setPosition(min(pos, max(0, target.document().characterCount() - 1)))
            # Keep the same part of the line hidden above the top edge in both panes.
            lead = source.cursorRect(top).top()
            dst_bar.setValue(dst_bar.value() + target.cursorRect(cursor).top() - lead)
        finally:
            self._syncing = False


class TemplateCompareDialog(QDialog):
    """Two stored complaints' texts compared side by side (non-modal, deletes itself when closed)."""

    def __init__(self, ctx: ServiceContext, complaint_a_id: int, complaint_b_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        a = complaint_detail(ctx.store, complaint_a_id)
        b = complaint_detail(ctx.store, complaint_b_id)
        self.complaint_a, self.complaint_b = a, b
        self.setWindowTitle(self.tr("比较文本：%1 与 %2").replace("%1", a.reference).replace("%2", b.reference))
        self.compare = TemplateCompareWidget(
            a.text, b.text, complaint_title(a.reference, a.customer_name, a.received_at),
            complaint_title(b.reference, b.customer_name, b.received_at), self,
            names_a=(a.customer_name,), names_b=(b.customer_name,))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.compare, 1)
        layout.addWidget(buttons)
        self.setSizeGripEnabled(True)
        self.setMinimumSize(720, 460)
        self.resize(1100, 720)


def compare_dialog_for_text(text: str, title: str, ctx: ServiceContext, complaint_id: int,
                            parent: QWidget | None = None, *, customer_name: str = "") -> QDialog:
    """A dialog comparing ``text`` (e.g. being typed, not saved yet) with a stored complaint's text."""
    other = complaint_detail(ctx.store, complaint_id)
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(QCoreApplication.translate("TemplateCompare", "比较文本：%1 与 %2").replace(
        "%1", title).replace("%2", other.reference))
    widget = TemplateCompareWidget(text, other.text, title,
                                   complaint_title(other.reference, other.customer_name, other.received_at), dialog,
                                   names_a=(customer_name,), names_b=(other.customer_name,))
    dialog.compare = widget  # type: ignore[attr-defined]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("TemplateCompare", "关闭"))
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(widget, 1)
    layout.addWidget(buttons)
    dialog.setSizeGripEnabled(True)
    dialog.setMinimumSize(720, 460)
    dialog.resize(1100, 720)
    return dialog


__all__ = ["TemplateCompareDialog", "TemplateCompareWidget", "compare_dialog_for_text", "complaint_title",
           "pane_html", "SAME_BACKGROUND", "DIFF_BACKGROUND"]

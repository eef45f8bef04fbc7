"""Rendering a view of the application offscreen to a PNG (for the docs and for checks by eye).

``greyline screenshot OUT.png --view dashboard|complaints|editor|evidence|groups|settings|image|audio|
links|referrals|statistics [--demo]``. With ``--demo`` a temporary store is filled with demo data, so
the user's own store is never touched.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

VIEWS = ("dashboard", "complaints", "editor", "editor_evidence", "editor_links", "similar", "template_compare",
         "evidence", "groups", "settings", "detection_settings", "image", "audio", "pdf", "links", "referrals",
         "statistics", "import_preview", "import_report")


def _settle(app, seconds: float = 1.5) -> None:  # noqa: ANN001
    from PySide6.QtCore import QThreadPool

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
    app.processEvents()


def take(out: Path, view: str, *, db: str | None = None, user: str | None = None, demo: bool = False,
         size: tuple[int, int] = (1366, 820)) -> Path:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

    from greyline.bootstrap import open_context
    from greyline.ui.i18n import install_translators
    from greyline.ui.main_window import MainWindow
    from greyline.ui.resources import application_font, load_cjk_font

    app = QApplication.instance() or QApplication([])
    app.setFont(application_font(load_cjk_font()))
    translators = install_translators(app)  # noqa: F841 - kept alive until the picture is taken
    tmp = tempfile.TemporaryDirectory(prefix="greyline-shot-") if demo else None
    if tmp is not None:
        # A throwaway store and settings: the user's own are never touched.
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp.name)
        db = str(Path(tmp.name) / "demo.sqlite")
    store, ctx = open_context(db, user, create=demo)
    try:
        if demo:
            from greyline.services.demo import load_demo

            load_demo(ctx, 300, 7)
        window = MainWindow(ctx)
        window.resize(*size)
        target = window
        if view in ("dashboard", "complaints", "evidence", "groups", "settings", "detection_settings", "links",
                    "referrals", "statistics"):
            window.show_page({"links": "graph", "detection_settings": "settings"}.get(view, view))
            if view == "detection_settings":
                for tabs in window.findChildren(QTabWidget):
                    for i in range(tabs.count()):
                        if tabs.tabText(i) in ("关联检测", "Link detection"):
                            tabs.setCurrentIndex(i)
            if view == "groups":
                from greyline.queries.groups import list_groups

                groups = list_groups(store)
                if groups:
                    window.open_group(groups[0].id)
            window.show()
        elif view in ("editor", "editor_evidence"):
            window.show()
            complaint_id = _complaint_with_evidence(store)
            window.open_complaint(complaint_id)
            _settle(app, 0.5)
            target = window._editors[-1]
            target.resize(1280, 860)
            tabs = target.findChild(QTabWidget)
            evidence_tab = target.findChild(QWidget, "evidence_tab")
            if view == "editor_evidence" and tabs is not None and evidence_tab is not None:
                i = tabs.indexOf(evidence_tab)
                if i >= 0:
                    tabs.setCurrentIndex(i)
        elif view == "editor_links":
            window.show()
            a, _ = _template_pair(ctx)
            window.open_complaint(a)
            _settle(app, 0.5)
            target = window._editors[-1]
            target.resize(1280, 860)
            tabs = target.findChild(QTabWidget)
            if tabs is not None:
                for i in range(tabs.count()):
                    if tabs.tabText(i) in ("关联", "Links"):
                        tabs.setCurrentIndex(i)
            _settle(app, 0.5)
            table = getattr(target, "link_table", None)
            model = getattr(target, "link_model", None)
            if table is not None and model is not None:
                for r in range(model.rowCount()):
                    if model.row_at(r).kind == "template":
                        table.selectRow(r)
                        break
        elif view in ("import_preview", "import_report"):
            from greyline.ui.import_wizard import ImportWizard

            sample = _sample_export(Path(tempfile.mkdtemp(prefix="greyline-shot-import-")))
            target = ImportWizard(ctx, window, sample)
            target.resize(min(1100, size[0] - 40), min(720, size[1] - 40))
            target.show()
            _settle(app, 1.0)
            if view == "import_report":
                target.next()
                _settle(app, 1.5)
                if target.step() == 2:      # unknown channel values: map them as a user would
                    for i in range(len(target.channels.values)):
                        combo = target.channels.combo(i)
                        combo.setCurrentIndex(combo.findData("12315"))
                    target.next()
                    _settle(app, 1.5)
        elif view == "template_compare":
            from greyline.ui.template_compare import TemplateCompareDialog

            a, b = _template_pair(ctx)
            target = TemplateCompareDialog(ctx, a, b, window)
            target.resize(1280, 720)
            target.show()
        elif view == "similar":
            from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

            window.show()
            a, _ = _template_pair(ctx)
            from greyline.queries.complaint_detail import complaint_detail

            text = complaint_detail(store, a).text
            window.open_complaint(None)
            _settle(app, 0.5)
            target = window._editors[-1]
            target.resize(1280, 860)
            edits = target.findChildren(QPlainTextEdit) + target.findChildren(QTextEdit)
            edit = max(edits, key=lambda e: e.height(), default=None)
            if edit is not None:
                edit.setPlainText(text)
            _settle(app, 2.0)
        else:
            from greyline.queries.evidence import EvidenceFilter, all_evidence
            from greyline.ui.viewers import open_viewer

            prefix = {"image": "image/", "audio": "audio/", "pdf": "application/pdf"}[view]
            rows = all_evidence(store, EvidenceFilter(), 2000, None)
            item = next((e for e in rows if e.media_type.startswith(prefix)), None)
            if item is None:
                raise ValueError(f"no {view} evidence in this store")
            target = open_viewer(window, ctx, item.id)
            target.resize(*((900, 300) if view == "audio" else (1000, 720)))
            target.show()
        _settle(app)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out)):
            raise OSError(f"could not write {out}")
        return out
    finally:
        store.dispose()
        if tmp is not None:
            tmp.cleanup()


def _complaint_with_evidence(store) -> int:  # noqa: ANN001
    """A complaint with a recording and a document attached, for a telling editor picture."""
    from greyline.queries.evidence import EvidenceFilter, all_evidence

    kinds: dict[int, set[str]] = {}
    for row in all_evidence(store, EvidenceFilter(), 2000, None):
        for cid in row.complaint_ids:
            kinds.setdefault(cid, set()).add(row.kind)
    best = max(kinds, key=lambda cid: (len(kinds[cid]), cid), default=None)
    if best is not None:
        return best
    from greyline.queries.complaints import list_complaints

    return list_complaints(store, limit=1)[0].id


def _template_pair(ctx) -> tuple[int, int]:  # noqa: ANN001
    """The two complaints of the strongest template link (for the comparison pictures)."""
    from greyline.queries.links import export_links
    from greyline.services.lookup import find_complaint

    best = max((r for r in export_links(ctx.store, kind="template")), key=lambda r: (r.score < 0.95, r.score),
               default=None)
    if best is None:
        raise ValueError("no template link in this store")
    return find_complaint(ctx, best.a_reference).id, find_complaint(ctx, best.b_reference).id


def _sample_export(folder: Path) -> Path:
    """A work-order export as a channel's system writes it (GBK, a title row, its own column names, one
    column the import does not use, an unknown channel value, two bad rows) for the import views."""
    import csv

    rows = [["某消费金融公司 投诉工单导出 2026年11月", "", "", "", "", "", "", "", ""],
            ["投诉编号", "投诉渠道", "登记时间", "投诉人", "证件号码", "来电号码", "问题描述", "具体诉求", "处理机构"]]
    texts = ["催收人员多次来电，说“再不还就上门”，要求停止催收。", "本人失业无力还款，要求减免罚息和违约金。",
             "贵司利率不透明，要求退还服务费，否则向媒体反映。", "委托代理人处理，请勿直接联系本人。"]
    channels = ["12378热线", "黑猫投诉", "客服热线", "地方金融监管局", "网络", "12363"]
    for n in range(24):
        rows.append([f"TS2026110{n:03d}", channels[n % len(channels)], f"2026/11/{n % 27 + 1} {9 + n % 9}:{n % 60:02d}",
                     "王李张刘陈杨"[n % 6] + "先生", "", f"1{'38' if n % 2 else '71'}{n:04d}{n * 37 % 10000:04d}",
                     texts[n % len(texts)], "停止催收；减免罚息", "消费者权益保护部"])
    rows[7][2] = "2026/13/45"
    rows[11][5] = "1.38123E+10"
    path = folder / "投诉工单导出_202611.csv"
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)
    return path

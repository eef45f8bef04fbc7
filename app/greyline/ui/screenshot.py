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

VIEWS = ("dashboard", "complaints", "editor", "editor_evidence", "evidence", "groups", "settings", "image", "audio", "pdf",
         "links", "referrals", "statistics")


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
        if view in ("dashboard", "complaints", "evidence", "groups", "settings", "links", "referrals",
                    "statistics"):
            window.show_page("graph" if view == "links" else view)
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

"""Starting the desktop application: Qt application, font, error handling, store and window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from greyline.domain.errors import DomainError
from greyline.ui.errors import log_path
from greyline.ui.resources import application_font, load_cjk_font

log = logging.getLogger("greyline.ui")


def _install_logging() -> Path:
    path = Path(log_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def _install_excepthook(path: Path) -> None:
    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        QMessageBox.critical(None, "灰线 Greyline",
                             f"程序出现意外错误，已记录到日志：\n{path}\n\n{exc_type.__name__}: {exc}")

    sys.excepthook = hook


def run(db: str | None, username: str | None, *, demo: bool = False) -> int:
    from greyline.bootstrap import open_context
    from greyline.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Greyline")
    app.setFont(application_font(load_cjk_font()))
    from greyline.ui.i18n import install_translators

    app._greyline_translators = install_translators(app)  # keep references alive
    path = _install_logging()
    _install_excepthook(path)
    try:
        store, ctx = open_context(db, username, create=True)
    except DomainError as exc:
        QMessageBox.critical(None, "灰线 Greyline", exc.message)
        return 1
    if demo:
        _load_demo_if_empty(app, ctx)
    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    store.dispose()
    return code


def _load_demo_if_empty(app: QApplication, ctx) -> None:  # noqa: ANN001
    """Fill an empty store with demo data in a worker thread, with a progress dialog."""
    from greyline.queries.complaints import count_complaints
    from greyline.services.demo import load_demo
    from greyline.ui.workers import Job, start

    if count_complaints(ctx.store) > 0:
        return
    dialog = QProgressDialog(app.translate("app", "正在生成演示数据…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    job = Job(lambda progress, cancelled: load_demo(ctx, progress=lambda d, t, stage="": progress(d, t)))
    outcome: dict[str, object] = {}
    job.signals.progress.connect(lambda d, t: (dialog.setMaximum(t), dialog.setValue(d)))
    job.signals.finished.connect(lambda r: (outcome.setdefault("ok", r), dialog.close()))
    job.signals.failed.connect(lambda e: (outcome.setdefault("error", e), dialog.close()))
    start(job)
    dialog.exec()
    QThreadPool.globalInstance().waitForDone()
    error = outcome.get("error")
    if isinstance(error, DomainError):
        QMessageBox.warning(None, "灰线 Greyline", error.message)
    elif isinstance(error, BaseException):
        raise error

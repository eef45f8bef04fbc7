"""Running the full link detection from the window: a worker, a progress dialog whose Cancel
works, and the stage names mapped to steps (used by the link graph page and the settings page)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.ui.workers import Job, start

# Stages reported by services.detection.detect_all, in order (one progress step each).
DETECTION_STAGES = ("features", "load", "sign", "text_index", "template_pairs", "identifier_pairs",
                    "evidence_pairs", "write_links", "indicators", "risk", "commit")


def start_full_detection(parent: QWidget, ctx: ServiceContext, label: str,
                         finished: Callable[[object], None],
                         failed: Callable[[object], None]) -> tuple[Job, QProgressDialog]:
    """Start ``detect_all`` off the GUI thread behind a modal progress dialog. ``finished`` gets
    the DetectionSummary, ``failed`` the exception (``Cancelled`` when the user cancelled); the
    dialog is reset before either is called."""

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        def step(_n: int, _total: int, stage: str) -> None:
            if stage in DETECTION_STAGES:
                progress(DETECTION_STAGES.index(stage) + 1, len(DETECTION_STAGES) + 1)
        return detection.detect_all(ctx, progress=step, cancel=cancelled)

    job = Job(work)
    dialog = QProgressDialog(label, QCoreApplication.translate("DetectionRunner", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DetectionRunner", "重新检测全部"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    job.signals.progress.connect(lambda d, t: (dialog.setMaximum(t), dialog.setValue(min(d, t))))
    job.signals.finished.connect(lambda summary: (dialog.reset(), finished(summary)))
    job.signals.failed.connect(lambda exc: (dialog.reset(), failed(exc)))
    start(job)
    return job, dialog

"""Running long work off the GUI thread with progress and cancel.

The work function receives ``progress(done, total)`` and ``cancelled()``; results and errors come back
to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._work(lambda d, t: self.signals.progress.emit(int(d), int(t)), self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Job] = set()


def start(job: Job) -> Job:
    """Start ``job`` on the shared pool; it is kept alive until it has finished or failed."""
    _running.add(job)
    job.signals.finished.connect(lambda _result, j=job: _running.discard(j))
    job.signals.failed.connect(lambda _exc, j=job: _running.discard(j))
    QThreadPool.globalInstance().start(job)
    return job

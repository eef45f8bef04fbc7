"""Running long work off the GUI thread with progress and cancel.

The work function receives ``progress(done, total)`` and ``cancelled()``; results and errors come back
to the GUI thread through queued signals. ``NewestLoad`` runs loads of which only the newest counts (a
page refreshed again before the last refresh came back).
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


class NewestLoad(QObject):
    """Loads for one widget where a newer load supersedes older ones still running: only the newest
    load's result (``finished``) or error (``failed``) is passed on, the others are dropped.

    A child of the widget: when the widget goes, so do the connections, and a load still running then
    finishes unheard (``start`` keeps its job alive meanwhile).
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject, *, cancel_superseded: bool = False) -> None:
        super().__init__(parent)
        self._cancel_superseded = cancel_superseded
        self._generation = 0
        self._jobs: dict[int, Job] = {}

    def load(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]) -> Job:
        """Run ``work`` in a worker; with ``cancel_superseded`` the loads still running are asked to stop."""
        self._generation += 1
        job = Job(work)
        # Bound methods (not lambdas): Qt drops the connection if this object is destroyed first.
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        if self._cancel_superseded:
            for old in self._jobs.values():
                old.cancel()
        self._jobs[self._generation] = job
        return start(job)

    def is_loading(self) -> bool:
        return bool(self._jobs)

    def _sender_is_newest(self) -> bool:
        """Forget the job that sent the signal being handled; True when it is the newest one."""
        sender = self.sender()
        generation = next((g for g, job in self._jobs.items() if job.signals is sender), None)
        self._jobs.pop(generation, None)
        return generation == self._generation

    def _finished(self, result: object) -> None:
        if self._sender_is_newest():
            self.finished.emit(result)

    def _failed(self, exc: object) -> None:
        if self._sender_is_newest():
            self.failed.emit(exc)

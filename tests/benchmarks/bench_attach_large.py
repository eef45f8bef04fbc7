"""Benchmark: attaching a large file through the evidence panel keeps the window responsive (by hand).

    python tests/benchmarks/bench_attach_large.py --size-mb 1024

Writes a file of random data, attaches it to a complaint through EvidencePanel.attach_paths (the same
path as the 添加证据 button and drag and drop), and measures: total time, how many progress updates
reached the GUI thread, and the longest stall of the event loop (a 10 ms timer) while hashing ran.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1024)
    args = ap.parse_args()
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    import greyline.ui  # noqa: F401
    from greyline.domain.records import ComplaintDraft
    from greyline.services.complaints import create_complaint
    from greyline.services.context import sign_in
    from greyline.storage.db import open_store
    from greyline.storage.location import resolve
    from greyline.ui import prompts
    from greyline.ui.evidence_panel import EvidencePanel
    from greyline.ui.navigation import RecordingNavigator

    work = Path(tempfile.mkdtemp(prefix="greyline-attach-"))
    big = work / "big_recording.wav"
    t0 = time.perf_counter()
    with open(big, "wb") as fh:
        chunk = os.urandom(1 << 20)
        for i in range(args.size_mb):
            fh.write(chunk[i % 251:] + chunk[: i % 251])  # distinct chunks, cheap to make
    print(f"wrote {args.size_mb} MB test file in {time.perf_counter() - t0:.1f} s")

    app = QApplication([])
    prompts.install(prompts.ScriptedPrompter())
    store = open_store(resolve(str(work / "s.sqlite")), create=True)
    ctx = sign_in(store, "bench")
    ref = create_complaint(ctx, ComplaintDraft("12378", "BIG-1", dt.date(2026, 5, 1)))
    panel = EvidencePanel(ctx, RecordingNavigator(), complaint_id=ref.id)
    panel.resize(900, 400)
    panel.show()

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    updates: list[tuple[int, int]] = []
    t1 = time.perf_counter()
    job = panel.attach_paths([big])
    job.signals.progress.connect(lambda d, t: updates.append((d, t)))
    done = []
    job.signals.finished.connect(lambda r: done.append(r))
    job.signals.failed.connect(lambda e: done.append(e))
    while not done:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - t1
    timer.stop()
    print(f"attached {args.size_mb} MB in {elapsed:.1f} s ({args.size_mb / elapsed:.0f} MB/s, SHA-256 + SM3 + copy + fsync)")
    print(f"progress updates seen by the GUI thread: {len(updates)}; last {updates[-1] if updates else None}")
    print(f"event loop: {len(gaps)} ticks, longest stall {max(gaps):.0f} ms, "
          f"95th percentile {sorted(gaps)[int(len(gaps) * 0.95)]:.0f} ms")
    print(f"result: {done[0]!r}"[:200])
    store.dispose()
    for p in sorted(work.rglob("*"), reverse=True):
        if p.is_file():
            p.chmod(0o644)
            p.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())

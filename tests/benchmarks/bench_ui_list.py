"""Benchmark: the complaint list on a store of 1,000,000 complaints (run by hand).

    python tests/benchmarks/bench_ui_list.py --db /path/to/big.sqlite
    python tests/benchmarks/bench_ui_list.py --build 1000000 --db /tmp/big.sqlite   # build it first

Measures, offscreen: time from navigating to the complaints page until its first page of rows is in
the model; time of each jump to the end of what is loaded (Ctrl+End, which fetches the next page);
time to show the other end of the list (sorting by received date ascending); the longest stall of the
event loop while the page counts in the background; and the process's resident memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build(db: str, n: int) -> None:
    from greyline.demo.generator import IMPORT_KEYS, generate
    from greyline.services.context import sign_in
    from greyline.services.importing import import_rows
    from greyline.storage.db import open_store
    from greyline.storage.location import resolve

    store = open_store(resolve(db), create=True)
    ctx = sign_in(store, "bench")
    t0 = time.perf_counter()
    for part in range((n + 99_999) // 100_000):
        corpus = generate(min(100_000, n - part * 100_000), seed=100 + part, with_files=False)
        rows = [[f"P{part}-{r['external_id']}" if k == "external_id" else r[k] for k in IMPORT_KEYS]
                for r in corpus.rows]
        import_rows(ctx, list(IMPORT_KEYS), iter(rows), f"bench part {part}")
        print(f"built {(part + 1) * 100_000} in {time.perf_counter() - t0:.0f} s", flush=True)
    store.dispose()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--build", type=int, default=0, help="first fill --db with this many complaints")
    ap.add_argument("--jumps", type=int, default=30)
    args = ap.parse_args()
    if args.build:
        build(args.db, args.build)

    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import greyline.ui  # noqa: F401 - PySide6 work-around first
    from greyline.bootstrap import open_context
    from greyline.ui.main_window import MainWindow
    from greyline.ui.resources import application_font, load_cjk_font

    app = QApplication([])
    app.setFont(application_font(load_cjk_font()))
    store, ctx = open_context(args.db, "bench", create=False)
    print(f"store: {args.db}; RSS after opening: {rss_mb():.0f} MB")
    window = MainWindow(ctx)
    window.resize(1366, 820)
    window.show_page("dashboard")
    window.show()
    app.processEvents()

    # Event-loop stall monitor: a 10 ms timer; the largest gap between ticks is the worst freeze.
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

    t0 = time.perf_counter()
    window.show_page("complaints")
    page = window.page("complaints")
    while page.model.rowCount() == 0 and time.perf_counter() - t0 < 30:
        app.processEvents()
    first_page_ms = (time.perf_counter() - t0) * 1000
    print(f"navigate -> first page of rows: {first_page_ms:.0f} ms ({page.model.rowCount()} rows)")

    table = page.table
    table.setFocus()
    jumps = []
    for _ in range(args.jumps):
        t1 = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
        jumps.append((time.perf_counter() - t1) * 1000)
    print(f"Ctrl+End x{args.jumps}: median {statistics.median(jumps):.0f} ms, max {max(jumps):.0f} ms; "
          f"rows loaded {page.model.rowCount()}")

    column = page.model.COLUMNS.index("received_at")
    t2 = time.perf_counter()
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)  # the model reloads its first page at once
    while page.model.rowCount() == 0 and time.perf_counter() - t2 < 30:
        app.processEvents()
    app.processEvents()
    print(f"top row after sorting: received {page.model.row_at(0).received_at}")
    print(f"other end (sort by received date ascending): {(time.perf_counter() - t2) * 1000:.0f} ms")

    # Let the background count finish while the monitor keeps ticking.
    t3 = time.perf_counter()
    while time.perf_counter() - t3 < 8:
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    print(f"count label: {page.findChild(type(window.store_label), 'count_label').text() if page.findChild(type(window.store_label), 'count_label') else '(see page)'}")
    print(f"longest event-loop stall during the run: {max(gaps):.0f} ms "
          f"(ticks: {len(gaps)}, 95th percentile {sorted(gaps)[int(len(gaps) * 0.95)]:.0f} ms)")
    print(f"resident memory: {rss_mb():.0f} MB")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

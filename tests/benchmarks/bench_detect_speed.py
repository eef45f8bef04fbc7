"""Benchmark: speed of link detection on a store of realistic size (by hand).

    python tests/benchmarks/bench_detect_speed.py --complaints 100000 --incremental 200

1. Generates ``complaints + incremental`` demo complaints (no files) and imports the first
   ``complaints`` into a fresh SQLite store; a large import runs a full detection by itself, which
   is timed on its own (the first run: every key and link is new).
2. Times ``detect_all`` (``greyline detect --full``) on that store, with the time of each stage.
3. Imports the held-out complaints one at a time, as a handler saving new complaints would, and
   times the incremental detection each one triggers (the detection call only, not the import):
   median, 90th percentile and maximum.
4. Times ``similar_texts`` (the editor's panel while typing) for held-out texts.

Evidence files are not generated: their features are computed once per file at intake
(bench_image.py and bench_voice.py time those) and a full run reuses them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from greyline.demo.generator import IMPORT_KEYS, generate
from greyline.services import detection
from greyline.services.context import sign_in
from greyline.services.importing import import_rows
from greyline.storage.db import open_store
from greyline.storage.location import resolve


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--incremental", type=int, default=200)
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="greyline-detect-"))
    work.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    corpus = generate(args.complaints + args.incremental, args.seed, with_files=False)
    rows = [[r[k] for k in IMPORT_KEYS] for r in corpus.rows]
    # Held-out complaints spread over the whole period (every k-th row), like new arrivals.
    step = max(1, len(rows) // max(1, args.incremental))
    held = set(range(0, len(rows), step)) if args.incremental else set()
    held = set(sorted(held)[: args.incremental])
    base = [r for i, r in enumerate(rows) if i not in held]
    extra = [rows[i] for i in sorted(held)]
    print(f"generated {len(rows):,} complaints in {time.perf_counter() - t0:.1f} s")

    store = open_store(resolve(str(work / "detect.sqlite")), create=True)
    ctx = sign_in(store, "bench")
    first: list[float] = []
    original_after_import = detection.after_import

    def timed_first(c, ids):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        r = original_after_import(c, ids)
        first.append(time.perf_counter() - t)
        return r

    detection.after_import = timed_first  # the import service calls it through the module
    t0 = time.perf_counter()
    try:
        import_rows(ctx, list(IMPORT_KEYS), iter(base), "bench")
    finally:
        detection.after_import = original_after_import
    total = time.perf_counter() - t0
    print(f"imported {len(base):,} complaints in {total:.1f} s, of which the first full detection "
          f"(empty indexes, every link new) took {first[0]:.1f} s")

    stats: dict[str, float] = {}
    t0 = time.perf_counter()
    summary = detection.detect_all(ctx, stats=stats)
    t_full = time.perf_counter() - t0
    print(f"\nfull detection (detect --full) over {summary.complaints:,} complaints: {t_full:.1f} s")
    print("  stages: " + ", ".join(f"{k} {v:.1f}" for k, v in stats.items()))
    with ctx.reader() as uow:
        links = uow.detect.all_pair_links()
    kinds: dict[str, int] = {}
    for link in links:
        kinds[link.kind] = kinds.get(link.kind, 0) + 1
    print(f"  links stored: {len(links):,} {kinds}")

    if extra:
        times: list[float] = []
        added: list[int] = []
        original = detection.after_import

        def timed(c, ids):  # noqa: ANN001, ANN202
            t = time.perf_counter()
            r = detection.detect_complaints(c, ids)
            times.append(time.perf_counter() - t)
            added.append(r.links_added)
            return r

        detection.after_import = timed  # the import service calls it through the module
        try:
            for row in extra:
                import_rows(ctx, list(IMPORT_KEYS), iter([row]), "bench-one")
        finally:
            detection.after_import = original
        ms = sorted(t * 1000 for t in times)
        print(f"\nincremental detection of one new complaint against {len(base):,} stored "
              f"({len(ms)} complaints): median {statistics.median(ms):.1f} ms, "
              f"p90 {ms[int(0.9 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms; "
              f"links added per complaint: median {statistics.median(added):.0f}, max {max(added)}")
        texts = [r[IMPORT_KEYS.index("text")] for r in extra[:100]]
        sim = []
        for text in texts:
            t = time.perf_counter()
            detection.similar_texts(ctx, text)
            sim.append((time.perf_counter() - t) * 1000)
        sim.sort()
        print(f"similar_texts while typing: median {statistics.median(sim):.1f} ms, max {sim[-1]:.1f} ms")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

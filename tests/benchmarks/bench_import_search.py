"""Benchmark: bulk import throughput and full-text search latency on generated data.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_import_search.py --complaints 100000

It generates the demo corpus without files, writes it as a CSV, imports it into a fresh SQLite store
(identifiers encrypted and hashed, parties, search index maintained by triggers), then times searches
drawn from the imported texts: three-or-more-character substrings (FTS5 trigram), two- and
one-character queries (LIKE fallback), and reference look-ups.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from greyline.demo.generator import generate, write_csv
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.services.context import sign_in
from greyline.services.importing import import_file
from greyline.storage.db import open_store
from greyline.storage.location import resolve


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args()

    work = args.dir or Path(tempfile.mkdtemp(prefix="greyline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    corpus = generate(args.complaints, args.seed, with_files=False)
    csv_path = work / "workorders.csv"
    write_csv(corpus.rows, csv_path)
    t_gen = time.perf_counter() - t0
    print(f"generated {len(corpus.rows)} rows in {t_gen:.1f} s -> {csv_path} "
          f"({csv_path.stat().st_size / 1e6:.1f} MB)")

    store = open_store(resolve(str(work / "bench.sqlite")), create=True)
    ctx = sign_in(store, "bench")
    t0 = time.perf_counter()
    result = import_file(ctx, csv_path)
    t_imp = time.perf_counter() - t0
    print(f"import: {result.created} complaints in {t_imp:.1f} s = {result.created / t_imp:,.0f} complaints/s "
          f"(including validation, identifiers, parties, search index)")
    t0 = time.perf_counter()
    again = import_file(ctx, csv_path)
    print(f"re-import: {again.created} created, {again.skipped_existing} skipped in {time.perf_counter() - t0:.1f} s")

    rng = random.Random(args.seed)
    texts = [r["text"] for r in corpus.rows if len(r["text"]) > 20]
    queries: dict[str, list[str]] = {"3-8 chars (FTS)": [], "2 chars (LIKE)": [], "1 char (LIKE)": [],
                                     "reference": []}
    for _ in range(args.queries):
        t = rng.choice(texts)
        n = rng.randint(3, 8)
        i = rng.randrange(0, len(t) - n)
        queries["3-8 chars (FTS)"].append(t[i : i + n])
    for _ in range(args.queries // 4):
        t = rng.choice(texts)
        i = rng.randrange(0, len(t) - 2)
        queries["2 chars (LIKE)"].append(t[i : i + 2])
        queries["1 char (LIKE)"].append(t[i])
        queries["reference"].append(f"GL-{time.localtime().tm_year}-{rng.randint(1, result.created):06d}")
    for label, qs in queries.items():
        times = []
        hits = 0
        for q in qs:
            t0 = time.perf_counter()
            rows = list_complaints(store, ComplaintFilter(search=q), limit=200)
            times.append((time.perf_counter() - t0) * 1000)
            hits += bool(rows)
        times.sort()
        print(f"search {label:<16} n={len(qs):<4} median {statistics.median(times):6.1f} ms  "
              f"p90 {times[int(len(times) * 0.9)]:6.1f} ms  max {times[-1]:7.1f} ms  found {hits}/{len(qs)}")
    t0 = time.perf_counter()
    page = list_complaints(store, ComplaintFilter(), limit=200)
    print(f"first page of the unfiltered list: {(time.perf_counter() - t0) * 1000:.1f} ms ({len(page)} rows)")
    print(f"database size: {(work / 'bench.sqlite').stat().st_size / 1e6:.0f} MB")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

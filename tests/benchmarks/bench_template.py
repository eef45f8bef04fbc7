"""Benchmark: template-text detection (greyline.detect.text) against exhaustive comparison.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_template.py --complaints 20000 --sign 100000

On one generated corpus, in one run, it measures:

* two exhaustive baselines, both computing the exact Jaccard similarity of *every* pair of
  complaints and then applying the detector's acceptance rule (Jaccard >= threshold, at least
  ``min_shared`` shared shingles):
  - "pairwise": the straightforward method, every pair compared with Python set intersections
    of the two texts' shingle-fingerprint sets (the comparison ``TemplateIndexer.compare`` does
    for one candidate). All n(n-1)/2 pairs are compared unless ``--pairwise-rows N`` is given:
    then N random rows are each compared with every other text and the time is projected to all
    pairs (the output says so);
  - "sparse": intersection counts X·Xᵀ of the sparse 0/1 complaint x shingle matrix
    (scipy.sparse CSR, upper triangle in row blocks, single-threaded sparse products), an
    unusually fast exhaustive method;
* the LSH detector (``TemplateIndexer.pairs_in``): sketches, band buckets, links, groups verified
  whole, other candidates, with the time of each stage (``--repeat`` runs; the speed-ups use the
  median run, the best is shown too);
* the speed-up against each baseline, for pair finding alone (from the shingled texts) and end
  to end (normalisation and shingling, which both need, added to both sides); the recall of the
  detector against each baseline's accepted pairs, and how many of those pairs share a band (the
  candidate stage alone), next to the S-curve predicted for their similarities;
* pair-level precision and recall of the detector and the baselines against the planted template
  families (pairs within a family are positives, WEB-n families included, everything else
  negative);
* signing throughput on ``--sign`` texts (normalise, shingle, sign) for the one-permutation
  sketch used by default, classic numpy MinHash, and datasketch's MinHash on a sample;
* the time of ``explain`` on two texts of 2,000 characters.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter

import numpy as np
import scipy.sparse as sp

from greyline.demo.generator import generate
from greyline.detect.text import ShingleBatch, TemplateIndexer, candidate_probability, clusters, explain


def exhaustive_pairs(
    batch: ShingleBatch, threshold: float, min_shared: int, floor: float, block: int = 2000
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Exact Jaccard of all pairs via sparse products; returns (i, j, jaccard, shared) of the
    pairs with Jaccard >= ``floor`` (a lower floor keeps pairs for the S-curve measurement)."""
    n = len(batch)
    doc = np.repeat(np.arange(n), batch.counts())
    uniq, col = np.unique(batch.codes, return_inverse=True)
    x = sp.csr_matrix((np.ones(col.size, dtype=np.float32), (doc, col)), shape=(n, uniq.size))
    x.sum_duplicates()
    x.data[:] = 1.0  # a shingle repeated in one text counts once
    size = np.diff(x.indptr)
    xt = x.T.tocsr()
    out_i, out_j, out_s, out_k = [], [], [], []
    for i0 in range(0, n, block):
        prod = (x[i0 : i0 + block] @ xt[:, i0:]).tocoo()  # upper triangle: columns from i0 on
        i = prod.row + i0
        j = prod.col + i0
        upper = j > i
        i, j, inter = i[upper], j[upper], prod.data[upper]
        jac = inter / (size[i] + size[j] - inter)
        keep = jac >= floor
        out_i.append(i[keep])
        out_j.append(j[keep])
        out_s.append(jac[keep])
        out_k.append(inter[keep].astype(np.int64))
    return tuple(np.concatenate(a) for a in (out_i, out_j, out_s, out_k))  # type: ignore[return-value]


def pairwise_pairs(
    batch: ShingleBatch, threshold: float, min_shared: int, rows: np.ndarray | None = None
) -> tuple[set[tuple[int, int]], int]:
    """The straightforward exhaustive method: exact Jaccard of pairs with Python set intersections
    of the shingle-fingerprint sets. ``rows=None``: every pair i < j once; otherwise each row in
    ``rows`` against every other text. Returns the accepted pairs (i < j) and the pairs compared."""
    n = len(batch)
    sets = [batch.sets(i) for i in range(n)]
    sizes = np.array([len(x) for x in sets], dtype=np.int64)
    found: set[tuple[int, int]] = set()
    compared = 0
    for i in range(n) if rows is None else rows.tolist():
        a = sets[i]
        lo = i + 1 if rows is None else 0
        others = sets[lo:]
        inter = np.fromiter((len(a & b) for b in others), dtype=np.int64, count=len(others))
        compared += len(others) - (0 if rows is None else 1)
        j = np.flatnonzero(inter >= min_shared)
        if j.size:
            jac = inter[j] / (sizes[i] + sizes[j + lo] - inter[j])
            for jj in (j[jac >= threshold] + lo).tolist():
                if jj != i:
                    found.add((min(i, jj), max(i, jj)))
    return found, compared


def truth_pairs(families: list[str | None]) -> set[tuple[int, int]]:
    by: dict[str, list[int]] = {}
    for i, f in enumerate(families):
        if f:
            by.setdefault(f, []).append(i)
    return {(a, b) for m in by.values() for x, a in enumerate(m) for b in m[x + 1 :]}


def pr(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> str:
    tp = len(found & truth)
    p = tp / len(found) if found else 1.0
    r = tp / len(truth) if truth else 1.0
    return f"precision {p:.4f}  recall {r:.4f}  (tp {tp}, fp {len(found) - tp}, fn {len(truth) - tp})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--sign", type=int, default=100_000, help="texts for the signing throughput (0: skip)")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--repeat", type=int, default=5, help="LSH runs (speed-ups use the median)")
    ap.add_argument("--pairwise-rows", type=int, default=0,
                    help="pairwise baseline on this many random rows, each against all others, projected "
                         "to all pairs (0: compare every pair)")
    args = ap.parse_args()

    ix = TemplateIndexer()
    thr = ix.threshold if args.threshold is None else args.threshold
    print(f"scheme {ix.scheme}, threshold {thr}, min_shared {ix.min_shared}; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")

    corpus = generate(args.complaints, args.seed, with_files=False)
    rows = corpus.rows
    texts = [r["text"] for r in rows]
    names = [[r["customer_name"]] for r in rows]
    families = [corpus.template_of[r["external_id"]] for r in rows]
    n = len(texts)
    fam_count = Counter(f for f in families if f)
    print(f"corpus: {n} complaints, {sum(fam_count.values())} from {len(fam_count)} template families "
          f"({sum(1 for f in fam_count if f.startswith('WEB'))} internet templates)")

    t0 = time.perf_counter()
    norm = [ix.normalise(t, nm) for t, nm in zip(texts, names)]
    t_norm = time.perf_counter() - t0
    t0 = time.perf_counter()
    batch = ix._prepare(norm)
    t_shingle = time.perf_counter() - t0
    print(f"common to both: normalise {t_norm:.2f} s, shingle fingerprints {t_shingle:.2f} s "
          f"({batch.codes.size / n:.0f} shingles a text)")

    # ---- exhaustive baseline 1: every pair, Python set intersections
    sample = None
    if 0 < args.pairwise_rows < n:
        sample = np.sort(np.random.default_rng(args.seed).choice(n, args.pairwise_rows, replace=False))
    c0, t0 = time.process_time(), time.perf_counter()
    pw, compared = pairwise_pairs(batch, thr, ix.min_shared, sample)
    t_pw, c_pw = time.perf_counter() - t0, time.process_time() - c0
    all_pairs = n * (n - 1) // 2
    if sample is None:
        print(f"\nexhaustive, pairwise (Python set intersection of every pair, {compared:,} pairs): "
              f"{t_pw:.1f} s (CPU {c_pw:.1f} s), {len(pw)} pairs accepted")
    else:
        t_pw, c_pw = t_pw * all_pairs / compared, c_pw * all_pairs / compared
        print(f"\nexhaustive, pairwise (Python set intersections), PROJECTED from {len(sample)} random rows "
              f"each against all others ({compared:,} of {all_pairs:,} pairs): {t_pw:.1f} s "
              f"(CPU {c_pw:.1f} s) for all pairs; {len(pw)} pairs accepted involving those rows")

    # ---- exhaustive baseline 2: sparse matrix product
    c0, t0 = time.process_time(), time.perf_counter()
    ei, ej, es, ek = exhaustive_pairs(batch, thr, ix.min_shared, floor=0.2)
    t_exh, c_exh = time.perf_counter() - t0, time.process_time() - c0
    accept = (es >= thr) & (ek >= ix.min_shared)
    exh = set(zip(ei[accept].tolist(), ej[accept].tolist()))
    print(f"exhaustive, sparse (scipy.sparse X·Xᵀ over all {all_pairs:,} pairs): {t_exh:.2f} s "
          f"(CPU {c_exh:.2f} s), {len(exh)} pairs accepted")
    if sample is None:
        print(f"  the two exhaustive methods agree: {pw == exh} ({len(pw ^ exh)} pairs differ)")

    # ---- LSH
    runs: list[dict[str, float]] = []
    lsh: list[tuple[int, int, float]] = []
    for _ in range(max(1, args.repeat)):
        stats: dict[str, float] = {}
        c0, t0 = time.process_time(), time.perf_counter()
        lsh = ix.pairs_in(batch, thr, stats)
        stats["total"], stats["cpu"] = time.perf_counter() - t0, time.process_time() - c0
        runs.append(stats)
    runs.sort(key=lambda r: r["total"])
    med, best = runs[len(runs) // 2], runs[0]
    found = {(i, j) for i, j, _ in lsh}
    print(f"LSH detector, median of {len(runs)} runs: {med['total']:.3f} s (CPU {med['cpu']:.3f} s; best run "
          f"{best['total']:.3f} s) = sign {med['t_sign']:.3f} ({med['eligible']} texts long enough) "
          f"+ buckets and links {med['t_buckets']:.3f} ({med['links']} links, {med['strong_links']} strong) "
          f"+ groups verified whole {med['t_groups']:.3f} ({med['grouped']} texts in {med['groups']} groups, "
          f"{med['group_pairs']} pairs) + other candidates {med['t_rest']:.3f} ({med['other_candidates']} listed "
          f"with repeats, {med['verified_one_by_one']} compared exactly); {len(found)} pairs accepted")
    common = t_norm + t_shingle
    for label, tw, tc in (("pairwise" + (" (projected)" if sample is not None else ""), t_pw, c_pw),
                          ("sparse X·Xᵀ", t_exh, c_exh)):  # fmt: skip
        print(f"SPEED-UP vs exhaustive {label}: pair finding from shingled texts {tw / med['total']:.1f}x wall, "
              f"{tc / med['cpu']:.1f}x CPU; end to end incl. normalisation and shingling "
              f"{(common + tw) / (common + med['total']):.1f}x wall")
    print(f"  sparse, with signatures already stored (the application signs each complaint when it is saved): "
          f"{t_exh / (med['total'] - med['t_sign']):.1f}x wall")
    if sample is None:
        rec_pw = len(found & pw) / len(pw) if pw else 1.0
        print(f"RECALL of LSH against exhaustive pairwise: {rec_pw:.4f} ({len(pw - found)} missed); "
              f"pairs found that it rejects: {len(found - pw)}")
    else:
        rows_set = set(sample.tolist())
        mine = {p for p in found if p[0] in rows_set or p[1] in rows_set}
        rec_pw = len(mine & pw) / len(pw) if pw else 1.0
        print(f"RECALL of LSH against exhaustive pairwise (pairs involving the {len(sample)} sampled rows): "
              f"{rec_pw:.4f} ({len(pw - mine)} missed); pairs found that it rejects: {len(mine - pw)}")
    recall = len(found & exh) / len(exh) if exh else 1.0
    print(f"RECALL of LSH against exhaustive sparse: {recall:.4f} ({len(exh - found)} missed); "
          f"pairs found that it rejects: {len(found - exh)}")

    # candidate stage alone and the S-curve
    elig = np.flatnonzero(batch.counts() >= ix.min_shared)
    pos = np.full(n, -1)
    pos[elig] = np.arange(elig.size)
    bands = ix.band_hashes(ix.signatures(batch.subset(elig)))
    ok = (pos[ei] >= 0) & (pos[ej] >= 0)
    share = np.zeros(ei.size, dtype=bool)
    share[ok] = (bands[pos[ei[ok]]] == bands[pos[ej[ok]]]).any(axis=1)
    cand_recall = share[accept].mean() if accept.any() else 1.0
    print(f"exhaustive pairs sharing a band (candidate stage alone): {cand_recall:.4f}")
    print("S-curve, share of pairs (both texts long enough) that share a band, by exact Jaccard:")
    print("   Jaccard      pairs   measured  predicted")
    for lo, hi in ((0.2, 0.3), (0.3, 0.4), (0.4, 0.45), (0.45, 0.5), (0.5, 0.55), (0.55, 0.6), (0.6, 0.7),
                   (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):  # fmt: skip
        m = ok & (es >= lo) & (es < hi)
        if m.any():
            pred = float(np.mean(candidate_probability(es[m], ix.bands, ix.rows)))
            print(f"  [{lo:.2f},{min(hi, 1):.2f})  {m.sum():8d}   {share[m].mean():.4f}     {pred:.4f}")

    # ---- against the planted truth
    truth = truth_pairs(families)
    print(f"\nagainst planted template families ({len(truth)} positive pairs):")
    print(f"  LSH detector: {pr(found, truth)}")
    print(f"  exhaustive sparse:   {pr(exh, truth)}")
    if sample is None:
        print(f"  exhaustive pairwise: {pr(pw, truth)}")
    loose = set(zip(ei[es >= thr].tolist(), ej[es >= thr].tolist()))
    print(f"  exhaustive without the min_shared rule: {pr(loose, truth)}")
    cl = clusters(lsh)
    pure = sum(1 for c in cl if len({families[i] for i in c}) == 1 and families[next(iter(c))])
    print(f"  clusters: {len(cl)} (of which {pure} contain one planted family only; "
          f"{len([f for f, c in fam_count.items() if c > 1])} families have 2+ members)")

    # ---- signing throughput and full detection at scale
    if args.sign:
        big = generate(args.sign, args.seed + 1, with_files=False).rows
        btexts = [r["text"] for r in big]
        bnames = [[r["customer_name"]] for r in big]
        t_start = t0 = time.perf_counter()
        c0 = time.process_time()
        bn = [ix.normalise(t, nm) for t, nm in zip(btexts, bnames)]
        t1 = time.perf_counter()
        bb = ix._prepare(bn)
        t2 = time.perf_counter()
        c2 = time.process_time()
        ix.signatures(bb)
        t3, c3 = time.perf_counter(), time.process_time()
        print(f"\nsigning {len(big)} texts: {t3 - t0:.1f} s in all (CPU {c3 - c0:.1f} s) = normalise {t1 - t0:.1f} "
              f"+ shingle {t2 - t1:.1f} + sign (one-permutation, 128 bins) {t3 - t2:.2f} (CPU {c3 - c2:.2f}); "
              f"{len(big) / (t3 - t0):,.0f} texts/s")
        mh = TemplateIndexer(sketch="minhash")
        t0, c0 = time.perf_counter(), time.process_time()
        mh.signatures(bb)
        print(f"  classic numpy MinHash, 128 permutations, same shingles: sign {time.perf_counter() - t0:.2f} s "
              f"(CPU {time.process_time() - c0:.2f} s)")
        try:
            from datasketch import MinHash
        except ImportError:
            print("  datasketch not installed")
        else:
            sample = min(2000, len(bb))
            sets = [[str(c).encode() for c in bb.sets(i)] for i in range(sample)]
            t0 = time.perf_counter()
            for s in sets:
                m = MinHash(num_perm=128)
                m.update_batch(s)
            per = (time.perf_counter() - t0) / sample
            print(f"  datasketch MinHash.update_batch, 128 permutations: {per * 1e3:.2f} ms a text, "
                  f"{per * len(big):.0f} s for {len(big)} texts (sign only)")
        stats = {}
        t0, c0 = time.perf_counter(), time.process_time()
        big_pairs = ix.pairs_in(bb, thr, stats)
        t_big, c_big = time.perf_counter() - t0, time.process_time() - c0
        print(f"full detection on {len(big)} texts (after normalising): {t_big:.1f} s (CPU {c_big:.1f} s), "
              f"{len(big_pairs)} pairs; normalise + shingle + detect: {t2 - t_start + t_big:.1f} s")
        # exhaustive at that size, projected from a few full-width row blocks
        nb = len(bb)
        doc = np.repeat(np.arange(nb), bb.counts())
        uniq, col = np.unique(bb.codes, return_inverse=True)
        xb = sp.csr_matrix((np.ones(col.size, dtype=np.float32), (doc, col)), shape=(nb, uniq.size))
        xb.sum_duplicates()
        xb.data[:] = 1.0
        xbt = xb.T.tocsr()
        block, probes = 500, 3
        t0, c0 = time.perf_counter(), time.process_time()
        for k in range(probes):
            i0 = k * nb // probes
            _ = xb[i0 : i0 + block] @ xbt
        per_block = (time.perf_counter() - t0) / probes
        per_block_cpu = (time.process_time() - c0) / probes
        projected, projected_cpu = per_block * nb / block / 2, per_block_cpu * nb / block / 2
        print(f"  exhaustive sparse X·Xᵀ at {nb}, projected from {probes} blocks of {block} rows: {projected:.0f} s "
              f"(CPU {projected_cpu:.0f} s); speed-up {projected / t_big:.0f}x wall, {projected_cpu / c_big:.0f}x CPU")

    # ---- explain
    a = "".join(texts[i] for i in range(0, 40))[:2000]
    b = list(a)
    rng = np.random.default_rng(1)
    for k in rng.choice(len(b), 60, replace=False):
        b[k] = "某"
    b = "".join(b[:700]) + "本人另外补充一段说明文字。" + "".join(b[700:1990])
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        segs = explain(a, b)
        runs.append(time.perf_counter() - t0)
    print(f"\nexplain() on {len(a)} and {len(b)} characters: median {statistics.median(runs) * 1e3:.1f} ms, "
          f"{len(segs)} segments")
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: labelled evaluation of link detection end to end, through a real store.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_links.py --complaints 1000 --seeds 3

For each seed it generates the demo corpus (agent groups with template families and realistic
edits, shared contact phones, e-mail, WeChat and office buildings, reused forged certificates
re-scaled, JPEG re-compressed and cropped up to 5% per side, recordings of the agents' voices;
genuine complaints as background, some copying public web templates), imports the rows into a
fresh SQLite store and attaches every file through the services (each attachment runs incremental
detection, as in the window), then runs ``detect --full`` and compares.

Ground truth comes from the generator, never from the detector:

* template: two complaints whose texts come from one template family;
* shared identifiers: two complaints of different customers sharing a normalised phone (any
  role), e-mail, WeChat, or an address in one building (computed from the raw rows with the
  domain normalisers), per link kind; identifiers above the hub cap are excluded from both sides;
* image: complaints of different customers holding copies of one planted forged image;
* voice: complaints of different customers holding recordings of one planted speaker;
* groups: the generator's agent-group label of each complaint (genuine complaints are singletons),
  compared with the detector's group proposals by the adjusted Rand index.

It also reports whether incremental detection (as the store was filled) and the full run agree.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import sys
import tempfile
import time
from pathlib import Path

from greyline.demo.generator import IMPORT_KEYS, generate
from greyline.detect.graph import adjusted_rand_index, proposal_labels
from greyline.domain.enums import EvidenceKind
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import normalise_address, parse_phone, redact_text
from greyline.services import detection, evidence
from greyline.services.context import sign_in
from greyline.services.importing import import_rows
from greyline.storage.db import open_store
from greyline.storage.location import resolve

KIND = {"recording": EvidenceKind.RECORDING, "document": EvidenceKind.DOCUMENT,
        "screenshot": EvidenceKind.SCREENSHOT}


def _pairs(groups: dict[str, set[str]], customer: dict[str, str], cap: int | None = None) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for members in groups.values():
        if len(members) < 2 or (cap is not None and len(members) > cap):
            continue
        for a, b in itertools.combinations(sorted(members), 2):
            if customer[a] != customer[b]:
                out.add((a, b))
    return out


def truth_pairs(corpus, cap: int) -> dict[str, set[tuple[str, str]]]:  # noqa: ANN001
    customer = {r["external_id"]: r["customer_id_number"] for r in corpus.rows}
    by: dict[str, dict[str, set[str]]] = collections.defaultdict(lambda: collections.defaultdict(set))
    for r in corpus.rows:
        ext = r["external_id"]
        for col in ("customer_phone", "contact_phone"):
            if r[col]:
                try:
                    by["phone"][parse_phone(r[col]).value].add(ext)
                except ValidationError:
                    pass
        # Phones written into the complaint text count too (stored as text mentions at intake).
        for ident in redact_text(r["text"])[1]:
            if ident.type.value in ("mobile", "landline"):
                by["phone"][ident.value].add(ext)
        if r["email"]:
            by["email"][r["email"].strip().lower()].add(ext)
        if r["wechat"]:
            by["wechat"][r["wechat"].strip()].add(ext)
        if r["address"]:
            a = normalise_address(r["address"])
            by["address"][a.attributes.get("building") or a.value].add(ext)
        fam = corpus.template_of.get(ext)
        if fam:
            by["template"][fam].add(ext)
    planted: dict[str, dict[str, set[str]]] = collections.defaultdict(lambda: collections.defaultdict(set))
    for ev in corpus.evidence:
        if ev.planted:
            kind, _, key = ev.planted.partition(":")
            planted[kind][key].add(ev.external_id)
    out = {k: _pairs(v, customer, None if k == "template" else cap) for k, v in by.items()}
    out["template"] = _pairs(by["template"], {e: e for e in customer})  # one customer twice still copies a template
    out["image"] = _pairs(planted["image"], customer)
    out["voice"] = _pairs(planted["voice"], customer)
    return out


def pr(found: set, truth: set) -> tuple[float, float, int, int, int]:  # type: ignore[type-arg]
    tp = len(found & truth)
    p = tp / len(found) if found else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, tp, len(found) - tp, len(truth) - tp


def run_seed(seed: int, n: int, work: Path) -> dict[str, tuple]:  # type: ignore[type-arg]
    corpus = generate(n, seed, with_files=True)
    store = open_store(resolve(str(work / f"s{seed}.sqlite")), create=True)
    ctx = sign_in(store, "bench")
    t0 = time.perf_counter()
    rows = [[r[k] for k in IMPORT_KEYS] for r in corpus.rows]
    import_rows(ctx, list(IMPORT_KEYS), iter(rows), f"bench seed {seed}")
    t_import = time.perf_counter() - t0
    with ctx.reader() as uow:
        ids = uow.repo.existing_external_ids((r["channel"], r["external_id"]) for r in corpus.rows)
    by_ext = {ext: cid for (_, ext), cid in ids.items()}
    ext_of = {cid: ext for ext, cid in by_ext.items()}
    t0 = time.perf_counter()
    for ev in corpus.evidence:
        evidence.attach_bytes(ctx, ev.data, ev.filename, KIND[ev.kind], complaint_id=by_ext[ev.external_id])
    t_attach = time.perf_counter() - t0

    def stored_pairs() -> dict[str, set[tuple[str, str]]]:
        with ctx.reader() as uow:
            links = uow.detect.all_pair_links()
        out: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
        for link in links:
            if link.status != "rejected":
                a, b = sorted((ext_of[link.a], ext_of[link.b]))
                out[link.kind].add((a, b))
        return out

    incremental = stored_pairs()
    stats: dict[str, float] = {}
    t0 = time.perf_counter()
    summary = detection.detect_all(ctx, stats=stats)
    t_full = time.perf_counter() - t0
    full = stored_pairs()
    settings = detection.detection_settings(ctx)
    truth = truth_pairs(corpus, settings.identifier_cap)
    results: dict[str, tuple] = {}  # type: ignore[type-arg]
    for kind in ("template", "phone", "email", "wechat", "address", "image", "voice"):
        results[kind] = pr(full.get(kind, set()), truth.get(kind, set()))
    agree = {k: len(incremental.get(k, set()) ^ full.get(k, set())) for k in set(incremental) | set(full)}
    proposals = detection.group_proposals(ctx)
    labels = proposal_labels([_Proposal(p) for p in proposals], list(by_ext.values()))
    ids_sorted = sorted(by_ext.values())
    true_labels = [corpus.truth[ext_of[c]] or f"genuine:{c}" for c in ids_sorted]
    pred_labels = [labels[c] for c in ids_sorted]
    results["groups_ari"] = (adjusted_rand_index(true_labels, pred_labels), len(proposals), len(corpus.groups))
    results["times"] = (t_import, t_attach, t_full, len(corpus.evidence), summary.unusable)
    results["incremental_vs_full"] = tuple(sorted(agree.items()))
    results["stats"] = tuple((k, round(v, 2)) for k, v in stats.items())
    store.dispose()
    return results


class _Proposal:
    """Adapter: proposal_labels wants objects with ``key`` and ``members`` (complaint ids)."""

    def __init__(self, view: detection.ProposalView) -> None:
        self.key = view.key
        self.members = tuple(m.complaint_id for m in view.members)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=1000)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=101)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="greyline-links-"))
    work.mkdir(parents=True, exist_ok=True)
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    aris = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        res = run_seed(seed, args.complaints, work)
        t_import, t_attach, t_full, n_ev, unusable = res["times"]
        print(f"\n== seed {seed}: {args.complaints} complaints, {n_ev} evidence files "
              f"(import+detect {t_import:.1f} s, attach+detect {t_attach:.1f} s, full run {t_full:.1f} s)")
        print(f"{'kind':<10} {'precision':>9} {'recall':>7} {'tp':>6} {'fp':>5} {'fn':>5}")
        for kind in ("template", "phone", "email", "wechat", "address", "image", "voice"):
            p, r, tp, fp, fn = res[kind]
            totals[kind][0] += tp
            totals[kind][1] += fp
            totals[kind][2] += fn
            print(f"{kind:<10} {p:9.4f} {r:7.4f} {tp:6d} {fp:5d} {fn:5d}")
        ari, n_prop, n_groups = res["groups_ari"]
        aris.append(ari)
        print(f"agent groups: ARI {ari:.4f} ({n_prop} proposals for {n_groups} planted groups)")
        print(f"incremental vs full, pairs differing per kind: {dict(res['incremental_vs_full'])}")
        print(f"full-run stages (s): {dict(res['stats'])}")
        if unusable:
            print(f"unusable evidence: {len(unusable)} e.g. {unusable[0]}")
    print(f"\n== all seeds ({args.seeds} x {args.complaints})")
    for kind, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{kind:<10} precision {p:.4f} recall {r:.4f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"ARI per seed: {', '.join(f'{a:.4f}' for a in aris)}; mean {sum(aris) / len(aris):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

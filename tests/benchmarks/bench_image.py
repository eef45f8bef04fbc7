"""Benchmark: reused-image detection (greyline.detect.image) on generated data.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_image.py [--complaints 300] [--seeds 1,2,3,7,11]

Three parts:

1. Demo corpora (one per seed): the generator's forged certificates re-used for several customers
   (planted ``image:<template-id>``, re-scaled 0.7-1.3x, JPEG 55-90, cropped up to 5% per side),
   genuine certificates of the same layouts and genuine phone screenshots. Pair-level precision and
   recall of the pipeline (index keys -> candidates -> ``similarity``) and of exhaustive comparison,
   the candidate reduction of the keys against all pairs, and the score margins per kind of pair.
2. Per transform: every distinct image of the corpora (one per forged template, the genuine
   certificates and screenshots, a few synthetic photos without margins) is transformed; the
   transformed copy must match its original and nothing else. Precision and recall per transform
   (through the keys, as in the database path) and how often the keys missed.
3. Speed: fingerprint time per image (demo PNGs, 1000 x 1000 PNG and JPEG, a 4000 x 3000 phone
   photo), comparison time per pair, stored size.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import itertools
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance

from greyline.demo.generator import generate
from greyline.detect.image import (
    MATCH_THRESHOLD,
    ImageFingerprint,
    candidate_pairs,
    hash_keys,
    image_fingerprint,
    similarity,
    to_bytes,
)


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def jpeg(im: Image.Image, q: int) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=q)
    return buf.getvalue()


def crop(im: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = im.size
    return im.crop((round(w * left), round(h * top), w - round(w * right), h - round(h * bottom)))


def scale(im: Image.Image, f: float) -> Image.Image:
    return im.resize((max(1, round(im.width * f)), max(1, round(im.height * f))), Image.Resampling.BICUBIC)


TRANSFORMS: dict[str, Callable[[Image.Image], bytes]] = {
    "rescale 0.5x": lambda im: png(scale(im, 0.5)),
    "rescale 0.75x": lambda im: png(scale(im, 0.75)),
    "rescale 1.5x": lambda im: png(scale(im, 1.5)),
    "rescale 2x": lambda im: png(scale(im, 2.0)),
    "JPEG q40": lambda im: jpeg(im, 40),
    "JPEG q70": lambda im: jpeg(im, 70),
    "JPEG q95": lambda im: jpeg(im, 95),
    "crop 5% left": lambda im: png(crop(im, 0.05, 0, 0, 0)),
    "crop 5% top": lambda im: png(crop(im, 0, 0.05, 0, 0)),
    "crop 5% right": lambda im: png(crop(im, 0, 0, 0.05, 0)),
    "crop 5% bottom": lambda im: png(crop(im, 0, 0, 0, 0.05)),
    "crop 5% every side": lambda im: png(crop(im, 0.05, 0.05, 0.05, 0.05)),
    "crop asym 5/1/2/4%": lambda im: png(crop(im, 0.05, 0.01, 0.02, 0.04)),
    "brightness +10%": lambda im: png(ImageEnhance.Brightness(im).enhance(1.1)),
    "brightness -10%": lambda im: png(ImageEnhance.Brightness(im).enhance(0.9)),
    "contrast +10%": lambda im: png(ImageEnhance.Contrast(im).enhance(1.1)),
    "contrast -10%": lambda im: png(ImageEnhance.Contrast(im).enhance(0.9)),
    "crop+dark+0.6x+q50": lambda im: jpeg(
        scale(ImageEnhance.Brightness(crop(im, 0.03, 0.05, 0.01, 0.04)).enhance(0.9), 0.6), 50
    ),
    "crop+1.7x+q40": lambda im: jpeg(scale(crop(im, 0, 0, 0.05, 0.03), 1.7), 40),
}


def synthetic_photo(seed: int, w: int = 800, h: int = 600) -> Image.Image:
    """Smooth colour noise with random ellipses, edge to edge: no margin for the auto-crop."""
    r = np.random.default_rng(seed)
    a = np.zeros((h, w, 3), dtype=np.float32)
    for c in range(3):
        n = r.standard_normal((h // 20 + 2, w // 20 + 2)).astype(np.float32)
        a[..., c] = np.asarray(Image.fromarray(n, "F").resize((w, h), Image.Resampling.BICUBIC))
    a = (a - a.min()) / (a.max() - a.min()) * 200 + 20
    im = Image.fromarray(a.astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im)
    rr = random.Random(seed)
    for _ in range(25):
        x, y = rr.randint(0, w - 40), rr.randint(0, h - 40)
        colour = tuple(rr.randint(0, 255) for _ in range(3))
        d.ellipse((x, y, x + rr.randint(10, 120), y + rr.randint(10, 120)), fill=colour)
    return im


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(xs, q)) if xs else float("nan")


def corpus_part(seeds: list[int], n: int) -> list[tuple[str, bytes]]:
    print(f"== 1. demo corpora: {n} complaints, seeds {seeds}, threshold {MATCH_THRESHOLD}")
    totals = defaultdict(int)
    scores: dict[str, list[float]] = defaultdict(list)
    fp_times: list[float] = []
    originals: list[tuple[str, bytes]] = []
    for seed in seeds:
        items = [e for e in generate(n, seed, with_files=True).evidence if e.kind in ("document", "screenshot")]
        fps: dict[int, ImageFingerprint] = {}
        for i, e in enumerate(items):
            t0 = time.perf_counter()
            fps[i] = image_fingerprint(e.data)
            fp_times.append(time.perf_counter() - t0)
        seen: set[str] = set()
        for e in items:  # distinct images for part 2
            if e.planted is None or e.planted not in seen:
                originals.append((e.kind if e.planted is None else "forged", e.data))
                seen.add(e.planted or "")
        cands = candidate_pairs(fps)
        tp = fp = fn = tp_all = fp_all = 0
        for i, j in itertools.combinations(range(len(items)), 2):
            a, b = items[i], items[j]
            truth = a.planted is not None and a.planted == b.planted
            s = similarity(fps[i], fps[j])
            kind = (
                "same forgery"
                if truth
                else "certificate vs certificate"
                if a.kind == b.kind == "document"
                else "screenshot vs screenshot"
                if a.kind == b.kind == "screenshot"
                else "certificate vs screenshot"
            )
            scores[kind].append(s)
            hit = s >= MATCH_THRESHOLD
            tp_all += hit and truth
            fp_all += hit and not truth
            found = hit and (i, j) in cands
            tp += found and truth
            fp += found and not truth
            fn += truth and not found
        n_pairs = len(items) * (len(items) - 1) // 2
        totals["pairs"] += n_pairs
        totals["cands"] += len(cands)
        totals["tp"] += tp
        totals["fp"] += fp
        totals["fn"] += fn
        totals["tp_all"] += tp_all
        totals["fp_all"] += fp_all
        print(
            f"seed {seed:>3}: {len(items):3d} images, {tp + fn:4d} true pairs; pipeline P {tp / max(1, tp + fp):.3f} "
            f"R {tp / max(1, tp + fn):.3f}; candidates {len(cands)}/{n_pairs} ({len(cands) / max(1, n_pairs):.0%})"
        )
    t = totals
    n_true = max(1, t["tp"] + t["fn"])
    print(
        f"all seeds: pipeline precision {t['tp'] / max(1, t['tp'] + t['fp']):.3f} recall {t['tp'] / n_true:.3f}; "
        f"exhaustive precision {t['tp_all'] / max(1, t['tp_all'] + t['fp_all']):.3f} recall {t['tp_all'] / n_true:.3f}"
    )
    print(
        f"candidate reduction: {t['cands']} of {t['pairs']} pairs compared ({t['cands'] / t['pairs']:.0%}, "
        f"{t['pairs'] / max(1, t['cands']):.1f}x fewer than all pairs)"
    )
    print("score margins (similarity):")
    for kind, xs in scores.items():
        if kind == "same forgery":
            print(f"  {kind:<28} n={len(xs):5d}  min {min(xs):.3f}  1% {pct(xs, 1):.3f}  median {pct(xs, 50):.3f}")
        else:
            print(f"  {kind:<28} n={len(xs):5d}  max {max(xs):.3f}  99% {pct(xs, 99):.3f}  median {pct(xs, 50):.3f}")
    print(f"fingerprint time per demo image (800 x 1000 PNG): median {statistics.median(fp_times) * 1000:.1f} ms")
    return originals


def transform_part(originals: list[tuple[str, bytes]], photos: int) -> None:
    print(f"\n== 2. per transform: {len(originals)} distinct demo images + {photos} synthetic photos")
    base: list[tuple[str, Image.Image]] = [(k, Image.open(io.BytesIO(d)).convert("RGB")) for k, d in originals]
    base += [("photo", synthetic_photo(100 + k)) for k in range(photos)]
    fps0 = [image_fingerprint(png(im)) for _, im in base]
    keys0 = [set(hash_keys(f)) for f in fps0]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys0):
        for k in ks:
            index[k].append(i)
    print(f"{'transform':<22}{'precision':>10}{'recall':>8}{'key miss':>10}{'min pos':>9}{'max neg':>9}{'cands':>7}")
    for name, fn in TRANSFORMS.items():
        tp = fp = fn_ = key_miss = cands = 0
        pos_scores: list[float] = []
        neg_scores: list[float] = []
        for i, (_, im) in enumerate(base):
            fp_t = image_fingerprint(fn(im))
            candidates = {j for k in hash_keys(fp_t) for j in index.get(k, ())}
            cands += len(candidates)
            if i not in candidates:
                key_miss += 1
            pos_scores.append(similarity(fps0[i], fp_t))
            for j in candidates:
                s = pos_scores[-1] if j == i else similarity(fps0[j], fp_t)
                if j != i:
                    neg_scores.append(s)
                if s >= MATCH_THRESHOLD:
                    tp += j == i
                    fp += j != i
            fn_ += not (i in candidates and pos_scores[-1] >= MATCH_THRESHOLD)
        print(
            f"{name:<22}{tp / max(1, tp + fp):>10.3f}{tp / max(1, tp + fn_):>8.3f}{key_miss:>10d}"
            f"{min(pos_scores):>9.3f}{max(neg_scores, default=0.0):>9.3f}{cands / len(base):>7.1f}"
        )
    print("(cands: candidates per query image through the keys, out of", len(base), "stored)")


def speed_part() -> None:
    print("\n== 3. speed (2-core machine, one thread)")
    rng = random.Random(1)
    from greyline.demo import media

    spec = media.CertSpec(
        "困难证明", "某某社区居民委员会", "证明专用章", "x",
        ("兹证明该同志系我辖区居民，因本人失业，家庭无稳定收入来源，生活十分困难。", "特此证明。"), "2026年1月1日",
    )
    cert = media.render_certificate(spec, rng)[0].resize((1000, 1000))
    photo = synthetic_photo(5, 4000, 3000)
    cases = {
        "certificate 1000x1000 PNG": png(cert),
        "certificate 1000x1000 JPEG q85": jpeg(cert, 85),
        "photo 1000x1000 PNG": png(photo.resize((1000, 1000))),
        "photo 1000x1000 JPEG q85": jpeg(photo.resize((1000, 1000)), 85),
        "photo 4000x3000 JPEG q85": jpeg(photo, 85),
    }
    for name, data in cases.items():
        image_fingerprint(data)
        ts = []
        for _ in range(10):
            t0 = time.perf_counter()
            fp = image_fingerprint(data)
            ts.append(time.perf_counter() - t0)
        print(
            f"fingerprint {name:<32} median {statistics.median(ts) * 1000:6.1f} ms  max {max(ts) * 1000:6.1f} ms  "
            f"stored {len(to_bytes(fp)) / 1024:5.1f} KB, {len(hash_keys(fp))} keys"
        )
    a = image_fingerprint(jpeg(cert, 85))
    b = image_fingerprint(png(crop(cert, 0.02, 0.03, 0.0, 0.05)))
    similarity(a, b)
    ts = []
    for _ in range(50):
        # Fresh objects each time: the decoded maps are cached per fingerprint object.
        a2, b2 = dataclasses.replace(a), b
        t0 = time.perf_counter()
        similarity(a2, b2)
        ts.append(time.perf_counter() - t0)
    print(f"similarity per pair (one side decoded fresh): median {statistics.median(ts) * 1000:.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=300)
    ap.add_argument("--seeds", default="1,2,3,7,11")
    ap.add_argument("--photos", type=int, default=6)
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s]
    originals = corpus_part(seeds, args.complaints)
    transform_part(originals, args.photos)
    speed_part()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: voiceprint equal error rate (EER) per engine on real speech (by hand).

    python tests/benchmarks/bench_voice.py [--fsdd DIR] [--engines builtin,builtin-cal,resemblyzer]
                                           [--no-channel] [--write-calibration FILE]

Data: the Free Spoken Digit Dataset in ../shared/data/fsdd (6 male speakers, 500 clips each of
single English digits, 8 kHz). A clip is far too short for a voiceprint, so a "call" joins 8-12
random clips of one speaker with 0.15-0.35 s pauses (about 4-6 s of speech, like a short phone
utterance), and the digits differ from call to call (text-independent).

Protocol
* Clips are split by take: takes 0-24 build the calibration calls, takes 25-49 the test calls, so
  no clip is ever both calibrated on and tested.
* held-out (the figure that counts): leave two speakers out. For each of the 15 pairs of speakers,
  calibrate on the other 4 speakers' calibration calls (the WCCN map of builtin-cal and every
  engine's threshold), then score all pairs of the 2 held-out speakers' test calls: same-speaker
  pairs against cross-speaker pairs. The EER is taken over the pooled scores of all 15 splits;
  "at cal. threshold" gives the false-accept / false-reject rates on the held-out pairs at the
  threshold chosen on the calibration speakers alone (what a deployment would see).
* overlapping: calibrate on all 6 speakers' calibration calls, test on all 6 speakers' test calls
  (same speakers, other clips): shows how much knowing the speakers flatters a figure.
* channel: the held-out protocol again with every call passed through a random telephone-like
  channel (band-pass with random edges, spectral tilt, gain, 20-35 dB SNR noise). In FSDD each
  speaker used one microphone, so a clean-data EER can partly measure the microphone; this line
  checks that the voice, not the device, is being matched.

Limits: six speakers, all male, one language and one session (microphone) each; each split tests
only two speakers, so per-split EERs move in large steps and the spread between splits is wide.
The figures rank engines and settings; they are not a promise for Chinese telephone calls.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import signal

REPO = Path(__file__).resolve().parents[2]
try:
    from greyline.detect import voice
except ImportError:  # run from a venv without the project installed (e.g. the resemblyzer one)
    sys.path.insert(0, str(REPO / "app"))
    from greyline.detect import voice

DEFAULT_FSDD = REPO.parent / "shared" / "data" / "fsdd"
RATE = voice.TARGET_RATE


@dataclass(frozen=True)
class Call:
    speaker: str
    samples: np.ndarray


def load_fsdd(root: Path) -> dict[str, list[tuple[int, np.ndarray]]]:
    """speaker -> [(take, samples)] from the manifest."""
    clips: dict[str, list[tuple[int, np.ndarray]]] = {}
    with open(root / "manifest.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            x, _ = voice.load_audio(root / row["path"])
            clips.setdefault(row["speaker"], []).append((int(row["take"]), x))
    return clips


def make_calls(clips: dict[str, list[tuple[int, np.ndarray]]], takes: range, seed: int,
               per_call: tuple[int, int] = (8, 12), pause_s: tuple[float, float] = (0.15, 0.35)) -> list[Call]:
    """Disjoint calls per speaker, each of `per_call` random clips whose take lies in `takes`."""
    rng = np.random.default_rng(seed)
    calls = []
    for spk in sorted(clips):
        pool = [x for take, x in clips[spk] if take in takes]
        order = rng.permutation(len(pool))
        i = 0
        while True:
            n = int(rng.integers(per_call[0], per_call[1] + 1))
            if i + n > len(order):
                break
            parts = []
            for j in order[i:i + n]:
                parts += [pool[j], np.zeros(int(rng.uniform(*pause_s) * RATE), np.float32)]
            calls.append(Call(spk, np.concatenate(parts)))
            i += n
    return calls


def telephone_channel(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    lo, hi = rng.uniform(200, 400), rng.uniform(3000, 3700)
    b, a = signal.butter(2, [lo / (RATE / 2), hi / (RATE / 2)], btype="band")
    y = signal.lfilter(b, a, x.astype(np.float64))
    y = np.append(y[0], y[1:] + rng.uniform(-0.5, 0.5) * y[:-1])
    y *= 10 ** (rng.uniform(-12, 6) / 20)
    power = np.mean(y[np.abs(y) > 0.01 * np.abs(y).max()] ** 2)
    y += rng.normal(0, np.sqrt(power / 10 ** (rng.uniform(20, 35) / 10)), y.size)
    return np.clip(y, -1, 1).astype(np.float32)


class EngineUnderTest:
    """Embeds calls with one engine; builtin-cal refits its calibration per split."""

    def __init__(self, key: str) -> None:
        self.key = key
        t0 = time.perf_counter()
        self.engine = voice.ResemblyzerEngine() if key == "resemblyzer" else voice.BuiltinEngine()
        self.load_s = time.perf_counter() - t0
        self.embed_s = 0.0
        self.audio_s = 0.0

    def vectors(self, calls: list[Call]) -> np.ndarray:
        """Uncalibrated embeddings (the calibration, if any, is applied per split)."""
        t0 = time.perf_counter()
        if isinstance(self.engine, voice.BuiltinEngine):
            out = np.array([self.engine.statistics(c.samples, RATE) for c in calls])
        else:
            out = np.array([self.engine.embed(c.samples, RATE) for c in calls])
        self.embed_s += time.perf_counter() - t0
        self.audio_s += sum(c.samples.size for c in calls) / RATE
        return out

    def calibrate(self, cal_vecs: np.ndarray, cal_labels: np.ndarray):
        """-> (map applied to test vectors, threshold chosen on the calibration calls only)."""
        if self.key == "builtin-cal":
            cal = voice.VoiceCalibration.fit(cal_vecs, cal_labels, feature_version=voice.BuiltinEngine.feature_version)
            if cal.threshold is None:  # fewer than 3 calibration speakers: in-sample threshold
                cal = voice.VoiceCalibration(cal.mean, cal.transform, cal.feature_version, cal.speakers,
                                             cal.recordings, voice.equal_error_rate(*voice.pair_scores(
                                                 cal.apply(cal_vecs), cal_labels))[1])
            return cal.apply, cal.threshold
        # No learned map: only the threshold is calibrated, at the EER point of the calibration pairs.
        return (lambda v: v), voice.equal_error_rate(*voice.pair_scores(cal_vecs, cal_labels))[1]


LINK_FAR = 0.001  # false-accept rate of the linking threshold reported per engine


def rates_at(same: np.ndarray, diff: np.ndarray, threshold: float) -> tuple[float, float]:
    """(false-accept rate, false-reject rate) at a threshold."""
    return float(np.mean(diff >= threshold)), float(np.mean(same < threshold))


def evaluate(eng: EngineUnderTest, cal_calls: list[Call], test_calls: list[Call]) -> dict[str, object]:
    cv, tv = eng.vectors(cal_calls), eng.vectors(test_calls)
    cl = np.array([c.speaker for c in cal_calls])
    tl = np.array([c.speaker for c in test_calls])
    speakers = sorted(set(cl.tolist()))
    same_all, diff_all, split_eers, fa, fr = [], [], [], [], []
    for held in itertools.combinations(speakers, 2):
        cm, tm = ~np.isin(cl, held), np.isin(tl, held)
        fmap, threshold = eng.calibrate(cv[cm], cl[cm])
        s, d = voice.pair_scores(fmap(tv[tm]), tl[tm])
        same_all.append(s)
        diff_all.append(d)
        split_eers.append(voice.equal_error_rate(s, d)[0])
        a, r = rates_at(s, d, threshold)
        fa.append(a)
        fr.append(r)
    pooled_same, pooled_diff = np.concatenate(same_all), np.concatenate(diff_all)
    held_eer, held_thr = voice.equal_error_rate(pooled_same, pooled_diff)
    # The linking operating point: many recordings make many different-speaker pairs, so links
    # need a low false-accept rate, not the equal-error point (see voice.BuiltinEngine).
    link_thr = float(np.quantile(pooled_diff, 1.0 - LINK_FAR))
    fmap, threshold_all = eng.calibrate(cv, cl)
    over_eer, over_thr = voice.equal_error_rate(*voice.pair_scores(fmap(tv), tl))
    return {"held_eer": held_eer, "held_thr": held_thr, "split_min": min(split_eers), "split_max": max(split_eers),
            "split_mean": float(np.mean(split_eers)), "far": float(np.mean(fa)), "frr": float(np.mean(fr)),
            "link_thr": link_thr, "link_frr": float(np.mean(pooled_same < link_thr)),
            "over_eer": over_eer, "over_thr": over_thr, "thr_all6": threshold_all,
            "pairs": (int(sum(x.size for x in same_all)), int(sum(x.size for x in diff_all)))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fsdd", type=Path, default=DEFAULT_FSDD)
    ap.add_argument("--engines", default="builtin,builtin-cal,resemblyzer")
    ap.add_argument("--no-channel", action="store_true", help="skip the telephone-channel condition")
    ap.add_argument("--write-calibration", type=Path,
                    help="fit a builtin-mfcc calibration on all FSDD calls (clean and channel) and save it here")
    args = ap.parse_args()
    if not (args.fsdd / "manifest.csv").is_file():
        print(f"FSDD not found at {args.fsdd}")
        return 1
    keys = [k.strip() for k in args.engines.split(",") if k.strip()]
    import_s = 0.0
    if "resemblyzer" in keys:
        t0 = time.perf_counter()
        if not voice.resemblyzer_available():
            print("resemblyzer: not installed here, skipped")
            keys.remove("resemblyzer")
        import_s = time.perf_counter() - t0  # torch + librosa import, paid once per process

    t0 = time.perf_counter()
    clips = load_fsdd(args.fsdd)
    cal_calls = make_calls(clips, range(0, 25), seed=1)
    test_calls = make_calls(clips, range(25, 50), seed=2)
    dur = [c.samples.size / RATE for c in cal_calls + test_calls]
    print(f"FSDD: {len(clips)} speakers, {sum(len(v) for v in clips.values())} clips loaded in "
          f"{time.perf_counter() - t0:.1f} s; {len(cal_calls)} calibration calls (takes 0-24) and "
          f"{len(test_calls)} test calls (takes 25-49), 8-12 clips each, {min(dur):.1f}-{max(dur):.1f} s "
          f"(mean {np.mean(dur):.1f} s) with pauses")
    print("Protocol: leave-two-speakers-out, 15 splits; calibration (map + threshold) on 4 speakers, "
          "test pairs of the 2 held out; EER over pooled scores.\n")

    conditions = [("clean", cal_calls, test_calls)]
    if not args.no_channel:
        rng = np.random.default_rng(7)
        conditions.append(("channel", [Call(c.speaker, telephone_channel(c.samples, rng)) for c in cal_calls],
                           [Call(c.speaker, telephone_channel(c.samples, rng)) for c in test_calls]))

    header = (f"{'engine':<12} {'cond.':<8} {'held-out EER':>12} {'(splits min-mean-max)':>22} {'thr@EER':>8} "
              f"{'FAR/FRR @cal.thr':>17} {'overlap EER':>11} {'thr(6 spk)':>10} {'thr@FAR0.1% (FRR)':>18}")
    print(header)
    print("-" * len(header))
    timings = []
    for key in keys:
        eng = EngineUnderTest(key)
        for cond, cc, tc in conditions:
            r = evaluate(eng, cc, tc)
            print(f"{key:<12} {cond:<8} {r['held_eer']:>12.1%} "
                  f"{r['split_min']:>8.1%}-{r['split_mean']:.1%}-{r['split_max']:.1%} "
                  f"{r['held_thr']:>8.3f} {r['far']:>8.1%}/{r['frr']:<8.1%} {r['over_eer']:>11.1%} "
                  f"{r['thr_all6']:>10.3f} {r['link_thr']:>9.3f} ({r['link_frr']:.1%})", flush=True)
        timings.append((key, eng.load_s, eng.embed_s / (eng.audio_s / 60.0), eng.audio_s))
    s, d = (len(test_calls) // 6) * (len(test_calls) // 6 - 1), (len(test_calls) // 6) ** 2
    print(f"\nper split about {s} same-speaker and {d} cross-speaker test pairs\n")
    for key, load_s, per_min, audio_s in timings:
        if key == "resemblyzer":
            load_s += import_s
        print(f"{key:<12} load {load_s:6.2f} s   embedding {per_min:6.2f} s per minute of audio "
              f"({audio_s / 60:.0f} min embedded on this machine)")

    if args.write_calibration:
        # Fit on every call, clean and through random telephone channels, so the map also learns
        # to ignore the line (held-out EER of such a map: 5.0% clean, 9.4% channel).
        eng = voice.BuiltinEngine()
        rng = np.random.default_rng(11)
        calls = cal_calls + test_calls
        calls = calls + [Call(c.speaker, telephone_channel(c.samples, rng)) for c in calls]
        cal = voice.VoiceCalibration.fit(np.array([eng.statistics(c.samples, RATE) for c in calls]),
                                         [c.speaker for c in calls], feature_version=eng.feature_version)
        cal.save(args.write_calibration)
        print(f"\ncalibration {cal.fingerprint} ({cal.speakers} speakers, {cal.recordings} calls, "
              f"threshold {cal.threshold:.3f}) written to {args.write_calibration}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

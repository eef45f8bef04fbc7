"""greyline.detect.voice: WAV loading, resampling, silence trimming, embeddings, calibration,
thresholds; and, when ../shared/data/fsdd is present, speaker discrimination on real speech."""

from __future__ import annotations

import csv
import io
import itertools
import struct
import wave
from pathlib import Path

import numpy as np
import pytest
from scipy import signal

from greyline.detect import voice

FSDD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fsdd"


# --------------------------------------------------------------------------- synthetic audio


def tone(freq: float, seconds: float, rate: int, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def synth_voice(rate: int = 8000, *, f0: float = 120.0, formants=(700, 1200, 2500), seconds: float = 3.0,
                seed: int = 0) -> np.ndarray:
    """Vowel-like babble: a glottal pulse train with jittered pitch through formant resonators,
    in syllables separated by pauses. Different f0/formants stand for different voices."""
    rng = np.random.default_rng(seed)
    out = []
    total = 0.0
    while total < seconds:
        dur = rng.uniform(0.15, 0.3)
        n = int(dur * rate)
        pitch = f0 * (1 + 0.05 * rng.standard_normal()) * np.linspace(1.05, 0.95, n)
        phase = np.cumsum(pitch / rate)
        pulses = np.diff(np.floor(phase), prepend=0.0)
        y = pulses + 0.01 * rng.standard_normal(n)
        for i, fc in enumerate(formants):
            fc = fc * (1 + 0.08 * rng.standard_normal())
            r = np.exp(-np.pi * (80 + 40 * i) / rate)
            y = signal.lfilter([1.0], [1.0, -2 * r * np.cos(2 * np.pi * fc / rate), r * r], y)
        y *= np.hanning(n)
        out += [y / (np.abs(y).max() + 1e-9) * 0.5, np.zeros(int(rng.uniform(0.05, 0.2) * rate))]
        total += dur
    return np.concatenate(out).astype(np.float32)


def wav_bytes(samples: np.ndarray, rate: int, width: int = 2, channels: int = 1) -> bytes:
    """PCM WAV; `samples` is (n,) or (n, channels) floats in [-1, 1]."""
    x = np.clip(np.asarray(samples, dtype=np.float64), -1, 1 - 1e-9).reshape(-1, channels)
    if width == 1:
        raw = np.round(x * 127 + 128).astype(np.uint8).tobytes()
    elif width == 2:
        raw = np.round(x * 32767).astype("<i2").tobytes()
    elif width == 3:
        v = np.round(x * (2 ** 23 - 1)).astype("<i4").reshape(-1)
        raw = b"".join(int(s).to_bytes(4, "little", signed=True)[:3] for s in v)
    else:
        raw = np.round(x * (2 ** 31 - 1)).astype("<i4").tobytes()
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(raw)
    return buf.getvalue()


def riff(fmt_tag: int, channels: int, rate: int, bits: int, data: bytes, extensible: bool = False) -> bytes:
    block = channels * bits // 8
    if extensible:
        fmt = struct.pack("<HHIIHHHHI", 0xFFFE, channels, rate, rate * block, block, bits, 22, bits, 0)
        fmt += struct.pack("<H", fmt_tag) + b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
    else:
        fmt = struct.pack("<HHIIHH", fmt_tag, channels, rate, rate * block, block, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def dominant_freq(x: np.ndarray, rate: int) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.fft.rfftfreq(x.size, 1 / rate)[np.argmax(spec)])


# --------------------------------------------------------------------------- loading


def test_load_16bit_mono_8k_round_trips() -> None:
    x = tone(440, 0.5, 8000)
    y, rate = voice.load_audio(wav_bytes(x, 8000))
    assert rate == 8000 and y.dtype == np.float32 and y.shape == x.shape
    assert np.max(np.abs(y - x)) < 2 / 32768


def test_load_8bit_unsigned() -> None:
    x = tone(300, 0.25, 8000)
    y, _ = voice.load_audio(wav_bytes(x, 8000, width=1))
    assert np.max(np.abs(y - x)) < 2 / 128
    assert abs(float(y.mean())) < 0.01  # the 128 offset of 8-bit WAV is removed


@pytest.mark.parametrize("width", [3, 4])
def test_load_24_and_32_bit(width: int) -> None:
    x = tone(500, 0.2, 8000, amp=0.8)
    y, _ = voice.load_audio(wav_bytes(x, 8000, width=width))
    assert np.max(np.abs(y - x)) < 1e-5


def test_stereo_is_averaged_to_mono() -> None:
    left, right = tone(400, 0.3, 8000, 0.6), tone(1000, 0.3, 8000, 0.2)
    y, _ = voice.load_audio(wav_bytes(np.stack([left, right], axis=1), 8000, channels=2))
    assert np.allclose(y, (left + right) / 2, atol=2e-4)


def test_44k_is_resampled_to_telephone_band() -> None:
    rate = 44100
    x = tone(440, 1.0, rate) + tone(6000, 1.0, rate)  # 6 kHz lies above the 4 kHz Nyquist of 8 kHz
    y, out_rate = voice.load_audio(wav_bytes(x / 2, rate))
    assert out_rate == 8000 and abs(y.size - 8000) <= 1
    assert abs(dominant_freq(y, 8000) - 440) < 5
    # The anti-alias filter removes 6 kHz instead of folding it onto 2 kHz.
    spec = np.abs(np.fft.rfft(y))
    freqs = np.fft.rfftfreq(y.size, 1 / 8000)
    assert spec[np.abs(freqs - 2000) < 20].max() < 0.01 * spec.max()


def test_keep_native_rate_and_sources(tmp_path: Path) -> None:
    x = tone(1000, 0.1, 16000)
    blob = wav_bytes(x, 16000)
    path = tmp_path / "a.wav"
    path.write_bytes(blob)
    a, ra = voice.load_audio(path, target_rate=None)
    b, _ = voice.load_audio(str(path), target_rate=None)
    c, _ = voice.load_audio(io.BytesIO(blob), target_rate=None)
    assert ra == 16000 and np.array_equal(a, b) and np.array_equal(a, c)


def test_float_and_extensible_wav() -> None:
    x = tone(700, 0.2, 8000)
    y, _ = voice.load_audio(riff(3, 1, 8000, 32, x.astype("<f4").tobytes()))
    assert np.allclose(y, x)
    pcm = np.round(x * 32767).astype("<i2").tobytes()
    z, _ = voice.load_audio(riff(1, 1, 8000, 16, pcm, extensible=True))
    assert np.max(np.abs(z - x)) < 2 / 32768


@pytest.mark.parametrize("blob", [b"", b"not a wav file at all", b"RIFF\x00\x00\x00\x00WAVE",
                                  riff(6, 1, 8000, 8, b"\x55" * 800)])  # 6 = A-law
def test_unsupported_files_raise_value_error(blob: bytes) -> None:
    with pytest.raises(ValueError):
        voice.load_audio(blob)


def test_missing_file_raises_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        voice.load_audio(tmp_path / "missing.wav")


def test_resample_16k_to_8k_keeps_pitch() -> None:
    y = voice.resample(tone(1000, 0.5, 16000), 16000, 8000)
    assert y.dtype == np.float32 and y.size == 4000
    assert abs(dominant_freq(y, 8000) - 1000) < 5


# --------------------------------------------------------------------------- silence


def test_trim_silence_keeps_speech_and_drops_pauses() -> None:
    rate = 8000
    rng = np.random.default_rng(1)
    hiss = lambda s: (1e-4 * rng.standard_normal(int(s * rate))).astype(np.float32)  # noqa: E731
    x = np.concatenate([hiss(1.0), tone(300, 0.5, rate), hiss(0.7), tone(500, 0.5, rate), hiss(1.0)])
    y = voice.trim_silence(x, rate)
    assert 0.95 * rate <= y.size <= 1.25 * rate  # two 0.5 s tones, plus a short hangover each side
    assert np.sqrt(np.mean(y ** 2)) > 0.3


def test_trim_silence_of_silence_is_empty() -> None:
    assert voice.trim_silence(np.zeros(8000, np.float32), 8000).size == 0
    assert voice.trim_silence(np.zeros(10, np.float32), 8000).size == 0
    quiet = (1e-4 * np.random.default_rng(0).standard_normal(8000)).astype(np.float32)
    assert voice.trim_silence(quiet, 8000).size == 0  # far below any speech level


def test_trim_silence_drops_a_noisy_line_between_words() -> None:
    rate = 8000
    rng = np.random.default_rng(2)
    noise = (0.005 * rng.standard_normal(3 * rate)).astype(np.float32)  # about -46 dBFS line noise
    x = noise.copy()
    x[rate:rate + rate // 2] += tone(400, 0.5, rate)
    y = voice.trim_silence(x, rate)
    assert 0.45 * rate <= y.size <= 0.7 * rate


# --------------------------------------------------------------------------- embeddings


def test_builtin_embedding_shape_norm_determinism() -> None:
    eng = voice.BuiltinEngine()
    x = synth_voice()
    e1, e2 = eng.embed(x, 8000), eng.embed(x.copy(), 8000)
    assert e1.dtype == np.float32 and e1.shape == (eng.dim,)
    assert abs(float(np.linalg.norm(e1)) - 1) < 1e-5
    assert np.array_equal(e1, e2)
    assert voice.cosine(e1, e2) == pytest.approx(1.0, abs=1e-6)
    assert eng.name == "builtin-mfcc" and eng.version


def test_same_recording_at_another_rate_or_stereo_stays_close() -> None:
    eng = voice.BuiltinEngine()
    x8 = synth_voice(8000, seed=3)
    x16 = voice.resample(x8, 8000, 16000)
    e8 = eng.embed(x8, 8000)
    via_wav, rate = voice.load_audio(wav_bytes(np.stack([x16, x16], axis=1) * 0.9, 16000, channels=2))
    assert voice.cosine(e8, eng.embed(x16, 16000)) > 0.98
    assert voice.cosine(e8, eng.embed(via_wav, rate)) > 0.98


def test_different_synthetic_voices_score_lower_than_same_voice() -> None:
    eng = voice.BuiltinEngine()
    a1 = eng.embed(synth_voice(f0=110, formants=(650, 1100, 2400), seed=1), 8000)
    a2 = eng.embed(synth_voice(f0=110, formants=(650, 1100, 2400), seed=2), 8000)
    b = eng.embed(synth_voice(f0=210, formants=(850, 1700, 3000), seed=3), 8000)
    assert voice.cosine(a1, a2) > voice.cosine(a1, b)


def test_too_little_speech_is_refused() -> None:
    eng = voice.BuiltinEngine()
    with pytest.raises(voice.NotEnoughSpeech):
        eng.embed(np.zeros(16000, np.float32), 8000)
    with pytest.raises(ValueError):
        eng.embed(tone(200, 0.2, 8000), 8000)


def test_mfcc_and_filterbank_shapes() -> None:
    fb = voice.mel_filterbank(8000, 512, 40, 300.0, 3400.0)
    freqs = np.fft.rfftfreq(512, 1 / 8000)
    assert fb.shape == (40, 257) and np.all(fb[:, (freqs < 300) | (freqs > 3400)] == 0)
    assert np.all(fb.sum(axis=1) > 0)  # no empty band
    c = voice.mfcc(tone(440, 1.0, 8000), 8000)
    assert c.shape == (1 + (8000 - 200) // 80, 30) and np.all(np.isfinite(c))
    assert voice.mfcc(np.zeros(50), 8000).shape == (0, 30)


def test_cosine() -> None:
    assert voice.cosine(np.array([1.0, 0.0]), np.array([2.0, 0.0])) == pytest.approx(1.0)
    assert voice.cosine(np.array([1.0, 0.0]), np.array([0.0, 3.0])) == pytest.approx(0.0)
    assert voice.cosine(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == pytest.approx(-1.0)
    assert voice.cosine(np.zeros(3), np.ones(3)) == 0.0
    with pytest.raises(ValueError):
        voice.cosine(np.ones(3), np.ones(4))


def test_equal_error_rate() -> None:
    assert voice.equal_error_rate([0.9, 0.8, 0.7], [0.1, 0.2, 0.3])[0] == 0.0
    eer, thr = voice.equal_error_rate([0.9, 0.8, 0.4, 0.7], [0.1, 0.5, 0.3, 0.2])
    assert eer == pytest.approx(0.25) and 0.4 < thr <= 0.7
    with pytest.raises(ValueError):
        voice.equal_error_rate([], [0.1])


def test_thresholds_defaults_and_overrides() -> None:
    t = voice.Thresholds()
    eng = voice.BuiltinEngine()
    assert t.for_engine(eng) == eng.default_threshold == t.for_engine("builtin-mfcc")
    assert 0 < t.for_engine("resemblyzer") < 1
    t2 = t.with_threshold("builtin-mfcc", 0.9)
    assert t2.for_engine(eng) == 0.9 and t.for_engine(eng) == eng.default_threshold
    assert t2.same_speaker(eng, 0.95) and not t2.same_speaker(eng, 0.85)
    with pytest.raises(ValueError):
        t.with_threshold("builtin-mfcc", 1.5)
    with pytest.raises(KeyError):
        t.for_engine("no-such-engine")


def test_calibration_fit_apply_and_round_trip() -> None:
    eng = voice.BuiltinEngine()
    voices = {"a": (100, (600, 1100, 2400)), "b": (140, (700, 1250, 2600)), "c": (180, (800, 1400, 2800)),
              "d": (220, (750, 1600, 2900))}
    recs, labels = [], []
    for name, (f0, formants) in voices.items():
        for seed in range(4):
            recs.append((synth_voice(f0=f0, formants=formants, seconds=1.5, seed=seed), 8000))
            labels.append(name)
    cal = eng.fit_calibration(recs, labels)
    assert cal.speakers == 4 and cal.recordings == 16 and cal.threshold is not None
    calibrated = eng.with_calibration(cal)
    e = calibrated.embed(*recs[0])
    assert e.shape == (eng.dim,) and abs(float(np.linalg.norm(e)) - 1) < 1e-5
    assert calibrated.name == "builtin-mfcc-cal" and calibrated.version != eng.version
    assert voice.Thresholds().for_engine(calibrated) == cal.threshold

    again = voice.VoiceCalibration.from_bytes(cal.to_bytes())
    assert again.fingerprint == cal.fingerprint and again.threshold == pytest.approx(cal.threshold)
    assert np.array_equal(voice.BuiltinEngine(again).embed(*recs[0]), e)
    for damaged in (b"garbage", cal.to_bytes()[:60], cal.to_bytes()[:-30]):
        with pytest.raises(ValueError):
            voice.VoiceCalibration.from_bytes(damaged)
    with pytest.raises(ValueError):
        voice.BuiltinEngine(voice.VoiceCalibration(cal.mean, cal.transform, "other/1"))


def test_best_engine_falls_back_to_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice, "_RESEMBLYZER", [None])
    monkeypatch.setattr(voice, "_BEST", {})
    assert not voice.resemblyzer_available()
    assert isinstance(voice.best_engine(), voice.BuiltinEngine)
    with pytest.raises(RuntimeError, match="resemblyzer"):
        voice.ResemblyzerEngine()
    e = voice.embed_audio(wav_bytes(synth_voice(16000, seed=5), 16000))
    assert e.shape == (voice.BuiltinEngine().dim,)


def test_resemblyzer_engine_when_installed() -> None:
    if not voice.resemblyzer_available():
        pytest.skip("optional resemblyzer extra not installed")
    eng = voice.ResemblyzerEngine()
    x = synth_voice(seed=4)
    e = eng.embed(x, 8000)
    assert e.dtype == np.float32 and e.shape == (256,)
    assert voice.cosine(e, eng.embed(x, 8000)) == pytest.approx(1.0, abs=1e-5)


# --------------------------------------------------------------------------- real speech (FSDD)


def _fsdd_calls(per_speaker: int, takes: range, seed: int) -> list[tuple[str, np.ndarray]]:
    """Up to `per_speaker` calls per speaker, each 8 random clips (with `take` in `takes`) joined
    with short pauses."""
    clips: dict[str, list[np.ndarray]] = {}
    with open(FSDD / "manifest.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["take"]) in takes:
                clips.setdefault(row["speaker"], []).append(voice.load_audio(FSDD / row["path"])[0])
    rng = np.random.default_rng(seed)
    calls = []
    for spk in sorted(clips):
        order = rng.permutation(len(clips[spk]))
        for k in range(min(per_speaker, len(order) // 8)):
            parts = []
            for j in order[8 * k:8 * k + 8]:
                parts += [clips[spk][j], np.zeros(int(rng.uniform(0.15, 0.35) * 8000), np.float32)]
            calls.append((spk, np.concatenate(parts)))
    return calls


@pytest.mark.skipif(not (FSDD / "manifest.csv").is_file(), reason="shared FSDD data not present")
def test_fsdd_speaker_discrimination_on_held_out_speakers() -> None:
    eng = voice.BuiltinEngine()
    cal_calls = _fsdd_calls(10, range(0, 25), seed=1)
    test_calls = _fsdd_calls(12, range(25, 50), seed=2)
    cal_vecs = np.array([eng.statistics(x, 8000) for _, x in cal_calls])
    test_vecs = np.array([eng.statistics(x, 8000) for _, x in test_calls])
    cal_lab = np.array([s for s, _ in cal_calls])
    test_lab = np.array([s for s, _ in test_calls])
    assert len(set(test_lab.tolist())) == 6

    same, diff = voice.pair_scores(test_vecs, test_lab)
    assert same.mean() > diff.mean()

    # Leave two speakers out: calibrate on four, test on the two never seen.
    raw_s, raw_d, cal_s, cal_d = [], [], [], []
    for held in itertools.combinations(sorted(set(test_lab.tolist())), 2):
        cm, tm = ~np.isin(cal_lab, held), np.isin(test_lab, held)
        s, d = voice.pair_scores(test_vecs[tm], test_lab[tm])
        raw_s.append(s)
        raw_d.append(d)
        cal = voice.VoiceCalibration.fit(cal_vecs[cm], cal_lab[cm], feature_version=eng.feature_version,
                                         cross_validate=False)
        s, d = voice.pair_scores(cal.apply(test_vecs[tm]), test_lab[tm])
        cal_s.append(s)
        cal_d.append(d)
    raw_eer = voice.equal_error_rate(np.concatenate(raw_s), np.concatenate(raw_d))[0]
    cal_eer = voice.equal_error_rate(np.concatenate(cal_s), np.concatenate(cal_d))[0]
    print(f"FSDD held-out EER: builtin {raw_eer:.3f}, builtin calibrated {cal_eer:.3f}")
    assert raw_eer < 0.35
    assert cal_eer < 0.35

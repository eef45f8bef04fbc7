"""Synthetic media for the demo corpus: telephone-quality voices (WAV) and documents (PNG).

Voices follow a source-filter model: a Rosenberg glottal pulse train at a speaker-specific pitch
(with jitter, shimmer and intonation) excites a cascade of second-order resonators (formants) whose
frequencies depend on the vowel and on the speaker's vocal-tract length. The resonator cascade is
applied as its truncated impulse response (closed form, damped sinusoids) so no per-sample Python
loop is needed.

Documents are hardship / unemployment / medical certificates drawn with Pillow, stamped with a red
round seal (ring, star, circular text); re-used forgeries are re-scaled, JPEG re-compressed and
cropped before being stored as PNG.
"""

from __future__ import annotations

import io
import math
import wave
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from random import Random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SAMPLE_RATE = 8000

# --------------------------------------------------------------------------- voices

# Average adult-male formants (F1, F2, F3) of a few vowels, Hz.
_VOWELS: tuple[tuple[float, float, float], ...] = (
    (730.0, 1090.0, 2440.0),  # a
    (270.0, 2290.0, 3010.0),  # i
    (300.0, 870.0, 2240.0),  # u
    (530.0, 1840.0, 2480.0),  # e
    (570.0, 840.0, 2410.0),  # o
    (500.0, 1500.0, 2500.0),  # schwa
)
_IR_LEN = 320


@dataclass(frozen=True)
class Speaker:
    key: str
    f0: float  # mean pitch, Hz
    f0_range: float  # intonation range, semitones
    jitter: float  # relative cycle-to-cycle pitch noise
    shimmer: float  # relative amplitude noise per syllable
    open_quotient: float
    breath: float  # aspiration noise level
    scale: float  # vocal-tract scale (formants multiplied by it)
    offsets: tuple[float, float, float, float]  # per-formant speaker offsets (multipliers)
    bandwidth: float  # bandwidth multiplier
    rate: float  # mean syllable duration, s
    tilt: float  # spectral tilt (one-pole low-pass coefficient)


def make_speaker(key: str, seed: int) -> Speaker:
    """Deterministic speaker parameters for ``key`` (independent of generation order)."""
    rng = np.random.default_rng([seed, 0x5EA4, zlib.crc32(key.encode("utf-8"))])
    female = rng.random() < 0.4
    f0 = float(rng.uniform(165.0, 220.0) if female else rng.uniform(95.0, 150.0))
    scale = float(rng.uniform(1.08, 1.2) if female else rng.uniform(0.88, 1.04))
    return Speaker(
        key=key,
        f0=f0,
        f0_range=float(rng.uniform(2.0, 6.0)),
        jitter=float(rng.uniform(0.004, 0.02)),
        shimmer=float(rng.uniform(0.05, 0.2)),
        open_quotient=float(rng.uniform(0.45, 0.75)),
        breath=float(rng.uniform(0.01, 0.08)),
        scale=scale,
        offsets=tuple(float(x) for x in rng.uniform(0.88, 1.12, 4)),  # type: ignore[arg-type]
        bandwidth=float(rng.uniform(0.8, 1.4)),
        rate=float(rng.uniform(0.15, 0.25)),
        tilt=float(rng.uniform(0.2, 0.6)),
    )


def _resonator_ir(freq: float, bw: float, n: int) -> np.ndarray:
    """Impulse response of y[n] = x[n] + 2r cos(t) y[n-1] - r^2 y[n-2], normalised to unit DC gain."""
    r = math.exp(-math.pi * bw / SAMPLE_RATE)
    theta = 2.0 * math.pi * freq / SAMPLE_RATE
    k = np.arange(n)
    h = r**k * np.sin((k + 1) * theta) / math.sin(theta)
    gain = 1.0 - 2.0 * r * math.cos(theta) + r * r
    return h * gain


@lru_cache(maxsize=4096)
def _vocal_tract(sp: Speaker, vowel: int) -> np.ndarray:
    f1, f2, f3 = _VOWELS[vowel]
    formants = (f1, f2, f3, 3400.0)
    bws = (70.0, 100.0, 150.0, 250.0)
    ir = np.zeros(1)
    ir[0] = 1.0
    for f, b, off in zip(formants, bws, sp.offsets):
        freq = min(f * sp.scale * off, 3800.0)
        ir = np.convolve(ir, _resonator_ir(freq, b * sp.bandwidth, _IR_LEN))[:_IR_LEN]
    ir.setflags(write=False)
    return ir


def _glottal(phase_frac: np.ndarray, oq: float) -> np.ndarray:
    tp = oq * 0.7
    tn = oq * 0.3
    g = np.zeros_like(phase_frac)
    rising = phase_frac < tp
    g[rising] = 0.5 * (1.0 - np.cos(np.pi * phase_frac[rising] / tp))
    falling = (~rising) & (phase_frac < tp + tn)
    g[falling] = np.cos(0.5 * np.pi * (phase_frac[falling] - tp) / tn)
    return g


def _syllable(sp: Speaker, rng: np.random.Generator, dur: float, f0_start: float, f0_end: float) -> np.ndarray:
    n = max(int(dur * SAMPLE_RATE), 64)
    t = np.linspace(0.0, 1.0, n)
    f0 = f0_start + (f0_end - f0_start) * t
    f0 = f0 * (1.0 + sp.jitter * rng.standard_normal(n).cumsum() / math.sqrt(n) * 4.0)
    f0 = np.clip(f0, 60.0, 400.0)
    phase = np.cumsum(f0) / SAMPLE_RATE + rng.random()
    g = _glottal(phase % 1.0, sp.open_quotient)
    src = np.diff(g, prepend=0.0)  # lip radiation
    src += sp.breath * rng.standard_normal(n) * (0.3 + g)
    # one-pole tilt
    if sp.tilt > 0:
        src = np.convolve(src, sp.tilt ** np.arange(24))[:n] * (1.0 - sp.tilt)
    vowel = int(rng.integers(len(_VOWELS)))
    out = np.convolve(src, _vocal_tract(sp, vowel))[:n]
    # optional fricative onset
    if rng.random() < 0.45:
        m = int(rng.uniform(0.02, 0.06) * SAMPLE_RATE)
        noise = rng.standard_normal(m)
        fr = _resonator_ir(float(rng.uniform(2300, 3500)), 400.0, 64)
        fric = np.convolve(noise, fr)[:m] * 0.02 * np.hanning(m)
        out = np.concatenate([fric, out])
        n = out.size
        t = np.linspace(0.0, 1.0, n)
    env = np.sin(np.pi * np.clip(t, 0, 1)) ** 0.6
    amp = 1.0 + sp.shimmer * float(rng.standard_normal())
    return out * env * amp


def synth_voice(sp: Speaker, seed_parts: list[int], duration: float) -> bytes:
    """A WAV file (8 kHz, mono, 16-bit) of ``duration`` seconds of babble in the voice ``sp``."""
    rng = np.random.default_rng(seed_parts)
    total = int(duration * SAMPLE_RATE)
    pieces: list[np.ndarray] = []
    length = 0
    lead = int(rng.uniform(0.1, 0.4) * SAMPLE_RATE)
    pieces.append(np.zeros(lead))
    length += lead
    while length < total:
        n_syl = int(rng.integers(3, 9))
        decl = rng.uniform(0.0, sp.f0_range)  # declination over the phrase, semitones
        for i in range(n_syl):
            pos = i / max(n_syl - 1, 1)
            st = rng.normal(0.0, sp.f0_range / 3.0) - decl * pos
            f_a = sp.f0 * 2.0 ** (st / 12.0)
            f_b = f_a * 2.0 ** (rng.normal(0.0, 1.5) / 12.0)
            dur = max(0.08, rng.normal(sp.rate, sp.rate * 0.25))
            syl = _syllable(sp, rng, dur, f_a, f_b)
            pieces.append(syl)
            length += syl.size
            gap = int(rng.uniform(0.0, 0.04) * SAMPLE_RATE)
            if gap:
                pieces.append(np.zeros(gap))
                length += gap
        pause = int(rng.uniform(0.15, 0.55) * SAMPLE_RATE)
        pieces.append(np.zeros(pause))
        length += pause
    sig = np.concatenate(pieces)[:total]
    peak = float(np.max(np.abs(sig))) or 1.0
    sig = sig / peak * float(rng.uniform(0.5, 0.85))
    sig += rng.standard_normal(total) * float(rng.uniform(0.002, 0.005))  # line noise
    pcm = np.clip(sig * 32767.0, -32768, 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


# --------------------------------------------------------------------------- fonts

FONT_PATH = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "wqy-microhei.ttc"


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONT_PATH), size)
    except OSError:
        try:
            return ImageFont.load_default(size)
        except TypeError:  # very old Pillow
            return ImageFont.load_default()


# --------------------------------------------------------------------------- seals and certificates

SEAL_RED = (214, 32, 38)


def draw_seal(org: str, bottom: str, diameter: int, rng: Random) -> Image.Image:
    """A red round seal (RGBA): double ring, five-pointed star, text along the upper arc."""
    s = diameter
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    col = SEAL_RED + (225,)
    w = max(3, s // 40)
    d.ellipse((w // 2, w // 2, s - 1 - w // 2, s - 1 - w // 2), outline=col, width=w)
    c = s / 2.0
    # star
    r_out, r_in = s * 0.17, s * 0.17 * 0.382
    pts = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        r = r_out if i % 2 == 0 else r_in
        pts.append((c + r * math.cos(ang), c + r * math.sin(ang)))
    d.polygon(pts, fill=col)
    # circular text
    fs = max(10, int(s * 0.12))
    f = font(fs)
    n = len(org)
    span = min(math.radians(250), math.radians(22) * n)
    radius = s / 2.0 - w - fs * 0.75
    for i, ch in enumerate(org):
        ang = -math.pi / 2 - span / 2 + (span * (i + 0.5) / n)
        tile = Image.new("RGBA", (fs + 6, fs + 6), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text(((fs + 6) / 2, (fs + 6) / 2), ch, font=f, fill=col, anchor="mm")
        tile = tile.rotate(-math.degrees(ang + math.pi / 2), resample=Image.Resampling.BICUBIC)
        x = c + radius * math.cos(ang) - tile.width / 2
        y = c + radius * math.sin(ang) - tile.height / 2
        img.alpha_composite(tile, (int(round(x)), int(round(y))))
    if bottom:
        d.text((c, c + s * 0.27), bottom, font=font(max(9, int(s * 0.085))), fill=col, anchor="mm")
    # ink unevenness
    alpha = img.getchannel("A")
    noise = np.random.default_rng(rng.getrandbits(64)).random((s, s))
    speck = np.where(noise < 0.17, 0.45, 1.0)  # uneven ink: some pixels paler
    a = (np.asarray(alpha, dtype=np.float32) * speck).astype(np.uint8)
    img.putalpha(Image.fromarray(a))
    return img.rotate(rng.uniform(-15, 15), resample=Image.Resampling.BICUBIC)


@dataclass(frozen=True)
class CertSpec:
    doc_type: str  # 困难证明 / 失业证明 / 诊断证明
    issuer: str  # organisation printed and on the seal
    seal_bottom: str
    reason: str
    body: tuple[str, ...]
    date: str


def _wrap(text: str, f: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for ch in text:
        if f.getlength(cur + ch) > width and cur:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


CERT_W, CERT_H = 800, 1000


def render_certificate(spec: CertSpec, rng: Random) -> tuple[Image.Image, tuple[int, int]]:
    """The certificate without the personal fields; returns the image and the field origin."""
    bg = tuple(int(v) for v in (rng.randint(246, 255), rng.randint(244, 253), rng.randint(236, 248)))
    img = Image.new("RGB", (CERT_W, CERT_H), bg)
    d = ImageDraw.Draw(img)
    ink = (30, 30, 30)
    d.text((CERT_W / 2, 110), spec.doc_type, font=font(52), fill=ink, anchor="mm")
    field_origin = (90, 200)
    labels = ("姓    名：", "性    别：", "身份证号：")
    for i, lab in enumerate(labels):
        y = field_origin[1] + i * 48
        d.text((field_origin[0], y), lab, font=font(26), fill=ink)
        d.line((field_origin[0] + 135, y + 34, CERT_W - 120, y + 34), fill=(120, 120, 120), width=1)
    y = field_origin[1] + 3 * 48 + 30
    fb = font(26)
    for para in spec.body:
        for j, line in enumerate(_wrap(para, fb, CERT_W - 180 - 52)):
            x = 90 + (52 if j == 0 else 0)
            d.text((x, y), line, font=fb, fill=ink)
            y += 42
        y += 12
    d.text((CERT_W - 110, 760), spec.issuer, font=font(26), fill=ink, anchor="rm")
    d.text((CERT_W - 110, 810), spec.date, font=font(26), fill=ink, anchor="rm")
    seal = draw_seal(spec.issuer, spec.seal_bottom, 200, rng)
    img.paste(seal, (CERT_W - 110 - 190 + rng.randint(-20, 20), 690 + rng.randint(-15, 15)), seal)
    return img, field_origin


def fill_fields(base: Image.Image, origin: tuple[int, int], name: str, sex: str, idno: str) -> Image.Image:
    img = base.copy()
    d = ImageDraw.Draw(img)
    f = font(26)
    x = origin[0] + 145
    for i, val in enumerate((name, sex, idno)):
        d.text((x, origin[1] + i * 48), val, font=f, fill=(25, 25, 35))
    return img


def degrade(img: Image.Image, rng: Random) -> bytes:
    """Re-scale 0.7-1.3x, JPEG re-compress, crop up to 5% per side, store as PNG."""
    f = rng.uniform(0.7, 1.3)
    w, h = img.size
    im = img.resize((max(1, int(w * f)), max(1, int(h * f))), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=rng.randint(55, 90))
    buf.seek(0)
    with Image.open(buf) as jpg:
        im = jpg.convert("RGB")
    w, h = im.size
    box = (
        int(w * rng.uniform(0, 0.05)),
        int(h * rng.uniform(0, 0.05)),
        w - int(w * rng.uniform(0, 0.05)),
        h - int(h * rng.uniform(0, 0.05)),
    )
    im = im.crop(box)
    return png_bytes(im)


def png_bytes(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=1)
    return out.getvalue()


# --------------------------------------------------------------------------- screenshots

SHOT_W, SHOT_H = 540, 960


def render_screenshot(title: str, lines: list[tuple[str, str]], rng: Random, *, bubbles: bool) -> bytes:
    """A phone screenshot: status bar, title bar and either list rows or message bubbles."""
    img = Image.new("RGB", (SHOT_W, SHOT_H), (242, 242, 242) if bubbles else (255, 255, 255))
    d = ImageDraw.Draw(img)
    f_small, f_mid, f_big = font(18), font(22), font(26)
    d.rectangle((0, 0, SHOT_W, 36), fill=(250, 250, 250))
    d.text((20, 18), f"{rng.randint(8, 22)}:{rng.randint(0, 59):02d}", font=f_small, fill=(0, 0, 0), anchor="lm")
    d.text((SHOT_W - 20, 18), f"{rng.randint(12, 99)}%", font=f_small, fill=(0, 0, 0), anchor="rm")
    accent = (rng.randint(20, 80), rng.randint(90, 160), rng.randint(180, 240))
    d.rectangle((0, 36, SHOT_W, 100), fill=accent)
    d.text((SHOT_W / 2, 68), title, font=f_big, fill=(255, 255, 255), anchor="mm")
    y = 120
    for head, body in lines:
        if y > SHOT_H - 80:
            break
        if bubbles:
            d.text((SHOT_W / 2, y), head, font=f_small, fill=(150, 150, 150), anchor="mm")
            y += 18
            wrapped = _wrap(body, f_mid, SHOT_W - 140)
            bh = 16 + 30 * len(wrapped)
            d.rounded_rectangle((20, y, SHOT_W - 60, y + bh), radius=12, fill=(255, 255, 255))
            for k, ln in enumerate(wrapped):
                d.text((36, y + 8 + 30 * k), ln, font=f_mid, fill=(30, 30, 30))
            y += bh + 24
        else:
            d.text((24, y), head, font=f_mid, fill=(40, 40, 40))
            d.text((SHOT_W - 24, y), body, font=f_mid, fill=(40, 40, 40), anchor="ra")
            y += 40
            d.line((24, y + 6, SHOT_W - 24, y + 6), fill=(225, 225, 225), width=1)
            y += 22
    return png_bytes(img)

"""Tests of greyline.detect.image: fingerprints of reused forged certificates and seals.

Two sources of images:

* the demo generator's forged documents: ``generate(n, seed, with_files=True)`` plants one forged
  certificate per template id (``planted='image:<template-id>'``) and re-uses it for several
  customers with their own name filled in, re-scaled 0.7-1.3x, JPEG re-compressed and cropped up to
  5% per side; genuine certificates (``planted=None``) have the same layouts with other text and a
  seal stamped elsewhere, and genuine phone screenshots share one app layout;
* our own transforms of one rendered certificate (the brief's list: re-scale, JPEG quality, 5%
  crops from each side and asymmetric, brightness, format changes).

Pair-level precision and recall on a 300-complaint corpus are printed (``pytest -s``) and asserted.
No timing asserts: speed is measured by tests/benchmarks/bench_image.py.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import random
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance

from greyline.demo import media
from greyline.demo.generator import DemoEvidence, generate
from greyline.detect import image as gi
from greyline.detect.image import (
    MATCH_THRESHOLD,
    ImageFingerprint,
    find_matches,
    from_bytes,
    hash_keys,
    image_fingerprint,
    is_match,
    similarity,
    to_bytes,
)

# --------------------------------------------------------------------------- helpers


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def jpeg(im: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def spec(issuer: str = "西安市第二人民医院", reason: str = "冠心病", date: str = "2026年1月30日") -> media.CertSpec:
    return media.CertSpec(
        "诊断证明书",
        issuer,
        "诊断证明专用章",
        reason,
        (
            f"临床诊断：{reason}。",
            "该患者于2025年10月21日入院治疗，需长期服药并定期复查，建议全休一年，避免劳累。",
            "医师签名：孟薇",
        ),
        date,
    )


def render(s: media.CertSpec, seed: int, name: str = "何刚振", sex: str = "男", idno: str = "610113199103246911"):
    """A filled certificate; ``seed`` decides paper tint, seal angle and where the seal is stamped."""
    base, origin = media.render_certificate(s, random.Random(seed))
    return media.fill_fields(base, origin, name, sex, idno)


def crop(im: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = im.size
    return im.crop((round(w * left), round(h * top), w - round(w * right), h - round(h * bottom)))


def scale(im: Image.Image, f: float) -> Image.Image:
    return im.resize((round(im.width * f), round(im.height * f)), Image.Resampling.BICUBIC)


# The brief's transforms; each must still match the original (and share an index key with it).
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
    "crop asymmetric 5/1/2/4%": lambda im: png(crop(im, 0.05, 0.01, 0.02, 0.04)),
    "crop asymmetric 0/5/5/0%": lambda im: png(crop(im, 0, 0.05, 0.05, 0)),
    "brightness +10%": lambda im: png(ImageEnhance.Brightness(im).enhance(1.1)),
    "brightness -10%": lambda im: png(ImageEnhance.Brightness(im).enhance(0.9)),
    "contrast +10%": lambda im: png(ImageEnhance.Contrast(im).enhance(1.1)),
    "contrast -10%": lambda im: png(ImageEnhance.Contrast(im).enhance(0.9)),
    "PNG -> JPEG q85": lambda im: jpeg(im, 85),
    "crop + darker + 0.6x + JPEG q50": lambda im: jpeg(
        scale(ImageEnhance.Brightness(crop(im, 0.03, 0.05, 0.01, 0.04)).enhance(0.9), 0.6), 50
    ),
    "crop + 1.7x + JPEG q40": lambda im: jpeg(scale(crop(im, 0, 0, 0.05, 0.03), 1.7), 40),
}


@pytest.fixture(scope="module")
def certificate() -> Image.Image:
    return render(spec(), seed=5)


@pytest.fixture(scope="module")
def certificate_fp(certificate: Image.Image) -> ImageFingerprint:
    return image_fingerprint(png(certificate))


@pytest.fixture(scope="module")
def screenshot() -> Image.Image:
    lines = [
        ("3月1日 9:00", "您在星河分期的借款已逾期12天，请于今日内还款，否则将联系您的紧急联系人。"),
        ("3月2日 10:11", "您好，您本期应还1200元，已逾期13天，请尽快还款。"),
        ("3月3日 12:30", "已将您的逾期情况通知您的家人，请尽快还款。"),
    ]
    data = media.render_screenshot("10691234567", lines, random.Random(3), bubbles=True)
    return Image.open(io.BytesIO(data)).convert("RGB")


# --------------------------------------------------------------------------- own transforms


@pytest.mark.parametrize("name", list(TRANSFORMS))
def test_transformed_certificate_still_matches(
    name: str, certificate: Image.Image, certificate_fp: ImageFingerprint
) -> None:
    fp = image_fingerprint(TRANSFORMS[name](certificate))
    score = similarity(certificate_fp, fp)
    assert score >= MATCH_THRESHOLD, f"{name}: similarity {score:.3f}"
    assert is_match(certificate_fp, fp)
    assert set(hash_keys(certificate_fp)) & set(hash_keys(fp)), f"{name}: no shared index key"


@pytest.mark.parametrize(
    "name", ["crop 5% top", "crop 5% every side", "crop asymmetric 0/5/5/0%", "brightness +10%", "rescale 0.5x"]
)
def test_screenshot_cropped_into_its_content_still_matches(name: str, screenshot: Image.Image) -> None:
    # The title bar runs from edge to edge, so these crops cut into the content (no margin to
    # auto-crop): the registration and the anchor keys have to absorb them.
    a, b = image_fingerprint(png(screenshot)), image_fingerprint(TRANSFORMS[name](screenshot))
    assert is_match(a, b), f"{name}: similarity {similarity(a, b):.3f}"
    assert set(hash_keys(a)) & set(hash_keys(b))


def test_same_forgery_with_another_customer_matches(certificate: Image.Image) -> None:
    # What agents do: one forged template, each customer's name and ID number filled in.
    other = render(spec(), seed=5, name="李四", sex="女", idno="440305199503281133")
    assert is_match(image_fingerprint(png(certificate)), image_fingerprint(jpeg(scale(other, 0.8), 70)))


@pytest.mark.parametrize(
    ("label", "other"),
    [
        ("same text, seal stamped elsewhere", lambda: render(spec(), seed=99)),
        ("other hospital and diagnosis", lambda: render(spec("西安市第三人民医院", "2型糖尿病"), seed=7)),
        (
            "other date and reason, other person",
            lambda: render(spec("西安市第二人民医院", "抑郁症", "2026年3月2日"), 11, "张三", "女", "440305199503281133"),
        ),
    ],
)
def test_other_certificates_of_the_same_layout_do_not_match(
    label: str, other: Callable[[], Image.Image], certificate_fp: ImageFingerprint
) -> None:
    score = similarity(certificate_fp, image_fingerprint(png(other())))
    assert score < MATCH_THRESHOLD, f"{label}: similarity {score:.3f}"


def test_certificate_and_screenshot_do_not_match(certificate_fp: ImageFingerprint, screenshot: Image.Image) -> None:
    assert similarity(certificate_fp, image_fingerprint(png(screenshot))) < 0.1


def test_similarity_is_symmetric_and_bounded(certificate: Image.Image) -> None:
    fps = [image_fingerprint(TRANSFORMS[n](certificate)) for n in ("rescale 0.75x", "crop 5% left", "JPEG q40")]
    fps.append(image_fingerprint(png(render(spec("西安市第三人民医院", "2型糖尿病"), seed=7))))
    for a, b in itertools.combinations(fps, 2):
        s = similarity(a, b)
        assert 0.0 <= s <= 1.0
        assert s == similarity(b, a)
    assert similarity(fps[0], fps[0]) == 1.0


def test_formats_and_modes(certificate: Image.Image, certificate_fp: ImageFingerprint, tmp_path: Path) -> None:
    variants = {
        "greyscale": png(certificate.convert("L")),
        "RGBA": png(certificate.convert("RGBA")),
        "palette": png(certificate.convert("P", palette=Image.Palette.ADAPTIVE)),
        "CMYK JPEG": _save(certificate.convert("CMYK"), "JPEG", quality=90),
        "16-bit": png(certificate.convert("I;16")),
        "WebP": _save(certificate, "WEBP", quality=80),
        "GIF": _save(certificate, "GIF"),
        "BMP": _save(certificate, "BMP"),
        "TIFF": _save(certificate, "TIFF"),
    }
    for name, data in variants.items():
        assert is_match(certificate_fp, image_fingerprint(data)), name
    # Transparent pixels are shown on white, whatever colour they hold.
    rgba = certificate.convert("RGBA")
    arr = np.asarray(rgba).copy()
    arr[:40, :, :3] = 0
    arr[:40, :, 3] = 0
    assert is_match(certificate_fp, image_fingerprint(png(Image.fromarray(arr, "RGBA"))))
    # A path gives the same fingerprint as the bytes.
    path = tmp_path / "证明.png"
    path.write_bytes(png(certificate))
    assert image_fingerprint(path) == image_fingerprint(str(path)) == certificate_fp


def _save(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def test_exif_orientation_is_applied(certificate: Image.Image, certificate_fp: ImageFingerprint) -> None:
    # Pixels stored rotated, with the tag telling viewers to turn them back (orientation 6).
    exif = Image.Exif()
    exif[0x0112] = 6
    data = _save(certificate.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=90, exif=exif.tobytes())
    assert is_match(certificate_fp, image_fingerprint(data))


def test_blank_images_are_not_evidence_of_reuse() -> None:
    a = image_fingerprint(png(Image.new("RGB", (400, 300), (255, 255, 255))))
    b = image_fingerprint(png(Image.new("RGB", (800, 600), (250, 250, 250))))
    assert similarity(a, b) == 0.0
    assert not is_match(a, b)


# --------------------------------------------------------------------------- demo corpus


def _images(evidence: list[DemoEvidence]) -> list[DemoEvidence]:
    return [e for e in evidence if e.kind in ("document", "screenshot")]


def _truth(items: list[DemoEvidence]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(items)), 2)
        if items[i].planted is not None and items[i].planted == items[j].planted
    }


def test_small_demo_corpus_all_pairs() -> None:
    items = _images(generate(60, 1, with_files=True).evidence)
    planted = [e.planted for e in items if e.planted]
    assert len(set(planted)) >= 2 and len(planted) >= 6  # two forged templates, each re-used
    assert any(e.kind == "document" and e.planted is None for e in items)  # genuine certificates
    assert sum(e.kind == "screenshot" for e in items) >= 2  # genuine screenshots of one app
    fps = [image_fingerprint(e.data) for e in items]
    truth = _truth(items)
    for i, j in itertools.combinations(range(len(items)), 2):
        s = similarity(fps[i], fps[j])
        what = f"{items[i].kind}/{items[i].planted} vs {items[j].kind}/{items[j].planted}: {s:.3f}"
        assert (s >= MATCH_THRESHOLD) == ((i, j) in truth), what


def test_precision_and_recall_on_a_300_complaint_corpus() -> None:
    items = _images(generate(300, 7, with_files=True).evidence)
    fps = {i: image_fingerprint(e.data) for i, e in enumerate(items)}
    truth = _truth(items)
    found = {(a, b) for a, b, _ in find_matches(fps)}
    tp = len(found & truth)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(truth)
    n_pairs = len(items) * (len(items) - 1) // 2
    print(
        f"\nreused images, 300 complaints (seed 7): {len(items)} images, {len(truth)} true pairs, "
        f"{len(found)} found, precision {precision:.3f}, recall {recall:.3f}, "
        f"candidates {len(gi.candidate_pairs(fps))} of {n_pairs} pairs"
    )
    assert len(truth) >= 30
    assert precision >= 0.95
    assert recall >= 0.95


# --------------------------------------------------------------------------- keys and storage


def test_hash_keys_are_short_strings_shared_by_near_hashes(certificate_fp: ImageFingerprint) -> None:
    keys = hash_keys(certificate_fp)
    assert all(isinstance(k, str) and 0 < len(k) <= 14 for k in keys)
    assert len(keys) == len(set(keys)) >= 8
    # Any two 64-bit hashes within Hamming distance 3 share a band (four 16-bit bands).
    rng = random.Random(1)
    for _ in range(50):
        flipped = certificate_fp.phash
        for bit in rng.sample(range(64), 3):
            flipped ^= 1 << bit
        other = ImageFingerprint(**{**_fields(certificate_fp), "phash": flipped, "dhash": 0, "anchors": ()})
        assert set(hash_keys(certificate_fp)) & set(hash_keys(other))


def _fields(fp: ImageFingerprint) -> dict[str, object]:
    return {f: getattr(fp, f) for f in ImageFingerprint.__dataclass_fields__}


def test_hash_keys_and_bytes_are_identical_in_another_process(certificate: Image.Image, tmp_path: Path) -> None:
    files = {"cert.png": png(certificate), "cert.jpg": jpeg(crop(certificate, 0.05, 0, 0, 0.02), 60)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from greyline.detect.image import image_fingerprint, hash_keys, to_bytes\n"
        "out = {}\n"
        "for p in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    fp = image_fingerprint(p)\n"
        "    out[p.name] = [hash_keys(fp), to_bytes(fp).hex()]\n"
        "print(json.dumps(out))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    theirs = json.loads(run.stdout)
    for name, data in files.items():
        fp = image_fingerprint(data)
        assert theirs[name] == [hash_keys(fp), to_bytes(fp).hex()], name


def test_storage_round_trip(certificate: Image.Image, screenshot: Image.Image) -> None:
    for data in (png(certificate), png(screenshot), jpeg(crop(certificate, 0, 0.05, 0.05, 0), 50)):
        fp = image_fingerprint(data)
        blob = to_bytes(fp)
        assert isinstance(blob, bytes) and len(blob) < 20_000
        back = from_bytes(blob)
        assert back == fp
        assert hash_keys(back) == hash_keys(fp)
        assert similarity(back, image_fingerprint(data)) == 1.0


def test_storage_rejects_foreign_or_damaged_bytes(certificate_fp: ImageFingerprint) -> None:
    blob = to_bytes(certificate_fp)
    for bad in (b"", b"GLIF", b"PNG not a fingerprint" * 10, blob[:-1], blob + b"x"):
        with pytest.raises(ValueError):
            from_bytes(bad)
    newer = bytearray(blob)
    newer[4] = gi.FINGERPRINT_VERSION + 1
    with pytest.raises(ValueError, match="version"):
        from_bytes(bytes(newer))
    # Damaged map data is reported when it is first needed.
    broken = ImageFingerprint(**{**_fields(certificate_fp), "detail": b"\x00" * 40})
    with pytest.raises(ValueError, match="corrupt"):
        similarity(broken, certificate_fp)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, this is not an image",
        bytes(random.Random(3).getrandbits(8) for _ in range(4096)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"RIFF\x24\x00\x00\x00WAVEfmt ",
    ],
    ids=["empty", "text", "random", "pdf", "wav"],
)
def test_non_images_raise_value_error(data: bytes) -> None:
    with pytest.raises(ValueError, match="not an image"):
        image_fingerprint(data)


def test_truncated_image_raises_value_error(certificate: Image.Image) -> None:
    data = png(certificate)
    with pytest.raises(ValueError):
        image_fingerprint(data[: len(data) // 3])


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_decompression_bomb_is_refused_before_decoding() -> None:
    # A few hundred bytes claiming 100,000 x 100,000 pixels: refused from the header alone.
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _png_chunk(b"IEND", b"")
    )
    with pytest.raises(ValueError, match="too large"):
        image_fingerprint(bomb)


@pytest.mark.parametrize("side", [110, 300])  # between 1x and 2x Pillow's limit, and above 2x
def test_pillow_pixel_limit_is_honoured(side: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    data = png(Image.new("RGB", (side, side), (200, 30, 30)))
    with pytest.raises(ValueError, match="too large"):
        image_fingerprint(data)


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        image_fingerprint(12345)  # type: ignore[arg-type]

"""Reused images: find the same forged certificate or seal submitted for several customers.

Agents forge one hardship, unemployment or medical certificate with a red seal and hand it to many
customers, filling in each customer's name and ID number and re-saving the picture on the way: it
arrives re-scaled, JPEG re-compressed, cropped by a few per cent, a little brighter or darker, as PNG
or JPEG. Genuine documents of the same kind share the *layout* (title, labels, body, seal at the
bottom right) but not the pixels: another issuer, other dates, a seal stamped at another place and
angle. The detector has to tell "same image, other name" from "same layout, other document".

A single 64-bit perceptual hash cannot: on the demo corpus, certificates of one layout are as close
in pHash (0-6 bits) as copies of one forgery, and a crop into the content moves a hash of the whole
frame by 8-20 bits. Measured alternatives (tests/benchmarks/bench_image.py) led to three layers:

1. **Normalise.** Decode (JPEG at a reduced scale where possible), apply the EXIF orientation,
   flatten transparency on white. Cut flat margins off (auto-crop: the extent of the pixels that
   differ from the median border colour, a side only when what is cut is flat), so crops of the
   margin vanish. The content is resampled to a *detail map* whose long side is 384 px, aspect
   kept (squashing to a square halved the vertical resolution of phone screenshots and let
   different digits match), stored as the signed difference of luminance from the paper colour in
   steps of 16 grey levels (zlib, about 10 KB for a document): a step that large turns JPEG noise
   on paper into exact zeros and makes the map insensitive to slight brightness and contrast
   changes. Red ink (R - max(G, B), the seal) gets a second map at half that size.
2. **Index.** A 64-bit DCT hash (pHash) and a 64-bit difference hash (dHash) of the detail map,
   each cut into four 16-bit bands, so two images within Hamming distance 3 in either hash share
   a key; images whose content comes within 6% of an edge (where a 5% crop can cut into it) add
   hashes of salient patches ("anchors", see ``_anchors``), which move with the content. Keys only
   *propose* candidates; every decision comes from step 3.
3. **Verify.** ``similarity`` registers one detail map onto the other (scale and shift per axis,
   found by correlating row and column profiles over their overlap, coarse to fine; this absorbs
   re-scaling, crops into the content and the slack of the auto-crop) and compares 16 x 16 blocks
   (about one character) by normalised cross-correlation, in luminance and, when both images
   have one, in the red-ink map. The score is the share of blocks with content that agree
   (NCC > 0.9): "this fraction of the document is identical". Copies of one forgery differ only
   in the filled-in fields; other documents of one layout differ in the seal (position, angle,
   text), issuer, dates and body; screenshots of one app in every amount and date.

Measured on the demo corpus (5 seeds x 300 complaints, bench_image.py): copies of one forgery
score >= 0.888 (>= 0.876 after a second round of the transforms below), certificates of one layout
<= 0.690 within a corpus and <= 0.807 across corpora (18,639 candidate pairs), screenshots of one
app <= 0.754. ``MATCH_THRESHOLD`` = 0.84 sits in that gap.

Global alignment matters more than anything else here: comparing blocks with a per-block shift
search (tolerance to small shifts) let different text match as "texture"; at 64 px, where that
works, the detail that tells documents apart is gone.

Robustness (tests/unit/test_detect_image.py): re-scale 0.5-2x, JPEG quality 40-95, crops up to 5%
from any side (also asymmetric, also cutting into the content), brightness and contrast +-10%,
PNG <-> JPEG and other formats and modes, EXIF orientation. Non-images raise ``ValueError``; so do
images larger than Pillow's ``MAX_IMAGE_PIXELS`` (checked from the header, before any pixel is
decoded: decompression bombs). Not handled: rotation, mirroring, heavy dithering (1-bit), a seal
cut out and pasted onto another document (the rest of the page then differs).

Database use (incremental): store ``to_bytes(fp)`` with the evidence item and one row per
``hash_keys(fp)`` in an indexed (key, evidence) table; a new image's candidates are the rows
sharing any of its keys; verify each with ``is_match`` (about 5 ms a pair). ``find_matches`` is the
same pipeline in memory. ``FINGERPRINT_VERSION`` is part of the keys and of the stored bytes; when
it changes, keys and fingerprints must be recomputed.

No Qt, no SQLAlchemy: numpy, scipy.ndimage and Pillow.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
import zlib
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError
from scipy import ndimage

__all__ = [
    "FINGERPRINT_VERSION",
    "MATCH_THRESHOLD",
    "ImageFingerprint",
    "candidate_pairs",
    "find_matches",
    "from_bytes",
    "hamming",
    "hash_keys",
    "image_fingerprint",
    "is_match",
    "similarity",
    "to_bytes",
]

# Raise when anything that changes fingerprints or keys changes (stored data must be recomputed).
FINGERPRINT_VERSION = 1

# Share of agreeing content blocks from which two images count as one: the middle of the gap
# between other documents (<= 0.807) and copies of one forgery (>= 0.876), see the docstring.
MATCH_THRESHOLD = 0.84

# Long side of the detail map. 384 px keeps a character of a certificate or a digit of a phone
# screenshot at 5-8 px, enough to tell different text apart; at 256 px (luminance only) the worst
# negatives moved up to 0.84 and the margin to the positives shrank from 0.10 to 0.04.
DETAIL_SIZE = 384
# Quantisation step of the detail map in grey levels (see the module docstring).
_QUANT_STEP = 16.0
# Pixels that differ from the border colour by more than this are content (for the auto-crop).
_CROP_DIFF = 40
# A row or column belongs to the content when at least this share of its pixels are content;
# a few specks of dust or JPEG ringing do not stretch the box.
_CROP_FRACTION = 0.003
# A margin is flat when its grey levels vary less than this (standard deviation): paper with JPEG
# noise or scanner grain stays below 3-5, a smooth region of a photo does not.
_CROP_FLAT = 8.0
# Below this share of the image area the "content" found is a speck, not a document: keep all.
_CROP_MIN_AREA = 0.05

# Seals: red ink (R - max(G, B)) mapped at half the detail size. Chinese official seals are red;
# copies of one forgery carry the seal pixel for pixel at the same place, while every genuine
# document is stamped anew (another place, angle and ink). On the demo corpus the seal blocks alone
# separate the two (copies >= 0.84 agreeing, other documents <= 0.68), and they decide the
# hardest case: the same printed text with the seal stamped elsewhere (0.81 -> 0.67). Weighting
# seal blocks 2x or 3x lowered twice-degraded copies (JPEG halves the chroma) more than it helped.
_SEAL_REDUCE = 2
_SEAL_BLUR = 1.0  # chroma is stored at reduced resolution by JPEG (4:2:0): blur more
_SEAL_MIN = 24.0  # red-ink level (grey levels) that counts as ink when deciding if there is a seal
_SEAL_BLOCK = 8  # at half size: the same 16 x 16 detail-map area as a luminance block

# Anchors (see ``_anchors``): how many, patch radius on the 4x reduced map, and the margin below
# which an image gets them (a 5% crop can reach its content; +1% for the auto-crop's slack).
_ANCHORS = 24
_ANCHOR_RADIUS = 6
_ANCHOR_MARGIN = 0.06

_BLOCK = 16  # block size for the comparison, detail-map pixels (about one character)
_BLUR = 0.8  # Gaussian sigma before comparing, absorbs sub-pixel misregistration and resampling
_CONTENT_STD = 10.0  # a block with less contrast than this (grey levels) is empty paper
_EMPTY_RATIO = 0.3  # one side's contrast below this share of the other's: the block differs
_AGREE_NCC = 0.9  # blocks with this correlation or more count as identical
_MIN_BLOCKS = 4  # fewer content blocks than this: too little to compare, similarity 0
_OVERLAP = 0.75  # content lost to a crop into the content is forgiven up to 1 - this share

# Registration search: relative scale and shift (share of the length) per axis. Crops of 5% from
# both sides of content that reaches the edges change the scale by 10%; the rest is slack.
_SEARCH_SCALE = 0.13
_SEARCH_SHIFT = 0.12

_MAGIC = b"GLIF"
# magic, version, width, height, box (4), phash, dhash, map width and height, detail and seal
# lengths, number of anchors
_HEADER = struct.Struct("<4sBIIIIIIQQHHIIB")


@dataclass(frozen=True, eq=True)
class ImageFingerprint:
    """What ``similarity`` needs to know of one image; serialise with ``to_bytes``."""

    width: int  # decoded size (after EXIF orientation), pixels
    height: int
    box: tuple[int, int, int, int]  # content box in the image (x0, y0, x1, y1) after auto-crop
    phash: int  # 64-bit DCT hash of the detail map
    dhash: int  # 64-bit difference hash of the detail map
    map_size: tuple[int, int]  # detail map (width, height)
    detail: bytes = field(repr=False)  # zlib: int8 map, (pixel - paper) / _QUANT_STEP
    seal: bytes = field(default=b"", repr=False)  # zlib: uint8 red-ink map at half size; b"" if none
    anchors: tuple[int, ...] = ()  # 36-bit hashes of salient patches (only when content nears an edge)
    version: int = FINGERPRINT_VERSION

    @property
    def seal_size(self) -> tuple[int, int]:
        return _seal_size(self.map_size)

    @cached_property
    def _map(self) -> np.ndarray:
        """The decoded detail map in grey levels relative to the paper colour, blurred for comparing."""
        return ndimage.gaussian_filter(_unpack(self.detail, self.map_size, np.int8), _BLUR)

    @cached_property
    def _seal_map(self) -> np.ndarray | None:
        if not self.seal:
            return None
        return ndimage.gaussian_filter(_unpack(self.seal, self.seal_size, np.uint8), _SEAL_BLUR)

    @cached_property
    def _profiles(self) -> tuple[np.ndarray, np.ndarray]:
        m = self._map
        return m.sum(axis=1), m.sum(axis=0)


def _seal_size(map_size: tuple[int, int]) -> tuple[int, int]:
    return max(1, map_size[0] // _SEAL_REDUCE), max(1, map_size[1] // _SEAL_REDUCE)


def _unpack(blob: bytes, size: tuple[int, int], dtype: type) -> np.ndarray:
    w, h = size
    try:
        q = np.frombuffer(zlib.decompress(blob), dtype=dtype)
    except zlib.error as e:
        raise ValueError("corrupt image fingerprint: map data") from e
    if q.size != w * h:
        raise ValueError("corrupt image fingerprint: map size")
    return q.reshape(h, w).astype(np.float32) * np.float32(_QUANT_STEP)


# --------------------------------------------------------------------------- decoding


def _pixel_limit() -> int:
    # Honour Pillow's limit (an application may lower it); if someone switched it off, keep
    # Pillow's default: evidence comes from outside and must not exhaust the workstation's memory.
    limit = Image.MAX_IMAGE_PIXELS
    return int(limit) if limit else 89_478_485


def _open(data: bytes | bytearray | memoryview | str | os.PathLike[str]) -> Image.Image:
    """Open and decode to 'RGB' or 'L' with EXIF orientation applied; ``ValueError`` if impossible."""
    if isinstance(data, (str, os.PathLike)):
        # Read the file whole: Pillow keeps lazily opened files open until the pixels are loaded,
        # and evidence files are read once anyway (the vault hashes them).
        what = os.fspath(data)
        data = Path(what).read_bytes()
    elif isinstance(data, (bytes, bytearray, memoryview)):
        what = "data"
    else:
        raise TypeError(f"image_fingerprint expects bytes or a path, not {type(data).__name__}")
    src = io.BytesIO(bytes(data))
    try:
        with warnings.catch_warnings():
            # Pillow warns between 1x and 2x its limit and raises above: both mean "refuse".
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(src)
            w, h = im.size
            if w <= 0 or h <= 0:
                raise ValueError(f"not an image (empty picture): {what}")
            if w * h > _pixel_limit():
                raise ValueError(
                    f"image too large to fingerprint: {w} x {h} = {w * h} pixels "
                    f"(limit {_pixel_limit()}, possible decompression bomb)"
                )
            if im.format == "JPEG":
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: we never need more than ~2x the
                # detail map, and this is most of the speed on large photos.
                im.draft("L" if im.mode == "L" else "RGB", (DETAIL_SIZE * 2, DETAIL_SIZE * 2))
            im.seek(0)  # first frame of animations and multi-page TIFF
            im.load()
            im = _orient(im)
            return _to_rgb_or_grey(im)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ValueError(f"image too large to fingerprint (possible decompression bomb): {e}") from e
    except UnidentifiedImageError as e:
        raise ValueError(f"not an image or an unsupported image format: {what}") from e
    except (OSError, SyntaxError, EOFError, struct.error, IndexError) as e:
        # Truncated or corrupt files surface as any of these from the various decoders.
        raise ValueError(f"unreadable image ({e.__class__.__name__}: {e}): {what}") from e


def _orient(im: Image.Image) -> Image.Image:
    # A phone photo re-saved by a tool that drops EXIF is rotated in pixels instead; apply the tag
    # so both look the same. Only when a tag says so: exif_transpose copies the image otherwise.
    try:
        orientation = im.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - broken EXIF must not make a readable image unreadable
        return im
    return ImageOps.exif_transpose(im) if orientation not in (None, 1) else im


def _to_rgb_or_grey(im: Image.Image) -> Image.Image:
    if im.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        # 16-bit and float images: scale to 8 bits (convert('L') would clip everything above 255).
        a = np.asarray(im, dtype=np.float32)
        top = float(a.max()) if a.size else 0.0
        a = a * (255.0 / top) if top > 0 else a
        return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    if im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (im.mode == "P" and "transparency" in im.info):
        # Transparent pixels may hold any colour; what a viewer shows is the picture on white.
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if im.mode in ("L", "RGB"):
        return im
    return im.convert("L" if im.mode == "1" else "RGB")


# --------------------------------------------------------------------------- fingerprint


def _content_box(a: np.ndarray) -> tuple[tuple[int, int, int, int], float]:
    """Bounding box of what differs from the border colour, and that colour (the paper)."""
    h, w = a.shape
    frame = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    paper = float(np.median(frame))
    # Work on a strided view for big images: subsampling (not averaging) keeps thin strokes at
    # full contrast, and a 2-4 px uncertainty of the box is absorbed by the registration.
    k = max(1, max(h, w) // 1024)
    sub = a[::k, ::k]
    mask = np.abs(sub.astype(np.int16) - int(round(paper))) > _CROP_DIFF
    rows = np.flatnonzero(mask.sum(axis=1) > max(1.0, _CROP_FRACTION * sub.shape[1]))
    cols = np.flatnonzero(mask.sum(axis=0) > max(1.0, _CROP_FRACTION * sub.shape[0]))
    if rows.size == 0 or cols.size == 0:
        return (0, 0, w, h), paper
    r0, r1, c0, c1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    # Only a flat margin is cut. A photo has no paper: a smooth patch near the median colour can
    # pass the threshold above, and cutting it would make the box depend on brightness.
    if r0 and sub[:r0].std() > _CROP_FLAT:
        r0 = 0
    if r1 < sub.shape[0] and sub[r1:].std() > _CROP_FLAT:
        r1 = sub.shape[0]
    if c0 and sub[:, :c0].std() > _CROP_FLAT:
        c0 = 0
    if c1 < sub.shape[1] and sub[:, c1:].std() > _CROP_FLAT:
        c1 = sub.shape[1]
    y0, y1 = r0 * k, min(h, r1 * k)
    x0, x1 = c0 * k, min(w, c1 * k)
    if (y1 - y0) * (x1 - x0) < _CROP_MIN_AREA * h * w:
        return (0, 0, w, h), paper
    return (x0, y0, x1, y1), paper


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    x = np.arange(n)[None, :]
    return np.cos(np.pi * (2 * x + 1) * k / (2 * n)).astype(np.float64)


_DCT32 = _dct_matrix(32)


def _resize_f(m: np.ndarray, w: int, h: int) -> np.ndarray:
    return np.asarray(Image.fromarray(m.astype(np.float32), "F").resize((w, h), Image.Resampling.BOX))


def _bits_to_int(bits: np.ndarray) -> int:
    """Bits (first = most significant) as an int of exactly len(bits) bits."""
    flat = bits.astype(np.uint8).ravel()
    return int.from_bytes(np.packbits(flat).tobytes(), "big") >> (-flat.size % 8)


def _phash(m: np.ndarray) -> int:
    """Classic DCT hash: the 8 x 8 lowest frequencies of a 32 x 32 reduction against their median."""
    c = _DCT32 @ _resize_f(m, 32, 32).astype(np.float64) @ _DCT32.T
    low = c[:8, :8].ravel()
    return _bits_to_int(low > np.median(low[1:]))


def _dhash(m: np.ndarray) -> int:
    """Difference hash: signs of horizontal gradients of a 9 x 8 reduction."""
    t = _resize_f(m, 9, 8)
    return _bits_to_int(t[:, 1:] > t[:, :-1])


def image_fingerprint(data: bytes | Path | str) -> ImageFingerprint:
    """Fingerprint an image given as bytes or a path. ``ValueError`` for non-images and bombs."""
    im = _open(data)
    grey = im if im.mode == "L" else im.convert("L")
    a = np.asarray(grey)
    h, w = a.shape
    box, paper = _content_box(a)
    bw, bh = box[2] - box[0], box[3] - box[1]
    s = DETAIL_SIZE / max(bw, bh)
    mw, mh = max(8, round(bw * s)), max(8, round(bh * s))
    # Pillow's resampling filters widen with the reduction factor (proper anti-aliasing); ``box``
    # resamples the content straight from the full-resolution pixels, and ``reducing_gap`` first
    # box-reduces by an integer factor (several times faster on big pictures, same result within
    # a grey level). Colour is resampled once; grey and red ink are both derived from it.
    small = im.resize((mw, mh), Image.Resampling.BILINEAR, box=box, reducing_gap=2.0)
    small_grey = small if small.mode == "L" else small.convert("L")
    t = np.asarray(small_grey, dtype=np.float32)
    q = np.clip(np.rint((t - np.float32(paper)) / np.float32(_QUANT_STEP)), -15, 15).astype(np.int8)
    m = q.astype(np.float32) * np.float32(_QUANT_STEP)
    return ImageFingerprint(
        width=w,
        height=h,
        box=box,
        phash=_phash(m),
        dhash=_dhash(m),
        map_size=(mw, mh),
        detail=_compress(q),
        seal=_seal(small),
        anchors=_anchors(m) if _near_edge(box, w, h) else (),
    )


def _compress(q: np.ndarray) -> bytes:
    # Documents are mostly paper (zeros) and compress 10x at level 6 in under a millisecond; a
    # photo's map is dense, where level 6 costs 10 ms for 25% less: level 1 there.
    return zlib.compress(q.tobytes(), 6 if np.count_nonzero(q) < q.size // 2 else 1)


def _near_edge(box: tuple[int, int, int, int], w: int, h: int) -> bool:
    """Could a crop of up to 5% per side cut into this image's content (or has one already)?"""
    x0, y0, x1, y1 = box
    m = _ANCHOR_MARGIN
    return x0 < m * w or y0 < m * h or (w - x1) < m * w or (h - y1) < m * h


def _anchors(m: np.ndarray) -> tuple[int, ...]:
    """Hashes of the most salient patches: index keys that survive crops into the content.

    The global hashes see the whole frame, so when a crop cuts into the content (a screenshot's
    title bar, a photo) they move by 8-20 bits. Blob-like spots found by a difference of Gaussians
    on a 4x reduced map move with the content instead; a 12 x 12 patch around each, as 6 x 6 cell
    means against their median, gives a 36-bit hash that a crop, a re-scale or JPEG rarely
    changes. Each patch also gives the variant with its least certain bit (the cell closest to the
    mean) flipped, so one wavering cell does not lose the key. Measured on 1,047 crop, re-scale and
    brightness transforms of 175 distinct images (bench_image.py's set): with 24 patches every copy
    shares at least one anchor with its original (median 20); 69% of pairs of *different* images
    of that set (mostly one of three certificate layouts) share one too, which only costs time.
    """
    h, w = m.shape
    c = _resize_f(m, max(8, w // 4), max(8, h // 4))
    fine = ndimage.gaussian_filter(c, 1.0)
    response = np.abs(ndimage.gaussian_filter(c, 1.0) - ndimage.gaussian_filter(c, 2.0))
    r = _ANCHOR_RADIUS
    peaks = (response == ndimage.maximum_filter(response, size=5)) & (response > 1.0)
    peaks[:r, :] = peaks[-r:, :] = False
    peaks[:, :r] = peaks[:, -r:] = False
    ys, xs = np.nonzero(peaks)
    # Strongest first; ties (flat documents have many) broken by position, for determinism.
    order = np.lexsort((xs, ys, -response[ys, xs]))[:_ANCHORS]
    cell = 2 * r // 6
    out: set[int] = set()
    for k in order:
        y, x = int(ys[k]), int(xs[k])
        v = fine[y - r : y + r, x - r : x + r].reshape(6, cell, 6, cell).mean(axis=(1, 3)).ravel()
        mean = float(v.mean())
        bits = v > mean
        out.add(_bits_to_int(bits))
        bits[int(np.argmin(np.abs(v - mean)))] ^= True
        out.add(_bits_to_int(bits))
    return tuple(sorted(out))


def _seal(small: Image.Image) -> bytes:
    """Red-ink map (R - max(G, B)) of the content, quantised like the detail map; b"" if nothing red."""
    if small.mode != "RGB":
        return b""
    sw, sh = _seal_size(small.size)
    c = np.asarray(small.resize((sw, sh), Image.Resampling.BILINEAR), dtype=np.int16)
    red = c[..., 0] - np.maximum(c[..., 1], c[..., 2])
    q = np.clip(np.rint(red / _QUANT_STEP), 0, 15).astype(np.uint8)
    if np.count_nonzero(q * _QUANT_STEP >= _SEAL_MIN) < 4:
        return b""  # nothing red worth comparing: keep fingerprints of plain images small
    return _compress(q)


# --------------------------------------------------------------------------- index keys


def hash_keys(fp: ImageFingerprint) -> list[str]:
    """Short strings for an indexed table: images sharing a key are candidate matches.

    Each 64-bit hash is cut into four 16-bit bands, so two images within Hamming distance 3 of
    either hash share at least one key (pigeonhole); images whose content comes near an edge add
    one key per anchor patch, for crops that cut into the content. Keys name the version, the hash
    and the band and are plain hex: identical in every process and on every platform (no
    ``hash()``). At most 56 keys of at most 14 characters.
    """
    keys = []
    for name, value in (("p", fp.phash), ("d", fp.dhash)):
        for band in range(4):
            seg = (value >> (16 * (3 - band))) & 0xFFFF
            keys.append(f"i{fp.version}{name}{band}:{seg:04x}")
    keys.extend(f"i{fp.version}a:{a:09x}" for a in fp.anchors)
    return keys


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


# --------------------------------------------------------------------------- comparison


def _interp(p: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Linear interpolation of profile ``p`` at positions ``x`` (any shape), 0 outside."""
    n = p.size
    padded = np.concatenate([[0.0], p, [0.0, 0.0]]).astype(np.float32)
    i0 = np.floor(x).astype(np.int64)
    f = (x - i0).astype(np.float32)
    lo = padded[np.clip(i0 + 1, 0, n + 1)]
    hi = padded[np.clip(i0 + 2, 0, n + 1)]
    v = lo * (1 - f) + hi * f
    v[(x < -1) | (x > n)] = 0.0
    return v


def _correlate(pa: np.ndarray, pb: np.ndarray, scales: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """Correlation of ``pa(x)`` with ``pb(s*x + t)`` for every scale s and shift t, over the overlap.

    Only positions where pb exists count: when b was cropped into the content (a screenshot's
    status bar cut off), the part of a that b lacks would otherwise pull the fit towards a wrong
    scale. The search range keeps the overlap above ~75%, so a small overlap cannot win by chance.
    """
    x = np.arange(pa.size, dtype=np.float32)
    pos = x[None, None, :] * scales[:, None, None].astype(np.float32) + shifts[None, :, None].astype(np.float32)
    v = _interp(pb, pos)
    w = ((pos >= 0) & (pos <= pb.size - 1)).astype(np.float32)
    n = np.maximum(w.sum(axis=-1), 1.0)
    a = pa.astype(np.float32)
    ma = (w * a).sum(axis=-1) / n
    mv = (w * v).sum(axis=-1) / n
    cov = (w * a * v).sum(axis=-1) / n - ma * mv
    va = (w * a * a).sum(axis=-1) / n - ma * ma
    vv = (w * v * v).sum(axis=-1) / n - mv * mv
    return cov / np.sqrt(np.maximum(va * vv, 1e-12))


def _align_axis(pa: np.ndarray, pb: np.ndarray) -> tuple[float, float]:
    """Scale s and shift t such that profile pb(s*x + t) best matches pa(x); coarse to fine."""
    na, nb = pa.size, pb.size
    ratio = nb / na
    k = 4  # the coarse pass works on profiles binned by 4: a wide search at a sixteenth the cost
    ca = pa[: na // k * k].reshape(-1, k).sum(axis=1).astype(np.float32)
    cb = pb[: nb // k * k].reshape(-1, k).sum(axis=1).astype(np.float32)
    scales = np.linspace(ratio * (1 - _SEARCH_SCALE), ratio * (1 + _SEARCH_SCALE), 15)
    shifts = np.linspace(-_SEARCH_SHIFT * nb / k, _SEARCH_SHIFT * nb / k, 25)
    c = _correlate(ca, cb, scales, shifts)
    i, j = np.unravel_index(int(np.argmax(c)), c.shape)
    # Binned index u covers fine pixels k*u .. k*u+k-1 (centre k*u + (k-1)/2): map the coarse shift.
    s_c = float(scales[i])
    t_c = float(shifts[j]) * k + (k - 1) / 2 * (1 - s_c)
    ds, dt = float(scales[1] - scales[0]), float(shifts[1] - shifts[0]) * k
    fa, fb = pa.astype(np.float32), pb.astype(np.float32)
    for _ in range(2):
        scales = np.linspace(s_c - ds, s_c + ds, 9)
        shifts = np.linspace(t_c - dt, t_c + dt, 9)
        c = _correlate(fa, fb, scales, shifts)
        i, j = np.unravel_index(int(np.argmax(c)), c.shape)
        s_c, t_c = float(scales[i]), float(shifts[j])
        ds, dt = ds / 4, dt / 4
    return s_c, t_c


def _axis_sampling(n_out: int, n_in: int, s: float, t: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Indices into a zero-padded axis and weights for sampling at s*x + t, plus an inside mask."""
    pos = np.arange(n_out, dtype=np.float64) * s + t
    i0 = np.floor(pos).astype(np.int64)
    f = (pos - i0).astype(np.float32)
    inside = (pos >= 0) & (pos <= n_in - 1)
    return np.clip(i0 + 1, 0, n_in + 1), np.clip(i0 + 2, 0, n_in + 1), f, inside


def _warp(
    m: np.ndarray, shape: tuple[int, ...], sy: float, ty: float, sx: float, tx: float
) -> tuple[np.ndarray, np.ndarray]:
    """m sampled at (sy*y + ty, sx*x + tx), bilinear, 0 outside; and where that lies inside m.

    The transform is separable (scale and shift per axis), so four gathers replace a general
    affine resampling (scipy's affine_transform took half the comparison time).
    """
    y0, y1, fy, iny = _axis_sampling(shape[0], m.shape[0], sy, ty)
    x0, x1, fx, inx = _axis_sampling(shape[1], m.shape[1], sx, tx)
    p = np.pad(m, ((1, 2), (1, 2)))
    top = p[y0][:, x0] * (1 - fx) + p[y0][:, x1] * fx
    bottom = p[y1][:, x0] * (1 - fx) + p[y1][:, x1] * fx
    out = top * (1 - fy)[:, None] + bottom * fy[:, None]
    return out, (iny[:, None] & inx[None, :]).astype(np.float32)


def _blocks(m: np.ndarray, ny: int, nx: int, bs: int) -> np.ndarray:
    return m[: ny * bs, : nx * bs].reshape(ny, bs, nx, bs).transpose(0, 2, 1, 3).reshape(ny, nx, -1)


def _agreement(ma: np.ndarray, mb: np.ndarray, inside: np.ndarray, bs: int) -> tuple[int, int, int]:
    """Blocks of ``ma`` and the registered ``mb``: (agreeing, with content and compared, with content in a)."""
    ny, nx = ma.shape[0] // bs, ma.shape[1] // bs
    if ny == 0 or nx == 0:
        return 0, 0, 0
    xa, xb = _blocks(ma, ny, nx, bs), _blocks(mb, ny, nx, bs)
    xa = xa - xa.mean(axis=-1, keepdims=True)
    xb = xb - xb.mean(axis=-1, keepdims=True)
    sa, sb = np.sqrt((xa**2).mean(axis=-1)), np.sqrt((xb**2).mean(axis=-1))
    ncc = (xa * xb).mean(axis=-1) / np.maximum(sa * sb, 1e-6)
    hi, lo = np.maximum(sa, sb), np.minimum(sa, sb)
    # Content in a's block or b's; a block that is blank on one side only is a difference
    # (a missing line, a seal stamped elsewhere), not a "don't know".
    content = hi > _CONTENT_STD
    agree = (ncc > _AGREE_NCC) & (lo >= _EMPTY_RATIO * hi)
    valid = _blocks(inside, ny, nx, bs).mean(axis=-1) > 0.9
    return (
        int(np.count_nonzero(agree & content & valid)),
        int(np.count_nonzero(content & valid)),
        int(np.count_nonzero(sa > _CONTENT_STD)),
    )


def _compare(a: ImageFingerprint, b: ImageFingerprint) -> float:
    """Share of the content blocks that agree, after registering b onto a."""
    ma, mb = a._map, b._map
    (ra, ca), (rb, cb) = a._profiles, b._profiles
    sy, ty = _align_axis(ra, rb)
    sx, tx = _align_axis(ca, cb)
    warped, inside = _warp(mb, ma.shape, sy, ty, sx, tx)
    agree, n_valid, n_all = _agreement(ma, warped, inside, _BLOCK)
    sa, sb = a._seal_map, b._seal_map
    # Seals are compared only when both images have red ink: a greyscale scan of a forgery has no
    # red map, and then luminance (where the seal shows as mid-grey) decides alone.
    if sa is not None and sb is not None:
        # Same registration, rescaled to the seal maps' sizes (each is about half its detail map).
        fy_a, fx_a = ma.shape[0] / sa.shape[0], ma.shape[1] / sa.shape[1]
        fy_b, fx_b = mb.shape[0] / sb.shape[0], mb.shape[1] / sb.shape[1]
        warped_s, inside_s = _warp(sb, sa.shape, sy * fy_a / fy_b, ty / fy_b, sx * fx_a / fx_b, tx / fx_b)
        g, v, n = _agreement(sa, warped_s, inside_s, _SEAL_BLOCK)
        agree, n_valid, n_all = agree + g, n_valid + v, n_all + n
    if n_valid < _MIN_BLOCKS:
        return 0.0
    # Content of a that b's picture does not reach (b was cropped into the content) counts as
    # unknown up to (1 - _OVERLAP) of a's content; beyond that, lost content lowers the score.
    return agree / max(n_valid, _OVERLAP * n_all)


def _order_key(fp: ImageFingerprint) -> tuple[int, int, int, int, bytes]:
    return (fp.map_size[0] * fp.map_size[1], fp.phash, fp.dhash, len(fp.detail), fp.detail)


def similarity(fp_a: ImageFingerprint, fp_b: ImageFingerprint) -> float:
    """0..1: the share of content that is identical once b is registered onto a (symmetric)."""
    if fp_a.version != fp_b.version:
        raise ValueError(f"image fingerprints of different versions ({fp_a.version}, {fp_b.version})")
    # Registration and block grid are defined in the first image's frame; a fixed order of the two
    # makes the score symmetric and deterministic without computing it twice.
    if _order_key(fp_b) > _order_key(fp_a):
        fp_a, fp_b = fp_b, fp_a
    return _compare(fp_a, fp_b)


def is_match(fp_a: ImageFingerprint, fp_b: ImageFingerprint, threshold: float = MATCH_THRESHOLD) -> bool:
    return similarity(fp_a, fp_b) >= threshold


K = TypeVar("K", bound=Hashable)


def find_matches(
    fingerprints: Mapping[K, ImageFingerprint], threshold: float = MATCH_THRESHOLD
) -> list[tuple[K, K, float]]:
    """All matching pairs among ``fingerprints`` (candidates from ``hash_keys``, then verified).

    The same pipeline as the incremental database path; pairs come in the mapping's order.
    """
    order = {k: i for i, k in enumerate(fingerprints)}
    candidates = candidate_pairs(fingerprints)
    out = []
    for x, y in sorted(candidates, key=lambda p: (order[p[0]], order[p[1]])):
        s = similarity(fingerprints[x], fingerprints[y])
        if s >= threshold:
            out.append((x, y, s))
    return out


def candidate_pairs(fingerprints: Mapping[K, ImageFingerprint]) -> set[tuple[K, K]]:
    """Pairs sharing at least one hash key (what ``find_matches`` verifies)."""
    order = {k: i for i, k in enumerate(fingerprints)}
    buckets: dict[str, list[K]] = defaultdict(list)
    for k, fp in fingerprints.items():
        for key in hash_keys(fp):
            buckets[key].append(k)
    out: set[tuple[K, K]] = set()
    for members in buckets.values():
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                out.add((x, y) if order[x] < order[y] else (y, x))
    return out


# --------------------------------------------------------------------------- storage


def to_bytes(fp: ImageFingerprint) -> bytes:
    """Compact binary form for a database column: a fixed header, then the two compressed maps."""
    head = _HEADER.pack(
        _MAGIC,
        fp.version,
        fp.width,
        fp.height,
        *fp.box,
        fp.phash,
        fp.dhash,
        fp.map_size[0],
        fp.map_size[1],
        len(fp.detail),
        len(fp.seal),
        len(fp.anchors),
    )
    return head + fp.detail + fp.seal + b"".join(a.to_bytes(8, "little") for a in fp.anchors)


def from_bytes(data: bytes | bytearray | memoryview) -> ImageFingerprint:
    """Inverse of ``to_bytes``; ``ValueError`` for anything else (or another version)."""
    data = bytes(data)
    if len(data) < _HEADER.size or data[:4] != _MAGIC:
        raise ValueError("not a Greyline image fingerprint")
    _, version, w, h, x0, y0, x1, y1, ph, dh, mw, mh, nd, ns, na = _HEADER.unpack_from(data)
    if version != FINGERPRINT_VERSION:
        raise ValueError(f"image fingerprint version {version} (expected {FINGERPRINT_VERSION}): recompute it")
    if len(data) != _HEADER.size + nd + ns + 8 * na:
        raise ValueError("corrupt image fingerprint: wrong length")
    at = _HEADER.size
    detail, seal = data[at : at + nd], data[at + nd : at + nd + ns]
    at += nd + ns
    anchors = tuple(int.from_bytes(data[at + 8 * i : at + 8 * i + 8], "little") for i in range(na))
    return ImageFingerprint(w, h, (x0, y0, x1, y1), ph, dh, (mw, mh), detail, seal, anchors, version)

"""Template-text detection: near-duplicate complaints written from one template.

Agents file the same complaint for many customers with the names, dates, amounts and phone numbers
changed and a sentence moved, dropped or reworded. This module finds such pairs:

1. ``normalise_text`` folds full-width forms, lower-cases Latin letters and replaces the values that
   change from customer to customer (names, dates, amounts, numbers, phone and ID numbers, masked
   numbers) by one-letter placeholders, so two fillings of a template look alike after it;
2. ``shingles`` cuts the result into character k-shingles (Chinese) or word k-shingles (English),
   one code path configured by ``ShingleConfig``;
3. ``TemplateIndexer`` sketches each text (one-permutation MinHash in numpy: datasketch hashes
   each shingle in Python and is about 20x slower) and cuts the signature into LSH bands whose
   keys (``band_keys``) are short, stable strings for a database table with an index, so
   detection is incremental and needs only equality look-ups (SQLite and PostgreSQL alike);
4. texts sharing a band are candidates, verified with the exact Jaccard similarity of their
   shingle sets (``compare``/``accepts`` for the database path, ``find_pairs`` in memory);
5. ``clusters`` groups verified pairs into template families, ``explain`` aligns two texts for a
   side-by-side view.

Parameters, chosen by measurement (see the comment at ``DEFAULT_NUM_PERM`` and
``tests/benchmarks/bench_template.py``): character 4-shingles, 128 sketch values in 32 bands of 4
rows, Jaccard threshold 0.5 with at least 50 shared shingles.

Database use (incremental): when a complaint is saved, store ``ix.index_keys(text, [name])`` as
rows (complaint, key) in an indexed table, with ``ix.scheme`` kept once (a different scheme means
every key must be recomputed). Candidates for a complaint are the other complaints sharing any of
its keys (one ``IN`` query); verify each with ``ix.compare(...)`` and keep those ``ix.accepts``.
Texts too short to be evidence get no keys. ``find_pairs`` is the same pipeline in memory.

No Qt, no SQLAlchemy: stdlib and numpy only.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

__all__ = [
    "DEFAULT_BANDS",
    "DEFAULT_MIN_SHARED",
    "DEFAULT_NUM_PERM",
    "DEFAULT_ROWS",
    "DEFAULT_THRESHOLD",
    "NORMALISATION_VERSION",
    "PLACEHOLDERS",
    "PairScore",
    "Segment",
    "ShingleBatch",
    "ShingleConfig",
    "TemplateIndexer",
    "candidate_probability",
    "clusters",
    "containment",
    "detect_lang",
    "explain",
    "find_pairs",
    "jaccard",
    "normalise_text",
    "shingles",
    "similarity",
]

# --------------------------------------------------------------------------- normalisation

# Raise when a change below alters normalised text: stored band keys then need recomputing.
NORMALISATION_VERSION = 1

# One upper-case ASCII letter per kind of value. Text is lower-cased before the placeholders go in,
# so they can never be confused with letters of the complaint itself.
PLACEHOLDERS: dict[str, str] = {
    "name": "X",
    "masked": "M",
    "date": "D",
    "amount": "A",
    "long_number": "P",  # phone, ID, bank card, contract or work-order number
    "number": "N",
}

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CN_NUM = "零一二两三四五六七八九十百千万亿"
# Alternatives are tried left to right at each position, so the more specific kinds come first:
# a masked phone before a plain number, a date before its digits, an amount before a long digit run.
# The leading look-ahead lets the engine skip, in one cheap test, the many positions where no value
# can start (about 3x faster on Chinese text).
_VALUE_RE = re.compile(
    rf"(?=[\d¥$*一二两三四五六七八九十jfmasond])(?:"
    + "|".join(
        (
            r"(?P<masked>\d+[*]{2,}[\dx]*|[*]{2,}\d+|\d{2,}x{3,}\d+)",
            r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
            r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
            r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
            r"|\d{1,2}/\d{1,2}/\d{4}"
            rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}})",
            r"(?P<phone>(?<!\d)(?:1\d{2}[- ]\d{4}[- ]\d{4}|0\d{2,3}-\d{7,8})(?!\d))",
            r"(?P<amount>[¥$]\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:万元|万|元|块钱|块))?"
            r"|\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元|块钱|块|rmb\b|yuan\b|usd\b|dollars?\b)"
            rf"|[一二两三四五六七八九十][{_CN_NUM}]*(?:万元|元|块钱))",
            r"(?P<long_number>\d{17}[\dx]|\d{7,})",
            r"(?P<number>\d+(?:[,.]\d+)*)",
        )
    )
    + ")"
)
# Names introduced by a label ("投诉人：张三，") are safe to find without a list of names; names inside
# running text ("本人张三因个人原因") cannot be told from ordinary words, so callers pass known names.
_LABELLED_NAME_RE = re.compile(
    r"(?<=投诉人|借款人|申请人|委托人|代理人|联系人)[:：]?\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,。；;、\s（(]|身份证|电话|手机|$)"
    r"|(?<=姓名)[:：]?\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,。；;、\s（(]|身份证|电话|手机|$)"
)
# Full-width forms and the ideographic space: folded run by run, then NFKC on the rare rest. Most
# Chinese complaints are NFKC-normal apart from their full-width punctuation, and normalising
# the whole string costs more than everything else in this function together.
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e\uffe0-\uffee\u3000]+")
_NON_WORD_RE = re.compile(r"[\W_]+")
_NOT_LETTER = b" 0123456789_"


def _nfkc(text: str) -> str:
    s = _FULL_WIDTH_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return s if unicodedata.is_normalized("NFKC", s) else unicodedata.normalize("NFKC", s)


def _value_placeholder(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "phone":
        kind = "long_number"
    return f" {PLACEHOLDERS[kind or 'number']} "


def _is_chinese(words: str) -> bool:
    """True when ``words`` (punctuation already turned into spaces) is mainly CJK.

    Non-ASCII characters stand for CJK (after NFKC and without punctuation little else is left);
    one of them carries about as much as a short English word, hence the factor 5 against the
    ASCII letters.
    """
    ascii_part = words.encode("ascii", "ignore")
    non_ascii = len(words) - len(ascii_part)
    if non_ascii == 0:
        return False
    return non_ascii * 5 >= len(ascii_part.translate(None, _NOT_LETTER))


def detect_lang(text: str) -> Literal["zh", "en"]:
    """'zh' when the text is mainly CJK, else 'en' (the choice made by ``lang='auto'``)."""
    return "zh" if _is_chinese(_NON_WORD_RE.sub(" ", _nfkc(text))) else "en"


def normalise_text(text: str, *, lang: str = "auto", known_names: Iterable[str] = ()) -> str:
    """Fold ``text`` so that two fillings of one template become (nearly) the same string.

    Full-width forms are folded (NFKC), Latin letters lower-cased, and the values that change from
    customer to customer are replaced by the one-letter ``PLACEHOLDERS``: ``known_names`` (the
    customer's own name, which cannot be found reliably otherwise) and labelled names ('投诉人：'),
    dates (2026年5月3日, 2026-05-03, 5月3日), amounts (12000元, ¥1,200.50, 1.2万), masked numbers
    (138****1234), phone/ID-like digit runs and other numbers. For Chinese (``lang='zh'``, or
    'auto' and mainly CJK) punctuation and whitespace are dropped; for English word boundaries are
    kept as single spaces.
    """
    s = _nfkc(text).lower()
    for name in sorted({_nfkc(n).lower().strip() for n in known_names}, key=len, reverse=True):
        if len(name) >= 2:
            s = s.replace(name, f" {PLACEHOLDERS['name']} ")
    if "人" in s or "姓名" in s:
        s = _LABELLED_NAME_RE.sub(f" {PLACEHOLDERS['name']} ", s)
    # Spaces around placeholders keep English words apart; for Chinese they are dropped below.
    s = _VALUE_RE.sub(_value_placeholder, s)
    s = _NON_WORD_RE.sub(" ", s).strip()
    zh = _is_chinese(s) if lang == "auto" else lang.lower().startswith("zh")
    return s.replace(" ", "") if zh else s


# --------------------------------------------------------------------------- shingles


@dataclass(frozen=True)
class ShingleConfig:
    """How a normalised text is cut into shingles.

    ``kind='char'`` takes k consecutive characters (Chinese has no word boundaries to rely on),
    ``'word'`` takes k consecutive words (English), ``'auto'`` decides per text by the share of
    CJK characters. k is ``k`` when given, else ``char_k`` or ``word_k`` for the kind chosen.
    """

    kind: Literal["char", "word", "auto"] = "auto"
    k: int | None = None
    char_k: int = 4
    word_k: int = 2

    def resolve(self, normalised: str) -> tuple[Literal["char", "word"], int]:
        """(kind, k) for one normalised text."""
        kind = self.kind
        if kind == "auto":
            kind = "char" if _is_chinese(normalised) else "word"
        if self.k is not None:
            return kind, self.k
        return kind, self.char_k if kind == "char" else self.word_k


def shingles(text: str, k: int | ShingleConfig | None = None, *, normalised: bool = True) -> set[str]:
    """The set of k-shingles of ``text`` (already normalised unless ``normalised=False``).

    ``k`` may be an int (character shingles for Chinese, word shingles otherwise), a
    ``ShingleConfig``, or None for the default configuration. A text shorter than k gives one
    shingle, the whole text, so short texts still compare.
    """
    cfg = k if isinstance(k, ShingleConfig) else ShingleConfig(k=k)
    if not normalised:
        text = normalise_text(text, lang={"char": "zh", "word": "en"}.get(cfg.kind, "auto"))
    kind, kk = cfg.resolve(text)
    toks = list(text) if kind == "char" else text.split()
    if not toks:
        return set()
    sep = "" if kind == "char" else " "
    if len(toks) <= kk:
        return {sep.join(toks)}
    return {sep.join(toks[i : i + kk]) for i in range(len(toks) - kk + 1)}


def jaccard(a: set, b: set) -> float:  # type: ignore[type-arg]
    """Exact Jaccard similarity |A∩B| / |A∪B| of two shingle sets (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _containment_sets(a: set, b: set) -> float:  # type: ignore[type-arg]
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return len(a & b) / len(a)


# --------------------------------------------------------------------------- 64-bit hashing

_M64 = (1 << 64) - 1
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
# Odd multiplier of the polynomial shingle fold; distinct shingles of code points below 2**21
# collide only if a 4-term combination with small coefficients vanishes modulo 2**64.
_FOLD = np.uint64(0xD6E8FEB86659FD93)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _mix64(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser on a uint64 array, in place (wrapping arithmetic; numpy arrays never
    warn on overflow, only numpy scalars do, so callers always pass arrays)."""
    z ^= z >> _S30
    z *= _MIX1
    z ^= z >> _S27
    z *= _MIX2
    z ^= z >> _S31
    return z


def _fold_tokens(tokens: np.ndarray, n: int, k: int) -> np.ndarray:
    """Fingerprints of the ``n`` windows of ``k`` tokens starting at 0..n-1 of ``tokens``
    (which must hold n + k - 1 tokens at least): a polynomial over the tokens, then mixed.
    The length k is mixed in too, so a short whole-text shingle never equals a k-shingle."""
    h = tokens[:n] + np.uint64(k)
    for j in range(1, k):
        h *= _FOLD
        h += tokens[j : j + n]
    return _mix64(h)


def _splitmix_ints(seed: int, n: int) -> list[int]:
    """``n`` pseudo-random 64-bit ints from ``seed`` in pure Python, identical on every machine
    (numpy's Generator streams are not promised to stay the same across numpy versions)."""
    out = []
    x = seed & _M64
    for _ in range(n):
        x = (x + 0x9E3779B97F4A7C15) & _M64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
        out.append(z ^ (z >> 31))
    return out


def _word_id(word: str, cache: dict[str, int]) -> int:
    """Stable 64-bit id of an English word (cached: a few thousand words make most text)."""
    v = cache.get(word)
    if v is None:
        if len(cache) > 200_000:  # a long-running session must not grow without bound
            cache.clear()
        v = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        cache[word] = v
    return v


# --------------------------------------------------------------------------- LSH parameters


def candidate_probability(s: float | np.ndarray, bands: int, rows: int) -> float | np.ndarray:
    """Probability that two texts of Jaccard similarity ``s`` share at least one band (S-curve):
    1 - (1 - s**rows)**bands."""
    p = 1.0 - (1.0 - np.asarray(s, dtype=float) ** rows) ** bands
    return float(p) if np.ndim(p) == 0 else p


# Chosen by measurement on the demo corpus (tests/benchmarks/bench_template.py):
# - character 4-shingles: template pairs keep a median Jaccard of about 0.75 after normalisation
#   while unrelated complaints drop below 0.3; 3-shingles blur that gap (more chance overlap
#   between short stock phrases), 5- and 6-shingles punish each edited character more and cost
#   recall (at threshold 0.5: recall 0.99 for k=4, 0.98 for k=5, 0.95 for k=6);
# - threshold 0.5 on the exact Jaccard, plus at least 50 shared shingles (about 50 characters of
#   shared wording): two short genuine complaints often coincide on a stock sentence
#   ("想申请展期，客服说系统不支持。"); that is no evidence of an agent, and without this floor such
#   pairs make up 14% of the pairs above the threshold in a 20,000-complaint corpus;
# - 128 hash values in 32 bands of 4 rows. S-curve P(candidate | s) = 1 - (1 - s^4)^32:
#   s=0.2: 0.05, 0.3: 0.23, 0.4: 0.56, 0.5: 0.87, 0.55: 0.95, 0.6: 0.988, 0.7: 0.9998.
#   Measured on 20,000 demo complaints (pairs of both texts long enough): 0.3-0.4: 0.32,
#   0.5-0.55: 0.91, 0.55-0.6: 0.97, 0.6-0.7: 0.998, above 0.7: 1.0, within 0.02 of the curve.
#   Template pairs sit mostly at 0.6-0.9; of all pairs above the threshold 99.7% share a band,
#   and the pairs a band misses are mostly recovered anyway because each connected group of
#   candidates is verified whole (see ``TemplateIndexer.pairs_in``): 99.99% found in the end.
#   3 rows (42 bands) would lift s=0.5 to 0.996, but also s=0.3 to 0.68: 4.3x the candidates
#   and twice the time for 7 more pairs out of 65,000, and 42 keys a text to store.
DEFAULT_NUM_PERM = 128
DEFAULT_BANDS = 32
DEFAULT_ROWS = 4
DEFAULT_THRESHOLD = 0.5
DEFAULT_MIN_SHARED = 50

_EMPTY = np.iinfo(np.uint64).max
_PROBES = 48  # densification attempts per empty bin before the rotation fallback
_DENSIFY_ROWS = 2048  # signatures densified at a time (a block's cells stay in the CPU cache)


# --------------------------------------------------------------------------- indexer


@dataclass(frozen=True)
class ShingleBatch:
    """Shingle fingerprints of many texts: one flat array and the start of each text in it.

    Made by ``TemplateIndexer.prepare``; texts are numbered 0..n-1 in the order given.
    """

    codes: np.ndarray  # uint64 shingle fingerprints, texts one after another (repeats kept)
    starts: np.ndarray  # int64 offsets into codes, len(texts) + 1

    def __len__(self) -> int:
        return self.starts.size - 1

    def counts(self) -> np.ndarray:
        """Number of shingle positions of each text (repeats included)."""
        return np.diff(self.starts)

    def sets(self, i: int) -> set[int]:
        """The shingle fingerprint set of text ``i``."""
        return set(self.codes[self.starts[i] : self.starts[i + 1]].tolist())

    def subset(self, idx: np.ndarray) -> ShingleBatch:
        """The texts ``idx`` only, renumbered 0..len(idx)-1."""
        lo, hi = self.starts[idx], self.starts[idx + 1]
        counts = hi - lo
        starts = np.zeros(idx.size + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        take = np.repeat(lo - starts[:-1], counts) + np.arange(starts[-1])
        return ShingleBatch(self.codes[take], starts)


@dataclass(frozen=True)
class PairScore:
    """Exact comparison of two texts after normalisation."""

    jaccard: float  # |A∩B| / |A∪B|
    containment: float  # |A∩B| / min(|A|, |B|): a short text pasted into a long one
    shared: int  # |A∩B|, number of shared shingles


@dataclass(frozen=True)
class TemplateIndexer:
    """Sketch-and-band configuration for template detection and the operations built on it.

    ``sketch='oph'`` (default) is one-permutation MinHash with optimal densification (Li, Owen
    and Zhang 2012; Shrivastava 2017): each shingle fingerprint falls into one of ``num_perm`` bins
    and each bin keeps its minimum, so signing costs one pass over the shingles instead of
    ``num_perm`` passes. Its estimate of the Jaccard similarity is unbiased with a spread no larger
    than classic MinHash's (measured on the demo corpus). ``sketch='minhash'`` is classic MinHash
    with ``num_perm`` multiply-add permutations, kept for comparison; it signs 1.6x (short texts,
    many bins to fill) to 3x (complaints long enough to be templates) slower.

    Signatures and band keys depend on every field here except ``threshold`` and
    ``prefilter_margin``; ``scheme`` names them, so a store can tell that its band keys were made
    with other parameters and must be recomputed.
    """

    num_perm: int = DEFAULT_NUM_PERM
    bands: int = DEFAULT_BANDS
    rows: int = DEFAULT_ROWS
    threshold: float = DEFAULT_THRESHOLD
    min_shared: int = DEFAULT_MIN_SHARED
    shingle: ShingleConfig = field(default_factory=ShingleConfig)
    sketch: Literal["oph", "minhash"] = "oph"
    seed: int = 1
    # Candidates whose sketch estimate is this far below the threshold skip exact verification:
    # near 0.5 the estimate's standard deviation is 0.032 (measured; at most 0.044 in theory), so
    # 0.1 is about 3 sigma. On 100,000 demo complaints 0.15 would verify twice as many pairs
    # (mostly genuine complaints sharing stock sentences) to find 8 more out of 738,768.
    prefilter_margin: float = 0.1
    # Derived from the fields above in __post_init__.
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)
    _salt: np.uint64 = field(init=False, repr=False, compare=False)
    _probe: np.ndarray = field(init=False, repr=False, compare=False)
    _band_salt: np.ndarray = field(init=False, repr=False, compare=False)
    _word_cache: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        if self.sketch not in ("oph", "minhash"):
            raise ValueError(f"unknown sketch {self.sketch!r}")
        coeffs = _splitmix_ints(self.seed, 2 * self.num_perm + 1)
        probes = _splitmix_ints(self.seed ^ 0xD0C5, self.num_perm * _PROBES)
        derived = {
            # Classic MinHash: multiply-add maps of the (already well mixed) 64-bit fingerprints;
            # odd multipliers make each map a bijection of the 64-bit integers.
            "_a": np.array([c | 1 for c in coeffs[: self.num_perm]], dtype=np.uint64)[:, None],
            "_b": np.array(coeffs[self.num_perm : 2 * self.num_perm], dtype=np.uint64)[:, None],
            "_salt": np.uint64(coeffs[-1]),
            # Optimal densification: empty bin i tries bins probe[i, 0], probe[i, 1], ... in an
            # order that is the same for every text, which keeps P(equal bin) = Jaccard.
            "_probe": (np.array(probes, dtype=np.uint64) % np.uint64(self.num_perm))
            .astype(np.int64)
            .reshape(self.num_perm, _PROBES),
            "_band_salt": np.array(_splitmix_ints(self.seed ^ 0x5EED, self.bands), dtype=np.uint64),
            "_word_cache": {},
        }
        for name, value in derived.items():  # frozen: the parameters never change after this
            object.__setattr__(self, name, value)

    # ---- identity

    @property
    def scheme(self) -> str:
        """Name of everything band keys depend on, e.g. 'oph1-n1-auto-c4w2-p128-b32x4-m50-s1'
        (``NORMALISATION_VERSION`` included: changing the normalisation changes the keys)."""
        sh = self.shingle
        k = f"k{sh.k}" if sh.k is not None else ""
        return (
            f"{self.sketch}1-n{NORMALISATION_VERSION}-{sh.kind}-c{sh.char_k}w{sh.word_k}{k}"
            f"-p{self.num_perm}-b{self.bands}x{self.rows}-m{self.min_shared}-s{self.seed}"
        )

    def s_curve(self, s: float | np.ndarray) -> float | np.ndarray:
        """Probability that a pair of Jaccard similarity ``s`` becomes a candidate."""
        return candidate_probability(s, self.bands, self.rows)

    # ---- shingles

    def normalise(self, text: str, known_names: Iterable[str] = ()) -> str:
        lang = {"char": "zh", "word": "en"}.get(self.shingle.kind, "auto")
        return normalise_text(text, lang=lang, known_names=known_names)

    def shingle_set(self, text: str, known_names: Iterable[str] = ()) -> set[str]:
        """Readable shingles of one text (``shingles`` of its normalised form)."""
        return shingles(self.normalise(text, known_names), self.shingle)

    def _token_ids(self, normalised: Sequence[str], kind: str) -> tuple[np.ndarray, np.ndarray]:
        """All tokens of the texts in one uint64 array (code points, or 64-bit word hashes) and
        the number of tokens of each text."""
        if kind == "char":
            lengths = np.fromiter(map(len, normalised), dtype=np.int64, count=len(normalised))
            joined = "".join(normalised).encode("utf-32-le")
            return np.frombuffer(joined, dtype="<u4").astype(np.uint64), lengths
        cache = self._word_cache
        words = [t.split() for t in normalised]
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        flat = [_word_id(w, cache) for ws in words for w in ws]
        return np.array(flat, dtype=np.uint64), lengths

    def _fold(self, normalised: Sequence[str], kind: str, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Shingle fingerprints of many texts at once: (flat codes in text order, count per text).

        Character and word shingles share this code path; a text shorter than k has one
        shingle, the whole text, as in ``shingles``.
        """
        toks, lengths = self._token_ids(normalised, kind)
        total = toks.size
        counts = np.where(lengths >= k, lengths - k + 1, np.minimum(lengths, 1))
        if total == 0:
            return np.empty(0, dtype=np.uint64), counts
        padded = np.concatenate((toks, np.zeros(k, dtype=np.uint64)))
        h = _fold_tokens(padded, total, k)
        starts = np.zeros(lengths.size, dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        tid = np.repeat(np.arange(lengths.size), lengths)
        valid = np.arange(total) - starts[tid] <= (lengths - k)[tid]
        for t in np.flatnonzero((lengths > 0) & (lengths < k)).tolist():
            kk = int(lengths[t])  # rare: a text shorter than k is one shingle of its own length
            h[starts[t]] = _fold_tokens(toks[starts[t] : starts[t] + kk], 1, kk)[0]
            valid[starts[t]] = True
        return h[valid], counts

    def _prepare(self, normalised: Sequence[str]) -> ShingleBatch:
        groups: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, t in enumerate(normalised):
            groups[self.shingle.resolve(t)].append(i)
        n = len(normalised)
        starts = np.zeros(n + 1, dtype=np.int64)
        if len(groups) <= 1:
            kind, k = next(iter(groups)) if groups else ("char", 1)
            codes, counts = self._fold(normalised, kind, k)
            np.cumsum(counts, out=starts[1:])
            return ShingleBatch(codes, starts)
        # Mixed languages in one batch: fold each kind on its own, then put the texts back in order.
        per_text: list[np.ndarray] = [np.empty(0, dtype=np.uint64)] * n
        for (kind, k), idx in groups.items():
            codes, counts = self._fold([normalised[i] for i in idx], kind, k)
            for i, part in zip(idx, np.split(codes, np.cumsum(counts)[:-1])):
                per_text[i] = part
        np.cumsum([p.size for p in per_text], out=starts[1:])
        return ShingleBatch(np.concatenate(per_text), starts)

    def shingle_codes(self, text: str, known_names: Iterable[str] = ()) -> set[int]:
        """The shingle set as 64-bit fingerprints: faster to intersect than strings, and the same
        Jaccard up to fingerprint collisions (about 2**-64 per pair of distinct shingles)."""
        return self._prepare([self.normalise(text, known_names)]).sets(0)

    # ---- signatures

    def _sign_prepared(self, prep: ShingleBatch) -> np.ndarray:
        if self.sketch == "minhash":
            return self._sign_minhash(prep)
        n, k = prep.starts.size - 1, self.num_perm
        sig = np.full(n * k, _EMPTY, dtype=np.uint64)
        if prep.codes.size:
            h = _mix64(prep.codes ^ self._salt)
            # Bin from the low part, value from the high part of one mixed 64-bit hash; values stay
            # below _EMPTY, which marks a bin no shingle fell into. For a power-of-two num_perm
            # (the default) a mask and a shift give the same bins and values as % and //, faster.
            if k & (k - 1) == 0:
                cell = (h & np.uint64(k - 1)).view(np.int64)
                value = h >> np.uint64(k.bit_length() - 1)
            else:
                cell = (h % np.uint64(k)).view(np.int64)
                value = h // np.uint64(k)
            cell += np.repeat(np.arange(0, n * k, k, dtype=np.int64), np.diff(prep.starts))
            np.minimum.at(sig, cell, value)
        sig = sig.reshape(n, k)
        self._densify(sig)
        return sig

    def _densify(self, sig: np.ndarray) -> None:
        """Fill empty bins in place: each borrows the value of the first non-empty bin in its
        fixed probe order; after ``_PROBES`` misses (texts of a handful of shingles) it takes the
        next non-empty bin to the right. Works on the list of empty cells only, which shrinks by
        the share of empty bins (about a third) at every attempt, in blocks of rows small enough
        for the CPU cache."""
        probe = np.ascontiguousarray(self._probe.T)  # probe[t, bin]
        for r0 in range(0, sig.shape[0], _DENSIFY_ROWS):
            self._densify_block(sig[r0 : r0 + _DENSIFY_ROWS], probe)

    def _densify_block(self, sig: np.ndarray, probe: np.ndarray) -> None:
        k = self.num_perm
        flat = sig.reshape(-1)
        empty = flat == _EMPTY
        cells = np.flatnonzero(empty)
        if cells.size == 0:
            return
        blank = empty.reshape(-1, k).all(axis=1)
        if blank.any():  # a text without shingles keeps an all-empty signature
            cells = np.compress(~blank[cells // k], cells)
        pow2 = k & (k - 1) == 0
        # Only the source of each filled cell is recorded here and copied at the end: sources are
        # cells that were non-empty from the start, so the order of the copies does not matter.
        # (np.compress is the same as indexing with a boolean mask, several times faster.)
        done_cells, done_src = [], []
        t = 0
        while t < _PROBES and cells.size > 256:  # rounds while many cells are left
            bins = cells & (k - 1) if pow2 else cells % k
            src = cells - bins
            src += probe[t][bins]
            miss = empty[src]
            hit = ~miss
            done_cells.append(np.compress(hit, cells))
            done_src.append(np.compress(hit, src))
            cells = np.compress(miss, cells)
            t += 1
        if cells.size and t < _PROBES:  # the few left: all remaining attempts at once
            bins = cells % k
            cand = (cells - bins)[:, None] + probe[t:].T[bins]
            ok = ~empty[cand]
            has = ok.any(axis=1)
            pick = np.compress(has, cand[np.arange(cells.size), ok.argmax(axis=1)])
            done_cells.append(np.compress(has, cells))
            done_src.append(pick)
            cells = np.compress(~has, cells)
        if cells.size:
            # Fallback, vectorised over the few rows left: the next non-empty bin to the right,
            # wrapping round (a doubled row and a reversed running minimum find it).
            rows = cells // k
            bins = cells - rows * k
            left, inv = np.unique(rows, return_inverse=True)
            filled = ~empty.reshape(-1, k)[left]
            pos = np.where(np.concatenate((filled, filled), axis=1), np.arange(2 * k), 2 * k)
            nxt = np.minimum.accumulate(pos[:, ::-1], axis=1)[:, ::-1] % k
            done_cells.append(cells)
            done_src.append(rows * k + nxt[inv, bins])
        if done_cells:
            flat[np.concatenate(done_cells)] = flat[np.concatenate(done_src)]

    def _sign_minhash(self, prep: ShingleBatch, chunk: int = 1 << 15) -> np.ndarray:
        n = prep.starts.size - 1
        sig = np.full((n, self.num_perm), _EMPTY, dtype=np.uint64)
        nonempty = np.flatnonzero(np.diff(prep.starts) > 0)
        i = 0
        # Slices of whole texts keep the (num_perm x slice) matrix small; reduceat takes the minima.
        while i < nonempty.size:
            lo = prep.starts[nonempty[i]]
            j = max(i + 1, int(np.searchsorted(prep.starts[nonempty + 1], lo + chunk, side="right")))
            idx = nonempty[i:j]
            hv = prep.codes[lo : prep.starts[idx[-1] + 1]][None, :] * self._a
            hv += self._b
            sig[idx] = np.minimum.reduceat(hv, prep.starts[idx] - lo, axis=1).T
            i = j
        return sig

    def signature(self, text: str, known_names: Iterable[str] = ()) -> np.ndarray:
        """Signature (uint64 array of ``num_perm`` values) of one text."""
        return self._sign_prepared(self._prepare([self.normalise(text, known_names)]))[0]

    def signatures(
        self, texts: Sequence[str] | ShingleBatch, names: Sequence[Iterable[str]] | None = None
    ) -> np.ndarray:
        """Signatures of many texts at once (much faster than one by one), shape (n, num_perm)."""
        batch = texts if isinstance(texts, ShingleBatch) else self.prepare(texts, names)
        return self._sign_prepared(batch)

    @staticmethod
    def estimate(sig_a: np.ndarray, sig_b: np.ndarray) -> float | np.ndarray:
        """Sketch estimate of the Jaccard similarity: the share of equal signature positions."""
        e = np.mean(np.asarray(sig_a) == np.asarray(sig_b), axis=-1)
        return float(e) if np.ndim(e) == 0 else e

    # ---- bands

    def band_hashes(self, sigs: np.ndarray) -> np.ndarray:
        """64-bit hash of each band of each signature, shape (n, bands). Only uint64 arithmetic
        on fixed constants, so the same on every process and machine (no Python ``hash()``);
        salted per band, so equal rows in different bands give different hashes."""
        sigs = np.atleast_2d(np.asarray(sigs, dtype=np.uint64))
        n = sigs.shape[0]
        used = sigs[:, : self.bands * self.rows].reshape(n, self.bands, self.rows)
        h = np.broadcast_to(self._band_salt, (n, self.bands)).copy()
        for r in range(self.rows):
            h ^= used[:, :, r]
            _mix64(h)
        return h

    def band_keys(self, signature: np.ndarray) -> list[str]:
        """Keys '<band>:<16 hex digits>' of one signature, for the database band table (an empty
        signature, of a text without shingles, has no keys)."""
        signature = np.asarray(signature, dtype=np.uint64)
        if signature.size == 0 or bool(np.all(signature == _EMPTY)):
            return []
        return [f"{b}:{v:016x}" for b, v in enumerate(self.band_hashes(signature)[0].tolist())]

    def index_keys(self, text: str, known_names: Iterable[str] = ()) -> list[str]:
        """Band keys to store for ``text``; none when the text is too short (fewer than
        ``min_shared`` shingles) ever to count as a template copy, which also keeps one-line
        texts such as '同上' out of the buckets."""
        prep = self._prepare([self.normalise(text, known_names)])
        if prep.codes.size < self.min_shared:
            return []
        return self.band_keys(self._sign_prepared(prep)[0])

    # ---- exact comparison

    def compare(self, text_a: str, text_b: str, names_a: Iterable[str] = (), names_b: Iterable[str] = ()) -> PairScore:
        """Exact similarity of two texts after normalisation (verification of a candidate)."""
        return _score(self.shingle_codes(text_a, names_a), self.shingle_codes(text_b, names_b))

    def accepts(self, score: PairScore) -> bool:
        """Whether a verified pair counts as a template pair."""
        return score.jaccard >= self.threshold and score.shared >= self.min_shared

    def similarity(self, text_a: str, text_b: str, *, measure: str = "jaccard") -> float:
        """Exact similarity after normalisation: 'jaccard', or 'containment' (the share of the
        shorter text's shingles found in the longer one: a short text pasted into a long one)."""
        s = self.compare(text_a, text_b)
        if measure == "jaccard":
            return s.jaccard
        if measure == "containment":
            return s.containment
        raise ValueError(f"unknown measure {measure!r}")

    # ---- in-memory pipeline

    def candidate_pairs(self, band_hashes: np.ndarray) -> np.ndarray:
        """All index pairs (i < j) that share at least one band, as a sorted (m, 2) int64 array."""
        return _bucket_pairs(_buckets(band_hashes))

    def prepare(self, texts: Sequence[str], names: Sequence[Iterable[str]] | None = None) -> ShingleBatch:
        """Normalise and shingle many texts at once (``names[i]``: known names of text i)."""
        return self._prepare([self.normalise(t, names[i] if names is not None else ()) for i, t in enumerate(texts)])

    def find_pairs(
        self,
        texts: Mapping[int, str],
        threshold: float | None = None,
        names: Mapping[int, Iterable[str]] | None = None,
    ) -> list[tuple[int, int, float]]:
        """Template pairs (id_a, id_b, jaccard), id_a < id_b, sorted by ids (see ``pairs_in``)."""
        ids = list(texts)
        batch = self.prepare([texts[i] for i in ids], [names.get(i, ()) for i in ids] if names else None)
        out = []
        for i, j, s in self.pairs_in(batch, threshold):
            a, b = ids[i], ids[j]
            out.append((a, b, s) if a < b else (b, a, s))
        out.sort()
        return out

    def pairs_in(
        self, batch: ShingleBatch, threshold: float | None = None, stats: dict[str, float] | None = None
    ) -> list[tuple[int, int, float]]:
        """Template pairs (i, j, jaccard) among the texts of ``batch``, i < j, in no set order.

        Every pair of texts that shares a band (a candidate) and whose sketch estimate is at least
        ``threshold - prefilter_margin`` is compared exactly; accepted are Jaccard >= threshold
        with at least ``min_shared`` shared shingles. Template families make cliques of
        candidates, so rather than listing every candidate pair, this works by groups:

        1. buckets: the hashes of each band sorted, a run of equal hashes is a bucket;
        2. groups: neighbours inside a bucket whose estimate reaches the threshold link texts;
           the connected groups (2 to 2,000 texts) are verified whole, every pair at once with
           bitsets (see ``_verify_blocks``); this also finds the rare pairs of a family that
           share no band but are linked through other members;
        3. the remaining candidates, from buckets not inside one group, are listed, pre-filtered
           on the estimate and compared exactly the same way, each pair a group of two.

        Only estimated-strong links form groups: weaker ones chain families that merely share
        stock sentences into one huge group. ``stats``, when given, receives the counts and the
        time of each stage in seconds.
        """
        thr = self.threshold if threshold is None else float(threshold)
        clock = time.perf_counter
        t0 = clock()
        # A text with fewer shingles than min_shared can never pass; leaving it out saves its
        # signature and keeps crowds of one-liners ('同上', empty texts) out of the buckets.
        eligible = np.flatnonzero(batch.counts() >= max(self.min_shared, 1))
        sub = batch.subset(eligible)
        sigs = self._sign_prepared(sub)
        t1 = clock()
        bk = _buckets(self.band_hashes(sigs))
        # The low 16 bits of each value are enough for the estimate (a false match has odds
        # 2**-16: at Jaccard 0.5 it adds 0.001 on average) and quarter the memory traffic of the
        # gathers below; the estimate only steers which pairs are compared exactly.
        low = sigs.astype(np.uint16)
        ea, eb = _chain_edges(bk)
        keep = _estimates(low, ea, eb) >= thr
        strong = np.stack((np.compress(keep, ea), np.compress(keep, eb)), axis=1)
        t2 = clock()
        members, sizes, group = _groups(len(sub), strong)
        ga, gb = _block_pairs(sizes)
        n_group_pairs = ga.size
        va, vb, vs = _verify_blocks(sub, members, sizes, ga, gb, thr, self.min_shared)
        found_a, found_b, found_s = [members[va]], [members[vb]], [vs]
        t3 = clock()
        # Buckets lying inside one verified group are done; list the pairs of all others.
        entry = group[bk.docs]
        if bk.first.size:
            lo, hi = np.minimum.reduceat(entry, bk.first), np.maximum.reduceat(entry, bk.first)
            ra, rb = _bucket_pair_docs(bk, (lo != hi) | (lo < 0))
        else:
            ra = rb = np.empty(0, dtype=np.int64)
        ga, gb = group[ra], group[rb]
        other = (ga != gb) | (ga < 0)
        ra, rb = np.compress(other, ra), np.compress(other, rb)
        n_listed = ra.size
        # Pre-filter first (a pair listed by several bands is estimated several times, cheaper
        # than sorting them all), then drop the repeats.
        keep = _estimates(low, ra, rb) >= thr - self.prefilter_margin
        rest = _unique_pairs(np.compress(keep, ra), np.compress(keep, rb))
        pa = np.arange(0, 2 * len(rest), 2, dtype=np.int64)
        va, vb, vs = _verify_blocks(sub, rest.ravel(), np.full(len(rest), 2), pa, pa + 1, thr, self.min_shared)
        flat = rest.ravel()
        found_a.append(flat[va])
        found_b.append(flat[vb])
        found_s.append(vs)
        fa, fb = eligible[np.concatenate(found_a)], eligible[np.concatenate(found_b)]
        out = list(zip(fa.tolist(), fb.tolist(), np.concatenate(found_s).tolist()))
        t4 = clock()
        if stats is not None:
            stats.update(
                texts=len(batch), eligible=eligible.size, links=ea.size, strong_links=len(strong),
                grouped=members.size, groups=sizes.size, group_pairs=n_group_pairs,
                other_candidates=n_listed, verified_one_by_one=len(rest),
                pairs=len(out), t_sign=t1 - t0, t_buckets=t2 - t1, t_groups=t3 - t2, t_rest=t4 - t3,
            )  # fmt: skip
        return out


@dataclass(frozen=True)
class _Bucketed:
    """Band buckets with two or more entries: the text of each entry, bucket by bucket."""

    docs: np.ndarray  # int64 text index of each entry, entries of one bucket in text order
    first: np.ndarray  # int64 start of each bucket in docs
    size: np.ndarray  # int64 entries of each bucket


def _buckets(band_hashes: np.ndarray) -> _Bucketed:
    """Sort the hashes of each band; a run of equal hashes is a bucket. Texts stay in order
    inside a bucket.

    The text number replaces the low bits of its hash, so one plain sort of each band's keys
    does the work of a stable argsort (band by band: small sorts stay in the CPU cache; about
    three times faster than a stable argsort of all hashes at once). Two different hashes of a
    band that agree on the bits left (at least 40; 50 for 20,000 texts) fall into one bucket:
    that only adds a candidate pair, which the estimate and the exact verification then reject.
    """
    n, b = band_hashes.shape
    bits = max(1, (n - 1).bit_length())
    if n == 0:
        return _Bucketed(*(np.empty(0, dtype=np.int64),) * 3)
    if bits <= 24:
        low = np.uint64((1 << bits) - 1)
        key = np.ascontiguousarray(band_hashes.T)  # (bands, n)
        key &= ~low
        key |= np.arange(n, dtype=np.uint64)
        key.sort(axis=1)
        key = key.ravel()
        sv = key >> np.uint64(bits)
        docs = (key & low).view(np.int64)
        change = sv[1:] != sv[:-1]
        change[n - 1 :: n] = True  # a bucket never spans two bands
    else:  # tens of millions of texts: the stable argsort of all hashes (salted per band)
        flat = band_hashes.ravel()
        order = np.argsort(flat, kind="stable")
        sv = flat[order]
        docs = order // b
        change = sv[1:] != sv[:-1]
    first = np.flatnonzero(np.concatenate(([True], change))) if sv.size else np.empty(0, np.int64)
    size = np.diff(np.append(first, sv.size))
    multi = size > 1
    docs = np.compress(np.repeat(multi, size), docs)
    size = size[multi]
    first = np.cumsum(size) - size
    return _Bucketed(docs.astype(np.int64), first.astype(np.int64), size.astype(np.int64))


def _unique_pairs(a: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Distinct pairs (min, max) of the pairs (a[i], c[i]) with a[i] != c[i], sorted, (m, 2).
    Keys of 32 bits when the text numbers fit in 16 (sorting them is about twice as fast)."""
    lo, hi = np.minimum(a, c), np.maximum(a, c)
    if hi.size and int(hi.max()) < 1 << 16:
        key = (lo.astype(np.uint32) << np.uint32(16)) | hi.astype(np.uint32)
        base = 1 << 16
    else:
        key = lo * _PAIR_BASE + hi
        base = _PAIR_BASE
    key.sort()  # plain sort and a comparison: np.unique takes twice as long
    if key.size:
        key = np.compress(np.concatenate(([True], key[1:] != key[:-1])), key)
    key = key.astype(np.int64)
    i, j = key // base, key % base
    ok = i != j
    return np.stack((np.compress(ok, i), np.compress(ok, j)), axis=1)


_PAIR_BASE = 1 << 31  # texts per batch stay far below this


def _chain_edges(bk: _Bucketed) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of neighbouring entries inside each bucket, (first texts, second texts): enough to
    connect every bucket. A pair repeated by several bands is listed once."""
    if bk.docs.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    inside = np.ones(bk.docs.size - 1, dtype=bool)
    inside[bk.first[1:] - 1] = False  # the last entry of a bucket and the first of the next
    e = _unique_pairs(np.compress(inside, bk.docs[:-1]), np.compress(inside, bk.docs[1:]))
    return e[:, 0].copy(), e[:, 1].copy()


def _pair_positions(first: np.ndarray, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs of positions (p, q), p < q, inside runs [first, first + size), by index
    arithmetic: the member at rank r of a run of s pairs with the s-1-r members after it."""
    if first.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    pos = np.repeat(first - np.cumsum(size) + size, size) + np.arange(size.sum())
    rank = pos - np.repeat(first, size)
    after = np.repeat(size, size) - 1 - rank
    left = np.repeat(pos, after)
    right = left + 1 + np.arange(after.sum()) - np.repeat(np.cumsum(after) - after, after)
    return left, right


def _bucket_pair_docs(bk: _Bucketed, which: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The texts of all pairs inside the buckets selected by the mask ``which`` (default all),
    a pair shared by several buckets once for each."""
    first, size = (bk.first, bk.size) if which is None else (bk.first[which], bk.size[which])
    left, right = _pair_positions(first, size)
    return bk.docs[left], bk.docs[right]


def _bucket_pairs(bk: _Bucketed, which: np.ndarray | None = None) -> np.ndarray:
    """All distinct pairs inside the buckets selected by ``which`` (default all), (m, 2)."""
    if bk.first.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    return _unique_pairs(*_bucket_pair_docs(bk, which))


def _block_pairs(sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of positions inside consecutive blocks of the given sizes."""
    sizes = np.asarray(sizes, dtype=np.int64)
    return _pair_positions(np.cumsum(sizes) - sizes, sizes)


def _estimates(low: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Sketch estimates of the pairs (a[i], b[i]) from truncated signatures, in chunks to bound
    memory."""
    out = np.empty(a.size)
    step = 1 << 15
    for i in range(0, a.size, step):
        eq = low[a[i : i + step]] == low[b[i : i + step]]
        out[i : i + step] = eq.sum(axis=1, dtype=np.int32)
    return out / low.shape[1]


def _score(a: set[int], b: set[int]) -> PairScore:
    if not a or not b:
        return PairScore(0.0, 0.0, 0)
    inter = len(a & b)
    return PairScore(inter / (len(a) + len(b) - inter), inter / min(len(a), len(b)), inter)


def _components(n: int, pairs: np.ndarray) -> np.ndarray:
    """Connected-component label (smallest member) of each of ``n`` nodes: label propagation along
    the edges with pointer jumping, all in numpy."""
    lab = np.arange(n, dtype=np.int64)
    if pairs.size == 0:
        return lab
    u, v = pairs[:, 0], pairs[:, 1]
    while True:
        m = np.minimum(lab[u], lab[v])
        before = lab.copy()
        np.minimum.at(lab, u, m)
        np.minimum.at(lab, v, m)
        while True:  # pointer jumping: follow labels to their root
            nxt = lab[lab]
            if np.array_equal(nxt, lab):
                break
            lab = nxt
        if np.array_equal(before, lab):
            return lab


# Groups larger than this are left to the pair-by-pair path: the work of a group grows with
# members^2 x distinct shingles (a family of 4,000 copies: 8 million pairs, about a second).
_GROUP_MAX = 4000


def _groups(n: int, strong: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Connected groups of the strong links: (members, sizes, group), the members of each group
    in text order one group after another, the size of each group, and for each of the ``n``
    texts the group it is in (its smallest member; -1 for none or a group too large)."""
    group = np.full(n, -1, dtype=np.int64)
    if strong.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), group
    lab = _components(n, strong)
    nodes = np.unique(strong)
    order = nodes[np.argsort(lab[nodes], kind="stable")]
    first = np.flatnonzero(np.concatenate(([True], lab[order][1:] != lab[order][:-1])))
    sizes = np.diff(np.append(first, order.size))
    ok = sizes <= _GROUP_MAX
    members = np.compress(np.repeat(ok, sizes), order)
    group[members] = lab[members]
    return members, sizes[ok], group


def _bitcount(words: np.ndarray) -> np.ndarray:
    """Set bits of each element of a uint64 array."""
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(words)
    return _BITS_IN_BYTE[words.view(np.uint8)].reshape(-1, 8).sum(axis=1, dtype=np.uint8)


_BITS_IN_BYTE = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def _hash_slots(keys: np.ndarray, base: np.ndarray, mask: np.ndarray, total: int) -> tuple[np.ndarray, np.ndarray]:
    """Linear-probing hash table built in numpy: ``keys[e]`` goes into the region starting at
    ``base[e]`` of ``mask[e] + 1`` slots (a power of two, more than the distinct keys of the
    region). Returns (table, slot of each key), 0 marking a free slot: equal keys of a region
    share a slot, different keys never do. All keys probe in lock step, one slot a round; a free
    slot goes to the largest key that reaches it, the others move on. Keys are well-mixed
    fingerprints, so their low bits serve as the hash. ``keys`` is changed in place: the lowest
    bit is set so that no key is 0 (two fingerprints that differ only there are taken as one:
    odds 2**-63 for a pair of distinct shingles)."""
    table = np.zeros(total, dtype=np.uint64)
    keys |= np.uint64(1)
    slot = keys.view(np.int64) & mask
    slot += base
    # First round: every slot is free, the largest key reaching it wins.
    np.maximum.at(table, slot, keys)
    todo = np.flatnonzero(table[slot] != keys)
    pos, k = slot[todo], keys[todo]
    while todo.size:
        b = base[todo]
        pos = b + ((pos - b + 1) & mask[todo])
        seen = table[pos]
        free = seen == 0
        if free.any():
            np.maximum.at(table, np.compress(free, pos), np.compress(free, k))
            seen = table[pos]
        miss = seen != k
        hit = ~miss
        slot[np.compress(hit, todo)] = np.compress(hit, pos)
        todo, pos, k = np.compress(miss, todo), np.compress(miss, pos), np.compress(miss, k)
    return table, slot


def _verify_blocks(
    prep: ShingleBatch,
    members: np.ndarray,
    sizes: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
    thr: float,
    min_shared: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact Jaccard of pairs inside blocks of texts, many blocks at once.

    ``members`` lists texts block after block (``sizes``; a text may be in several blocks);
    (``pa[i]``, ``pb[i]``) are positions in ``members`` of a pair inside one block, in
    increasing order of ``pa``. Each block's distinct shingle fingerprints are numbered (a hash
    table per block, ``_hash_slots``: no sorting), each member becomes a bitset over them, and a
    pair's intersection is the popcount of an AND over the block's few words. Returns the
    accepted pairs (Jaccard >= ``thr``, at least ``min_shared`` shared shingles) as positions
    and their Jaccard: exactly what comparing the two fingerprint sets gives. Blocks are taken
    in chunks of about ``_CHUNK_ENTRIES`` shingles, whose hash tables stay in the CPU cache.
    """
    none = np.empty(0, dtype=np.int64)
    if pa.size == 0:
        return none, none, np.empty(0)
    sizes = np.asarray(sizes, dtype=np.int64)
    bstart = np.cumsum(sizes) - sizes
    cnt = prep.starts[members + 1] - prep.starts[members]
    bentries = np.add.reduceat(cnt, bstart)
    # Chunk boundaries (in blocks): cut where the running entry count passes a multiple of the
    # chunk size; a block larger than that is a chunk of its own.
    run = np.cumsum(bentries)
    cuts = np.unique(np.searchsorted(run, np.arange(_CHUNK_ENTRIES, int(run[-1]), _CHUNK_ENTRIES), side="right"))
    bounds = np.concatenate(([0], cuts[(cuts > 0) & (cuts < sizes.size)], [sizes.size]))
    out_a, out_b, out_s = [], [], []
    for b0, b1 in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        m0 = int(bstart[b0])
        m1 = int(bstart[b1 - 1] + sizes[b1 - 1])
        p0, p1 = np.searchsorted(pa, (m0, m1))
        if p1 <= p0:
            continue
        a, b, jac = _verify_chunk(prep, members[m0:m1], sizes[b0:b1], pa[p0:p1] - m0, pb[p0:p1] - m0, thr, min_shared)
        out_a.append(a + m0)
        out_b.append(b + m0)
        out_s.append(jac)
    if not out_a:
        return none, none, np.empty(0)
    return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_s)


_CHUNK_ENTRIES = 1 << 16


def _verify_chunk(
    prep: ShingleBatch,
    members: np.ndarray,
    sizes: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
    thr: float,
    min_shared: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lo = prep.starts[members]
    cnt = prep.starts[members + 1] - lo
    ends = np.cumsum(cnt)
    keys = prep.codes[np.repeat(lo - ends + cnt, cnt) + np.arange(ends[-1])]
    block_of = np.repeat(np.arange(sizes.size), sizes)  # of each member
    entries = np.add.reduceat(cnt, np.cumsum(sizes) - sizes)
    # Regions of a power of two >= 1.5 x the entries of the block: at most 2/3 full.
    need = np.maximum(entries + entries // 2, 64)
    rsize = np.left_shift(1, np.ceil(np.log2(need)).astype(np.int64))
    rsize = np.where(rsize < need, 2 * rsize, rsize)
    rstart = np.cumsum(rsize) - rsize
    _, slot = _hash_slots(
        keys, np.repeat(rstart[block_of], cnt), np.repeat((rsize - 1)[block_of], cnt), int(rsize.sum())
    )
    # A shingle that occurs once in its block adds to its text's size only. The others get the
    # block's bitset columns 0, 1, ... (a shingle repeated inside one text is among them, so each
    # distinct shingle is counted once); near-copies that each add a few words of their own would
    # otherwise widen every bitset of a large family.
    hits = np.bincount(slot, minlength=int(rsize.sum()))
    solo = hits[slot] == 1
    size = np.add.reduceat(solo, ends - cnt, dtype=np.int64)
    before = np.zeros(hits.size + 1, dtype=np.int64)
    np.cumsum(hits > 1, out=before[1:])
    col = before[slot]
    col -= np.repeat(before[rstart][block_of], cnt)
    words = np.maximum((before[rstart + rsize] - before[rstart] + 63) >> 6, 1)  # bitset words of each block
    mwords = words[block_of]
    woff = np.cumsum(mwords) - mwords
    # One byte a bit, set by plain assignment (a repeated shingle sets its bit twice), then
    # packed: several times faster than np.bitwise_or.at on the words.
    flags = np.zeros(int(mwords.sum()) * 64, dtype=np.uint8)
    shared = ~solo
    flags[np.compress(shared, np.repeat(woff * 64, cnt) + col)] = 1
    bits = np.packbits(flags, bitorder="little").view(np.uint64)
    size += np.add.reduceat(_bitcount(bits), woff, dtype=np.int64)
    # Intersections: popcount of the AND of the two bitsets, pairs in slices of about a million
    # words (a block of 2,000 copies of one template has 2 million pairs).
    w = mwords[pa]
    inter = np.empty(pa.size, dtype=np.int64)
    cuts = np.searchsorted(np.cumsum(w), np.arange(1 << 20, int(w.sum()), 1 << 20))
    for c0, c1 in zip([0, *cuts.tolist()], [*cuts.tolist(), pa.size]):
        if c1 > c0:
            cw = w[c0:c1]
            cend = np.cumsum(cw)
            step = np.arange(cend[-1]) - np.repeat(cend - cw, cw)
            both = bits[np.repeat(woff[pa[c0:c1]], cw) + step]
            both &= bits[np.repeat(woff[pb[c0:c1]], cw) + step]
            inter[c0:c1] = np.add.reduceat(_bitcount(both), cend - cw, dtype=np.int64)
    jac = inter / (size[pa] + size[pb] - inter)
    ok = (inter >= min_shared) & (jac >= thr)
    return np.compress(ok, pa), np.compress(ok, pb), np.compress(ok, jac)


_DEFAULT = TemplateIndexer()


def similarity(text_a: str, text_b: str, *, measure: str = "jaccard") -> float:
    """Exact Jaccard (or containment) of two texts with the default configuration."""
    return _DEFAULT.similarity(text_a, text_b, measure=measure)


def containment(text_a: str, text_b: str) -> float:
    """Share of the shorter text's shingles that occur in the other text (default configuration)."""
    return _DEFAULT.similarity(text_a, text_b, measure="containment")


def find_pairs(
    texts: Mapping[int, str],
    threshold: float = DEFAULT_THRESHOLD,
    names: Mapping[int, Iterable[str]] | None = None,
) -> list[tuple[int, int, float]]:
    """In-memory template-pair detection with the default configuration (see
    ``TemplateIndexer.find_pairs``); ``names`` maps an id to its customer's known names."""
    return _DEFAULT.find_pairs(texts, threshold, names)


# --------------------------------------------------------------------------- clusters


def clusters(pairs: Iterable[tuple[int, int, float]], threshold: float | None = None) -> list[set[int]]:
    """Group verified pairs (id_a, id_b, score) into template families.

    Plain connected components chain: A~B and B~C put A and C together even when A and C share
    nothing, and one stray pair between two families merges them. Instead, inside each connected
    component:

    1. stars: the member with the largest sum of pair scores becomes a centre and takes every
       unassigned member directly linked to it; the next best unassigned member starts the next
       star, and so on, so every member resembles its centre (score >= the detection threshold);
    2. refinement: a member moves to the cluster whose members it resembles most on average
       (score 0 for a missing pair), until nothing moves. A member that a weak link attached to
       the wrong star goes back to the family it belongs to.

    Pairs scoring below ``threshold`` (when given) are ignored. Clusters of one are dropped; the
    result is sorted by size, then smallest id.
    """
    adj: dict[int, dict[int, float]] = defaultdict(dict)
    for a, b, s in pairs:
        if a == b or (threshold is not None and s < threshold):
            continue
        s = max(float(s), adj[a].get(b, 0.0))
        adj[a][b] = adj[b][a] = s
    out: list[set[int]] = []
    remaining = set(adj)
    while remaining:
        start = remaining.pop()
        comp = [start]
        stack = [start]
        while stack:
            for w in adj[stack.pop()]:
                if w in remaining:
                    remaining.discard(w)
                    comp.append(w)
                    stack.append(w)
        out.extend(_refine(_stars(comp, adj), adj))
    out.sort(key=lambda c: (-len(c), min(c)))
    return out


def _stars(comp: list[int], adj: Mapping[int, Mapping[int, float]]) -> dict[int, int]:
    """Cluster label (its centre) of each member of one component."""
    weight = {v: sum(adj[v].values()) for v in comp}
    label: dict[int, int] = {}
    for centre in sorted(comp, key=lambda v: (-weight[v], v)):
        if centre in label:
            continue
        label[centre] = centre
        for w in adj[centre]:
            label.setdefault(w, centre)
    return label


def _refine(label: dict[int, int], adj: Mapping[int, Mapping[int, float]], passes: int = 10) -> list[set[int]]:
    size: dict[int, int] = defaultdict(int)
    for c in label.values():
        size[c] += 1
    for _ in range(passes):
        moved = False
        for v in sorted(label):
            own = label[v]
            sums: dict[int, float] = defaultdict(float)
            for w, s in adj[v].items():
                sums[label[w]] += s
            best, best_avg = own, sums.get(own, 0.0) / max(1, size[own] - 1)
            for c, total in sums.items():
                avg = total / (size[c] if c != own else max(1, size[c] - 1))
                if avg > best_avg + 1e-12:  # strictly better: ties stay put, so passes end
                    best, best_avg = c, avg
            if best != own:
                label[v] = best
                size[own] -= 1
                size[best] += 1
                moved = True
        if not moved:
            break
    groups: dict[int, set[int]] = defaultdict(set)
    for v, c in label.items():
        groups[c].add(v)
    return [g for g in groups.values() if len(g) > 1]


# --------------------------------------------------------------------------- explanation


@dataclass(frozen=True)
class Segment:
    """One run of an alignment of two texts.

    ``kind='same'``: ``text_a == text_b``, a shared passage; ``'only_a'``: text of A missing or
    replaced in B (``text_b`` empty); ``'only_b'``: the reverse. A replacement is an ``only_a``
    followed by an ``only_b``. Joining ``text_a`` of all segments gives A back, likewise for B.
    """

    kind: Literal["same", "only_a", "only_b"]
    text_a: str
    text_b: str


_CLAUSE_RE = re.compile(r"[^。！？!?；;，,：:\n]*[。！？!?；;，,：:\n]?")


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_RE.findall(text) if c]


def explain(text_a: str, text_b: str, *, min_same: int = 2) -> list[Segment]:
    """Align two texts for a side-by-side view: shared passages and differences.

    Two levels keep it fast and readable: clauses (split at punctuation) are aligned first, so a
    moved or inserted sentence shows as one block; the characters of replaced clause runs are
    then aligned with ``difflib.SequenceMatcher`` without auto-junk (in Chinese the most common
    characters carry meaning, and auto-junk finds almost nothing). Long regions are first pinned
    together at passages found once in each text (see ``_char_diff``), which keeps two texts of
    2,000 characters within a few milliseconds. Shared runs shorter than ``min_same`` characters
    inside a change are folded into it, so single coincident characters do not break a difference
    into confetti.
    """
    ca, cb = _clauses(text_a), _clauses(text_b)
    segs: list[Segment] = []
    if len(ca) * len(cb) > _CLAUSE_BUDGET:  # hundreds of tiny clauses: characters only
        _char_diff(segs, text_a, text_b, min_same)
        return _merge(segs)
    sm = difflib.SequenceMatcher(None, ca, cb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        a, b = "".join(ca[i1:i2]), "".join(cb[j1:j2])
        if op == "equal":
            segs.append(Segment("same", a, b))
        elif not a or not b:
            _append_change(segs, a, b)
        else:
            _char_diff(segs, a, b, min_same)
    return _merge(segs)


# SequenceMatcher's work grows with len(a) x len(b) on repetitive text; above this product a
# region is first cut at anchors, and a region without anchors above four times this product is
# shown as one change (two unrelated passages: nothing to align).
_DIFF_BUDGET = 150_000
_CLAUSE_BUDGET = 40_000
_ANCHOR = 6


def _char_diff(segs: list[Segment], a: str, b: str, min_same: int) -> None:
    if not a or not b:
        _append_change(segs, a, b)
        return
    if len(a) * len(b) > _DIFF_BUDGET:
        anchors = _anchors(a, b)
        if anchors:
            pa = pb = 0
            for i, j, size in anchors:
                _char_diff(segs, a[pa:i], b[pb:j], min_same)
                segs.append(Segment("same", a[i : i + size], b[j : j + size]))
                pa, pb = i + size, j + size
            _char_diff(segs, a[pa:], b[pb:], min_same)
            return
        if len(a) * len(b) > 4 * _DIFF_BUDGET:
            _append_change(segs, a, b)
            return
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pa = pb = 0
    for blk in sm.get_matching_blocks():
        if blk.size == 0:  # the sentinel at the end
            _append_change(segs, a[pa:], b[pb:])
            break
        if blk.size < min_same:
            continue
        _append_change(segs, a[pa : blk.a], b[pb : blk.b])
        segs.append(Segment("same", a[blk.a : blk.a + blk.size], b[blk.b : blk.b + blk.size]))
        pa, pb = blk.a + blk.size, blk.b + blk.size


def _anchors(a: str, b: str) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size), in order in both texts, pinned at passages of ``_ANCHOR``
    characters that occur exactly once in each text (the idea of patience diff): the longest
    chain of such passages in the same order, neighbours merged, overlaps trimmed."""
    q = _ANCHOR
    if len(a) < q or len(b) < q:
        return []
    grams_a = [a[i : i + q] for i in range(len(a) - q + 1)]
    count_a: dict[str, int] = defaultdict(int)
    for g in grams_a:
        count_a[g] += 1
    where_b: dict[str, int] = {}
    for j in range(len(b) - q + 1):
        g = b[j : j + q]
        where_b[g] = -1 if g in where_b else j  # -1: seen twice
    pairs = [(i, where_b[g]) for i, g in enumerate(grams_a) if count_a[g] == 1 and where_b.get(g, -1) >= 0]
    if not pairs:
        return []
    # Longest chain with j increasing (i already increases): patience sorting with back-links.
    tails: list[int] = []  # j of the chain end of each length
    tail_idx: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        back[k] = tail_idx[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
    chain = []
    k = tail_idx[-1]
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    chain.reverse()
    blocks: list[tuple[int, int, int]] = []
    end_a = end_b = 0
    for i, j in chain:
        if blocks and i == blocks[-1][0] + blocks[-1][2] - q + 1 and j == blocks[-1][1] + blocks[-1][2] - q + 1:
            bi, bj, size = blocks[-1]
            blocks[-1] = (bi, bj, size + 1)  # the next window on the same diagonal
        else:
            cut = max(end_a - i, end_b - j, 0)  # overlap with the previous block
            if cut >= q:
                continue
            blocks.append((i + cut, j + cut, q - cut))
        end_a, end_b = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    return blocks


def _append_change(segs: list[Segment], a: str, b: str) -> None:
    if a:
        segs.append(Segment("only_a", a, ""))
    if b:
        segs.append(Segment("only_b", "", b))


def _merge(segs: list[Segment]) -> list[Segment]:
    """Join neighbours of one kind and order each change as only_a then only_b."""
    out: list[Segment] = []
    for s in segs:
        if not s.text_a and not s.text_b:
            continue
        if out and s.kind != "same" and out[-1].kind != "same":
            # Collect the whole change run (any mix of only_a/only_b) into at most two segments.
            k = len(out)
            while k > 0 and out[k - 1].kind != "same":
                k -= 1
            run = [*out[k:], s]
            del out[k:]
            ta = "".join(x.text_a for x in run)
            tb = "".join(x.text_b for x in run)
            _append_change(out, ta, tb)
        elif out and s.kind == "same" and out[-1].kind == "same":
            out[-1] = Segment("same", out[-1].text_a + s.text_a, out[-1].text_b + s.text_b)
        else:
            out.append(s)
    return out

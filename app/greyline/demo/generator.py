"""Realistic synthetic complaint corpus for the demo store, benchmarks and detector evaluation.

``generate(n, seed)`` returns complaint rows (import format), evidence files, the agent groups and
the ground truth (which complaint belongs to which group, which template family a text comes from,
which voice / image was planted in each file). Output is deterministic for a seed; rows do not
depend on ``with_files``. Only stdlib, numpy, Pillow and greyline.domain are used.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import itertools
import math
import operator
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import phonenumbers

from greyline.domain.enums import Channel

from . import media
from . import texts as T

__all__ = [
    "CHINESE_HEADERS",
    "IMPORT_KEYS",
    "DemoCorpus",
    "DemoEvidence",
    "DemoGroup",
    "credit_code_check_char",
    "generate",
    "id_check_char",
    "write_csv",
]

IMPORT_KEYS: tuple[str, ...] = (
    "external_id",
    "channel",
    "received_at",
    "customer_name",
    "customer_id_number",
    "customer_phone",
    "contact_phone",
    "contract_no",
    "overdue_amount",
    "text",
    "demands",
    "address",
    "email",
    "wechat",
    "phone_changed_at",
)
CHINESE_HEADERS: dict[str, str] = {
    "external_id": "工单编号",
    "channel": "来源渠道",
    "received_at": "受理日期",
    "customer_name": "客户姓名",
    "customer_id_number": "身份证号",
    "customer_phone": "客户手机号",
    "contact_phone": "联系电话",
    "contract_no": "合同编号",
    "overdue_amount": "逾期金额",
    "text": "投诉内容",
    "demands": "诉求",
    "address": "联系地址",
    "email": "邮箱",
    "wechat": "微信",
    "phone_changed_at": "手机号变更日期",
}


@dataclass(frozen=True)
class DemoEvidence:
    external_id: str
    channel: str
    kind: str  # 'recording' | 'document' | 'screenshot'
    filename: str
    data: bytes
    note: str
    planted: str | None  # 'voice:<speaker>' | 'image:<template-id>' | None


@dataclass(frozen=True)
class DemoGroup:
    label: str
    title: str
    company_name: str
    credit_code: str
    agent_name: str
    agent_phone: str
    address: str
    wechat: str
    email: str
    members: tuple[str, ...]
    # Further numbers the group uses as contact phone (second mobile, office landline).
    other_phones: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoCorpus:
    rows: list[dict[str, str]]
    evidence: list[DemoEvidence]
    groups: list[DemoGroup]
    truth: dict[str, str | None]
    template_of: dict[str, str | None]


# --------------------------------------------------------------------------- identifiers

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    """GB 11643 check character of a resident ID number."""
    return _ID_CHECK[sum(map(operator.mul, map(int, first17), _ID_WEIGHTS)) % 11]


def credit_code_check_char(first17: str) -> str:
    """GB 32100 check character of a unified social credit code."""
    s = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_ALPHABET[(31 - s % 31) % 31]


def _org_code(rng: Random) -> str:
    """A 9-character organisation code (GB 11714) with its check character.

    Companies registered since 2015 get codes starting 'MA'; older ones all digits.
    """
    if rng.random() < 0.7:
        body = "MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS))
    c9 = 11 - s % 11
    return body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))


MOBILE_SEGMENTS: tuple[str, ...] = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "184",
    "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
MOBILE_WEIGHTS: tuple[float, ...] = tuple(
    3.0 if s in ("135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "186", "187", "188")
    else 1.0
    for s in MOBILE_SEGMENTS
)
_MOBILE_CUM = tuple(itertools.accumulate(MOBILE_WEIGHTS))
VIRTUAL_SEGMENTS: tuple[str, ...] = ("170", "171", "162", "165", "167")

# --------------------------------------------------------------------------- channels

_REGION_CUM = tuple(itertools.accumulate(T.REGION_WEIGHTS))

START = dt.date(2026, 1, 1)
END = dt.date(2026, 11, 15)
_SPAN = (END - START).days

GENUINE_CHANNELS: tuple[tuple[Channel, float], ...] = (
    (Channel.OWN_HOTLINE, 30), (Channel.OWN_APP, 15), (Channel.NFRA_12378, 15), (Channel.PUBLIC_SITE, 15),
    (Channel.PBOC_12363, 8), (Channel.SAMR_12315, 5), (Channel.LOCAL_REGULATOR, 4), (Channel.NIFA, 2),
    (Channel.PETITION, 2), (Channel.MEDIA, 1), (Channel.POLICE, 1), (Channel.OTHER, 2),
)  # fmt: skip
AGENT_CHANNELS: tuple[tuple[Channel, float], ...] = (
    (Channel.NFRA_12378, 30), (Channel.PUBLIC_SITE, 18), (Channel.PBOC_12363, 15), (Channel.LOCAL_REGULATOR, 10),
    (Channel.SAMR_12315, 7), (Channel.NIFA, 7), (Channel.OWN_HOTLINE, 6), (Channel.PETITION, 4),
    (Channel.MEDIA, 2), (Channel.OTHER, 1),
)  # fmt: skip

_AGENT_CH = tuple(c for c, _ in AGENT_CHANNELS)
_AGENT_CUM = tuple(itertools.accumulate(w for _, w in AGENT_CHANNELS))


def _external_id(rng: Random, ch: Channel, d: dt.date) -> str:
    y = d.year
    ym = f"{y}{d.month:02d}"
    ymd = f"{ym}{d.day:02d}"
    r = rng.randrange
    if ch is Channel.NFRA_12378:
        return f"12378-{y}-{d.month:02d}{r(100000):05d}"
    if ch is Channel.PBOC_12363:
        return f"YH12363{ymd}{r(10000):04d}"
    if ch is Channel.SAMR_12315:
        return f"1{r(10**5):05d}{ymd}{r(10**6):06d}"
    if ch is Channel.LOCAL_REGULATOR:
        return f"JRJ{ym}{r(100000):05d}"
    if ch is Channel.NIFA:
        return f"NIFA{y}{r(10**6):06d}"
    if ch is Channel.PUBLIC_SITE:
        return f"HM{ym}{r(10**7):07d}"
    if ch is Channel.OWN_HOTLINE:
        return f"KF{ymd}{r(10000):04d}"
    if ch is Channel.OWN_APP:
        return f"APP{ymd}{r(100000):05d}"
    if ch is Channel.PETITION:
        return f"XF{y}{r(100000):05d}"
    if ch is Channel.MEDIA:
        return f"MT{y}{r(100000):05d}"
    if ch is Channel.POLICE:
        return f"JZ{y}{r(100000):05d}"
    return f"QT{y}{r(100000):05d}"


# --------------------------------------------------------------------------- people


@dataclass
class _Customer:
    name: str
    male: bool
    idno: str
    phone: str
    region: tuple[str, str, str, str]
    contract: str
    loan_date: dt.date
    principal: int
    overdue: float
    product: str
    speaker: str
    address: str = ""
    email: str = ""
    wechat: str = ""


@dataclass
class _Family:
    fid: str
    sentences: list[tuple[str, str]]  # (kind, text with slots)
    extras: list[str]


@dataclass
class _Group:
    label: str
    kind: str
    title: str
    company: str
    credit_code: str
    agent_name: str
    phones: list[str]  # [main mobile, (second mobile), (landline)]
    building: str
    floor: int
    room: int
    wechat: str
    email: str
    demands: tuple[str, ...]
    families: list[_Family]
    family_weights: list[float]
    speakers: list[str]
    images: list[str]
    p_phone_in_text: float
    p_free_text: float
    start: dt.date
    window: int
    members: list[str] = field(default_factory=list)


class _FastRandom(Random):
    """``random.Random`` whose integer helpers draw from ``random()`` directly.

    The stdlib versions cost about a microsecond each; with a few dozen draws per complaint this
    class roughly halves generation time. Still fully determined by the seed.
    """

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            start, stop = 0, start
        if step != 1:
            return super().randrange(start, stop, step)
        if stop <= start:
            raise ValueError("empty range for randrange()")
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choices(self, population, weights=None, *, cum_weights=None, k=1):  # type: ignore[no-untyped-def,override]
        if k != 1:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        if cum_weights is None:
            if weights is None:
                return [self.choice(population)]
            cum_weights = list(itertools.accumulate(weights))
        hi = len(population) - 1
        return [population[bisect.bisect(cum_weights, self.random() * cum_weights[-1], 0, hi)]]

    def choice(self, seq):  # type: ignore[no-untyped-def,override]
        if not seq:
            raise IndexError("cannot choose from an empty sequence")
        return seq[int(self.random() * len(seq))]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = _FastRandom(seed)
        self.used_phones: set[str] = set()
        self.used_ids: set[str] = set()
        self.used_ext: set[str] = set()
        self.used_handles: set[str] = set()
        self.used_places: set[tuple[str, int]] = set()
        self.n_customers = 0

    # ---- identifiers
    def mobile(self, virtual: bool = False) -> str:
        rng = self.rng
        while True:
            if virtual:
                seg = rng.choice(VIRTUAL_SEGMENTS)
            else:
                seg = rng.choices(MOBILE_SEGMENTS, cum_weights=_MOBILE_CUM)[0]
            num = f"{seg}{rng.randrange(10**8):08d}"
            if num not in self.used_phones:
                self.used_phones.add(num)
                return num

    def landline(self, city: str) -> str:
        rng = self.rng
        area = T.LANDLINE_AREA.get(city, "0755")
        while True:
            digits = 7 if area == "0592" else 8
            num = f"{area}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
            # Some ranges are not subscriber numbers (021-800…, 010-800…): draw again, as a real
            # office number would never be one of them and the phone check refuses them.
            if not phonenumbers.is_valid_number(phonenumbers.parse(num, "CN")):
                continue
            if num not in self.used_phones:
                self.used_phones.add(num)
                return num

    def id_number(self, region: str, male: bool) -> tuple[str, dt.date]:
        rng = self.rng
        while True:
            birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(16071))  # .. 2003-12-31
            seq = rng.randrange(500) * 2 + (1 if male else 0)
            first = f"{region}{birth.year}{birth.month:02d}{birth.day:02d}{seq:03d}"
            idno = first + id_check_char(first)
            if idno not in self.used_ids:
                self.used_ids.add(idno)
                return idno, birth

    def handle(self, kind: str) -> str:
        rng = self.rng
        while True:
            py = "".join(rng.choice(T.PINYIN) for _ in range(rng.randint(1, 3)))
            if kind == "wechat":
                r = rng.random()
                if r < 0.3:
                    h = f"wxid_{rng.randrange(36**10):x}"[:16]
                elif r < 0.7:
                    h = f"{py}{rng.randint(1, 9999)}"
                else:
                    h = f"{py}_{rng.choice(('zx', 'fw', 'kf', 'law', 'xy', 'ok'))}{rng.randint(1, 99)}"
                if len(h) < 6:
                    h += str(rng.randint(100, 999))
            elif rng.random() < 0.45:
                h = f"{rng.randint(10**7, 4 * 10**9)}@qq.com"
            else:
                h = f"{py}{rng.randint(1, 2026)}@{rng.choice(T.MAIL_DOMAINS)}"
            if h not in self.used_handles:
                self.used_handles.add(h)
                return h

    def date_in(self, lo: dt.date, hi: dt.date) -> dt.date:
        lo, hi = max(lo, START), min(hi, END)
        if hi < lo:
            hi = lo
        return lo + dt.timedelta(days=self.rng.randint(0, (hi - lo).days))

    def ext_id(self, ch: Channel, d: dt.date) -> str:
        while True:
            e = _external_id(self.rng, ch, d)
            if e not in self.used_ext:
                self.used_ext.add(e)
                return e

    def customer(self) -> _Customer:
        rng = self.rng
        male = rng.random() < 0.62
        region = rng.choices(T.REGIONS, cum_weights=_REGION_CUM)[0]
        idno, _ = self.id_number(region[0], male)
        loan = dt.date(rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28))
        principal = rng.choice((3000, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 30000, 50000))
        if rng.random() < 0.5:
            principal = int(round(math.exp(rng.gauss(9.0, 0.8)) / 100.0)) * 100
        principal = max(500, min(principal, 200000))
        if rng.random() < 0.7:
            overdue = round(principal * rng.uniform(0.2, 1.3), 2)
        else:
            overdue = float(int(principal * rng.uniform(0.3, 1.2) / 100) * 100)
        self.n_customers += 1
        return _Customer(
            name=T.person_name(rng, male),
            male=male,
            idno=idno,
            phone=self.mobile(),
            region=region,
            contract=f"HT{loan.year}{rng.randrange(10**8):08d}",
            loan_date=loan,
            principal=principal,
            overdue=overdue,
            product=rng.choice(T.PRODUCTS),
            speaker=f"C{self.n_customers:06d}",
        )


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --------------------------------------------------------------------------- texts


def _ri(rng: Random, lo: int, hi: int) -> int:
    """Fast ``randint`` (inclusive) on ``rng``."""
    return lo + int(rng.random() * (hi - lo + 1))


def _md(d: dt.date) -> str:
    return f"{d.month}月{d.day}日"


_FEES = (199, 299, 399, 499, 680, 899, 1200, 1580, 2380)
_TERMS = (3, 6, 9, 12, 12, 24, 36)
_INCOMES = (1500, 1800, 2000, 2200, 2500, 3000)
_REPLY_DAYS = (3, 5, 7, 10, 15)
_INSTALMENTS = (12, 24, 36, 48, 60)


class _Slots(dict):  # type: ignore[type-arg]
    """Slot values of one complaint, computed on first use (keeps generation fast)."""

    def __init__(self, rng: Random, c: _Customer, received: dt.date, phone: str, agent: str) -> None:
        super().__init__(
            name=c.name, idno=c.idno, product=c.product, amt=str(c.principal), contract=c.contract,
            loan_date=_cn_date(c.loan_date), year=str(c.loan_date.year), phone=phone, own_phone=c.phone,
            agent=agent,
        )  # fmt: skip
        self.rng = rng
        self.c = c
        self.received = received

    def __missing__(self, key: str) -> str:
        rng, c, rec = self.rng, self.c, self.received
        p = _pick
        if key == "company":
            v = T.INSTITUTION if rng.random() < 0.6 else T.INSTITUTION_SHORT
        elif key == "paid":
            v = str(int(c.principal * (0.1 + 0.6 * rng.random())))
        elif key == "overdue":
            v = f"{c.overdue:.2f}" if rng.random() < 0.5 else str(int(c.overdue))
        elif key == "months":
            v = str(_ri(rng, 2, 14))
        elif key == "term":
            v = str(p(rng, _TERMS))
        elif key == "coll_date":
            v = _cn_date(rec - dt.timedelta(days=_ri(rng, 5, 90)))
        elif key == "paid_date":
            v = _cn_date(rec - dt.timedelta(days=_ri(rng, 20, 300)))
        elif key == "date":
            v = _md(rec - dt.timedelta(days=_ri(rng, 1, 60)))
        elif key == "prev_date":
            v = _md(rec - dt.timedelta(days=_ri(rng, 7, 60)))
        elif key == "month":
            v = str(_ri(rng, 1, 12))
        elif key == "day":
            v = str(_ri(rng, 1, 28))
        elif key == "fee":
            fees = [f for f in _FEES if f <= c.principal * 0.25] or [_FEES[0]]
            v = str(p(rng, fees))
        elif key == "small":
            v = str(_ri(rng, 12, 380))
        elif key == "rate":
            v = str(_ri(rng, 24, 48))
        elif key == "k":
            v = str(_ri(rng, 3, 30))
        elif key == "d":
            v = str(_ri(rng, 1, 40))
        elif key == "collector":
            v = str(_ri(rng, 1000, 99999))
        elif key == "income":
            v = str(p(rng, _INCOMES))
        elif key == "days":
            v = str(p(rng, _REPLY_DAYS))
        elif key == "n_inst":
            v = str(p(rng, _INSTALMENTS))
        else:
            raise KeyError(key)
        self[key] = v
        return v


def _pick(rng: Random, seq):  # type: ignore[no-untyped-def]
    return seq[int(rng.random() * len(seq))]


def _genuine_text(rng: Random, vals: _Slots, repeat: bool) -> str:
    parts: list[str] = []
    if repeat:
        parts.append(rng.choice(T.GENUINE_REPEAT))
    if rng.random() < 0.8:
        parts.append(rng.choice(T.GENUINE_INTRO))
    k = rng.choices((1, 2, 3), (0.4, 0.4, 0.2))[0]
    parts.extend(rng.sample(T.GENUINE_PROBLEMS, k))
    if rng.random() < 0.65:
        parts.append(rng.choice(T.GENUINE_DEMANDS))
    if rng.random() < 0.2:
        parts.append(rng.choice(T.GENUINE_CLOSE))
    return T.fill("".join(T.expand(rng, p) for p in parts), vals)


def _make_family(rng: Random, fid: str, kind: str, demands: tuple[str, ...]) -> _Family:
    sentences: list[tuple[str, str]] = []
    used: set[str] = set()
    style = rng.randrange(3)
    for slot, pool, p in T.TEMPLATE_PLANS[kind]:
        if rng.random() > p:
            continue
        if slot == "demand":
            sentences.append(("demand", T.demand_sentence(rng, demands, style)))
            continue
        choices = [s for s in pool if s not in used]
        if not choices:
            continue
        pick = rng.choice(choices)
        used.add(pick)
        sentences.append((slot, T.expand(rng, pick)))
    # keep the filled text within ~150-400 characters (room left for member-level insertions)
    target = rng.randint(230, 350)
    while _estimate_len(sentences) > target:
        bodies = [i for i, (k, _) in enumerate(sentences) if k == "body"]
        if len(bodies) <= 3:
            break
        del sentences[rng.choice(bodies[1:])]
    extras = [T.expand(rng, s) for s in rng.sample(T.EXTRAS, 3)]
    return _Family(fid, sentences, extras)


_TYPICAL = {
    "name": "王小明", "idno": "1" * 18, "company": "星河消费金融", "product": "星河易贷", "amt": "12000",
    "paid": "3000", "overdue": "9000.00", "months": "6", "term": "12", "loan_date": "2024年5月12日",
    "coll_date": "2026年3月2日", "paid_date": "2025年10月1日", "fee": "899", "small": "120", "income": "2000",
    "days": "7", "n_inst": "24", "phone": "1" * 11, "agent": "李四", "contract": "HT" + "1" * 12,
}  # fmt: skip


def _estimate_len(sentences: list[tuple[str, str]]) -> int:
    return len(T.fill("".join(s for _, s in sentences), _TYPICAL))


def _template_text(rng: Random, fam: _Family, vals: _Slots, with_phone: bool) -> str:
    sents = [s for s in fam.sentences if s[0] != "contact" or with_phone]
    body_idx = [i for i, s in enumerate(sents) if s[0] == "body"]
    if len(body_idx) >= 4 and rng.random() < 0.25 and _estimate_len(sents) > 260:  # drop a sentence
        del sents[rng.choice(body_idx[1:])]
        body_idx = [i for i, s in enumerate(sents) if s[0] == "body"]
    if len(body_idx) >= 2 and rng.random() < 0.35:  # swap two adjacent body sentences
        j = rng.randrange(len(body_idx) - 1)
        a, b = body_idx[j], body_idx[j + 1]
        sents[a], sents[b] = sents[b], sents[a]
    if rng.random() < 0.25:  # insert an extra sentence
        pos = rng.randint(1, max(1, len(sents) - 1))
        sents.insert(pos, ("body", rng.choice(fam.extras)))
    text = T.fill("".join(s for _, s in sents), vals)
    for a, b in T.SYNONYMS:
        if a in text and rng.random() < 0.18:
            text = text.replace(a, b, rng.randint(1, 2))
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        a, b = rng.choice(T.TYPOS)
        if a in text:
            k = text.find(a, rng.randrange(len(text)))
            if k < 0:
                k = text.find(a)
            text = text[:k] + b + text[k + len(a) :]
    return text


# --------------------------------------------------------------------------- groups


def _group_sizes(rng: Random, n: int, g: int, target: int) -> list[int]:
    weights = [math.exp(rng.gauss(0.0, 0.6)) for _ in range(g)]
    tot = sum(weights)
    extra = target - 4 * g
    sizes = [4 + min(36, int(extra * w / tot)) for w in weights]
    rest = target - sum(sizes)
    i = 0
    guard = 0
    while rest > 0 and guard < 100 * g + 100:
        if sizes[i % g] < 40:
            sizes[i % g] += 1
            rest -= 1
        i += 1
        guard += 1
    return sizes


def _make_group(gen: _Gen, label: str, used_bld: int) -> _Group:
    rng = gen.rng
    kind = rng.choices(("relief", "credit", "refund"), (0.6, 0.2, 0.2))[0]
    curated = used_bld < len(T.BUILDINGS) and rng.random() < 0.8
    tries = 0
    while True:
        if curated and tries < 20:
            code, city, bld = T.BUILDINGS[used_bld]
        else:
            code, city, _ = rng.choice(T.BUILDINGS)
            region = next(r for r in T.REGIONS if r[0] == code)
            bld = (
                f"{region[2] or region[1]}{region[3]}{rng.choice(T.ROADS)}{rng.randint(1, 999)}号"
                f"{rng.choice(T.BUILDING_PREFIX)}{rng.choice(T.BUILDING_SUFFIX)}"
            )
        floor = rng.randint(3, 32)
        tries += 1
        if (bld, floor) not in gen.used_places:
            gen.used_places.add((bld, floor))
            break
    room = rng.randint(1, 30)
    brand = rng.choice(T.COMPANY_BRANDS) + (rng.choice(T.COMPANY_BRANDS) if rng.random() < 0.3 else "")
    full_kind, short_kind = rng.choice(T.COMPANY_KINDS)
    company = f"{city}市{brand}{full_kind}"
    first17 = f"91{code[:4]}00{_org_code(rng)}"
    credit_code = first17 + credit_code_check_char(first17)
    phones = [gen.mobile(virtual=rng.random() < 0.7)]
    if rng.random() < 0.35:
        phones.append(gen.mobile(virtual=rng.random() < 0.5))
    if rng.random() < 0.35:
        phones.append(gen.landline(city))
    demands = rng.choice(T.GROUP_DEMANDS[kind])
    n_fam = 2 if rng.random() < 0.4 else 1
    families = [_make_family(rng, f"{label}-T{k + 1}", kind, demands) for k in range(n_fam)]
    speakers = [f"{label}-S{k + 1}" for k in range(rng.choice((1, 1, 2, 2, 3)))]
    images = [f"{label}-D{k + 1}" for k in range(rng.choice((1, 1, 2)))]
    window = rng.randint(7, 45)
    start = START + dt.timedelta(days=rng.randint(0, max(0, _SPAN - window)))
    return _Group(
        label=label,
        kind=kind,
        title=f"{city}某{short_kind}公司{T.GROUP_KIND_TITLE[kind]}",
        company=company,
        credit_code=credit_code,
        agent_name=T.person_name(rng, rng.random() < 0.7),
        phones=phones,
        building=bld,
        floor=floor,
        room=room,
        wechat=gen.handle("wechat"),
        email=gen.handle("email"),
        demands=demands,
        families=families,
        family_weights=[0.7, 0.3][:n_fam],
        speakers=speakers,
        images=images,
        p_phone_in_text=rng.uniform(0.2, 0.8),
        p_free_text=rng.uniform(0.0, 0.12),
        start=start,
        window=window,
    )


def _room_address(g: _Group, room: int) -> str:
    return f"{g.building} {g.floor}楼{g.floor}{room:02d}室"


# --------------------------------------------------------------------------- files


@dataclass
class _FileJob:
    row: dict[str, str]
    kind: str
    planted: str | None
    customer: _Customer
    note: str
    doc_type: str = ""
    group: _Group | None = None


_DOC_TYPES = ("困难证明", "失业证明", "诊断证明")


def _cert_spec(rng: Random, doc_type: str, region: tuple[str, str, str, str], date: dt.date) -> media.CertSpec:
    area = region[2] or region[1]
    district = region[3]
    if doc_type == "困难证明":
        unit = rng.choice(("社区居民委员会", "村民委员会"))
        place = rng.choice(T.VILLAGES) + ("村" if unit.startswith("村") else "社区")
        issuer = f"{district}{place[:-1] if unit.startswith('村') else place[:-2]}{unit}"
        reason = rng.choice(("本人失业", "家人患重病", "遭遇意外事故", "经营失败"))
        body = (
            f"兹证明该同志系我辖区居民，因{reason}，家庭无稳定收入来源，生活十分困难，"
            f"目前无力偿还各类借款。",
            "情况属实，特此证明。",
        )
        bottom = "证明专用章"
    elif doc_type == "失业证明":
        issuer = f"{area}{rng.choice(T.COMPANY_BRANDS)}{rng.choice(('电子', '机械', '贸易', '物流', '服装'))}有限公司"
        reason = rng.choice(("经营困难", "业务调整", "受市场影响"))
        body = (
            f"兹证明该同志原系我公司员工，因公司{reason}进行裁员，已于"
            f"{_cn_date(date - dt.timedelta(days=rng.randint(60, 400)))}与我公司解除劳动合同，"
            "目前处于失业状态，无工资收入。",
            "特此证明。",
        )
        bottom = "人事专用章"
    else:
        issuer = f"{area}第{rng.choice('一二三四五六')}人民医院"
        reason = rng.choice(("腰椎间盘突出症", "抑郁症", "2型糖尿病", "慢性肾功能不全", "冠心病"))
        body = (
            f"临床诊断：{reason}。",
            f"该患者于{_cn_date(date - dt.timedelta(days=rng.randint(20, 200)))}入院治疗，"
            f"需长期服药并定期复查，建议全休{rng.choice(('三个月', '六个月', '一年'))}，避免劳累。",
            "医师签名：" + T.person_name(rng, rng.random() < 0.5),
        )
        bottom = "诊断证明专用章"
        doc_type = "诊断证明书"
    return media.CertSpec(doc_type, issuer, bottom, reason, body, _cn_date(date))


def _screenshot(rng: Random, c: _Customer, received: dt.date) -> tuple[str, bytes, str]:
    if rng.random() < 0.5:
        n = rng.randint(5, 11)
        d = received - dt.timedelta(days=rng.randint(1, 20))
        dates = []
        for _ in range(n):
            dates.append(d)
            d -= dt.timedelta(days=rng.randint(26, 34))
        instalment = rng.randint(300, 3000)
        lines = [
            (f"{x:%Y-%m-%d} 还款", f"-{instalment + rng.randint(-30, 30)}.{rng.randint(0, 99):02d}")
            for x in reversed(dates)
        ]
        data = media.render_screenshot(f"{c.product} 还款记录", lines, rng, bubbles=False)
        return "还款记录截图.png", data, "客户提供的App还款记录截图"
    msgs = (
        "您在{p}的借款已逾期{d}天，请于今日内还款，否则将联系您的紧急联系人。",
        "【{p}】尊敬的客户，您的账单已逾期{d}天，逾期将产生罚息并影响个人征信，请尽快处理。",
        "你再不还钱，我们就按流程上门了，你自己看着办。",
        "已将您的逾期情况通知您的家人，请尽快还款。",
        "您好，您本期应还{a}元，已逾期{d}天，请尽快还款。",
    )
    lines = []
    k = rng.randint(3, 6)
    overdue = rng.randint(3, 90)
    t = dt.datetime.combine(received, dt.time(9)) - dt.timedelta(hours=rng.randint(30, 400))
    for _ in range(k):
        t += dt.timedelta(hours=rng.randint(2, 40))
        days = overdue + (t.date() - received).days + 400 // 24
        m = rng.choice(msgs).format(p=c.product, d=max(1, days), a=rng.randint(300, 3000))
        lines.append((f"{t.month}月{t.day}日 {rng.randint(8, 21)}:{rng.randint(0, 59):02d}", m))
    sender = f"1069{rng.randint(10**6, 10**7 - 1)}"
    data = media.render_screenshot(sender, lines, rng, bubbles=True)
    return "催收短信截图.png", data, "客户提供的催收短信截图"


def _make_files(seed: int, jobs: list[_FileJob]) -> list[DemoEvidence]:
    rng = _FastRandom(f"greyline-demo-files-{seed}")
    out: list[DemoEvidence] = []
    speakers: dict[str, media.Speaker] = {}
    templates: dict[str, tuple] = {}
    rec_count: dict[str, int] = {}
    for idx, job in enumerate(jobs):
        row = job.row
        ext, ch = row["external_id"], row["channel"]
        received = dt.date.fromisoformat(row["received_at"])
        if job.kind == "recording":
            key = job.planted.split(":", 1)[1] if job.planted else job.customer.speaker
            sp = speakers.get(key)
            if sp is None:
                sp = speakers[key] = media.make_speaker(key, seed)
            data = media.synth_voice(sp, [seed, 0xA0D10, idx], rng.uniform(3.0, 6.0))
            day = received - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))
            rec_count[ext] = rec_count.get(ext, 0) + 1
            name = f"通话录音_{day:%Y%m%d}_{rec_count[ext]}.wav"
            out.append(DemoEvidence(ext, ch, "recording", name, data, job.note, job.planted))
        elif job.kind == "document":
            c = job.customer
            if job.planted:
                tid = job.planted.split(":", 1)[1]
                if tid not in templates:
                    trng = _FastRandom(f"greyline-demo-template-{seed}-{tid}")
                    spec = _cert_spec(trng, job.doc_type, c.region, received)
                    templates[tid] = (*media.render_certificate(spec, trng), spec)
                base, origin, spec = templates[tid]
            else:
                spec = _cert_spec(rng, rng.choice(_DOC_TYPES), c.region, received)
                base, origin = media.render_certificate(spec, rng)
            img = media.fill_fields(base, origin, c.name, "男" if c.male else "女", c.idno)
            data = media.degrade(img, rng) if job.planted else media.png_bytes(img)
            name = f"{spec.doc_type}.png"
            note = job.note or f"客户提交的{spec.doc_type}"
            out.append(DemoEvidence(ext, ch, "document", name, data, note, job.planted))
        else:
            name, data, note = _screenshot(rng, job.customer, received)
            out.append(DemoEvidence(ext, ch, "screenshot", name, data, note, None))
    return out


# --------------------------------------------------------------------------- main entry


def _default_groups(n: int) -> int:
    return min(max(2, n // 60), max(1, n // 25))


def generate(
    n_complaints: int = 300, seed: int = 7, *, with_files: bool = True, n_groups: int | None = None
) -> DemoCorpus:
    """Generate ``n_complaints`` complaints (about 30% by agent groups) deterministically for ``seed``."""
    n = max(0, int(n_complaints))
    gen = _Gen(seed)
    rng = gen.rng
    g = _default_groups(n) if n_groups is None else max(0, int(n_groups))
    g = min(g, n // 4)
    target = min(n, max(round(0.3 * n), 4 * g), 40 * g)
    sizes = _group_sizes(rng, n, g, target) if g else []

    records: list[tuple[dict[str, str], str | None, str | None]] = []  # row, group label, family id
    jobs: list[_FileJob] = []
    groups: list[_Group] = []

    # ---- agent groups
    for gi, size in enumerate(sizes):
        grp = _make_group(gen, f"G{gi + 1}", gi)
        groups.append(grp)
        customers: list[_Customer] = []
        repeats: dict[int, int] = {}
        last_date: dict[int, dt.date] = {}
        last_channel: dict[int, str] = {}
        for _ in range(size):
            if customers and rng.random() < 0.2:
                ci = rng.randrange(len(customers))
                if repeats.get(ci, 0) >= 2:
                    ci = -1
            else:
                ci = -1
            if ci < 0:
                c = gen.customer()
                customers.append(c)
                ci = len(customers) - 1
                if rng.random() < 0.9:
                    c.address = _room_address(grp, rng.randint(1, 30) if rng.random() < 0.7 else grp.room)
                else:
                    c.address = T.home_address(rng, c.region)
                c.wechat = grp.wechat if rng.random() < 0.5 else ""
                c.email = grp.email if rng.random() < 0.4 else ""
                if rng.random() < 0.2:
                    c.overdue = round(c.overdue * rng.uniform(1.0, 1.6), 2)
                if rng.random() < 0.85:
                    received = grp.start + dt.timedelta(days=int(rng.triangular(0, grp.window, grp.window * 0.3)))
                else:
                    received = gen.date_in(
                        grp.start - dt.timedelta(days=90), grp.start + dt.timedelta(days=grp.window + 90)
                    )
                received = min(max(received, START), END)
                channel = rng.choices(_AGENT_CH, cum_weights=_AGENT_CUM)[0]
            else:
                c = customers[ci]
                repeats[ci] = repeats.get(ci, 0) + 1
                received = min(last_date[ci] + dt.timedelta(days=rng.randint(0, 6)), END)
                options = [c_ for c_ in _AGENT_CH if c_.value != last_channel[ci]]
                channel = rng.choice(options)
            last_date[ci] = received
            last_channel[ci] = channel.value
            r = rng.random()
            if r < 0.75:
                contact = grp.phones[0]
            elif r < 0.93:
                contact = rng.choice(grp.phones)
            else:
                contact = c.phone
            phone_changed = ""
            if rng.random() < 0.4:
                phone_changed = (received - dt.timedelta(days=rng.randint(1, 12))).isoformat()
            vals = _Slots(rng, c, received, rng.choice(grp.phones), grp.agent_name)
            if rng.random() < grp.p_free_text:
                fam_id: str | None = None
                text = _genuine_text(rng, vals, False)
            else:
                fam = rng.choices(grp.families, grp.family_weights)[0]
                fam_id = fam.fid
                text = _template_text(rng, fam, vals, rng.random() < grp.p_phone_in_text)
            dem = list(grp.demands)
            if len(dem) > 2 and rng.random() < 0.3:
                dem.pop(rng.randrange(len(dem)))
            ext = gen.ext_id(channel, received)
            row = {
                "external_id": ext,
                "channel": channel.value,
                "received_at": received.isoformat(),
                "customer_name": c.name,
                "customer_id_number": c.idno,
                "customer_phone": c.phone,
                "contact_phone": contact,
                "contract_no": c.contract,
                "overdue_amount": f"{c.overdue:.2f}",
                "text": text,
                "demands": "；".join(dem),
                "address": c.address,
                "email": c.email,
                "wechat": c.wechat,
                "phone_changed_at": phone_changed,
            }
            records.append((row, grp.label, fam_id))
            grp.members.append(ext)
            # evidence plan (decided on the row stream so rows never depend on with_files)
            if rng.random() < 0.55:
                for sk in rng.sample(grp.speakers, 1 if rng.random() < 0.8 or len(grp.speakers) == 1 else 2):
                    note = rng.choice(
                        (
                            f"来电录音：来电人自称{c.name}本人，要求减免罚息并停止催收",
                            f"外呼录音：拨打客户预留手机，接听人自称{c.name}，拒绝核实身份",
                            "来电录音：来电人情绪激动，多次诱导坐席说出不当言语",
                            f"来电录音：来电人称已委托代理人处理，要求联系{contact}",
                        )
                    )
                    jobs.append(_FileJob(row, "recording", f"voice:{sk}", c, note, group=grp))
            if rng.random() < 0.4:
                tid = rng.choice(grp.images)
                doc_type = _DOC_TYPES[zlib.crc32(tid.encode()) % 3]
                jobs.append(
                    _FileJob(row, "document", f"image:{tid}", c, f"投诉人提交的{doc_type}（待核实）", doc_type, grp)
                )

    # ---- genuine complaints
    n_genuine = n - len(records)
    genuine_customers: list[tuple[_Customer, dt.date, str]] = []
    ch_values = [c_ for c_, _ in GENUINE_CHANNELS]
    ch_cum = list(itertools.accumulate(w for _, w in GENUINE_CHANNELS))
    for _ in range(n_genuine):
        repeat = bool(genuine_customers) and rng.random() < 0.05
        if repeat:
            c, prev, _prev_ch = genuine_customers[rng.randrange(len(genuine_customers))]
            received = min(prev + dt.timedelta(days=rng.randint(7, 60)), END)
            channel = rng.choices(ch_values, cum_weights=ch_cum)[0]
        else:
            c = gen.customer()
            r = rng.random()
            if r < 0.65:
                c.address = T.home_address(rng, c.region)
            elif r < 0.75:
                other = rng.choices(T.REGIONS, cum_weights=_REGION_CUM)[0]
                c.address = T.home_address(rng, other)
            c.email = gen.handle("email") if rng.random() < 0.1 else ""
            c.wechat = gen.handle("wechat") if rng.random() < 0.08 else ""
            received = START + dt.timedelta(days=rng.randint(0, _SPAN))
            channel = rng.choices(ch_values, cum_weights=ch_cum)[0]
        r = rng.random()
        contact = c.phone if r < 0.7 else "" if r < 0.95 else gen.mobile()
        phone_changed = ""
        r = rng.random()
        if r < 0.01:
            phone_changed = (received - dt.timedelta(days=rng.randint(1, 12))).isoformat()
        elif r < 0.04:
            phone_changed = (received - dt.timedelta(days=rng.randint(30, 400))).isoformat()
        vals = _Slots(rng, c, received, contact or c.phone, "")
        fam_id = None
        if rng.random() < 0.02:
            w = rng.randrange(len(T.WEB_TEMPLATES))
            fam_id = f"WEB-{w + 1}"
            text = T.fill("".join(T.WEB_TEMPLATES[w]), vals)
        else:
            text = _genuine_text(rng, vals, repeat)
        if rng.random() < 0.3:
            dem = ""
        else:
            dem = "；".join(rng.sample(T.DEMANDS, rng.choice((1, 1, 1, 2, 2, 3))))
        ext = gen.ext_id(channel, received)
        row = {
            "external_id": ext,
            "channel": channel.value,
            "received_at": received.isoformat(),
            "customer_name": c.name,
            "customer_id_number": c.idno,
            "customer_phone": c.phone,
            "contact_phone": contact,
            "contract_no": c.contract,
            "overdue_amount": f"{c.overdue:.2f}" if rng.random() < 0.9 else "",
            "text": text,
            "demands": dem,
            "address": c.address,
            "email": c.email,
            "wechat": c.wechat,
            "phone_changed_at": phone_changed,
        }
        records.append((row, None, fam_id))
        genuine_customers.append((c, received, channel.value))
        r = rng.random()
        if r < 0.12:
            topic = rng.choice(("催收频繁", "费用问题", "还款失败", "征信异议", "协商还款"))
            jobs.append(_FileJob(row, "recording", f"voice:{c.speaker}", c, f"客户来电录音，反映{topic}"))
        if rng.random() < 0.10:
            jobs.append(_FileJob(row, "screenshot", None, c, ""))
        if rng.random() < 0.03:
            jobs.append(_FileJob(row, "document", None, c, ""))

    records.sort(key=lambda r: (r[0]["received_at"], r[0]["external_id"]))
    rows = [r for r, _, _ in records]
    truth = {r["external_id"]: lab for r, lab, _ in records}
    template_of = {r["external_id"]: fid for r, _, fid in records}
    order = {r["external_id"]: i for i, r in enumerate(rows)}

    demo_groups = [
        DemoGroup(
            label=grp.label,
            title=grp.title,
            company_name=grp.company,
            credit_code=grp.credit_code,
            agent_name=grp.agent_name,
            agent_phone=grp.phones[0],
            address=_room_address(grp, grp.room),
            wechat=grp.wechat,
            email=grp.email,
            members=tuple(sorted(grp.members, key=order.__getitem__)),
            other_phones=tuple(grp.phones[1:]),
        )
        for grp in groups
    ]
    evidence: list[DemoEvidence] = []
    if with_files and jobs:
        jobs.sort(key=lambda j: (order[j.row["external_id"]], j.kind, j.planted or ""))
        evidence = _make_files(seed, jobs)
    return DemoCorpus(rows=rows, evidence=evidence, groups=demo_groups, truth=truth, template_of=template_of)


def write_csv(
    rows: list[dict[str, str]], path: Path, *, encoding: str = "utf-8", chinese_headers: bool = True
) -> None:
    """Write ``rows`` as CSV with the import columns in ``IMPORT_KEYS`` order."""
    path = Path(path)
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow([CHINESE_HEADERS[k] if chinese_headers else k for k in IMPORT_KEYS])
        for row in rows:
            w.writerow([row.get(k, "") for k in IMPORT_KEYS])

"""Link detection use cases: link complaints that share identifiers, template text, a voice or a
forged image; raise the automatic indicators; compute the risk level; propose agent groups.

Two ways in, one set of rules:

* **incremental** (``detect_complaints``, ``detect_evidence``): run right after a complaint is
  saved or imported or gets evidence. Candidates come from indexed tables (text band keys,
  building keys, identifiers, image hash keys), so the cost depends on how many complaints are
  related, not on the size of the store;
* **full** (``detect_all``): rebuild the indexes and recompute every link, indicator and level in
  memory, then write the differences.

Decisions survive both: a link a person confirmed or rejected keeps its status (its score and
reason are refreshed), and a rejected link does not count for indicators or group proposals.
Indicators a person set stay the person's; the detector only adds and removes its own
(``source='detector'``). A risk level a person chose wins over the computed one; the rules that
fired are stored as reasons either way.

Evidence features (voice embeddings, image fingerprints) are computed once per file, outside the
write transaction (they can take seconds), after checking the file's SHA-256 against the record:
evidence is never analysed unverified. A file that cannot be analysed (too little speech, not an
image) is recorded as unusable with the reason, and the rest goes on.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from greyline.detect import image as image_detect
from greyline.detect import voice as voice_detect
from greyline.detect.graph import DEFAULT_MIN_SCORES, GroupProposal, LinkEdge, SharedIdentifier, propose_groups
from greyline.detect.risk import DEFAULT_RULES, RiskRules, assess
from greyline.detect.text import TemplateIndexer
from greyline.domain.enums import (
    EvidenceKind,
    IdentifierRole,
    IdentifierType,
    Indicator,
    LinkKind,
    LinkStatus,
    PartyKind,
    PartyRole,
)
from greyline.domain.errors import Cancelled, ValidationError
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext
from greyline.storage.detection_repo import ComplaintFacts, IdentifierUse, StoredLink

log = logging.getLogger(__name__)

SETTINGS_KEY = "detection_settings"
# Plain strings of enum values used in loops over every link or identifier use (enum attribute
# access costs a descriptor call each time).
_ADDRESS = IdentifierType.ADDRESS.value
_REJECTED = LinkStatus.REJECTED.value
_SUGGESTED = LinkStatus.SUGGESTED.value
_TEMPLATE = LinkKind.TEMPLATE.value
FULL_RUN_FROM = 2000  # imports of this many complaints or more trigger a full run
REFRESH_SET_SIZE = 30  # identifier sets up to this size are refreshed whole by an incremental run
ONE_HOP_LIMIT = 50  # template partners beyond this: a big family whose members share bands anyway
Progress = Callable[[int, int, str], None]

# Identifier types that link complaints, and the link kind each gives. Resident ID numbers do not:
# the same ID on two complaints is the same customer complaining twice, not an agent.
IDENTIFIER_KINDS: dict[str, LinkKind] = {
    IdentifierType.MOBILE.value: LinkKind.PHONE,
    IdentifierType.LANDLINE.value: LinkKind.PHONE,
    IdentifierType.EMAIL.value: LinkKind.EMAIL,
    IdentifierType.WECHAT.value: LinkKind.WECHAT,
    IdentifierType.QQ.value: LinkKind.QQ,
    IdentifierType.BANK_ACCOUNT.value: LinkKind.BANK_ACCOUNT,
    IdentifierType.CREDIT_CODE.value: LinkKind.CREDIT_CODE,
    IdentifierType.ADDRESS.value: LinkKind.ADDRESS,
}
SHARED_KINDS = frozenset(k.value for k in IDENTIFIER_KINDS.values())
COMPLAINT_KINDS = SHARED_KINDS | {LinkKind.TEMPLATE.value}
EVIDENCE_KINDS = frozenset({LinkKind.VOICE.value, LinkKind.IMAGE.value})
DETECTOR_KINDS = COMPLAINT_KINDS | EVIDENCE_KINDS
# Roles whose phone numbers are the contact an agent controls (a virtual number here is a sign).
CONTACT_ROLES = frozenset({IdentifierRole.CONTACT_PHONE.value, IdentifierRole.AGENT_PHONE.value,
                           IdentifierRole.TEXT_MENTION.value})
IMAGE_EVIDENCE = frozenset({EvidenceKind.DOCUMENT.value, EvidenceKind.SCREENSHOT.value, EvidenceKind.CHAT.value,
                            EvidenceKind.ID_COPY.value, EvidenceKind.OTHER.value})
_INDICATOR_OF_KIND = {
    **{k: Indicator.SHARED_CONTACT.value for k in SHARED_KINDS},
    LinkKind.TEMPLATE.value: Indicator.TEMPLATE_TEXT.value,
    LinkKind.VOICE.value: Indicator.SAME_VOICE.value,
    LinkKind.IMAGE.value: Indicator.REUSED_IMAGE.value,
}


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class DetectionSettings:
    """What an administrator can tune. Defaults come from the measurements in the benchmarks."""

    template_threshold: float = 0.5          # Jaccard of normalised 4-character shingles
    image_threshold: float = image_detect.MATCH_THRESHOLD  # share of identical blocks
    voice_thresholds: dict[str, float] = field(default_factory=dict)  # engine name -> cosine
    burst_days: int = 3                       # a burst: at least burst_min related complaints ...
    burst_min: int = 5                        # ... received within +- burst_days of each other
    phone_changed_days: int = 30              # registered phone changed this close before the complaint
    identifier_cap: int = 200                 # above this many complaints an identifier is a hub (no pair links)
    # A suggested voice link counts towards a group proposal only this far above the link threshold:
    # among n recordings there are n(n-1)/2 different-speaker pairs, so a false-accept rate that is
    # fine for a single suggestion floods proposals (bench_links.py: ARI 0.63 -> 0.96 with 0.1).
    voice_group_margin: float = 0.1
    risk_rules: str = ""                      # RiskRules JSON; empty: the defaults

    def rules(self) -> RiskRules:
        return RiskRules.from_json(self.risk_rules) if self.risk_rules.strip() else DEFAULT_RULES

    def voice(self) -> voice_detect.Thresholds:
        return voice_detect.Thresholds(dict(self.voice_thresholds))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DetectionSettings:
        data = json.loads(text)
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    def validate(self) -> None:
        checks = [
            ("template_threshold", 0.2 <= self.template_threshold <= 1.0, "应在 0.2 到 1 之间"),
            ("image_threshold", 0.5 <= self.image_threshold <= 1.0, "应在 0.5 到 1 之间"),
            ("burst_days", 0 <= self.burst_days <= 60, "应在 0 到 60 天之间"),
            ("burst_min", 2 <= self.burst_min <= 1000, "至少为 2"),
            ("phone_changed_days", 0 <= self.phone_changed_days <= 365, "应在 0 到 365 天之间"),
            ("identifier_cap", 2 <= self.identifier_cap <= 100000, "至少为 2"),
            ("voice_group_margin", 0.0 <= self.voice_group_margin <= 0.5, "应在 0 到 0.5 之间"),
        ]
        for name, ok, why in checks:
            if not ok:
                raise ValidationError(why, field=name)
        for engine, value in self.voice_thresholds.items():
            if not -1.0 <= float(value) <= 1.0:
                raise ValidationError(f"声纹阈值（{engine}）应在 -1 到 1 之间", field="voice_thresholds")
        try:
            self.rules()
        except ValueError as exc:
            raise ValidationError(str(exc), field="risk_rules") from None


def _load_settings(uow: Any) -> DetectionSettings:
    raw = uow.detect.get_meta(SETTINGS_KEY)
    if not raw:
        return DetectionSettings()
    try:
        return DetectionSettings.from_json(raw)
    except (ValueError, TypeError):
        log.exception("stored detection settings unreadable; using defaults")
        return DetectionSettings()


def detection_settings(ctx: ServiceContext) -> DetectionSettings:
    with ctx.reader() as uow:
        return _load_settings(uow)


def update_detection_settings(ctx: ServiceContext, settings: DetectionSettings) -> None:
    """Store new settings (administrators); takes effect on the next detection run."""
    ctx.require(Permission.EDIT_SETTINGS)
    settings.validate()
    with ctx.uow() as uow:
        before = _load_settings(uow)
        uow.detect.set_meta(SETTINGS_KEY, settings.to_json())
        uow.record("detection_settings", "settings", SETTINGS_KEY,
                   {"from": json.loads(before.to_json()), "to": json.loads(settings.to_json())})
        uow.commit()


@lru_cache(maxsize=8)
def indexer_for(threshold: float) -> TemplateIndexer:
    return TemplateIndexer(threshold=threshold)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DetectionSummary:
    complaints: int = 0
    evidence: int = 0
    links_added: int = 0
    links_updated: int = 0
    links_removed: int = 0
    indicator_changes: int = 0
    unusable: tuple[str, ...] = ()
    seconds: float = 0.0

    def describe(self) -> str:
        text = (f"检测投诉 {self.complaints} 笔、证据 {self.evidence} 件：新增关联 {self.links_added} 条，"
                f"更新 {self.links_updated} 条，移除 {self.links_removed} 条；用时 {self.seconds:.1f} 秒")
        if self.unusable:
            text += f"；{len(self.unusable)} 件证据无法分析"
        return text


@dataclass(frozen=True)
class SimilarComplaint:
    complaint_id: int
    reference: str
    external_id: str
    customer_name: str
    received_at: dt.date
    jaccard: float
    shared: int
    preview: str


Pair = tuple[int, int, str]
Found = dict[Pair, tuple[float, str, dict[str, Any]]]


def _add(found: Found, a: int, b: int, kind: str, score: float, reason: str, detail: dict[str, Any]) -> None:
    if a == b:
        return
    key = (a, b, kind) if a < b else (b, a, kind)
    old = found.get(key)
    if old is None or score > old[0]:
        found[key] = (score, reason, detail)


def _ident_label(use: IdentifierUse) -> str:
    return IdentifierType(use.type).label if use.type in IdentifierType._value2member_map_ else use.type


def _type_label(code: str) -> str:
    return IdentifierType(code).label if code in IdentifierType._value2member_map_ else code


def _signed64(hex16: str) -> int:
    v = int(hex16[:16], 16)
    return v - (1 << 64) if v >= 1 << 63 else v


def _to_signed(arr: np.ndarray) -> list[int]:
    return np.asarray(arr, dtype=np.uint64).view(np.int64).tolist()


def _text_hash(scheme: str, text: str, name: str) -> str:
    return hashlib.sha256(f"{scheme}\x00{name}\x00{text}".encode()).hexdigest()


def _pack_sketch(keys: Sequence[int], sig: np.ndarray) -> bytes:
    """Stored sketch: the band keys (int64, to delete them when the text changes) followed by the
    low 16 bits of each signature value (enough for the estimate that pre-filters candidates)."""
    return np.asarray(keys, dtype=np.int64).tobytes() + np.asarray(sig, dtype=np.uint64).astype(np.uint16).tobytes()


def _unpack_sketch(blob: bytes | None, bands: int) -> tuple[list[int], np.ndarray | None]:
    if not blob:
        return [], None
    n_keys = bands if len(blob) > bands * 8 else len(blob) // 8
    keys = np.frombuffer(blob[: n_keys * 8], dtype=np.int64).tolist()
    rest = blob[n_keys * 8 :]
    return keys, (np.frombuffer(rest, dtype=np.uint16) if rest else None)


# --------------------------------------------------------------------------- text


@dataclass
class _TextIndex:
    """Sketches of some complaints: band keys (signed int64) and low-16-bit signatures."""

    keys: dict[int, list[int]]
    sig16: dict[int, np.ndarray]
    blobs: dict[int, bytes | None]
    hashes: dict[int, str]


def _sketch(ix: TemplateIndexer, facts: Sequence[ComplaintFacts]) -> _TextIndex:
    out = _TextIndex({}, {}, {}, {})
    if not facts:
        return out
    batch = ix.prepare([f.text for f in facts], [(f.customer_name,) if f.customer_name else () for f in facts])
    counts = batch.counts()
    sigs = ix.signatures(batch)
    bands = ix.band_hashes(sigs)
    for i, f in enumerate(facts):
        out.hashes[f.id] = _text_hash(ix.scheme, f.text, f.customer_name)
        if counts[i] < ix.min_shared:
            out.keys[f.id] = []
            out.blobs[f.id] = None
            continue
        keys = _to_signed(bands[i])
        out.keys[f.id] = keys
        out.sig16[f.id] = sigs[i].astype(np.uint16)
        out.blobs[f.id] = _pack_sketch(keys, sigs[i])
    return out


def _distinct_counts(codes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Number of distinct shingles of each text of a batch."""
    doc = np.repeat(np.arange(counts.size), counts)
    if doc.size == 0:
        return np.zeros(counts.size, dtype=np.int64)
    order = np.lexsort((codes, doc))
    d, c = doc[order], codes[order]
    new = np.ones(d.size, dtype=bool)
    new[1:] = (d[1:] != d[:-1]) | (c[1:] != c[:-1])
    return np.bincount(d[new], minlength=counts.size)


def _jaccard(sa: set[int], sb: set[int]) -> tuple[float, int]:
    """Exact Jaccard similarity and number of shared shingles of two shingle sets."""
    shared = len(sa & sb)
    union = len(sa) + len(sb) - shared
    return (shared / union if union else 0.0), shared


def _close_by_sketch(uow: Any, ix: TemplateIndexer, mine: np.ndarray, candidates: Iterable[int]) -> list[int]:
    """The candidates whose stored sketch estimates a similarity near enough to verify exactly."""
    floor = ix.threshold - ix.prefilter_margin
    keep = []
    for cid, blob in uow.detect.signatures_of(candidates).items():
        _, s16 = _unpack_sketch(blob, ix.bands)
        if s16 is not None and s16.size == mine.size and float(np.mean(s16 == mine)) >= floor:
            keep.append(cid)
    return keep


def _template_reason(jaccard: float, shared: int) -> str:
    return f"投诉文本高度雷同：去除姓名、号码、日期、金额后相似度 {jaccard:.0%}，{shared} 个相同片段"


def _verify_text_pairs(ix: TemplateIndexer, facts: Mapping[int, ComplaintFacts], pairs: Iterable[tuple[int, int]],
                       found: Found) -> None:
    pairs = list(pairs)
    if not pairs:
        return
    ids = sorted({i for p in pairs for i in p})
    batch = ix.prepare([facts[i].text for i in ids],
                       [(facts[i].customer_name,) if facts[i].customer_name else () for i in ids])
    pos = {cid: n for n, cid in enumerate(ids)}
    sets: dict[int, set[int]] = {}
    for a, b in pairs:
        sa = sets.get(a)
        if sa is None:
            sa = sets[a] = batch.sets(pos[a])
        sb = sets.get(b)
        if sb is None:
            sb = sets[b] = batch.sets(pos[b])
        jac, shared = _jaccard(sa, sb)
        if jac >= ix.threshold and shared >= ix.min_shared:
            _add(found, a, b, LinkKind.TEMPLATE.value, round(jac, 4), _template_reason(jac, shared),
                 {"jaccard": round(jac, 4), "shared": shared})


def _text_links_incremental(uow: Any, ix: TemplateIndexer, facts: Sequence[ComplaintFacts], found: Found) -> None:
    """Refresh the band keys of ``facts`` and find their template partners among all stored."""
    sk = _sketch(ix, facts)
    states = uow.detect.text_states([f.id for f in facts])
    for f in facts:
        old = states.get(f.id)
        if old is not None and old[0] == ix.scheme and old[1] == sk.hashes[f.id]:
            continue
        if old is not None:
            old_keys, _ = _unpack_sketch(old[2], ix.bands)
            uow.detect.delete_text_keys(f.id, old_keys)
        uow.detect.add_text_keys(f.id, sk.keys[f.id])
        uow.detect.put_text_state(f.id, ix.scheme, sk.hashes[f.id], sk.blobs[f.id])
    # Candidates: complaints sharing a band key; pre-filtered on the sketch estimate.
    pairs: set[tuple[int, int]] = set()
    for f in facts:
        keys = sk.keys.get(f.id) or []
        cands = uow.detect.text_candidates(keys, exclude=f.id) if keys else set()
        for cid in _close_by_sketch(uow, ix, sk.sig16[f.id], cands) if cands else ():
            pairs.add((f.id, cid) if f.id < cid else (cid, f.id))
    if not pairs:
        return
    known = {f.id: f for f in facts}
    missing = sorted({i for p in pairs for i in p} - set(known))
    known.update({f.id: f for f in uow.detect.complaint_facts(missing)})
    _verify_text_pairs(ix, known, pairs, found)
    # One hop through stored template links: the full run verifies whole families, so a member
    # that shares no band with this text but resembles it is found there; find it here too.
    for f in facts:
        if not sk.keys.get(f.id):
            continue
        partners = {b if a == f.id else a for (a, b, k) in found if k == LinkKind.TEMPLATE.value and f.id in (a, b)}
        if not partners or len(partners) > ONE_HOP_LIMIT:
            continue
        hop = {link.b if link.a in partners else link.a
               for link in uow.detect.links_touching(sorted(partners), [LinkKind.TEMPLATE.value])
               if link.status != LinkStatus.REJECTED.value}
        hop |= {b if a in partners else a for (a, b, k) in found
                if k == LinkKind.TEMPLATE.value and (a in partners or b in partners)}
        hop -= partners | {f.id}
        hop = {c for c in hop if (min(c, f.id), max(c, f.id)) not in pairs}
        if not hop:
            continue
        extra = {(f.id, cid) if f.id < cid else (cid, f.id) for cid in _close_by_sketch(uow, ix, sk.sig16[f.id], hop)}
        if extra:
            need = sorted({i for p in extra for i in p} - set(known))
            known.update({x.id: x for x in uow.detect.complaint_facts(need)})
            _verify_text_pairs(ix, known, extra, found)


def similar_texts(ctx: ServiceContext, text: str, *, customer_name: str = "", exclude_id: int | None = None,
                  limit: int = 10) -> list[SimilarComplaint]:
    """Stored complaints whose text is a near copy of ``text`` (for the editor while typing),
    most similar first. Read-only: nothing is stored."""
    with ctx.reader() as uow:
        settings = _load_settings(uow)
        ix = indexer_for(settings.template_threshold)
        names = (customer_name,) if customer_name else ()
        keys = ix.index_keys(text, names)
        if not keys:
            return []
        signed = [_signed64(k.split(":", 1)[1]) for k in keys]
        cands = uow.detect.text_candidates(signed, exclude=exclude_id)
        if not cands:
            return []
        keep = _close_by_sketch(uow, ix, ix.signature(text, names).astype(np.uint16), cands)
        facts = uow.detect.complaint_facts(keep)
        mine_set = ix.shingle_codes(text, names)
        out = []
        if facts:
            batch = ix.prepare([f.text for f in facts], [(f.customer_name,) if f.customer_name else () for f in facts])
            for i, f in enumerate(facts):
                jac, shared = _jaccard(mine_set, batch.sets(i))
                if jac >= ix.threshold and shared >= ix.min_shared:
                    out.append(SimilarComplaint(f.id, f.reference, f.external_id, f.customer_name, f.received_at,
                                                round(jac, 4), shared, f.text[:80]))
        out.sort(key=lambda s: (-s.jaccard, s.complaint_id))
        return out[:limit]


# --------------------------------------------------------------------------- identifiers


def _building_key(cipher: Any, building: str) -> int:
    return _signed64(cipher.hash_value("building", building))


def _building_of(use: IdentifierUse) -> str | None:
    """The building part of an address identifier (None for other identifiers)."""
    return use.attributes.get("building") or None if use.type == _ADDRESS else None


def _correlatable(use: IdentifierUse) -> bool:
    return not use.do_not_correlate and use.type in IDENTIFIER_KINDS


def _identifier_reason(use: IdentifierUse, n: int, as_contact: int = 0) -> str:
    text = f"{_ident_label(use)} {use.masked} 出现在 {n} 笔投诉中"
    if as_contact:
        text += f"，其中 {as_contact} 笔为实际联系电话或代理人电话（非客户本人号码）"
    return text


def _building_reason(use: IdentifierUse, n: int) -> str:
    return f"联系地址在同一楼宇/商场（{use.masked}），该楼宇出现在 {n} 笔投诉中"


@dataclass
class _Shared:
    """Identifier and building sets touching some complaints."""

    members: dict[tuple[str, int], set[int]]   # ('i', identifier id) or ('b', building key) -> complaints
    use_of: dict[tuple[str, int], IdentifierUse]  # a representative use (for labels)
    hubs: dict[int, list[str]]                   # complaint -> notes about hub identifiers
    contact: dict[int, int] = field(default_factory=dict)  # identifier id -> complaints using it as contact


def _shared_pairs(shared: _Shared, customer: Mapping[int, int | None], cap: int, found: Found,
                  only: set[int] | None = None) -> None:
    """Links between complaints of different customers sharing an identifier or a building."""
    for key, members in shared.members.items():
        n = len(members)
        if n < 2:
            continue
        use = shared.use_of[key]
        if n > cap:
            continue
        kind = LinkKind.ADDRESS.value if key[0] == "b" else IDENTIFIER_KINDS[use.type].value
        reason = (_building_reason(use, n) if key[0] == "b"
                  else _identifier_reason(use, n, shared.contact.get(key[1], 0)))
        detail = {"building_key" if key[0] == "b" else "identifier_id": key[1], "count": n,
                  "identifier_id": use.identifier_id}
        ms = sorted(members)
        sources = ms if only is None else [m for m in ms if m in only]
        for a in sources:
            ca = customer.get(a)
            for b in ms:
                if b == a or (only is None and b < a):
                    continue
                cb = customer.get(b)
                if ca is not None and ca == cb:
                    continue  # one customer complaining twice is not an agent
                _add(found, a, b, kind, 1.0, reason, detail)


def _contact_counts(role_counts: Mapping[int, Mapping[str, int]]) -> dict[int, int]:
    return {iid: sum(n for role, n in roles.items() if role in CONTACT_ROLES - {IdentifierRole.TEXT_MENTION.value})
            for iid, roles in role_counts.items()}


def _collect_shared(uses: Sequence[IdentifierUse], member_uses: Mapping[int, set[int]],
                    building_members: Mapping[int, set[int]], cipher: Any) -> _Shared:
    shared = _Shared({}, {}, defaultdict(list))
    for u in uses:
        if not _correlatable(u):
            continue
        building = _building_of(u)
        if building:
            key: tuple[str, int] = ("b", _building_key(cipher, building))
            members = building_members.get(key[1], set())
        else:
            key = ("i", u.identifier_id)
            members = member_uses.get(u.identifier_id, set())
        shared.members.setdefault(key, set()).update(members)
        shared.members[key].add(u.complaint_id)
        shared.use_of.setdefault(key, u)
    return shared


def _stored_shared(uow: Any, corr: Sequence[IdentifierUse]) -> _Shared:
    """The identifier and building sets of these (correlatable) uses, members read from the store."""
    cipher = uow.repo.cipher
    plain = [u.identifier_id for u in corr if not _building_of(u)]
    bkeys = [_building_key(cipher, b) for u in corr if (b := _building_of(u))]
    shared = _collect_shared(corr, uow.detect.identifier_members(plain), uow.detect.building_members(bkeys), cipher)
    shared.contact = _contact_counts(uow.detect.identifier_role_counts(plain))
    return shared


def _mark_hubs(shared: _Shared, cap: int, among: Iterable[int] | None = None) -> None:
    """Note, on the complaints (of ``among``) using it, each set too big to link pair by pair."""
    wanted = None if among is None else set(among)
    for key, members in shared.members.items():
        if len(members) <= cap:
            continue
        note = (_identifier_reason(shared.use_of[key], len(members), shared.contact.get(key[1], 0))
                + "（常用号码，未逐对关联）")
        for m in members:
            if wanted is None or m in wanted:
                shared.hubs[m].append(note)


def _sets_of(shared: _Shared) -> dict[int, list[tuple[str, int]]]:
    """complaint id -> keys of the shared sets it belongs to."""
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for key, members in shared.members.items():
        for m in members:
            out[m].append(key)
    return out


def _by_complaint(uses: Iterable[IdentifierUse]) -> dict[int, list[IdentifierUse]]:
    out: dict[int, list[IdentifierUse]] = defaultdict(list)
    for u in uses:
        out[u.complaint_id].append(u)
    return out


# --------------------------------------------------------------------------- indicators


def _burst_note(dates: Sequence[dt.date], day: dt.date, window: int, minimum: int, what: str, *,
                is_sorted: bool = False) -> str | None:
    if is_sorted:
        span = dt.timedelta(days=window)
        near = bisect.bisect_right(dates, day + span) - bisect.bisect_left(dates, day - span)
    else:
        near = sum(1 for d in dates if abs((d - day).days) <= window)
    if near >= minimum:
        return f"{what}：前后 {window} 天内 {near} 笔"
    return None


def _compute_indicators(
    ids: Iterable[int],
    facts: Mapping[int, ComplaintFacts],
    neighbours: Mapping[int, Mapping[str, set[int]]],
    reasons: Mapping[int, Mapping[str, str]],
    shared: _Shared,
    shared_of: Mapping[int, list[tuple[str, int]]],
    uses_by_c: Mapping[int, list[IdentifierUse]],
    dates: Mapping[int, dt.date],
    settings: DetectionSettings,
) -> dict[int, dict[str, str]]:
    """Detector indicator hits {code: note} of each complaint in ``ids``."""
    out: dict[int, dict[str, str]] = {}
    # Each shared set's dates sorted once: a trade mall shared by 20,000 complaints would otherwise
    # cost 20,000 x 20,000 date comparisons.
    sorted_dates: dict[Any, list[dt.date]] = {}
    for cid in ids:
        hits: dict[str, str] = {}
        f = facts.get(cid)
        nb = neighbours.get(cid, {})
        rs = reasons.get(cid, {})
        for kind, others in nb.items():
            code = _INDICATOR_OF_KIND.get(kind)
            if code and others and code not in hits:
                hits[code] = rs.get(kind, "")
        hub_notes = shared.hubs.get(cid)
        if hub_notes and Indicator.SHARED_CONTACT.value not in hits:
            hits[Indicator.SHARED_CONTACT.value] = hub_notes[0]
        # Time bursts: within one identifier / building set, or among the template partners.
        day = dates.get(cid)
        if day is not None and settings.burst_min >= 2:
            note = None
            for key in shared_of.get(cid, ()):
                members = shared.members.get(key, set())
                if len(members) >= settings.burst_min:
                    use = shared.use_of[key]
                    what = f"{_ident_label(use)} {use.masked} 相关投诉集中出现"
                    ordered = sorted_dates.get(key)
                    if ordered is None:
                        ordered = sorted_dates[key] = sorted(dates[m] for m in members if m in dates)
                    note = _burst_note(ordered, day, settings.burst_days, settings.burst_min, what, is_sorted=True)
                    if note:
                        break
            if note is None:
                tmpl = nb.get(LinkKind.TEMPLATE.value, set())
                if len(tmpl) + 1 >= settings.burst_min:
                    note = _burst_note([dates[m] for m in tmpl if m in dates] + [day], day, settings.burst_days,
                                       settings.burst_min, "同一模板的投诉集中出现")
            if note:
                hits[Indicator.TIME_BURST.value] = note
        for u in uses_by_c.get(cid, ()):
            if u.role in CONTACT_ROLES and u.attributes.get("virtual") == "1":
                hits[Indicator.VIRTUAL_NUMBER.value] = f"{IdentifierRole(u.role).label} {u.masked} 属虚拟运营商号段"
                break
        if f is not None and f.phone_changed_at is not None:
            gap = (f.received_at - f.phone_changed_at).days
            if 0 <= gap <= settings.phone_changed_days:
                hits[Indicator.PHONE_CHANGED.value] = (
                    f"投诉前 {gap} 天更换预留手机号（{f.phone_changed_at.isoformat()}）")
        out[cid] = hits
    return out


def _neighbours(links: Iterable[tuple[int, int, str, str, str]]
                ) -> tuple[dict[int, dict[str, set[int]]], dict[int, dict[str, str]]]:
    """Per complaint and link kind: the partners and one reason, from (a, b, kind, status, reason)
    rows; rejected links are left out."""
    nb: dict[int, dict[str, set[int]]] = {}
    rs: dict[int, dict[str, str]] = {}
    for a, b, kind, status, reason in links:
        if status == _REJECTED:
            continue
        for x, y in ((a, b), (b, a)):
            by_kind = nb.get(x)
            if by_kind is None:
                by_kind = nb[x] = {}
                rs[x] = {}
            partners = by_kind.get(kind)
            if partners is None:
                by_kind[kind] = {y}
                rs[x][kind] = reason
            else:
                partners.add(y)
    return nb, rs


def _link_rows(links: Iterable[StoredLink]) -> Iterable[tuple[int, int, str, str, str]]:
    return ((link.a, link.b, link.kind, link.status, link.reason) for link in links)


def _apply_risk(uow: Any, ids: Iterable[int] | None, settings: DetectionSettings) -> int:
    """Recompute the levels of ``ids`` (None: of every complaint) from their indicators."""
    codes = uow.detect.indicator_codes(None if ids is None else list(ids))
    state = uow.detect.risk_state(None if ids is None else list(ids))
    ids = list(state) if ids is None else list(ids)
    rules = settings.rules()
    rows = []
    for cid in ids:
        if cid not in state:
            continue
        level, manual, old_reasons = state[cid]
        result = assess(codes.get(cid, {}).keys(), rules)
        reasons = list(result.reasons)
        if manual:
            if reasons != old_reasons:
                rows.append((cid, None, reasons))
        elif result.level != level or reasons != old_reasons:
            rows.append((cid, result.level, reasons))
    uow.detect.set_computed_risk(rows)
    return len(rows)


# --------------------------------------------------------------------------- writing links


def _write_links(uow: Any, found: Found, existing: Iterable[StoredLink], kinds: frozenset[str],
                 scope: Callable[[StoredLink], bool]) -> tuple[int, int, int, set[int]]:
    """Make the stored detector links of ``kinds`` within ``scope`` equal to ``found``.

    Returns (added, updated, removed, complaints whose links changed)."""
    by_key: dict[Pair, StoredLink] = {}
    for link in existing:
        if link.kind in kinds and link.source == "detector":
            by_key[(link.a, link.b, link.kind)] = link
    add, upd, rem = [], [], []
    touched: set[int] = set()
    for key, (score, reason, detail) in found.items():
        if key[2] not in kinds:
            continue
        old = by_key.get(key)
        if old is None:
            add.append((key[0], key[1], key[2], score, reason, detail))
            touched.update(key[:2])
        elif abs(old.score - score) > 1e-9 or old.reason != reason:
            upd.append((old.id, score, reason, detail))
    for key, link in by_key.items():
        if key not in found and scope(link) and link.status == LinkStatus.SUGGESTED.value:
            rem.append(link.id)
            touched.update(key[:2])
    uow.detect.delete_links(rem)
    add.sort()  # (a, b) order: index pages are appended to, not scattered
    uow.detect.insert_links(add)
    uow.detect.update_links(upd)
    return len(add), len(upd), len(rem), touched


# --------------------------------------------------------------------------- incremental: complaints


def detect_complaints(ctx: ServiceContext, complaint_ids: Sequence[int]) -> DetectionSummary:
    """Recompute the links of these complaints (new or changed) against everything stored."""
    ids = sorted(set(complaint_ids))
    if not ids:
        return DetectionSummary()
    t0 = time.perf_counter()
    with ctx.uow() as uow:
        # No audit event of its own: it follows from the audited save that triggered it.
        result = _detect_complaints(uow, ids)
        uow.commit()
    return DetectionSummary(**{**asdict(result), "seconds": time.perf_counter() - t0, "unusable": ()})


def _detect_complaints(uow: Any, ids: list[int]) -> DetectionSummary:
    settings = _load_settings(uow)
    ix = indexer_for(settings.template_threshold)
    facts = uow.detect.complaint_facts(ids)
    ids = [f.id for f in facts]
    found: Found = {}
    _text_links_incremental(uow, ix, facts, found)

    # Identifiers and buildings of these complaints, and everyone else using them.
    corr = [u for u in uow.detect.identifier_uses(ids) if _correlatable(u)]
    cipher = uow.repo.cipher
    for cid in ids:
        uow.detect.replace_building_keys(cid, {_building_key(cipher, b): u.identifier_id for u in corr
                                               if u.complaint_id == cid and (b := _building_of(u))}.items())
    shared = _stored_shared(uow, corr)
    everyone = {c for m in shared.members.values() for c in m} | set(ids)
    info = uow.detect.received_dates(everyone)
    customer = {c: v[1] for c, v in info.items()}
    _shared_pairs(shared, customer, settings.identifier_cap, found, only=set(ids))
    # The other pairs of small sets get their reasons refreshed ("出现在 N 笔投诉中" just grew);
    # bigger sets wait for the next full run, which keeps one save cheap.
    small = {k: m for k, m in shared.members.items() if len(m) <= REFRESH_SET_SIZE}
    if small:
        _shared_pairs(_Shared(small, shared.use_of, shared.hubs, shared.contact), customer,
                      settings.identifier_cap, found)
    refreshed = {c for m in small.values() for c in m}

    idset = set(ids)
    # Sets that just became hubs (one member over the cap) lose their pair links.
    just_hubs: list[tuple[str, set[int]]] = []
    for key, members in shared.members.items():
        if len(members) == settings.identifier_cap + 1:
            kind = LinkKind.ADDRESS.value if key[0] == "b" else IDENTIFIER_KINDS[shared.use_of[key].type].value
            just_hubs.append((kind, members))
    hub_members = {c for _, m in just_hubs for c in m}

    def in_scope(link: StoredLink) -> bool:
        if link.a in idset or link.b in idset:
            return True
        return any(link.kind == k and link.a in m and link.b in m for k, m in just_hubs)

    existing = uow.detect.links_touching(sorted(idset | refreshed | hub_members), sorted(COMPLAINT_KINDS))
    added, updated, removed, touched = _write_links(uow, found, existing, COMPLAINT_KINDS, scope=in_scope)

    # Indicators and risk of these complaints and of partners whose links changed.
    changed = _refresh_indicators(uow, sorted(idset | touched | refreshed), settings)
    return DetectionSummary(complaints=len(ids), links_added=added, links_updated=updated, links_removed=removed,
                            indicator_changes=changed)


# --------------------------------------------------------------------------- evidence features


# --------------------------------------------------------------------------- evidence features


@dataclass(frozen=True)
class _Feature:
    evidence_id: int
    kind: str   # 'voice' | 'image'
    engine: str
    status: str
    note: str
    data: bytes | None
    keys: tuple[int, ...] = ()


def _voice_engine() -> voice_detect.VoiceEngine:
    return voice_detect.best_engine()


def _engine_key(engine: voice_detect.VoiceEngine) -> str:
    return f"{engine.name}:{engine.version}"


def _image_key(key: str) -> int:
    return _signed64(hashlib.blake2b(key.encode(), digest_size=8).hexdigest())


def _is_image(media_type: str, kind: str) -> bool:
    return kind in IMAGE_EVIDENCE and media_type.startswith("image/")


def _is_audio(media_type: str, kind: str) -> bool:
    return kind == EvidenceKind.RECORDING.value or media_type.startswith("audio/")


def _read_verified(vault: Any, sha256: str) -> bytes:
    with vault.open(sha256) as fh:
        data = fh.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError("文件内容与入库时的 SHA-256 不符，未分析（请运行校验）")
    return data


def _compute_features(vault: Any, items: Sequence[tuple[int, str, str, str, str]],
                      have: Mapping[tuple[int, str], str], engine_key: str,
                      progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> list[_Feature]:
    out: list[_Feature] = []
    engine = None
    for n, (eid, sha, media, kind, name) in enumerate(items, start=1):
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(n, len(items), "features")
        if _is_audio(media, kind):
            if have.get((eid, "voice")) == engine_key:
                continue
            engine = engine or _voice_engine()
            try:
                samples, rate = voice_detect.load_audio(_read_verified(vault, sha))
                emb = np.asarray(engine.embed(samples, rate), dtype=np.float32)
                out.append(_Feature(eid, "voice", engine_key, "ok", "", emb.tobytes()))
            except (ValueError, OSError, voice_detect.NotEnoughSpeech) as exc:
                out.append(_Feature(eid, "voice", engine_key, "unusable", f"{name}: {exc}", None))
        elif _is_image(media, kind):
            key = f"image:{image_detect.FINGERPRINT_VERSION}"
            if have.get((eid, "image")) == key:
                continue
            try:
                fp = image_detect.image_fingerprint(_read_verified(vault, sha))
                out.append(_Feature(eid, "image", key, "ok", "", image_detect.to_bytes(fp),
                                    tuple(_image_key(k) for k in image_detect.hash_keys(fp))))
            except (ValueError, OSError) as exc:
                out.append(_Feature(eid, "image", key, "unusable", f"{name}: {exc}", None))
    return out


def _store_features(uow: Any, feats: Sequence[_Feature]) -> None:
    for f in feats:
        uow.detect.put_feature(f.evidence_id, f.kind, f.engine, f.status, f.note, f.data)
        if f.kind == "image":
            uow.detect.replace_image_keys(f.evidence_id, f.keys)


def _voice_pairs(emb: Mapping[int, np.ndarray], ev_complaints: Mapping[int, set[int]],
                 customer: Mapping[int, int | None], threshold: float, engine: str, found: Found,
                 only: set[int] | None = None) -> None:
    ids = sorted(e for e in emb if ev_complaints.get(e))
    if len(ids) < 2:
        return
    mat = np.stack([emb[e] for e in ids]).astype(np.float32)
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-9)
    rows = range(len(ids)) if only is None else [i for i, e in enumerate(ids) if e in only]
    for i in rows:
        sims = mat @ mat[i]
        for j in np.flatnonzero(sims >= threshold).tolist():
            if j == i or (only is None and j < i):
                continue
            ea, eb = sorted((ids[i], ids[j]))
            s = float(sims[j])
            for ca in ev_complaints[ea]:
                for cb in ev_complaints[eb]:
                    if ca == cb or (customer.get(ca) is not None and customer.get(ca) == customer.get(cb)):
                        continue
                    reason = f"录音声纹相似度 {s:.2f}（阈值 {threshold:.2f}，引擎 {engine}）：证据 #{ea} 与 #{eb}"
                    _add(found, ca, cb, LinkKind.VOICE.value, round(s, 4), reason, {"evidence": sorted((ea, eb))})


def _image_pairs(pairs: Iterable[tuple[int, int, float]], ev_complaints: Mapping[int, set[int]],
                 customer: Mapping[int, int | None], threshold: float, found: Found) -> None:
    for e1, e2, s in pairs:
        ea, eb = sorted((e1, e2))
        for ca in ev_complaints.get(ea, ()):
            for cb in ev_complaints.get(eb, ()):
                if ca == cb or (customer.get(ca) is not None and customer.get(ca) == customer.get(cb)):
                    continue
                reason = f"图片 {s:.0%} 的内容块完全相同（阈值 {threshold:.0%}）：证据 #{ea} 与 #{eb}"
                _add(found, ca, cb, LinkKind.IMAGE.value, round(s, 4), reason, {"evidence": sorted((ea, eb))})


def detect_evidence(ctx: ServiceContext, evidence_ids: Sequence[int], *, progress: Progress | None = None,
                    cancel: Callable[[], bool] | None = None) -> DetectionSummary:
    """Analyse new evidence (voice, images) and link its complaints to others with the same
    voice or the same image."""
    t0 = time.perf_counter()
    with ctx.reader() as uow:
        items = uow.detect.evidence_to_analyse(
            sorted({EvidenceKind.RECORDING.value} | IMAGE_EVIDENCE), list(evidence_ids))
        have = {(e, k): v[0] for k in ("voice", "image") for e, v in uow.detect.features(k, list(evidence_ids)).items()}
    items = [i for i in items if _is_audio(i[2], i[3]) or _is_image(i[2], i[3])]
    if not items:
        return DetectionSummary()
    engine_key = _engine_key(_voice_engine()) if any(_is_audio(i[2], i[3]) for i in items) else ""
    feats = _compute_features(ctx.store.vault, items, have, engine_key, progress, cancel)
    with ctx.uow() as uow:
        settings = _load_settings(uow)
        _store_features(uow, feats)
        found: Found = {}
        new_ids = {i[0] for i in items}
        voice_new = [i[0] for i in items if _is_audio(i[2], i[3])]
        image_new = [i[0] for i in items if _is_image(i[2], i[3])]
        ev_c = dict(uow.detect.evidence_complaints())
        if voice_new and engine_key:
            all_voice = {e: np.frombuffer(d, dtype=np.float32) for e, (eng, st, d) in uow.detect.features("voice").items()
                         if st == "ok" and eng == engine_key and d}
            cust = {c: v[1] for c, v in uow.detect.received_dates({c for s in ev_c.values() for c in s}).items()}
            name = engine_key.split(":")[0]
            _voice_pairs(all_voice, ev_c, cust, settings.voice().for_engine(name), name, found, only=set(voice_new))
        if image_new:
            mine = {e: v for e, v in uow.detect.features("image", image_new).items() if v[1] == "ok" and v[2]}
            version = image_detect.FINGERPRINT_VERSION
            cache = uow.detect.image_pair_scores(version, list(mine))
            computed: dict[tuple[int, int], float] = {}
            pairs = []
            for e, (_, _, data) in mine.items():
                fp = image_detect.from_bytes(data)
                cands = uow.detect.image_candidates([_image_key(k) for k in image_detect.hash_keys(fp)]) - {e}
                others = uow.detect.features("image", sorted(cands))
                for o, (_, st, od) in others.items():
                    if st != "ok" or not od:
                        continue
                    key = (min(e, o), max(e, o))
                    s = cache.get(key, computed.get(key))
                    if s is None:
                        s = computed[key] = image_detect.similarity(fp, image_detect.from_bytes(od))
                    if s >= settings.image_threshold:
                        pairs.append((e, o, s))
            uow.detect.add_image_pairs(version, computed)
            cust = {c: v[1] for c, v in uow.detect.received_dates({c for s in ev_c.values() for c in s}).items()}
            _image_pairs(pairs, ev_c, cust, settings.image_threshold, found)
        complaints = {c for e in new_ids for c in ev_c.get(e, ())}
        existing = uow.detect.links_touching(complaints, sorted(EVIDENCE_KINDS)) if complaints else []
        added, updated, removed, touched = _write_links(
            uow, found, existing, EVIDENCE_KINDS,
            scope=lambda link: False)  # new evidence only adds links; `detect --full` prunes
        affected = sorted(complaints | touched)
        changes = _refresh_indicators(uow, affected, settings) if affected else 0
        unusable = tuple(f.note for f in feats if f.status != "ok")
        uow.commit()  # follows from the audited attachment; no event of its own
    return DetectionSummary(complaints=len(affected), evidence=len(items), links_added=added, links_updated=updated,
                            links_removed=removed, indicator_changes=changes, unusable=unusable,
                            seconds=time.perf_counter() - t0)


def _refresh_indicators(uow: Any, affected: Sequence[int], settings: DetectionSettings) -> int:
    """Recompute the detector indicators and risk of some complaints from what is stored."""
    facts = {f.id: f for f in uow.detect.complaint_facts(affected)}
    uses = uow.detect.identifier_uses(affected)
    shared = _stored_shared(uow, [u for u in uses if _correlatable(u)])
    _mark_hubs(shared, settings.identifier_cap, facts)
    nb, rs = _neighbours(_link_rows(uow.detect.links_touching(affected)))
    everyone = ({c for m in shared.members.values() for c in m} | set(affected)
                | {y for x in affected for ys in nb.get(x, {}).values() for y in ys})
    dates = {c: v[0] for c, v in uow.detect.received_dates(everyone).items()}
    hits = _compute_indicators(affected, facts, nb, rs, shared, _sets_of(shared), _by_complaint(uses), dates, settings)
    changed = _write_indicators(uow, affected, hits)
    _apply_risk(uow, affected, settings)
    return changed


def _write_indicators(uow: Any, ids: Sequence[int], hits: Mapping[int, dict[str, str]], *,
                      whole_store: bool = False) -> int:
    """Store the detector hits of ``ids`` where they differ from what is stored; returns how many
    complaints changed. ``whole_store``: ``ids`` are all complaints, so when most changed one
    replace of the whole table beats per-complaint deletes."""
    before = uow.detect.indicator_codes(None if whole_store else ids, source="detector")
    changed = [c for c in ids if before.get(c, {}) != hits.get(c, {})]
    if whole_store and len(changed) > len(ids) // 2:
        uow.detect.replace_detector_indicators(None, {c: h for c, h in hits.items() if h})
    elif changed:
        uow.detect.replace_detector_indicators(changed, {c: hits[c] for c in changed})
    return len(changed)


# --------------------------------------------------------------------------- full run


def detect_all(ctx: ServiceContext, *, progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None, stats: dict[str, float] | None = None,
               require: bool = True) -> DetectionSummary:
    """Rebuild the detector's indexes and recompute every link, indicator and risk level.

    Evidence features are computed for files that have none (or one from another engine version);
    files are immutable, so existing features stay valid."""
    if require:
        ctx.require(Permission.DECIDE_LINK)
    clock = time.perf_counter
    t0 = clock()
    marks: dict[str, float] = {}

    def step(name: str, n: int = 0, total: int = 0) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        marks[name] = clock()
        if progress is not None:
            progress(n, total, name)

    # Features first, outside the write transaction (reading the vault can take long).
    with ctx.reader() as uow:
        items = [i for i in uow.detect.evidence_to_analyse(sorted({EvidenceKind.RECORDING.value} | IMAGE_EVIDENCE))
                 if _is_audio(i[2], i[3]) or _is_image(i[2], i[3])]
        have = {(e, k): v[0] for k in ("voice", "image") for e, v in uow.detect.features(k).items()}
    engine_key = _engine_key(_voice_engine()) if any(_is_audio(i[2], i[3]) for i in items) else ""
    feats = _compute_features(ctx.store.vault, items, have, engine_key, progress, cancel)
    step("features")

    with ctx.uow() as uow:
        settings = _load_settings(uow)
        _store_features(uow, feats)
        ix = indexer_for(settings.template_threshold)
        facts_list = uow.detect.complaint_facts()
        facts = {f.id: f for f in facts_list}
        step("load", 0, len(facts_list))
        found: Found = {}

        # Text: sketches for the index, pairs in memory.
        batch = ix.prepare([f.text for f in facts_list],
                           [(f.customer_name,) if f.customer_name else () for f in facts_list])
        counts = batch.counts()
        sigs = ix.signatures(batch)
        bands = ix.band_hashes(sigs).view(np.int64)
        step("sign", len(facts_list), len(facts_list))
        # Rewrite the keys of complaints whose text (or the scheme) changed since the last run only.
        known = uow.detect.text_hashes()
        key_rows: list[tuple[int, int]] = []
        state_rows: list[tuple[Any, ...]] = []
        rewrite: list[int] = []
        for i, f in enumerate(facts_list):
            h = _text_hash(ix.scheme, f.text, f.customer_name)
            old_state = known.get(f.id)
            if old_state is not None and old_state == (ix.scheme, h):
                continue
            if old_state is not None:
                rewrite.append(f.id)
            if counts[i] < ix.min_shared:
                state_rows.append((f.id, ix.scheme, h, None))
                continue
            keys = bands[i].tolist()
            key_rows.extend((k, f.id) for k in set(keys))
            state_rows.append((f.id, ix.scheme, h, _pack_sketch(keys, sigs[i])))
        if rewrite:
            uow.detect.drop_text_index(rewrite, ix.bands)
        key_rows.sort()
        uow.detect.add_text_index(key_rows, state_rows)
        step("text_index", len(facts_list), len(facts_list))
        ids = [f.id for f in facts_list]
        sizes = _distinct_counts(batch.codes, counts)
        for i, j, s in ix.pairs_in(batch):
            a, b = ids[i], ids[j]
            # |A∩B| from the Jaccard and the set sizes: J = x / (|A| + |B| - x)
            shared_n = int(round(s * (sizes[i] + sizes[j]) / (1.0 + s)))
            js = round(s, 4)
            _add(found, a, b, _TEMPLATE, js, _template_reason(s, shared_n), {"jaccard": js, "shared": shared_n})
        step("template_pairs", len(found))

        # Identifiers and buildings.
        uses = uow.detect.identifier_uses()
        corr = [u for u in uses if _correlatable(u)]
        cipher = uow.repo.cipher
        b_rows: dict[tuple[int, int], int] = {}
        member_uses: dict[int, set[int]] = defaultdict(set)
        building_members: dict[int, set[int]] = defaultdict(set)
        for u in corr:
            b = _building_of(u)
            if b:
                k = _building_key(cipher, b)
                b_rows[(k, u.complaint_id)] = u.identifier_id
                building_members[k].add(u.complaint_id)
            else:
                member_uses[u.identifier_id].add(u.complaint_id)
        uow.detect.set_all_building_keys(b_rows)
        shared = _collect_shared(corr, member_uses, building_members, cipher)
        role_counts: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for u in corr:
            role_counts[u.identifier_id][u.role].add(u.complaint_id)
        shared.contact = _contact_counts({i: {r: len(c) for r, c in rs.items()} for i, rs in role_counts.items()})
        customer = {f.id: f.customer_id for f in facts_list}
        _shared_pairs(shared, customer, settings.identifier_cap, found)
        _mark_hubs(shared, settings.identifier_cap)
        step("identifier_pairs", len(found))

        # Voices and images.
        ev_c = uow.detect.evidence_complaints()
        voice = {e: np.frombuffer(d, dtype=np.float32) for e, (eng, st, d) in uow.detect.features("voice").items()
                 if st == "ok" and eng == engine_key and d} if engine_key else {}
        if voice:
            name = engine_key.split(":")[0]
            _voice_pairs(voice, ev_c, customer, settings.voice().for_engine(name), name, found)
        imgs = {e: image_detect.from_bytes(d) for e, (_, st, d) in uow.detect.features("image").items()
                if st == "ok" and d}
        if imgs:
            # Candidates from the hash keys; comparisons already made (files never change) are reused.
            version = image_detect.FINGERPRINT_VERSION
            cache = uow.detect.image_pair_scores(version)
            computed: dict[tuple[int, int], float] = {}
            pairs = []
            for a, b in image_detect.candidate_pairs(imgs):
                key = (min(a, b), max(a, b))
                s = cache.get(key)
                if s is None:
                    s = computed[key] = image_detect.similarity(imgs[key[0]], imgs[key[1]])
                if s >= settings.image_threshold:
                    pairs.append((key[0], key[1], s))
            uow.detect.add_image_pairs(version, computed)
            _image_pairs(pairs, ev_c, customer, settings.image_threshold, found)
        step("evidence_pairs", len(found))

        existing = uow.detect.all_pair_links()
        added, updated, removed, _ = _write_links(uow, found, existing, DETECTOR_KINDS, scope=lambda link: True)
        step("write_links", added)

        # Indicators and risk for everyone, from the links as now stored (decisions included).
        # Found links count unless a person rejected them; decided links the detector no longer
        # finds still count (unless rejected).
        decided = {(link.a, link.b, link.kind): link for link in existing
                   if link.source != "detector" or link.status != LinkStatus.SUGGESTED.value}
        nb, rs = _neighbours(itertools.chain(
            ((a, b, k, decided[(a, b, k)].status if (a, b, k) in decided else _SUGGESTED, r)
             for (a, b, k), (_, r, _) in found.items()),
            _link_rows(link for key, link in decided.items() if key not in found)))
        dates = {f.id: f.received_at for f in facts_list}
        hits = _compute_indicators(ids, facts, nb, rs, shared, _sets_of(shared), _by_complaint(uses), dates, settings)
        changes = _write_indicators(uow, ids, hits, whole_store=True)
        step("indicators", changes)
        _apply_risk(uow, None, settings)
        step("risk")
        unusable = tuple(f.note for f in feats if f.status != "ok")
        uow.record("detect_full", "store", "", {"complaints": len(ids), "added": added, "updated": updated,
                                                "removed": removed, "unusable": len(unusable)})
        uow.commit()
        step("commit")
    if stats is not None:
        prev = t0
        for name, at in marks.items():
            stats[name] = at - prev
            prev = at
    return DetectionSummary(complaints=len(ids), evidence=len(feats), links_added=added, links_updated=updated,
                            links_removed=removed, indicator_changes=changes, unusable=unusable,
                            seconds=clock() - t0)


def detect_pending(ctx: ServiceContext, *, progress: Progress | None = None,
                   cancel: Callable[[], bool] | None = None) -> DetectionSummary:
    """Complaints never analysed (or analysed with other settings) and evidence without
    features: what ``greyline detect`` without ``--full`` does."""
    with ctx.reader() as uow:
        settings = _load_settings(uow)
        scheme = indexer_for(settings.template_threshold).scheme
        ids = uow.detect.stale_complaints(scheme)
        evidence = uow.detect.evidence_without_features()
    total = DetectionSummary()
    t0 = time.perf_counter()
    done = 0
    for start in range(0, len(ids), 1000):
        if cancel is not None and cancel():
            raise Cancelled()
        part = ids[start : start + 1000]
        r = detect_complaints(ctx, part)
        done += len(part)
        if progress is not None:
            progress(done, len(ids), "complaints")
        total = _sum(total, r)
    if evidence:
        total = _sum(total, detect_evidence(ctx, evidence, progress=progress, cancel=cancel))
    return DetectionSummary(**{**asdict(total), "seconds": time.perf_counter() - t0})


def _sum(a: DetectionSummary, b: DetectionSummary) -> DetectionSummary:
    return DetectionSummary(a.complaints + b.complaints, a.evidence + b.evidence, a.links_added + b.links_added,
                            a.links_updated + b.links_updated, a.links_removed + b.links_removed,
                            a.indicator_changes + b.indicator_changes, a.unusable + b.unusable, 0.0)


# --------------------------------------------------------------------------- after saves


def after_complaints_saved(ctx: ServiceContext, complaint_ids: Sequence[int]) -> DetectionSummary | None:
    """Called by the complaint and import services once their transaction committed. Detection
    failing must not undo the save: it is logged and ``greyline detect`` catches up later."""
    try:
        return detect_complaints(ctx, complaint_ids)
    except Exception:  # noqa: BLE001 - the save stands; the store records what is pending
        log.exception("link detection after saving complaints %s failed", list(complaint_ids)[:10])
        return None


def after_import(ctx: ServiceContext, complaint_ids: Sequence[int]) -> DetectionSummary | None:
    """Large imports are analysed in one full run (faster than thousands of incremental ones)."""
    try:
        if len(complaint_ids) >= FULL_RUN_FROM:
            return detect_all(ctx, require=False)
        total = DetectionSummary()
        for start in range(0, len(complaint_ids), 1000):
            total = _sum(total, detect_complaints(ctx, complaint_ids[start : start + 1000]))
        return total
    except Exception:  # noqa: BLE001 - see after_complaints_saved
        log.exception("link detection after importing %d complaints failed", len(complaint_ids))
        return None


def detect_after_import(ctx: ServiceContext, created: int, *, progress: Progress | None = None,
                        cancel: Callable[[], bool] | None = None) -> DetectionSummary:
    """The links of complaints an import created, once it has committed (the window runs this in the
    background). Many new complaints: one full run; a few: the pending ones. Cancelling leaves the
    rest pending for ``greyline detect``."""
    if created >= FULL_RUN_FROM:
        return detect_all(ctx, progress=progress, cancel=cancel, require=False)
    return detect_pending(ctx, progress=progress, cancel=cancel)


def reassess_risk(uow: Any, complaint_ids: Sequence[int]) -> None:
    """Recompute the level of complaints whose indicators a person changed (caller's transaction)."""
    _apply_risk(uow, complaint_ids, _load_settings(uow))


def after_evidence_added(ctx: ServiceContext, evidence_ids: Sequence[int]) -> DetectionSummary | None:
    try:
        return detect_evidence(ctx, evidence_ids)
    except Exception:  # noqa: BLE001 - see after_complaints_saved
        log.exception("link detection after adding evidence %s failed", list(evidence_ids)[:10])
        return None


# --------------------------------------------------------------------------- group proposals


@dataclass(frozen=True)
class ProposalMember:
    complaint_id: int
    reference: str
    external_id: str
    customer_name: str
    received_at: dt.date


@dataclass(frozen=True)
class ProposalView:
    key: str
    members: tuple[ProposalMember, ...]
    identifiers: tuple[tuple[int, str, str, int], ...]   # (identifier id, type label, masked, complaints)
    kinds: dict[str, int]
    strength: float
    existing_groups: tuple[str, ...]                     # references of groups already holding members
    evidence_ids: tuple[int, ...]
    title: str


def group_proposals(ctx: ServiceContext, *, min_size: int = 3) -> list[ProposalView]:
    """Connected sets of strong or confirmed links, proposed as agent groups (read-only)."""
    with ctx.reader() as uow:
        settings = _load_settings(uow)
        links = uow.detect.all_pair_links()
        edges = [LinkEdge(link.a, link.b, link.kind, link.score, link.status) for link in links]
        hubs = uow.detect.shared_identifiers(min_complaints=3, max_complaints=settings.identifier_cap * 5)
        idents = [SharedIdentifier(i, frozenset(cs), IDENTIFIER_KINDS.get(typ, LinkKind.PHONE).value)
                  for i, typ, cs in hubs]
        existing = uow.detect.group_members()
        engine = _voice_engine().name
        min_scores = {**DEFAULT_MIN_SCORES, LinkKind.TEMPLATE.value: settings.template_threshold,
                      LinkKind.VOICE.value: settings.voice().for_engine(engine) + settings.voice_group_margin}
        proposals: list[GroupProposal] = propose_groups(edges, idents, min_size=min_size, existing=existing,
                                                        min_scores=min_scores)
        if not proposals:
            return []
        facts = {f.id: f for f in uow.detect.complaint_facts({m for p in proposals for m in p.members})}
        ident_info = uow.detect.identifier_labels({i for p in proposals for i in p.identifier_ids})
        counts = {i: len(cs) for i, _, cs in hubs}
        refs = uow.detect.group_references({g for p in proposals for g in p.existing_group_ids})
        ev = uow.detect.complaint_evidence({m for p in proposals for m in p.members})
        out = []
        for p in proposals:
            members = tuple(ProposalMember(m, facts[m].reference, facts[m].external_id, facts[m].customer_name,
                                           facts[m].received_at) for m in p.members if m in facts)
            idents_v = tuple((i, _type_label(ident_info[i][0]), ident_info[i][1], counts.get(i, 0))
                             for i in p.identifier_ids if i in ident_info)
            title = (f"疑似代理团伙：{idents_v[0][2]} 等 {len(members)} 笔投诉" if idents_v
                     else f"疑似代理团伙：{len(members)} 笔关联投诉")
            out.append(ProposalView(p.key, members, idents_v, dict(p.kinds), p.strength,
                                    tuple(refs[g] for g in p.existing_group_ids if g in refs),
                                    tuple(sorted({e for m in p.members for e in ev.get(m, ())})), title))
        return out


def confirm_proposal(ctx: ServiceContext, proposal: ProposalView, title: str, summary: str = "") -> int:
    """Create the agent group a person confirmed: members, their evidence, and for each shared
    identifier a suspected agent party carrying it."""
    from greyline.services import groups as group_service  # noqa: PLC0415 - avoids an import cycle

    ctx.require(Permission.EDIT_GROUP)
    if not title.strip():
        raise ValidationError("请填写团伙/案件名称", field="title")
    gid, _ = group_service.create_group(ctx, title.strip(), [m.complaint_id for m in proposal.members], summary)
    with ctx.uow() as uow:
        for eid in proposal.evidence_ids:
            uow.repo.attach_evidence(eid, group_id=gid)
        types = uow.detect.identifier_labels(i[0] for i in proposal.identifiers)
        phones = {IdentifierType.MOBILE.value, IdentifierType.LANDLINE.value}
        for iid, type_label, masked, _ in proposal.identifiers:
            pid = uow.repo.add_party(PartyKind.PERSON.value, f"疑似代理人（{type_label} {masked}）",
                                     notes="由关联检测的团伙建议确认时建立")
            role = IdentifierRole.AGENT_PHONE if types.get(iid, ("",))[0] in phones else IdentifierRole.OTHER
            uow.repo.link_party_identifiers(pid, [(iid, role.value)])
            uow.repo.add_group_party(gid, pid, PartyRole.SUSPECTED_AGENT.value)
        uow.record("group_from_proposal", "group", gid, {"proposal": proposal.key,
                                                         "members": len(proposal.members),
                                                         "identifiers": [i[0] for i in proposal.identifiers]})
        uow.commit()
    return gid

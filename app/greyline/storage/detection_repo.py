"""Reads and writes of the link detector: band keys, building keys, evidence features, links,
detector indicators and computed risk.

Everything here is plain values in and out. Bulk paths (a full run over 100,000 complaints writes
millions of band keys) go to the driver's ``executemany`` on SQLite and through Core inserts
elsewhere, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from greyline.storage import tables as t
from greyline.storage.repositories import _chunks



def _json(d: dict[str, Any]) -> str:
    """``json.dumps(d, ensure_ascii=False, sort_keys=True)``, with a fast path for the flat
    dicts of numbers that most link details are (a full run writes a million of them)."""
    if all(type(v) is int or (type(v) is float and math.isfinite(v)) for v in d.values()):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in sorted(d.items())) + "}"
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class ComplaintFacts:
    id: int
    reference: str
    external_id: str
    received_at: dt.date
    customer_id: int | None
    customer_name: str
    text: str
    phone_changed_at: dt.date | None


@dataclass(frozen=True)
class IdentifierUse:
    complaint_id: int
    identifier_id: int
    role: str
    type: str
    masked: str
    attributes: dict[str, Any]
    do_not_correlate: bool


@dataclass(frozen=True)
class StoredLink:
    id: int
    a: int
    b: int
    kind: str
    status: str
    source: str
    score: float
    reason: str


class DetectionRepo:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _sqlite(self) -> bool:
        return self.session.connection().dialect.name == "sqlite"

    def bulk_insert(self, table: Table, cols: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert plain tuples (values already in storage form: no JSON or date conversion)."""
        if not rows:
            return
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            for part in _chunks(rows, 20000):
                conn.exec_driver_sql(sql, list(part))
            return
        for part in _chunks(rows, 5000):
            conn.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in part])

    # ------------------------------------------------------------------ settings
    def get_meta(self, key: str) -> str | None:
        return self.session.scalar(select(t.StoreMeta.value).where(t.StoreMeta.key == key))

    def set_meta(self, key: str, value: str) -> None:
        row = self.session.get(t.StoreMeta, key)
        if row is None:
            self.session.add(t.StoreMeta(key=key, value=value))
        else:
            row.value = value
        self.session.flush()

    # ------------------------------------------------------------------ complaints
    def complaint_facts(self, ids: Sequence[int] | None = None) -> list[ComplaintFacts]:
        c = t.Complaint
        cols = (c.id, c.reference, c.external_id, c.received_at, c.customer_id, c.customer_name, c.text,
                c.phone_changed_at)
        if ids is None:
            return [ComplaintFacts(*r) for r in self.session.execute(select(*cols).order_by(c.id))]
        out: list[ComplaintFacts] = []
        for part in _chunks(sorted(set(ids))):
            out.extend(ComplaintFacts(*r) for r in self.session.execute(select(*cols).where(c.id.in_(part))))
        return out

    def received_dates(self, ids: Iterable[int]) -> dict[int, tuple[dt.date, int | None]]:
        out: dict[int, tuple[dt.date, int | None]] = {}
        for part in _chunks(sorted(set(ids))):
            for i, d, cust in self.session.execute(
                select(t.Complaint.id, t.Complaint.received_at, t.Complaint.customer_id).where(t.Complaint.id.in_(part))
            ):
                out[i] = (d, cust)
        return out

    # ------------------------------------------------------------------ identifiers
    def identifier_uses(self, complaint_ids: Sequence[int] | None = None, *,
                        identifier_ids: Sequence[int] | None = None) -> list[IdentifierUse]:
        ci, i = t.ComplaintIdentifier, t.Identifier
        stmt = select(ci.complaint_id, ci.identifier_id, ci.role, i.type, i.masked, i.attributes,
                      i.do_not_correlate).join(i, i.id == ci.identifier_id)
        if complaint_ids is None and identifier_ids is None:
            # Every use: read each identifier once (its JSON attributes are parsed once, not per use).
            idents = {r[0]: r[1:] for r in self.session.execute(
                select(i.id, i.type, i.masked, i.attributes, i.do_not_correlate))}
            return [IdentifierUse(c, iid, role, *idents[iid]) for c, iid, role in self.session.execute(
                select(ci.complaint_id, ci.identifier_id, ci.role))]
        out: list[IdentifierUse] = []
        if complaint_ids is not None:
            for part in _chunks(sorted(set(complaint_ids))):
                out.extend(IdentifierUse(*r) for r in self.session.execute(stmt.where(ci.complaint_id.in_(part))))
        else:
            assert identifier_ids is not None
            for part in _chunks(sorted(set(identifier_ids))):
                out.extend(IdentifierUse(*r) for r in self.session.execute(stmt.where(ci.identifier_id.in_(part))))
        return out

    def identifier_role_counts(self, identifier_ids: Iterable[int]) -> dict[int, dict[str, int]]:
        """identifier id -> {role: number of complaints using it in that role}."""
        ci = t.ComplaintIdentifier
        out: dict[int, dict[str, int]] = defaultdict(dict)
        for part in _chunks(sorted(set(identifier_ids))):
            for iid, role, n in self.session.execute(
                select(ci.identifier_id, ci.role, func.count(func.distinct(ci.complaint_id)))
                .where(ci.identifier_id.in_(part)).group_by(ci.identifier_id, ci.role)
            ):
                out[iid][role] = n
        return out

    def identifier_members(self, identifier_ids: Iterable[int]) -> dict[int, set[int]]:
        ci = t.ComplaintIdentifier
        out: dict[int, set[int]] = defaultdict(set)
        for part in _chunks(sorted(set(identifier_ids))):
            for iid, cid in self.session.execute(
                select(ci.identifier_id, ci.complaint_id).where(ci.identifier_id.in_(part))
            ):
                out[iid].add(cid)
        return out

    # ------------------------------------------------------------------ text sketches
    def text_states(self, ids: Iterable[int]) -> dict[int, tuple[str, str, bytes | None]]:
        s = t.DetectState
        out: dict[int, tuple[str, str, bytes | None]] = {}
        for part in _chunks(sorted(set(ids))):
            for cid, scheme, h, blob in self.session.execute(
                select(s.complaint_id, s.scheme, s.text_hash, s.signature).where(s.complaint_id.in_(part))
            ):
                out[cid] = (scheme, h, blob)
        return out

    def put_text_state(self, complaint_id: int, scheme: str, text_hash: str, blob: bytes | None) -> None:
        row = self.session.get(t.DetectState, complaint_id)
        if row is None:
            self.session.add(t.DetectState(complaint_id=complaint_id, scheme=scheme, text_hash=text_hash,
                                           signature=blob, detected_at=t.utcnow()))
        else:
            row.scheme, row.text_hash, row.signature, row.detected_at = scheme, text_hash, blob, t.utcnow()
        self.session.flush()

    def delete_text_keys(self, complaint_id: int, keys: Iterable[int]) -> None:
        keys = list(keys)
        if keys:
            self.session.execute(delete(t.TextBandKey).where(
                t.TextBandKey.complaint_id == complaint_id, t.TextBandKey.key.in_(keys)))

    def add_text_keys(self, complaint_id: int, keys: Iterable[int]) -> None:
        self.bulk_insert(t.TextBandKey.__table__, ("key", "complaint_id"), [(k, complaint_id) for k in set(keys)])

    def text_candidates(self, keys: Sequence[int], exclude: int | None = None) -> set[int]:
        """Complaints sharing at least one band key with ``keys``."""
        out: set[int] = set()
        for part in _chunks(list(keys)):
            out.update(self.session.scalars(
                select(t.TextBandKey.complaint_id).where(t.TextBandKey.key.in_(part))))
        out.discard(exclude)  # type: ignore[arg-type]
        return out

    def signatures_of(self, ids: Iterable[int]) -> dict[int, bytes]:
        s = t.DetectState
        out: dict[int, bytes] = {}
        for part in _chunks(sorted(set(ids))):
            for cid, blob in self.session.execute(
                select(s.complaint_id, s.signature).where(s.complaint_id.in_(part), s.signature.is_not(None))
            ):
                out[cid] = blob
        return out

    def text_hashes(self) -> dict[int, tuple[str, str]]:
        """complaint id -> (scheme, text hash) of every analysed complaint."""
        s = t.DetectState
        return {cid: (scheme, h) for cid, scheme, h in self.session.execute(select(s.complaint_id, s.scheme, s.text_hash))}

    def drop_text_index(self, complaint_ids: Sequence[int], bands: int) -> None:
        """Delete the band keys and state of these complaints (their texts changed)."""
        states = self.text_states(complaint_ids)
        for cid, (_, _, blob) in states.items():
            if blob:
                n = min(bands, len(blob) // 8)
                keys = [int.from_bytes(blob[i * 8 : i * 8 + 8], "little", signed=True) for i in range(n)]
                self.delete_text_keys(cid, keys)
        for part in _chunks(sorted(set(complaint_ids))):
            self.session.execute(delete(t.DetectState).where(t.DetectState.complaint_id.in_(part)))

    def add_text_index(self, key_rows: Sequence[tuple[int, int]],
                       states: Sequence[tuple[int, str, str, bytes | None]]) -> None:
        """Bulk add band keys (key, complaint id) and sketches (complaint id, scheme, text hash, blob)."""
        now = t.utcnow()
        stamp: Any = now.isoformat(sep=" ") if self._sqlite else now
        self.bulk_insert(t.TextBandKey.__table__, ("key", "complaint_id"), key_rows)
        self.bulk_insert(t.DetectState.__table__, ("complaint_id", "scheme", "text_hash", "signature", "detected_at"),
                         [(*s, stamp) for s in states])

    def set_all_building_keys(self, rows: Mapping[tuple[int, int], int]) -> None:
        """Make the building-key table equal to {(key, complaint id): identifier id} (untouched when equal)."""
        b = t.BuildingKey
        stored = {(k, c): i for k, c, i in self.session.execute(select(b.key, b.complaint_id, b.identifier_id))}
        if stored != rows:
            self.reset_building_keys()
            self.bulk_insert(b.__table__, ("key", "complaint_id", "identifier_id"),
                             sorted((k, c, i) for (k, c), i in rows.items()))

    def replace_building_keys(self, complaint_id: int, rows: Iterable[tuple[int, int]]) -> None:
        """Set the (key, identifier id) building keys of one complaint."""
        self.session.execute(delete(t.BuildingKey).where(t.BuildingKey.complaint_id == complaint_id))
        self.bulk_insert(t.BuildingKey.__table__, ("key", "complaint_id", "identifier_id"),
                         [(k, complaint_id, i) for k, i in dict(rows).items()])

    def building_members(self, keys: Iterable[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for part in _chunks(sorted(set(keys))):
            for k, cid in self.session.execute(
                select(t.BuildingKey.key, t.BuildingKey.complaint_id).where(t.BuildingKey.key.in_(part))
            ):
                out[k].add(cid)
        return out

    def reset_building_keys(self) -> None:
        self.session.execute(delete(t.BuildingKey))

    # ------------------------------------------------------------------ evidence features
    def evidence_to_analyse(self, kinds: Sequence[str], evidence_ids: Sequence[int] | None = None
                            ) -> list[tuple[int, str, str, str, str]]:
        """(id, sha256, media_type, kind, original name) of evidence items of ``kinds``."""
        e = t.EvidenceItem
        stmt = select(e.id, e.sha256, e.media_type, e.kind, e.original_name).where(e.kind.in_(list(kinds)))
        if evidence_ids is None:
            return [tuple(r) for r in self.session.execute(stmt.order_by(e.id))]  # type: ignore[misc]
        out = []
        for part in _chunks(sorted(set(evidence_ids))):
            out.extend(tuple(r) for r in self.session.execute(stmt.where(e.id.in_(part))))
        return out  # type: ignore[return-value]

    def features(self, kind: str, evidence_ids: Sequence[int] | None = None
                 ) -> dict[int, tuple[str, str, bytes | None]]:
        """evidence id -> (engine, status, data) for one feature kind."""
        f = t.EvidenceFeature
        stmt = select(f.evidence_id, f.engine, f.status, f.data).where(f.kind == kind)
        out: dict[int, tuple[str, str, bytes | None]] = {}
        parts = [None] if evidence_ids is None else list(_chunks(sorted(set(evidence_ids))))
        for part in parts:
            s = stmt if part is None else stmt.where(f.evidence_id.in_(part))
            for eid, engine, status, data in self.session.execute(s):
                out[eid] = (engine, status, data)
        return out

    def put_feature(self, evidence_id: int, kind: str, engine: str, status: str, note: str,
                    data: bytes | None) -> None:
        row = self.session.get(t.EvidenceFeature, (evidence_id, kind))
        if row is None:
            self.session.add(t.EvidenceFeature(evidence_id=evidence_id, kind=kind, engine=engine, status=status,
                                               note=note, data=data, created_at=t.utcnow()))
        else:
            row.engine, row.status, row.note, row.data, row.created_at = engine, status, note, data, t.utcnow()
        self.session.flush()

    def replace_image_keys(self, evidence_id: int, keys: Iterable[int]) -> None:
        self.session.execute(delete(t.ImageKey).where(t.ImageKey.evidence_id == evidence_id))
        self.bulk_insert(t.ImageKey.__table__, ("key", "evidence_id"), [(k, evidence_id) for k in set(keys)])

    def image_candidates(self, keys: Sequence[int]) -> set[int]:
        out: set[int] = set()
        for part in _chunks(list(keys)):
            out.update(self.session.scalars(select(t.ImageKey.evidence_id).where(t.ImageKey.key.in_(part))))
        return out

    def image_pair_scores(self, version: int, evidence_ids: Iterable[int] | None = None
                          ) -> dict[tuple[int, int], float]:
        """Cached comparisons (a < b) -> score, for one fingerprint version."""
        p = t.ImagePair
        stmt = select(p.evidence_a, p.evidence_b, p.score).where(p.version == version)
        out: dict[tuple[int, int], float] = {}
        if evidence_ids is None:
            for a, b, s in self.session.execute(stmt):
                out[(a, b)] = s
            return out
        for part in _chunks(sorted(set(evidence_ids))):
            for col in (p.evidence_a, p.evidence_b):
                for a, b, s in self.session.execute(stmt.where(col.in_(part))):
                    out[(a, b)] = s
        return out

    def add_image_pairs(self, version: int, scores: Mapping[tuple[int, int], float]) -> None:
        if not scores:
            return
        p = t.ImagePair
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("INSERT OR REPLACE INTO image_pairs (evidence_a, evidence_b, version, score) "
                                 "VALUES (?, ?, ?, ?)", [(a, b, version, s) for (a, b), s in scores.items()])
            return
        for (a, b), s in scores.items():
            self.session.execute(delete(p).where(p.evidence_a == a, p.evidence_b == b))
        conn.execute(insert(p.__table__), [{"evidence_a": a, "evidence_b": b, "version": version, "score": s}
                                           for (a, b), s in scores.items()])

    def evidence_complaints(self, evidence_ids: Iterable[int] | None = None) -> dict[int, set[int]]:
        ce = t.ComplaintEvidence
        out: dict[int, set[int]] = defaultdict(set)
        if evidence_ids is None:
            for eid, cid in self.session.execute(select(ce.evidence_id, ce.complaint_id)):
                out[eid].add(cid)
            return out
        for part in _chunks(sorted(set(evidence_ids))):
            for eid, cid in self.session.execute(
                select(ce.evidence_id, ce.complaint_id).where(ce.evidence_id.in_(part))
            ):
                out[eid].add(cid)
        return out

    def complaint_evidence(self, complaint_ids: Iterable[int]) -> dict[int, set[int]]:
        ce = t.ComplaintEvidence
        out: dict[int, set[int]] = defaultdict(set)
        for part in _chunks(sorted(set(complaint_ids))):
            for eid, cid in self.session.execute(
                select(ce.evidence_id, ce.complaint_id).where(ce.complaint_id.in_(part))
            ):
                out[cid].add(eid)
        return out

    # ------------------------------------------------------------------ links
    _LINK_COLS = (t.Link.id, t.Link.complaint_a_id, t.Link.complaint_b_id, t.Link.kind, t.Link.status,
                  t.Link.source, t.Link.score, t.Link.reason)

    def links_touching(self, complaint_ids: Iterable[int], kinds: Sequence[str] | None = None) -> list[StoredLink]:
        out: dict[int, StoredLink] = {}
        base = select(*self._LINK_COLS).where(t.Link.complaint_b_id.is_not(None))
        if kinds is not None:
            base = base.where(t.Link.kind.in_(list(kinds)))
        for part in _chunks(sorted(set(complaint_ids))):
            for col in (t.Link.complaint_a_id, t.Link.complaint_b_id):
                for r in self.session.execute(base.where(col.in_(part))):
                    out[r[0]] = StoredLink(*r)
        return list(out.values())

    def all_pair_links(self) -> list[StoredLink]:
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":  # a million rows: skip per-row result processing
            rows = conn.exec_driver_sql(
                "SELECT id, complaint_a_id, complaint_b_id, kind, status, source, score, reason FROM links "
                "WHERE complaint_b_id IS NOT NULL").fetchall()
            return [StoredLink(*r) for r in rows]
        return [StoredLink(*r) for r in self.session.execute(
            select(*self._LINK_COLS).where(t.Link.complaint_b_id.is_not(None)))]

    def insert_links(self, rows: Sequence[tuple[int, int, str, float, str, dict[str, Any]]]) -> None:
        """New suggested detector links: (a, b, kind, score, reason, detail) with a < b."""
        now = t.utcnow()
        if self._sqlite:
            stamp = now.isoformat(sep=" ")
            dumped: dict[int, str] = {}  # identifier links share one detail object per identifier

            def dump(d: dict[str, Any]) -> str:
                text = dumped.get(id(d))
                if text is None:
                    text = dumped[id(d)] = _json(d)
                return text

            self.bulk_insert(
                t.Link.__table__,
                ("complaint_a_id", "complaint_b_id", "kind", "score", "reason", "detail", "source", "status",
                 "created_at", "version"),
                [(a, b, k, s, r, dump(d), "detector", "suggested", stamp, 1) for a, b, k, s, r, d in rows],
            )
            return
        conn = self.session.connection()
        for part in _chunks(rows, 5000):
            conn.execute(insert(t.Link.__table__), [
                {"complaint_a_id": a, "complaint_b_id": b, "kind": k, "score": s, "reason": r, "detail": d,
                 "source": "detector", "status": "suggested", "created_at": now, "version": 1}
                for a, b, k, s, r, d in part])

    def update_links(self, rows: Sequence[tuple[int, float, str, dict[str, Any]]]) -> None:
        """Refresh score, reason and detail of existing links (status and version untouched: a
        decision stays a decision, and nobody's open editor gets a conflict for a new score)."""
        if not rows:
            return
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            for part in _chunks(rows, 20000):
                conn.exec_driver_sql("UPDATE links SET score = ?, reason = ?, detail = ? WHERE id = ?",
                                     [(s, r, json.dumps(d, ensure_ascii=False, sort_keys=True), i)
                                      for i, s, r, d in part])
            return
        for i, s, r, d in rows:
            conn.execute(update(t.Link.__table__).where(t.Link.__table__.c.id == i).values(score=s, reason=r, detail=d))

    def delete_links(self, ids: Iterable[int]) -> None:
        for part in _chunks(sorted(set(ids)), 5000):
            self.session.execute(delete(t.Link).where(t.Link.id.in_(part)))

    # ------------------------------------------------------------------ indicators and risk
    def indicator_codes(self, complaint_ids: Iterable[int] | None = None,
                        source: str | None = None) -> dict[int, dict[str, str]]:
        """complaint id -> {code: note}."""
        h = t.IndicatorHit
        stmt = select(h.complaint_id, h.code, h.note)
        if source is not None:
            stmt = stmt.where(h.source == source)
        out: dict[int, dict[str, str]] = defaultdict(dict)
        if complaint_ids is None:
            for cid, code, note in self.session.execute(stmt):
                out[cid][code] = note
            return out
        for part in _chunks(sorted(set(complaint_ids))):
            for cid, code, note in self.session.execute(stmt.where(h.complaint_id.in_(part))):
                out[cid][code] = note
        return out

    def replace_detector_indicators(self, complaint_ids: Iterable[int] | None,
                                    hits: dict[int, dict[str, str]]) -> None:
        """Replace the detector's indicator hits of these complaints (None: of every complaint).
        A code a person set stays the person's: the detector does not add it again."""
        h = t.IndicatorHit
        person = self.indicator_codes(complaint_ids, source="person")
        if complaint_ids is None:
            self.session.execute(delete(h).where(h.source == "detector"))
        else:
            for part in _chunks(sorted(set(complaint_ids))):
                self.session.execute(delete(h).where(h.source == "detector", h.complaint_id.in_(part)))
        now = t.utcnow()
        stamp: Any = now.isoformat(sep=" ") if self._sqlite else now
        rows = [(cid, code, note, "detector", None, stamp)
                for cid, codes in hits.items() for code, note in codes.items() if code not in person.get(cid, {})]
        self.bulk_insert(h.__table__, ("complaint_id", "code", "note", "source", "set_by", "set_at"), rows)

    def risk_state(self, complaint_ids: Iterable[int] | None = None) -> dict[int, tuple[str, bool, list[str]]]:
        c = t.Complaint
        stmt = select(c.id, c.risk_level, c.risk_manual, c.risk_reasons)
        out: dict[int, tuple[str, bool, list[str]]] = {}
        parts = [None] if complaint_ids is None else list(_chunks(sorted(set(complaint_ids))))
        for part in parts:
            for cid, level, manual, reasons in self.session.execute(stmt if part is None else stmt.where(c.id.in_(part))):
                out[cid] = (level, bool(manual), list(reasons or []))
        return out

    def set_computed_risk(self, rows: Sequence[tuple[int, str | None, list[str]]]) -> None:
        """(complaint id, level or None to keep a person's level, reasons). Does not bump versions:
        the computed level is the detector's, and must not make a handler's open editor stale."""
        if not rows:
            return
        conn = self.session.connection()
        tab = t.Complaint.__table__
        if conn.dialect.name == "sqlite":
            keep = [(json.dumps(r, ensure_ascii=False), i) for i, lv, r in rows if lv is None]
            setl = [(lv, json.dumps(r, ensure_ascii=False), i) for i, lv, r in rows if lv is not None]
            for part in _chunks(keep, 20000):
                conn.exec_driver_sql("UPDATE complaints SET risk_reasons = ? WHERE id = ?", list(part))
            for part in _chunks(setl, 20000):
                conn.exec_driver_sql("UPDATE complaints SET risk_level = ?, risk_reasons = ? WHERE id = ?",
                                     list(part))
            return
        for i, lv, r in rows:
            values: dict[str, Any] = {"risk_reasons": r}
            if lv is not None:
                values["risk_level"] = lv
            conn.execute(update(tab).where(tab.c.id == i).values(**values))

    # ------------------------------------------------------------------ catching up, proposals
    def stale_complaints(self, scheme: str) -> list[int]:
        """Complaints the detector has not seen with the current text scheme."""
        c, s = t.Complaint, t.DetectState
        stmt = (select(c.id).outerjoin(s, s.complaint_id == c.id)
                .where((s.complaint_id.is_(None)) | (s.scheme != scheme)).order_by(c.id))
        return list(self.session.scalars(stmt))

    def evidence_without_features(self) -> list[int]:
        e, f = t.EvidenceItem, t.EvidenceFeature
        stmt = (select(e.id).outerjoin(f, f.evidence_id == e.id).where(f.evidence_id.is_(None))
                .where(e.kind.in_(["recording", "document", "screenshot", "chat", "id_copy", "other"]))
                .order_by(e.id))
        return list(self.session.scalars(stmt))

    def shared_identifiers(self, min_complaints: int, max_complaints: int) -> list[tuple[int, str, set[int]]]:
        """Correlatable identifiers used by ``min_complaints`` or more complaints of at least two
        customers: (identifier id, type, complaint ids)."""
        ci, i, c = t.ComplaintIdentifier, t.Identifier, t.Complaint
        counted = (select(ci.identifier_id)
                   .join(i, i.id == ci.identifier_id)
                   .join(c, c.id == ci.complaint_id)
                   .where(i.do_not_correlate.is_(False), i.type.notin_(["resident_id", "ip", "device"]))
                   .group_by(ci.identifier_id)
                   .having(func.count(func.distinct(ci.complaint_id)) >= min_complaints,
                           func.count(func.distinct(ci.complaint_id)) <= max_complaints,
                           func.count(func.distinct(c.customer_id)) >= 2))
        ids = list(self.session.scalars(counted))
        members = self.identifier_members(ids)
        types: dict[int, str] = {}
        for part in _chunks(ids):
            types.update(self.session.execute(select(i.id, i.type).where(i.id.in_(part))).all())
        return [(iid, types[iid], members[iid]) for iid in ids]

    def identifier_labels(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """identifier id -> (type, masked)."""
        out: dict[int, tuple[str, str]] = {}
        for part in _chunks(sorted(set(ids))):
            for iid, typ, masked in self.session.execute(
                select(t.Identifier.id, t.Identifier.type, t.Identifier.masked).where(t.Identifier.id.in_(part))
            ):
                out[iid] = (typ, masked)
        return out

    def group_members(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for gid, cid in self.session.execute(select(t.GroupComplaint.group_id, t.GroupComplaint.complaint_id)):
            out[gid].add(cid)
        return out

    def group_references(self, ids: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for part in _chunks(sorted(set(ids))):
            out.update(self.session.execute(
                select(t.AgentGroup.id, t.AgentGroup.reference).where(t.AgentGroup.id.in_(part))).all())
        return out

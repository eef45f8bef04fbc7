"""Evidence lists and details for the window: frozen rows, keyset-paged for the evidence page.

Attachments (which complaints and groups an item belongs to) are read with one extra query per page
over the ids of that page, so the list query stays a plain indexed scan on every database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from greyline.domain.errors import NotFound
from greyline.storage import tables as t
from greyline.storage.db import Store

SHORT_HASH = 12


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    original_name: str
    kind: str
    legal_kind: str | None
    media_type: str
    size: int
    sha256: str
    short_hash: str
    collected_by: str
    collected_at: dt.datetime | None
    attached_to: str  # references, e.g. 'GL-2026-000123, AG-2026-0001'
    version: int
    complaint_ids: tuple[int, ...] = ()
    group_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class EvidenceFilter:
    search: str = ""
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttachedRef:
    id: int
    reference: str
    title: str  # customer name for a complaint, title for a group


@dataclass(frozen=True)
class CustodyRow:
    at: dt.datetime  # naive UTC, as stored
    action: str
    user: str
    detail: str


@dataclass(frozen=True)
class EvidenceDetail:
    id: int
    sha256: str
    sm3: str
    size: int
    original_name: str
    media_type: str
    kind: str
    legal_kind: str | None
    source: str
    collected_by: str
    collected_at: dt.datetime | None
    is_original: bool
    purpose: str
    description: str
    transcript: str
    verification_notes: str
    created_at: dt.datetime
    created_by: str
    version: int
    complaints: tuple[AttachedRef, ...]
    groups: tuple[AttachedRef, ...]
    custody: tuple[CustodyRow, ...]

    @property
    def short_hash(self) -> str:
        return self.sha256[:SHORT_HASH]


_COLUMNS = (t.EvidenceItem.id, t.EvidenceItem.original_name, t.EvidenceItem.kind, t.EvidenceItem.legal_kind,
            t.EvidenceItem.media_type, t.EvidenceItem.size, t.EvidenceItem.sha256, t.EvidenceItem.collected_by,
            t.EvidenceItem.collected_at, t.EvidenceItem.version)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CONTROL = {c: " " for c in range(32)} | {0x7F: " "}
_HEX = frozenset("0123456789abcdef")


def _term_condition(term: str) -> ColumnElement[bool]:
    pattern = f"%{_escape_like(term)}%"
    conds: list[ColumnElement[bool]] = [
        t.EvidenceItem.original_name.ilike(pattern, escape="\\"),
        t.EvidenceItem.description.ilike(pattern, escape="\\"),
    ]
    low = term.lower()
    if len(low) >= 6 and set(low) <= _HEX:
        conds.append(t.EvidenceItem.sha256.like(f"{low}%"))
    if term.isascii():
        # A complaint or group reference typed into the box finds what is attached to it.
        conds.append(t.EvidenceItem.id.in_(
            select(t.ComplaintEvidence.evidence_id).join(t.Complaint, t.Complaint.id == t.ComplaintEvidence.complaint_id)
            .where(t.Complaint.reference == term.upper())))
        conds.append(t.EvidenceItem.id.in_(
            select(t.GroupEvidence.evidence_id).join(t.AgentGroup, t.AgentGroup.id == t.GroupEvidence.group_id)
            .where(t.AgentGroup.reference == term.upper())))
    return or_(*conds)


def _where(flt: EvidenceFilter) -> list[ColumnElement[bool]]:
    where = [_term_condition(w) for w in flt.search.translate(_CONTROL).split() if w]
    if flt.kinds:
        where.append(t.EvidenceItem.kind.in_(flt.kinds))
    return where


def _attachments(session: Session, ids: Iterable[int]) -> dict[int, tuple[list[tuple[int, str]], list[tuple[int, str]]]]:
    ids = list(ids)
    out: dict[int, tuple[list[tuple[int, str]], list[tuple[int, str]]]] = defaultdict(lambda: ([], []))
    if not ids:
        return out
    for eid, cid, ref in session.execute(
            select(t.ComplaintEvidence.evidence_id, t.Complaint.id, t.Complaint.reference)
            .join(t.Complaint, t.Complaint.id == t.ComplaintEvidence.complaint_id)
            .where(t.ComplaintEvidence.evidence_id.in_(ids)).order_by(t.Complaint.id)):
        out[eid][0].append((cid, ref))
    for eid, gid, ref in session.execute(
            select(t.GroupEvidence.evidence_id, t.AgentGroup.id, t.AgentGroup.reference)
            .join(t.AgentGroup, t.AgentGroup.id == t.GroupEvidence.group_id)
            .where(t.GroupEvidence.evidence_id.in_(ids)).order_by(t.AgentGroup.id)):
        out[eid][1].append((gid, ref))
    return out


def _rows(session: Session, stmt) -> list[EvidenceRow]:  # noqa: ANN001 - a Select
    raw = list(session.execute(stmt))
    attached = _attachments(session, (r.id for r in raw))
    rows = []
    for r in raw:
        complaints, groups = attached.get(r.id, ([], []))
        rows.append(EvidenceRow(
            id=r.id, original_name=r.original_name, kind=r.kind, legal_kind=r.legal_kind, media_type=r.media_type,
            size=r.size, sha256=r.sha256, short_hash=r.sha256[:SHORT_HASH], collected_by=r.collected_by,
            collected_at=r.collected_at,
            attached_to=", ".join([ref for _, ref in complaints] + [ref for _, ref in groups]),
            version=r.version, complaint_ids=tuple(c for c, _ in complaints), group_ids=tuple(g for g, _ in groups)))
    return rows


def evidence_for(store: Store, *, complaint_id: int | None = None, group_id: int | None = None) -> list[EvidenceRow]:
    """Every item attached to one complaint or one group, oldest first (the order they were collected)."""
    stmt = select(*_COLUMNS)
    if complaint_id is not None:
        stmt = stmt.where(t.EvidenceItem.id.in_(
            select(t.ComplaintEvidence.evidence_id).where(t.ComplaintEvidence.complaint_id == complaint_id)))
    if group_id is not None:
        stmt = stmt.where(t.EvidenceItem.id.in_(
            select(t.GroupEvidence.evidence_id).where(t.GroupEvidence.group_id == group_id)))
    if complaint_id is None and group_id is None:
        return []
    stmt = stmt.order_by(t.EvidenceItem.id)
    with Session(store.read_engine) as session:
        return _rows(session, stmt)


def all_evidence(store: Store, flt: EvidenceFilter = EvidenceFilter(), limit: int = 200,
                 after: int | None = None) -> list[EvidenceRow]:
    """One page of every evidence item, newest first. ``after`` is the id of the last row of the previous page."""
    stmt = select(*_COLUMNS).where(*_where(flt))
    if after is not None:
        stmt = stmt.where(t.EvidenceItem.id < after)
    stmt = stmt.order_by(t.EvidenceItem.id.desc()).limit(limit)
    with Session(store.read_engine) as session:
        return _rows(session, stmt)


def count_evidence(store: Store, flt: EvidenceFilter = EvidenceFilter()) -> int:
    with Session(store.read_engine) as session:
        return session.scalar(select(func.count()).select_from(t.EvidenceItem).where(*_where(flt))) or 0


def evidence_detail(store: Store, evidence_id: int) -> EvidenceDetail:
    """Everything recorded about one item; raises ``NotFound`` if it does not exist."""
    with Session(store.read_engine) as session:
        item = session.get(t.EvidenceItem, evidence_id)
        if item is None:
            raise NotFound(f"证据 #{evidence_id} 不存在")
        created_by = ""
        if item.created_by is not None:
            user = session.get(t.User, item.created_by)
            created_by = (user.display_name or user.username) if user is not None else ""
        complaints = tuple(AttachedRef(cid, ref, name or "") for cid, ref, name in session.execute(
            select(t.Complaint.id, t.Complaint.reference, t.Complaint.customer_name)
            .join(t.ComplaintEvidence, t.ComplaintEvidence.complaint_id == t.Complaint.id)
            .where(t.ComplaintEvidence.evidence_id == evidence_id).order_by(t.Complaint.id)))
        groups = tuple(AttachedRef(gid, ref, title or "") for gid, ref, title in session.execute(
            select(t.AgentGroup.id, t.AgentGroup.reference, t.AgentGroup.title)
            .join(t.GroupEvidence, t.GroupEvidence.group_id == t.AgentGroup.id)
            .where(t.GroupEvidence.evidence_id == evidence_id).order_by(t.AgentGroup.id)))
        custody = tuple(
            CustodyRow(at, action, (display or username or ""), detail or "")
            for at, action, display, username, detail in session.execute(
                select(t.CustodyEvent.at, t.CustodyEvent.action, t.User.display_name, t.User.username,
                       t.CustodyEvent.detail)
                .outerjoin(t.User, t.User.id == t.CustodyEvent.user_id)
                .where(t.CustodyEvent.evidence_id == evidence_id)
                .order_by(t.CustodyEvent.at, t.CustodyEvent.id)))
        return EvidenceDetail(
            id=item.id, sha256=item.sha256, sm3=item.sm3, size=item.size, original_name=item.original_name,
            media_type=item.media_type, kind=item.kind, legal_kind=item.legal_kind, source=item.source,
            collected_by=item.collected_by, collected_at=item.collected_at, is_original=item.is_original,
            purpose=item.purpose, description=item.description, transcript=item.transcript,
            verification_notes=item.verification_notes, created_at=item.created_at, created_by=created_by,
            version=item.version, complaints=complaints, groups=groups, custody=custody)

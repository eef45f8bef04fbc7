"""One complaint in full for the editor: its fields, identifiers (masked), indicators, contact log,
audit history and links to other complaints.

Nothing here decrypts: identifiers come back in their stored masked form; the full value is only
available through ``services.complaints.unmask_identifier``, which checks the role and audits it.
Times from ``audit_events`` and ``indicator_hits`` are naive UTC (as stored); contact times are the
local times the handler typed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from greyline.domain.errors import NotFound
from greyline.storage import tables as t
from greyline.storage.db import Store


@dataclass(frozen=True)
class IdentifierRow:
    id: int
    type: str
    role: str
    masked: str
    attributes: dict[str, Any]

    def __hash__(self) -> int:
        # The dict would make the generated hash fail; id and role identify the row.
        return hash((self.id, self.role))


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    note: str
    source: str
    set_by: str
    set_at: dt.datetime


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    reference: str
    channel: str
    external_id: str
    received_at: dt.date
    deadline_at: dt.date | None
    customer_name: str
    customer_id_masked: str
    contract_no: str
    loan_no: str
    overdue_cents: int | None
    text: str
    notes: str
    demands: tuple[str, ...]
    category: str
    status: str
    risk_level: str
    phone_changed_at: dt.date | None
    handler: str
    version: int
    identifiers: tuple[IdentifierRow, ...]
    indicators: tuple[IndicatorRow, ...]
    # The rules that fired when the risk level was last computed (Chinese sentences), and whether a
    # person chose the level (then it wins over the computed one; the reasons are still kept).
    risk_reasons: tuple[str, ...] = ()
    risk_manual: bool = False
    received_time: dt.time | None = None    # time of day of 登记时间, when the export had one


@dataclass(frozen=True)
class ContactRow:
    id: int
    kind: str
    direction: str
    occurred_at: dt.datetime
    our_number: str
    their_masked: str
    answered_by: str
    outcome: str
    recording_id: int | None
    created_by: str


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    username: str
    action: str
    detail: str


@dataclass(frozen=True)
class LinkRow:
    id: int
    other_id: int | None          # the other complaint; None for a link to a group
    other_reference: str          # GL-… of the other complaint, or AG-… of the group
    other_external_id: str
    kind: str
    score: float
    reason: str
    status: str
    version: int
    # What the detector found (template: jaccard, shared; identifier: identifier_id, count;
    # voice/image: evidence [id_a, id_b]) and who made the link ('detector' or 'person').
    detail: dict[str, Any] = field(default_factory=dict)
    source: str = "detector"

    def __hash__(self) -> int:
        # The dict would make the generated hash fail; the id and version identify the row.
        return hash((self.id, self.version))

    @property
    def evidence_ids(self) -> tuple[int, ...]:
        """The evidence items a voice or image link rests on (ids, in the order stored)."""
        raw = self.detail.get("evidence") if isinstance(self.detail, dict) else None
        if not isinstance(raw, (list, tuple)):
            return ()
        return tuple(int(e) for e in raw if isinstance(e, int) or (isinstance(e, str) and e.isdigit()))


def _user_name():  # noqa: ANN202 - a column expression
    return func.coalesce(func.nullif(t.User.display_name, ""), t.User.username, "")


def complaint_detail(store: Store, complaint_id: int) -> ComplaintDetail:
    with Session(store.read_engine) as session:
        row = session.execute(
            select(t.Complaint, _user_name().label("handler"))
            .outerjoin(t.User, t.User.id == t.Complaint.handler_id)
            .where(t.Complaint.id == complaint_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"投诉 #{complaint_id} 不存在")
        c, handler = row
        identifiers = tuple(
            IdentifierRow(i, typ, role, masked, dict(attrs or {}))
            for i, typ, role, masked, attrs in session.execute(
                select(t.Identifier.id, t.Identifier.type, t.ComplaintIdentifier.role, t.Identifier.masked,
                       t.Identifier.attributes)
                .join(t.ComplaintIdentifier, t.ComplaintIdentifier.identifier_id == t.Identifier.id)
                .where(t.ComplaintIdentifier.complaint_id == complaint_id)
                .order_by(t.ComplaintIdentifier.role, t.Identifier.id)
            )
        )
        indicators = tuple(
            IndicatorRow(code, note, source, by or "", at)
            for code, note, source, by, at in session.execute(
                select(t.IndicatorHit.code, t.IndicatorHit.note, t.IndicatorHit.source, _user_name(),
                       t.IndicatorHit.set_at)
                .outerjoin(t.User, t.User.id == t.IndicatorHit.set_by)
                .where(t.IndicatorHit.complaint_id == complaint_id)
                .order_by(t.IndicatorHit.id)
            )
        )
        customer_id_masked = next((i.masked for i in identifiers if i.role == "customer_id"), "")
        return ComplaintDetail(
            id=c.id, reference=c.reference, channel=c.channel, external_id=c.external_id,
            received_at=c.received_at, deadline_at=c.deadline_at, customer_name=c.customer_name,
            customer_id_masked=customer_id_masked, contract_no=c.contract_no, loan_no=c.loan_no,
            overdue_cents=c.overdue_cents, text=c.text, notes=c.notes, demands=tuple(c.demands or ()),
            category=c.category, status=c.status, risk_level=c.risk_level, phone_changed_at=c.phone_changed_at,
            handler=handler or "", version=c.version, identifiers=identifiers, indicators=indicators,
            risk_reasons=tuple(str(r) for r in (c.risk_reasons or ())), risk_manual=bool(c.risk_manual),
            received_time=c.received_time,
        )


def _require_complaint(session: Session, complaint_id: int) -> str:
    ref = session.scalar(select(t.Complaint.reference).where(t.Complaint.id == complaint_id))
    if ref is None:
        raise NotFound(f"投诉 #{complaint_id} 不存在")
    return ref


def contact_logs(store: Store, complaint_id: int) -> list[ContactRow]:
    """Calls, visits and messages of one complaint, newest first; their number masked."""
    with Session(store.read_engine) as session:
        _require_complaint(session, complaint_id)
        stmt = (
            select(t.ContactLog.id, t.ContactLog.kind, t.ContactLog.direction, t.ContactLog.occurred_at,
                   t.ContactLog.our_number, func.coalesce(t.Identifier.masked, ""), t.ContactLog.answered_by,
                   t.ContactLog.outcome, t.ContactLog.recording_id, _user_name())
            .outerjoin(t.Identifier, t.Identifier.id == t.ContactLog.their_identifier_id)
            .outerjoin(t.User, t.User.id == t.ContactLog.created_by)
            .where(t.ContactLog.complaint_id == complaint_id)
            .order_by(t.ContactLog.occurred_at.desc(), t.ContactLog.id.desc())
        )
        return [ContactRow(*r) for r in session.execute(stmt)]


def complaint_history(store: Store, reference: str) -> list[HistoryRow]:
    """The audit trail of one complaint (events recorded under its reference), newest first."""
    with Session(store.read_engine) as session:
        if session.scalar(select(t.Complaint.id).where(t.Complaint.reference == reference)) is None:
            raise NotFound(f"投诉“{reference}”不存在")
        stmt = (
            select(t.AuditEvent.id, t.AuditEvent.at, t.AuditEvent.username, t.AuditEvent.action,
                   t.AuditEvent.detail)
            .where(t.AuditEvent.entity == "complaint", t.AuditEvent.entity_id == reference)
        )
        events = list(session.execute(stmt))
        # An import records one event for the whole file with the range of references it created
        # (one event per row would double a 100,000-row import); show it on each complaint it made.
        imports = session.execute(
            select(t.AuditEvent.id, t.AuditEvent.at, t.AuditEvent.username, t.AuditEvent.action,
                   t.AuditEvent.detail).where(t.AuditEvent.action == "import"))
        for row in imports:
            try:
                detail = json.loads(row.detail)
            except ValueError:
                continue
            first, last = detail.get("first"), detail.get("last")
            if first and last and _same_series(first, reference) and first <= reference <= last:
                events.append(row)
        events.sort(key=lambda r: r.id, reverse=True)
        return [HistoryRow(r.at, r.username, r.action, r.detail) for r in events]


def _same_series(a: str, b: str) -> bool:
    """References of one year and prefix compare correctly as strings (zero-padded numbers)."""
    return a.rsplit("-", 1)[0] == b.rsplit("-", 1)[0] and len(a) == len(b)


def complaint_links(store: Store, complaint_id: int) -> list[LinkRow]:
    """Links of one complaint to other complaints or groups, undecided first, then by score."""
    other = aliased(t.Complaint)
    with Session(store.read_engine) as session:
        _require_complaint(session, complaint_id)
        other_id = func.coalesce(
            func.nullif(t.Link.complaint_a_id, complaint_id), t.Link.complaint_b_id)
        stmt = (
            select(t.Link.id, t.Link.complaint_a_id, t.Link.complaint_b_id, t.Link.group_id,
                   other.reference, other.external_id, t.AgentGroup.reference,
                   t.Link.kind, t.Link.score, t.Link.reason, t.Link.status, t.Link.version, t.Link.detail,
                   t.Link.source)
            .outerjoin(other, and_(t.Link.complaint_b_id.is_not(None), other.id == other_id))
            .outerjoin(t.AgentGroup, t.AgentGroup.id == t.Link.group_id)
            .where(or_(t.Link.complaint_a_id == complaint_id, t.Link.complaint_b_id == complaint_id))
            .order_by((t.Link.status != "suggested"), t.Link.score.desc(), t.Link.id)
        )
        rows = []
        for (lid, a, b, gid, oref, oext, gref, kind, score, reason, status, version, detail,
             source) in session.execute(stmt):
            extra = {"detail": dict(detail) if isinstance(detail, dict) else {}, "source": source or ""}
            if b is None:
                rows.append(LinkRow(lid, None, gref or "", "", kind, score, reason, status, version, **extra))
            else:
                rows.append(LinkRow(lid, b if a == complaint_id else a, oref or "", oext or "", kind, score,
                                    reason, status, version, **extra))
        return rows


__all__ = ["ComplaintDetail", "IdentifierRow", "IndicatorRow", "ContactRow", "HistoryRow", "LinkRow",
           "complaint_detail", "contact_logs", "complaint_history", "complaint_links"]

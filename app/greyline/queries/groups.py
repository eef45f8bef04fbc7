"""Groups (团伙/案件) read side: the list with member and suspect counts, and one group's full detail.

Suspects' identifiers are returned masked only (``identifiers.masked``); nothing here decrypts.
Times are naive UTC as stored; the window converts them to local time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from greyline.domain.errors import NotFound
from greyline.storage import tables as t
from greyline.storage.db import Store


@dataclass(frozen=True)
class GroupRow:
    id: int
    reference: str
    title: str
    status: str
    members: int
    suspects: int
    amount_involved_cents: int
    created_at: dt.datetime
    version: int


@dataclass(frozen=True)
class MemberRow:
    """A complaint belonging to the group."""

    id: int
    reference: str
    channel: str
    external_id: str
    customer_name: str
    received_at: dt.date
    deadline_at: dt.date | None
    status: str
    risk_level: str


@dataclass(frozen=True)
class MaskedIdentifier:
    identifier_id: int
    type: str
    role: str
    masked: str


@dataclass(frozen=True)
class SuspectRow:
    party_id: int
    kind: str
    name: str
    role: str
    sex: str
    notes: str
    identifiers: tuple[MaskedIdentifier, ...]

    def masked_of(self, *types: str) -> list[str]:
        return [i.masked for i in self.identifiers if i.type in types]


@dataclass(frozen=True)
class NoteRow:
    id: int
    at: dt.datetime
    username: str
    display_name: str
    text: str


@dataclass(frozen=True)
class DecisionRow:
    id: int
    decision: str
    decided_on: dt.date
    document_no: str
    notes: str
    next_deadline: dt.date | None
    next_deadline_label: str


@dataclass(frozen=True)
class ReferralRow:
    id: int
    target: str
    agency: str
    sent_on: dt.date
    package_name: str
    package_sha256: str
    receipt_no: str
    receipt_date: dt.date | None
    notes: str
    decisions: tuple[DecisionRow, ...]


@dataclass(frozen=True)
class GroupDetail:
    id: int
    reference: str
    title: str
    status: str
    summary: str
    amount_involved_cents: int
    loss_stopped_cents: int
    persons_handled: int
    detained: int
    arrested: int
    on_bail: int
    prosecuted: int
    sentenced: int
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    members: tuple[MemberRow, ...]
    suspects: tuple[SuspectRow, ...]
    notes: tuple[NoteRow, ...]
    referrals: tuple[ReferralRow, ...]


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_groups(store: Store, search: str = "") -> list[GroupRow]:
    """Every group, newest first; ``search`` narrows by words in the title, summary or reference."""
    members = (select(func.count()).select_from(t.GroupComplaint)
               .where(t.GroupComplaint.group_id == t.AgentGroup.id).scalar_subquery())
    suspects = (select(func.count(func.distinct(t.GroupParty.party_id)))
                .where(t.GroupParty.group_id == t.AgentGroup.id).scalar_subquery())
    stmt = select(t.AgentGroup.id, t.AgentGroup.reference, t.AgentGroup.title, t.AgentGroup.status,
                  members, suspects, t.AgentGroup.amount_involved_cents, t.AgentGroup.created_at,
                  t.AgentGroup.version)
    for word in search.split():
        pattern = f"%{_escape_like(word)}%"
        stmt = stmt.where(or_(t.AgentGroup.title.like(pattern, escape="\\"),
                              t.AgentGroup.summary.like(pattern, escape="\\"),
                              t.AgentGroup.reference.like(pattern, escape="\\")))
    stmt = stmt.order_by(t.AgentGroup.id.desc())
    with Session(store.read_engine) as session:
        return [GroupRow(*r) for r in session.execute(stmt)]


def group_detail(store: Store, group_id: int) -> GroupDetail:
    with Session(store.read_engine) as session:
        g = session.get(t.AgentGroup, group_id)
        if g is None:
            raise NotFound(f"团伙/案件 #{group_id} 不存在")
        created_by = ""
        if g.created_by is not None:
            created_by = session.scalar(
                select(func.coalesce(func.nullif(t.User.display_name, ""), t.User.username))
                .where(t.User.id == g.created_by)) or ""

        members = tuple(MemberRow(*r) for r in session.execute(
            select(t.Complaint.id, t.Complaint.reference, t.Complaint.channel, t.Complaint.external_id,
                   t.Complaint.customer_name, t.Complaint.received_at, t.Complaint.deadline_at,
                   t.Complaint.status, t.Complaint.risk_level)
            .join(t.GroupComplaint, t.GroupComplaint.complaint_id == t.Complaint.id)
            .where(t.GroupComplaint.group_id == group_id)
            .order_by(t.Complaint.received_at, t.Complaint.id)))

        party_rows = session.execute(
            select(t.Party.id, t.Party.kind, t.Party.name, t.GroupParty.role, t.Party.sex, t.Party.notes)
            .join(t.GroupParty, t.GroupParty.party_id == t.Party.id)
            .where(t.GroupParty.group_id == group_id)
            .order_by(t.Party.id, t.GroupParty.role)).all()
        party_ids = sorted({r[0] for r in party_rows})
        idents: dict[int, list[MaskedIdentifier]] = {}
        if party_ids:
            for pid, iid, typ, role, masked in session.execute(
                    select(t.PartyIdentifier.party_id, t.Identifier.id, t.Identifier.type,
                           t.PartyIdentifier.role, t.Identifier.masked)
                    .join(t.Identifier, t.Identifier.id == t.PartyIdentifier.identifier_id)
                    .where(t.PartyIdentifier.party_id.in_(party_ids))
                    .order_by(t.PartyIdentifier.party_id, t.Identifier.id)):
                idents.setdefault(pid, []).append(MaskedIdentifier(iid, typ, role, masked))
        suspects = tuple(SuspectRow(pid, kind, name, role, sex, notes, tuple(idents.get(pid, ())))
                         for pid, kind, name, role, sex, notes in party_rows)

        notes = tuple(NoteRow(*r) for r in session.execute(
            select(t.GroupNote.id, t.GroupNote.at, func.coalesce(t.User.username, ""),
                   func.coalesce(t.User.display_name, ""), t.GroupNote.text)
            .outerjoin(t.User, t.User.id == t.GroupNote.user_id)
            .where(t.GroupNote.group_id == group_id)
            .order_by(t.GroupNote.at, t.GroupNote.id)))

        referral_rows = session.execute(
            select(t.Referral.id, t.Referral.target, t.Referral.agency, t.Referral.sent_on,
                   t.Referral.package_name, t.Referral.package_sha256, t.Referral.receipt_no,
                   t.Referral.receipt_date, t.Referral.notes)
            .where(t.Referral.group_id == group_id)
            .order_by(t.Referral.sent_on, t.Referral.id)).all()
        decisions: dict[int, list[DecisionRow]] = {}
        if referral_rows:
            for rid, *rest in session.execute(
                    select(t.ReferralDecision.referral_id, t.ReferralDecision.id, t.ReferralDecision.decision,
                           t.ReferralDecision.decided_on, t.ReferralDecision.document_no,
                           t.ReferralDecision.notes, t.ReferralDecision.next_deadline,
                           t.ReferralDecision.next_deadline_label)
                    .where(t.ReferralDecision.referral_id.in_([r[0] for r in referral_rows]))
                    .order_by(t.ReferralDecision.decided_on, t.ReferralDecision.id)):
                decisions.setdefault(rid, []).append(DecisionRow(*rest))
        referrals = tuple(ReferralRow(*r, decisions=tuple(decisions.get(r[0], ()))) for r in referral_rows)

        return GroupDetail(
            id=g.id, reference=g.reference, title=g.title, status=g.status, summary=g.summary,
            amount_involved_cents=g.amount_involved_cents, loss_stopped_cents=g.loss_stopped_cents,
            persons_handled=g.persons_handled, detained=g.detained, arrested=g.arrested, on_bail=g.on_bail,
            prosecuted=g.prosecuted, sentenced=g.sentenced, created_by=created_by, created_at=g.created_at,
            updated_at=g.updated_at, version=g.version, members=members, suspects=suspects, notes=notes,
            referrals=referrals,
        )

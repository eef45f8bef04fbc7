"""Referrals (移送) to police and regulators: the list with each one's latest decision and next deadline,
and one referral with its decisions in order.

Referrals are counted in hundreds or thousands; the latest decision comes from a correlated subquery on
``ix_referral_decisions_referral_id``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from greyline.domain.enums import GroupStatus
from greyline.domain.errors import NotFound
from greyline.storage import tables as t
from greyline.storage.db import Store

DUE_SOON_DAYS = 3


@dataclass(frozen=True)
class ReferralRow:
    id: int
    group_id: int
    group_reference: str
    group_title: str
    group_status: str
    target: str
    agency: str
    sent_on: dt.date
    receipt_no: str
    receipt_date: dt.date | None
    latest_decision: str | None
    latest_decision_on: dt.date | None
    next_deadline: dt.date | None
    next_deadline_label: str
    decisions: int
    overdue: bool          # the next deadline has passed
    due_soon: bool         # the next deadline falls within the next few days (today included)


@dataclass(frozen=True)
class DecisionRow:
    id: int
    decision: str
    decided_on: dt.date
    document_no: str
    notes: str
    next_deadline: dt.date | None
    next_deadline_label: str
    recorded_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ReferralDetail:
    id: int
    group_id: int
    group_reference: str
    group_title: str
    target: str
    agency: str
    sent_on: dt.date
    package_name: str
    package_sha256: str
    receipt_no: str
    receipt_date: dt.date | None
    notes: str
    recorded_by: str
    created_at: dt.datetime
    decisions: tuple[DecisionRow, ...]   # oldest first

    @property
    def latest(self) -> DecisionRow | None:
        return self.decisions[-1] if self.decisions else None


def _latest(column):  # noqa: ANN001, ANN202 - a correlated scalar subquery
    return (select(column)
            .where(t.ReferralDecision.referral_id == t.Referral.id)
            .order_by(t.ReferralDecision.decided_on.desc(), t.ReferralDecision.id.desc())
            .limit(1).scalar_subquery())


def _flags(deadline: dt.date | None, today: dt.date) -> tuple[bool, bool]:
    if deadline is None:
        return False, False
    days = (deadline - today).days
    return days < 0, 0 <= days <= DUE_SOON_DAYS


def list_referrals(store: Store, today: dt.date | None = None, *, group_id: int | None = None) -> list[ReferralRow]:
    """Every referral (or a group's), newest first. ``today`` decides the overdue and due-soon flags."""
    today = today or dt.date.today()
    n_decisions = (select(func.count()).select_from(t.ReferralDecision)
                   .where(t.ReferralDecision.referral_id == t.Referral.id).scalar_subquery())
    stmt = (select(t.Referral.id, t.Referral.group_id, t.AgentGroup.reference, t.AgentGroup.title,
                   t.AgentGroup.status, t.Referral.target, t.Referral.agency, t.Referral.sent_on,
                   t.Referral.receipt_no, t.Referral.receipt_date,
                   _latest(t.ReferralDecision.decision), _latest(t.ReferralDecision.decided_on),
                   _latest(t.ReferralDecision.next_deadline), _latest(t.ReferralDecision.next_deadline_label),
                   n_decisions)
            .join(t.AgentGroup, t.AgentGroup.id == t.Referral.group_id)
            .order_by(t.Referral.sent_on.desc(), t.Referral.id.desc()))
    if group_id is not None:
        stmt = stmt.where(t.Referral.group_id == group_id)
    out: list[ReferralRow] = []
    with Session(store.read_engine) as session:
        for r in session.execute(stmt):
            # Scalar subqueries lose the column type on SQLite: dates come back as text.
            decided_on = _as_date(r[11])
            deadline = _as_date(r[12])
            overdue, soon = _flags(deadline, today)
            out.append(ReferralRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                                   decided_on, deadline, r[13] or "", int(r[14] or 0), overdue, soon))
    return out


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value)[:10])


def referral_detail(store: Store, referral_id: int) -> ReferralDetail:
    with Session(store.read_engine) as session:
        row = session.execute(
            select(t.Referral, t.AgentGroup.reference, t.AgentGroup.title,
                   func.coalesce(t.User.display_name, t.User.username, ""))
            .join(t.AgentGroup, t.AgentGroup.id == t.Referral.group_id)
            .outerjoin(t.User, t.User.id == t.Referral.created_by)
            .where(t.Referral.id == referral_id)).first()
        if row is None:
            raise NotFound(f"移送记录 #{referral_id} 不存在")
        ref, g_ref, g_title, by = row
        decisions = tuple(DecisionRow(*d) for d in session.execute(
            select(t.ReferralDecision.id, t.ReferralDecision.decision, t.ReferralDecision.decided_on,
                   t.ReferralDecision.document_no, t.ReferralDecision.notes, t.ReferralDecision.next_deadline,
                   t.ReferralDecision.next_deadline_label,
                   func.coalesce(t.User.display_name, t.User.username, ""), t.ReferralDecision.created_at)
            .outerjoin(t.User, t.User.id == t.ReferralDecision.user_id)
            .where(t.ReferralDecision.referral_id == referral_id)
            .order_by(t.ReferralDecision.decided_on, t.ReferralDecision.id)))
        return ReferralDetail(ref.id, ref.group_id, g_ref, g_title, ref.target, ref.agency, ref.sent_on,
                              ref.package_name, ref.package_sha256, ref.receipt_no, ref.receipt_date, ref.notes,
                              by, ref.created_at, decisions)


@dataclass(frozen=True)
class GroupChoice:
    id: int
    reference: str
    title: str
    status: str


def referable_groups(store: Store) -> list[GroupChoice]:
    """Groups a referral can be recorded for (every group but closed ones), ready ones first."""
    ready_first = case((t.AgentGroup.status == GroupStatus.READY.value, 0), else_=1)
    stmt = (select(t.AgentGroup.id, t.AgentGroup.reference, t.AgentGroup.title, t.AgentGroup.status)
            .where(t.AgentGroup.status != GroupStatus.CLOSED.value)
            .order_by(ready_first, t.AgentGroup.id.desc()))
    with Session(store.read_engine) as session:
        return [GroupChoice(*r) for r in session.execute(stmt)]

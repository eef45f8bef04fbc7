"""The work desk (工作台): what needs attention today, read in a few index-bound queries.

Lists are bounded (``LIMIT``) and each walks an index in its own order, so they stay fast on a million
complaints (measured on 1,000,000 rows: every list under 20 ms):

- my open complaints walk ``ix_complaints_handler_id`` (handler, rowid) backwards: newest first;
- deadlines due soon are a short range of ``ix_complaints_deadline``;
- overdue complaints: while most complaints are open (a fresh import) the deadline index is walked from
  the oldest deadline; once most are closed (years of history) that walk would step over every closed
  complaint, so the open ones are taken from ``ix_complaints_status`` and sorted instead (``Plan``);
- new link suggestions walk ``ix_links_status`` backwards.

The counts are the costly part. With most complaints closed they all go through the status index
(~130 ms in total on a million complaints, 3% open). With most open, "suspected abnormal" (the risk level
has no index) scans the table and "overdue" walks the deadline index up to today: ~700 ms in total on a
million open complaints. The page therefore loads off the GUI thread. An index on
``(status, deadline_at)`` would make the overdue list and count cheap in both states.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from greyline.domain.enums import ComplaintStatus, GroupStatus, LinkStatus, ReferralDecision, RiskLevel
from greyline.storage import tables as t
from greyline.storage.db import Store

LIST_LIMIT = 50
LINK_LIMIT = 20
DUE_SOON_DAYS = 3

# A referral still waits for the agency while no decision is recorded, or while the latest one is a
# step that the agency must follow with another decision (accepted → case opened or not, ...).
AWAITING_AFTER = (ReferralDecision.ACCEPTED.value, ReferralDecision.RECONSIDERATION.value,
                  ReferralDecision.REVIEW.value)

CLOSED = ComplaintStatus.CLOSED.value


@dataclass(frozen=True)
class DeskComplaint:
    id: int
    reference: str
    external_id: str
    channel: str
    received_at: dt.date
    deadline_at: dt.date | None
    status: str
    risk_level: str


@dataclass(frozen=True)
class DeskLink:
    id: int
    kind: str
    reason: str
    score: float
    created_at: dt.datetime
    complaint_a_id: int
    reference_a: str
    complaint_b_id: int | None
    reference_b: str          # the other complaint's reference, or the group's for a complaint–group link
    group_id: int | None


@dataclass(frozen=True)
class DeskGroup:
    id: int
    reference: str
    title: str
    complaints: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class DeskCounts:
    open_complaints: int
    my_open: int
    due_soon: int
    overdue: int
    suspected_abnormal: int
    groups_investigating: int
    groups_ready: int
    referrals_awaiting: int
    links_suggested: int


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    counts: DeskCounts
    my_open: tuple[DeskComplaint, ...]
    due_soon: tuple[DeskComplaint, ...]
    overdue: tuple[DeskComplaint, ...]
    new_links: tuple[DeskLink, ...]
    ready_groups: tuple[DeskGroup, ...]


_COLUMNS = (t.Complaint.id, t.Complaint.reference, t.Complaint.external_id, t.Complaint.channel,
            t.Complaint.received_at, t.Complaint.deadline_at, t.Complaint.status, t.Complaint.risk_level)

OPEN_STATUSES = tuple(s.value for s in ComplaintStatus if s != ComplaintStatus.CLOSED)


def _no_index(column, sqlite: bool):  # noqa: ANN001, ANN202 - a column expression
    """SQLite's unary ``+``: the column may not drive the index choice (the planner then takes the other
    condition's index). Other databases choose from statistics, and PostgreSQL has no unary + on dates."""
    if not sqlite:
        return column
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


@dataclass(frozen=True)
class Plan:
    """How to reach open complaints. On a store whose complaints are mostly closed (the normal state of a
    store with years of history) the status index holds few open rows, so conditions go through it;
    while most complaints are open (a fresh import) the deadline and handler indexes are shorter."""

    via_status: bool
    sqlite: bool = True

    def open(self):  # noqa: ANN201 - a condition
        if self.via_status:
            return t.Complaint.status.in_(OPEN_STATUSES)
        return t.Complaint.status != CLOSED

    def col(self, column):  # noqa: ANN001, ANN201
        return _no_index(column, self.sqlite) if self.via_status else column


def choose_plan(total: int, closed: int, *, sqlite: bool = True) -> Plan:
    return Plan(via_status=(total - closed) * 4 < total, sqlite=sqlite)


def my_open_statement(user_id: int, limit: int = LIST_LIMIT):  # noqa: ANN201 - a Select
    # The handler index walked backwards finds a handler's newest complaints; they are mostly open.
    return (select(*_COLUMNS)
            .where(t.Complaint.handler_id == user_id, t.Complaint.status != CLOSED)
            .order_by(t.Complaint.id.desc()).limit(limit))


def due_soon_statement(today: dt.date, limit: int = LIST_LIMIT):  # noqa: ANN201
    # A few days of deadlines: always a short range of the deadline index.
    until = today + dt.timedelta(days=DUE_SOON_DAYS)
    return (select(*_COLUMNS)
            .where(t.Complaint.deadline_at >= today, t.Complaint.deadline_at <= until,
                   t.Complaint.status != CLOSED)
            .order_by(t.Complaint.deadline_at, t.Complaint.id).limit(limit))


def overdue_statement(today: dt.date, plan: Plan, limit: int = LIST_LIMIT):  # noqa: ANN201
    return (select(*_COLUMNS)
            .where(plan.open(), plan.col(t.Complaint.deadline_at) < today)
            .order_by(t.Complaint.deadline_at, t.Complaint.id).limit(limit))


def new_links_statement(limit: int = LINK_LIMIT):  # noqa: ANN201
    ca, cb = aliased(t.Complaint), aliased(t.Complaint)
    g = aliased(t.AgentGroup)
    return (select(t.Link.id, t.Link.kind, t.Link.reason, t.Link.score, t.Link.created_at,
                   t.Link.complaint_a_id, ca.reference, t.Link.complaint_b_id,
                   func.coalesce(cb.reference, g.reference, ""), t.Link.group_id)
            .join(ca, ca.id == t.Link.complaint_a_id)
            .outerjoin(cb, cb.id == t.Link.complaint_b_id)
            .outerjoin(g, g.id == t.Link.group_id)
            .where(t.Link.status == LinkStatus.SUGGESTED.value)
            .order_by(t.Link.id.desc()).limit(limit))


def ready_groups_statement(limit: int = LIST_LIMIT):  # noqa: ANN201
    # Groups are counted in hundreds, not millions: a scan of agent_groups is fine.
    members = (select(func.count()).select_from(t.GroupComplaint)
               .where(t.GroupComplaint.group_id == t.AgentGroup.id).scalar_subquery())
    return (select(t.AgentGroup.id, t.AgentGroup.reference, t.AgentGroup.title, members,
                   t.AgentGroup.updated_at)
            .where(t.AgentGroup.status == GroupStatus.READY.value)
            .order_by(t.AgentGroup.updated_at.desc(), t.AgentGroup.id.desc()).limit(limit))


def latest_decision_subquery(column):  # noqa: ANN001, ANN201 - a correlated scalar subquery
    """The given column of a referral's latest decision (by decision date, then entry order)."""
    return (select(column)
            .where(t.ReferralDecision.referral_id == t.Referral.id)
            .order_by(t.ReferralDecision.decided_on.desc(), t.ReferralDecision.id.desc())
            .limit(1).scalar_subquery())


def awaiting_referrals_count(session: Session) -> int:
    latest = latest_decision_subquery(t.ReferralDecision.decision)
    return session.scalar(select(func.count()).select_from(t.Referral)
                          .where(or_(latest.is_(None), latest.in_(AWAITING_AFTER)))) or 0


def _count(session: Session, *where) -> int:  # noqa: ANN002
    return session.scalar(select(func.count()).select_from(t.Complaint).where(*where)) or 0


def dashboard(store: Store, user_id: int, today: dt.date) -> Dashboard:
    """Everything the work desk shows, read in one read transaction."""
    until = today + dt.timedelta(days=DUE_SOON_DAYS)
    with Session(store.read_engine) as session:
        # Open = all minus closed: both counts come from indexes (~60 ms on a million complaints).
        total = session.scalar(select(func.count()).select_from(t.Complaint)) or 0
        closed = _count(session, t.Complaint.status == CLOSED)
        plan = choose_plan(total, closed, sqlite=store.is_sqlite)

        my_open = tuple(DeskComplaint(*r) for r in session.execute(my_open_statement(user_id)))
        due_soon = tuple(DeskComplaint(*r) for r in session.execute(due_soon_statement(today)))
        overdue = tuple(DeskComplaint(*r) for r in session.execute(overdue_statement(today, plan)))
        links = tuple(DeskLink(*r) for r in session.execute(new_links_statement()))
        groups = tuple(DeskGroup(*r) for r in session.execute(ready_groups_statement()))

        # One pass up to the end of the due-soon window gives both deadline counts.
        deadline = plan.col(t.Complaint.deadline_at)
        overdue_n, due_n = session.execute(
            select(func.coalesce(func.sum(case((t.Complaint.deadline_at < today, 1), else_=0)), 0),
                   func.coalesce(func.sum(case((t.Complaint.deadline_at >= today, 1), else_=0)), 0))
            .where(plan.open(), deadline <= until)).one()
        # Suspected abnormal among open complaints: decided abnormal, or given a risk level. The risk
        # level has no index: while most complaints are open this is one scan of the table.
        suspected = _count(session, plan.open(), or_(t.Complaint.status == ComplaintStatus.ABNORMAL.value,
                                                     t.Complaint.risk_level != RiskLevel.NONE.value))
        my_n = _count(session, plan.open(), plan.col(t.Complaint.handler_id) == user_id)
        group_counts = dict(session.execute(
            select(t.AgentGroup.status, func.count()).group_by(t.AgentGroup.status)).all())
        links_n = session.scalar(select(func.count()).select_from(t.Link)
                                 .where(t.Link.status == LinkStatus.SUGGESTED.value)) or 0
        counts = DeskCounts(
            open_complaints=total - closed, my_open=my_n, due_soon=int(due_n), overdue=int(overdue_n),
            suspected_abnormal=suspected,
            groups_investigating=group_counts.get(GroupStatus.INVESTIGATING.value, 0),
            groups_ready=group_counts.get(GroupStatus.READY.value, 0),
            referrals_awaiting=awaiting_referrals_count(session), links_suggested=links_n,
        )
    return Dashboard(today, counts, my_open, due_soon, overdue, links, groups)

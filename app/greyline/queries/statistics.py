"""Outcome statistics for supervisors and regulators (domain.md, "Outcomes the institutions publish").

Each figure counts what happened inside the period, by the date it happened:

- complaints by their received date (one pass over the ``ix_complaints_received`` range, grouped by
  channel and status at once: on a million complaints a year's range takes about a second, so the page
  runs this off the GUI thread);
- referrals by the date they were sent; decisions (accepted, case opened, ...) by their decision date,
  each counted once per referral;
- groups by the (local) date they were created; persons handled and amounts are summed over those groups (the
  outcome counts on a group carry no date of their own);
- average days from referral to acceptance, over referrals accepted in the period (first acceptance
  decision minus the sending date), and from acceptance to case opening, over referrals with a case
  opened in the period (first case-opened decision minus the first acceptance decision).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from greyline.domain.enums import ComplaintStatus, GroupStatus, ReferralDecision, ReferralTarget, RiskLevel
from greyline.storage import tables as t
from greyline.storage.db import Store

# Decisions counted per referral, in the order the page shows them.
COUNTED_DECISIONS = (ReferralDecision.ACCEPTED, ReferralDecision.CASE_OPENED, ReferralDecision.PUBLIC_ORDER,
                     ReferralDecision.REFUSED, ReferralDecision.RECONSIDERATION)


@dataclass(frozen=True)
class TargetFigures:
    """Referrals to one kind of agency and what came of them (police, 12315, regulators, associations)."""

    target: str
    referred: int
    accepted: int
    case_opened: int
    public_order: int
    refused: int
    reconsideration: int


@dataclass(frozen=True)
class Statistics:
    date_from: dt.date
    date_to: dt.date
    complaints_received: int
    by_channel: tuple[tuple[str, int], ...]      # (channel code, count), largest first
    by_status: tuple[tuple[str, int], ...]       # (status code, count), in workflow order
    suspected_abnormal: int                      # decided abnormal or given a risk level
    groups_created: int
    groups_by_status: tuple[tuple[str, int], ...]
    referrals: int
    by_target: tuple[TargetFigures, ...]         # every target kind, in enum order
    accepted: int
    case_opened: int
    public_order: int
    refused: int
    reconsiderations: int
    persons_handled: int
    detained: int
    arrested: int
    on_bail: int
    prosecuted: int
    sentenced: int
    amount_involved_cents: int
    loss_stopped_cents: int
    avg_days_to_acceptance: float | None
    acceptance_samples: int
    avg_days_to_case_opening: float | None
    case_opening_samples: int


def _utc_midnight(d: dt.date) -> dt.datetime:
    """Local midnight starting ``d`` as a naive UTC time, the way times are stored."""
    return dt.datetime.combine(d, dt.time()).astimezone(dt.UTC).replace(tzinfo=None)


def outcome_statistics(store: Store, date_from: dt.date, date_to: dt.date) -> Statistics:
    """All figures for ``date_from``..``date_to`` (both days included)."""
    if date_to < date_from:
        date_from, date_to = date_to, date_from
    with Session(store.read_engine) as session:
        # Complaints: one grouped pass over the received-date range.
        suspicious = case((t.Complaint.status == ComplaintStatus.ABNORMAL.value, 1),
                          (t.Complaint.risk_level != RiskLevel.NONE.value, 1), else_=0)
        channel_n: Counter[str] = Counter()
        status_n: Counter[str] = Counter()
        suspected = 0
        for channel, status, n, sus in session.execute(
                select(t.Complaint.channel, t.Complaint.status, func.count(), func.sum(suspicious))
                .where(t.Complaint.received_at >= date_from, t.Complaint.received_at <= date_to)
                .group_by(t.Complaint.channel, t.Complaint.status)):
            channel_n[channel] += n
            status_n[status] += n
            suspected += int(sus or 0)
        order = {s.value: i for i, s in enumerate(ComplaintStatus)}
        by_status = tuple(sorted(status_n.items(), key=lambda kv: order.get(kv[0], len(order))))
        by_channel = tuple(sorted(channel_n.items(), key=lambda kv: (-kv[1], kv[0])))

        # Groups created in the period, and the outcomes recorded on them.
        in_period = (t.AgentGroup.created_at >= _utc_midnight(date_from),
                     t.AgentGroup.created_at < _utc_midnight(date_to + dt.timedelta(days=1)))
        g = session.execute(select(
            func.count(), func.coalesce(func.sum(t.AgentGroup.persons_handled), 0),
            func.coalesce(func.sum(t.AgentGroup.detained), 0), func.coalesce(func.sum(t.AgentGroup.arrested), 0),
            func.coalesce(func.sum(t.AgentGroup.on_bail), 0), func.coalesce(func.sum(t.AgentGroup.prosecuted), 0),
            func.coalesce(func.sum(t.AgentGroup.sentenced), 0),
            func.coalesce(func.sum(t.AgentGroup.amount_involved_cents), 0),
            func.coalesce(func.sum(t.AgentGroup.loss_stopped_cents), 0)).where(*in_period)).one()
        group_order = {s.value: i for i, s in enumerate(GroupStatus)}
        groups_by_status = tuple(sorted(
            ((s, n) for s, n in session.execute(
                select(t.AgentGroup.status, func.count()).where(*in_period).group_by(t.AgentGroup.status))),
            key=lambda kv: group_order.get(kv[0], len(group_order))))

        # Referrals sent in the period, by target.
        referred = dict(session.execute(
            select(t.Referral.target, func.count())
            .where(t.Referral.sent_on >= date_from, t.Referral.sent_on <= date_to)
            .group_by(t.Referral.target)).all())

        # Decisions in the period: each kind counted once per referral, split by target.
        decided: Counter[tuple[str, str]] = Counter()
        for target, decision, n in session.execute(
                select(t.Referral.target, t.ReferralDecision.decision,
                       func.count(func.distinct(t.ReferralDecision.referral_id)))
                .join(t.Referral, t.Referral.id == t.ReferralDecision.referral_id)
                .where(t.ReferralDecision.decided_on >= date_from, t.ReferralDecision.decided_on <= date_to)
                .group_by(t.Referral.target, t.ReferralDecision.decision)):
            decided[(target, decision)] = n

        # Durations: the first decision of each kind per referral (referrals are few: done in Python).
        first: dict[tuple[int, str], dt.date] = {}
        sent: dict[int, dt.date] = {}
        for rid, sent_on, decision, on in session.execute(
                select(t.Referral.id, t.Referral.sent_on, t.ReferralDecision.decision,
                       func.min(t.ReferralDecision.decided_on))
                .join(t.ReferralDecision, t.ReferralDecision.referral_id == t.Referral.id)
                .where(t.ReferralDecision.decision.in_((ReferralDecision.ACCEPTED.value,
                                                        ReferralDecision.CASE_OPENED.value)))
                .group_by(t.Referral.id, t.Referral.sent_on, t.ReferralDecision.decision)):
            first[(rid, decision)] = on if isinstance(on, dt.date) else dt.date.fromisoformat(str(on)[:10])
            sent[rid] = sent_on

    def in_range(d: dt.date) -> bool:
        return date_from <= d <= date_to

    to_accept = [(on - sent[rid]).days for (rid, kind), on in first.items()
                 if kind == ReferralDecision.ACCEPTED.value and in_range(on)]
    to_open = [(on - first[(rid, ReferralDecision.ACCEPTED.value)]).days for (rid, kind), on in first.items()
               if kind == ReferralDecision.CASE_OPENED.value and in_range(on)
               and (rid, ReferralDecision.ACCEPTED.value) in first]

    def total(decision: ReferralDecision) -> int:
        return sum(n for (_, d), n in decided.items() if d == decision.value)

    targets = [r.value for r in ReferralTarget] + sorted(
        {k for k in referred if k not in {r.value for r in ReferralTarget}})
    by_target = tuple(TargetFigures(
        target=tg, referred=referred.get(tg, 0),
        accepted=decided[(tg, ReferralDecision.ACCEPTED.value)],
        case_opened=decided[(tg, ReferralDecision.CASE_OPENED.value)],
        public_order=decided[(tg, ReferralDecision.PUBLIC_ORDER.value)],
        refused=decided[(tg, ReferralDecision.REFUSED.value)],
        reconsideration=decided[(tg, ReferralDecision.RECONSIDERATION.value)]) for tg in targets)

    return Statistics(
        date_from=date_from, date_to=date_to,
        complaints_received=sum(channel_n.values()), by_channel=by_channel, by_status=by_status,
        suspected_abnormal=suspected,
        groups_created=int(g[0]), groups_by_status=groups_by_status,
        referrals=sum(referred.values()), by_target=by_target,
        accepted=total(ReferralDecision.ACCEPTED), case_opened=total(ReferralDecision.CASE_OPENED),
        public_order=total(ReferralDecision.PUBLIC_ORDER), refused=total(ReferralDecision.REFUSED),
        reconsiderations=total(ReferralDecision.RECONSIDERATION),
        persons_handled=int(g[1]), detained=int(g[2]), arrested=int(g[3]), on_bail=int(g[4]),
        prosecuted=int(g[5]), sentenced=int(g[6]),
        amount_involved_cents=int(g[7]), loss_stopped_cents=int(g[8]),
        avg_days_to_acceptance=sum(to_accept) / len(to_accept) if to_accept else None,
        acceptance_samples=len(to_accept),
        avg_days_to_case_opening=sum(to_open) / len(to_open) if to_open else None,
        case_opening_samples=len(to_open),
    )

"""Referral use cases: record a package sent to police or a regulator, and each decision that follows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greyline.domain.deadlines import decision_deadline
from greyline.domain.enums import GroupStatus, ReferralDecision, ReferralTarget
from greyline.domain.errors import ValidationError
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext

# What a decision means for the group's status.
STATUS_AFTER = {
    ReferralDecision.ACCEPTED: GroupStatus.ACCEPTED,
    ReferralDecision.CASE_OPENED: GroupStatus.CASE_OPENED,
    ReferralDecision.PUBLIC_ORDER: GroupStatus.CASE_OPENED,
    ReferralDecision.REFUSED: GroupStatus.REFUSED,
    ReferralDecision.RECONSIDERATION: GroupStatus.RECONSIDERATION,
    ReferralDecision.REVIEW: GroupStatus.RECONSIDERATION,
    ReferralDecision.CLOSED: GroupStatus.CLOSED,
}


@dataclass(frozen=True)
class ReferralDraft:
    target: ReferralTarget
    agency: str
    sent_on: dt.date
    package_name: str = ""
    package_sha256: str = ""
    receipt_no: str = ""
    receipt_date: dt.date | None = None
    notes: str = ""


def record_referral(ctx: ServiceContext, group_id: int, draft: ReferralDraft) -> int:
    ctx.require(Permission.RECORD_REFERRAL)
    if not draft.agency.strip():
        raise ValidationError("请填写接收机关名称（如 ××市公安局××分局）", field="agency")
    if draft.sent_on > dt.date.today():
        raise ValidationError("移送日期在未来", field="sent_on")
    if draft.receipt_date is not None and draft.receipt_date < draft.sent_on:
        raise ValidationError("回执日期早于移送日期", field="receipt_date")
    sha = draft.package_sha256.strip().lower()
    if sha and (len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
        raise ValidationError("材料包哈希应为 64 位十六进制 SHA-256", field="package_sha256")
    with ctx.uow() as uow:
        group = uow.repo.group(group_id)
        rid = uow.repo.add_referral(
            group_id=group_id, target=draft.target.value, agency=draft.agency.strip(), sent_on=draft.sent_on,
            package_name=draft.package_name.strip(), package_sha256=sha, receipt_no=draft.receipt_no.strip(),
            receipt_date=draft.receipt_date, notes=draft.notes.strip(), created_by=ctx.actor.user_id,
        )
        if group.status in (GroupStatus.LEAD.value, GroupStatus.INVESTIGATING.value, GroupStatus.READY.value):
            group.status = GroupStatus.REFERRED.value
        uow.record("referral_recorded", "group", group.reference,
                   {"referral_id": rid, "target": draft.target.value, "agency": draft.agency,
                    "package_sha256": sha})
        uow.commit()
    return rid


def record_decision(ctx: ServiceContext, referral_id: int, decision: ReferralDecision, decided_on: dt.date,
                    document_no: str = "", notes: str = "") -> tuple[int, dt.date | None, str]:
    """Record a decision; returns (decision id, the follow-up deadline it starts, what that deadline is)."""
    ctx.require(Permission.RECORD_REFERRAL)
    with ctx.uow() as uow:
        referral = uow.repo.referral(referral_id)
        if decided_on < referral.sent_on:
            raise ValidationError("决定日期早于移送日期", field="decided_on")
        if decided_on > dt.date.today():
            raise ValidationError("决定日期在未来", field="decided_on")
        deadline, label = decision_deadline(decision.value, decided_on)
        did = uow.repo.add_decision(referral_id=referral_id, decision=decision.value, decided_on=decided_on,
                                    document_no=document_no.strip(), notes=notes.strip(), next_deadline=deadline,
                                    next_deadline_label=label, user_id=ctx.actor.user_id)
        if decision == ReferralDecision.ACCEPTED and document_no.strip() and not referral.receipt_no:
            referral.receipt_no, referral.receipt_date = document_no.strip(), decided_on
        group = uow.repo.group(referral.group_id)
        if decision in STATUS_AFTER:
            group.status = STATUS_AFTER[decision].value
        uow.record("referral_decision", "group", group.reference,
                   {"referral_id": referral_id, "decision": decision.value, "on": decided_on})
        uow.commit()
    return did, deadline, label

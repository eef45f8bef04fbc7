"""Complaint use cases: create, edit, identifiers, indicators, status, contact log, unmasking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greyline.domain.complaint_rules import validate_complaint
from greyline.domain.deadlines import response_deadline
from greyline.domain.enums import (
    COMPLAINT_TRANSITIONS,
    ComplaintStatus,
    ContactDirection,
    ContactKind,
    IdentifierType,
    Indicator,
    IndicatorSource,
    RiskLevel,
)
from greyline.domain.errors import ConflictError, Duplicate, ValidationError
from greyline.domain.identifiers import normalise
from greyline.domain.permissions import Permission
from greyline.domain.records import ComplaintDraft, ComplaintRef, IdentifierInput
from greyline.services.context import ServiceContext
from greyline.storage.repositories import Repositories

REFERENCE_PREFIX = "GL"


def _detection():  # noqa: ANN202
    # Imported on first use: detection pulls in numpy, scipy and networkx (about 140 MB and a second
    # of start-up), which a command that only imports or lists never needs.
    from greyline.services import detection

    return detection


def format_reference(year: int, number: int) -> str:
    return f"{REFERENCE_PREFIX}-{year}-{number:06d}"


def allocate_references(repo: Repositories, year: int, count: int) -> list[str]:
    return [format_reference(year, n) for n in repo.next_numbers(f"{REFERENCE_PREFIX}-{year}", count)]


def deadline_for(rules: dict[str, tuple[int, bool, str]], channel: str, received: dt.date) -> dt.date:
    days, working, _ = rules[channel]
    return response_deadline(received, days, working)


def create_complaint(ctx: ServiceContext, draft: ComplaintDraft) -> ComplaintRef:
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        rules = uow.repo.channel_rules()
        valid = validate_complaint(draft, set(rules))
        if uow.repo.existing_external_ids([(valid.channel, valid.external_id)]):
            raise Duplicate(f"渠道 {rules[valid.channel][2]} 的工单号 {valid.external_id} 已登记")
        deadline = valid.deadline_at or deadline_for(rules, valid.channel, valid.received_at)
        ref = allocate_references(uow.repo, dt.date.today().year, 1)[0]
        cid = uow.repo.add_complaints([valid], [ref], [deadline], ctx.actor.user_id)[0]
        uow.record("complaint_created", "complaint", ref,
                   {"channel": valid.channel, "external_id": valid.external_id,
                    "identifiers": len(valid.identifiers)})
        uow.commit()
    _detection().after_complaints_saved(ctx, [cid])
    return ComplaintRef(cid, ref, valid.channel, valid.external_id)


@dataclass(frozen=True)
class ComplaintChanges:
    """Editable fields of an existing complaint (identifiers are added separately)."""

    received_at: dt.date
    deadline_at: dt.date | None
    customer_name: str
    contract_no: str
    loan_no: str
    overdue_amount: str
    text: str
    notes: str
    demands: tuple[str, ...]
    category: str
    phone_changed_at: dt.date | None = None


def update_complaint(ctx: ServiceContext, complaint_id: int, expected_version: int,
                     changes: ComplaintChanges) -> int:
    """Save edits; raises ConflictError when someone saved a newer version first. Returns the new version."""
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        row = uow.repo.complaint(complaint_id)
        rules = uow.repo.channel_rules()
        draft = ComplaintDraft(
            channel=row.channel, external_id=row.external_id, received_at=changes.received_at,
            customer_name=changes.customer_name, contract_no=changes.contract_no, loan_no=changes.loan_no,
            overdue_amount=changes.overdue_amount, text=changes.text, notes=changes.notes,
            demands=changes.demands, category=changes.category, phone_changed_at=changes.phone_changed_at,
            deadline_at=changes.deadline_at,
        )
        valid = validate_complaint(draft, set(rules))
        _expect_version(row.version, expected_version)
        before = {"text_len": len(row.text), "received_at": row.received_at, "deadline_at": row.deadline_at}
        row.received_at = valid.received_at
        row.deadline_at = valid.deadline_at or deadline_for(rules, row.channel, valid.received_at)
        row.customer_name = valid.customer_name
        row.contract_no, row.loan_no = valid.contract_no, valid.loan_no
        row.overdue_cents = valid.overdue_cents
        row.text, row.notes = valid.text, valid.notes
        row.demands = list(valid.demands)
        row.category = valid.category
        row.phone_changed_at = valid.phone_changed_at
        mentioned = [(i, r) for i, r in valid.identifiers]
        if mentioned:
            ids = uow.repo.ensure_identifiers(i for i, _ in mentioned)
            uow.repo.link_identifiers(complaint_id, [(ids[(i.type.value, i.value)], r) for i, r in mentioned])
        uow.flush()
        uow.record("complaint_updated", "complaint", row.reference,
                   {"before": before, "version": row.version})
        new_version = row.version
        uow.commit()
    _detection().after_complaints_saved(ctx, [complaint_id])
    return new_version


def _expect_version(actual: int, expected: int) -> None:
    # Checked up front as well as by SQLAlchemy's version column, so the message is the same either way.
    if actual != expected:
        raise ConflictError("此投诉已被他人修改并保存。请重新载入后再改。")


def change_status(ctx: ServiceContext, complaint_id: int, status: ComplaintStatus, expected_version: int) -> int:
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        row = uow.repo.complaint(complaint_id)
        _expect_version(row.version, expected_version)
        current = ComplaintStatus(row.status)
        if status != current and status not in COMPLAINT_TRANSITIONS[current]:
            raise ValidationError(f"不能从“{current.label}”直接改为“{status.label}”", field="status")
        row.status = status.value
        uow.flush()
        uow.record("complaint_status", "complaint", row.reference, {"from": current.value, "to": status.value})
        version = row.version
        uow.commit()
    return version


def set_risk_level(ctx: ServiceContext, complaint_id: int, level: RiskLevel, expected_version: int) -> int:
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        row = uow.repo.complaint(complaint_id)
        _expect_version(row.version, expected_version)
        before = row.risk_level
        row.risk_level = level.value
        row.risk_manual = True
        uow.flush()
        uow.record("complaint_risk", "complaint", row.reference, {"from": before, "to": level.value})
        version = row.version
        uow.commit()
    return version


def add_identifier(ctx: ServiceContext, complaint_id: int, item: IdentifierInput) -> int:
    ctx.require(Permission.EDIT_COMPLAINT)
    try:
        ident = normalise(IdentifierType(item.type), item.raw)
    except ValidationError as exc:
        raise ValidationError(exc.reason, field=item.role) from None
    with ctx.uow() as uow:
        ref, _, _ = uow.repo.complaint_ref(complaint_id)
        iid = uow.repo.ensure_identifiers([ident])[(ident.type.value, ident.value)]
        uow.repo.link_identifiers(complaint_id, [(iid, item.role)])
        uow.record("identifier_added", "complaint", ref, {"type": ident.type.value, "masked": ident.masked,
                                                           "role": item.role})
        uow.commit()
    _detection().after_complaints_saved(ctx, [complaint_id])
    return iid


def set_indicator(ctx: ServiceContext, complaint_id: int, code: Indicator, note: str = "",
                  source: IndicatorSource = IndicatorSource.PERSON) -> None:
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        ref, _, _ = uow.repo.complaint_ref(complaint_id)
        uow.repo.set_indicator(complaint_id, code.value, note.strip(), source.value, ctx.actor.user_id)
        uow.record("indicator_set", "complaint", ref, {"code": code.value, "note": note, "source": source.value})
        uow.flush()
        _detection().reassess_risk(uow, [complaint_id])
        uow.commit()


def clear_indicator(ctx: ServiceContext, complaint_id: int, code: Indicator) -> bool:
    ctx.require(Permission.EDIT_COMPLAINT)
    with ctx.uow() as uow:
        ref, _, _ = uow.repo.complaint_ref(complaint_id)
        removed = uow.repo.clear_indicator(complaint_id, code.value)
        if removed:
            uow.record("indicator_cleared", "complaint", ref, {"code": code.value})
            uow.flush()
            _detection().reassess_risk(uow, [complaint_id])
        uow.commit()
    return removed


@dataclass(frozen=True)
class ContactDraft:
    kind: ContactKind
    direction: ContactDirection
    occurred_at: dt.datetime
    our_number: str = ""
    their_number: str = ""
    answered_by: str = ""
    outcome: str = ""
    recording_evidence_id: int | None = None


def log_contact(ctx: ServiceContext, complaint_id: int, draft: ContactDraft) -> int:
    ctx.require(Permission.EDIT_COMPLAINT)
    their = None
    if draft.their_number.strip():
        try:
            their = normalise(IdentifierType.MOBILE, draft.their_number)
        except ValidationError as exc:
            raise ValidationError(exc.reason, field="their_number") from None
    if draft.occurred_at > dt.datetime.now() + dt.timedelta(minutes=5):
        raise ValidationError("联系时间在未来", field="occurred_at")
    with ctx.uow() as uow:
        ref, _, _ = uow.repo.complaint_ref(complaint_id)
        their_id = None
        if their is not None:
            their_id = uow.repo.ensure_identifiers([their])[(their.type.value, their.value)]
            uow.repo.link_identifiers(complaint_id, [(their_id, "contact_phone")])
        if draft.recording_evidence_id is not None:
            uow.repo.evidence(draft.recording_evidence_id)
        cid = uow.repo.add_contact(
            complaint_id=complaint_id, kind=draft.kind.value, direction=draft.direction.value,
            occurred_at=draft.occurred_at, our_number=draft.our_number.strip(), their_identifier_id=their_id,
            answered_by=draft.answered_by.strip(), outcome=draft.outcome.strip(),
            recording_id=draft.recording_evidence_id, created_by=ctx.actor.user_id,
        )
        uow.record("contact_logged", "complaint", ref, {"contact_id": cid, "direction": draft.direction.value,
                                                         "their": their.masked if their else ""})
        uow.commit()
    return cid


def unmask_identifier(ctx: ServiceContext, identifier_id: int, purpose: str) -> str:
    """Reveal a full value to a role that may see it; always audited, with the stated purpose."""
    ctx.require(Permission.UNMASK)
    if not purpose.strip():
        raise ValidationError("请说明查看完整信息的用途", field="purpose")
    with ctx.uow() as uow:
        typ, value = uow.repo.identifier_value(identifier_id)
        uow.record("unmask", "identifier", identifier_id, {"type": typ, "purpose": purpose.strip()})
        uow.commit()
    return value


__all__ = ["create_complaint", "update_complaint", "change_status", "set_risk_level", "add_identifier",
           "set_indicator", "clear_indicator", "log_contact", "unmask_identifier", "ComplaintChanges",
           "ContactDraft"]

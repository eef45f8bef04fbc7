"""Agent-group (团伙/案件) use cases: create from complaints, suspects, notes, status, outcomes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from greyline.domain.complaint_rules import parse_amount_cents
from greyline.domain.enums import GroupStatus, IdentifierType, PartyKind, PartyRole
from greyline.domain.errors import ConflictError, ValidationError
from greyline.domain.identifiers import NormalisedIdentifier, check_credit_code, normalise
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext


def create_group(ctx: ServiceContext, title: str, complaint_ids: list[int], summary: str = "") -> tuple[int, str]:
    ctx.require(Permission.EDIT_GROUP)
    title = title.strip()
    if not title:
        raise ValidationError("请填写团伙/案件名称", field="title")
    with ctx.uow() as uow:
        year = dt.date.today().year
        ref = f"AG-{year}-{uow.repo.next_numbers(f'AG-{year}')[0]:04d}"
        gid = uow.repo.add_group(ref, title[:300], summary.strip(), ctx.actor.user_id)
        added = uow.repo.add_group_complaints(gid, complaint_ids)
        uow.record("group_created", "group", ref, {"title": title, "complaints": added})
        uow.commit()
    return gid, ref


def add_complaints(ctx: ServiceContext, group_id: int, complaint_ids: list[int]) -> int:
    ctx.require(Permission.EDIT_GROUP)
    with ctx.uow() as uow:
        ref = uow.repo.group(group_id).reference
        added = uow.repo.add_group_complaints(group_id, complaint_ids)
        uow.record("group_complaints_added", "group", ref, {"added": added})
        uow.commit()
    return added


@dataclass(frozen=True)
class SuspectDraft:
    kind: PartyKind
    name: str
    role: PartyRole = PartyRole.SUSPECTED_AGENT
    id_number: str = ""        # resident ID (person) or unified social credit code (company)
    phones: tuple[str, ...] = ()
    address: str = ""
    wechat: str = ""
    bank_accounts: tuple[str, ...] = ()
    notes: str = ""


def add_suspect(ctx: ServiceContext, group_id: int, draft: SuspectDraft) -> int:
    ctx.require(Permission.EDIT_GROUP)
    if not draft.name.strip():
        raise ValidationError("请填写嫌疑人或单位名称", field="name")
    idents: list[tuple[NormalisedIdentifier, str]] = []

    def check(field: str, fn, raw: str, role: str) -> None:  # noqa: ANN001
        try:
            idents.append((fn(raw), role))
        except ValidationError as exc:
            raise ValidationError(exc.reason, field=field) from None

    if draft.id_number.strip():
        if draft.kind == PartyKind.ORGANISATION:
            check("id_number", check_credit_code, draft.id_number, "company_code")
        else:
            check("id_number", lambda r: normalise(IdentifierType.RESIDENT_ID, r), draft.id_number, "person_id")
    for p in draft.phones:
        if p.strip():
            check("phones", lambda r: normalise(IdentifierType.MOBILE, r), p, "agent_phone")
    if draft.address.strip():
        check("address", lambda r: normalise(IdentifierType.ADDRESS, r), draft.address, "mailing_address")
    if draft.wechat.strip():
        check("wechat", lambda r: normalise(IdentifierType.WECHAT, r), draft.wechat, "wechat")
    for b in draft.bank_accounts:
        if b.strip():
            check("bank_accounts", lambda r: normalise(IdentifierType.BANK_ACCOUNT, r), b, "bank_account")
    with ctx.uow() as uow:
        ref = uow.repo.group(group_id).reference
        attrs = idents[0][0].attributes if idents and draft.kind == PartyKind.PERSON and draft.id_number else {}
        bd = attrs.get("birth_date")
        pid = uow.repo.add_party(draft.kind.value, draft.name.strip(), sex=attrs.get("sex", ""),
                                 birth_date=dt.date.fromisoformat(bd) if bd else None, notes=draft.notes)
        ids = uow.repo.ensure_identifiers(i for i, _ in idents)
        uow.repo.link_party_identifiers(pid, [(ids[(i.type.value, i.value)], r) for i, r in idents])
        uow.repo.add_group_party(group_id, pid, draft.role.value)
        uow.record("suspect_added", "group", ref, {"party_id": pid, "kind": draft.kind.value,
                                                   "identifiers": [i.masked for i, _ in idents]})
        uow.commit()
    return pid


def add_note(ctx: ServiceContext, group_id: int, text: str) -> int:
    ctx.require(Permission.EDIT_GROUP)
    if not text.strip():
        raise ValidationError("备注不能为空", field="text")
    with ctx.uow() as uow:
        ref = uow.repo.group(group_id).reference
        nid = uow.repo.add_group_note(group_id, text.strip(), ctx.actor.user_id)
        uow.record("group_note", "group", ref, {"note_id": nid})
        uow.commit()
    return nid


def set_status(ctx: ServiceContext, group_id: int, status: GroupStatus, expected_version: int) -> int:
    ctx.require(Permission.EDIT_GROUP)
    with ctx.uow() as uow:
        row = uow.repo.group(group_id)
        if row.version != expected_version:
            raise ConflictError("此团伙/案件已被他人修改并保存。请重新载入后再改。")
        before = row.status
        row.status = status.value
        uow.flush()
        uow.record("group_status", "group", row.reference, {"from": before, "to": status.value})
        version = row.version
        uow.commit()
    return version


@dataclass(frozen=True)
class GroupOutcome:
    amount_involved: str = ""
    loss_stopped: str = ""
    persons_handled: int = 0
    detained: int = 0
    arrested: int = 0
    on_bail: int = 0
    prosecuted: int = 0
    sentenced: int = 0


def set_outcome(ctx: ServiceContext, group_id: int, outcome: GroupOutcome, expected_version: int) -> int:
    ctx.require(Permission.EDIT_GROUP)
    counts = {k: getattr(outcome, k) for k in ("persons_handled", "detained", "arrested", "on_bail",
                                               "prosecuted", "sentenced")}
    for k, v in counts.items():
        if v < 0:
            raise ValidationError("人数不能为负", field=k)
    amount = parse_amount_cents(outcome.amount_involved, "amount_involved") or 0
    stopped = parse_amount_cents(outcome.loss_stopped, "loss_stopped") or 0
    with ctx.uow() as uow:
        row = uow.repo.group(group_id)
        if row.version != expected_version:
            raise ConflictError("此团伙/案件已被他人修改并保存。请重新载入后再改。")
        row.amount_involved_cents, row.loss_stopped_cents = amount, stopped
        for k, v in counts.items():
            setattr(row, k, v)
        uow.flush()
        uow.record("group_outcome", "group", row.reference, {**counts, "amount_cents": amount,
                                                             "stopped_cents": stopped})
        version = row.version
        uow.commit()
    return version

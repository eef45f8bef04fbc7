"""Settings use cases: the institution profile used by referral packages, and channel deadline rules."""

from __future__ import annotations

from dataclasses import dataclass

from greyline.domain.enums import channel_label
from greyline.domain.errors import ConflictError, ValidationError
from greyline.domain.identifiers import check_credit_code, parse_phone
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext


@dataclass(frozen=True)
class InstitutionDraft:
    name: str
    credit_code: str
    address: str
    legal_representative: str
    contact_person: str
    contact_phone: str


@dataclass(frozen=True)
class InstitutionView:
    name: str
    credit_code: str
    address: str
    legal_representative: str
    contact_person: str
    contact_phone: str
    version: int


def institution(ctx: ServiceContext) -> InstitutionView:
    with ctx.reader() as uow:
        row = uow.repo.institution()
        return InstitutionView(row.name, row.credit_code, row.address, row.legal_representative,
                               row.contact_person, row.contact_phone, row.version)


def update_institution(ctx: ServiceContext, draft: InstitutionDraft, expected_version: int) -> int:
    ctx.require(Permission.EDIT_SETTINGS)
    if not draft.name.strip():
        raise ValidationError("请填写机构名称", field="name")
    code = ""
    if draft.credit_code.strip():
        try:
            code = check_credit_code(draft.credit_code).value
        except ValidationError as exc:
            raise ValidationError(exc.reason, field="credit_code") from None
    phone = draft.contact_phone.strip()
    if phone:
        try:
            parse_phone(phone)  # the institution's own number is stored as typed, it is not personal data
        except ValidationError as exc:
            raise ValidationError(exc.reason, field="contact_phone") from None
    with ctx.uow() as uow:
        row = uow.repo.institution()
        if row.version != expected_version:
            raise ConflictError("机构信息已被他人修改并保存。请重新载入后再改。")
        row.name, row.credit_code, row.address = draft.name.strip(), code, draft.address.strip()
        row.legal_representative = draft.legal_representative.strip()
        row.contact_person, row.contact_phone = draft.contact_person.strip(), phone
        uow.flush()
        uow.record("institution_updated", "settings", "institution", {"name": row.name})
        version = row.version
        uow.commit()
    return version


@dataclass(frozen=True)
class ChannelRuleView:
    code: str
    label: str
    deadline_days: int
    working_days: bool
    version: int


def channel_rules(ctx: ServiceContext) -> list[ChannelRuleView]:
    with ctx.reader() as uow:
        return [ChannelRuleView(code, channel_label(code, label), days, working, uow.repo.channel_rule(code).version)
                for code, (days, working, label) in uow.repo.channel_rules().items()]


def set_channel_rule(ctx: ServiceContext, code: str, deadline_days: int, working_days: bool,
                     expected_version: int) -> int:
    """Change a channel's response deadline rule; applies to complaints saved from now on."""
    ctx.require(Permission.EDIT_SETTINGS)
    if not 1 <= deadline_days <= 365:
        raise ValidationError("答复期限应在 1 到 365 天之间", field="deadline_days")
    with ctx.uow() as uow:
        row = uow.repo.channel_rule(code)
        if row.version != expected_version:
            raise ConflictError("此渠道规则已被他人修改并保存。请重新载入后再改。")
        before = (row.deadline_days, row.working_days)
        row.deadline_days, row.working_days = deadline_days, working_days
        uow.flush()
        uow.record("channel_rule_updated", "channel", code, {"before": before, "after": (deadline_days, working_days)})
        version = row.version
        uow.commit()
    return version


def set_do_not_correlate(ctx: ServiceContext, identifier_id: int, flag: bool, reason: str) -> None:
    """Mark a common value (the institution's own hotline, 12378) so it never links complaints."""
    ctx.require(Permission.EDIT_SETTINGS)
    if not reason.strip():
        raise ValidationError("请说明原因", field="reason")
    with ctx.uow() as uow:
        uow.repo.identifier_value(identifier_id)  # NotFound for an unknown id
        uow.repo.set_do_not_correlate(identifier_id, flag)
        uow.record("do_not_correlate", "identifier", identifier_id, {"flag": flag, "reason": reason.strip()})
        members = sorted(uow.detect.identifier_members([identifier_id]).get(identifier_id, set()))
        uow.commit()
    # The complaints using it gain or lose their links through it.
    from greyline.services import detection  # noqa: PLC0415 - detection imports this module's neighbours

    for start in range(0, len(members), 1000):
        detection.after_complaints_saved(ctx, members[start : start + 1000])


# --------------------------------------------------------------------------- channel aliases


@dataclass(frozen=True)
class ChannelAliasView:
    alias: str              # as it was first seen in a file
    code: str
    builtin: bool           # shipped with the program (cannot be removed)
    created_by: str


def channel_aliases(ctx: ServiceContext) -> list[ChannelAliasView]:
    """Every spelling an import recognises per channel: built-in ones first, then those people added."""
    from greyline.domain.work_order_values import BUILTIN_CHANNEL_ALIASES

    with ctx.reader() as uow:
        codes = set(uow.repo.channel_rules())
        stored = uow.repo.channel_aliases()
    out = [ChannelAliasView(alias, code, True, "") for code, spellings in BUILTIN_CHANNEL_ALIASES.items()
           if code in codes for alias in spellings]
    out += [ChannelAliasView(alias, code, False, user) for _key, alias, code, user, _at in stored]
    return out


def set_channel_alias(ctx: ServiceContext, alias: str, code: str) -> None:
    """Recognise ``alias`` as channel ``code`` in later imports (one action, audited)."""
    from greyline.domain.work_order_values import key_of

    ctx.require(Permission.EDIT_SETTINGS)
    key = key_of(alias)
    if not key:
        raise ValidationError("别名不能为空", field="alias")
    if len(alias.strip()) > 200:
        raise ValidationError("别名过长（上限 200 字）", field="alias")
    with ctx.uow() as uow:
        if code not in uow.repo.channel_rules():
            raise ValidationError(f"没有代码为“{code}”的渠道", field="code")
        before = uow.repo.put_channel_alias(key, alias.strip(), code, ctx.actor.username)
        uow.record("channel_alias_set", "channel", code, {"alias": alias.strip(), "before": before})
        uow.commit()


def remove_channel_alias(ctx: ServiceContext, alias: str) -> None:
    from greyline.domain.work_order_values import key_of

    ctx.require(Permission.EDIT_SETTINGS)
    with ctx.uow() as uow:
        code = uow.repo.delete_channel_alias(key_of(alias))
        if code is None:
            raise ValidationError(f"没有别名“{alias}”（内置别名不能删除）", field="alias")
        uow.record("channel_alias_removed", "channel", code, {"alias": alias})
        uow.commit()

"""Link use cases: record a suggested or manual link and let a person confirm or reject it."""

from __future__ import annotations

import datetime as dt

from greyline.domain.enums import LinkKind, LinkStatus
from greyline.domain.errors import ConflictError, ValidationError
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext


def add_manual_link(ctx: ServiceContext, complaint_a: int, complaint_b: int, reason: str) -> int:
    ctx.require(Permission.DECIDE_LINK)
    if complaint_a == complaint_b:
        raise ValidationError("不能把投诉与其自身关联", field="complaint_b")
    if not reason.strip():
        raise ValidationError("请写明关联理由", field="reason")
    with ctx.uow() as uow:
        ra = uow.repo.complaint_ref(complaint_a)[0]
        rb = uow.repo.complaint_ref(complaint_b)[0]
        lid = uow.repo.upsert_link(complaint_a, complaint_b, None, LinkKind.MANUAL.value, 1.0, reason.strip())
        link = uow.repo.link(lid)
        link.status, link.decided_by, link.decided_at = LinkStatus.CONFIRMED.value, ctx.actor.user_id, dt.datetime.now(dt.UTC).replace(tzinfo=None)
        uow.record("link_manual", "link", lid, {"a": ra, "b": rb, "reason": reason.strip()})
        uow.commit()
    return lid


def decide_link(ctx: ServiceContext, link_id: int, status: LinkStatus, expected_version: int) -> int:
    ctx.require(Permission.DECIDE_LINK)
    if status == LinkStatus.SUGGESTED:
        raise ValidationError("只能确认或排除", field="status")
    with ctx.uow() as uow:
        link = uow.repo.link(link_id)
        if link.version != expected_version:
            raise ConflictError("此关联已被他人处理。请重新载入。")
        before = link.status
        link.status, link.decided_by, link.decided_at = status.value, ctx.actor.user_id, dt.datetime.now(dt.UTC).replace(tzinfo=None)
        uow.flush()
        uow.record("link_decided", "link", link_id, {"from": before, "to": status.value, "kind": link.kind})
        version = link.version
        uow.commit()
    return version

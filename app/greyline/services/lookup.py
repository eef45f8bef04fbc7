"""Finding a complaint by what a user types: a Greyline reference or an external work-order number."""

from __future__ import annotations

from greyline.domain.records import ComplaintRef
from greyline.services.context import ServiceContext


def find_complaint(ctx: ServiceContext, ref: str) -> ComplaintRef:
    with ctx.reader() as uow:
        cid = uow.repo.find_complaint(ref)
        reference, channel, external = uow.repo.complaint_ref(cid)
    return ComplaintRef(cid, reference, channel, external)

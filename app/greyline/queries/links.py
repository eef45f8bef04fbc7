"""Links between complaints as plain rows, for the links page and the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from greyline.storage import tables as t
from greyline.storage.db import Store


@dataclass(frozen=True)
class LinkListRow:
    id: int
    a_id: int
    a_reference: str
    b_id: int | None
    b_reference: str
    kind: str
    score: float
    reason: str
    status: str
    created_at: dt.datetime
    version: int


def list_links(store: Store, *, status: str | None = None, limit: int = 500,
               after_id: int | None = None) -> list[LinkListRow]:
    """Links newest first, keyset-paged by id."""
    ca = aliased(t.Complaint)
    cb = aliased(t.Complaint)
    stmt = (
        select(t.Link.id, t.Link.complaint_a_id, ca.reference, t.Link.complaint_b_id, cb.reference, t.Link.kind,
               t.Link.score, t.Link.reason, t.Link.status, t.Link.created_at, t.Link.version)
        .join(ca, ca.id == t.Link.complaint_a_id)
        .outerjoin(cb, cb.id == t.Link.complaint_b_id)
        .order_by(t.Link.id.desc())
        .limit(limit)
    )
    if status:
        stmt = stmt.where(t.Link.status == status)
    if after_id is not None:
        stmt = stmt.where(t.Link.id < after_id)
    with Session(store.read_engine) as session:
        return [LinkListRow(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8], r[9], r[10])
                for r in session.execute(stmt)]

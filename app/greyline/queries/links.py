"""Links between complaints as plain rows, for the links page and the dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
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


@dataclass(frozen=True)
class LinkExportRow:
    """A link between two complaints, with both sides' reference and external work-order number."""

    id: int
    a_reference: str
    a_external_id: str
    b_reference: str
    b_external_id: str
    kind: str
    score: float
    reason: str
    status: str
    source: str


def export_links(store: Store, *, status: str | None = None, kind: str | None = None,
                 batch: int = 5000) -> Iterator[LinkExportRow]:
    """Every pair link in id order, streamed in keyset pages (a full store holds millions)."""
    ca = aliased(t.Complaint)
    cb = aliased(t.Complaint)
    last = 0
    with Session(store.read_engine) as session:
        while True:
            stmt = (
                select(t.Link.id, ca.reference, ca.external_id, cb.reference, cb.external_id, t.Link.kind,
                       t.Link.score, t.Link.reason, t.Link.status, t.Link.source)
                .join(ca, ca.id == t.Link.complaint_a_id)
                .join(cb, cb.id == t.Link.complaint_b_id)
                .where(t.Link.id > last)
                .order_by(t.Link.id)
                .limit(batch)
            )
            if status:
                stmt = stmt.where(t.Link.status == status)
            if kind:
                stmt = stmt.where(t.Link.kind == kind)
            rows = [LinkExportRow(*r) for r in session.execute(stmt)]
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1].id

"""Complaint lists and full-text search: keyset-paged reads returning frozen rows.

Search uses the SQLite FTS5 trigram index for terms of three or more characters; shorter terms (one or
two Chinese characters are common queries) fall back to LIKE, because the trigram index cannot find
them. Every term is quoted as a phrase and LIKE wildcards are escaped, so no input raises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, text, union
from sqlalchemy.orm import Session, aliased

from greyline.storage import tables as t
from greyline.storage.db import Store

SORTS = {"id": t.Complaint.id, "received_at": t.Complaint.received_at, "deadline_at": t.Complaint.deadline_at}


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    reference: str
    channel: str
    external_id: str
    received_at: dt.date
    deadline_at: dt.date | None
    customer_name: str
    contact_masked: str
    status: str
    risk_level: str
    handler: str
    preview: str
    version: int


@dataclass(frozen=True)
class ComplaintFilter:
    search: str = ""
    channels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    risk_levels: tuple[str, ...] = ()
    handler_id: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    indicator: str | None = None
    ids: tuple[int, ...] = field(default_factory=tuple)
    # An id range: the complaints one import created (its ids are consecutive).
    id_range: tuple[int, int] | None = None


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


_CONTROL = {c: " " for c in range(32)} | {0x7F: " "}


def search_condition(query: str, *, sqlite: bool) -> ColumnElement[bool] | None:
    # Control characters (a NUL would end the SQLite string early and match everything) are spaces.
    terms = [w for w in query.translate(_CONTROL).split() if w]
    if not terms:
        return None
    conds: list[ColumnElement[bool]] = []
    long_terms = [w for w in terms if len(w) >= 3] if sqlite else []
    fts = None
    if long_terms:
        match = " ".join(_fts_phrase(w) for w in long_terms)
        fts = select(literal_column("rowid").label("id")).select_from(text("complaint_fts")).where(
            text("complaint_fts MATCH :fts_query").bindparams(fts_query=match))
    for w in terms:
        if w in long_terms:
            continue
        pattern = f"%{_escape_like(w)}%"
        conds.append(or_(t.Complaint.text.like(pattern, escape="\\"), t.Complaint.notes.like(pattern, escape="\\"),
                         t.Complaint.customer_name.like(pattern, escape="\\")))
    if len(terms) == 1 and terms[0].isascii():
        # A reference or work-order number typed into the search box finds that complaint. One IN over a
        # UNION keeps every branch on its index (an OR across them would scan the table).
        by_number = union(
            select(t.Complaint.id).where(t.Complaint.reference == terms[0]),
            select(t.Complaint.id).where(t.Complaint.external_id == terms[0]),
            *([fts] if fts is not None else []),
        )
        if fts is None:
            return or_(t.Complaint.id.in_(by_number), *conds)
        return t.Complaint.id.in_(by_number)
    if fts is not None:
        conds.append(t.Complaint.id.in_(fts))
    return and_(*conds)


def _where(flt: ComplaintFilter, sqlite: bool) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    cond = search_condition(flt.search, sqlite=sqlite)
    if cond is not None:
        where.append(cond)
    if flt.channels:
        where.append(t.Complaint.channel.in_(flt.channels))
    if flt.statuses:
        where.append(t.Complaint.status.in_(flt.statuses))
    if flt.risk_levels:
        where.append(t.Complaint.risk_level.in_(flt.risk_levels))
    if flt.handler_id is not None:
        where.append(t.Complaint.handler_id == flt.handler_id)
    if flt.received_from is not None:
        where.append(t.Complaint.received_at >= flt.received_from)
    if flt.received_to is not None:
        where.append(t.Complaint.received_at <= flt.received_to)
    if flt.indicator:
        where.append(t.Complaint.id.in_(select(t.IndicatorHit.complaint_id).where(t.IndicatorHit.code == flt.indicator)))
    if flt.ids:
        where.append(t.Complaint.id.in_(flt.ids))
    if flt.id_range is not None:
        where.append(t.Complaint.id.between(*flt.id_range))
    return where


def _contact_masked():  # noqa: ANN202 - a correlated scalar subquery
    ci = aliased(t.ComplaintIdentifier)
    idt = aliased(t.Identifier)
    return (
        select(idt.masked)
        .join(ci, ci.identifier_id == idt.id)
        .where(ci.complaint_id == t.Complaint.id, ci.role.in_(("contact_phone", "customer_phone")))
        .order_by(ci.role)  # contact_phone sorts before customer_phone
        .limit(1)
        .scalar_subquery()
    )


def _scan_friendly(flt: ComplaintFilter, sort: str, sqlite: bool) -> tuple[ComplaintFilter, list[ColumnElement[bool]]]:
    """Equality filters on few-valued columns, written so SQLite walks the sort order's index.

    Without this SQLite answers "status = 'checking' ORDER BY received_at" through the status index and
    sorts every match (all 170,000 of them in a million rows) for each page. Wrapping the column in an
    expression (``status || ''``, ``handler_id + 0``) keeps its index out of the plan, so the query walks
    the sort index and stops after one page. A single status or handler with the id order keeps its own
    index: (status, id) and (handler_id, rowid) already give that order without a sort.
    """
    if not sqlite:
        return flt, []
    extra: list[ColumnElement[bool]] = []
    by_id = sort == "id"
    if flt.channels:
        extra.append(t.Complaint.channel.concat("").in_(flt.channels))
    if flt.statuses and not (by_id and len(flt.statuses) == 1):
        extra.append(t.Complaint.status.concat("").in_(flt.statuses))
        flt = replace(flt, statuses=())
    if flt.risk_levels:
        extra.append(t.Complaint.risk_level.concat("").in_(flt.risk_levels))
    if flt.handler_id is not None and not by_id:
        extra.append((t.Complaint.handler_id + 0) == flt.handler_id)
        flt = replace(flt, handler_id=None)
    return replace(flt, channels=(), risk_levels=()), extra


def list_complaints(store: Store, flt: ComplaintFilter = ComplaintFilter(), *, limit: int = 200,
                    sort: str = "id", descending: bool = True,
                    after: tuple[object, int] | None = None) -> list[ComplaintRow]:
    """One page of complaints. ``after`` is the (sort value, id) of the last row of the previous page.

    Every page costs about the same however deep the keyset is, because SQLite walks the sort order's
    index instead of sorting every match (see ``_scan_friendly``)."""
    col = SORTS[sort]
    flt, extra = _scan_friendly(flt, sort, store.is_sqlite)
    stmt = (
        select(t.Complaint.id, t.Complaint.reference, t.Complaint.channel, t.Complaint.external_id,
               t.Complaint.received_at, t.Complaint.deadline_at, t.Complaint.customer_name,
               _contact_masked().label("contact"), t.Complaint.status, t.Complaint.risk_level,
               func.coalesce(t.User.display_name, "").label("handler"),
               func.substr(t.Complaint.text, 1, 80).label("preview"), t.Complaint.version)
        .outerjoin(t.User, t.User.id == t.Complaint.handler_id)
        .where(*_where(flt, store.is_sqlite), *extra)
    )
    if after is not None:
        value, last_id = after
        if col is t.Complaint.id:
            stmt = stmt.where(t.Complaint.id < last_id if descending else t.Complaint.id > last_id)
        elif descending:
            stmt = stmt.where(or_(col < value, and_(col == value, t.Complaint.id < last_id)))
        else:
            stmt = stmt.where(or_(col > value, and_(col == value, t.Complaint.id > last_id)))
    if col is t.Complaint.id:
        stmt = stmt.order_by(t.Complaint.id.desc() if descending else t.Complaint.id)
    else:
        stmt = stmt.order_by(col.desc() if descending else col, t.Complaint.id.desc() if descending else t.Complaint.id)
    stmt = stmt.limit(limit)
    with Session(store.read_engine) as session:
        return [ComplaintRow(*r) for r in session.execute(stmt)]


def count_complaints(store: Store, flt: ComplaintFilter = ComplaintFilter()) -> int:
    with Session(store.read_engine) as session:
        return session.scalar(select(func.count()).select_from(t.Complaint).where(*_where(flt, store.is_sqlite))) or 0


@dataclass(frozen=True)
class HandlerOption:
    """A user who can be a complaint's handler, for filter lists."""

    id: int
    name: str
    active: bool


def list_handlers(store: Store) -> list[HandlerOption]:
    """Every user, active ones first, by name (for the handler filter)."""
    name = func.coalesce(func.nullif(t.User.display_name, ""), t.User.username)
    stmt = select(t.User.id, name, t.User.active).order_by(t.User.active.desc(), name, t.User.id)
    with Session(store.read_engine) as session:
        return [HandlerOption(*r) for r in session.execute(stmt)]

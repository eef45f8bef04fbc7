"""Identifiers shared by several complaints, for the administrator's "do not correlate" list.

A common value (the institution's own hotline, 12378, a mall's street address) links every complaint
that mentions it; administrators find such values here and mark them. Rows carry the masked value
only: the list never decrypts. A full value typed into the search box is still found, by its keyed
hash, so an administrator can look up the hotline number without anything being shown unmasked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session

from greyline.domain.enums import IdentifierType
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import normalise
from greyline.storage import tables as t
from greyline.storage.db import Store

# Types the link detector never correlates (the same ID number twice is one customer complaining
# twice); listing them would only invite pointless flags.
NOT_CORRELATED_TYPES: tuple[str, ...] = (IdentifierType.RESIDENT_ID.value, IdentifierType.IP.value,
                                         IdentifierType.DEVICE.value)
_SEARCH_TYPES = tuple(ty for ty in IdentifierType if ty.value not in NOT_CORRELATED_TYPES)


@dataclass(frozen=True)
class SharedIdentifierRow:
    identifier_id: int
    type: str            # IdentifierType value
    masked: str
    complaints: int      # distinct complaints using it (any role)
    customers: int       # distinct customers among them (a complaint without a customer counts as one)
    do_not_correlate: bool


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _hashes_of(store: Store, text: str) -> list[str]:
    """Keyed hashes of ``text`` read as each identifier type it parses as (a full value typed in)."""
    out: set[str] = set()
    for ty in _SEARCH_TYPES:
        try:
            ident = normalise(ty, text)
        except (ValidationError, ValueError):
            continue
        out.add(store.cipher.hash_value(ident.type.value, ident.value))
    return sorted(out)


def shared_identifiers(store: Store, *, search: str = "", min_complaints: int = 2,
                       limit: int = 200) -> list[SharedIdentifierRow]:
    """Identifiers used by at least ``min_complaints`` complaints, most used first (at most ``limit``),
    together with every identifier marked "do not correlate" (whatever its use). ``search`` matches
    the masked value, or a full value typed in exactly."""
    ci, i, c = t.ComplaintIdentifier, t.Identifier, t.Complaint
    n_complaints = func.count(distinct(ci.complaint_id))
    conds = [i.type.notin_(NOT_CORRELATED_TYPES)]
    term = search.strip()
    if term:
        by_text = i.masked.like(f"%{_escape_like(term)}%", escape="\\")
        hashes = _hashes_of(store, term)
        conds.append(or_(by_text, i.value_hash.in_(hashes)) if hashes else by_text)

    with Session(store.read_engine) as session:
        # Counting first, on complaint_identifiers alone (its identifier index), keeps the join with
        # complaints to the few rows that are shown.
        shared = (
            select(ci.identifier_id, n_complaints.label("n"))
            .join(i, i.id == ci.identifier_id)
            .where(*conds, i.do_not_correlate.is_(False))
            .group_by(ci.identifier_id)
            .having(n_complaints >= max(1, min_complaints))
            .order_by(n_complaints.desc(), ci.identifier_id)
            .limit(max(0, limit))
        )
        ids = [r[0] for r in session.execute(shared)]
        ids += [r[0] for r in session.execute(select(i.id).where(*conds, i.do_not_correlate.is_(True)))]
        if not ids:
            return []
        customer = func.coalesce(c.customer_id, -c.id)
        stmt = (
            select(i.id, i.type, i.masked, i.do_not_correlate,
                   func.count(distinct(ci.complaint_id)), func.count(distinct(customer)))
            .select_from(i)
            .outerjoin(ci, ci.identifier_id == i.id)
            .outerjoin(c, c.id == ci.complaint_id)
            .where(i.id.in_(ids))
            .group_by(i.id, i.type, i.masked, i.do_not_correlate)
        )
        rows = [SharedIdentifierRow(r[0], r[1], r[2], int(r[4] or 0), int(r[5] or 0), bool(r[3]))
                for r in session.execute(stmt)]
    rows.sort(key=lambda r: (-r.complaints, r.identifier_id))
    return rows

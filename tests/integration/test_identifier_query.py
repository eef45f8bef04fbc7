"""The "shared identifiers" read query behind the do-not-correlate list: counts, order, the flagged ones,
search by masked or full value, types that never link left out, masked values only."""

from __future__ import annotations

import datetime as dt

from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.identifiers import SharedIdentifierRow, shared_identifiers
from greyline.services import complaints as cs
from greyline.services.context import ServiceContext
from greyline.services.settings import set_do_not_correlate
from integration.helpers import mobile, person_name, resident_id

HOTLINE = "13912345678"
AGENT = "13787654321"


def _complaint(ctx: ServiceContext, n: int, *, customer: int | None = None, contacts: tuple[str, ...] = ()) -> int:
    who = n if customer is None else customer
    idents = [IdentifierInput("mobile", mobile(30_000_000 + n), "customer_phone")]
    idents += [IdentifierInput("mobile", c, "contact_phone") for c in contacts]
    return cs.create_complaint(ctx, ComplaintDraft(
        channel="12378", external_id=f"EXT-{n:05d}", received_at=dt.date(2026, 4, 1), customer_name=person_name(who),
        customer_id_number=resident_id(who), text=f"第{n}号：催收电话太多，要求停止催收。",
        identifiers=tuple(idents))).id


def _store(ctx: ServiceContext) -> None:
    # The hotline: 4 complaints of 3 customers (customer 1 complained twice). The agent: 2 complaints.
    _complaint(ctx, 1, contacts=(HOTLINE, AGENT))
    _complaint(ctx, 2, customer=1, contacts=(HOTLINE,))
    _complaint(ctx, 3, contacts=(HOTLINE, AGENT))
    _complaint(ctx, 4, contacts=(HOTLINE,))
    _complaint(ctx, 5)


def _by_masked(rows: list[SharedIdentifierRow]) -> dict[str, SharedIdentifierRow]:
    return {r.masked: r for r in rows}


def test_shared_identifiers_most_used_first(ctx: ServiceContext) -> None:
    _store(ctx)
    rows = shared_identifiers(ctx.store)
    assert [r.masked for r in rows] == ["139****5678", "137****4321"]
    hotline, agent = rows
    assert (hotline.type, hotline.complaints, hotline.customers, hotline.do_not_correlate) == ("mobile", 4, 3, False)
    assert (agent.complaints, agent.customers) == (2, 2)
    # Resident ID numbers (customer 1's, used twice) never link, so they are not listed.
    assert all(r.type != "resident_id" for r in rows)
    assert len(shared_identifiers(ctx.store, min_complaints=3)) == 1
    assert len(shared_identifiers(ctx.store, limit=1)) == 1


def test_flagged_identifiers_are_listed_whatever_their_use(ctx: ServiceContext) -> None:
    _store(ctx)
    lonely = [r for r in shared_identifiers(ctx.store, min_complaints=1) if r.complaints == 1][0]
    set_do_not_correlate(ctx, lonely.identifier_id, True, "测试")
    rows = _by_masked(shared_identifiers(ctx.store))
    assert rows[lonely.masked].do_not_correlate and rows[lonely.masked].complaints == 1
    assert len(rows) == 3
    # A flag keeps the identifier listed even when min_complaints would leave it out.
    assert lonely.masked in _by_masked(shared_identifiers(ctx.store, min_complaints=50))


def test_search_by_masked_part_or_full_value(ctx: ServiceContext) -> None:
    _store(ctx)
    assert [r.masked for r in shared_identifiers(ctx.store, search="5678")] == ["139****5678"]
    assert [r.masked for r in shared_identifiers(ctx.store, search=AGENT)] == ["137****4321"]
    assert [r.masked for r in shared_identifiers(ctx.store, search="139 1234 5678")] == ["139****5678"]
    assert shared_identifiers(ctx.store, search="%") == []
    assert shared_identifiers(ctx.store, search="无此号码") == []


def test_empty_store_lists_nothing(ctx: ServiceContext) -> None:
    assert shared_identifiers(ctx.store) == []

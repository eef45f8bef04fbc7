"""The editor's read side for links and risk: what the detector found (detail, source) on each link, the
risk reasons and whether a person chose the level, and the source of each indicator, checked against raw
reads of the store file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from greyline.domain.enums import Indicator, IndicatorSource, LinkStatus, RiskLevel
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaint_detail import LinkRow, complaint_detail, complaint_links
from greyline.services import complaints as svc
from greyline.services import links as link_service
from greyline.services.demo import load_demo


def _create(ctx, ext: str, phone: str, text: str = "贵司暴力催收，要求减免罚息") -> int:  # noqa: ANN001
    return svc.create_complaint(ctx, ComplaintDraft(
        channel="12378", external_id=ext, received_at=dt.date.today() - dt.timedelta(days=1),
        customer_name="张三", text=text,
        identifiers=(IdentifierInput("mobile", phone, "contact_phone"),))).id


def test_links_carry_detail_and_source_as_stored(ctx, db_path) -> None:  # noqa: ANN001
    load_demo(ctx, 120, 7, with_files=False)
    with sqlite3.connect(db_path) as con:
        raw = {r[0]: r[1:] for r in con.execute(
            "SELECT id, complaint_a_id, complaint_b_id, kind, detail, source, status FROM links")}
        cid = con.execute("SELECT complaint_a_id FROM links WHERE kind = 'template' ORDER BY id LIMIT 1").fetchone()[0]
    rows = complaint_links(ctx.store, cid)
    assert rows and {r.kind for r in rows} >= {"template"}
    for r in rows:
        a, b, kind, detail, source, status = raw[r.id]
        assert cid in (a, b) and r.other_id == (b if a == cid else a)
        assert r.kind == kind and r.status == status and r.source == source == "detector"
        assert r.detail == json.loads(detail)
    template = next(r for r in rows if r.kind == "template")
    assert set(template.detail) >= {"jaccard", "shared"} and template.evidence_ids == ()
    # Rows can go into sets and dicts although detail is a dict.
    assert len({*rows}) == len(rows)
    # Undecided first.
    statuses = [r.status for r in rows]
    assert statuses == sorted(statuses, key=lambda s: s != LinkStatus.SUGGESTED.value)


def test_manual_link_is_a_persons(ctx) -> None:  # noqa: ANN001
    a, b = _create(ctx, "W-1", "13800000001"), _create(ctx, "W-2", "13800000002")
    lid = link_service.add_manual_link(ctx, a, b, "同一代理人来电")
    row = next(r for r in complaint_links(ctx.store, a) if r.id == lid)
    assert row.kind == "manual" and row.status == LinkStatus.CONFIRMED.value and row.detail == {}


def test_evidence_ids_of_a_voice_link(ctx) -> None:  # noqa: ANN001
    row = LinkRow(1, 2, "GL-2026-000002", "X", "voice", 0.9, "声纹相似", "suggested", 1,
                  {"evidence": [7, "8", "x"]}, "detector")
    assert row.evidence_ids == (7, 8)
    assert LinkRow(1, 2, "", "", "phone", 1.0, "", "suggested", 1).detail == {}  # old callers still work


def test_risk_reasons_and_indicator_sources(ctx, db_path) -> None:  # noqa: ANN001
    # Three complaints answered from one virtual number: the detector links them and raises indicators.
    ids = [_create(ctx, f"W-{i}", "17012345678") for i in range(3)]
    d = complaint_detail(ctx.store, ids[0])
    with sqlite3.connect(db_path) as con:
        level, manual, reasons = con.execute(
            "SELECT risk_level, risk_manual, risk_reasons FROM complaints WHERE id = ?", (ids[0],)).fetchone()
        sources = dict(con.execute("SELECT code, source FROM indicator_hits WHERE complaint_id = ?", (ids[0],)))
    assert d.risk_level == level and d.risk_manual is bool(manual) is False
    assert d.risk_reasons == tuple(json.loads(reasons))
    assert {h.code: h.source for h in d.indicators} == sources
    assert sources.get(Indicator.SHARED_CONTACT.value) == IndicatorSource.DETECTOR.value

    svc.set_indicator(ctx, ids[0], Indicator.REPEATED, "第二次投诉")
    svc.set_risk_level(ctx, ids[0], RiskLevel.LEVEL1, d.version)
    again = complaint_detail(ctx.store, ids[0])
    assert again.risk_manual and again.risk_level == RiskLevel.LEVEL1.value
    hits = {h.code: h for h in again.indicators}
    assert hits[Indicator.REPEATED.value].source == IndicatorSource.PERSON.value
    assert hits[Indicator.SHARED_CONTACT.value].source == IndicatorSource.DETECTOR.value
    assert hash(again) == hash(complaint_detail(ctx.store, ids[0]))  # still a plain frozen value

"""The work-desk query on a store built through the services: lists, highlights' inputs and counts, and
the query plans (no list may scan the complaints table)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from greyline.domain.enums import ComplaintStatus, GroupStatus, ReferralDecision, ReferralTarget, RiskLevel
from greyline.domain.records import ComplaintDraft
from greyline.queries import dashboard as d
from greyline.services import groups, links, referrals
from greyline.services.complaints import change_status, create_complaint, set_risk_level

TODAY = dt.date.today()


def _add(ctx, ext: str, deadline_days: int, received_days: int = -10) -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(
        channel="12378", external_id=ext, received_at=TODAY + dt.timedelta(days=received_days),
        deadline_at=TODAY + dt.timedelta(days=deadline_days), text="要求减免罚息并停止催收")).id


def _close(ctx, cid: int) -> None:  # noqa: ANN001
    v = change_status(ctx, cid, ComplaintStatus.PENDING, 1)
    v = change_status(ctx, cid, ComplaintStatus.NORMAL, v)
    change_status(ctx, cid, ComplaintStatus.CLOSED, v)


@pytest.fixture
def desk(ctx, user_factory):  # noqa: ANN001, ANN201
    ids = {
        "over_old": _add(ctx, "W-1", -5),
        "over_new": _add(ctx, "W-2", -1),
        "over_closed": _add(ctx, "W-3", -10),
        "today": _add(ctx, "W-4", 0),
        "soon": _add(ctx, "W-5", 3),
        "later": _add(ctx, "W-6", 4),
        "abnormal": _add(ctx, "W-7", 20),
        "risky": _add(ctx, "W-8", 20),
    }
    other = user_factory("li", "handler")
    ids["others"] = _add(other, "W-9", 1)
    _close(ctx, ids["over_closed"])
    v = change_status(ctx, ids["abnormal"], ComplaintStatus.PENDING, 1)
    change_status(ctx, ids["abnormal"], ComplaintStatus.ABNORMAL, v)
    set_risk_level(ctx, ids["risky"], RiskLevel.LEVEL2, 1)

    # Two suggestions (one to a group), one confirmed manual link that must not show.
    g_ready, _ = groups.create_group(ctx, "某咨询公司代理维权团伙", [ids["over_old"], ids["over_new"]])
    groups.set_status(ctx, g_ready, GroupStatus.READY, 1)
    g_inv, _ = groups.create_group(ctx, "调查中的团伙", [ids["soon"]])
    groups.set_status(ctx, g_inv, GroupStatus.INVESTIGATING, 1)
    with ctx.uow() as uow:
        ids["link_pair"] = uow.repo.upsert_link(ids["today"], ids["soon"], None, "phone", 0.9, "联系电话相同")
        ids["link_group"] = uow.repo.upsert_link(ids["later"], None, g_ready, "template", 0.8, "文本与团伙模板雷同")
        uow.commit()
    links.add_manual_link(ctx, ids["abnormal"], ids["risky"], "同一代理人")

    # Referrals: one without decision and one accepted (both await the agency), one refused (does not).
    for title, decision in (("待决定一", None), ("待决定二", ReferralDecision.ACCEPTED),
                            ("已拒绝", ReferralDecision.REFUSED)):
        gid, _ = groups.create_group(ctx, title, [ids["later"]])
        rid = referrals.record_referral(ctx, gid, referrals.ReferralDraft(
            ReferralTarget.POLICE, "某市公安局", TODAY - dt.timedelta(days=9)))
        if decision is not None:
            referrals.record_decision(ctx, rid, decision, TODAY - dt.timedelta(days=2))
    ids["g_ready"], ids["g_inv"] = g_ready, g_inv
    return ids


def test_lists_and_counts(ctx, desk) -> None:  # noqa: ANN001
    data = d.dashboard(ctx.store, ctx.actor.user_id, TODAY)
    assert [r.id for r in data.overdue] == [desk["over_old"], desk["over_new"]]
    assert [r.id for r in data.due_soon] == [desk["today"], desk["others"], desk["soon"]]
    mine = [r.id for r in data.my_open]
    assert mine == sorted(mine, reverse=True)  # newest first
    assert set(mine) == {desk[k] for k in ("over_old", "over_new", "today", "soon", "later", "abnormal", "risky")}
    row = next(r for r in data.my_open if r.id == desk["abnormal"])
    assert (row.external_id, row.channel, row.status, row.received_at) == (
        "W-7", "12378", "abnormal", TODAY - dt.timedelta(days=10))
    assert row.reference.startswith("GL-")

    assert [(lk.id, lk.reference_a, lk.reference_b) for lk in data.new_links] == [
        (desk["link_group"], row_ref(data, desk["later"]), groups_ref(ctx, desk["g_ready"])),
        (desk["link_pair"], row_ref(data, desk["today"]), row_ref(data, desk["soon"])),
    ]
    assert data.new_links[1].complaint_b_id == desk["soon"] and data.new_links[0].group_id == desk["g_ready"]
    assert [(g.id, g.complaints) for g in data.ready_groups] == [(desk["g_ready"], 2)]

    c = data.counts
    assert c.open_complaints == 8
    assert c.my_open == 7
    assert (c.overdue, c.due_soon) == (2, 3)
    assert c.suspected_abnormal == 2
    assert (c.groups_investigating, c.groups_ready) == (1, 1)
    assert c.referrals_awaiting == 2
    assert c.links_suggested == 2


def row_ref(data: d.Dashboard, cid: int) -> str:
    for r in data.my_open + data.due_soon + data.overdue:
        if r.id == cid:
            return r.reference
    raise KeyError(cid)


def groups_ref(ctx, gid: int) -> str:  # noqa: ANN001
    with ctx.reader() as uow:
        return uow.repo.group(gid).reference


def test_other_user_sees_only_own_complaints_as_mine(ctx, desk) -> None:  # noqa: ANN001
    with ctx.reader() as uow:
        li = uow.repo.user_by_name("li").id
    data = d.dashboard(ctx.store, li, TODAY)
    assert [r.id for r in data.my_open] == [desk["others"]]
    assert data.counts.my_open == 1


def test_closing_removes_from_every_list(ctx, desk) -> None:  # noqa: ANN001
    _close(ctx, desk["over_old"])
    data = d.dashboard(ctx.store, ctx.actor.user_id, TODAY)
    assert desk["over_old"] not in {r.id for r in data.overdue + data.my_open}
    assert data.counts.overdue == 1


def test_both_plans_give_the_same_rows(ctx, desk) -> None:  # noqa: ANN001
    with Session(ctx.store.read_engine) as session:
        a = session.execute(d.overdue_statement(TODAY, d.Plan(via_status=True))).all()
        b = session.execute(d.overdue_statement(TODAY, d.Plan(via_status=False))).all()
    assert a == b and len(a) == 2
    assert d.choose_plan(1_000_000, 990_000).via_status and not d.choose_plan(1_000_000, 0).via_status


def _plan(session: Session, stmt) -> list[str]:  # noqa: ANN001
    compiled = stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return [row[-1] for row in session.execute(text("EXPLAIN QUERY PLAN " + str(compiled)))]


@pytest.mark.parametrize("via_status", [True, False])
def test_no_list_scans_the_complaints_table(ctx, desk, via_status: bool) -> None:  # noqa: ANN001
    plan = d.Plan(via_status=via_status)
    statements = {
        "mine": d.my_open_statement(ctx.actor.user_id),
        "due_soon": d.due_soon_statement(TODAY),
        "overdue": d.overdue_statement(TODAY, plan),
        "links": d.new_links_statement(),
    }
    with Session(ctx.store.read_engine) as session:
        for name, stmt in statements.items():
            lines = _plan(session, stmt)
            touching = [ln for ln in lines if "complaints" in ln and "group_complaints" not in ln]
            assert touching, (name, lines)
            for ln in touching:
                assert ln.startswith("SEARCH"), (name, lines)
        overdue = _plan(session, statements["overdue"])
        expected = "ix_complaints_status" if via_status else "ix_complaints_deadline"
        assert any(expected in ln for ln in overdue), overdue

"""Outcome statistics over a store built through the services, and the page that shows them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from greyline.domain.enums import ComplaintStatus, GroupStatus, ReferralDecision, ReferralTarget, RiskLevel
from greyline.domain.records import ComplaintDraft
from greyline.queries.statistics import outcome_statistics
from greyline.services import groups, referrals
from greyline.services.complaints import change_status, create_complaint, set_risk_level
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.pages.statistics_page import StatisticsPage

TODAY = dt.date.today()
FROM, TO = TODAY - dt.timedelta(days=60), TODAY


def _d(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _complaint(ctx, ext: str, channel: str, received: int) -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(channel=channel, external_id=ext, received_at=_d(received),
                                                text="要求减免")).id


@pytest.fixture
def built(ctx):  # noqa: ANN001, ANN201
    c1 = _complaint(ctx, "S-1", "12378", -10)
    v = change_status(ctx, c1, ComplaintStatus.PENDING, 1)
    change_status(ctx, c1, ComplaintStatus.ABNORMAL, v)
    c2 = _complaint(ctx, "S-2", "12378", -10)
    v = change_status(ctx, c2, ComplaintStatus.PENDING, 1)
    v = change_status(ctx, c2, ComplaintStatus.NORMAL, v)
    change_status(ctx, c2, ComplaintStatus.CLOSED, v)
    c3 = _complaint(ctx, "S-3", "12315", -5)
    set_risk_level(ctx, c3, RiskLevel.LEVEL1, 1)
    c4 = _complaint(ctx, "S-4", "12378", -100)  # received before the period
    v = change_status(ctx, c4, ComplaintStatus.PENDING, 1)
    change_status(ctx, c4, ComplaintStatus.ABNORMAL, v)

    g1, _ = groups.create_group(ctx, "甲团伙", [c1])
    g2, _ = groups.create_group(ctx, "乙团伙", [c3])
    g3, _ = groups.create_group(ctx, "丙团伙", [c4])
    groups.set_outcome(ctx, g1, groups.GroupOutcome("12,345.67", "", 3, 2, 1, 1, 1, 0), 1)
    groups.set_outcome(ctx, g2, groups.GroupOutcome("1000", "500", 2, 1), 1)

    def refer(gid: int, target: ReferralTarget, sent: int, *decisions: tuple[ReferralDecision, int]) -> None:
        rid = referrals.record_referral(ctx, gid, referrals.ReferralDraft(target, "某机关", _d(sent)))
        for decision, on in decisions:
            referrals.record_decision(ctx, rid, decision, _d(on))

    A, C, P = ReferralDecision.ACCEPTED, ReferralDecision.CASE_OPENED, ReferralDecision.PUBLIC_ORDER
    refer(g1, ReferralTarget.POLICE, -90, (A, -85), (C, -40))          # sent and accepted before the period
    refer(g1, ReferralTarget.POLICE, -30, (A, -26), (C, -16))          # 4 days, then 10 days
    refer(g2, ReferralTarget.MARKET_SUPERVISION, -7, (A, -6), (C, -1))  # 1 day, then 5 days
    refer(g2, ReferralTarget.POLICE, -20, (A, -18), (ReferralDecision.REFUSED, -10),
          (ReferralDecision.RECONSIDERATION, -5))                      # 2 days
    refer(g3, ReferralTarget.POLICE, -3, (P, -2))
    return {"groups": (g1, g2, g3)}


def test_figures(ctx, built) -> None:  # noqa: ANN001
    s = outcome_statistics(ctx.store, FROM, TO)
    assert s.complaints_received == 3
    assert s.by_channel == (("12378", 2), ("12315", 1))
    assert s.by_status == (("new", 1), ("abnormal", 1), ("closed", 1))
    assert s.suspected_abnormal == 2

    assert s.groups_created == 3
    assert dict(s.groups_by_status) == {GroupStatus.CASE_OPENED.value: 2, GroupStatus.RECONSIDERATION.value: 1}
    assert (s.persons_handled, s.detained, s.arrested, s.on_bail, s.prosecuted, s.sentenced) == (5, 3, 1, 1, 1, 0)
    assert (s.amount_involved_cents, s.loss_stopped_cents) == (1_334_567, 50_000)

    assert s.referrals == 4
    assert (s.accepted, s.case_opened, s.public_order, s.refused, s.reconsiderations) == (3, 3, 1, 1, 1)
    police = next(f for f in s.by_target if f.target == "police")
    market = next(f for f in s.by_target if f.target == "market_supervision")
    assert (police.referred, police.accepted, police.case_opened, police.public_order, police.refused,
            police.reconsideration) == (3, 2, 2, 1, 1, 1)
    assert (market.referred, market.accepted, market.case_opened) == (1, 1, 1)
    assert [f.target for f in s.by_target] == [t.value for t in ReferralTarget]

    assert s.acceptance_samples == 3 and s.avg_days_to_acceptance == pytest.approx(7 / 3)
    assert s.case_opening_samples == 3 and s.avg_days_to_case_opening == pytest.approx(20.0)


def test_a_narrow_period_counts_only_what_happened_in_it(ctx, built) -> None:  # noqa: ANN001
    s = outcome_statistics(ctx.store, _d(-7), _d(-1))
    assert s.complaints_received == 1 and s.by_channel == (("12315", 1),)
    assert s.referrals == 2                       # the 12315 report 7 days ago, the police report 3 days ago
    assert (s.accepted, s.case_opened, s.public_order, s.refused, s.reconsiderations) == (1, 1, 1, 0, 1)
    assert s.avg_days_to_acceptance == pytest.approx(1.0)
    assert s.avg_days_to_case_opening == pytest.approx(5.0)


def test_empty_period(ctx, built) -> None:  # noqa: ANN001
    s = outcome_statistics(ctx.store, dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert (s.complaints_received, s.referrals, s.groups_created, s.accepted) == (0, 0, 0, 0)
    assert s.avg_days_to_acceptance is None and s.avg_days_to_case_opening is None
    assert all(f.referred == 0 for f in s.by_target)


def _loaded(qtbot, ctx) -> StatisticsPage:  # noqa: ANN001
    page = StatisticsPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    page.date_from.setDate(QDate(FROM.year, FROM.month, FROM.day))
    page.date_to.setDate(QDate(TO.year, TO.month, TO.day))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    return page


def test_page_shows_the_figures(qtbot, qtmodeltester, ctx, built) -> None:  # noqa: ANN001
    page = _loaded(qtbot, ctx)
    o = page.outcomes_model
    assert (o.value("移送/报案"), o.value("受案"), o.value("刑事立案"), o.value("治安案件")) == ("4", "3", "3", "1")
    assert (o.value("不予立案"), o.value("申请复议"), o.value("处理人数"), o.value("刑事拘留")) == ("1", "1", "5", "3")
    assert o.value("涉案金额（元）") == "13,345.67" and o.value("止损/拦截金额（元）") == "500.00"
    assert o.value("移送至受案平均天数") == "2.3 天（3 起）"
    assert o.value("受案至立案平均天数") == "20.0 天（3 起）"
    t = page.targets_model
    assert [t.value("公安机关", c) for c in range(1, 7)] == ["3", "2", "2", "1", "1", "1"]
    assert t.value("合计", 1) == "4" and t.value("市场监管（12315）", 3) == "1"
    assert page.channels_model.value("12378 金融监管投诉热线") == "2"
    assert page.channels_model.value("合计") == "3"
    assert page.statuses_model.value("已认定异常维权") == "1"
    assert page.statuses_model.value("其中疑似异常维权") == "2"
    assert page.groups_model.value("已立案") == "2" and page.groups_model.value("合计") == "3"
    assert FROM.isoformat() in page.status_label.text()
    for model in (page.targets_model, page.outcomes_model, page.channels_model, page.statuses_model,
                  page.groups_model):
        qtmodeltester.check(model)


def test_period_buttons(qtbot, ctx) -> None:  # noqa: ANN001
    page = StatisticsPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.set_period("last_year", dt.date(2026, 5, 20))
    assert page.period() == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert page.stats is not None and page.stats.date_from == dt.date(2025, 1, 1)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.set_period("quarter", dt.date(2026, 5, 20))
    assert page.period() == (dt.date(2026, 4, 1), dt.date(2026, 5, 20))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.set_period("12_months", dt.date(2024, 2, 29))
    assert page.period() == (dt.date(2023, 3, 1), dt.date(2024, 2, 29))


def test_reversed_dates_are_swapped(qtbot, ctx) -> None:  # noqa: ANN001
    page = StatisticsPage(ctx, RecordingNavigator())
    qtbot.addWidget(page)
    page.date_from.setDate(QDate(2026, 3, 1))
    page.date_to.setDate(QDate(2026, 1, 1))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    assert page.period() == (dt.date(2026, 1, 1), dt.date(2026, 3, 1))

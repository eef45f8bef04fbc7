"""Response and follow-up deadlines.

Weekends are skipped for rules counted in working days; public holidays are not modelled (they vary by
year and are announced late), which is why deadlines stay editable.
"""

from __future__ import annotations

import datetime as dt


def add_days(start: dt.date, days: int, *, working_days: bool = False) -> dt.date:
    if not working_days:
        return start + dt.timedelta(days=days)
    d = start
    left = days
    while left > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            left -= 1
    return d


def response_deadline(received: dt.date, deadline_days: int, working_days: bool) -> dt.date:
    return add_days(received, deadline_days, working_days=working_days)


# What follows a police or regulator decision (domain.md "Referral to police" / "12315").
DECISION_FOLLOW_UP: dict[str, tuple[int, bool, str]] = {
    "refused": (7, False, "申请复议期限（收到不予立案通知后 7 日内）"),
    "reconsideration": (30, False, "复议决定期限（30 日内）"),
    "reconsideration_result": (7, False, "申请复核期限（7 日内）"),
    "review": (30, False, "复核决定期限（30 日内）"),
    "public_order": (30, False, "治安案件办理期限（30 日，经批准可延长 30 日）"),
    "accepted": (30, False, "立案审查跟进（建议 30 日内跟进是否立案）"),
}


def decision_deadline(decision: str, decided_on: dt.date) -> tuple[dt.date | None, str]:
    rule = DECISION_FOLLOW_UP.get(decision)
    if rule is None:
        return None, ""
    days, working, label = rule
    return add_days(decided_on, days, working_days=working), label

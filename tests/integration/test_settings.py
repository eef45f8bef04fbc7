"""Settings services: institution profile, channel deadline rules, do-not-correlate flags."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from greyline.domain.errors import ConflictError, PermissionDenied, ValidationError
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.services import settings
from greyline.services.complaints import add_identifier, create_complaint

PROFILE = settings.InstitutionDraft("星河消费金融股份有限公司", "91350100M000100Y43", "福建省福州市鼓楼区五四路1号",
                                    "王某", "李某", "0591-87654321")


def test_institution_profile_round_trip_and_conflict(ctx) -> None:  # noqa: ANN001
    before = settings.institution(ctx)
    assert before.name == ""
    version = settings.update_institution(ctx, PROFILE, before.version)
    after = settings.institution(ctx)
    assert (after.name, after.credit_code, after.version) == (PROFILE.name, PROFILE.credit_code, version)
    with pytest.raises(ConflictError):
        settings.update_institution(ctx, PROFILE, before.version)


@pytest.mark.parametrize(("field", "draft"), [
    ("credit_code", settings.InstitutionDraft("某机构", "91350100M000100Y44", "", "", "", "")),
    ("name", settings.InstitutionDraft(" ", "", "", "", "", "")),
    ("contact_phone", settings.InstitutionDraft("某机构", "", "", "", "", "电话打不通")),
])
def test_institution_profile_refuses_bad_values(ctx, field: str, draft) -> None:  # noqa: ANN001
    version = settings.institution(ctx).version
    with pytest.raises(ValidationError) as info:
        settings.update_institution(ctx, draft, version)
    assert info.value.field == field
    assert settings.institution(ctx).version == version


def test_channel_rule_changes_deadline_of_new_complaints(ctx) -> None:  # noqa: ANN001
    rule = next(r for r in settings.channel_rules(ctx) if r.code == "12378")
    assert rule.deadline_days == 15
    settings.set_channel_rule(ctx, "12378", 30, False, rule.version)
    ref = create_complaint(ctx, ComplaintDraft("12378", "W-1", dt.date(2026, 5, 1)))
    from greyline.queries.complaints import ComplaintFilter, list_complaints

    row = list_complaints(ctx.store, ComplaintFilter(ids=(ref.id,)))[0]
    assert row.deadline_at == dt.date(2026, 5, 31)
    with pytest.raises(ValidationError):
        settings.set_channel_rule(ctx, "12378", 0, False, rule.version + 1)


def test_only_admins_change_settings(ctx, user_factory) -> None:  # noqa: ANN001
    legal = user_factory("legal1", "legal")
    with pytest.raises(PermissionDenied):
        settings.update_institution(legal, PROFILE, 1)


def test_do_not_correlate_flag(ctx) -> None:  # noqa: ANN001
    ref = create_complaint(ctx, ComplaintDraft("12378", "W-2", dt.date(2026, 5, 1)))
    iid = add_identifier(ctx, ref.id, IdentifierInput("landline", "95588", "contact_phone"))
    settings.set_do_not_correlate(ctx, iid, True, "银行客服热线")
    con = sqlite3.connect(ctx.store.location.sqlite_path)
    try:
        assert con.execute("SELECT do_not_correlate FROM identifiers WHERE id=?", (iid,)).fetchone() == (1,)
    finally:
        con.close()

"""Use cases against a real store: complaints, identifiers, contacts, evidence, groups, referrals, links, users."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from greyline.domain.enums import (
    ComplaintStatus,
    ContactDirection,
    ContactKind,
    EvidenceKind,
    GroupStatus,
    Indicator,
    LegalKind,
    LinkStatus,
    PartyKind,
    ReferralDecision,
    ReferralTarget,
)
from greyline.domain.errors import (
    ConflictError,
    DomainError,
    Duplicate,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.services import complaints as cs
from greyline.services import evidence as es
from greyline.services import groups as gs
from greyline.services import links as ls
from greyline.services import referrals as rs
from greyline.services import users as us
from greyline.services.context import ServiceContext, sign_in
from integration.helpers import (
    count,
    credit_code,
    db_file,
    draft,
    last_audit,
    person_name,
    resident_id,
    sqlite_exec,
    sqlite_rows,
    version_of,
)

TODAY = dt.date.today()


def row_of(ctx: ServiceContext, complaint_id: int):  # noqa: ANN201
    return list_complaints(ctx.store, ComplaintFilter(ids=(complaint_id,)))[0]


def changes(**overrides: object) -> cs.ComplaintChanges:
    values: dict[str, object] = dict(received_at=dt.date(2026, 4, 1), deadline_at=None, customer_name="王伟",
                                     contract_no="HT-1", loan_no="LN-1", overdue_amount="1,234.50",
                                     text="修改后的投诉内容", notes="", demands=("停止催收",), category="催收")
    values.update(overrides)
    return cs.ComplaintChanges(**values)  # type: ignore[arg-type]


def identifier_ids(ctx: ServiceContext, complaint_id: int, role: str) -> list[int]:
    return [r[0] for r in sqlite_rows(db_file(ctx), "SELECT identifier_id FROM complaint_identifiers "
                                                    "WHERE complaint_id=? AND role=?", (complaint_id, role))]


@pytest.fixture
def complaint(ctx: ServiceContext):  # noqa: ANN201
    return cs.create_complaint(ctx, draft(1))


@pytest.fixture
def group(ctx: ServiceContext, complaint) -> int:  # noqa: ANN001
    gid, _ = gs.create_group(ctx, "深圳某咨询公司代理维权团伙", [complaint.id], "多名客户共用联系电话")
    return gid


# --------------------------------------------------------------------------- complaints


def test_create_complaint_stores_it_with_reference_customer_and_identifiers(ctx: ServiceContext) -> None:
    ref = cs.create_complaint(ctx, draft(7, text="请联系13912345678处理"))
    db = db_file(ctx)
    assert ref.reference == f"GL-{TODAY.year}-000001"
    assert (ref.channel, ref.external_id) == ("12378", "EXT-00007")
    row = row_of(ctx, ref.id)
    assert row.reference == ref.reference and row.status == "new" and row.version == 1
    assert row.handler == "tester"
    # The phone in the text is masked in the stored text and kept as an identifier instead.
    assert sqlite_rows(db, "SELECT text FROM complaints WHERE id=?", (ref.id,)) == [("请联系139****5678处理",)]
    assert len(identifier_ids(ctx, ref.id, "text_mention")) == 1
    assert len(identifier_ids(ctx, ref.id, "customer_id")) == 1
    assert len(identifier_ids(ctx, ref.id, "customer_phone")) == 1
    # The customer became a party with sex and birth date from the ID number.
    assert sqlite_rows(db, "SELECT p.name, p.sex, p.birth_date FROM parties p JOIN complaint_parties cp "
                           "ON cp.party_id = p.id WHERE cp.complaint_id=?", (ref.id,)) == [(person_name(7), "男", "1985-03-14")]
    second = cs.create_complaint(ctx, draft(8))
    assert second.reference == f"GL-{TODAY.year}-000002"


def test_same_customer_id_in_two_complaints_is_one_party(ctx: ServiceContext) -> None:
    a = cs.create_complaint(ctx, draft(1, customer_id_number=resident_id(5)))
    b = cs.create_complaint(ctx, draft(2, channel="12363", customer_id_number=resident_id(5)))
    parties = sqlite_rows(db_file(ctx), "SELECT complaint_id, party_id FROM complaint_parties ORDER BY complaint_id")
    assert [c for c, _ in parties] == [a.id, b.id]
    assert parties[0][1] == parties[1][1]


def test_duplicate_external_id_in_the_same_channel_is_refused(ctx: ServiceContext) -> None:
    cs.create_complaint(ctx, draft(1, external_id="12378-2026-0000001"))
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(Duplicate, match="12378-2026-0000001"):
        cs.create_complaint(ctx, draft(2, external_id="12378-2026-0000001"))
    assert count(db_file(ctx), "complaints") == 1
    assert count(db_file(ctx), "audit_events") == events


def test_same_external_id_in_another_channel_is_allowed(ctx: ServiceContext) -> None:
    a = cs.create_complaint(ctx, draft(1, external_id="W-001", channel="12378"))
    b = cs.create_complaint(ctx, draft(2, external_id="W-001", channel="12315"))
    assert a.id != b.id
    assert count(db_file(ctx), "complaints") == 2


@pytest.mark.parametrize(("channel", "received", "expected"), [
    ("12378", dt.date(2026, 4, 1), dt.date(2026, 4, 16)),     # 15 calendar days
    ("petition", dt.date(2026, 4, 1), dt.date(2026, 5, 1)),   # 30 calendar days
    ("12315", dt.date(2026, 4, 3), dt.date(2026, 4, 14)),     # 7 working days from a Friday
])
def test_deadline_follows_the_channel_rule(ctx: ServiceContext, channel: str, received: dt.date,
                                           expected: dt.date) -> None:
    ref = cs.create_complaint(ctx, draft(1, channel=channel, received_at=received))
    assert row_of(ctx, ref.id).deadline_at == expected


def test_deadline_uses_the_rule_as_configured_now(ctx: ServiceContext) -> None:
    sqlite_exec(db_file(ctx), "UPDATE channel_rules SET deadline_days=10 WHERE code='12378'")
    ref = cs.create_complaint(ctx, draft(1, received_at=dt.date(2026, 4, 1)))
    assert row_of(ctx, ref.id).deadline_at == dt.date(2026, 4, 11)


def test_an_explicit_deadline_is_kept(ctx: ServiceContext) -> None:
    ref = cs.create_complaint(ctx, draft(1, deadline_at=dt.date(2026, 4, 5)))
    assert row_of(ctx, ref.id).deadline_at == dt.date(2026, 4, 5)


@pytest.mark.parametrize(("field", "overrides"), [
    ("channel", {"channel": "no_such_channel"}),
    ("external_id", {"external_id": "  "}),
    ("received_at", {"received_at": TODAY + dt.timedelta(days=10)}),
    ("customer_id_number", {"customer_id_number": "110105198503140000"}),
    ("customer_phone", {"identifiers": (IdentifierInput("mobile", "1381234567", "customer_phone"),)}),
    ("overdue_amount", {"overdue_amount": "一万"}),
])
def test_invalid_drafts_are_refused_naming_the_field(ctx: ServiceContext, field: str, overrides: dict) -> None:
    with pytest.raises(ValidationError) as info:
        cs.create_complaint(ctx, draft(1, **overrides))
    assert info.value.field == field
    assert count(db_file(ctx), "complaints") == 0


def test_update_complaint_saves_the_changes(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    version = cs.update_complaint(ctx, complaint.id, 1, changes(received_at=dt.date(2026, 4, 2),
                                                                text="新内容，回电18612345678"))
    assert version == 2
    row = row_of(ctx, complaint.id)
    assert (row.customer_name, row.received_at, row.deadline_at) == ("王伟", dt.date(2026, 4, 2), dt.date(2026, 4, 17))
    assert row.preview == "新内容，回电186****5678"
    stored = sqlite_rows(db_file(ctx), "SELECT overdue_cents, demands, category, contract_no FROM complaints "
                                       "WHERE id=?", (complaint.id,))[0]
    assert stored[0] == 123450 and json.loads(stored[1]) == ["停止催收"] and stored[2:] == ("催收", "HT-1")
    assert len(identifier_ids(ctx, complaint.id, "text_mention")) == 1
    assert last_audit(db_file(ctx))[1:4] == ("complaint_updated", "complaint", complaint.reference)


def test_update_with_invalid_values_changes_nothing(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as info:
        cs.update_complaint(ctx, complaint.id, 1, changes(overdue_amount="abc"))
    assert info.value.field == "overdue_amount"
    assert row_of(ctx, complaint.id).version == 1


def test_update_of_a_missing_complaint_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound):
        cs.update_complaint(ctx, 4242, 1, changes())


def test_change_status_allows_the_defined_transitions(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    v = cs.change_status(ctx, complaint.id, ComplaintStatus.CHECKING, 1)
    v = cs.change_status(ctx, complaint.id, ComplaintStatus.PENDING, v)
    v = cs.change_status(ctx, complaint.id, ComplaintStatus.ABNORMAL, v)
    v = cs.change_status(ctx, complaint.id, ComplaintStatus.CLOSED, v)
    row = row_of(ctx, complaint.id)
    assert (row.status, row.version) == ("closed", v)
    detail = json.loads(last_audit(db_file(ctx))[4])
    assert detail == {"from": "abnormal", "to": "closed"}


@pytest.mark.parametrize("target", [ComplaintStatus.CLOSED, ComplaintStatus.ABNORMAL, ComplaintStatus.NORMAL])
def test_change_status_refuses_a_jump(ctx: ServiceContext, complaint, target: ComplaintStatus) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as info:
        cs.change_status(ctx, complaint.id, target, 1)
    assert info.value.field == "status"
    row = row_of(ctx, complaint.id)
    assert (row.status, row.version) == ("new", 1)


def test_change_status_with_a_stale_version_conflicts(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    cs.change_status(ctx, complaint.id, ComplaintStatus.CHECKING, 1)
    with pytest.raises(ConflictError):
        cs.change_status(ctx, complaint.id, ComplaintStatus.PENDING, 1)
    assert row_of(ctx, complaint.id).status == "checking"


def test_indicators_set_update_and_clear(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    db = db_file(ctx)
    cs.set_indicator(ctx, complaint.id, Indicator.SHARED_CONTACT, "与另两笔共用电话")
    cs.set_indicator(ctx, complaint.id, Indicator.SHARED_CONTACT, "与另三笔共用电话")
    cs.set_indicator(ctx, complaint.id, Indicator.DEMANDS)
    assert sqlite_rows(db, "SELECT code, note, source FROM indicator_hits ORDER BY code") == [
        ("DEMANDS", "", "person"), ("SHARED_CONTACT", "与另三笔共用电话", "person")]
    flt = ComplaintFilter(indicator="SHARED_CONTACT")
    assert [r.id for r in list_complaints(ctx.store, flt)] == [complaint.id]

    assert cs.clear_indicator(ctx, complaint.id, Indicator.SHARED_CONTACT) is True
    assert cs.clear_indicator(ctx, complaint.id, Indicator.SHARED_CONTACT) is False
    assert sqlite_rows(db, "SELECT code FROM indicator_hits") == [("DEMANDS",)]
    assert list_complaints(ctx.store, flt) == []


def test_add_identifier_links_a_normalised_encrypted_value(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    iid = cs.add_identifier(ctx, complaint.id, IdentifierInput("mobile", "139 1234 5678", "contact_phone"))
    assert identifier_ids(ctx, complaint.id, "contact_phone") == [iid]
    assert sqlite_rows(db_file(ctx), "SELECT type, masked FROM identifiers WHERE id=?", (iid,)) == [
        ("mobile", "139****5678")]
    # The same number typed differently is the same identifier.
    assert cs.add_identifier(ctx, complaint.id, IdentifierInput("mobile", "+86-139-1234-5678", "agent_phone")) == iid
    assert row_of(ctx, complaint.id).contact_masked == "139****5678"


def test_add_identifier_with_a_bad_phone_names_the_field(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    identifiers = count(db_file(ctx), "identifiers")
    with pytest.raises(ValidationError) as info:
        cs.add_identifier(ctx, complaint.id, IdentifierInput("mobile", "1381234567", "contact_phone"))
    assert info.value.field == "contact_phone"
    assert "contact_phone" in info.value.message
    assert count(db_file(ctx), "identifiers") == identifiers


def test_log_contact_stores_the_call_and_links_the_number(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    when = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2)
    cid = cs.log_contact(ctx, complaint.id, cs.ContactDraft(
        ContactKind.CALL, ContactDirection.OUTBOUND, when, our_number="95xxx", their_number="13712345678",
        answered_by="自称客户的男子", outcome="对方拒绝核实身份"))
    rows = sqlite_rows(db_file(ctx), "SELECT complaint_id, kind, direction, occurred_at, answered_by, outcome, "
                                     "their_identifier_id FROM contact_logs WHERE id=?", (cid,))
    assert rows[0][:3] == (complaint.id, "call", "outbound")
    assert dt.datetime.fromisoformat(rows[0][3]) == when
    assert rows[0][4:6] == ("自称客户的男子", "对方拒绝核实身份")
    assert rows[0][6] in identifier_ids(ctx, complaint.id, "contact_phone")
    assert json.loads(last_audit(db_file(ctx))[4])["their"] == "137****5678"


def test_log_contact_refuses_bad_input(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    now = dt.datetime.now()
    with pytest.raises(ValidationError) as info:
        cs.log_contact(ctx, complaint.id, cs.ContactDraft(ContactKind.CALL, ContactDirection.INBOUND, now,
                                                          their_number="1371234567"))
    assert info.value.field == "their_number"
    with pytest.raises(ValidationError) as info:
        cs.log_contact(ctx, complaint.id, cs.ContactDraft(ContactKind.CALL, ContactDirection.INBOUND,
                                                          now + dt.timedelta(days=1)))
    assert info.value.field == "occurred_at"
    with pytest.raises(NotFound):
        cs.log_contact(ctx, complaint.id, cs.ContactDraft(ContactKind.CALL, ContactDirection.INBOUND, now,
                                                          recording_evidence_id=999))
    assert count(db_file(ctx), "contact_logs") == 0


# --------------------------------------------------------------------------- evidence


def custody(ctx: ServiceContext, evidence_id: int) -> list[tuple[str, str]]:
    return sqlite_rows(db_file(ctx), "SELECT action, detail FROM custody_events WHERE evidence_id=? ORDER BY id",
                       (evidence_id,))


def test_attach_file_stores_it_in_the_vault_with_hashes_and_custody(ctx: ServiceContext, complaint,  # noqa: ANN001
                                                                    tmp_path: Path) -> None:
    data = os.urandom(50_000)
    src = tmp_path / "通话录音 2026-04-01.wav"
    src.write_bytes(data)
    ev = es.attach_file(ctx, src, EvidenceKind.RECORDING, complaint_id=complaint.id, note="来电录音")

    assert ev.sha256 == hashlib.sha256(data).hexdigest()
    assert ev.sm3 == hashlib.new("sm3", data).hexdigest()
    assert (ev.size, ev.original_name, ev.already_in_vault) == (len(data), src.name, False)
    assert ctx.store.vault.path_for(ev.sha256).read_bytes() == data
    row = sqlite_rows(db_file(ctx), "SELECT kind, legal_kind, media_type, description, collected_by, version "
                                    "FROM evidence_items WHERE id=?", (ev.id,))[0]
    assert row == ("recording", "audiovisual", "audio/wav", "来电录音", "tester", 1)
    assert sqlite_rows(db_file(ctx), "SELECT complaint_id FROM complaint_evidence WHERE evidence_id=?",
                       (ev.id,)) == [(complaint.id,)]
    (action, detail), = custody(ctx, ev.id)
    assert action == "added" and ev.sha256 in detail and ev.sm3 in detail
    assert json.loads(last_audit(db_file(ctx))[4])["attached_to"] == complaint.reference

    # The same bytes again: a second item, one vault object.
    again = es.attach_file(ctx, src, EvidenceKind.RECORDING, complaint_id=complaint.id)
    assert again.already_in_vault is True and again.id != ev.id
    assert list(ctx.store.vault.iter_hashes()) == [ev.sha256]


def test_attach_file_refuses_missing_file_or_target(ctx: ServiceContext, complaint, tmp_path: Path) -> None:  # noqa: ANN001
    src = tmp_path / "a.png"
    src.write_bytes(b"png")
    with pytest.raises(ValidationError) as info:
        es.attach_file(ctx, src, EvidenceKind.SCREENSHOT)
    assert info.value.field == "target"
    with pytest.raises(DomainError, match="不存在"):
        es.attach_file(ctx, tmp_path / "missing.png", EvidenceKind.SCREENSHOT, complaint_id=complaint.id)
    with pytest.raises(NotFound):
        es.attach_file(ctx, src, EvidenceKind.SCREENSHOT, complaint_id=999)
    assert count(db_file(ctx), "evidence_items") == 0


def test_attach_bytes_to_a_group(ctx: ServiceContext, group: int) -> None:
    ev = es.attach_bytes(ctx, b"%PDF-1.4 fake", "营业执照.pdf", EvidenceKind.DOCUMENT, group_id=group)
    assert sqlite_rows(db_file(ctx), "SELECT group_id FROM group_evidence WHERE evidence_id=?", (ev.id,)) == [(group,)]
    assert sqlite_rows(db_file(ctx), "SELECT media_type, legal_kind FROM evidence_items WHERE id=?",
                       (ev.id,)) == [("application/pdf", "documentary")]
    assert [a for a, _ in custody(ctx, ev.id)] == ["added"]


def test_update_evidence_and_its_version_check(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    ev = es.attach_bytes(ctx, b"chat", "chat.png", EvidenceKind.CHAT, complaint_id=complaint.id)
    edit = es.EvidenceChanges(legal_kind=LegalKind.DOCUMENTARY, source="客户微信", is_original=False,
                              purpose="证明代理人参与", description="聊天截图", transcript="……",
                              verification_notes="已与原件核对")
    assert es.update_evidence(ctx, ev.id, 1, edit) == 2
    row = sqlite_rows(db_file(ctx), "SELECT legal_kind, source, is_original, purpose, verification_notes, sha256 "
                                    "FROM evidence_items WHERE id=?", (ev.id,))[0]
    assert row == ("documentary", "客户微信", 0, "证明代理人参与", "已与原件核对", ev.sha256)
    with pytest.raises(ConflictError):
        es.update_evidence(ctx, ev.id, 1, edit)
    assert version_of(db_file(ctx), "evidence_items", ev.id) == 2


def test_verify_evidence_records_ok_and_altered_in_custody(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    ev = es.attach_bytes(ctx, b"original recording bytes", "r.wav", EvidenceKind.RECORDING,
                         complaint_id=complaint.id)
    assert es.verify_evidence(ctx, ev.id).status == "ok"

    path = ctx.store.vault.path_for(ev.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    path.write_bytes(bytes(data))
    check = es.verify_evidence(ctx, ev.id)
    assert check.status == "altered"
    assert [a for a, _ in custody(ctx, ev.id)] == ["added", "verified", "verified"]
    assert custody(ctx, ev.id)[1][1].startswith("ok")
    assert custody(ctx, ev.id)[2][1].startswith("altered")
    assert json.loads(last_audit(db_file(ctx))[4]) == {"status": "altered"}


# --------------------------------------------------------------------------- groups


def test_create_group_with_complaints(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    other = cs.create_complaint(ctx, draft(2))
    gid, ref = gs.create_group(ctx, "  团伙甲  ", [complaint.id, other.id, complaint.id])
    assert ref == f"AG-{TODAY.year}-0001"
    db = db_file(ctx)
    assert sqlite_rows(db, "SELECT title, status, version FROM agent_groups WHERE id=?", (gid,)) == [("团伙甲", "lead", 1)]
    assert sorted(r[0] for r in sqlite_rows(db, "SELECT complaint_id FROM group_complaints WHERE group_id=?",
                                            (gid,))) == sorted([complaint.id, other.id])
    assert gs.add_complaints(ctx, gid, [other.id]) == 0
    with pytest.raises(ValidationError):
        gs.create_group(ctx, "   ", [])


def test_add_suspect_company_with_a_valid_credit_code(ctx: ServiceContext, group: int) -> None:
    code = credit_code()
    pid = gs.add_suspect(ctx, group, gs.SuspectDraft(kind=PartyKind.ORGANISATION, name="深圳某咨询有限公司",
                                                     role=gs.PartyRole.AGENT_COMPANY, id_number=code.lower(),
                                                     phones=("0755-27553805",), bank_accounts=("6222021234567890123",)))
    db = db_file(ctx)
    assert sqlite_rows(db, "SELECT kind, name FROM parties WHERE id=?", (pid,)) == [("organisation", "深圳某咨询有限公司")]
    assert sqlite_rows(db, "SELECT role FROM group_parties WHERE group_id=? AND party_id=?", (group, pid)) == [
        ("agent_company",)]
    idents = sqlite_rows(db, "SELECT i.type, i.masked, pi.role FROM identifiers i JOIN party_identifiers pi "
                             "ON pi.identifier_id = i.id WHERE pi.party_id=? ORDER BY i.type", (pid,))
    assert idents == [("bank_account", "6222****0123", "bank_account"), ("credit_code", code, "company_code"),
                      ("landline", "0755-****3805", "agent_phone")]


def test_add_suspect_person_gets_sex_and_birth_date(ctx: ServiceContext, group: int) -> None:
    pid = gs.add_suspect(ctx, group, gs.SuspectDraft(kind=PartyKind.PERSON, name="李某",
                                                     id_number=resident_id(2, birth=dt.date(1990, 1, 2))))
    assert sqlite_rows(db_file(ctx), "SELECT sex, birth_date FROM parties WHERE id=?", (pid,)) == [("女", "1990-01-02")]
    # A suspect's ID number is filed as a person's ID, not as a customer's.
    assert sqlite_rows(db_file(ctx), "SELECT role FROM party_identifiers WHERE party_id=?", (pid,)) == [("person_id",)]


@pytest.mark.parametrize(("field", "suspect"), [
    ("id_number", gs.SuspectDraft(kind=PartyKind.ORGANISATION, name="某公司", id_number="91440300MA5F000001")),
    ("id_number", gs.SuspectDraft(kind=PartyKind.ORGANISATION, name="某公司", id_number="9144030OMA5F00000X")),
    ("phones", gs.SuspectDraft(kind=PartyKind.PERSON, name="某人", phones=("13812345678", "555"))),
    ("name", gs.SuspectDraft(kind=PartyKind.PERSON, name=" ")),
])
def test_add_suspect_refuses_invalid_values(ctx: ServiceContext, group: int, field: str,
                                            suspect: gs.SuspectDraft) -> None:
    parties = count(db_file(ctx), "parties")
    with pytest.raises(ValidationError) as info:
        gs.add_suspect(ctx, group, suspect)
    assert info.value.field == field
    assert count(db_file(ctx), "parties") == parties
    assert count(db_file(ctx), "group_parties") == 0


def test_group_notes_status_and_outcome(ctx: ServiceContext, group: int) -> None:
    db = db_file(ctx)
    gs.add_note(ctx, group, "  走访了该公司注册地址  ")
    assert sqlite_rows(db, "SELECT text FROM group_notes WHERE group_id=?", (group,)) == [("走访了该公司注册地址",)]
    with pytest.raises(ValidationError):
        gs.add_note(ctx, group, " ")

    v = gs.set_status(ctx, group, GroupStatus.INVESTIGATING, 1)
    with pytest.raises(ConflictError):
        gs.set_status(ctx, group, GroupStatus.READY, 1)
    v = gs.set_outcome(ctx, group, gs.GroupOutcome(amount_involved="1,250,000.00", loss_stopped="¥300000",
                                                   persons_handled=5, detained=3, arrested=2), v)
    row = sqlite_rows(db, "SELECT status, amount_involved_cents, loss_stopped_cents, persons_handled, detained, "
                          "arrested, version FROM agent_groups WHERE id=?", (group,))[0]
    assert row == ("investigating", 125_000_000, 30_000_000, 5, 3, 2, v)
    with pytest.raises(ValidationError) as info:
        gs.set_outcome(ctx, group, gs.GroupOutcome(detained=-1), v)
    assert info.value.field == "detained"


# --------------------------------------------------------------------------- referrals


def _referral(ctx: ServiceContext, group: int, sent_on: dt.date) -> int:
    return rs.record_referral(ctx, group, rs.ReferralDraft(
        ReferralTarget.POLICE, "某市公安局某分局", sent_on, package_name="移送材料.zip", package_sha256="AB" * 32))


def test_record_referral_marks_the_group_referred(ctx: ServiceContext, group: int) -> None:
    rid = _referral(ctx, group, TODAY - dt.timedelta(days=10))
    db = db_file(ctx)
    assert sqlite_rows(db, "SELECT group_id, target, agency, package_sha256 FROM referrals WHERE id=?", (rid,)) == [
        (group, "police", "某市公安局某分局", "ab" * 32)]
    assert sqlite_rows(db, "SELECT status FROM agent_groups WHERE id=?", (group,)) == [("referred",)]


@pytest.mark.parametrize(("field", "referral"), [
    ("agency", rs.ReferralDraft(ReferralTarget.POLICE, " ", TODAY)),
    ("sent_on", rs.ReferralDraft(ReferralTarget.POLICE, "公安局", TODAY + dt.timedelta(days=1))),
    ("receipt_date", rs.ReferralDraft(ReferralTarget.POLICE, "公安局", TODAY, receipt_date=TODAY - dt.timedelta(1))),
    ("package_sha256", rs.ReferralDraft(ReferralTarget.POLICE, "公安局", TODAY, package_sha256="xyz")),
])
def test_record_referral_refuses_invalid_values(ctx: ServiceContext, group: int, field: str,
                                                referral: rs.ReferralDraft) -> None:
    with pytest.raises(ValidationError) as info:
        rs.record_referral(ctx, group, referral)
    assert info.value.field == field
    assert count(db_file(ctx), "referrals") == 0


@pytest.mark.parametrize(("decision", "days", "group_status"), [
    (ReferralDecision.REFUSED, 7, "refused"),
    (ReferralDecision.RECONSIDERATION, 30, "reconsideration"),
    (ReferralDecision.ACCEPTED, 30, "accepted"),
    (ReferralDecision.CLOSED, None, "closed"),
])
def test_record_decision_starts_the_follow_up_deadline(ctx: ServiceContext, group: int, decision: ReferralDecision,
                                                       days: int | None, group_status: str) -> None:
    rid = _referral(ctx, group, TODAY - dt.timedelta(days=20))
    decided = TODAY - dt.timedelta(days=2)
    did, deadline, label = rs.record_decision(ctx, rid, decision, decided, document_no="某公（刑）不立字〔2026〕1号")
    expected = decided + dt.timedelta(days=days) if days is not None else None
    assert deadline == expected
    assert bool(label) == (days is not None)
    if decision == ReferralDecision.REFUSED:
        assert "复议" in label
    db = db_file(ctx)
    assert sqlite_rows(db, "SELECT decision, next_deadline FROM referral_decisions WHERE id=?", (did,)) == [
        (decision.value, expected.isoformat() if expected else None)]
    assert sqlite_rows(db, "SELECT status FROM agent_groups WHERE id=?", (group,)) == [(group_status,)]


def test_record_decision_refuses_impossible_dates(ctx: ServiceContext, group: int) -> None:
    rid = _referral(ctx, group, TODAY - dt.timedelta(days=5))
    with pytest.raises(ValidationError) as info:
        rs.record_decision(ctx, rid, ReferralDecision.REFUSED, TODAY - dt.timedelta(days=6))
    assert info.value.field == "decided_on"
    with pytest.raises(ValidationError):
        rs.record_decision(ctx, rid, ReferralDecision.REFUSED, TODAY + dt.timedelta(days=1))
    assert count(db_file(ctx), "referral_decisions") == 0


def test_accepted_decision_fills_the_receipt(ctx: ServiceContext, group: int) -> None:
    rid = _referral(ctx, group, TODAY - dt.timedelta(days=5))
    rs.record_decision(ctx, rid, ReferralDecision.ACCEPTED, TODAY, document_no="受案回执 001")
    assert sqlite_rows(db_file(ctx), "SELECT receipt_no, receipt_date FROM referrals WHERE id=?", (rid,)) == [
        ("受案回执 001", TODAY.isoformat())]


# --------------------------------------------------------------------------- links


def test_manual_link_is_confirmed_and_can_be_rejected(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    other = cs.create_complaint(ctx, draft(2))
    lid = ls.add_manual_link(ctx, other.id, complaint.id, "  同一代理人陪同来访  ")
    db = db_file(ctx)
    row = sqlite_rows(db, "SELECT complaint_a_id, complaint_b_id, kind, status, reason, decided_by, version "
                          "FROM links WHERE id=?", (lid,))[0]
    assert row[:6] == (min(complaint.id, other.id), max(complaint.id, other.id), "manual", "confirmed",
                       "同一代理人陪同来访", ctx.actor.user_id)
    version = ls.decide_link(ctx, lid, LinkStatus.REJECTED, row[6])
    assert sqlite_rows(db, "SELECT status, version FROM links WHERE id=?", (lid,)) == [("rejected", version)]
    with pytest.raises(ConflictError):
        ls.decide_link(ctx, lid, LinkStatus.CONFIRMED, row[6])
    with pytest.raises(ValidationError):
        ls.decide_link(ctx, lid, LinkStatus.SUGGESTED, version)
    assert sqlite_rows(db, "SELECT status FROM links WHERE id=?", (lid,)) == [("rejected",)]


def test_manual_link_refuses_self_link_and_missing_reason(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError):
        ls.add_manual_link(ctx, complaint.id, complaint.id, "理由")
    with pytest.raises(ValidationError) as info:
        ls.add_manual_link(ctx, complaint.id, complaint.id + 1, " ")
    assert info.value.field == "reason"
    with pytest.raises(NotFound):
        ls.add_manual_link(ctx, complaint.id, 999, "理由")
    assert count(db_file(ctx), "links") == 0


# --------------------------------------------------------------------------- permissions and users


def test_a_handler_cannot_create_groups_refer_or_unmask(ctx: ServiceContext, user_factory, complaint,  # noqa: ANN001
                                                       group: int) -> None:
    handler = user_factory("handler1", "handler")
    events = count(db_file(ctx), "audit_events")
    with pytest.raises(PermissionDenied, match="handler1"):
        gs.create_group(handler, "团伙", [complaint.id])
    with pytest.raises(PermissionDenied):
        rs.record_referral(handler, group, rs.ReferralDraft(ReferralTarget.POLICE, "公安局", TODAY))
    iid = identifier_ids(ctx, complaint.id, "customer_phone")[0]
    with pytest.raises(PermissionDenied):
        cs.unmask_identifier(handler, iid, "想看看")
    with pytest.raises(PermissionDenied):
        us.add_user(handler, "someone", "admin")
    assert count(db_file(ctx), "agent_groups") == 1
    assert count(db_file(ctx), "referrals") == 0
    assert count(db_file(ctx), "audit_events") == events
    # What a handler may do still works.
    cs.create_complaint(handler, draft(2))


def test_a_supervisor_cannot_edit_complaints(ctx: ServiceContext, user_factory, complaint) -> None:  # noqa: ANN001
    supervisor = user_factory("boss", "supervisor")
    with pytest.raises(PermissionDenied):
        cs.create_complaint(supervisor, draft(2))
    with pytest.raises(PermissionDenied):
        cs.update_complaint(supervisor, complaint.id, 1, changes())
    with pytest.raises(PermissionDenied):
        cs.change_status(supervisor, complaint.id, ComplaintStatus.CHECKING, 1)
    with pytest.raises(PermissionDenied):
        cs.set_indicator(supervisor, complaint.id, Indicator.REPEATED)
    assert row_of(ctx, complaint.id).version == 1
    assert count(db_file(ctx), "complaints") == 1


def test_legal_may_unmask(ctx: ServiceContext, user_factory, complaint) -> None:  # noqa: ANN001
    legal = user_factory("lawyer", "legal")
    iid = identifier_ids(ctx, complaint.id, "customer_id")[0]
    assert cs.unmask_identifier(legal, iid, "移送材料核对") == resident_id(1)


def test_unmask_by_admin_returns_the_value_and_audits_the_purpose(ctx: ServiceContext, complaint) -> None:  # noqa: ANN001
    iid = identifier_ids(ctx, complaint.id, "customer_phone")[0]
    value = cs.unmask_identifier(ctx, iid, "  报案材料需要完整号码  ")
    assert value == "+8613830000001"
    _, action, entity, entity_id, detail = last_audit(db_file(ctx))
    assert (action, entity, entity_id) == ("unmask", "identifier", str(iid))
    assert json.loads(detail) == {"type": "mobile", "purpose": "报案材料需要完整号码"}
    assert "13830000001" not in detail
    with pytest.raises(ValidationError) as info:
        cs.unmask_identifier(ctx, iid, "   ")
    assert info.value.field == "purpose"
    with pytest.raises(NotFound):
        cs.unmask_identifier(ctx, 99999, "核实")


def test_add_user_and_sign_in(ctx: ServiceContext) -> None:
    uid = us.add_user(ctx, " zhang.san@bank ", "legal", "张三", password="correct horse")
    row = sqlite_rows(db_file(ctx), "SELECT username, display_name, role, password_hash FROM users WHERE id=?",
                      (uid,))[0]
    assert row[:3] == ("zhang.san@bank", "张三", "legal")
    assert row[3].startswith("$argon2") and "correct horse" not in row[3]
    signed = sign_in(ctx.store, "zhang.san@bank")
    assert (signed.actor.user_id, signed.actor.role.value) == (uid, "legal")
    with pytest.raises(PermissionDenied):
        sign_in(ctx.store, "stranger")


def test_add_user_refuses_duplicates_and_bad_values(ctx: ServiceContext) -> None:
    us.add_user(ctx, "wang", "handler")
    users = count(db_file(ctx), "users")
    with pytest.raises(Duplicate, match="wang"):
        us.add_user(ctx, "wang", "legal")
    with pytest.raises(Duplicate):
        us.add_user(ctx, "tester", "handler")
    for name, role, field in [("bad name", "handler", "username"), ("ok", "boss", "role"), ("", "handler", "username")]:
        with pytest.raises(ValidationError) as info:
            us.add_user(ctx, name, role)
        assert info.value.field == field
    with pytest.raises(ValidationError) as info:
        us.add_user(ctx, "short", "handler", password="1234")
    assert info.value.field == "password"
    assert count(db_file(ctx), "users") == users


def test_find_complaint_by_reference_or_work_order_number(ctx: ServiceContext) -> None:
    from greyline.services.lookup import find_complaint

    a = cs.create_complaint(ctx, draft(1, external_id="W-1"))
    cs.create_complaint(ctx, draft(2, external_id="SHARED", channel="12378"))
    cs.create_complaint(ctx, draft(3, external_id="SHARED", channel="12363"))
    assert find_complaint(ctx, a.reference) == a
    assert find_complaint(ctx, " W-1 ") == a
    with pytest.raises(NotFound, match="多个渠道"):
        find_complaint(ctx, "SHARED")
    with pytest.raises(NotFound, match="GL-1999-000001"):
        find_complaint(ctx, "GL-1999-000001")


def test_record_view_adds_custody_and_audit(ctx: ServiceContext) -> None:
    from greyline.services.complaints import create_complaint as _create
    from greyline.services.evidence import attach_bytes, record_view

    ref = _create(ctx, ComplaintDraft(channel="12378", external_id="VIEW-1", received_at=dt.date(2026, 5, 1)))
    ev = attach_bytes(ctx, b"recording", "a.wav", EvidenceKind.RECORDING, complaint_id=ref.id)
    record_view(ctx, ev.id)
    db = db_file(ctx)
    assert sqlite_rows(db, "SELECT action FROM custody_events WHERE evidence_id=? ORDER BY id", (ev.id,)) == [
        ("added",), ("viewed",)]
    assert sqlite_rows(db, "SELECT count(*) FROM audit_events WHERE action='evidence_viewed'") == [(1,)]

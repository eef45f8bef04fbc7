"""The store on a real SQLite file: migrations, connection settings, units of work, locking, audit chain, key."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from greyline.domain.enums import (
    ComplaintStatus,
    ContactDirection,
    ContactKind,
    EvidenceKind,
    GroupStatus,
    Indicator,
    ReferralDecision,
    ReferralTarget,
    RiskLevel,
)
from greyline.domain.errors import ConflictError, DomainError, NotFound, StoreKeyError
from greyline.domain.records import IdentifierInput
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.services import complaints as complaint_service
from greyline.services import evidence as evidence_service
from greyline.services import groups as group_service
from greyline.services import links as link_service
from greyline.services import referrals as referral_service
from greyline.services import users as user_service
from greyline.services.complaints import ComplaintChanges, ContactDraft, update_complaint
from greyline.services.context import ServiceContext, sign_in
from greyline.storage import audit
from greyline.storage import tables as t
from greyline.storage.db import Store, alembic_config, open_store, schema_state
from greyline.storage.location import resolve
from integration.helpers import (
    audit_actions,
    count,
    draft,
    last_audit,
    sqlite_exec,
    sqlite_rows,
)

FTS_TABLES = {"complaint_fts", "complaint_fts_config", "complaint_fts_data", "complaint_fts_docsize",
              "complaint_fts_idx"}


@contextlib.contextmanager
def opened(path: Path, *, create: bool = False, **location_changes: object):
    location = dataclasses.replace(resolve(str(path)), **location_changes)
    store = open_store(location, create=create)
    try:
        yield store
    finally:
        store.dispose()


def changes_from(row_text: str, received: dt.date = dt.date(2026, 4, 1)) -> ComplaintChanges:
    return ComplaintChanges(received_at=received, deadline_at=None, customer_name="王伟", contract_no="HT1",
                            loan_no="", overdue_amount="", text=row_text, notes="", demands=(), category="")


def read_chain(store: Store) -> list[audit.ChainProblem]:
    with Session(store.read_engine) as session:
        return audit.verify_chain(session)


# --------------------------------------------------------------------------- migrations


def test_new_store_is_migrated_to_head_and_matches_the_models(db_path: Path) -> None:
    assert not db_path.exists()
    with opened(db_path, create=True) as store:
        current, head = schema_state(store.write_engine)
        assert head and current == head
        with store.write_engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), t.Base.metadata)
            tables = set(inspect(conn).get_table_names())
        # The full-text index is created by the migration on purpose and is not a mapped table.
        unexpected = [d for d in diffs if not (d[0] == "remove_table" and d[1].name in FTS_TABLES)]
        assert unexpected == []
        assert set(t.Base.metadata.tables) <= tables
        assert "complaint_fts" in tables
    assert db_path.exists()
    assert resolve(str(db_path)).key_file.exists()


def test_migration_seeds_roles_channels_and_the_audit_head(db_path: Path) -> None:
    with opened(db_path, create=True):
        pass
    assert {r[0] for r in sqlite_rows(db_path, "SELECT code FROM roles")} == {"handler", "legal", "supervisor", "admin"}
    rules = dict(sqlite_rows(db_path, "SELECT code, deadline_days FROM channel_rules"))
    assert rules["12378"] == 15 and rules["12315"] == 7 and rules["petition"] == 30
    assert sqlite_rows(db_path, "SELECT id, last_id, last_hash FROM audit_head") == [(1, 0, "0" * 64)]


def test_empty_database_file_is_refused_without_create_and_upgraded_with_it(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    sqlite3.connect(db_path).close()  # a zero-byte SQLite file: no schema at all
    assert db_path.stat().st_size == 0
    with pytest.raises(DomainError, match="init"):
        with opened(db_path):
            pass
    with opened(db_path, create=True) as store:
        current, head = schema_state(store.write_engine)
        assert current == head
    with opened(db_path) as store:  # and now it opens without create
        assert schema_state(store.write_engine)[0] == head


def test_missing_database_is_refused_without_create(db_path: Path) -> None:
    with pytest.raises(DomainError, match="init"):
        with opened(db_path):
            pass
    assert not db_path.exists()


def test_downgrade_to_base_and_upgrade_again(store: Store) -> None:
    with store.write_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with store.write_engine.connect() as conn:
        left = set(inspect(conn).get_table_names()) - {"alembic_version"}
    assert left == set()
    with store.write_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    current, head = schema_state(store.write_engine)
    assert current == head


# --------------------------------------------------------------------------- connection settings


@pytest.mark.parametrize("engine_name", ["write_engine", "read_engine"])
def test_connections_use_wal_foreign_keys_and_a_busy_timeout(store: Store, engine_name: str) -> None:
    engine = getattr(store, engine_name)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with store.write_engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO complaints (reference, channel, external_id, received_at, customer_name, contract_no,"
                " loan_no, text, notes, demands, category, status, risk_level, created_at, updated_at, version)"
                " VALUES ('GL-X', 'no_such_channel', 'E1', '2026-01-01', '', '', '', '', '', '[]', '', 'new',"
                " 'none', '2026-01-01', '2026-01-01', 1)"))


def test_every_edited_table_has_a_not_null_version_column(store: Store) -> None:
    versioned = [m.class_ for m in t.Base.registry.mappers if issubclass(m.class_, t.Versioned)]
    assert {c.__tablename__ for c in versioned} >= {"complaints", "evidence_items", "agent_groups", "referrals",
                                                    "links", "users", "parties", "contact_logs"}
    with store.write_engine.connect() as conn:
        for cls in versioned:
            cols = {c["name"]: c for c in inspect(conn).get_columns(cls.__tablename__)}
            assert "version" in cols, cls.__tablename__
            assert cols["version"]["nullable"] is False, cls.__tablename__


def test_an_update_bumps_the_version(ctx: ServiceContext, db_path: Path) -> None:
    ref = complaint_service.create_complaint(ctx, draft(1))
    assert sqlite_rows(db_path, "SELECT version FROM complaints WHERE id=?", (ref.id,)) == [(1,)]
    new_version = update_complaint(ctx, ref.id, 1, changes_from("改过一次"))
    assert new_version == 2
    assert sqlite_rows(db_path, "SELECT version, text FROM complaints WHERE id=?", (ref.id,)) == [(2, "改过一次")]


# --------------------------------------------------------------------------- units of work


def test_unit_of_work_without_commit_stores_nothing(ctx: ServiceContext, db_path: Path) -> None:
    users, events = count(db_path, "users"), count(db_path, "audit_events")
    with ctx.uow() as uow:
        uow.repo.add_user("ghost", "Ghost", "handler", None)
        uow.record("user_created", "user", "ghost")
        uow.flush()
    assert count(db_path, "users") == users
    assert count(db_path, "audit_events") == events


def test_unit_of_work_rolls_back_when_the_action_fails(ctx: ServiceContext, db_path: Path) -> None:
    users = count(db_path, "users")
    with pytest.raises(RuntimeError):
        with ctx.uow() as uow:
            uow.repo.add_user("ghost", "Ghost", "handler", None)
            uow.flush()
            raise RuntimeError("boom")
    assert count(db_path, "users") == users
    assert sqlite_rows(db_path, "SELECT count(*) FROM users WHERE username='ghost'") == [(0,)]


def test_a_service_failing_halfway_leaves_nothing_behind(ctx: ServiceContext, db_path: Path) -> None:
    ref = complaint_service.create_complaint(ctx, draft(1))
    events = count(db_path, "audit_events")
    # The group row is inserted before the unknown complaint is found; all of it must roll back.
    with pytest.raises(NotFound, match="999"):
        group_service.create_group(ctx, "测试团伙", [ref.id, 999])
    assert count(db_path, "agent_groups") == 0
    assert count(db_path, "group_complaints") == 0
    assert sqlite_rows(db_path, "SELECT count(*) FROM ref_counters WHERE name LIKE 'AG-%'") == [(0,)]
    assert count(db_path, "audit_events") == events
    # The next group still gets number 0001: the failed attempt consumed no number.
    _, group_ref = group_service.create_group(ctx, "测试团伙", [ref.id])
    assert group_ref.endswith("-0001")


# --------------------------------------------------------------------------- optimistic locking


def test_second_of_two_concurrent_edits_gets_a_conflict_and_stores_nothing(
        ctx: ServiceContext, user_factory, db_path: Path) -> None:
    ref = complaint_service.create_complaint(ctx, draft(1))
    other = user_factory("colleague", "handler")
    # Both people open the same complaint and see version 1.
    mine = list_complaints(ctx.store, ComplaintFilter(ids=(ref.id,)))[0]
    theirs = list_complaints(other.store, ComplaintFilter(ids=(ref.id,)))[0]
    assert mine.version == theirs.version == 1

    assert update_complaint(ctx, ref.id, mine.version, changes_from("我的修改")) == 2
    events = count(db_path, "audit_events")
    with pytest.raises(ConflictError):
        update_complaint(other, ref.id, theirs.version, changes_from("同事的修改 13912345678"))

    assert sqlite_rows(db_path, "SELECT text, version FROM complaints WHERE id=?", (ref.id,)) == [("我的修改", 2)]
    assert count(db_path, "audit_events") == events
    # The refused edit's phone number was not linked either.
    assert sqlite_rows(db_path, "SELECT count(*) FROM complaint_identifiers WHERE role='text_mention'") == [(0,)]
    # Reloading and saving again works.
    assert update_complaint(other, ref.id, 2, changes_from("同事重新载入后的修改")) == 3


def test_a_stale_write_inside_a_unit_of_work_becomes_a_conflict(ctx: ServiceContext, db_path: Path) -> None:
    ref = complaint_service.create_complaint(ctx, draft(1))
    with pytest.raises(ConflictError):
        with ctx.uow() as uow:
            row = uow.repo.complaint(ref.id)
            # Someone else's committed update, as the version column sees it.
            uow.session.execute(text("UPDATE complaints SET version = version + 1 WHERE id = :id"), {"id": ref.id})
            row.text = "过期的修改"
            uow.record("complaint_updated", "complaint", ref.reference)
            uow.commit()
    assert sqlite_rows(db_path, "SELECT text, version FROM complaints WHERE id=?", (ref.id,))[0][1] == 1


# --------------------------------------------------------------------------- audit chain


def test_every_service_write_appends_an_audit_event(ctx: ServiceContext, db_path: Path) -> None:
    seen: list[str] = []

    def expect(action: str, fn, *args, **kwargs):  # noqa: ANN001, ANN202
        before = count(db_path, "audit_events")
        result = fn(*args, **kwargs)
        after = count(db_path, "audit_events")
        assert after == before + 1, action
        assert last_audit(db_path)[1] == action
        seen.append(action)
        return result

    today = dt.date.today()
    a = expect("complaint_created", complaint_service.create_complaint, ctx, draft(1))
    b = expect("complaint_created", complaint_service.create_complaint, ctx, draft(2))
    v = expect("complaint_updated", complaint_service.update_complaint, ctx, a.id, 1, changes_from("新内容"))
    v = expect("complaint_status", complaint_service.change_status, ctx, a.id, ComplaintStatus.CHECKING, v)
    expect("complaint_risk", complaint_service.set_risk_level, ctx, a.id, RiskLevel.LEVEL2, v)
    iid = expect("identifier_added", complaint_service.add_identifier, ctx, a.id,
                 IdentifierInput("mobile", "13912345678", "contact_phone"))
    expect("indicator_set", complaint_service.set_indicator, ctx, a.id, Indicator.REPEATED, "三次")
    expect("indicator_cleared", complaint_service.clear_indicator, ctx, a.id, Indicator.REPEATED)
    expect("contact_logged", complaint_service.log_contact, ctx, a.id,
           ContactDraft(ContactKind.CALL, ContactDirection.OUTBOUND, dt.datetime.now() - dt.timedelta(hours=1)))
    expect("unmask", complaint_service.unmask_identifier, ctx, iid, "核实身份")
    ev = expect("evidence_added", evidence_service.attach_bytes, ctx, b"recording", "a.wav", EvidenceKind.RECORDING,
                complaint_id=a.id)
    expect("evidence_verified", evidence_service.verify_evidence, ctx, ev.id)
    gid, _ = expect("group_created", group_service.create_group, ctx, "团伙", [a.id])
    expect("group_complaints_added", group_service.add_complaints, ctx, gid, [b.id])
    expect("suspect_added", group_service.add_suspect, ctx, gid, group_service.SuspectDraft(
        kind=group_service.PartyKind.PERSON, name="代理人甲", phones=("13712345678",)))
    expect("group_note", group_service.add_note, ctx, gid, "备注")
    gv = expect("group_status", group_service.set_status, ctx, gid, GroupStatus.INVESTIGATING, 1)
    expect("group_outcome", group_service.set_outcome, ctx, gid, group_service.GroupOutcome(detained=1), gv)
    rid = expect("referral_recorded", referral_service.record_referral, ctx, gid, referral_service.ReferralDraft(
        ReferralTarget.POLICE, "某市公安局某分局", today - dt.timedelta(days=3)))
    expect("referral_decision", referral_service.record_decision, ctx, rid, ReferralDecision.ACCEPTED, today)
    lid = expect("link_manual", link_service.add_manual_link, ctx, a.id, b.id, "同一联系电话")
    link_version = sqlite_rows(db_path, "SELECT version FROM links WHERE id=?", (lid,))[0][0]
    expect("link_decided", link_service.decide_link, ctx, lid, link_service.LinkStatus.REJECTED, link_version)
    expect("user_created", user_service.add_user, ctx, "newcomer", "handler")

    assert len(seen) == 23
    assert read_chain(ctx.store) == []
    # The chain links up: each row names the hash of the row before it.
    rows = sqlite_rows(db_path, "SELECT prev_hash, row_hash FROM audit_events ORDER BY id")
    assert rows[0][0] == audit.GENESIS
    assert all(prev == before[1] for before, (prev, _) in zip(rows, rows[1:]))
    assert sqlite_rows(db_path, "SELECT last_hash FROM audit_head")[0][0] == rows[-1][1]


def _store_with_events(ctx: ServiceContext) -> None:
    for n in range(1, 5):
        complaint_service.create_complaint(ctx, draft(n))


def test_editing_an_audit_row_is_reported(ctx: ServiceContext, db_path: Path) -> None:
    _store_with_events(ctx)
    assert read_chain(ctx.store) == []
    target = sqlite_rows(db_path, "SELECT id, detail FROM audit_events WHERE action='complaint_created'")[1]
    detail = json.loads(target[1])
    detail["external_id"] = "EXT-CHANGED"
    sqlite_exec(db_path, "UPDATE audit_events SET detail=? WHERE id=?", (json.dumps(detail), target[0]))

    problems = read_chain(ctx.store)
    assert [p.event_id for p in problems] == [target[0]]
    assert f"#{target[0]}" in problems[0].detail


def test_an_edit_with_a_recomputed_row_hash_breaks_the_next_link(ctx: ServiceContext, db_path: Path) -> None:
    _store_with_events(ctx)
    eid, at, user, action, entity, entity_id = sqlite_rows(
        db_path, "SELECT id, at, username, action, entity, entity_id FROM audit_events ORDER BY id")[2]
    with Session(ctx.store.read_engine) as session:
        ev = session.get(t.AuditEvent, eid)
        forged = audit.event_hash(ev.prev_hash, ev.at, ev.username, ev.action, ev.entity, ev.entity_id, "{}")
    sqlite_exec(db_path, "UPDATE audit_events SET detail='{}', row_hash=? WHERE id=?", (forged, eid))

    problems = read_chain(ctx.store)
    assert [p.event_id for p in problems] == [eid + 1]
    assert "前序哈希" in problems[0].detail


def test_deleting_the_last_audit_row_is_detected(ctx: ServiceContext, db_path: Path) -> None:
    _store_with_events(ctx)
    last_id = last_audit(db_path)[0]
    sqlite_exec(db_path, "DELETE FROM audit_events WHERE id=?", (last_id,))

    problems = read_chain(ctx.store)
    assert len(problems) == 1
    assert problems[0].event_id is None
    assert f"#{last_id - 1}" in problems[0].detail


def test_deleting_a_middle_audit_row_is_detected(ctx: ServiceContext, db_path: Path) -> None:
    _store_with_events(ctx)
    ids = [r[0] for r in sqlite_rows(db_path, "SELECT id FROM audit_events ORDER BY id")]
    sqlite_exec(db_path, "DELETE FROM audit_events WHERE id=?", (ids[2],))
    assert [p.event_id for p in read_chain(ctx.store)] == [ids[3]]


def test_audit_events_are_appended_for_the_signed_in_user(ctx: ServiceContext, user_factory, db_path: Path) -> None:
    handler = user_factory("handler1", "handler")
    complaint_service.create_complaint(handler, draft(1))
    assert sqlite_rows(db_path, "SELECT username FROM audit_events ORDER BY id DESC LIMIT 1") == [("handler1",)]
    assert audit_actions(db_path)[0] == "user_created"  # the first sign-in made 'tester' the administrator


# --------------------------------------------------------------------------- key file


def test_opening_with_another_stores_key_file_is_refused(tmp_path: Path, db_path: Path) -> None:
    with opened(db_path, create=True):
        pass
    other_db = tmp_path / "other" / "other.sqlite"
    with opened(other_db, create=True):
        pass
    other_key = resolve(str(other_db)).key_file
    assert other_key.read_text() != resolve(str(db_path)).key_file.read_text()

    with pytest.raises(StoreKeyError, match="指纹不符"):
        with opened(db_path, key_file=other_key):
            pass
    with pytest.raises(StoreKeyError):
        with opened(db_path, create=True, key_file=other_key):
            pass
    with opened(db_path):  # the right key still works
        pass


def test_a_missing_key_file_is_refused(db_path: Path) -> None:
    with opened(db_path, create=True) as store:
        ctx = sign_in(store, "tester")
        complaint_service.create_complaint(ctx, draft(1))
    key_file = resolve(str(db_path)).key_file
    key_file.unlink()

    with pytest.raises(StoreKeyError, match="找不到密钥文件"):
        with opened(db_path):
            pass
    assert not key_file.exists()


def test_init_on_a_store_with_a_missing_key_does_not_leave_a_new_key_behind(db_path: Path) -> None:
    with opened(db_path, create=True):
        pass
    key_file = resolve(str(db_path)).key_file
    key_file.unlink()
    with pytest.raises(StoreKeyError):
        with opened(db_path, create=True):
            pass
    assert not key_file.exists()


def test_a_damaged_key_file_is_refused(db_path: Path) -> None:
    with opened(db_path, create=True):
        pass
    key_file = resolve(str(db_path)).key_file
    key_file.write_text("greyline-key-v1:not base64!!\n", encoding="ascii")
    with pytest.raises(StoreKeyError, match="损坏"):
        with opened(db_path):
            pass


def test_identifiers_are_encrypted_with_the_store_key(ctx: ServiceContext, db_path: Path) -> None:
    ref = complaint_service.create_complaint(ctx, draft(1, identifiers=(
        IdentifierInput("mobile", "13912345678", "contact_phone"),)))
    rows = sqlite_rows(db_path, "SELECT i.id, i.masked, i.value_enc FROM identifiers i JOIN complaint_identifiers c "
                                "ON c.identifier_id = i.id WHERE c.complaint_id=? AND c.role='contact_phone'",
                       (ref.id,))
    (iid, masked, blob), = rows
    assert masked == "139****5678"
    assert b"13912345678" not in blob
    assert complaint_service.unmask_identifier(ctx, iid, "核实") == "+8613912345678"
    with Session(ctx.store.read_engine) as session:
        assert session.scalar(select(t.Identifier.value_hash).where(t.Identifier.id == iid)) == \
            ctx.store.cipher.hash_value("mobile", "+8613912345678")


def test_a_read_only_unit_of_work_cannot_commit(ctx) -> None:  # noqa: ANN001
    with ctx.reader() as uow:
        assert uow.repo.count_users() == 1
        with pytest.raises(RuntimeError):
            uow.commit()

"""Migration 0002 (link detection) on a store from the release before it: existing rows survive the
upgrade, manual links become the person's, complaints get the new risk columns; downgrade works too.

The old store is built the way that release built it (Alembic to "0001") and filled with plain SQL, as
an outsider would see it; the upgrade is the one every user gets, ``open_store(..., create=True)``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command

from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.services import complaints as cs
from greyline.services import detection
from greyline.services.context import ServiceContext, sign_in
from greyline.storage.crypto import load_or_create_key
from greyline.storage.db import HEAD_REVISION, _sqlite_engine, alembic_config, open_store, schema_state
from greyline.storage.location import resolve
from integration.helpers import draft, sqlite_rows

NEW_TABLES = {"detect_state", "text_band_keys", "building_keys", "evidence_features", "image_keys"}

# Rows a 0001 store holds: two complaints sharing an identifier, a person's indicator and a manual link.
OLD_ROWS = [
    "INSERT INTO complaints (id, reference, channel, external_id, received_at, customer_name, contract_no, loan_no,"
    " text, notes, demands, category, status, risk_level, created_at, updated_at, version) VALUES"
    " (1, 'GL-2025-000001', '12378', 'W-1', '2025-10-01', '王伟', '', '', '要求停止催收', '', '[]', '', 'new',"
    " 'level2', '2025-10-01 09:00:00', '2025-10-01 09:00:00', 3)",
    "INSERT INTO complaints (id, reference, channel, external_id, received_at, customer_name, contract_no, loan_no,"
    " text, notes, demands, category, status, risk_level, created_at, updated_at, version) VALUES"
    " (2, 'GL-2025-000002', '12363', 'W-2', '2025-10-02', '李芳', '', '', '要求减免罚息', '', '[]', '', 'new',"
    " 'none', '2025-10-02 09:00:00', '2025-10-02 09:00:00', 1)",
    "INSERT INTO identifiers (id, type, value_hash, value_enc, masked, attributes, do_not_correlate, created_at)"
    " VALUES (1, 'mobile', 'h1', x'00', '139****5678', '{\"virtual\": \"0\"}', 0, '2025-10-01 09:00:00')",
    "INSERT INTO complaint_identifiers (complaint_id, identifier_id, role) VALUES (1, 1, 'contact_phone')",
    "INSERT INTO complaint_identifiers (complaint_id, identifier_id, role) VALUES (2, 1, 'contact_phone')",
    "INSERT INTO indicator_hits (complaint_id, code, note, source, set_by, set_at) VALUES"
    " (1, 'DEMANDS', '威胁媒体曝光', 'person', NULL, '2025-10-01 10:00:00')",
    "INSERT INTO links (id, complaint_a_id, complaint_b_id, group_id, kind, score, reason, status, decided_by,"
    " decided_at, created_at, version) VALUES (7, 1, 2, NULL, 'manual', 1.0, '同一代理人陪同来访', 'confirmed', NULL,"
    " '2025-10-03 10:00:00', '2025-10-03 10:00:00', 1)",
]


def tables(db: Path) -> set[str]:
    return {r[0] for r in sqlite_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(db: Path, table: str) -> set[str]:
    return {r[1] for r in sqlite_rows(db, f"PRAGMA table_info({table})")}


def migrate(db: Path, revision: str, *, down: bool = False) -> None:
    engine = _sqlite_engine(f"sqlite:///{db}", immediate=True)
    try:
        with engine.begin() as conn:
            (command.downgrade if down else command.upgrade)(alembic_config(conn), revision)
    finally:
        engine.dispose()


def revision_of(db: Path) -> str | None:
    engine = _sqlite_engine(f"sqlite:///{db}", immediate=True)
    try:
        return schema_state(engine)[0]
    finally:
        engine.dispose()


@pytest.fixture
def old_store(tmp_path: Path) -> Iterator[Path]:
    """A store file at revision 0001 with its key file, holding ``OLD_ROWS``."""
    db = tmp_path / "old" / "greyline.sqlite"
    db.parent.mkdir()
    migrate(db, "0001")
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("PRAGMA foreign_keys = ON")
        for sql in OLD_ROWS:
            con.execute(sql)
        con.commit()
    load_or_create_key(resolve(str(db)).key_file, create=True)
    assert revision_of(db) == "0001"
    assert not NEW_TABLES & tables(db)
    yield db


def test_upgrade_keeps_the_rows_and_marks_manual_links_as_the_persons(old_store: Path) -> None:
    db = old_store
    store = open_store(resolve(str(db)), create=True)
    store.dispose()
    assert revision_of(db) == HEAD_REVISION
    assert NEW_TABLES <= tables(db)
    assert {"detail", "source"} <= columns(db, "links")
    assert {"risk_manual", "risk_reasons"} <= columns(db, "complaints")
    # Nothing of the old store is lost.
    assert sqlite_rows(db, "SELECT id, reference, risk_level, risk_manual, risk_reasons, version FROM complaints "
                           "ORDER BY id") == [(1, "GL-2025-000001", "level2", 0, "[]", 3),
                                              (2, "GL-2025-000002", "none", 0, "[]", 1)]
    assert sqlite_rows(db, "SELECT complaint_id, identifier_id, role FROM complaint_identifiers ORDER BY 1") == [
        (1, 1, "contact_phone"), (2, 1, "contact_phone")]
    assert sqlite_rows(db, "SELECT complaint_id, code, source FROM indicator_hits") == [(1, "DEMANDS", "person")]
    assert sqlite_rows(db, "SELECT id, complaint_a_id, complaint_b_id, kind, status, source, reason, detail FROM links"
                       ) == [(7, 1, 2, "manual", "confirmed", "person", "同一代理人陪同来访", "{}")]


def test_upgraded_store_works_with_detection(old_store: Path) -> None:
    db = old_store
    store = open_store(resolve(str(db)), create=True)
    try:
        ctx = sign_in(store, "tester")
        detection.detect_all(ctx)
    finally:
        store.dispose()
    links = sqlite_rows(db, "SELECT complaint_a_id, complaint_b_id, kind, status, source FROM links ORDER BY id")
    assert (1, 2, "manual", "confirmed", "person") in links  # a full run never touches a person's link
    assert (1, 2, "phone", "suggested", "detector") in links
    level, reasons = sqlite_rows(db, "SELECT risk_level, risk_reasons FROM complaints WHERE id = 2")[0]
    assert level == "level2" and json.loads(reasons)


def test_downgrade_to_0001_keeps_the_rows(old_store: Path) -> None:
    db = old_store
    open_store(resolve(str(db)), create=True).dispose()
    # Whatever the upgrade did to them, these rows exist at 0002 before going down.
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("INSERT OR IGNORE INTO complaint_identifiers (complaint_id, identifier_id, role) "
                    "VALUES (1, 1, 'contact_phone'), (2, 1, 'contact_phone')")
        con.execute("INSERT OR IGNORE INTO links (id, complaint_a_id, complaint_b_id, kind, score, reason, status, "
                    "created_at, version, detail, source) VALUES (7, 1, 2, 'manual', 1.0, '同一代理人陪同来访', "
                    "'confirmed', '2025-10-03 10:00:00', 1, '{}', 'person')")
        con.commit()
    migrate(db, "0001", down=True)
    assert revision_of(db) == "0001"
    assert not NEW_TABLES & tables(db)
    assert not {"detail", "source"} & columns(db, "links")
    assert not {"risk_manual", "risk_reasons"} & columns(db, "complaints")
    assert sqlite_rows(db, "SELECT id, risk_level, version FROM complaints ORDER BY id") == [(1, "level2", 3),
                                                                                           (2, "none", 1)]
    assert sqlite_rows(db, "SELECT id, kind, status FROM links") == [(7, "manual", "confirmed")]
    assert sqlite_rows(db, "SELECT count(*) FROM complaint_identifiers") == [(2,)]
    # And up again.
    migrate(db, "head")
    assert revision_of(db) == HEAD_REVISION
    assert sqlite_rows(db, "SELECT id, kind, source FROM links") == [(7, "manual", "person")]


def test_search_index_triggers_survive_the_upgrade(old_store: Path) -> None:
    """0001 keeps the full-text index in step with edits through triggers on ``complaints``."""
    db = old_store
    before = sqlite_rows(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'complaints'")
    assert {"complaints_fts_ad", "complaints_fts_au"} <= {r[0] for r in before}
    open_store(resolve(str(db)), create=True).dispose()
    after = sqlite_rows(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'complaints'")
    assert {r[0] for r in after} == {r[0] for r in before}


def test_an_edited_text_is_found_by_search(ctx: ServiceContext) -> None:
    """On a store created at head: after an edit, search finds the new words and not the old ones."""
    ref = cs.create_complaint(ctx, draft(1, text="催收人员上门骚扰，要求停止催收。"))
    assert [r.id for r in list_complaints(ctx.store, ComplaintFilter(search="上门骚扰"))] == [ref.id]
    changes = cs.ComplaintChanges(received_at=dt.date(2026, 4, 1), deadline_at=None, customer_name="王伟",
                                  contract_no="", loan_no="", overdue_amount="", text="客服拖延办理提前结清手续。",
                                  notes="", demands=(), category="")
    cs.update_complaint(ctx, ref.id, 1, changes)
    assert [r.id for r in list_complaints(ctx.store, ComplaintFilter(search="提前结清"))] == [ref.id]
    assert list_complaints(ctx.store, ComplaintFilter(search="上门骚扰")) == []


def test_0003_adds_the_import_vocabulary_and_keeps_the_rows(old_store: Path) -> None:
    """Migration 0003 (channel aliases, saved column mappings, registration time) on a store at 0002."""
    db = old_store
    migrate(db, "0002")
    assert revision_of(db) == "0002"
    assert not {"channel_aliases", "import_mappings"} & tables(db)
    migrate(db, "0003")
    assert revision_of(db) == "0003"
    assert {"channel_aliases", "import_mappings"} <= tables(db)
    assert "received_time" in columns(db, "complaints")
    assert sqlite_rows(db, "SELECT id, reference, received_time FROM complaints ORDER BY id") == [
        (1, "GL-2025-000001", None), (2, "GL-2025-000002", None)]
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("INSERT INTO channel_aliases (alias_key, alias, code, created_by, created_at) "
                    "VALUES ('网络', '网络', '12315', 'tester', '2026-12-07 06:00:00')")
        con.commit()
    migrate(db, "0002", down=True)
    assert not {"channel_aliases", "import_mappings"} & tables(db)
    assert "received_time" not in columns(db, "complaints")
    assert sqlite_rows(db, "SELECT count(*) FROM complaints") == [(2,)]


def test_0004_adds_referral_packages_and_keeps_referrals_and_their_decisions(old_store: Path) -> None:
    """Migration 0004 (group offences and period, staff profile, draft referrals, package records) on a
    store at 0003 holding a group with a referral and a decision: nothing is lost, nothing cascades."""
    db = old_store
    migrate(db, "0003")
    with contextlib.closing(sqlite3.connect(db)) as con:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("INSERT INTO roles (code, label) SELECT 'admin', 'admin' WHERE NOT EXISTS "
                    "(SELECT 1 FROM roles WHERE code = 'admin')")
        con.execute("INSERT INTO users (id, username, display_name, role, active, created_at, version) VALUES "
                    "(1, 'zhang', '张三', 'admin', 1, '2026-01-01 00:00:00', 1)")
        con.execute("INSERT INTO agent_groups (id, reference, title, status, summary, amount_involved_cents,"
                    " loss_stopped_cents, persons_handled, detained, arrested, on_bail, prosecuted, sentenced,"
                    " created_at, updated_at, version) VALUES (1, 'TH-2026-0001', '某代理团伙', 'referred', '', 0, 0,"
                    " 0, 0, 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)")
        con.execute("INSERT INTO referrals (id, group_id, target, agency, sent_on, package_name, package_sha256,"
                    " receipt_no, notes, created_at, version) VALUES (1, 1, 'police', '某市公安局', '2026-02-01', '',"
                    " '', 'R-1', '', '2026-02-01 00:00:00', 1)")
        con.execute("INSERT INTO referral_decisions (referral_id, decision, decided_on, document_no, notes,"
                    " next_deadline_label, created_at) VALUES (1, 'accepted', '2026-02-03', 'R-1', '', '',"
                    " '2026-02-03 00:00:00')")
        con.commit()
    open_store(resolve(str(db)), create=True).dispose()
    assert revision_of(db) == "0004" == HEAD_REVISION
    assert "referral_packages" in tables(db)
    assert {"offences", "period_from", "period_to"} <= columns(db, "agent_groups")
    assert {"full_name", "position", "work_phone", "work_id", "id_number_enc", "id_number_masked"} <= columns(db, "users")
    assert sqlite_rows(db, "SELECT id, status, agency FROM referrals") == [(1, "sent", "某市公安局")]
    assert sqlite_rows(db, "SELECT referral_id, decision FROM referral_decisions") == [(1, "accepted")]
    assert sqlite_rows(db, "SELECT offences, period_from FROM agent_groups") == [("[]", None)]
    assert sqlite_rows(db, "SELECT full_name, id_number_enc FROM users WHERE id = 1") == [("", None)]
    migrate(db, "0003", down=True)
    assert "referral_packages" not in tables(db)
    assert "status" not in columns(db, "referrals")
    assert sqlite_rows(db, "SELECT referral_id, decision FROM referral_decisions") == [(1, "accepted")]

"""Migrations: an empty database upgrades to head, and the result matches the table models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from greyline.storage.db import _sqlite_engine, schema_state, upgrade
from greyline.storage.migrations.env_filters import include_object
from greyline.storage.tables import Base


def test_empty_database_upgrades_to_head_matching_models(tmp_path: Path) -> None:
    engine = _sqlite_engine(f"sqlite:///{tmp_path / 'm.sqlite'}", immediate=True)
    try:
        assert schema_state(engine)[0] is None
        upgrade(engine)
        current, head = schema_state(engine)
        assert current == head
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
            assert compare_metadata(ctx, Base.metadata) == []
            names = set(inspect(conn).get_table_names())
            assert {"complaints", "identifiers", "audit_events", "evidence_items", "links"} <= names
            assert "complaint_fts" in names
            assert conn.execute(text("SELECT count(*) FROM roles")).scalar() == 4
            assert conn.execute(text("SELECT count(*) FROM channel_rules")).scalar() >= 12
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # Upgrading again is a no-op.
        upgrade(engine)
        assert schema_state(engine)[0] == head
    finally:
        engine.dispose()


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from greyline.storage.db import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION

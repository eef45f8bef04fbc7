"""Store maintenance on real files: full verification, backup with manifest, verified restore."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from greyline.domain.enums import EvidenceKind
from greyline.domain.errors import DomainError, IntegrityProblem
from greyline.queries.complaints import count_complaints, list_complaints
from greyline.services import complaints as cs
from greyline.services import evidence as es
from greyline.services.context import ServiceContext, sign_in
from greyline.storage.db import open_store
from greyline.storage.location import resolve
from greyline.storage.maintenance import MANIFEST, backup, check_backup, restore, verify_store
from integration.helpers import count, draft, snapshot, sqlite_exec, sqlite_rows

RECORDING = bytes(range(256)) * 40
SCREENSHOT = b"\x89PNG\r\n\x1a\n" + os.urandom(3000)


def flip_byte(path: Path, offset: int = 100) -> None:
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def filled(ctx: ServiceContext) -> dict[str, object]:
    """Three complaints, two of them with evidence files; returns what the tests check afterwards."""
    a = cs.create_complaint(ctx, draft(1))
    b = cs.create_complaint(ctx, draft(2))
    cs.create_complaint(ctx, draft(3))
    rec = es.attach_bytes(ctx, RECORDING, "来电录音.wav", EvidenceKind.RECORDING, complaint_id=a.id)
    shot = es.attach_bytes(ctx, SCREENSHOT, "聊天截图.png", EvidenceKind.CHAT, complaint_id=b.id)
    phone_id = sqlite_rows(ctx.store.location.sqlite_path, "SELECT identifier_id FROM complaint_identifiers "
                                                           "WHERE complaint_id=? AND role='customer_phone'", (a.id,))[0][0]
    return {"a": a, "b": b, "rec": rec, "shot": shot, "phone_id": phone_id}


def test_verify_store_is_clean_on_a_fresh_store(ctx: ServiceContext, filled: dict) -> None:
    assert verify_store(ctx.store) == []


def test_verify_store_names_an_altered_evidence_file_and_its_complaint(ctx: ServiceContext, filled: dict) -> None:
    rec, a = filled["rec"], filled["a"]
    flip_byte(ctx.store.vault.path_for(rec.sha256))
    problems = verify_store(ctx.store)
    assert len(problems) == 1
    (p,) = problems
    assert p.area == "evidence"
    assert f"evidence #{rec.id}" in p.subject
    assert "来电录音.wav" in p.subject and a.reference in p.subject
    assert p.detail.startswith("altered")


def test_verify_store_reports_a_missing_evidence_file(ctx: ServiceContext, filled: dict) -> None:
    shot = filled["shot"]
    os.remove(ctx.store.vault.path_for(shot.sha256))
    (p,) = verify_store(ctx.store)
    assert f"evidence #{shot.id}" in p.subject and filled["b"].reference in p.subject
    assert p.detail.startswith("missing")


def test_verify_store_reports_an_edited_audit_row(ctx: ServiceContext, filled: dict, db_path: Path) -> None:
    sqlite_exec(db_path, "UPDATE audit_events SET username='someone' WHERE id=3")
    problems = verify_store(ctx.store)
    assert [(p.area, p.subject) for p in problems] == [("audit", "audit event #3")]


def test_backup_writes_database_vault_key_and_manifest(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    dest = tmp_path / "backup-1"
    manifest = backup(ctx.store, dest)
    paths = {f["path"] for f in manifest["files"]}
    rec, shot = filled["rec"], filled["shot"]
    assert paths == {"greyline.sqlite", "greyline.key", f"vault/objects/{rec.sha256[:2]}/{rec.sha256[2:4]}/{rec.sha256}",
                     f"vault/objects/{shot.sha256[:2]}/{shot.sha256[2:4]}/{shot.sha256}"}
    assert json.loads((dest / MANIFEST).read_text(encoding="utf-8")) == manifest
    assert stat.S_IMODE((dest / "greyline.key").stat().st_mode) == 0o600
    assert not Path(str(dest / "greyline.sqlite") + "-wal").exists()
    assert sqlite_rows(dest / "greyline.sqlite", "PRAGMA journal_mode") == [("delete",)]
    assert count(dest / "greyline.sqlite", "complaints") == 3
    assert check_backup(dest)[1] == []


def test_restore_into_a_new_location_works_completely(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    dest = tmp_path / "backup"
    backup(ctx.store, dest)
    new_db = tmp_path / "elsewhere" / "restored.sqlite"
    location = resolve(str(new_db))

    assert restore(dest, location) is None
    assert location.key_file.read_bytes() == ctx.store.location.key_file.read_bytes()
    store = open_store(location)
    try:
        assert verify_store(store) == []
        assert count_complaints(store) == 3
        assert {r.reference for r in list_complaints(store)} == {
            r.reference for r in list_complaints(ctx.store)}
        with store.vault.open(filled["rec"].sha256) as fh:
            assert fh.read() == RECORDING
        with store.vault.open(filled["shot"].sha256) as fh:
            assert fh.read() == SCREENSHOT
        # The key works: encrypted identifiers decrypt, and the signed-in admin is still known.
        restored_ctx = sign_in(store, "tester", bootstrap_admin=False)
        assert cs.unmask_identifier(restored_ctx, filled["phone_id"], "恢复后核对") == "+8613830000001"
        assert verify_store(store) == []  # the unmask added an audit event to an intact chain
    finally:
        store.dispose()


def test_restore_over_an_existing_store_keeps_the_old_one_aside(ctx: ServiceContext, filled: dict,
                                                                tmp_path: Path, db_path: Path) -> None:
    dest = tmp_path / "backup"
    backup(ctx.store, dest)
    cs.create_complaint(ctx, draft(4))
    cs.create_complaint(ctx, draft(5))
    ctx.store.dispose()

    aside = restore(dest, ctx.store.location)
    assert aside is not None and aside.exists() and aside != db_path
    assert aside.parent == db_path.parent and ".before-restore-" in aside.name
    assert count(aside, "complaints") == 5
    assert count(db_path, "complaints") == 3
    store = open_store(ctx.store.location)
    try:
        assert verify_store(store) == []
    finally:
        store.dispose()


@pytest.mark.parametrize("target", ["vault", "database"])
def test_a_damaged_backup_is_refused_and_the_target_is_untouched(ctx: ServiceContext, filled: dict, tmp_path: Path,
                                                                 target: str) -> None:
    dest = tmp_path / "backup"
    backup(ctx.store, dest)
    sha = filled["rec"].sha256
    damaged = dest / "greyline.sqlite" if target == "database" else dest / "vault" / "objects" / sha[:2] / sha[2:4] / sha
    flip_byte(damaged, offset=5000)
    ctx.store.dispose()
    store_root = ctx.store.location.sqlite_path.parent
    before = snapshot(store_root)

    with pytest.raises(IntegrityProblem) as info:
        restore(dest, ctx.store.location)
    rel = damaged.relative_to(dest).as_posix()
    assert rel in info.value.message
    assert snapshot(store_root) == before

    fresh = tmp_path / "fresh" / "g.sqlite"
    with pytest.raises(IntegrityProblem):
        restore(dest, resolve(str(fresh)))
    assert not fresh.parent.exists() or not any(fresh.parent.iterdir())


def test_a_backup_missing_a_file_is_refused(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    dest = tmp_path / "backup"
    backup(ctx.store, dest)
    sha = filled["shot"].sha256
    os.remove(dest / "vault" / "objects" / sha[:2] / sha[2:4] / sha)
    manifest, problems = check_backup(dest)
    assert len(problems) == 1 and sha in problems[0] and "缺失" in problems[0]
    with pytest.raises(IntegrityProblem):
        restore(dest, resolve(str(tmp_path / "new" / "g.sqlite")))


def test_a_folder_without_manifest_is_not_a_backup(tmp_path: Path) -> None:
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "greyline.sqlite").write_bytes(b"not a database")
    with pytest.raises(DomainError, match=MANIFEST):
        restore(tmp_path / "junk", resolve(str(tmp_path / "new" / "g.sqlite")))


def test_backup_refuses_a_non_empty_destination(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    dest = tmp_path / "busy"
    dest.mkdir()
    (dest / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(DomainError, match="不是空的"):
        backup(ctx.store, dest)
    assert snapshot(dest) == {"notes.txt": "keep me".encode()}


def test_backup_refuses_to_copy_an_altered_evidence_file(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    flip_byte(ctx.store.vault.path_for(filled["rec"].sha256))
    with pytest.raises(IntegrityProblem, match=filled["rec"].sha256):
        backup(ctx.store, tmp_path / "backup")
    assert not (tmp_path / "backup" / MANIFEST).exists()


def test_restore_refuses_to_replace_a_different_key(ctx: ServiceContext, filled: dict, tmp_path: Path) -> None:
    dest = tmp_path / "backup"
    backup(ctx.store, dest)
    other_db = tmp_path / "other" / "other.sqlite"
    other = open_store(resolve(str(other_db)), create=True)
    other.dispose()
    before = snapshot(other_db.parent)
    with pytest.raises(DomainError, match="密钥"):
        restore(dest, resolve(str(other_db)))
    assert snapshot(other_db.parent) == before

"""Store maintenance: full verification, consistent backup and verified restore.

Backup copies the SQLite database with the online backup API (a consistent snapshot even while the app
is open), then every vault object, then the key file, and writes a manifest of SHA-256 hashes. Restore
checks every file of the backup against the manifest and the database's own integrity before it
replaces anything, and moves the store it replaces aside instead of deleting it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from greyline import __version__
from greyline.domain.errors import DomainError, IntegrityProblem
from greyline.storage import audit
from greyline.storage import tables as t
from greyline.storage.db import Store, schema_state
from greyline.storage.location import StoreLocation
from greyline.storage.vault import Vault, hash_file

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Problem:
    area: str       # 'database' | 'evidence' | 'audit'
    subject: str    # what is affected, e.g. 'evidence #12 通话录音.wav (GL-2026-000005)'
    detail: str


def verify_store(store: Store, *, progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    with Session(store.read_engine) as session:
        if store.is_sqlite:
            for (line,) in session.execute(text("PRAGMA integrity_check")):
                if line != "ok":
                    problems.append(Problem("database", str(store.location.display), line))
            for row in session.execute(text("PRAGMA foreign_key_check")):
                problems.append(Problem("database", f"table {row[0]} row {row[1]}", f"broken reference to {row[2]}"))
        items = session.execute(
            select(t.EvidenceItem.id, t.EvidenceItem.sha256, t.EvidenceItem.sm3, t.EvidenceItem.size,
                   t.EvidenceItem.original_name).order_by(t.EvidenceItem.id)
        ).all()
        refs: dict[int, list[str]] = {}
        for eid, ref in session.execute(
            select(t.ComplaintEvidence.evidence_id, t.Complaint.reference).join(
                t.Complaint, t.Complaint.id == t.ComplaintEvidence.complaint_id)
        ):
            refs.setdefault(eid, []).append(ref)
        checked: dict[tuple[str, str, int], object] = {}
        for n, (eid, sha, sm3, size, name) in enumerate(items, start=1):
            key = (sha, sm3, size)
            if key not in checked:
                checked[key] = store.vault.check(sha, sm3=sm3, size=size, cancel=cancel)
            result = checked[key]
            if result.status != "ok":  # type: ignore[attr-defined]
                where = f" ({', '.join(refs[eid])})" if eid in refs else ""
                problems.append(Problem("evidence", f"evidence #{eid} {name}{where}",
                                        f"{result.status}: {result.detail}"))  # type: ignore[attr-defined]
            if progress is not None:
                progress(n, len(items))
        for p in audit.verify_chain(session):
            problems.append(Problem("audit", f"audit event #{p.event_id}" if p.event_id else "audit chain", p.detail))
    return problems


def _sha256(path: Path) -> str:
    return hash_file(path)[0]


def _require_sqlite(location: StoreLocation) -> Path:
    if location.sqlite_path is None:
        raise DomainError("服务器数据库请用数据库自身的备份工具（如 pg_dump）；本命令只备份内置 SQLite 库。")
    return location.sqlite_path


def backup(store: Store, dest: Path, *, progress: Callable[[int, int], None] | None = None) -> dict:
    """Write a consistent backup of database, vault and key to the folder ``dest``; returns the manifest."""
    db_path = _require_sqlite(store.location)
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise DomainError(f"{dest}: 目标文件夹不是空的，请指定一个新的文件夹")
    dest.mkdir(parents=True, exist_ok=True)
    out_db = dest / "greyline.sqlite"
    src = sqlite3.connect(str(db_path))
    try:
        dst = sqlite3.connect(str(out_db))
        try:
            src.backup(dst)
            # A self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    files: list[dict] = []
    hashes = list(store.vault.iter_hashes())
    backup_vault = Vault(dest / "vault")
    for n, sha in enumerate(hashes, start=1):
        with store.vault.open(sha) as fh:
            blob = backup_vault.put_stream(fh)
        if blob.sha256 != sha:
            raise IntegrityProblem(f"vault object {sha} is altered (now {blob.sha256}); run greyline verify")
        if progress is not None:
            progress(n, len(hashes))
    for sha in hashes:
        files.append({"path": f"vault/objects/{sha[:2]}/{sha[2:4]}/{sha}", "sha256": sha})
    files.append({"path": "greyline.sqlite", "sha256": _sha256(out_db)})
    if store.location.key_file.exists():
        shutil.copy2(store.location.key_file, dest / "greyline.key")
        os.chmod(dest / "greyline.key", 0o600)
        files.append({"path": "greyline.key", "sha256": _sha256(dest / "greyline.key")})
    current, _ = schema_state(store.write_engine)
    manifest = {
        "format": "greyline-backup-1",
        "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        "app_version": __version__,
        "schema_revision": current,
        "source": str(db_path),
        "files": files,
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


def check_backup(src: Path) -> tuple[dict, list[str]]:
    """Verify a backup folder against its manifest; returns (manifest, problems)."""
    src = Path(src)
    mpath = src / MANIFEST
    if not mpath.exists():
        raise DomainError(f"{src}: 不是灰线备份（缺少 {MANIFEST}）")
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DomainError(f"{mpath}: 清单文件已损坏（{exc}）") from None
    if manifest.get("format") != "greyline-backup-1":
        raise DomainError(f"{mpath}: 不认识的备份格式")
    problems: list[str] = []
    for entry in manifest.get("files", []):
        rel = entry["path"]
        p = (src / rel).resolve()
        if src.resolve() not in p.parents:
            problems.append(f"{rel}: 路径越出备份文件夹")
            continue
        if not p.is_file():
            problems.append(f"{rel}: 文件缺失")
        elif _sha256(p) != entry["sha256"]:
            problems.append(f"{rel}: 内容与清单中的哈希不符")
    db = src / "greyline.sqlite"
    if db.is_file() and not problems:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
        if result != ["ok"]:
            problems.append("greyline.sqlite: 数据库完整性检查未通过：" + "; ".join(result[:5]))
    return manifest, problems


def restore(src: Path, location: StoreLocation) -> Path | None:
    """Restore a verified backup into ``location``; returns where the replaced store was moved, if any."""
    db_path = _require_sqlite(location)
    manifest, problems = check_backup(src)
    if problems:
        raise IntegrityProblem("备份校验未通过，未做任何改动：\n" + "\n".join(problems))
    src = Path(src)
    backup_key = src / "greyline.key"
    if location.key_file.exists() and backup_key.exists():
        if location.key_file.read_bytes().strip() != backup_key.read_bytes().strip():
            raise DomainError(
                f"现有密钥文件 {location.key_file} 与备份中的密钥不同。为免覆盖其他库的密钥，"
                "请先移走它，或用 --db 指定一个新位置恢复。"
            )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside: Path | None = None
    tmp_db = db_path.with_name(db_path.name + ".restore-tmp")
    shutil.copy2(src / "greyline.sqlite", tmp_db)
    with open(tmp_db, "rb+") as fh:
        os.fsync(fh.fileno())
    vault = Vault(location.vault_dir)
    for entry in manifest["files"]:
        if entry["path"].startswith("vault/"):
            sha = entry["sha256"]
            if not vault.exists(sha):
                vault.put_file(src / entry["path"])
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(db_path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
    os.replace(tmp_db, db_path)
    if backup_key.exists() and not location.key_file.exists():
        shutil.copy2(backup_key, location.key_file)
        os.chmod(location.key_file, 0o600)
    return aside

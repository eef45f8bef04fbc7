"""Evidence use cases: attach a file (hashed into the vault), edit its description, verify it.

The file is streamed into the vault before the database transaction starts, so hashing a large file
never holds a write lock; if the transaction then fails, the unreferenced object is harmless
(content-addressed) and is reused by the next attach of the same file.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from greyline.domain.enums import CustodyAction, EvidenceKind, LegalKind
from greyline.domain.errors import ConflictError, DomainError, ValidationError
from greyline.domain.permissions import Permission
from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.storage.vault import BlobCheck, StoredBlob

# The usual legal kind for each evidence kind (CPL art. 50); editable per item.
DEFAULT_LEGAL_KIND = {
    EvidenceKind.RECORDING: LegalKind.AUDIOVISUAL,
    EvidenceKind.SCREENSHOT: LegalKind.AUDIOVISUAL,
    EvidenceKind.CHAT: LegalKind.AUDIOVISUAL,
    EvidenceKind.DOCUMENT: LegalKind.DOCUMENTARY,
    EvidenceKind.CONTRACT: LegalKind.DOCUMENTARY,
    EvidenceKind.ID_COPY: LegalKind.DOCUMENTARY,
    EvidenceKind.OTHER: LegalKind.DOCUMENTARY,
}


@dataclass(frozen=True)
class EvidenceRef:
    id: int
    sha256: str
    sm3: str
    size: int
    original_name: str
    already_in_vault: bool


def _media_type(name: str) -> str:
    extra = {".m4a": "audio/mp4", ".amr": "audio/amr", ".flac": "audio/flac", ".wav": "audio/wav"}
    suffix = Path(name).suffix.lower()
    return extra.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _record(ctx: ServiceContext, blob: StoredBlob, original_name: str, kind: EvidenceKind, note: str,
            complaint_id: int | None, group_id: int | None, source: str) -> EvidenceRef:
    with ctx.uow() as uow:
        target = ""
        if complaint_id is not None:
            target = uow.repo.complaint_ref(complaint_id)[0]
        if group_id is not None:
            target = uow.repo.group(group_id).reference
        eid = uow.repo.add_evidence(
            sha256=blob.sha256, sm3=blob.sm3, size=blob.size, original_name=original_name[:300],
            media_type=_media_type(original_name), kind=kind.value,
            legal_kind=DEFAULT_LEGAL_KIND[kind].value, source=source, collected_by=ctx.actor.username,
            collected_at=dt.datetime.now().replace(microsecond=0), is_original=True, description=note,
            created_by=ctx.actor.user_id,
        )
        uow.repo.attach_evidence(eid, complaint_id=complaint_id, group_id=group_id)
        uow.repo.add_custody(eid, CustodyAction.ADDED.value, ctx.actor.user_id,
                             f"sha256={blob.sha256} sm3={blob.sm3} size={blob.size}")
        uow.record("evidence_added", "evidence", eid, {"name": original_name, "sha256": blob.sha256,
                                                        "attached_to": target, "kind": kind.value})
        uow.commit()
    if complaint_id is not None:
        detection.after_evidence_added(ctx, [eid])
    return EvidenceRef(eid, blob.sha256, blob.sm3, blob.size, original_name, blob.already_present)


def attach_file(ctx: ServiceContext, path: Path, kind: EvidenceKind, *, complaint_id: int | None = None,
                group_id: int | None = None, note: str = "", source: str = "",
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> EvidenceRef:
    ctx.require(Permission.ATTACH_EVIDENCE)
    path = Path(path)
    if complaint_id is None and group_id is None:
        raise ValidationError("证据必须挂在一笔投诉或一个团伙/案件上", field="target")
    if not path.is_file():
        raise DomainError(f"{path}: 文件不存在或不是普通文件")
    blob = ctx.store.vault.put_file(path, progress=progress, cancel=cancel)
    return _record(ctx, blob, path.name, kind, note, complaint_id, group_id, source)


def attach_bytes(ctx: ServiceContext, data: bytes, name: str, kind: EvidenceKind, *,
                 complaint_id: int | None = None, group_id: int | None = None, note: str = "",
                 source: str = "") -> EvidenceRef:
    ctx.require(Permission.ATTACH_EVIDENCE)
    blob = ctx.store.vault.put_bytes(data)
    return _record(ctx, blob, name, kind, note, complaint_id, group_id, source)


@dataclass(frozen=True)
class EvidenceChanges:
    legal_kind: LegalKind | None
    source: str
    is_original: bool
    purpose: str
    description: str
    transcript: str
    verification_notes: str


def update_evidence(ctx: ServiceContext, evidence_id: int, expected_version: int, changes: EvidenceChanges) -> int:
    """Edit the description of an item; the file itself can never change."""
    ctx.require(Permission.ATTACH_EVIDENCE)
    with ctx.uow() as uow:
        row = uow.repo.evidence(evidence_id)
        if row.version != expected_version:
            raise ConflictError("此证据信息已被他人修改并保存。请重新载入后再改。")
        row.legal_kind = changes.legal_kind.value if changes.legal_kind else None
        row.source, row.is_original = changes.source.strip(), changes.is_original
        row.purpose, row.description = changes.purpose.strip(), changes.description.strip()
        row.transcript, row.verification_notes = changes.transcript, changes.verification_notes.strip()
        uow.flush()
        uow.record("evidence_updated", "evidence", evidence_id, {"version": row.version})
        version = row.version
        uow.commit()
    return version


def verify_evidence(ctx: ServiceContext, evidence_id: int, cancel: Callable[[], bool] | None = None) -> BlobCheck:
    """Re-hash the stored file against its recorded SHA-256 and SM3; the check is logged in custody."""
    with ctx.uow() as uow:
        row = uow.repo.evidence(evidence_id)
        sha, sm3, size = row.sha256, row.sm3, row.size
    check = ctx.store.vault.check(sha, sm3=sm3, size=size, cancel=cancel)
    with ctx.uow() as uow:
        uow.repo.add_custody(evidence_id, CustodyAction.VERIFIED.value, ctx.actor.user_id,
                             f"{check.status}: {check.detail}")
        uow.record("evidence_verified", "evidence", evidence_id, {"status": check.status})
        uow.commit()
    return check


def record_view(ctx: ServiceContext, evidence_id: int) -> None:
    """Log that someone opened an evidence file (custody trail and audit)."""
    with ctx.uow() as uow:
        uow.repo.evidence(evidence_id)
        uow.repo.add_custody(evidence_id, CustodyAction.VIEWED.value, ctx.actor.user_id, "")
        uow.record("evidence_viewed", "evidence", evidence_id, {})
        uow.commit()

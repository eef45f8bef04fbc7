"""Store maintenance as user actions: verification and backup, with permission checks and audit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext
from greyline.storage import maintenance


@dataclass(frozen=True)
class StoreProblem:
    area: str
    subject: str
    detail: str


def verify(ctx: ServiceContext, *, progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> list[StoreProblem]:
    problems = maintenance.verify_store(ctx.store, progress=progress, cancel=cancel)
    with ctx.uow() as uow:
        uow.record("verify", "store", "", {"problems": len(problems)})
        uow.commit()
    return [StoreProblem(p.area, p.subject, p.detail) for p in problems]


def backup(ctx: ServiceContext, dest: Path, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Back up database, vault and key into the new folder ``dest``; returns the number of files."""
    ctx.require(Permission.BACKUP)
    manifest = maintenance.backup(ctx.store, dest, progress=progress)
    with ctx.uow() as uow:
        uow.record("backup", "store", "", {"dest": str(dest), "files": len(manifest["files"])})
        uow.commit()
    return len(manifest["files"])

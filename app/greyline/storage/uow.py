"""Unit of work: one user action, one transaction, committed once or rolled back.

Audit events are collected during the action and appended to the hash chain in the same transaction
as the change they describe, so a change without its audit record cannot be committed.
"""

from __future__ import annotations

import json
from types import TracebackType
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from greyline.domain.errors import ConflictError, Duplicate
from greyline.storage import audit
from greyline.storage.db import Store
from greyline.storage.detection_repo import DetectionRepo
from greyline.storage.repositories import Repositories
from greyline.storage.vault import Vault


class UnitOfWork:
    def __init__(self, store: Store, username: str, *, readonly: bool = False) -> None:
        self.store = store
        self.readonly = readonly
        self.username = username
        self.vault: Vault = store.vault
        self._events: list[audit.PendingEvent] = []
        self._committed = False

    def __enter__(self) -> "UnitOfWork":
        # Read-only work uses the reader engine, so it never takes SQLite's write lock.
        self.session = (self.store.read_sessions if self.readonly else self.store.write_sessions)()
        self.session.begin()
        self.repo = Repositories(self.session, self.store.cipher)
        self.detect = DetectionRepo(self.session)
        self._events = []
        self._committed = False
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()

    def record(self, action: str, entity: str = "", entity_id: Any = "", detail: dict[str, Any] | None = None) -> None:
        """Queue an audit event for this unit of work."""
        text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
        self._events.append(audit.PendingEvent(action, entity, str(entity_id), text))

    def flush(self) -> None:
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise ConflictError("此记录已被他人修改并保存。请重新载入后再改。") from exc

    def commit(self) -> None:
        if self.readonly:
            raise RuntimeError("a read-only unit of work cannot commit")
        try:
            self.session.flush()
            audit.append(self.session, self.username, self._events)
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise ConflictError("此记录已被他人修改并保存。请重新载入后再改。") from exc
        except IntegrityError as exc:
            self.session.rollback()
            raise Duplicate(f"数据与已有记录冲突：{exc.orig}") from exc
        self._events = []
        self._committed = True

    def rollback(self) -> None:
        self.session.rollback()

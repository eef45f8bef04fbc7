"""The audit hash chain: appending events and verifying the chain.

Each event's hash covers its own fields and the previous event's hash, so editing or deleting any
row breaks every later link. The chain head row is locked while appending (a row lock on PostgreSQL;
SQLite writers are already serialised by BEGIN IMMEDIATE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from greyline.storage import tables as t

GENESIS = "0" * 64


def event_hash(prev_hash: str, at: dt.datetime, username: str, action: str, entity: str,
               entity_id: str, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(timespec="microseconds"), username, action, entity, entity_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingEvent:
    action: str
    entity: str
    entity_id: str
    detail: str


def append(session: Session, username: str, events: list[PendingEvent]) -> None:
    if not events:
        return
    head = session.scalars(select(t.AuditHead).where(t.AuditHead.id == 1).with_for_update()).one()
    prev = head.last_hash
    now = t.utcnow()
    rows = []
    for ev in events:
        h = event_hash(prev, now, username, ev.action, ev.entity, ev.entity_id, ev.detail)
        rows.append(t.AuditEvent(at=now, username=username, action=ev.action, entity=ev.entity,
                                 entity_id=ev.entity_id, detail=ev.detail, prev_hash=prev, row_hash=h))
        prev = h
    session.add_all(rows)
    session.flush()
    head.last_id = rows[-1].id
    head.last_hash = prev


@dataclass(frozen=True)
class ChainProblem:
    event_id: int | None
    detail: str


def verify_chain(session: Session) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    prev = GENESIS
    last_id = 0
    count = 0
    stmt = select(t.AuditEvent).order_by(t.AuditEvent.id).execution_options(yield_per=5000)
    for ev in session.scalars(stmt):
        count += 1
        if ev.prev_hash != prev:
            problems.append(ChainProblem(ev.id, f"审计记录 #{ev.id} 的前序哈希不符（其前一条被删除或改动）"))
        expected = event_hash(ev.prev_hash, ev.at, ev.username, ev.action, ev.entity, ev.entity_id, ev.detail)
        if expected != ev.row_hash:
            problems.append(ChainProblem(ev.id, f"审计记录 #{ev.id}（{ev.action} {ev.entity} {ev.entity_id}）内容被改动"))
        prev = ev.row_hash
        last_id = ev.id
    head = session.get(t.AuditHead, 1)
    if head is None:
        problems.append(ChainProblem(None, "审计链头记录缺失"))
    elif head.last_hash != prev or head.last_id != last_id:
        problems.append(ChainProblem(None, f"审计链末尾不符：记录可能在 #{last_id} 之后被删除"))
    return problems

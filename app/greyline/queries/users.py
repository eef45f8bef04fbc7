"""Users as plain rows for the settings page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from greyline.storage import tables as t
from greyline.storage.db import Store


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    created_at: dt.datetime


def list_users(store: Store) -> list[UserRow]:
    with Session(store.read_engine) as session:
        return [UserRow(*r) for r in session.execute(
            select(t.User.id, t.User.username, t.User.display_name, t.User.role, t.User.active, t.User.created_at)
            .order_by(t.User.username))]

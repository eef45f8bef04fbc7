"""The one place that wires a store, the signed-in user and (for the GUI) the window together."""

from __future__ import annotations

import getpass
import os

from greyline.services.context import ServiceContext, sign_in
from greyline.storage.db import Store, open_store
from greyline.storage.location import StoreLocation, resolve


def current_username(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get("GREYLINE_USER")
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def open_context(db: str | None, username: str | None, *, create: bool) -> tuple[Store, ServiceContext]:
    location: StoreLocation = resolve(db)
    store = open_store(location, create=create)
    try:
        ctx = sign_in(store, current_username(username))
    except BaseException:
        store.dispose()
        raise
    return store, ctx

"""Shared fixtures: every test gets its own data directory and a real SQLite store in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import greyline.ui  # noqa: F401 - applies the PySide6 6.12 work-around before any Qt call

from greyline.services.context import ServiceContext, sign_in
from greyline.storage.db import Store, open_store
from greyline.storage.location import resolve

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data directory or inherit a store from the environment."""
    monkeypatch.setenv("GREYLINE_DATA_DIR", str(tmp_path / "userdata"))
    for var in ("GREYLINE_DB", "GREYLINE_VAULT", "GREYLINE_KEY_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GREYLINE_USER", "tester")
    monkeypatch.setenv("GREYLINE_LANG", "zh_CN")
    # Window geometry, column widths and language live in QSettings: keep them per test.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "greyline.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(resolve(str(db_path)), create=True)
    yield s
    s.dispose()


@pytest.fixture
def ctx(store: Store) -> ServiceContext:
    """The first user of a fresh store: an administrator named 'tester'."""
    return sign_in(store, "tester")


def make_user(ctx: ServiceContext, username: str, role: str) -> ServiceContext:
    from greyline.services.users import add_user

    add_user(ctx, username, role)
    return sign_in(ctx.store, username)


@pytest.fixture
def user_factory(ctx: ServiceContext):  # noqa: ANN201
    return lambda username, role: make_user(ctx, username, role)

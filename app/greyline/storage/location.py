"""Where a store lives: database URL, evidence vault folder and key file.

The embedded default is one SQLite file in the user's data directory with the vault folder and the key
file beside it. ``--db`` / ``GREYLINE_DB`` take a file path or any SQLAlchemy URL; for a server
database the vault and key default to the user data directory and can be set with ``GREYLINE_VAULT``
and ``GREYLINE_KEY_FILE`` (a team points these at a shared folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

APP_NAME = "Greyline"


def data_dir() -> Path:
    override = os.environ.get("GREYLINE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class StoreLocation:
    url: str
    sqlite_path: Path | None  # None for a server database
    vault_dir: Path
    key_file: Path

    @property
    def display(self) -> str:
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return make_url(self.url).render_as_string(hide_password=True)


def resolve(db: str | None = None) -> StoreLocation:
    """Turn a ``--db`` value (or ``GREYLINE_DB``, or nothing) into a store location."""
    db = db or os.environ.get("GREYLINE_DB") or ""
    vault_env = os.environ.get("GREYLINE_VAULT")
    key_env = os.environ.get("GREYLINE_KEY_FILE")
    if not db:
        path = data_dir() / "greyline.sqlite"
    elif "://" in db:
        url = make_url(db)
        if url.get_backend_name() != "sqlite":
            base = data_dir()
            return StoreLocation(
                url=db,
                sqlite_path=None,
                vault_dir=Path(vault_env) if vault_env else base / "vault",
                key_file=Path(key_env) if key_env else base / "greyline.key",
            )
        if not url.database or url.database == ":memory:":
            raise ValueError("an in-memory SQLite database cannot hold a store")
        path = Path(url.database)
    else:
        path = Path(db)
    path = path.expanduser().absolute()
    stem = path.with_suffix("") if path.suffix else path
    return StoreLocation(
        url=f"sqlite:///{path}",
        sqlite_path=path,
        vault_dir=Path(vault_env) if vault_env else Path(str(stem) + ".vault"),
        key_file=Path(key_env) if key_env else Path(str(stem) + ".key"),
    )

"""Opening a store: engines with the right SQLite settings, migrations, the key and seed checks.

SQLite runs in WAL mode with foreign keys on and a busy timeout. Writers start with ``BEGIN IMMEDIATE``
so two writers never deadlock halfway through a unit of work; readers use a separate engine with
plain deferred transactions so lists stay readable while someone writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from greyline.domain.errors import DomainError, StoreKeyError
from greyline.storage import tables as t
from greyline.storage.crypto import StoreCipher, load_or_create_key
from greyline.storage.location import StoreLocation
from greyline.storage.vault import Vault

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Kept here so opening a store does not load Alembic (a test keeps it equal to
# the head of the migration scripts).
HEAD_REVISION = "0004"


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        # 64 MB page cache: bulk imports touch many index pages (FTS, unique keys).
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def alembic_config(connection=None):  # noqa: ANN001, ANN201
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@dataclass
class Store:
    """An open store: engines, session factories, cipher and vault."""

    location: StoreLocation
    write_engine: Engine
    read_engine: Engine
    cipher: StoreCipher
    vault: Vault

    def __post_init__(self) -> None:
        self.write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self.read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.location.sqlite_path is not None

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


def _engines(location: StoreLocation) -> tuple[Engine, Engine]:
    if location.sqlite_path is not None:
        return (_sqlite_engine(location.url, immediate=True), _sqlite_engine(location.url, immediate=False))
    engine = create_engine(location.url, pool_pre_ping=True)
    return engine, engine


def schema_state(engine: Engine) -> tuple[str | None, str]:
    """(current revision, head revision)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None, HEAD_REVISION
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return current, HEAD_REVISION


def upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def open_store(location: StoreLocation, *, create: bool = False) -> Store:
    """Open (and with ``create``, create or upgrade) the store at ``location``."""
    if location.sqlite_path is not None:
        if not location.sqlite_path.exists() and not create:
            raise DomainError(f"库文件不存在：{location.sqlite_path}。请先运行 greyline init。")
        location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    write_engine, read_engine = _engines(location)
    try:
        current, head = schema_state(write_engine)
        if current != head:
            if not create:
                raise DomainError(
                    f"库结构版本为 {current or '空'}，程序需要 {head}。请先运行 greyline init 升级。"
                )
            # An existing store must never get a fresh key: that would hide the loss of the real one.
            if current is not None and not location.key_file.exists():
                load_or_create_key(location.key_file, create=False)
            upgrade(write_engine)
        # Only a brand-new store (no key fingerprint yet) may create its key file.
        key = load_or_create_key(location.key_file, create=create and not _has_fingerprint(write_engine))
        cipher = StoreCipher(key)
        _check_key(write_engine, cipher, location)
    except BaseException:
        write_engine.dispose()
        read_engine.dispose()
        raise
    return Store(location, write_engine, read_engine, cipher, Vault(location.vault_dir))


def _has_fingerprint(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.get(t.StoreMeta, "key_fingerprint") is not None


def _check_key(engine: Engine, cipher: StoreCipher, location: StoreLocation) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(t.StoreMeta, "key_fingerprint")
        if row is None:
            session.add(t.StoreMeta(key="key_fingerprint", value=cipher.fingerprint))
            return
        if row.value != cipher.fingerprint:
            raise StoreKeyError(
                f"密钥文件 {location.key_file} 不属于此库（指纹不符）。请使用创建此库时的密钥文件。"
            )


def meta_value(session: Session, key: str) -> str | None:
    return session.scalar(select(t.StoreMeta.value).where(t.StoreMeta.key == key))

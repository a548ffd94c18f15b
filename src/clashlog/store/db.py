"""Database engines and migrations.

``--db`` accepts

* a SQLite URL (``sqlite:///clashlog.db``) or a plain file path
  (``clashlog.db``, ``/data/events.sqlite``): the file is opened in WAL mode
  with foreign keys on and real ``BEGIN`` transactions, so a process killed
  mid-write leaves the last committed state;
* a PostgreSQL URL: ``postgresql://user@host/db`` (or ``postgres://``) is
  used through psycopg 3 (``postgresql+psycopg://``).

`open_engine` brings the schema to the newest revision (Alembic ``upgrade
head``, run in-process from the migrations shipped in this package), so an
old database is upgraded the first time a newer clashlog opens it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from .schema import metadata

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# execution option marking a connection whose transactions will write (SQLite: BEGIN IMMEDIATE)
WRITE_OPTION = "clashlog_write"
# PostgreSQL advisory lock taken while migrating (any constant shared by all clashlog versions)
MIGRATION_LOCK_KEY = 0x636C6C67
# how long a SQLite writer waits for another writer's lock before failing (ms)
SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalize_url(url_or_path: str) -> str:
    """A SQLAlchemy URL for a ``--db`` value (URL or SQLite file path)."""
    value = str(url_or_path).strip()
    if not value:
        raise StoreError("empty database URL")
    if "://" not in value:
        return "sqlite:///" + os.path.abspath(os.path.expanduser(value))
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return value


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_setup(engine: Engine, *, file_backed: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below start real transactions
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        if file_backed:
            _set_wal(cur)
            # NORMAL is safe against process crashes in WAL mode (only an OS crash can lose the last commit)
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # a writer takes the write lock up front, so two concurrent ingests wait for each
        # other (busy_timeout) instead of failing when a read transaction tries to upgrade
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _set_wal(cur: Any) -> None:
    """Switch a new SQLite file to WAL.

    The switch needs a moment of exclusive access, and SQLite answers "database is
    locked" at once (without waiting out busy_timeout) when another process opens the
    same new file at that instant; so retry for up to the busy timeout.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def create_engine_for(url_or_path: str) -> Engine:
    """An engine for the URL or path, without touching the schema."""
    url = normalize_url(url_or_path)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url_or_path!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        in_memory = database in ("", ":memory:") or "mode=memory" in str(parsed)
        if in_memory:
            engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            parent = Path(database).parent
            if not parent.is_dir():
                raise StoreError(f"directory for the database does not exist: {parent}")
            engine = create_engine(url)
        _sqlite_setup(engine, file_backed=not in_memory)
        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'clashlog[postgres]'") from exc
    raise StoreError(f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL")


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, *, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (default: the newest), in one transaction."""
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    target = script.get_current_head() if revision == "head" else revision
    if current_revision(engine) == target:
        return

    def upgrade(rev, _context):  # type: ignore[no-untyped-def]
        return script._upgrade_revs(target, rev)

    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        # one migrator at a time: SQLite's BEGIN IMMEDIATE (above), PostgreSQL's advisory lock.
        # Alembic reads the current revision after the lock, so a second process finds nothing
        # to do; its EnvironmentContext is a process-wide proxy, entered only under the lock.
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        with EnvironmentContext(cfg, script, fn=upgrade, destination_rev=target) as env:
            env.configure(connection=conn, target_metadata=metadata)
            with env.begin_transaction():
                env.run_migrations()
    logger.info("database schema upgraded to revision %s", target)


def open_engine(url_or_path: str, *, upgrade: bool = True) -> Engine:
    """An engine with the schema at the newest revision; StoreError when the database is unreachable."""
    engine = create_engine_for(url_or_path)
    try:
        if upgrade:
            migrate(engine)
        else:
            with engine.connect():
                pass
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, StoreError):
            raise
        first_line = (str(exc).strip().splitlines() or [""])[0]
        raise StoreError(f"cannot open database {_redact(url_or_path)}: {first_line}") from exc
    return engine


def _redact(url_or_path: str) -> str:
    try:
        return make_url(normalize_url(url_or_path)).render_as_string(hide_password=True)
    except Exception:
        return "<database>"

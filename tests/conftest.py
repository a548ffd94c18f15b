"""Shared fixtures.

* ``extractor``: the full pipeline (spaCy model included), built once per session;
* ``sqlite_url``: a fresh SQLite file per test;
* ``pg_url``: a fresh PostgreSQL database per test on 127.0.0.1:5432 (trust
  auth; user ``postgres`` or ``root``), dropped afterwards; the test is
  skipped, with the reason, when no server is reachable or psycopg is missing;
* ``db_url``: both of the above, so one test runs against SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest

PG_HOST = os.environ.get("CLASHLOG_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("CLASHLOG_TEST_PG_PORT", "5432"))
PG_ADMIN_DB = os.environ.get("CLASHLOG_TEST_PG_DB", "test")
PG_USERS = ("postgres", "root")


@pytest.fixture(scope="session")
def extractor():
    from clashlog.pipeline import Extractor
    from clashlog.settings import Settings

    return Extractor(Settings())


@pytest.fixture(scope="session")
def _pg_admin() -> tuple[str | None, str]:
    """(user that can create databases, "") or (None, the reason PostgreSQL is unusable)."""
    try:
        import psycopg
    except ImportError:
        return None, "psycopg (PostgreSQL driver) is not installed: pip install 'clashlog[postgres]'"
    errors = []
    for user in PG_USERS:
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname=PG_ADMIN_DB, connect_timeout=3, autocommit=True
            ) as conn:
                can_create = conn.execute(
                    "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
                ).fetchone()
                if can_create and can_create[0]:
                    return user, ""
                errors.append(f"{user}: may not create databases")
        except psycopg.Error as exc:
            errors.append(f"{user}: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}")
    return None, f"no PostgreSQL server usable at {PG_HOST}:{PG_PORT} ({'; '.join(errors)})"


@pytest.fixture
def pg_url(_pg_admin) -> Iterator[str]:
    user, reason = _pg_admin
    if user is None:
        pytest.skip(reason)
    import psycopg
    from psycopg import sql

    name = f"clashlog_test_{secrets.token_hex(6)}"
    admin = {"host": PG_HOST, "port": PG_PORT, "user": user, "dbname": PG_ADMIN_DB, "autocommit": True}
    with psycopg.connect(**admin) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'clashlog.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")

"""One connection pool per database URL and process, and the schema brought up to date once.

Streamlit serves every browser session as a thread of one process, so the pool is shared by
all of them (keyed by URL); each change borrows a connection for one transaction only.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.store.errors import StoreError

MIGRATIONS = Path(__file__).parent / "alembic.ini"
VERSIONS = Path(__file__).parent / "migrations" / "versions"
#: pg_advisory_lock key for schema upgrades: two app servers starting at once upgrade once
UPGRADE_LOCK = 0x626B6101
# Per process. Connections beyond the pool are closed when given back, so a pool smaller than
# the sessions that save at once makes a new connection (TCP, auth: ~10-30 ms) for many saves
# of a busy moment: bench_postgres measured that churn with 50 writers. 25 kept open, 25 more
# at a peak: still 50 at most per app server (two servers stay under PostgreSQL's default
# max_connections of 100).
POOL_SIZE = 25
MAX_OVERFLOW = 25

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


class DatabaseUnavailable(StoreError):
    """The database cannot be reached or refused us; nothing was read or written."""

    def __init__(self, location: str, cause: BaseException) -> None:
        self.location = location
        reason = str(getattr(cause, "orig", None) or cause).strip().splitlines()[0]
        super().__init__(f"The database {location} cannot be used: {reason}. Nothing was "
                         "saved. Try again in a moment; if it persists, tell IT.")


class DatabaseNewer(StoreError):
    """The schema was made by a newer version of the tool."""

    def __init__(self, location: str, found: str) -> None:
        super().__init__(f"The database {location} was set up by a newer version of this tool "
                         f"(schema {found}). Nothing was changed; update the tool to use it.")


def driver_url(url: str) -> str:
    """`postgresql://...` as the user writes it, with psycopg 3 as SQLAlchemy's driver."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"The database URL must start with postgresql://, not "
                         f"{parsed.drivername}://.")
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL without its password, for messages and the Data page."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=True)


def engine_for(url: str) -> Engine:
    """The process's pool for `url`, the schema upgraded to the newest on first use."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = create_engine(driver_url(url), pool_size=POOL_SIZE,
                                   max_overflow=MAX_OVERFLOW, pool_pre_ping=True,
                                   pool_timeout=30)
            event.listen(engine, "connect", _without_jit)
            try:
                upgrade(engine)
            except SQLAlchemyError as exc:
                engine.dispose()
                raise DatabaseUnavailable(shown(url), exc) from None
            except BaseException:
                engine.dispose()
                raise
            _engines[url] = engine
        return engine


def _without_jit(dbapi_connection: Any, _record: object) -> None:
    """No JIT compilation on our connections. Every statement here is short (a page, a save,
    the council overview's counts), and PostgreSQL compiles a statement whose estimated cost
    passes jit_above_cost (a scan of ~100,000 rows does) for hundreds of milliseconds under
    load, more than the count itself takes: measured on the overview's board at 100,000."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


def migrations() -> list[str]:
    """The revision ids of the shipped migrations, oldest first: each file of versions/ is
    named by its revision (`0006_overview_facts.py` holds revision "0006"; a test holds
    Alembic's own list equal to this one). Read from the names, so a process that finds its
    database up to date never imports Alembic (and Mako and Pygments with it)."""
    return sorted(p.name.split("_", 1)[0] for p in VERSIONS.glob("[0-9]*_*.py"))


def upgrade(engine: Engine) -> None:
    """Run Alembic's migrations up to the newest, under an advisory lock; refuse a schema
    newer than this tool knows. A database already at the newest is only looked at."""
    with engine.connect() as conn:
        current = _stamped(conn)
    known = migrations()
    if current is not None and current == known[-1]:
        return
    if current is not None and current not in known:
        raise DatabaseNewer(shown(str(engine.url)), current)
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config(str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": UPGRADE_LOCK})
        try:
            current = _current(conn)
            known_now = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
            if current is not None and current not in known_now:
                raise DatabaseNewer(shown(str(engine.url)), current)
            if current != head:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                conn.commit()
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": UPGRADE_LOCK})
            conn.commit()


def _stamped(conn: Connection) -> str | None:
    """The revision Alembic recorded, read without Alembic (None: a new database)."""
    if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
        conn.rollback()
        return None
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    conn.rollback()
    return str(found) if found is not None else None


def _current(conn: object) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()  # type: ignore[arg-type]


def dispose_all() -> None:
    """Close every pool (a test's server stops; a forked process must not share sockets)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def transaction(engine: Engine, location: str,
                passing: type[SQLAlchemyError] | None = None) -> Iterator[Connection]:
    """One transaction, committed at the end or rolled back on an error: the one recipe of
    every PostgreSQL write and read here. A database failure becomes DatabaseUnavailable,
    in plain words; `passing` names an error the caller handles itself (an IntegrityError
    when a new id is drawn again)."""
    try:
        with engine.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        if passing is not None and isinstance(exc, passing):
            raise
        raise DatabaseUnavailable(location, exc) from None

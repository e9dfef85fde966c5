"""A real PostgreSQL server for the tests: Debian's `postgresql` package, `initdb` into a
temporary folder, `pg_ctl` on a private port and a unix socket in that folder (no TCP at all),
stopped and removed at the end. Run as the `postgres` user when the tests run as root (the
server refuses root). Missing binaries: skipped with the reason, except in CI, where they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "bka"
DATABASE = "bka_test"


@dataclass(frozen=True)
class Server:
    folder: Path
    port: int
    bin: Path

    @property
    def socket_dir(self) -> Path:
        return self.folder

    def url(self, database: str = DATABASE) -> str:
        # SQLAlchemy form of a unix-socket URL: host in the query, no TCP involved.
        return f"postgresql://{USER}@/{database}?host={self.folder}&port={self.port}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        out = subprocess.run(
            [str(self.bin / "psql"), "-h", str(self.folder), "-p", str(self.port), "-U", USER,
             "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql],
            check=True, capture_output=True, text=True)
        return out.stdout


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextlib.contextmanager
def running(*, fsync: bool = False, keep: Path | None = None) -> Iterator[Server]:
    """Start a server; `fsync=False` for tests (a crash loses a throwaway database),
    True for benchmarks that should measure what a real server does. With `keep`, the
    server's files live in that folder and stay there when it stops: a folder that already
    holds a server's data is started again as it was (its database not created anew)."""
    bin_dir = binaries()
    if bin_dir is None:
        message = ("PostgreSQL is not installed (apt-get install postgresql): the store "
                   "contract tests against PostgreSQL cannot run")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    folder = keep if keep is not None else Path(tempfile.mkdtemp(prefix="bka-pg-"))
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
    data = folder / "data"
    port = _free_port()
    existing = (data / "PG_VERSION").exists()
    if not existing:
        subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", USER,
                                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
                                        "--no-sync"]),
                       check=True, capture_output=True)
    options = (f"-k {folder} -p {port} -c listen_addresses='' -c max_connections=200 "
               f"-c fsync={'on' if fsync else 'off'}"
               f" -c synchronous_commit={'on' if fsync else 'off'}")
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                                    str(folder / "server.log"), "-w", "-o", options, "start"]),
                   check=True, capture_output=True)
    server = Server(folder, port, bin_dir)
    try:
        if not existing:
            server.psql(f"CREATE DATABASE {DATABASE}")
        yield server
    finally:
        from app.store.postgres.engine import dispose_all

        dispose_all()
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-w",
                                        "-m", "fast", "stop"]), capture_output=True)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def empty_after_upgrade(url: str) -> None:
    """The schema up to date (engine_for upgrades) and every row removed: between tests,
    faster than a new database."""
    from sqlalchemy import text

    from app.store.postgres.engine import engine_for

    with engine_for(url).begin() as conn:
        # every table of the schema (a migration that adds one needs no change here)
        tables = conn.execute(text(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'")).scalars().all()
        conn.execute(text(f"TRUNCATE {', '.join(tables)}"))

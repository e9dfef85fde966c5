"""`bka serve`: Streamlit started in this very process, with nothing of the app imported first.

The command used to exec a second interpreter (`python -m app.ui.launch`) after importing
every command's modules: two interpreter starts and the models loaded for nothing. Now the
command line imports only this module (see registry.py) and runs the launcher module in
place; the process stays the server (same PID), so an operator or a service manager who stops
this PID stops the server.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of

ROOT = Path(__file__).resolve().parents[2]
# Streamlit's own command line with its public-IP lookup off; named, not imported: the
# command line does not import the app's pages (they are another edge).
LAUNCHER = "app.ui.launch"
ENTRY = ROOT / "app" / "ui" / "main.py"
LAN_WARNING = (
    "VARNING: appen tar nu emot anslutningar på alla nätverkskort. Alla på det här "
    "nätverket kan öppna den och läsa det som är sparat. Använd det bara för en workshop "
    "med påhittade fall, aldrig med personuppgifter.\n"
    "WARNING: the app now listens on every network interface. Anyone on this "
    "network can open it and read what is stored. Use it only for a workshop with "
    "fictional cases, never with personal data.")


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help=help_of("serve"))
    p.add_argument("--data-dir", type=Path, default=None, help="where assessments are stored")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--database-url", default=None, metavar="postgresql://...",
                   help="keep the data in PostgreSQL (sets BKA_DATABASE_URL); docs/DEPLOY.md")
    p.add_argument("--secrets", type=Path, default=None, metavar="secrets.toml",
                   help="Streamlit's secrets file, e.g. with [auth] for login (default: "
                        ".streamlit/secrets.toml); docs/DEPLOY.md")
    p.add_argument("--roles", type=Path, default=None, metavar="roles.yaml",
                   help="the login mode's roles file (sets BKA_ROLES_FILE); docs/DEPLOY.md")
    p.add_argument("--lan", action="store_true",
                   help="listen on every network interface (a workshop room); see the warning")
    p.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    if args.data_dir:
        os.environ["BKA_DATA_DIR"] = str(args.data_dir.resolve())
    if args.database_url:
        os.environ["BKA_DATABASE_URL"] = args.database_url
    if args.roles:
        os.environ["BKA_ROLES_FILE"] = str(args.roles.resolve())
    url = os.environ.get("BKA_DATABASE_URL", "").strip()
    if url:
        _reach_database(url)
    if args.lan:
        print(LAN_WARNING, file=sys.stderr)
    argv = _streamlit_args(args)
    if argv is None:
        return 2
    os.chdir(ROOT)
    sys.argv = [LAUNCHER, *argv]
    runpy.run_module(LAUNCHER, run_name="__main__", alter_sys=True)
    return 0


def _reach_database(url: str) -> None:
    """Reached and its schema brought up to date now, so a wrong address or password is one
    message here (main() prints a StoreError, exit 2), not an error in every page."""
    from app.store.postgres.store import PostgresAssessmentStore

    store = PostgresAssessmentStore(url)
    print(f"bka serve: data in the database {store.location}", file=sys.stderr)


def _streamlit_args(args: argparse.Namespace) -> list[str] | None:
    address = "0.0.0.0" if args.lan else "127.0.0.1"
    argv = ["run", str(ENTRY), "--server.address", address, "--server.port", str(args.port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    if args.secrets:
        secrets = args.secrets.resolve()
        if not secrets.is_file():
            print(f"bka serve: {args.secrets}: no such file", file=sys.stderr)
            return None
        argv += ["--secrets.files", str(secrets)]
    return argv

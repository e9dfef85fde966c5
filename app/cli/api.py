"""`bka api` (start the API for case systems) and `bka api-token` (an administrator creates,
lists and revokes the systems' tokens). The tokens are kept in the store, so the same command
serves the data folder and PostgreSQL (`--database-url` or BKA_DATABASE_URL)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.core.api_tokens import describe
from app.store import StoreError
from app.store.errors import NotFound


def register(sub: Any) -> None:
    p = sub.add_parser("api", help=help_of("api"))
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument("--database-url", default=None, metavar="postgresql://...")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default: this machine only; put a proxy "
                        "with TLS in front, docs/DEPLOY.md)")
    p.add_argument("--port", type=int, default=8502)
    p.add_argument("--per-minute", type=int, default=120,
                   help="requests a minute each token may make (default 120)")
    p.add_argument("--log-file", type=Path, default=None,
                   help="the call log (default: <data>/logs/api-calls.log)")
    p.add_argument("--webhook-url", default=os.environ.get("BKA_WEBHOOK_URL", ""),
                   help="POST status changes here, signed with BKA_WEBHOOK_SECRET")
    p.add_argument("--webhook-every", type=float, default=5.0, metavar="SECONDS",
                   help="how often to look for status changes (default 5)")
    p.add_argument("--root-path", default="", help="the path the proxy serves the API under")
    p.add_argument("--proxy", default="", metavar="ADDRESS",
                   help="trust X-Forwarded-For from this proxy address (the log then shows "
                        "the caller's address)")
    p.set_defaults(handler=serve_command)

    p = sub.add_parser("api-token", help=help_of("api-token"))
    actions = p.add_subparsers(dest="action", required=True)
    c = actions.add_parser("create", help="a new token; its text is shown once")
    c.add_argument("name", help="the system, e.g. 'W3D3' (every log line names it)")
    c.add_argument("--unit", default="",
                   help="limit it to one unit's assessments (default: the whole organisation)")
    c.add_argument("--write", action="store_true",
                   help="may also create assessments (default: read only)")
    c.add_argument("--by", default="", help="who creates it (default: the login name)")
    lst = actions.add_parser("list", help="every token, without secrets")
    lst.add_argument("--json", action="store_true")
    r = actions.add_parser("revoke", help="refuse a token from its next call on")
    r.add_argument("id")
    r.add_argument("--by", default="")
    for q in (c, lst, r):
        q.add_argument("--data-dir", type=Path, default=None)
        q.add_argument("--database-url", default=None, metavar="postgresql://...")
    p.set_defaults(handler=token_command)


def _database(args: argparse.Namespace) -> None:
    if args.database_url:
        os.environ["BKA_DATABASE_URL"] = args.database_url


def serve_command(args: argparse.Namespace) -> int:
    import uvicorn

    from app.services.api_settings import SECRET_ENV, Settings

    _database(args)
    if args.webhook_url and not os.environ.get(SECRET_ENV):
        print("bka api: a webhook needs a secret to sign with: set BKA_WEBHOOK_SECRET",
              file=sys.stderr)
        return 2
    Settings(folder=args.data_dir, per_minute=args.per_minute, log_file=args.log_file,
             webhook_url=args.webhook_url, webhook_every=args.webhook_every,
             root_path=args.root_path).to_environment()
    uvicorn.run("app.api.app:from_environment", factory=True, host=args.host, port=args.port,
                proxy_headers=bool(args.proxy), forwarded_allow_ips=args.proxy or None,
                server_header=False, log_level="info",
                # the call log (app/api/calllog.py) names the token and leaves out query
                # strings (a case number may be a person's matter); uvicorn's would not
                access_log=False)
    return 0


def token_command(args: argparse.Namespace) -> int:
    from app.services.api_tokens import ApiTokens

    _database(args)
    name = f"bka api-token {args.action}"
    try:
        tokens = ApiTokens(args.data_dir)
        if args.action == "create":
            by = args.by or getpass.getuser()
            record, text = tokens.create(args.name, unit=args.unit,
                                         access="write" if args.write else "read", by=by)
            print(f"Created {describe(record)}, id {record.id}.", file=sys.stderr)
            print("The token is shown this once; give it to the system's administrator:",
                  file=sys.stderr)
            print(text)
        elif args.action == "list":
            rows = tokens.all()
            if args.json:
                print(json.dumps([{"id": t.id, "name": t.name, "unit": t.unit or None,
                                   "access": t.access, "created": _iso(t.created),
                                   "created_by": t.created_by, "revoked": _iso(t.revoked)}
                                  for t in rows], ensure_ascii=False, indent=2))
            for t in [] if args.json else rows:
                state = f"revoked {t.revoked:%Y-%m-%d}" if t.revoked else "active"
                print(f"{t.id}  {describe(t)}  {state}")
        else:
            record = tokens.revoke(args.id, by=args.by or getpass.getuser())
            print(f"Revoked {describe(record)}.")
    except NotFound:
        print(f"{name}: no token with the id {args.id}; `bka api-token list` shows them",
              file=sys.stderr)
        return 2
    except (ValueError, StoreError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    return 0


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None

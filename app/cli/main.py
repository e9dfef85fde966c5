"""`bka`: validate, list, score, report and serve. Thin: parse the arguments, call, print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.cli import commands

Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bka",
        description="Barnkonsekvensanalys: child-rights impact assessments, local and scored.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check questionnaires, articles, examples and cases")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all shipped)")
    p.set_defaults(handler=commands.validate)

    p = sub.add_parser("articles", help="list the convention's 54 articles")
    p.add_argument("--json", action="store_true", help="a JSON array for machines")
    p.add_argument("--lang", choices=["sv", "en"], default="sv")
    p.set_defaults(handler=commands.articles)

    p = sub.add_parser("cases", help="list the workshop cases")
    p.add_argument("--json", action="store_true", help="a JSON array for machines")
    p.add_argument("--lang", choices=["sv", "en"], default="sv")
    p.set_defaults(handler=commands.cases)

    p = sub.add_parser("score", help="score an assessment file (YAML or JSON)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
    p.add_argument("--lang", choices=["sv", "en"], default=None)
    p.set_defaults(handler=commands.score)

    p = sub.add_parser("serve", help="start the app in the browser (localhost only by default)")
    p.add_argument("--data-dir", type=Path, default=None, help="where assessments are stored")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--database-url", default=None, metavar="postgresql://...",
                   help="keep the data in PostgreSQL (sets BKA_DATABASE_URL); docs/DEPLOY.md")
    p.add_argument("--secrets", type=Path, default=None, metavar="secrets.toml",
                   help="Streamlit's secrets file, e.g. with [auth] for login (default: "
                        ".streamlit/secrets.toml); docs/DEPLOY.md")
    p.add_argument("--roles", type=Path, default=None, metavar="roles.yaml",
                   help="the login mode's roles file (sets BKA_ROLES_FILE); docs/DEPLOY.md")
    p.add_argument(
        "--lan",
        action="store_true",
        help="listen on every network interface (a workshop room); see the warning",
    )
    p.set_defaults(handler=commands.serve)
    _more_commands(sub)
    return parser


def _more_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Commands of the edges beyond the core; each module registers its own subcommands."""
    from app.cli.api import register as api
    from app.cli.dashboard import register as dashboard
    from app.cli.followup import register as followup
    from app.cli.letter import register as letter
    from app.cli.migrate import register as migrate
    from app.cli.minutes import register as minutes
    from app.cli.report import register as report
    from app.cli.store import register as store
    from app.cli.workshop import register as workshop_summary

    for register in (report, minutes, workshop_summary, store, letter, migrate, dashboard,
                     followup, api):
        register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from app.store import StoreError

        if not isinstance(exc, StoreError):
            raise
        # Every store error is a plain sentence (what, where, what to do): no traceback.
        print(f"bka {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

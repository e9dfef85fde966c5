"""`bka minutes MEETING_ID [-o OUT.pdf] [--lang sv|en] [--data-dir DIR]`: a meeting's minutes.

Like `bka report`: errors are one plain line on stderr with exit code 2, never a traceback,
and reportlab is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of

PROG = "bka minutes"


def register(sub: Any) -> None:
    """Add the `minutes` subcommand to bka's subparsers (see app.cli.commands.EXTRA_COMMANDS)."""
    p = sub.add_parser("minutes", help=help_of("minutes"))
    p.add_argument("meeting_id", metavar="MEETING_ID", help="the meeting's id (shown on the "
                   "Möte page and in the minutes)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="where to write the PDF (default: a new file in the data folder's "
                   "reports/, or $BKA_REPORTS_DIR)")
    p.add_argument("--lang", choices=["sv", "en"], default=None,
                   help="language of the minutes (default: the meeting's)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="where meetings are stored (default: ./data or $BKA_DATA_DIR)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        print(_run(args))
    except Exception as exc:  # noqa: BLE001 - the promise is: a message, never a traceback
        return _fail(_message(exc))
    return 0


def _run(args: argparse.Namespace) -> Path:
    from app.core.errors import LoadError
    from app.core.meetings import carried_actions
    from app.report.minutes import write_minutes
    from app.services.shipped import catalog
    from app.store.meetings import MeetingStore

    store = MeetingStore(args.data_dir)
    # Reading must not create a folder or file where the user merely mistyped a path.
    if store.path is None:  # kept in the database: no folder to check
        pass
    elif not store.path.parent.is_dir():
        raise _Failure(f"there is no data folder {store.path.parent}; give the right one with "
                       "--data-dir or $BKA_DATA_DIR")
    elif not store.path.is_file():
        raise _Failure(f"no meetings are stored in {store.path.parent} yet")
    meeting = store.get(args.meeting_id)
    try:
        library = catalog().library
    except LoadError as exc:
        raise _Failure("the shipped articles do not load; run `bka validate`:\n"
                       + "\n".join(str(p) for p in exc.problems)) from None
    carried = carried_actions(store.of_team(meeting.team), meeting)
    return write_minutes(meeting, library, lang=args.lang, out_path=args.output, carried=carried)


class _Failure(Exception):
    """A plain message for stderr."""


def _message(exc: Exception) -> str:
    from app.report.context import ReportError
    from app.store.errors import StoreError

    if isinstance(exc, (_Failure, ReportError, StoreError)):
        return str(exc)
    return f"unexpected error ({type(exc).__name__}): {exc}"


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2

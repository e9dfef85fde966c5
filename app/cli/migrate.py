"""`bka migrate --to postgresql://...`: move a local data folder into the server database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.store.errors import StoreError


def register(sub: Any) -> None:
    p = sub.add_parser("migrate", help=help_of("migrate"))
    p.add_argument("--to", required=True, metavar="postgresql://...",
                   help="the database (its schema is created or upgraded first)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="the folder to copy (default: $BKA_DATA_DIR or ./data)")
    p.set_defaults(handler=migrate_command)


def migrate_command(args: argparse.Namespace) -> int:
    from app.store.layout import data_dir
    from app.store.postgres.engine import shown
    from app.store.postgres.moving_in import move_in

    folder = args.data_dir or data_dir()
    try:
        report = move_in(folder, args.to)
    except StoreError as exc:
        print(f"bka migrate: {exc}", file=sys.stderr)
        return 2
    lines = [f"into {shown(args.to)} from {Path(folder).resolve()}:"]
    for name, moved in (("assessments", report.assessments), ("meetings", report.meetings),
                        ("workshops", report.workshops),
                        ("children's collections", report.collections),
                        ("letters to children", report.letters),
                        ("uploaded workshop cases", report.cases)):
        lines.append(f"  {name}: copied {len(moved.created)}, already there "
                     f"{len(moved.unchanged)}, checked by hash {moved.checked}, "
                     f"conflicts (not copied) {len(moved.conflicts)}")
        lines += [f"    conflict {i}: the database holds something else under this id; "
                  "it was left as it is" for i in moved.conflicts]
    lines.append(f"  revisions of the copied assessments: {report.revisions}, all equal")
    print("\n".join(lines))
    return 1 if report.conflicts else 0

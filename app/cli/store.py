"""`bka export`, `bka import` and `bka backup`: moving and keeping assessments without the UI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.core.errors import LoadError
from app.services.shipped import catalog as shipped_catalog
from app.store import StoreError, open_store
from app.store.exchange import ImportRejected, ImportResult, export_file, import_file


def register(sub: Any) -> None:
    p = sub.add_parser("export", help=help_of("export"))
    p.add_argument("ids", nargs="*", help="assessment ids (default: every one not in the trash)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    p.add_argument("--data-dir", type=Path, default=None)
    p.set_defaults(handler=export_command)

    p = sub.add_parser("import", help=help_of("import"))
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="only say what would happen")
    p.add_argument("--replace", "--take", dest="take", action="append", default=[],
                   metavar="ID", help="for a conflict: the file's copy replaces the stored one "
                   "(which stays in its history); repeatable")
    p.add_argument("--as-new", dest="as_new", action="append", default=[], metavar="ID",
                   help="for a conflict: import the file's copy as a new assessment beside "
                   "the stored one; repeatable")
    p.add_argument("--data-dir", type=Path, default=None)
    p.set_defaults(handler=import_command)

    p = sub.add_parser("backup", help=help_of("backup"))
    p.add_argument("--data-dir", type=Path, default=None)
    p.set_defaults(handler=backup_command)


def export_command(args: argparse.Namespace) -> int:
    try:
        store = open_store(args.data_dir)
        path = export_file(store, args.output, args.ids or None, shipped_catalog())
    except (StoreError, OSError) as exc:
        print(f"bka export: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


def import_command(args: argparse.Namespace) -> int:
    try:
        catalog = shipped_catalog()
    except LoadError as exc:  # the shipped questionnaires are needed to know what is readable
        print("bka import: the questionnaires of this installation cannot be read, so "
              "nothing was imported:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    try:
        store = open_store(args.data_dir)
        result = import_file(store, args.file, editor="bka import", apply=not args.dry_run,
                             take_incoming=args.take, as_new=args.as_new, catalog=catalog)
    except ImportRejected as exc:  # Swedish first, English under it; file and line kept
        print("bka import: " + "\n".join(exc.in_words()), file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"bka import: {exc}", file=sys.stderr)
        return 2
    print(describe(result))
    return 1 if result.conflicts else 0


def describe(result: ImportResult) -> str:
    lines = [f"{'would be ' if not result.applied else ''}created: {len(result.created)}, "
             f"updated: {len(result.updated)}, unchanged: {len(result.skipped)}, "
             f"conflicts (not imported): {len(result.conflicts)}"]
    for item in result.conflicts:
        lines.append(f"  conflict {item.id} {item.title!r}: {item.reason}")
        if item.differences:
            lines.append(f"    differs in: {', '.join(item.differences)}")
        lines.append(f"    kept as stored; --replace {item.id} takes the file's copy, "
                     f"--as-new {item.id} imports it beside the stored one")
    for found in result.contradictions:
        c = found.clash
        lines.append(f"  contradiction in {found.title!r}: the answer to '{c.question}' "
                     f"chooses {', '.join(c.exclusive)} (chosen alone) beside "
                     f"{', '.join(c.others)}, which cannot both be true; an import keeps it as "
                     "the file holds it: correct it in the form")
    return "\n".join(lines)


def backup_command(args: argparse.Namespace) -> int:
    try:
        print(open_store(args.data_dir).backup())
    except StoreError as exc:
        print(f"bka backup: {exc}", file=sys.stderr)
        return 2
    return 0

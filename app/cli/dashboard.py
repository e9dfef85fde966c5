"""`bka dashboard`: the council's overview of every stored assessment, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.core.dashboard import DECIDED, STATUS_ORDER, Dashboard
from app.core.dashboard_words import counted_what, groups_csv
from app.core.errors import LoadError
from app.core.numbers import percent
from app.core.text import tr
from app.services.dashboard import build
from app.services.shipped import catalog as shipped_catalog
from app.store import StoreError


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub: Any) -> None:
    p = sub.add_parser("dashboard", help=help_of("dashboard"))
    p.add_argument("--json", action="store_true", help="every figure as JSON")
    p.add_argument("--csv", type=Path, default=None, metavar="FILE",
                   help="also write the per-committee table as CSV")
    p.add_argument("--pdf", type=Path, default=None, metavar="FILE",
                   help="also write the overview as PDF (for the council's annual follow-up)")
    p.add_argument("--from", dest="start", type=_day, default=None, metavar="DATE")
    p.add_argument("--to", dest="end", type=_day, default=None, metavar="DATE")
    p.add_argument("--status", action="append", default=None, metavar="STATUS",
                   choices=[*STATUS_ORDER, "all"],
                   help="count assessments in this status (repeatable; 'all' for every "
                   "status); by default the decided and followed-up ones")
    p.add_argument("--committee", action="append", default=None, metavar="NAME",
                   help="count only this committee (repeatable); by default all")
    p.add_argument("--today", type=_day, default=None, help=argparse.SUPPRESS)
    p.add_argument("--lang", choices=["sv", "en"], default="sv")
    p.add_argument("--data-dir", type=Path, default=None)
    p.set_defaults(handler=dashboard_command)


def dashboard_command(args: argparse.Namespace) -> int:
    if args.start and args.end and args.start > args.end:
        print("bka dashboard: --from is after --to", file=sys.stderr)
        return 2
    try:
        statuses = None if args.status and "all" in args.status else (args.status or DECIDED)
        board, skipped = build(args.data_dir, args.start, args.end, args.today,
                               statuses=statuses, committees=args.committee)
    except LoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"bka dashboard: {exc}", file=sys.stderr)
        return 2
    for aid in skipped:
        print(f"bka dashboard: {aid}: questionnaire not shipped, not counted", file=sys.stderr)
    if args.csv:
        try:
            args.csv.write_text(groups_csv(board, args.lang), encoding="utf-8")
        except OSError as exc:
            print(f"bka dashboard: {args.csv}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    if args.pdf:
        from app.report.dashboard import write_dashboard

        try:
            write_dashboard(board, shipped_catalog().library, args.pdf, args.lang)
        except OSError as exc:
            print(f"bka dashboard: {args.pdf}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    if args.json:
        json.dump(board.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(text(board, args.lang))
    return 0


def text(board: Dashboard, lang: str) -> str:
    sv = lang != "en"
    lines = [("Översikt" if sv else "Overview") + f": {board.total} "
             + ("analyser" if sv else "assessments"), counted_what(board, lang)]
    for g in board.groups:
        share = "–" if g.heard_share is None else percent(100 * g.heard_share, lang)
        levels = ", ".join(f"{tr(board.level_labels.get(k, k), lang)} {n}"
                           for k, n in sorted(g.levels.items()))
        name = g.committee or ("(nämnd saknas)" if sv else "(no committee)")
        lines.append(
            f"  {name} {g.year}: {g.assessments} "
            + (f"(varav {g.screenings} screeningar: rör inte barn), barn hörda direkt {share}, "
               f"avvikande beslut {g.departed}, uppföljningar {g.follow_ups}" if sv else
               f"(of which {g.screenings} screenings: does not concern children), children "
               f"heard directly {share}, "
               f"departing decisions {g.departed}, follow-ups {g.follow_ups}")
            + (f"; {levels}" if levels else ""))
    def ranked(title: str, items: list[Any]) -> None:
        if items:
            lines.append(title + ": " + ", ".join(
                f"{tr(r.label, lang) if r.label else ('art. ' + r.key)} ({r.count})"
                for r in items[:5]))
    ranked("Oftast försvagade" if sv else "Most often weakened", board.weakened)
    ranked("Oftast stärkta" if sv else "Most often strengthened", board.strengthened)
    ranked("Vanligaste bristerna" if sv else "Most common findings", board.findings)
    lines.append(("Försenade åtgärder" if sv else "Overdue measures")
                 + f": {len(board.overdue_measures)}")
    for o in board.overdue_measures:
        lines.append(f"  {o.due.isoformat()} {o.title}: {o.what} ({o.who or '–'})")
    lines.append(("Försenade uppföljningar" if sv else "Overdue follow-ups")
                 + f": {len(board.overdue_follow_ups)}")
    for o in board.overdue_follow_ups:
        lines.append(f"  {o.due.isoformat()} {o.title}")
    return "\n".join(lines)

"""`bka followup ID`: start the follow-up of a decided assessment, or write its comparison.

    bka followup ID [--name NAME]        create the follow-up (or name the one being written)
    bka followup ID --pdf FILE [--lang]  the comparison of ID's latest follow-up (ID may also
                                         be the follow-up itself) as PDF
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.core import followup
from app.core.errors import LoadError
from app.core.lifecycle import LifecycleRefused
from app.services import followup as followup_actions
from app.services.shipped import catalog as shipped_catalog
from app.store import NotFound, StoreError, open_store

#: LifecycleRefused codes in plain words
REFUSED = {
    "followup_not_decided": "is not decided yet; record the committee's decision first",
    "followup_of_followup": "is itself a follow-up; follow up the original assessment",
    "questionnaire_missing": "cannot be scored: its questionnaire, or the follow-up "
                             "questionnaire, is not shipped",
    "name_missing": "needs a name: give --name",
    "no_follow_up": "has no follow-up yet; create one with `bka followup ID` first",
}


def register(sub: Any) -> None:
    p = sub.add_parser("followup", help=help_of("followup"))
    p.add_argument("id", help="the id of a stored assessment")
    p.add_argument("--name", default="", help="who starts it (recorded in the history)")
    p.add_argument("--pdf", type=Path, default=None, metavar="FILE",
                   help="write the comparison of the latest follow-up as PDF instead")
    p.add_argument("--lang", choices=["sv", "en"], default=None)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--data-dir", type=Path, default=None)
    p.set_defaults(handler=followup_command)


def _fail(aid: str, detail: str) -> int:
    print(f"bka followup: {aid} {detail}", file=sys.stderr)
    return 1


def followup_command(args: argparse.Namespace) -> int:
    try:
        store, cat = open_store(args.data_dir), shipped_catalog()
        if args.pdf is not None:
            return _pdf(store, cat, args)
        created, new = followup_actions.create(store, cat, args.id, " ".join(args.name.split()))
    except NotFound:
        return _fail(args.id, "is not a stored assessment in this data folder")
    except LifecycleRefused as exc:
        return _fail(args.id, REFUSED.get(exc.code, exc.code))
    except LoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"bka followup: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"id": created.id, "follow_up_of": args.id, "created": new}))
    elif new:
        print(f"Follow-up {created.id} created for {args.id}: open it in the app "
              f"(bka serve) to answer it.")
    else:
        print(f"Follow-up {created.id} of {args.id} is already being written; open it in "
              f"the app (bka serve).")
    return 0


def _pdf(store: Any, cat: Any, args: argparse.Namespace) -> int:
    first = store.get(args.id)
    if first.follow_up_of:
        original, second = store.get(first.follow_up_of), first
    else:
        found = followup_actions.follow_ups_of(store, first)
        if not found:
            raise LifecycleRefused("no_follow_up")
        original, second = first, found[-1]
    from app.report.followup import write_comparison

    comparison = followup.comparison(original, second, cat)
    try:
        write_comparison(comparison, args.pdf, args.lang or original.language)
    except OSError as exc:
        print(f"bka followup: {args.pdf}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Comparison written: {args.pdf}")
    return 0

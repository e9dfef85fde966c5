"""`bka workshop-summary ID [-o OUT.pdf] [--lang sv|en] [--data-dir DIR]`: the summary PDF.
`bka workshop-key ID [--data-dir DIR]`: a new trainer's key for a workshop whose key is lost.

Like `bka report`: one plain message on stderr and exit code 2 when it cannot be made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of


def register(sub: Any) -> None:
    """Add `workshop-summary` to bka's subparsers (see app.cli.commands.EXTRA_COMMANDS)."""
    p = sub.add_parser("workshop-summary", help=help_of("workshop-summary"))
    p.add_argument("workshop", metavar="ID", help="the workshop's id (shown on its page)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="where to write the PDF (default: a new file in the data folder's "
                   "reports/, or $BKA_REPORTS_DIR)")
    p.add_argument("--lang", choices=["sv", "en"], default=None,
                   help="language of the summary (default: the workshop's)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="where the workshops are (default: ./data or $BKA_DATA_DIR)")
    p.set_defaults(handler=run)
    k = sub.add_parser("workshop-key", help=help_of("workshop-key"))
    k.add_argument("workshop", metavar="ID", help="the workshop's id (in the workshop's page "
                   "address, or listed by this command when it is not found)")
    k.add_argument("--data-dir", type=Path, default=None,
                   help="where the workshops are (default: ./data or $BKA_DATA_DIR)")
    k.set_defaults(handler=reset_key)


def reset_key(args: argparse.Namespace) -> int:
    """A lost key is replaced, never recovered (only its hash is kept): the new one is printed
    once, and every browser that was the trainer must give it again."""
    from app.core import trainer_key
    from app.store import open_store
    from app.store.workshop_errors import WorkshopNotFound
    from app.store.workshops import WorkshopStore

    try:
        ws = WorkshopStore(open_store(args.data_dir), args.data_dir)
        try:
            workshop = ws.get(args.workshop)
        except WorkshopNotFound:
            known = "\n".join(f"  {w.id}  {w.title}" for w in ws.all() if w.status != "archived")
            print(f"bka workshop-key: no workshop '{args.workshop}' / ingen workshop med det id:t"
                  + (f"; these are stored / dessa finns:\n{known}" if known else ""),
                  file=sys.stderr)
            return 2
        key = trainer_key.new_key()
        ws.reset_trainer_key(workshop.id or "", trainer_key.key_hash(key))
    except Exception as exc:  # noqa: BLE001 - the promise is: a message, never a traceback
        print(f"bka workshop-key: {exc}", file=sys.stderr)
        return 2
    print(f"Ny tränarnyckel för / New trainer's key for \"{workshop.title}\": {key}\n"
          "Den visas bara nu; den gamla nyckeln och inloggade webbläsare gäller inte längre. / "
          "It is shown only now; the old key and remembered browsers no longer work.")
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        print(_run(args))
    except Exception as exc:  # noqa: BLE001 - the promise is: a message, never a traceback
        print(f"bka workshop-summary: {exc}", file=sys.stderr)
        return 2
    return 0


def _run(args: argparse.Namespace) -> Path:
    from app.report.build import reports_dir, write_atomic
    from app.report.naming import free_path, slug
    from app.report.workshop_summary import summary_pdf
    from app.services.case_upload import all_cases
    from app.services.shipped import catalog
    from app.store import open_store
    from app.store.workshops import WorkshopStore

    ws = WorkshopStore(open_store(args.data_dir), args.data_dir)
    workshop = ws.get(args.workshop)
    case = next((c for c in all_cases(catalog(), args.data_dir) if c.id == workshop.case), None)
    if case is None:
        raise LookupError(f"the workshop's case '{workshop.case}' is not in cases/")
    q = catalog().questionnaires[workshop.questionnaire]
    data = summary_pdf(workshop, case, catalog(), ws.group_inputs(workshop, q),
                       args.lang or workshop.language)
    if args.output is not None:
        path = Path(args.output)
    else:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = free_path(folder, f"{dt.date.today()}_workshop_{slug(workshop.title)}.pdf")
    write_atomic(path, data)
    return path

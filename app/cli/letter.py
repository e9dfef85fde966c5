"""`bka letter ID|FILE -o OUT.pdf|OUT.docx [--lang sv|en] [--data-dir DIR]`: the letter back to
the children, with its LIX. One plain line on stderr and exit code 2 on failure."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of

PROG = "bka letter"


def register(sub: Any) -> None:
    p = sub.add_parser("letter", help=help_of("letter"))
    p.add_argument("source", metavar="ID_OR_FILE",
                   help="a stored assessment's id, or an assessment file (YAML or JSON)")
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="where to write it: a .pdf or .docx file")
    p.add_argument("--lang", choices=["sv", "en"], default=None,
                   help="language of the letter (default: the assessment's)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="where assessments are stored (default: ./data or $BKA_DATA_DIR)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        path, lix = _run(args)
    except Exception as exc:  # noqa: BLE001 - the promise is: a message, never a traceback
        return _fail(_message(exc))
    print(path)
    print(f"LIX {lix:.0f} (aim: 30 or lower for ages 10-12)")
    return 0


def _run(args: argparse.Namespace) -> tuple[Path, float]:
    from app.core.lix import lix
    from app.report.letter import write_letter
    from app.services.letters import letter_for
    from app.store import data_dir

    if args.output.suffix.lower() not in (".pdf", ".docx"):
        raise _Failure(f"{args.output}: the file must end in .pdf or .docx")
    folder = args.data_dir or data_dir()
    assessment = _assessment(args.source, folder)
    letter = letter_for(assessment, args.lang or assessment.language, folder)
    return write_letter(letter, args.output), lix(letter.prose)


def _assessment(source: str, folder: Path) -> Any:
    from app.core.loading import load_assessment
    from app.store import open_store

    path = Path(source)
    if path.is_file():
        return load_assessment(path)[0]
    if not Path(folder).is_dir():
        raise _Failure(f"{source} is neither a file nor, without a data folder {folder}, a "
                       "stored assessment; give the folder with --data-dir")
    return open_store(folder).get(source)


class _Failure(Exception):
    """A plain message for stderr."""


def _message(exc: Exception) -> str:
    from app.core.errors import LoadError
    from app.store.errors import StoreError

    if isinstance(exc, LoadError):
        return "\n".join(str(p) for p in exc.problems)
    if isinstance(exc, (_Failure, StoreError, OSError)):
        return str(exc)
    return f"unexpected error ({type(exc).__name__}): {exc}"


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2

"""`bka report FILE_OR_ID [-o OUT.pdf|.docx|.html] [--form short|full] [--summary] [--lang sv|en]
[--data-dir DIR]`: the report without the UI, in the format the output's suffix names and the
form asked for (the report for the case file by default); `--summary` writes the
one-page summary for the tjänsteskrivelse instead (.docx or .txt, or the text to stdout).

Errors go to stderr as one plain message and exit code 2; never a traceback. reportlab is
imported only when the command runs, so registering it costs other commands nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.cli.startup import lasting
from app.core.errors import LoadError
from app.core.models.assessment import Assessment

EDITOR = "bka report"
_FILE_SUFFIXES = {".yaml", ".yml", ".json"}


def register(sub: Any) -> None:
    """Add the `report` subcommand to bka's subparsers (see app.cli.commands.EXTRA_COMMANDS)."""
    p = sub.add_parser("report", help=help_of("report"))
    p.add_argument("source", metavar="FILE_OR_ID",
                   help="an assessment file (YAML or JSON) or the id of a stored assessment")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="where to write the report; its suffix picks the format: .pdf, .docx "
                   "or .html (default: a new PDF kept in the data folder's reports/, or in "
                   "$BKA_REPORTS_DIR)")
    p.add_argument("--tagged", action="store_true",
                   help="a tagged PDF (PDF/UA-1) drawn from the HTML twin by WeasyPrint, for "
                   "publishing; needs `pip install 'bka[tagged]'` (default: the untagged PDF)")
    p.add_argument("--form", choices=["short", "full"], default="short",
                   help="short: the report for the case file, a few pages with what decides "
                   "on page 1 (default); full: the full documentation, every answer and the "
                   "appendices")
    p.add_argument("--summary", action="store_true",
                   help="write the one-page summary for the tjänsteskrivelse instead: to -o "
                   "(.docx or .txt), or as text to stdout")
    p.add_argument("--table", choices=["measures", "scorecard"], default=None,
                   help="write a table as CSV instead: the measures (what, who, when, status) "
                   "or the scorecard; to -o, or to stdout")
    p.add_argument("--lang", choices=["sv", "en"], default=None,
                   help="language of the report (default: the assessment's)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="where stored assessments are (default: ./data or $BKA_DATA_DIR)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with lasting():  # the report's modules, made once (startup.py): all of them load here
        from app.report.context import ReportError

    try:
        return _run(args)
    except (ReportError, _Failure) as exc:
        return _fail(str(exc))
    except LoadError as exc:
        return _fail("\n".join(str(p) for p in exc.problems))
    except Exception as exc:  # noqa: BLE001 - the promise is: a message, never a traceback
        return _fail(f"unexpected error ({type(exc).__name__}): {exc}")


class _Failure(Exception):
    """A plain message for stderr."""


def _fail(message: str) -> int:
    print(f"bka report: {message}", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace) -> int:
    with lasting():  # every report's modules, made once (startup.py)
        from app.core.loading import load_assessment
        from app.report.build import build_report

    source = str(args.source)
    path = Path(source)
    if getattr(args, "summary", False):
        return _summary(args, _assessment(args, source, path))
    if getattr(args, "table", None):
        return _table(args, _assessment(args, source, path))
    if path.is_file():
        assessment, _ = load_assessment(path)
        _load(args)
        record = build_report(assessment, lang=args.lang, out_path=args.output,
                              tagged=args.tagged, form=args.form)
    elif path.suffix.lower() in _FILE_SUFFIXES or "/" in source or "\\" in source:
        raise _Failure(f"no such file: {source}")
    else:
        # Only a stored assessment's report is recorded on it: a file's report (most runs of
        # this command) does not import the store's records (~10 ms).
        from app.services import kept_reports
        from app.store.layout import reports_folder

        store = _store(args.data_dir)
        assessment = _stored(store, source)
        kept = None if args.data_dir is None else reports_folder(Path(args.data_dir))
        _load(args)
        record = build_report(assessment, lang=args.lang, out_path=args.output,
                              out_dir=kept, tagged=args.tagged, form=args.form)
        try:
            kept_reports.keep(store, source, record, EDITOR)
        except Exception as exc:  # noqa: BLE001 - the PDF exists; say what was not recorded
            print(f"bka report: note: the report was written but not recorded on the "
                  f"assessment: {exc}", file=sys.stderr)
    if assessment.status == "draft":
        print("bka report: note: the assessment is a draft; the report is marked as one",
              file=sys.stderr)
    print(record.path)
    return 0


def _load(args: argparse.Namespace) -> None:
    """What the report is drawn with (the format's renderer, the PDF's fonts) and the shipped
    catalogue, loaded as the command's start-up is (startup.py): they live to the end, and
    the collector's passes over them would find nothing to free."""
    from app.report.context import shipped
    from app.report.formats import format_for

    with lasting():
        format_for(args.output if args.output is not None else "report.pdf", args.tagged).load()
        shipped()


def _assessment(args: argparse.Namespace, source: str, path: Path) -> Assessment:
    from app.core.loading import load_assessment

    if path.is_file():
        return load_assessment(path)[0]
    if path.suffix.lower() in _FILE_SUFFIXES or "/" in source or "\\" in source:
        raise _Failure(f"no such file: {source}")
    return _stored(_store(args.data_dir), source)


def _summary(args: argparse.Namespace, assessment: Assessment) -> int:
    """The summary to -o (.docx or .txt), or its text to stdout."""
    from app.report.build import _ensure_folder, write_atomic
    from app.report.formats import summary_as

    if args.output is None:
        sys.stdout.write(summary_as(assessment, ".txt", lang=args.lang).decode("utf-8"))
        return 0
    out = Path(args.output)
    data = summary_as(assessment, out.suffix.lower(), lang=args.lang)
    _ensure_folder(out.parent)
    write_atomic(out, data)
    print(out.resolve())
    return 0


def _table(args: argparse.Namespace, assessment: Assessment) -> int:
    """The measures or the scorecard as CSV, to -o (.csv) or to stdout."""
    from app.core.document.csv_tables import table_csv
    from app.report.build import _ensure_folder, write_atomic
    from app.report.context import prepare

    data = table_csv(prepare(assessment, lang=args.lang), args.table)
    if args.output is None:
        sys.stdout.write(data.decode("utf-8-sig"))
        return 0
    out = Path(args.output)
    if out.suffix.lower() != ".csv":
        raise _Failure(f"{out}: a table is written as CSV; end the file name in .csv")
    _ensure_folder(out.parent)
    write_atomic(out, data)
    print(out.resolve())
    return 0


def _store(data_dir: Path | None) -> Any:
    try:
        from app.store import open_store
    except ImportError:
        raise _Failure("stored assessments cannot be read in this installation (no store); "
                       "give an assessment file instead") from None
    try:
        return open_store(data_dir)
    except Exception as exc:  # noqa: BLE001 - the store's own errors are plain sentences
        raise _Failure(f"cannot open the data folder: {exc}") from None


def _stored(store: Any, assessment_id: str) -> Assessment:
    try:
        found = store.get(assessment_id)
    except Exception as exc:  # noqa: BLE001 - NotFound and friends carry a plain message
        raise _Failure(f"{exc} (looked in {store.location}; a file name needs its "
                       ".yaml or .json ending)") from None
    if not isinstance(found, Assessment):
        raise _Failure(f"the store returned no assessment for {assessment_id}")
    return found


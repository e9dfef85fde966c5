"""Build a report: render it in memory in the format asked for, write it atomically, record it."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
from pathlib import Path

from app.core.catalog import Catalog
from app.core.document.model import Form
from app.core.document.source import ReportNotWritten
from app.core.models.assessment import Assessment, ReportRecord
from app.report.context import ReportError, prepare
from app.report.formats import format_for, render_as
from app.report.naming import free_path, report_filename
from app.store import atomic as store_atomic
from app.store.layout import data_dir, reports_folder

ENV_DIR = "BKA_REPORTS_DIR"


def render_pdf(assessment: Assessment, *, lang: str | None = None,
               catalog: Catalog | None = None, now: dt.datetime | None = None,
               form: Form = "full") -> bytes:
    """The report as PDF bytes (for a download button); ReportError when it cannot be made."""
    return render_as(assessment, ".pdf", lang=lang, catalog=catalog, now=now, form=form)


def reports_dir(out_dir: Path | str | None = None) -> Path:
    """Where kept reports go: the argument, else $BKA_REPORTS_DIR, else reports/ in the data
    folder, so the version that went to the committee lives with the data: in its backups,
    erased with its assessment, never shared by two data folders."""
    if out_dir is not None:
        return Path(out_dir)
    env = os.environ.get(ENV_DIR, "").strip()
    return Path(env).expanduser() if env else reports_folder(data_dir())


def build_report(assessment: Assessment, *, lang: str | None = None,
                 out_dir: Path | str | None = None, out_path: Path | str | None = None,
                 catalog: Catalog | None = None, now: dt.datetime | None = None,
                 kind: str = "pdf", tagged: bool = False, form: Form = "full") -> ReportRecord:
    """Render the report and write it; return the record to keep on the assessment.

    The file is `out_path` if given (replaced if it exists; its suffix picks the format:
    .pdf, .docx or .html; `tagged` for a tagged PDF/UA), else a new, never overwritten
    `date_slug_shortid.<kind>` in `reports_dir(out_dir)`. It appears complete or not at all.
    `form` is the report for the case file (short) or the full documentation (full); the
    record notes which, so the one that went to the committee can be told apart.
    """
    fmt = format_for(out_path if out_path is not None else f"report.{kind}", tagged)
    ri = prepare(assessment, lang=lang, catalog=catalog, now=now, form=form)
    data = fmt.render(ri)
    if out_path is not None:
        path = Path(out_path)
        _ensure_folder(path.parent)
    else:
        folder = reports_dir(out_dir)
        _ensure_folder(folder)
        name = report_filename(assessment, ri.generated)
        stem = Path(name).stem + ("_pdfua" if tagged else "")  # told apart from the PDF
        path = free_path(folder, stem + fmt.suffix)
    write_atomic(path, data)
    return ReportRecord(path=str(path.resolve()), sha256=hashlib.sha256(data).hexdigest(),
                        created=ri.generated, language=ri.lang, form=form)


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportNotWritten(f"cannot create the folder {folder} for the report "
                               f"({exc.strerror or exc}); choose another folder with -o or "
                               f"{ENV_DIR}", **_why(exc)) from None
    if not folder.is_dir():
        raise ReportError(f"{folder} is not a folder; choose another with -o or {ENV_DIR}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write the file all at once (the store's recipe); a failure is a ReportError."""
    try:
        store_atomic.write_atomic(path, data, keep_previous=False)
    except OSError as exc:
        cause = getattr(exc, "cause", exc)  # the store's WriteFailed wraps the system's error
        raise ReportNotWritten(f"cannot write {path} ({cause.strerror or cause})",
                               **_why(cause)) from None


def _why(exc: OSError) -> dict[str, bool]:
    return {"disk_full": exc.errno in (errno.ENOSPC, errno.EDQUOT),
            "read_only": exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)}


def with_report(assessment: Assessment, record: ReportRecord) -> Assessment:
    """The assessment with `record` added to its reports (for the store to save)."""
    return assessment.model_copy(update={"reports": [*assessment.reports, record]})

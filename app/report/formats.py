"""Which renderer writes which file: chosen by the file's suffix (.pdf, .docx, .html).

Each renderer turns the same prepared report into bytes; none knows another. DOCX and HTML
draw the core's document model; the PDF is reportlab's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.catalog import Catalog
from app.core.document.source import ReportError, ReportInput, prepare
from app.core.models.assessment import Assessment


@dataclass(frozen=True)
class Format:
    suffix: str  #: with its dot
    mime: str
    label: str  #: what a button says after "Ladda ner" (PDF, Word, HTML)
    render: Callable[[ReportInput], bytes]


def _pdf(ri: ReportInput) -> bytes:
    from app.report.build import render

    return render(ri)


def _docx(ri: ReportInput) -> bytes:
    from app.core.document.build import build_document
    from app.report.docx_render import render_docx

    return render_docx(build_document(ri))


def _html(ri: ReportInput) -> bytes:
    from app.core.document.build import build_document
    from app.report.html_render import render_html

    return render_html(build_document(ri))


FORMATS: dict[str, Format] = {
    ".pdf": Format(".pdf", "application/pdf", "PDF", _pdf),
    ".docx": Format(".docx", "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document", "Word", _docx),
    ".html": Format(".html", "text/html", "HTML", _html),
}
ALIASES = {".htm": ".html"}


def format_for(path: Path | str) -> Format:
    """The format a file name asks for; ReportError naming the ones we write otherwise."""
    suffix = Path(path).suffix.lower()
    found = FORMATS.get(ALIASES.get(suffix, suffix))
    if found is None:
        known = ", ".join(FORMATS)
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise ReportError(f"{path}: {shown} is not a report format; end the file name in "
                          f"one of {known}")
    return found


def render_as(assessment: Assessment, suffix: str, *, lang: str | None = None,
              catalog: Catalog | None = None, now: dt.datetime | None = None) -> bytes:
    """The report in the format `suffix` names ('.pdf', '.docx', '.html'), in memory."""
    fmt = format_for(f"report{suffix}")
    return fmt.render(prepare(assessment, lang=lang, catalog=catalog, now=now))


SUMMARY_SUFFIXES = (".docx", ".txt")


def render_summary(ri: ReportInput, suffix: str) -> bytes:
    """The one-page summary for the tjänsteskrivelse as Word (.docx) or plain text (.txt)."""
    from app.core.document.summary import build_summary

    summary = build_summary(ri)
    if suffix == ".txt":
        return summary.plain().encode("utf-8")
    if suffix == ".docx":
        from app.report.docx_render import render_summary_docx

        return render_summary_docx(summary)
    raise ReportError(f"the summary is written as {' or '.join(SUMMARY_SUFFIXES)}, "
                      f"not '{suffix or 'no suffix'}'")


def summary_as(assessment: Assessment, suffix: str, *, lang: str | None = None,
               catalog: Catalog | None = None, now: dt.datetime | None = None) -> bytes:
    """The summary of an assessment in memory (for a download button or `bka report`)."""
    return render_summary(prepare(assessment, lang=lang, catalog=catalog, now=now), suffix)

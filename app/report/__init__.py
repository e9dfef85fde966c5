"""The scored PDF report of an assessment (reportlab), in Swedish or English.

    build_report(assessment, ...) -> ReportRecord   write <data>/reports/date_slug_id.pdf atomically
    render_pdf(assessment, ...) -> bytes            the same PDF in memory (download button)
    render_as(assessment, ".docx", ...) -> bytes    the report as PDF, Word or HTML, by suffix
    FORMATS                                         suffix -> Format (mime type, label)
    with_report(assessment, record) -> Assessment   the record added, for the store to save
    ReportError                                     a plain sentence: why, and what to do

The names load on first use: `bka` registers its `report` command from app.cli.report, and
every other command should not pay for importing reportlab.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.report.build import build_report, render_pdf, reports_dir, with_report
    from app.report.context import ReportError, ReportInput, prepare
    from app.report.formats import FORMATS, render_as
    from app.report.naming import report_filename, slug

_WHERE = {
    "build_report": "app.report.build",
    "render_pdf": "app.report.build",
    "reports_dir": "app.report.build",
    "with_report": "app.report.build",
    "FORMATS": "app.report.formats",
    "render_as": "app.report.formats",
    "ReportError": "app.report.context",
    "ReportInput": "app.report.context",
    "prepare": "app.report.context",
    "report_filename": "app.report.naming",
    "slug": "app.report.naming",
}

__all__ = [
    "FORMATS",
    "ReportError",
    "ReportInput",
    "build_report",
    "prepare",
    "render_as",
    "render_pdf",
    "report_filename",
    "reports_dir",
    "slug",
    "with_report",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'app.report' has no attribute {name!r}")
    return getattr(import_module(module), name)

"""The scored PDF report of an assessment (reportlab), in Swedish or English.

    build_report(assessment, ...) -> ReportRecord   write reports/date_slug_id.pdf atomically
    render_pdf(assessment, ...) -> bytes            the same PDF in memory (download button)
    with_report(assessment, record) -> Assessment   the record added, for the store to save
    ReportError                                     a plain sentence: why, and what to do
"""

from app.report.build import build_report, render_pdf, reports_dir, with_report
from app.report.context import ReportError, ReportInput, prepare
from app.report.naming import report_filename, slug

__all__ = [
    "ReportError",
    "ReportInput",
    "build_report",
    "prepare",
    "render_pdf",
    "report_filename",
    "reports_dir",
    "slug",
    "with_report",
]

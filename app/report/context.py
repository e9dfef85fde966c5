"""What one report shows, gathered before any drawing: now built in the core
(app.core.document.source), kept under this name for the PDF modules."""

from app.core.document.source import ReportError, ReportInput, prepare

__all__ = ["ReportError", "ReportInput", "prepare"]

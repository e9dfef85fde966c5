"""The report's fixed texts now live in the core (the document model speaks them); this name
stays for the PDF modules that still import it."""

from app.core.document.strings import LANGUAGES, LOCALES, MINUS, STRINGS, number, percent, t, weight

__all__ = ["LANGUAGES", "LOCALES", "MINUS", "STRINGS", "number", "percent", "t", "weight"]

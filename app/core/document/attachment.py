"""The assessment carried inside its PDF report, so that the report can be imported again.

The JSON is the assessment's interchange form (format bka-assessment/1), exactly as stored
when the report was made. Reading it back needs pypdf, imported only when a PDF is read.
"""

from __future__ import annotations

import json
from io import BytesIO

from app.core.models.assessment import Assessment

ATTACHMENT_NAME = "bka-assessment.json"
ATTACHMENT_NOTE = "The assessment this report was made from (bka-assessment/1); " \
                  "`bka import report.pdf` restores it."
PDF_MAGIC = b"%PDF-"


def assessment_json(assessment: Assessment) -> bytes:
    """The assessment as the file to attach."""
    data = assessment.model_dump(mode="json")
    try:
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a JSON file: kept, as an escape
        return json.dumps(data, ensure_ascii=True, indent=1).encode("ascii")


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


class NoAttachment(ValueError):
    """The PDF carries no assessment, or cannot be read; the message says which."""


def attached_assessment(data: bytes) -> bytes:
    """The attached assessment JSON of a report PDF; NoAttachment when there is none."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(BytesIO(data))
        found = reader.attachments.get(ATTACHMENT_NAME)
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise NoAttachment(f"the PDF cannot be read ({exc})") from None
    if not found:
        raise NoAttachment("the PDF carries no assessment (only reports made with bka 0.1 "
                           "and later do); import the assessment's JSON file instead")
    return found[0]

"""Attached files in an export file, and back in on import.

An export carries the bytes of every attached file beside the assessments, by checksum:

    {"format": "bka-export/1", ..., "assessments": [...],
     "files": {"<sha256>": "<base64>", ...}}

so the receiving installation has the files, not only their names. The full documentation's
PDF embeds them too, so importing that PDF brings them back as well. On import a file is
kept only when its bytes match the checksum the assessment records; one that is missing or
does not match is left out and the assessment's list still names it (the report shows it as
not present). Versions that do not know "files" ignore the key.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable, Iterator

from app.core.document.attachment import ATTACHMENT_NAME, is_pdf
from app.core.models.assessment import Assessment
from app.store.errors import StoreError
from app.store.factory import attachment_files_of
from app.store.protocol import AssessmentStore

KEY = "files"


def _kept(a: Assessment) -> list[str]:
    """The checksums of what is kept with the assessment: its attached files and its kept
    reports (app/services/kept_reports.py keeps a report's bytes beside the attachments)."""
    return [f.sha256 for f in a.attachments] + [r.sha256 for r in a.reports]


def kept_files(a: Assessment) -> list[tuple[str, str]]:
    """(assessment id, checksum) of each file kept with `a`, for carried_files."""
    return [(a.id, sha) for sha in _kept(a)] if a.id else []


def carried_files(store: AssessmentStore,
                  wanted: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Checksum and base64 of each wanted attached file or kept report that can be read, one
    at a time (an export writes each as it comes), each checksum once."""
    files = None
    seen: set[str] = set()
    for aid, sha in wanted:
        if sha in seen:
            continue
        files = files or attachment_files_of(store)
        try:
            blob = files.get(aid, sha)
        except (StoreError, ValueError):  # a report made before reports were kept
            continue
        seen.add(sha)
        yield sha, base64.b64encode(blob).decode("ascii")


def files_in(data: bytes) -> dict[str, bytes]:
    """The files the full documentation's PDF embeds, by checksum (each one's computed, so
    only what an assessment records is ever kept); {} for anything else (an export's files
    are read as it streams in: export_stream.py)."""
    return _embedded(data) if is_pdf(data) else {}


def _embedded(data: bytes) -> dict[str, bytes]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        found = PdfReader(io.BytesIO(data)).attachments
    except (PyPdfError, ValueError, KeyError, OSError):
        return {}
    return {hashlib.sha256(blob).hexdigest(): blob
            for name, blobs in found.items() if name != ATTACHMENT_NAME for blob in blobs}


def restore_files(store: AssessmentStore, ids: Iterable[str], files: dict[str, bytes]) -> int:
    """Keep the carried files of the imported assessments `ids`; how many were kept."""
    if not files:
        return 0
    target = attachment_files_of(store)
    kept = 0
    for aid in ids:
        for sha in _kept(store.get(aid)):
            blob = files.get(sha)
            if blob is not None:
                target.put(aid, blob)
                kept += 1
    return kept

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
import binascii
import hashlib
import io
import json
from collections.abc import Iterable, Sequence

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


def export_files(store: AssessmentStore, assessments: Sequence[Assessment]) -> dict[str, str]:
    """Checksum -> base64 of every attached file and kept report of `assessments` that can
    be read."""
    if not any(_kept(a) for a in assessments):
        return {}
    files = attachment_files_of(store)
    out: dict[str, str] = {}
    for a in assessments:
        for sha in _kept(a):
            if sha in out or not a.id:
                continue
            try:
                out[sha] = base64.b64encode(files.get(a.id, sha)).decode("ascii")
            except (StoreError, ValueError):  # a report made before reports were kept
                continue
    return out


def files_in(data: bytes) -> dict[str, bytes]:
    """The files an export carries, or the full documentation's PDF embeds, by checksum
    (each one's computed, so only what an assessment records is ever kept); {} for a file
    without any (a YAML assessment, the report for the case file)."""
    if is_pdf(data):
        return _embedded(data)
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return {}
    raw = content.get(KEY) if isinstance(content, dict) else None
    if not isinstance(raw, dict):
        return {}
    out = {}
    for sha, text in raw.items():
        if not isinstance(text, str):
            continue
        try:
            blob = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            continue
        if hashlib.sha256(blob).hexdigest() == sha:
            out[sha] = blob
    return out


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

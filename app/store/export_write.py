"""Writing an export file: the assessments read from the store in parts and written one by
one, so a folder of 10,000 is never one document (and one 130 MB string) in memory.

    {"format": "bka-export/1", "exported": "2026-11-23T10:00:00+00:00",
     "assessments": [<Assessment.model_dump(mode="json")>, ...],
     "files": {"<sha256>": "<base64>", ...}}     (only when an assessment keeps files)

Each assessment carries its shown answers only, given the catalog (app/core/shown.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from app.core.catalog import Catalog
from app.core.models.assessment import Assessment
from app.core.shown import shown_only
from app.store.atomic import write_atomic_stream
from app.store.attachment_exchange import KEY as FILES_KEY
from app.store.attachment_exchange import carried_files, kept_files
from app.store.protocol import AssessmentStore

EXPORT_FORMAT = "bka-export/1"
EXPORT_FAMILY = "bka-export/"
#: assessments read from the store at once: one query in the database, one file each in the
#: local store (so a part reads only its own files)
PART = 500


def export_document(assessments: Sequence[Assessment], now: dt.datetime | None = None,
                    catalog: Catalog | None = None) -> dict[str, object]:
    """The export of `assessments` as one document (for tests and small exports)."""
    moment = now or dt.datetime.now(dt.UTC)
    kept = [shown_only(a, catalog) for a in assessments] if catalog else list(assessments)
    return {"format": EXPORT_FORMAT, "exported": moment.isoformat(timespec="seconds"),
            "assessments": [a.model_dump(mode="json") for a in kept]}


def write_export(store: AssessmentStore, out: IO[bytes], ids: Sequence[str] | None = None,
                 catalog: Catalog | None = None, now: dt.datetime | None = None) -> None:
    """Write the export of `ids` (every assessment not in the trash when None) to `out`."""
    chosen = [s.id for s in store.list()] if ids is None else list(ids)
    moment = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    out.write(f'{{\n "format": "{EXPORT_FORMAT}",\n "exported": "{moment}",\n'
              ' "assessments": ['.encode())
    wanted: list[tuple[str, str]] = []  # (id, checksum) of the files that travel along
    separator = b"\n"
    for start in range(0, len(chosen), PART):  # only a part's assessments held at a time
        for a in store.get_many(chosen[start:start + PART]):
            kept = shown_only(a, catalog) if catalog else a
            out.write(separator + _json(kept.model_dump(mode="json")))
            separator = b",\n"
            wanted += kept_files(a)
    out.write(b"\n ]")
    written = 0  # the files key is written only when a file travels along
    for sha, text in carried_files(store, wanted):
        lead = f',\n "{FILES_KEY}": {{\n'.encode() if not written else b",\n"
        out.write(lead + _json(sha) + b": " + _json(text))
        written += 1
    out.write(b"\n }\n}\n" if written else b"\n}\n")


def export_bytes(store: AssessmentStore, ids: Sequence[str] | None = None,
                 catalog: Catalog | None = None) -> bytes:
    """An export file's bytes (for a download button); see write_export."""
    buffer = io.BytesIO()
    write_export(store, buffer, ids, catalog)
    return buffer.getvalue()


def export_file(store: AssessmentStore, path: Path, ids: Sequence[str] | None = None,
                catalog: Catalog | None = None) -> Path:
    """The export written to `path` as it is made, put in place whole or not at all."""
    write_atomic_stream(path, lambda out: write_export(store, out, ids, catalog),
                        keep_previous=False)
    return path


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")

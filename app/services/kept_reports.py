"""The version that went to the committee, kept with the data in either mode.

A report is written as a file (the data folder's reports/, app/report/build.py) and, when it
is recorded on its assessment, its bytes are also kept in the store's attached files
(app/store/attachment_files.py): in server mode the database's table, which every app
server and the API share, which pg_dump backs up with the record, and which an erase clears
with the assessment (ON DELETE CASCADE). So the exact version can be downloaded from any server,
even when the file is not on this one's disk.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.core.models.assessment import Assessment, ReportRecord
from app.store import AssessmentStore, NotFound, StoreError
from app.store.factory import attachment_files_of


def keep(store: AssessmentStore, assessment_id: str, record: ReportRecord,
         editor: str = "") -> Assessment:
    """Keep the report's bytes with the assessment, then record it on the assessment."""
    data = Path(record.path).read_bytes()
    attachment_files_of(store).put(assessment_id, data)
    return store.add_report(assessment_id, record, editor=editor)


def report_bytes(store: AssessmentStore, assessment_id: str,
                 record: ReportRecord) -> bytes | None:
    """The report exactly as recorded (its checksum checked): the file when it is here and
    unchanged, else the kept copy; None when neither is."""
    path = Path(record.path)
    try:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == record.sha256:
            return data
    except OSError:
        pass
    try:
        return attachment_files_of(store).get(assessment_id, record.sha256)
    except (NotFound, StoreError, ValueError):
        return None

"""Attaching files to an assessment (underlag), reading them back, removing them: the checks
of app/core/attachments.py, the bytes in the store (app/store/attachment_files.py), the
record on the assessment (its revision history says who attached or removed what, when).

Every call takes the session's identity and applies the assessment's own access rules
(app/core/access.py): whoever may open the assessment may read its attachments, whoever may
change it may attach and remove.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.core import attachments as rules
from app.core.access import (
    AccessRefused,
    Holding,
    Identity,
    may_change_assessment,
    may_open_assessment,
)
from app.core.models.assessment import Assessment
from app.core.models.attachment import Attachment
from app.store.attachment_files import AttachmentFiles
from app.store.factory import open_attachment_files
from app.store.protocol import AssessmentStore
from app.store.workshops import workshop_assessment_ids


@dataclass(frozen=True)
class Added:
    assessment: Assessment
    attachment: Attachment


class Attachments:
    def __init__(self, store: AssessmentStore, folder: Path | str | None = None,
                 files: AttachmentFiles | None = None) -> None:
        self.store, self.folder = store, folder
        self.files = files if files is not None else open_attachment_files(folder)

    def _holding(self, assessment: Assessment) -> Holding:
        workshop = (assessment.id or "") in workshop_assessment_ids(self.folder)
        return Holding.of(assessment, workshop=workshop)

    def _may_change(self, identity: Identity, assessment: Assessment) -> None:
        if not may_change_assessment(identity, assessment.id or "", self._holding(assessment)):
            raise AccessRefused("only those who may change the assessment attach or remove "
                                "its files")

    def check_size(self, identity: Identity, assessment_id: str, size: int) -> None:
        """Before the upload is read: the announced size against the limits."""
        assessment = self.store.get(assessment_id)
        self._may_change(identity, assessment)
        rules.check_size(size, assessment)

    def add(self, identity: Identity, assessment_id: str, filename: str, data: bytes, *,
            title: str, question: str = "", editor: str = "",
            now: dt.datetime | None = None) -> Added:
        """Check and keep the file, then record it on the assessment (bytes first: a record
        never points at nothing; bytes without a record are taken out again)."""
        assessment = self.store.get(assessment_id)
        self._may_change(identity, assessment)
        checked = rules.check(filename, data, assessment)
        title = " ".join(title.split()) or checked.filename
        sha = self.files.put(assessment_id, data)
        record = Attachment(
            sha256=sha, title=title[: 200], filename=checked.filename,
            kind=checked.kind.kind, media_type=checked.kind.media_type, size=len(data),
            question=question, added=now or dt.datetime.now(dt.UTC), added_by=editor,
            personal_data=checked.personal_data)

        def attach(a: Assessment) -> Assessment:
            rules.check_size(len(data), a)  # another session may have attached meanwhile
            if any(x.sha256 == sha for x in a.attachments):
                raise rules.AttachmentRefused("already_attached")
            return a.model_copy(update={"attachments": [*a.attachments, record]})

        try:
            stored = self.store.update(assessment_id, attach, editor)
        except Exception:
            if not any(x.sha256 == sha for x in self.store.get(assessment_id).attachments):
                self.files.remove(assessment_id, sha)
            raise
        return Added(stored, record)

    def remove(self, identity: Identity, assessment_id: str, sha256: str,
               editor: str = "") -> Assessment:
        """Take it off the assessment and delete its bytes: a file removed because it held
        personal data must not stay behind (the history keeps its name and checksum)."""
        assessment = self.store.get(assessment_id)
        self._may_change(identity, assessment)
        stored = self.store.update(assessment_id, lambda a: a.model_copy(update={
            "attachments": [x for x in a.attachments if x.sha256 != sha256]}), editor)
        self.files.remove(assessment_id, sha256)
        return stored

    def read(self, identity: Identity, assessment: Assessment, sha256: str) -> bytes:
        if not may_open_assessment(identity, assessment.id or "", self._holding(assessment)):
            raise AccessRefused("this session may not open the assessment")
        return self.files.get(assessment.id or "", sha256)

    def all_files(self, assessment: Assessment) -> dict[str, bytes]:
        """Every attached file's bytes (an export, the full documentation's PDF); a file
        that is missing or damaged is left out (the listing still names it)."""
        from app.store.errors import StoreError

        out: dict[str, bytes] = {}
        for a in assessment.attachments:
            try:
                out[a.sha256] = self.files.get(assessment.id or "", a.sha256)
            except StoreError:
                continue
        return out

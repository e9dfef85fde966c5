"""Workshop cases trainers uploaded in the app: `<data>/uploaded_cases.json`, or rows of the
database's records table in server mode. One record per case id: a new upload replaces it."""

from __future__ import annotations

from pathlib import Path

from app.core.models.case import UploadedCase
from app.store.factory import RecordCollection, open_collection
from app.store.kinds import UPLOADED_CASES


class UploadedCaseStore:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.records: RecordCollection[UploadedCase] = open_collection(
            UploadedCase, UPLOADED_CASES, folder)

    def all(self) -> list[UploadedCase]:
        return self.records.all()

    def save(self, case_id: str, file_name: str, text: str) -> UploadedCase:
        """Keep the file's text under its case id, replacing an earlier upload of that id."""
        earlier = next((u for u in self.all() if u.case_id == case_id), None)
        if earlier is not None and earlier.id:
            return self.records.update(earlier.id, lambda u: u.model_copy(
                update={"file_name": file_name, "text": text}))
        return self.records.create(UploadedCase(case_id=case_id, file_name=file_name,
                                                text=text))

    def remove(self, record_id: str) -> None:
        self.records.delete(record_id)

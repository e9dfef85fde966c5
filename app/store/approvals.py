"""Where the review step records reviewers' approvals: a kind of record of its own, beside the
assessments, so that an assessment's own fields (which an imported file brings along) can never
stand in for one. Written only by app/services/review_approval.py."""

from __future__ import annotations

from pathlib import Path

from app.core.models.approval import Approval
from app.store.factory import RecordCollection, open_collection

NAME = "review_approvals"


def open_approvals(folder: Path | str | None = None) -> RecordCollection[Approval]:
    """The approvals of the store on `folder` (the database's, when one is configured)."""
    return open_collection(Approval, NAME, folder)

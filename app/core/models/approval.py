"""A reviewer's approval as this installation recorded it, apart from the assessment itself.

An assessment file can say anything about itself, an approval included; what lifts the level is
only the record the review step wrote into this installation's store when the named reviewer
approved: who, when, which revision and which content (by its hash), and how the reviewer
answered the generated questions no check can judge.
"""

import datetime as dt

from pydantic import BaseModel, ConfigDict

from app.core.text import Text


class ChecklistAnswer(BaseModel):
    """One generated reviewer's question, as the reviewer confirmed it on approving."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: Text  #: the question as it was shown
    question: str = ""  #: the question id it points to
    checked: bool = False  #: the reviewer has judged it
    note: str = ""  #: the reviewer's answer in words, if any


class Approval(BaseModel):
    """One approval, recorded by the review step (app/services/review_approval.py)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = ""
    revision: int = 0  #: the record's own revision (the store's collections count them)
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    assessment_id: str
    approved_revision: int  #: the assessment's revision once approved
    content_hash: str  #: the content approved (app/core/lifecycle.py content_hash)
    reviewer: str
    reviewer_sub: str = ""
    official: str = ""  #: the responsible official at the time, whom the reviewer is not
    approved_at: dt.datetime
    comment: str = ""
    checklist: list[ChecklistAnswer] = []


class ReviewStanding(BaseModel):
    """What this installation knows of a review of one assessment's current content."""

    approval: Approval | None = None  #: a recorded approval of exactly this content
    lapsed: Approval | None = None  #: the latest recorded approval, of content since changed
    claimed: bool = False  #: the assessment says it is approved; no record here shows it

"""What happens to an assessment after it is written: review, approval, the committee's
decision and reopening. Stored inside the assessment; every field has a default so records
written before these existed keep loading."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

#: the committee's outcome for the decision the assessment was written for
Outcome = Literal["as_proposed", "changed", "sent_back", "rejected"]
#: what a lifecycle event did
Action = Literal["send_for_review", "approve", "return", "decide", "follow_up", "reopen"]


class Reply(BaseModel):
    """An answer to a review comment, by the official or the reviewer."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    author: str
    at: dt.datetime
    text: str


class CommentVersion(BaseModel):
    """A comment's earlier wording, kept when its author edits or withdraws it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str
    at: dt.datetime  #: when this wording was written


class ReviewComment(BaseModel):
    """A reviewer's remark on one question ('' for the assessment as a whole)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    question: str = ""
    author: str
    at: dt.datetime
    text: str
    replies: list[Reply] = []
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: dt.datetime | None = None
    #: earlier wordings, oldest first (app/core/review_comments.py)
    earlier: list[CommentVersion] = []
    edited_at: dt.datetime | None = None  #: when the author last changed the text
    withdrawn_at: dt.datetime | None = None  #: the author took it back; it no longer counts


class Review(BaseModel):
    """The current round of review: to whom, and how it ended."""

    model_config = ConfigDict(extra="forbid")

    reviewer: str = ""  #: the named reviewer the assessment was sent to
    #: the reviewer's subject id when sent by a logged-in official (app/core/roles.py)
    reviewer_sub: str = ""
    requested_by: str = ""
    requested_at: dt.datetime | None = None
    outcome: Literal["approved", "returned"] | None = None
    decided_by: str = ""
    decided_at: dt.datetime | None = None
    comment: str = ""  #: the reviewer's words on approving or returning
    comments: list[ReviewComment] = []
    content_hash: str = ""  #: the answers' hash at approval; the assessment is frozen on it


class CommitteeDecision(BaseModel):
    """What the committee decided, as its minutes record it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    date: dt.date
    paragraph: str = ""  #: the minutes' paragraph (§)
    outcome: Outcome
    departs: bool = False  #: the decision departs from the assessment's conclusion
    departure: str = ""  #: how, and the committee's reasons
    protocol: str = ""  #: the minutes' reference (protokoll, diarienummer)
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None


class LifecycleEvent(BaseModel):
    """One step in the assessment's life: who, when, why, on which content."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    action: Action
    by: str
    at: dt.datetime
    reason: str = ""
    from_status: str = ""
    to_status: str = ""
    content_hash: str = ""

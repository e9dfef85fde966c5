"""A review comment's author may change or take back their words until the approval.

The earlier wording is kept with the comment (who wrote what, when), so a reader of the record
can see that a comment changed; a withdrawn comment stays in the record, marked, and no longer
counts as open. After the approval the assessment is frozen and so are its comments.
"""

from __future__ import annotations

import datetime as dt

from app.core.lifecycle import LifecycleRefused, is_frozen, same_person
from app.core.models.assessment import Assessment
from app.core.models.lifecycle import CommentVersion, ReviewComment


def returned(assessment: Assessment) -> bool:
    """A draft the reviewer sent back that has not been sent again: the official's turn."""
    return (assessment.status == "draft" and bool(assessment.lifecycle)
            and assessment.lifecycle[-1].action == "return")


def may_change(assessment: Assessment, comment: ReviewComment, by: str) -> bool:
    """The author, before the approval, on a comment not taken back."""
    return (not is_frozen(assessment) and comment.withdrawn_at is None
            and bool(by.strip()) and same_person(comment.author, by))


def edit_comment(assessment: Assessment, comment_id: str, text: str, by: str,
                 now: dt.datetime) -> Assessment:
    """New wording by the comment's author; the old one goes to `earlier`."""
    if not text.strip():
        raise LifecycleRefused("text_missing")
    return _change(assessment, comment_id, by, lambda c: {
        "text": text.strip(), "edited_at": now,
        "earlier": [*c.earlier, CommentVersion(text=c.text, at=c.edited_at or c.at)]})


def withdraw_comment(assessment: Assessment, comment_id: str, by: str,
                     now: dt.datetime) -> Assessment:
    """The author takes the comment back: it stays in the record, marked, and is not open."""
    return _change(assessment, comment_id, by, lambda c: {"withdrawn_at": now})


def _change(assessment: Assessment, comment_id: str, by: str, change: object) -> Assessment:
    comments = list(assessment.review.comments)
    for i, c in enumerate(comments):
        if c.id != comment_id:
            continue
        if is_frozen(assessment):
            raise LifecycleRefused("frozen")
        if not may_change(assessment, c, by):
            raise LifecycleRefused("not_the_author", c.author)
        comments[i] = c.model_copy(update=change(c))  # type: ignore[operator]
        review = assessment.review.model_copy(update={"comments": comments})
        return assessment.model_copy(update={"review": review})
    raise LifecycleRefused("comment_missing", comment_id)

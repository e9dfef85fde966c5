"""The rules of an assessment's life after it is written, as pure functions.

utkast (draft) -> färdigställd (complete) -> för granskning (in_review, to a named reviewer)
-> granskad (approved, or returned to draft) -> beslutad (decided) -> uppföljd (followed_up).

Each step takes an assessment and returns a new one, or raises `LifecycleRefused` saying why;
nothing is stored here. Names are typed in local mode, so "who" is the name given; the rule
that the reviewer is someone other than the responsible official is checked on those names.
In the login mode "who" is the person's signature (app/core/roles.py: name, e-mail, subject
id), and two signatures are the same person when their subject ids are.
An approved assessment is frozen on the hash of its content: answers can change only after a
reopening, which records who, when and why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

from app.core.models.assessment import Assessment, Status
from app.core.models.lifecycle import (
    Action,
    CommitteeDecision,
    LifecycleEvent,
    Reply,
    Review,
    ReviewComment,
)
from app.core.signature import subject_of

#: the steps each status allows, and where they lead
TRANSITIONS: dict[Status, dict[Action, Status]] = {
    "draft": {},
    "complete": {"send_for_review": "in_review", "reopen": "draft"},
    "in_review": {"approve": "approved", "return": "draft"},
    "approved": {"decide": "decided", "reopen": "draft"},
    "decided": {"follow_up": "followed_up", "reopen": "draft"},
    "followed_up": {"reopen": "draft"},
}
#: statuses in which the content is frozen on its hash
FROZEN: tuple[Status, ...] = ("approved", "decided", "followed_up")
#: the fields whose content the hash covers: what the official wrote, not its life around it
HASHED_FIELDS = {"questionnaire", "language", "decision", "answers", "personal_data",
                 "completion_reason"}
MIN_REASON_CHARS = 10  #: a reopening's reason, and a return's, must say something


class LifecycleRefused(ValueError):
    """A step the rules do not allow; `code` names the rule for the user's language."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def content_hash(assessment: Assessment) -> str:
    """SHA-256 of the assessment's content in a canonical form (sorted keys, no whitespace)."""
    data = assessment.model_dump(mode="json", include=HASHED_FIELDS)
    if assessment.free_sections:  # content, when there is any; absent, old hashes still hold
        data["free_sections"] = [s.model_dump(mode="json") for s in assessment.free_sections]
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # surrogatepass: a lone surrogate pasted into a text (it happens) still hashes; any text
    # without one hashes exactly as before
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def short_hash(digest: str) -> str:
    """The first 16 hex digits, in groups of four: enough to compare a printout by eye."""
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def is_frozen(assessment: Assessment) -> bool:
    return assessment.status in FROZEN


def frozen_intact(assessment: Assessment) -> bool:
    """The frozen content is the content approved (False means it was changed behind us)."""
    return not is_frozen(assessment) or assessment.review.content_hash == content_hash(
        assessment)


def allowed(assessment: Assessment) -> list[Action]:
    return list(TRANSITIONS[assessment.status])


def unresolved(assessment: Assessment) -> list[ReviewComment]:
    return [c for c in assessment.review.comments if not c.resolved and not c.withdrawn_at]


def same_person(a: str, b: str) -> bool:
    sub_a, sub_b = subject_of(a), subject_of(b)
    if sub_a or sub_b:  # a logged-in person: the subject id, whatever the name says now
        return sub_a == sub_b
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise LifecycleRefused("name_missing")
    return cleaned


def _step(assessment: Assessment, action: Action, by: str, now: dt.datetime, reason: str = "",
          **update: object) -> Assessment:
    target = TRANSITIONS[assessment.status].get(action)
    if target is None:
        raise LifecycleRefused("not_allowed", f"{action} from {assessment.status}")
    event = LifecycleEvent(action=action, by=by, at=now, reason=reason,
                           from_status=assessment.status, to_status=target,
                           content_hash=content_hash(assessment))
    return assessment.model_copy(
        update={"status": target, "lifecycle": [*assessment.lifecycle, event], **update})


def send_for_review(assessment: Assessment, reviewer: str, by: str,
                    now: dt.datetime) -> Assessment:
    """A completed assessment goes to a named reviewer: not the sender, not its official
    (in the login mode not its owner either; `reviewer` is then their signature)."""
    reviewer, by = _name(reviewer), _name(by)
    sub = subject_of(reviewer)
    if (same_person(reviewer, by) or same_person(reviewer, assessment.decision.official)
            or (sub and sub == assessment.ownership.sub)):
        raise LifecycleRefused("reviewer_is_official")
    # Comments of an earlier round stay, so the reviewer sees what was said before.
    review = Review(reviewer=reviewer, reviewer_sub=sub, requested_by=by, requested_at=now,
                    comments=assessment.review.comments)
    return _step(assessment, "send_for_review", by, now, review=review)


def add_comment(assessment: Assessment, question: str, text: str, author: str,
                now: dt.datetime) -> Assessment:
    """The reviewer's remark on one question ('' for the whole); only while in review."""
    if assessment.status != "in_review":
        raise LifecycleRefused("not_in_review")
    author = _name(author)
    if not text.strip():
        raise LifecycleRefused("text_missing")
    comment = ReviewComment(id=uuid.uuid4().hex[:12], question=question, author=author,
                            at=now, text=text.strip())
    review = assessment.review.model_copy(
        update={"comments": [*assessment.review.comments, comment]})
    return assessment.model_copy(update={"review": review})


def _with_comment(assessment: Assessment, comment_id: str,
                  change: dict[str, object]) -> Assessment:
    comments = list(assessment.review.comments)
    for i, c in enumerate(comments):
        if c.id == comment_id:
            comments[i] = c.model_copy(update=change)
            review = assessment.review.model_copy(update={"comments": comments})
            return assessment.model_copy(update={"review": review})
    raise LifecycleRefused("comment_missing", comment_id)


def _comment(assessment: Assessment, comment_id: str) -> ReviewComment:
    for c in assessment.review.comments:
        if c.id == comment_id:
            return c
    raise LifecycleRefused("comment_missing", comment_id)


def reply(assessment: Assessment, comment_id: str, text: str, author: str,
          now: dt.datetime) -> Assessment:
    """An answer to a comment: it stays open until someone resolves it."""
    if is_frozen(assessment):
        raise LifecycleRefused("frozen")
    if not text.strip():
        raise LifecycleRefused("text_missing")
    c = _comment(assessment, comment_id)
    return _with_comment(assessment, comment_id, {
        "replies": [*c.replies, Reply(author=_name(author), at=now, text=text.strip())]})


def resolve(assessment: Assessment, comment_id: str, by: str, now: dt.datetime) -> Assessment:
    if is_frozen(assessment):
        raise LifecycleRefused("frozen")
    _comment(assessment, comment_id)
    return _with_comment(assessment, comment_id,
                         {"resolved": True, "resolved_by": _name(by), "resolved_at": now})


def approve(assessment: Assessment, by: str, comment: str, now: dt.datetime) -> Assessment:
    """The named reviewer approves; refused while any comment is unresolved. Freezes."""
    by = _name(by)
    if assessment.status != "in_review":
        raise LifecycleRefused("not_in_review")
    if not same_person(by, assessment.review.reviewer):
        raise LifecycleRefused("not_the_reviewer", assessment.review.reviewer)
    if open_ := unresolved(assessment):
        raise LifecycleRefused("comments_open", str(len(open_)))
    review = assessment.review.model_copy(update={
        "outcome": "approved", "decided_by": by, "decided_at": now, "comment": comment.strip(),
        "content_hash": content_hash(assessment)})
    return _step(assessment, "approve", by, now, comment.strip(), review=review)


def return_to_official(assessment: Assessment, by: str, comment: str,
                       now: dt.datetime) -> Assessment:
    """The reviewer sends it back to draft, saying why; the comments stay open for answers."""
    by = _name(by)
    if assessment.status == "in_review" and not same_person(by, assessment.review.reviewer):
        raise LifecycleRefused("not_the_reviewer", assessment.review.reviewer)
    if len(comment.strip()) < MIN_REASON_CHARS and not unresolved(assessment):
        raise LifecycleRefused("reason_missing", str(MIN_REASON_CHARS))
    review = assessment.review.model_copy(update={
        "outcome": "returned", "decided_by": by, "decided_at": now, "comment": comment.strip()})
    return _step(assessment, "return", by, now, comment.strip(), review=review,
                 completion_reason="")


def record_decision(assessment: Assessment, decision: CommitteeDecision, by: str,
                    now: dt.datetime) -> Assessment:
    """The committee's decision, on an approved assessment."""
    by = _name(by)
    if decision.departs and not decision.departure.strip():
        raise LifecycleRefused("departure_missing")
    if not frozen_intact(assessment):
        raise LifecycleRefused("hash_mismatch")
    record = decision.model_copy(update={"recorded_by": by, "recorded_at": now})
    return _step(assessment, "decide", by, now, committee_decision=record)


def mark_followed_up(assessment: Assessment, by: str, now: dt.datetime) -> Assessment:
    return _step(assessment, "follow_up", _name(by), now)


def reopen(assessment: Assessment, by: str, reason: str, now: dt.datetime) -> Assessment:
    """Back to draft: the approval (and hash) stays in the log, with who, when and why."""
    if not is_frozen(assessment):  # a completed, unreviewed one: the official's own step
        by = " ".join(by.split())
    elif len(reason.strip()) < MIN_REASON_CHARS:
        raise LifecycleRefused("reason_missing", str(MIN_REASON_CHARS))
    else:
        by = _name(by)
    review = assessment.review.model_copy(update={"outcome": None, "content_hash": ""})
    return _step(assessment, "reopen", by, now, reason.strip(), review=review,
                 completion_reason="")

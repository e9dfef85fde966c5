"""The review step's approval, recorded where the level can trust it, and read back.

Approving is two writes under one use case: the lifecycle step on the assessment (frozen on its
content hash) and a record of its own in this installation's store (app/store/approvals.py)
with the reviewer, the revision and content approved, and the reviewer's answers to the
generated questions. Only that record lifts the level to the top (app/core/review_gate.py):
fields an imported file brings along never do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import lifecycle as life
from app.core.catalog import Catalog
from app.core.loading import normalise_answers
from app.core.models.approval import Approval, ChecklistAnswer, ReviewStanding
from app.core.models.assessment import Assessment
from app.core.models.scorecard import ReviewQuestion
from app.core.review_gate import standing, unconfirmed
from app.core.scoring import decision_text, score
from app.store.approvals import open_approvals
from app.store.factory import database_url
from app.store.layout import data_dir

if TYPE_CHECKING:  # named only: a report of a file in a fresh folder reads no store
    from app.store.protocol import AssessmentStore


def _folder(store: AssessmentStore | None, folder: Path | str | None) -> Path | str | None:
    return getattr(store, "folder", None) if store is not None else folder


def records(store: AssessmentStore | None = None,
            folder: Path | str | None = None) -> list[Approval]:
    """Every approval recorded with `store` (or in `folder`, default the data folder); none,
    and nothing created, where no data has been kept yet."""
    where = _folder(store, folder)
    if not database_url():
        path = Path(where) if where is not None else data_dir()
        if not (path / "review_approvals.json").exists():
            return []
    return open_approvals(where).all()


def standing_of(assessment: Assessment, store: AssessmentStore | None = None,
                folder: Path | str | None = None) -> ReviewStanding:
    """What this installation recorded of a review of the assessment's current content."""
    return standing(assessment, records(store, folder))


def standings(assessments: Sequence[Assessment], store: AssessmentStore | None = None,
              folder: Path | str | None = None) -> dict[str, ReviewStanding]:
    """Id -> standing for many assessments, reading the records once (the overview)."""
    found = records(store, folder)
    by_id: dict[str, list[Approval]] = {}
    for r in found:
        by_id.setdefault(r.assessment_id, []).append(r)
    return {a.id or "": standing(a, by_id.get(a.id or "", [])) for a in assessments}


def review_questions(assessment: Assessment, catalog: Catalog) -> list[ReviewQuestion]:
    """The generated questions no check can judge, for the assessment as stored now."""
    q = catalog.questionnaire(assessment.questionnaire.id)
    if q is None:
        return []
    values, _ = normalise_answers(assessment, q)
    d = assessment.decision
    return score(q, values, catalog.library, decision_text(d.title, d.description),
                 d.decision_date, catalog.law, catalog.references).review


def approve(store: AssessmentStore, assessment_id: str, by: str, comment: str,
            answers: Sequence[tuple[bool, str]], catalog: Catalog, now: dt.datetime, *,
            expected_revision: int | None = None) -> Assessment:
    """The named reviewer approves the revision they read, having confirmed each generated
    question (ticked, or answered in words, in the order shown). LifecycleRefused when a
    question is left, or the lifecycle refuses (not the reviewer, comments open).

    The record is written first and taken back if the approval's own save fails, so that the
    save (which scores the overview's row, app/services/dashboard_facts.py) already sees it."""
    current = store.get(assessment_id)
    if expected_revision is not None and current.revision != expected_revision:
        life.approve(current, by, comment, now)  # a refusal says why before a conflict does
    questions = review_questions(current, catalog)
    left = unconfirmed(questions, list(answers))
    if left:
        raise life.LifecycleRefused("checklist_open", str(left))
    approved = life.approve(current, by, comment, now)  # refused here: nothing written
    checklist = [ChecklistAnswer(text=item.text, question=item.question, checked=ok,
                                 note=note.strip())
                 for item, (ok, note) in zip(questions, answers, strict=False)]
    kept = open_approvals(_folder(store, None))
    record = kept.create(Approval(
        assessment_id=assessment_id, approved_revision=current.revision + 1,
        content_hash=life.content_hash(approved), reviewer=approved.review.decided_by,
        reviewer_sub=approved.review.reviewer_sub, official=approved.decision.official,
        approved_at=now, comment=comment.strip(), checklist=checklist))
    try:
        stored = store.update(assessment_id, lambda a: life.approve(a, by, comment, now),
                              editor=" ".join(by.split()),
                              expected_revision=expected_revision or current.revision)
    except BaseException:
        kept.delete(record.id)
        raise
    return stored

"""Scoring an assessment file as the app does, with some answers changed: the setup the tests
of findings and levels share (a shipped example or a corpus file, changed in one place)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.loading import load_assessment, normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.services.shipped import catalog

EXAMPLES = Path(__file__).parent.parent / "examples"


def file_answers(path: Path) -> tuple[Assessment, dict[str, Any]]:
    """The file's assessment and its answers read against its questionnaire. An answer the
    questionnaire does not take would make every trial on the file meaningless: it fails here,
    naming the problems."""
    assessment, source = load_assessment(path)
    q = catalog().questionnaire(assessment.questionnaire.id)
    assert q is not None, assessment.questionnaire.id
    values, problems = normalise_answers(assessment, q, source)
    assert problems == [], problems
    return assessment, values


def score_answers(assessment: Assessment, values: dict[str, Any], review: Any = None,
                  description: str | None = None) -> Scorecard:
    """The scorecard of `values` under the assessment's questionnaire and decision, with the
    shipped library, law and references; `description` in place of the decision's own."""
    cat = catalog()
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None, assessment.questionnaire.id
    d = assessment.decision
    text = decision_text(d.title, d.description if description is None else description)
    # A trial changes a shipped example in one place (an answer, its description) to test
    # another rule: the example's own texts are left out of the comparison, or every trial
    # would be "a copy of the example" (that check has its own test in test_evidence_rules).
    others = tuple(r for r in cat.references if not (r.example and r.title == d.title))
    return score(q, values, cat.library, text, d.decision_date, cat.law, others, review=review)


def score_file(path: Path, change: dict[str, Any] | None = None, review: Any = None,
               description: str | None = None) -> Scorecard:
    """The file scored with the answers in `change` put in place of its own."""
    assessment, values = file_answers(path)
    return score_answers(assessment, {**values, **(change or {})}, review, description)

"""Where an official stands in an assessment: each section's state, from the answers alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.answers import is_answered
from app.core.evaluation import Evaluation
from app.core.models.questionnaire import Questionnaire, Question


@dataclass(frozen=True)
class SectionProgress:
    """How far one section has come."""

    id: str
    visible: bool  #: False when the answers skip the whole section
    questions: list[Question]  #: the visible questions, in order
    required: int  #: visible required questions
    answered_required: int
    missing: list[str]  #: ids of visible required questions left open

    @property
    def done(self) -> bool:
        return self.visible and self.answered_required == self.required


def progress(q: Questionnaire, values: dict[str, Any]) -> list[SectionProgress]:
    """Every section's progress, in order."""
    ev = Evaluation(q, values)
    result = []
    for section in q.sections:
        shown = [qu for qu in section.questions if ev.visible.get(qu.id)]
        required = [qu for qu in shown if qu.required]
        missing = [qu.id for qu in required if not is_answered(qu, values.get(qu.id))]
        result.append(SectionProgress(
            id=section.id, visible=bool(shown), questions=shown, required=len(required),
            answered_required=len(required) - len(missing), missing=missing,
        ))
    return result

"""Where an official stands in an assessment: each section's state, from the answers alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.answers import is_answered
from app.core.evaluation import Evaluation
from app.core.models.questionnaire import Question, Questionnaire


@dataclass(frozen=True)
class SectionProgress:
    """How far one section has come."""

    id: str
    visible: bool  #: False when the answers skip the whole section
    questions: list[Question]  #: the visible questions, in order
    required: int  #: visible required questions
    answered_required: int
    missing: list[str]  #: ids of visible required questions left open
    answered: int  #: visible questions with an answer, required or not

    @property
    def done(self) -> bool:
        """Every required question answered; a section without any needs one answer."""
        if not self.visible:
            return False
        if self.required:
            return self.answered_required == self.required
        return self.answered > 0


def progress(q: Questionnaire, values: dict[str, Any]) -> list[SectionProgress]:
    """Every section's progress, in order."""
    ev = Evaluation(q, values)
    result = []
    for section in q.sections:
        shown = [qu for qu in section.questions if ev.visible.get(qu.id)]
        required = [qu for qu in shown if qu.required]
        missing = [qu.id for qu in required if not is_answered(qu, values.get(qu.id))]
        result.append(
            SectionProgress(
                id=section.id,
                visible=bool(shown),
                questions=shown,
                required=len(required),
                answered_required=len(required) - len(missing),
                missing=missing,
                answered=sum(1 for qu in shown if is_answered(qu, values.get(qu.id))),
            )
        )
    return result

"""Personal data that leaves when the official removes it.

The store keeps every earlier value of an answer (the history). When the official corrects
an answer that held personal data (the guard's finding: a personnummer, a phone number, in the
individual track a child's likely name) so that it no longer does, or asks for it ("ta bort ur
historiken"), the earlier values of that answer are taken out of the history on both stores,
and the redaction is recorded: who, when, which question, never the content.
"""

from __future__ import annotations

from typing import Any

from app.core.models.assessment import Answer
from app.core.models.questionnaire import Questionnaire
from app.core.privacy import assessment_text_kinds
from app.store import AssessmentStore


def is_individual(q: Questionnaire | None) -> bool:
    """The questionnaire is about one child (its summary's track)."""
    return q is not None and q.summary is not None and q.summary.track == "individual"


def _texts(value: Any) -> list[str]:
    stack, out = [value], []
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
    return out


def held_personal_data(answer: Answer | None, individual: bool = False) -> bool:
    """The answer (its value or comment) seems to hold personal data."""
    if answer is None:
        return False
    return any(assessment_text_kinds(text, individual)
               for text in [*_texts(answer.value), answer.comment or ""])


def purge_if_corrected(store: AssessmentStore, assessment_id: str, question_id: str,
                       before: Answer | None, after: Answer | None, editor: str,
                       individual: bool = False) -> bool:
    """After a save: when the answer held personal data and no longer does, its earlier
    values leave the history. True when they did."""
    if not held_personal_data(before, individual) or held_personal_data(after, individual):
        return False
    store.redact(assessment_id, [("answers", question_id)], editor=editor)
    return True


def purge_history(store: AssessmentStore, assessment_id: str, question_id: str,
                  editor: str) -> None:
    """The official's choice: the earlier values of this answer leave the history."""
    store.redact(assessment_id, [("answers", question_id)], editor=editor)

"""Whether the answers of an assessment fit their questions, said so that the person who gave
one can fix it: the question named by its label, Swedish first with English beside, and what
is wrong with the answer.

The same check serves the writes and the reads. A write (app/store/answer_rules.py) refuses
an answer that does not fit, and only the answers the write changes are judged: an answer
stored before this check existed never stops another answer from being saved. A read
(app/core/loading.py) flags what does not fit: the answer is kept in the record, shown as a
problem to fix and left out of the score, never a reason to refuse the whole record.

Answers given to an earlier version of the questionnaire are judged as the current version
reads them, after its declared migrations (app/core/migration.py), so a valid old record is
never taken for a wrong one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.answers import normalise
from app.core.migration import migrate
from app.core.models.assessment import Answer, Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.problem_words import swedish
from app.core.text import Text, tr


@dataclass(frozen=True)
class WrongAnswer:
    """One answer that does not fit its question (or answers no question at all)."""

    question_id: str  #: as the current version of the questionnaire reads it
    label: Text | None  #: the question's text; None for an id the questionnaire lacks
    reason: str  #: what is wrong, in English (its Swedish is in app/core/problem_words.py)

    def named(self, lang: str) -> str:
        """The question as a person finds it: its label, with the id for a machine."""
        if self.label is None:
            return f"'{self.question_id}'"
        quote = "”{}”" if lang == "sv" else "“{}”"
        return f"{quote.format(tr(self.label, lang))} ({self.question_id})"

    def refused(self, lang: str) -> str:
        """The sentence of a write that was refused, in `lang`."""
        if lang == "sv":
            return (f"Svaret på frågan {self.named('sv')} sparades inte: "
                    f"{swedish(self.reason)}. Inget annat i bedömningen ändrades.")
        return (f"The answer to the question {self.named('en')} was not saved: {self.reason}. "
                "Nothing else in the assessment was changed.")

    def unreadable(self, lang: str) -> str:
        """The sentence of an answer a file brings in that its question cannot take."""
        if lang == "sv":
            return f"svaret på {self.named('sv')} kan inte läsas: {swedish(self.reason)}"
        return f"the answer to {self.named('en')} cannot be read: {self.reason}"

    def flagged(self, lang: str) -> str:
        """The sentence of a stored answer that does not fit, in `lang`."""
        if lang == "sv":
            return (f"Det sparade svaret på frågan {self.named('sv')} passar inte frågan: "
                    f"{swedish(self.reason)}. Svaret finns kvar men räknas inte förrän det "
                    "rättats.")
        return (f"The stored answer to the question {self.named('en')} does not fit it: "
                f"{self.reason}. It is kept but not scored until it is corrected.")


def wrong_answer(q: Questionnaire, question_id: str, value: Any) -> WrongAnswer | None:
    """What is wrong with `value` as the answer to `question_id` of `q`; None when it fits."""
    question = q.questions.get(question_id)
    if question is None:
        return WrongAnswer(question_id, None, f"{q.id} {q.version} has no question "
                                              f"'{question_id}'")
    try:
        normalise(question, value)
    except ValueError as exc:
        return WrongAnswer(question_id, question.text, str(exc))
    return None


def wrong_answers(assessment: Assessment, q: Questionnaire,
                  before: Mapping[str, Answer] | None = None) -> list[WrongAnswer]:
    """The answers of `assessment` that do not fit `q`, as the current version reads them.
    With `before` (the answers as stored until now), only the answers that differ from
    those are judged: what was stored already is flagged where it is read, not refused."""
    answers = dict(assessment.answers)
    if before is not None:  # each answer migrates on its own: only the changed ones are read
        answers = {k: a for k, a in answers.items()
                   if k not in before or before[k].value != a.value}
        if not answers:
            return []
    now = _read(answers, assessment.questionnaire.version, q)
    if now is None:
        return []  # a version this installation cannot read: said where a record comes in
    found = []
    for qid, answer in now.items():
        if answer.value is None:
            continue  # a comment without an answer, or an answer taken back
        wrong = wrong_answer(q, qid, answer.value)
        if wrong is not None:
            found.append(wrong)
    return found


def _read(answers: dict[str, Answer], version: str,
          q: Questionnaire) -> dict[str, Answer] | None:
    """The answers as the current version reads them; None for a version no declared
    migration leads from (whether such a record may come in is app/core/import_check.py's)."""
    if version == q.version:
        return answers
    migrated, steps = migrate(answers, version, q)
    return migrated if steps and steps[-1].to_version == q.version else None

"""Options that are chosen alone: "none of these" in a multi question (`exclusive: true`).

An answer that says both that none of the options applies and that one of them does
contradicts itself. The form never builds such an answer (choosing the exclusive option
clears the others, choosing another clears it); answers that already hold one (records from
before the flag, imported files) are kept as they are and named by the scorer's
`none_and_other_<question>` findings, so nothing stored changes without the person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.answer_check import WrongAnswer
from app.core.catalog import Catalog
from app.core.migration import migrate
from app.core.models.assessment import Answer, Assessment
from app.core.models.questionnaire import Question, Questionnaire


def exclusive_values(question: Question) -> list[str]:
    """The options of `question` that are chosen alone, in the questionnaire's order."""
    return [o.value for o in question.options or [] if o.exclusive]


@dataclass(frozen=True)
class Clash:
    """An answer that chooses an exclusive option beside others."""

    question: str  #: question id
    exclusive: tuple[str, ...]  #: the exclusive options chosen
    others: tuple[str, ...]  #: the other options chosen beside them


def clash(question: Question, value: Any) -> Clash | None:
    """The contradiction `value` holds, or None (a single option, or no exclusive one)."""
    if question.type != "multi" or not isinstance(value, list) or len(value) < 2:
        return None
    alone = set(exclusive_values(question))
    chosen = [v for v in value if v in alone]
    if not chosen:
        return None
    others = [v for v in value if v not in chosen]
    if not others and len(chosen) < 2:
        return None
    if not others:  # two exclusive options: each says the other does not apply
        chosen, others = chosen[:1], chosen[1:]
    return Clash(question.id, tuple(chosen), tuple(others))


def clashes(q: Questionnaire, answers: Mapping[str, Any]) -> list[Clash]:
    """Every answer in `answers` (question id -> value) that contradicts itself so."""
    found = []
    for qid, value in answers.items():
        question = q.questions.get(qid)
        if question is not None:
            hit = clash(question, value)
            if hit is not None:
                found.append(hit)
    return found


@dataclass(frozen=True)
class Choice:
    """What the form keeps after a change, and what it took away to keep it consistent."""

    value: list[str]
    removed: tuple[str, ...] = ()  #: options the change cleared
    kept: str | None = None  #: the option whose choice cleared them


def choose(question: Question, before: Sequence[str] | None, after: Sequence[str]) -> Choice:
    """The answer after the person changed `before` to `after` in the form.

    Picking an exclusive option clears the others; picking another option clears the
    exclusive one. Removing options changes nothing else: an answer that already held a
    contradiction stays as the person left it (the scorer names it) rather than the form
    guessing which half was meant."""
    alone = set(exclusive_values(question))
    old = list(before or [])
    added = [v for v in after if v not in old]
    if not alone or not added:
        return Choice(list(after))
    picked_alone = [v for v in added if v in alone]
    if picked_alone:
        kept = picked_alone[-1]
        return Choice([kept], tuple(v for v in after if v != kept), kept)
    removed = tuple(v for v in after if v in alone)
    if not removed:
        return Choice(list(after))
    return Choice([v for v in after if v not in alone], removed, added[-1])


@dataclass(frozen=True)
class RecordClash:
    """A contradiction found in a whole record (an imported file): which record, which
    questionnaire reads it, and the answer."""

    title: str  #: the decision's title, as the person knows the record
    questionnaire: str
    clash: Clash


def record_clashes(assessments: Sequence[Assessment], catalog: Catalog) -> list[RecordClash]:
    """Every answer that chooses an exclusive option beside others, as the current version of
    each record's questionnaire reads it (after its migrations)."""
    found: list[RecordClash] = []
    for assessment in assessments:
        q = catalog.questionnaire(assessment.questionnaire.id)
        if q is None:
            continue
        answers, _ = migrate(dict(assessment.answers), assessment.questionnaire.version, q)
        values = {qid: a.value for qid, a in answers.items()}
        found += [RecordClash(assessment.decision.title, q.id, c) for c in clashes(q, values)]
    return found


def added_clashes(q: Questionnaire, before: Mapping[str, Answer],
                  after: Mapping[str, Answer]) -> list[WrongAnswer]:
    """The answers an edit turns into a contradiction by adding to them: refused where they
    are written, on every path (app/store/answer_rules.py). Taking options away from an answer
    that already held both is not refused (the person is fixing it), and a new record (an
    import) is kept as it is and listed instead (record_clashes)."""
    found: list[WrongAnswer] = []
    for qid, answer in after.items():
        question = q.questions.get(qid)
        hit = clash(question, answer.value) if question is not None else None
        if question is None or hit is None:
            continue
        old = before.get(qid)
        earlier = old.value if old is not None and isinstance(old.value, list) else []
        if set(answer.value) <= set(earlier):
            continue
        found.append(WrongAnswer(qid, question.text, (
            f"{', '.join(repr(v) for v in hit.exclusive)} is chosen only alone, not beside "
            f"{', '.join(repr(v) for v in hit.others)}")))
    return found

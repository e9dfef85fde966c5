"""The structured facts the checks read, as the form shows them: (question, answer) pairs.

The questionnaire's `summary.facts` names them. Page 1 of the report, the one page for the
tjänsteskrivelse and Resultat list them, so that what a level rests on is there to be seen and a
false answer is a visible statement. A question the answers hide is left out; one shown but
never answered (an assessment from a version that did not ask it) has the answer ''. Pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from app.core.answer_text import answer_text
from app.core.fact_dates import as_day
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr

TITLE = {"sv": "Uppgifter som kontrollerna läser", "en": "Facts the checks read"}
NOT_ANSWERED = {"sv": "Inte besvarad", "en": "Not answered"}


def fact_pairs(q: Questionnaire, values: dict[str, Any], visible: Collection[str], lang: str,
               date: Callable[[dt.date], str] = dt.date.isoformat) -> list[tuple[str, str]]:
    """(numbered question, answer in the form's words) for each shown fact; `date` writes a
    date answer as the organisation does."""
    if q.summary is None:
        return []
    pairs = []
    for qid in q.summary.facts:
        if qid not in visible:
            continue
        question = q.questions[qid]
        value = values.get(qid)
        if question.type == "date":
            day = as_day(value)
            text = date(day) if day else ""
        else:
            text = answer_text(q, question, value, lang)
        pairs.append((f"{q.numbering.get(qid, '')} {tr(question.text, lang)}".strip(), text))
    return pairs


def not_answered(lang: str) -> str:
    return NOT_ANSWERED.get(lang, NOT_ANSWERED["en"])


def title(lang: str) -> str:
    return TITLE.get(lang, TITLE["en"])

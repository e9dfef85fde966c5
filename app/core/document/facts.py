"""The recorded facts the checks read, as the form shows them: on page 1 beside the conclusion
and in the one page for the tjänsteskrivelse.

A level says the facts agree; a reader must be able to see which facts those are (who
interpreted, when the child was last heard and about what, whether a guideline set the extent),
so that a false answer is a visible statement, not a hidden one. The questionnaire's
`summary.facts` names them; a question the answers hide is left out, and one shown but never
answered (for example after a migration from a version that did not ask it) says so. Its words
live here so it can change on its own.
"""

from __future__ import annotations

from app.core.answer_text import answer_text
from app.core.document.model import Block, Field, Fields, Heading
from app.core.document.source import ReportInput
from app.core.fact_dates import as_day
from app.core.text import tr

_S: dict[str, tuple[str, str]] = {
    "title": ("Uppgifter som kontrollerna läser", "Facts the checks read"),
    "not_answered": ("Inte besvarad", "Not answered"),
}


def _t(key: str, lang: str) -> str:
    sv, en = _S[key]
    return en if lang == "en" else sv


def title(lang: str) -> str:
    return _t("title", lang)


def fact_pairs(ri: ReportInput) -> list[tuple[str, str]]:
    """(question, answer) for each shown fact; the answer '' when not given."""
    spec, q = ri.questionnaire.summary, ri.questionnaire
    if spec is None:
        return []
    pairs = []
    for qid in spec.facts:
        if not ri.visible(qid):
            continue
        question = q.questions[qid]
        value = ri.values.get(qid)
        if question.type == "date":
            day = as_day(value)
            text = ri.date(day) if day else ""
        else:
            text = answer_text(q, question, value, ri.lang)
        pairs.append((f"{q.numbering.get(qid, '')} {tr(question.text, ri.lang)}".strip(), text))
    return pairs


def facts_blocks(ri: ReportInput) -> list[Block]:
    """Page 1's list of the facts; nothing when the questionnaire names none."""
    pairs = fact_pairs(ri)
    if not pairs:
        return []
    empty = _t("not_answered", ri.lang)
    return [Heading(2, title(ri.lang), "facts"),
            Fields(tuple(Field(label, value, empty) for label, value in pairs), columns=2)]


def facts_line(ri: ReportInput) -> str:
    """The facts in one paragraph, for the one page: 'question: answer; …'."""
    empty = _t("not_answered", ri.lang)
    return "; ".join(f"{label} {value or empty}" for label, value in fact_pairs(ri))

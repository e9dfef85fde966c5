"""The recorded facts the checks read, as the form shows them: on page 1 beside the conclusion
and in the one page for the tjänsteskrivelse.

A level says the facts agree; a reader must be able to see which facts those are (who
interpreted, when the child was last heard and about what, whether a guideline set the extent),
so that a false answer is a visible statement, not a hidden one. The questionnaire's
`summary.facts` names them; a question the answers hide is left out, and one shown but never
answered (for example after a migration from a version that did not ask it) says so. The list
and its words are app/core/fact_list.py, shared with Resultat.
"""

from __future__ import annotations

from app.core import fact_list
from app.core.document.model import Block, Field, Fields, Heading
from app.core.document.source import ReportInput


def title(lang: str) -> str:
    return fact_list.title(lang)


def fact_pairs(ri: ReportInput) -> list[tuple[str, str]]:
    """(question, answer) for each shown fact; the answer '' when not given."""
    return fact_list.fact_pairs(ri.questionnaire, ri.values, ri.card.visible, ri.lang,
                                ri.date)


def facts_blocks(ri: ReportInput) -> list[Block]:
    """Page 1's list of the facts; nothing when the questionnaire names none."""
    pairs = fact_pairs(ri)
    if not pairs:
        return []
    empty = fact_list.not_answered(ri.lang)
    return [Heading(2, title(ri.lang), "facts"),
            Fields(tuple(Field(label, value, empty) for label, value in pairs), columns=2)]


def facts_line(ri: ReportInput) -> str:
    """The facts in one paragraph, for the one page: 'question: answer; …'."""
    empty = fact_list.not_answered(ri.lang)
    return "; ".join(f"{label} {value or empty}" for label, value in fact_pairs(ri))

"""Which rules apply to an assessment, and how a rule is cited. Pure: no I/O."""

from __future__ import annotations

from typing import Any

from app.core.models.law import Area, LawLibrary, Rule
from app.core.models.questionnaire import Question, Questionnaire

_WORDS = {
    "sv": {"article": "artikel", "chapter": "kap.", "section": "§",
           "not_verified": "paragraf ej kontrollerad"},
    "en": {"article": "article", "chapter": "chapter", "section": "section",
           "not_verified": "section not verified"},
}


def citation(law: LawLibrary, rule: Rule, lang: str) -> str:
    """E.g. 'Skollagen (2010:800) 1 kap. 10 §', 'Skollag (2010:800) chapter 1 section 10'."""
    from app.core.text import tr

    statute = law.statute[rule.statute]
    words = _WORDS.get(lang, _WORDS["sv"])
    parts = [f"{tr(statute.short, lang)} ({statute.sfs})"]
    if rule.article is not None:
        parts.append(f"{words['article']} {rule.article}")
    if lang == "sv":
        if rule.chapter is not None:
            parts.append(f"{rule.chapter} {words['chapter']}")
        if rule.section is not None:
            parts.append(f"{rule.section} {words['section']}")
    else:
        if rule.chapter is not None:
            parts.append(f"{words['chapter']} {rule.chapter}")
        if rule.section is not None:
            parts.append(f"{words['section']} {rule.section}")
    return " ".join(parts)


def status_label(rule: Rule, lang: str) -> str | None:
    """'paragraf ej kontrollerad' for a rule whose section could not be read; None otherwise."""
    if rule.status == "verified":
        return None
    return _WORDS.get(lang, _WORDS["sv"])["not_verified"]


def cited(law: LawLibrary, rule: Rule, lang: str) -> str:
    """The citation with the rule's status beside it where the section was not verified."""
    label = status_label(rule, lang)
    text = citation(law, rule, lang)
    return f"{text} ({label})" if label else text


def chosen_areas(law: LawLibrary, question: Question, values: dict[str, Any]) -> list[Area]:
    """The areas a law-check question shows: those its area question's answer maps to, then
    the areas that always apply. Unanswered: only the ones that always apply."""
    if question.law is None:
        return []
    answer = values.get(question.law.source)
    picked = answer if isinstance(answer, list) else [answer] if answer else []
    ids: list[str] = []
    for option in picked:
        for area_id in question.law.areas.get(str(option), []):
            if area_id not in ids:
                ids.append(area_id)
    ids += [a.id for a in law.areas if a.always and a.id not in ids]
    return [law.area[i] for i in ids if i in law.area]


def law_questions(q: Questionnaire) -> list[Question]:
    """The questions that show legal rules, in order."""
    return [question for question in q.questions.values() if question.law is not None]

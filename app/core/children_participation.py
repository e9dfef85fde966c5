"""What a collection of children's views puts into the assessment's participation section.

The ids are those of the bka-standard questionnaire (section `participation`): children_heard,
heard_methods, heard_who_what and views_effect. An answer is only set where the official's
questionnaire has that question and that option, so another questionnaire is left untouched.
"""

from __future__ import annotations

from app.core.children import Results, ages_text
from app.core.models.assessment import Answer, Assessment
from app.core.models.child_collection import ChildCollection
from app.core.models.children import ChildQuestionnaire
from app.core.models.questionnaire import Questionnaire
from app.core.text import tr

HEARD, METHODS, WHO_WHAT, VIEWS_EFFECT = ("children_heard", "heard_methods", "heard_who_what",
                                          "views_effect")
#: Ends the paragraph, so that recording the same collection again replaces it.
MARKS = {"sv": "(insamling {id})", "en": "(collection {id})"}


def summary(child_q: ChildQuestionnaire, collection: ChildCollection, results: Results,
            lang: str) -> str:
    """The paragraph for heard_who_what: method, how many, ages, when, the main answers."""
    days = sorted(r.day for r in collection.responses)
    when = days[0].isoformat() if days[0] == days[-1] else f"{days[0]} – {days[-1]}"
    ages = ages_text(child_q, results, lang)
    group = f" ({collection.group})" if collection.group else ""
    if lang == "sv":
        head = (f"Digital enkät för barn utan namn, {when}: {results.answered} barn{group} "
                f"svarade, {f'i åldrarna {ages}' if ages else 'i olika åldrar'}.")
    else:
        head = (f"Digital survey for children without names, {when}: {results.answered} "
                f"children{group} answered, {f'aged {ages}' if ages else 'of different ages'}.")
    lines = [head]
    for count in results.counts:
        parts = [f"{n} {tr(lv.label, lang).lower()}" for lv in count.levels
                 if (n := count.total.get(lv.value, 0))]
        if parts:
            lines.append(f"{count.text} {', '.join(parts)}.")
    return "\n".join(lines) + " " + MARKS.get(lang, MARKS["en"]).format(id=collection.id)


def participation_answers(official_q: Questionnaire, assessment: Assessment,
                          child_q: ChildQuestionnaire, collection: ChildCollection,
                          results: Results, lang: str) -> dict[str, Answer]:
    """The answers to write; empty when fewer than five children answered."""
    if not results.shown:
        return {}
    questions = official_q.questions
    out: dict[str, Answer] = {}
    if HEARD in questions and "directly" in questions[HEARD].option_values:
        out[HEARD] = _keep_comment(assessment, HEARD, "directly")
    if METHODS in questions and "survey" in questions[METHODS].option_values:
        methods = list(assessment.value(METHODS) or [])
        out[METHODS] = _keep_comment(assessment, METHODS,
                                     methods if "survey" in methods else [*methods, "survey"])
    if WHO_WHAT in questions:
        before = str(assessment.value(WHO_WHAT) or "").strip()
        paragraph = summary(child_q, collection, results, lang)
        marks = [m.format(id=collection.id) for m in MARKS.values()]
        kept = [p for p in before.split("\n\n")
                if p.strip() and not any(m in p for m in marks)]
        out[WHO_WHAT] = _keep_comment(assessment, WHO_WHAT, "\n\n".join([*kept, paragraph]))
    return out


def _keep_comment(assessment: Assessment, qid: str, value: object) -> Answer:
    before = assessment.answers.get(qid)
    return Answer(value=value, comment=before.comment if before else None)

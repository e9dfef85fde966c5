"""What the reviewer is asked to judge: the questions no check can answer, from the case.

The checks see whether facts agree (a right weakened and a measure that names it); they cannot
read whether the measure really reduces the harm, or whether a reason holds. The questionnaire's
`scoring.review` declares those questions; this module fills them in with the case's own
numbers, measures, rights and groups (pure: an evaluation in, plain data out).
"""

from __future__ import annotations

import re
from typing import Any

from app.core import measure_facts
from app.core.answer_text import answer_text
from app.core.evaluation import Evaluation
from app.core.evaluation_harms import Harm
from app.core.models.questionnaire import ReviewItem
from app.core.models.scorecard import ReviewQuestion
from app.core.text import tr
from app.core.wording import and_list

#: {q:id} is the question's number; {a:id} the answer as the form shows it (the fact itself)
_FIELD = re.compile(r"\{([qa]:[a-z0-9_]+|harms|spared|unheard|measure|addressed|facts)\}")
ARTICLE = {"sv": "art.", "en": "art."}


def review_questions(ev: Evaluation) -> list[ReviewQuestion]:
    """Every declared review question whose condition holds, filled in for this case."""
    found: list[ReviewQuestion] = []
    for item in ev.q.scoring.review:
        if not ev.holds(item.when):
            continue
        if item.each == "measure":
            found += _per_measure(ev, item)
        else:
            found.append(ReviewQuestion(text=_fill(ev, item, {}), question=_first_question(item)))
    return found


def _per_measure(ev: Evaluation, item: ReviewItem) -> list[ReviewQuestion]:
    question = _measures_question(ev)
    if question is None:
        return []
    result = []
    for action in ev.planned_actions(question):
        named = {str(x) for x in action.get("addresses") or []}
        harms = [h for h in ev.harm_list
                 if str(h.article) in named or (h.group is not None and h.group in named)]
        if not harms:
            continue
        what = f"”{str(action.get('what') or '').strip()}”"
        extra: dict[str, dict[str, str]] = {
            lang: {"measure": what,
                   "addressed": and_list([harm_label(ev, h, lang) for h in harms], lang),
                   "facts": measure_facts.short(action, lang, ev.q.track)}
            for lang in ev.q.languages or ["sv"]}
        result.append(ReviewQuestion(text=_fill(ev, item, extra), question=question))
    return result


def _measures_question(ev: Evaluation) -> str | None:
    return next((qid for qid, qu in ev.q.questions.items()
                 if qu.type == "actions" and ev.visible.get(qid)), None)


def _fill(ev: Evaluation, item: ReviewItem,
          extra: dict[str, dict[str, str]]) -> dict[str, str]:
    """The item's text in each language; `extra`: language -> placeholder -> value."""
    return {lang: _fill_one(ev, tr(item.text, lang), lang, extra.get(lang, {}))
            for lang in ev.q.languages or ["sv"]}


def _fill_one(ev: Evaluation, text: str, lang: str, extra: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: _value(ev, m.group(1), lang, extra), text)


def _value(ev: Evaluation, name: str, lang: str, extra: dict[str, str]) -> str:
    if name.startswith("q:"):
        return ev.q.numbering.get(name[2:], name[2:])
    if name.startswith("a:"):
        return _answer(ev, name[2:], lang)
    if name in extra:
        return extra[name]
    if name == "harms":
        return and_list([harm_label(ev, h, lang) for h in ev.harm_list], lang)
    if name == "spared":  # groups rated lighter than all children where all lose
        return and_list([harm_label(ev, h, lang) for h in ev.spared_list], lang)
    if name == "unheard":
        return and_list(_unheard_labels(ev, lang), lang)
    return "{" + name + "}"


def _answer(ev: Evaluation, qid: str, lang: str) -> str:
    """The recorded answer in the form's words, quoted; a dash when none is shown."""
    question = ev.q.questions.get(qid)
    text = answer_text(ev.q, question, ev.answer(qid), lang) if question else ""
    return f"”{text}”" if text else "–"


def target_options(ev: Evaluation, lang: str) -> list[tuple[str, str]]:
    """What a measure can say it addresses: each weakened article and each group rated
    weakened, as (stored value, label); the form offers them beside every measure."""
    options: dict[str, str] = {}
    for harm in ev.harm_list:
        options.setdefault(str(harm.article), harm_label(ev, Harm(harm.article, None, ()), lang))
        if harm.group is not None:
            options.setdefault(harm.group, harm_label(ev, harm, lang))
    return list(options.items())


def harm_label(ev: Evaluation, harm: Harm, lang: str) -> str:
    """'art. 31', or 'barn med funktionsnedsättning (art. 28)' for a group's harm."""
    article = f"{ARTICLE.get(lang, 'art.')} {harm.article}"
    if harm.group is None:
        return article
    source = _group_source(ev)
    label = tr(source.option_label(harm.group), lang) if source else harm.group
    return f"{label[:1].lower()}{label[1:]} ({article})"


def _group_source(ev: Evaluation) -> Any:
    for question in ev.q.questions.values():
        if question.type == "impact" and question.groups is not None:
            return ev.q.questions.get(question.groups.source)
    return None


def _unheard_labels(ev: Evaluation, lang: str) -> list[str]:
    """Ages and groups concerned but not heard, as the questionnaire names them."""
    labels = []
    for affected, heard in _heard_pairs(ev):
        source = ev.q.questions[affected]
        for value in ev.unheard_options(affected, heard):
            label = tr(source.option_label(value), lang)
            labels.append(label if label[:1].isdigit() else label[:1].lower() + label[1:])
    return labels


def _heard_pairs(ev: Evaluation) -> list[tuple[str, str]]:
    """The (affected, heard) question pairs that the conditions compare with unheard()."""
    pairs: list[tuple[str, str]] = []
    for question in ev.q.questions.values():
        for a, b in re.findall(r"unheard\((\w+),\s*(\w+)\)", question.show_if or ""):
            if (a, b) not in pairs and a in ev.q.questions:
                pairs.append((a, b))
    return pairs


def _first_question(item: ReviewItem) -> str:
    found = re.search(r"\{q:([a-z0-9_]+)\}", tr(item.text, "sv"))
    return found.group(1) if found else ""



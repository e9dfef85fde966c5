"""The scorecard: every figure computed from the answers by the questionnaire's `scoring:`.

Gates before points: the findings are decided first, and a raised finding with a cap (every
serious one, unless it names its own) holds the level at or below that cap, whatever the points
say. The short path ("does not concern children") is a screening record, not a score.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any

from app.core import measure_rules
from app.core.answer_text import answer_text
from app.core.condition_tree import Call
from app.core.dependencies import parsed
from app.core.evaluation import Evaluation
from app.core.group_impacts import group_impacts
from app.core.models.approval import ReviewStanding
from app.core.models.article import ArticleLibrary
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Band, Flag, Questionnaire
from app.core.models.scorecard import (
    ClusterImpact,
    Conclusion,
    CriterionResult,
    FlagResult,
    HollowAnswer,
    LevelResult,
    RightChange,
    Scorecard,
)
from app.core.review_gate import gate
from app.core.review_list import harm_label, review_questions
from app.core.substance import HIDDEN_SOURCE, ReferenceText

SHOWN_MISSING = 4  #: unanswered questions a finding names; the rest are counted


def score(
    q: Questionnaire,
    values: dict[str, Any],
    library: ArticleLibrary,
    decision: str = "",
    decided: dt.date | None = None,
    law: LawLibrary | None = None,
    others: Sequence[ReferenceText] = (),
    review: ReviewStanding | None = None,
) -> Scorecard:
    """Score answers (question id -> normalised value) against a questionnaire.

    `decision` is the decision's title and description, read by rules on word lists;
    `decided` its (planned) date, which an analysis made later cannot have informed; `law` the
    law library, whose texts pasted into an answer are not an analysis; `review` what this
    installation recorded of a reviewer's approval: without one of the current content the
    level stays below the top (app/core/review_gate.py).
    """
    ev = Evaluation(q, values, library, decision, decided, law, tuple(others))
    s = q.scoring
    screening = s.screening is not None and ev.holds(s.screening.when)
    kind = "screening" if screening else "assessment"
    flags = [_flag(f, ev, q) for f in s.flags if f.applies_to == kind and ev.holds(f.when)]
    required = [qid for qid, qu in q.questions.items() if qu.required and ev.visible.get(qid)]
    # Substance, not presence: a required text answer that says nothing is still missing.
    missing = ev.missing
    completeness = 100.0 if not required else 100.0 * (len(required) - len(missing)) / len(required)
    common: dict[str, Any] = dict(
        questionnaire=q.id,
        version=q.version,
        completeness=completeness,
        required_visible=len(required),
        required_answered=len(required) - len(missing),
        missing=missing,
        flags=flags,
        visible=[qid for qid in q.questions if ev.visible.get(qid)],
        hollow=[HollowAnswer(question=h.question, reason=h.reason, article=h.article,
                             source=h.source) for h in ev.hollow],
        kind=kind,
        review=review_questions(ev),
    )
    if screening and s.screening is not None:
        reason = ev.answer(s.screening.reason)
        return Scorecard(
            articles=[], clusters=_clusters({}, library), balance=None, balance_label=None,
            negative=0, positive=0, process_quality=0, criteria=[], overall=0, level=None,
            screening_reason=reason if isinstance(reason, str) else "", **common,
        )
    criteria = [
        CriterionResult(id=c.id, label=c.label, points=c.points, met=ev.holds(c.when))
        for c in s.process_quality
    ]
    quality = sum(c.points for c in criteria if c.met)
    overall = s.overall.process_quality * quality + s.overall.completeness * completeness
    combined = ev.combined
    balance = sum(combined.values()) / len(combined) if combined else None
    balance_band = _band(s.impact.balance_bands, balance) if balance is not None else None
    points_level = _band(s.levels, overall)
    level, capped_by = _capped(q, points_level, flags)
    held = gate(q, level, review)
    if held is not None:  # the top is earned with a reviewer, whatever the points say
        flags.append(held)
        level, capped_by = q.level_order()[-2], [*capped_by, held.id]
    return Scorecard(
        articles=ev.article_impacts,
        clusters=_clusters(combined, library),
        balance=balance,
        balance_label=balance_band.label if balance_band else None,
        negative=len(ev.weakened_articles),
        positive=len(ev.strengthened_articles),
        process_quality=quality,
        criteria=criteria,
        overall=overall,
        level=_level(level),
        points_level=_level(points_level),
        capped_by=capped_by,
        conclusion=_conclusion(q, ev),
        weakened=_changes(ev, ev.weakened_articles),
        strengthened=_changes(ev, ev.strengthened_articles),
        groups=group_impacts(ev),
        reviewed=review,
        **common,
    )


def _flag(flag: Flag, ev: Evaluation, q: Questionnaire) -> FlagResult:
    cap = flag.cap or (q.scoring.serious_cap if flag.severity == "serious" else None)
    return FlagResult(id=flag.id, severity=flag.severity, message=flag.message,
                      question=flag.question, cap=cap,
                      details=_details(flag.when, ev, q) + _quoted(flag, ev, q))


def _quoted(flag: Flag, ev: Evaluation, q: Questionnaire) -> list[str]:
    """The answers the finding quotes, as the form shows them: '2.4 ”2027-03-01”' (the
    recorded facts, in the assessment's first language)."""
    lang = (q.languages or ["sv"])[0]
    found = []
    for qid in flag.quote:
        question = q.questions.get(qid)
        text = answer_text(q, question, ev.answer(qid), lang) if question else ""
        if text:
            found.append(f"{q.numbering.get(qid, qid)} ”{text}”")
    return found


def _details(condition: str, ev: Evaluation, q: Questionnaire) -> list[str]:
    """What the rule's functions found, for the reader to see where: numbers, words."""
    details: list[str] = []
    for node in parsed(condition).walk():
        if not isinstance(node, Call):
            continue
        if node.function == "hollow_answers":
            details += [q.numbering.get(h.question, h.question) for h in ev.hollow
                        if h.article is None]
        elif node.function == "decision_mentions":
            words = str(getattr(node.args[0], "value", ""))
            details += ev.decision_words(words)
        elif node.function == "copied_answers":
            # one the reader may not see is not named (the answers list says "another")
            details += [h.source for h in ev.hollow if h.reason == "other_assessment"
                        and h.source != HIDDEN_SOURCE]
        elif node.function == "missing_required":
            # The first few numbers say where to start; the whole list is under the answers.
            numbers = [q.numbering.get(m, m) for m in ev.missing if m not in ev.hollow_questions]
            details += numbers[:SHOWN_MISSING] + (
                [f"+{len(numbers) - SHOWN_MISSING}"] if len(numbers) > SHOWN_MISSING else [])
        elif node.function in measure_rules.DETAILED:
            lang = (q.languages or ["sv"])[0]
            details += measure_rules.details(node.function, ev, _qid_arg(node),
                                             partial(harm_label, ev, lang=lang), lang,
                                             q.track)
        elif node.function == "affected_owned":
            qid = _qid_arg(node)
            details += [str(a.get("who") or "") for a in ev.affected_measures(qid)]
        elif node.function == "figures_beyond":
            words = str(getattr(node.args[1], "value", ""))
            details += ev.beyond_count(_qid_arg(node), words)
        elif node.function == "spared_groups":
            details += [f"art. {h.article}" for h in ev.spared_list]
        elif node.function == "analysed_impacts":
            details += [f"{q.numbering.get(h.question, h.question)} art. {h.article}"
                        for h in ev.hollow if h.article is not None]
    return list(dict.fromkeys(details))


def _qid_arg(node: Call) -> str:
    first = node.args[0] if node.args else None
    return str(getattr(first, "id", ""))


def _capped(
    q: Questionnaire, level: Band | None, flags: list[FlagResult]
) -> tuple[Band | None, list[str]]:
    """The level after the caps of the raised findings, and the findings that lowered it."""
    order = q.level_order()
    if level is None:
        return None, []
    rank = {b.id: i for i, b in enumerate(order) if b.id}
    points_rank = order.index(level)
    lowering = [f for f in flags if f.cap in rank and rank[f.cap] < points_rank]
    if not lowering:
        return level, []
    lowest = min(rank[f.cap] for f in lowering if f.cap)
    return order[lowest], [f.id for f in lowering]


def _level(band: Band | None) -> LevelResult | None:
    if band is None:
        return None
    return LevelResult(id=band.id, label=band.label, meaning=band.meaning, min=band.min,
                       max=band.max)


def _conclusion(q: Questionnaire, ev: Evaluation) -> Conclusion | None:
    c = q.scoring.conclusion
    if c is None:
        return None
    outcome = ev.answer(c.outcome)
    motivation = ev.answer(c.motivation)
    question = q.questions[c.outcome]
    return Conclusion(
        outcome=outcome if isinstance(outcome, str) else None,
        outcome_label=question.option_label(outcome) if isinstance(outcome, str) else None,
        motivation=motivation if isinstance(motivation, str) else "",
        reasoned=ev.substantive(c.motivation),
    )


def _changes(ev: Evaluation, found: dict[int, list[str]]) -> list[RightChange]:
    result = []
    for number in sorted(found):
        texts = [a.children.strip() for a in ev.counted_impacts
                 if a.number == number and a.children.strip()]
        result.append(RightChange(number=number, terms=found[number],
                                  children=" ".join(dict.fromkeys(texts))))
    return result


def _band(bands: list[Band], value: float) -> Band | None:
    top = max(bands, key=lambda b: b.max)
    return next((b for b in bands if b.contains(value, b is top)), None)


def _clusters(combined: dict[int, float], library: ArticleLibrary) -> list[ClusterImpact]:
    """Each article counts once, in its first (the Committee's primary) cluster."""
    result = []
    for cluster in library.clusters:
        rated = [n for n in combined
                 if (a := library.article(n)) is not None and a.clusters[0] == cluster.id]
        rated.sort()
        mean = sum(combined[n] for n in rated) / len(rated) if rated else None
        result.append(ClusterImpact(id=cluster.id, title=cluster.title, mean=mean, articles=rated))
    return result


def decision_text(title: str, description: str) -> str:
    """What word-list rules read of a decision: its title and its description."""
    return f"{title}\n{description}"

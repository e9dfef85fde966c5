"""Groups' assessments of one case side by side, and where they disagree most.

Pure: answers in, figures out. Every disagreement is a number from 0 (every group that answered
gave the same answer) to 1 (the answers are as far apart as they can be), so that questions of
different types can be ranked on one agenda:

    choice   share of groups that did not give the most common answer, divided by the
             largest share possible for that many groups (two groups that differ: 1)
    multi    mean Jaccard distance over every pair of groups (1 - shared / chosen by either)
    scale    range of the answers / range of the scale
    number   range of the answers / the largest answer (capped at 1)
    impact   per article: range of the groups' combined ratings / 4 (the width of -2..+2)
    text, date, actions: not compared; listed side by side for the discussion

Only groups that answered a question they can see count; a question needs two such groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Literal

from app.core.answers import is_answered
from app.core.debrief import Focus, Part, room_order
from app.core.evaluation import Evaluation
from app.core.models.article import ArticleLibrary
from app.core.models.case import Case
from app.core.models.questionnaire import Question, Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.scoring import score
from app.core.text import Text

COMPARED = ("choice", "multi", "scale", "number")  # impact is compared per article
IMPACT_RANGE = 4.0  # -2..+2


@dataclass(frozen=True)
class GroupInput:
    """One group's answers, normalised (question id -> stored value)."""

    name: str
    values: dict[str, Any]


@dataclass(frozen=True)
class GroupResult:
    """One group's scorecard, with the answers it was computed from."""

    name: str
    values: dict[str, Any]
    card: Scorecard

    def answer(self, question_id: str) -> Any:
        """The answer if the group can see the question and gave one, else None."""
        value = self.values.get(question_id)
        if question_id not in self.card.visible or value in (None, "", [], {}):
            return None
        return value


@dataclass(frozen=True)
class ArticleRow:
    """One article's combined rating by each group (None: not rated), in group order."""

    number: int
    ratings: tuple[float | None, ...]
    key: bool  #: the case names it as one a good analysis rates
    #: an article the questionnaire assesses by its best-interests conclusion (article 3),
    #: never by a rating: each group's conclusion instead (None: not given)
    conclusions: tuple[Text | None, ...] | None = None

    @property
    def spread(self) -> float | None:
        """Highest minus lowest rating; None when fewer than two groups rated it."""
        rated = [r for r in self.ratings if r is not None]
        return max(rated) - min(rated) if len(rated) >= 2 else None


@dataclass(frozen=True)
class Item:
    """A question (for impact: one article of it) with each group's answer, in group order."""

    question: str
    article: int | None  #: impact questions: the article; else None
    answers: tuple[Any, ...]  #: None where a group gave no answer or cannot see the question
    disagreement: float | None  #: 0..1; None for questions that are not compared
    part: Part = "rest"  #: where the debrief takes it up (app/core/debrief.py)

    @property
    def answered(self) -> int:
        return sum(1 for a in self.answers if a is not None)


@dataclass(frozen=True)
class RuleRow:
    """A key point or a common mistake of the case, and for which groups it holds."""

    id: str
    label: Text
    kind: Literal["key_point", "mistake"]
    holds: tuple[bool, ...]  #: in group order: caught the point, or made the mistake


@dataclass(frozen=True)
class Comparison:
    groups: list[GroupResult]
    articles: list[ArticleRow]  #: the case's key articles and every article any group rated
    agenda: list[Item]  #: the debrief: key items, then most groups' disagreements, then the rest
    listed: list[Item]  #: free-text and other answers shown side by side, not compared
    rules: list[RuleRow] = field(default_factory=list)  #: the case's key points, then mistakes

    def caught(self, index: int) -> tuple[int, int]:
        """Key points the group caught, of how many."""
        return self._count(index, "key_point")

    def made(self, index: int) -> tuple[int, int]:
        """Common mistakes the group made, of how many."""
        return self._count(index, "mistake")

    def _count(self, index: int, kind: str) -> tuple[int, int]:
        rows = [r for r in self.rules if r.kind == kind]
        return sum(1 for r in rows if r.holds[index]), len(rows)


def compare(q: Questionnaire, library: ArticleLibrary, groups: Sequence[GroupInput],
            key_articles: Sequence[int] = (), case: Case | None = None) -> Comparison:
    results = [GroupResult(g.name, g.values, score(q, g.values, library)) for g in groups]
    compared: list[Item] = []
    listed: list[Item] = []
    for question in q.questions.values():
        if question.type == "impact":
            compared += impact_items(question, results)
        elif question.type in COMPARED:
            compared.append(_item(question, results))
        else:
            item = Item(question.id, None, tuple(r.answer(question.id) for r in results), None)
            if item.answered:
                listed.append(item)
    order = {qid: i for i, qid in enumerate(q.questions)}
    ranked = room_order(compared, Focus.of(case), len(results), order)
    agenda = [replace(item, part=part) for part, item in ranked]
    rows = article_rows(results, key_articles, q.scoring.impact.conclusion_articles)
    return Comparison(results, rows, agenda, listed,
                      case_rules(q, library, groups, case))


def case_rules(q: Questionnaire, library: ArticleLibrary, groups: Sequence[GroupInput],
               case: Case | None) -> list[RuleRow]:
    """Each of the case's key points and mistakes, evaluated on each group's answers."""
    if case is None:
        return []
    views = [Evaluation(q, g.values, library) for g in groups]
    rows = []
    for kind, rules in (("key_point", case.key_points), ("mistake", case.mistakes)):
        for rule in rules:
            rows.append(RuleRow(rule.id, rule.label, kind,  # type: ignore[arg-type]
                                tuple(v.holds(rule.when) for v in views)))
    return rows


def _item(question: Question, results: Sequence[GroupResult]) -> Item:
    answers = tuple(_answered(question, r) for r in results)
    given = [a for a in answers if a is not None]
    return Item(question.id, None, answers, disagreement(question, given))


def _answered(question: Question, result: GroupResult) -> Any:
    value = result.answer(question.id)
    return value if value is not None and is_answered(question, value) else None


def disagreement(question: Question, given: Sequence[Any]) -> float | None:
    """How far apart the given answers are, 0..1; None with fewer than two answers."""
    if len(given) < 2:
        return None
    if question.type == "choice":
        return choice_disagreement(given)
    if question.type == "multi":
        return multi_disagreement(given)
    low, high = min(given), max(given)
    if question.type == "scale" and question.min is not None and question.max is not None:
        width = question.max - question.min
        return (high - low) / width if width else 0.0
    largest = max(abs(low), abs(high))
    return min(1.0, (high - low) / largest) if largest else 0.0


def choice_disagreement(given: Sequence[Any]) -> float:
    """1 - share of the most common answer, scaled so that all-different gives 1."""
    n = len(given)
    top = Counter(given).most_common(1)[0][1]
    return (1 - top / n) / (1 - 1 / n)


def multi_disagreement(given: Sequence[Sequence[Any]]) -> float:
    """Mean Jaccard distance over every pair of answers."""
    pairs = list(combinations([set(g) for g in given], 2))
    return sum(_jaccard_distance(a, b) for a, b in pairs) / len(pairs)


def _jaccard_distance(a: set[Any], b: set[Any]) -> float:
    union = a | b
    return 1 - len(a & b) / len(union) if union else 0.0


def impact_items(question: Question, results: Sequence[GroupResult]) -> list[Item]:
    """One item per article any group rated in this question; disagreement from the spread."""
    ratings = [_combined(r, question.id) for r in results]
    entries = [_entries(r, question.id) for r in results]
    numbers = sorted({n for e in entries for n in e})
    items = []
    for number in numbers:
        row = ArticleRow(number, tuple(c.get(number) for c in ratings), key=False)
        spread = row.spread
        items.append(Item(question.id, number, tuple(e.get(number) for e in entries),
                          None if spread is None else spread / IMPACT_RANGE))
    return items


def _combined(result: GroupResult, question_id: str) -> dict[int, float | None]:
    return {a.number: a.combined for a in result.card.articles if a.question == question_id}


def _entries(result: GroupResult, question_id: str) -> dict[int, dict[str, Any]]:
    """The group's rated articles of one impact question ({short, long, children} each)."""
    given = result.answer(question_id) or {}
    return {int(n): e for n, e in given.items()
            if isinstance(e, dict) and (e.get("short") is not None or e.get("long") is not None)}


def article_rows(results: Sequence[GroupResult], key_articles: Sequence[int],
                 by_conclusion: Sequence[int] = ()) -> list[ArticleRow]:
    """Combined rating per article per group (mean over impact questions, as scoring does);
    an article assessed by the best-interests conclusion shows each group's conclusion, so
    the four general principles all have a column a group can fill."""
    combined = [_by_article(r.card) for r in results]
    numbers = sorted(set(key_articles) | {n for c in combined for n in c})
    outcomes = tuple(r.card.conclusion.outcome_label if r.card.conclusion else None
                     for r in results)
    return [ArticleRow(n, tuple(c.get(n) for c in combined), n in key_articles,
                       outcomes if n in by_conclusion else None) for n in numbers]


def _by_article(card: Scorecard) -> dict[int, float]:
    sums: dict[int, list[float]] = {}
    for item in card.articles:
        if item.combined is not None:
            sums.setdefault(item.number, []).append(item.combined)
    return {n: sum(v) / len(v) for n, v in sums.items()}

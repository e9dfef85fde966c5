"""Which questions the answers make visible, and the impact figures conditions can read."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from app.core.dependencies import parsed
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import ArticleImpact


class Evaluation:
    """Answers seen through a questionnaire: hidden questions read as unanswered."""

    def __init__(self, questionnaire: Questionnaire, values: dict[str, Any]) -> None:
        self.q = questionnaire
        self.values = values
        self.visible: dict[str, bool] = {}
        for question_id in questionnaire.evaluation_order:
            self.visible[question_id] = self._shown(question_id)

    def _shown(self, question_id: str) -> bool:
        section = self.q.section_of[question_id]
        question = self.q.questions[question_id]
        return all(bool(parsed(c).evaluate(self)) for c in (section.show_if, question.show_if) if c)

    def holds(self, condition: str) -> bool:
        return bool(parsed(condition).evaluate(self))

    # The Env protocol of app.core.conditions
    def answer(self, question_id: str) -> Any:
        if not self.visible.get(question_id, False):
            return None
        return self.values.get(question_id)

    def impact(self, article: int) -> float | None:
        return self.combined.get(article)

    def lowest_impact(self) -> float | None:
        return min(self.combined.values(), default=None)

    def negative_impacts(self) -> int:
        return sum(1 for v in self.combined.values() if v < 0)

    @cached_property
    def article_impacts(self) -> list[ArticleImpact]:
        """Every article of every visible impact question, rated or not, in question order."""
        weights = self.q.scoring.impact.term_weights
        result: list[ArticleImpact] = []
        for question in self.q.questions.values():
            if question.type != "impact" or not self.visible.get(question.id):
                continue
            given = self.values.get(question.id) or {}
            for number in [*question.articles, *(n for n in given if n not in question.articles)]:
                entry = given.get(number) or {}
                short, long = entry.get("short"), entry.get("long")
                result.append(
                    ArticleImpact(
                        number=number,
                        question=question.id,
                        short=short,
                        long=long,
                        combined=_combine(short, long, weights.short, weights.long),
                        children=entry.get("children") or "",
                    )
                )
        return result

    @cached_property
    def combined(self) -> dict[int, float]:
        """Combined rating per rated article (mean when rated in several questions)."""
        sums: dict[int, list[float]] = {}
        for item in self.article_impacts:
            if item.combined is not None:
                sums.setdefault(item.number, []).append(item.combined)
        return {n: sum(v) / len(v) for n, v in sums.items()}


def _combine(short: Any, long: Any, w_short: float, w_long: float) -> float | None:
    terms = [(v, w) for v, w in ((short, w_short), (long, w_long)) if isinstance(v, int)]
    total = sum(w for _, w in terms)
    if not terms:
        return None
    if total == 0:
        return sum(v for v, _ in terms) / len(terms)
    return sum(v * w for v, w in terms) / total

"""Which questions the answers make visible, and the figures conditions can read."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Any

from app.core import case_figures, substance
from app.core.answers import is_answered
from app.core.dependencies import parsed, visibility_rules
from app.core.evaluation_harms import HarmReading
from app.core.fact_dates import as_day, days_before_start
from app.core.models.article import ArticleLibrary
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import ArticleImpact

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


class Evaluation(HarmReading):
    """Answers seen through a questionnaire: hidden questions read as unanswered.

    `library` (for copies of article summaries) and `decision` (the decision's title and
    description, for word lists) are only needed by scoring rules, never by visibility.
    """

    def __init__(
        self,
        questionnaire: Questionnaire,
        values: dict[str, Any],
        library: ArticleLibrary | None = None,
        decision: str = "",
        decided: dt.date | None = None,
        law: LawLibrary | None = None,
        others: tuple[substance.ReferenceText, ...] = (),
    ) -> None:
        self.q = questionnaire
        self.values = values
        self.library = library
        self.decision = decision
        self.decided = decided  #: the decision's (planned) date from the case details
        self.law = law  #: the law library, for copies of its texts
        self.others = others  #: other assessments' texts, for copies of them
        self._found: dict[tuple[str, str], list[str]] = {}
        self.visible: dict[str, bool] = {}
        for question_id, shown_if in visibility_rules(questionnaire):
            self.visible[question_id] = all(bool(c.evaluate(self)) for c in shown_if)

    def holds(self, condition: str) -> bool:
        return bool(parsed(condition).evaluate(self))

    # The Env protocol of app.core.condition_tree
    def answer(self, question_id: str) -> Any:
        if not self.visible.get(question_id, False):
            return None
        return self.values.get(question_id)

    def impact(self, article: int) -> float | None:
        return self.combined.get(article)

    def lowest_impact(self) -> float | None:
        return min(self.combined.values(), default=None)

    def negative_impacts(self) -> int:
        return len(self.weakened_articles)

    def weakened(self, article: int) -> bool:
        return article in self.weakened_articles

    def strengthened(self, article: int) -> bool:
        return article in self.strengthened_articles

    def analysed_impacts(self) -> int:
        """Rated articles that say something: a rating other than 0, or 0 with a real text."""
        return self._analysed_impacts

    @cached_property
    def _analysed_impacts(self) -> int:
        # Once per evaluation: several rules ask it, and it reads every rating and text.
        hollow = {(h.question, h.article) for h in self.hollow if h.article is not None}
        analysed = set()
        for item in self.counted_impacts:
            terms = [v for v in (item.short, item.long) if isinstance(v, int)]
            if not terms:
                continue
            has_text = bool(item.children.strip()) and (item.question, item.number) not in hollow
            if any(terms) or has_text:
                analysed.add(item.number)
        return len(analysed)

    def substantive(self, question_id: str) -> bool:
        """Answered, and not a placeholder, too short, a copy or pasted from another answer."""
        value = self.answer(question_id)
        if value in (None, "", [], {}) or (isinstance(value, str) and not value.strip()):
            return False
        return question_id not in self.hollow_questions

    def _says(self, text: str) -> bool:
        """Given and not a placeholder ('x' as the owner of a measure is no owner)."""
        rules = self.q.scoring.substance
        return bool(text.strip()) and not (rules and substance.is_placeholder(text, rules))

    def hollow_answers(self) -> int:
        return len(self.hollow_questions)

    def missing_required(self) -> int:
        """Visible required questions with no answer at all (a hollow text is a text check's
        matter: it costs points, and never decides the level alone)."""
        return sum(1 for qid in self.missing if qid not in self.hollow_questions)

    def after_decision(self, question_id: str) -> bool:
        """The date answered is later than the decision's date: made after the fact."""
        day = as_day(self.answer(question_id))
        return self.decided is not None and day is not None and day > self.decided

    def days_before_case(self, question_id: str, weeks_id: str) -> int | None:
        """Days by which the date answered comes before the case began (the decision's date
        less the weeks answered in `weeks_id`): a talk before the case cannot be about it."""
        return days_before_start(self.answer(question_id), self.decided, self.answer(weeks_id))

    def rated(self, article: int) -> bool:
        """The article has a judgement in some visible impact question ('cannot judge' too)."""
        return any(a.short is not None or a.long is not None
                   for a in self.article_impacts if a.number == article)

    def unheard(self, affected: str, heard: str) -> int:
        """Options chosen as affected (ages, groups) that are not among those heard."""
        return len(self.unheard_options(affected, heard))

    def unheard_options(self, affected: str, heard: str) -> list[str]:
        chosen, asked = self.answer(affected), self.answer(heard)
        if not isinstance(chosen, list):
            return []
        heard_set = set(asked) if isinstance(asked, list) else set()
        skip = set(self.q.scoring.heard_skip)
        return [v for v in chosen if v not in heard_set and v not in skip]

    def specific(self, question_id: str) -> bool:
        """The answer names something of this case: a number, a date, or a name that the
        decision or the answers describing the case use."""
        value = self.answer(question_id)
        return isinstance(value, str) and substance.names_the_case(value, self.case_names)

    @cached_property
    def case_names(self) -> frozenset[str]:
        rules = self.q.scoring.substance
        fields = rules.case_fields if rules else []
        return substance.case_names(self.decision, [self.answer(f) for f in fields])

    def figures_beyond(self, question_id: str, words: str) -> int:
        """Figures of a unit (children, minutes: the word list) above the number answered, in
        the case's own description, in sentences naming a place or service of the decision."""
        return len(self.beyond_count(question_id, words))

    def beyond_count(self, question_id: str, words: str) -> list[str]:
        count = self.answer(question_id)
        if not isinstance(count, int | float) or isinstance(count, bool):
            return []
        rules = self.q.scoring.substance
        fields = rules.case_fields if rules else []
        texts = [self.decision] + [v for f in fields if isinstance(v := self.answer(f), str)]
        title = self.decision.split("\n", 1)[0]
        nouns = self.q.scoring.word_lists.get(words, {})
        return case_figures.beyond_count(count, title, texts, nouns)

    def copied_answers(self) -> int:
        """Answers that are (nearly) the text of another assessment, of another decision."""
        return sum(1 for h in self.hollow if h.reason == "other_assessment")

    def case_mentions(self, words: str) -> bool:
        """Some visible text answer, or the decision, uses a word of the list."""
        texts = [self.decision] + [v for qid, v in self.values.items()
                                   if isinstance(v, str) and self.visible.get(qid)
                                   and self.q.questions.get(qid) is not None
                                   and self.q.questions[qid].type == "text"]
        return any(self._matches(t, words) for t in texts if t.strip())

    def rated_for(self, group: str) -> bool:
        """Some article is rated separately for the group (it may fare differently)."""
        for question in self.q.questions.values():
            if question.type != "impact" or not self.visible.get(question.id):
                continue
            for entry in (self.values.get(question.id) or {}).values():
                if isinstance(entry, dict) and group in (entry.get("groups") or {}):
                    return True
        return False

    def years_old(self, question_id: str, date_id: str) -> int:
        """How many years before the date answered the latest year the text names lies
        (0 when it names none): views gathered long ago, about something else."""
        text, day = self.answer(question_id), as_day(self.answer(date_id))
        if not isinstance(text, str) or day is None:
            return 0
        years = [int(y) for y in _YEAR.findall(text)]
        return max(0, day.year - max(years)) if years else 0

    def generic_answers(self) -> int:
        """Per cent of the visible text answers with nothing specific to the case."""
        texts = [qid for qid, qu in self.q.questions.items() if qu.type == "text"
                 and self.visible.get(qid) and isinstance(self.values.get(qid), str)
                 and self.values[qid].strip()]
        return round(100 * len(self.generic) / len(texts)) if texts else 0

    @cached_property
    def missing(self) -> list[str]:
        """Visible required questions left open, or answered with a text that says nothing."""
        return [qid for qid, qu in self.q.questions.items()
                if qu.required and self.visible.get(qid)
                and (not is_answered(qu, self.values.get(qid)) or qid in self.hollow_questions)]

    def mentions(self, question_id: str, words: str) -> bool:
        value = self.answer(question_id)
        return isinstance(value, str) and bool(self._matches(value, words))

    def decision_mentions(self, words: str) -> bool:
        return bool(self._matches(self.decision, words))

    def rating_mentions(self, article: int, words: str) -> bool:
        return any(
            self._matches(item.children, words)
            for item in self.counted_impacts
            if item.number == article
        )

    def decision_words(self, words: str) -> list[str]:
        """The words of a list that the decision's title or description uses."""
        return self._matches(self.decision, words)

    def _matches(self, text: str, words: str) -> list[str]:
        key = (text, words)
        if key not in self._found:  # rules ask the same text about the same list often
            lists = self.q.scoring.word_lists.get(words, {})
            self._found[key] = substance.matches(text, lists) if text.strip() else []
        return self._found[key]

    # Figures derived from the answers
    @cached_property
    def _texts_found(self) -> list[substance.Hollow]:
        return substance.hollow_texts(self.q, self.values, self.visible, self.library,
                                      self.decision, self.law, self.others)

    @cached_property
    def hollow(self) -> list[substance.Hollow]:
        """Answers that earn nothing: placeholders, too short, copies, references only."""
        return [h for h in self._texts_found if h.reason in substance.HOLLOW]

    @cached_property
    def generic(self) -> list[substance.Hollow]:
        """Answers with nothing specific to the case: they keep their points."""
        return [h for h in self._texts_found if h.reason == "generic"]

    @cached_property
    def hollow_questions(self) -> dict[str, substance.Reason]:
        return {h.question: h.reason for h in self.hollow if h.article is None}

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
    def counted_impacts(self) -> list[ArticleImpact]:
        """The ratings scoring counts: not those of articles the conclusion answers."""
        skip = set(self.q.scoring.impact.conclusion_articles)
        return [a for a in self.article_impacts if a.number not in skip]

    @cached_property
    def combined(self) -> dict[int, float]:
        """Combined rating per rated article (mean when rated in several questions)."""
        sums: dict[int, list[float]] = {}
        for item in self.counted_impacts:
            if item.combined is not None:
                sums.setdefault(item.number, []).append(item.combined)
        return {n: sum(v) / len(v) for n, v in sums.items()}

    @cached_property
    def weakened_articles(self) -> dict[int, list[str]]:
        """Articles judged weakened, with the terms ('short', 'long') that are negative."""
        return self._direction(-1)

    @cached_property
    def strengthened_articles(self) -> dict[int, list[str]]:
        return self._direction(1)

    def _direction(self, sign: int) -> dict[int, list[str]]:
        either = self.q.scoring.impact.weakened == "either_term"
        found: dict[int, list[str]] = {}
        for item in self.counted_impacts:
            terms = [
                name
                for name, v in (("short", item.short), ("long", item.long))
                if isinstance(v, int) and v * sign > 0
            ]
            if either and terms:
                found.setdefault(item.number, [])
                found[item.number] += [t for t in terms if t not in found[item.number]]
        if not either:
            found = {n: ["combined"] for n, v in self.combined.items() if v * sign > 0}
        return found


def _combine(short: Any, long: Any, w_short: float, w_long: float) -> float | None:
    terms = [(v, w) for v, w in ((short, w_short), (long, w_long)) if isinstance(v, int)]
    total = sum(w for _, w in terms)
    if not terms:
        return None
    if total == 0:
        return sum(v for v, _ in terms) / len(terms)
    return sum(v * w for v, w in terms) / total

"""Harm and its measures, as the scoring rules read them: which rights and groups are
weakened, which planned measures count against which harm, and what is left unaddressed.

A part of `Evaluation` (app/core/evaluation.py), kept apart because it is one idea that grows
with every rule about measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from app.core import measure_facts, substance
from app.core.models.questionnaire import Questionnaire


@dataclass(frozen=True)
class Harm:
    """A right judged weakened, for all children (group None) or for one named group."""

    article: int
    group: str | None
    terms: tuple[str, ...]  #: 'short', 'long'


class HarmReading:
    """Read harms and measures from the answers; the answers themselves, the visibility and
    the article ratings come from `Evaluation`."""

    q: Questionnaire
    values: dict[str, Any]
    visible: dict[str, bool]

    @property
    def weakened_articles(self) -> dict[int, list[str]]:
        raise NotImplementedError

    @property
    def strengthened_articles(self) -> dict[int, list[str]]:
        raise NotImplementedError

    def answer(self, question_id: str) -> Any:
        raise NotImplementedError

    def _says(self, text: str) -> bool:
        raise NotImplementedError

    def _matches(self, text: str, words: str) -> list[str]:
        raise NotImplementedError

    def planned(self, question_id: str) -> int:
        """Actions with what, who and a date: a measure without an owner and a date is a wish."""
        return len(self.planned_actions(question_id))

    def harms(self) -> int:
        """Rights weakened for all children, and rights weakened for a named group: both harm."""
        return len(self.harm_list)

    def lasting_harms(self) -> int:
        """Harms judged to last: weakened in the long term."""
        return sum(1 for h in self.harm_list if "long" in h.terms)

    def unaddressed_harms(self, question_id: str) -> int:
        """Harms no planned measure of the question names (by article number or by group)."""
        return len(self.unaddressed(question_id))

    def unaddressed(self, question_id: str) -> list[Harm]:
        """Harms no counting measure names; a harm judged to last (long term) is left too when
        only measures for a transition name it, and a harm to a right the children exercise
        themselves when only measures that do not reach the children name it."""
        counting = self.counting_actions(question_id)
        lasting = [a for a in counting if measure_facts.lasts(a)]
        return [h for h in self.harm_list
                if not self._met(h, counting)
                or ("long" in h.terms and not self._met(h, lasting))]

    def _met(self, harm: Harm, actions: list[dict[str, Any]]) -> bool:
        return any(_named(harm, {str(x) for x in a.get("addresses") or []})
                   and (measure_facts.reaches_child(a) or not self.own_right(harm))
                   for a in actions)

    def own_right(self, harm: Harm) -> bool:
        """A right the children exercise themselves (scoring.child_own_articles): play,
        school, health, contact. What the parents or staff get does not give it back."""
        return harm.article in self.q.scoring.child_own_articles

    def counting_actions(self, question_id: str) -> list[dict[str, Any]]:
        """The planned measures that can soften harm: a measure that only informs, asks or
        studies (scoring.not_mitigation) reduces nothing, nor does one left to the families
        affected, nor one its own facts keep from counting (app/core/measure_facts.py)."""
        return [a for a in self.planned_actions(question_id)
                if self.mitigates(a) and not self.left_to_affected(a)
                and measure_facts.counts(a)]

    def names_harm(self, action: dict[str, Any], harms: list[Harm] | None = None) -> bool:
        """The measure names a right or group judged weakened (of `harms`, or of all)."""
        named = {str(x) for x in action.get("addresses") or []}
        return any(_named(h, named) for h in (self.harm_list if harms is None else harms))

    def gain_count(self) -> int:
        """Articles rated strengthened, and groups rated strengthened, in either term."""
        return len(self.strengthened_articles) + len(self._rated_groups(1))

    def left_to_affected(self, action: dict[str, Any]) -> bool:
        """The measure's owner is the families or children the decision affects (its first
        word, as written, is one of scoring.affected_owners): softening the harm is the
        deciding organisation's task, so such a measure mitigates nothing."""
        words = self.q.scoring.affected_owners
        if not words:
            return False
        first = substance.plain(str(action.get("who") or "")).split()[:2]
        forms = {substance.plain(w) for w in self._list_words(words)}
        return bool(first) and (first[0] in forms or " ".join(first) in forms)

    def affected_owned(self, question_id: str) -> int:
        """Planned measures whose owner is the families or children affected."""
        return len(self.affected_measures(question_id))

    def affected_measures(self, question_id: str) -> list[dict[str, Any]]:
        return [a for a in self.planned_actions(question_id) if self.left_to_affected(a)]

    def _list_words(self, name: str) -> list[str]:
        lists = self.q.scoring.word_lists.get(name, {})
        return [w for words in lists.values() for w in words]

    def mitigates(self, action: dict[str, Any]) -> bool:
        words = self.q.scoring.not_mitigation
        if not words:
            return True
        what = str(action.get("what") or "")
        found = self._matches(what, words)  # the list's words in the text, in order
        first = substance.plain(what).split()[:1]
        return not (found and first and substance.plain(found[0]) == first[0])

    def planned_actions(self, question_id: str) -> list[dict[str, Any]]:
        value = self.answer(question_id)
        if not isinstance(value, list):
            return []
        # A cancelled measure softens nothing, whatever it says.
        return [a for a in value if isinstance(a, dict) and self._says(str(a.get("what") or ""))
                and self._says(str(a.get("who") or "")) and a.get("due")
                and a.get("status") != "cancelled"]

    @cached_property
    def harm_list(self) -> list[Harm]:
        found = [Harm(n, None, tuple(t)) for n, t in sorted(self.weakened_articles.items())]
        return found + self.weakened_groups

    @cached_property
    def weakened_groups(self) -> list[Harm]:
        """Group ratings negative in either term, for groups still named in the screening."""
        return self._rated_groups(-1)

    def _rated_groups(self, sign: int) -> list[Harm]:
        """Group ratings of the sign (-1 weakened, 1 strengthened) in either term."""
        found: list[Harm] = []
        for number, _entry, group, rating in self._group_ratings():
            terms = tuple(t for t in ("short", "long")
                          if isinstance(rating.get(t), int) and rating[t] * sign > 0)
            if terms:
                found.append(Harm(number, group, terms))
        return found

    def spared_groups(self) -> int:
        """Named groups rated less harmed than all children where the right is weakened."""
        return len(self.spared_list)

    @cached_property
    def spared_list(self) -> list[Harm]:
        """A group rated better than children in general, in a term where the decision weakens
        the right for all children. A group is named because it fares worse than the rest; a
        lighter rating for it can be honest (the decision itself spares it) but rarely is, so a
        reviewer should see what spares it. `terms` are the terms of the lighter rating."""
        found: list[Harm] = []
        for number, entry, group, rating in self._group_ratings():
            terms = tuple(t for t in ("short", "long")
                          if isinstance(entry.get(t), int) and entry[t] < 0
                          and isinstance(rating.get(t), int) and rating[t] > entry[t])
            if terms:
                found.append(Harm(number, group, terms))
        return found

    def _group_ratings(self) -> list[tuple[int, dict[str, Any], str, dict[str, Any]]]:
        """(article, the rating for all children, group, the group's rating) for every group
        still named in the screening, in visible impact questions, conclusion articles apart."""
        skip = set(self.q.scoring.impact.conclusion_articles)
        found: list[tuple[int, dict[str, Any], str, dict[str, Any]]] = []
        for question in self.q.questions.values():
            if question.type != "impact" or question.groups is None:
                continue
            if not self.visible.get(question.id):
                continue
            named = self.answer(question.groups.source) or []
            for number, entry in (self.values.get(question.id) or {}).items():
                if number in skip or not isinstance(entry, dict):
                    continue
                for group, rating in (entry.get("groups") or {}).items():
                    if group in named and group not in question.groups.skip \
                            and isinstance(rating, dict):
                        found.append((number, entry, group, rating))
        return found


def _named(harm: Harm, named: set[str]) -> bool:
    """A harm to all children is named by its article; a harm to a named group only by that
    group. A group was rated apart because it fares worse than the rest; a measure written for
    the right in general (for all children) does not show that it reaches those children."""
    return str(harm.article) in named if harm.group is None else harm.group in named

"""The order of a workshop's debrief, built for a room: what the case is about comes first.

Ranking by disagreement alone put side questions first: a question only two of four groups
answered, once each way, is "100 % disagreement", while the case's central harm and its classic
mistake sank to the end of a long list. The debrief now runs in three parts:

    key    the case's key articles, and the questions and articles its key points and common
           mistakes are about: the case's purpose, discussed even where the groups agree
    most   questions most groups answered (more than half) on which they disagree
    rest   the remaining disagreements, answered by few groups

Within a part: the questions more groups answered first, then the larger disagreement, then
questionnaire order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from app.core.condition_functions import FUNCTIONS
from app.core.condition_tree import Call, Const
from app.core.conditions import names as condition_names
from app.core.conditions import parse
from app.core.models.case import Case

Part = Literal["key", "most", "rest"]
PARTS: tuple[Part, ...] = ("key", "most", "rest")


@dataclass(frozen=True)
class Focus:
    """What the case is about: articles and questions a good debrief starts from."""

    articles: frozenset[int]
    questions: frozenset[str]

    @classmethod
    def of(cls, case: Case | None) -> Focus:
        if case is None:
            return cls(frozenset(), frozenset())
        articles, questions = set(case.key_articles), set()
        for rule in (*case.key_points, *case.mistakes):
            tree = parse(rule.when)
            questions |= condition_names(tree)
            articles |= _articles_named(tree.walk())
        return cls(frozenset(articles), frozenset(questions))


def _articles_named(nodes: Iterable[object]) -> set[int]:
    """Article numbers a rule names ("weakened(31)", "rating_mentions(12, ...)")."""
    found = set()
    for node in nodes:
        if isinstance(node, Call) and FUNCTIONS[node.function].takes.startswith("article"):
            first = node.args[0] if node.args else None
            if isinstance(first, Const) and isinstance(first.value, int):
                found.add(first.value)
    return found


class Rankable(Protocol):
    """What the order reads of an agenda item (comparison.Item has these)."""

    @property
    def question(self) -> str: ...
    @property
    def article(self) -> int | None: ...
    @property
    def disagreement(self) -> float | None: ...
    @property
    def answered(self) -> int: ...


T = TypeVar("T", bound=Rankable)


def part_of(item: Rankable, focus: Focus, groups: int) -> Part:
    if item.article is not None and item.article in focus.articles:
        return "key"
    if item.article is None and item.question in focus.questions:
        return "key"
    return "most" if item.answered * 2 > groups else "rest"


def on_agenda(item: Rankable, focus: Focus, groups: int) -> bool:
    """A disagreement, or a key item at least two groups answered (agreement on the case's
    central harm is worth a word too: "all four of you said weakened: for whom?")."""
    if item.disagreement:
        return True
    return part_of(item, focus, groups) == "key" and item.answered >= 2


def room_order(items: Sequence[T], focus: Focus, groups: int,
               order: dict[str, int]) -> list[tuple[Part, T]]:
    """The agenda's items with their part, in the order the room discusses them."""
    chosen = [(part_of(i, focus, groups), i) for i in items if on_agenda(i, focus, groups)]
    chosen.sort(key=lambda p: (PARTS.index(p[0]), -p[1].answered, -(p[1].disagreement or 0),
                               order.get(p[1].question, 0), p[1].article or 0))
    return chosen

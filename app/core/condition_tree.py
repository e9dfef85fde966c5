"""The tree a condition parses into, and what it is evaluated against (the Env protocol).

Kept apart from the parser (`conditions`) and the function table (`condition_functions`): the
table grows with every rule, the tree does not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class Env(Protocol):
    """What a condition can see: answers and the impact figures derived from them."""

    def answer(self, question_id: str) -> Any: ...
    def impact(self, article: int) -> float | None: ...
    def lowest_impact(self) -> float | None: ...
    def negative_impacts(self) -> int: ...
    def weakened(self, article: int) -> bool: ...
    def strengthened(self, article: int) -> bool: ...
    def analysed_impacts(self) -> int: ...
    def substantive(self, question_id: str) -> bool: ...
    def planned(self, question_id: str) -> int: ...
    def affected_owned(self, question_id: str) -> int: ...
    def hollow_answers(self) -> int: ...
    def harms(self) -> int: ...
    def lasting_harms(self) -> int: ...
    def unaddressed_harms(self, question_id: str) -> int: ...
    def missing_required(self) -> int: ...
    def rated(self, article: int) -> bool: ...
    def unheard(self, affected: str, heard: str) -> int: ...
    def generic_answers(self) -> int: ...
    def case_mentions(self, words: str) -> bool: ...
    def rated_for(self, group: str) -> bool: ...
    def years_old(self, question_id: str, date_id: str) -> int: ...
    def copied_answers(self) -> int: ...
    def figures_beyond(self, question_id: str, words: str) -> int: ...
    def specific(self, question_id: str) -> bool: ...
    def after_decision(self, question_id: str) -> bool: ...
    def days_before_case(self, question_id: str, weeks_id: str) -> int | None: ...
    def spared_groups(self) -> int: ...
    def mentions(self, question_id: str, words: str) -> bool: ...
    def decision_mentions(self, words: str) -> bool: ...
    def rating_mentions(self, article: int, words: str) -> bool: ...


class Node:
    """A node of a parsed condition."""

    def evaluate(self, env: Env) -> Any:
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        return ()

    def walk(self) -> list[Node]:
        nodes: list[Node] = [self]
        for child in self.children():
            nodes.extend(child.walk())
        return nodes


@dataclass(frozen=True)
class Const(Node):
    value: Any

    def evaluate(self, env: Env) -> Any:
        return self.value


@dataclass(frozen=True)
class ListOf(Node):
    items: tuple[Node, ...]

    def evaluate(self, env: Env) -> Any:
        return [item.evaluate(env) for item in self.items]

    def children(self) -> tuple[Node, ...]:
        return self.items


@dataclass(frozen=True)
class Name(Node):
    """A question id: its answer, or None when unanswered or hidden."""

    id: str

    def evaluate(self, env: Env) -> Any:
        return env.answer(self.id)


@dataclass(frozen=True)
class Call(Node):
    function: str
    args: tuple[Node, ...]
    #: the function's body, looked up by the parser (the table imports this module)
    run: Callable[[Env, tuple[Node, ...]], Any] = field(compare=False, repr=False)

    def evaluate(self, env: Env) -> Any:
        return self.run(env, self.args)

    def children(self) -> tuple[Node, ...]:
        return self.args


@dataclass(frozen=True)
class Not(Node):
    operand: Node

    def evaluate(self, env: Env) -> Any:
        return not self.operand.evaluate(env)

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class BoolOp(Node):
    op: str  # 'and' | 'or'
    items: tuple[Node, ...]

    def evaluate(self, env: Env) -> Any:
        if self.op == "and":
            return all(item.evaluate(env) for item in self.items)
        return any(item.evaluate(env) for item in self.items)

    def children(self) -> tuple[Node, ...]:
        return self.items


def _contains(container: Any, item: Any) -> bool:
    if isinstance(container, list | tuple | str | dict) and item is not None:
        try:
            return item in container
        except TypeError:
            return False
    return False


def _order(op: str) -> Callable[[Any, Any], bool]:
    def compare(a: Any, b: Any) -> bool:
        if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
            return False
        try:
            return bool(_ORDER_OPS[op](a, b))
        except TypeError:
            return False

    return compare


_ORDER_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}

COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: bool(a == b),
    "!=": lambda a, b: bool(a != b),
    **{op: _order(op) for op in _ORDER_OPS},
}


@dataclass(frozen=True)
class Compare(Node):
    op: str
    left: Node
    right: Node

    def evaluate(self, env: Env) -> Any:
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        if self.op == "in":
            return _contains(b, a)
        if self.op == "not in":
            return not _contains(b, a)
        return COMPARE[self.op](a, b)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

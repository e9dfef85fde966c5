"""The condition language of `show_if` and scoring rules: parsed into a tree, never eval'd.

expr       := or
or         := and ('or' and)*
and        := not ('and' not)*
not        := 'not' not | comparison
comparison := operand (('=='|'!='|'<'|'<='|'>'|'>='|'in'|'not' 'in') operand)?
operand    := literal | list | name | name '(' args ')' | '(' expr ')'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from app.core import months


class ConditionError(ValueError):
    """A condition that does not parse; says what and at which character."""

    def __init__(self, message: str, column: int | None = None) -> None:
        self.column = column
        where = f" (at character {column + 1})" if column is not None else ""
        super().__init__(message + where)


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
    def children_beyond_count(self, question_id: str, words: str) -> int: ...
    def specific(self, question_id: str) -> bool: ...
    def after_decision(self, question_id: str) -> bool: ...
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

    def evaluate(self, env: Env) -> Any:
        return FUNCTIONS[self.function].run(env, self.args)

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


@dataclass(frozen=True)
class Function:
    """A function conditions may call."""

    arity: int
    run: Callable[[Env, tuple[Node, ...]], Any]
    #: 'question' | 'article' | 'nothing' | 'question_options' (a question, a list of options)
    #: | 'question_words' (a question, a word list id) | 'article_words' | 'words'
    takes: str
    impacts: bool = False  #: reads impact ratings (so depends on every impact question)
    scoring_only: bool = False  #: reads more than answers; never in a show_if


def _count(env: Env, args: tuple[Node, ...]) -> int:
    value = args[0].evaluate(env)
    return len(value) if isinstance(value, list | dict) else 0


def _answered(env: Env, args: tuple[Node, ...]) -> bool:
    value = args[0].evaluate(env)
    return value not in (None, "", [], {})


def _only(env: Env, args: tuple[Node, ...]) -> bool:
    """At least one option chosen, and every one chosen is in the list."""
    value, allowed = args[0].evaluate(env), args[1].evaluate(env)
    return isinstance(value, list) and bool(value) and all(v in allowed for v in value)


def _qid(args: tuple[Node, ...]) -> str:
    node = args[0]
    return node.id if isinstance(node, Name) else ""


def _article(env: Env, args: tuple[Node, ...]) -> int:
    return int(args[0].evaluate(env))


def _words(env: Env, args: tuple[Node, ...]) -> str:
    return str(args[-1].evaluate(env))


FUNCTIONS: dict[str, Function] = {
    "answered": Function(1, _answered, "question"),
    "count": Function(1, _count, "question"),
    "impact": Function(1, lambda env, a: env.impact(_article(env, a)), "article", impacts=True),
    "lowest_impact": Function(0, lambda env, a: env.lowest_impact(), "nothing", impacts=True),
    "negative_impacts": Function(
        0, lambda env, a: env.negative_impacts(), "nothing", impacts=True
    ),
    "weakened": Function(1, lambda env, a: env.weakened(_article(env, a)), "article",
                         impacts=True),
    "strengthened": Function(1, lambda env, a: env.strengthened(_article(env, a)), "article",
                             impacts=True),
    "analysed_impacts": Function(
        0, lambda env, a: env.analysed_impacts(), "nothing", impacts=True, scoring_only=True
    ),
    "substantive": Function(1, lambda env, a: env.substantive(_qid(a)), "question",
                            scoring_only=True),
    "planned": Function(1, lambda env, a: env.planned(_qid(a)), "question"),
    # Planned measures left to the families or children affected (their owner).
    "affected_owned": Function(1, lambda env, a: env.affected_owned(_qid(a)), "question",
                               scoring_only=True),
    "only": Function(2, _only, "question_options"),
    "hollow_answers": Function(0, lambda env, a: env.hollow_answers(), "nothing",
                               scoring_only=True),
    # Harm for all children or for a named group; harms no planned measure names.
    "harms": Function(0, lambda env, a: env.harms(), "nothing", impacts=True),
    "lasting_harms": Function(0, lambda env, a: env.lasting_harms(), "nothing", impacts=True),
    "unaddressed_harms": Function(1, lambda env, a: env.unaddressed_harms(_qid(a)), "question",
                                  impacts=True),
    "missing_required": Function(0, lambda env, a: env.missing_required(), "nothing",
                                 impacts=True, scoring_only=True),
    "rated": Function(1, lambda env, a: env.rated(_article(env, a)), "article", impacts=True),
    # Ages or groups chosen as affected (first question) but not as heard (second).
    "unheard": Function(2, lambda env, a: env.unheard(_qid(a), _qid(a[1:])), "questions"),
    "after_decision": Function(1, lambda env, a: env.after_decision(_qid(a)), "question",
                               scoring_only=True),
    "specific": Function(1, lambda env, a: env.specific(_qid(a)), "question", scoring_only=True),
    "copied_answers": Function(0, lambda env, a: env.copied_answers(), "nothing",
                               scoring_only=True),
    # Figures of children in the case's own description above the count answered.
    "children_beyond_count": Function(
        2, lambda env, a: env.children_beyond_count(_qid(a), _words(env, a)), "question_words",
        scoring_only=True),
    "case_mentions": Function(1, lambda env, a: env.case_mentions(_words(env, a)), "words",
                              scoring_only=True),
    "rated_for": Function(1, lambda env, a: env.rated_for(str(a[0].evaluate(env))), "nothing",
                          impacts=True),
    "years_old": Function(2, lambda env, a: env.years_old(_qid(a), _qid(a[1:])), "questions",
                          scoring_only=True),
    "months_before": Function(2, months.run, "questions"),  # whole months, first date to second
    "generic_answers": Function(0, lambda env, a: env.generic_answers(), "nothing",
                                scoring_only=True),
    "mentions": Function(2, lambda env, a: env.mentions(_qid(a), _words(env, a)),
                         "question_words", scoring_only=True),
    "decision_mentions": Function(1, lambda env, a: env.decision_mentions(_words(env, a)),
                                  "words", scoring_only=True),
    "rating_mentions": Function(
        2, lambda env, a: env.rating_mentions(_article(env, a), _words(env, a)),
        "article_words", impacts=True, scoring_only=True,
    ),
}

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>-?\d+(?:\.\d+)?)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    column: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            column = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise ConditionError(f"unexpected character {text[column]!r}", column)
        kind = match.lastgroup or ""
        value = match.group(kind)
        column = match.start(kind)
        if kind == "name" and value in _KEYWORDS:
            kind = "keyword"
        tokens.append(Token(kind, value, column))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> Token | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise ConditionError("the condition ends too early", len(self.text))
        self.pos += 1
        return token

    def accept(self, text: str) -> bool:
        token = self.peek()
        if token is not None and token.text == text and token.kind in ("keyword", "op"):
            self.pos += 1
            return True
        return False

    def expect(self, text: str) -> None:
        token = self.peek()
        if not self.accept(text):
            found = f"'{token.text}'" if token else "the end"
            column = token.column if token else len(self.text)
            raise ConditionError(f"expected '{text}' but found {found}", column)

    def parse(self) -> Node:
        if not self.tokens:
            raise ConditionError("the condition is empty")
        node = self.or_()
        token = self.peek()
        if token is not None:
            raise ConditionError(f"unexpected '{token.text}'", token.column)
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while self.accept("or"):
            items.append(self.and_())
        return items[0] if len(items) == 1 else BoolOp("or", tuple(items))

    def and_(self) -> Node:
        items = [self.not_()]
        while self.accept("and"):
            items.append(self.not_())
        return items[0] if len(items) == 1 else BoolOp("and", tuple(items))

    def not_(self) -> Node:
        token = self.peek()
        if token and token.text == "not" and token.kind == "keyword":
            nxt = self.peek(1)
            if not (nxt and nxt.text == "in"):
                self.pos += 1
                return Not(self.not_())
        return self.comparison()

    def comparison(self) -> Node:
        left = self.operand()
        token = self.peek()
        if token is None:
            return left
        if token.text in ("==", "!=", "<", "<=", ">", ">=", "in") and token.kind != "string":
            self.pos += 1
            return Compare(token.text, left, self.operand())
        if token.text == "not" and token.kind == "keyword":
            self.pos += 1
            self.expect("in")
            return Compare("not in", left, self.operand())
        return left

    def operand(self) -> Node:
        token = self.take()
        if token.kind == "number":
            number = float(token.text)
            return Const(int(number) if number.is_integer() and "." not in token.text else number)
        if token.kind == "string":
            return Const(_unquote(token.text))
        if token.kind == "keyword" and token.text in ("true", "false", "null"):
            return Const({"true": True, "false": False, "null": None}[token.text])
        if token.text == "(":
            node = self.or_()
            self.expect(")")
            return node
        if token.text == "[":
            return ListOf(self.sequence("]"))
        if token.kind == "name":
            if self.accept("("):
                return self.call(token)
            return Name(token.text)
        raise ConditionError(f"unexpected '{token.text}'", token.column)

    def sequence(self, close: str) -> tuple[Node, ...]:
        items: list[Node] = []
        if self.accept(close):
            return ()
        while True:
            items.append(self.or_())
            if self.accept(close):
                return tuple(items)
            self.expect(",")

    def call(self, token: Token) -> Node:
        function = FUNCTIONS.get(token.text)
        if function is None:
            known = ", ".join(f"{name}()" for name in FUNCTIONS)
            raise ConditionError(f"unknown function '{token.text}'; known: {known}", token.column)
        args = self.sequence(")")
        if len(args) != function.arity:
            raise ConditionError(
                f"{token.text}() takes {function.arity} argument(s), got {len(args)}", token.column
            )
        return Call(token.text, args)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def parse(text: str) -> Node:
    """Parse a condition into a tree; raise ConditionError saying what and where."""
    return _Parser(text).parse()


def names(node: Node) -> set[str]:
    """Question ids a condition reads."""
    return {n.id for n in node.walk() if isinstance(n, Name)}


def reads_impacts(node: Node) -> bool:
    """Whether a condition reads impact ratings (and so depends on every impact question)."""
    return any(isinstance(n, Call) and FUNCTIONS[n.function].impacts for n in node.walk())

"""The condition language of `show_if` and scoring rules: parsed into a tree, never eval'd.

expr       := or
or         := and ('or' and)*
and        := not ('and' not)*
not        := 'not' not | comparison
comparison := operand (('=='|'!='|'<'|'<='|'>'|'>='|'in'|'not' 'in') operand)?
operand    := literal | list | name | name '(' args ')' | '(' expr ')'
"""

import copyreg
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.core.condition_functions import FUNCTIONS
from app.core.condition_tree import (
    BoolOp,
    Call,
    Compare,
    Const,
    ListOf,
    Name,
    Node,
    Not,
)


class ConditionError(ValueError):
    """A condition that does not parse; says what and at which character."""

    def __init__(self, message: str, column: int | None = None) -> None:
        self.column = column
        where = f" (at character {column + 1})" if column is not None else ""
        super().__init__(message + where)



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
    end = len(text.rstrip())  # trailing space ends the text (not a copy of the rest per token)
    while pos < end:
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
        return Call(token.text, args, function.run)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def parse(text: str) -> Node:
    """Parse a condition into a tree; raise ConditionError saying what and where."""
    return _Parser(text).parse()


def _call(function: str, args: tuple[Node, ...]) -> Call:
    """A call read back from a pickle (the kept catalogue's parsed conditions): its body
    looked up again by the function's name."""
    return Call(function, args, FUNCTIONS[function].run)


def _pickled(call: Call) -> tuple[Callable[..., Call], tuple[str, tuple[Node, ...]]]:
    # A call pickles by its function's name: some bodies are lambdas, which do not pickle,
    # and a body must be this version's anyway.
    return _call, (call.function, call.args)


copyreg.pickle(Call, _pickled)


def names(node: Node) -> set[str]:
    """Question ids a condition reads."""
    return {n.id for n in node.walk() if isinstance(n, Name)}


def reads_impacts(node: Node) -> bool:
    """Whether a condition reads impact ratings (and so depends on every impact question)."""
    return any(isinstance(n, Call) and FUNCTIONS[n.function].impacts for n in node.walk())

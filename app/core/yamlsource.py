"""YAML read safely, keeping the line of every key and item for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.core.errors import LoadError, Problem, display_path
from app.core.limits import (
    ALIAS_BUDGET,
    EXPANSION,
    MAX_DEPTH,
    MAX_YAML_BYTES,
    too_deep,
    too_large,
)

Loc = tuple[str | int, ...]


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """The safe loader with YAML 1.2 booleans, and dates left as text.

    YAML 1.1 reads `no`, `yes`, `on` and `off` as booleans, which turns an option value `no`
    into False; only true/false are booleans here. Dates stay strings so that a date answer
    round-trips as typed and pydantic parses it where a date is meant.
    """


_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Source:
    """A parsed YAML document with the line (1-based) of every path inside it."""

    file: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the longest prefix of `loc` that the document has."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, self.line_of(loc), message)


def parse_yaml(text: str, file: str, *, aliases: int = ALIAS_BUDGET) -> Source:
    """Parse one YAML document; raise LoadError with the file and line of any problem.

    `aliases` is how many aliases (*name) the file may use: 0 for an assessment file, which
    has no use for them. Size, nesting and what aliases expand to are limited (limits.py).
    """
    size = len(text.encode("utf-8")) if len(text) > MAX_YAML_BYTES // 4 else len(text)
    if size > MAX_YAML_BYTES:
        raise LoadError([too_large(file, size, MAX_YAML_BYTES, "YAML")])
    written = _scan(text, file, aliases)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise LoadError([_syntax_problem(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Problem(file, None, f"YAML could not be read: {exc}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise LoadError([Problem(file, None, "the file is empty")])
    source = Source(file, None)
    problems: list[Problem] = []
    budget = _Budget(file, written * EXPANSION + 1000)
    source.data = _convert(node, (), source, loader, problems, budget)
    if problems:
        raise LoadError(problems)
    return source


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    what = exc.problem or "the YAML could not be read"
    return Problem(file, line, f"YAML syntax error: {what}; check indentation and quoting")


def _scan(text: str, file: str, aliases: int) -> int:
    """Walk the parser's events (flat, no tree built) to refuse deep nesting and aliases
    beyond the budget before anything is built; return how many values are written out."""
    loader = _Loader(text)
    depth = used = count = 0
    try:
        while (event := loader.get_event()) is not None:
            count += 1
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LoadError([too_deep(file, _line(event))])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                used += 1
                if used > aliases:
                    raise LoadError([_alias_problem(file, _line(event), aliases)])
            elif isinstance(event, yaml.StreamEndEvent):
                break
    except yaml.MarkedYAMLError as exc:
        raise LoadError([_syntax_problem(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Problem(file, None, f"YAML could not be read: {exc}")]) from None
    finally:
        loader.dispose()
    return count


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


def _alias_problem(file: str, line: int | None, aliases: int) -> Problem:
    if aliases == 0:
        return Problem(file, line, "an alias (*name) is not allowed in this file; write the "
                       "value out where it is used")
    return Problem(file, line, f"more than {aliases} aliases (*name) in one file; write the "
                   "values out where they are used")


class _Budget:
    """How many values the tree may still produce: aliases that nest aliases multiply."""

    def __init__(self, file: str, limit: int) -> None:
        self.file = file
        self.left = limit
        self.limit = limit

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise LoadError([Problem(self.file, node.start_mark.line + 1,
                                     f"the aliases (*name) here expand to more than "
                                     f"{EXPANSION} times the values written in the file; "
                                     "write the values out instead")])


def read_yaml(path: Path, *, aliases: int = ALIAS_BUDGET) -> Source:
    """Read and parse a YAML file; unreadable or non-UTF-8 files become a LoadError."""
    file = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:  # before reading it into memory
            raise LoadError([too_large(file, size, MAX_YAML_BYTES, "YAML")])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError([Problem(file, None, "no such file")]) from None
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Problem(file, None, f"not UTF-8 text ({exc.reason}); save as UTF-8")]
        ) from None
    except OSError as exc:
        raise LoadError([Problem(file, None, f"cannot be read: {exc.strerror}")]) from None
    return parse_yaml(text, file, aliases=aliases)


def _convert(
    node: yaml.Node,
    loc: Loc,
    source: Source,
    loader: _Loader,
    problems: list[Problem],
    budget: _Budget,
) -> Any:
    budget.spend(node)
    source.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            # A key that is a list or a mapping (perhaps through an alias) is built whole by
            # the constructor, outside the budget: refuse it before building it.
            key = (
                loader.construct_object(key_node, deep=True)
                if isinstance(key_node, yaml.ScalarNode)
                else None
            )
            if not isinstance(key, str | int):
                problems.append(
                    Problem(
                        source.file,
                        key_node.start_mark.line + 1,
                        "a key must be text or a number, not "
                        + (repr(key) if isinstance(key_node, yaml.ScalarNode) else "a list"),
                    )
                )
                continue
            child = (*loc, key)
            if key in result:
                problems.append(
                    Problem(
                        source.file,
                        key_node.start_mark.line + 1,
                        f"key '{key}' appears twice; keep one",
                    )
                )
                continue
            source.lines[child] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, child, source, loader, problems, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), source, loader, problems, budget)
            for i, item in enumerate(node.value)
        ]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value  # most scalars: skip the constructor's bookkeeping
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problems.append(
            Problem(source.file, node.start_mark.line + 1, f"value cannot be read: {exc}")
        )
        return None

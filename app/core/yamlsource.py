"""YAML read safely, keeping the line of every key and item for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.core.errors import LoadError, Problem, display_path

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


def parse_yaml(text: str, file: str) -> Source:
    """Parse one YAML document; raise LoadError with the file and line of any syntax error."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "the YAML could not be read"
        raise LoadError(
            [Problem(file, line, f"YAML syntax error: {what}; check indentation and quoting")]
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError([Problem(file, None, f"YAML could not be read: {exc}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise LoadError([Problem(file, None, "the file is empty")])
    source = Source(file, None)
    problems: list[Problem] = []
    source.data = _convert(node, (), source, loader, problems)
    if problems:
        raise LoadError(problems)
    return source


def read_yaml(path: Path) -> Source:
    """Read and parse a YAML file; unreadable or non-UTF-8 files become a LoadError."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError([Problem(file, None, "no such file")]) from None
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Problem(file, None, f"not UTF-8 text ({exc.reason}); save as UTF-8")]
        ) from None
    except OSError as exc:
        raise LoadError([Problem(file, None, f"cannot be read: {exc.strerror}")]) from None
    return parse_yaml(text, file)


def _convert(
    node: yaml.Node, loc: Loc, source: Source, loader: _Loader, problems: list[Problem]
) -> Any:
    source.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                problems.append(
                    Problem(
                        source.file,
                        key_node.start_mark.line + 1,
                        f"a key must be text or a number, not {key!r}",
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
            result[key] = _convert(value_node, child, source, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), source, loader, problems) for i, item in enumerate(node.value)
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

"""Pydantic's validation errors turned into 'FILE:LINE: what is wrong, how to fix it'."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from app.core.errors import LoadError, Problem
from app.core.yamlsource import Loc, Source

# Parts of a pydantic loc that name a union member rather than a place in the data.
_UNION_TAGS = {"str", "dict[str,str]", "int", "float", "literal['unknown']", "function-after"}


M = TypeVar("M", bound=BaseModel)


def schema_problems(
    error: ValidationError, source: Source, model: type[BaseModel]
) -> list[Problem]:
    """One Problem per pydantic error, deduplicated, with the line of the key it concerns."""
    seen: set[tuple[int | None, str]] = set()
    problems: list[Problem] = []
    for detail in error.errors():
        loc = _data_loc(detail["loc"], source.data)
        message = _message(detail, loc, source.data, model)
        line = source.line_of(loc)
        if (line, message) not in seen:
            seen.add((line, message))
            problems.append(Problem(source.file, line, message))
    return problems


def _data_loc(loc: tuple[int | str, ...], data: Any) -> Loc:
    """The part of a pydantic loc that exists in the data (union tags dropped)."""
    result: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:  # noqa: SIM114 - each branch narrows for mypy
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(part, str) and (part in _UNION_TAGS or "[" in part or "-" in part):
            continue
        else:
            result.append(part)
            break
        result.append(part)
    return tuple(result)


def where(loc: Loc, data: Any) -> str:
    """A human name for a place: "question 'x' in section 'y'", or the key path."""
    named: list[str] = []
    node = data
    path: list[str] = []
    for part in loc:
        if isinstance(node, dict | list):
            try:
                node = node[part]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                node = None
        else:
            node = None
        if isinstance(part, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            kind = "section" if path and path[-1] == "sections" else "item"
            kind = {
                "questions": "question",
                "options": "option",
                "flags": "flag",
                "process_quality": "criterion",
            }.get(path[-1] if path else "", kind)
            named.append(f"{kind} '{node['id']}'")
            path.append(str(part))
        elif isinstance(part, int):
            named_item = f"item {part + 1} of '{path[-1]}'" if path else f"item {part + 1}"
            if isinstance(node, dict) and "value" in node and path and path[-1] == "options":
                named_item = f"option '{node['value']}'"
            named.append(named_item)
            path.append(str(part))
        else:
            path.append(part)
    keys = [p for p in loc if isinstance(p, str)]
    inner = named[-1] if named else ""
    last_key = keys[-1] if keys else ""
    if inner and last_key:
        return f"{inner}, key '{last_key}'"
    return inner or (f"key '{'.'.join(str(p) for p in loc)}'" if loc else "the file")


def _model_at(model: Any, loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                continue
            current = field.annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) in (list, Union, types.UnionType, typing.Optional):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if not args:
            break
        annotation = next(
            (a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), args[0]
        )
    return annotation


def _message(detail: ErrorDetails, loc: Loc, data: Any, model: type[BaseModel]) -> str:
    kind = detail["type"]
    place = where(loc[:-1], data) if loc else "the file"
    key = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        owner = _model_at(model, tuple(detail["loc"][:-1]))
        allowed = ", ".join(owner.model_fields) if owner else ""
        hint = f"; allowed keys: {allowed}" if allowed else ""
        return f"unknown key '{key}' in {place}{hint}"
    if kind == "missing":
        return f"{place} is missing the key '{key}'"
    if kind == "literal_error" and key == "type":
        return f"{place}: unknown question type '{detail['input']}'; {_expected(detail)}"
    if kind == "string_pattern_mismatch" and key in ("id", "version"):
        rule = (
            "lowercase letters, digits and _ , starting with a letter"
            if key == "id"
            else "three numbers such as 1.0.0"
        )
        return f"{place}: '{key}' {detail['input']!r} must be {rule}"
    if kind in ("too_short", "too_long"):
        return f"{where(loc, data)}: {detail['msg'].lower()}"
    return f"{where(loc, data)}: {detail['msg'].lower()} (got {_short(detail['input'])})"


def _expected(detail: ErrorDetails) -> str:
    expected = (detail.get("ctx") or {}).get("expected", "")
    return f"use one of {expected}" if expected else detail["msg"]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validate_source(source: Source, model: type[M]) -> M:
    """The model a parsed file holds, or LoadError with a line for each schema problem."""
    if not isinstance(source.data, dict):
        raise LoadError(
            [
                Problem(
                    source.file,
                    source.line_of(()),
                    "expected a mapping of keys "
                    f"at the top of the file, found {type(source.data).__name__}",
                )
            ]
        )
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise LoadError(schema_problems(exc, source, model)) from None

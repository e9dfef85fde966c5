"""How much of a file the tool reads: limits that keep hostile input from taking it down.

A 451-byte YAML file of nested aliases ("billion laughs") expands to gigabytes; JSON nested
a few thousand levels deep overflows the parser's stack; a file of hundreds of megabytes
fills the memory of a server every group shares. Every file read from a user or a disk
(questionnaires, articles, cases, assessment and export files) is checked against these
before it is turned into data, and refused with a message saying which file, where and what.
"""

from __future__ import annotations

from typing import Any

from app.core.errors import Problem

MAX_YAML_BYTES = 10 * 1024 * 1024  # the largest questionnaire is ~100 KB
MAX_JSON_BYTES = 100 * 1024 * 1024  # a JSON file read whole (an assessment is ~15 KB)
# An export is read as a stream (app/store/export_stream.py), so its size limit is set by the
# memory an import needs, measured by bench/bench_exchange.py: MEASURED.
MAX_EXPORT_BYTES = 400 * 1024 * 1024
MAX_DEPTH = 64  # levels of nesting; our files use fewer than 10
ALIAS_BUDGET = 20  # YAML aliases (*name) in a questionnaire, article or case file
EXPANSION = 10  # what aliases may add: at most this many times the values written out


def too_large(file: str, size: int, limit: int, kind: str) -> Problem:
    return Problem(file, None, f"the file is {_mb(size)}; a {kind} file may be at most "
                   f"{_mb(limit)}, so it was not read")


def too_deep(file: str, line: int | None) -> Problem:
    return Problem(file, line, f"the data is nested more than {MAX_DEPTH} levels deep here; "
                   "no file of this tool needs that, so it was not read")


def too_deep_data(data: Any) -> bool:
    """Whether parsed JSON data is nested deeper than MAX_DEPTH (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node  # type: ignore[assignment]
        else:
            continue
        if depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"

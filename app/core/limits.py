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
# An export is read as a stream (app/store/export_stream.py), so its limit is set by the
# memory an import needs, measured by bench/bench_exchange.py: 10,000 realistic assessments
# (123.5 MiB) peak at 1,348 MB (import) and 1,251 MB (dry run), about 10.5 MB per MiB of
# file over the 48 MB the tool takes itself (the checked assessments, kept until compared
# and written, and the store's files). A small server of 2 GB leaves an import about 1.5 GB
# beside the app: 140 MiB, some 11,000 realistic assessments.
MAX_EXPORT_BYTES = 140 * 1024 * 1024
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

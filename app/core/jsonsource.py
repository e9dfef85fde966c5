"""JSON read with the same limits as YAML (limits.py): size and nesting, with file and line."""

from __future__ import annotations

import json

from app.core.errors import LoadError, Problem
from app.core.limits import MAX_JSON_BYTES, too_deep, too_deep_data, too_large
from app.core.yamlsource import Source


def parse_json(text: str, file: str, *, cut_short_message: bool = False) -> Source:
    """The data of a JSON text; LoadError saying where when it is too large, too deep or
    not JSON. JSON gives no line per key, so a Source from it has lines only for errors."""
    size = len(text.encode("utf-8")) if len(text) > MAX_JSON_BYTES // 4 else len(text)
    if size > MAX_JSON_BYTES:
        raise LoadError([too_large(file, size, MAX_JSON_BYTES, "JSON")])
    try:
        data = json.loads(text)
    except RecursionError:  # deeper than the parser's stack: long past MAX_DEPTH
        raise LoadError([too_deep(file, None)]) from None
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        if cut and cut_short_message:
            reason = "the file is cut short (it ends in the middle of the JSON)"
        else:
            reason = f"not valid JSON: {exc.msg}"
        raise LoadError([Problem(file, exc.lineno, reason)]) from None
    if too_deep_data(data):
        raise LoadError([too_deep(file, None)])
    return Source(file, data)

"""One check every file with ids shares: an id used twice, named with both lines."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.errors import Problem
from app.core.yamlsource import Loc, Source


def duplicate_ids(items: Sequence[tuple[str, Loc]], what: str, source: Source) -> list[Problem]:
    seen: dict[str, Loc] = {}
    problems = []
    for item_id, loc in items:
        if item_id in seen:
            first = source.line_of(seen[item_id])
            problems.append(
                source.problem(
                    loc,
                    f"{what} id '{item_id}' is used twice "
                    f"(first on line {first}); ids must be unique",
                )
            )
        else:
            seen[item_id] = loc
    return problems

"""A broken questionnaire patched just enough to run the checks that need the whole file.

When the schema refuses a file (an unknown question type, a flag without a message), the
checks that need a whole questionnaire (articles outside 1-54, conditions naming unknown
questions, bands, caps, migrations) would never run, and the author would fix one fault only to
meet the next. So the schema's faults are reported as they are, and a patched copy is checked
for the rest: a question the schema refuses keeps its id, conditions and articles and becomes a
plain one; any other item the schema refuses (a criterion, a flag, a migration) is left out.
The patched copy is only ever checked, never used.
"""

from __future__ import annotations

import copy
from typing import Any, get_args

from pydantic import ValidationError

from app.core.models.questionnaire import Questionnaire, QuestionType

_TYPES = set(get_args(QuestionType))
_ROUNDS = 4
# keys of a question the schema checks for its own sake; everything else is dropped
_KEEP = ("id", "show_if", "articles", "required")


def salvage(data: Any) -> tuple[Questionnaire, set[str]] | None:
    """A model of the patched copy and the ids of the questions made plain, or None when the
    file is too broken to patch."""
    if not isinstance(data, dict):
        return None
    patched = copy.deepcopy(data)
    plain: set[str] = set()
    for _ in range(_ROUNDS):
        try:
            return Questionnaire.model_validate(patched), plain
        except ValidationError as exc:
            if not _patch(patched, exc, plain):
                return None
    return None


def _patch(data: dict[str, Any], error: ValidationError, plain: set[str]) -> bool:
    """Patch what each error points at; False when nothing could be patched."""
    changed = False
    removals: list[tuple[list[Any], int]] = []
    for detail in error.errors():
        loc = detail["loc"]
        if _in_question(loc):
            changed |= _plain_question(data, loc, plain)
            continue
        target = _list_item(data, loc)
        if target is not None and target not in removals:
            removals.append(target)
    # Remove from the end so that earlier indexes stay right.
    for items, index in sorted(removals, key=lambda r: (id(r[0]), -r[1])):
        if index < len(items):
            del items[index]
            changed = True
    return changed


def _in_question(loc: tuple[Any, ...]) -> bool:
    return len(loc) >= 4 and loc[0] == "sections" and loc[2] == "questions"


def _plain_question(data: dict[str, Any], loc: tuple[Any, ...], plain: set[str]) -> bool:
    try:
        question = data["sections"][loc[1]]["questions"][loc[3]]
    except (KeyError, IndexError, TypeError):
        return False
    if not isinstance(question, dict) or (question.get("text") == "-" and
                                          question.get("id") in plain):
        return False
    kept = {k: question[k] for k in _KEEP if k in question}
    kind = question.get("type")
    kept["type"] = kind if kind in _TYPES and kind not in ("choice", "multi") else "text"
    if isinstance(question.get("options"), list):
        values = [o.get("value") for o in question["options"] if isinstance(o, dict)]
        kept["type"] = kind if kind in ("choice", "multi") else "choice"
        kept["options"] = [{"value": str(v), "label": "-"} for v in values if v is not None]
    if kept["type"] == "impact":
        kept["selectable"] = True
    kept["text"] = "-"
    kept.setdefault("id", f"salvaged_{loc[1]}_{loc[3]}")
    if not isinstance(kept.get("articles", []), list) or not all(
        isinstance(n, int) for n in kept.get("articles", [])
    ):
        kept.pop("articles", None)
    question.clear()
    question.update(kept)
    plain.add(str(kept["id"]))
    return True


def _list_item(data: dict[str, Any], loc: tuple[Any, ...]) -> tuple[list[Any], int] | None:
    """The innermost list element outside the sections that an error points into."""
    node: Any = data
    found: tuple[list[Any], int] | None = None
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            found = (node, part)
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            break
    if found is not None and found[0] is data.get("sections"):
        return None  # a whole section is never dropped: its questions would look unknown
    return found

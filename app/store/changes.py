"""What changed between two stored forms of an assessment, and how to step back over it.

Revisions are kept as these differences rather than as full copies: a typical save touches
one answer, so the history of an assessment grows by a few hundred bytes per save instead of
by its whole size, and any earlier state can still be rebuilt exactly (see `undo`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from app.store.records import Change

#: Bookkeeping the store sets itself; a change there is not something a person did.
BOOKKEEPING = frozenset({"format", "id", "revision", "created", "updated"})
#: Mappings compared key by key, so a change names the answer or decision field it touched.
PER_KEY = frozenset({"answers", "decision"})
#: Changes outside the assessment's own fields (the trash), skipped when rebuilding a state.
TRASH = "trash"


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The changes that turn `before` into `after` (both `Assessment.model_dump(mode="json")`)."""
    changes: list[Change] = []
    for key in _union(before, after):
        if key in BOOKKEEPING:
            continue
        old, new = before.get(key), after.get(key)
        if key in PER_KEY and isinstance(old, dict | None) and isinstance(new, dict | None):
            old, new = old or {}, new or {}
            changes += [Change(path=(key, sub), before=old.get(sub), after=new.get(sub))
                        for sub in _union(old, new) if not same(old.get(sub), new.get(sub))]
        elif not same(old, new):
            changes.append(Change(path=(key,), before=old, after=new))
    return changes


def undo(state: dict[str, Any], changes: Iterable[Change]) -> None:
    """Put back the `before` value of every change into `state` (in place), last change first."""
    for change in reversed(list(changes)):
        head = change.path[0]
        if head == TRASH:
            continue
        if len(change.path) == 2:
            container = state.setdefault(head, {})
            if change.before is None and head == "answers":
                container.pop(change.path[1], None)  # there was no answer
            else:
                container[change.path[1]] = change.before
        else:
            state[head] = change.before


def same(a: Any, b: Any) -> bool:
    """Equal as stored JSON: unlike ==, 1 and True (or 1 and 1.0) count as different answers."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def content_hash(state: dict[str, Any]) -> str:
    """A hash of what a person wrote in an assessment (`model_dump(mode="json")`), without the
    store's bookkeeping: equal hashes mean `diff` finds nothing (JSON keeps 1, 1.0 and true
    apart, as `same` does), so an unchanged copy needs no field-by-field comparison."""
    content = {k: v for k, v in state.items() if k not in BOOKKEEPING}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical(value: Any) -> Any:
    """A value exactly as it reads back from the JSON file (int keys become strings, tuples
    lists), so what the store returns compares equal to what a later read returns."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _union(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return list(a) + [k for k in b if k not in a]

"""Three-way merge of a record's named fields: what one editor changed, over what is stored.

An editor saw `base`, changed some fields to `mine`; meanwhile the store moved to `theirs`.
Only the fields this editor touched are written. A field both changed, to different values,
is a clash: nothing is written and both sides are shown to the person, who chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Merge:
    merged: dict[str, Any]  #: theirs with the fields this editor changed
    touched: tuple[str, ...]  #: fields this editor changed
    clashes: tuple[str, ...]  #: fields both changed, to different values


def _equal(a: Any, b: Any) -> bool:
    return bool(a == b)


def three_way(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any],
              same: Callable[[Any, Any], bool] = _equal) -> Merge:
    touched = tuple(f for f in mine if not same(mine[f], base.get(f)))
    clashes = tuple(f for f in touched if not same(theirs.get(f), base.get(f))
                    and not same(theirs.get(f), mine[f]))
    merged = {**theirs, **{f: mine[f] for f in touched}}
    return Merge(merged, touched, clashes)

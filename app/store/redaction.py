"""Taking personal data out of an assessment's stored history, for both stores.

When an official corrects a field that held personal data, the earlier values must leave the
record, not only the current one: every history entry that changed that field keeps that it
changed (who, when) but loses the values before and after. The redaction itself is a new
revision that says who removed what question's history, and when, never the content.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from app.store.records import Change

NOTE = "earlier values removed from the history"


def wanted_paths(paths: Sequence[Sequence[str]]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p) for p in paths)


def scrub_changes(changes: list[dict[str, Any]],
                  paths: Collection[tuple[str, ...]]) -> tuple[list[dict[str, Any]], bool]:
    """The changes (as stored, JSON) with the values of `paths` removed; True if any was."""
    out, touched = [], False
    for change in changes:
        if tuple(change.get("path") or ()) in paths and (
                change.get("before") is not None or change.get("after") is not None):
            change = {**change, "before": None, "after": None}
            touched = True
        out.append(change)
    return out, touched


def redaction_changes(paths: Collection[tuple[str, ...]]) -> list[Change]:
    """What the redaction revision records: which fields, no values."""
    return [Change(path=p) for p in sorted(paths)]

"""The overview's facts of every stored assessment, kept between runs and processes.

Scoring is the slow part of the overview (about 6 ms per assessment: 10,000 took a minute),
and a stored revision never changes, so each assessment is scored once per revision and its
facts (app/core/dashboard.CaseFacts) are kept: in memory for a page's reruns, and in a file
beside the data for the next process (`bka dashboard`, a restarted server). A build then reads
only the store's list (ids and revisions, from its index) and scores what changed since.

With PostgreSQL (several app servers on one database) each server keeps its own file, on
purpose: a fact is keyed by store, id, revision and the questionnaires' stamp, so a server's
file can be behind but never wrong, and no server waits on another's writes. The cost is one
first build per server (and after each questionnaire change), which scoring pays at a few ms
an assessment (bench/bench_dashboard.py, PostgreSQL part); a facts table shared by the
servers would save that once-per-server cost at the price of a migration and a write per
build, and is the next step if deployments run many servers.

The file is a cache, derived from the records: it holds no user data that is not in the store,
and one that is damaged, of another format, another store or another set of questionnaires is
ignored and written anew; the records themselves are never touched.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Literal, TypeVar, cast

from pydantic import BaseModel

from app.core.catalog import Catalog
from app.core.dashboard import FACTS_VERSION, CaseFacts, collect
from app.core.text import Text
from app.services.review_approval import standings
from app.services.stored_texts import references
from app.store import AssessmentStore
from app.store.atomic import write_atomic
from app.store.records import Summary

FORMAT = "bka-dashboard-facts/2"
FILE_NAME = "dashboard-facts.json"

#: per store location, facts per (id, revision), for the reruns of one process
_MEMORY: dict[str, dict[tuple[str, int], CaseFacts]] = {}
#: per store location, how many facts changed in memory since the file was last written
_UNSAVED: dict[str, int] = {}
#: the last boards counted (remembered()), by what they were counted from
_BOARDS: dict[tuple[object, ...], object] = {}
BOARDS_KEPT = 8
B = TypeVar("B")
#: this many changed facts are scored rather than read from the file, and kept unwritten
FEW = 50


def stamp(catalog: Catalog) -> str:
    """What the facts were computed with: the questionnaires' content and the facts' shape.
    A changed questionnaire (another scoring) makes every kept fact stale."""
    text = json.dumps([FACTS_VERSION, sorted(catalog.hashes.items())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Kept(BaseModel):
    """The file: which store and questionnaires the facts belong to, and the facts."""

    format: Literal["bka-dashboard-facts/2"]
    location: str  #: a hash of the store's location: facts of another store are not used
    stamp: str
    revisions: list[int]  #: the revision of each fact, in the same order
    facts: list[CaseFacts]  #: without their labels, which are kept once below
    finding_labels: dict[str, Text] = {}
    level_labels: dict[str, Text] = {}


def _read(path: Path, location: str, catalog_stamp: str) -> dict[tuple[str, int], CaseFacts]:
    try:
        # pydantic parses the JSON itself: twice as fast as json.loads and then validating
        kept = _Kept.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return {}  # none yet, damaged or of another shape: every assessment is scored again
    if kept.location != location or kept.stamp != catalog_stamp or len(
            kept.revisions) != len(kept.facts):
        return {}
    return {(f.id, rev): f for f, rev in zip(_labelled(kept), kept.revisions, strict=True)}


def _labelled(kept: _Kept) -> list[CaseFacts]:
    """The facts with the labels each had, shared (not copied) from the file's one table."""
    for f in kept.facts:
        f.finding_labels = {k: kept.finding_labels[k] for k in f.findings
                            if k in kept.finding_labels}
        f.level_label = kept.level_labels.get(f.level) if f.level else None
    return kept.facts


def _write(path: Path, location: str, catalog_stamp: str,
           kept: dict[tuple[str, int], CaseFacts]) -> None:
    items = sorted(kept.items())
    finding_labels: dict[str, Text] = {}
    level_labels: dict[str, Text] = {}
    for _, f in items:
        finding_labels.update(f.finding_labels)
        if f.level and f.level_label is not None:
            level_labels.setdefault(f.level, f.level_label)
    # Labels are the same text in thousands of facts: written once (29 MB became ~4 MB).
    facts = [f.model_dump(mode="json", exclude={"finding_labels", "level_label"}) for _, f in items]
    body = {"format": FORMAT, "location": location, "stamp": catalog_stamp,
            "revisions": [rev for (_, rev), _f in items], "facts": facts,
            "finding_labels": finding_labels, "level_labels": level_labels}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"), keep_previous=False)
    except OSError:
        pass  # a cache that cannot be written costs time on the next run, nothing else


def location_key(store: AssessmentStore) -> str:
    """A hash, not the address: a database's address is not written beside the data."""
    return hashlib.sha256(store.location.encode("utf-8")).hexdigest()[:16]


def current_facts(store: AssessmentStore, catalog: Catalog, folder: Path,
                  rows: list[Summary] | Mapping[str, int] | None = None,
                  ) -> tuple[list[CaseFacts], list[str]]:
    """The facts of every stored assessment at its current revision (or of `rows` only: what
    one person may see in the login mode; rows or id -> revision), and the ids that could not
    be counted (their questionnaire is not shipped)."""
    location = location_key(store)
    some = rows is not None
    if rows is None:
        wanted: Mapping[str, int] = store.revision_map()  # ids and revisions, not whole rows
    elif isinstance(rows, Mapping):
        wanted = rows
    else:
        wanted = {r.id: r.revision for r in rows}
    memory = _MEMORY.setdefault(location, {})
    # A page rerun with nothing changed: no file, no scoring, no rebuilding of the memory.
    if (some or len(memory) == len(wanted)) and all(
            (aid, rev) in memory for aid, rev in wanted.items()):
        return [memory[(aid, rev)] for aid, rev in wanted.items()], []
    catalog_stamp = stamp(catalog)
    known = dict(memory)
    path = folder / FILE_NAME
    unknown = sum((aid, rev) not in known for aid, rev in wanted.items())
    # The file only when it saves time: a few changed since the last run are scored faster
    # than 100,000 kept facts are read.
    if unknown > FEW or (unknown and not memory):
        known.update(_read(path, location, catalog_stamp))
    missing = [aid for aid, rev in wanted.items() if (aid, rev) not in known]
    found = store.get_many(missing) if missing else []
    others = {a.id or "": references(a, store) for a in found}
    scored, skipped = collect(found, catalog, standings(found, store), others) if found \
        else ([], [])
    fresh = {(f.id, wanted[f.id]): f for f in scored if f.id in wanted}
    kept = {(aid, rev): known[(aid, rev)] for aid, rev in wanted.items() if (aid, rev) in known}
    kept.update(fresh)
    counted = [kept[(aid, rev)] for aid, rev in wanted.items() if (aid, rev) in kept]
    if some:  # a part of the rows: the others' facts are kept, not pruned
        kept = {**known, **kept}
    # Written when enough has changed since the last write (or there is none yet): a page
    # rerun after one save does not rewrite 100,000 facts, and a restart rescores at most FEW.
    _UNSAVED[location] = _UNSAVED.get(location, 0) + len(fresh) + max(0, len(known) - len(kept))
    if _UNSAVED[location] and (_UNSAVED[location] > FEW or not path.exists()):
        _write(path, location, catalog_stamp, kept)
        _UNSAVED[location] = 0
    _MEMORY[location] = kept
    return counted, skipped


def erase(folder: Path, assessment_id: str) -> None:
    """Take an assessment erased for good out of the kept facts now (they hold its title and
    measures), not at the next build: nothing of it may stay beside the data."""
    for memory in _MEMORY.values():
        for key in [k for k in memory if k[0] == assessment_id]:
            del memory[key]
    _BOARDS.clear()  # a kept board may name it (overdue measures, departures)
    path = folder / FILE_NAME
    try:
        kept = _Kept.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        if path.exists():
            path.unlink(missing_ok=True)  # unreadable: it cannot be cleaned, so it goes
        return
    if all(f.id != assessment_id for f in kept.facts):
        return
    facts = _labelled(kept)
    _write(path, kept.location, kept.stamp,
           {(f.id, rev): f for f, rev in zip(facts, kept.revisions, strict=True)
            if f.id != assessment_id})


def remembered(key: tuple[object, ...], count: Callable[[], B]) -> B:
    """The board counted from exactly these ids, revisions and dates, kept from a run before:
    a page rerun with nothing stored in between shows it again instead of counting 100,000
    facts anew. Any save, deletion or other dates is another key."""
    if key in _BOARDS:
        return cast(B, _BOARDS[key])
    result = count()
    if len(_BOARDS) >= BOARDS_KEPT:
        _BOARDS.pop(next(iter(_BOARDS)))
    _BOARDS[key] = result
    return result


def forget() -> None:
    """Drop what this process keeps in memory (a benchmark's cold run, a test)."""
    _MEMORY.clear()
    _UNSAVED.clear()
    _BOARDS.clear()

"""The overview's facts of every stored assessment, kept as rows of the store's facts index
(app/store/facts/): in PostgreSQL beside the assessments, written in each save's transaction;
locally in an SQLite file beside the documents, written under the store's lock. The figures
are counted there with GROUP BY (app/store/facts/counts.py); nothing is parsed or scored for a
page view but what changed.

Scoring is the slow part (about 6 ms per assessment), so each assessment is scored once per
revision and questionnaire set: by the save itself (the scorer registered here), or by the
build (fact_builder.py) for rows saved without one, a cut-off write, a missing index, or
after a questionnaire change (then in the background, with the page showing its progress).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from app.core.catalog import Catalog
from app.core.dashboard import FACTS_VERSION, CaseFacts, collect
from app.core.models.assessment import Assessment
from app.services import fact_builder
from app.services.fact_builder import Progress
from app.services.review_approval import standing_of, standings
from app.services.shipped import catalog as shipped_catalog
from app.store import AssessmentStore
from app.store.facts import counts, scorer
from app.store.facts.executor import Executor
from app.store.facts.rows import Fact, labels_of
from app.store.facts.sql import chunks, placeholders
from app.store.records import Summary

#: per index, facts per (id, revision) already parsed: a page's reruns parse nothing again
_MEMORY: dict[str, dict[tuple[str, int], CaseFacts]] = {}


def stamp(catalog: Catalog) -> str:
    """What the facts were computed with: the questionnaires' content and the facts' shape.
    A changed questionnaire (another scoring) makes every kept fact stale."""
    text = json.dumps([FACTS_VERSION, sorted(catalog.hashes.items())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fact_of(assessment: Assessment, catalog: Catalog | None = None,
            store: AssessmentStore | None = None) -> Fact:
    """One assessment's row of the index, scored with the shipped questionnaires and the
    review approvals recorded with `store` (the installation's own, where the save itself
    scores: `bka serve` points the data folder there), so the overview's level is the one
    Resultat shows. The comparison with other stored assessments' texts is left to the
    pages: it reads the whole store, too much for the inside of a save."""
    catalog = catalog or shipped_catalog()
    review = {assessment.id or "": standing_of(assessment, store)}
    scored, _skipped = collect([assessment], catalog, review)
    return as_fact(assessment.id or "", assessment.revision, scored[0] if scored else None,
                   catalog)


def as_fact(assessment_id: str, revision: int, case: CaseFacts | None,
            catalog: Catalog) -> Fact:
    """The index's row of an assessment's facts (None: its questionnaire is not shipped,
    kept as such and reported as not counted)."""
    if case is None:
        return Fact(id=assessment_id, revision=revision, facts=None, stamp=stamp(catalog),
                    skipped=True)
    return Fact(id=assessment_id, revision=revision, facts=case, stamp=stamp(catalog),
                labels=labels_of(case))


def register() -> None:
    """Saves in this process write their facts (the store calls fact_of in its write)."""
    scorer.register(fact_of)


def indexed(store: AssessmentStore) -> bool:
    """Whether the store keeps a facts index (both real stores do; a test's stand-in may
    not)."""
    return getattr(store, "facts", None) is not None


def refresh(store: AssessmentStore, catalog: Catalog, *, wait: bool) -> Progress | None:
    """Bring the index up to date (fact_builder.ensure); None when it is."""
    return fact_builder.ensure(store, catalog, stamp(catalog),
                               lambda a: fact_of(a, catalog, store), wait=wait)


def current_facts(store: AssessmentStore, catalog: Catalog, folder: Path | None = None,
                  rows: list[Summary] | Mapping[str, int] | None = None, *,
                  wait: bool = True) -> tuple[list[CaseFacts], list[str]]:
    """The facts of every stored assessment at its current revision (or of `rows` only: what
    one person may see in the login mode; rows or id -> revision), and the ids that could not
    be counted (their questionnaire is not shipped). `folder` is no longer used: the index
    lives with the store."""
    del folder
    wanted: Mapping[str, int] | None = (
        rows if rows is None or isinstance(rows, Mapping) else {r.id: r.revision for r in rows})
    if not indexed(store):  # no index: score them here, as before there was one
        every = wanted if wanted is not None else store.revision_map()
        stored = store.get_many(list(every))
        return collect(stored, catalog, standings(stored, store))
    refresh(store, catalog, wait=wait)
    now = stamp(catalog)
    memory = _MEMORY.setdefault(f"{store.location}\x1f{now}", {})
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        current = _revisions(ex, now, wanted)
        missing = {i: r for i, r in current.items() if (i, r) not in memory
                   and (wanted is None or wanted.get(i) == r)}
        if missing:
            found, _ = counts.facts(ex, now, missing)
            for f in found:
                memory[(f.id, current[f.id])] = f
        skipped = counts.skipped(ex, now)
    ids = current if wanted is None else {i: r for i, r in wanted.items() if current.get(i) == r}
    facts = [memory[(i, r)] for i, r in ids.items() if (i, r) in memory]
    # old revisions of the rows looked at, and (when every row was) rows no longer there:
    # let them go; others' rows stay for their next view
    for key in [k for k in memory if current.get(k[0], k[1] if wanted else -1) != k[1]]:
        del memory[key]
    return facts, [i for i in skipped if wanted is None or i in wanted]


def _revisions(ex: Executor, now: str, wanted: Mapping[str, int] | None,
               ) -> dict[str, int]:
    """id -> revision of the rows scored with the current questionnaires: of `wanted` only
    (a person's few thousand in the login mode, not every row of 100,000), or of all."""
    query = "SELECT id, revision FROM overview_facts WHERE stamp = :s"
    if wanted is None:
        return {r[0]: int(r[1]) for r in ex.rows(query, {"s": now})}
    found: dict[str, int] = {}
    for part in chunks(sorted(wanted)):
        marks, params = placeholders("i", part)
        found.update((r[0], int(r[1])) for r in ex.rows(
            f"{query} AND id IN ({marks})", {**params, "s": now}))
    return found


def erase(folder: Path, assessment_id: str) -> None:
    """Nothing to do beside the store: its purge removes the facts row in the same step (the
    database's cascade, the local index's erase). What this process parsed goes too."""
    del folder
    for memory in _MEMORY.values():
        for key in [k for k in memory if k[0] == assessment_id]:
            del memory[key]


def forget() -> None:
    """Drop what this process keeps in memory (a benchmark's cold run, a test)."""
    _MEMORY.clear()
    fact_builder.forget()

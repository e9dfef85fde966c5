"""The facts index kept by the stores themselves (both: conftest.store_kind): each save
writes its row (in PostgreSQL in the save's own transaction), the trash takes it out of
every count, erasing removes it, and the board the database counts is the one the core
counts from the same assessments. A build after a questionnaire change runs in the
background and the board says what it counts meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest
from test_dashboard import known_set

from app.core.dashboard import DECIDED, collect, overview
from app.services import dashboard_facts, fact_builder
from app.services.dashboard import board
from app.services.erase import erase_for_good
from app.services.shipped import catalog
from app.store import open_store
from app.store.facts import scorer

TODAY = dt.date(2027, 6, 1)


def core_board(store_ids: list[str]) -> dict[str, object]:
    store = open_store()
    cases, _ = collect(store.get_many(store_ids), catalog())
    return overview(cases, TODAY, statuses=None).model_dump()


def ids_now() -> list[str]:
    return list(open_store().revision_map())


def test_each_save_keeps_its_row_and_the_database_counts_as_the_core(store_kind: str) -> None:
    store = open_store()
    made = [store.create(a, editor="t") for a in known_set()]
    copy = store.duplicate(made[0].id or "", editor="t")  # a copy: one decision with its source
    store.set_status(copy.id or "", "decided", editor="t")
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        rows = dict(ex.rows("SELECT id, revision FROM overview_facts"))
    assert rows == store.revision_map()  # written by the saves, none by a build
    got = board(None, None, None, TODAY, statuses=None, wait=True)
    assert got.building is None
    assert got.dashboard.model_dump() == core_board(ids_now())
    assert got.dashboard.set_aside == 1  # the copy stands for the decision, its source not

    store.delete(made[1].id or "", editor="t")  # the trash: out of every count
    assert board(None, None, None, TODAY, statuses=None).dashboard.model_dump() == core_board(
        ids_now())
    erase_for_good(store, made[1].id or "")
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        assert ex.rows("SELECT count(*) FROM overview_facts WHERE id = :i",
                       {"i": made[1].id}) == [(0,)]
        assert ex.rows("SELECT count(*) FROM overview_fact_measures WHERE id = :i",
                       {"i": made[1].id}) == [(0,)]


#: the page's filters: statuses (None: all), committees, a period
FILTERS = [dict(statuses=None), dict(), dict(statuses=("draft", "complete")),
           dict(statuses=None, committees=["Barn- och utbildningsnämnden"]),
           dict(statuses=None, start=dt.date(2026, 6, 1), end=dt.date(2027, 6, 1))]


def same_under_every_filter() -> list[str]:
    """The board the database counts equals the core's count of the same assessments under
    each of the page's filters; the ids not counted."""
    store = open_store()
    cases, skipped = collect(store.get_many(ids_now()), catalog())
    for f in FILTERS:
        got = board(None, f.get("start"), f.get("end"), TODAY,  # type: ignore[arg-type]
                    statuses=f.get("statuses", DECIDED),  # type: ignore[arg-type]
                    committees=f.get("committees"))  # type: ignore[arg-type]
        want = overview(cases, TODAY, **f)  # type: ignore[arg-type]
        assert got.building is None
        assert got.dashboard.model_dump() == want.model_dump(), f
        assert got.skipped == sorted(skipped)
    return skipped


def test_the_database_counts_as_the_core_under_every_filter_and_after_each_save(
        store_kind: str) -> None:
    store = open_store()
    made = [store.create(a, editor="t") for a in known_set() + known_set()]
    unknown = known_set()[1]
    unknown.questionnaire = unknown.questionnaire.model_copy(update={"id": "not-shipped"})
    other = store.create(unknown, editor="t")
    assert same_under_every_filter() == [other.id]  # listed apart, in no count
    # saves that move an assessment to another committee, date and status: the next board
    # counts them where they now are
    first, second = made[1], made[6]
    store.set_decision(first.id or "", store.get(first.id or "").decision.model_copy(
        update={"committee": "Kultur- och fritidsnämnden",
                "decision_date": dt.date(2025, 2, 3)}), editor="t")
    store.set_status(second.id or "", "decided", editor="t")
    same_under_every_filter()


def test_after_a_questionnaire_change_the_build_runs_behind_the_page(
        store_kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scorer.unregister()  # saved without scoring, as a script using the store alone would
    try:
        store = open_store()
        for _ in range(3):
            for a in known_set():
                store.create(a, editor="t")
    finally:
        dashboard_facts.register()
    dashboard_facts.forget()
    monkeypatch.setattr("app.store.facts.scorer.FEW", 2)
    monkeypatch.setattr("app.services.fact_builder.FEW", 2)
    monkeypatch.setattr("app.services.fact_builder.GRACE", 0)  # the page never waits
    first = board(None, None, None, TODAY, statuses=None)
    job = first.building
    assert job is not None and job.thread is not None
    assert first.counted <= len(ids_now())  # the page counts what is scored so far
    job.thread.join(timeout=120)
    assert not job.running and not job.error
    assert job.done == job.total == len(ids_now())  # none was scored by its save
    done = board(None, None, None, TODAY, statuses=None)
    assert done.building is None
    assert done.dashboard.model_dump() == core_board(ids_now())
    fact_builder.forget()


def test_a_persons_overview_counts_the_rows_they_see_and_follows_their_saves(
        store_kind: str) -> None:
    store = open_store()
    made = [store.create(a, editor="t").id or "" for a in known_set() + known_set()]
    views = {"mine": {made[0], made[1], made[4]}, "theirs": {made[1], made[2], made[7]}}

    def seen(who: str) -> dict[str, object]:
        shown = board(None, None, None, TODAY, statuses=None,
                      visible=lambda rows: [r for r in rows if r.id in views[who]])
        return shown.dashboard.model_dump()

    def core(who: str) -> dict[str, object]:
        cases, _ = collect(store.get_many(sorted(views[who])), catalog())
        return overview(cases, TODAY, statuses=None).model_dump()

    for who in ("mine", "theirs", "mine"):  # the second view of each reads what it kept
        assert seen(who) == core(who), who
    # a save moves one of mine to another committee: my next view counts it there, and
    # the other person's view, which holds it too, as well
    store.set_decision(made[1], store.get(made[1]).decision.model_copy(
        update={"committee": "Kultur- och fritidsnämnden"}), editor="t")
    for who in ("mine", "theirs"):
        assert seen(who) == core(who), who

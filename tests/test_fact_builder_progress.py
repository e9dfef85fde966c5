"""The overview's build in the background (app/services/fact_builder.py): its progress moves
with each assessment scored, not with each step of many (on a busy server one step is half a
minute of scoring, and the page's bar would stand still), and a build that is stopped keeps
and counts what it scored, the next view building the rest."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_dashboard import known_set

from app.core.models.assessment import Assessment
from app.services import dashboard_facts, fact_builder
from app.services.shipped import catalog as shipped_catalog
from app.store import open_store
from app.store.facts import counts, scorer
from app.store.facts.rows import Fact


def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.01)


def test_the_bar_moves_with_each_assessment_and_a_stopped_build_keeps_its_work(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    scorer.unregister()  # saved by a process without scoring: the build scores them
    try:
        store = open_store(tmp_path)
        for a in known_set():
            store.create(a, editor="test")
    finally:
        dashboard_facts.register()
    catalog = shipped_catalog()
    stamp = dashboard_facts.stamp(catalog)
    scored: list[str] = []
    release = threading.Event()

    def score(a: Assessment) -> Fact:
        scored.append(a.id or "")
        if len(scored) == 2:  # the second waits: the build is inside its first step
            release.wait(timeout=60)
        return dashboard_facts.fact_of(a, catalog, store)

    monkeypatch.setattr(fact_builder, "FEW", 1)
    monkeypatch.setattr(fact_builder, "GRACE", 0)
    monkeypatch.setattr(fact_builder, "STEP", 3)
    job = fact_builder.ensure(store, catalog, stamp, score, wait=False)
    assert job is not None and job.total == 4
    until(lambda: len(scored) == 2, "the second assessment scored")
    assert job.done == 1  # one of the step's three scored: the bar shows it

    stopper = threading.Thread(target=fact_builder.stop,
                               args=(store.facts.location,))  # type: ignore[attr-defined]
    stopper.start()
    until(lambda: job.stopping, "the build asked to stop")
    release.set()
    stopper.join(timeout=60)
    assert not job.running and not job.error and job.done == 3  # its step ended, then it did
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        assert counts.counted(ex, stamp) == 3  # what it scored is kept

    rest = fact_builder.ensure(store, catalog, stamp, score, wait=True)
    assert rest is None and len(scored) == 4  # the next view scored the one left
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        assert counts.counted(ex, stamp) == 4
    fact_builder.forget()

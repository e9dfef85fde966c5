"""The local overview's index follows the saves off their path (app/store/facts/backlog.py):
a process stopped after its saves were acknowledged but before their rows reached the index
loses no fact. The next reader writes them again before it lists or counts, and the
council overview says that it is taking them in while it scores them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_dashboard import known_set
from test_dashboard_index_stores import TODAY, core_board

from app.core.models.assessment import Answer
from app.services import dashboard_facts, fact_builder
from app.services.dashboard import board
from app.services.paths import ROOT
from app.store import TinyDBAssessmentStore, locking
from app.store.facts import backlog
from app.store.facts.local import FILE

# Saves, acknowledged, then the process ends as a kill ends it: its rows never written
# (the thread that writes them does nothing here) and no clean exit (os._exit).
STOPPED_WRITER = textwrap.dedent("""
    import os, sys
    from app.store.facts import backlog
    backlog.Backlog._run = lambda self: None
    from app.store import TinyDBAssessmentStore
    store = TinyDBAssessmentStore(sys.argv[1])
    trash, *retitle = sys.argv[2:]
    for aid in retitle:
        store.update(aid, lambda a: a.model_copy(update={"decision": a.decision.model_copy(
            update={"title": "Omdöpt " + aid})}), "Bo")
    store.delete(trash, "Bo")
    print("acknowledged", flush=True)
    os._exit(0)
""")


def _stop_after_saves(folder: Path, trash: str, retitle: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", STOPPED_WRITER, str(folder), trash, *retitle],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "acknowledged", done.stderr


def _raw_titles(folder: Path) -> dict[str, str]:
    """The list's rows as the index file holds them, read past the store."""
    with sqlite3.connect(folder / FILE) as db:
        return dict(db.execute("SELECT id, title FROM overview_rows").fetchall())


def test_saves_of_a_stopped_process_reach_the_list_and_the_counts(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    ids = [store.create(a, "Anna").id or "" for a in known_set()]
    store.set_answer(ids[0], "knowledge_gaps", Answer(value="ett svar"), "Anna")
    assert store.page(limit=50)[1] == len(ids)  # the index is in use, and complete

    _stop_after_saves(tmp_path, ids[0], ids[1:3])
    behind = _raw_titles(tmp_path)
    assert ids[0] in behind and not behind[ids[1]].startswith("Omdöpt")  # the rows missed

    locking._registry.clear()  # the app, started again
    again = TinyDBAssessmentStore(tmp_path)
    rows, total = again.page(limit=50)
    assert total == len(ids) - 1 and ids[0] not in {r.id for r in rows}
    assert {r.id: r.title for r in rows}[ids[1]] == f"Omdöpt {ids[1]}"
    assert again.facts.revisions() == again.revision_map()  # the counts' rows too
    with sqlite3.connect(tmp_path / FILE) as db:  # the stopped process's mark is gone
        marks = [r[0] for r in db.execute("SELECT token FROM overview_writers")]
    assert marks == [again.facts.backlog.token]
    assert sorted(os.listdir(tmp_path / backlog.FOLDER)) == marks


def test_the_council_overview_says_it_is_taking_saves_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    store = TinyDBAssessmentStore(tmp_path)
    ids = [store.create(a, "Anna").id or "" for a in known_set()]
    assert board(None, None, None, TODAY, statuses=None, wait=True).building is None
    _stop_after_saves(tmp_path, ids[0], ids[1:])
    monkeypatch.setattr("app.store.facts.scorer.FEW", 1)
    monkeypatch.setattr("app.services.fact_builder.FEW", 1)
    monkeypatch.setattr("app.services.fact_builder.GRACE", 0)  # the page never waits
    fact_builder.forget()
    dashboard_facts.forget()

    shown = board(None, None, None, TODAY, statuses=None)
    job = shown.building
    assert job is not None and job.catch_up and not job.first
    assert job.thread is not None
    job.thread.join(timeout=120)
    assert not job.error and job.done == job.total == len(ids) - 1
    done = board(None, None, None, TODAY, statuses=None)
    assert done.building is None
    assert done.dashboard.model_dump() == core_board(list(store.revision_map()))


def test_a_running_process_is_not_taken_for_a_stopped_one(tmp_path: Path) -> None:
    import fcntl

    store = TinyDBAssessmentStore(tmp_path)
    store.create(known_set()[0], "Anna")
    own = store.facts.backlog.token
    assert own is not None
    other = tmp_path / backlog.FOLDER / "0123456789abcdef"
    held = os.open(other, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another process, still running
        assert store.facts.backlog.dead([own, other.name]) == []
        fcntl.flock(held, fcntl.LOCK_UN)  # ... and stopped
        assert store.facts.backlog.dead([own, other.name]) == [other.name]
    finally:
        os.close(held)

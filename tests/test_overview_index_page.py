"""The overview list's page of 50 without reading every row: locally from the index beside
the documents (app/store/facts/listing.py), in the database through its index; the total is
exact up to a cap past the page and "more than" beyond it, on both stores."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import TinyDBAssessmentStore, open_store
from app.store.facts import local
from app.store.overview import Overview


def assessment(n: int) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=f"Skola {n}", case_number=f"BUN 2026/{n}"))


def test_the_total_is_exact_up_to_the_cap_and_more_than_beyond(
        store_kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.store.records.COUNT_AHEAD", 3)
    monkeypatch.setattr("app.store.facts.listing.COUNT_AHEAD", 3)
    monkeypatch.setattr("app.store.postgres.reading.COUNT_AHEAD", 3)
    store = open_store()
    for n in range(9):
        store.create(assessment(n), "Anna")
    rows, total = store.page("skola", limit=2)  # a search: counted up to the cap
    assert len(rows) == 2 and total == 5 and not total.exact  # type: ignore[attr-defined]
    rows, total = store.page("skola", limit=2, offset=4)
    assert total == 9 and total.exact  # type: ignore[attr-defined]
    rows, total = store.page("skola 3", limit=2)
    assert [r.title for r in rows] == ["Skola 3"] and total == 1
    rows, total = store.page(limit=2)
    if store_kind == "tinydb":  # locally the rows per status are kept: exact, no count
        assert len(rows) == 2 and total == 9 and total.exact  # type: ignore[attr-defined]
    else:
        assert len(rows) == 2 and total == 5 and not total.exact  # type: ignore[attr-defined]


def test_locally_a_page_reads_the_index_not_every_row(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    made = [store.create(assessment(n), "Anna") for n in range(6)]
    store.delete(made[0].id or "", "Anna")
    everything = store.list()

    def no(_self: Overview) -> None:
        raise AssertionError("every row was read for one page")

    monkeypatch.setattr(Overview, "rows", no)
    rows, total = store.page(limit=3)
    assert [r.id for r in rows] == [r.id for r in everything[:3]] and total == 5
    assert store.page(status="draft", limit=10, exclude={made[1].id or ""})[1] == 4
    # the kept counts follow a status change, the trash and a restore
    store.set_status(made[2].id or "", "complete", "Anna")
    store.delete(made[3].id or "", "Anna")
    store.restore(made[0].id or "", "Anna")
    assert [store.page(status=s, limit=1)[1] for s in ("draft", "complete")] == [4, 1]
    assert store.page(limit=1)[1] == 5
    assert store.page(status="complete", limit=1, exclude={made[2].id or ""})[1] == 0


def test_an_index_made_before_the_kept_counts_gets_them(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    made = [store.create(assessment(n), "Anna") for n in range(5)]
    store.set_status(made[0].id or "", "complete", "Anna")
    with sqlite3.connect(tmp_path / local.FILE) as db:  # as an earlier version left it
        for name in ("overview_rows_in", "overview_rows_out", "overview_rows_moved"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE overview_row_counts")
    local._OPEN.clear()  # another process: a new connection
    again = TinyDBAssessmentStore(tmp_path)
    assert [again.page(status=s, limit=1)[1] for s in ("draft", "complete")] == [4, 1]


def test_a_missing_or_behind_index_is_filled_from_the_documents(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    for n in range(4):
        store.create(assessment(n), "Anna")
    index = tmp_path / local.FILE
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    expected = [r.id for r in store.list()]
    assert [r.id for r in store.page(limit=10)[0]] == expected  # from the documents
    assert store.facts.page("", None, 10, 0, [], None) is not None  # and filled again
    # a write cut off between its mark and its row: the page does not trust the index
    store.facts.mark({"ghost": 7})
    with store.facts._write() as ex:
        ex.run("UPDATE overview_pending SET at = :t", {"t": time.time() - 2 * local.CUT_OFF})
        ex.run("DELETE FROM overview_meta WHERE key = 'rows_at'")
    assert store.facts.page("", None, 10, 0, [], None) is None
    assert [r.id for r in store.page(limit=10)[0]] == expected


_OTHER_PROCESS_SAVES = """
import sys
from app.store import TinyDBAssessmentStore
store = TinyDBAssessmentStore(sys.argv[1])
current = store.get(sys.argv[2])
store.set_decision(sys.argv[2], current.decision.model_copy(update={"title": "Från annan"}),
                   "Bo")
"""


def test_a_page_shown_again_follows_every_save_here_and_elsewhere(tmp_path: Path) -> None:
    """A page shown again with nothing written is kept (facts/kept_pages.py); any save, in
    this process or another, is on the next one."""
    import subprocess
    import sys

    store = TinyDBAssessmentStore(tmp_path)
    made = [store.create(assessment(n), "Anna") for n in range(3)]
    first = store.page(limit=2)
    assert store.page(limit=2) == first
    store.set_decision(made[0].id or "", made[0].decision.model_copy(
        update={"title": "Härifrån"}), "Anna")
    rows, total = store.page(limit=2)
    saved = store.get(made[0].id or "")
    assert (rows[0].title, rows[0].updated, total) == ("Härifrån", saved.updated, 3)
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", _OTHER_PROCESS_SAVES, str(tmp_path),
                    made[1].id or ""], cwd=root, check=True)
    rows, _ = store.page(limit=2)
    elsewhere = store.get(made[1].id or "")
    assert (rows[0].id, rows[0].title, rows[0].updated) == (
        made[1].id, "Från annan", elsewhere.updated)
    store.delete(made[1].id or "", "Anna")
    assert [r.title for r in store.page(limit=5)[0]] == ["Härifrån", "Skola 2"]

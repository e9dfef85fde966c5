"""The overview's page of 50 right after a save, on both stores (conftest.store_kind): the
saved row is where the overview's order puts it, with what was saved, and a filter's pages
follow a status change; each row shows what the whole listing says of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from ui_helpers import no_exception, start

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import AssessmentStore, TinyDBAssessmentStore, open_store
from app.store.records import Listed


def assessment(title: str, case: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title, case_number=case, committee="BUN"))


def retitle(store: AssessmentStore, aid: str, title: str) -> None:
    store.set_decision(aid, store.get(aid).decision.model_copy(update={"title": title}),
                       "Anna")


def listed(store: AssessmentStore, query: str = "", status: str | None = None) -> list[Listed]:
    """The whole listing's rows, as a page shows them."""
    return [Listed.of(s) for s in store.list(query, status)]  # type: ignore[arg-type]


def test_after_a_save_the_page_shows_it_first_and_the_rest_moves_down(
        store_kind: str) -> None:
    store = open_store()
    ids = [store.create(assessment(f"Skola {n}", f"BUN 2026/{n}"), "Anna").id or ""
           for n in range(60)]
    before, total = store.page(limit=50)
    assert [r.id for r in before] == ids[::-1][:50] and total == 60

    retitle(store, ids[3], "Skola 3, ändrad")  # on the second page until now
    first, total = store.page(limit=50)
    second, _ = store.page(limit=50, offset=50)
    assert first[0].title == "Skola 3, ändrad" and first[0].id == ids[3]
    assert [r.id for r in first[1:]] == [r.id for r in before[:49]]
    assert [r.id for r in second] == [before[49].id] + [i for i in ids[::-1][50:]
                                                        if i != ids[3]]
    assert total == 60
    # every column the page shows is what the whole listing says (the saved time included)
    assert first + second == listed(store)
    assert first[0].updated == store.get(ids[3]).updated
    assert store.page(limit=50) == (first, 60)  # shown again: the same


def test_a_filter_and_its_pages_follow_a_status_change(store_kind: str) -> None:
    store = open_store()
    ids = [store.create(assessment(("Skola" if n % 3 else "Park") + f" {n}",
                                   f"BUN 2026/{n}"), "Anna").id or "" for n in range(12)]
    for aid in ids[:5]:
        store.set_status(aid, "complete", "Anna")
    drafts = listed(store, status="draft")
    assert len(drafts) == 7

    pages = [store.page(status="draft", limit=3, offset=at) for at in (0, 3, 6)]
    assert [r for rows, _ in pages for r in rows] == drafts  # no gap, none twice
    assert [total for _, total in pages] == [7, 7, 7]

    moved = drafts[4]  # on the second page of drafts
    store.set_status(moved.id, "complete", "Anna")
    rows, total = store.page(status="draft", limit=3, offset=3)
    assert total == 6 and moved.id not in {r.id for r in rows}
    assert rows == listed(store, status="draft")[3:6]
    done, total = store.page(status="complete", limit=3)
    assert total == 6 and done[0].id == moved.id and done[0].status == "complete"

    # a search within a status, after a save that makes a row match it
    retitle(store, ids[6], "Park 6, nu en skola")
    rows, total = store.page("skola", status="draft", limit=50)
    assert rows == listed(store, "skola", "draft") and total == len(rows)
    assert rows[0].title == "Park 6, nu en skola"


def test_a_word_only_the_oldest_holds_is_found_and_a_short_one_too(store_kind: str) -> None:
    store = open_store()
    ids = [store.create(assessment(f"Skola {n}", f"BUN 2026/{n}"), "Anna").id or ""
           for n in range(30)]
    retitle(store, ids[0], "Äldsta skolan")
    for aid in ids[1:]:  # the retitled one is the oldest again
        store.set_status(aid, "complete", "Anna")
    rows, total = store.page("ÄLDSTA", limit=50)
    assert [(r.id, r.title) for r in rows] == [(ids[0], "Äldsta skolan")] and total == 1
    assert store.page("äldsta", status="complete", limit=50) == ([], 0)
    rows, total = store.page("/2", limit=50)  # two characters: BUN 2026/2 and /20-/29
    assert [r.id for r in rows] == [ids[n] for n in (*range(29, 19, -1), 2)] and total == 11


def _titles(at: AppTest) -> list[str]:
    return [str(m.value).strip("*").strip("\u2068\u2069") for m in at.markdown
            if str(m.value).startswith("**") and "Skola" in str(m.value)]


def _showing(at: AppTest) -> str:
    found = [str(c.value) for c in at.caption if str(c.value).startswith("Visar")]
    return found[0].replace("\u00a0", " ").replace("\u202f", " ") if found else ""


def test_the_overview_shows_a_save_made_meanwhile_at_the_top(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    ids = [store.create(assessment(f"Skola {n:02d}", f"BUN 2026/{n}"), "Anna").id or ""
           for n in range(55)]
    at = no_exception(start(monkeypatch, tmp_path))
    assert _titles(at)[:2] == ["Skola 54", "Skola 53"] and _showing(at) == "Visar 1–50 av 55"

    retitle(store, ids[2], "Skola 02, ändrad")  # saved elsewhere (another tab, a colleague)
    at = no_exception(at.run())
    titles = _titles(at)
    assert titles[:3] == ["Skola 02, ändrad", "Skola 54", "Skola 53"] and len(titles) == 50
    assert _showing(at) == "Visar 1–50 av 55"
    at.selectbox[0].select("complete")  # the status filter: none is complete yet
    at = no_exception(at.run())
    assert _titles(at) == [] and _showing(at) == ""
    store.set_status(ids[2], "complete", "Anna")
    at = no_exception(at.run())
    assert _titles(at) == ["Skola 02, ändrad"] and _showing(at) == "Visar 1–1 av 1"

"""page(): one page of the overview and the total, the same on both stores
(conftest.store_kind), so an overview of 100,000 assessments need not read them all."""

from __future__ import annotations

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import open_store


def assessment(title: str, case: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title, case_number=case))


def test_a_page_is_the_overview_cut_and_the_total_counts_every_match(store_kind: str) -> None:
    store = open_store()
    made = [store.create(assessment(f"Skola {n}" if n % 2 else f"Park {n}", f"BUN 2026/{n}"),
                         "Anna") for n in range(7)]
    store.delete(made[0].id or "", "Anna")  # the trash is not on any page
    newest_first = [r.id for r in store.list()]
    assert len(newest_first) == 6

    rows, total = store.page(limit=4)
    assert [r.id for r in rows] == newest_first[:4] and total == 6
    rows, total = store.page(limit=4, offset=4)
    assert [r.id for r in rows] == newest_first[4:] and total == 6
    assert store.page(limit=4, offset=8) == ([], 6)  # past the end: still the total

    rows, total = store.page("SKOLA", limit=2)
    assert [r.title for r in rows] == [r.title for r in store.list("skola")][:2]
    assert total == 3 and all(r.title.startswith("Skola") for r in rows)

    hidden = {made[5].id or "", made[6].id or ""}  # e.g. workshop groups' work
    rows, total = store.page(limit=10, exclude=hidden)
    assert total == 4 and not hidden & {r.id for r in rows}

    rows, total = store.page("50%_", limit=10)  # LIKE's wildcards are only characters
    assert (rows, total) == ([], 0)

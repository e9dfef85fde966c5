"""A list asked for one person's rows (the login mode's scope), on both stores: the owner's
own, their unit's shared ones, the ones sent to them, and nothing else."""

from __future__ import annotations

from app.core.access import Scope
from app.core.models.assessment import Assessment, Decision, Ownership, QuestionnaireRef
from app.core.models.lifecycle import Review
from app.store import open_store


def _stored(title: str, owner: str = "", unit: str = "", shared: bool = False,
            reviewer: str = "") -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
                   decision=Decision(title=title),
                   ownership=Ownership(sub=owner, unit=unit, shared=shared),
                   review=Review(reviewer_sub=reviewer))
    return open_store().create(a, "seed").id or ""


def test_the_store_gives_one_persons_rows_only(store_kind: str) -> None:
    own = _stored("Annas egen", owner="anna", unit="Soc")
    shared = _stored("Bos delade", owner="bo", unit="Soc", shared=True)
    _stored("Bos egen", owner="bo", unit="Soc")
    _stored("Skolans delade", owner="carl", unit="Skola", shared=True)
    sent = _stored("Till Greta", owner="bo", unit="Soc", reviewer="greta")
    _stored("Ingens")
    store = open_store()
    titles = lambda rows: sorted(r.title for r in rows)  # noqa: E731
    anna = Scope(owner="anna", unit="Soc")
    assert titles(store.list(scope=anna)) == ["Annas egen", "Bos delade"]
    assert titles(store.list(scope=Scope(reviewer="greta"))) == ["Till Greta"]
    assert store.list(scope=Scope()) == []
    assert len(store.list()) == 6  # no scope: every row, as in the local mode
    rows, total = store.page(scope=anna, limit=1)
    assert total == 2 and len(rows) == 1
    assert titles(store.list("bos", scope=anna)) == ["Bos delade"]
    row = next(r for r in store.list(scope=anna) if r.id == shared)
    assert (row.owner, row.unit, row.shared, row.reviewer) == ("bo", "Soc", True, "")
    assert next(r for r in store.list() if r.id == sent).reviewer == "greta"
    assert own in {r.id for r in store.list(scope=anna)}

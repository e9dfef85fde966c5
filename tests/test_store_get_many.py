"""get_many returns every asked assessment in the order asked, however many: the database
asks in parts (a statement takes at most 65,535 parameters; the overview's first build asks
for every stored assessment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import NotFound, open_store


def test_many_ids_come_back_in_the_order_asked(tmp_path: Path, store_kind: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if store_kind == "postgresql":
        from app.store.postgres import store as pg

        monkeypatch.setattr(pg, "GET_MANY_PART", 3)  # seven ids: three statements
    store = open_store(tmp_path)
    made = [store.create(Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
        decision=Decision(title=f"Ärende {i}"))).id or "" for i in range(7)]
    asked = list(reversed(made))
    assert [a.decision.title for a in store.get_many(asked)] == [
        f"Ärende {i}" for i in reversed(range(7))]
    with pytest.raises(NotFound):
        store.get_many([*made, "0000dead"])

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
        from app.store.postgres import reading as pg

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


def test_the_revision_map_follows_saves_the_trash_and_the_scope(tmp_path: Path,
                                                               store_kind: str) -> None:
    """What the council's overview reads to know what changed: every assessment not in the
    trash with its current revision, and within a scope only that person's."""
    from app.core.access import Scope
    from app.core.models.assessment import Answer, Ownership

    store = open_store(tmp_path)
    ref = QuestionnaireRef(id="bka-standard", version="1.0.0")
    mine = store.create(Assessment(questionnaire=ref, decision=Decision(title="Min"),
                                   ownership=Ownership(sub="anna", unit="U")))
    other = store.create(Assessment(questionnaire=ref, decision=Decision(title="Annan")))
    gone = store.create(Assessment(questionnaire=ref, decision=Decision(title="Borta")))
    store.set_answer(mine.id or "", "knowledge_gaps", Answer(value="Ett svar"), "Anna")
    store.delete(gone.id or "", "Anna")
    assert store.revision_map() == {mine.id: mine.revision + 1, other.id: other.revision}
    assert store.revision_map(scope=Scope(owner="anna")) == {mine.id: mine.revision + 1}
    assert store.revision_map() == {s.id: s.revision for s in store.list()}

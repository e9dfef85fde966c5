""""Om beslutet" is written field by field over what is stored: a change another tab or
official made meanwhile is kept, and a field both changed is shown with both values for the
person to choose. Once per store: the local folder and PostgreSQL (two sessions on one
database are what two app servers are)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import open_page
from ui_helpers import button, no_exception, start, texts

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.services import decision_form
from app.store import FieldsConflict, open_store

TITLE = "Ny skolskjutsplan"


def _seed() -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                   decision=Decision(title=TITLE, case_number="BUN 2026/1"))
    return open_store().create(a, editor="t").id or ""


def _tab(monkeypatch: pytest.MonkeyPatch, aid: str) -> Any:
    import os
    from pathlib import Path

    at = start(monkeypatch, Path(os.environ["BKA_DATA_DIR"]), open_assessment=aid,
               step="_decision")
    return no_exception(open_page(at, "assess").run())


def _field(at: Any, aid: str, name: str) -> Any:
    return at.text_input(key=f"dec:{aid}:{name}")


def _save(at: Any) -> Any:
    return no_exception(button(at, "Spara").click().run())


def test_another_tabs_change_to_another_field_is_kept(
        monkeypatch: pytest.MonkeyPatch, store_kind: str) -> None:
    aid = _seed()
    first, second = _tab(monkeypatch, aid), _tab(monkeypatch, aid)
    _field(first, aid, "case_number").input("BUN 2026/77")
    first.checkbox(key=f"dec:{aid}:personal_data").check()
    first = _save(first)
    _field(second, aid, "committee").input("Barn- och utbildningsnämnden")
    second = _save(second)
    stored = open_store().get(aid)
    assert stored.decision.case_number == "BUN 2026/77"  # the first tab's change stayed
    assert stored.personal_data is True
    assert stored.decision.committee == "Barn- och utbildningsnämnden"
    assert "Någon annan ändrade" not in texts(second)
    # The second tab now shows what is stored, the first tab's case number included.
    assert _field(second, aid, "case_number").value == "BUN 2026/77"


def test_a_field_both_changed_is_shown_with_both_values_and_the_person_chooses(
        monkeypatch: pytest.MonkeyPatch, store_kind: str) -> None:
    aid = _seed()
    first, second = _tab(monkeypatch, aid), _tab(monkeypatch, aid)
    _field(first, aid, "title").input("Skolskjuts för hela kommunen")
    first = _save(first)
    _field(second, aid, "title").input("Skolskjuts, norra delen")
    _field(second, aid, "official").input("Mira Handläggare")
    second = _save(second)
    stored = open_store().get(aid)
    assert stored.decision.title == "Skolskjuts för hela kommunen"  # nothing written
    assert stored.decision.official == ""
    shown = texts(second)
    assert "Någon annan ändrade samma uppgifter" in shown and "Ärendets titel" in shown
    assert "Skolskjuts för hela kommunen" in shown and "Skolskjuts, norra delen" in shown
    second = no_exception(button(second, "Behåll det sparade").click().run())
    stored = open_store().get(aid)
    assert stored.decision.title == "Skolskjuts för hela kommunen"
    assert stored.decision.official == "Mira Handläggare"  # the other change went in
    assert "Någon annan ändrade" not in texts(second)
    assert _field(second, aid, "title").value == "Skolskjuts för hela kommunen"


def test_keeping_mine_writes_my_value_over_the_stored_one(
        monkeypatch: pytest.MonkeyPatch, store_kind: str) -> None:
    aid = _seed()
    first, second = _tab(monkeypatch, aid), _tab(monkeypatch, aid)
    first.date_input(key=f"dec:{aid}:decision_date").set_value(dt.date(2026, 3, 1))
    first = _save(first)
    second.date_input(key=f"dec:{aid}:decision_date").set_value(dt.date(2026, 4, 1))
    second = _save(second)
    assert "2026-03-01" in texts(second) and "2026-04-01" in texts(second)
    second = no_exception(button(second, "Spara mina ändringar").click().run())
    assert open_store().get(aid).decision.decision_date == dt.date(2026, 4, 1)
    assert open_store().get(aid).decision.title == TITLE


def test_the_service_refuses_a_stale_whole_record_write(store_kind: str) -> None:
    aid = _seed()
    store = open_store()
    shown = decision_form.form_fields(store.get(aid))
    store.set_decision(aid, store.get(aid).decision.model_copy(update={"title": "Annan"}))
    mine = {**shown, "title": "Min titel"}
    with pytest.raises(FieldsConflict) as raised:
        decision_form.save(store, aid, shown, mine)
    assert raised.value.fields == ("title",)
    assert raised.value.theirs == {"title": "Annan"}
    # Untouched fields are never written back from the stale copy.
    decision_form.save(store, aid, shown, {**shown, "personal_data": True})
    after = store.get(aid)
    assert after.decision.title == "Annan" and after.personal_data is True

"""Two devices edit the same answer: the second sees both, in words and labelled, at once,
and chooses or merges; nothing is overwritten without the user seeing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import button, no_exception, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store


def _seed(data: Path) -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                   decision=Decision(title="Skolskjuts"),
                   answers={"affects_children": Answer(value="direct")})
    return open_store(data).create(a, editor="t").id or ""


def _device(monkeypatch: pytest.MonkeyPatch, data: Path, aid: str):  # type: ignore[no-untyped-def]
    at = start(monkeypatch, data, open_assessment=aid, step="screening")
    return no_exception(open_page(at, "assess").run())


def test_a_long_answer_from_one_device_is_not_replaced_by_the_other(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    first, second = _device(monkeypatch, tmp_path, aid), _device(monkeypatch, tmp_path, aid)
    long = "Eleverna i F-3 får längre skolväg och byter fritidshem från höstterminen."
    first.text_area(key=f"q:{aid}:how_concerned:").input(long).run()
    second = no_exception(
        second.text_area(key=f"q:{aid}:how_concerned:").input("Längre skolväg.").run())
    assert open_store(tmp_path).get(aid).answers["how_concerned"].value == long
    shown = texts(second)
    assert "hade redan fått ett annat svar" in shown  # in the same run as the save, not later
    assert long in shown and "Längre skolväg." in shown
    assert "Sparat svar" in shown and "Ditt svar" in shown
    merged = second.text_area(key=f"merge:{aid}:how_concerned")
    assert merged.value == f"{long}\n\nLängre skolväg."
    merged.input(f"{long} Längre skolväg för de yngsta.")
    second = no_exception(button(second, "Spara den sammanfogade texten").click().run())
    stored = open_store(tmp_path).get(aid).answers["how_concerned"].value
    assert stored == f"{long} Längre skolväg för de yngsta."
    assert "hade redan fått ett annat svar" not in texts(second)


def test_a_conflict_on_a_choice_shows_labels_not_codes_right_away(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    first, second = _device(monkeypatch, tmp_path, aid), _device(monkeypatch, tmp_path, aid)
    first.radio(key=f"q:{aid}:affects_children:").set_value("indirect").run()
    second = no_exception(second.radio(key=f"q:{aid}:affects_children:").set_value("none").run())
    conflict = "\n".join(str(x.value) for x in second.text)
    assert "Ja, indirekt" in conflict and "Nej, inte alls" in conflict
    assert "indirect" not in conflict.split() and "none" not in conflict.split()
    second = no_exception(button(second, "Spara mitt svar").click().run())
    assert open_store(tmp_path).get(aid).answers["affects_children"].value == "none"


def test_a_tabs_own_earlier_save_found_in_between_is_not_a_conflict(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A pause in typing sends the text; the next keystrokes' run can cut that run short after
    it wrote the text and before it noted it as seen. The next save finds the tab's own text
    in the store: that is no one else's change, and the whole text is saved."""
    aid = _seed(tmp_path)
    tab = _device(monkeypatch, tmp_path, aid)
    tab = no_exception(tab.text_area(key=f"q:{aid}:how_concerned:").input("Barn").run())
    tab.session_state["seen"] = {aid: {}}  # what a run cut short leaves: the save not noted
    whole = "Barn utan bil når inte fritidsgården."
    tab = no_exception(tab.text_area(key=f"q:{aid}:how_concerned:").input(whole).run())
    assert open_store(tmp_path).get(aid).answers["how_concerned"].value == whole
    assert "hade redan fått ett annat svar" not in texts(tab)

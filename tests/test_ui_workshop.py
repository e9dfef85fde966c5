"""Workshop mode in AppTest: a trainer sets up, groups join with codes, the trainer compares."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import button, by_label, no_exception, start, tables, texts

from app.core.models.assessment import Answer
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore


def trainer_creates(monkeypatch: pytest.MonkeyPatch, data: Path, names: list[str]) -> AppTest:
    at = start(monkeypatch, data)
    at = no_exception(open_page(at, "workshop").run())
    by_label(at.selectbox, "Fall ur biblioteket").set_value("lekplats-lindparken")
    by_label(at.number_input, "Antal grupper").set_value(len(names))
    at = no_exception(at.run())
    for i, name in enumerate(names, 1):
        by_label(at.text_input, f"Grupp {i}").input(name)
    button(at, "Skapa workshoppen").click()
    return no_exception(at.run())


def group_joins(monkeypatch: pytest.MonkeyPatch, data: Path, code: str) -> AppTest:
    at = start(monkeypatch, data)
    at = no_exception(open_page(at, "join").run())
    by_label(at.text_input, "Gruppens kod").input(code)
    button(at, "Gå med").click()
    return no_exception(at.run())


def test_trainer_creates_groups_join_and_trainer_compares(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    trainer = trainer_creates(monkeypatch, tmp_path, ["Röda gruppen", "Blå gruppen"])
    shown = texts(trainer)
    assert "Bostäder i Lindparken" in shown and "Röda gruppen" in shown
    workshop = WorkshopStore(open_store(tmp_path), tmp_path).all()[0]
    red, blue = workshop.groups
    assert f"{red.code[:3]} {red.code[3:]}" in shown  # the code, large, for the projector

    group = group_joins(monkeypatch, tmp_path, red.code.lower())
    assert "Röda gruppen" in texts(group) and "Bakgrund" in [t.label for t in group.tabs]
    assert group.session_state["open_assessment"] == red.assessment_id
    group = no_exception(open_page(group, "assess").run())
    radio = by_label(group.sidebar.radio, "Avsnitt")
    radio.set_value(next(o for o in radio.options if "Berör ärendet barn" in o))
    group = no_exception(group.run())
    by_label(group.radio, "Berör ärendet barn?").set_value("direct")
    group = no_exception(group.run())
    store = open_store(tmp_path)
    assert store.get(red.assessment_id).answers["affects_children"].value == "direct"
    store.set_answer(blue.assessment_id, "affects_children", Answer(value="indirect"))

    trainer.session_state["ws_tab"] = "Jämförelse"  # the trainer opens the comparison tab
    trainer = no_exception(trainer.run())
    shown = texts(trainer)
    assert "Börja samtalet här" in shown
    assert "Berör ärendet barn?" in shown.replace("\\", "")
    assert any("Oenighet 100\u00a0%" in str(bar.proto) for bar in trainer.get("progress"))
    assert [m.label for m in trainer.metric][:2] == ["Bristfällig analys"] * 2
    # the case's key points and common mistakes, group by group
    assert "Nyckelpunkter och vanliga misstag" in shown
    shown_tables = " ".join(t.to_string() for t in tables(trainer))
    assert "Artikel 31 (lek och fritid) försvagas" in shown_tables
    assert "Röda gruppen" in shown_tables
    assert "Nyckelpunkter: **0 av 4**" in shown.replace("\\", "")
    # Nothing of the workshop shows in the official's overview.
    overview = no_exception(open_page(trainer, "overview").run())
    assert "Lindparken" not in texts(overview)


def test_same_group_name_twice_gets_a_plain_message(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    at = trainer_creates(monkeypatch, tmp_path, ["Grupp A", "grupp a "])
    assert [e.value for e in at.error] == [
        "Två grupper kan inte heta likadant: Grupp A. Ge varje grupp ett eget namn."]
    assert WorkshopStore(open_store(tmp_path), tmp_path).all() == []


def test_wrong_and_expired_codes_get_plain_messages(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    ws = WorkshopStore(open_store(tmp_path), tmp_path)
    w = ws.create(next(c for c in cases() if c.id == "lekplats-lindparken"), ["Ett"], catalog())
    at = group_joins(monkeypatch, tmp_path, "QQQQQQ")
    assert "Det finns ingen grupp med koden QQQQQQ" in at.error[0].value
    ws.close(w.id)
    at = group_joins(monkeypatch, tmp_path, w.groups[0].code)
    assert "fungerar inte längre: workshoppen är avslutad" in at.error[0].value


def test_a_joined_group_sees_only_its_own_pages_and_is_let_go_on_close(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ws = WorkshopStore(open_store(tmp_path), tmp_path)
    w = ws.create(next(c for c in cases() if c.id == "lekplats-lindparken"), ["Ett", "Två"],
                  catalog())
    # The address names another group's assessment: the session still opens its own.
    monkeypatch.setenv("BKA_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(str(Path(__file__).parents[1] / "app/ui/main.py"),
                           default_timeout=30)
    at.query_params["id"] = w.groups[1].assessment_id
    at.query_params["kod"] = w.groups[0].code  # a reload: the code rides in the address
    at = no_exception(at.run())
    assert at.session_state["open_assessment"] == w.groups[0].assessment_id
    for page in ("overview", "workshop", "articles", "data"):
        with pytest.raises(ValueError, match=r"Known pages: \[.*'join', .*'assess', "
                                                 r".*'results'\]"):
            open_page(at, page)
    at = no_exception(open_page(at, "assess").run())
    ws.close(w.id)
    at = no_exception(at.run())  # the group's next click, on its assessment page
    assert "Workshoppen med koden" in texts(at) and "är avslutad" in texts(at)
    assert at.session_state["open_assessment"] is None


def test_a_closed_workshop_takes_no_more_answers(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    ws = WorkshopStore(open_store(tmp_path), tmp_path)
    w = ws.create(next(c for c in cases() if c.id == "lekplats-lindparken"), ["Ett"], catalog())
    group = w.groups[0]
    at = group_joins(monkeypatch, tmp_path, group.code)
    at.session_state["step"] = "screening"
    at = no_exception(open_page(at, "assess").run())
    ws.close(w.id)  # the trainer closes while the group's page is still open
    at.radio(key=f"q:{group.assessment_id}:affects_children:").set_value("direct")
    at = no_exception(at.run())
    assert "affects_children" not in open_store(tmp_path).get(group.assessment_id).answers


def test_the_trainer_can_hide_the_scores_from_the_groups(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    trainer_creates(monkeypatch, tmp_path, ["Gröna gruppen"])
    ws = WorkshopStore(open_store(tmp_path), tmp_path)
    workshop = ws.all()[0]
    (green,) = workshop.groups
    open_store(tmp_path).set_answer(green.assessment_id, "affects_children",
                                    Answer(value="direct"))
    group = group_joins(monkeypatch, tmp_path, green.code)
    group = no_exception(open_page(group, "results").run())
    assert "Processkvalitet" in [m.label for m in group.metric]
    ws.set_hide_scores(workshop.id, True)
    group = no_exception(group.run())
    said = texts(group)
    assert "Utbildaren har dolt nivå och poäng för grupperna" in said
    assert not group.metric and "/100" not in said
    # the findings still teach
    assert "Analysen tar inte ställning till om förslaget" in " ".join(e.value for e in group.error)

"""A team's path through the Möte page, driven with Streamlit's AppTest."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import button, by_label, no_exception, start, texts

from app.core.models.meeting import Action, Meeting
from app.store.meetings import MeetingStore

PAGE = "meeting"


def on_page(monkeypatch: pytest.MonkeyPatch, data: Path, **state: object) -> AppTest:
    at = start(monkeypatch, data, **state)
    return no_exception(open_page(at, PAGE).run())


def plain(at: AppTest) -> str:
    return texts(at).replace("\\", "")  # md() escapes punctuation in user text


def test_a_new_team_walks_through_its_first_meeting(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = on_page(monkeypatch, tmp_path)
    assert "Möte: en artikel i taget" in texts(at)
    by_label(at.text_input, "Nytt team").input("Fritidsgården Norr")
    button(at, "Börja med det här teamet").click()
    at = no_exception(at.run())
    # a new team is offered the first general principle, article 2
    assert "Förslag till dagens artikel" in texts(at)
    button(at, "Starta mötet med artikel 2").click()
    at = no_exception(at.run())
    [meeting] = MeetingStore(tmp_path).all()
    # a second laptop starting the same article today joins this meeting
    again = on_page(monkeypatch, tmp_path, **{"mt:team": "fritidsgården norr"})
    by_label(again.selectbox, "Eller välj en annan artikel").set_value(2)
    button(again, "Starta mötet med den valda artikeln").click()
    again = no_exception(again.run())
    assert len(MeetingStore(tmp_path).all()) == 1 and "Artikel 2" in texts(again)
    assert (meeting.team, meeting.article, meeting.date) == ("Fritidsgården Norr", 2,
                                                              dt.date.today())
    assert "Artikel 2: Lika rättigheter för alla barn" in texts(at)
    assert "Vilka grupper av barn använder våra tjänster minst" in plain(at)

    by_label(at.text_area, "Anteckningar till fråga 1").input("Barn med <b>skyddad</b> "
                                                               "adress når vi sämst.")
    at = no_exception(at.run())
    assert MeetingStore(tmp_path).get(meeting.id).prompt_notes == {
        0: "Barn med <b>skyddad</b> adress når vi sämst."}

    by_label(at.text_input, "Vad ska göras").input("Fråga skolkuratorn hur vi når dem")
    by_label(at.text_input, "Vem").input("Åsa")
    button(at, "Lägg till åtgärd").click()
    at = no_exception(at.run())
    [action] = MeetingStore(tmp_path).get(meeting.id).actions
    assert (action.what, action.who, action.status) == ("Fråga skolkuratorn hur vi når dem",
                                                       "Åsa", "open")

    at.segmented_control[0].set_value("history")
    at = no_exception(at.run())
    assert "1 av 54" in [m.value for m in at.metric]
    assert "Fråga skolkuratorn hur vi når dem" in [str(c.label).replace("\\", "")
                                                  for c in at.checkbox]
    grid = next(h.proto.body for h in at.get("html") if "mt-grid" in h.proto.body)
    assert re.search(r'class="mt-cell mt-done"[^>]*>2★ ✓</div>', grid)
    assert re.search(r'class="mt-cell"[^>]*>3★</div>', grid) and grid.count("mt-done\"") == 1


def test_a_team_that_covered_the_principles_gets_article_4_and_sees_overdue_actions(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    past = dt.date.today() - dt.timedelta(days=40)
    for number in (2, 3, 6, 12):
        store.create(Meeting(date=past, team="Elevhälsan", article=number, status="final"))
    late = store.create(Meeting(date=past, team="Elevhälsan", article=12, actions=[
        Action(what="Skriv rutin för samtal", who="Kim", due=past + dt.timedelta(days=7))]))
    at = on_page(monkeypatch, tmp_path, **{"mt:team": "elevhälsan"})
    assert "Starta mötet med artikel 4" in [b.label for b in at.button]
    assert "Allmänna genomförandeåtgärder" in texts(at)
    at.segmented_control[0].set_value("history")
    at = no_exception(at.run())
    assert "4 av 54" in [m.value for m in at.metric] and "Försenad" in texts(at)
    by_label(at.checkbox, "Skriv rutin").check()
    at = no_exception(at.run())
    assert store.get(late.id).actions[0].status == "done"
    assert "Inga öppna åtgärder." in texts(at)


def test_someone_elses_change_to_the_same_note_is_kept_and_mine_shown(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    m = store.create(Meeting(date=dt.date.today(), team="Biblioteket", article=31))
    at = on_page(monkeypatch, tmp_path, **{"mt:team": "Biblioteket", "mt:open": m.id})
    store.set_part(m.id, ("decisions",), "Vi ordnar läshörna", expected="")  # another laptop
    by_label(at.text_area, "Beslut").input("Vi köper spel")
    at = no_exception(at.run())
    assert store.get(m.id).decisions == "Vi ordnar läshörna"
    assert any("Vi köper spel" in str(c.value) for c in at.code)
    assert by_label(at.text_area, "Beslut").value == "Vi ordnar läshörna"


def test_details_save_and_another_laptops_change_shows_when_untouched(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    m = store.create(Meeting(date=dt.date(2026, 2, 3), team="Kulturskolan", article=31))
    at = on_page(monkeypatch, tmp_path, **{"mt:team": "Kulturskolan", "mt:open": m.id})
    by_label(at.text_input, "Deltagare").input("Lina Åkesson,  Omar ,")
    at = no_exception(at.run())
    by_label(at.date_input, "Datum").set_value(dt.date(2026, 2, 4))
    at = no_exception(at.run())
    stored = store.get(m.id)
    assert stored.participants == ["Lina Åkesson", "Omar"] and stored.date == dt.date(2026, 2, 4)
    assert "Senast sparat" in texts(at)
    store.set_part(m.id, ("notes",), "Skrivet på en annan dator", expected="")
    at = no_exception(at.run())
    assert by_label(at.text_area, "Övriga anteckningar").value == "Skrivet på en annan dator"


def test_english_page_and_a_removed_meeting(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    m = store.create(Meeting(date=dt.date(2026, 2, 3), team="Youth centre", article=31))
    at = on_page(monkeypatch, tmp_path, lang="en", **{"mt:team": "Youth centre",
                                                      "mt:open": m.id})
    assert "Article 31: Rest, leisure, play and culture" in texts(at)
    store.delete(m.id)
    at = no_exception(at.run())
    assert "The meeting no longer exists" in texts(at)
    assert "Start the meeting with article 2" in [b.label for b in at.button]

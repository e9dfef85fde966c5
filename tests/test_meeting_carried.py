"""Meetings carry their actions: a new meeting and its minutes show what earlier meetings left
open, overdue first; a period's meetings go out as PDF and CSV for the annual report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from helpers import open_page
from test_report_support import pdf_text
from ui_helpers import no_exception, start, texts

from app.core.meeting_period import in_period, period_csv
from app.core.meetings import carried_actions
from app.core.models.meeting import Action, Meeting
from app.report.meeting_period import render_period
from app.report.minutes import render_minutes
from app.services.shipped import catalog
from app.store.meetings import MeetingStore

TEAM = "Fritidsgården Norr"
MARCH, APRIL, MAY = dt.date(2026, 3, 10), dt.date(2026, 4, 14), dt.date(2026, 5, 12)


def team_year(folder: Path | None = None) -> list[Meeting]:
    """March left two actions open (one due before May, one after) and one done; April left
    one with no day; a June meeting comes after May; another team's action is not ours."""
    made = [
        Meeting(date=MARCH, team=TEAM, article=2, decisions="Vi kartlägger vilka som inte kommer.",
                actions=[Action(what="Fråga skolkuratorn", who="Åsa", due=dt.date(2026, 6, 1)),
                         Action(what="Räkna besökare per ålder", who="Bo",
                                due=dt.date(2026, 4, 1)),
                         Action(what="Boka lokal", status="done")]),
        Meeting(date=APRIL, team=TEAM, article=12, actions=[Action(what="Starta ett barnråd")]),
        Meeting(date=dt.date(2026, 6, 9), team=TEAM, article=31,
                actions=[Action(what="Något från juni", due=dt.date(2026, 5, 1))]),
        Meeting(date=MARCH, team="Biblioteket", article=17,
                actions=[Action(what="Inte vårt", due=dt.date(2026, 3, 20))]),
        Meeting(date=MAY, team=TEAM, article=3),
    ]
    if folder is None:
        return [m.model_copy(update={"id": f"m{i}"}) for i, m in enumerate(made)]
    store = MeetingStore(folder)
    return [store.create(m) for m in made]


def test_a_meeting_carries_earlier_open_actions_overdue_first() -> None:
    meetings = team_year()
    may = meetings[-1]
    carried = carried_actions(meetings, may)
    assert [c.action.what for c in carried] == [
        "Räkna besökare per ålder",  # due 1 April: overdue on 12 May, first
        "Fråga skolkuratorn",  # due in June
        "Starta ett barnråd"]  # no day
    assert [c.overdue for c in carried] == [True, False, False]


def test_the_minutes_print_what_they_carry(tmp_path: Path) -> None:
    meetings = team_year()
    may = meetings[-1]
    text = " ".join(pdf_text(render_minutes(may, catalog().library, lang="sv",
                                            carried=carried_actions(meetings, may))).split())
    assert "Öppna åtgärder från tidigare möten" in text
    assert text.index("Räkna besökare per ålder") < text.index("Fråga skolkuratorn")
    assert "2026-04-01 · försenad" in text and "2026-03-10, artikel 2" in text
    assert "Inte vårt" not in text and "Något från juni" not in text


def test_a_new_meeting_on_screen_shows_the_earlier_actions(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    may = team_year(tmp_path)[-1]
    at = start(monkeypatch, tmp_path, **{"mt:team": TEAM.casefold(), "mt:open": may.id})
    at = no_exception(open_page(at, "meeting").run())
    shown = texts(at)
    assert "Öppna åtgärder från tidigare möten" in shown
    labels = [c.label for c in at.checkbox]
    assert labels.index("Räkna besökare per ålder") < labels.index("Fråga skolkuratorn")
    assert "Försenad" in shown


def test_a_period_goes_out_as_csv_and_pdf() -> None:
    meetings = team_year()
    spring = in_period(meetings, TEAM, MARCH, APRIL)
    assert [m.date for m in spring] == [MARCH, APRIL]
    rows = list(csv.reader(io.StringIO(period_csv(spring, catalog().library, "sv").lstrip(
        "\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["Datum", "Artikel"]
    second = [rows[2][i] for i in (0, 1, 6, 7, 8, 9)]
    assert second == ["2026-03-10", "2", "Räkna besökare per ålder", "Bo", "2026-04-01", "öppen"]
    assert len(rows) == 1 + 3 + 1  # March's three actions, April's one
    text = " ".join(pdf_text(render_period(TEAM, spring, catalog().library, "sv", MARCH,
                                           APRIL)).split())
    assert "2 möten om 2 artiklar; 4 åtgärder, varav 1 klar." in text
    assert "Vi kartlägger vilka som inte kommer." in text and "Starta ett barnråd" in text

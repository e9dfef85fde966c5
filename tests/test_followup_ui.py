"""The follow-up in the app: Följ upp on a decided case, before beside after, completion marks
the original uppföljd; and the start page's reminders, shown to the person responsible only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from test_followup import answered, decided
from ui_helpers import button, no_exception, start, texts

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.services.paths import ROOT
from app.store import open_store

OFFICIAL = "Karin Lund"
REVIEWER = "Per Berg"


def read(at: AppTest) -> str:
    """The page's text as a reader sees it: without Markdown escapes and bidi isolates."""
    text = texts(at).replace("\\", "")
    return "".join(c for c in text if c not in "\u2060\u2068\u2069")


def click(at: AppTest, label: str) -> AppTest:
    return no_exception(button(at, label).click().run())


def test_follow_up_from_results_to_followed_up(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    store = open_store(tmp_path)
    original = store.create(decided(), editor=OFFICIAL)
    aid = original.id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    assert "Uppföljningen är planerad till 2028-02-15" in texts(at)
    at.text_input(key=f"life_name:{aid}").set_value(OFFICIAL)
    at = click(at, "Följ upp")
    stored = open_store(tmp_path).get(aid)
    assert len(stored.follow_ups) == 1
    fid = stored.follow_ups[0]
    follow_up = open_store(tmp_path).get(fid)
    assert follow_up.follow_up_of == aid and follow_up.questionnaire.id == "bka-followup"
    # The follow-up opens on the questionnaire page, in the follow-up questionnaire
    assert "Uppföljning av barnkonsekvensanalys · Utkast" in texts(at)

    # Answered (as the questionnaire page would store it), then compared on Resultat
    open_store(tmp_path).update(fid, answered, editor=OFFICIAL)
    at = no_exception(open_page(at, "results").run())
    page = texts(at)
    assert "Före och efter" in page and "Uppföljning av Nedläggning av Lövåkers skola" in page
    # It leads with its own position, not with the best-interests question of an assessment
    assert "Bör beslutet omprövas eller justeras med hänsyn till barnens bästa? " \
        "Ja, det behöver justeras" in read(at)
    assert "Är förslaget förenligt med barnets bästa?" not in read(at)
    table = next(d.value for d in at.table if "Förändring" in d.value.columns)
    change = dict(zip(table["Artikel"], table["Förändring"], strict=True))
    assert change["31 Vila, fritid, lek och kultur"] == "Sämre än väntat"
    assert table.iloc[-1, 2] == (  # the outcome, its signs escaped for st.table
        "\\-2 Tydligt försvagad / \\-2 Tydligt försvagad")
    assert change["28 Rätt till utbildning"] == "Bättre än väntat"
    assert any(b.label == "Ladda ner jämförelsen som PDF" for b in at.get("download_button"))
    assert open_store(tmp_path).get(aid).status == "decided"

    at = click(at, "Markera som klar")
    assert open_store(tmp_path).get(fid).status == "complete"
    again = open_store(tmp_path).get(aid)
    assert again.status == "followed_up" and again.lifecycle[-1].action == "follow_up"

    # The original now lists its follow-up and offers no second one while... it is complete
    at = no_exception(open_page(at, "results").run())
    at = click(at, "Öppna den ursprungliga analysen")
    assert "Uppföljning påbörjad" in texts(at)


def test_follow_up_is_not_offered_before_the_decision(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    aid = open_store(tmp_path).create(a).id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    assert not [b for b in at.button if b.label == "Följ upp"]


def _with_measure(who: str, due: dt.date, title: str) -> Answer:
    return Answer(value=[{"what": f"Åtgärd för {title}", "who": who, "due": due.isoformat(),
                          "status": "ongoing"}])


def test_reminders_reach_the_person_responsible_only(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    store = open_store(tmp_path)
    late = dt.date.today() - dt.timedelta(days=3)
    a = decided()
    a = a.model_copy(update={"answers": {
        **a.answers, "measures": _with_measure(OFFICIAL, late, "Karins skolskjuts"),
        "follow_up_date": Answer(value=late.isoformat())}})
    store.create(a)
    b, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    b = b.model_copy(update={"decision": b.decision.model_copy(update={"title": "Pers ärende",
                                                                      "official": REVIEWER}),
                             "answers": {**b.answers, "measures": _with_measure(
                                 REVIEWER, late, "Pers lekplats")}})
    store.create(b)

    at = start(monkeypatch, tmp_path)
    assert "Dina påminnelser" not in read(at)  # no name typed yet: no one's reminders
    at.text_input(key="rem_name").set_value(OFFICIAL)
    at = no_exception(at.run())
    page = read(at)
    assert "Dina påminnelser" in page
    assert f"Åtgärd försenad sedan {late.isoformat()}: Åtgärd för Karins skolskjuts" in page
    assert f"Uppföljningen skulle ha gjorts {late.isoformat()}" in page
    assert "Pers lekplats" not in page

    at.text_input(key="rem_name").set_value("per  berg")  # as typed, case and spaces aside
    at = no_exception(at.run())
    page = read(at)
    assert "Åtgärd för Pers lekplats" in page and "Karins skolskjuts" not in page

    # The name is kept for the next start (the preferences beside the data)
    at = start(monkeypatch, tmp_path)
    assert "Åtgärd för Pers lekplats" in read(at)

"""Two people, one real browser: a case through every status, its follow-up, and the start
page's reminders for the person responsible only. Names are typed (local mode)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, confirm_review, idle, need_chromium, running_app, until
from save_trials import arrive, to_section
from test_report_support import pdf_text

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.services.paths import ROOT
from app.store import open_store

pytestmark = pytest.mark.browser
OFFICIAL = "Karin Lund"
REVIEWER = "Per Berg"
WAIT = 30_000  # ms: the machine is shared
KEY_DELAY = 45  # ms between keystrokes: a quick typist, not a paste
OUTCOME = "Undervisningen blev bättre än väntat, men fritiden blev sämre för barnen i byarna."
TYPED_AWAY = "Ingen lek efter skolan för dem som åker buss."  # left at once, by Nästa
EFFECT = "Bussvärden minskade oron; kvällsbussen kom aldrig till stånd."
CHILDREN_SAY = "Eleverna i årskurs 3 säger att bussen är lugn men att de saknar skogen."
WHY = "Fritiden för barn i byarna behöver en kvällsbuss två dagar i veckan."
SIGNS = "Restiden är högst 40 minuter; frånvaron är oförändrad enligt elevregistret."


def rating(option: str) -> int:
    """The stored value of a rating option as the page names it ("-1 Något försvagad")."""
    return int(option.split()[0])


def answer_the_follow_up(page: Any, data: Path, fid: str) -> None:
    """The follow-up's questions answered through the page, as an official would: ratings
    picked with the mouse, text typed key by key and left by Tab or a click; one text is
    typed and the section left at once (Nästa without a pause), and must still be stored."""
    from playwright.sync_api import expect

    def answers() -> dict[str, Any]:
        return {qid: a.value for qid, a in open_store(data).get(fid).answers.items()}

    def saved(check: Callable[[dict[str, Any]], bool], what: str) -> None:
        """The input has reached the store and the run that stored it has drawn the page."""
        try:
            until(lambda: check(answers()), f"stored: {what}", WAIT / 1000)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the store holds {answers()}") from None
        idle(page)

    def changed(act: Callable[[], None], what: str) -> None:
        """An input that changes an answer: done, then waited for until the store holds it."""
        before = answers()
        act()
        saved(lambda now: now != before, what)

    def choose(label: str, option: str, check: Callable[[dict[str, Any]], bool]) -> None:
        box = page.get_by_role("combobox", name=label, exact=True)
        choice = page.get_by_role("option", name=option, exact=True)
        for attempt in range(3):  # a list opened during a rerun is closed by it: open again
            idle(page)  # opened on the page drawn last, not on one a run is replacing
            box.click()
            try:
                expect(choice).to_be_visible(timeout=5_000 if attempt < 2 else WAIT)
                break
            except AssertionError:
                page.keyboard.press("Escape")
        choice.click()
        saved(check, f"{label} = {option}")
        expect(box).to_have_value(option)  # drawn again with the choice

    def pick(text: str) -> None:
        changed(lambda: page.get_by_text(text, exact=True).click(), text)

    def write(label: str, text: str, *, leave: str = "Tab") -> None:
        box = page.get_by_role("textbox", name=label)  # named with its number: "1.3 Vad ..."
        idle(page)  # typed into the page its run has finished drawing
        box.click()
        box.press_sequentially(text, delay=KEY_DELAY)
        if leave:
            box.press(leave)
            saved(lambda now: text in json.dumps(now, ensure_ascii=False), text)

    def rate(number: int, title: str, short: str, long: str | None = None) -> None:
        for term, option in (("short", short), ("long", long)):
            if option is None:
                continue
            name = "På kort sikt" if term == "short" else "På lång sikt"
            choose(f"Artikel {number}, {title}: {name}", option,
                   rated(str(number), term, rating(option)))

    def rated(article: str, term: str, value: int) -> Callable[[dict[str, Any]], bool]:
        return lambda now: (now.get("rights_now") or {}).get(article, {}).get(term) == value

    def measure_done(row: int) -> Callable[[dict[str, Any]], bool]:
        return lambda now: bool(now["measures"][row - 1]["status"] == "done")

    to_section(page, "Vad hände jämfört med det väntade?")  # it opens on the case's facts
    rate(2, "Lika rättigheter för alla barn", "-1 Något försvagad")
    write("Artikel 2, Lika rättigheter för alla barn: För vilka barn",
          "Barn utan bil når inte fritidsgården.")
    rate(6, "Liv, överlevnad och utveckling", "+1 Något stärkt", "+1 Något stärkt")
    rate(12, "Barnets rätt att komma till tals", "0 Ingen påverkan", "+1 Något stärkt")
    rate(28, "Rätt till utbildning", "+2 Tydligt stärkt", "+2 Tydligt stärkt")
    rate(31, "Vila, fritid, lek och kultur", "-2 Tydligt försvagad", "-2 Tydligt försvagad")
    pick("Bättre i vissa delar, sämre i andra")
    write("Vad skiljer sig från det som analysen förutsåg, och varför?", OUTCOME)
    # Typed, then away at once: Nästa clicked with no pause, the text still in the field
    write("Artikel 31, Vila, fritid, lek och kultur: För vilka barn", TYPED_AWAY, leave="")
    arrive(page, page.get_by_role("button", name="Nästa"),
           page.get_by_role("heading", name="Det analysen sa att ni skulle följa"))
    write("Vad visar de tecknen nu?", SIGNS)  # the plan's signs, brought back and answered
    pick("Nej")
    to_section(page, "Genomfördes åtgärderna?")

    for row in (1, 2, 3):
        choose(f"Status, åtgärd {row}", "Klar", measure_done(row))
    write("Minskade åtgärderna de negativa följderna? Vad blev inte gjort, och varför?",
          EFFECT)
    to_section(page, "Vad säger barnen nu?")
    pick("Ja, barnen själva")
    write("Vad säger barnen nu?", CHILDREN_SAY)
    to_section(page, "Bör beslutet omprövas?")
    pick("Ja, det behöver justeras")
    write("Motivera, och säg vad som föreslås", WHY)

    # What the page stored is what was typed and picked
    stored = open_store(data).get(fid)
    rights = stored.answers["rights_now"].value
    assert (rights["31"]["short"], rights["31"]["long"]) == (-2, -2)
    assert rights["31"]["children"] == TYPED_AWAY
    assert (rights["2"]["short"], rights["2"]["children"]) == (
        -1, "Barn utan bil når inte fritidsgården.")
    # The three marked done; the fourth, untouched, keeps the state the original gave it
    original = open_store(data).get(stored.follow_up_of or "")
    assert [m["status"] for m in stored.answers["measures"].value][:4] == [
        "done", "done", "done", original.answers["measures"].value[3]["status"]]
    assert stored.answers["children_say"].value == CHILDREN_SAY
    assert stored.answers["reconsider"].value == "adjust"
    assert stored.answers["indicators_now"].value == SIGNS
    assert stored.answers["triggers_met"].value == "no"
    assert stored.answers["planned_triggers"].value  # the original's triggers, carried over


def seeded(data: Path) -> str:
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    late = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    measures = [*a.answers["measures"].value,
                {"what": "Ny belysning vid busshållplatsen", "who": OFFICIAL, "due": late,
                 "status": "ongoing"}]
    a = a.model_copy(update={"answers": {**a.answers, "measures": Answer(value=measures)}})
    return open_store(data).create(a, editor="test").id or ""


def test_case_through_every_status_and_its_follow_up(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import Page, expect, sync_playwright

    data = tmp_path / "data"
    aid = seeded(data)

    def typed_name() -> str:
        prefs = data / "preferences.json"  # where the local mode keeps the name typed last
        return str(json.loads(prefs.read_text(encoding="utf-8")).get("name")
                   if prefs.exists() else "")

    def as_person(page: Page, name: str) -> None:
        field = page.get_by_role("textbox", name="Ditt namn", exact=True)
        field.fill(name)
        field.press("Enter")
        until(lambda: typed_name() == name, f"the name {name} kept", WAIT / 1000)
        idle(page)

    def click(page: Page, name: str) -> None:
        button = page.get_by_role("button", name=name, exact=True)
        expect(button).to_have_count(1)  # a rerun's page, not the one it replaces
        button.click()

    def status() -> str:
        return open_store(data).get(aid).status

    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.set_default_timeout(WAIT)
        page.goto(f"{base}/resultat?id={aid}")
        expect(page.get_by_role("heading", name="Granskning och beslut")).to_be_visible()

        # utkast/färdigställd -> för granskning, by the official to a named reviewer
        as_person(page, OFFICIAL)
        reviewer = page.get_by_label("Granskare (namn)")
        reviewer.fill(REVIEWER)
        reviewer.press("Enter")
        click(page, "Skicka för granskning")
        expect(page.get_by_text("För granskning hos Per Berg")).to_be_visible()
        assert status() == "in_review"

        # The reviewer comments; an open comment blocks approval
        as_person(page, REVIEWER)
        text = page.get_by_label("Kommentar", exact=True)
        text.fill("Vilken prognos bygger elevtalen på?")
        text.press("Control+Enter")
        click(page, "Lägg till kommentar")
        expect(page.get_by_test_id("stText").get_by_text(
            "Vilken prognos bygger elevtalen på?")).to_be_visible()
        click(page, "Godkänn")
        expect(page.get_by_text("kommentar är inte löst")).to_be_visible()  # one open comment

        # The official resolves it; the reviewer approves: frozen
        as_person(page, OFFICIAL)
        click(page, "Markera som löst")
        expect(page.get_by_text("löst av Karin Lund")).to_be_visible()
        as_person(page, REVIEWER)
        click(page, "Godkänn")  # the questions no check can judge are not confirmed yet
        expect(page.get_by_text("Bekräfta varje fråga i granskarens lista")).to_be_visible()
        assert confirm_review(page) >= 1
        click(page, "Godkänn")
        expect(page.get_by_text("Godkänd och låst")).to_be_visible()
        assert status() == "approved"

        # The committee's decision
        as_person(page, OFFICIAL)
        paragraph = page.get_by_label("Paragraf (§)")
        paragraph.fill("§ 112")
        paragraph.press("Enter")
        click(page, "Registrera beslutet")
        expect(page.get_by_text("Beslutet är registrerat.")).to_be_visible()
        assert status() == "decided"

        # Följ upp -> a follow-up linked to the original, opened on the questionnaire page
        click(page, "Följ upp")
        expect(page.get_by_text("Uppföljning av barnkonsekvensanalys · Utkast")).to_be_visible()
        original = open_store(data).get(aid)
        fid = original.follow_ups[0]
        answer_the_follow_up(page, data, fid)

        # Before beside after, as the results page shows it and as the PDF prints it
        arrive(page, page.get_by_role("link", name="Resultat"),
               page.get_by_role("heading", name="Före och efter"))
        table = page.get_by_role("table").filter(has_text="Förändring")
        row = table.get_by_role("row").filter(has_text="31 Vila, fritid, lek och kultur")
        for shown in ("-2 Tydligt försvagad / -2 Tydligt försvagad", "Sämre än väntat",
                      TYPED_AWAY):
            expect(row.get_by_role("cell", name=shown, exact=True)).to_be_visible()
        expect(table.get_by_role("row").filter(has_text="28 Rätt till utbildning").get_by_role(
            "cell", name="Bättre än väntat", exact=True)).to_be_visible()
        measures = page.get_by_role("table").filter(has_text="I analysens plan")
        expect(measures.get_by_role("row").filter(has_text="Planera skolskjutsen").get_by_role(
            "cell", name="Klar", exact=True)).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("button", name="Ladda ner jämförelsen som PDF").click()
        pdf = " ".join(pdf_text(Path(download.value.path()).read_bytes()).split())
        for printed in ("Ursprunglig analys", aid, fid, TYPED_AWAY, CHILDREN_SAY,
                        "Bättre i vissa delar", "Planera skolskjutsen"):
            assert printed in pdf, printed
        click(page, "Markera som klar")
        expect(page.get_by_text("Analysen är markerad som klar.")).to_be_visible()
        assert open_store(data).get(fid).status == "complete"
        assert status() == "followed_up"

        # Reopening the original asks why and records it
        page.goto(f"{base}/resultat?id={aid}")
        why = page.get_by_role("textbox", name="Varför öppnas analysen igen?")
        why.fill("Nämnden vill pröva skolskjutsen igen.")
        why.press("Control+Enter")
        as_person(page, OFFICIAL)
        click(page, "Öppna för redigering igen")
        expect(page.get_by_text("Analysen är öppen för redigering igen.")).to_be_visible()
        last = open_store(data).get(aid).lifecycle[-1]
        assert (last.action, last.by, last.reason) == (
            "reopen", OFFICIAL, "Nämnden vill pröva skolskjutsen igen.")

        # The start page's reminders: the official's overdue measure, to her only
        page.goto(base)
        name = page.get_by_role("textbox", name="Ditt namn (för dina påminnelser)")
        expect(name).to_have_value(OFFICIAL)  # the name typed last is kept
        expect(page.get_by_text("Ny belysning vid busshållplatsen")).to_be_visible()
        name.fill(REVIEWER)
        name.press("Enter")
        expect(page.get_by_text("Inga påminnelser för Per Berg.")).to_be_visible()
        expect(page.get_by_text("Ny belysning vid busshållplatsen")).to_have_count(0)
        browser.close()

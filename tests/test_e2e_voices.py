"""An official opens a collection; six children answer, each in a browser context of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app

from app.core.loading import load_assessment
from app.services.paths import EXAMPLES_DIR
from app.store import open_store

pytestmark = pytest.mark.browser
WAIT = 30_000
DECISION = "Kommunen vill stänga Lövåkers skola. Eleverna ska gå i Storbyskolan från hösten 2027."
#: (age band, face for the plan, what the child writes about worries)
CHILDREN = [
    ("10–12 år", "Dåligt", "Bussen tar för lång tid."),
    ("10–12 år", "Mycket dåligt", "Jag vill inte byta skola."),
    ("10–12 år", "Bra", ""),
    ("6–9 år", "Dåligt", "Att skogen försvinner."),
    ("6–9 år", "Mitt emellan", ""),
    ("13–17 år", "Bra", "Fler kompisar i Storbyskolan."),
]


def word(label: str) -> re.Pattern[str]:
    """A radio label as drawn: a symbol, a space, then exactly these words."""
    return re.compile(rf"^\S+ {re.escape(label)}$")


def answer_as_child(browser: Any, link: str, band: str, face: str, worry: str,
                    name_first: bool = False) -> Any:
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(link)
    expect(page.get_by_text("Hur gammal är du?")).to_be_visible(timeout=WAIT)
    page.get_by_text(band, exact=True).click()
    plan = page.get_by_role("radiogroup", name=re.compile("Vad tycker du om"))
    expect(plan).to_be_visible(timeout=WAIT)
    plan.get_by_text(word(face)).click()
    box = page.get_by_role("textbox", name=re.compile("orolig|jobbigt"))  # 6–9: simpler
    send = page.get_by_role("button", name="Skicka mina svar")
    if name_first:
        box.fill("Jag är orolig för att Ella inte får följa med.")
        send.click()
        expect(page.get_by_text("Det ser ut som att du skrev ett namn")).to_be_visible(
            timeout=WAIT)
    box.fill(worry)
    send.click()
    expect(page.get_by_text("Tack! Dina svar är skickade.")).to_be_visible(timeout=WAIT)
    return page


def test_six_children_answer_and_the_official_sees_results_only_from_five(
        tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    assessment = open_store(data).create(example, editor="Karin Lund")
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        official = browser.new_context(viewport={"width": 1300, "height": 1000}).new_page()
        official.goto(f"{base}/barnens-roster?id={assessment.id}")
        sentence = official.get_by_role("textbox", name="Förslaget i en mening för barn")
        expect(sentence).to_be_visible(timeout=WAIT)
        sentence.fill(DECISION)
        official.get_by_role("textbox", name=re.compile("Vilka barn frågar du")).fill("åk 2-6")
        official.get_by_role("button", name="Öppna insamlingen").click()
        expect(official.get_by_text("Insamlingen är öppen.")).to_be_visible(timeout=WAIT)
        expect(official.get_by_text("QR-kod till länken ovan")).to_be_visible(timeout=WAIT)
        expect(official.locator("[data-testid=stImage] img")).to_have_count(1, timeout=WAIT)
        link = official.locator("code").filter(has_text="?barn=").inner_text().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?barn=[A-Z0-9]{6}", link), link

        first = None
        for n, (band, face, worry) in enumerate(CHILDREN):
            page = answer_as_child(browser, link, band, face, worry, name_first=n == 0)
            first = first or page
            if n == 3:  # four answers: nothing shown yet
                official.get_by_role("button", name="Uppdatera").click()
                expect(official.get_by_text("För få svar för att visa (4 av minst 5)")
                       ).to_be_visible(timeout=WAIT)
        # A child's session shows no navigation to the officials' pages.
        assert first is not None
        expect(first.get_by_role("link", name="Översikt", exact=True)).to_have_count(0)
        expect(first.get_by_text("Nedläggning av Lövåkers skola")).to_have_count(0)

        official.get_by_role("button", name="Uppdatera").click()
        expect(official.get_by_text("6 barn har svarat.")).to_be_visible(timeout=WAIT)
        expect(official.get_by_text("För få svar för att visa")).to_have_count(0, timeout=WAIT)
        expect(official.get_by_text("Bussen tar för lång tid.", exact=True)).to_be_visible()
        expect(official.get_by_text(re.compile(r"\bElla\b"))).to_have_count(0)
        official.get_by_role("button", name="För in i analysen").click()
        expect(official.get_by_text("Delaktigheten är införd i analysen.")).to_be_visible(
            timeout=WAIT)
        # The letter's draft counts the children and shows its LIX to the official.
        expect(official.get_by_text("Läsbarhet (LIX)")).to_be_visible(timeout=WAIT)
        expect(official.get_by_role("textbox", name="Det här sa barnen")).to_have_value(
            re.compile(r"^6 barn svarade på våra frågor\."))
        browser.close()

    stored = json.loads((data / "child_collections.json").read_text(encoding="utf-8"))
    (collection,) = stored["_default"].values()
    responses = collection["responses"]
    assert len(responses) == 6
    for response in responses:  # the age band, answers, texts, the day and a respondent key
        assert set(response) == {"age_band", "answers", "texts", "day", "respondent"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", response["day"])
        assert re.fullmatch(r"[0-9a-f]{32}", response["respondent"])  # a hash, no device
    assert len({r["respondent"] for r in responses}) == 6  # six browsers, six respondents
    assert sorted(r["age_band"] for r in responses) == ["age_10_12"] * 3 + ["age_13_17"] + [
        "age_6_9"] * 2
    raw = (data / "child_collections.json").read_text(encoding="utf-8")
    assert "Ella" not in raw and "Mozilla" not in raw and "127.0.0.1" not in raw
    recorded = open_store(data).get(assessment.id or "")
    assert recorded.value("children_heard") == "directly"
    assert "survey" in recorded.value("heard_methods")
    assert "6 barn (åk 2-6) svarade" in recorded.value("heard_who_what")
    assert "Alla 31 elever" in recorded.value("heard_who_what")  # what was there is kept

"""Two people, one real browser: a case through every status, its follow-up, and the start
page's reminders for the person responsible only. Names are typed (local mode)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from test_followup import answered

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.paths import ROOT
from app.store import open_store

pytestmark = pytest.mark.browser
OFFICIAL = "Karin Lund"
REVIEWER = "Per Berg"
WAIT = 30_000  # ms: the machine is shared


def seeded(data: Path) -> str:
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    late = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    measures = [*a.answers["measures"].value,
                {"what": "Ny belysning vid busshållplatsen", "who": OFFICIAL, "due": late,
                 "status": "open"}]
    a = a.model_copy(update={"answers": {**a.answers, "measures": Answer(value=measures)}})
    return open_store(data).create(a, editor="test").id or ""


def test_case_through_every_status_and_its_follow_up(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import Page, expect, sync_playwright

    data = tmp_path / "data"
    aid = seeded(data)

    def as_person(page: Page, name: str) -> None:
        field = page.get_by_role("textbox", name="Ditt namn", exact=True)
        field.fill(name)
        field.press("Enter")
        page.wait_for_timeout(800)

    def click(page: Page, name: str) -> None:
        page.get_by_role("button", name=name, exact=True).click()
        page.wait_for_timeout(800)

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
        expect(page.get_by_text("kommentarer är inte lösta")).to_be_visible()

        # The official resolves it; the reviewer approves: frozen
        as_person(page, OFFICIAL)
        click(page, "Markera som löst")
        expect(page.get_by_text("löst av Karin Lund")).to_be_visible()
        as_person(page, REVIEWER)
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
        # Answered as the questionnaire would store it (its widgets have their own tests)
        open_store(data).update(fid, answered, editor=OFFICIAL)
        page.goto(f"{base}/resultat?id={fid}")
        expect(page.get_by_role("heading", name="Före och efter")).to_be_visible()
        expect(page.get_by_role("button", name="Ladda ner jämförelsen som PDF")).to_be_visible()
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

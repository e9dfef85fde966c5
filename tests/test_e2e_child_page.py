"""The children's page as a child on a phone meets it: Swedish skip link, questions named as
they read (no escape backslashes), places in the children's words, and a name written in a
text answered beside that field, worded to the buttons the child sees."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app

from app.core.children_loading import load_child_questionnaire
from app.core.models.child_collection import ChildCollection
from app.services.paths import QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore

pytestmark = pytest.mark.browser
WAIT = 30_000
PLACE = "gungorna vid skolan."  # the official's words for children, a full stop and all


def test_a_child_on_a_phone(tmp_path: Path) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
    collection = ChildCollectionStore(data).open(ChildCollection(
        assessment_id="a1", code="x", questionnaire=q.id, questionnaire_version=q.version,
        decision_for_children="Skolgården byggs om.", places=[PLACE]))
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page: Any = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
        page.goto(f"{base}/?barn={collection.code}")
        expect(page.get_by_text("Hur gammal är du?")).to_be_visible(timeout=WAIT)
        # Streamlit's own skip link speaks the child's language, and the page says it is Swedish
        expect(page.get_by_text("Hoppa till huvudinnehållet")).to_have_count(1, timeout=WAIT)
        assert page.evaluate("document.documentElement.lang") == "sv"
        page.get_by_text("10–12 år", exact=True).click()
        place = page.get_by_role("radiogroup", name=re.compile("gungorna vid skolan"))
        expect(place).to_be_visible(timeout=WAIT)
        names = page.eval_on_selector_all(
            "[role=radiogroup], textarea",
            "els => els.map(e => e.getAttribute('aria-label') || '')")
        assert names and not [n for n in names if "\\" in n], names
        questions = [n for n in names if n not in ("Språk", "Hur gammal är du?")]
        assert questions and all(re.match(r"^\d+\. ", n) for n in questions), names

        box = page.get_by_role("textbox").first
        box.fill("Jag heter Ella Svensson och ringer 070-123 45 67.")
        page.get_by_role("button", name="Skicka mina svar").click()
        warning = page.get_by_text("Det ser ut som att du skrev ett namn")
        expect(warning).to_be_visible(timeout=WAIT)
        # worded to the buttons on the page, and right under the field it concerns
        expect(warning).to_contain_text("”Skicka mina svar”")
        expect(warning).to_contain_text("”Skicka utan de texterna”")
        expect(page.get_by_role("button", name="Skicka utan de texterna")).to_be_visible()
        below = page.evaluate("""() => {
            const box = document.querySelector('textarea').getBoundingClientRect();
            const w = [...document.querySelectorAll('[data-testid=stAlert]')]
                .find(a => a.innerText.includes('skrev ett namn')).getBoundingClientRect();
            return w.top - box.bottom; }""")
        assert 0 <= below < 120, below
        browser.close()

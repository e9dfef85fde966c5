"""One child, one answer, in a real browser: a child who reloads the link and answers again
replaces the first answer; another browser is another child; "another child on this device"
starts a new one. At human speed and faster (playwright's slow_mo), waiting for states."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from test_e2e_voices import word

from app.core.children_loading import load_child_questionnaire
from app.core.models.child_collection import ChildCollection
from app.services.paths import QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore

pytestmark = pytest.mark.browser
WAIT = 30_000


def answer(page: Any, band: str, face: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_text("Hur gammal är du?")).to_be_visible(timeout=WAIT)
    page.get_by_text(band, exact=True).click()
    plan = page.get_by_role("radiogroup", name=re.compile("Vad tycker du om"))
    expect(plan).to_be_visible(timeout=WAIT)
    plan.get_by_text(word(face)).click()
    page.get_by_role("button", name="Skicka mina svar").click()
    expect(page.get_by_text("Tack! Dina svar är skickade.")).to_be_visible(timeout=WAIT)


def responses(data: Path) -> list[dict[str, Any]]:
    stored = json.loads((data / "child_collections.json").read_text(encoding="utf-8"))
    (collection,) = stored["_default"].values()
    found: list[dict[str, Any]] = collection["responses"]
    return found


@pytest.mark.parametrize("slow_mo", [0, 250], ids=["fast", "human-speed"])
def test_a_reload_replaces_the_answer_and_another_device_adds_one(tmp_path: Path,
                                                                 slow_mo: int) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
    collection = ChildCollectionStore(data).open(ChildCollection(
        assessment_id="a1", code="x", questionnaire=q.id, questionnaire_version=q.version,
        decision_for_children="Skolgården byggs om."))
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, slow_mo=slow_mo)
        link = f"{base}/?barn={collection.code}"
        tablet = browser.new_context(viewport={"width": 800, "height": 1000})
        page = tablet.new_page()
        page.goto(link)
        answer(page, "10–12 år", "Bra")
        assert len(responses(data)) == 1
        page.goto(link)  # the same child opens the link again and changes their mind
        expect(page.get_by_text("Du har redan svarat från den här enheten")).to_be_visible(
            timeout=WAIT)
        answer(page, "13–17 år", "Mycket dåligt")
        again = responses(data)
        assert len(again) == 1  # replaced, not added
        assert again[0]["age_band"] == "age_13_17"
        assert again[0]["answers"]["plan_feeling"] == "very_bad"

        other = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        other.goto(link)
        answer(other, "6–9 år", "Mitt emellan")
        assert len(responses(data)) == 2  # another device is another child

        # A shared tablet: the next child starts anew, and does not replace the first.
        page.get_by_role("button", name="Ett annat barn ska svara på den här enheten").click()
        answer(page, "10–12 år", "Dåligt")
        after = responses(data)
        assert len(after) == 3 and len({r["respondent"] for r in after}) == 3
        browser.close()

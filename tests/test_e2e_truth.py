"""What the product writes is true, in a real browser, at human speed and faster: a radio
answer cleared back to unanswered, personal data corrected away leaving the history, a copy
titled "(kopia)" without the case number, the council overview counting decisions taken, and
the letter to the children telling a proposal before any decision. Waits for states."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app, until

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.core.models.lifecycle import CommitteeDecision
from app.services.paths import EXAMPLES_DIR
from app.store import open_store

pytestmark = pytest.mark.browser
WAIT = 30_000
SPEEDS = pytest.mark.parametrize("slow_mo", [0, 200], ids=["fast", "human-speed"])


def school(**changes: Any) -> Any:
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    return example.model_copy(update=changes)


def browser_page(p: Any, slow_mo: int) -> Any:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, slow_mo=slow_mo)
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.set_default_timeout(WAIT)
    return page


@SPEEDS
def test_clear_a_radio_and_correct_personal_data_out_of_the_history(tmp_path: Path,
                                                                    slow_mo: int) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    start = school(status="draft", answers={})
    aid = open_store(data).create(start, editor="Karin Lund").id or ""
    store = open_store(data)
    with running_app(data) as base, sync_playwright() as p:
        page = browser_page(p, slow_mo)
        page.goto(f"{base}/analys?id={aid}")
        page.get_by_text("Berör ärendet barn?").first.click()
        page.get_by_text("Ja, direkt").click()
        clear = page.get_by_role("button", name="Rensa svaret på 1.1")
        expect(clear).to_be_visible()
        until(lambda: "affects_children" in store.get(aid).answers, "1.1 saved")
        clear.click()
        expect(page.get_by_label("Ja, direkt")).not_to_be_checked()
        expect(clear).to_have_count(0)
        until(lambda: "affects_children" not in store.get(aid).answers, "1.1 cleared")

        page.get_by_text("Ja, direkt").click()
        how = page.get_by_label("På vilket sätt berör ärendet barn?")
        how.fill("Ett barn, 121212-1212, får längre skolväg.")
        how.press("Control+Enter")
        expect(page.get_by_text("personnummer").first).to_be_visible()
        until(lambda: "121212" in str(store.get(aid).value("how_concerned")), "pnr saved")
        how.fill("Barnen får längre skolväg.")
        how.press("Control+Enter")
        until(lambda: store.revisions(aid)[0].action == "redact", "the history purged")
        page.context.browser.close()
    history = json.dumps([r.model_dump(mode="json") for r in store.revisions(aid)])
    assert "121212-1212" not in history
    assert store.get(aid).value("how_concerned") == "Barnen får längre skolväg."


@SPEEDS
def test_a_copy_the_council_overview_and_the_letter_say_only_what_is_so(tmp_path: Path,
                                                                        slow_mo: int) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    store = open_store(data)
    decided = store.create(school(status="decided", committee_decision=CommitteeDecision(
        date=dt.date(2026, 11, 26), outcome="as_proposed")), editor="t")
    draft = store.create(school(
        status="draft", decision=school().decision.model_copy(update={
            "title": "Ny idrottshall", "case_number": "BUN 2026/99",
            "decision_date": dt.date(2027, 2, 18)}),
        answers={**school().answers, "why_not_heard": Answer(value="DOLT SVAR")}), editor="t")
    with running_app(data) as base, sync_playwright() as p:
        page = browser_page(p, slow_mo)
        # The council overview: by default the decisions taken, and it says so.
        page.goto(f"{base}/fullmaktige")
        expect(page.get_by_text("Räknar analyser som är beslutade, uppföljda, i alla nämnder",
                                exact=False)).to_be_visible()
        expect(page.get_by_test_id("stMetricValue").first).to_have_text("1")

        # The letter for the draft: what is proposed and when it will be decided.
        page.goto(f"{base}/barnens-roster?id={draft.id}")
        proposed = page.get_by_role("textbox", name="Det här föreslås")
        expect(proposed).to_have_value(
            "Förslaget är: Ny idrottshall. Det ska bestämmas den 18 februari 2027.")
        expect(page.get_by_role("textbox", name="Det här bestämdes")).to_have_count(0)
        expect(page.get_by_text("DOLT SVAR")).to_have_count(0)

        # A copy from Översikt: "(kopia)", no case number, a draft.
        page.goto(base)
        row = page.locator(f".st-key-bka-row-{decided.id}")
        row.get_by_role("button", name="Kopiera").click()
        title = f"{decided.decision.title} (kopia)"
        expect(page.get_by_text(title).first).to_be_visible()
        page.context.browser.close()
    copies = [a for a in store.get_many([s.id for s in store.list()])
              if a.copy_of == decided.id]
    assert [(c.decision.title, c.decision.case_number, c.status) for c in copies] == [
        (title, "", "draft")]


@SPEEDS
def test_final_minutes_are_locked_and_a_change_is_a_new_version(tmp_path: Path,
                                                               slow_mo: int) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    from app.core.models.meeting import Meeting
    from app.store.meetings import MeetingStore

    data = tmp_path / "data"
    meetings = MeetingStore(data)
    m = meetings.create(Meeting(date=dt.date(2027, 1, 12), team="Skolhälsan", article=12))
    meetings.set_part(m.id, ("decisions",), "Vi frågar eleverna.", check=False)
    meetings.set_part(m.id, ("status",), "final", check=False)
    with running_app(data) as base, sync_playwright() as p:
        page = browser_page(p, slow_mo)
        page.goto(f"{base}/mote?team=Skolh%C3%A4lsan&meeting={m.id}")
        expect(page.get_by_text("Anteckningarna är färdiga och låsta").first).to_be_visible()
        decisions = page.get_by_role("textbox", name="Beslut", exact=True)
        expect(decisions).to_be_disabled()
        page.get_by_text("Anteckningarna är färdiga", exact=True).click()  # untick: a change
        expect(page.get_by_text("Version 2 av protokollet")).to_be_visible()
        expect(decisions).to_be_enabled()
        decisions.fill("Vi frågar eleverna och föräldrarna.")
        decisions.press("Control+Enter")
        until(lambda: meetings.get(m.id).decisions == "Vi frågar eleverna och föräldrarna.",
              "the change saved")
        page.context.browser.close()
    after = meetings.get(m.id)
    assert after.minutes_version == 2 and after.status == "draft"
    assert after.earlier[0].content["decisions"] == "Vi frågar eleverna."

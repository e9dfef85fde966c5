"""Type into a free-text answer and leave the field at once: is the text in the store?

Shared by tests/test_e2e_saving.py (a few trials per exit, in the suite) and
bench/bench_typing.py (50 per exit, the figures for the closing note). One trial types a new
text into question 1.2 and leaves by one exit without waiting; it counts as lost when the store
does not hold that text within LANDED_S seconds.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store

EXITS = ("sidebar_link", "next_button", "section_list", "close_tab")
#: The tab closed, reloaded or left with Back the moment the last key is typed (0 ms): the
#: text must reach the store, or the browser must ask before leaving.
UNLOADS = ("close_now", "reload_now", "back_now")
FIELD = "På vilket sätt berör ärendet barn?"  # question 1.2, a text area
QID = "how_concerned"
LANDED_S = 5.0  # a save that has not reached the store by then counts as lost
WAIT_MS = 30_000  # a cold Streamlit start on a busy machine


@dataclass
class Tally:
    exit: str
    lost: int = 0
    total: int = 0
    missed: int = 0  #: clicks that did not land and were repeated
    stuck: int = 0  #: trials whose way back never arrived (the page was reloaded)
    crossed: int = 0  #: trials after which another answer than the one typed had changed
    asked: int = 0  #: trials where the browser asked before leaving (text not yet sent)

    def line(self) -> str:
        return (f"{self.exit}: {self.lost} lost of {self.total}; {self.crossed} with another "
                f"answer changed; {self.asked} asked before leaving; {self.missed} clicks "
                f"missed; {self.stuck} stuck")


#: Answers no trial touches: each must be exactly this after every trial (1.1 on the section
#: typed in, and answers of the section the trials go to and come back from).
UNTOUCHED = {
    "affects_children": Answer(value="direct"),
    "vulnerable_groups": Answer(value=["newly_arrived", "disability"]),
    "children_count": Answer(value=40, comment="Ungefär, enligt skolans lista"),
}


def seed(data: Path) -> str:
    """An assessment whose screening shows the text area (children concerned directly)."""
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                   decision=Decision(title="Skrivprov"), answers=dict(UNTOUCHED))
    return open_store(data).create(a, editor="prov").id or ""


def others_changed(data: Path, aid: str) -> list[str]:
    """The answers other than the one typed that are no longer as seeded."""
    answers = open_store(data).get(aid).answers
    return [qid for qid, answer in UNTOUCHED.items() if answers.get(qid) != answer]


def stored_text(data: Path, aid: str) -> str | None:
    answer = open_store(data).get(aid).answers.get(QID)
    return str(answer.value) if answer and answer.value is not None else None


def landed(data: Path, aid: str, text: str, within: float = LANDED_S) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if stored_text(data, aid) == text:
            return True
        time.sleep(0.1)
    return False


def open_screening(page: Any, base: str, aid: str) -> None:
    """The assessment on its screening section, from a fresh page load."""
    from playwright.sync_api import expect

    page.goto(f"{base}/analys?id={aid}")
    sections = page.get_by_role("radiogroup", name="Avsnitt")
    expect(sections).to_be_visible(timeout=WAIT_MS)
    to_section(page, "Berör ärendet barn?")


def arrive(page: Any, click: Any, sign: Any, tally: Tally | None = None) -> None:
    """Click, and click again while `sign` does not show within 8 s (a missed click is
    counted: the section list and "Nästa" must land on the first click)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    for attempt in range(4):
        try:
            click.click(timeout=WAIT_MS)
        except PlaywrightError:  # not there to click yet (a slow run): counted as missed
            if tally is not None:
                tally.missed += 1
            continue
        try:
            expect(sign).to_be_visible(timeout=8_000 if attempt < 3 else WAIT_MS)
            return
        except AssertionError:
            if tally is not None:
                tally.missed += 1
    raise AssertionError(f"never arrived at {sign}")


def to_section(page: Any, title: str, tally: Tally | None = None) -> None:
    arrive(page, page.get_by_role("radiogroup", name="Avsnitt").get_by_text(title),
           page.get_by_role("heading", name=title), tally)


def field(page: Any) -> Any:
    from playwright.sync_api import expect

    locator = page.get_by_label(FIELD)
    expect(locator).to_be_editable(timeout=WAIT_MS)
    return locator


def _type(page: Any, text: str) -> None:
    box = field(page)
    box.click()
    box.fill(text)


def _sidebar_link(page: Any, tally: Tally) -> None:
    arrive(page, page.get_by_role("link", name="Översikt", exact=True),
           page.get_by_role("button", name="Ny analys"), tally)
    # Back the way a user comes back: the sidebar's Analys link (the section is remembered).
    arrive(page, page.get_by_role("link", name="Analys"), page.get_by_label(FIELD), tally)


def _next_button(page: Any, tally: Tally) -> None:
    # The button of the page drawn now, not a stale copy still shown while the run after
    # the typing replaces it (Streamlit keeps both for a moment).
    fresh = page.locator('[data-testid="stElementContainer"]:not([data-stale="true"])')
    arrive(page, fresh.get_by_role("button", name="Nästa"),
           page.get_by_role("heading", name="Vilka barn berörs?"), tally)
    to_section(page, "Berör ärendet barn?", tally)


def _section_list(page: Any, tally: Tally) -> None:
    to_section(page, "Vilka barn berörs?", tally)
    to_section(page, "Berör ärendet barn?", tally)


LEAVE: dict[str, Callable[[Any, Tally], None]] = {
    "sidebar_link": _sidebar_link,
    "next_button": _next_button,
    "section_list": _section_list,
}


def run(browser: Any, base: str, data: Path, aid: str, exit: str, trials: int) -> Tally:
    """`trials` trials of one exit; each types a text no earlier trial used."""
    tally = Tally(exit)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    if exit != "close_tab" and exit not in UNLOADS:
        open_screening(page, base, aid)
    for i in range(trials):
        text = f"Prov {exit} {i} {uuid.uuid4().hex[:8]}"
        asked_before = tally.asked
        if exit in UNLOADS:
            page = _unload_now(context, page, base, aid, exit, text, tally)
        elif exit == "close_tab":
            # A pause of a second after the last keystroke, then the tab is gone.
            open_screening(page, base, aid)
            _type(page, text)
            page.wait_for_timeout(1000)
            page.close()
            page = context.new_page()
        else:
            try:
                _type(page, text)
            except AssertionError:
                # The field never showed (the page drawn from a run that lost the race with
                # the one before): counted as stuck, a fresh load, and typed again.
                tally.stuck += 1
                open_screening(page, base, aid)
                _type(page, text)
            try:
                LEAVE[exit](page, tally)
            except AssertionError:
                # A page that never came back (a busy machine): counted, and a fresh load.
                tally.stuck += 1
                open_screening(page, base, aid)
        asked_now = tally.asked > asked_before
        tally.total += 1
        if not landed(data, aid, text) and not asked_now:
            tally.lost += 1
        if others_changed(data, aid):
            tally.crossed += 1
            open_store(data).update(aid, lambda a: a.model_copy(  # the next trial starts clean
                update={"answers": {**a.answers, **UNTOUCHED}}), editor="prov")
    context.close()
    return tally


def _unload_now(context: Any, page: Any, base: str, aid: str, exit: str, text: str,
                tally: Tally) -> Any:
    """Type, and at once close, reload or go Back (a page of its own before it in the
    history, so Back unloads the app). A prompt the browser shows is counted and accepted."""
    if exit == "back_now":
        page.goto(f"{base}/artiklar")
        page.wait_for_load_state()
    open_screening(page, base, aid)

    def dialog(d: Any) -> None:
        if d.type == "beforeunload":
            tally.asked += 1
        d.accept()

    page.on("dialog", dialog)
    box = field(page)
    box.click()
    box.press_sequentially(text, delay=0)
    if exit == "close_now":
        page.close(run_before_unload=True)
        page.wait_for_event("close", timeout=WAIT_MS)
        return context.new_page()
    if exit == "reload_now":
        page.reload(wait_until="commit")
    else:
        page.go_back(wait_until="commit")
    page.remove_listener("dialog", dialog)
    return page

"""Every page and section of the app, in a state worth measuring, for the accessibility runs.

`seed()` fills a data folder with what the pages need to show everything they can (a draft
assessment with every answer, a workshop whose groups answered differently, a meeting with an
action); `walk()` visits each page state in one language and calls back once it has settled.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from browser import idle, ran, runs

from app.core.models.assessment import Answer
from app.core.models.meeting import Action, Meeting
from app.core.trainer_key import key_hash
from app.services.paths import ROOT
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.exchange import import_file
from app.store.meetings import MeetingStore
from app.store.workshops import WorkshopStore

WAIT = 30_000  # ms: a cold start on a busy two-core machine
TEAM = "Fritidsgårdarna"
TRAINER_KEY = "ek-lind-4711-trainer"  #: fictional; the app makes real keys with new_key()


@dataclass(frozen=True)
class Seeds:
    assessment: str
    sections: int
    workshop: str
    code: str
    meeting: str


def seed(data: Path) -> Seeds:
    store = open_store(data)
    import_file(store, ROOT / "examples" / "skolnedlaggning.yaml", "test")
    aid = store.list()[0].id
    store.set_status(aid, "draft", "test")  # a draft: every widget enabled, as while working
    cat = catalog()
    case = next(c for c in cases() if c.questionnaire == "bka-standard")
    workshops = WorkshopStore(store, data)
    # The trainer's pages open only with the workshop's key (app/core/access.py)
    w = workshops.create(case, ["Ekarna", "Lindarna"], cat, trainer_key=key_hash(TRAINER_KEY))
    for group, value in zip(w.groups, ("direct", "indirect"), strict=True):
        store.set_answer(group.assessment_id, "affects_children", Answer(value=value), "test")
    meetings = MeetingStore(data)
    m = meetings.create(Meeting(date=dt.date.today(), team=TEAM, article=12))
    meetings.add_action(m.id, Action(what="Fråga elevråden", who="Sara", due=dt.date.today()))
    late = dt.date.today() - dt.timedelta(days=3)  # an overdue action: its badge is measured
    meetings.add_action(m.id, Action(what="Skicka protokollet", who="Ali", due=late))
    sections = len(cat.questionnaires["bka-standard"].sections)
    return Seeds(aid, sections, w.id, w.groups[0].code, m.id)


def set_language(data: Path, lang: str) -> None:
    """The language a new session starts in (the app keeps it in the data folder)."""
    (data / "preferences.json").write_text(json.dumps({"lang": lang}), encoding="utf-8")


def settle(page: Any) -> None:
    """Wait until Streamlit has drawn the page and stopped running the script: a main heading,
    and the run's own state "notRunning" with nothing left over from the run before (browser.
    idle). A run that asks for another (st.rerun, query parameters) stays "running" on the
    page until the last one ends, so no pause is needed to catch it."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=WAIT)
    idle(page, WAIT)


State = tuple[str, str, Callable[[Any], None] | None]


def choose_section(page: Any, index: int) -> None:
    """The section list's `index`th option, and the page its run drew (no run when it is the
    section shown already: the app may come back to the section left last)."""
    option = page.locator('[data-testid="stSidebar"] [role="radiogroup"] label').nth(index)
    if option.locator("input").is_checked():
        return
    before = runs(page)
    option.click()
    try:
        ran(page, before, WAIT // 2)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError, imported late by design
        # The run's end can be missed when the page is drawn anew (a new document counts
        # its runs from nothing): then the state to wait for is the option chosen and the
        # app idle, which the page reaches either way.
        from playwright.sync_api import expect

        expect(option.locator("input")).to_be_checked(timeout=WAIT)
        idle(page, WAIT)


def _sidebar_option(index: int) -> Callable[[Any], None]:
    def choose(page: Any) -> None:
        choose_section(page, index)
    return choose


def _tab(index: int) -> Callable[[Any], None]:
    def choose(page: Any) -> None:
        tab = page.get_by_role("tab").nth(index)
        tab.click()  # drawn in the browser, no run
        page.wait_for_function("(tab) => tab.getAttribute('aria-selected') === 'true'",
                               arg=tab.element_handle(), timeout=WAIT)
    return choose


def _trainer(then: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """Give the trainer's key where it is asked for, then do `then`."""
    def enter(page: Any) -> None:
        # A browser that gave the key once stays the trainer (its cookie): the key form is
        # shown only the first time. The page is drawn (settled), so what it shows is final.
        key = page.locator('[data-testid="stMain"] input[type="password"]')
        if key.count():
            key.fill(TRAINER_KEY)
            before = runs(page)
            page.locator(
                '[data-testid="stMain"] [data-testid="stFormSubmitButton"] button').click()
            ran(page, before, WAIT)  # the trainer's page the key's run drew
        if then is not None:
            settle(page)
            then(page)
    return enter


def _projector(screen: int) -> Callable[[Any], None]:
    """From the trainer's comparison tab to the projector view, on its `screen`th screen."""
    def show(page: Any) -> None:
        # The walk runs in Swedish and in English: each name in both.
        page.get_by_role("tab").nth(3).click()
        page.get_by_role("link", name=re.compile("Visa på projektorn|Show on the projector"))\
            .click()
        page.get_by_text(re.compile(r"^1 (av|of) ")).first.wait_for()
        if screen > 1:  # this browser is the trainer now: the screen by its address
            page.goto(f"{page.url}&n={screen}")
            page.get_by_text(re.compile(rf"^{screen} (av|of) ")).first.wait_for()
    return show


def _history(page: Any) -> None:
    before = runs(page)
    page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button').nth(1).click()
    ran(page, before, WAIT)


def states(seeds: Seeds) -> Iterator[State]:
    """(name, address, what to do there first) for every page state."""
    a, w = seeds.assessment, seeds.workshop
    yield "overview", "/", None
    yield "assess-new", "/analys", None
    yield "assess-decision", f"/analys?id={a}", None
    for i in range(1, seeds.sections + 1):
        yield f"assess-section-{i}", f"/analys?id={a}", _sidebar_option(i)
    yield "results", f"/resultat?id={a}", None
    yield "articles", "/artiklar", None
    yield "data", "/data", None
    yield "meeting-no-team", "/mote", None
    yield "meeting-open", f"/mote?team={TEAM}&meeting={seeds.meeting}", None
    yield "meeting-history", f"/mote?team={TEAM}", _history
    yield "workshop-start", "/workshop", None
    for i, tab in enumerate(("codes", "case", "progress", "compare", "manage")):
        yield f"workshop-{tab}", f"/workshop?workshop={w}", _trainer(_tab(i) if i else None)
    # The projector view opens where the trainer's key was given, from the comparison.
    yield "present-workshop", f"/workshop?workshop={w}", _trainer(_projector(1))
    for n in (2, 3, 4):
        yield f"present-workshop-{n}", f"/workshop?workshop={w}", _trainer(_projector(n))
    yield "present-meeting", f"/visning?meeting={seeds.meeting}", None
    yield "present-meeting-2", f"/visning?meeting={seeds.meeting}&n=2", None
    yield "join", "/ga-med", None
    yield "join-group", f"/ga-med?kod={seeds.code}", None
    yield "not-found", "/finns-inte", None


def walk(page: Any, base: str, seeds: Seeds,
         visit: Callable[[str, Any], None], only: set[str] | None = None) -> None:
    for name, path, action in states(seeds):
        if only and name not in only:
            continue
        page.goto(base + path)
        settle(page)
        if action is not None:
            action(page)
            settle(page)
        visit(name, page)

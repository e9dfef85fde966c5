"""Review comments keep their words in a real browser: the comment and reply boxes are empty
after posting, so the next comment is stored as typed, never with the last one glued in front.
At human speed (typed key by key, slowed) and faster (filled at once), waiting for states."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from browser import app_page, idle, need_chromium, ran, runs

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.services.paths import EXAMPLES_DIR
from app.store import open_store

pytestmark = pytest.mark.browser
OFFICIAL, REVIEWER = "Karin Lund", "Per Berg"
KEPT_S = 90  #: s: the name stored by a server that may still be busy with its first runs
OWN = "Ändra eller ta tillbaka din kommentar"  #: offered to the comment's author only


def in_review(data: Path, *comments: str) -> str:
    """The shipped closure example sent by the official to the reviewer, with the reviewer's
    `comments`, stored in `data`; returns its id."""
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    now = dt.datetime.now(dt.UTC)
    sent = life.send_for_review(example, REVIEWER, OFFICIAL, now)
    for text in comments:
        sent = life.add_comment(sent, "", text, REVIEWER, now)
    return open_store(data).create(sent, editor="test").id or ""


def write(box: Any, text: str, human: bool) -> None:
    if human:
        box.click()
        box.press_sequentially(text, delay=60)
    else:
        box.fill(text)


@pytest.mark.parametrize("human", [False, True], ids=["fast", "human-speed"])
def test_boxes_are_empty_after_posting(tmp_path: Path, human: bool) -> None:
    need_chromium()
    from playwright.sync_api import expect

    data = tmp_path / "data"
    aid = in_review(data)

    def comments() -> list[str]:
        return [c.text for c in open_store(data).get(aid).review.comments]

    with app_page(data, f"/resultat?id={aid}", slow_mo=150 if human else 0) as page:
        name = page.get_by_role("textbox", name="Ditt namn", exact=True)
        write(name, REVIEWER, human)
        before = runs(page)
        name.press("Enter")
        ran(page, before)  # the page as the reviewer's name drew it
        box = page.get_by_label("Kommentar", exact=True)
        add = page.get_by_role("button", name="Lägg till kommentar", exact=True)
        write(box, "Vilken prognos bygger elevtalen på?", human)
        before = runs(page)
        add.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Vilken prognos bygger elevtalen på?", exact=True)).to_be_visible()
        # The box is read once the post's run has ended: while it draws, the emptied box (a
        # new key) and the one it replaces stand side by side for a moment.
        ran(page, before)
        expect(box).to_have_value("")  # emptied once stored
        write(box, "Saknas förskolebarnen?", human)
        before = runs(page)
        add.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Saknas förskolebarnen?", exact=True)).to_be_visible()
        ran(page, before)
        expect(box).to_have_value("")
        assert comments() == ["Vilken prognos bygger elevtalen på?", "Saknas förskolebarnen?"]

        idle(page)
        write(name, OFFICIAL, human=False)
        before = runs(page)
        name.press("Enter")
        # The official's page: the run the name started has drawn it (the reviewer's own
        # "change your comment" is gone, so every box after it was drawn anew).
        ran(page, before)
        expect(page.get_by_role("button", name=OWN, exact=True)).to_have_count(0)
        reply = page.get_by_label("Svar", exact=True).first
        write(reply, "Kommunens prognos från 2026.", human)
        before = runs(page)
        page.get_by_role("button", name="Svara", exact=True).first.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Kommunens prognos från 2026.", exact=True)).to_be_visible()
        ran(page, before)
        expect(page.get_by_label("Svar", exact=True).first).to_have_value("")
    replies = open_store(data).get(aid).review.comments[0].replies
    assert [r.text for r in replies] == ["Kommunens prognos från 2026."]


class Held:
    """The app's messages to the page, held back while asked: what is typed then goes into
    the page as it was, before the run's answer arrives, on a fast machine as on a slow one.

    Every message of the page's connection passes through this test's process, and Playwright
    hands them on only while the test is inside one of its calls: a wait that sleeps outside
    them would keep the page's own input (a name sent with Enter) from the app, which then
    never runs. So the waits here go through the page (`until_held`)."""

    def __init__(self) -> None:
        self.holding = False
        self.messages: list[Any] = []
        self.pages: list[Any] = []

    def holds(self, page: Any) -> None:
        """Every message of the page's connection to the app passes through this relay."""
        page.route_web_socket("**/_stcore/stream", self.relay)

    def relay(self, ws: Any) -> None:
        server = ws.connect_to_server()
        ws.on_message(server.send)
        server.on_message(self._to_page(ws))
        self.pages.append(ws)

    def _to_page(self, ws: Any) -> Any:
        def send(message: Any) -> None:
            # While held messages wait to be sent, a newer one waits behind them: the page
            # must get a run's messages in the order the app sent them.
            if self.holding or self.messages:
                self.messages.append(message)
            else:
                ws.send(message)
        return send

    def run_held(self) -> bool:
        """The end of a whole run (not one cut short for another) is among the held messages:
        the page, once released, gets all of that run at once."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        for message in self.messages:
            if not isinstance(message, bytes):
                continue
            msg = ForwardMsg.FromString(message)
            if (msg.WhichOneof("type") == "script_finished"
                    and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY):
                return True
        return False

    def until_held(self, page: Any, what: str, seconds: float) -> None:
        """Wait until the run the page's last input started has ended, its messages held;
        each look goes through the page, so its input reaches the app meanwhile."""
        deadline = time.monotonic() + seconds
        while not self.run_held():
            if time.monotonic() > deadline:
                raise AssertionError(f"never happened: {what}")
            page.evaluate("() => document.readyState")  # a call: Playwright relays meanwhile
            time.sleep(0.1)

    def release(self) -> None:
        """Send what was held, in order, and everything after it as it comes."""
        self.holding = False
        while self.messages:  # a message arriving while these are sent queues behind them
            self.pages[-1].send(self.messages.pop(0))


def as_named(data: Path, name: str) -> Any:
    """The name the local mode keeps (typed last); returns a reader of the kept name."""
    prefs = data / "preferences.json"
    prefs.write_text(json.dumps({"name": name}), encoding="utf-8")
    return lambda: str(json.loads(prefs.read_text(encoding="utf-8")).get("name"))


def test_a_reply_typed_while_the_page_is_drawn_again_is_kept(tmp_path: Path) -> None:
    """The reviewer's comment posted ("Sparat." shown above it, in its own slot), the name
    changed to the official's, and the reply typed before the page has come back: the run that
    follows draws the page for the official (the reviewer's own buttons gone), drawing the
    boxes below again (anew, or over what was typed, as Streamlit's version does it), and the
    text typed must be in the reply box, then stored as typed."""
    need_chromium()
    from playwright.sync_api import expect

    data = tmp_path / "data"
    aid = in_review(data)
    kept_name = as_named(data, REVIEWER)
    held = Held()
    with app_page(data, f"/resultat?id={aid}", before=held.holds) as page:
        page.get_by_label("Kommentar", exact=True).fill("Vilken prognos bygger elevtalen på?")
        before = runs(page)
        page.get_by_role("button", name="Lägg till kommentar", exact=True).click()
        expect(page.get_by_text("Sparat.", exact=True)).to_be_visible()
        ran(page, before)
        old = page.get_by_label("Svar", exact=True).first.element_handle()
        name = page.get_by_role("textbox", name="Ditt namn", exact=True)
        name.fill(OFFICIAL)
        held.holding = True
        name.press("Enter")
        held.until_held(page, "the run the official's name started, held back", KEPT_S)
        assert kept_name() == OFFICIAL
        old.fill("Kommunens prognos från 2026.")  # into the box the page still shows
        before = runs(page)
        held.release()
        ran(page, before)
        expect(page.get_by_text("Sparat.", exact=True)).to_have_count(0)
        reply = page.get_by_label("Svar", exact=True).first
        expect(reply).to_have_value("Kommunens prognos från 2026.")
        page.get_by_role("button", name="Svara", exact=True).first.click()
        expect(page.get_by_test_id("stText").get_by_text(
            "Kommunens prognos från 2026.", exact=True)).to_be_visible()
        expect(page.get_by_test_id("bka-kept-text")).to_have_count(0)
    replies = open_store(data).get(aid).review.comments[0].replies
    assert [(r.author, r.text) for r in replies] == [(OFFICIAL, "Kommunens prognos från 2026.")]


def test_a_reply_whose_box_is_gone_is_shown_not_dropped(tmp_path: Path) -> None:
    """The comment resolved in another tab while the reply is typed: the page drawn again has
    no reply box, and the typed words are shown in a note to copy, never dropped unseen."""
    need_chromium()
    from playwright.sync_api import expect

    data = tmp_path / "data"
    aid = in_review(data, "Saknas förskolebarnen?")
    store = open_store(data)
    cid = store.get(aid).review.comments[0].id
    now = dt.datetime.now(dt.UTC)
    kept_name = as_named(data, OFFICIAL)
    held = Held()
    with app_page(data, f"/resultat?id={aid}", before=held.holds) as page:
        old = page.get_by_label("Svar", exact=True).first.element_handle()
        store.update(aid, lambda a: life.resolve(a, cid, OFFICIAL, now), editor=OFFICIAL)
        name = page.get_by_role("textbox", name="Ditt namn", exact=True)
        name.fill("Karin Lund-Ek")
        held.holding = True
        name.press("Enter")
        held.until_held(page, "the run the new name started, held back", KEPT_S)
        assert kept_name() == "Karin Lund-Ek"
        old.fill("Ja, de räknas i bilaga 3.")
        before = runs(page)
        held.release()
        ran(page, before)
        expect(page.get_by_label("Svar", exact=True)).to_have_count(0)
        note = page.get_by_test_id("bka-kept-text")
        expect(note).to_be_visible()
        expect(note).to_contain_text("Svar")
        expect(note.locator("pre")).to_have_text("Ja, de räknas i bilaga 3.")
        note.get_by_role("button", name="Stäng").click()
        expect(note).to_have_count(0)
    assert open_store(data).get(aid).review.comments[0].replies == []

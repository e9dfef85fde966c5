"""Typed text is kept on every way out of a field; the section list and "Nästa" land on the
first click, focus goes to the new section's heading, progress follows every answer.

In headless Chromium against `bka serve`. The trial count per exit is $BKA_SAVE_TRIALS (10 in
the suite; `python -m bench.bench_typing` runs 50 per exit and prints the figures).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import ARGS, CHROMIUM, need_chromium, running_app
from save_trials import (
    EXITS,
    FIELD,
    LANDED_S,
    UNLOADS,
    WAIT_MS,
    Tally,
    open_screening,
    run,
    seed,
    to_section,
)

from app.store import open_store

pytestmark = pytest.mark.browser
TRIALS = int(os.environ.get("BKA_SAVE_TRIALS", "10"))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Path]]:
    need_chromium()
    from playwright.sync_api import sync_playwright

    data = tmp_path_factory.mktemp("saving") / "data"
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser, base, data
        browser.close()


@pytest.mark.parametrize("exit", EXITS)
def test_typed_text_is_saved_whichever_way_the_field_is_left(
        app: tuple[Any, str, Path], exit: str) -> None:
    browser, base, data = app
    aid = seed(data)
    tally = run(browser, base, data, aid, exit, TRIALS)
    print(tally.line())
    assert (tally.lost, tally.total) == (0, TRIALS), tally.line()
    assert tally.missed == 0 and tally.stuck == 0, tally.line()  # every click landed at once


@pytest.mark.parametrize("exit", UNLOADS)
def test_text_typed_the_moment_the_tab_closes_reloads_or_goes_back_is_kept_or_asked_for(
        app: tuple[Any, str, Path], exit: str) -> None:
    """0 ms after the last key: the text reaches the store, or the browser asks first."""
    browser, base, data = app
    aid = seed(data)
    tally = run(browser, base, data, aid, exit, max(TRIALS // 2, 2))
    print(tally.line())
    assert tally.lost == 0 and tally.crossed == 0, tally.line()


def _page(app: tuple[Any, str, Path]) -> tuple[Any, Path, str]:
    browser, base, data = app
    aid = seed(data)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    open_screening(page, base, aid)
    return page, data, aid


def _focused_heading(page: Any) -> str:
    """The text of the heading that has the focus, once the focus script has run."""
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'H2'",
                           timeout=WAIT_MS)
    return str(page.evaluate("document.activeElement.innerText"))


def test_section_list_lands_on_every_click_and_focus_follows(
        app: tuple[Any, str, Path]) -> None:
    page, _, _ = _page(app)
    titles = ["Vilka barn berörs?", "Kunskapsunderlag", "Barnens delaktighet",
              "Berör ärendet barn?"]
    tally = Tally("section list")
    for i in range(20):
        title = titles[i % len(titles)]
        to_section(page, title, tally)
        assert title in _focused_heading(page)
    assert tally.missed == 0, f"{tally.missed} of 20 clicks did not land"


def test_section_list_and_next_land_right_after_an_answer(app: tuple[Any, str, Path]) -> None:
    from playwright.sync_api import expect

    page, data, aid = _page(app)
    tally = Tally("after an answer")
    to_section(page, "Vilka barn berörs?", tally)
    progress = page.get_by_text("obligatoriska frågor besvarade")
    before = progress.inner_text()
    missing = page.get_by_text("obligatoriska frågor saknar svar")
    assert "2.1" in missing.inner_text()
    # An answer, then at once the section list: the click lands, the progress has moved.
    page.get_by_label("Vilka områden eller platser").fill("Skolgården och busshållplatsen")
    to_section(page, "Kunskapsunderlag", tally)
    expect(progress).not_to_have_text(before, timeout=WAIT_MS)
    assert "2.2" not in missing.inner_text()
    # Typing, then "Nästa" once: the next section opens and its heading has the focus.
    page.get_by_label("Vad visar underlaget?").fill("Enkät till elever i åk 4-6.")
    page.get_by_role("button", name="Nästa").click()
    expect(page.get_by_role("heading", name="Barnens delaktighet")).to_be_visible(timeout=8_000)
    assert "Barnens delaktighet" in _focused_heading(page)
    assert tally.missed == 0


def test_progress_and_missing_list_follow_an_answer_with_no_other_click(
        app: tuple[Any, str, Path]) -> None:
    """A change reruns its section alone unless it shows outside it: an answer that completes
    a required question moves the sidebar's progress and the list of missing questions by
    itself; a later edit of the same answer is saved and changes neither."""
    from playwright.sync_api import expect

    page, data, aid = _page(app)
    to_section(page, "Vilka barn berörs?")
    progress = page.get_by_text("obligatoriska frågor besvarade")
    before = progress.inner_text()
    missing = page.get_by_text("obligatoriska frågor saknar svar")
    assert "2.2" in missing.inner_text()
    box = page.get_by_label("Vilka områden eller platser")
    box.fill("Skolgården")
    box.press("Tab")  # leaves the field: its value goes to the server, nothing else is clicked
    expect(progress).not_to_have_text(before, timeout=WAIT_MS)
    expect(missing).not_to_contain_text("2.2", timeout=WAIT_MS)
    after = progress.inner_text()
    box.fill("Skolgården och busshållplatsen")
    box.press("Tab")
    expect(page.get_by_label("Vilka områden eller platser")).to_have_value(
        "Skolgården och busshållplatsen")
    deadline = time.monotonic() + LANDED_S
    while _stored(data, aid, "places") != "Skolgården och busshållplatsen":
        assert time.monotonic() < deadline, "the edit never reached the store"
        time.sleep(0.1)
    expect(progress).to_have_text(after)


def _stored(data: Path, aid: str, qid: str) -> str | None:
    answer = open_store(data).get(aid).answers.get(qid)
    return str(answer.value) if answer and answer.value is not None else None


# Clicks "Nästa" (the copy drawn now) the moment the page has sent the server the text typed
# (the field is committed after a pause in typing, app/ui/page_scripts.py), so the click
# reaches the server while the run of the section that change starts is queued or under way.
# (The page's "running" state is no sign to wait for: a short run can start and end between
# two frames the page draws.)
_CLICK_AFTER_CHANGE = """([label, text]) => {
  window.__bkaClicked = false;
  const send = WebSocket.prototype.send;
  const utf8 = new TextDecoder();
  WebSocket.prototype.send = function (data) {
    send.call(this, data);
    if (typeof data === "string" || !utf8.decode(data).includes(text)) return;
    WebSocket.prototype.send = send;
    setTimeout(() => {
      [...document.querySelectorAll(
          '[data-testid="stElementContainer"]:not([data-stale="true"]) button')]
        .find((b) => b.innerText.includes(label)).click();
      window.__bkaClicked = true;
    }, 0);
  };
}"""


class AsSentTogether:
    """Sends every click as the browser sends a click that follows a change in a fragment
    closely (a field left by clicking "Nästa"): in one message scoped to that fragment, the
    section. Streamlit's page batches the widget updates of one moment and scopes the batch to
    the fragment of its first update, so the click reaches the server in a run meant for the
    section alone; how often depends on timing (13 of 20 "Nästa" after typing), here always.
    The section's fragment is read from what the server draws."""

    def __init__(self, page: Any) -> None:
        self.section = ""  #: the fragment the section is drawn in
        self.clicks = 0  #: clicks sent scoped to it
        page.route_web_socket(re.compile(r"/_stcore/stream"), self._route)

    def _route(self, ws: Any) -> None:
        server = ws.connect_to_server()
        ws.on_message(lambda message: server.send(self._to_server(message)))
        server.on_message(lambda message: ws.send(self._to_page(message)))

    def _to_page(self, message: str | bytes) -> str | bytes:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(message, bytes):
            msg = ForwardMsg()
            msg.ParseFromString(message)
            if msg.WhichOneof("type") == "delta" and msg.delta.fragment_id:
                self.section = msg.delta.fragment_id
        return message

    def _to_server(self, message: str | bytes) -> str | bytes:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if isinstance(message, str) or not self.section:
            return message
        msg = BackMsg()
        msg.ParseFromString(message)
        if msg.WhichOneof("type") != "rerun_script" or not any(
                w.WhichOneof("value") == "trigger_value" and w.trigger_value
                for w in msg.rerun_script.widget_states.widgets):
            return message
        self.clicks += 1
        if msg.rerun_script.fragment_id:  # the browser sent it so itself
            return message
        msg.rerun_script.fragment_id = self.section
        return bytes(msg.SerializeToString())


@pytest.mark.parametrize("moment", ["during_the_sections_run", "sent_with_the_change"])
def test_next_clicked_while_the_section_reruns_for_a_change_lands(
        app: tuple[Any, str, Path], moment: str) -> None:
    """A change to an answer reruns its section alone. "Nästa" clicked the moment the change
    has gone to the server (its run queued or under way), or right after typing so that the
    browser sends the click in one message with the change, scoped to the section
    (AsSentTogether), opens the next section on the first click, and the text typed is
    stored."""
    from playwright.sync_api import expect

    browser, base, data = app
    aid = seed(data)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    together = AsSentTogether(page) if moment == "sent_with_the_change" else None
    open_screening(page, base, aid)
    for i in range(TRIALS):
        text = f"Ändring {i} {moment}"
        box = page.get_by_label(FIELD)
        expect(box).to_be_editable(timeout=WAIT_MS)
        if moment == "during_the_sections_run":
            page.evaluate(_CLICK_AFTER_CHANGE, ["Nästa", text])
            box.fill(text)
            page.wait_for_function("window.__bkaClicked === true", timeout=WAIT_MS)
        else:  # as a person does it: the click takes the focus from the field
            box.fill(text)
            page.locator('[data-testid="stElementContainer"]:not([data-stale="true"])'
                         ).get_by_role("button", name="Nästa").click()
        # One click: the next section's heading, with no second click to help it.
        expect(page.get_by_role("heading", name="Vilka barn berörs?")).to_be_visible(
            timeout=WAIT_MS)
        deadline = time.monotonic() + LANDED_S
        while _stored(data, aid, "how_concerned") != text:
            assert time.monotonic() < deadline, f"trial {i}: the text typed was not stored"
            time.sleep(0.1)
        to_section(page, "Berör ärendet barn?")
    if together is not None:  # every "Nästa" went to the server scoped to the section
        assert together.clicks >= TRIALS

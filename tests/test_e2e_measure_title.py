"""A measure's title is read whole where it is written: on a phone (375×812) and on a wide
screen (1920×1080) the field shows every word of a long title, wrapped, without scrolling
inside the field or the page sideways. Screenshots of both are kept in the test's folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from a11y_walk import WAIT, choose_section, set_language, settle
from browser import ARGS, CHROMIUM, need_chromium, running_app
from test_a11y_browser import SIDEBAR_CLOSED, section_numbers

from app.core.models.assessment import Answer
from app.services.paths import EXAMPLES_DIR
from app.store import open_store
from app.store.exchange import import_file

pytestmark = pytest.mark.browser

TITLE = ("Skolskjuts med egen buss från Byn till Centralskolan varje skoldag, med en vuxen "
         "ombord, tills gång- och cykelvägen över bron är byggd och säker")

# How the field holds its text: cut off inside it (scrolling) or whole, and where it is.
FIELD = """el => {
  const r = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), value: el.value,
          hiddenX: el.scrollWidth - el.clientWidth, hiddenY: el.scrollHeight - el.clientHeight,
          left: r.left, right: r.right, page: document.scrollingElement.scrollWidth};
}"""


def seeded(data: Path) -> str:
    store = open_store(data)
    import_file(store, EXAMPLES_DIR / "skolnedlaggning.yaml", "test")
    aid = store.list()[0].id or ""
    store.set_status(aid, "draft", "test")  # every field enabled, as while working
    measures = list(store.get(aid).answers["measures"].value)
    measures[0] = {**measures[0], "what": TITLE}
    store.set_answer(aid, "measures", Answer(value=measures), "test")
    return aid


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1920, 1080)])
def test_a_long_measure_title_is_shown_whole(tmp_path: Path, width: int, height: int) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    data = tmp_path / "data"
    aid = seeded(data)
    set_language(data, "sv")
    (measures,) = section_numbers("measures_section")
    with running_app(data) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{base}/analys?id={aid}")
        settle(page)
        narrow = width < 700
        if narrow:  # the sidebar is closed on a phone
            page.get_by_test_id("stExpandSidebarButton").click()
        choose_section(page, measures)
        if narrow:
            page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
            page.wait_for_function(SIDEBAR_CLOSED, timeout=WAIT)
        field = page.get_by_label("Åtgärd, åtgärd 1", exact=True)
        expect(field).to_have_value(TITLE, timeout=WAIT)
        field.scroll_into_view_if_needed()
        shown: dict[str, Any] = field.evaluate(FIELD)
        shot = tmp_path / f"measure-title-{width}x{height}.png"
        page.screenshot(path=str(shot))  # the screen as the person sees it there
        browser.close()
    assert shown["hiddenX"] <= 1 and shown["hiddenY"] <= 1, shown  # nothing scrolled away
    assert shown["left"] >= 0 and shown["right"] <= width + 1, shown
    assert shown["page"] <= width + 1, shown  # no sideways scrolling of the page

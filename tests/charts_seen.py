"""Whether the charts on a page have drawn, as the browser shows them.

A Vega chart that fails in the browser (a bad spec, a null scale) leaves an empty box 0 px
high and a line in the console; nothing on the Python side notices. These helpers look where
a person would: at the drawn canvas or SVG, and at the console.
"""

from __future__ import annotations

import contextlib
from typing import Any

CHART = "[data-testid='stVegaLiteChart']"
DRAWN = """([selector, n]) => { const cs = [...document.querySelectorAll(selector)];
    return cs.length === n && cs.every(c => {
        const d = c.querySelector('canvas, svg');
        return d && d.getBoundingClientRect().height > 0; }); }"""
WAIT = 30_000  # ms: a cold Streamlit start and the chart library's first load are slow


def _worth_saying(message: Any) -> bool:
    """An error, or a warning of the chart library (Vega writes "WARN ..."): a spec Vega has
    to correct on every draw (a size it cannot fit) is a fault of ours too."""
    return message.type == "error" or (message.type == "warning"
                                       and message.text.startswith("WARN"))


def watch_console(page: Any) -> list[str]:
    """Every console error, chart warning and uncaught page error from now on, as text."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"{m.text} ({m.location.get('url', '')})")
            if _worth_saying(m) else None)
    page.on("pageerror", lambda e: seen.append(str(e)))
    return seen


def drawn_heights(page: Any) -> list[float]:
    """The height of what each chart on the page has drawn (its canvas or svg), in px."""
    heights: list[float] = page.eval_on_selector_all(CHART, """charts => charts.map(c => {
        const drawn = c.querySelector('canvas, svg.marks, svg');
        return drawn ? drawn.getBoundingClientRect().height : 0;
    })""")
    return heights


def assert_charts_drawn(page: Any, expected: int, console: list[str]) -> None:
    """`expected` charts on the page, each drawn with a height, and no console error."""
    from playwright.sync_api import TimeoutError as Timeout
    from playwright.sync_api import expect

    charts = page.locator(CHART)
    expect(charts).to_have_count(expected, timeout=WAIT)
    # Every chart drawn with a height; one that fails never gets there, and the assertions
    # below say which and what the console said.
    with contextlib.suppress(Timeout):
        page.wait_for_function(DRAWN, arg=[CHART, expected], timeout=WAIT)
    heights = drawn_heights(page)
    # Streamlit itself first probes <page>/_stcore/health when opened at a page's address,
    # then the root: that 404 is its own way of finding the server, not a fault of ours.
    errors = [line for line in console if "/_stcore/" not in line]
    assert heights and all(h > 0 for h in heights), \
        f"a chart did not draw: heights {heights}; console: {errors}"
    assert not errors, f"the console reported: {errors}"

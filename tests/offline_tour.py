"""Every page of the app in a browser, logging every request it makes.

Used by tests/test_e2e_offline.py, directly and inside a network namespace with only loopback
(`unshare -n`), where a request to anything else could not even be tried without a trace.
Run inside a namespace by hand: python tests/offline_tour.py  (prints what it saw, JSON)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from browser import ARGS, CHROMIUM, idle, running_app  # noqa: E402
from save_trials import WAIT_MS, seed, to_section  # noqa: E402

PAGES = ("/", "/analys", "/resultat", "/artiklar", "/data", "/mote", "/ga-med", "/workshop")
SECTIONS = ("Berör ärendet barn?", "Konsekvenser för barnens rättigheter", "Åtgärder")
TABS = ("Koder", "Fallet", "Hur långt grupperna har kommit", "Jämförelse",
        "Sammanfattning och avslut")


# Everything the drawn page asks for is asked for: the fonts its text is laid out in have
# loaded (or failed) and every image has finished (a request is logged when it is sent).
_LOADED = """() => document.fonts.status === 'loaded'
  && [...document.images].every((image) => image.complete)"""


def drawn(page: Any) -> None:
    """The app's run has drawn the page and what the page loads for it has been asked for."""
    idle(page, WAIT_MS)
    page.wait_for_function(_LOADED, timeout=WAIT_MS)


def tour(browser: Any, base: str, data: Path) -> dict[str, Any]:
    """Visit every page and state; returns every URL requested and those of other origins."""
    from playwright.sync_api import expect

    aid = seed(data)
    requests: list[str] = []
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.on("request", lambda r: requests.append(r.url))
    for path in PAGES:
        page.goto(base + path)
        expect(page.get_by_role("main")).to_be_visible(timeout=WAIT_MS)
        drawn(page)
    page.goto(f"{base}/analys?id={aid}")
    for title in SECTIONS:
        to_section(page, title)
        drawn(page)
    page.goto(f"{base}/resultat?id={aid}")
    expect(page.get_by_text("/100").first).to_be_visible(timeout=WAIT_MS)
    drawn(page)
    page.goto(base + "/workshop")
    page.get_by_role("button", name="Skapa workshoppen").click()
    for tab in TABS:
        chosen = page.get_by_role("tab", name=tab)
        chosen.click()
        expect(chosen).to_have_attribute("aria-selected", "true", timeout=WAIT_MS)
        drawn(page)
    foreign = sorted({u for u in requests
                      if not u.startswith(base) and not u.startswith(("data:", "blob:"))})
    return {"requests": len(requests), "foreign": foreign}


def main() -> None:
    from playwright.sync_api import sync_playwright

    data = Path(tempfile.mkdtemp(prefix="bka-offline-")) / "data"
    output: list[str] = []
    with running_app(data, ["--lan"], output) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        seen = tour(browser, base, data)
        browser.close()
    seen["server_output"] = "".join(output)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()

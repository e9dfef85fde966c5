"""The HTML twin as a browser and a screen reader read it: lang, headings, tables, the chart."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, need_chromium
from doc_support import everything, example, heading_levels, outline, rated_areas
from test_report_support import ANSWERS, make_assessment, make_catalog

from app.core.catalog import Catalog
from app.report import render_as
from app.services.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_catalog(tmp_path_factory.mktemp("catalog"))


@pytest.fixture(scope="module")
def largest() -> bytes:
    return render_as(example(), ".html")


@pytest.fixture(scope="module")
def hostile(catalog: Catalog) -> bytes:
    answers = {**ANSWERS, "basis_text": HOSTILE, "motivation": HOSTILE}
    data = {"title": f"Beslut {HOSTILE}", "case_number": "BUN 1", "official": HOSTILE}
    return render_as(make_assessment(answers, decision=data), ".html", catalog=catalog)


def test_language_and_title(largest: bytes, catalog: Catalog) -> None:
    page = outline(largest)
    assert page.html_lang == "sv-SE"
    title = next(e for e in page.all if e.tag == "title")
    assert "Nedläggning av Lövåkers skola (F-3)" in title.text
    english = outline(render_as(make_assessment(), ".html", lang="en", catalog=catalog))
    assert english.html_lang == "en-GB"


def test_headings_start_at_one_and_never_skip(largest: bytes) -> None:
    levels = heading_levels(outline(largest))
    assert levels[0] == (1, "Nedläggning av Lövåkers skola (F-3)")
    assert sum(1 for level, _ in levels if level == 1) == 1
    for (before, _), (after, text) in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"skipped to h{after} at {text!r}"
    names = [text for _, text in levels]
    assert "Innehåll" in names and "Bilaga: Så beräknades bedömningen" in names


def test_tables_have_column_and_row_headers(largest: bytes) -> None:
    page = outline(largest)
    tables = [e for e in page.all if e.tag == "table"]
    assert len(tables) >= 5
    for table in tables:
        heads = [e for e in _walk(table) if e.tag == "th" and e.attrs.get("scope") == "col"]
        assert heads, "every table has a header row"
        assert any(e.tag == "caption" for e in table.children)
    row_heads = [e for e in page.all if e.tag == "th" and e.attrs.get("scope") == "row"]
    assert any(" ".join(e.text.split()) == "28 Rätt till utbildning" for e in row_heads)


def test_chart_is_svg_with_a_title_and_its_table(largest: bytes) -> None:
    page = outline(largest)
    svg = next(e for e in page.all if e.tag == "svg")
    assert svg.attrs["role"] == "img"
    title = next(e for e in svg.children if e.tag == "title")
    assert svg.attrs["aria-labelledby"] == title.attrs["id"]
    for area, value in rated_areas(example()):
        assert f"{area} {value}" in title.text
    captions = [" ".join(e.text.split()) for e in page.all if e.tag == "caption"]
    assert "Diagrammets värden" in captions


def test_self_contained(largest: bytes) -> None:
    text = largest.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<link" not in text and "<script" not in text


def test_user_text_is_escaped(hostile: bytes) -> None:
    page = outline(hostile)
    assert not [e for e in page.all if e.tag in ("script", "img")]
    text = hostile.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "onerror=alert(2)&gt;" in text
    assert HOSTILE in " ".join(e.text for e in page.all if e.tag == "h1")


def test_a_draft_says_so_at_the_top(hostile: bytes, largest: bytes) -> None:
    assert "UTKAST: bedömningen är inte färdigställd" in hostile.decode()
    assert "UTKAST" not in largest.decode()


def _walk(element: object) -> list:  # type: ignore[type-arg]
    out = []
    for child in getattr(element, "children", []):
        out.append(child)
        out += _walk(child)
    return out


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_axe_finds_no_violation(lang: str, tmp_path: Path) -> None:
    need_chromium()
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing (npm install axe-core)")
        pytest.skip("axe-core is not installed (node_modules/axe-core)")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    # every section a report can have: legal basis, groups, review and decision
    path.write_bytes(render_as(everything(), ".html", lang=lang))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(path.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async (tags) => await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", TAGS)
        browser.close()
    found = [(v["id"], n["target"]) for v in result["violations"] for n in v["nodes"]]
    assert not found, found


@pytest.mark.browser
def test_on_a_phone_the_page_never_runs_sideways(tmp_path: Path) -> None:
    """At 375 px a five-column table is wider than the screen: it scrolls in its own box,
    which the keyboard reaches, and the page itself stays as wide as the screen."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    path.write_bytes(render_as(everything(), ".html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812})
        page.goto(path.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        boxes = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => {
            const box = t.parentElement;
            return {wide: t.scrollWidth > box.clientWidth,
                    scrolls: box.scrollWidth > box.clientWidth, keys: box.tabIndex === 0}; })""")
        browser.close()
    assert any(b["wide"] for b in boxes), boxes  # the trial has a table wider than a phone
    assert all(b["scrolls"] and b["keys"] for b in boxes if b["wide"]), boxes

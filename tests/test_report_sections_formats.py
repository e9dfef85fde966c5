"""Every section the report has reaches all three formats: the legal basis, the impact on
groups of children and the review with its content hash and the committee's decision are
built once in the core, so the PDF, the Word file and the HTML page each carry them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from doc_support import (
    docx_body_text,
    docx_headings,
    everything,
    heading_levels,
    inked,
    is_header_row,
    open_docx,
    outline,
    rendered_pages,
)
from test_report_support import pdf_text

from app.core.models.assessment import Answer, Assessment
from app.report import render_as

CITATION = "Skollagen (2010:800) 1 kap. 10 §"
GROUP = "Barn med funktionsnedsättning (sämre än för alla barn)"


@pytest.fixture(scope="module")
def full() -> Assessment:
    return everything()


@pytest.fixture(scope="module")
def texts(full: Assessment) -> dict[str, str]:
    """What a reader reads in each format, whitespace made single."""
    html = outline(render_as(full, ".html"))
    out = {
        ".pdf": pdf_text(render_as(full, ".pdf")),
        ".docx": docx_body_text(open_docx(render_as(full, ".docx"))),
        ".html": " ".join(e.text for e in html.all if e.tag == "main"),
    }
    return {k: " ".join(v.split()) for k, v in out.items()}


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_each_format_prints_the_legal_basis(texts: dict[str, str], suffix: str) -> None:
    text = texts[suffix]
    assert "Rättslig grund" in text and "Skola och fritidshem" in text
    assert CITATION in text and "Trafik, skolvägar och skolskjuts" in text
    assert "områden som valdes i fråga" in text
    assert "Patientlagen" not in text  # an area not chosen is not printed


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_each_format_prints_the_groups_table(texts: dict[str, str], suffix: str) -> None:
    text = texts[suffix]
    assert "Påverkan för grupper av barn" in text
    assert GROUP in text
    assert "−1,40" in text and "−0,40" in text  # the group's value beside all children's


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_each_format_prints_review_hash_and_decision(
    full: Assessment, texts: dict[str, str], suffix: str
) -> None:
    text = texts[suffix]
    assert "Granskning och beslut" in text and "Granskad, godkänd och beslutad" in text
    assert "Väl underbyggd." in text and "1, varav 0 olösta" in text
    assert full.review.content_hash in text.replace(" ", "")
    assert "§ 112" in text and "Ändrat förslag" in text and "BUN 2026-12-10" in text
    assert "Nedläggningen skjuts upp ett år." in text


def test_a_changed_frozen_text_is_called_so_in_word_and_html(full: Assessment) -> None:
    tampered = full.model_copy(update={
        "answers": {**full.answers, "places": Answer(value="Ändrat i filen efteråt")}})
    broken = "Stämmer inte med innehållet: ändrat efter godkännandet"
    assert broken in docx_body_text(open_docx(render_as(tampered, ".docx")))
    assert broken in render_as(tampered, ".html").decode()


def test_word_has_the_sections_as_headings_and_real_tables(full: Assessment) -> None:
    document: Any = open_docx(render_as(full, ".docx"))
    headings = docx_headings(document)
    level_one = [text for level, text in headings if level == 1]
    for name in ("Rättslig grund", "Påverkan för grupper av barn", "Granskning och beslut"):
        assert name in level_one
    assert (2, "Skola och fritidshem") in headings and (2, "Nämndens beslut") in headings
    legal = next(t for t in document.tables if t.rows[0].cells[0].text == "Bestämmelse")
    assert [c.text for c in legal.rows[0].cells] == ["Bestämmelse", "Styrka", "Vad den kräver"]
    assert is_header_row(legal.rows[0])
    groups = next(t for t in document.tables if t.rows[0].cells[1].text == "Grupp")
    assert is_header_row(groups.rows[0])
    assert GROUP in [c.text for c in groups.rows[1].cells]


def test_html_has_the_sections_under_h1_and_tables_with_headers(full: Assessment) -> None:
    page = outline(render_as(full, ".html"))
    levels = heading_levels(page)
    for name in ("Rättslig grund", "Påverkan för grupper av barn", "Granskning och beslut"):
        assert (2, name) in levels, name  # a part, under the decision's h1
    assert (3, "Skola och fritidshem") in levels and (3, "Nämndens beslut") in levels
    tables = [e for e in page.all if e.tag == "table"]
    legal = next(t for t in tables if "Bestämmelse" in t.text)
    cells = [e for e in _walk(legal) if e.tag == "th"]
    assert {c.attrs.get("scope") for c in cells} == {"col", "row"}


def test_nothing_of_it_when_nothing_happened() -> None:
    from doc_support import example

    html = render_as(example(), ".html").decode()
    assert "Granskning och beslut" not in html and "Påverkan för grupper av barn" not in html
    word = docx_body_text(open_docx(render_as(example(), ".docx")))
    assert "Granskning och beslut" not in word


def _walk(element: Any) -> list[Any]:
    out = []
    for child in element.children:
        out += [child, *_walk(child)]
    return out


def test_every_page_of_the_pdf_renders_with_something_on_it(
        full: Assessment, tmp_path: Path) -> None:
    from io import BytesIO

    import pypdf

    data = render_as(full, ".pdf")
    images = rendered_pages(data, tmp_path)
    assert len(images) == len(pypdf.PdfReader(BytesIO(data)).pages) > 5
    for image in images:
        assert inked(image) > 0.005, image.name


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_english_twins_speak_english(full: Assessment, suffix: str) -> None:
    data = render_as(full, suffix, lang="en")
    text = docx_body_text(open_docx(data)) if suffix == ".docx" else data.decode("utf-8")
    for seen in ("Legal basis", "Provision", "Impact on groups of children",
                 "worse than for all children", "Review and decision", "Content hash (SHA-256)",
                 "The committee's decision".replace("'", "&#x27;" if suffix == ".html" else "'")):
        assert seen in text, seen
    assert "Rättslig grund" not in text and "Granskning och beslut" not in text

"""The Word report read back with python-docx, as Word or a case system reads it."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from doc_support import (
    docx_body_text,
    docx_header_text,
    docx_headings,
    docx_language,
    docx_to_pdf,
    everything,
    example,
    inked,
    is_header_row,
    open_docx,
    rated_areas,
    rendered_pages,
    soffice,
)
from docx.oxml.ns import qn
from test_report_support import ANSWERS, make_assessment, make_catalog, pdf_pages

from app.core.catalog import Catalog
from app.report import render_as


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_catalog(tmp_path_factory.mktemp("catalog"))


@pytest.fixture(scope="module")
def largest() -> Any:
    return open_docx(render_as(example(), ".docx"))


@pytest.fixture(scope="module")
def draft(catalog: Catalog) -> Any:
    answers = {**ANSWERS, "basis_text": "<b>fet</b> & <script>alert(1)</script>\nrad två"}
    return open_docx(render_as(make_assessment(answers), ".docx", catalog=catalog))


def test_headings_use_word_styles_in_order(largest: Any) -> None:
    headings = docx_headings(largest)
    assert headings[0] == (0, "Nedläggning av Lövåkers skola (F-3)")
    levels = [level for level, _ in headings]
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"a heading level is skipped: {headings}"
    texts = [text for _, text in headings]
    for seen in ("Sammanfattning", "Påverkan på barnets rättigheter per område", "Varningar",
                 "Analys per avsnitt", "1. Berör ärendet barn?", "Påverkan per artikel",
                 "Bilaga: Berörda artiklar i barnkonventionen",
                 "Bilaga: Så beräknades bedömningen"):
        assert seen in texts, seen
    assert any(re.match(r"^7\.1 ", t) for t in texts), "questions are numbered headings"


def test_tables_have_repeating_header_rows(largest: Any) -> None:
    assert len(largest.tables) >= 5
    for table in largest.tables:
        assert is_header_row(table.rows[0])
        assert not any(is_header_row(r) for r in table.rows[1:])
    headers = [[c.text for c in t.rows[0].cells] for t in largest.tables]
    assert ["Åtgärd", "Ansvarig", "Klart senast", "Status"] in headers
    assert ["Artikel", "Kort sikt", "Lång sikt", "Samlat", "För vilka barn"] in headers
    measures = next(t for t in largest.tables if t.rows[0].cells[0].text == "Åtgärd")
    assert any("skolskjuts" in r.cells[0].text.lower() for r in measures.rows[1:])


def test_chart_is_an_image_with_alternative_text_and_its_table(largest: Any) -> None:
    pictures = largest.inline_shapes
    assert len(pictures) == 1
    alt = pictures[0]._inline.docPr.get("descr")
    assert alt.startswith("Stapeldiagram över påverkan")
    expected = rated_areas(example())
    assert expected
    for area, value in expected:
        assert f"{area} {value}" in alt
    chart_table = next(t for t in largest.tables if t.rows[0].cells[0].text == "Område")
    rows = [(r.cells[0].text, r.cells[1].text) for r in chart_table.rows[1:]]
    assert rows == expected


def test_language_title_and_author_are_set(largest: Any, catalog: Catalog) -> None:
    assert docx_language(largest) == "sv-SE"
    props = largest.core_properties
    assert props.title == "Barnkonsekvensanalys – beslut som rör barn: Nedläggning av " \
                          "Lövåkers skola (F-3)"
    assert props.author == "Karin Lund, utredare"
    assert props.language == "sv-SE"
    english = open_docx(render_as(make_assessment(), ".docx", lang="en", catalog=catalog))
    assert docx_language(english) == "en-GB"
    assert any(text == "Analysis by section" for _, text in docx_headings(english))


def test_a_draft_is_marked_in_the_header_not_in_the_text(draft: Any, largest: Any) -> None:
    assert "UTKAST" in docx_header_text(draft)
    assert "UTKAST" not in docx_body_text(draft)
    assert "UTKAST" not in docx_header_text(largest)  # the example is complete


def test_user_text_is_text_never_markup(draft: Any) -> None:
    body = docx_body_text(draft)
    assert "<b>fet</b> & <script>alert(1)</script>" in body
    assert "rad två" in body


def test_page_numbers_are_fields_in_the_footer(largest: Any) -> None:
    footer = largest.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and " PAGE " in footer
    assert "Sida " in "".join(p.text for p in largest.sections[0].footer.paragraphs)


def test_the_answers_are_all_there(largest: Any) -> None:
    body = docx_body_text(largest)
    for seen in ("Eleverna på Lövåkers skola och fritidshem", "Rektor, Storbyskolan",
                 "Artikel 28. ", "Gedigen analys"):
        assert seen in body, seen
    assert largest.element.body.find(qn("w:sectPr")) is not None


@pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (apt-get install libreoffice-writer)")
def test_libreoffice_prints_it(tmp_path: Path) -> None:
    assert soffice() is not None, "CI must install LibreOffice (.ci/run)"
    printed = docx_to_pdf(render_as(everything(), ".docx"), tmp_path)
    pages = pdf_pages(printed)
    assert 5 <= len(pages) <= 30
    assert "Nedläggning av Lövåkers skola (F-3)" in pages[0]
    assert "Sida 1 av" in pages[0]
    text = " ".join(pages)
    for part in ("Analys per avsnitt", "Rättslig grund", "Påverkan för grupper av barn",
                 "Granskning och beslut", "Så beräknades bedömningen"):
        assert part in text, part
    # every page renders as an image with something printed on it (pdftoppm, as a viewer)
    images = rendered_pages(printed, tmp_path / "png")
    assert len(images) == len(pages)
    for image in images:
        assert inked(image) > 0.005, image.name  # not a blank page

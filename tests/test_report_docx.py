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


def is_layout(table: Any) -> bool:
    """A table that only lays out label-value pairs: no borders, no header row."""
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return borders is not None and all(edge.get(qn("w:val")) == "nil" for edge in borders)


def data_tables(document: Any) -> list[Any]:
    return [t for t in document.tables if not is_layout(t)]


def test_tables_have_repeating_header_rows(largest: Any) -> None:
    assert len(data_tables(largest)) >= 5
    for table in largest.tables:
        if is_layout(table):  # pairs side by side: no header a reader would announce
            assert not any(is_header_row(r) for r in table.rows)
            continue
        assert is_header_row(table.rows[0])
        assert not any(is_header_row(r) for r in table.rows[1:])
    headers = [[c.text for c in t.rows[0].cells] for t in data_tables(largest)]
    assert ["Åtgärd", "Ansvarig", "Klart senast", "Status"] in headers
    assert ["Artikel", "Kort sikt", "Lång sikt", "Samlat", "För vilka barn"] in headers
    measures = next(t for t in data_tables(largest) if t.rows[0].cells[0].text == "Åtgärd")
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


LONG_TITLE = ("Nedläggning av Lövåkers skola och flytt av eleverna i årskurs F–6 till Storbyskolan "
              "från och med höstterminen 2027 samt ändrad skolskjutsorganisation")
LONG_COMMITTEE = ("Barn-, utbildnings- och fritidsnämnden i Lövåkers kommun (gemensam nämnd med "
                  "Storby kommun)")


def with_decision(**changes: str) -> Any:
    a = example()
    return a.model_copy(update={"decision": a.decision.model_copy(update=changes)})


def test_the_decisions_details_are_label_above_value_each_in_its_own_column() -> None:
    """The case's details side by side: each pair in a cell of its own (label, then value), so
    a long committee's name wraps in its column instead of pushing the next ones along."""
    word = open_docx(render_as(with_decision(committee=LONG_COMMITTEE), ".docx"))
    cover = next(t for t in word.tables if is_layout(t))
    cells = [[p.text for p in c.paragraphs] for row in cover.rows for c in row.cells]
    assert ["Diarienummer", "BUN 2026/87"] in cells
    assert ["Nämnd", LONG_COMMITTEE] in cells
    assert ["Beslutsfattare", "Barn- och utbildningsnämnden"] in cells
    assert len({len(row.cells) for row in cover.rows}) == 1 and len(cover.columns) == 3
    assert "\t" not in docx_body_text(word)


def _words_at(pdf: bytes) -> list[tuple[str, float, float]]:
    """(text, x, y) of each piece of text on the first page, as LibreOffice printed it."""
    from io import BytesIO

    from pypdf import PdfReader

    found: list[tuple[str, float, float]] = []

    def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(BytesIO(pdf)).pages[0].extract_text(visitor_text=seen)
    return found


@pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (apt-get install libreoffice-writer)")
@pytest.mark.parametrize("committee", ["Kultur- och fritidsnämnden", LONG_COMMITTEE])
def test_printed_the_values_stand_under_their_labels(tmp_path: Path, committee: str) -> None:
    """As LibreOffice prints it, short or long: each value starts where its label starts and
    on its row's first line; a long one wraps in its column, never pushing the next along."""
    assert soffice() is not None, "CI must install LibreOffice (.ci/run)"
    printed = docx_to_pdf(render_as(with_decision(title=LONG_TITLE, committee=committee),
                                    ".docx"), tmp_path)
    words = _words_at(printed)

    def at(start: str) -> tuple[float, float]:
        return next((x, y) for text, x, y in words if text.startswith(start))

    for label, value in (("Diarienummer", "BUN 2026/87"), ("Nämnd", committee[:12]),
                         ("Beslutsfattare", "Barn- och utb")):
        assert abs(at(label)[0] - at(value)[0]) < 2, (label, words)
        assert abs(at(value)[1] - at("BUN 2026/87")[1]) < 2, (value, words)
    assert at("Diarienummer")[0] < at("Nämnd")[0] < at("Beslutsfattare")[0]

"""What a reader of the PDF sees: the decision, the level, the answers, in the right language."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from test_report_support import (
    ANSWERS,
    font_names,
    make_assessment,
    make_catalog,
    pdf_pages,
    pdf_text,
)

from app.core.catalog import Catalog
from app.report import render_pdf


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_catalog(tmp_path_factory.mktemp("catalog"))


@pytest.fixture(scope="module")
def swedish(catalog: Catalog) -> bytes:
    answers = {**ANSWERS, "why_not": "DOLT SVAR SOM INTE SKA SYNAS"}  # hidden by 'affects'
    return render_pdf(make_assessment(answers), catalog=catalog)


@pytest.fixture(scope="module")
def english(catalog: Catalog) -> bytes:
    return render_pdf(make_assessment(), lang="en", catalog=catalog)


def test_first_page_has_decision_level_and_figures(swedish: bytes) -> None:
    first = pdf_pages(swedish)[0]
    for seen in ("Nedläggning av Björkskolans F-3", "BUN 2026/112", "Barn- och utbildningsnämnden",
                 "2026-12-10", "Åsa Öberg", "Samlad nivå", "God", "100 av 100 poäng",
                 "den högsta nivån kräver en granskares godkännande",
                 "Rättigheter som försvagas", "Processkvalitet", "Fullständighet", "100 %",
                 "Påverkan på barnets rättigheter per område", "Varningar"):
        assert seen in first, seen


def test_every_answered_visible_question_is_there_with_its_number(swedish: bytes) -> None:
    text = pdf_text(swedish)
    for number, question in [("1.1", "Berör beslutet barn direkt eller indirekt?"),
                             ("1.3", "Vilka grupper av barn berörs särskilt?"),
                             ("2.1", "Har barn fått komma till tals?"),
                             ("2.3", "Hur gott är kunskapsunderlaget?"),
                             ("3.1", "Hur påverkas barnets rättigheter?"),
                             ("4.2", "Vilka åtgärder mildrar negativa följder?"),
                             ("5.2", "När följs beslutet upp?")]:
        assert f"{number} {question}" in text


def test_answers_read_as_labels_not_stored_values(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "Ja, direkt" in text and "Genom andra" in text
    assert "Barn med funktionsnedsättning" in text and "Nyanlända barn" in text
    assert "through_others" not in text and "newly_arrived" not in text
    assert "4 på skalan 1–5 (1 = Mycket svagt, 5 = Mycket gott)" in text
    assert "240 barn" in text
    assert "Kommentar: Elevrådet och fritidsgårdens personal." in text


def test_impact_and_actions_are_tables_with_labels(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "Artikel Kort sikt Lång sikt För vilka barn" in text
    assert "−1 Något försvagad" in text and "Kan inte bedömas än" in text
    assert "Elever med lång skolväg" in text
    assert "Åtgärd Ansvarig Klart senast Status" in text
    assert "Skolskjutsenheten 2027-01-15 Pågår" in text
    assert "Påverkan per artikel" in text and "+1,60" in text


def test_hidden_question_and_its_stored_answer_are_left_out(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "Varför berörs inga barn?" not in text
    assert "DOLT SVAR" not in text
    assert "Varför har barn inte hörts?" not in text


def test_unanswered_optional_question_is_listed_once_not_printed(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "5.1 Hur får barnen veta vad som beslutades? Inte besvarad" not in text
    listed = text.split("Frivilliga frågor utan svar", 1)[1]
    assert listed.startswith(" Frågorna nedan är frivilliga och har inte besvarats")
    assert "5.1 Hur får barnen veta vad som beslutades?" in listed
    assert text.count("Hur får barnen veta vad som beslutades?") == 1


def test_articles_concerned_with_our_summary(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "Berörda artiklar i barnkonventionen" in text
    assert "Artikel 3. Barnets bästa (allmän princip)" in text
    assert "Artikel 31." in text


def test_method_prints_weights_criteria_and_bands(swedish: bytes) -> None:
    text = pdf_text(swedish)
    assert "0,4 × kort sikt + 0,6 × lång sikt" in text
    assert "Barn har hörts 40 Ja" in text
    assert "0,7 × processkvalitet + 0,3 × fullständighet" in text
    assert "80 – 100 God" in text and "50 – 80 Godtagbar" in text
    assert "Artikel 12 försvagas men inga barn har hörts och skälet saknas." in text


def test_colophon_names_questionnaire_version_hash_and_time(swedish: bytes,
                                                            catalog: Catalog) -> None:
    last = pdf_pages(swedish)[-1]
    assert "report-test" in last and "2.0.0" in last
    assert catalog.hashes["report-test"] in last
    assert re.search(r"Rapporten skapad \d{4}-\d{2}-\d{2} \d{2}:\d{2}", last)


def test_every_page_has_header_and_page_x_of_y(swedish: bytes) -> None:
    pages = pdf_pages(swedish)
    assert 3 <= len(pages) <= 12
    for number, page in enumerate(pages, 1):
        assert "Nedläggning av Björkskolans F-3" in page
        assert f"Sida {number} av {len(pages)}" in page


def test_swedish_letters_survive(swedish: bytes) -> None:
    text = pdf_text(swedish)
    for word in ("Åsa Öberg", "Ängsskolan", "påverkas", "Björkby"):
        assert word in text


def test_english_report_has_english_frame(english: bytes) -> None:
    text = pdf_text(english)
    for seen in ("Overall level", "Good", "Rights weakened", "Process quality", "Completeness",
                 "Analysis by section",
                 "Does the decision concern children directly or indirectly?",
                 "Yes, directly", "Through others", "Comment:", "Page 1 of",
                 "How the scores were computed", "About this report", "DRAFT"):
        assert seen in text, seen
    for swedish_word in ("Sida ", "Kommentar", "Samlad nivå", "UTKAST", "Inte besvarad"):
        assert swedish_word not in text, swedish_word


def test_font_is_embedded_and_nothing_else(swedish: bytes) -> None:
    names = font_names(swedish)
    assert {n.split("+")[-1] for n in names} == {"DejaVuSans", "DejaVuSans-Bold"}
    reader = pypdf.PdfReader(BytesIO(swedish))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the TrueType program is in the file


def test_metadata_title_author_subject_and_language(swedish: bytes) -> None:
    reader = pypdf.PdfReader(BytesIO(swedish))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Barnkonsekvensanalys: Nedläggning av Björkskolans F-3"
    assert meta.author == "Åsa Öberg"
    assert "BUN 2026/112" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"


def test_english_document_language(english: bytes) -> None:
    assert pypdf.PdfReader(BytesIO(english)).trailer["/Root"]["/Lang"] == "en-GB"


def test_draft_carries_the_watermark_on_every_page(swedish: bytes) -> None:
    assert all("UTKAST" in page for page in pdf_pages(swedish))


@pytest.mark.parametrize("status", ["complete", "followed_up"])
def test_completed_assessment_has_no_watermark(catalog: Catalog, status: str) -> None:
    data = render_pdf(make_assessment(status=status), catalog=catalog)
    text = pdf_text(data)
    assert "UTKAST" not in text and "Färdigställd" in text


def test_warning_shows_on_the_first_page(catalog: Catalog, tmp_path: Path) -> None:
    answers = {
        "affects": "direct", "heard": "no",
        "impact_main": {12: {"short": -2, "long": -1, "children": "Alla"}},
    }
    first = pdf_pages(render_pdf(make_assessment(answers), catalog=catalog))[0]
    assert "Allvarlig: Artikel 12 försvagas men inga barn har hörts och skälet saknas." in first
    assert "(se fråga 2.1)" in first
    assert "Varning: Negativ påverkan utan åtgärder." in first

"""The one page for the tjänsteskrivelse, as an official pastes it and as Word prints it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from doc_support import (
    docx_body_text,
    docx_header_text,
    docx_headings,
    docx_language,
    docx_to_pdf,
    example,
    open_docx,
    soffice,
)
from test_report_support import pdf_pages

from app.cli.main import main
from app.core.loading import load_assessment
from app.report.formats import summary_as
from app.services.paths import EXAMPLES_DIR

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def text() -> str:
    return summary_as(example(), ".txt").decode("utf-8")


def test_it_leads_with_the_conclusion_and_its_reasons(text: str) -> None:
    first = text.split("\n\n")[0]
    assert first.startswith("Slutsats om barnets bästa: Delvis. Förslaget ger eleverna "
                            "behöriga lärare")
    assert "har lett till konkreta ändringar i förslaget." in first


def test_rights_weakened_and_strengthened_and_for_whom(text: str) -> None:
    weakened = text.split("Rättigheter som försvagas:\n", 1)[1].split("\n\n")[0]
    assert "– Artikel 28 Rätt till utbildning (kort sikt): Byte av lärare och miljö" in weakened
    assert "– Artikel 31 Vila, fritid, lek och kultur (kort sikt, lång sikt): Längre resväg" \
        in weakened
    strengthened = text.split("Rättigheter som stärks:\n", 1)[1].split("\n\n")[0]
    assert "– Artikel 12 Barnets rätt att komma till tals (lång sikt): Eleverna hördes" \
        in strengthened
    # article 28 is in both lists; its children are named once
    assert strengthened.count("Byte av lärare") == 0


def test_what_children_said_how_it_changed_measures_follow_up(text: str) -> None:
    assert "Vad barn har sagt: Alla 31 elever deltog på klassråd" in text
    assert "Så påverkade barnens synpunkter förslaget: Busstiderna planeras" in text
    assert "– Vuxen följer med på bussen under höstterminen 2027 (ansvarig: Rektor, " \
           "Storbyskolan, senast 2027-08-17)" in text
    assert "Uppföljning: Förvaltningens kvalitetsstrateg tillsammans med rektor på " \
           "Storbyskolan. Senast 2028-02-15." in text
    assert re.search(r"\(dnr\u00a0BUN 2026/87, \d{4}-\d\d-\d\d\) bifogas ärendet\.$", text.rstrip())
    assert "”Nedläggning av Lövåkers skola (F-3)”" in text.splitlines()[-1]


def test_no_line_is_broken_by_us(text: str) -> None:
    conclusion = text.split("\n\n")[0]
    assert "\n" not in conclusion  # a paragraph is one line: it reflows where it is pasted


def test_serious_findings_and_draft_are_not_hidden() -> None:
    assessment, _ = load_assessment(CORPUS / "std-no-conclusion.yaml")
    text = summary_as(assessment, ".txt").decode("utf-8")
    assert text.startswith("Utkast: bedömningen är inte färdigställd.")
    assert "Slutsats om barnets bästa: Bedömningen tar inte ställning" in text
    assert "Brister som återstår: " in text


def test_a_screening_record_says_so_and_gives_its_reason() -> None:
    assessment, _ = load_assessment(CORPUS / "std-screened-preschool.yaml")
    text = summary_as(assessment, ".txt").decode("utf-8")
    assert "Ärendet har prövats och bedöms inte beröra barn." in text
    assert "Skäl: Ärendet gäller en omorganisation" in text
    assert "Rättigheter som försvagas" not in text


def test_english(tmp_path: Path) -> None:
    text = summary_as(example(), ".txt", lang="en").decode("utf-8")
    assert text.startswith("Conclusion on the child's best interests: Partly.")
    # worst first: article 31 (−1 in both terms) before article 2 (−1 in the short term)
    assert "Rights weakened:\n– Article 31 Rest, leisure, play and culture" in text
    assert "– Article 2 Equal rights for every child (short term)" in text


def test_word_summary_has_its_heading_language_and_draft_header() -> None:
    word = open_docx(summary_as(example(), ".docx"))
    assert docx_headings(word) == [(1, "Barnkonsekvensanalys")]
    assert docx_language(word) == "sv-SE"
    body = docx_body_text(word)
    assert "Slutsats om barnets bästa: Delvis." in body
    assert word.core_properties.title.startswith("Sammanfattning för tjänsteskrivelsen")
    draft = open_docx(summary_as(load_assessment(CORPUS / "std-no-conclusion.yaml")[0],
                                 ".docx"))
    assert "Utkast" in docx_header_text(draft) and "Utkast" not in docx_body_text(draft)


@pytest.mark.skipif(soffice() is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed (apt-get install libreoffice-writer)")
def test_the_largest_example_fits_one_page(tmp_path: Path) -> None:
    pages = pdf_pages(docx_to_pdf(summary_as(example(), ".docx"), tmp_path))
    assert len(pages) == 1
    assert "bifogas ärendet" in pages[0]


def test_bka_report_summary_to_stdout_and_files(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = str(EXAMPLES_DIR / "trafik-skolvag.yaml")
    assert main(["report", source, "--summary"]) == 0
    assert capsys.readouterr().out.startswith("Slutsats om barnets bästa: Ja.")
    out = tmp_path / "sammanfattning.docx"
    assert main(["report", source, "--summary", "-o", str(out)]) == 0
    assert "Slutsats om barnets bästa: Ja." in docx_body_text(open_docx(out.read_bytes()))
    assert main(["report", source, "--summary", "-o", str(tmp_path / "s.pdf")]) == 2
    err = capsys.readouterr().err
    assert "the summary is written as .docx or .txt" in err and "Traceback" not in err

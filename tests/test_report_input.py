"""Bad input gets a correct PDF or a clear message: markup, huge answers, emoji, RTL, versions."""

from __future__ import annotations

import unicodedata
from io import BytesIO

import pypdf
import pytest
from test_report_support import ANSWERS, make_assessment, make_catalog, pdf_pages, pdf_text

from app.core.catalog import Catalog
from app.report import ReportError, render_pdf
from app.report.text import PLACEHOLDER, blocks, clean, markup


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return make_catalog(tmp_path_factory.mktemp("catalog"))


def render(catalog: Catalog, **answers: object) -> bytes:
    return render_pdf(make_assessment({**ANSWERS, **answers}), catalog=catalog)


MARKUP = '<b>bold</b> a < b & c <font size=40>big</font> <img src="/etc/passwd"/> &amp; x'


def test_markup_in_answers_prints_as_typed(catalog: Catalog) -> None:
    data = render(catalog, motivation=MARKUP,
                  heard={"value": "directly", "comment": "<i>kursiv</i> & <br/> <para>"})
    text = pdf_text(data)
    assert MARKUP in text
    assert "<i>kursiv</i> & <br/> <para>" in text


def test_markup_never_loads_an_image(catalog: Catalog) -> None:
    data = render(catalog, motivation=MARKUP)
    for page in pypdf.PdfReader(BytesIO(data)).pages:
        objects = page["/Resources"].get("/XObject", {})
        assert not any(o.get_object().get("/Subtype") == "/Image" for o in objects.values())


def test_markup_in_decision_and_impact_fields(catalog: Catalog) -> None:
    decision = {"title": "Skola <b>A</b> & B", "official": "<font size=40>X</font>",
                "case_number": "<", "committee": "a < b", "description": MARKUP}
    impacts = {3: {"short": 1, "long": 1, "children": "<u>alla</u> & några"}}
    data = render_pdf(make_assessment({**ANSWERS, "impact_main": impacts}, decision=decision),
                      catalog=catalog)
    text = pdf_text(data)
    for typed in ("Skola <b>A</b> & B", "<font size=40>X</font>", "a < b", MARKUP,
                  "<u>alla</u> & några"):
        assert typed in text, typed


def test_markup_helper_escapes_everything() -> None:
    assert markup("a < b & <c>") == "a &lt; b &amp; &lt;c&gt;"
    assert markup("rad 1\nrad 2") == "rad 1<br/>rad 2"


def test_a_20000_character_answer_breaks_across_pages(catalog: Catalog) -> None:
    sentence = "Barnen på skolan berättade om sin skolväg och vad som känns otryggt. "
    long = (sentence * 300)[:20_000 - 11] + " SLUTMARKÖR"
    assert len(long) == 20_000
    pages = pdf_pages(render(catalog, basis_text=long))
    start = next(i for i, p in enumerate(pages) if "2.5 Beskriv underlaget." in p)
    end = next(i for i, p in enumerate(pages) if "SLUTMARKÖR" in p)
    assert end >= start + 3  # it continues over several pages
    assert all("Barnen på skolan" in pages[i] for i in range(start, end + 1))
    assert "4.1 Hur har barnets bästa vägts mot andra intressen?" in " ".join(pages[end:])


def test_a_20000_character_word_does_not_overflow(catalog: Catalog) -> None:
    pages = pdf_pages(render(catalog, basis_text="å" * 20_000))
    assert sum(p.count("å") for p in pages) >= 19_990  # split into lines, none lost


def test_a_long_table_cell_runs_over_the_page(catalog: Catalog) -> None:
    children = "Barn i Björkby som går till skolan. " * 400
    impacts = {3: {"short": 1, "long": 1, "children": children + "CELLSLUT"}}
    assert "CELLSLUT" in pdf_text(render(catalog, impact_main=impacts))


def test_long_answers_are_chunked_for_platypus() -> None:
    parts = blocks("ord " * 5000)
    assert len(parts) > 10 and all(len(chunk) <= 1600 for chunk, _ in parts)


def test_emoji_do_not_crash_and_the_words_stay(catalog: Catalog) -> None:
    data = render(catalog, motivation="Barnen 😀🧒👍🏽👨‍👩‍👧 tyckte ✓ om det ☺",
                  heard={"value": "directly", "comment": "🚸 trafik"})
    text = pdf_text(data)
    assert "Barnen" in text and "tyckte ✓ om det ☺" in text and "trafik" in text
    assert PLACEHOLDER in text


def test_control_characters_are_dropped() -> None:
    assert clean("a\x00b\x0bc\x1bd\r\ne") == "abcd\ne"


ARABIC_NAME = "محمد علي"
ARABIC_TEXT = "الأطفال يحتاجون إلى طريق آمن إلى المدرسة كل يوم"


def _readable(text: str) -> str:
    # Shaped Arabic is stored as presentation forms; NFKC maps them back to letters.
    return unicodedata.normalize("NFKC", text)


def test_right_to_left_text_prints_and_is_not_lost(catalog: Catalog) -> None:
    data = render(catalog, motivation=f"Samtal med {ARABIC_NAME} och יוסי כהן.",
                  basis_text=(ARABIC_TEXT + " ") * 40,
                  heard={"value": "directly", "comment": ARABIC_NAME})
    text = _readable(pdf_text(data))
    for word in ARABIC_NAME.split() + ["الأطفال", "المدرسة"]:
        assert word in text or word[::-1] in text, word
    assert "יוסי" in text or "יוסי"[::-1] in text
    assert "Samtal med" in text


def test_rtl_decision_title_in_header_and_metadata(catalog: Catalog) -> None:
    data = render_pdf(make_assessment(ANSWERS, decision={"title": f"Beslut om {ARABIC_NAME}"}),
                      catalog=catalog)
    meta = pypdf.PdfReader(BytesIO(data)).metadata
    assert meta is not None and ARABIC_NAME in (meta.title or "")
    assert "Beslut om" in pdf_pages(data)[1]


def test_empty_answers_give_a_report(catalog: Catalog) -> None:
    data = render_pdf(make_assessment({}), catalog=catalog)
    text = pdf_text(data)
    assert "Inte besvarad (obligatorisk fråga)" in text
    assert "Ingen artikel bedömd ännu" in text


def test_old_version_renders_with_a_visible_note(catalog: Catalog) -> None:
    assessment = make_assessment(
        {**ANSWERS, "removed_question": "Ett svar från den gamla versionen",
         "affects": {"value": "maybe", "comment": "gammalt alternativ"}},
        questionnaire={"id": "report-test", "version": "1.4.0"})
    pages = pdf_pages(render_pdf(assessment, catalog=catalog))
    assert "version 1.4.0" in pages[0] and "inte längre" in pages[0]
    text = " ".join(pages)
    assert "Svar på frågor som inte finns i den nuvarande versionen" in text
    assert "Sparat svar som inte passar den nuvarande versionen: maybe" in text
    assert "Ett svar från den gamla versionen" in text and "maybe" in text
    assert "Besvarad med 1.4.0" in text


def test_same_version_with_changed_text_is_noted(catalog: Catalog) -> None:
    assessment = make_assessment(
        ANSWERS, questionnaire={"id": "report-test", "version": "2.0.0", "hash": "0" * 16})
    assert "Frågeformulärets text har ändrats" in pdf_pages(render_pdf(assessment,
                                                                      catalog=catalog))[0]


def test_unknown_questionnaire_is_a_clear_error(catalog: Catalog) -> None:
    assessment = make_assessment(ANSWERS, questionnaire={"id": "nope", "version": "1.0.0"})
    with pytest.raises(ReportError, match="questionnaire 'nope'.*report-test"):
        render_pdf(assessment, catalog=catalog)


def test_answers_that_do_not_fit_the_current_version_are_a_clear_error(
        catalog: Catalog) -> None:
    with pytest.raises(ReportError, match=r"answer to the question .*\(affects\) .*'maybe'"):
        render_pdf(make_assessment({"affects": "maybe"}), catalog=catalog)


def test_unknown_language_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ReportError, match="language 'de'"):
        render_pdf(make_assessment(ANSWERS), lang="de", catalog=catalog)


@pytest.mark.parametrize("field", ["committee", "official", "case_number", "decision_maker"])
def test_huge_decision_fields_run_over_pages(catalog: Catalog, field: str) -> None:
    # Beyond what the model lets in (LINE_MAX): the renderer copes with any length anyway,
    # e.g. data stored before the limit (model_copy does not validate).
    base = make_assessment(ANSWERS, decision={"title": "Beslut"})
    huge = base.decision.model_copy(update={field: "Nämnd " * 4000 + "FÄLTSLUT"})
    pages = pdf_pages(render_pdf(base.model_copy(update={"decision": huge}), catalog=catalog))
    assert "FÄLTSLUT" in " ".join(pages)
    with pytest.raises(ValueError, match=f"{field}\n.*at most 300 characters"):
        make_assessment(ANSWERS, decision={"title": "Beslut", field: "Nämnd " * 4000})

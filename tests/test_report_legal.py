"""The legal basis in the PDF, read as a reader reads it (pypdf text)."""

from __future__ import annotations

from test_report_support import pdf_text

from app.core.law import law_questions
from app.core.loading import load_assessment
from app.report import render_pdf
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog


def _pdf(name: str, lang: str, **answers: object) -> str:
    assessment, _ = load_assessment(EXAMPLES_DIR / name)
    if answers:
        from app.core.models.assessment import Answer

        merged = {**assessment.answers, **{k: Answer(value=v) for k, v in answers.items()}}
        assessment = assessment.model_copy(update={"answers": merged})
    return pdf_text(render_pdf(assessment, lang=lang, catalog=catalog()))


def test_individual_report_prints_the_social_services_rules() -> None:
    text = _pdf("individ-placering.yaml", "sv")
    assert "Rättslig grund" in text
    # the intro points at the area question and the law question by the numbers the reader sees
    assessment, _ = load_assessment(EXAMPLES_DIR / "individ-placering.yaml")
    questionnaire = catalog().questionnaires[assessment.questionnaire.id]
    [question] = law_questions(questionnaire)
    assert question.law is not None
    numbering = questionnaire.numbering
    assert f"områden som valdes i fråga {numbering[question.law.source]}," in text
    assert f"vid fråga {numbering[question.id]} i analysen" in text
    for seen in ("LVU (1990:52) 1 §", "LVU (1990:52) 39 §",
                 "Socialtjänstlagen (2025:400) (paragraf ej kontrollerad)",
                 "Barnkonventionen (2018:1197) artikel 3", "Avgörande",
                 "Ska i första hand beaktas", "Kommunallagen (2017:725) 13 kap. 8 §"):
        assert seen in text, seen
    assert "Skollagen (2010:800)" not in text  # another area's rules are not printed
    assert "Föräldrabalken" not in text  # family law is an area of its own
    assert "kontrollera alltid" not in text.lower()  # the status is shown, no instruction


def test_the_strengths_used_are_explained_with_article_3_as_the_floor() -> None:
    text = _pdf("individ-placering.yaml", "sv", decision_area=["disability_support"])
    assert "Vad styrkorna betyder" in text
    assert "Ska särskilt beaktas" in text  # LSS 6 a §
    assert "sänker det aldrig" in " ".join(text.split())


def test_several_areas_print_each_areas_rules() -> None:
    text = _pdf("individ-placering.yaml", "en",
                decision_area=["school", "school_transport", "family_law"])
    for seen in ("The Education Act (2010:800) chapter 1 section 10",
                 "The Education Act (2010:800) chapter 10 section 32",
                 "The Pupil Journeys Act (1991:1110) section 2",
                 "The Children and Parents Code (1949:381) chapter 6 section 2 a"):
        assert seen in text, seen


def test_area_changes_the_legal_basis_and_english_cites_in_english() -> None:
    text = _pdf("individ-placering.yaml", "en", decision_area=["health"])
    assert "Legal basis" in text
    assert "The Patient Act (2014:821) chapter 1 section 8" in text
    assert "To be given particular consideration" in text
    assert "LVU (1990:52)" not in text


def test_standard_report_without_an_area_says_so() -> None:
    text = _pdf("fritidsgard-oppettider.yaml", "sv")
    assert "Rättslig grund" in text
    assert "Inget område har valts än" in text


def test_standard_report_prints_each_area_chosen_once() -> None:
    text = _pdf("skolnedlaggning.yaml", "sv", legal_area=["skola", "trafik", "skola"])
    assert text.count("Skola och fritidshem Bestämmelse") == 1
    assert "Trafik, skolvägar och skolskjuts" in text and "Skollagen (2010:800) 1 kap. 10 §" in text
    assert "Inget område har valts än" not in text


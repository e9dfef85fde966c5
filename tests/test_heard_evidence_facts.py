"""When and about what children were heard, how old the facts are, what lasts in everyday life
and whether the alternatives are real: what `bka score` shows the official.

Each round-6 file is scored with the new questions answered as its own text says; the finding
printed must name the defect in words, and an honest file with the same kind of decision must
get none of these findings (its new facts are answered too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring_setup import file_answers, score_answers

from app.cli.commands import format_scorecard
from app.core.loading import load_assessment
from app.services.shipped import catalog

ROUND6 = Path(__file__).parent / "corpus" / "redteam" / "round6"
NEW_FINDINGS = {"heard_on_other_matter", "heard_after_decision", "facts_outdated",
                "lasting_travel_not_rated", "no_real_alternative",
                "better_alternative_rejected_unreasoned"}


def shown(path: Path, lang: str = "sv", **changes: object) -> tuple[str, set[str]]:
    """What `bka score` shows for the file, with the facts in `changes` answered otherwise."""
    assessment, values = file_answers(path)
    card = score_answers(assessment, {**values, **changes})
    q = catalog().questionnaire(assessment.questionnaire.id)
    assert q is not None
    return format_scorecard(card, lang, q), {f.id for f in card.flags}


@pytest.mark.parametrize(("name", "words"), [
    ("weak01-byskola-restid-som-overgang", ["mer än en timme längre resor varje dag",
                                            "ingen rättighet bedöms försvagad på lång sikt"]),
    ("weak02-fritidsgard-halmgubbsalternativ", ["Inget verkligt alternativ har prövats",
                                                "sämre för barnen utan någon annan fördel"]),
    ("weak03-skolskjuts-gammal-trafikinventering", ["ett läge som har ändrats sedan de togs fram",
                                                    "inga nyare uppgifter"]),
])
def test_the_finding_names_the_defect(name: str, words: list[str]) -> None:
    text, _ = shown(ROUND6 / f"{name}.filled.yaml")
    for phrase in words:
        assert phrase in text, phrase
    assert "Ofullständig" in text


def test_the_findings_speak_english_too() -> None:
    text, _ = shown(ROUND6 / "weak03-skolskjuts-gammal-trafikinventering.filled.yaml", "en")
    assert "no newer facts about the change" in text


def test_an_honest_file_with_the_same_decision_gets_none_of_them() -> None:
    text, raised = shown(ROUND6 / "control1-fritidsgard-grundlig.filled.yaml")
    assert not raised & NEW_FINDINGS, raised
    assert "Inget verkligt alternativ" not in text


def test_a_file_written_before_the_questions_is_not_answered_never_contradicted() -> None:
    """The same weak file as written (an earlier version): its new facts are open, so it is
    held as incomplete, and no rule claims a contradiction it never wrote."""
    _, raised = shown(ROUND6 / "weak01-byskola-restid-som-overgang.yaml")
    assert "required_missing" in raised
    assert not raised & NEW_FINDINGS, raised


def _report_texts(path: Path) -> dict[str, str]:
    """The short report (page 1 onwards) as a reader sees it, in each format."""
    import re
    from io import BytesIO

    import docx
    from test_report_support import pdf_pages

    from app.report import render_as

    assessment, _ = load_assessment(path)
    pdf = render_as(assessment, ".pdf", form="short")
    word = docx.Document(BytesIO(render_as(assessment, ".docx", form="short")))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    html = render_as(assessment, ".html", form="short").decode("utf-8")
    return {"pdf": " ".join(pdf_pages(pdf)),
            "docx": " ".join([p.text for p in word.paragraphs] + cells),
            "html": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))}


def test_page_one_shows_the_facts_in_the_reviewers_questions() -> None:
    """The reviewer's questions on page 1 quote the answers they ask about, in every format:
    a reader of the report for the case file sees the facts, not only question numbers."""
    texts = _report_texts(ROUND6 / "weak03-skolskjuts-gammal-trafikinventering.filled.yaml")
    for where, text in texts.items():
        assert "underlaget från ”2017”" in text, where
        assert "”Ja, men bedömningen har inga nyare uppgifter om det som har ändrats”" in text, \
            where
        assert "med ”40 minuter per dag” längre resor" in text, where
        assert "det barnen sa ”2026-11-30”" in text, where


def test_facts_never_answered_are_not_asked_about() -> None:
    """A file answered before the questions existed gets no question quoting an empty fact."""
    texts = _report_texts(ROUND6 / "weak01-byskola-restid-som-overgang.yaml")
    assert all("underlaget från" not in t and "det barnen sa ”" not in t
               for t in texts.values())


CONTROL = ROUND6 / "control1-fritidsgard-grundlig.filled.yaml"


@pytest.mark.parametrize(("changes", "finding", "words"), [
    ({"heard_occasion": "other_matter"}, "heard_on_other_matter",
     "från ett tillfälle som gällde en annan fråga"),
    ({"heard_date": "2026-12-01"}, "heard_after_decision",
     "hördes efter det planerade beslutsdatumet"),
    ({"heard_date": "2025-06-30"}, "heard_long_before_analysis",
     "mer än ett år innan analysen gjordes"),
    ({"knowledge_changed": "changed_not_updated"}, "facts_outdated",
     "ett läge som har ändrats sedan de togs fram"),
    ({"knowledge_changed": "unknown", "knowledge_year": 2019}, "facts_old_unchecked",
     "minst fem år gamla"),
    ({"alternatives_children": "worse"}, "no_real_alternative",
     "Inget verkligt alternativ har prövats"),
    ({"alternatives_children": "better"}, "better_alternative_rejected_unreasoned",
     "är bättre för barnen än förslaget, men det står inte varför"),
])
def test_each_fact_answered_otherwise_names_its_defect(changes: dict[str, object], finding: str,
                                                       words: str) -> None:
    """The same honest file, one fact answered as a weak one would be: the finding follows the
    fact, whatever the file's wording, and says what is wrong."""
    text, raised = shown(CONTROL, **changes)
    assert finding in raised, raised
    assert words in text


def test_a_reason_in_words_answers_the_alternatives_but_never_a_fact() -> None:
    """A written reason why no real alternative exists lifts that finding (a reviewer is then
    asked whether it is true); no wording lifts a fact such as facts that have changed."""
    reason = ("Besparingen på 1,2 miljoner kronor kan bara nås genom kvällsöppettider, eftersom "
              "dagtid och lov redan är neddragna 2026 och föreningsbidragen sänkta.")
    _, raised = shown(CONTROL, alternatives_children="worse",
                             why_no_real_alternative=reason)
    assert "no_real_alternative" not in raised
    _, raised = shown(CONTROL, knowledge_changed="changed_not_updated",
                             knowledge_summary=reason + " Underlaget är aktuellt och uppdaterat.")
    assert "facts_outdated" in raised


def test_a_lasting_daily_journey_needs_a_long_term_harm_whatever_its_length_is_called() -> None:
    weak = ROUND6 / "weak01-byskola-restid-som-overgang.filled.yaml"
    _, raised = shown(weak, travel_minutes_added=60)
    assert "lasting_travel_not_rated" not in raised  # an hour a day is the line, not above it
    _, raised = shown(weak, losses_last="transition")
    assert "permanent_change_called_transition" in raised  # a closure's journey does not end


def test_months_between_reads_dates_and_years() -> None:
    from app.core.fact_dates import months_between

    assert months_between("2025-06-30", "2026-10-15") == 15
    assert months_between(2017, "2026-12-08") == 113  # a year stands for its middle
    assert months_between(None, "2026-12-08") is None
    assert months_between("2027-01-31", "2026-12-31") < 0

"""An assessment of one child (the individual track) speaks of "barnet"/"the child" wherever
our own words describe the child: the measures' facts in the form and every document, the
impact tables, the method and the findings' details. The same answers in the group track
still say "barnen"/"the children", so each check can fail either way."""

from __future__ import annotations

import html
import re
from io import BytesIO
from typing import Any

import docx
import pytest
from test_report_support import pdf_text

from app.core import measure_facts
from app.core.document.csv_tables import table_csv
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.report.context import prepare
from app.report.formats import render_as, summary_as
from app.services.paths import EXAMPLES_DIR

#: our own plural words for children (article summaries and law texts are the library's, and
#: speak of children in general; they are not checked here)
GROUP_WORDS = ("når barnen", "ger barnen", "barnen kan vara kvar", "håller barnen kvar",
               "Barnen som skadan gäller", "Barnen, genom", "For which children",
               "För vilka barn", "reaches the children", "offers the children",
               "the children can stay", "keeps the children in", "The children harmed",
               "The children, through", "for the children who live through it",
               "för de barn som lever med den")


def measures_of_every_kind(example: str) -> Assessment:
    """The example with measures whose facts take every answer that names the children,
    one left open (so the open facts are said) and one reaching the parents (so page 1 and
    the summary name it)."""
    assessment = load_assessment(EXAMPLES_DIR / f"{example}.yaml")[0]
    qid = "measures" if "measures" in assessment.answers else "support_measures"
    base = dict(assessment.answers[qid].value[0])
    kinds: list[dict[str, Any]] = [
        {**base, "what": "Stöd A", "reaches": "children", "keeps": "keeps"},
        {**base, "what": "Stöd B", "reaches": "through_parents", "keeps": "other_way",
         "reaches_how": "Föräldrarna får vägledning", "decided": "no"},
        {**base, "what": "Stöd C", "reaches": "other", "keeps": "referral"},
        {"what": "Stöd D", "who": "Enheten", "due": "2026-09-01", "status": "planned",
         "addresses": base.get("addresses", [])},
    ]
    answers = {**assessment.answers, qid: Answer(value=kinds)}
    return assessment.model_copy(update={"answers": answers})


def _docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _html_text(data: bytes) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8")))


def documents(assessment: Assessment, lang: str) -> dict[str, str]:
    """Every document the product generates from one assessment, as the reader's text."""
    found: dict[str, str] = {}
    for form in ("short", "full"):
        found[f"{form}.pdf"] = pdf_text(render_as(assessment, ".pdf", lang=lang, form=form))
        found[f"{form}.docx"] = _docx_text(render_as(assessment, ".docx", lang=lang, form=form))
        found[f"{form}.html"] = _html_text(render_as(assessment, ".html", lang=lang, form=form))
    found["summary.txt"] = summary_as(assessment, ".txt", lang=lang).decode("utf-8")
    found["summary.docx"] = _docx_text(summary_as(assessment, ".docx", lang=lang))
    ri = prepare(assessment, lang=lang)
    for table in ("measures", "scorecard"):
        found[f"{table}.csv"] = table_csv(ri, table).decode("utf-8-sig")
    found["findings"] = "\n".join(
        " ".join([*f.details, str(f.message)]) for f in ri.card.flags)
    found["review"] = "\n".join(str(r.text) for r in ri.card.review)
    return found


def squeezed(text: str) -> str:
    return " ".join(text.split())  # a PDF breaks lines anywhere


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_document_about_one_child_speaks_of_the_child(lang: str) -> None:
    for name, text in documents(measures_of_every_kind("individ-placering"), lang).items():
        said = squeezed(text)
        leaks = [w for w in GROUP_WORDS if w.lower() in said.lower()]
        assert not leaks, (name, leaks)
    full = squeezed(documents(measures_of_every_kind("individ-placering"), lang)["full.html"])
    child = {"sv": ("når barnet direkt", "barnet kan vara kvar", "Vad det innebär för barnet",
                    "ger barnet något annat i egen regi", "för barnet som lever med den nu"),
             "en": ("reaches the child directly", "the child can stay",
                    "What it means for the child", "offers the child something else",
                    "for the child who lives through it now")}[lang]
    assert all(phrase in full for phrase in child), [p for p in child if p not in full]


def test_the_same_measures_for_children_as_a_group_still_say_the_children() -> None:
    full = squeezed(documents(measures_of_every_kind("skolnedlaggning"), "sv")["full.html"])
    assert "når barnen direkt" in full and "barnen kan vara kvar" in full
    assert "För vilka barn" in full


def test_every_answer_about_a_measure_has_words_for_one_child() -> None:
    """A fact or answer added later without a singular wording fails here, not in a report."""
    plural = re.compile(r"\b(barnen|barnens|children|children's)\b", re.IGNORECASE)
    for lang in ("sv", "en"):
        for fact, options in measure_facts.FACTS.items():
            assert not plural.search(measure_facts.fact_name(fact, lang, "individual"))
            for value in options:
                label = measure_facts.option_label(fact, value, lang, "individual")
                short = measure_facts.short({fact: value}, lang, "individual")
                assert not plural.search(label), (fact, value, label)
                assert not plural.search(short), (fact, value, short)
        assert not plural.search(measure_facts.short({}, lang, "individual"))
        # the group track keeps its wording
        assert plural.search(measure_facts.option_label("reaches", "children", lang))


def test_the_form_asks_about_the_child_in_an_assessment_of_one_child(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from helpers import open_page
    from ui_helpers import no_exception, start, texts

    from app.store import open_store

    assessment = measures_of_every_kind("individ-placering").model_copy(update={"id": None})
    aid = open_store(tmp_path).create(assessment, editor="test").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid, step="measures_section")
    at = no_exception(open_page(at, "assess").run())
    reach = at.selectbox(key=f"q:{aid}:measures:0:reaches")
    assert "Barnet som skadan gäller, direkt" in reach.options
    assert not any("Barnen" in o for o in reach.options)
    keeps = at.selectbox(key=f"q:{aid}:measures:0:keeps")
    assert "Håller den barnet kvar" in keeps.label and "Ja, barnet får vara kvar" in keeps.options
    assert "Hur når den barnet genom föräldrarna?" in at.text_area(
        key=f"q:{aid}:measures:1:reaches_how").label
    at = no_exception(start(monkeypatch, tmp_path, open_assessment=aid,
                            step="best_interests_elements"))
    at = no_exception(open_page(at, "assess").run())
    assert "Vad det innebär för barnet" in texts(at) and "För vilka barn" not in texts(at)

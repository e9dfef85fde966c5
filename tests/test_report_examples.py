"""Every shipped example renders in Swedish and English, and reads as its answers say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import approved_review
from test_report_support import font_names, pdf_pages

from app.core.loading import load_assessment, normalise_answers
from app.core.scoring import score
from app.core.text import tr
from app.report import render_pdf
from app.services.paths import EXAMPLES_DIR
from app.services.shipped import catalog

EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not EXAMPLES, reason="no shipped examples yet")
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_renders(path: Path, lang: str) -> None:
    assessment, _ = load_assessment(path)
    cat = catalog()
    q = cat.questionnaires[assessment.questionnaire.id]
    values, problems = normalise_answers(assessment, q)
    assert not problems
    card = score(q, values, cat.library)
    pages = pdf_pages(render_pdf(assessment, lang=lang))
    text = " ".join(pages)
    assert 3 <= len(pages) <= 25
    assert _flat(assessment.decision.title) in pages[0]
    # The level follows what decides (conclusion, serious findings, harms, alternatives,
    # decision): on page 1, or page 2 when many serious findings come first.
    assert card.level is not None and _flat(tr(card.level.label, lang)) in " ".join(pages[:2])
    for qid in card.visible:
        if values.get(qid) not in (None, "", [], {}):
            assert _flat(tr(q.questions[qid].text, lang)) in text, qid
    hidden = set(q.questions) - set(card.visible)
    for qid in hidden:
        shown_elsewhere = any(tr(q.questions[v].text, lang) == tr(q.questions[qid].text, lang)
                              for v in card.visible)
        if not shown_elsewhere:
            assert f"{q.numbering[qid]} {_flat(tr(q.questions[qid].text, lang))}" not in text
    draft = "UTKAST" if lang == "sv" else "DRAFT"
    assert (draft in text) == (assessment.status == "draft")
    assert (f"Sida 1 av {len(pages)}" if lang == "sv" else f"Page 1 of {len(pages)}") in pages[0]


@pytest.mark.skipif(not EXAMPLES, reason="no shipped examples yet")
def test_example_embeds_only_dejavu() -> None:
    assessment, _ = load_assessment(EXAMPLES[0])
    names = font_names(render_pdf(assessment))
    assert {n.split("+")[-1] for n in names} == {"DejaVuSans", "DejaVuSans-Bold"}


def _fragments(lang_index: int) -> set[str]:
    """Our own phrases in one language (the parts of each string outside its {fields})."""
    from app.report.strings import STRINGS

    found = set()
    for pair in STRINGS.values():
        if pair[0] == pair[1]:
            continue
        for piece in re.split(r"\{[a-z_]+\}", pair[lang_index]):
            piece = _flat(piece.strip(" .,:()←→"))
            if len(piece) >= 10:
                found.add(piece)
    return found


@pytest.mark.skipif(not EXAMPLES, reason="no shipped examples yet")
def test_no_frame_text_of_the_other_language() -> None:
    assessment, _ = load_assessment(EXAMPLES[0])
    english = " ".join(pdf_pages(render_pdf(assessment, lang="en")))
    swedish = " ".join(pdf_pages(render_pdf(assessment, lang="sv")))
    assert not [f for f in _fragments(0) if f in english]
    assert not [f for f in _fragments(1) if f in swedish]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_example_says_why_it_scores_what_it_scores(path: Path) -> None:
    """The header's '# Nivå:' names the level the example reaches, and the thorough ones
    reach the top level with no serious finding."""
    from app.core.scoring import decision_text

    assessment, _ = load_assessment(path)
    cat = catalog()
    q = cat.questionnaires[assessment.questionnaire.id]
    assert assessment.questionnaire.version == q.version  # shipped at the current version
    values, _ = normalise_answers(assessment, q)
    d = assessment.decision
    card = score(q, values, cat.library, decision_text(d.title, d.description))
    match = re.search(r"^# Nivå: ([^.(]+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, "the example's header says which level it reaches and why"
    assert card.level is not None and match.group(1).strip() == tr(card.level.label, "sv")
    if assessment.status == "complete":  # the checks find nothing; the top needs a reviewer
        assert card.points_level is not None and card.points_level.id == "thorough"
        assert card.capped_by == ["review_needed"] and not card.serious and not card.missing
        approved = score(q, values, cat.library, decision_text(d.title, d.description),
                         review=approved_review())
        assert approved.level is not None and approved.level.id == "thorough"

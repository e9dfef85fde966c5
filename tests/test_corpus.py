"""The known-bad corpus: assessments written the way real ones fail, each must name its defect.

Every file in tests/corpus/ says in its header which failure it holds (`# expect:` the findings a
reviewer would raise) and where it may land (`# level:`). The files answer questionnaire version
1.0.0, so they also prove that stored assessments of the old version still load and are scored
under the new rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import open_page

from app.cli.commands import format_scorecard
from app.core import verdict
from app.core.loading import load_assessment, normalise_answers
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.core.text import tr
from app.services.shipped import catalog

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))
UPPER = {"acceptable", "thorough"}  # the two upper levels of both questionnaires


def header(path: Path, key: str) -> str:
    match = re.search(rf"^# {key}: (.*)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{path.name} lacks '# {key}:'"
    return match.group(1).strip()


def scored(path: Path) -> Scorecard:
    cat = catalog()
    assessment, source = load_assessment(path)
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None
    values, problems = normalise_answers(assessment, q, source)
    assert problems == [], problems
    d = assessment.decision
    return score(q, values, cat.library, decision_text(d.title, d.description))


def test_the_corpus_covers_both_tracks_and_every_class() -> None:
    names = [p.stem for p in FILES]
    assert sum(n.startswith("std-") for n in names) >= 15
    assert sum(n.startswith("ind-") for n in names) >= 8
    classes = {header(p, "Known-bad corpus") for p in FILES}
    assert len(classes) >= 14


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_names_its_defect_and_stays_out_of_the_upper_levels(path: Path) -> None:
    card = scored(path)
    expected = [e.strip() for e in header(path, "expect").split(",")]
    raised = {f.id for f in card.flags}
    assert set(expected) <= raised, f"missing {set(expected) - raised}; raised {raised}"
    level = header(path, "level")
    if level.startswith("none"):
        assert card.kind == "screening" and card.level is None and card.criteria == []
    elif level.startswith("below"):
        assert card.level is not None and card.level.id not in UPPER, card.level
        assert any(f.severity == "serious" for f in card.flags)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_scorecard_text_says_the_defect(path: Path, lang: str) -> None:
    card = scored(path)
    q = catalog().questionnaire(card.questionnaire)
    shown = format_scorecard(card, lang, q)
    for flag in card.flags:
        assert tr(flag.message, lang) in shown
    if card.capped_by:
        assert ("begränsad" if lang == "sv" else "held at") in shown


def test_a_capped_level_says_which_findings_hold_it_down() -> None:
    # A thorough example at the current version with its reasons taken out: points stay high.
    cat = catalog()
    assessment, source = load_assessment(Path(__file__).parent.parent / "examples" /
                                         "trafik-skolvag.yaml")
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None
    values, _ = normalise_answers(assessment, q, source)
    values["motivation"] = ""
    d = assessment.decision
    card = score(q, values, cat.library, decision_text(d.title, d.description), d.decision_date)
    assert card.points_level is not None and card.points_level.id in UPPER  # points alone: high
    assert card.level is not None and card.level.id == "inadequate"
    assert "no_conclusion" in card.capped_by


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_page_one_of_the_report_says_the_defect(path: Path) -> None:
    from test_report_support import pdf_pages

    from app.report import render_pdf

    assessment, _ = load_assessment(path)
    card = scored(path)
    pages = pdf_pages(render_pdf(assessment, lang="sv"))
    first = " ".join(pages[0].split())
    for flag in card.serious:
        assert " ".join(tr(flag.message, "sv").split()) in first, flag.id
    if card.kind == "screening":
        assert "Screening: ärendet berör inte barn" in first
        text = " ".join(pages)
        assert "Barn har fått komma till tals" not in text  # no criteria table claims anything
        assert "Samlad nivå" not in text
    else:
        q = catalog().questionnaires[assessment.questionnaire.id]
        assert verdict.conclusion_question(q, "sv") in first
        early = " ".join(pages[:2])
        assert card.level is not None and tr(card.level.label, "sv") in early
        if card.capped_by:
            assert "Nivån är begränsad till" in early


def test_the_english_report_says_it_in_english() -> None:
    from test_report_support import pdf_pages

    from app.report import render_pdf

    path = CORPUS / "std-only-parents.yaml"
    assessment, _ = load_assessment(path)
    first = pdf_pages(render_pdf(assessment, lang="en"))[0]
    assert "Adults' picture of what children think does not count as hearing children" in first
    assert "Is the proposal in line with the child's best interests?" in first


# Every file in Swedish; a file of each kind in English too (each run starts the whole app).
ENGLISH = ("std-no-conclusion", "std-screened-economy", "ind-only-guardian", "std-placeholders-x")
RESULTAT = [(p, "sv") for p in FILES] + [(p, "en") for p in FILES if p.stem in ENGLISH]


@pytest.mark.parametrize(("path", "lang"), RESULTAT,
                         ids=[f"{p.stem}-{lang}" for p, lang in RESULTAT])
def test_resultat_says_the_defect(path: Path, lang: str, monkeypatch: pytest.MonkeyPatch,
                                  tmp_path: Path) -> None:
    """The same findings, in plain words, on the app's Resultat page."""
    from ui_helpers import no_exception, start

    from app.store import open_store

    assessment, _ = load_assessment(path)
    stored = open_store(tmp_path).create(assessment.model_copy(update={"id": None}),
                                         editor="test")
    at = start(monkeypatch, tmp_path, open_assessment=stored.id, lang_choice=lang)
    at = no_exception(open_page(at, "results").run())
    shown = " ".join(str(e.value) for kind in ("error", "warning") for e in getattr(at, kind))
    shown = " ".join(shown.replace("\\", "").replace("\u2060", "").split())
    card = scored(path)
    for flag in card.flags:
        assert " ".join(tr(flag.message, lang).split()) in shown, flag.id
    if card.capped_by:
        assert verdict.cap_sentence(card, lang) in shown


@pytest.mark.parametrize("name", ["std-complete-at-36", "ind-complete-sparse"])
def test_marked_complete_with_gaps_and_no_reason_prints_as_a_draft(name: str) -> None:
    from test_report_support import pdf_pages

    from app.report import render_pdf

    assessment, _ = load_assessment(CORPUS / f"{name}.yaml")
    assert assessment.status == "complete" and not assessment.completion_reason
    pages = pdf_pages(render_pdf(assessment, lang="sv"))
    assert "Markerad som färdig, men inget skäl är antecknat:" in pages[0]
    assert "Markerad som färdig, med brister" in pages[0]  # the status, not "Färdigställd"
    assert all("UTKAST" in page for page in pages)  # the draft watermark on every page


def test_a_recorded_reason_for_completing_with_gaps_is_printed() -> None:
    from test_report_support import pdf_pages

    from app.report import render_pdf

    assessment, _ = load_assessment(CORPUS / "std-complete-at-36.yaml")
    reason = "Nämnden måste besluta före årsskiftet; analysen kompletteras i januari."
    pages = pdf_pages(render_pdf(assessment.model_copy(update={"completion_reason": reason}),
                                 lang="sv"))
    assert f"Tjänstepersonens skäl: {reason}" in pages[0]
    assert not any("UTKAST" in page for page in pages)

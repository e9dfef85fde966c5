"""The top level is earned with a reviewer: an approval this installation recorded of the
current content, never the assessment's own word about itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core import lifecycle as life
from app.core.loading import load_assessment, normalise_answers
from app.core.models.assessment import Answer, Assessment
from app.core.models.scorecard import Scorecard
from app.core.review_gate import standing
from app.core.scoring import decision_text, score
from app.core.text import tr
from app.report.context import prepare
from app.services import review_approval
from app.services.paths import ROOT
from app.services.shipped import catalog
from app.store.exchange import apply_import
from app.store.tinydb_store import TinyDBAssessmentStore

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
REVIEWER = "Per Berg"
EXAMPLE = ROOT / "examples" / "trafik-skolvag.yaml"


def card_of(a: Assessment, store: TinyDBAssessmentStore | None = None) -> Scorecard:
    cat = catalog()
    q = cat.questionnaire(a.questionnaire.id)
    assert q is not None
    values, _ = normalise_answers(a, q)
    d = a.decision
    # a file read outside any store: no record, only what the file says of itself
    review = review_approval.standing_of(a, store) if store is not None else standing(a, [])
    return score(q, values, cat.library, decision_text(d.title, d.description),
                 d.decision_date, cat.law, cat.references, review=review)


@pytest.fixture
def store(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "data")


@pytest.fixture
def sent(store: TinyDBAssessmentStore) -> Assessment:
    a, _ = load_assessment(EXAMPLE)
    stored = store.create(a.model_copy(update={"id": None}), editor="Karin")
    return store.update(stored.id or "", lambda x: life.send_for_review(
        x, REVIEWER, x.decision.official or "Karin", NOW), editor="Karin")


def ticks(a: Assessment) -> list[tuple[bool, str]]:
    return [(True, "")] * len(review_approval.review_questions(a, catalog()))


def finding(card: Scorecard) -> str:
    found = [f for f in card.flags if f.id == "review_needed"]
    assert found, [f.id for f in card.flags]
    return tr(found[0].message, "sv")


def test_without_an_approval_the_level_stays_below_the_top_and_says_why() -> None:
    a, _ = load_assessment(EXAMPLE)
    card = card_of(a)
    assert card.points_level is not None and card.points_level.id == "thorough"
    assert card.level is not None and card.level.id == "acceptable"
    assert card.capped_by == ["review_needed"]
    text = finding(card)
    assert "granskare" in text and "Det kontrollerna inte kan bedöma" in text
    en = tr([f for f in card.flags if f.id == "review_needed"][0].message, "en")
    assert "reviewer" in en


def test_an_approval_written_into_the_file_does_not_lift_the_level() -> None:
    a, _ = load_assessment(EXAMPLE)
    claimed = life.approve(life.send_for_review(a, REVIEWER, "Karin", NOW), REVIEWER, "ok", NOW)
    assert claimed.status == "approved"
    card = card_of(claimed)
    assert card.level is not None and card.level.id == "acceptable"
    assert "räknas inte" in finding(card)


def test_a_recorded_approval_with_the_checklist_confirmed_lifts_it(
        store: TinyDBAssessmentStore, sent: Assessment) -> None:
    assert card_of(sent, store).level.id == "acceptable"  # type: ignore[union-attr]
    approved = review_approval.approve(store, sent.id or "", REVIEWER, "Granskad.", ticks(sent),
                                       catalog(), NOW, expected_revision=sent.revision)
    card = card_of(approved, store)
    assert card.level is not None and card.level.id == "thorough"
    assert "review_needed" not in {f.id for f in card.flags}
    assert card.approval is not None and card.approval.reviewer == REVIEWER
    assert card.approval.approved_revision == approved.revision
    assert all(c.checked for c in card.approval.checklist) and card.approval.checklist


def test_every_generated_question_must_be_ticked_or_answered(
        store: TinyDBAssessmentStore, sent: Assessment) -> None:
    answers = ticks(sent)
    assert len(answers) >= 2
    answers[1] = (False, "")
    with pytest.raises(life.LifecycleRefused) as err:
        review_approval.approve(store, sent.id or "", REVIEWER, "", answers, catalog(), NOW)
    assert err.value.code == "checklist_open" and err.value.detail == "1"
    assert store.get(sent.id or "").status == "in_review"  # nothing written
    answers[1] = (False, "Åtgärden når barnen på Ekvägen; rektor har bekräftat det.")
    review_approval.approve(store, sent.id or "", REVIEWER, "", answers, catalog(), NOW)
    assert card_of(store.get(sent.id or ""), store).level.id == "thorough"  # type: ignore


def test_a_later_change_lapses_the_approval(store: TinyDBAssessmentStore,
                                           sent: Assessment) -> None:
    review_approval.approve(store, sent.id or "", REVIEWER, "", ticks(sent), catalog(), NOW)
    reopened = store.update(sent.id or "", lambda a: life.reopen(
        a, "Karin", "Nya uppgifter om skolvägen.", NOW), editor="Karin")
    changed = store.set_answer(reopened.id or "", "decision_question",
                               Answer(value="Ska skolvägen vid Ekvägen få en ny övergång?"),
                               editor="Karin")
    card = card_of(changed, store)
    assert card.level is not None and card.level.id == "acceptable"
    assert REVIEWER in finding(card) and "tidigare version" in finding(card)


def test_an_imported_approved_file_is_not_approved_here(
        store: TinyDBAssessmentStore, tmp_path: Path) -> None:
    a, _ = load_assessment(EXAMPLE)
    claimed = life.approve(life.send_for_review(a, REVIEWER, "Karin", NOW), REVIEWER, "ok", NOW)
    apply_import(store, [claimed.model_copy(update={"id": "abc12345"})], "Import")
    stored = store.get("abc12345")
    assert stored.status == "approved"
    card = card_of(stored, store)
    assert card.level is not None and card.level.id == "acceptable"
    assert "räknas inte" in finding(card)


def test_the_report_says_the_same_as_the_scorecard(
        store: TinyDBAssessmentStore, sent: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BKA_DATA_DIR", str(store.folder))
    before = prepare(store.get(sent.id or ""), lang="sv")
    assert before.card.level is not None and before.card.level.id == "acceptable"
    review_approval.approve(store, sent.id or "", REVIEWER, "", ticks(sent), catalog(), NOW)
    after = prepare(store.get(sent.id or ""), lang="sv")
    assert after.card.level is not None and after.card.level.id == "thorough"
    assert after.card.approval is not None


def test_the_council_overview_shows_the_same_level(
        store: TinyDBAssessmentStore, sent: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import dashboard_facts
    from app.store.facts import scorer

    monkeypatch.setenv("BKA_DATA_DIR", str(store.folder))  # as `bka serve --data-dir` does
    dashboard_facts.register()
    try:
        before, _ = dashboard_facts.current_facts(store, catalog())
        assert {f.id: f.level for f in before}[sent.id or ""] == "acceptable"
        review_approval.approve(store, sent.id or "", REVIEWER, "", ticks(sent), catalog(), NOW)
        after, _ = dashboard_facts.current_facts(store, catalog())
        assert {f.id: f.level for f in after}[sent.id or ""] == "thorough"
    finally:
        scorer.unregister()
        dashboard_facts.forget()

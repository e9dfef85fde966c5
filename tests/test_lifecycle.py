"""Review, approval, decision and reopening: the rules in app/core/lifecycle.py."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import lifecycle as life
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.services.paths import ROOT

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
OFFICIAL = "Karin Lund, utredare"
REVIEWER = "Per Berg"


@pytest.fixture
def complete() -> Assessment:
    assessment, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    assert assessment.status == "complete"
    return assessment


def in_review(a: Assessment) -> Assessment:
    return life.send_for_review(a, REVIEWER, OFFICIAL, NOW)


def test_old_records_load_with_empty_review() -> None:
    a, _ = load_assessment(ROOT / "examples" / "trafik-skolvag.yaml")
    assert a.review.reviewer == "" and a.lifecycle == [] and a.committee_decision is None


def test_reviewer_must_be_someone_else(complete: Assessment) -> None:
    with pytest.raises(life.LifecycleRefused) as err:
        life.send_for_review(complete, "  karin   LUND, utredare ", OFFICIAL, NOW)
    assert err.value.code == "reviewer_is_official"
    with pytest.raises(life.LifecycleRefused) as err:
        life.send_for_review(complete, "   ", OFFICIAL, NOW)
    assert err.value.code == "name_missing"


def test_draft_cannot_go_to_review(complete: Assessment) -> None:
    draft = complete.model_copy(update={"status": "draft"})
    with pytest.raises(life.LifecycleRefused) as err:
        life.send_for_review(draft, REVIEWER, OFFICIAL, NOW)
    assert err.value.code == "not_allowed"


def test_unresolved_comment_blocks_approval(complete: Assessment) -> None:
    a = in_review(complete)
    a = life.add_comment(a, "knowledge_summary", "Källa till prognosen?", REVIEWER, NOW)
    with pytest.raises(life.LifecycleRefused) as err:
        life.approve(a, REVIEWER, "", NOW)
    assert err.value.code == "comments_open"
    cid = a.review.comments[0].id
    a = life.reply(a, cid, "Kommunens befolkningsprognos 2026.", OFFICIAL, NOW)
    with pytest.raises(life.LifecycleRefused):  # an answer alone does not close it
        life.approve(a, REVIEWER, "", NOW)
    a = life.resolve(a, cid, REVIEWER, NOW)
    a = life.approve(a, REVIEWER, "Väl underbyggd.", NOW)
    assert a.status == "approved"
    assert a.review.decided_by == REVIEWER and a.review.comment == "Väl underbyggd."
    assert a.review.content_hash == life.content_hash(a)
    assert a.review.comments[0].replies[0].author == OFFICIAL


def test_only_the_named_reviewer_approves(complete: Assessment) -> None:
    a = in_review(complete)
    with pytest.raises(life.LifecycleRefused) as err:
        life.approve(a, OFFICIAL, "ok", NOW)
    assert err.value.code == "not_the_reviewer"


def test_return_goes_to_draft_with_reason(complete: Assessment) -> None:
    a = in_review(complete)
    with pytest.raises(life.LifecycleRefused) as err:
        life.return_to_official(a, REVIEWER, "nej", NOW)
    assert err.value.code == "reason_missing"
    a = life.return_to_official(a, REVIEWER, "Barnen i förskolan är inte hörda.", NOW)
    assert a.status == "draft" and a.review.outcome == "returned"
    assert a.lifecycle[-1].action == "return" and a.lifecycle[-1].by == REVIEWER


def test_hash_follows_content_not_life(complete: Assessment) -> None:
    before = life.content_hash(complete)
    assert life.content_hash(in_review(complete)) == before  # a status step is not content
    changed = complete.model_copy(update={
        "answers": {**complete.answers, "places": Answer(value="Någon annanstans")}})
    assert life.content_hash(changed) != before


def test_frozen_content_changed_behind_its_back_is_caught(complete: Assessment) -> None:
    a = life.approve(in_review(complete), REVIEWER, "", NOW)
    assert life.frozen_intact(a)
    tampered = a.model_copy(update={
        "answers": {**a.answers, "places": Answer(value="Ändrat efter godkännandet")}})
    assert not life.frozen_intact(tampered)
    with pytest.raises(life.LifecycleRefused) as err:
        life.record_decision(tampered, CommitteeDecision(date=dt.date(2026, 12, 10),
                                                         outcome="as_proposed"), "Sekr", NOW)
    assert err.value.code == "hash_mismatch"


def test_full_life_and_reopening(complete: Assessment) -> None:
    a = life.approve(in_review(complete), REVIEWER, "", NOW)
    frozen = a.review.content_hash
    with pytest.raises(life.LifecycleRefused) as err:
        life.record_decision(a, CommitteeDecision(date=dt.date(2026, 12, 10), outcome="changed",
                                                  departs=True), OFFICIAL, NOW)
    assert err.value.code == "departure_missing"
    a = life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 112", outcome="changed", departs=True,
        departure="Nedläggningen skjuts upp ett år.", protocol="BUN 2026-12-10"), OFFICIAL, NOW)
    assert a.status == "decided" and a.committee_decision is not None
    assert a.committee_decision.recorded_by == OFFICIAL
    a = life.mark_followed_up(a, OFFICIAL, NOW)
    assert a.status == "followed_up"
    with pytest.raises(life.LifecycleRefused) as err:
        life.reopen(a, OFFICIAL, "", NOW)
    assert err.value.code == "reason_missing"
    later = NOW + dt.timedelta(days=3)
    a = life.reopen(a, OFFICIAL, "Ny fakta om skolskjutsen.", later)
    assert a.status == "draft" and not life.is_frozen(a) and a.review.content_hash == ""
    last = a.lifecycle[-1]
    assert (last.action, last.by, last.at, last.reason) == (
        "reopen", OFFICIAL, later, "Ny fakta om skolskjutsen.")
    assert last.content_hash == frozen  # the reopening names the content it unfroze
    assert [e.action for e in a.lifecycle] == [
        "send_for_review", "approve", "decide", "follow_up", "reopen"]


def test_comments_only_in_review(complete: Assessment) -> None:
    with pytest.raises(life.LifecycleRefused) as err:
        life.add_comment(complete, "", "x", REVIEWER, NOW)
    assert err.value.code == "not_in_review"


def test_stored_round_trip(complete: Assessment) -> None:
    a = life.add_comment(in_review(complete), "places", "Karta?", REVIEWER, NOW)
    again = Assessment.model_validate_json(a.model_dump_json())
    assert again.review == a.review and again.lifecycle == a.lifecycle
    assert life.content_hash(again) == life.content_hash(a)

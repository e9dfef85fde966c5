"""One child, one answer: a device that answers again replaces its earlier answer; counts,
age bands, the five-answer threshold and the letter count distinct respondents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.children import MIN_GROUP, build_response, results
from app.core.children_loading import load_child_questionnaire
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.core.respondents import AnswerRate, replaces, respondent_key
from app.services.paths import QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore, CollectionClosed

Q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
DAY = dt.date(2027, 1, 20)


def opened(folder: Path) -> tuple[ChildCollectionStore, ChildCollection]:
    store = ChildCollectionStore(folder)
    c = store.open(ChildCollection(assessment_id="a1", code="x", questionnaire=Q.id,
                                   questionnaire_version=Q.version,
                                   decision_for_children="Skolan flyttar."))
    return store, c


def answer(c: ChildCollection, device: str, band: str, face: str) -> ChildResponse:
    r = build_response(Q, c, band, {"plan_feeling": face}, {}, DAY)
    return r.model_copy(update={"respondent": respondent_key(c.code, device)})


def test_a_device_that_answers_again_replaces_its_answer(tmp_path: Path) -> None:
    store, c = opened(tmp_path)
    for device in ("d1", "d2", "d3", "d4"):
        store.add_response(c.code, answer(c, device, "age_10_12", "good"))
    # d1 reloads the link twice and answers again, the last time in another band
    store.add_response(c.code, answer(c, "d1", "age_10_12", "bad"))
    store.add_response(c.code, answer(c, "d1", "age_6_9", "very_bad"))
    now = store.get(c.id or "")
    assert len(now.responses) == 4
    found = results(Q, now, "sv")
    assert found.answered == 4 and not found.shown  # four children: under the threshold
    assert found.by_band == {"age_6_9": 1, "age_10_12": 3, "age_13_17": 0}
    store.add_response(c.code, answer(c, "d5", "age_10_12", "neither"))
    found = results(Q, store.get(c.id or ""), "sv")
    assert found.answered == MIN_GROUP and found.shown
    plan = next(x for x in found.counts if x.key == "plan_feeling")
    assert plan.total["very_bad"] == 1 and plan.total["bad"] == 0  # the replaced answer is gone
    assert replaces(store.get(c.id or ""), respondent_key(c.code, "d1"))
    assert not replaces(store.get(c.id or ""), respondent_key(c.code, "d9"))


def test_the_key_names_no_device_across_collections() -> None:
    assert respondent_key("ABCDEF", "tok") != respondent_key("GHJKLM", "tok")
    assert "tok" not in respondent_key("ABCDEF", "tok")


def test_a_closed_collection_takes_no_answer(tmp_path: Path) -> None:
    store, c = opened(tmp_path)
    store.set_open(c.id or "", False)
    with pytest.raises(CollectionClosed):
        store.add_response(c.code, answer(c, "d1", "age_10_12", "good"))


def test_answers_per_minute_per_collection_are_limited() -> None:
    now = [100.0]
    rate = AnswerRate(limit=3, clock=lambda: now[0])
    assert [rate.take("A") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = rate.take("A")
    assert 59 < wait <= 60  # the fourth within the minute waits for the first to age out
    assert rate.take("B") == 0.0  # another collection is not held up
    now[0] += 60.0
    assert rate.take("A") == 0.0

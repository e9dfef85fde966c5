"""A child's response is checked against the children's questionnaire before it is stored,
on both stores: an answer no question offers, a question not asked of that age band or a
text where faces are asked is refused and nothing is stored; the official's results stay as
they were."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.core.children import build_response, response_problem
from app.core.children_loading import load_child_questionnaire
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.services.paths import QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore, ResponseRefused

Q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
DAY = dt.date(2027, 1, 20)
TEXT_Q = next(q.id for q in Q.questions if q.type == "text" and not q.ages)


def _collection(store: ChildCollectionStore) -> ChildCollection:
    return store.open(ChildCollection(assessment_id="a1", code="x", questionnaire=Q.id,
                                      questionnaire_version=Q.version,
                                      decision_for_children="Skolan flyttar."))


@pytest.mark.parametrize(("change", "words"), [
    ({"answers": {"plan_feeling": "jättebra"}}, "'jättebra' is not an answer to 'plan_feeling'"),
    ({"answers": {"no_such": "good"}}, "'no_such' is not a question"),
    ({"answers": {TEXT_Q: "good"}}, f"'{TEXT_Q}' is not a question with answers to choose"),
    ({"texts": {"plan_feeling": "bra"}}, "'plan_feeling' is not a question asking for words"),
    ({"age_band": "age_40_50"}, "'age_40_50' is not an age band"),
])
def test_a_response_the_questions_do_not_offer_is_refused(
        store_kind: str, change: dict[str, Any], words: str) -> None:
    store = ChildCollectionStore()
    c = _collection(store)
    good = build_response(Q, c, "age_10_12", {"plan_feeling": "good"}, {}, DAY)
    store.add_response(c.code, good, Q)
    bad = ChildResponse.model_validate({**good.model_dump(), "respondent": "other", **change})
    assert words in (response_problem(Q, c, bad) or "")
    with pytest.raises(ResponseRefused, match=words):
        store.add_response(c.code, bad, Q)
    assert store.get(c.id or "").responses == [good]


def test_a_response_the_page_builds_is_taken(store_kind: str) -> None:
    store = ChildCollectionStore()
    c = _collection(store)
    r = build_response(Q, c, "age_13_17", {"plan_feeling": "bad"}, {TEXT_Q: "Mer ljus"}, DAY)
    assert response_problem(Q, c, r) is None
    store.add_response(c.code, r, Q)
    assert store.get(c.id or "").responses == [r]

"""Children's answers: what is kept, what the official may see, what goes into the assessment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.children import asked_questions, build_response, results
from app.core.children_loading import load_child_questionnaire
from app.core.children_participation import participation_answers
from app.core.loading import load_assessment
from app.core.models.child_collection import ChildCollection
from app.services.paths import EXAMPLES_DIR, QUESTIONNAIRES_DIR
from app.services.shipped import catalog
from app.store.child_collections import ChildCollectionStore, CollectionClosed

Q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
DAY = dt.date(2026, 11, 2)


def collection(n: int, band: str = "age_10_12", **extra: object) -> ChildCollection:
    base = ChildCollection(assessment_id="a1", code="ABCDEF", questionnaire=Q.id,
                           questionnaire_version=Q.version, id="c1", group="klass 5B",
                           decision_for_children="Fritidsgården ska stänga klockan 20.",
                           places=["fritidsgården", "Parken"])
    responses = [build_response(Q, base, band, {"plan_feeling": "bad", "place_feeling@1": "good"},
                                {"worries": f"Det blir tråkigt {i}.", **extra}, DAY)  # type: ignore[dict-item]
                 for i in range(n)]
    return base.model_copy(update={"responses": responses})


def test_places_become_questions_and_the_youngest_get_their_own_wording() -> None:
    texts = [a.text for a in asked_questions(Q, collection(0), "age_6_9", "sv")]
    # the youngest get a plain opening that says what the plan is, in the first question
    assert texts[0].startswith("De vuxna vill ändra något")
    assert "Fritidsgården ska stänga klockan 20." in texts[0]
    assert "Hur är det att vara på Parken?" in texts
    older = [a.text for a in asked_questions(Q, collection(0), "age_13_17", "sv")]
    # a child answering at home is not asked how it feels "to be here"
    assert "Hur känns det när du är på den här platsen: Parken?" in older
    assert not any("att vara här" in t for t in texts + older)


def test_four_answers_show_nothing_five_show_counts() -> None:
    assert not results(Q, collection(4), "sv").shown
    assert results(Q, collection(4), "sv").counts == []
    found = results(Q, collection(5), "sv")
    assert found.shown
    plan = next(c for c in found.counts if c.key == "plan_feeling")
    assert plan.total["bad"] == 5 and plan.by_band["age_10_12"]["bad"] == 5
    assert "age_6_9" not in plan.by_band  # an empty or small band is never broken out
    assert len(found.quotes["Är det något som gör dig orolig?"]) == 5


def test_band_under_five_is_not_shown_even_when_the_whole_is() -> None:
    mixed = collection(5)
    one_young = build_response(Q, mixed, "age_6_9", {"plan_feeling": "very_good"}, {}, DAY)
    mixed = mixed.model_copy(update={"responses": [*mixed.responses, one_young]})
    plan = next(c for c in results(Q, mixed, "sv").counts if c.key == "plan_feeling")
    assert plan.total["very_good"] == 1
    assert "age_6_9" not in plan.by_band


def test_quotes_that_may_name_someone_are_held_back() -> None:
    found = results(Q, collection(5, own_idea="Fråga Ella hon vet."), "sv")
    assert found.held_back == 5
    assert "Om du fick bestämma, vad skulle du göra?" not in found.quotes


def test_a_tampered_answer_or_unknown_key_is_not_stored() -> None:
    c = collection(0)
    with pytest.raises(ValueError):
        build_response(Q, c, "age_10_12", {"plan_feeling": "<script>"}, {}, DAY)
    kept = build_response(Q, c, "age_10_12", {"name": "Kim", "plan_feeling": "good"},
                          {"email": "kim@example.se"}, DAY)
    assert kept.answers == {"plan_feeling": "good"} and kept.texts == {}


def test_recording_participation_keeps_what_was_written_and_does_not_repeat() -> None:
    assessment, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    official = catalog().questionnaire("bka-standard")
    assert official is not None
    c = collection(6)
    answers = participation_answers(official, assessment, Q, c, results(Q, c, "sv"), "sv")
    text = answers["heard_who_what"].value
    assert text.startswith("Alla 31 elever")
    assert "6 barn (klass 5B) svarade, i åldrarna 10–12 år." in text
    assert "Vad tycker du om förslaget? 6 dåligt." in text
    assert answers["children_heard"].value == "directly"
    again = assessment.model_copy(update={"answers": {**assessment.answers, **answers}})
    twice = participation_answers(official, again, Q, c, results(Q, c, "sv"), "sv")
    assert twice["heard_who_what"].value.count("6 barn (klass 5B)") == 1
    assert twice["heard_methods"].value.count("survey") == 1
    assert participation_answers(official, assessment, Q, collection(4),
                                 results(Q, collection(4), "sv"), "sv") == {}


def test_a_closed_collection_takes_no_answers(tmp_path: Path) -> None:
    store = ChildCollectionStore(tmp_path)
    opened = store.open(collection(0))
    store.add_response(opened.code, collection(1).responses[0])
    store.set_open(opened.id or "", False)
    with pytest.raises(CollectionClosed):
        store.add_response(opened.code, collection(1).responses[0])
    assert len(store.get(opened.id or "").responses) == 1
    assert opened.code != "ABCDEF"  # the store draws the code

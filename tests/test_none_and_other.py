"""An answer that says both "none of these" and one of them contradicts itself: it is named,
and the questions and rules that follow read it as "something applies", so ticking "none"
beside a step can no longer hide the step's date or silence the rules that read it."""

from __future__ import annotations

from typing import Any

from scoring_setup import EXAMPLES, file_answers, score_answers

from app.core.evaluation import Evaluation
from app.services.shipped import catalog

STANDARD = EXAMPLES / "skolnedlaggning.yaml"  # heard 2026-09-30, assessed 2026-10-20
INDIVIDUAL = EXAMPLES / "individ-placering.yaml"


def scored(example, change):  # type: ignore[no-untyped-def]
    assessment, values = file_answers(example)
    change(values)
    return score_answers(assessment, values), values


def ids(card: Any) -> set[str]:
    return {f.id for f in card.flags}


def test_none_beside_a_signed_lease_is_named_and_the_lease_still_counts() -> None:
    def change(answers: dict[str, Any]) -> None:
        answers["binding_steps"] = ["none", "contract"]
        answers["binding_steps_date"] = "2026-09-01"

    card, values = scored(STANDARD, change)
    assert {"none_and_other_binding_steps", "steps_before_hearing",
            "steps_before_analysis"} <= ids(card)
    assert card.level is not None and card.level.id == "incomplete"
    # the day of the step is asked, not hidden by the "none" beside it
    q = catalog().questionnaire("bka-standard")
    assert q is not None
    shown = Evaluation(q, values, catalog().library)
    assert shown.visible["binding_steps_date"]


def test_an_honest_none_alone_raises_nothing() -> None:
    card, _ = scored(STANDARD, lambda a: a.update(binding_steps=["none"]))
    assert not {i for i in ids(card) if i.startswith("none_and_other")}
    assert card.level is not None and card.level.id == "acceptable"


def test_every_none_option_of_both_tracks_is_read_the_same_way() -> None:
    for example, qid, none in (
        (STANDARD, "everyday_losses", "none"),
        (STANDARD, "vulnerable_groups", "none_identified"),
        (STANDARD, "heard_groups", "none_heard"),
        (INDIVIDUAL, "separates_from", "none"),
        (INDIVIDUAL, "vulnerability_factors", "none"),
        (STANDARD, "other_interests", "none"),
        (INDIVIDUAL, "changes_for_child", "none"),
        (INDIVIDUAL, "binding_steps", "none"),
    ):
        q = catalog().questionnaire(
            "bka-standard" if example == STANDARD else "bka-individual")
        assert q is not None
        question = next(x for s in q.sections for x in s.questions if x.id == qid)
        other = next(o.value for o in question.options if o.value != none)

        def change(answers: dict[str, Any], qid=qid, none=none, other=other) -> None:
            answers[qid] = [none, other]

        card, _ = scored(example, change)
        assert f"none_and_other_{qid}" in ids(card), (example.name, qid)

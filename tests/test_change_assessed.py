"""A change in one child's everyday life must be judged somewhere, not necessarily as harm.

The round-4 control (a school place refused, honestly reasoned) ticks "friends" among what
changes and, in its first version, rated leisure (art. 31) 0 with a text about the friends: an
honest judgement that the change does not weaken the right. A change no rating speaks of is
the gap the rule is for.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from helpers import approved_review
from scoring_setup import file_answers, score_answers

from app.core.models.scorecard import Scorecard

CONTROL = (Path(__file__).parent / "corpus" / "redteam-open" / "round4"
           / "c02-kontroll-skolplacering-nej.yaml")


def scored(change: dict[str, Any], review: Any = None) -> Scorecard:
    assessment, values = load_and_values()
    # the file's text says the child was heard at the preschool with the official, with
    # pictures of the two schools, in Swedish, about the placement: the questions newer versions
    # ask, answered as the file says (it names no day; one before its analysis date)
    asked_since = {"heard_present": ["alone"], "interpreter": "none_needed",
                   "talk_language": "mastered", "test_language": "none", "adapted_form": "yes",
                   "latest_talk_date": "2027-03-10", "latest_talk_topic": "this_question",
                   "extent_rule": "not_applicable", "binding_steps": ["none"]}
    # each measure's facts (standard and individual track since the measures' facts): decided
    # and funded by the school and the admissions office; the settling-in visits are for the
    # transition, the rest lasts; every measure reaches the child (the group, the visits, the
    # place in the queue, the afternoons with the sibling), and the queue keeps the child in
    measures = [{**m, "decided": "yes", "funded": "yes", "bound": "own", "reduced": "no",
                 "lasting": "no" if i == 1 else "yes", "reaches": "children",
                 "keeps": "keeps" if i == 2 else "other_way"}
                for i, m in enumerate(values["measures"])]
    values = {**values, **asked_since, "measures": measures, **change}
    return score_answers(assessment, values, review)


def development(text: str, short: int = 0, long: int = 0) -> dict[str, Any]:
    _, values = load_and_values()
    ratings = copy.deepcopy(values["development_impact"])
    ratings[31] = {**ratings[31], "short": short, "long": long, "children": text}
    return {"development_impact": ratings}


def load_and_values() -> tuple[Any, dict[str, Any]]:
    return file_answers(CONTROL)


def serious(card: Scorecard) -> set[str]:
    return {f.id for f in card.serious}


def test_a_neutral_rating_that_speaks_of_the_friends_is_an_honest_judgement() -> None:
    card = scored(development("Barnet leker mindre med sina närmaste kamrater på fritids, men de "
                              "bor i samma område och träffas på fritiden som i dag."),
                  approved_review())
    assert "change_not_weighed" not in serious(card)
    assert not card.serious, serious(card)
    assert card.level is not None and card.level.id == "thorough"  # the control keeps its level


def test_a_neutral_rating_that_says_nothing_of_the_change_is_the_gap() -> None:
    card = scored(development("Sjöängsskolan har ett fritidshem med bra lokaler och en stor gård."))
    assert "change_not_weighed" in serious(card)


def test_a_change_rated_as_harm_needs_no_more_words() -> None:
    card = scored(development("Fritidshemmet blir ett annat.", short=-1))
    assert "change_not_weighed" not in serious(card)


def test_a_separation_judged_neutral_must_name_whom_the_child_is_separated_from() -> None:
    _, values = load_and_values()
    family = copy.deepcopy(values["family_impact"])
    family[9] = {**family[9], "short": 0, "long": 0,
                 "children": "Umgänget med mamma och pappa fortsätter som förut."}
    card = scored({"family_impact": family, "separates_from": ["siblings"]})
    assert "separation_not_weighed" in serious(card)  # the sister is not spoken of
    family[9]["children"] = ("Barnet går inte i samma skola som storasystern men träffar henne "
                             "varje eftermiddag och morgon hemma.")
    assert "separation_not_weighed" not in serious(
        scored({"family_impact": family, "separates_from": ["siblings"]}))

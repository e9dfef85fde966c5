"""The reviewer's questions where the case's own answers point at what a check cannot judge:
a newly arrived child heard with no interpreter (was the language really mastered?), and money
named in the case's description but not among the grounds for setting the child's wish aside
(was it the money that decided?). Questions, never findings: the level does not change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scoring_setup import EXAMPLES, score_file

from app.core.models.scorecard import Scorecard

CORPUS = Path(__file__).parent / "corpus" / "redteam"
ROUND9 = Path(__file__).parent / "corpus" / "redteam-open" / "round9"
NEWLY_ARRIVED = ROUND9 / "i4-kontaktfamilj-avslag.yaml"
COST_IN_SITUATION = ROUND9 / "i2-byte-familjehem.yaml"
LANGUAGE = "fast barnet är nyanlänt"
MONEY = "Var det ändå pengarna som avgjorde?"


def asked(card: Scorecard, words: str, lang: str = "sv") -> list[str]:
    return [r.text[lang] for r in card.review if words in r.text[lang]]


def test_a_newly_arrived_child_heard_without_interpreter_gets_the_language_question() -> None:
    card = score_file(NEWLY_ARRIVED)
    [text] = asked(card, LANGUAGE)
    # it quotes the answers the approval rests on, in the form's words
    assert "”Ja, på ett språk som barnet behärskar väl”" in text
    assert "”Ingen tolk behövdes”" in text
    [english] = asked(card, "although the child is newly arrived", "en")
    assert "No interpreter was needed" in english
    # a question for the reviewer, not a finding: the level is the same as without it
    assert [f.id for f in card.flags] == ["review_needed"]


def test_no_language_question_when_the_child_is_not_newly_arrived_or_had_an_interpreter() -> None:
    settled: dict[str, Any] = {"vulnerability_factors": ["parents_illness"]}
    assert asked(score_file(NEWLY_ARRIVED, settled), LANGUAGE) == []
    interpreted = {"interpreter": "professional", "talk_language": "interpreted"}
    card = score_file(NEWLY_ARRIVED, interpreted)
    assert asked(card, LANGUAGE) == []
    # the interpreter's own question asks instead
    assert any("Förstod barnet och tolken varandra" in r.text["sv"] for r in card.review)


def test_money_in_the_case_description_but_not_among_the_grounds_is_asked_about() -> None:
    card = score_file(COST_IN_SITUATION)
    [text] = asked(card, MONEY)
    assert "”Barnets skydd och säkerhet; Barnets utveckling eller skolgång”" in text
    assert asked(card, "Was it the money that decided all the same?", "en")
    # the grounds name resources: the money is said openly, nothing to ask
    grounds = {"not_followed_grounds": ["protection", "development", "resources"]}
    assert asked(score_file(COST_IN_SITUATION, grounds), MONEY) == []
    # the wish followed: money set nothing of the child's aside
    assert asked(score_file(COST_IN_SITUATION, {"views_weight": "followed"}), MONEY) == []


def test_a_service_free_of_charge_is_no_cost_motive() -> None:
    situation = ("Barnet har bott i sitt familjehem sedan 2023 och går i åk 7. Skolskjutsen är "
                 "kostnadsfri och familjehemmet vill fortsätta.")
    assert asked(score_file(COST_IN_SITUATION, {"child_situation": situation}), MONEY) == []
    english = ("She has lived with the foster family since 2023, feels safe there and feeds "
               "their dog every morning.")
    assert asked(score_file(COST_IN_SITUATION, {"child_situation": english}), MONEY) == []
    fee = "She has lived there since 2023; the foster family asked for a higher fee in winter."
    assert asked(score_file(COST_IN_SITUATION, {"child_situation": fee}), MONEY)


def test_the_honest_examples_and_controls_get_neither_question() -> None:
    """Among them refusals of school transport, which is free of charge by law, and an honest
    control that states its cost among the reasons that weigh more."""
    controls = [p for p in sorted(CORPUS.rglob("*.yaml"))
                if p.read_text("utf-8").startswith("# control:")]
    for path in sorted(EXAMPLES.glob("*.yaml")) + controls:
        card = score_file(path)
        assert asked(card, LANGUAGE) == [] and asked(card, MONEY) == [], path.name

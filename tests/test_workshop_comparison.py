"""Groups side by side: each disagreement measure, and the agenda ranked by them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import write

from app.core.answer_text import answer_text
from app.core.comparison import (
    GroupInput,
    choice_disagreement,
    compare,
    multi_disagreement,
)
from app.core.loading import load_questionnaire
from app.core.models.questionnaire import Questionnaire
from app.services.shipped import cases as shipped_cases
from app.services.shipped import catalog

QUESTIONNAIRE = """\
id: cmp
version: 1.0.0
languages: [sv, en]
title: {sv: Jämförelse, en: Comparison}
impact_scale:
  - {value: -2, label: {sv: Tydligt försvagad, en: Clearly weakened}}
  - {value: -1, label: {sv: Något försvagad, en: Somewhat weakened}}
  - {value: 0, label: {sv: Ingen påverkan, en: No effect}}
  - {value: 1, label: {sv: Något stärkt, en: Somewhat strengthened}}
  - {value: 2, label: {sv: Tydligt stärkt, en: Clearly strengthened}}
  - {value: unknown, label: {sv: Kan inte bedömas, en: Cannot judge}}
sections:
  - id: all
    title: {sv: Allt, en: All}
    questions:
      - id: affects
        type: choice
        text: {sv: "Berörs barn?", en: "Are children concerned?"}
        required: true
        options:
          - {value: direct, label: {sv: Direkt, en: Directly}}
          - {value: indirect, label: {sv: Indirekt, en: Indirectly}}
          - {value: none, label: {sv: Inte alls, en: Not at all}}
      - id: ages
        type: multi
        text: {sv: "Vilka åldrar?", en: "Which ages?"}
        options:
          - {value: small, label: {sv: "0–5 år", en: "0–5 years"}}
          - {value: school, label: {sv: "6–12 år", en: "6–12 years"}}
          - {value: teens, label: {sv: "13–17 år", en: "13–17 years"}}
      - id: count
        type: number
        text: {sv: "Hur många barn?", en: "How many children?"}
      - id: certainty
        type: choice
        text: {sv: "Hur säker?", en: "How certain?"}
        options:
          - {value: high, label: {sv: Säker, en: Certain}}
          - {value: low, label: {sv: Osäker, en: Uncertain}}
      - id: notes
        type: text
        text: {sv: "Anteckningar", en: "Notes"}
      - id: impacts
        type: impact
        text: {sv: Påverkan, en: Impact}
        articles: [2, 3]
        selectable: true
scoring:
  impact:
    term_weights: {short: 0.5, long: 0.5}
    balance_bands:
      - {min: -2, max: 0, label: {sv: Negativ, en: Negative}}
      - {min: 0, max: 2, label: {sv: Positiv, en: Positive}}
  process_quality:
    - {id: said, label: {sv: Svarat, en: Answered}, points: 100, when: "answered(affects)"}
  overall: {process_quality: 0.5, completeness: 0.5}
  levels:
    - {min: 0, max: 50, label: {sv: Svag, en: Weak}}
    - {min: 50, max: 100, label: {sv: Stark, en: Strong}}
"""


@pytest.fixture
def q(tmp_path: Path) -> Questionnaire:
    return load_questionnaire(write(tmp_path, "cmp.yaml", QUESTIONNAIRE))


def rate(**ratings: tuple[Any, Any]) -> dict[int, dict[str, Any]]:
    return {int(k[1:]): {"short": s, "long": lo, "children": ""} for k, (s, lo) in ratings.items()}


def groups(*answers: dict[str, Any]) -> list[GroupInput]:
    return [GroupInput(f"Grupp {i}", a) for i, a in enumerate(answers, 1)]


def test_choice_measure_is_one_when_all_differ_and_zero_when_all_agree() -> None:
    assert choice_disagreement(["a", "a", "a"]) == 0
    assert choice_disagreement(["a", "b"]) == 1
    assert choice_disagreement(["a", "b", "c"]) == 1
    assert choice_disagreement(["a", "a", "b", "b"]) == pytest.approx(2 / 3)
    assert choice_disagreement(["a", "a", "a", "b"]) == pytest.approx(1 / 3)


def test_multi_measure_is_the_mean_jaccard_distance() -> None:
    assert multi_disagreement([["x", "y"], ["x", "y"]]) == 0
    assert multi_disagreement([["x"], ["y"]]) == 1
    # {x,y} vs {x}: 1/2; {x,y} vs {y}: 1/2; {x} vs {y}: 1 -> mean 2/3
    assert multi_disagreement([["x", "y"], ["x"], ["y"]]) == pytest.approx(2 / 3)


def test_agenda_ranks_questions_where_groups_disagree_most_first(q: Questionnaire) -> None:
    result = compare(q, catalog().library, groups(
        {"affects": "direct", "ages": ["small", "school"], "count": 100, "certainty": "high",
         "impacts": rate(a2=(-2, -2), a3=(1, 1))},
        {"affects": "direct", "ages": ["small"], "count": 80, "certainty": "low",
         "impacts": rate(a2=(2, 2), a3=(1, 1))},
        {"affects": "indirect", "ages": ["small", "school"], "count": 100, "certainty": "high",
         "impacts": rate(a2=(0, 0), a3=(1, 1), a31=(-1, -1))},
    ), key_articles=[2, 3, 31])
    agenda = [(i.question, i.article, round(i.disagreement or 0, 3)) for i in result.agenda]
    # article 2: ratings -2, +2, 0 -> spread 4/4; the choices 2 of 3 agree -> (1/3)/(2/3)
    assert agenda == [("impacts", 2, 1.0), ("affects", None, 0.5), ("certainty", None, 0.5),
                      ("ages", None, 0.333), ("count", None, 0.2)]
    # article 3 (all agree) and 31 (one group rated it) are not on the agenda
    assert {i.article for i in result.agenda} == {None, 2}
    top = result.agenda[0]
    assert top.answers[0] == {"short": -2, "long": -2, "children": ""}


def test_per_article_ratings_side_by_side_include_unrated_key_articles(
        q: Questionnaire) -> None:
    result = compare(q, catalog().library, groups(
        {"impacts": rate(a2=(-2, -1), a3=(1, 1))},
        {"impacts": rate(a2=(1, 1), a3=("unknown", "unknown"))},
    ), key_articles=[2, 3, 24])
    rows = {r.number: r for r in result.articles}
    assert list(rows) == [2, 3, 24]
    assert rows[2].ratings == (-1.5, 1.0) and rows[2].spread == 2.5
    assert rows[3].ratings == (1.0, None) and rows[3].spread is None
    assert rows[24].ratings == (None, None) and rows[24].key


def test_scores_per_group_and_text_listed_not_compared(q: Questionnaire) -> None:
    result = compare(q, catalog().library, groups(
        {"affects": "direct", "notes": "Vi tänkte på skolvägen."},
        {"notes": "Vi glömde förskolan."},
    ))
    first, second = result.groups
    assert first.card.process_quality == 100 and second.card.process_quality == 0
    assert first.card.level is not None and second.card.level is not None
    assert [i.question for i in result.listed] == ["notes"]
    assert result.listed[0].answers == ("Vi tänkte på skolvägen.", "Vi glömde förskolan.")
    assert all(i.question != "notes" for i in result.agenda)


def test_one_answer_is_no_disagreement_and_agreement_is_left_off(q: Questionnaire) -> None:
    result = compare(q, catalog().library, groups(
        {"affects": "none", "certainty": "low"}, {"affects": "none"}, {}))
    assert result.agenda == []


def test_answers_read_as_labels(q: Questionnaire) -> None:
    ages, impacts = q.questions["ages"], q.questions["impacts"]
    assert answer_text(q, ages, ["small", "teens"], "sv") == "0–5 år; 13–17 år"
    entry = {"short": -1, "long": 2, "children": "Barn i Västerängen"}
    assert answer_text(q, impacts, entry, "en") == ("short term: Somewhat weakened; long term: "
                                                    "Clearly strengthened. Barn i Västerängen")
    assert answer_text(q, ages, None, "sv") == ""


# ---- the case's key points and common mistakes (issue 8)

CAREFUL: dict[str, Any] = {
    "affects_children": "direct",
    "vulnerable_groups": ["disability", "socioeconomic"],
    "children_heard": "directly",
    "heard_who_what": "71 elever i åk 4 och 6 ritade sina vägar; flickorna vill ha kvar gungorna "
                      "och många är ledsna över lindarna.",
    "views_effect": "Förvaltningen föreslår att fler lindar sparas och att gungorna flyttas.",
    "rights_impacts": {
        2: {"short": -1, "long": -1, "children": "Barn med funktionsnedsättning förlorar den "
                                                 "tillgängliga lekplatsen."},
        6: {"short": -1, "long": 0, "children": "De yngsta under byggtiden."},
        12: {"short": 0, "long": 0, "children": ""},
        27: {"short": 0, "long": 2, "children": "Barn i trångbodda familjer får större bostad."},
        31: {"short": -2, "long": -1, "children": "Barnen i Västerängen förlorar sin park."},
    },
    "measures": [{"what": "Säkrare övergångsställe vid Ängsvägen", "who": "Trafikenheten",
                  "due": "2027-06-01", "status": "ongoing"}],
}
CLASSIC: dict[str, Any] = {
    "affects_children": "direct",
    "vulnerable_groups": ["none_identified"],
    "children_heard": "through_others",
    "heard_who_what": "Föräldrarna har skrivit insändare och lämnat en namninsamling mot "
                      "bygget.",
    "views_effect": "Föräldrarnas synpunkter tas med i det fortsatta arbetet.",
    "rights_impacts": {
        2: {"short": 0, "long": 0, "children": ""},
        6: {"short": 0, "long": 1, "children": "Nya bostäder."},
        12: {"short": 2, "long": 2, "children": "En dialog har hållits med skolan."},
        31: {"short": 0, "long": 0, "children": ""},
    },
}


def test_the_comparison_shows_which_group_caught_the_key_points_and_made_the_mistakes() -> None:
    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    case = next(c for c in shipped_cases() if c.id == "lekplats-lindparken")
    result = compare(q, cat.library, [GroupInput("Noggranna", CAREFUL),
                                      GroupInput("Klassiska", CLASSIC)],
                     case.key_articles, case)
    rows = {r.id: r for r in result.rules}
    assert rows["play_weakened"].holds == (True, False)
    assert rows["disability_named"].holds == (True, False)
    assert rows["measures_planned"].holds == (True, False)
    assert rows["adults_as_children"].holds == (False, True)
    assert rows["art12_plus_for_dialogue"].holds == (False, True)
    assert rows["all_netted"].holds == (False, True)
    assert rows["measures_nobody_bound"].holds == (False, False)
    assert result.caught(0) == (4, 4) and result.made(0) == (0, 5)
    assert result.caught(1) == (0, 4) and result.made(1) == (4, 5)

    # the group that made the classic mistakes is no longer scored above the careful one
    classic = result.groups[1].card
    assert classic.level is not None and classic.level.id not in ("acceptable", "thorough")
    assert "only_adults_asked" in {f.id for f in classic.serious}



def test_a_measure_nobody_is_bound_to_is_a_mistake_the_comparison_names() -> None:
    """The housing company 'will' build an accessible playground, outside any agreement: the
    group that says so truthfully is shown the mistake; the group whose same measure is written
    into the agreement is not."""
    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    case = next(c for c in shipped_cases() if c.id == "lekplats-lindparken")
    playground = {"what": "Ekebyhem bygger en ny tillgänglig lekplats", "who": "Ekebyhem",
                  "due": "2028-06-01", "status": "planned", "addresses": ["2", "31"],
                  "decided": "yes", "funded": "yes", "reduced": "no", "lasting": "yes"}
    hoped = {**CAREFUL, "measures": [{**playground, "bound": "none"}]}
    agreed = {**CAREFUL, "measures": [{**playground, "bound": "agreement"}]}
    result = compare(q, cat.library, [GroupInput("Förhoppning", hoped),
                                      GroupInput("Avtal", agreed)], case.key_articles, case)
    rows = {r.id: r for r in result.rules}
    assert rows["measures_nobody_bound"].holds == (True, False)

def test_a_case_rule_naming_an_unknown_question_is_a_load_error(tmp_path: Path) -> None:
    from app.core.cases import load_case
    from app.core.errors import LoadError
    from app.services.paths import CASES_DIR

    text = (CASES_DIR / "lekplats-lindparken.yaml").read_text(encoding="utf-8")
    text = text.replace('when: "weakened(31)"', 'when: "weakend(31) or heard == 1"', 1)
    path = write(tmp_path, "lekplats-lindparken.yaml", text)
    with pytest.raises(LoadError) as info:
        load_case(path, catalog().questionnaires)
    said = "\n".join(map(str, info.value.problems))
    assert "rule 'play_weakened' does not parse: unknown function 'weakend'" in said


def test_a_case_rule_is_checked_against_the_questionnaire(tmp_path: Path) -> None:
    from app.core.cases import load_case
    from app.core.errors import LoadError
    from app.services.paths import CASES_DIR

    text = (CASES_DIR / "lekplats-lindparken.yaml").read_text(encoding="utf-8")
    text = text.replace('when: "weakened(31)"', "when: \"heard == 'yes'\"", 1)
    path = write(tmp_path, "lekplats-lindparken.yaml", text)
    with pytest.raises(LoadError) as info:
        load_case(path, catalog().questionnaires)
    said = "\n".join(map(str, info.value.problems))
    assert "lekplats-lindparken.yaml:" in said
    assert "rule 'play_weakened': 'heard' is not a question of this questionnaire" in said

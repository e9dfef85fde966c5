"""The debrief's order for a room of four groups: the case's heart first, side questions last."""

from __future__ import annotations

from typing import Any

from app.core.comparison import GroupInput, compare
from app.core.debrief import Focus
from app.services.shipped import cases, catalog

CASE = next(c for c in cases() if c.id == "lekplats-lindparken")


def rating(short: int, long: int) -> dict[str, Any]:
    return {"short": short, "long": long, "children": "Barnen som bor i Västerängen i dag."}


def four_groups() -> list[GroupInput]:
    """Two groups answer a side question each their own way (100 % disagreement); all four
    rate article 31, the case's central harm, a little apart; three of four differ on whether
    children were heard; all four answer whether the matter concerns children, two each way."""
    side = [{"law_strength": "decisive"}, {"law_strength": "unclear"}, {}, {}]
    heard = ["directly", "no", "no", None]
    play = [rating(-2, -2), rating(-2, -1), rating(-1, -1), rating(-2, -2)]
    groups = []
    for i in range(4):
        values: dict[str, Any] = {"affects_children": ("direct", "indirect")[i % 2],
                                  "rights_impacts": {31: play[i]},
                                  **side[i]}
        if heard[i]:
            values["children_heard"] = heard[i]
        groups.append(GroupInput(f"Grupp {i + 1}", values))
    return groups


def test_the_case_heart_leads_then_most_groups_then_the_rest() -> None:
    cat = catalog()
    q = cat.questionnaires[CASE.questionnaire]
    result = compare(q, cat.library, four_groups(), CASE.key_articles, CASE)
    order = [(i.part, i.question, i.article) for i in result.agenda]
    assert order[0] == ("key", "rights_impacts", 31)
    # children_heard is what a classic mistake of the case is about: the heart of it too
    assert ("key", "children_heard", None) in order
    assert ("most", "affects_children", None) in order
    side = order.index(("rest", "law_strength", None))
    assert side == len(order) - 1, order  # answered by two of four: last, whatever its 100 %
    assert [p for p, _, _ in order] == sorted((p for p, _, _ in order),
                                              key=["key", "most", "rest"].index)


def test_the_focus_is_read_from_the_case_rules() -> None:
    focus = Focus.of(CASE)
    assert {31, 27, 12}.issubset(focus.articles)  # weakened(31), strengthened(27), ...(12)
    assert {"vulnerable_groups", "measures", "children_heard"}.issubset(focus.questions)


def test_every_general_principle_has_a_column_a_group_fills() -> None:
    """Article 3 is assessed by the best-interests conclusion, never rated: its cells show
    each group's conclusion; 2, 6 and 12 are rated in the rights question itself."""
    cat = catalog()
    q = cat.questionnaires[CASE.questionnaire]
    groups = four_groups()
    groups[0].values["best_interests_outcome"] = "partly"
    groups[1].values["best_interests_outcome"] = "no"
    result = compare(q, cat.library, groups, CASE.key_articles, CASE)
    rows = {r.number: r for r in result.articles}
    three = rows[3]
    assert three.conclusions is not None
    assert [c["sv"] if c else None for c in three.conclusions] == ["Delvis", "Nej", None, None]
    rated = next(i for i in q.questions.values() if i.id == "rights_impacts")
    assert {2, 6, 12} <= set(rated.articles)  # the other principles are listed to rate

"""Scores follow from the answers as the questionnaire's scoring block declares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, approved_review, write

from app.core.loading import load_questionnaire
from app.core.models.questionnaire import Questionnaire
from app.core.scoring import score
from app.services.shipped import catalog


@pytest.fixture
def mini(tmp_path: Path) -> Questionnaire:
    return load_questionnaire(write(tmp_path, "q.yaml", MINIMAL))


def card(q: Questionnaire, **values: Any) -> Any:
    return score(q, values, catalog().library)


def rated(**ratings: tuple[Any, Any]) -> dict[int, dict[str, Any]]:
    return {int(k[1:]): {"short": s, "long": lo, "children": ""} for k, (s, lo) in ratings.items()}


def test_short_path_when_children_not_concerned(mini: Questionnaire) -> None:
    result = card(mini, affects="none", why_not="Gäller bara vuxna.")
    assert result.completeness == 100
    assert "heard" not in result.visible and "impacts" not in result.visible
    assert result.required_visible == 2


def test_hidden_answers_never_count(mini: Questionnaire) -> None:
    result = card(mini, affects="none", heard="yes")
    assert not next(c for c in result.criteria if c.id == "heard").met
    assert result.process_quality == 0
    assert result.missing == ["why_not"]


def test_completeness_counts_visible_required_questions(mini: Questionnaire) -> None:
    result = card(mini, affects="directly", heard="no")
    assert result.required_visible == 3  # affects, heard, impacts; measures hidden (no negatives)
    assert result.missing == ["impacts"]
    assert result.completeness == pytest.approx(200 / 3)


def test_impact_combines_terms_and_unknown_is_left_out(mini: Questionnaire) -> None:
    impacts = rated(a2=(1, 2), a3=(0, 0), a6=(0, "unknown"), a12=(-2, None))
    result = card(mini, affects="directly", heard="yes", impacts=impacts)
    combined = {a.number: a.combined for a in result.articles}
    assert combined == {2: 1.5, 3: 0.0, 6: 0.0, 12: -2.0}
    assert result.balance == pytest.approx(-0.125)
    assert result.negative == 1 and result.positive == 1


def test_negative_impact_shows_measures_and_flags(mini: Questionnaire) -> None:
    impacts = rated(a2=(0, 0), a3=(0, 0), a6=(0, 0), a12=(-1, -1))
    result = card(mini, affects="directly", heard="no", impacts=impacts)
    assert "measures" in result.visible and "measures" in result.missing
    assert [f.id for f in result.flags] == ["not_heard_12", "review_needed"]
    heard = card(mini, affects="directly", heard="yes", impacts=impacts)
    assert [f.id for f in heard.flags] == ["review_needed"]  # only the reviewer is missing


def test_selected_articles_join_their_clusters(mini: Questionnaire) -> None:
    impacts = rated(a2=(0, 0), a3=(1, 1), a6=(0, 0), a12=(0, 0), a28=(-2, -1), a31=(-1, -1))
    result = card(mini, affects="directly", heard="yes", impacts=impacts)
    clusters = {c.id: c for c in result.clusters}
    assert clusters["education_leisure"].articles == [28, 31]
    assert clusters["education_leisure"].mean == pytest.approx(-1.25)
    assert clusters["special_protection"].mean is None


def test_overall_and_level_from_bands(mini: Questionnaire) -> None:
    impacts = rated(a2=(0, 0), a3=(0, 0), a6=(0, 0), a12=(0, 0))
    result = card(mini, affects="directly", heard="yes", impacts=impacts)
    assert result.process_quality == 100 and result.completeness == 100
    assert result.overall == 100
    # the points reach the top; the level waits for a reviewer's recorded approval
    assert result.points_level is not None and result.points_level.label["en"] == "Strong"
    assert result.level is not None and result.level.label["en"] != "Strong"
    approved = score(mini, dict(affects="directly", heard="yes", impacts=impacts),
                     catalog().library, review=approved_review())
    assert approved.level is not None and approved.level.label == {"sv": "Stark", "en": "Strong"}
    weak = card(mini, affects="directly")
    assert weak.level is not None and weak.level.label["en"] == "Weak"


def test_a_measure_needs_a_real_owner_and_a_date() -> None:
    """Gaming the measures rule: an owner 'x' or no date is no measure."""
    from app.core.scoring import score
    from app.services.shipped import catalog

    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    base = {"affects_children": "direct",
            "rights_impacts": {2: {"short": -1, "long": 1, "children": "Barn med långt till "
                                                                        "skolan."}}}
    for measures, counted in (
        ([{"what": "Skolskjuts", "who": "Skolskjutssamordnare", "due": "2027-06-01"}], True),
        ([{"what": "Skolskjuts", "who": "x", "due": "2027-06-01"}], False),
        ([{"what": "Skolskjuts", "who": "Rektor", "due": None}], False),
        ([{"what": "-", "who": "Rektor", "due": "2027-06-01"}], False),
    ):
        card = score(q, {**base, "measures": measures}, cat.library)
        raised = {f.id for f in card.flags}
        assert ("negative_without_measures" not in raised) == counted, measures
        assert ("measures_without_owner" in raised) == (not counted), measures


def test_harm_now_is_not_netted_by_gains_later() -> None:
    from app.core.scoring import score
    from app.services.shipped import catalog

    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    values = {"affects_children": "direct",
              "rights_impacts": {28: {"short": -2, "long": 2, "children": "Eleverna"}}}
    card = score(q, values, cat.library)
    assert card.articles[-1].combined is not None and card.articles[-1].combined > 0
    assert [w.number for w in card.weakened] == [28] and card.weakened[0].terms == ["short"]
    assert [s.number for s in card.strengthened] == [28]
    assert "measures" in card.visible  # the measures question follows the weakened right
    assert "negative_without_measures" in {f.id for f in card.flags}


def test_each_article_counts_in_its_primary_cluster_only() -> None:
    from app.core.scoring import score
    from app.services.shipped import catalog

    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    values = {"affects_children": "direct",
              "rights_impacts": {28: {"short": 1, "long": 1, "children": "Eleverna"}}}
    clusters = {c.id: c for c in score(q, values, cat.library).clusters}
    assert clusters["education_leisure"].articles == [28]
    assert clusters["violence"].articles == [] and clusters["violence"].mean is None

"""No child's answer can be worked out from what the official sees: a breakdown by age is
shown only where every group a reader can single out, the bands shown and the rest of the
children taken together (all minus the bands shown), holds five or more; and the paragraph
written into the assessment names ages under the same rule."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.children import MIN_GROUP, results, separable_bands
from app.core.children_loading import load_child_questionnaire
from app.core.children_participation import summary
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.services.paths import QUESTIONNAIRES_DIR


@pytest.mark.parametrize(("by_band", "shown"), [
    ({"6-9": 6, "10-12": 1}, set()),  # 7 minus the 6 would lay the one child bare
    ({"6-9": 7, "10-12": 6, "13-17": 1}, {"6-9"}),  # the rest: the smaller 6 + 1
    ({"6-9": 5, "10-12": 5}, {"6-9", "10-12"}),
    ({"6-9": 5, "10-12": 3, "13-17": 2}, {"6-9"}),  # the rest: 3 + 2 together
    ({"6-9": 9, "10-12": 0}, {"6-9"}),
    ({"6-9": 4, "10-12": 4}, set()),
])
def test_the_bands_shown_leave_no_group_under_five(by_band: dict[str, int],
                                                    shown: set[str]) -> None:
    assert separable_bands(by_band) == shown
    rest = sum(by_band.values()) - sum(by_band[b] for b in shown)
    assert rest == 0 or rest >= MIN_GROUP
    assert all(by_band[b] >= MIN_GROUP for b in shown)


def _collection(bands: list[str]) -> ChildCollection:
    responses = [ChildResponse(age_band=b, answers={"plan_opinion": "good" if b != "13-17"
                                                    else "bad"},
                               day=dt.date(2026, 12, 1)) for b in bands]
    return ChildCollection(id="c1", assessment_id="a1", code="ABCDEF",
                           questionnaire="children-voices", questionnaire_version="1.0.0",
                           decision_for_children="Skolgården byggs om.", responses=responses)


def test_one_older_child_is_neither_a_column_nor_named_in_the_assessment() -> None:
    [path] = [p for p in QUESTIONNAIRES_DIR.glob("children*.yaml")]
    q = load_child_questionnaire(path)
    bands = [b.id for b in q.age_bands]
    young, old = bands[1], bands[-1]
    collection = _collection([young] * 6 + [old])
    found = results(q, collection, "sv")
    assert found.shown and not found.band_shown(young) and not found.band_shown(old)
    assert all(not count.by_band for count in found.counts)  # no column to subtract from
    text = summary(q, collection, found, "sv")
    old_label = next(b for b in q.age_bands if b.id == old).label
    assert str(getattr(old_label, "sv", old_label)) not in text
    assert "7 barn" in text and "i olika åldrar" in text

"""A backup holds a children's collection under five answers only as a number: what nobody
may read on the page is not in the backup either. Five or more are kept whole. Once per store."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.store import open_store
from app.store.child_collections import ChildCollectionStore


def _fill(folder: Path, assessment_id: str, marker: str, count: int) -> None:
    children = ChildCollectionStore(folder)
    opened = children.open(ChildCollection(
        assessment_id=assessment_id, code="x", questionnaire="children-voices",
        questionnaire_version="1.0.0", decision_for_children="Skolgården byggs om."))
    for i in range(count):
        children.add_response(opened.code, ChildResponse(
            age_band="10-12", texts={"wish": f"{marker} {i}"}, day=dt.date(2026, 12, 1)))


@pytest.mark.usefixtures("store_kind")
def test_a_backup_holds_a_small_collection_as_a_number_only(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    aid = store.create(Assessment(questionnaire=QuestionnaireRef(id="bka-standard",
                                                                 version="2.0.0"),
                                  decision=Decision(title="Skolgård")), editor="Ann").id or ""
    _fill(tmp_path, aid, "Fåtal-svar-markör", 3)
    _fill(tmp_path, aid, "Många-svar-markör", 5)
    backup = store.backup()
    with zipfile.ZipFile(backup) as zf:
        held = b"".join(zf.read(n) for n in zf.namelist()).decode("utf-8")
    assert "Fåtal-svar-markör" not in held  # three children: not even in the backup
    assert '"withheld": 3' in held.replace('"withheld":3', '"withheld": 3')
    assert "Många-svar-markör 4" in held  # five: kept whole
    # The live collection is untouched: the three answers are still there to be counted.
    assert sorted(len(c.responses) for c in ChildCollectionStore(tmp_path).of_assessment(aid)) \
        == [3, 5]

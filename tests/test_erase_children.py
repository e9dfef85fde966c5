"""Erasing an assessment for good also erases the children's answers and the letter back."""

from __future__ import annotations

from pathlib import Path

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.core.models.child_letter import LetterRecord, record_id
from app.services.erase import erase_for_good
from app.services.letters import letter_store
from app.store import open_store
from app.store.child_collections import ChildCollectionStore

MARKER = "Zqxv-markör-som-inte-får-finnas-kvar"


def _grep(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]


def test_erase_for_good_leaves_no_child_answer_and_no_letter(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a = store.create(Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
                                decision=Decision(title="Ny skolgård")), editor="Ann")
    assert a.id is not None
    kept = store.create(Assessment(questionnaire=QuestionnaireRef(id="bka-standard",
                                                                  version="2.0.0"),
                                   decision=Decision(title="Annat ärende")), editor="Ann")
    assert kept.id is not None
    children = ChildCollectionStore(tmp_path)
    mine = children.open(_collection(a.id))
    other = children.open(_collection(kept.id))
    children.add_response(mine.code, _response(MARKER))
    children.add_response(other.code, _response("Gungor är bra"))
    letter_store(tmp_path).create(LetterRecord(id=record_id(a.id, "sv"), assessment_id=a.id,
                                               lang="sv", title="Brev", greeting="Hej!",
                                               parts={"decided": MARKER}, signature="Ann"))
    assert _grep(tmp_path)  # the marker is really there before the erase
    store.delete(a.id, editor="Ann")
    erase_for_good(store, a.id, tmp_path)
    assert _grep(tmp_path) == []
    assert [c.assessment_id for c in ChildCollectionStore(tmp_path).of_assessment(kept.id)] == [
        kept.id]  # another assessment's collection is untouched


def _collection(assessment_id: str) -> ChildCollection:
    return ChildCollection(assessment_id=assessment_id, code="x", questionnaire="children-voices",
                           questionnaire_version="1.0.0",
                           decision_for_children="Kommunen vill bygga om skolgården.")


def _response(text: str) -> ChildResponse:
    import datetime as dt

    return ChildResponse(age_band="10-12", texts={"wish": text}, day=dt.date(2026, 12, 1))

"""Exports read as a stream, and damage that parses: an unknown option or an impossible
revision in an import file is refused with what and where, and nothing is lost; an unknown
option already in a stored file is read and flagged, never a reason to refuse the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_exchange import stored
from test_store_shapes import _stored_twice

from app.core import limits
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.services.shipped import catalog as shipped_catalog
from app.store import TinyDBAssessmentStore
from app.store.exchange import (
    EXPORT_FORMAT,
    ImportRejected,
    export_bytes,
    export_file,
    import_bytes,
    import_file,
)

QUESTION = "affects_children"  # a choice question of the standard questionnaire


def _assessment(title: str, **answers: object) -> Assessment:
    q = shipped_catalog().questionnaires["bka-standard"]
    return Assessment(questionnaire=QuestionnaireRef(id=q.id, version=q.version),
                      decision=Decision(title=title),
                      answers={k: Answer(value=v) for k, v in answers.items()})


@pytest.fixture
def here(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "here", durable=False)


@pytest.fixture
def there(tmp_path: Path) -> TinyDBAssessmentStore:
    store = TinyDBAssessmentStore(tmp_path / "there", durable=False)
    store.store_imported([_assessment(f"Beslut {n}", affects_children="direct")
                          for n in range(30)], "Anna")
    return store


def test_an_export_streamed_in_and_again_gives_the_same_and_then_changes_nothing(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore, tmp_path: Path) -> None:
    path = export_file(there, tmp_path / "export.json", catalog=shipped_catalog())
    assert json.loads(path.read_bytes())["format"] == EXPORT_FORMAT  # one JSON document
    first = import_file(here, path, "Bo", catalog=shipped_catalog())
    assert len(first.created) == 30
    assert sorted(s.title for s in here.list()) == sorted(s.title for s in there.list())
    before = stored(here)
    again = import_file(here, path, "Bo", catalog=shipped_catalog())
    assert (len(again.skipped), again.changed, again.conflicts) == (30, 0, [])
    assert stored(here) == before


def test_a_cut_export_says_after_which_assessment(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore) -> None:
    data = export_bytes(there)
    eleventh = json.loads(data)["assessments"][10]["decision"]["title"]
    tenth = data.index(f'"title": "{eleventh}"'.encode())  # inside the 11th assessment
    with pytest.raises(ImportRejected) as caught:
        import_bytes(here, data[:tenth], "export.json", "Bo")
    assert "export.json, after assessment 10: the file is cut short" in str(caught.value)
    assert here.list() == []


def test_an_export_over_the_measured_limit_is_refused_before_it_is_read(
        here: TinyDBAssessmentStore, there: TinyDBAssessmentStore, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = export_file(there, tmp_path / "export.json")
    monkeypatch.setattr("app.store.import_read.MAX_EXPORT_BYTES", 1000)
    with pytest.raises(ImportRejected, match=r"may be at most 1,000 bytes"):
        import_file(here, path, "Bo")
    assert limits.MAX_EXPORT_BYTES > 130 * 1024 * 1024  # 10,000 realistic ones fit
    assert here.list() == []


def _export_with(tmp_path: Path, *assessments: dict[str, object]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": EXPORT_FORMAT, "assessments": list(assessments)}),
                    encoding="utf-8")
    return path


def test_an_unknown_option_in_an_import_is_refused_with_what_and_where(
        here: TinyDBAssessmentStore, tmp_path: Path) -> None:
    good = _assessment("Bra", affects_children="direct").model_dump(mode="json")
    bad = _assessment("Trasig", affects_children="kanske").model_dump(mode="json")
    here.create(_assessment("Min egen"), "Anna")
    before = stored(here)
    with pytest.raises(ImportRejected) as caught:
        import_file(here, _export_with(tmp_path, good, bad), "Bo", catalog=shipped_catalog())
    message = str(caught.value)
    assert "in.json, assessment 2" in message and "'kanske'" in message
    assert f"({QUESTION}) cannot be read" in message and "is not an option" in message
    assert "direct" in message  # the options it could have been
    assert stored(here) == before


@pytest.mark.parametrize(("change", "words"), [
    ({"revision": -4}, "revision -4 is impossible"),
    ({"created": "2026-05-02T10:00:00+00:00", "updated": "2026-05-01T10:00:00+00:00"},
     "before it was created"),
])
def test_an_impossible_revision_in_an_import_is_refused(
        here: TinyDBAssessmentStore, tmp_path: Path, change: dict[str, object],
        words: str) -> None:
    bad = {**_assessment("Omöjlig").model_dump(mode="json"), **change}
    with pytest.raises(ImportRejected, match=words):
        import_file(here, _export_with(tmp_path, bad), "Bo", catalog=shipped_catalog())
    assert here.list() == []


def test_an_unknown_option_in_a_stored_file_is_read_kept_and_flagged(
        tmp_path: Path) -> None:
    """Stored before answers were checked when saved: the record opens, the answer is kept
    as it was and named as a problem to fix (tests/test_answer_saves.py), never refused."""
    shipped_catalog()  # the process has loaded its questionnaires, as the app has
    store = TinyDBAssessmentStore(tmp_path / "data", durable=False)
    aid, path = _stored_twice(store)
    store.set_answer(aid, QUESTION, Answer(value="direct"), "Anna")
    data = json.loads(path.read_bytes())
    [doc] = [d for d in data["assessments"].values() if d["id"] == aid]
    doc["assessment"]["answers"][QUESTION]["value"] = "kanske"
    path.write_text(json.dumps(data), encoding="utf-8")
    fresh = TinyDBAssessmentStore(store.folder, durable=False)
    assert fresh.get(aid).value(QUESTION) == "kanske"
    assert [s.id for s in fresh.list()] == [aid]

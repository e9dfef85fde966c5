"""Files that parse and fit the format but cannot be a state this store wrote: an emptied table,
an impossible revision, a record twice; refused like a damaged file, and no write ever makes
a file nobody checked into the kept `.prev` copy."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.models.assessment import Answer
from app.core.models.meeting import Meeting
from app.store import StoreCorrupted, TinyDBAssessmentStore
from app.store.atomic import previous_copy
from app.store.json_storage import AtomicJSONStorage
from app.store.meetings import MeetingStore
from tests.test_store_shapes import _doc, _refused_untouched, _stored_twice, assessment


@pytest.fixture
def store(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "data", durable=False)


def test_an_emptied_document_file_is_refused_not_read_as_no_assessments(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    path.write_text('{"assessments": {}}', encoding="utf-8")
    _refused_untouched(store, aid, path, "holds no records")


def test_an_emptied_file_without_a_previous_copy_is_refused_by_the_overview_rows(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    path = store.layout.doc_file(a.id or "")
    previous_copy(path).unlink(missing_ok=True)
    path.write_text('{"assessments": {}}', encoding="utf-8")
    fresh = TinyDBAssessmentStore(store.folder, durable=False)
    for attempt in (fresh.list, lambda: fresh.get(a.id or "")):
        with pytest.raises(StoreCorrupted, match="holds 0 documents"):
            attempt()
    assert path.read_text(encoding="utf-8") == '{"assessments": {}}'


def test_the_export_of_a_folder_with_an_emptied_file_fails_in_words(
        store: TinyDBAssessmentStore, tmp_path: Path) -> None:
    _, path = _stored_twice(store)
    path.write_text('{"assessments": {}}', encoding="utf-8")
    out = tmp_path / "export.json"
    done = subprocess.run([sys.executable, "-m", "app.cli", "export", "--data-dir",
                           str(store.folder), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stdout
    assert str(path) in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_revision_the_history_never_recorded_is_refused(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    data = _doc(path)
    data["assessments"]["1"]["assessment"]["revision"] = 7000
    path.write_text(json.dumps(data), encoding="utf-8")
    _refused_untouched(store, aid, path, "revision 7000", "never recorded")


def test_the_last_assessment_of_a_file_purged_removes_the_file(
        store: TinyDBAssessmentStore) -> None:
    a = store.create(assessment(), "Anna")
    path = store.layout.doc_file(a.id or "")
    store.delete(a.id or "", "Anna")
    store.purge(a.id or "")
    assert not path.exists() and not previous_copy(path).exists()
    assert store.list() == [] and store.deleted() == []
    again = store.create(assessment("Ny lekplats"), "Anna")
    assert [s.title for s in store.list()] == ["Ny lekplats"]
    assert store.get(again.id or "").decision.title == "Ny lekplats"


def _meetings(folder: Path) -> MeetingStore:
    return MeetingStore(folder)


def _two_meetings(folder: Path) -> Path:
    meetings = _meetings(folder)
    for article in (12, 3):
        meetings.create(Meeting(date=dt.date(2026, 4, 14), team="Skolhälsan", article=article))
    [path] = folder.glob("meetings.json")
    assert previous_copy(path).exists()
    return path


def test_an_emptied_meeting_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = _two_meetings(tmp_path)
    path.write_text('{"_default": {}}', encoding="utf-8")
    before = path.read_bytes(), previous_copy(path).read_bytes()
    meetings = _meetings(tmp_path)
    for attempt in (meetings.all, lambda: meetings.create(
            Meeting(date=dt.date(2026, 4, 15), team="Skolhälsan", article=6))):
        with pytest.raises(StoreCorrupted) as caught:
            attempt()
        assert str(path) in str(caught.value) and "previous copy holds 1" in str(caught.value)
    assert (path.read_bytes(), previous_copy(path).read_bytes()) == before


def test_a_meeting_stored_twice_or_at_revision_zero_is_refused(tmp_path: Path) -> None:
    path = _two_meetings(tmp_path)
    good = path.read_bytes()
    data = json.loads(good)
    first = data["_default"]["1"]
    for damaged in ({"1": first, "2": first}, {"1": {**first, "revision": 0}}):
        path.write_text(json.dumps({"_default": damaged}), encoding="utf-8")
        with pytest.raises(StoreCorrupted, match="twice|revision 0"):
            _meetings(tmp_path).all()
    path.write_bytes(good)
    assert len(_meetings(tmp_path).all()) == 2


def test_the_last_meeting_deleted_removes_the_file_and_keeps_its_copy(tmp_path: Path) -> None:
    meetings = _meetings(tmp_path)
    made = meetings.create(Meeting(date=dt.date(2026, 4, 14), team="Skolhälsan", article=12))
    meetings.delete(made.id)
    path = tmp_path / "meetings.json"
    assert not path.exists() and previous_copy(path).exists()
    assert meetings.all() == []
    meetings.create(Meeting(date=dt.date(2026, 4, 15), team="Skolhälsan", article=3))
    assert [m.article for m in meetings.all()] == [3]


def test_a_file_replaced_after_it_was_checked_never_becomes_the_kept_copy(
        tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    storage = AtomicJSONStorage(path, durable=False)
    storage.write({"_default": {"1": {"n": 1}}})
    storage.write({"_default": {"1": {"n": 2}}})
    kept = previous_copy(path).read_bytes()
    storage.read()
    path.write_text('{"_default": {"1": {"n": "written by someone else"}}}', encoding="utf-8")
    with pytest.raises(StoreCorrupted, match="replaced by another program"):
        storage.write({"_default": {"1": {"n": 3}}})
    assert previous_copy(path).read_bytes() == kept
    assert "someone else" in path.read_text(encoding="utf-8")


def test_answers_still_save_into_a_file_read_and_checked_first(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    for n in range(3):
        store.set_answer(aid, "q", Answer(value=f"svar {n}"), "Anna")
    assert store.get(aid).answers["q"].value == "svar 2"
    assert json.loads(previous_copy(path).read_bytes())["assessments"]["1"]["assessment"][
        "answers"]["q"]["value"] == "svar 1"

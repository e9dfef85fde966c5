"""Files that are valid JSON of the wrong shape: refused by name, never written over."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import StoreCorrupted, TinyDBAssessmentStore, UnsupportedStore
from app.store.atomic import previous_copy
from app.store.layout import shard_of
from app.store.meetings import MeetingStore


def assessment(title: str = "Lekplats i Åby") -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title))


@pytest.fixture
def store(tmp_path: Path) -> TinyDBAssessmentStore:
    return TinyDBAssessmentStore(tmp_path / "data", durable=False)


def _stored_twice(store: TinyDBAssessmentStore) -> tuple[str, Path]:
    """An assessment saved twice (so its file has a .prev copy) and its document file."""
    a = store.create(assessment(), "Anna")
    store.set_answer(a.id or "", "q", Answer(value="första"), "Anna")
    path = store.layout.doc_file(a.id or "")
    assert previous_copy(path).exists()
    return a.id or "", path


def _doc(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_bytes())


def _refused_untouched(store: TinyDBAssessmentStore, aid: str, path: Path,
                       *expected: str) -> None:
    """Reading and writing are refused naming `path`; neither it nor its .prev change."""
    before = path.read_bytes(), previous_copy(path).read_bytes()
    fresh = TinyDBAssessmentStore(store.folder, durable=False)
    attempts: list[Callable[[], object]] = [
        lambda: fresh.get(aid),
        fresh.list,
        lambda: fresh.set_answer(aid, "q", Answer(value="över"), "Bo"),
        lambda: fresh.store_imported([assessment().model_copy(update={"id": aid})], "Bo"),
    ]
    for attempt in attempts:
        with pytest.raises(StoreCorrupted) as caught:
            attempt()
        assert str(path) in str(caught.value)
        for words in expected:
            assert words in str(caught.value)
    assert (path.read_bytes(), previous_copy(path).read_bytes()) == before


def test_an_empty_object_as_document_file_is_refused_not_read_as_no_assessments(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    path.write_text("{}", encoding="utf-8")
    _refused_untouched(store, aid, path, "no 'assessments' table")


def test_a_field_of_the_wrong_type_is_refused(store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    data = _doc(path)
    data["assessments"]["1"]["assessment"]["revision"] = "two"
    path.write_text(json.dumps(data), encoding="utf-8")
    _refused_untouched(store, aid, path, f"assessment {aid}", "revision")


def test_a_record_without_a_decision_is_refused_with_a_message(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    data = _doc(path)
    del data["assessments"]["1"]["assessment"]["decision"]
    path.write_text(json.dumps(data), encoding="utf-8")
    _refused_untouched(store, aid, path, "decision")


def test_a_record_claiming_another_id_is_refused(store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    other = next(f"x{n}" for n in range(1000) if shard_of(f"x{n}") != shard_of(aid))
    data = _doc(path)
    data["assessments"]["1"]["id"] = other
    data["assessments"]["1"]["assessment"]["id"] = other
    path.write_text(json.dumps(data), encoding="utf-8")
    _refused_untouched(store, aid, path, other, "belongs in")


def test_a_record_whose_assessment_names_another_id_is_refused(
        store: TinyDBAssessmentStore) -> None:
    aid, path = _stored_twice(store)
    data = _doc(path)
    data["assessments"]["1"]["assessment"]["id"] = "someone-else"
    path.write_text(json.dumps(data), encoding="utf-8")
    _refused_untouched(store, aid, path, "someone-else")


def test_a_history_file_of_the_wrong_shape_stops_answers_and_is_kept(
        store: TinyDBAssessmentStore) -> None:
    aid, _ = _stored_twice(store)
    [history] = store.layout.history_files(aid)
    lines = history.read_bytes().splitlines(keepends=True)
    history.write_bytes(lines[0] + b'{"revision": "one"}\n')  # a whole line, not an entry
    before = history.read_bytes()
    with pytest.raises(StoreCorrupted) as caught:
        store.set_answer(aid, "q", Answer(value="andra"), "Bo")
    assert str(history) in str(caught.value) and "revision entry" in str(caught.value)
    with pytest.raises(StoreCorrupted):
        store.revisions(aid)
    assert history.read_bytes() == before
    with pytest.raises(StoreCorrupted):  # the saves after the file are in the journal
        store.get(aid)


def test_a_history_line_cut_short_is_damage_unless_it_starts_an_entry(
        store: TinyDBAssessmentStore) -> None:
    """A kill or a full disk cuts an append short: that tail is dropped by the next save. Any
    other unfinished last line is damage, and the save is refused."""
    aid, _ = _stored_twice(store)
    [history] = store.layout.history_files(aid)
    whole = history.read_bytes()
    history.write_bytes(whole + b'{"assessment_id":"' + aid.encode() + b'","revi')
    assert [r.revision for r in store.revisions(aid)] == [2, 1]
    assert store.set_answer(aid, "q", Answer(value="tredje"), "Bo").revision == 3
    assert [r.revision for r in store.revisions(aid)] == [3, 2, 1]
    damaged = history.read_bytes() + b"garbage"
    history.write_bytes(damaged)
    with pytest.raises(StoreCorrupted, match="cut short"):
        store.set_answer(aid, "q", Answer(value="fjärde"), "Bo")
    assert history.read_bytes() == damaged


def test_a_store_marker_that_is_a_list_is_damage_not_a_newer_version(tmp_path: Path) -> None:
    TinyDBAssessmentStore(tmp_path, durable=False).create(assessment(), "Anna")
    marker = tmp_path / "assessments" / "store.json"
    marker.write_text("[]", encoding="utf-8")
    from app.store import locking

    locking._registry.clear()  # a new process: the format is checked once per process
    with pytest.raises(StoreCorrupted) as caught:
        TinyDBAssessmentStore(tmp_path).list()
    assert str(marker) in str(caught.value) and "newer" not in str(caught.value)


def test_a_store_marker_of_a_newer_format_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "newer"
    TinyDBAssessmentStore(folder, durable=False).create(assessment(), "Anna")
    (folder / "assessments" / "store.json").write_text('{"format": "bka-store/9"}')
    from app.store import locking

    locking._registry.clear()  # a new process: the format is checked once per process
    with pytest.raises(UnsupportedStore) as caught:
        TinyDBAssessmentStore(folder).list()
    assert "bka-store/9" in str(caught.value) and "newer version" in str(caught.value)


def test_a_meetings_file_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    from app.core.models.meeting import Meeting

    meetings = MeetingStore(tmp_path)
    import datetime as dt

    m = meetings.create(Meeting(date=dt.date(2026, 11, 2), team="Fritidsgården", article=12))
    path = tmp_path / "meetings.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(StoreCorrupted) as caught:
        meetings.all()
    assert str(path) in str(caught.value)
    path.write_text(json.dumps({"_default": {"1": {"id": m.id, "team": 7}}}), encoding="utf-8")
    with pytest.raises(StoreCorrupted):
        meetings.get(m.id or "")

"""The meeting store: saves and reads back, notices a stale copy, refuses a damaged file."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from app.core.models.meeting import Action, Meeting
from app.store import Conflict, NotFound, StoreCorrupted
from app.store.meetings import MeetingStore, PartConflict

DAY = dt.date(2026, 4, 14)


def new(store: MeetingStore, team: str = "Skolhälsan", article: int = 12) -> Meeting:
    return store.create(Meeting(date=DAY, team=team, article=article))


def test_create_get_and_list_by_team(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    first = new(store)
    assert first.id and first.revision == 1 and first.created is not None
    new(store, team="skolhälsan", article=3)
    new(store, team="Bibliotek", article=31)
    assert store.get(first.id) == first
    # same day: the one made last comes first, and its spelling names the team
    assert [m.article for m in store.of_team("SKOLHÄLSAN")] == [3, 12]
    assert store.teams() == ["Bibliotek", "skolhälsan"]
    if store_kind == "tinydb":
        assert (tmp_path / "meetings.json").is_file()


def test_update_checks_the_revision(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    m = new(store)
    changed = store.update(m.id, lambda x: x.model_copy(update={"notes": "Bra samtal"}),
                           expected_revision=1)
    assert changed.revision == 2 and store.get(m.id).notes == "Bra samtal"
    with pytest.raises(Conflict):
        store.update(m.id, lambda x: x.model_copy(update={"notes": "Gammal kopia"}),
                     expected_revision=1)
    assert store.get(m.id).notes == "Bra samtal"


def test_a_part_changed_by_someone_else_is_not_overwritten(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    m = new(store)
    store.set_part(m.id, ("decisions",), "Vi bjuder in elevrådet", expected="")
    with pytest.raises(PartConflict) as caught:
        store.set_part(m.id, ("decisions",), "Min version", expected="")
    assert caught.value.stored_value == "Vi bjuder in elevrådet"
    # another part saves fine at the same time; the same text twice is no conflict
    store.set_part(m.id, ("prompt", 0), "Anteckning", expected="")
    store.set_part(m.id, ("decisions",), "Vi bjuder in elevrådet", expected="")
    stored = store.get(m.id)
    assert stored.decisions == "Vi bjuder in elevrådet" and stored.prompt_notes == {0: "Anteckning"}


def test_actions_are_added_changed_and_removed(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    m = new(store)
    store.add_action(m.id, Action(id="x1", what="Prata med rektor", due=DAY))
    store.set_part(m.id, ("action", "x1", "who"), "Lena", expected="")
    assert store.get(m.id).actions[0].who == "Lena"
    assert [o.action.what for o in store.open_actions("Skolhälsan", DAY)] == ["Prata med rektor"]
    store.remove_action(m.id, "x1")
    assert store.get(m.id).actions == []


def test_unknown_ids_say_meeting(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    with pytest.raises(NotFound, match="no meeting with id nope"):
        store.get("nope")
    with pytest.raises(NotFound):
        store.delete("nope")


def test_a_damaged_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    new(store)
    store.path.write_text('{"_default": {"1": {"team": ', encoding="utf-8")
    before = store.path.read_bytes()
    with pytest.raises(StoreCorrupted):
        store.all()
    with pytest.raises(StoreCorrupted):
        new(store)
    assert store.path.read_bytes() == before


def test_a_record_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text('{"_default": {"1": {"id": "a", "team": "T", "date": "2026-01-01", '
                          '"article": 99}}}', encoding="utf-8")
    with pytest.raises(StoreCorrupted, match="Meeting"):
        store.all()


def test_twenty_editors_saving_at_once_lose_nothing(tmp_path: Path, store_kind: str) -> None:
    store = MeetingStore(tmp_path)
    m = new(store)
    errors: list[Exception] = []

    def write(i: int) -> None:
        try:
            MeetingStore(tmp_path).set_part(m.id, ("prompt", i), f"anteckning {i}", expected="")
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.get(m.id).prompt_notes == {i: f"anteckning {i}" for i in range(20)}

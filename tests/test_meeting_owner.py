"""Meetings have an owner and a unit in the login mode: a handläggare sees and changes their
own and their unit's, never another unit's; refused in the store, not only on the page.
Meetings from before (no ownership) still load, as nobody's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import no_exception, start, texts

from app.core.access import Identity, may_open_meeting
from app.core.models.meeting import Action, Meeting
from app.core.roles import Person
from app.store.meetings import MeetingNotFound, MeetingRefused, MeetingStore
from app.ui.session import signin

DAY = dt.date(2026, 4, 14)
ANNA = Person("sub-anna", "Anna Berg", "anna@kommun.se", frozenset({"handlaggare"}), "Soc")
BO = Person("sub-bo", "Bo Ek", "bo@kommun.se", frozenset({"handlaggare"}), "Soc")
CARL = Person("sub-carl", "Carl Dahl", "carl@kommun.se", frozenset({"handlaggare"}), "Skola")
GRETA = Person("sub-greta", "Greta Gran", "greta@kommun.se", frozenset({"granskare"}), "Soc")
ADA = Person("sub-ada", "Ada Admin", "ada@kommun.se", frozenset({"administrator"}), "IT")


def _as(person: Person) -> Identity:
    return Identity(local=True, login=True, person=person)


def test_who_may_open_a_meeting() -> None:
    assert may_open_meeting(_as(ANNA), "sub-anna", "")  # her own, even without a unit
    assert may_open_meeting(_as(BO), "sub-anna", "Soc")  # her unit's
    assert not may_open_meeting(_as(CARL), "sub-anna", "Soc")  # another unit's
    assert not may_open_meeting(_as(GRETA), "sub-anna", "Soc")  # a reviewer holds none
    assert not may_open_meeting(_as(ANNA), "", "")  # nobody's: the administrator's
    assert may_open_meeting(_as(ADA), "", "") and may_open_meeting(_as(ADA), "sub-x", "Y")
    assert not may_open_meeting(Identity(local=True, login=True), "sub-anna", "Soc")
    assert may_open_meeting(Identity(local=True), "", "")  # the local mode: as before


def test_the_store_holds_only_the_persons_meetings(tmp_path: Path, store_kind: str) -> None:
    anna = MeetingStore(tmp_path, viewer=_as(ANNA))
    mine = anna.create(Meeting(date=DAY, team="Fritidsgården", article=12))
    assert (mine.ownership.sub, mine.ownership.unit) == ("sub-anna", "Soc")
    theirs = MeetingStore(tmp_path, viewer=_as(CARL)).create(
        Meeting(date=DAY, team="Skolhälsan", article=3))
    assert [m.id for m in anna.all()] == [mine.id]
    assert anna.teams() == ["Fritidsgården"]
    assert [m.id for m in MeetingStore(tmp_path, viewer=_as(BO)).all()] == [mine.id]
    carl = MeetingStore(tmp_path, viewer=_as(CARL))
    for refused in (lambda: carl.get(mine.id),
                    lambda: carl.set_part(mine.id, ("notes",), "Inte mitt", expected=""),
                    lambda: carl.add_action(mine.id, Action(what="Ringa")),
                    lambda: carl.delete(mine.id)):
        with pytest.raises(MeetingRefused):
            refused()
    assert MeetingStore(tmp_path).get(mine.id).notes == ""  # nothing was written
    assert len(MeetingStore(tmp_path, viewer=_as(ADA)).all()) == 2
    assert len(MeetingStore(tmp_path).all()) == 2  # the command line: every meeting
    with pytest.raises(MeetingNotFound):
        anna.get(theirs.id)


def test_meetings_from_before_load_as_nobodys(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    old = store.create(Meeting(date=DAY, team="Biblioteket", article=31))
    path = tmp_path / "meetings.json"
    data = json.loads(path.read_text())
    for doc in data["_default"].values():
        doc.pop("ownership")  # as written before meetings had an owner
    path.write_text(json.dumps(data))
    loaded = MeetingStore(tmp_path).get(old.id)
    assert loaded.ownership.sub == "" and loaded.team == "Biblioteket"
    assert MeetingStore(tmp_path, viewer=_as(ANNA)).all() == []
    assert [m.id for m in MeetingStore(tmp_path, viewer=_as(ADA)).all()] == [old.id]


def test_the_meeting_page_shows_only_the_persons_teams(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    MeetingStore(tmp_path, viewer=_as(ANNA)).create(
        Meeting(date=DAY, team="Fritidsgården Annas", article=12))
    MeetingStore(tmp_path, viewer=_as(CARL)).create(
        Meeting(date=DAY, team="Skolhälsan Carls", article=3))
    monkeypatch.setattr(signin, "configured", lambda: True)
    monkeypatch.setattr(signin, "person", lambda: BO)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "meeting").run())
    shown = texts(at) + " ".join(str(o) for s in at.selectbox for o in s.options)
    assert "Fritidsgården Annas" in shown and "Skolhälsan Carls" not in shown

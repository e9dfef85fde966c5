"""Final minutes are locked; changing them makes a new version that says it changed after
being final, in the store and in the minutes PDF."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.minutes_lock import MinutesFinal
from app.core.models.meeting import Action, Meeting
from app.report.minutes import render_minutes
from app.services.shipped import catalog
from app.store.meetings import MeetingStore


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_final_minutes_are_locked_and_a_change_is_a_marked_new_version(tmp_path: Path) -> None:
    store = MeetingStore(tmp_path)
    m = store.create(Meeting(date=dt.date(2027, 1, 12), team="Skolhälsan", article=12))
    m = store.set_part(m.id, ("decisions",), "Vi frågar eleverna.", check=False)
    m = store.add_action(m.id, Action(what="Enkät i åk 7", who="Kurator"))
    action = m.actions[0].id
    m = store.set_part(m.id, ("status",), "final", check=False)
    assert m.finalised_at is not None and m.minutes_version == 1
    for change in (lambda: store.set_part(m.id, ("decisions",), "Annat", check=False),
                   lambda: store.set_part(m.id, ("action", action, "who"), "Rektor",
                                          check=False),
                   lambda: store.add_action(m.id, Action(what="Ny")),
                   lambda: store.remove_action(m.id, action)):
        with pytest.raises(MinutesFinal):
            change()
    # Ticking an action done is following it up, not changing the minutes.
    m = store.set_part(m.id, ("action", action, "status"), "done", check=False)
    assert store.get(m.id).decisions == "Vi frågar eleverna."
    final_text = pdf_text(render_minutes(m, catalog().library))
    assert "ändrad efter" not in final_text

    m = store.set_part(m.id, ("status",), "draft", check=False)
    assert m.minutes_version == 2 and len(m.earlier) == 1
    assert m.earlier[0].content["decisions"] == "Vi frågar eleverna."  # the final one, kept
    m = store.set_part(m.id, ("decisions",), "Vi frågar eleverna och föräldrarna.", check=False)
    text = pdf_text(render_minutes(m, catalog().library))
    assert "Version 2: ändrad efter att version 1 markerades som färdig" in text
    assert "Utkast" in text

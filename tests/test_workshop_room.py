"""A room's workshop: groups say where they stand (working, done, left), a timer counts down
on their screens, and after closing each group reads its own work and takes it as a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import open_page
from test_ui_workshop import group_joins
from ui_helpers import button, no_exception, start, texts

from app.core.models.assessment import Answer
from app.core.trainer_key import key_hash
from app.services.shipped import cases, catalog
from app.store import open_store
from app.store.workshops import WorkshopStore

CASE = next(c for c in cases() if c.id == "lekplats-lindparken")


def made(data: Path) -> tuple[WorkshopStore, str]:
    ws = WorkshopStore(open_store(data), data)
    w = ws.create(CASE, ["Ekarna", "Lindarna"], catalog(), trainer_key=key_hash("K"))
    return ws, w.id or ""


def test_a_group_says_it_is_done_and_the_trainer_sees_who_left(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ws, wid = made(tmp_path)
    oaks, limes = ws.get(wid).groups
    at = group_joins(monkeypatch, tmp_path, oaks.code)
    button(at, "Vi är klara").click()
    at = no_exception(at.run())
    assert ws.get(wid).groups[0].state == "done"
    assert "Tränaren ser att ni är klara" in texts(at)
    other = group_joins(monkeypatch, tmp_path, limes.code)
    button(other, "Lämna").click()
    other = no_exception(other.run())
    assert ws.get(wid).groups[1].state == "left"
    # the trainer's progress tab says it in words
    trainer = start(monkeypatch, tmp_path, workshop_trainer_of={wid}, workshop_open=wid)
    trainer.session_state["ws_tab"] = "Hur långt grupperna har kommit"
    trainer = no_exception(open_page(trainer, "workshop").run())
    shown = texts(trainer)
    assert "Klara" in shown and "Har lämnat" in shown
    # back in the room: working again
    group_joins(monkeypatch, tmp_path, limes.code)
    assert ws.get(wid).groups[1].state == "working"


def test_the_timer_reaches_the_groups_screen(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    ws, wid = made(tmp_path)
    ws.set_timer(wid, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20))
    at = group_joins(monkeypatch, tmp_path, ws.get(wid).groups[0].code)
    timers = [h for h in at.get("html") if "bka-timer" in str(h.proto)]
    assert timers and "Tid kvar av grupparbetet" in str(timers[0].proto)


def test_after_closing_a_group_reads_its_own_work(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    ws, wid = made(tmp_path)
    oaks, limes = ws.get(wid).groups
    store = open_store(tmp_path)
    store.set_answer(oaks.assessment_id, "affects_children", Answer(value="direct"))
    store.set_answer(limes.assessment_id, "affects_children", Answer(value="indirect"))
    at = group_joins(monkeypatch, tmp_path, oaks.code)
    ws.close(wid)
    at = no_exception(at.run())
    shown = texts(at)
    assert "är avslutad" in shown and "Er analys, att läsa" in shown
    assert "Ja, direkt" in shown and "Ja, indirekt" not in shown  # its own, nobody else's
    assert any("PDF" in str(b.label) for b in at.get("download_button"))

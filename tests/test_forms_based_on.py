"""Every form's write carries what it was based on: the trainer's notes, the letter to the
children, a lifecycle step. A change saved meanwhile by another tab or device is never
overwritten unseen; nothing is written and the person is told."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from test_children_letter import SCHOOL
from test_workshop_store import case, workshops

from app.services.letters import letter_for, save_edits, stored_edits
from app.services.shipped import catalog
from app.store.collection import StaleRecord


@pytest.mark.usefixtures("store_kind")
def test_trainer_notes_typed_on_two_devices_do_not_overwrite_each_other(
        tmp_path: Path) -> None:
    ws = workshops(tmp_path)
    w = ws.create(case(), ["Grupp Röd"], catalog())
    ws.set_notes(w.id, "Grupp Röd missade artikel 31.", expected="")
    with pytest.raises(StaleRecord):
        ws.set_notes(w.id, "Fråga om lekplatsen.", expected="")  # the other device saw ""
    assert ws.get(w.id).notes == "Grupp Röd missade artikel 31."
    # Based on what is stored now, the second device's text goes in.
    ws.set_notes(w.id, "Grupp Röd missade artikel 31. Fråga om lekplatsen.",
                 expected="Grupp Röd missade artikel 31.")
    assert ws.get(w.id).notes.endswith("Fråga om lekplatsen.")


def test_letter_edits_saved_meanwhile_are_not_overwritten(tmp_path: Path) -> None:
    draft = letter_for(SCHOOL, "sv", tmp_path)
    mine = dataclasses.replace(draft, title="Vår skola i Lövåker")
    theirs = dataclasses.replace(draft, title="Skolan flyttar")
    save_edits(SCHOOL, "sv", theirs, tmp_path, expected_revision=0)  # another tab, first
    with pytest.raises(StaleRecord):
        save_edits(SCHOOL, "sv", mine, tmp_path, expected_revision=0)
    stored = stored_edits(SCHOOL.id or "", "sv", tmp_path)
    assert stored is not None and stored.title == "Skolan flyttar"
    save_edits(SCHOOL, "sv", mine, tmp_path, expected_revision=stored.revision)
    assert letter_for(SCHOOL, "sv", tmp_path).title == "Vår skola i Lövåker"

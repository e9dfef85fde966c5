"""Old repair copies are freed after a save, not inside it (app/store/graves.py), and what
waits to be freed is still reached by an erase and by the next process's sweep."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import TinyDBAssessmentStore, graves, locking

MARKER = "Qvzgrave5521"
# The copies are made when a save rewrites the assessment's file: here every save does.
pytestmark = pytest.mark.usefixtures("rewriting")


def _new(store: TinyDBAssessmentStore) -> str:
    a = store.create(Assessment(questionnaire=QuestionnaireRef(id="bka-standard",
                                                                version="1.0.0"),
                                decision=Decision(title="Skolväg")), "Anna")
    return a.id or ""


def _waiting(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*-old.tmp"))


def _holding(folder: Path, text: str) -> list[str]:
    needle = text.encode("utf-8")
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and needle in p.read_bytes())


def test_a_save_keeps_the_state_before_and_frees_the_older_copies(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = _new(store)
    for n in range(6):
        store.set_answer(aid, "knowledge_gaps", Answer(value=f"svar {n}"), "Anna")
    deadline = time.monotonic() + 10
    while _waiting(tmp_path) and time.monotonic() < deadline:  # the thread's turn
        time.sleep(0.01)
    assert _waiting(tmp_path) == []
    doc = store.layout.doc_file(aid)
    assert sorted(p.name for p in doc.parent.iterdir()) == [doc.name, f"{doc.name}.prev"]
    assert b"svar 4" in (doc.parent / f"{doc.name}.prev").read_bytes()  # the state before
    assert b"svar 5" in doc.read_bytes()


def test_an_erase_reaches_copies_not_yet_freed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graves, "bury", lambda path: None)  # a thread that never got there
    store = TinyDBAssessmentStore(tmp_path)
    aid, other = _new(store), _new(store)
    for n in range(4):
        store.set_answer(aid, "knowledge_gaps", Answer(value=f"{MARKER} {n}"), "Anna")
    assert _waiting(tmp_path) and _holding(tmp_path, MARKER)
    store.delete(aid, "Anna")
    store.purge(aid)
    assert _holding(tmp_path, MARKER) == []
    assert [s.id for s in store.list()] == [other]


def test_a_redaction_reaches_copies_not_yet_freed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    graves.reap()
    monkeypatch.setattr(graves, "bury", graves._waiting.append)  # waiting, thread not there
    store = TinyDBAssessmentStore(tmp_path)
    aid = _new(store)
    for n in range(4):
        store.set_answer(aid, "knowledge_gaps", Answer(value=f"{MARKER} {n}"), "Anna")
    store.set_answer(aid, "knowledge_gaps", Answer(value="ett nytt svar"), "Anna")
    assert _waiting(tmp_path)
    store.redact(aid, [("answers", "knowledge_gaps")], "Anna")
    assert _holding(tmp_path, MARKER) == []


def test_copies_a_killed_process_left_are_swept_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graves, "bury", lambda path: None)  # killed before freeing them
    store = TinyDBAssessmentStore(tmp_path)
    aid = _new(store)
    for n in range(3):
        store.set_answer(aid, "knowledge_gaps", Answer(value=f"svar {n}"), "Anna")
    left = _waiting(tmp_path)
    assert len(left) == 2
    locking._registry.clear()  # the next process
    again = TinyDBAssessmentStore(tmp_path)
    again.set_answer(aid, "knowledge_gaps", Answer(value="svar 3"), "Bo")
    assert not set(left) & set(_waiting(tmp_path))
    assert again.get(aid).answers["knowledge_gaps"].value == "svar 3"

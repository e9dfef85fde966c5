"""What a save writes in the local store: the assessment's own file, and every few saves a few
lines of its history; never a neighbour. The history stays whole across that split, in a new
process too, and a redaction reaches every place a value was kept."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import TinyDBAssessmentStore, locking
from app.store.tinydb_store import CARRIED_MAX


def _assessment(title: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title))


def _identities(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_size,
                                          p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".lock")}


def test_a_save_writes_only_that_assessments_file(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    ids = [store.create(_assessment(f"Analys {n}"), "Anna").id or "" for n in range(30)]
    store.list()  # the overview's index files are kept by listings, not by saves
    # The assessments' files; the council overview's index (.overview-index.sqlite3) is
    # derived data of its own, kept beside them.
    records = store.layout.root
    before = _identities(records)
    store.set_answer(ids[7], "q1", Answer(value="ändrat"), "Bo")
    after = _identities(records)
    changed = sorted(name for name in after.keys() | before.keys()
                     if before.get(name) != after.get(name))
    doc = str(store.layout.doc_file(ids[7]).relative_to(records))
    assert changed == [doc, doc + ".prev"]


def test_the_history_is_whole_across_journal_and_document_in_a_new_process(
        tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Lång historik"), "Anna").id or ""
    saves = 3 * CARRIED_MAX + 2
    for n in range(saves):
        store.set_answer(aid, f"q{n % 3}", Answer(value=n), "Anna" if n % 2 else "Bo")
    journal = store.layout.history_file(aid).read_bytes().splitlines()
    assert 1 < len(journal) < saves + 1  # some lines in the journal, the newest in the file
    locking._registry.clear()  # another process
    fresh = TinyDBAssessmentStore(tmp_path)
    revisions = fresh.revisions(aid)
    assert [r.revision for r in revisions] == list(range(saves + 1, 0, -1))
    assert [r.changes[0].after["value"] for r in revisions[:-1]] == list(range(saves))[::-1]
    assert fresh.at_revision(aid, 5).answers["q0"].value == 3


def test_a_redaction_reaches_the_journal_the_file_and_its_copy(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Personuppgifter"), "Anna").id or ""
    for n in range(CARRIED_MAX + 3):  # values in the journal and carried in the file
        store.set_answer(aid, "q", Answer(value=f"Kalle Svensson {n}"), "Anna")
    store.set_answer(aid, "q", Answer(value="ett barn"), "Anna")
    store.redact(aid, [("answers", "q")], "Anna")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"Svensson" not in path.read_bytes(), path
    assert os.path.exists(str(store.layout.doc_file(aid)) + ".prev")
    assert store.get(aid).answers["q"].value == "ett barn"

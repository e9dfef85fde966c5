"""What a save writes in the local store: one line appended to the assessment's journal, and
every few dozen saves the assessment's own file; never a neighbour. A new process reads the
file and the saves committed after it as the writer returned them, the history stays whole,
and a redaction or an erase reaches every place a value was kept, the journal's lines too."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import TinyDBAssessmentStore, locking
from app.store.errors import StoreCorrupted
from app.store.tinydb_store import COMPACT_AFTER


def _assessment(title: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title))


def _identities(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_size,
                                          p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".lock")}


def _fresh(folder: Path) -> TinyDBAssessmentStore:
    locking._registry.clear()  # another process: nothing of this one's memory
    return TinyDBAssessmentStore(folder)


def test_a_save_appends_to_that_assessments_journal_only(tmp_path: Path) -> None:
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
    journal = store.layout.history_file(ids[7])
    assert changed == [str(journal.relative_to(records))]
    assert before[str(journal.relative_to(records))][0] == after[
        str(journal.relative_to(records))][0]  # the same file, appended to: no rename
    assert b"\xc3\xa4ndrat" in journal.read_bytes().splitlines()[-1]


def test_the_file_is_rewritten_every_few_dozen_saves(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Många svar"), "Anna").id or ""
    doc = store.layout.doc_file(aid)
    for n in range(COMPACT_AFTER + 1):
        store.set_answer(aid, "q", Answer(value=n), "Anna")
    on_disk = json.loads(doc.read_bytes())["assessments"]["1"]["assessment"]
    assert on_disk["revision"] == COMPACT_AFTER + 2  # the save past the limit wrote the file
    assert on_disk["answers"]["q"]["value"] == COMPACT_AFTER
    store.set_answer(aid, "q", Answer(value="efter"), "Anna")
    assert json.loads(doc.read_bytes())["assessments"]["1"]["assessment"]["revision"] == (
        COMPACT_AFTER + 2)  # and the next is a line again
    assert _fresh(tmp_path).get(aid).answers["q"].value == "efter"


def test_a_new_process_reads_every_kind_of_save_as_the_writer_returned_it(
        tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Läses om"), "Anna").id or ""
    store.set_answer(aid, "a", Answer(value=["x", "y"], comment="två"), "Anna")
    store.set_answer(aid, "b", Answer(value={"1": "artikel"}), "Bo")
    store.set_answer(aid, "a", None, "Bo")  # an answer taken away
    current = store.get(aid)
    store.set_decision(aid, current.decision.model_copy(update={
        "description": "Förslaget", "case_number": "BUN 2026/1"}), "Anna")
    store.set_status(aid, "complete", "Anna")
    edited = store.get(aid)
    returned = store.save(edited.model_copy(update={"answers": {
        **edited.answers, "c": Answer(value=3)}}), "Cia", expected_revision=edited.revision)
    fresh = _fresh(tmp_path)
    assert fresh.get(aid) == returned
    assert [r.editor for r in fresh.revisions(aid)][:2] == ["Cia", "Anna"]
    assert fresh.list()[0].updated_by == "Cia"
    assert fresh.list()[0].revision == returned.revision
    assert fresh.at_revision(aid, 2).answers["a"].value == ["x", "y"]


def test_a_save_in_another_process_shows_in_a_kept_listing(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Listad"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value=1), "Anna")
    assert store.list()[0].revision == 2
    other = _fresh(tmp_path)
    other.set_decision(aid, other.get(aid).decision.model_copy(update={"title": "Ny titel"}),
                       "Bo")
    row = store.list()[0]  # the first process's listing, kept in its memory
    assert (row.title, row.revision, row.updated_by) == ("Ny titel", 3, "Bo")
    assert store.get(aid).decision.title == "Ny titel"


def test_a_line_cut_short_is_ignored_and_cut_off_by_the_next_save(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Avbruten"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value="sparat"), "Anna")
    journal = store.layout.history_file(aid)
    whole = journal.read_bytes()
    last = whole.splitlines()[-1]
    journal.write_bytes(whole + last.replace(b'"sparat"', b'"aldrig"')[:60])  # a kill midway
    fresh = _fresh(tmp_path)
    assert fresh.get(aid).answers["q"].value == "sparat"
    assert fresh.get(aid).revision == 2
    fresh.set_answer(aid, "q", Answer(value="nästa"), "Anna")
    assert journal.read_bytes().count(b"\n") == whole.count(b"\n") + 1
    assert _fresh(tmp_path).get(aid).answers["q"].value == "nästa"


def test_a_line_the_file_never_took_is_ignored(tmp_path: Path) -> None:
    """A line without `commit` above the file is a write cut off before its document (or an
    import undone): not part of the record."""
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Halvgjord"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value="sparat"), "Anna")
    journal = store.layout.history_file(aid)
    line = json.loads(journal.read_bytes().splitlines()[-1])
    del line["commit"]
    line.update(revision=3, changes=[{"path": ["answers", "q"], "before": None,
                                      "after": {"value": "aldrig", "comment": None}}])
    with open(journal, "ab") as handle:
        handle.write(json.dumps(line).encode() + b"\n")
    assert _fresh(tmp_path).get(aid).answers["q"].value == "sparat"
    assert [r.revision for r in _fresh(tmp_path).revisions(aid)] == [2, 1]


def test_a_committed_line_that_does_not_fit_is_damage(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Skadad"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value="sparat"), "Anna")
    journal = store.layout.history_file(aid)
    lines = journal.read_bytes().splitlines()
    line = json.loads(lines[-1])
    line["changes"] = [{"path": ["answers", "q", "x"], "before": None, "after": 1}]
    journal.write_bytes(b"\n".join([*lines[:-1], json.dumps(line).encode()]) + b"\n")
    with pytest.raises(StoreCorrupted, match="does not fit"):
        _fresh(tmp_path).get(aid)


def test_the_history_is_whole_across_journal_and_document_in_a_new_process(
        tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Lång historik"), "Anna").id or ""
    saves = 3 * COMPACT_AFTER + 2
    for n in range(saves):
        store.set_answer(aid, f"q{n % 3}", Answer(value=n), "Anna" if n % 2 else "Bo")
    journal = store.layout.history_file(aid).read_bytes().splitlines()
    assert len(journal) == saves + 1  # every revision one line
    fresh = _fresh(tmp_path)
    revisions = fresh.revisions(aid)
    assert [r.revision for r in revisions] == list(range(saves + 1, 0, -1))
    assert [r.changes[0].after["value"] for r in revisions[:-1]] == list(range(saves))[::-1]
    assert fresh.at_revision(aid, 5).answers["q0"].value == 3


def test_a_redaction_reaches_the_journal_the_file_and_its_copy(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Personuppgifter"), "Anna").id or ""
    for n in range(COMPACT_AFTER + 3):  # values in the file, its copy and committed lines
        store.set_answer(aid, "q", Answer(value=f"Kalle Svensson {n}"), "Anna")
    store.set_answer(aid, "q", Answer(value="ett barn"), "Anna")
    store.redact(aid, [("answers", "q")], "Anna")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"Svensson" not in path.read_bytes(), path
    assert os.path.exists(str(store.layout.doc_file(aid)) + ".prev")
    assert store.get(aid).answers["q"].value == "ett barn"
    assert _fresh(tmp_path).get(aid).answers["q"].value == "ett barn"


def test_an_erase_leaves_no_line_of_the_assessment(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Raderas"), "Anna").id or ""
    keep = store.create(_assessment("Stannar"), "Anna").id or ""
    for n in range(5):  # committed lines only: the file never held them
        store.set_answer(aid, "q", Answer(value=f"Kalle Svensson {n}"), "Anna")
    store.delete(aid, "Anna")
    store.purge(aid)
    store.set_answer(keep, "q", Answer(value="kvar"), "Anna")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"Svensson" not in path.read_bytes(), path
            assert aid.encode() not in path.read_bytes() or path.suffix == ".sqlite3", path
    assert [s.id for s in _fresh(tmp_path).list()] == [keep]


def test_a_backup_holds_the_saves_in_the_journal_and_not_later_ones(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path / "data")
    aid = store.create(_assessment("Säkerhetskopia"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value="före"), "Anna")
    archive = store.backup()
    store.set_answer(aid, "q", Answer(value="efter"), "Anna")
    restored = tmp_path / "restored"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(restored)
    got = _fresh(restored).get(aid)
    assert (got.answers["q"].value, got.revision) == ("före", 2)


def test_the_files_repair_copy_and_the_journal_give_back_every_save(tmp_path: Path) -> None:
    """The documented repair of a damaged file (put its .prev copy in place) loses no save:
    the journal's committed lines since the copy are applied over it."""
    store = TinyDBAssessmentStore(tmp_path)
    aid = store.create(_assessment("Lagas"), "Anna").id or ""
    for n in range(COMPACT_AFTER * 2 + 5):  # two compactions: .prev is the first one's file
        store.set_answer(aid, "q", Answer(value=n), "Anna")
    want = store.get(aid)
    doc = store.layout.doc_file(aid)
    doc.write_bytes(doc.read_bytes()[:-30])  # damaged
    with pytest.raises(StoreCorrupted):
        _fresh(tmp_path).get(aid)
    os.replace(str(doc) + ".prev", doc)
    assert _fresh(tmp_path).get(aid) == want


def test_an_export_and_its_import_carry_the_saves_in_the_journal(tmp_path: Path) -> None:
    from app.store.exchange import import_bytes
    from app.store.export_write import export_bytes

    store = TinyDBAssessmentStore(tmp_path / "a")
    aid = store.create(_assessment("Exporteras"), "Anna").id or ""
    store.set_answer(aid, "q", Answer(value="i journalen"), "Anna")  # a line, not the file
    data = export_bytes(store)
    assert b"i journalen" in data
    other = TinyDBAssessmentStore(tmp_path / "b")
    import_bytes(other, data, "export.json", "Bo")
    assert other.get(aid).answers["q"].value == "i journalen"
    store.set_answer(aid, "q", Answer(value="nyare"), "Anna")
    import_bytes(other, export_bytes(store), "export.json", "Bo",
                 take_incoming={aid})  # the user chose the file's copy
    assert _fresh(tmp_path / "b").get(aid).answers["q"].value == "nyare"

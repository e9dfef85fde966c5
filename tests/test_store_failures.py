"""A full disk, a killed import, a damaged folder: all of an import or none, and a message.

Imports write one document file per shard they touch; these tests cut them off after some
of those files and check that none of the file went in, in the store and through `bka`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from disk_full import fill_after, small_disk

from app.cli.main import main
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.services.paths import EXAMPLES_DIR, ROOT
from app.store import StoreCorrupted, StoreError, TinyDBAssessmentStore, locking
from app.store.exchange import export_document, import_file
from app.store.import_journal import journal_path
from app.store.layout import shard_of


def assessment(n: int, **extra: object) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=f"Import {n}", description="Text. " * 40),
                      answers={"how_concerned": Answer(value=f"Svar {n} " * 30)}, **extra)


def export_with(path: Path, count: int, *, with_ids: bool = True) -> Path:
    """An export file of `count` assessments spread over many shards."""
    items = [assessment(n, id=f"imp{n:04d}", revision=1) if with_ids else assessment(n)
             for n in range(count)]
    path.write_text(json.dumps(export_document(items)), encoding="utf-8")
    return path


def state(store: TinyDBAssessmentStore) -> list[tuple[str, int, str]]:
    """What a user sees: every assessment with its revision and title, and its history."""
    fresh = TinyDBAssessmentStore(store.folder)
    return sorted((s.id, s.revision, s.title) for s in fresh.list())


@pytest.fixture
def store(tmp_path: Path) -> TinyDBAssessmentStore:
    s = TinyDBAssessmentStore(tmp_path / "data")
    kept = s.create(assessment(999), "Anna")  # something stored before, which must stay
    s.set_answer(kept.id or "", "how_concerned", Answer(value="ändrat"), "Anna")
    return s


@pytest.mark.parametrize("allowed", [3, 10, 25])
def test_a_full_disk_midway_through_an_import_leaves_none_of_it(
        store: TinyDBAssessmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        allowed: int) -> None:
    before = state(store)
    source = export_with(tmp_path / "export.json", 40)
    assert len({shard_of(f"imp{n:04d}") for n in range(40)}) > 20  # many files to write
    fill_after(monkeypatch, allowed)
    with pytest.raises(StoreError, match="disk is full.*Nothing was saved"):
        import_file(store, source, "bka import")
    monkeypatch.undo()
    assert state(store) == before
    assert not journal_path(store.layout).exists()
    assert not any(store.layout.history_file(f"imp{n:04d}").exists() for n in range(40))
    assert not any(store.layout.doc_file(f"imp{n:04d}").exists() for n in range(40))
    # Space again: the same import goes in whole.
    result = import_file(store, source, "bka import")
    assert len(result.created) == 40 and len(state(store)) == 41


def test_assessments_without_ids_are_part_of_the_same_all_or_nothing(
        store: TinyDBAssessmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(store)
    source = export_with(tmp_path / "export.json", 12, with_ids=False)
    fill_after(monkeypatch, 8)
    with pytest.raises(StoreError):
        import_file(store, source, "bka import")
    monkeypatch.undo()
    assert state(store) == before


_KILLED_IMPORT = """
import sys, time
from pathlib import Path
from app.store import TinyDBAssessmentStore, atomic
from app.store.exchange import import_file
real, count = atomic._write, [0]
def slow(path, data, **kw):
    count[0] += 1
    if count[0] == 12:
        print("midway", flush=True)
        time.sleep(600)  # killed here, with some document files written and some not
    real(path, data, **kw)
atomic._write = slow
import_file(TinyDBAssessmentStore(sys.argv[1]), Path(sys.argv[2]), "bka import")
"""


def test_an_import_killed_midway_is_undone_before_anyone_reads(
        store: TinyDBAssessmentStore, tmp_path: Path) -> None:
    before = state(store)
    source = export_with(tmp_path / "export.json", 40)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_IMPORT, str(store.folder),
                             str(source)], cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"midway"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    imported = [store.layout.doc_file(f"imp{n:04d}") for n in range(40)]
    assert journal_path(store.layout).exists()  # cut off: the import did not finish
    assert any(p.is_file() for p in imported)  # and some of it had been written
    locking._registry.clear()  # another process opens the folder
    assert state(store) == before
    assert not journal_path(store.layout).exists()


def test_a_real_full_disk_during_an_import(tmp_path: Path) -> None:
    with small_disk(tmp_path, 400) as disk:
        data = disk / "data"
        s = TinyDBAssessmentStore(data)
        s.create(assessment(999), "Anna")
        before = state(s)
        source = export_with(tmp_path / "export.json", 200)  # ~1 MB written: more than fits
        code = main(["import", str(source), "--data-dir", str(data)])
        assert code == 2
        assert state(s) == before
        assert not journal_path(s.layout).exists()


# -- what `bka` says --------------------------------------------------------------------------


def test_bka_import_on_a_full_disk_says_nothing_was_saved(
        store: TinyDBAssessmentStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = state(store)
    source = export_with(tmp_path / "export.json", 30)
    fill_after(monkeypatch, 5)
    assert main(["import", str(source), "--data-dir", str(store.folder)]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "Nothing was saved" in err and "Free some space" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert state(store) == before


def test_bka_backup_on_a_full_disk_exits_2_with_a_message(
        store: TinyDBAssessmentStore, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    assert main(["backup", "--data-dir", str(store.folder)]) == 2
    err = capsys.readouterr().err
    assert "bka backup:" in err and "disk is full" in err and "Traceback" not in err
    assert store.backups() == []
    assert not [p for p in store.layout.backups.rglob("*") if p.is_file()]


def _damage(store: TinyDBAssessmentStore) -> Path:
    [summary] = store.list()
    path = store.layout.doc_file(summary.id)
    data = json.loads(path.read_bytes())
    data["assessments"]["1"]["assessment"]["decision"] = {"title": 12}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_bka_backup_refuses_a_damaged_folder_and_the_repair_message_names_no_bad_backup(
        store: TinyDBAssessmentStore, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = _damage(store)
    assert main(["backup", "--data-dir", str(store.folder)]) == 2
    err = capsys.readouterr().err
    assert str(damaged) in err and "Traceback" not in err
    assert store.backups() == []
    with pytest.raises(StoreCorrupted) as caught:
        TinyDBAssessmentStore(store.folder).list()
    assert caught.value.backup is None and "No backup of the data folder" in str(caught.value)


def test_a_backup_that_does_not_read_back_is_removed_and_reported(
        store: TinyDBAssessmentStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.store import backups

    real = backups.archive

    def damaged_archive(*args: object, **kwargs: object) -> Path:
        path: Path = real(*args, **kwargs)  # type: ignore[arg-type]
        raw = bytearray(path.read_bytes())
        raw[40] ^= 0xFF  # a bit flipped on the way to the disk
        path.write_bytes(bytes(raw))
        return path

    monkeypatch.setattr(backups, "archive", damaged_archive)
    with pytest.raises(StoreError, match="backup .* removed"):
        store.backup()
    assert store.backups() == []


@pytest.mark.parametrize("command", [["export", "-o", "out.json"], ["import", "EXAMPLE"],
                                     ["backup"]])
@pytest.mark.parametrize("marker", ['{"format": "bka-store/9"}', "[]"])
def test_store_commands_on_an_odd_marker_exit_2_with_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str],
        marker: str) -> None:
    data = tmp_path / "data"
    TinyDBAssessmentStore(data).create(assessment(1), "Anna")
    (data / "assessments" / "store.json").write_text(marker, encoding="utf-8")
    locking._registry.clear()
    example = str(EXAMPLES_DIR / "trafik-skolvag.yaml")
    args = [example if a == "EXAMPLE" else str(tmp_path / a) if a == "out.json" else a
            for a in command]
    assert main([*args, "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "store.json" in err and "Traceback" not in err
    assert ("newer version" in err) == (marker != "[]")


def test_a_save_waits_for_no_import_left_behind(tmp_path: Path) -> None:
    """A journal from a killed import is undone by the next write in this process too."""
    s = TinyDBAssessmentStore(tmp_path / "data")
    a = s.create(assessment(1), "Anna")
    journal_path(s.layout).write_text(json.dumps({"docs": {}, "created": ["ghost"]}))
    time.sleep(0.01)
    s.set_answer(a.id or "", "how_concerned", Answer(value="ny"), "Anna")
    assert not journal_path(s.layout).exists()

"""A data folder of the first layout (one file per ~40 assessments, history in chunks) opens in
the current one (one file per assessment, history appended): nothing lost, the old files
gone (their copies may hold erased content), a damaged old file refused by name, and a kill
at any moment of the move leaving a folder that opens."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.services.paths import ROOT
from app.store import StoreCorrupted, TinyDBAssessmentStore, locking, migration
from app.store.layout import shard_of

AT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def _assessment(n: int) -> dict[str, Any]:
    a = Assessment(id=f"old{n:03d}", questionnaire=QuestionnaireRef(id="bka-standard",
                                                                   version="1.0.0"),
                   decision=Decision(title=f"Äldre analys {n}"), revision=3,
                   answers={"q1": Answer(value=f"svar {n}")}, created=AT, updated=AT)
    return a.model_dump(mode="json")


def _entry(aid: str, revision: int, after: str | None = None) -> dict[str, Any]:
    changes = [] if after is None else [{"path": ["answers", "q1"], "before": None,
                                         "after": {"value": after}}]
    return {"assessment_id": aid, "revision": revision, "at": AT.isoformat(), "editor": "Anna",
            "action": "create" if revision == 1 else "answer", "changes": changes, "note": ""}


def legacy_folder(data: Path, count: int) -> dict[str, dict[str, Any]]:
    """Files as the first layout wrote them: shard files (with .prev copies), index files,
    history chunks and the bka-store/1 marker. Returns the assessments by id."""
    root = data / "assessments"
    (root / "docs").mkdir(parents=True)
    (root / "index").mkdir()
    (root / "store.json").write_text('{"format": "bka-store/1"}')
    by_shard: dict[str, list[dict[str, Any]]] = {}
    stored = {}
    for n in range(count):
        body = _assessment(n)
        stored[body["id"]] = body
        trash = {"at": AT.isoformat(), "by": "Bo"} if n == 0 else None  # one in the trash
        by_shard.setdefault(shard_of(body["id"]), []).append(
            {"id": body["id"], "assessment": body, "updated_by": "Anna", "trash": trash})
        chunk = root / "history" / shard_of(body["id"]) / body["id"] / "00000.json"
        chunk.parent.mkdir(parents=True)
        chunk.write_text(json.dumps({"revisions": {
            str(r): _entry(body["id"], r, None if r == 1 else f"svar {r}") for r in (1, 2, 3)}}))
    for shard, wrappers in by_shard.items():
        docs = {"assessments": {str(i): w for i, w in enumerate(wrappers, start=1)}}
        (root / "docs" / f"{shard}.json").write_text(json.dumps(docs), encoding="utf-8")
        (root / "docs" / f"{shard}.json.prev").write_text('{"assessments": {"1": "erased"}}')
        (root / "index" / f"{shard}.json").write_text('{"summaries": {}, "source": {}}')
    return stored


def _legacy_files(data: Path) -> list[str]:
    root = data / "assessments"
    old = [p for p in (root / "docs").iterdir() if p.is_file()]
    old += [p for p in (root / "history").glob("*/*") if p.is_dir()]
    return sorted(str(p.relative_to(data)) for p in old)


def _check_moved(data: Path, stored: dict[str, dict[str, Any]]) -> None:
    locking._registry.clear()  # a new process
    store = TinyDBAssessmentStore(data)
    listed = {s.id for s in store.list()} | {s.id for s in store.deleted()}
    assert listed == set(stored)
    for aid, body in stored.items():
        a = store.get(aid, include_deleted=True)
        assert a.model_dump(mode="json") == body
        assert [r.revision for r in store.revisions(aid)] == [3, 2, 1]
    assert [s.id for s in store.deleted()] == ["old000"]
    assert _legacy_files(data) == []
    marker = json.loads((data / "assessments" / "store.json").read_text())
    assert marker == {"format": "bka-store/2"}


def test_a_folder_of_the_first_layout_is_moved_on_first_open_and_loses_nothing(
        tmp_path: Path) -> None:
    stored = legacy_folder(tmp_path, 30)
    _check_moved(tmp_path, stored)
    # ... and it works as any folder: a save writes only that assessment's file and a line.
    store = TinyDBAssessmentStore(tmp_path)
    a = store.set_answer("old005", "q1", Answer(value="nytt"), "Bo")
    assert a.revision == 4 and [r.revision for r in store.revisions("old005")][:2] == [4, 3]
    # nothing erased earlier lingers in an old copy
    assert not any(b"erased" in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_a_damaged_old_file_stops_the_move_by_name_and_is_kept(tmp_path: Path) -> None:
    stored = legacy_folder(tmp_path, 12)
    victim = tmp_path / "assessments" / "docs" / f"{shard_of('old004')}.json"
    victim.write_text('{"assessments": {"1": {"id": "old004"}}}')
    before = _legacy_files(tmp_path)
    with pytest.raises(StoreCorrupted, match=str(victim)):
        TinyDBAssessmentStore(tmp_path).list()
    assert _legacy_files(tmp_path) == before  # nothing of the old record touched
    assert json.loads((tmp_path / "assessments" / "store.json").read_text())["format"] == \
        "bka-store/1"
    # The file repaired, the folder moves whole.
    legacy = tmp_path / "fresh"
    legacy_folder(legacy, 12)
    victim.write_bytes((legacy / "assessments" / "docs" / victim.name).read_bytes())
    _check_moved(tmp_path, stored)


def test_a_move_cut_off_after_its_commit_point_is_finished_on_the_next_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stored = legacy_folder(tmp_path, 20)

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(migration, "_remove_old_files", killed)
    with pytest.raises(KeyboardInterrupt):
        TinyDBAssessmentStore(tmp_path).list()
    monkeypatch.undo()
    assert _legacy_files(tmp_path)  # the marker says moved, the old files are still there
    _check_moved(tmp_path, stored)


_KILLED_MOVE = """
import sys, time
from app.store import TinyDBAssessmentStore, atomic
real, count = atomic._write, [0]
def slow(path, data, **kw):
    count[0] += 1
    if count[0] == int(sys.argv[2]):
        print("midway", flush=True)
        time.sleep(600)  # killed here
    real(path, data, **kw)
atomic._write = slow
TinyDBAssessmentStore(sys.argv[1]).list()
print("midway", flush=True)
"""


@pytest.mark.parametrize("writes", [1, 7, 40, 81])
def test_a_move_killed_midway_leaves_a_folder_that_opens_with_everything(
        tmp_path: Path, writes: int) -> None:
    stored = legacy_folder(tmp_path, 40)  # 81 writes: 40 histories, 40 files, the marker
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_MOVE, str(tmp_path), str(writes)],
                            cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"midway"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _check_moved(tmp_path, stored)


def test_an_old_import_cut_off_by_a_kill_is_undone_before_the_move(tmp_path: Path) -> None:
    stored = legacy_folder(tmp_path, 6)
    used = {shard_of(aid) for aid in stored}
    new_id = next(f"imp{n}" for n in range(1000) if shard_of(f"imp{n}") not in used)
    half = tmp_path / "assessments" / "docs" / f"{shard_of(new_id)}.json"
    body = {**_assessment(1), "id": new_id}
    half.write_text(json.dumps({"assessments": {"1": {"id": new_id, "assessment": body,
                                                       "updated_by": "", "trash": None}}}))
    journal = tmp_path / "assessments" / ".import-journal.json"
    journal.write_text(json.dumps({"shards": {shard_of(new_id): None}, "created": [new_id]}))
    _check_moved(tmp_path, stored)
    assert not journal.exists()

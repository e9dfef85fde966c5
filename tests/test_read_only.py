"""A data folder that may not be written (read-only) is handled like a full disk: what is
stored can still be read, every write is refused in words beside what was changed, the
widget shows the stored answer again, no traceback. A database that cannot be reached is
named as the database, without its address or its driver's words."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import open_page
from ui_helpers import no_exception, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store
from app.store.errors import WriteFailed
from app.store.meetings import MeetingStore


@contextmanager
def read_only_folder(parent: Path) -> Iterator[Path]:
    """A real file system under `parent`, filled by the caller, then remounted read-only."""
    import os

    if os.geteuid() != 0:
        pytest.skip("mounting a file system needs root")
    mount = parent / f"ro-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4096k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        mount.rmdir()


def _remount_read_only(mount: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)


def _seed(data: Path) -> str:
    """Written by another process, as a folder is before it turns read-only: this process then
    holds no file in it open for writing (the overview's index keeps its connection per
    process), so the file system can be remounted read-only under it."""
    import sys

    done = subprocess.run([sys.executable, "-c", "import sys, test_read_only as t; "
                           "print(t._seed_here(__import__('pathlib').Path(sys.argv[1])))",
                           str(data)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent)
    return done.stdout.strip().splitlines()[-1]


def _seed_here(data: Path) -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                   decision=Decision(title="Skolskjuts"),
                   answers={"affects_children": Answer(value="direct")})
    return open_store(data).create(a, editor="t").id or ""


def test_reads_work_and_writes_are_refused_in_words(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as mount:
        data = mount / "data"
        aid = _seed(data)
        _remount_read_only(mount)
        store = open_store(data)
        assert store.get(aid).decision.title == "Skolskjuts"
        assert MeetingStore(data).all() == []
        with pytest.raises(WriteFailed) as raised:
            store.set_answer(aid, "affects_children", Answer(value="none"), "t")
        assert raised.value.read_only and not raised.value.disk_full
        assert store.get(aid).value("affects_children") == "direct"


def test_the_page_says_so_beside_the_question_and_shows_the_stored_answer(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as mount:
        data = mount / "data"
        aid = _seed(data)
        _remount_read_only(mount)
        at = start(monkeypatch, data, open_assessment=aid, step="screening")
        at = no_exception(open_page(at, "assess").run())
        radio = at.radio(key=f"q:{aid}:affects_children:")
        at = no_exception(radio.set_value("none").run())
        shown = texts(at)
        assert "Datamappen är skrivskyddad" in shown and "Traceback" not in shown
        assert at.radio(key=f"q:{aid}:affects_children:").value == "direct"  # the stored
        assert "Nej, inte alls" in shown  # what was not saved, in words beside it


def test_a_database_outage_is_said_without_address_or_driver_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.store.postgres.engine import DatabaseUnavailable
    from app.ui import store_errors

    monkeypatch.setenv("BKA_DATABASE_URL", "postgresql://bka@db.internal.example:5432/bka")
    exc = DatabaseUnavailable("postgresql://bka@db.internal.example:5432/bka",
                              OSError("connection refused: is the server running on host "
                                      "db.internal.example (10.0.0.7)?"))
    words = store_errors.message(exc, "sv")
    assert "Databasen går inte att nå" in words
    for leak in ("db.internal.example", "10.0.0.7", "connection refused", "Datamappen"):
        assert leak not in words

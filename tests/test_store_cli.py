"""`bka export`, `bka import` and `bka backup` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.services.paths import EXAMPLES_DIR
from app.store import open_store


def test_import_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    example = str(EXAMPLES_DIR / "skolnedlaggning.yaml")
    assert main(["import", example, "--data-dir", data]) == 0
    assert "created: 1" in capsys.readouterr().out
    (stored,) = open_store(data).list()
    out = tmp_path / "export.json"
    assert main(["export", "-o", str(out), "--data-dir", data]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "bka-export/1"
    assert [a["id"] for a in document["assessments"]] == [stored.id]
    # importing the export again changes nothing
    capsys.readouterr()
    assert main(["import", str(out), "--data-dir", data]) == 0
    assert "unchanged: 1" in capsys.readouterr().out


def test_import_of_garbage_changes_nothing(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bka-export/1", "assessments": [', encoding="utf-8")
    assert main(["import", str(bad), "--data-dir", data]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "nothing was changed" in err
    assert open_store(data).list() == []


def test_backup_writes_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    main(["import", str(EXAMPLES_DIR / "trafik-skolvag.yaml"), "--data-dir", data])
    capsys.readouterr()
    assert main(["backup", "--data-dir", data]) == 0
    assert Path(capsys.readouterr().out.strip()).suffix == ".zip"


def test_import_never_replaces_by_the_files_word_and_replace_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.core.models.assessment import Answer

    here, there = str(tmp_path / "here"), str(tmp_path / "there")
    example = str(EXAMPLES_DIR / "skolnedlaggning.yaml")
    assert main(["import", example, "--data-dir", here]) == 0
    [row] = open_store(here).list()
    out = str(tmp_path / "out.json")
    assert main(["export", "-o", out, "--data-dir", here]) == 0
    assert main(["import", out, "--data-dir", there]) == 0
    # The colleague's copy moves on twice: a higher revision, the file says.
    for text in ("Ändrad hos kollegan", "Och igen"):
        open_store(there).set_answer(row.id, "how_concerned", Answer(value=text), "Bo")
    theirs = str(tmp_path / "theirs.json")
    assert main(["export", "-o", theirs, "--data-dir", there]) == 0
    capsys.readouterr()
    assert main(["import", theirs, "--data-dir", here]) == 1  # a conflict, nothing replaced
    said = capsys.readouterr().out
    assert "differs in: answers.how_concerned" in said and f"--replace {row.id}" in said
    assert open_store(here).get(row.id).value("how_concerned") != "Och igen"
    assert main(["import", theirs, "--replace", row.id, "--data-dir", here]) == 0
    assert open_store(here).get(row.id).value("how_concerned") == "Och igen"
    assert main(["import", out, "--as-new", row.id, "--data-dir", here]) == 0
    assert len(open_store(here).list()) == 2  # the old copy beside, under a new id

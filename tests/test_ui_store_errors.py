"""Store errors in the app: a message in words on the page, never an exception box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from disk_full import fill_after
from helpers import open_page
from ui_helpers import no_exception, start, texts

from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import locking, open_store
from app.store.exchange import export_document
from app.store.layout import shard_of


def _seed(data: Path) -> str:
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                   decision=Decision(title="Skolskjuts"),
                   answers={"affects_children": Answer(value="direct")})
    return open_store(data).create(a, editor="t").id or ""


def _all_text(at) -> str:  # type: ignore[no-untyped-def]
    return texts(at) + "\n" + "\n".join(c.value for c in at.code)


@pytest.mark.parametrize(("marker", "words"), [
    ('{"format": "bka-store/9"}', "nyare version"),
    ("[]", "kunde inte läsas"),
])
def test_an_odd_store_marker_is_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                          marker: str, words: str) -> None:
    _seed(tmp_path)
    (tmp_path / "assessments" / "store.json").write_text(marker, encoding="utf-8")
    locking._registry.clear()
    at = no_exception(start(monkeypatch, tmp_path))
    assert words in _all_text(at) and "store.json" in _all_text(at)


def test_a_record_without_a_decision_is_a_message(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    path = tmp_path / "assessments" / "docs" / shard_of(aid) / f"{aid}.json"
    data = json.loads(path.read_bytes())
    del data["assessments"]["1"]["assessment"]["decision"]
    path.write_text(json.dumps(data), encoding="utf-8")
    at = no_exception(start(monkeypatch, tmp_path))
    assert "kunde inte läsas" in _all_text(at) and path.name in _all_text(at)


def _on_screening(monkeypatch: pytest.MonkeyPatch, data: Path, aid: str):  # type: ignore[no-untyped-def]
    at = start(monkeypatch, data, open_assessment=aid, step="screening")
    return no_exception(open_page(at, "assess").run())


def test_a_damaged_history_file_hit_while_answering_is_a_message(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    at = _on_screening(monkeypatch, tmp_path, aid)
    [history] = open_store(tmp_path).layout.history_files(aid)
    # an early line damaged: the assessment reads (from its file and the journal's end), and
    # a save, which checks the whole journal it appends to, is refused
    last = history.read_bytes().splitlines(keepends=True)[-1]
    history.write_bytes(b'{"revisions": {"1": {"revision": "x"}}}\n' + last)
    at = no_exception(at.text_area(key=f"q:{aid}:how_concerned:").input("Längre väg.").run())
    assert "kunde inte läsas" in _all_text(at) and history.name in _all_text(at)
    assert "how_concerned" not in open_store(tmp_path).get(aid).answers


def test_a_full_disk_while_answering_says_nothing_was_saved(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    at = _on_screening(monkeypatch, tmp_path, aid)
    fill_after(monkeypatch, 0)
    at = no_exception(at.text_area(key=f"q:{aid}:how_concerned:").input("Längre väg.").run())
    assert "Disken är full. Ingenting sparades" in _all_text(at)
    monkeypatch.undo()
    assert "how_concerned" not in open_store(tmp_path).get(aid).answers


def _upload(at, name: str, content: bytes):  # type: ignore[no-untyped-def]
    at = no_exception(open_page(at, "data").run())
    return no_exception(at.file_uploader[0].set_value((name, content, "application/json")).run())


def test_an_import_on_a_full_disk_says_nothing_from_the_file_was_saved(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _seed(tmp_path)
    before = [s.id for s in open_store(tmp_path).list()]
    items = [Assessment(id=f"up{n}", revision=1,
                        questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                        decision=Decision(title=f"Uppladdad {n}")) for n in range(12)]
    at = _upload(start(monkeypatch, tmp_path), "export.json",
                 json.dumps(export_document(items)).encode())
    assert "Nya (12)" in _all_text(at)
    fill_after(monkeypatch, 4)
    at = no_exception([b for b in at.button if b.label == "Importera"][0].click().run())
    assert "Importen gjordes inte" in _all_text(at) and "Disken är full" in _all_text(at)
    monkeypatch.undo()
    assert [s.id for s in open_store(tmp_path).list()] == before


def test_a_backup_of_a_damaged_folder_is_refused_on_the_data_page(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = _seed(tmp_path)
    at = no_exception(open_page(start(monkeypatch, tmp_path), "data").run())
    [history] = open_store(tmp_path).layout.history_files(aid)
    last = history.read_bytes().splitlines(keepends=True)[-1]
    history.write_bytes(b"{}\n" + last)  # the overview reads its end only; a backup all of it
    at = no_exception([b for b in at.button if "säkerhetskopia" in b.label][0].click().run())
    assert "Säkerhetskopian gjordes inte" in _all_text(at) and history.name in _all_text(at)
    assert open_store(tmp_path).backups() == []

"""Personal data that leaves when the official removes it: a corrected answer's earlier values
leave the stored history on both stores (and the copies kept for repairs), and the redaction
is recorded: who, when, which question, never the content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.core.privacy import assessment_text_kinds, child_first_names
from app.services.paths import EXAMPLES_DIR
from app.services.personal_data import purge_if_corrected
from app.store import open_store

PNR = "Barnet (personnummer 121212-1212, mammans telefon 070-123 45 67) bor hos mormor."
CLEAN = "Barnet bor hos mormor."


def stored_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file()
                    and "backups" not in p.parts)


def test_a_corrected_answer_leaves_the_history_with_a_trace(store_kind: str,
                                                            tmp_path: Path) -> None:
    example, _ = load_assessment(EXAMPLES_DIR / "individ-placering.yaml")
    store = open_store()
    a = store.create(example, editor="Karin Lund")
    first = Answer(value=PNR)
    store.set_answer(a.id or "", "child_situation", first, editor="Karin Lund")
    second = Answer(value=CLEAN)
    store.set_answer(a.id or "", "child_situation", second, editor="Karin Lund",
                     expected=first)
    assert any("121212-1212" in json.dumps(r.model_dump(mode="json"))
               for r in store.revisions(a.id or ""))  # before: the history holds it
    assert purge_if_corrected(store, a.id or "", "child_situation", first, second, "Karin Lund",
                              individual=True)
    revisions = store.revisions(a.id or "")
    text = json.dumps([r.model_dump(mode="json") for r in revisions], ensure_ascii=False)
    assert "121212-1212" not in text and "070-123" not in text
    latest = revisions[0]
    assert (latest.action, latest.editor, latest.question_ids) == (
        "redact", "Karin Lund", ["child_situation"])
    assert all(c.before is None and c.after is None for c in latest.changes)
    assert store.get(a.id or "").value("child_situation") == CLEAN  # the answer stays
    if store_kind == "tinydb":  # nothing left on disk either, .prev copies included
        assert b"121212-1212" not in stored_bytes(tmp_path / "data")
    # A correction that keeps personal data, or an answer that never held any: no purge.
    assert not purge_if_corrected(store, a.id or "", "child_situation", second, second, "K")


def test_the_guard_warns_on_likely_child_names_only_in_the_individual_track() -> None:
    text = "Ella har svårt att sova. Socialtjänsten och LSS-handläggaren träffade familjen."
    assert child_first_names(text) == ["Ella"]
    assert assessment_text_kinds(text, individual=True) == ["name"]
    assert assessment_text_kinds(text, individual=False) == []
    assert assessment_text_kinds("Barnet vill bo kvar.", individual=True) == []


def test_correcting_it_in_the_app_purges_the_history(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    from helpers import open_page
    from test_ui_assessment import open_section, seeded
    from ui_helpers import by_label, no_exception, start, texts

    aid = seeded(tmp_path, {"affects_children": "direct"})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Berör ärendet barn")
    box = by_label(at.text_area, "På vilket sätt berör")
    box.input("Ett barn, 121212-1212, får längre skolväg.")
    at = no_exception(at.run())
    assert "personnummer" in texts(at)  # the guard's warning beside the box
    by_label(at.text_area, "På vilket sätt berör").input("Barnen får längre skolväg.")
    at = no_exception(at.run())
    store = open_store(tmp_path)
    dumped = json.dumps([r.model_dump(mode="json") for r in store.revisions(aid)])
    assert "121212-1212" not in dumped
    assert store.revisions(aid)[0].action == "redact"
    assert b"121212-1212" not in stored_bytes(tmp_path)

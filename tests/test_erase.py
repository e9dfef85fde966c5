"""Erase for good: afterwards no file in the data or reports folder holds the assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.loading import load_assessment
from app.core.models.assessment import Answer
from app.report import build_report
from app.services.paths import EXAMPLES_DIR
from app.store import TinyDBAssessmentStore, locking

MARKER = "Zqxjmarkör7731"


def _holding(folder: Path, text: str) -> list[str]:
    """Every file under `folder` whose name or bytes contain `text` (any case in names)."""
    found = []
    needle = text.encode("utf-8")
    slug = "zqxjmarkor7731"
    for path in folder.rglob("*"):
        if path.is_file() and (needle in path.read_bytes() or slug in path.name.lower()):
            found.append(str(path.relative_to(folder)))
    return sorted(found)


def test_erase_leaves_no_trace_in_data_and_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, reports = tmp_path / "data", tmp_path / "reports"
    store = TinyDBAssessmentStore(data)
    example, _ = load_assessment(EXAMPLES_DIR / "skolnedlaggning.yaml")
    decision = example.decision.model_copy(update={"title": f"Förskola {MARKER}"})
    a = store.create(example.model_copy(update={"id": None, "decision": decision}), "Anna")
    aid = a.id or ""
    for n in range(3):
        a = store.set_answer(aid, "knowledge_gaps", Answer(value=f"{MARKER} svar {n}"), "Anna")
    for lang in ("sv", "en"):
        store.add_report(aid, build_report(a, lang=lang, out_dir=reports), "Anna")
    other = store.create(example.model_copy(update={"id": None}), "Bo")  # must stay
    # What writes killed midway leave: temporary files beside the files they were replacing.
    doc = store.layout.doc_file(aid)
    for folder in (doc.parent, store.layout.index, *store.layout.history_files(aid)[:1]):
        target = doc.name if folder == doc.parent else folder.name
        parent = folder if folder.is_dir() else folder.parent
        (parent / f".{target}.k1ll3d.tmp").write_bytes(doc.read_bytes())
    assert _holding(data, MARKER) and _holding(reports, MARKER)

    locking._registry.clear()  # the app started again after the kills
    store = TinyDBAssessmentStore(data)
    store.delete(aid, "Anna")
    store.purge(aid)

    assert _holding(data, MARKER) == []
    assert _holding(reports, MARKER) == []
    assert [s.id for s in store.list()] == [other.id]


def test_a_report_replaced_by_another_file_is_not_deleted(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path / "data")
    example, _ = load_assessment(EXAMPLES_DIR / "trafik-skolvag.yaml")
    a = store.create(example.model_copy(update={"id": None}), "Anna")
    record = build_report(a, out_dir=tmp_path / "reports")
    store.add_report(a.id or "", record, "Anna")
    Path(record.path).write_bytes(b"someone else's file now")
    store.delete(a.id or "", "Anna")
    store.purge(a.id or "")
    assert Path(record.path).read_bytes() == b"someone else's file now"

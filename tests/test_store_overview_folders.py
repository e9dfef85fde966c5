"""The overview trusts its listing while no folder of documents changed, and only then: every
save by any process is seen at once, also one in the same timestamp tick as the listing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.services.paths import ROOT
from app.store import TinyDBAssessmentStore

_OTHER_PROCESS = """
import sys
from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.store import TinyDBAssessmentStore
TinyDBAssessmentStore(sys.argv[1], durable=False).create(Assessment(
    questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
    decision=Decision(title=sys.argv[2])), "Bo")
"""


def _assessment(title: str) -> Assessment:
    return Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="1.0.0"),
                      decision=Decision(title=title))


def _other_process_creates(folder: Path, title: str) -> None:
    subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(folder), title], cwd=ROOT,
                   check=True)


def _folders(store: TinyDBAssessmentStore) -> list[Path]:
    """docs/ and its shard folders: what a listing looks at to see a change."""
    return [store.layout.docs, *(p for p in store.layout.docs.iterdir() if p.is_dir())]


def _age_folders(store: TinyDBAssessmentStore, seconds: float) -> tuple[int, int]:
    """Set the folders' mtimes into the past, as if nothing had changed for `seconds`."""
    then = time.time_ns() - int(seconds * 1e9)
    for folder in _folders(store):
        os.utime(folder, ns=(then, then))
    return then, then


def test_a_settled_listing_is_reused_and_a_later_save_elsewhere_is_seen(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path, durable=False)
    store.create(_assessment("Första"), "Anna")
    _age_folders(store, 10)
    assert [s.title for s in store.list()] == ["Första"]
    assert [s.title for s in store.list()] == ["Första"]  # the settled listing, reused
    _other_process_creates(tmp_path, "Andra")
    assert sorted(s.title for s in store.list()) == ["Andra", "Första"]


def test_a_change_that_left_the_folders_mtime_as_it_was_is_seen_within_the_tick(
        tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path, durable=False)
    store.create(_assessment("Första"), "Anna")
    assert [s.title for s in store.list()] == ["Första"]
    # Another process saves, and the folders' mtimes read as before (the same tick): the
    # listing was made within the tick of that mtime, so it is not trusted; files are checked.
    stats = {f: os.stat(f) for f in _folders(store)}
    _other_process_creates(tmp_path, "Andra")
    for folder, st in stats.items():
        os.utime(folder, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert sorted(s.title for s in store.list()) == ["Andra", "Första"]

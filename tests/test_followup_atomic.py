"""A follow-up and its original's link are written together or not at all, on both stores: a
write that fails after the new record is made leaves no follow-up the original does not list,
and a second try then works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_followup import NOW, decided

from app.services.followup import create, follow_ups_of
from app.services.shipped import catalog
from app.store import AssessmentStore, NotFound, StoreError, open_store


def fail_the_second_write(store: AssessmentStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's write of the original (the second write) raises, as a full disk or a lost
    database connection would; the new record's write before it goes through."""
    name = "_write" if hasattr(store, "_edit_in") else "_commit"  # PostgreSQL | TinyDB
    real = getattr(store, name)
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if name == "_write" or calls["n"] >= 2:
            raise StoreError("Skrivningen misslyckades (testets påhittade fel).")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, name, flaky)


def test_a_failed_link_leaves_no_unlisted_follow_up(tmp_path: Path, store_kind: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path)
    original = store.create(decided(), editor="Karin Lund")
    before = {s.id for s in store.list()}
    with monkeypatch.context() as patch:
        fail_the_second_write(store, patch)
        with pytest.raises(StoreError, match="påhittade"):
            create(store, catalog(), original.id or "", "Karin Lund", NOW)
    # nothing half-done: no new record anywhere, the original unchanged and unlisting
    assert {s.id for s in store.list()} == before
    assert store.deleted() == []
    again = store.get(original.id or "")
    assert again.follow_ups == [] and again.revision == original.revision
    # the next try succeeds and links both
    f, new = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    assert new and f.follow_up_of == original.id
    assert store.get(original.id or "").follow_ups == [f.id]
    assert [x.id for x in follow_ups_of(store, store.get(original.id or ""))] == [f.id]
    assert {s.id for s in store.list()} == before | {f.id}
    assert [r.action for r in store.revisions(f.id or "")] == ["create"]


def test_no_follow_up_is_made_for_an_original_that_is_gone(tmp_path: Path,
                                                           store_kind: str) -> None:
    store = open_store(tmp_path)
    original = store.create(decided(), editor="Karin Lund")
    draft = decided().model_copy(update={"follow_up_of": original.id})
    store.delete(original.id or "", editor="Karin Lund")
    with pytest.raises(NotFound):
        store.create_linked(draft, original.id or "", lambda a, _id: a, editor="Karin Lund")
    assert store.list() == []


def test_the_link_is_one_revision_of_the_original_by_its_editor(tmp_path: Path,
                                                                  store_kind: str) -> None:
    store = open_store(tmp_path)
    original = store.create(decided(), editor="Karin Lund")
    made = store.create_linked(decided(), original.id or "",
                               lambda a, new_id: a.model_copy(
                                   update={"follow_ups": [*a.follow_ups, new_id]}),
                               editor="Per Berg")
    linked = store.get(original.id or "")
    assert linked.follow_ups == [made.id] and linked.revision == original.revision + 1
    assert store.revisions(original.id or "")[0].editor == "Per Berg"

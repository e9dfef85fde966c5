"""The official's own titled sections of the report: added, changed and removed on the stored
assessment, each write based on the revision the page read (a conflict is the store's).

An approved, decided or followed-up assessment is frozen on its content hash, and the free
sections are part of that content: they are refused then, as every other change is."""

from __future__ import annotations

from app.core import lifecycle
from app.core.models.assessment import Assessment, FreeSection


class FrozenContent(ValueError):
    """The assessment is approved or decided: its content, own sections included, is fixed."""


def add(store: object, assessment: Assessment, section: FreeSection, editor: str) -> Assessment:
    return _save(store, assessment, [*assessment.free_sections, section], editor)


def remove(store: object, assessment: Assessment, index: int, editor: str) -> Assessment:
    kept = [s for i, s in enumerate(assessment.free_sections) if i != index]
    return _save(store, assessment, kept, editor)


def _save(store: object, assessment: Assessment, sections: list[FreeSection],
          editor: str) -> Assessment:
    if lifecycle.is_frozen(assessment):
        raise FrozenContent("the assessment is approved; reopen it to change its sections")
    changed = assessment.model_copy(update={"free_sections": sections})
    saved: Assessment = store.save(changed, editor,  # type: ignore[attr-defined]
                                   expected_revision=assessment.revision)
    return saved

"""The letter back to the children for one assessment: the official's edits if stored, else a
draft from the assessment and its newest collection with at least five answers."""

from __future__ import annotations

from pathlib import Path

from app.core.catalog import Catalog, children_questionnaire_files
from app.core.children import results
from app.core.children_letter import PART_KEYS, Letter, draft, edited
from app.core.children_loading import load_child_questionnaire
from app.core.document.source import ReportError, prepare
from app.core.errors import LoadError
from app.core.models.assessment import Assessment
from app.core.models.child_letter import LetterRecord, record_id
from app.services.paths import QUESTIONNAIRES_DIR
from app.store.child_collections import ChildCollectionStore
from app.store.child_letters import NAME, letter_store
from app.store.collection import StaleRecord
from app.store.errors import NotFound

LETTERS = NAME  #: where the edits are kept (app/store/child_letters.py)


def drafted(assessment: Assessment, lang: str, folder: Path | str | None) -> Letter:
    """The draft from the assessment's shown answers and recorded states and the children's
    answers, ignoring any edits; ReportError when the questionnaire does not fit."""
    ri = prepare(assessment, catalog=_catalog(), lang=lang)
    collections = ChildCollectionStore(folder).of_assessment(assessment.id or "")
    questionnaires = {q.id: q for q in map(load_child_questionnaire,
                                           children_questionnaire_files(QUESTIONNAIRES_DIR))}
    for collection in collections:
        child_q = questionnaires.get(collection.questionnaire)
        if child_q is None:
            continue
        found = results(child_q, collection, lang)
        if found.shown:
            return draft(ri, collection, child_q, found)
    newest = collections[0] if collections else None
    return draft(ri, newest)


def stored_edits(assessment_id: str, lang: str, folder: Path | str | None) -> LetterRecord | None:
    store = letter_store(folder)
    path: Path | None = getattr(store, "path", None)  # the local file; None in the database
    if path is not None and not path.is_file():
        return None
    try:
        return store.get(record_id(assessment_id, lang))
    except NotFound:
        return None


def letter_for(assessment: Assessment, lang: str, folder: Path | str | None) -> Letter:
    """The letter as it will be printed: the stored edits over the draft."""
    base = drafted(assessment, lang, folder)
    edits = stored_edits(assessment.id or "", lang, folder)
    if edits is None:
        return base
    parts = {p.key: p.text for p in base.parts} | edits.parts
    full = base if set(parts) == {p.key for p in base.parts} else with_all_parts(base, parts)
    return edited(full, edits.title, edits.greeting, edits.parts, edits.signature)


def with_all_parts(base: Letter, texts: dict[str, str]) -> Letter:
    """The draft with a part the official wrote that the draft had left out (e.g. 'changed')."""
    from app.core.children_letter import Part, heading

    have = {p.key: p for p in base.parts}
    parts = tuple(have.get(k) or Part(k, heading(k, base.lang, base.decided), texts[k])
                  for k in PART_KEYS if k in have or texts.get(k, "").strip())
    return Letter(base.lang, base.title, base.greeting, parts, base.signature, base.decided)


def save_edits(assessment: Assessment, lang: str, letter: Letter,
               folder: Path | str | None, *, expected_revision: int | None = None) -> None:
    """Store the official's edits; with `expected_revision` (the stored edits' revision the
    form was drawn from, 0 for none) a change saved meanwhile is a StaleRecord, not lost."""
    record = LetterRecord(id=record_id(assessment.id or "", lang),
                          assessment_id=assessment.id or "", lang=lang,  # type: ignore[arg-type]
                          title=letter.title, greeting=letter.greeting,
                          parts={k: next((p.text for p in letter.parts if p.key == k), "")
                                 for k in PART_KEYS},
                          signature=letter.signature)
    store = letter_store(folder)
    try:
        store.update(record.id or "", lambda _: record, expected_revision=expected_revision)
    except NotFound:
        if expected_revision:  # it was there when the form was drawn: erased meanwhile
            raise StaleRecord(record.id or "", 0, expected_revision) from None
        store.create(record)


def _catalog() -> Catalog:
    from app.services.shipped import catalog

    try:
        return catalog()
    except LoadError as exc:
        raise ReportError("the shipped questionnaires or articles do not load; run "
                          f"`bka validate`:\n{exc}") from None

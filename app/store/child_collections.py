"""Children's collections and their answers: `<data>/child_collections.json` under the data
folder's lock, or rows of the database's records table in server mode (app/store/factory.py),
so a child's link works on every app server and every answer reaches the official.

Children reach a collection only by its code; what they may do is add one response to an
open collection. Everything else (opening, closing, reading the answers) is the official's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.children import response_problem
from app.core.join_codes import new_code, normalise_code
from app.core.models.child_collection import ChildCollection, ChildResponse
from app.core.models.children import ChildQuestionnaire
from app.core.respondents import with_response
from app.store.factory import RecordCollection, open_collection
from app.store.kinds import COLLECTIONS

NAME = COLLECTIONS


@dataclass
class CollectionClosed(Exception):
    """The code is right but the official has closed the collection."""

    code: str


@dataclass
class UnknownCollection(Exception):
    """No collection has this code."""

    code: str


@dataclass
class ResponseRefused(Exception):
    """A response the children's questionnaire does not offer (app/core/children.py);
    nothing was stored."""

    code: str
    reason: str

    def __str__(self) -> str:
        return f"A response to collection {self.code} was not stored: {self.reason}."


class ChildCollectionStore:
    def __init__(self, folder: Path | str | None = None) -> None:
        self._records: RecordCollection[ChildCollection] = open_collection(
            ChildCollection, NAME, folder)

    @property
    def path(self) -> Path | None:
        """The local file; None when the collections are kept in the database."""
        found: Path | None = getattr(self._records, "path", None)
        return found

    def open(self, collection: ChildCollection) -> ChildCollection:
        """Store a new collection with a fresh code (the one given is replaced); the codes
        taken are read and the new one written under one lock (every app server's)."""
        with self._records.shared.locked():
            taken = {c.code for c in self._records.all()}
            return self._records.create(collection.model_copy(
                update={"code": new_code(taken), "open": True}))

    def get(self, collection_id: str) -> ChildCollection:
        return self._records.get(collection_id)

    def _all(self) -> list[ChildCollection]:
        # Reading must not create a data folder where a command was merely pointed at one.
        path = self.path
        return self._records.all() if path is None or path.is_file() else []

    def of_assessment(self, assessment_id: str) -> list[ChildCollection]:
        """The assessment's collections, newest first."""
        return [c for c in self._all() if c.assessment_id == assessment_id]

    def by_code(self, code: str) -> ChildCollection:
        """The open collection a child's link names; UnknownCollection or CollectionClosed."""
        wanted = normalise_code(code)
        for c in self._all():
            if c.code == wanted:
                if not c.open:
                    raise CollectionClosed(wanted)
                return c
        raise UnknownCollection(wanted)

    def add_response(self, code: str, response: ChildResponse,
                     questionnaire: ChildQuestionnaire | None = None) -> None:
        """Add a child's response; an earlier one from the same respondent is replaced
        (app/core/respondents.py). Given the collection's `questionnaire`, a response it does
        not offer (a form tampered with, a client of its own) is ResponseRefused."""
        target = self.by_code(code)

        def change(c: ChildCollection) -> ChildCollection:
            if not c.open:
                raise CollectionClosed(c.code)
            wrong = response_problem(questionnaire, c, response) if questionnaire else None
            if wrong:
                raise ResponseRefused(c.code, wrong)
            return with_response(c, response)

        assert target.id is not None
        self._records.update(target.id, change)

    def set_open(self, collection_id: str, is_open: bool) -> ChildCollection:
        return self._records.update(collection_id,
                                    lambda c: c.model_copy(update={"open": is_open}))

    def delete(self, collection_id: str) -> None:
        """Erase a collection and every child's answers in it (NotFound if there is none)."""
        self._records.delete(collection_id)

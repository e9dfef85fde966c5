"""Which answers a stored record may hold, judged by the questionnaires this process loaded.

A record whose answer is not among its question's options parses and fits the format, yet no
page can show it and no score can read it: it is damage, like an emptied table or a revision
the history never recorded, and is refused the same way (StoreCorrupted, or RowCorrupted in
the database), so no write replaces the file or its `.prev` copy.

The store sits below the services and cannot load questionnaires; once the shipped catalog
is loaded (app/services/shipped.py) it is handed down here. A process that never loads it
(a benchmark's fill) judges no answers; neither does a record of a questionnaire or version
the catalog does not know (the import refuses those; stored ones stay readable as they are).
"""

from __future__ import annotations

from app.core.catalog import Catalog
from app.core.import_check import unknown_options
from app.core.models.assessment import Assessment

_loaded: list[Catalog] = []  # the process's catalog, once loaded (a list: no `global`)


def use(catalog: Catalog) -> None:
    """Judge stored answers by `catalog` from now on."""
    _loaded[:] = [catalog]


def damage(assessment: Assessment) -> str | None:
    """The first answer of `assessment` that cannot be a stored state, in words; None."""
    if not _loaded:
        return None
    q = _loaded[0].questionnaire(assessment.questionnaire.id)
    if q is None:
        return None
    found = unknown_options(assessment, q)
    return found[0][1] if found else None

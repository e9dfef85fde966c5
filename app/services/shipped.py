"""The questionnaires and articles shipped with the tool, loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app.core.cases import load_cases
from app.core.catalog import Catalog, load_catalog, questionnaire_files
from app.core.models.case import Case
from app.services.kept_catalog import kept
from app.services.paths import ARTICLES_DIR, CASES_DIR, LAW_DIR, QUESTIONNAIRES_DIR

CORE_CODE = Path(__file__).resolve().parents[1] / "core"  # the models a kept copy is made of


@cache
def catalog() -> Catalog:
    """The shipped catalog; raises LoadError (with every problem) when a file is broken.
    Kept on disk while its files and the core's code are unchanged (kept_catalog.py)."""
    return kept([ARTICLES_DIR, QUESTIONNAIRES_DIR, LAW_DIR, CORE_CODE], lambda: load_catalog(
        ARTICLES_DIR, questionnaire_files(QUESTIONNAIRES_DIR), LAW_DIR))


@cache
def cases() -> list[Case]:
    """The shipped workshop cases; raises LoadError when one is broken."""
    return load_cases(CASES_DIR, catalog().questionnaires)

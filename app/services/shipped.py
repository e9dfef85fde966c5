"""The questionnaires and articles shipped with the tool, loaded once per process."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.catalog import Catalog, load_catalog, questionnaire_files
from app.core.dependencies import keep_parsed
from app.core.errors import LoadError
from app.core.loading import load_assessment
from app.core.once import once
from app.core.scoring import decision_text
from app.core.substance import ReferenceText, law_triples, plain, reference_text, summary_triples
from app.services.kept_catalog import kept
from app.services.paths import ARTICLES_DIR, CASES_DIR, EXAMPLES_DIR, LAW_DIR, QUESTIONNAIRES_DIR
from app.store import answer_rules

if TYPE_CHECKING:
    from app.core.models.case import Case

CORE_CODE = Path(__file__).resolve().parents[1] / "core"  # the models a kept copy is made of


@once
def catalog() -> Catalog:
    """The shipped catalog; raises LoadError (with every problem) when a file is broken.
    Kept on disk while its files and the core's code are unchanged (kept_catalog.py)."""
    cat, references = kept([ARTICLES_DIR, QUESTIONNAIRES_DIR, LAW_DIR, EXAMPLES_DIR, CORE_CODE],
                           _load)
    cat.references = references
    keep_parsed(cat.conditions)  # parsed when the copy was made: not again in this process
    answer_rules.use(cat)  # every write of an answer is checked by it (answer_rules.py)
    return cat


def _load() -> tuple[Catalog, tuple[ReferenceText, ...]]:
    """The catalogue from its YAML, with what scoring works out from it alone (the word
    triples of the article summaries and the law: ~10 ms a new process need not spend when
    they are kept with it), and the shipped examples' texts (~10 ms more). Not the parsed
    visibility rules: their nodes hold functions, which do not pickle (~4 ms)."""
    cat = load_catalog(ARTICLES_DIR, questionnaire_files(QUESTIONNAIRES_DIR), LAW_DIR)
    summary_triples(cat.library)
    if cat.law is not None:
        law_triples(cat.law)
    return cat, _examples()


def _examples() -> tuple[ReferenceText, ...]:
    """The shipped examples' texts: an answer pasted from one of them is not this case's."""
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        try:
            assessment, _ = load_assessment(path)
        except LoadError:
            continue  # a broken example is reported by its own check, not here
        d = assessment.decision
        values = {k: a.value for k, a in assessment.answers.items()}
        text = reference_text(f"{d.title} ({path.name})", d.title, values)
        found.append(replace(text, example=plain(decision_text(d.title, d.description))))
    return tuple(found)


@once
def cases() -> list[Case]:
    """The shipped workshop cases; raises LoadError when one is broken."""
    from app.core.cases import load_cases  # the workshop's only: a report never loads them

    return load_cases(CASES_DIR, catalog().questionnaires)

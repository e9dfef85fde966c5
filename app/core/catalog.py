"""Everything shipped, loaded together: the article library and the questionnaires."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.conditions import Node
from app.core.dependencies import parsed
from app.core.errors import LoadError, Problem
from app.core.loading import content_hash, load_articles, load_questionnaire
from app.core.models.article import ArticleLibrary
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Questionnaire
from app.core.questionnaire_check import condition_texts
from app.core.substance import ReferenceText


@dataclass
class Catalog:
    """The loaded library and questionnaires, with each questionnaire's content hash."""

    library: ArticleLibrary
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    law: LawLibrary | None = None  #: the legal reference library, when one was loaded
    #: other assessments' texts an answer must not be a copy of (the shipped examples)
    references: tuple[ReferenceText, ...] = ()
    #: every condition of the questionnaires, parsed (checked as they loaded): a kept copy
    #: carries them, so a new process need not parse them again (dependencies.keep_parsed)
    conditions: dict[str, Node] = field(default_factory=dict)

    def questionnaire(self, qid: str) -> Questionnaire | None:
        return self.questionnaires.get(qid)


def load_catalog(
    articles_dir: Path, questionnaire_paths: list[Path], law_dir: Path | None = None
) -> Catalog:
    """Load the libraries, then every questionnaire against them; LoadError lists every problem."""
    from app.core.law_loading import load_law

    problems: list[Problem] = []
    try:
        library = load_articles(articles_dir)
    except LoadError as exc:
        problems += exc.problems
        library = None
    numbers = set(library.by_number) if library else set()
    law = None
    if law_dir is not None:
        try:
            law = load_law(law_dir, numbers)
        except LoadError as exc:
            problems += exc.problems
    catalog_qs: dict[str, Questionnaire] = {}
    hashes: dict[str, str] = {}
    files: dict[str, Path] = {}
    for path in questionnaire_paths:
        try:
            q = load_questionnaire(path, numbers, law)
        except LoadError as exc:
            problems += exc.problems
            continue
        if q.id in catalog_qs:
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"questionnaire id '{q.id}' is also used by "
                    f"{files[q.id]}; each questionnaire needs its own id",
                )
            )
            continue
        catalog_qs[q.id], hashes[q.id], files[q.id] = q, content_hash(path), path
    if problems or library is None:
        raise LoadError(problems)
    trees = {text: parsed(text) for q in catalog_qs.values() for text in condition_texts(q)}
    return Catalog(library, catalog_qs, hashes, files, law, conditions=trees)


def questionnaire_files(folder: Path) -> list[Path]:
    """The officials' questionnaires; `children-*` files are children's (children_loading)."""
    return [p for p in _yaml_files(folder) if not p.name.startswith(CHILDREN_PREFIX)]


def children_questionnaire_files(folder: Path) -> list[Path]:
    return [p for p in _yaml_files(folder) if p.name.startswith(CHILDREN_PREFIX)]


CHILDREN_PREFIX = "children-"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])

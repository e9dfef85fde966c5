"""`bka validate`: every shipped or given file checked, every problem collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.cases import load_case, looks_like_case
from app.core.catalog import (
    Catalog,
    children_questionnaire_files,
    load_catalog,
    questionnaire_files,
)
from app.core.children_loading import is_children_file, load_child_questionnaire
from app.core.errors import LoadError, Problem, display_path
from app.core.loading import load_assessment, load_questionnaire, normalise_answers
from app.core.yamlsource import read_yaml
from app.services.paths import ARTICLES_DIR, CASES_DIR, EXAMPLES_DIR, LAW_DIR, QUESTIONNAIRES_DIR


@dataclass
class Report:
    """What was checked and what was wrong."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1


def validate_shipped() -> Report:
    report = Report()
    catalog = _catalog(report)
    for path in children_questionnaire_files(QUESTIONNAIRES_DIR):
        _check_child_questionnaire(path, report)
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        check_assessment_file(path, catalog, report)
    if CASES_DIR.is_dir():
        for path in sorted(CASES_DIR.glob("*.yaml")):
            _check_by_content(path, catalog, report)
    return report


def validate_paths(paths: list[Path]) -> Report:
    report = Report()
    catalog = _catalog(report, quiet=True)
    for path in paths:
        if path.is_dir() and (path / "clusters.yaml").exists():
            _check_articles(path, report)
        elif path.is_dir() and (path / "library.yaml").exists():
            _check_law(path, report)
        elif path.is_dir():
            for child in sorted([*path.glob("*.yaml"), *path.glob("*.yml"), *path.glob("*.json")]):
                _check_by_content(child, catalog, report)
        else:
            _check_by_content(path, catalog, report)
    return report


def _catalog(report: Report, quiet: bool = False) -> Catalog | None:
    try:
        catalog = load_catalog(ARTICLES_DIR, questionnaire_files(QUESTIONNAIRES_DIR), LAW_DIR)
    except LoadError as exc:
        if not quiet:
            report.problems += exc.problems
        return None
    if not quiet:
        report.counts["articles"] = len(catalog.library.articles)
        report.counts["questionnaires"] = len(catalog.questionnaires)
        if catalog.law is not None:
            report.counts["law areas"] = len(catalog.law.areas)
    return catalog


def _check_articles(folder: Path, report: Report) -> None:
    from app.core.loading import load_articles

    try:
        report.counts["articles"] = len(load_articles(folder).articles)
    except LoadError as exc:
        report.problems += exc.problems


def _check_by_content(path: Path, catalog: Catalog | None, report: Report) -> None:
    if not path.exists():
        report.problems.append(Problem(display_path(path), None, "no such file or folder"))
        return
    if path.suffix.lower() == ".json":
        check_assessment_file(path, catalog, report)
        return
    try:
        data = read_yaml(path).data
    except LoadError as exc:
        report.problems += exc.problems
        return
    keys = set(data) if isinstance(data, dict) else set()
    if is_children_file(data):
        _check_child_questionnaire(path, report)
    elif looks_like_case(data) or "trainer_notes" in keys or "proposal" in keys:
        _check_case(path, catalog, report, looks_like_case(data))
    elif "sections" in keys:
        _check_questionnaire(path, catalog, report)
    elif "decision" in keys or "answers" in keys:
        check_assessment_file(path, catalog, report)
    elif "number" in keys and path.parent.name == "articles":
        _check_articles(path.parent, report)
    elif ("rules" in keys or "statutes" in keys) and (path.parent / "library.yaml").exists():
        _check_law(path.parent, report)
    else:
        report.problems.append(
            Problem(
                display_path(path),
                1,
                "not a file bka knows: a "
                "questionnaire has 'sections', an assessment has 'decision' and "
                "'answers' (see docs/FORMAT.md)",
            )
        )


def _check_law(folder: Path, report: Report) -> None:
    from app.core.law_loading import load_law

    try:
        report.counts["law areas"] = len(load_law(folder, set(range(1, 55))).areas)
    except LoadError as exc:
        report.problems += exc.problems


def _check_questionnaire(path: Path, catalog: Catalog | None, report: Report) -> None:
    numbers = set(catalog.library.by_number) if catalog else set(range(1, 55))
    try:
        load_questionnaire(path, numbers, catalog.law if catalog else None)
        report.count("questionnaires")
    except LoadError as exc:
        report.problems += exc.problems


def _check_child_questionnaire(path: Path, report: Report) -> None:
    try:
        load_child_questionnaire(path)
        report.count("children's questionnaires")
    except LoadError as exc:
        report.problems += exc.problems


def _check_case(path: Path, catalog: Catalog | None, report: Report,
                because: list[str] | None = None) -> None:
    try:
        load_case(path, catalog.questionnaires if catalog else set())
        report.count("cases")
    except LoadError as exc:
        # Say which format the file was read as, so the problems below make sense.
        why = f" (it has {', '.join(because)})" if because else ""
        report.problems += [Problem(display_path(path), None, f"this looks like a workshop "
                                    f"case{why}; checked as one (docs/FORMAT.md, 'Workshop "
                                    "cases')"),
                            *exc.problems]


def check_assessment_file(path: Path, catalog: Catalog | None, report: Report) -> None:
    try:
        assessment, source = load_assessment(path)
    except LoadError as exc:
        report.problems += exc.problems
        return
    report.count("assessments")
    if catalog is None:
        return
    q = catalog.questionnaire(assessment.questionnaire.id)
    if q is None:
        report.problems.append(
            source.problem(
                ("questionnaire", "id"),
                "unknown questionnaire "
                f"'{assessment.questionnaire.id}'; shipped: "
                f"{', '.join(catalog.questionnaires)}",
            )
        )
        return
    report.problems += normalise_answers(assessment, q, source)[1]


def summary(report: Report) -> str:
    parts = [f"{n} {what}" for what, n in report.counts.items()]
    return ", ".join(parts) if parts else "nothing"

"""Reading the legal reference library (law/) and checking every reference in it, all at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core.errors import LoadError, Problem, display_path
from app.core.models.law import Area, LawLibrary, LibraryFile, Rule, Statute, Strength
from app.core.models.questionnaire import Questionnaire
from app.core.schema_errors import validate_source
from app.core.text import LANGUAGES, Text, missing_languages
from app.core.yamlsource import Loc, Source, read_yaml

LIBRARY_FILE = "library.yaml"


def load_law(folder: Path, article_numbers: set[int] | None = None) -> LawLibrary:
    """The library in `folder`; LoadError lists every problem with its file and line."""
    problems: list[Problem] = []
    head: LibraryFile | None = None
    try:
        source = read_yaml(folder / LIBRARY_FILE)
        head = validate_source(source, LibraryFile)
        problems += _check_head(head, source)
    except LoadError as exc:
        problems += exc.problems
    areas: list[Area] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == LIBRARY_FILE:
            continue
        try:
            source = read_yaml(path)
            area = validate_source(source, Area)
        except LoadError as exc:
            problems += exc.problems
            continue
        problems += _check_area(area, source, head, article_numbers or set())
        if area.id in seen:
            problems.append(
                source.problem(("id",), f"area '{area.id}' is also defined in {seen[area.id]}")
            )
            continue
        seen[area.id] = source.file
        areas.append(area)
    if head is not None and not areas:
        problems.append(Problem(display_path(folder), None, "the law library has no area files"))
    if problems or head is None:
        raise LoadError(problems)
    return LawLibrary(strengths=head.strengths, statutes=head.statutes, areas=areas)


def _languages(text: Text, source: Source, loc: Loc, what: str) -> list[Problem]:
    missing = missing_languages(text, LANGUAGES)
    return [source.problem(loc, f"{what} has no text in {', '.join(missing)}")] if missing else []


def _check_head(head: LibraryFile, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    groups: tuple[tuple[str, Sequence[Strength | Statute], tuple[str, ...]], ...] = (
        ("strengths", head.strengths, ("label", "meaning")),
        ("statutes", head.statutes, ("name", "short")),
    )
    for key, items, fields in groups:
        seen: set[str] = set()
        for i, item in enumerate(items):
            what = f"{key[:-1]} '{item.id}'"
            if item.id in seen:
                problems.append(source.problem((key, i, "id"), f"{what} is defined twice"))
            seen.add(item.id)
            for field in fields:
                problems += _languages(
                    getattr(item, field), source, (key, i, field), f"{what}: '{field}'"
                )
    return problems


def _check_area(
    area: Area, source: Source, head: LibraryFile | None, numbers: set[int]
) -> list[Problem]:
    problems = _languages(area.title, source, ("title",), f"area '{area.id}': 'title'")
    if Path(source.file).stem != area.id:
        problems.append(
            source.problem(("id",), f"area '{area.id}' should be in a file named {area.id}.yaml")
        )
    statutes = {s.id for s in head.statutes} if head else set()
    strengths = {s.id for s in head.strengths} if head else set()
    for i, rule in enumerate(area.rules):
        loc: Loc = ("rules", i)
        name = f"area '{area.id}', rule {i + 1}"
        if head and rule.statute not in statutes:
            problems.append(
                source.problem(
                    (*loc, "statute"),
                    f"{name}: unknown statute '{rule.statute}'; "
                    f"law/library.yaml has: {', '.join(sorted(statutes))}",
                )
            )
        if head and rule.strength not in strengths:
            problems.append(
                source.problem(
                    (*loc, "strength"),
                    f"{name}: unknown strength '{rule.strength}'; "
                    f"known: {', '.join(sorted(strengths))}",
                )
            )
        if rule.article is not None and numbers and rule.article not in numbers:
            problems.append(
                source.problem(
                    (*loc, "article"), f"{name}: article {rule.article} is not in the library"
                )
            )
        if rule.article is not None and rule.statute != "barnkonventionen":
            problems.append(
                source.problem((*loc, "article"), f"{name}: 'article' is for the convention only")
            )
        if rule.chapter is not None and rule.section is None:
            problems.append(
                source.problem(
                    (*loc, "chapter"), f"{name}: a chapter needs its section ('section')"
                )
            )
        problems += _check_status(rule, source, loc, name)
        for key in ("applies", "requires"):
            problems += _languages(getattr(rule, key), source, (*loc, key), f"{name}: '{key}'")
    return problems


def _check_status(rule: Rule, source: Source, loc: Loc, name: str) -> list[Problem]:
    """A verified rule names the place it was verified at; an unverified one names none, since
    a section nobody read is a guess."""
    located = rule.section is not None or rule.article is not None
    if rule.status == "verified" and not located:
        return [source.problem(
            (*loc, "status"), f"{name}: status 'verified' needs the section ('section') or, "
            "for the convention, the article; if the section could not be read in a public "
            "source, write status: not_verified")]
    if rule.status == "not_verified" and rule.section is not None:
        return [source.problem(
            (*loc, "section"), f"{name}: a rule with status 'not_verified' names no section "
            "(a section that was not read is a guess); remove it, or read it and write "
            "status: verified")]
    return []


def check_law_links(q: Questionnaire, source: Source, law: LawLibrary | None) -> list[Problem]:
    """Every `law:` of a questionnaire names an earlier area question, its options, and areas
    the law library has."""
    problems: list[Problem] = []
    order = list(q.questions)
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            if question.law is None:
                continue
            loc: Loc = ("sections", si, "questions", qi, "law")
            name = f"question '{question.id}'"
            link = question.law
            target = q.questions.get(link.source)
            if target is None or target.type not in ("choice", "multi"):
                problems.append(
                    source.problem(
                        (*loc, "source"),
                        f"{name}: law.source '{link.source}' must be a choice or multi question",
                    )
                )
                continue
            if order.index(target.id) > order.index(question.id):
                problems.append(
                    source.problem((*loc, "source"), f"{name}: '{link.source}' must come before it")
                )
            for value, area_ids in link.areas.items():
                if value not in target.option_values:
                    problems.append(
                        source.problem(
                            (*loc, "areas", value),
                            f"{name}: '{link.source}' has no option '{value}'; "
                            f"its options: {', '.join(target.option_values)}",
                        )
                    )
                for area_id in area_ids:
                    if law is not None and area_id not in law.area:
                        problems.append(
                            source.problem(
                                (*loc, "areas", value),
                                f"{name}: unknown law area '{area_id}'; "
                                f"law/ has: {', '.join(sorted(law.area))}",
                            )
                        )
    return problems

"""Reading questionnaires, the article library and assessments into models, all problems at once."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from app.core.answer_check import WrongAnswer
from app.core.answers import normalise
from app.core.errors import LoadError, Problem, display_path
from app.core.jsonsource import parse_json
from app.core.limits import MAX_JSON_BYTES, too_large
from app.core.migration import migrate, relevant_steps
from app.core.models.article import Article, ArticleLibrary, ClusterFile
from app.core.models.assessment import Assessment
from app.core.models.law import LawLibrary
from app.core.models.questionnaire import Questionnaire
from app.core.questionnaire_check import check_questionnaire
from app.core.salvage import salvage
from app.core.schema_errors import validate_source
from app.core.text import LANGUAGES, Text, missing_languages
from app.core.yamlsource import Source, read_yaml

M = TypeVar("M", bound=BaseModel)


def content_hash(path: Path) -> str:
    """A short hash of a file's bytes, stored with answers to know the exact text answered."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def load_questionnaire(
    path: Path, article_numbers: set[int] | None = None, law: LawLibrary | None = None
) -> Questionnaire:
    """The questionnaire, or LoadError with every fault of the file, schema and beyond;
    checked against the article library and (given) the law library."""
    from app.core.group_check import check_group_links
    from app.core.law_loading import check_law_links

    source = read_yaml(path)
    try:
        questionnaire = validate_source(source, Questionnaire)
    except LoadError as exc:
        raise LoadError(exc.problems + _beyond_schema(source, article_numbers)) from None
    problems = check_questionnaire(questionnaire, source, article_numbers or set())
    problems += check_law_links(questionnaire, source, law)
    problems += check_group_links(questionnaire, source)
    if problems:
        raise LoadError(problems)
    return questionnaire


def _beyond_schema(source: Source, article_numbers: set[int] | None) -> list[Problem]:
    """The faults the whole-file checks find in a patched copy of a file the schema refused
    (so that one unknown type does not hide an article 55 elsewhere)."""
    salvaged = salvage(source.data)
    if salvaged is None:
        return []
    q, plain = salvaged
    return [
        p
        for p in check_questionnaire(q, source, article_numbers or set())
        if not any(p.message.startswith(f"question '{qid}': ") for qid in plain)
    ]


def load_articles(folder: Path) -> ArticleLibrary:
    """All articles and clusters of a folder; checks 1-54 are there once each, in sv and en."""
    problems: list[Problem] = []
    clusters = []
    try:
        clusters = validate_source(read_yaml(folder / "clusters.yaml"), ClusterFile).clusters
    except LoadError as exc:
        problems += exc.problems
    cluster_ids = {c.id for c in clusters}
    articles: dict[int, tuple[Article, Source]] = {}
    for path in sorted(folder.glob("art*.yaml")):
        try:
            source = read_yaml(path)
            article = validate_source(source, Article)
        except LoadError as exc:
            problems += exc.problems
            continue
        problems += _check_article(article, source, cluster_ids)
        if article.number in articles:
            other = articles[article.number][1].file
            problems.append(
                source.problem(
                    ("number",), f"article {article.number} is also defined in {other}; keep one"
                )
            )
        else:
            articles[article.number] = (article, source)
    missing = sorted(set(range(1, 55)) - set(articles))
    if missing:
        problems.append(
            Problem(
                display_path(folder),
                None,
                "the library lacks article(s) "
                + ", ".join(map(str, missing))
                + "; it needs all of 1-54",
            )
        )
    if problems:
        raise LoadError(problems)
    ordered = [articles[n][0] for n in sorted(articles)]
    return ArticleLibrary(articles=ordered, clusters=clusters)


def _check_article(article: Article, source: Source, cluster_ids: set[str]) -> list[Problem]:
    problems = []
    for key in ("title", "summary"):
        missing = missing_languages(getattr(article, key), LANGUAGES)
        if missing:
            problems.append(
                source.problem(
                    (key,), f"article {article.number}: '{key}' has no text in {', '.join(missing)}"
                )
            )
    for i, cid in enumerate(article.clusters):
        if cluster_ids and cid not in cluster_ids:
            problems.append(
                source.problem(
                    ("clusters", i),
                    f"article {article.number}: unknown "
                    f"cluster '{cid}'; known: {', '.join(sorted(cluster_ids))}",
                )
            )
    for i, prompt in enumerate(article.prompts):
        if not prompt.sv.strip() or not prompt.en.strip():
            problems.append(
                source.problem(
                    ("prompts", i),
                    f"article {article.number}: prompt {i + 1} needs text in sv and en",
                )
            )
    expected = f"art{article.number:02d}.yaml"
    if Path(source.file).name != expected:
        problems.append(
            source.problem(
                ("number",), f"article {article.number} should be in a file named {expected}"
            )
        )
    return problems


def read_assessment_source(path: Path) -> Source:
    """An assessment file (YAML or JSON) parsed, with lines where the parser gives them."""
    if path.suffix.lower() != ".json":
        return read_yaml(path, aliases=0)  # an assessment has no use for aliases
    file = display_path(path)
    try:
        if path.stat().st_size > MAX_JSON_BYTES:  # before reading it into memory
            raise LoadError([too_large(file, path.stat().st_size, MAX_JSON_BYTES, "JSON")])
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError([Problem(file, None, f"cannot be read: {exc}")]) from None
    return parse_json(text, file)


def parse_assessment(source: Source) -> Assessment:
    data = source.data
    if isinstance(data, dict) and data.get("format") not in (None, "bka-assessment/1"):
        raise LoadError(
            [
                source.problem(
                    ("format",),
                    f"format {data.get('format')!r} is not "
                    "one this version reads (bka-assessment/1); is the file "
                    "from a newer version of the tool?",
                )
            ]
        )
    if not isinstance(data, dict) or not {"questionnaire", "decision"} <= set(data):
        raise LoadError(
            [
                Problem(
                    source.file,
                    source.line_of(()),
                    "this is not an assessment "
                    "file: expected the keys format, questionnaire, decision and "
                    "answers (see docs/FORMAT.md)",
                )
            ]
        )
    return validate_source(source, Assessment)


def load_assessment(path: Path) -> tuple[Assessment, Source]:
    source = read_assessment_source(path)
    return parse_assessment(source), source


def unknown_answers(assessment: Assessment, questionnaire: Questionnaire) -> list[str]:
    """Ids of answers (after any migration) that the questionnaire does not ask."""
    answers = assessment.answers
    if assessment.questionnaire.version != questionnaire.version:
        answers, _ = migrate(answers, assessment.questionnaire.version, questionnaire)
    return [qid for qid in answers if qid not in questionnaire.questions]


def migration_notes(assessment: Assessment, questionnaire: Questionnaire) -> list[Text]:
    """The notes of the declared migrations the answers are read through (empty when none)."""
    if assessment.questionnaire.version == questionnaire.version:
        return []
    steps = relevant_steps(assessment.answers, assessment.questionnaire.version, questionnaire)
    return [step.note for step in steps]


def normalise_answers(
    assessment: Assessment, questionnaire: Questionnaire, source: Source | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Answers in stored form, and a problem for each answer that does not fit its question."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    file = source.file if source else "assessment"
    answers = assessment.answers
    if assessment.questionnaire.version != questionnaire.version:
        answers, _ = migrate(answers, assessment.questionnaire.version, questionnaire)
    for qid, answer in answers.items():
        loc = ("answers", qid)
        question = questionnaire.questions.get(qid)
        line = source.line_of(loc) if source else None
        if question is None:
            problems.append(
                Problem(
                    file,
                    line,
                    f"answer to '{qid}', which is not a question of "
                    f"{questionnaire.id} {questionnaire.version}; it is kept but not scored",
                )
            )
            continue
        try:
            values[qid] = normalise(question, answer.value)
        except ValueError as exc:  # kept in the record, named with its label, not scored
            wrong = WrongAnswer(qid, question.text, str(exc))
            problems.append(Problem(file, line, wrong.flagged("en"), wrong.flagged("sv")))
    return values, problems

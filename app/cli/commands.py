"""`bka validate`, `articles`, `cases` and `score`: the shipped content and scoring."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.registry import help_of
from app.core import verdict
from app.core.document.evidence import checklist_title
from app.core.errors import LoadError, Problem
from app.core.loading import (
    load_assessment,
    migration_notes,
    normalise_answers,
    unknown_answers,
)
from app.core.models.scorecard import Scorecard
from app.core.numbers import number, percent
from app.core.review_gate import approval_line as review_state
from app.core.scoring import decision_text
from app.core.scoring import score as compute_score
from app.core.text import LANGUAGES, as_mapping, tr
from app.services import checking
from app.services.review_approval import standing_of
from app.services.shipped import cases as shipped_cases
from app.services.shipped import catalog as shipped_catalog


def register(sub: Any) -> None:
    p = sub.add_parser("validate", help=help_of("validate"))
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all shipped)")
    p.set_defaults(handler=validate)

    p = sub.add_parser("articles", help=help_of("articles"))
    p.add_argument("--json", action="store_true", help="a JSON array for machines")
    p.add_argument("--lang", choices=["sv", "en"], default="sv")
    p.set_defaults(handler=articles)

    p = sub.add_parser("cases", help=help_of("cases"))
    p.add_argument("--json", action="store_true", help="a JSON array for machines")
    p.add_argument("--lang", choices=["sv", "en"], default="sv")
    p.set_defaults(handler=cases)

    p = sub.add_parser("score", help=help_of("score"))
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
    p.add_argument("--lang", choices=["sv", "en"], default=None)
    p.add_argument("--data-dir", type=Path, default=None,
                   help="the installation whose recorded review approvals count (default: the "
                   "data folder); an approval the file states about itself never does")
    p.set_defaults(handler=score)


def _emit(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _fail(problems: list[Any], code: int) -> int:
    for problem in problems:  # Swedish first, English under it, where the catalogue has it
        print(problem.both() if isinstance(problem, Problem) else problem, file=sys.stderr)
    return code


def validate(args: argparse.Namespace) -> int:
    report = checking.validate_paths(args.paths) if args.paths else checking.validate_shipped()
    if report.problems:
        _fail(report.problems, 1)
        print(
            f"{len(report.problems)} problem(s) found; checked {checking.summary(report)}",
            file=sys.stderr,
        )
        return 1
    print(f"OK: {checking.summary(report)} checked, no problems")
    return 0


def articles(args: argparse.Namespace) -> int:
    try:
        library = shipped_catalog().library
    except LoadError as exc:
        return _fail(exc.problems, 1)
    if args.json:
        _emit(
            [
                {
                    "number": a.number,
                    "title": as_mapping(a.title, LANGUAGES),
                    "summary": as_mapping(a.summary, LANGUAGES),
                    "clusters": a.clusters,
                    "principle": a.principle,
                    "prompts": [p.model_dump() for p in a.prompts],
                }
                for a in library.articles
            ]
        )
        return 0
    for a in library.articles:
        mark = " *" if a.principle else ""
        print(f"{a.number:>2}  {tr(a.title, args.lang)}{mark}")
    note = "* = allmän princip" if args.lang == "sv" else "* = general principle"
    print(f"\n{note}")
    return 0


def cases(args: argparse.Namespace) -> int:
    try:
        items = shipped_cases()
    except LoadError as exc:
        return _fail(exc.problems, 1)
    if args.json:
        _emit(
            [
                {
                    "id": c.id,
                    "title": as_mapping(c.title, LANGUAGES),
                    "summary": as_mapping(c.summary, LANGUAGES),
                    "questionnaire": c.questionnaire,
                    "key_articles": c.key_articles,
                    "duration_minutes": c.duration_minutes,
                }
                for c in items
            ]
        )
        return 0
    for c in items:
        print(
            f"{c.id:<28} {tr(c.title, args.lang)}  ({tr(c.level, args.lang)}, "
            f"{c.duration_minutes} min, {c.questionnaire})"
        )
    return 0


def score(args: argparse.Namespace) -> int:
    try:
        assessment, source = load_assessment(args.file)
        cat = shipped_catalog()
    except LoadError as exc:
        return _fail(exc.problems, 2)
    q = cat.questionnaire(assessment.questionnaire.id)
    if q is None:
        return _fail(
            [
                source.problem(
                    ("questionnaire", "id"),
                    "unknown questionnaire "
                    f"'{assessment.questionnaire.id}'; shipped: {', '.join(cat.questionnaires)}",
                )
            ],
            2,
        )
    values, problems = normalise_answers(assessment, q, source)
    unknown = set(unknown_answers(assessment, q))
    notes = [p for p in problems if any(f"'{qid}'" in p.message for qid in unknown)]
    broken = [p for p in problems if p not in notes]
    if broken:
        return _fail(broken, 2)
    lang = args.lang or assessment.language
    if assessment.questionnaire.version != q.version:
        print(
            f"note: answers were given to version {assessment.questionnaire.version}; "
            f"scored with version {q.version}",
            file=sys.stderr,
        )
        for note in migration_notes(assessment, q):
            print(f"note: {tr(note, lang)}", file=sys.stderr)
    for problem in notes:
        print(f"note: {problem}", file=sys.stderr)
    d = assessment.decision
    card = compute_score(q, values, cat.library, decision_text(d.title, d.description),
                         d.decision_date, cat.law, cat.references,
                         review=standing_of(assessment, folder=args.data_dir))
    if args.json:
        data = card.model_dump(mode="json")
        data["unknown_answers"] = sorted(unknown)
        _emit(data)
    else:
        print(format_scorecard(card, lang, q))
    return 1 if unknown else 0


def format_scorecard(card: Scorecard, lang: str, q: Any) -> str:
    sv = lang == "sv"
    lines = []
    if card.kind == "screening":
        lines.append(f"Screening: {verdict.s('screening', lang)}")
        lines.append(f"{verdict.s('screening_reason', lang)}: {card.screening_reason or '–'}")
    else:
        lines += _level_lines(card, lang, q)
    lines += _flag_lines(card, lang)
    hollow = verdict.hollow_list(card, q, lang)
    if hollow:
        lines += ["", f"{verdict.s('hollow_list', lang)}: {hollow}"]
    if card.missing:
        lines.append("")
        title = "Obligatoriska frågor utan svar" if sv else "Required questions unanswered"
        lines.append(f"{title}: {', '.join(q.numbering[m] + ' ' + m for m in card.missing)}")
    if card.review:
        lines += ["", f"{checklist_title(lang)}:"]
        lines += [f"  - {tr(item.text, lang)}" for item in card.review]
    return "\n".join(lines)


def _level_lines(card: Scorecard, lang: str, q: Any) -> list[str]:
    sv = lang == "sv"
    c = card.conclusion
    lines = []
    if c is not None:
        note = verdict.motivation_note(card, lang)
        lines.append(f"{verdict.conclusion_question(q, lang)} {verdict.outcome_text(card, lang)}"
                     + (f" ({note})" if note else ""))
    level = tr(card.level.label, lang) if card.level else "–"
    lines.append(f"{'Nivå' if sv else 'Level'}: {level} ({number(card.overall, lang)}/100)")
    cap = verdict.cap_sentence(card, lang)
    if cap:
        lines.append(cap)
    lines.append(review_state(card.reviewed, lang))
    lines.append(
        f"{'Processkvalitet' if sv else 'Process quality'}: "
        f"{number(card.process_quality, lang)}/100"
    )
    lines.append(
        f"{'Fullständighet' if sv else 'Completeness'}: {percent(card.completeness, lang)} "
        f"({card.required_answered}/{card.required_visible})"
    )
    balance = (
        f"{number(card.balance, lang, 2, sign=True)} {tr(card.balance_label, lang)}"
        if card.balance is not None else "–"
    )
    lines.append(f"{'Påverkansbalans' if sv else 'Impact balance'}: {balance}")
    lines.append(f"{verdict.s('weakened', lang)}: {verdict.changes(card.weakened, lang)}")
    lines.append(f"{verdict.s('strengthened', lang)}: {verdict.changes(card.strengthened, lang)}")
    lines.append("")
    lines.append(
        f"{'Artikel' if sv else 'Article':<8}{'Kort' if sv else 'Short':>7}"
        f"{'Lång' if sv else 'Long':>7}{'Samlad' if sv else 'Combined':>10}"
    )
    for a in card.articles:
        combined = number(a.combined, lang, 2, sign=True) if a.combined is not None else "–"
        lines.append(f"{a.number:<8}{_r(a.short):>7}{_r(a.long):>7}{combined:>10}")
    return lines


def _flag_lines(card: Scorecard, lang: str) -> list[str]:
    if not card.flags:
        return []
    lines = ["", "Brister och varningar:" if lang == "sv" else "Findings:"]
    for f in sorted(card.flags, key=lambda f: f.severity != "serious"):
        held = f" [{verdict.s('holds_level', lang)}]" if f.id in card.capped_by else ""
        where = f" ({f.question})" if f.question else ""
        lines.append(f"  [{f.severity}]{held} {tr(f.message, lang)}{where}")
        if f.details:
            lines.append(f"      {verdict.s('where', lang)}: {', '.join(f.details)}")
    return lines


def _r(value: Any) -> str:
    if value is None:
        return "–"
    if value == "unknown":
        return "?"
    return f"{value:+d}"

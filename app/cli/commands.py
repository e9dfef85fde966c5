"""What each `bka` command does; app.cli.main only wires them to arguments."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any

from app.core import verdict
from app.core.document.evidence import checklist_title
from app.core.errors import LoadError
from app.core.loading import (
    load_assessment,
    migration_notes,
    normalise_answers,
    unknown_answers,
)
from app.core.models.scorecard import Scorecard
from app.core.numbers import number, percent
from app.core.scoring import decision_text
from app.core.scoring import score as compute_score
from app.core.text import LANGUAGES, as_mapping, tr
from app.services import checking
from app.services.paths import ROOT
from app.services.shipped import cases as shipped_cases
from app.services.shipped import catalog as shipped_catalog


def _emit(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _fail(problems: list[Any], code: int) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
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
                         d.decision_date)
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
        lines.append(f"  [{f.severity}]{held} {tr(f.message, lang)} ({f.question})")
        if f.details:
            lines.append(f"      {verdict.s('where', lang)}: {', '.join(f.details)}")
    return lines


def _r(value: Any) -> str:
    if value is None:
        return "–"
    if value == "unknown":
        return "?"
    return f"{value:+d}"


def serve(args: argparse.Namespace) -> int:
    env = dict(os.environ)
    if args.data_dir:
        env["BKA_DATA_DIR"] = str(args.data_dir.resolve())
    if getattr(args, "database_url", None):
        env["BKA_DATABASE_URL"] = args.database_url
    if getattr(args, "roles", None):
        env["BKA_ROLES_FILE"] = str(args.roles.resolve())
    if env.get("BKA_DATABASE_URL", "").strip():
        # Reached and its schema brought up to date now, so a wrong address or password is
        # one message here (main() prints a StoreError, exit 2), not an error in every page.
        from app.store.postgres.store import PostgresAssessmentStore

        store = PostgresAssessmentStore(env["BKA_DATABASE_URL"].strip())
        print(f"bka serve: data in the database {store.location}", file=sys.stderr)
    address = "0.0.0.0" if args.lan else "127.0.0.1"
    if args.lan:
        print(
            "VARNING: appen tar nu emot anslutningar på alla nätverkskort. Alla på det här "
            "nätverket kan öppna den och läsa det som är sparat. Använd det bara för en workshop "
            "med påhittade fall, aldrig med personuppgifter.\n"
            "WARNING: the app now listens on every network interface. Anyone on this "
            "network can open it and read what is stored. Use it only for a workshop with "
            "fictional cases, never with personal data.",
            file=sys.stderr,
        )
    command = [
        sys.executable,
        "-m",
        "app.ui.launch",  # Streamlit's own command line, with its public-IP lookup off
        "run",
        str(ROOT / "app" / "ui" / "main.py"),
        "--server.address",
        address,
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    if getattr(args, "secrets", None):
        secrets = args.secrets.resolve()
        if not secrets.is_file():
            print(f"bka serve: {args.secrets}: no such file", file=sys.stderr)
            return 2
        command += ["--secrets.files", str(secrets)]
    if os.name == "posix":
        # Become the server (exec, same PID) rather than start it as a child: a service
        # manager or an operator who stops this PID then stops the server, and nothing is
        # left listening on the port. A parent forwarding signals would miss SIGKILL.
        sys.stdout.flush()
        sys.stderr.flush()
        os.chdir(ROOT)
        os.execve(sys.executable, command, env)
    return subprocess.call(command, env=env, cwd=ROOT)  # Windows: no exec; Ctrl+C reaches both

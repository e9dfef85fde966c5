"""Weak assessments written by people who had not read the scoring rules, and honest controls.

Each round of tests/corpus/redteam/ holds the files as written (first line `# defect:` or
`# control:`), and for files of an older questionnaire version a `.filled.yaml` beside them:
the questions new since then answered as the file's own text says, nothing else changed. A weak
file must be held below the top level in both forms, and the filled form must raise the finding
that names its defect (`# expect:`), so that it is not caught merely because new questions are
blank. A control keeps the top level once its new questions are answered and a reviewer's approval
is recorded through the store (the top is earned with a reviewer); a weak file stays below the
top even with an approval: the checks hold it, not the missing reviewer.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from helpers import approved_review

from app.core import lifecycle as life
from app.core import measure_facts
from app.core.loading import load_assessment, normalise_answers
from app.core.migration import migrate
from app.core.models.approval import ReviewStanding
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.services import review_approval
from app.services.shipped import catalog
from app.store.tinydb_store import TinyDBAssessmentStore

ROOT = Path(__file__).parent / "corpus" / "redteam"
OPEN = Path(__file__).parent / "corpus" / "redteam-open"
FILES = sorted(ROOT.glob("round*/*.yaml"))
TOP = "thorough"
REVIEWER = "Granskare Gunnel Ek"
NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def header(path: Path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    kind = re.search(r"^# (defect|control):", text, re.MULTILINE)
    assert kind, f"{path.name} lacks '# defect:' or '# control:'"
    expect = re.search(r"^# expect: (.*)$", text, re.MULTILINE)
    names = [e.strip() for e in expect.group(1).split(",")] if expect else []
    return kind.group(1), [n for n in names if n != "control"]


def scored(path: Path, review: ReviewStanding | None = None) -> Scorecard:
    cat = catalog()
    assessment, source = load_assessment(path)
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None
    values, problems = normalise_answers(assessment, q, source)
    assert problems == [], problems
    d = assessment.decision
    return score(q, values, cat.library, decision_text(d.title, d.description), d.decision_date,
                 cat.law, cat.references, review=review)


def approved_in_store(path: Path, folder: Path) -> ReviewStanding:
    """The file stored, sent to a named reviewer, each generated question ticked, approved:
    the standing the store then holds for it."""
    store = TinyDBAssessmentStore(folder)
    assessment, _ = load_assessment(path)
    official = assessment.decision.official or "Handläggaren"
    new = store.create(assessment.model_copy(update={"id": None, "status": "complete"}),
                       editor=official)
    aid = new.id or ""
    sent = store.update(aid, lambda a: life.send_for_review(a, REVIEWER, official, NOW),
                        editor=official)
    questions = review_approval.review_questions(sent, catalog())
    review_approval.approve(store, aid, REVIEWER, "Granskad.", [(True, "")] * len(questions),
                            catalog(), NOW)
    return review_approval.standing_of(store.get(aid), store)


def test_every_round_has_weak_files_and_controls() -> None:
    """A round's controls are held here; its weak files are here once a rule holds them, or
    still open in tests/corpus/redteam-open/ (a round no rule answers yet has them all there)."""
    assert FILES, "no red-team files"
    for folder in sorted({p.parent for p in FILES}):
        kinds = [header(p)[0] for p in folder.glob("*.yaml")]
        kinds += [header(p)[0] for p in (OPEN / folder.name).glob("*.yaml")]
        assert "defect" in kinds and "control" in kinds, folder.name


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_weak_files_are_held_below_the_top_and_controls_keep_it(path: Path,
                                                                tmp_path: Path) -> None:
    kind, expected = header(path)
    unapproved = scored(path)
    assert unapproved.level is not None and unapproved.level.id != TOP
    filled = path.name.endswith(".filled.yaml") or not (
        path.with_name(path.stem + ".filled.yaml").exists())
    # a weak file is held by the checks, even once a reviewer approved it
    card = scored(path, approved_review() if kind == "defect" or not filled
                  else approved_in_store(path, tmp_path / "data"))
    assert card.level is not None
    if kind == "defect":
        assert card.level.id != TOP, f"{path.name} reached the top level"
        if filled:
            raised = {f.id for f in card.flags}
            assert set(expected) <= raised, f"missing {set(expected) - raised}; raised {raised}"
            # held by the defect's finding, by what it takes away (an answer copied from
            # elsewhere is no account of who was heard), or by the points it cost
            assert (set(card.capped_by) - {"review_needed"}) or card.points_level == card.level
    elif filled:
        assert card.level.id == TOP, (card.level.id, [f.id for f in card.flags])
        assert not card.serious, [f.id for f in card.serious]


FILLED = sorted(ROOT.glob("round*/*.filled.yaml"))


@pytest.mark.parametrize("path", FILLED, ids=[f"{p.parent.name}/{p.stem}" for p in FILLED])
def test_a_filled_file_keeps_every_answer_of_the_original(path: Path) -> None:
    """Filling in the new questions changes nothing the writer wrote (beyond what the
    product's own migration steps read differently): the catch is fair."""
    source = path.with_name(path.name.replace(".filled", ""))
    original = yaml.safe_load(source.read_text("utf-8"))
    filled = yaml.safe_load(path.read_text("utf-8"))
    assert filled["decision"] == original["decision"]
    assessment, _ = load_assessment(source)
    q = catalog().questionnaire(assessment.questionnaire.id)
    assert q is not None and filled["questionnaire"]["version"] == q.version
    migrated, _ = migrate(assessment.answers, assessment.questionnaire.version, q)
    for key, answer in migrated.items():
        value = {"value": answer.value, "comment": answer.comment} if answer.comment \
            else answer.value
        if key == "measures":
            measures = filled["answers"][key]
            # only what they address and their facts (decided, funded, ...) added; a measure
            # may name the group its own text says it is for, never lose what it named
            added = {"addresses", *measure_facts.KEYS}
            for given, kept in zip(value, measures, strict=True):
                before, after = given.get("addresses"), kept.get("addresses")
                if before is not None:
                    extra = set(after or []) - set(before)
                    assert set(before) <= set(after or []), (before, after)
                    assert not any(str(x).isdigit() for x in extra), extra
                assert {k: v for k, v in kept.items() if k not in added} == \
                    {k: v for k, v in given.items() if k not in added}
        else:
            assert filled["answers"][key] == value, key


OPEN_FILES = sorted(p for r in ("round7", "round8", "round9")  # measured
                    for p in (OPEN / r).glob("*.yaml"))


@pytest.mark.parametrize("path", OPEN_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in OPEN_FILES])
def test_open_round_controls_keep_the_top_with_a_reviewer(path: Path, tmp_path: Path) -> None:
    """The measured rounds' files no rule answers yet: without a reviewer no file reaches the
    top; the honest controls reach it once a reviewer's approval is recorded through the store,
    with no serious finding, so the checks stay fair to honest work."""
    kind, _ = header(path)
    unapproved = scored(path)
    assert unapproved.level is not None and unapproved.level.id != TOP
    # written against an earlier version, a file's new questions read as unanswered: it is
    # held by that ('not answered'), never by a contradiction it could not have written
    held = set(unapproved.capped_by)
    assert "review_needed" in held or held <= {"required_missing", "measure_facts_unanswered"}, held
    if kind == "control":
        card = scored(path, approved_in_store(path, tmp_path / "data"))
        assert card.level is not None and card.level.id == TOP, [f.id for f in card.flags]
        assert not card.serious, [f.id for f in card.serious]

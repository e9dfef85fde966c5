"""The council overview counted by the facts index (GROUP BY, app/store/facts/) gives the
figures app/core/dashboard.overview gives from the same facts: one per decision (copies and
superseded drafts set aside), follow-ups apart with the measures of the latest, the status,
committee and date filters. Facts of many shapes, written one save at a time and in bulk."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from app.core.dashboard import CaseFacts, Measure, overview
from app.store.facts import counts
from app.store.facts.local import LocalFacts
from app.store.facts.rows import Fact, labels_of

TODAY = dt.date(2027, 6, 1)
STAMP = "stamp-1"


def cases(n: int, rng: random.Random) -> list[CaseFacts]:
    out: list[CaseFacts] = []
    for i in range(n):
        kind = rng.choice(["assessment", "assessment", "screening"])
        copy_of = follow_up_of = None
        case = rng.choice(["", f"BUN 2026/{rng.randrange(8)}", f"bun  2026/{rng.randrange(8)}"])
        if out and rng.random() < 0.25:
            source = rng.choice(out)
            if source.follow_up_of is None and rng.random() < 0.5:
                copy_of = source.id
                case = rng.choice(["", source.case_number, "KS 2027/1"])
            elif source.follow_up_of is None:
                follow_up_of = source.id
        out.append(CaseFacts(
            id=f"a{i:03d}", title=f"Ärende {i}", case_number=case,
            committee=rng.choice(["BUN", "SN", "Kultur nämnd"]),
            date=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(900)),
            status=rng.choice(["draft", "complete", "in_review", "approved", "decided",
                               "followed_up"]),
            kind=kind, level=None if kind == "screening" else rng.choice(["low", "mid", "high"]),
            level_label=None if kind == "screening" else {"sv": "nivå", "en": "level"},
            heard_directly=rng.random() < 0.4,
            weakened=rng.sample(range(1, 12), rng.randrange(3)),
            strengthened=rng.sample(range(1, 12), rng.randrange(3)),
            findings=rng.sample(["f1", "f2", "f3"], rng.randrange(3)),
            finding_labels={"f1": "ett", "f2": "två", "f3": "tre"},
            departs=rng.random() < 0.2, outcome=rng.choice([None, "against"]),
            departure="skäl", copy_of=copy_of, follow_up_of=follow_up_of,
            follow_up=rng.choice([None, TODAY - dt.timedelta(days=3), TODAY]),
            measures=[Measure(what=f"m{k}", who="x", due=rng.choice(
                [None, TODAY - dt.timedelta(days=k + 1), TODAY + dt.timedelta(days=5)]),
                status=rng.choice(["planned", "ongoing", "done", "cancelled"]))
                for k in range(rng.randrange(3))]))
    for c in out:  # labels as the core keeps them: only for the findings raised
        c.finding_labels = {k: v for k, v in c.finding_labels.items() if k in c.findings}
    return out


def fact(c: CaseFacts, revision: int = 1) -> Fact:
    return Fact(id=c.id, revision=revision, facts=c, stamp=STAMP, labels=labels_of(c))


def index(tmp_path: Path, revisions: dict[str, int]) -> LocalFacts:
    @contextlib.contextmanager
    def guard() -> Iterator[Mapping[str, int]]:
        yield revisions

    return LocalFacts(tmp_path, guard)


FILTERS = [dict(statuses=None), dict(), dict(statuses=("draft", "complete")),
           dict(statuses=None, committees=["BUN", "Kultur  nämnd"]),
           dict(statuses=None, start=dt.date(2025, 6, 1), end=dt.date(2026, 6, 1))]


def same(facts: LocalFacts, every: list[CaseFacts]) -> None:
    for f in FILTERS:
        want = overview(every, TODAY, **f)  # type: ignore[arg-type]
        with facts.reading() as ex:
            got = counts.count(ex, STAMP, TODAY, **f)  # type: ignore[arg-type]
        assert got.model_dump() == want.model_dump(), f


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counted_by_the_index_as_by_the_core_saved_one_by_one(tmp_path: Path,
                                                              seed: int) -> None:
    every = cases(120, random.Random(seed))
    facts = index(tmp_path, {c.id: 1 for c in every})
    for c in every:  # as saves do: each written and linked at once
        facts.saved([fact(c)])
    same(facts, every)
    # a change moves a case to another decision and status; the trash takes one out
    rng = random.Random(seed + 10)
    for c in rng.sample(every, 15):
        c.case_number = rng.choice(["", "BUN 2026/1"])
        c.status = rng.choice(["draft", "decided"])
        facts.saved([fact(c, 2)])
    gone = rng.sample([c for c in every], 10)
    facts.dropped([c.id for c in gone])
    same(facts, [c for c in every if c not in gone])


def test_counted_by_the_index_as_by_the_core_built_in_bulk(tmp_path: Path) -> None:
    every = cases(300, random.Random(7))
    facts = index(tmp_path, {c.id: 1 for c in every})
    facts.put([fact(c) for c in reversed(every)])  # sources after copies: linked at the end
    facts.link_all()
    same(facts, every)


def test_rows_of_other_questionnaires_are_not_counted_and_are_listed_to_score(
        tmp_path: Path) -> None:
    scored = cases(20, random.Random(3))
    earlier = [c.model_copy(update={"id": "b" + c.id[1:], "copy_of": None,
                                    "follow_up_of": None})
               for c in cases(20, random.Random(4))]  # scored with other questionnaires
    facts = index(tmp_path, {c.id: 1 for c in scored + earlier})
    facts.saved([fact(c) for c in scored + earlier])
    facts.saved([Fact(id=c.id, revision=1, facts=c, stamp="stamp-0") for c in earlier])
    assert facts.stale(STAMP) == sorted(c.id for c in earlier)
    with facts.reading() as ex:
        assert counts.counted(ex, STAMP) == 20
    same(facts, scored)  # one per decision among the rows scored alike


def test_an_older_revision_never_replaces_a_newer_one(tmp_path: Path) -> None:
    c = cases(1, random.Random(1))[0]
    facts = index(tmp_path, {c.id: 2})
    facts.saved([fact(c.model_copy(update={"title": "ny"}), 2)])
    facts.saved([fact(c.model_copy(update={"title": "gammal"}), 1)])
    with facts.reading() as ex:
        assert ex.rows("SELECT title, revision FROM overview_facts") == [("ny", 2)]

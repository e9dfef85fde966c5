"""A store of many assessments with their council-overview facts, filled in minutes.

Scoring is what makes a real first build slow (each assessment is scored against its
questionnaire), so a hundred thousand are made from a few hundred distinct ones:

1. `bases`: a few hundred distinct assessments (the shipped examples of both assessment
   questionnaires, each with about a third of its choice and multi questions answered
   anew from the question's own options, a planned decision date or none, its own title).
2. `replicas`: `count` assessments, each a base with a new id, case number, committee,
   unit, status (every status the app knows), creation and change dates and, once decided,
   a committee decision of its own (date, outcome, a departure now and then).
3. `Derived.fact`: a replica's facts are app/core/dashboard.facts() of the replica itself
   with the scorecard of an assessment scored in full that has the same answers, decision
   text, planned date and review standing (the only inputs of the scorecard): the first
   replica of each base and standing is scored in full, the others reuse its card.
4. The records and their facts rows go in through the stores' own bulk paths: locally
   store_imported (the store's files, journals and the index's list rows, written as the
   store writes them) and the index's own put/link_all (what a build writes); in
   PostgreSQL the assessment and revision rows in bulk (bench_postgres.fill_postgres,
   executemany per transaction of 2,000), the facts through the index's put/link_all.

`check` then scores a random sample of stored replicas in full (dashboard_facts.fact_of, as
a save does) and compares with their stored facts, and compares the board the page shows
(app/services/dashboard.board) with a count made directly from the replicas' facts.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.catalog import Catalog
from app.core.dashboard import STATUS_ORDER, Scored, facts, scored
from app.core.models.assessment import Answer, Assessment, Ownership
from app.core.models.lifecycle import CommitteeDecision, Review
from app.core.review_gate import standing
from app.services import dashboard_facts
from app.services.dashboard import board
from app.services.shipped import catalog as shipped_catalog
from app.store import AssessmentStore, TinyDBAssessmentStore
from app.store.edits import settle
from app.store.facts import counts, sql
from app.store.facts.rows import Fact, key_rows, label_rows, main_row, measure_rows
from app.store.facts.sql import chunks
from bench.bench_store import COMMITTEES, PLACES, SUBJECTS, templates

BASES = 300  #: distinct assessments scored in full (with each review standing they meet)
UNITS = ["Förskola Norr", "Förskola Söder", "Grundskola", "Gymnasiet", "Socialtjänsten",
         "Gatukontoret", "Fritid", "Planenheten"]
PREFIXES = {"Barn- och utbildningsnämnden": "BUN", "Socialnämnden": "SN",
            "Tekniska nämnden": "TN", "Kultur- och fritidsnämnden": "KFN",
            "Kommunstyrelsen": "KS", "Miljö- och byggnämnden": "MBN"}
START = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
SPAN_MINUTES = 60 * 24 * 365 * 6  # created over six years


def bases(catalog: Catalog, rng: random.Random, n: int = BASES) -> list[Assessment]:
    """`n` distinct assessments made from the shipped examples."""
    found = templates(False)
    out = []
    for i in range(n):
        template = found[i % len(found)]
        q = catalog.questionnaire(template.questionnaire.id)
        answers = dict(template.answers)
        for qid, question in (q.questions.items() if q else ()):
            options = question.option_values
            if not options or rng.random() > 0.35:
                continue
            if question.type == "choice":
                answers[qid] = Answer(value=rng.choice(options))
            elif question.type == "multi":
                answers[qid] = Answer(value=rng.sample(options, rng.randint(0, len(options))))
        planned = (None if rng.random() < 0.3 else
                   dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 6)))
        decision = template.decision.model_copy(update={
            "title": rng.choice(SUBJECTS).format(p=rng.choice(PLACES)) + f" ({i + 1})",
            "decision_date": planned})
        out.append(template.model_copy(update={"answers": answers, "decision": decision}))
    return out


def replicas(count: int, found: Sequence[Assessment], rng: random.Random,
             ) -> Iterator[tuple[int, Assessment]]:
    """`count` replicas, each with the index of its base: the base with a new id, case
    number, committee, owner and unit, status, dates and committee decision (what the
    overview reads apart from the scorecard)."""
    ids: set[str] = set()
    for n in range(count):
        while (new_id := f"{rng.getrandbits(32):08x}") in ids:
            pass
        ids.add(new_id)
        b = rng.randrange(len(found))
        base = found[b]
        created = START + dt.timedelta(minutes=rng.randrange(0, SPAN_MINUTES))
        status = rng.choice(STATUS_ORDER)
        committee = rng.choice(COMMITTEES)
        decided = None
        if status in ("decided", "followed_up"):
            departs = rng.random() < 0.08
            decided = CommitteeDecision(
                date=created.date() + dt.timedelta(days=rng.randrange(20, 120)),
                outcome=rng.choice(["as_proposed", "as_proposed", "changed", "rejected"]),
                departs=departs, departure="Nämnden valde en annan väg." if departs else "",
                paragraph=f"§ {rng.randrange(1, 200)}")
        yield b, base.model_copy(update={
            "id": new_id, "status": status, "created": created,
            "updated": created + dt.timedelta(days=rng.randrange(0, 90)),
            "revision": rng.randrange(1, 30), "committee_decision": decided,
            "review": Review(reviewer="Granskare Berg") if status == "in_review" else Review(),
            "ownership": Ownership(name=f"Handläggare {n % 97}", unit=rng.choice(UNITS),
                                   shared=rng.random() < 0.5),
            "decision": base.decision.model_copy(update={
                "committee": committee,
                "case_number": f"{PREFIXES[committee]} {created.year}/{n + 1}"})})


@dataclass
class Derived:
    """Facts of replicas from the scorecards of their bases (see the module's text)."""

    catalog: Catalog
    cards: dict[tuple[int, str], Scored | None] = field(default_factory=dict)

    def fact(self, base: int, replica: Assessment) -> Fact:
        # The bench's stores record no approvals: the standing is the one the app computes
        # from the assessment alone (an approved status without a record holds the top back).
        review = standing(replica, [])
        key = (base, review.model_dump_json())
        if key not in self.cards:  # the first of its kind: scored in full, as a save scores
            self.cards[key] = scored(replica, self.catalog, review)
        card = self.cards[key]
        case = facts(replica, *card) if card is not None else None
        return dashboard_facts.as_fact(replica.id or "", replica.revision, case, self.catalog)

    @property
    def scored_in_full(self) -> int:
        return len(self.cards)


@dataclass
class Filled:
    """What a fill wrote: the count made directly from the facts as derived (assessments,
    screenings included, per committee and year over every status: each replica has a
    case number of its own and no copy or follow-up, so each is a decision of its own),
    how many were scored in full, the seconds it took, and a few ids to check."""

    groups: Counter[tuple[str, int]] = field(default_factory=Counter)
    scored_in_full: int = 0
    seconds: float = 0.0
    sample: list[str] = field(default_factory=list)

    def add(self, facts: Sequence[Fact], rng: random.Random) -> None:
        self.groups.update((f.facts.committee, f.facts.date.year) for f in facts
                           if f.facts is not None)
        self.sample += rng.sample([f.id for f in facts], min(len(facts), 50))

    def save(self, path: Path) -> None:
        """Kept beside a kept server, so a later run can check against it without filling."""
        path.write_text(json.dumps({
            "groups": [[c, y, n] for (c, y), n in self.groups.items()],
            "scored_in_full": self.scored_in_full, "seconds": self.seconds,
            "sample": self.sample}))

    @classmethod
    def load(cls, path: Path) -> Filled:
        data = json.loads(path.read_text())
        return cls(Counter({(c, y): n for c, y, n in data["groups"]}),
                   data["scored_in_full"], data["seconds"], data["sample"])

    def summary(self, count: int) -> str:
        return (f"{count:,} assessments filled in {self.seconds:.0f} s: {BASES} distinct "
                f"ones replicated with new ids, case numbers, committees, units, statuses, "
                f"dates and committee decisions; facts = app.core.dashboard.facts() of each "
                f"replica with the scorecard of its base ({self.scored_in_full} scored in "
                f"full, one per base and review standing), written through the store's bulk "
                f"path")


def _work(count: int, seed: int) -> tuple[Catalog, random.Random, list[tuple[int, Assessment]],
                                         Derived]:
    catalog = shipped_catalog()
    rng = random.Random(seed)
    return catalog, rng, list(replicas(count, bases(catalog, rng), rng)), Derived(catalog)


def fill_local(folder: Path, count: int, seed: int, step: int = 25_000) -> Filled:
    """`count` assessments into a new local store at `folder`, with their facts."""
    started = time.perf_counter()
    catalog, rng, work, derived = _work(count, seed)
    store = TinyDBAssessmentStore(folder, durable=False)
    filled = Filled()
    for part in chunks(work, step):
        stored = store.store_imported([a for _, a in part], "bench")  # as settled and stored
        facts = [derived.fact(b, a) for (b, _), a in zip(part, stored, strict=True)]
        store.facts.put(facts)  # what a build writes (link=False), linked once below
        filled.add(facts, rng)
    store.facts.link_all()
    filled.scored_in_full, filled.seconds = derived.scored_in_full, time.perf_counter() - started
    return filled


def fill_server(url: str, count: int, seed: int, step: int = 2000) -> Filled:
    """`count` assessments into the PostgreSQL database at `url` (schema current), their
    rows, revision rows and facts rows in one transaction per `step`."""
    from sqlalchemy import insert

    from app.store.postgres import facts as server_facts
    from app.store.postgres.engine import engine_for
    from app.store.postgres.rows import columns, history_row
    from app.store.postgres.schema import assessments, revisions
    from app.store.records import Revision

    started = time.perf_counter()
    catalog, rng, work, derived = _work(count, seed)
    engine = engine_for(url)
    filled = Filled()
    labels: set[tuple[str, str, str]] = set()
    for part in chunks(work, step):
        rows, history, facts = [], [], []
        for b, a in part:
            stored, body = settle(a.model_dump(mode="json"))  # what get() gives back
            rows.append(columns(stored, body, "bench"))
            history.append(history_row(Revision(assessment_id=stored.id or "",
                                                revision=stored.revision,
                                                at=stored.updated or stored.created,
                                                action="import")))
            facts.append(derived.fact(b, stored))
        with engine.begin() as conn:
            conn.execute(insert(assessments), rows)
            conn.execute(insert(revisions), history)
            copy_facts(conn, facts, labels)
        filled.add(facts, rng)
    store_facts = server_facts.ServerFacts(engine, url)
    store_facts.link_all()
    store_facts.set_complete()
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    filled.scored_in_full, filled.seconds = derived.scored_in_full, time.perf_counter() - started
    return filled


def copy_facts(conn: Any, facts: Sequence[Fact], labels: set[tuple[str, str, str]]) -> None:
    """The facts rows as the store writes them (app/store/facts/rows.py gives the values),
    loaded with COPY in the caller's transaction: what tables.put would insert row by row,
    unlinked (link_all decides `kept` afterwards). A label goes in once per stamp and key,
    the first one seen, as the insert's ON CONFLICT DO NOTHING keeps it."""
    new_labels = []
    for f in facts:
        for r in label_rows(f):
            if (r["stamp"], r["kind"], r["key"]) not in labels:
                labels.add((r["stamp"], r["kind"], r["key"]))
                new_labels.append(r)
    tables = (("overview_facts", (*sql.FACT_COLUMNS, "kept"),
               [{**main_row(f), "kept": 0} for f in facts]),
              ("overview_fact_keys", ("id", "kind", "key"),
               [r for f in facts for r in key_rows(f)]),
              ("overview_fact_measures", ("id", "n", "what", "who", "due", "open"),
               [r for f in facts for r in measure_rows(f)]),
              ("overview_labels", ("stamp", "kind", "key", "label"), new_labels))
    cursor = conn.connection.dbapi_connection.cursor()
    for table, names, rows in tables:
        with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[n] for n in names])


def check(store: AssessmentStore, filled: Filled, folder: Path | None, today: dt.date,
          ) -> str:
    """The facts stored for a sample equal a full scoring of the stored assessment, and the
    board the page shows counts what the facts as derived count; AssertionError if not."""
    catalog = shipped_catalog()
    now = dashboard_facts.stamp(catalog)
    wanted = {i: store.get(i).revision for i in filled.sample}
    with store.facts.reading() as ex:  # type: ignore[attr-defined]
        kept, _ = counts.facts(ex, now, wanted)
    # The labels are kept once per questionnaire set and finding (the index's labels
    # table), so a finding's words come from the first assessment that raised it: compared
    # apart from those, every fact is the one a full scoring gives.
    labels = {"finding_labels", "level_label"}
    by_id = {c.id: c.model_dump(exclude=labels) for c in kept}
    for aid in filled.sample:
        fresh = dashboard_facts.fact_of(store.get(aid), catalog, store).facts
        assert fresh is not None and by_id.get(aid) == fresh.model_dump(exclude=labels), (
            f"the stored facts of {aid} differ from a full scoring")
    shown = board(folder, None, None, today, statuses=None)
    assert shown.building is None, "the overview is still building"
    got = Counter({(g.committee, g.year): g.assessments for g in shown.dashboard.groups})
    assert got == filled.groups and shown.dashboard.total == sum(filled.groups.values()), (
        f"the board counts {shown.dashboard.total}, the facts {sum(filled.groups.values())}")
    return (f"checked: {len(filled.sample)} random replicas scored in full equal their stored "
            f"facts; the board (app.services.dashboard.board) counts "
            f"{shown.dashboard.total:,}, equal per committee and year to a count of the "
            f"facts as derived")

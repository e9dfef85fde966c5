"""The council's overview: how the convention is applied across the municipality.

Two pure steps, so the figures can be checked against assessments whose answers are known:
`facts(assessment, card, q)` reduces one scored assessment to what the overview counts, and
`overview(facts, ...)` counts them per committee and year. The edges (`bka dashboard`, the page)
read the store, score, and print or draw.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from pydantic import BaseModel, Field

from app.core import measure_status
from app.core.catalog import Catalog
from app.core.fact_dates import as_day
from app.core.loading import normalise_answers
from app.core.models.approval import ReviewStanding
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.review_comments import returned
from app.core.scoring import decision_text, score
from app.core.substance import ReferenceText
from app.core.text import Text

#: answers meaning children were heard directly, per questionnaire question
HEARD_DIRECTLY = {"children_heard": "directly", "child_heard": "directly"}
FOLLOW_UP_DATE = "follow_up_date"
NO_COMMITTEE = ""  #: the group of assessments whose committee is not given
#: what the overview counts unless asked otherwise: assessments with a recorded decision
DECIDED = ("decided", "followed_up")
#: statuses in the order an assessment moves through them: the most advanced one of a
#: decision's copies is the one counted
STATUS_ORDER = ("draft", "complete", "in_review", "approved", "decided", "followed_up")
#: the shape of CaseFacts and how they are computed; raise it when either changes, so facts
#: kept between runs (app/services/dashboard_facts.py) are computed again
FACTS_VERSION = 5  # 5: the top level needs a recorded approval


class Measure(BaseModel):
    """One measure of an assessment's action plan."""

    what: str
    who: str
    due: dt.date | None
    status: str  #: planned | ongoing | done | cancelled (app/core/measure_status.py)


class CaseFacts(BaseModel):
    """What the overview counts of one assessment."""

    id: str
    title: str
    case_number: str = ""
    committee: str
    date: dt.date  #: the committee's decision date, else the planned one, else created
    status: str
    kind: str  #: assessment | screening
    level: str | None  #: level id (None for a screening)
    level_label: Text | None = None
    heard_directly: bool
    weakened: list[int]
    strengthened: list[int]
    findings: list[str]  #: ids of the findings raised
    finding_labels: dict[str, Text] = Field(default_factory=dict)  #: not deep-copied
    departs: bool = False  #: the committee's decision departs from the conclusion
    outcome: str | None = None
    departure: str = ""
    measures: list[Measure] = Field(default_factory=list)
    follow_up: dt.date | None = None
    official: str = ""  #: the responsible official (decision.official)
    owner: str = ""  #: the owner's name (login mode; '' locally)
    owner_sub: str = ""  #: the owner's subject id (login mode; '' locally)
    returned: bool = False  #: a draft the reviewer sent back, not yet sent again
    copy_of: str | None = None  #: set on a copy: the id it was copied from
    reviewer: str = ""  #: the named reviewer, while in review
    follow_up_of: str | None = None  #: set on a follow-up: the original's id


class GroupFigures(BaseModel):
    committee: str
    year: int
    assessments: int  #: all, screenings included
    screenings: int
    levels: dict[str, int]  #: level id -> number of full assessments at it
    heard_directly: int  #: full assessments in which children were heard directly
    heard_share: float | None  #: heard_directly / full assessments, 0..1
    departed: int
    follow_ups: int = 0  #: follow-up assessments made in the group (any status)


class Ranked(BaseModel):
    key: str  #: an article number or a finding id
    count: int
    label: Text | None = None


class Overdue(BaseModel):
    id: str
    title: str
    committee: str
    what: str  #: the measure, or '' for a follow-up
    who: str
    due: dt.date


class Departure(BaseModel):
    id: str
    title: str
    committee: str
    date: dt.date
    outcome: str
    departure: str


class Dashboard(BaseModel):
    start: dt.date | None
    end: dt.date | None
    today: dt.date
    #: the statuses counted (by default the decided ones) and the committees ([] = all)
    statuses: list[str] = Field(default_factory=lambda: list(DECIDED))
    committees: list[str] = Field(default_factory=list)
    #: copies and superseded drafts set aside: one decision is counted once
    set_aside: int = 0
    total: int
    groups: list[GroupFigures]
    level_labels: dict[str, Text]
    weakened: list[Ranked]
    strengthened: list[Ranked]
    findings: list[Ranked]
    departures: list[Departure]
    overdue_measures: list[Overdue]
    overdue_follow_ups: list[Overdue]


def facts(assessment: Assessment, card: Scorecard, q: Questionnaire,
          values: dict[str, object]) -> CaseFacts:
    """One scored assessment, reduced to what the overview counts. `values` are its
    normalised answers (as scoring saw them)."""
    d, cd = assessment.decision, assessment.committee_decision
    when = (cd.date if cd else None) or d.decision_date or (
        assessment.created.date() if assessment.created else dt.date.min)
    measures: list[Measure] = []
    for qid, question in q.questions.items():
        if question.type == "actions" and qid in card.visible:
            items = values.get(qid)
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and str(item.get("what") or "").strip():
                    measures.append(Measure(what=str(item["what"]), who=str(item.get("who") or ""),
                                            due=as_day(item.get("due")),
                                            status=str(item.get("status")
                                                       or measure_status.DEFAULT)))
    flags = {f.id: f.message for f in card.flags}
    return CaseFacts(
        id=assessment.id or "", title=d.title, case_number=d.case_number,
        committee=" ".join(d.committee.split()), date=when, status=assessment.status,
        kind=card.kind, level=card.level.id if card.level else None,
        level_label=card.level.label if card.level else None,
        heard_directly=any(values.get(k) == v and k in card.visible
                           for k, v in HEARD_DIRECTLY.items()),
        weakened=[r.number for r in card.weakened],
        strengthened=[r.number for r in card.strengthened],
        findings=list(flags), finding_labels=flags,
        departs=bool(cd and cd.departs), outcome=cd.outcome if cd else None,
        departure=cd.departure if cd else "",
        measures=measures,
        follow_up=as_day(values.get(FOLLOW_UP_DATE)) if FOLLOW_UP_DATE in card.visible else None,
        official=" ".join(d.official.split()),
        owner=" ".join(assessment.ownership.name.split()), owner_sub=assessment.ownership.sub,
        returned=returned(assessment),
        copy_of=assessment.copy_of,
        reviewer=assessment.review.reviewer if assessment.status == "in_review" else "",
        follow_up_of=assessment.follow_up_of,
    )


def _ranked(counter: Counter[str], labels: dict[str, Text] | None = None) -> list[Ranked]:
    # Most often first; ties in a stable order (article number, finding id) so runs agree.
    def order(item: tuple[str, int]) -> tuple[int, int, str]:
        key, count = item
        return (-count, int(key) if key.isdigit() else 0, key)

    return [Ranked(key=k, count=c, label=(labels or {}).get(k))
            for k, c in sorted(counter.items(), key=order)]


def overview(cases: Iterable[CaseFacts], today: dt.date, start: dt.date | None = None,
             end: dt.date | None = None, statuses: Iterable[str] | None = DECIDED,
             committees: Iterable[str] | None = None) -> Dashboard:
    """Count per committee and year, for cases dated start..end (both inclusive), in
    `statuses` (None: every status; by default the decided ones) and `committees` (None or
    empty: all).

    One decision counts once (one_per_decision): a copy and the draft it superseded are one.
    A follow-up assessment is counted as a follow-up of its group, not as an assessment; it
    takes over its original's measures (their status is recorded in the latest follow-up)."""
    every = list(cases)
    kept = one_per_decision(every)
    wanted = set(statuses) if statuses is not None else set(STATUS_ORDER)
    chosen = {" ".join(c.split()) for c in committees or []}
    cases = [c for c in every if (c.follow_up_of or (c.id in kept and c.status in wanted))
             and (not chosen or c.committee in chosen)]
    set_aside = sum(1 for c in every if not c.follow_up_of and c.id not in kept
                    and (not chosen or c.committee in chosen)
                    and not (start and c.date < start) and not (end and c.date > end))
    counted = measure_keepers(cases)
    follow_ups: Counter[tuple[str, int]] = Counter()
    groups: dict[tuple[str, int], list[CaseFacts]] = defaultdict(list)
    weakened_n: dict[int, int] = {}
    strengthened_n: dict[int, int] = {}
    findings: dict[str, int] = {}
    finding_labels: dict[str, Text] = {}
    level_labels: dict[str, Text] = {}
    departures: list[Departure] = []
    overdue_measures: list[Overdue] = []
    overdue_follow_ups: list[Overdue] = []
    total = 0
    for c in cases:
        if (start and c.date < start) or (end and c.date > end):
            continue
        if c.id in counted:
            overdue_measures += _overdue(c, today)
        if c.follow_up_of:
            follow_ups[(c.committee, c.date.year)] += 1
            groups.setdefault((c.committee, c.date.year), [])
            continue
        total += 1
        groups[(c.committee, c.date.year)].append(c)
        # Plain dict counting: Counter.update per case was most of the count at 10,000.
        for n in set(c.weakened):
            weakened_n[n] = weakened_n.get(n, 0) + 1
        for n in set(c.strengthened):
            strengthened_n[n] = strengthened_n.get(n, 0) + 1
        for f in set(c.findings):
            findings[f] = findings.get(f, 0) + 1
            if f not in finding_labels and f in c.finding_labels:
                finding_labels[f] = c.finding_labels[f]
        if c.level and c.level_label is not None:
            level_labels.setdefault(c.level, c.level_label)
        if c.departs:
            departures.append(Departure(id=c.id, title=c.title, committee=c.committee,
                                        date=c.date, outcome=c.outcome or "",
                                        departure=c.departure))
        # A follow-up is overdue when its date has passed and the case is not followed up.
        if c.follow_up and c.follow_up < today and c.status != "followed_up":
            overdue_follow_ups.append(Overdue(id=c.id, title=c.title, committee=c.committee,
                                              what="", who="", due=c.follow_up))
    figures = []
    for (committee, year), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        full = [c for c in items if c.kind != "screening"]
        heard = sum(c.heard_directly for c in full)
        figures.append(GroupFigures(
            committee=committee, year=year, assessments=len(items),
            screenings=len(items) - len(full),
            levels=dict(Counter(c.level for c in full if c.level)),
            heard_directly=heard, heard_share=heard / len(full) if full else None,
            departed=sum(c.departs for c in items),
            follow_ups=follow_ups[(committee, year)]))
    return Dashboard(
        start=start, end=end, today=today, statuses=sorted(wanted, key=STATUS_ORDER.index),
        committees=sorted(chosen), set_aside=set_aside, total=total, groups=figures,
        level_labels=level_labels,
        weakened=_ranked(Counter({str(n): k for n, k in weakened_n.items()})),
        strengthened=_ranked(Counter({str(n): k for n, k in strengthened_n.items()})),
        findings=_ranked(Counter(findings), finding_labels),
        departures=sorted(departures, key=lambda d: (d.date, d.id)),
        overdue_measures=sorted(overdue_measures, key=lambda o: (o.due, o.id, o.what)),
        overdue_follow_ups=sorted(overdue_follow_ups, key=lambda o: (o.due, o.id)),
    )


def _case_key(c: CaseFacts) -> str:
    return " ".join(c.case_number.casefold().split())


def one_per_decision(cases: list[CaseFacts]) -> set[str]:
    """Ids of the cases that stand for a decision: of the assessments that are one decision,
    the one furthest along (then the latest), so a copy or a superseded draft never counts
    twice. One decision: the same committee and case number, or a copy and its source (a copy
    with a case number of its own, other than its source's, is another decision). Follow-ups
    are not decisions of their own and are left out."""
    own = [c for c in cases if not c.follow_up_of]
    by_id = {c.id: c for c in own}
    parent = {c.id: c.id for c in own}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    first_of_case: dict[tuple[str, str], str] = {}
    for c in own:
        if _case_key(c):
            join(c.id, first_of_case.setdefault((c.committee, _case_key(c)), c.id))
        source = by_id.get(c.copy_of or "")
        if source is not None and _case_key(c) in ("", _case_key(source)):
            join(c.id, source.id)
    best: dict[str, CaseFacts] = {}
    for c in own:
        r = root(c.id)
        if r not in best or _rank(c) > _rank(best[r]):
            best[r] = c
    return {c.id for c in best.values()}


def _rank(c: CaseFacts) -> tuple[int, dt.date, str]:
    status = STATUS_ORDER.index(c.status) if c.status in STATUS_ORDER else -1
    return (status, c.date, c.id)


def measure_keepers(cases: list[CaseFacts]) -> set[str]:
    """Ids of the cases whose measures count: an original's measures are carried over to its
    follow-up, where their status is recorded, so the latest follow-up keeps them."""
    latest: dict[str, CaseFacts] = {}
    for c in cases:
        if c.follow_up_of and (c.follow_up_of not in latest or (c.date, c.id) > (
                latest[c.follow_up_of].date, latest[c.follow_up_of].id)):
            latest[c.follow_up_of] = c
    return {c.id for c in cases if (latest[c.follow_up_of] is c if c.follow_up_of
                                    else c.id not in latest)}


def _overdue(c: CaseFacts, today: dt.date) -> list[Overdue]:
    return [Overdue(id=c.id, title=c.title, committee=c.committee, what=m.what, who=m.who,
                    due=m.due)
            for m in c.measures if measure_status.still_to_do(m.status) and m.due is not None
            and m.due < today]


#: what facts() needs of one scored assessment: its scorecard, questionnaire and answers
Scored = tuple[Scorecard, Questionnaire, dict[str, object]]


def scored(a: Assessment, catalog: Catalog, review: ReviewStanding | None = None,
           others: tuple[ReferenceText, ...] = ()) -> Scored | None:
    """One assessment scored against its questionnaire (None: the questionnaire is not
    shipped). The card depends on the answers, the decision's title, description and
    planned date, the review standing and the texts it must not copy; facts() adds what
    the overview reads of the rest (status, committee, dates, the committee's decision)."""
    q = catalog.questionnaire(a.questionnaire.id)
    if q is None:
        return None
    values, _ = normalise_answers(a, q)
    card = score(q, values, catalog.library, decision_text(a.decision.title,
                                                           a.decision.description),
                 a.decision.decision_date, catalog.law, catalog.references + others,
                 review=review)
    return card, q, values


def collect(assessments: Iterable[Assessment], catalog: Catalog,
            reviews: Mapping[str, ReviewStanding] | None = None,
            others: Mapping[str, tuple[ReferenceText, ...]] | None = None,
            ) -> tuple[list[CaseFacts], list[str]]:
    """Score each assessment against its questionnaire; ids whose questionnaire is not
    shipped are returned apart, so the overview can say what it did not count. `reviews`:
    id -> the approval the installation recorded (none: the level stays below the top);
    `others`: id -> other stored assessments' texts its answers must not be copies of."""
    out: list[CaseFacts] = []
    skipped: list[str] = []
    for a in assessments:
        found = scored(a, catalog, (reviews or {}).get(a.id or ""),
                       (others or {}).get(a.id or "", ()))
        if found is None:
            skipped.append(a.id or "")
            continue
        out.append(facts(a, *found))
    return out, skipped

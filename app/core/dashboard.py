"""The council's overview: how the convention is applied across the municipality.

Two pure steps, so the figures can be checked against assessments whose answers are known:
`facts(assessment, card, q)` reduces one scored assessment to what the overview counts, and
`overview(facts, ...)` counts them per committee and year. The edges (`bka dashboard`, the page)
read the store, score, and print or draw.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, Field

from app.core.catalog import Catalog
from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.core.text import Text, tr

#: answers meaning children were heard directly, per questionnaire question
HEARD_DIRECTLY = {"children_heard": "directly", "child_heard": "directly"}
FOLLOW_UP_DATE = "follow_up_date"
NO_COMMITTEE = ""  #: the group of assessments whose committee is not given
#: the shape of CaseFacts and how they are computed; raise it when either changes, so facts
#: kept between runs (app/services/dashboard_facts.py) are computed again
FACTS_VERSION = 3


class Measure(BaseModel):
    """One measure of an assessment's action plan."""

    what: str
    who: str
    due: dt.date | None
    status: str  #: open | done


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
    total: int
    groups: list[GroupFigures]
    level_labels: dict[str, Text]
    weakened: list[Ranked]
    strengthened: list[Ranked]
    findings: list[Ranked]
    departures: list[Departure]
    overdue_measures: list[Overdue]
    overdue_follow_ups: list[Overdue]


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


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
                                            due=_date(item.get("due")),
                                            status=str(item.get("status") or "open")))
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
        follow_up=_date(values.get(FOLLOW_UP_DATE)) if FOLLOW_UP_DATE in card.visible else None,
        official=" ".join(d.official.split()),
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
             end: dt.date | None = None) -> Dashboard:
    """Count per committee and year, for cases dated start..end (both inclusive).

    A follow-up assessment is counted as a follow-up of its group, not as an assessment; it
    takes over its original's measures (their status is recorded in the latest follow-up)."""
    cases = list(cases)
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
        start=start, end=end, today=today, total=total, groups=figures,
        level_labels=level_labels,
        weakened=_ranked(Counter({str(n): k for n, k in weakened_n.items()})),
        strengthened=_ranked(Counter({str(n): k for n, k in strengthened_n.items()})),
        findings=_ranked(Counter(findings), finding_labels),
        departures=sorted(departures, key=lambda d: (d.date, d.id)),
        overdue_measures=sorted(overdue_measures, key=lambda o: (o.due, o.id, o.what)),
        overdue_follow_ups=sorted(overdue_follow_ups, key=lambda o: (o.due, o.id)),
    )


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
            for m in c.measures if m.status != "done" and m.due is not None and m.due < today]


def _cell(text: str) -> str:
    """User text in a spreadsheet cell: a leading = + - @ would make it a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def groups_csv(board: Dashboard, lang: str) -> str:
    """The per-committee table as CSV (semicolons and a BOM: Excel in Swedish opens it)."""
    sv = lang != "en"
    levels = sorted(board.level_labels)
    head = (["Nämnd", "År", "Analyser", "Varav prövningar", "Barn hörda direkt",
             "Andel hörda direkt", "Avvikande beslut", "Uppföljningar"] if sv else
            ["Committee", "Year", "Assessments", "Of which screenings", "Children heard directly",
             "Share heard directly", "Departing decisions", "Follow-ups"])
    head += [tr(board.level_labels[k], lang) for k in levels]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if sv else ",", lineterminator="\r\n")
    writer.writerow(head)
    for g in board.groups:
        share = "" if g.heard_share is None else f"{100 * g.heard_share:.0f}"
        writer.writerow([_cell(g.committee), g.year, g.assessments, g.screenings, g.heard_directly,
                         share, g.departed, g.follow_ups, *[g.levels.get(k, 0) for k in levels]])
    return "\ufeff" + out.getvalue()


def collect(assessments: Iterable[Assessment], catalog: Catalog) -> tuple[list[CaseFacts],
                                                                          list[str]]:
    """Score each assessment against its questionnaire; ids whose questionnaire is not
    shipped are returned apart, so the overview can say what it did not count."""
    out: list[CaseFacts] = []
    skipped: list[str] = []
    for a in assessments:
        q = catalog.questionnaire(a.questionnaire.id)
        if q is None:
            skipped.append(a.id or "")
            continue
        values, _ = normalise_answers(a, q)
        card = score(q, values, catalog.library, decision_text(a.decision.title,
                                                               a.decision.description),
                     a.decision.decision_date)
        out.append(facts(a, card, q, values))
    return out, skipped


# ------------------------------------------------------------------ reminders


#: days ahead in which a measure or a follow-up is "due soon"
SOON_DAYS = 14


class Reminder(BaseModel):
    """Something one person should do: a measure they own, a follow-up, a review."""

    kind: str  #: measure | follow_up | review
    id: str  #: the assessment's id
    title: str
    what: str = ""  #: the measure, for kind measure
    due: dt.date | None = None
    overdue: bool = False


def names(written: str, me: str) -> bool:
    """Whether a name field (an owner, the official) names `me`: the same words, case and
    spaces aside, or `me` followed by a role after a comma or in brackets, as officials
    often write it ('Karin Lund, utredare'). A role alone ('Rektor') names no one."""
    field, name = " ".join(written.casefold().split()), " ".join(me.casefold().split())
    if not name:
        return False
    return field == name or any(field.startswith(name + sep) for sep in (",", " (", " –",
                                                                         " -"))


def reminders(cases: Iterable[CaseFacts], me: str, today: dt.date,
              soon_days: int = SOON_DAYS) -> list[Reminder]:
    """What `me` should see on the start page: open measures they own that are overdue or due
    within `soon_days`; follow-ups due of decided cases whose official they are; assessments
    waiting for their review. Names are compared as typed (case and spaces aside); a measure
    owned by a role ('Rektor') reaches no one by name."""
    if not me.strip():
        return []
    cases = list(cases)
    counted = measure_keepers(cases)
    horizon = today + dt.timedelta(days=soon_days)
    out: list[Reminder] = []
    for c in cases:
        for m in c.measures if c.id in counted else []:
            if m.status != "done" and m.due and m.due <= horizon and names(m.who, me):
                out.append(Reminder(kind="measure", id=c.id, title=c.title, what=m.what,
                                    due=m.due, overdue=m.due < today))
        if (c.follow_up and c.follow_up <= horizon and c.status == "decided"
                and names(c.official, me)):
            out.append(Reminder(kind="follow_up", id=c.id, title=c.title, due=c.follow_up,
                                overdue=c.follow_up < today))
        if c.status == "in_review" and names(c.reviewer, me):
            out.append(Reminder(kind="review", id=c.id, title=c.title))
    return sorted(out, key=lambda r: (not r.overdue, r.due or dt.date.max, r.title, r.what))

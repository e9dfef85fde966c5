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

from pydantic import BaseModel

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
    finding_labels: dict[str, Text] = {}
    departs: bool = False  #: the committee's decision departs from the conclusion
    outcome: str | None = None
    departure: str = ""
    measures: list[Measure] = []
    follow_up: dt.date | None = None


class GroupFigures(BaseModel):
    committee: str
    year: int
    assessments: int  #: all, screenings included
    screenings: int
    levels: dict[str, int]  #: level id -> number of full assessments at it
    heard_directly: int  #: full assessments in which children were heard directly
    heard_share: float | None  #: heard_directly / full assessments, 0..1
    departed: int


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
        heard_directly=any(values.get(k) == v for k, v in HEARD_DIRECTLY.items()),
        weakened=[r.number for r in card.weakened],
        strengthened=[r.number for r in card.strengthened],
        findings=list(flags), finding_labels=flags,
        departs=bool(cd and cd.departs), outcome=cd.outcome if cd else None,
        departure=cd.departure if cd else "",
        measures=measures,
        follow_up=_date(values.get(FOLLOW_UP_DATE)) if FOLLOW_UP_DATE in card.visible else None,
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
    """Count per committee and year, for cases dated start..end (both inclusive)."""
    groups: dict[tuple[str, int], list[CaseFacts]] = defaultdict(list)
    weakened: Counter[str] = Counter()
    strengthened: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    finding_labels: dict[str, Text] = {}
    level_labels: dict[str, Text] = {}
    departures: list[Departure] = []
    overdue_measures: list[Overdue] = []
    overdue_follow_ups: list[Overdue] = []
    total = 0
    for c in cases:
        if (start and c.date < start) or (end and c.date > end):
            continue
        total += 1
        groups[(c.committee, c.date.year)].append(c)
        weakened.update(str(n) for n in set(c.weakened))
        strengthened.update(str(n) for n in set(c.strengthened))
        findings.update(set(c.findings))
        finding_labels.update(c.finding_labels)
        if c.level and c.level_label is not None:
            level_labels.setdefault(c.level, c.level_label)
        if c.departs:
            departures.append(Departure(id=c.id, title=c.title, committee=c.committee,
                                        date=c.date, outcome=c.outcome or "",
                                        departure=c.departure))
        for m in c.measures:
            if m.status != "done" and m.due is not None and m.due < today:
                overdue_measures.append(Overdue(id=c.id, title=c.title, committee=c.committee,
                                                what=m.what, who=m.who, due=m.due))
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
            departed=sum(c.departs for c in items)))
    return Dashboard(
        start=start, end=end, today=today, total=total, groups=figures,
        level_labels=level_labels,
        weakened=_ranked(weakened), strengthened=_ranked(strengthened),
        findings=_ranked(findings, finding_labels),
        departures=sorted(departures, key=lambda d: (d.date, d.id)),
        overdue_measures=sorted(overdue_measures, key=lambda o: (o.due, o.id, o.what)),
        overdue_follow_ups=sorted(overdue_follow_ups, key=lambda o: (o.due, o.id)),
    )


def _cell(text: str) -> str:
    """User text in a spreadsheet cell: a leading = + - @ would make it a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def groups_csv(board: Dashboard, lang: str) -> str:
    """The per-committee table as CSV (semicolons and a BOM: Excel in Swedish opens it)."""
    sv = lang != "en"
    levels = sorted(board.level_labels)
    head = (["Nämnd", "År", "Analyser", "Varav prövningar", "Barn hörda direkt",
             "Andel hörda direkt", "Avvikande beslut"] if sv else
            ["Committee", "Year", "Assessments", "Of which screenings", "Children heard directly",
             "Share heard directly", "Departing decisions"])
    head += [tr(board.level_labels[k], lang) for k in levels]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if sv else ",", lineterminator="\r\n")
    writer.writerow(head)
    for g in board.groups:
        share = "" if g.heard_share is None else f"{100 * g.heard_share:.0f}"
        writer.writerow([_cell(g.committee), g.year, g.assessments, g.screenings, g.heard_directly,
                         share, g.departed, *[g.levels.get(k, 0) for k in levels]])
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
                                                               a.decision.description))
        out.append(facts(a, card, q, values))
    return out, skipped

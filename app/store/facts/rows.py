"""One assessment's facts (app/core/dashboard.CaseFacts) as the values of the index's rows:
the columns the counts group and filter on, and the full facts as JSON for the few rows a
board lists one by one (departures, overdue measures) or a person's reminders read."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.core import measure_status
from app.core.text import Text

if TYPE_CHECKING:  # the store imports this on every start: scoring's modules only when used
    from app.core.dashboard import CaseFacts

#: the kind of a row whose questionnaire is not shipped: kept, so it is not scored again, and
#: reported as not counted
SKIPPED = "skipped"
UNSCORED = ""  #: the stamp of a row written without facts: scored by the next build


@dataclass
class Fact:
    """What the store writes for one assessment at one revision: its facts (None when the
    process that saved has no scorer, or the questionnaire is not shipped), the stamp of the
    questionnaires they were computed with, and the labels of its level and findings."""

    id: str
    revision: int
    facts: CaseFacts | None
    stamp: str = UNSCORED
    skipped: bool = False
    labels: dict[tuple[str, str], Text] = field(default_factory=dict)


def unscored(assessment_id: str, revision: int) -> Fact:
    """The row of a revision not scored yet: in no count until the overview scores it."""
    return Fact(id=assessment_id, revision=revision, facts=None)


def case_key(c: CaseFacts) -> str:
    return " ".join(c.case_number.casefold().split())


def own_key(c: CaseFacts) -> str:
    """The decision a row stands for on its own (decisions.py joins copies and sources):
    its committee and case number, else itself; a follow-up is never part of a decision."""
    if c.follow_up_of:
        return f"u:{c.id}"
    key = case_key(c)
    return f"k:{c.committee}\x1f{key}" if key else f"i:{c.id}"


def status_rank(status: str) -> int:
    from app.core.dashboard import STATUS_ORDER

    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def main_row(f: Fact) -> dict[str, Any]:
    """The values of overview_facts for one fact (columns as in sql.FACT_COLUMNS)."""
    c = f.facts
    if c is None:  # unscored or skipped: a row that no count includes
        return {"id": f.id, "revision": f.revision, "stamp": f.stamp,
                "kind": SKIPPED if f.skipped else "", "committee": "", "year": 0, "day": "",
                "status": "", "srank": -1, "level": None, "heard": 0, "departs": 0,
                "follow_up_of": None, "copy_of": None, "case_key": "", "okey": f"x:{f.id}",
                "dkey": f"x:{f.id}",
                "follow_up": None, "title": "", "outcome": None, "departure": "",
                "detail": None}
    detail = c.model_dump_json(exclude={"finding_labels", "level_label"})
    return {"id": f.id, "revision": f.revision, "stamp": f.stamp, "kind": c.kind,
            "committee": c.committee, "year": c.date.year, "day": c.date.isoformat(),
            "status": c.status, "srank": status_rank(c.status), "level": c.level,
            "heard": int(c.heard_directly), "departs": int(c.departs),
            "follow_up_of": c.follow_up_of, "copy_of": c.copy_of, "case_key": case_key(c),
            "okey": own_key(c), "dkey": own_key(c),
            "follow_up": c.follow_up.isoformat() if c.follow_up else None,
            "title": c.title, "outcome": c.outcome, "departure": c.departure,
            "detail": detail}


def key_rows(f: Fact) -> list[dict[str, Any]]:
    """Weakened (w) and strengthened (s) articles and findings (f), each once per case."""
    c = f.facts
    if c is None:
        return []
    keys = {("w", str(n)) for n in c.weakened} | {("s", str(n)) for n in c.strengthened} | {
        ("f", k) for k in c.findings}
    return [{"id": f.id, "kind": kind, "key": key} for kind, key in sorted(keys)]


def measure_rows(f: Fact) -> list[dict[str, Any]]:
    c = f.facts
    if c is None:
        return []
    return [{"id": f.id, "n": n, "what": m.what, "who": m.who,
             "due": m.due.isoformat() if m.due else None,
             "open": int(measure_status.still_to_do(m.status))}
            for n, m in enumerate(c.measures)]


def label_rows(f: Fact) -> list[dict[str, Any]]:
    return [{"stamp": f.stamp, "kind": kind, "key": key,
             "label": json.dumps(label, ensure_ascii=False, sort_keys=True)}
            for (kind, key), label in sorted(f.labels.items())]


def labels_of(c: CaseFacts) -> dict[tuple[str, str], Text]:
    """The level's and the findings' labels of one case, kept once per stamp."""
    out: dict[tuple[str, str], Text] = {("f", k): v for k, v in c.finding_labels.items()}
    if c.level and c.level_label is not None:
        out[("l", c.level)] = c.level_label
    return out

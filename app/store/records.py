"""What the store hands out besides assessments: overview rows and the revision history."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

Action = Literal["create", "save", "answer", "update", "status", "decision", "report",
                 "duplicate", "delete", "restore", "import", "redact"]


class Summary(NamedTuple):
    """One row of the overview: enough to find and open an assessment, nothing more.

    A NamedTuple rather than a frozen dataclass: the overview builds 10,000 of them when a
    process first lists, and a tuple is made several times faster.
    """

    id: str
    title: str
    case_number: str
    committee: str
    status: str
    questionnaire: str  #: questionnaire id
    questionnaire_version: str
    created: dt.datetime | None
    updated: dt.datetime | None
    revision: int
    updated_by: str = ""
    deleted_at: dt.datetime | None = None  #: set for assessments in the trash
    deleted_by: str = ""
    #: title and case number casefolded once, so a search over 10,000 rows is one `in` each
    haystack: str = ""
    #: `updated` as a number, so sorting 10,000 rows compares floats, not aware datetimes
    order: float = float("-inf")
    #: whose it is (app/core/access.py's Holding): the owner's subject id, unit, shared with
    #: the unit, the reviewer's subject id; empty in the local mode
    owner: str = ""
    unit: str = ""
    shared: bool = False
    reviewer: str = ""

    def matches(self, needle: str) -> bool:
        """Whether a casefolded search text occurs in the title or the case number."""
        haystack = self.haystack or f"{self.title}\n{self.case_number}".casefold()
        return needle in haystack

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        updated = parse_time(data["updated"])
        title, case_number = data["title"], data["case_number"]
        return cls(  # positional: measurably faster than keywords at 10,000 rows
            data["id"], title, case_number, data["committee"], data["status"],
            data["questionnaire"], data["questionnaire_version"], parse_time(data["created"]),
            updated, data["revision"], data.get("updated_by", ""),
            parse_time(data.get("deleted_at")), data.get("deleted_by", ""),
            f"{title}\n{case_number}".casefold(),
            updated.timestamp() if updated else float("-inf"),
            data.get("owner", ""), data.get("unit", ""), data.get("shared", False),
            data.get("reviewer", ""))


class Listed(NamedTuple):
    """One row of the overview's page of 50, as the page shows it: what it draws (title, case
    number, committee, questionnaire, status, when it changed), what its buttons open, and
    whose it is (the login mode decides the buttons by it). Nothing else is read or built for
    a page: both stores select exactly these columns, in this order (`PAGE_COLUMNS`), so a
    page's rows are fetched and made alike whichever store holds them."""

    id: str
    title: str
    case_number: str
    committee: str
    status: str
    questionnaire: str  #: questionnaire id (its title is shown)
    updated: dt.datetime | None
    owner: str = ""
    unit: str = ""
    shared: bool = False
    reviewer: str = ""

    @classmethod
    def of(cls, s: Summary) -> Listed:
        """The page's part of a whole overview row (a store that lists every row anyway)."""
        return cls(s.id, s.title, s.case_number, s.committee, s.status, s.questionnaire,
                   s.updated, s.owner, s.unit, s.shared, s.reviewer)


#: the columns a page selects, the same names in both stores' tables (Listed's fields)
PAGE_COLUMNS: tuple[str, ...] = Listed._fields


#: rows counted beyond the page asked for: a page's total is exact up to this many more, and
#: "more than" beyond (counting 100,000 rows to show 50 cost 20 of the page's 22 ms)
COUNT_AHEAD = 1_000


class Total(int):
    """How many rows a search matches, as page() counts them: exact, or (`exact` False) at
    least this many, when counting every one would cost more than the page itself."""

    exact: bool

    def __new__(cls, value: int, exact: bool = True) -> Total:
        made = int.__new__(cls, value)
        made.exact = exact
        return made

    @classmethod
    def capped(cls, counted: int, cap: int) -> Total:
        """From a count made with LIMIT cap + 1."""
        return cls(counted) if counted <= cap else cls(cap, exact=False)


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO time as stored; a time without zone (hand-written files) is taken as UTC so
    rows from any source can be sorted together."""
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Change(BaseModel):
    """One field or answer that changed, with the value before and after.

    `path` is ("answers", question_id), ("decision", field), or one top-level field such as
    ("status",). For answers, None means "no answer"; both values are in stored (JSON) form.
    """

    model_config = ConfigDict(frozen=True)

    path: tuple[str, ...]
    before: Any = None
    after: Any = None

    @property
    def field(self) -> str:
        return ".".join(self.path)

    @property
    def question_id(self) -> str | None:
        return self.path[1] if self.path[0] == "answers" and len(self.path) == 2 else None


class Revision(BaseModel):
    """One stored change of an assessment: who, when, what, and what it was before."""

    model_config = ConfigDict(frozen=True)

    assessment_id: str
    revision: int  #: the revision this change produced
    at: dt.datetime
    editor: str = ""
    action: Action
    changes: list[Change] = []
    note: str = ""  #: e.g. "copy of 3f2a9c1e", "imported from case.json"

    @property
    def question_ids(self) -> list[str]:
        return [c.question_id for c in self.changes if c.question_id is not None]

    @property
    def fields(self) -> list[str]:
        return [c.field for c in self.changes]

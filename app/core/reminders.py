"""What one person should do, from the overview's facts of the assessments: measures they own
or answer for, follow-ups due, drafts returned to them, reviews waiting for them (the start
page's reminders)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel

from app.core import measure_status
from app.core.dashboard import CaseFacts, measure_keepers

#: days ahead in which a measure or a follow-up is "due soon"
SOON_DAYS = 14


class Reminder(BaseModel):
    """Something one person should do: a measure they own, a follow-up, a review."""

    kind: str  #: measure | follow_up | returned | review
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


def responsible(c: CaseFacts, me: str, me_sub: str = "") -> bool:
    """`me` is the assessment's responsible official: its owner (by subject id in the login
    mode), or the official named on it."""
    if me_sub and c.owner_sub:
        return c.owner_sub == me_sub
    return names(c.official, me) or names(c.owner, me)


def names_person(written: str, me: str, email: str = "") -> bool:
    """A measure's "who" names this person: by name (as names()), or, logged in, by the
    e-mail address the login knows them by, anywhere in the field ('Anna Berg
    <anna.berg@kommun.se>', 'anna.berg@kommun.se, rektor')."""
    mail = email.strip().casefold()
    return names(written, me) or bool(mail and mail in written.casefold())


def reminders(cases: Iterable[CaseFacts], me: str, today: dt.date,
              soon_days: int = SOON_DAYS, me_sub: str = "",
              me_email: str = "") -> list[Reminder]:
    """What `me` should see on the start page: open measures overdue or due within
    `soon_days` that they own, or that belong to an assessment they are responsible for (a
    measure's "who" is often a role, "skolskjutssamordnaren", which reaches no one by name:
    the official answers for every measure of their assessment); follow-ups due of the decided
    assessments they are responsible for; assessments the reviewer returned to them; and
    assessments waiting for their review. Names are compared as typed (case and spaces
    aside); in the login mode the owner is matched by subject id (`me_sub`), and a measure
    by the person's e-mail address too (`me_email`)."""
    if not me.strip():
        return []
    cases = list(cases)
    counted = measure_keepers(cases)
    horizon = today + dt.timedelta(days=soon_days)
    out: list[Reminder] = []
    for c in cases:
        mine = responsible(c, me, me_sub)
        for m in c.measures if c.id in counted else []:
            if measure_status.still_to_do(m.status) and m.due and m.due <= horizon \
                    and (mine or names_person(m.who, me, me_email)):
                out.append(Reminder(kind="measure", id=c.id, title=c.title, what=m.what,
                                    due=m.due, overdue=m.due < today))
        if (c.follow_up and c.follow_up <= horizon and c.status == "decided" and mine):
            out.append(Reminder(kind="follow_up", id=c.id, title=c.title, due=c.follow_up,
                                overdue=c.follow_up < today))
        if c.returned and mine:
            out.append(Reminder(kind="returned", id=c.id, title=c.title, overdue=True))
        if c.status == "in_review" and names(c.reviewer, me):
            out.append(Reminder(kind="review", id=c.id, title=c.title))
    return sorted(out, key=lambda r: (not r.overdue, r.due or dt.date.max, r.title, r.what))

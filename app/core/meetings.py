"""What a team's meetings add up to: the next article to take, what is covered, what is open.

Pure functions over a list of meetings; the store and the page call them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Action, Meeting

Reason = Literal["principle", "not_covered", "longest_ago"]


def team_key(name: str) -> str:
    """Teams typed as 'Förskolan Solen' and 'förskolan  solen' are the same team."""
    return " ".join(name.split()).casefold()


def of_team(meetings: Iterable[Meeting], team: str) -> list[Meeting]:
    """The team's meetings, the latest first."""
    key = team_key(team)
    mine = [m for m in meetings if team_key(m.team) == key]
    return sorted(mine, key=lambda m: (m.date, str(m.created or "")), reverse=True)


def teams(meetings: Iterable[Meeting]) -> list[str]:
    """Every team, once, spelt as in its latest meeting, in alphabetical order."""
    latest: dict[str, Meeting] = {}
    for m in meetings:
        key = team_key(m.team)
        if key not in latest or (m.date, str(m.updated or "")) > (
                latest[key].date, str(latest[key].updated or "")):
            latest[key] = m
    return sorted((m.team for m in latest.values()), key=str.casefold)


def coverage(meetings: Iterable[Meeting], team: str) -> dict[int, list[dt.date]]:
    """Each article the team has discussed, with the days it did, the earliest first."""
    covered: dict[int, list[dt.date]] = {}
    for m in of_team(meetings, team):
        covered.setdefault(m.article, []).append(m.date)
    return {number: sorted(days) for number, days in sorted(covered.items())}


def reading_order(library: ArticleLibrary) -> list[int]:
    """The four general principles first, then every other article in the Committee's
    cluster order; an article in several clusters comes at its first one."""
    order = [a.number for a in library.articles if a.principle]
    for cluster in library.clusters:
        order += [n for n in library.cluster_members.get(cluster.id, []) if n not in order]
    # An article no cluster lists would otherwise never be suggested.
    return order + [a.number for a in library.articles if a.number not in order]


@dataclass(frozen=True)
class Suggestion:
    """The article to take next, and why it is the one."""

    article: int
    reason: Reason
    cluster: str | None  #: id of the cluster it was taken from


def suggest(library: ArticleLibrary, meetings: Iterable[Meeting], team: str) -> Suggestion:
    """The first article in reading order the team has not covered; once all are covered,
    the one discussed longest ago, so the round starts over."""
    covered = coverage(meetings, team)
    order = reading_order(library)
    for number in order:
        if number not in covered:
            article = library.by_number[number]
            reason: Reason = "principle" if article.principle else "not_covered"
            return Suggestion(number, reason, _first_cluster(library, number))
    oldest = min(order, key=lambda n: (covered[n][-1], order.index(n)))
    return Suggestion(oldest, "longest_ago", _first_cluster(library, oldest))


def _first_cluster(library: ArticleLibrary, number: int) -> str | None:
    return next((c.id for c in library.clusters
                 if number in library.cluster_members.get(c.id, [])), None)


@dataclass(frozen=True)
class OpenAction:
    """An action not yet done, with the meeting it came from."""

    action: Action
    meeting_id: str
    meeting_date: dt.date
    article: int
    overdue: bool  #: its due day has passed


def open_actions(meetings: Iterable[Meeting], team: str, today: dt.date) -> list[OpenAction]:
    """Open actions of all the team's meetings: soonest due first, those without a day last."""
    found = [OpenAction(a, m.id, m.date, m.article, a.due is not None and a.due < today)
             for m in of_team(meetings, team) for a in m.actions
             if a.status == "open" and a.what.strip()]
    return sorted(found, key=lambda o: (o.action.due is None, o.action.due or dt.date.max,
                                        o.meeting_date, o.action.what.casefold()))


def carried_actions(meetings: Iterable[Meeting], meeting: Meeting) -> list[OpenAction]:
    """What a meeting carries over: open actions of the team's meetings held before it (or
    the same day), those overdue on its day first, then the soonest due. A later meeting's
    actions are not carried back into earlier minutes."""
    earlier = [m for m in of_team(meetings, meeting.team)
               if m.id != meeting.id and m.date <= meeting.date]
    found = open_actions(earlier, meeting.team, meeting.date)
    return sorted(found, key=lambda o: (not o.overdue, o.action.due is None,
                                        o.action.due or dt.date.max, o.meeting_date))

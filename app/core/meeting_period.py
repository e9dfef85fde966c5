"""A team's meetings over a period, for the annual report: the same rows as CSV and as PDF.

Pure: meetings in, rows out. A row per action (or one for a meeting without actions), so a
spreadsheet can filter by person or status; the meeting's date, article, decisions and
participants repeat on each of its rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from app.core.meetings import of_team
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr

HEAD = {"sv": ["Datum", "Artikel", "Rubrik", "Deltagare", "Status", "Beslut", "Åtgärd",
               "Ansvarig", "Klart senast", "Åtgärdens status"],
        "en": ["Date", "Article", "Title", "Participants", "Status", "Decisions", "Action",
               "Responsible", "Due", "Action status"]}
WORDS = {"sv": {"draft": "utkast", "final": "färdigt", "open": "öppen", "done": "klar"},
         "en": {"draft": "draft", "final": "final", "open": "open", "done": "done"}}


def in_period(meetings: Iterable[Meeting], team: str, start: dt.date | None,
              end: dt.date | None) -> list[Meeting]:
    """The team's meetings from `start` to `end` (both included; None: open-ended), by date."""
    return sorted((m for m in of_team(meetings, team)
                   if (start is None or m.date >= start) and (end is None or m.date <= end)),
                  key=lambda m: (m.date, m.created or dt.datetime.min.replace(tzinfo=dt.UTC)))


def people(meeting: Meeting) -> str:
    if meeting.participants:
        return ", ".join(meeting.participants)
    return str(meeting.participant_count) if meeting.participant_count else ""


def period_csv(meetings: Iterable[Meeting], library: ArticleLibrary, lang: str) -> str:
    """The rows as CSV (semicolons and a BOM in Swedish: Excel in Swedish opens it)."""
    sv = lang != "en"
    words = WORDS["sv" if sv else "en"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if sv else ",", lineterminator="\r\n")
    writer.writerow(HEAD["sv" if sv else "en"])
    for m in meetings:
        title = tr(library.by_number[m.article].title, lang)
        base = [m.date.isoformat(), m.article, title, _cell(people(m)), words[m.status],
                _cell(m.decisions.strip())]
        actions = [a for a in m.actions if a.what.strip()]
        if not actions:
            writer.writerow([*base, "", "", "", ""])
        for a in actions:
            writer.writerow([*base, _cell(a.what), _cell(a.who),
                             a.due.isoformat() if a.due else "", words[a.status]])
    return ("\ufeff" if sv else "") + out.getvalue()


def _cell(text: str) -> str:
    """User text in a spreadsheet cell: a leading = + - @ would make it a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

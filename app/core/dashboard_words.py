"""What the council overview says in words and tables: the per-committee table as CSV (for a
spreadsheet) and the sentences naming what the figures count. The figures themselves are
counted in dashboard.py."""

from __future__ import annotations

import csv
import io

from app.core.dashboard import Dashboard
from app.core.text import tr


def _cell(text: str) -> str:
    """User text in a spreadsheet cell: a leading = + - @ would make it a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def groups_csv(board: Dashboard, lang: str) -> str:
    """The per-committee table as CSV (semicolons and a BOM: Excel in Swedish opens it)."""
    sv = lang != "en"
    levels = sorted(board.level_labels)
    head = (["Nämnd", "År", count_label(board, lang),
             "Varav screeningar: rör inte barn", "Barn hörda direkt (fullständiga analyser)",
             "Andel hörda direkt (%)", "Beslut som avvek från analysen",
             "Uppföljningar (räknas för sig)"] if sv else
            ["Committee", "Year", count_label(board, lang),
             "Of which screenings: does not concern children",
             "Children heard directly (full assessments)", "Share heard directly (%)",
             "Decisions departing from the assessment", "Follow-ups (counted apart)"])
    head += [tr(board.level_labels[k], lang) for k in levels]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if sv else ",", lineterminator="\r\n")
    writer.writerow(head)
    for g in board.groups:
        share = "" if g.heard_share is None else f"{100 * g.heard_share:.0f}"
        writer.writerow([_cell(g.committee), g.year, g.assessments, g.screenings, g.heard_directly,
                         share, g.departed, g.follow_ups, *[g.levels.get(k, 0) for k in levels]])
    return "\ufeff" + out.getvalue()


STATUS_WORDS = {
    "draft": ("utkast", "drafts"), "complete": ("färdigställda", "completed"),
    "in_review": ("under granskning", "in review"), "approved": ("godkända", "approved"),
    "decided": ("beslutade", "decided"), "followed_up": ("uppföljda", "followed up"),
}


def count_label(board: Dashboard, lang: str) -> str:
    """The count column's label: which statuses, one per decision."""
    sv = lang != "en"
    which = ", ".join(STATUS_WORDS[s][0 if sv else 1] for s in board.statuses
                      if s in STATUS_WORDS)
    return (f"Analyser och screeningar ({which}), en per beslut" if sv else
            f"Assessments and screenings ({which}), one per decision")


def counted_what(board: Dashboard, lang: str) -> str:
    """One sentence on what the figures count: statuses, committees, copies set aside."""
    sv = lang != "en"
    which = ", ".join(STATUS_WORDS[s][0 if sv else 1] for s in board.statuses
                      if s in STATUS_WORDS)
    where = ", ".join(board.committees) if board.committees else (
        "alla nämnder" if sv else "all committees")
    text = (f"Räknar analyser som är {which}, i {where}, en per beslut" if sv else
            f"Counts assessments that are {which}, in {where}, one per decision")
    if board.set_aside:
        text += (f" ({board.set_aside} kopior och ersatta utkast räknas inte)" if sv else
                 f" ({board.set_aside} copies and superseded drafts not counted)")
    return text + "."

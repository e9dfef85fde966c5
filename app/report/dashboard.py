"""The council's overview as PDF, for the annual follow-up of how the convention is applied.

Layout only: the figures are app/core/dashboard.overview's, the same as `bka dashboard` and the
page. Every chart has its table beside it (or under it), so the figures can be read without
the picture. Built from the report's blocks (DejaVu Sans, escaping, 'page X of Y').

    render_dashboard(board, library, lang) -> bytes
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.core.dashboard import Dashboard, Ranked
from app.core.dashboard_words import counted_what
from app.core.models.article import ArticleLibrary
from app.core.numbers import percent
from app.core.text import tr
from app.report import house
from app.report.fonts import register_fonts
from app.report.measured import Paragraph
from app.report.page import Running, canvas_maker, make_document
from app.report.strings import LOCALES
from app.report.strings import t as report_t
from app.report.styles import ACCENT, FRAME_WIDTH, INK, NEGATIVE, POSITIVE, grid_style, styles
from app.report.text import markup, plain
from app.store.atomic import write_atomic

WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Översikt för fullmäktige", "Overview for the council"),
    "kicker": ("Barnkonventionens tillämpning i kommunen", "How the convention is applied "
               "across the municipality"),
    "period": ("Period", "Period"),
    "all_time": ("alla analyser", "all assessments"),
    "made_on": ("Sammanställd", "Compiled"),
    "total": ("Beslut (analyser och screeningar)", "Decisions (assessments and screenings)"),
    "committees": ("Per nämnd och år", "Per committee and year"),
    "committee": ("Nämnd", "Committee"),
    "no_committee": ("(nämnd saknas)", "(no committee)"),
    "year": ("År", "Year"),
    "count": ("Beslut", "Decisions"),
    "screenings": ("Varav screeningar: rör inte barn",
                   "Of which screenings: does not concern children"),
    "heard": ("Barn hörda direkt", "Children heard directly"),
    "departed": ("Avvikande beslut", "Departing decisions"),
    "follow_ups": ("Uppföljningar", "Follow-ups"),
    "levels": ("Nivåer", "Levels"),
    "weakened": ("Rättigheter som oftast försvagas", "Rights most often weakened"),
    "strengthened": ("Rättigheter som oftast stärks", "Rights most often strengthened"),
    "article": ("Artikel", "Article"),
    "times": ("Antal analyser", "Assessments"),
    "findings": ("Vanligaste bristerna", "Most common findings"),
    "finding": ("Brist", "Finding"),
    "departures": ("Beslut som avvek från analysens slutsats", "Decisions that departed from "
                   "the assessment's conclusion"),
    "date": ("Datum", "Date"),
    "matter": ("Ärende", "Matter"),
    "how": ("Hur och varför", "How and why"),
    "overdue_measures": ("Försenade åtgärder", "Overdue measures"),
    "measure": ("Åtgärd", "Measure"),
    "who": ("Ansvarig", "Responsible"),
    "due": ("Skulle vara klar", "Due"),
    "overdue_follow_ups": ("Försenade uppföljningar", "Overdue follow-ups"),
    "none": ("Inga.", "None."),
    "empty": ("Inga analyser i perioden.", "No assessments in the period."),
    "note": ("Siffrorna räknas från de sparade analyserna med samma regler som kommandot bka "
             "dashboard. En analys räknas till året för nämndens beslut, annars det planerade "
             "beslutsdatumet. Ett beslut räknas en gång: kopior och utkast som ersatts räknas "
             "inte. Andelen hörda direkt gäller fullständiga analyser, inte screeningar. "
             "Uppföljningar räknas för sig.",
             "The figures are counted from the stored assessments with the same rules as the "
             "command bka dashboard. An assessment counts in the year of the committee's "
             "decision, else its planned decision date. A decision counts once: copies and "
             "superseded drafts are not counted. The share heard directly is of full "
             "assessments, not screenings. Follow-ups are counted apart."),
}
TOP = 10  #: rows of the ranked tables


def w(key: str, lang: str) -> str:
    sv, en = WORDS[key]
    return en if lang == "en" else sv


def render_dashboard(board: Dashboard, library: ArticleLibrary, lang: str = "sv",
                     now: dt.datetime | None = None) -> bytes:
    moment = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    running = Running(title=w("title", lang), case_number=_period(board, lang),
                      footer=w("kicker", lang), page_label=report_t("page", lang),
                      watermark=None, letterhead=house.letterhead())
    meta = {"title": f"{w('title', lang)} ({_period(board, lang)})", "author": "bka",
            "subject": w("kicker", lang), "lang": LOCALES[lang]}
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    doc.build(story(board, library, lang, moment), canvasmaker=canvas_maker(running))
    return buffer.getvalue()


def write_dashboard(board: Dashboard, library: ArticleLibrary, path: Path,
                    lang: str = "sv") -> Path:
    write_atomic(path, render_dashboard(board, library, lang), keep_previous=False)
    return path


def _period(board: Dashboard, lang: str) -> str:
    if not board.start and not board.end:
        return w("all_time", lang)
    return f"{board.start.isoformat() if board.start else '…'} – " \
           f"{board.end.isoformat() if board.end else '…'}"


def story(board: Dashboard, library: ArticleLibrary, lang: str,
          now: dt.datetime) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        Paragraph(w("kicker", lang), s.kicker), Paragraph(w("title", lang), s.title),
        Paragraph(f"{w('period', lang)}: {markup(_period(board, lang))} · "
                  f"{w('made_on', lang)} {board.today.isoformat()} · "
                  f"{w('total', lang)}: {board.total}", s.body),
        Paragraph(markup(counted_what(board, lang)), s.body),
        Spacer(0, 4), Paragraph(w("note", lang), s.muted)]
    if not board.total:
        return [*out, Paragraph(w("empty", lang), s.body)]
    titles = {str(a.number): tr(a.title, lang) for a in library.articles}
    out += _committees(board, lang)
    out += _ranked(w("weakened", lang), board.weakened, titles, NEGATIVE, lang)
    out += _ranked(w("strengthened", lang), board.strengthened, titles, POSITIVE, lang)
    out += _ranked(w("findings", lang), board.findings, {}, ACCENT, lang, w("finding", lang))
    out += _departures(board, lang) + _overdue(board, lang)
    return out


def _bars(values: list[tuple[str, int]], width: float, colour: Any,
          label_width: float = 70) -> Drawing:
    """Horizontal bars with their numbers; the full labels are in the table beside."""
    regular, _ = register_fonts()
    row = 14
    d = Drawing(width, row * len(values) + 4)
    top = max((v for _, v in values), default=0) or 1
    chars = int(label_width / 3.6)  # about the characters of 7 pt type that fit
    for i, (label, value) in enumerate(values):
        y = d.height - (i + 1) * row
        text = plain(label)
        text = text if len(text) <= chars else text[:chars - 1] + "…"
        d.add(String(0, y + 3, text, fontName=regular, fontSize=7, fillColor=INK))
        span = (width - label_width - 20) * value / top
        d.add(Rect(label_width, y + 1, max(span, 0.5), row - 5, fillColor=colour,
                   strokeColor=None))
        d.add(String(label_width + 4 + span, y + 3, str(value), fontName=regular, fontSize=7,
                     fillColor=INK))
    return d


def _table(head: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    s = styles()
    cells: list[list[Any]] = [[Paragraph(h, s.head) for h in head]]
    cells += [[Paragraph(markup(c), s.cell) for c in r] for r in rows]
    table = Table(cells, colWidths=[x * FRAME_WIDTH for x in widths], repeatRows=1,
                  splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table


def _committees(board: Dashboard, lang: str) -> list[Flowable]:
    s = styles()
    head = [w(k, lang) for k in ("committee", "year", "count", "screenings", "heard",
                                 "departed", "follow_ups")]
    rows = []
    for g in board.groups:
        share = "–" if g.heard_share is None else percent(100 * g.heard_share, lang)
        rows.append([g.committee or w("no_committee", lang), str(g.year), str(g.assessments),
                     str(g.screenings), share, str(g.departed), str(g.follow_ups)])
    chart = _bars([(f"{g.year} {g.committee or w('no_committee', lang)}", g.assessments)
                   for g in board.groups], FRAME_WIDTH, ACCENT, label_width=180)
    out: list[Flowable] = [Paragraph(w("committees", lang), s.h2), chart, Spacer(0, 4),
                           _table(head, rows, [0.28, 0.08, 0.11, 0.13, 0.14, 0.14, 0.12])]
    levels = sorted(board.level_labels)
    if levels:  # the levels in a table of their own: their names need the room
        out += [Spacer(0, 6), Paragraph(w("levels", lang), s.h3),
                _table([w("committee", lang), w("year", lang),
                        *[tr(board.level_labels[k], lang) for k in levels]],
                       [[g.committee or w("no_committee", lang), str(g.year),
                         *[str(g.levels.get(k, 0)) for k in levels]] for g in board.groups],
                       [0.28, 0.08, *[0.64 / len(levels)] * len(levels)])]
    return out


def _ranked(title: str, items: list[Ranked], titles: dict[str, str], colour: Any, lang: str,
            column: str | None = None) -> list[Flowable]:
    s = styles()
    if not items:
        return [Paragraph(title, s.h2), Paragraph(w("none", lang), s.body)]
    shown = items[:TOP]
    # A finding's bar is labelled by its row number; an article's by its number.
    names = [f"{i + 1}. {tr(r.label, lang)}" if r.label else
             f"{r.key} {titles.get(r.key, '')}".strip() for i, r in enumerate(shown)]
    chart = _bars([(r.key if not r.label else str(i + 1), r.count)
                   for i, r in enumerate(shown)], 0.42 * FRAME_WIDTH, colour)
    table = _table([column or w("article", lang), w("times", lang)],
                   [[n, str(r.count)] for n, r in zip(names, shown, strict=True)],
                   [0.45, 0.11])
    side = Table([[chart, table]], colWidths=[0.44 * FRAME_WIDTH, 0.56 * FRAME_WIDTH],
                 hAlign="LEFT")
    side.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [KeepTogether([Paragraph(title, s.h2), side])]


def _departures(board: Dashboard, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(f"{w('departures', lang)} ({len(board.departures)})",
                                     s.h2)]
    if not board.departures:
        return [*out, Paragraph(w("none", lang), s.body)]
    rows = [[d.date.isoformat(), d.title, d.committee, d.departure] for d in board.departures]
    return [*out, _table([w(k, lang) for k in ("date", "matter", "committee", "how")], rows,
                         [0.13, 0.3, 0.2, 0.37])]


def _overdue(board: Dashboard, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(f"{w('overdue_measures', lang)} "
                                     f"({len(board.overdue_measures)})", s.h2)]
    if board.overdue_measures:
        out.append(_table([w(k, lang) for k in ("due", "matter", "measure", "who")],
                          [[o.due.isoformat(), o.title, o.what, o.who or "–"]
                           for o in board.overdue_measures], [0.13, 0.3, 0.37, 0.2]))
    else:
        out.append(Paragraph(w("none", lang), s.body))
    out.append(Paragraph(f"{w('overdue_follow_ups', lang)} ({len(board.overdue_follow_ups)})",
                         s.h2))
    if board.overdue_follow_ups:
        out.append(_table([w(k, lang) for k in ("due", "matter", "committee")],
                          [[o.due.isoformat(), o.title, o.committee]
                           for o in board.overdue_follow_ups], [0.15, 0.55, 0.3]))
    else:
        out.append(Paragraph(w("none", lang), s.body))
    return out

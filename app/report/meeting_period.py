"""A team's meetings over a period as PDF, for the team's annual report: each meeting's
article, decisions and actions, and which articles the period covered.

Layout only: the meetings come from app/core/meeting_period.in_period, as the CSV's rows do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from typing import Any, Final

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.core.meeting_period import people
from app.core.models.article import ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr
from app.core.wording import fill
from app.report.answers import long_text
from app.report.measured import Paragraph
from app.report.minutes import w as minutes_words
from app.report.page import Running, canvas_maker, make_document
from app.report.strings import LOCALES
from app.report.strings import t as report_t
from app.report.styles import FRAME_WIDTH, grid_style, styles
from app.report.text import markup, plain

WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Möten om barnkonventionen", "Meetings on the convention"),
    "kicker": ("Sammanställning för verksamhetsberättelsen", "Summary for the annual report"),
    "period": ("Period: {start} – {end}", "Period: {start} – {end}"),
    "open_end": ("…", "…"),
    "counts": ("{meetings:# möte|# möten} om {articles:# artikel|# artiklar}; "
               "{actions:# åtgärd|# åtgärder}, varav {done:# klar|# klara}.",
               "{meetings:# meeting|# meetings} on {articles:# article|# articles}; "
               "{actions:# action|# actions}, {done} of them done."),
    "none": ("Inga möten i perioden.", "No meetings in the period."),
    "participants": ("Deltagare", "Participants"),
    "decisions": ("Beslut", "Decisions"),
    "no_decisions": ("Inga beslut antecknade.", "No decisions recorded."),
    "draft": ("utkast", "draft"),
    "final": ("färdigt protokoll", "final minutes"),
}


def w(key: str, lang: str, **values: object) -> str:
    sv, en = WORDS[key]
    return fill(en if lang == "en" else sv, lang, **values)


def render_period(team: str, meetings: Sequence[Meeting], library: ArticleLibrary, lang: str,
                  start: dt.date | None, end: dt.date | None) -> bytes:
    """The period's meetings (already chosen and ordered) as PDF bytes."""
    span = w("period", lang, start=start.isoformat() if start else w("open_end", lang),
             end=end.isoformat() if end else w("open_end", lang))
    running = Running(title=plain(team), case_number=span, footer=w("title", lang),
                      page_label=report_t("page", lang), watermark=None)
    meta = {"title": f"{w('title', lang)}: {plain(team)}", "author": plain(team),
            "subject": span, "lang": LOCALES.get(lang, "sv-SE")}
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    s = styles()
    story: list[Flowable] = [Paragraph(w("kicker", lang), s.kicker),
                             Paragraph(f"{w('title', lang)}: {markup(team)}", s.title),
                             Paragraph(span, s.muted), Spacer(0, 6)]
    if not meetings:
        story.append(Paragraph(w("none", lang), s.body))
    else:
        actions = [a for m in meetings for a in m.actions if a.what.strip()]
        story.append(Paragraph(w("counts", lang, meetings=len(meetings),
                                 articles=len({m.article for m in meetings}),
                                 actions=len(actions),
                                 done=sum(a.status == "done" for a in actions)), s.body))
        for m in meetings:
            story += _meeting(m, library, lang)
    doc.build(story, canvasmaker=canvas_maker(running))
    return buffer.getvalue()


def _meeting(m: Meeting, library: ArticleLibrary, lang: str) -> list[Flowable]:
    s = styles()
    article = library.by_number[m.article]
    head = (f"{m.date.isoformat()} · {report_t('article', lang)} {m.article}. "
            f"{markup(tr(article.title, lang))} ({w(m.status, lang)})")
    out: list[Flowable] = [KeepTogether([Paragraph(head, s.h2), Paragraph(
        f"{w('participants', lang)}: {markup(people(m)) or report_t('not_given', lang)}",
        s.muted)])]
    out.append(Paragraph(w("decisions", lang), s.h3))
    out += long_text(m.decisions, s.body, s.body_rtl) if m.decisions.strip() else [
        Paragraph(w("no_decisions", lang), s.missing)]
    rows: list[list[Any]] = [[Paragraph(report_t(k, lang), s.head) for k in
                              ("action_what", "action_who", "action_due", "action_status")]]
    for a in (a for a in m.actions if a.what.strip()):
        rows.append([Paragraph(markup(a.what), s.cell), Paragraph(markup(a.who) or "–", s.cell),
                     Paragraph(a.due.isoformat() if a.due else "–", s.cell),
                     Paragraph(minutes_words(f"action_{a.status}", lang), s.cell)])
    if len(rows) > 1:
        table = Table(rows, colWidths=[x * FRAME_WIDTH for x in (0.5, 0.22, 0.14, 0.14)],
                      repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(grid_style())
        out.append(table)
    return out

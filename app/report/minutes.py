"""Minutes of a team meeting as PDF: the article of the day, the notes, decisions and actions.

Built from the report's blocks (DejaVu Sans, escaping, the page frame with 'page X of Y'), so
the minutes look like the assessment reports and user text is printed exactly as typed.

    render_minutes(meeting, library, lang="sv") -> bytes
    write_minutes(meeting, library, out_path=...) -> Path     atomically, like reports
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table

from app.core.meetings import OpenAction
from app.core.models.article import Article, ArticleLibrary
from app.core.models.meeting import Meeting
from app.core.text import tr
from app.core.wording import fill
from app.report import house
from app.report.answers import long_text
from app.report.build import _ensure_folder, reports_dir, write_atomic
from app.report.context import ReportError
from app.report.measured import Paragraph
from app.report.naming import free_path, slug
from app.report.page import Running, canvas_maker, make_document
from app.report.strings import LANGUAGES, LOCALES
from app.report.strings import t as report_t
from app.report.styles import FRAME_WIDTH, RULE, grid_style, styles, table_style
from app.report.text import clean, grey, markup, plain

WORDS: Final[dict[str, tuple[str, str]]] = {
    # key: (sv, en); the words the assessment report also uses come from its strings
    "minutes": ("Minnesanteckningar", "Meeting notes"),
    "kicker": ("Barnkonventionen, en artikel i taget", "The convention, one article at a time"),
    "date": ("Datum", "Date"),
    "team": ("Team", "Team"),
    "participants": ("Deltagare", "Participants"),
    "count_only": ("{count} deltagare, namnen antecknades inte",
                   "{count:# participant|# participants}, names not recorded"),
    "draft": ("Utkast", "Draft"),
    "final": ("Färdiga", "Final"),
    # a meeting's action is open or done (the assessments' measures have states of their own)
    "action_open": ("Ej klar", "Open"),
    "action_done": ("Klar", "Done"),
    "changed_after": ("Version {version}: ändrad efter att version {before} markerades som "
                      "färdig ({final}); öppnad för ändring {reopened}.",
                      "Version {version}: changed after version {before} was marked final "
                      "({final}); reopened for changes {reopened}."),
    "article_of_day": ("Dagens artikel", "Article of the day"),
    "prompts": ("Samtalsfrågor och anteckningar", "Discussion prompts and notes"),
    "no_notes": ("Inga anteckningar.", "No notes."),
    "old_prompt": ("Anteckning till fråga {number}, som inte längre finns i artikelbiblioteket",
                   "Note on prompt {number}, no longer in the article library"),
    "decisions": ("Beslut", "Decisions"),
    "no_decisions": ("Inga beslut antecknades.", "No decisions were recorded."),
    "notes": ("Övriga anteckningar", "Other notes"),
    "actions": ("Åtgärder", "Actions"),
    "no_actions": ("Inga åtgärder bestämdes.", "No actions were agreed."),
    "source": ("Sammanfattningen och frågorna är skrivna med egna ord. Konventionens text "
               "finns i lagen (2018:1197) om Förenta nationernas konvention om barnets "
               "rättigheter.",
               "The summary and prompts are written in our own words. The convention's text "
               "is in the Swedish act (2018:1197) incorporating it."),
    "carried": ("Öppna åtgärder från tidigare möten", "Open actions from earlier meetings"),
    "no_carried": ("Inga öppna åtgärder från tidigare möten.",
                   "No open actions from earlier meetings."),
    "carried_from": ("Från mötet", "From the meeting"),
    "carried_meeting": ("{date}, artikel {article}", "{date}, article {article}"),
    "overdue": ("försenad", "overdue"),
    "made": ("Skapad med bka {when}. Mötets id: {id}, version {revision}.",
             "Produced with bka {when}. Meeting id: {id}, revision {revision}."),
}


def w(key: str, lang: str, **values: object) -> str:
    sv, en = WORDS[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)


def render_minutes(meeting: Meeting, library: ArticleLibrary, *, lang: str | None = None,
                   now: dt.datetime | None = None,
                   carried: Sequence[OpenAction] = ()) -> bytes:
    """The minutes as PDF bytes; ReportError when the language or article is unknown.
    `carried`: the open actions of earlier meetings (app/core/meetings.carried_actions)."""
    language = lang or meeting.language
    if language not in LANGUAGES:
        raise ReportError(f"language '{language}' is not one the minutes speak; use sv or en")
    article = library.article(meeting.article)
    if article is None:
        raise ReportError(f"article {meeting.article} is not in the article library")
    moment = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    status = f" · {w('draft', language)}" if meeting.status == "draft" else ""
    running = Running(title=plain(meeting.team), case_number=house.date(meeting.date, language),
                      footer=f"{w('minutes', language)}{status}",
                      page_label=report_t("page", language), watermark=None,
                      letterhead=house.letterhead())
    title = " ".join(clean(meeting.team).split())
    meta = {"title": f"{w('minutes', language)}: {title}, {meeting.date.isoformat()}",
            "author": title, "subject": f"{report_t('article', language)} {article.number}. "
            f"{tr(article.title, language)}", "lang": LOCALES[language]}
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    doc.build(story(meeting, article, language, moment, carried),
              canvasmaker=canvas_maker(running))
    return buffer.getvalue()


def story(meeting: Meeting, article: Article, lang: str, now: dt.datetime,
          carried: Sequence[OpenAction] = ()) -> list[Flowable]:
    s = styles()
    return [Paragraph(w("kicker", lang), s.kicker),
            Paragraph(f"{w('minutes', lang)}: {markup(meeting.team)}", s.title),
            _meta(meeting, lang), *_changed_after(meeting, lang), Spacer(0, 4),
            *_carried(carried, lang), *_article(article, lang), *_prompts(meeting, article, lang),
            *_text_part(w("decisions", lang), meeting.decisions, w("no_decisions", lang)),
            *_actions(meeting, lang),
            *_text_part(w("notes", lang), meeting.notes, None),
            Spacer(0, 10), Paragraph(w("source", lang), s.muted),
            Paragraph(w("made", lang, when=now.strftime("%Y-%m-%d %H:%M"), id=meeting.id or "–",
                        revision=meeting.revision), s.muted)]


def _changed_after(meeting: Meeting, lang: str) -> list[Flowable]:
    """A version changed after an earlier one was final says so, at the top."""
    if not meeting.earlier:
        return []
    last = meeting.earlier[-1]

    def when(moment: dt.datetime | None) -> str:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "–"

    return [Spacer(0, 4), Paragraph(w("changed_after", lang, version=meeting.minutes_version,
                                      before=last.version, final=when(last.finalised_at),
                                      reopened=when(last.reopened_at)), styles().muted)]


def _meta(meeting: Meeting, lang: str) -> Table:
    s = styles()
    if meeting.participants:
        people = markup(", ".join(meeting.participants))
    elif meeting.participant_count:
        people = markup(w("count_only", lang, count=meeting.participant_count))
    else:
        people = report_t("not_given", lang)
    pairs = [(w("date", lang), meeting.date.isoformat()),
             (report_t("status", lang), w(meeting.status, lang))]
    row = [[Paragraph(label, s.figure_label), Paragraph(value, s.cell)] for label, value in pairs]
    row.append([Paragraph(w("participants", lang), s.figure_label), Paragraph(people, s.cell)])
    table = Table([row], colWidths=[0.2 * FRAME_WIDTH, 0.2 * FRAME_WIDTH, 0.6 * FRAME_WIDTH],
                  hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _article(article: Article, lang: str) -> list[Flowable]:
    s = styles()
    mark = f" {grey(report_t('principle', lang))}" if article.principle else ""
    head = f"{report_t('article', lang)} {article.number}. {markup(tr(article.title, lang))}"
    return [Paragraph(w("article_of_day", lang), s.label), Paragraph(head + mark, s.h1),
            Paragraph(markup(tr(article.summary, lang)), s.body)]


def _prompts(meeting: Meeting, article: Article, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(w("prompts", lang), s.h2)]
    for index, prompt in enumerate(article.prompts):
        head = Paragraph(markup(getattr(prompt, lang)), s.question, bulletText=f"{index + 1}.")
        # The question's style keeps it with the first lines of its note; a KeepTogether
        # around a long note would push it whole to the next page and leave a gap.
        out += [head, *_note(meeting.prompt_notes.get(index, ""), lang)]
    for index in sorted(i for i in meeting.prompt_notes if i >= len(article.prompts)):
        head = Paragraph(w("old_prompt", lang, number=index + 1), s.question, bulletText="–")
        out += [head, *_note(meeting.prompt_notes[index], lang)]
    return out


def _note(text: str, lang: str) -> list[Flowable]:
    s = styles()
    if not text.strip():
        return [Paragraph(w("no_notes", lang), s.missing)]
    return long_text(text, s.answer, s.answer_rtl)


def _empty(text: str) -> Paragraph:
    """'Nothing recorded' under a heading: muted like a missing answer, but not indented."""
    return Paragraph(text, ParagraphStyle("minutes_empty", parent=styles().missing,
                                          leftIndent=0))


def _text_part(title: str, text: str, empty: str | None) -> list[Flowable]:
    s = styles()
    if not text.strip():
        return [] if empty is None else [Paragraph(title, s.h2), _empty(empty)]
    body = long_text(text, s.body, s.body_rtl)
    return [Paragraph(title, s.h2), *body]


def _actions(meeting: Meeting, lang: str) -> list[Flowable]:
    s = styles()
    head = Paragraph(w("actions", lang), s.h2)
    actions = [a for a in meeting.actions if a.what.strip()]
    if not actions:
        return [head, _empty(w("no_actions", lang))]
    rows: list[list[Any]] = [[Paragraph(report_t(k, lang), s.head) for k in
                              ("action_what", "action_who", "action_due", "action_status")]]
    for a in actions:
        rows.append([Paragraph(markup(a.what), s.cell), Paragraph(markup(a.who) or "–", s.cell),
                     Paragraph(a.due.isoformat() if a.due else "–", s.cell),
                     Paragraph(w(f"action_{a.status}", lang), s.cell)])
    widths = [w_ * FRAME_WIDTH for w_ in (0.5, 0.22, 0.14, 0.14)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [head, table]


def _carried(carried: Sequence[OpenAction], lang: str) -> list[Flowable]:
    """Earlier meetings' open actions, overdue ones first and marked in words."""
    s = styles()
    head = Paragraph(w("carried", lang), s.h2)
    if not carried:
        return [head, _empty(w("no_carried", lang))]
    rows: list[list[Any]] = [[Paragraph(report_t(k, lang), s.head) for k in
                              ("action_what", "action_who", "action_due")]
                             + [Paragraph(w("carried_from", lang), s.head)]]
    for item in carried:
        a = item.action
        due = a.due.isoformat() if a.due else "–"
        if item.overdue:
            due = f"<b>{due} · {w('overdue', lang)}</b>"
        rows.append([Paragraph(markup(a.what), s.cell), Paragraph(markup(a.who) or "–", s.cell),
                     Paragraph(due, s.cell),
                     Paragraph(w("carried_meeting", lang, date=item.meeting_date.isoformat(),
                                 article=item.article), s.cell)])
    widths = [w_ * FRAME_WIDTH for w_ in (0.44, 0.18, 0.18, 0.2)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [head, table]


def minutes_filename(meeting: Meeting) -> str:
    """date_team_artNN_id.pdf: readable, sortable, and never a path from user text."""
    short = "".join(c for c in (meeting.id or "").lower() if c.isalnum())[:8] or "utkast"
    return (f"{meeting.date.isoformat()}_{slug(meeting.team, 'team')}_art{meeting.article:02d}"
            f"_{short}.pdf")


def write_minutes(meeting: Meeting, library: ArticleLibrary, *, lang: str | None = None,
                  out_path: Path | str | None = None, out_dir: Path | str | None = None,
                  carried: Sequence[OpenAction] = ()) -> Path:
    """Write the minutes to `out_path` (replaced), or to a new file in the reports folder."""
    data = render_minutes(meeting, library, lang=lang, carried=carried)
    if out_path is not None:
        path = Path(out_path)
        _ensure_folder(path.parent)
    else:
        folder = reports_dir(out_dir)
        _ensure_folder(folder)
        path = free_path(folder, minutes_filename(meeting))
    write_atomic(path, data)
    return path

"""The follow-up's comparison as PDF: the original assessment's expectations beside what the
follow-up found, right by right, the measures, and the follow-up's answers.

Layout only: the content is app/core/followup.Comparison. Built from the report's blocks
(DejaVu Sans, escaping, the page frame with 'page X of Y'); user text is printed as typed.

    render_comparison(comparison, lang) -> bytes
    write_comparison(comparison, path, lang) -> Path     atomically
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from reportlab.platypus import Flowable, Spacer, Table

from app.core import measure_facts, measure_status
from app.core.followup import Comparison, RightRow
from app.core.text import tr
from app.core.wording import fill
from app.report import house
from app.report.measured import Paragraph
from app.report.page import Running, canvas_maker, make_document
from app.report.pdf_blocks import MUTED_HEX
from app.report.strings import LOCALES
from app.report.strings import t as report_t
from app.report.styles import FRAME_WIDTH, RULE, grid_style, styles, table_style
from app.report.text import markup, plain
from app.store.atomic import write_atomic

WORDS: Final[dict[str, tuple[str, str]]] = {
    "kicker": ("Uppföljning av barnkonsekvensanalys", "Follow-up of a child rights impact "
               "assessment"),
    "title": ("Före och efter", "Before and after"),
    "original": ("Ursprunglig analys", "Original assessment"),
    "follow_up": ("Uppföljning", "Follow-up"),
    "due": ("Uppföljning planerad till", "Follow-up planned for"),
    "outcome": ("Nämndens beslut", "The committee's decision"),
    "conclusion": ("Analysens slutsats om barnets bästa", "The assessment's best-interests "
                   "conclusion"),
    "level_before": ("Nivå, ursprunglig analys", "Level, original assessment"),
    "level_after": ("Nivå, uppföljningen", "Level, the follow-up"),
    "rights": ("Rättigheterna: förväntat och utfall", "The rights: expected and outcome"),
    "rights_intro": (
        "Förväntat är den ursprungliga analysens bedömning på kort och lång sikt. Utfall är "
        "uppföljningens bedömning av vad som har hänt hittills och vad som nu väntas framåt.",
        "Expected is the original assessment's rating in the short and long term. Outcome is "
        "the follow-up's rating of what has happened so far and what is now expected."),
    "col_article": ("Artikel", "Article"),
    "col_before": ("Förväntat (kort / lång sikt)", "Expected (short / long term)"),
    "col_after": ("Utfall (hittills / framåt)", "Outcome (so far / from here)"),
    "col_change": ("Förändring", "Change"),
    "change_better": ("Bättre än väntat", "Better than expected"),
    "change_same": ("Som väntat", "As expected"),
    "change_worse": ("Sämre än väntat", "Worse than expected"),
    "change_unknown": ("Kan inte jämföras", "Cannot be compared"),
    "change_new": ("Ny i uppföljningen", "New in the follow-up"),
    "change_not_rated": ("Inte bedömd i uppföljningen", "Not rated in the follow-up"),
    "no_rights": ("Inga rättigheter bedömdes.", "No rights were rated."),
    "measures": ("Åtgärderna", "The measures"),
    "col_planned": ("I analysens plan", "In the assessment's plan"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej, tillkommen", "No, added"),
    "no_measures": ("Inga åtgärder.", "No measures."),
    "answers": ("Uppföljningens svar", "The follow-up's answers"),
    "findings": ("Att åtgärda i uppföljningen", "To address in the follow-up"),
    "made": ("Skapad med bka {when}. Analys {original}, uppföljning {follow_up}.",
             "Produced with bka {when}. Assessment {original}, follow-up {follow_up}."),
    "outcome_as_proposed": ("Enligt förslaget", "As proposed"),
    "outcome_changed": ("Ändrat förslag", "Changed"),
    "outcome_sent_back": ("Återremitterat", "Sent back"),
    "outcome_rejected": ("Avslaget", "Rejected"),
}


def w(key: str, lang: str, **values: object) -> str:
    sv, en = WORDS[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)


def render_comparison(c: Comparison, lang: str = "sv", now: dt.datetime | None = None) -> bytes:
    moment = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    running = Running(title=plain(c.title), case_number=c.follow_up_id,
                      footer=w("kicker", lang), page_label=report_t("page", lang),
                      watermark=None, letterhead=house.letterhead())
    meta = {"title": f"{w('kicker', lang)}: {plain(c.title)}", "author": "bka",
            "subject": w("title", lang), "lang": LOCALES[lang]}
    buffer = BytesIO()
    doc = make_document(buffer, running, meta)
    doc.build(story(c, lang, moment), canvasmaker=canvas_maker(running))
    return buffer.getvalue()


def write_comparison(c: Comparison, path: Path, lang: str = "sv") -> Path:
    write_atomic(path, render_comparison(c, lang), keep_previous=False)
    return path


def story(c: Comparison, lang: str, now: dt.datetime) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(w("kicker", lang), s.kicker),
                           Paragraph(markup(c.title), s.title), _facts(c, lang), Spacer(0, 6)]
    out += _rights(c, lang) + _measures(c, lang) + _answers(c, lang)
    if c.findings:
        out.append(Paragraph(w("findings", lang), s.h2))
        out += [Paragraph(markup(tr(f, lang)), s.body, bulletText="•") for f in c.findings]
    out += [Spacer(0, 10), Paragraph(w("made", lang, when=now.strftime("%Y-%m-%d %H:%M"),
                                       original=c.original_id, follow_up=c.follow_up_id),
                                     s.muted)]
    return out


def _facts(c: Comparison, lang: str) -> Table:
    s = styles()
    pairs = [(w("original", lang), c.original_id), (w("follow_up", lang), c.follow_up_id)]
    if c.due:
        pairs.append((w("due", lang), c.due.isoformat()))
    if c.decision_outcome:
        pairs.append((w("outcome", lang), w(f"outcome_{c.decision_outcome}", lang)))
    if c.conclusion is not None:
        pairs.append((w("conclusion", lang), tr(c.conclusion, lang)))
    if c.original_level is not None:
        pairs.append((w("level_before", lang), tr(c.original_level, lang)))
    if c.follow_up_level is not None:
        pairs.append((w("level_after", lang), tr(c.follow_up_level, lang)))
    rows = [[Paragraph(label, s.head), Paragraph(markup(value), s.cell)]
            for label, value in pairs]
    table = Table(rows, colWidths=[0.36 * FRAME_WIDTH, 0.64 * FRAME_WIDTH], hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    return table


def _pair(c: Comparison, short: Any, long: Any, children: str, lang: str) -> str:
    text = f"{markup(c.rating(short, lang))} / {markup(c.rating(long, lang))}"
    return f"{text}<br/>{markup(children)}" if children.strip() else text


def _right(c: Comparison, r: RightRow, lang: str) -> list[Paragraph]:
    s = styles()
    return [Paragraph(f"{r.number}. {markup(tr(r.title, lang))}", s.cell),
            Paragraph(_pair(c, r.before_short, r.before_long, r.before_children, lang), s.cell),
            Paragraph(_pair(c, r.after_short, r.after_long, r.after_children, lang), s.cell),
            Paragraph(w(f"change_{r.change}", lang), s.cell)]


def _rights(c: Comparison, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(w("rights", lang), s.h2),
                           Paragraph(w("rights_intro", lang), s.muted), Spacer(0, 3)]
    if not c.rights:
        return [*out, Paragraph(w("no_rights", lang), s.body)]
    head = [Paragraph(w(k, lang), s.head) for k in ("col_article", "col_before", "col_after",
                                                    "col_change")]
    rows: list[list[Any]] = [head, *[_right(c, r, lang) for r in c.rights]]
    widths = [x * FRAME_WIDTH for x in (0.22, 0.3, 0.3, 0.18)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [*out, table]


def _measures(c: Comparison, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(w("measures", lang), s.h2)]
    if not c.measures:
        return [*out, Paragraph(w("no_measures", lang), s.body)]
    head = [Paragraph(report_t(k, lang), s.head) for k in
            ("action_what", "action_who", "action_due", "action_status")]
    rows: list[list[Any]] = [[*head, Paragraph(w("col_planned", lang), s.head)]]
    for m in c.measures:
        said = measure_facts.short(m.facts, lang, c.track) if m.facts else ""
        what = markup(m.what) + (f"<br/><font color='{MUTED_HEX}'>{markup(said)}</font>"
                                 if said else "")
        rows.append([Paragraph(what, s.cell), Paragraph(markup(m.who) or "–", s.cell),
                     Paragraph(m.due or "–", s.cell),
                     Paragraph(measure_status.word(m.status, lang), s.cell),
                     Paragraph(w("yes" if m.planned else "no", lang), s.cell)])
    widths = [x * FRAME_WIDTH for x in (0.4, 0.2, 0.13, 0.12, 0.15)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [*out, table]


def _answers(c: Comparison, lang: str) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Paragraph(w("answers", lang), s.h2)]
    for question, answer in c.answers:
        shown = tr(answer, lang)
        out.append(Paragraph(markup(tr(question, lang)), s.question))
        out.append(Paragraph(markup(shown) if str(shown).strip() else
                             report_t("not_given", lang), s.answer))
    return out

"""The report's section on review, approval, the committee's decision and reopenings.

Printed only when something has happened after completion. The content hash lets a reader
check that the printout is the approved text (`bka` computes it the same way, app/core)."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.core import lifecycle as life
from app.report.context import ReportInput
from app.report.styles import FRAME_WIDTH, RULE, styles, table_style
from app.report.text import markup

_S: dict[str, tuple[str, str]] = {
    "title": ("Granskning och beslut", "Review and decision"),
    "reviewer": ("Granskare", "Reviewer"),
    "sent": ("Skickad för granskning", "Sent for review"),
    "approved": ("Godkänd", "Approved"),
    "returned": ("Skickad tillbaka", "Returned"),
    "review_comment": ("Granskarens omdöme", "Reviewer's comment"),
    "comments": ("Granskningskommentarer", "Review comments"),
    "comments_value": ("{count}, varav {open} olösta", "{count}, {open} unresolved"),
    "hash": ("Innehållets kontrollsumma (SHA-256)", "Content hash (SHA-256)"),
    "hash_broken": ("Stämmer inte med innehållet: ändrat efter godkännandet",
                    "Does not match the content: changed after the approval"),
    "decision": ("Nämndens beslut", "The committee's decision"),
    "date": ("Beslutsdatum", "Date of decision"),
    "paragraph": ("Paragraf", "Paragraph"),
    "outcome": ("Utfall", "Outcome"),
    "as_proposed": ("Enligt förslaget", "As proposed"),
    "changed": ("Ändrat förslag", "Changed"),
    "sent_back": ("Återremitterat", "Sent back"),
    "rejected": ("Avslaget", "Rejected"),
    "departs": ("Avviker från analysens slutsats", "Departs from the assessment's conclusion"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "departure": ("Hur och varför", "How and why"),
    "protocol": ("Protokoll", "Minutes"),
    "recorded": ("Registrerat av", "Recorded by"),
    "reopened": ("Öppnad igen", "Reopened"),
    "followed_up": ("Uppföljd", "Followed up"),
    "follow_ups": ("Uppföljningar (id)", "Follow-ups (id)"),
    "follow_up_of": ("Uppföljning av analys (id)", "Follow-up of assessment (id)"),
}


def _t(key: str, lang: str, **values: object) -> str:
    sv, en = _S[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _who(name: str, moment: dt.datetime | None) -> str:
    return " · ".join(x for x in (name, _when(moment)) if x)


def review_and_decision(ri: ReportInput) -> list[Flowable]:
    a, lang, s = ri.assessment, ri.lang, styles()
    r, d = a.review, a.committee_decision
    if not (r.reviewer or a.lifecycle or d or a.follow_ups or a.follow_up_of):
        return []
    rows: list[tuple[str, str]] = []  # (our label, user text or our words)
    if r.reviewer:
        rows.append((_t("reviewer", lang), r.reviewer))
        rows.append((_t("sent", lang), _who(r.requested_by, r.requested_at)))
    if r.outcome:
        rows.append((_t(r.outcome, lang), _who(r.decided_by, r.decided_at)))
        if r.comment:
            rows.append((_t("review_comment", lang), r.comment))
    if r.comments:
        rows.append((_t("comments", lang), _t("comments_value", lang, count=len(r.comments),
                                              open=len(life.unresolved(a)))))
    if life.is_frozen(a) and r.content_hash:
        value = r.content_hash if life.frozen_intact(a) else (
            f"{r.content_hash} – {_t('hash_broken', lang)}")
        rows.append((_t("hash", lang), value))
    for event in a.lifecycle:
        if event.action == "reopen":
            rows.append((_t("reopened", lang),
                         f"{_who(event.by, event.at)}: {event.reason} "
                         f"({life.short_hash(event.content_hash)})"))
    if d is not None:
        rows += [
            (_t("decision", lang), ""),
            (_t("date", lang), d.date.isoformat()),
            (_t("paragraph", lang), d.paragraph),
            (_t("outcome", lang), _t(d.outcome, lang)),
            (_t("departs", lang), _t("yes" if d.departs else "no", lang)),
        ]
        if d.departs:
            rows.append((_t("departure", lang), d.departure))
        rows += [(_t("protocol", lang), d.protocol),
                 (_t("recorded", lang), _who(d.recorded_by, d.recorded_at))]
    for event in a.lifecycle:
        if event.action == "follow_up":
            rows.append((_t("followed_up", lang), _who(event.by, event.at)))
    if a.follow_ups:
        rows.append((_t("follow_ups", lang), ", ".join(a.follow_ups)))
    if a.follow_up_of:
        rows.append((_t("follow_up_of", lang), a.follow_up_of))
    cells = [[Paragraph(label, s.head), Paragraph(markup(value), s.cell)]
             for label, value in rows]
    table = Table(cells, colWidths=[0.32 * FRAME_WIDTH, 0.68 * FRAME_WIDTH], hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    return [KeepTogether([Paragraph(_t("title", lang), s.h2), table]), Spacer(0, 6)]

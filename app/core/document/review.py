"""Review, approval, the committee's decision and reopenings, as the report prints them.

Shown only when something has happened after completion. The content hash lets a reader check
that the printout is the approved text (`bka` computes it the same way, app/core/lifecycle.py).
Its words live here so that this section can change on its own.
"""

from __future__ import annotations

import datetime as dt

from app.core import lifecycle as life
from app.core.document.decisive import paragraph_number
from app.core.document.model import Block, Field, Fields, Heading, Section
from app.core.document.source import ReportInput
from app.core.document.track import w
from app.core.models.assessment import Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.core.wording import fill

_S: dict[str, tuple[str, str]] = {
    "title": ("Granskning och beslut", "Review and decision"),
    "review": ("Granskning", "Review"),
    "reviewer": ("Granskare", "Reviewer"),
    "sent": ("Skickad för granskning", "Sent for review"),
    "approved": ("Godkänd", "Approved"),
    "returned": ("Skickad tillbaka", "Returned"),
    "review_comment": ("Granskarens omdöme", "Reviewer's comment"),
    "comments": ("Granskningskommentarer", "Review comments"),
    "comments_value": ("{count}, varav {open:# olöst|# olösta}", "{count}, {open} unresolved"),
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
    "follow_up": ("Uppföljning", "Follow-up"),
    "followed_up": ("Uppföljd", "Followed up"),
    "follow_ups": ("Uppföljningar (id)", "Follow-ups (id)"),
    "follow_up_of": ("Uppföljning av analys (id)", "Follow-up of assessment (id)"),
}


def _t(key: str, lang: str, **values: object) -> str:
    sv, en = _S[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)


def review_words(key: str, lang: str) -> str:
    """Our words for a review or decision term (an outcome: as_proposed, changed, ...)."""
    return _t(key, lang)


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _who(name: str, moment: dt.datetime | None) -> str:
    return " · ".join(x for x in (name, _when(moment)) if x)


def review_section(ri: ReportInput) -> Section | None:
    """The section, or None before anything has happened after completion."""
    a, lang = ri.assessment, ri.lang
    r, d = a.review, a.committee_decision
    if not (r.reviewer or a.lifecycle or d or a.follow_ups or a.follow_up_of):
        return None
    blocks: list[Block] = []
    review = _review_rows(a, lang)
    if review:
        blocks += [Heading(2, _t("review", lang), "review-steps"), _pairs(review)]
    if d is not None:
        blocks += [Heading(2, w("decision", ri), "review-decision"),
                   _pairs(_decision_rows(d, lang))]
    follow = _follow_up_rows(a, lang)
    if follow:
        blocks += [Heading(2, _t("follow_up", lang), "review-follow-up"), _pairs(follow)]
    return Section(id="review", title=_t("title", lang), blocks=tuple(blocks))


def _pairs(rows: list[tuple[str, str]]) -> Fields:
    return Fields(tuple(Field(label, value) for label, value in rows), columns=1)


def _review_rows(a: Assessment, lang: str) -> list[tuple[str, str]]:
    """(our label, user text or our words) for each step of the review and each reopening."""
    r = a.review
    rows: list[tuple[str, str]] = []
    if r.reviewer:
        rows.append((_t("reviewer", lang), r.reviewer))
        rows.append((_t("sent", lang), _who(r.requested_by, r.requested_at)))
    if r.outcome:
        rows.append((_t(r.outcome, lang), _who(r.decided_by, r.decided_at)))
        if r.comment:
            rows.append((_t("review_comment", lang), r.comment))
    standing = [c for c in r.comments if not c.withdrawn_at]  # a withdrawn one was taken back
    if standing:
        rows.append((_t("comments", lang), _t("comments_value", lang, count=len(standing),
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
    return rows


def _decision_rows(d: CommitteeDecision, lang: str) -> list[tuple[str, str]]:
    number = paragraph_number(d.paragraph)
    rows = [(_t("date", lang), d.date.isoformat()),
            (_t("paragraph", lang), f"§\u00a0{number}" if number else ""),
            (_t("outcome", lang), _t(d.outcome, lang)),
            (_t("departs", lang), _t("yes" if d.departs else "no", lang))]
    if d.departs:
        rows.append((_t("departure", lang), d.departure))
    return rows + [(_t("protocol", lang), d.protocol),
                   (_t("recorded", lang), _who(d.recorded_by, d.recorded_at))]


def _follow_up_rows(a: Assessment, lang: str) -> list[tuple[str, str]]:
    """When it was followed up, its follow-ups (by id, as the app lists them) and, on a
    follow-up, the assessment it follows up."""
    rows = [(_t("followed_up", lang), _who(event.by, event.at))
            for event in a.lifecycle if event.action == "follow_up"]
    if a.follow_ups:
        rows.append((_t("follow_ups", lang), ", ".join(a.follow_ups)))
    if a.follow_up_of:
        rows.append((_t("follow_up_of", lang), a.follow_up_of))
    return rows

"""What the checks cannot judge, and whether a reviewer has approved: beside the findings.

The level says what the checks saw: whether the recorded facts agree. Whether a measure really
reduces the harm, or whether a reason holds, only a person can judge; the scorecard lists those
questions for this case (app/core/review_list.py) and this module puts them on page 1, with
the review's state as the record holds it. Also: which weakened rights or groups each measure
says it addresses, under the measures table. Its words live here so it can change on its own.
"""

from __future__ import annotations

from typing import Any

from app.core.document.model import Block, Bullets, Heading, Para, inline
from app.core.document.source import ReportInput
from app.core.models.approval import Approval
from app.core.text import tr
from app.core.wording import fill

_S: dict[str, tuple[str, str]] = {
    "title": ("Det kontrollerna inte kan bedöma", "What the checks cannot judge"),
    "intro": ("Nivån bygger på att svaren finns och stämmer med varandra. Om resonemangen håller "
              "kan ingen kontroll läsa; det avgör en granskare. Frågor att ta ställning till:",
              "The level rests on the answers being there and agreeing with each other. Whether "
              "the reasoning holds no check can read; a reviewer judges that. Questions to "
              "decide:"),
    "approved": ("Granskning: godkänd av {who} {when}.", "Review: approved by {who} {when}."),
    "answers": ("Granskarens svar på frågorna:", "The reviewer's answers to the questions:"),
    "approved_checklist": ("Granskaren bekräftade {count:# fråga|# frågor} i listan ovan.",
                           "The reviewer confirmed {count:# question|# questions} on the list "
                           "above."),
    "claimed": ("Granskning: analysen anger att {who} har godkänt den, men godkännandet finns "
                "inte registrerat i den här installationen och räknas inte.",
                "Review: the assessment says {who} approved it, but the approval is not "
                "recorded in this installation and does not count."),
    "lapsed": ("Granskning: {who} godkände en tidigare version {when}; analysen har ändrats "
               "sedan dess och är inte godkänd i den här versionen.",
               "Review: {who} approved an earlier version on {when}; the assessment has "
               "changed since and this version is not approved."),
    "returned": ("Granskning: skickad tillbaka av {who} {when}; inte godkänd.",
                 "Review: returned by {who} {when}; not approved."),
    "pending": ("Granskning: skickad till {who} för granskning; inte godkänd än.",
                "Review: sent to {who} for review; not approved yet."),
    "none": ("Granskning: ingen granskning är registrerad; ingen granskare har godkänt "
             "analysen.", "Review: no review is recorded; no reviewer has approved the "
             "assessment."),
    "addresses": ("{what}: gäller {targets}", "{what}: addresses {targets}"),
    "addresses_none": ("{what}: nämner ingen försvagad rättighet eller grupp",
                       "{what}: names no weakened right or group"),
    "migrated": ("Svaren gavs till version {old} av frågeformuläret och läses med version {new}, "
                 "i {steps} steg. Vad varje steg ändrar står under Metod.",
                 "The answers were given to version {old} of the questionnaire and are read with "
                 "version {new}, in {steps} steps. What each step changes is under Method."),
    "migration_title": ("Svar från äldre versioner", "Answers from earlier versions"),
    "targets": ("Vilka försvagade rättigheter eller grupper åtgärderna gäller",
                "Which weakened rights or groups the measures address"),
}


def _t(key: str, lang: str, **values: object) -> str:
    sv, en = _S[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values) if values else text


def checklist_title(lang: str) -> str:
    return _t("title", lang)


def checklist_intro(lang: str) -> str:
    return _t("intro", lang)


def migrated_line(ri: ReportInput) -> str:
    """Page 1's one line when the answers pass several migration steps."""
    return _t("migrated", ri.lang, old=ri.assessment.questionnaire.version,
              new=ri.questionnaire.version, steps=len(ri.migration_notes))


def migration_blocks(ri: ReportInput) -> list[Block]:
    """Under Method: what each migration step changed, in order (when there were several)."""
    if len(ri.migration_notes) < 2:
        return []
    return [Heading(2, _t("migration_title", ri.lang), "method-migrations"),
            Bullets(tuple(inline(tr(note, ri.lang)) for note in ri.migration_notes))]


def review_blocks(ri: ReportInput) -> list[Block]:
    """The reviewer's questions for this case and the state of the review."""
    lang = ri.lang
    blocks: list[Block] = [Heading(2, _t("title", lang), "review-checklist")]
    if ri.card.review:
        blocks += [Para(inline(_t("intro", lang))),
                   Bullets(tuple(inline(tr(item.text, lang)) for item in ri.card.review))]
    blocks.append(Para(inline(review_state(ri.assessment, lang, ri.card.approval, ri.card.lapsed))))
    answered = [c for c in ri.card.approval.checklist if c.note.strip()] \
        if ri.card.approval is not None else []
    if answered:  # the reviewer's own words, as recorded with the approval
        blocks += [Para(inline(_t("answers", lang)), role="muted"),
                   Bullets(tuple(inline(f"{tr(c.text, lang)} – {c.note.strip()}")
                                 for c in answered))]
    return blocks


def review_state(assessment: Any, lang: str, approval: Approval | None = None,
                 lapsed: Approval | None = None) -> str:
    """Whether a reviewer has approved: an approval this installation recorded of this very
    content (`approval`), never the assessment's own word about itself."""
    r = assessment.review
    if approval is not None:
        said = _t("approved", lang, who=approval.reviewer,
                  when=approval.approved_at.astimezone().strftime("%Y-%m-%d"))
        confirmed = sum(1 for c in approval.checklist if c.checked or c.note.strip())
        return said + (" " + _t("approved_checklist", lang, count=confirmed) if confirmed else "")
    when = r.decided_at.strftime("%Y-%m-%d") if r.decided_at else ""
    if lapsed is not None:
        return _t("lapsed", lang, who=lapsed.reviewer,
                  when=lapsed.approved_at.astimezone().strftime("%Y-%m-%d"))
    if r.outcome == "approved":
        return _t("claimed", lang, who=r.decided_by or r.reviewer)
    if r.outcome == "returned":
        return _t("returned", lang, who=r.decided_by or r.reviewer, when=when).replace(" ;", ";")
    if r.reviewer:
        return _t("pending", lang, who=r.reviewer)
    return _t("none", lang)


def measure_targets(ri: ReportInput, actions: list[dict[str, Any]]) -> list[Block]:
    """Under the measures: what each measure says it addresses (nothing when none says)."""
    lang = ri.lang
    if not any(a.get("addresses") for a in actions if isinstance(a, dict)):
        return []
    items = []
    for action in actions:
        if not isinstance(action, dict):
            continue
        what = str(action.get("what") or "–").rstrip(".")
        # The report for the case file names an article by number: its title stands in the
        # table of articles a page earlier, and the page count is what the form promises.
        named = [target_label(ri, str(x), titled=ri.form == "full")
                 for x in action.get("addresses") or []]
        items.append(inline(_t("addresses", lang, what=what, targets=", ".join(named))
                            if named else _t("addresses_none", lang, what=what)))
    return [Para(inline(_t("targets", lang)), role="muted"), Bullets(tuple(items))]


def target_label(ri: ReportInput, target: str, titled: bool = True) -> str:
    """'art. 31 Vila, fritid, lek' for an article ('art. 31' untitled), the group's own
    label for a group."""
    if target.isdigit():
        article = ri.library.article(int(target)) if titled else None
        title = tr(article.title, ri.lang) if article else ""
        return f"art. {target}" + (f" {title}" if title else "")
    for question in ri.questionnaire.questions.values():
        if question.type == "impact" and question.groups is not None:
            source = ri.questionnaire.questions.get(question.groups.source)
            if source is not None:
                return tr(source.option_label(target), ri.lang)
    return target

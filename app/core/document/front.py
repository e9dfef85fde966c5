"""The first part, for a politician with one minute: the decision, then the conclusion on the
child's best interests and the serious findings, then the level (and what holds it down), the
figures, the rights weakened and for whom, the chart and the other warnings.

A screening record (the short path) shows the judgement, its reason and its findings, and no
level, figures or chart: nothing was assessed that a figure could describe."""

from __future__ import annotations

from app.core import verdict
from app.core.completion import unexplained_completion
from app.core.document.answers import article_cell
from app.core.document.decisive import (
    PAGE_ONE_ROWS,
    alternatives_text,
    decided_text,
    most_affected,
    outcome_word,
    rating_words,
    term_text,
    who_text,
)
from app.core.document.decisive import s as ds
from app.core.document.evidence import migrated_line, review_blocks
from app.core.document.facts import facts_blocks
from app.core.document.model import (
    Bar,
    Block,
    Callout,
    Chart,
    Field,
    Fields,
    Figure,
    Figures,
    Finding,
    Findings,
    Heading,
    Inline,
    LongText,
    Note,
    Para,
    Section,
    Span,
    Table,
    inline,
)
from app.core.document.review import review_words
from app.core.document.source import ReportInput
from app.core.document.strings import number, percent, t
from app.core.document.track import w
from app.core.models.scorecard import ClusterImpact
from app.core.text import tr

HIDDEN_CLUSTERS = {"monitoring_final"}  # articles 43-54 are about the Committee, never rated
CLIP = 220  # characters of a 'for which children' text on page 1; the table has all of it
ALTERNATIVES_CLIP = 700  # the alternatives on page 1; the analysis has the whole answer


def unexplained_note(ri: ReportInput) -> str:
    """What remains of a completion without a reason: the required answers missing and the
    serious findings, each named only when there is one."""
    missing, serious = len(ri.card.missing), len(ri.card.serious)
    gaps = [*([t("completion_missing", ri.lang, missing=missing)] if missing else []),
            *([t("completion_serious", ri.lang, serious=serious)] if serious else [])]
    return t("completion_unexplained", ri.lang, gaps=", ".join(gaps))


def front_section(ri: ReportInput) -> Section:
    lang, d = ri.lang, ri.assessment.decision
    blocks: list[Block] = [decision_fields(ri)]
    if d.description.strip():
        blocks += [Para(inline(t("description", lang)), role="muted"),
                   LongText(d.description, role="body")]
    blocks += _notes(ri)
    # What decides comes first: the conclusion and its reasons, then at once what is wrong
    # with the assessment itself (a serious finding qualifies the conclusion it follows, so a
    # reader of page 1 never sees one without the other), the rights and groups most
    # weakened, the alternatives, the recorded decision; the level and the figures after.
    if is_screening(ri):
        blocks += _screening(ri) + decision_blocks(ri) + findings_blocks(ri, serious=True)
        blocks += review_blocks(ri)
    else:
        blocks += _conclusion(ri) + findings_blocks(ri, serious=True)
        blocks += rights_blocks(ri) + alternatives_blocks(ri) + facts_blocks(ri)
        blocks += decision_blocks(ri)
        # What the checks cannot judge follows the level that they decided.
        blocks += [_level(ri), _figures(ri), *review_blocks(ri)]
        blocks += chart_blocks(ri) + findings_blocks(ri, serious=False)
    return Section(id="summary", title=t("summary", lang), blocks=tuple(blocks),
                   show_heading=False)


def is_screening(ri: ReportInput) -> bool:
    """The short path "does not concern children": a screening record, not a score."""
    return ri.card.kind == "screening"


def is_draft(ri: ReportInput) -> bool:
    """A draft, or marked complete with serious findings and no recorded reason: on paper
    that is still a draft."""
    return ri.assessment.status == "draft" or unexplained_completion(ri.assessment, ri.card)


def decision_fields(ri: ReportInput) -> Fields:
    """The case's metadata; once a decision is recorded, its date and paragraph stand where
    the planned date stood."""
    lang, d = ri.lang, ri.assessment.decision
    status = t("status_complete_unexplained", lang) \
        if unexplained_completion(ri.assessment, ri.card) \
        else t(f"status_{ri.assessment.status}", lang)
    pairs = [(t("case_number", lang), d.case_number), (w("committee", ri), d.committee),
             (t("decision_maker", lang), d.decision_maker), _when_decided(ri),
             (t("official", lang), d.official), (t("status", lang), status)]
    empty = t("not_given", lang)
    return Fields(tuple(Field(label, value.strip(), empty) for label, value in pairs))


def decision_blocks(ri: ReportInput) -> list[Block]:
    """The recorded decision and its outcome (only once it is recorded)."""
    lang, d = ri.lang, ri.assessment.committee_decision
    if d is None:
        return []
    lines: list[Inline] = [(Span(f"{ds('decided', lang)}: ", strong=True),
                            Span(decided_text(d, lang, ri.date(d.date))))]
    if d.departs:
        lines.append((Span(f"{ds('departs', lang)}: ", strong=True, tone="serious"),
                      Span(d.departure.strip() or t("not_given", lang))))
    if d.protocol.strip():
        lines.append((Span(f"{ds('protocol', lang)}: ", strong=True), Span(d.protocol.strip())))
    return [Callout(w("decision", ri), (Span(outcome_word(d, lang), strong=True),),
                    tuple(lines))]


def alternatives_blocks(ri: ReportInput) -> list[Block]:
    """The alternatives weighed and why they were not chosen, as answered (clipped on page 1;
    the whole answer stands in the analysis)."""
    if ri.questionnaire.summary is None or not ri.questionnaire.summary.alternatives:
        return []
    text = alternatives_text(ri)
    head = Heading(2, ds("alternatives", ri.lang), "alternatives")
    if not text:
        return [head, Para(inline(ds("no_alternatives", ri.lang)), role="muted")]
    return [head, LongText(clip(text, ALTERNATIVES_CLIP), role="body")]


def _when_decided(ri: ReportInput) -> tuple[str, str]:
    """The recorded decision's date and outcome; before one is recorded, the planned date,
    labelled as planned (a plan is never printed as a decision)."""
    recorded, d, lang = ri.assessment.committee_decision, ri.assessment.decision, ri.lang
    if recorded is not None:
        when = decided_text(recorded, lang, ri.date(recorded.date))
        return t("decided_on", lang), t("decided_value", lang, date=when,
                                        outcome=review_words(recorded.outcome, lang))
    return t("decision_date", lang), ri.date(d.decision_date)


def _notes(ri: ReportInput) -> list[Block]:
    """What the reader must know before trusting the figures: version, completion, data."""
    lang, q, a = ri.lang, ri.questionnaire, ri.assessment
    notes = []
    if len(ri.migration_notes) > 1:  # several steps: one line here, each step under Method
        notes.append(migrated_line(ri))
    elif ri.migration_notes:  # a declared migration says itself what changed
        notes += [tr(note, lang) for note in ri.migration_notes]
    elif ri.stale_version:
        notes.append(t("stale_version", lang, old=ri.stale_version, qid=q.id, new=q.version))
    if a.status != "draft" and a.completion_reason.strip():
        notes.append(t("completion_reason", lang, reason=a.completion_reason.strip()))
    elif unexplained_completion(a, ri.card):
        notes.append(unexplained_note(ri))
    if ri.text_changed:
        notes.append(t("changed_text", lang, version=q.version))
    if ri.orphans:
        notes.append(t("orphans_note", lang, count=len(ri.orphans)))
    if a.personal_data:
        notes.append(t("personal_data", lang))
    if not notes:
        return []
    return [Note(t("note", lang), tuple(inline(n) for n in notes))]


def _conclusion(ri: ReportInput) -> list[Block]:
    """The heart of the assessment: yes, partly or no, and the reasons, before any figure."""
    card, lang = ri.card, ri.lang
    given = card.conclusion is not None and card.conclusion.outcome_label is not None
    lines: list[Inline] = []
    if card.conclusion is not None and card.conclusion.motivation.strip():
        lines.append((Span(f"{t('motivation', lang)}: ", strong=True),
                      Span(card.conclusion.motivation.strip())))
    note = verdict.motivation_note(card, lang)
    if note:
        lines.append((Span(f"{note}.", strong=True, tone="serious"),))
    headline = (Span(verdict.outcome_text(card, lang), strong=True,
                     tone=None if given else "serious"),)
    return [Callout(t("conclusion_title", lang), headline, tuple(lines),
                    lead=inline(verdict.conclusion_question(ri.questionnaire, lang)))]


def _screening(ri: ReportInput) -> list[Block]:
    lang, reason = ri.lang, ri.card.screening_reason
    lines: list[Inline] = [
        inline(verdict.s("screening", lang)),
        (Span(f"{verdict.s('screening_reason', lang)}: ", strong=True),
         Span(reason.strip()) if reason.strip() else Span(t("not_given", lang), muted=True))]
    return [Callout("", inline(t("screening_title", lang)), tuple(lines))]


def _level(ri: ReportInput) -> Callout:
    lang, card = ri.lang, ri.card
    if card.level is None:
        return Callout(t("overall_level", lang), inline(t("no_level", lang)))
    level = card.level
    points = t("points", lang, score=number(card.overall, lang))
    cap = verdict.cap_sentence(card, lang)
    lines: list[Inline]
    if cap and verdict.awaits_reviewer(card):  # no fault: the top is earned with a reviewer
        lines = [(Span(cap, strong=True),)]
    elif cap:
        lines = [(Span(cap, strong=True, tone="serious"),)]
    else:
        band = t("band", lang, low=number(level.min, lang), high=number(level.max, lang))
        lines = [(Span(band, muted=True),)]
    if level.meaning and not verdict.awaits_reviewer(card):
        lines.append(inline(tr(level.meaning, lang)))
    headline = (Span(tr(level.label, lang), strong=True), Span(f" {points}", muted=True))
    return Callout(t("overall_level", lang), headline, tuple(lines))


def _figures(ri: ReportInput) -> Figures:
    lang, card = ri.lang, ri.card
    if card.balance is None:
        weakened, detail = "–", inline(t("no_ratings", lang))
    else:
        # Counts first: a mean hides who loses. The mean follows, named by its band.
        weakened = str(card.negative)
        rated = len({a.number for a in card.articles if a.combined is not None})
        mean = t("mean_note", lang, mean=number(card.balance, lang, 2, sign=True),
                 label=tr(card.balance_label, lang))
        detail = (Span(t("rights_strengthened_n", lang, n=card.positive), strong=True),
                  Span(f", {t('rights_of', lang, rated=rated)}\n{mean}"))
    return Figures((
        Figure(t("rights_weakened_title", lang), weakened, detail),
        Figure(t("quality", lang), number(card.process_quality, lang),
               inline(t("quality_of", lang))),
        Figure(t("completeness", lang), percent(card.completeness, lang),
               inline(t("answered_of", lang, answered=card.required_answered,
                        required=card.required_visible))),
    ))


def rights_blocks(ri: ReportInput) -> list[Block]:
    """The rights and groups most weakened, worst first: who loses is not averaged, and a
    group worse off than all children is named as such."""
    lang = ri.lang
    items = most_affected(ri)
    if not items:
        return []
    rows = []
    for item in items[:PAGE_ONE_ROWS]:
        right = article_cell(ri, item.number)
        if item.terms:
            right += (Span(f"\n{term_text(ri, item)}", muted=True),)
        who: Inline = (Span(clip(who_text(ri, item))),)
        if item.worse and item.all_children is not None:
            compared = ds("all_value", lang, value=number(item.all_children, lang, 1,
                                                          sign=item.all_children != 0))
            who += (Span(f" ({ds('worse', lang)}; {compared})", strong=True,
                         tone="serious"),)
        rows.append((right, who, (Span(rating_words(ri, item.value), strong=True),)))
    title = w("most_affected", ri)
    table = Table(header=(ds("right", lang), ds("who", lang), ds("rating", lang)),
                  rows=tuple(rows), widths=(0.3, 0.48, 0.22), caption=title, row_headers=True)
    out: list[Block] = [Heading(2, title, "weakened"), table]
    if len(items) > PAGE_ONE_ROWS:
        out.append(Para(inline(ds("more", lang, count=len(items) - PAGE_ONE_ROWS)),
                        role="muted"))
    return out


def clip(text: str, limit: int = CLIP) -> str:
    """A long 'for which children' text shortened for page 1; the full text is in the table."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def unrated(clusters: list[ClusterImpact]) -> list[ClusterImpact]:
    """Clusters with no rated article, named under the chart so that the gaps show."""
    return [c for c in clusters if c.mean is None and c.id not in HIDDEN_CLUSTERS]


def chart_blocks(ri: ReportInput) -> list[Block]:
    lang = ri.lang
    out: list[Block] = [Heading(2, t("chart_title", lang), "chart")]
    rated = [c for c in ri.card.clusters if c.mean is not None]
    if not rated:
        return out + [Para(inline(t("no_ratings", lang) + "."))]
    out.append(impact_chart(ri, rated))
    caption: list[Span] = [Span(t("chart_caption", lang))]
    gaps = unrated(ri.card.clusters)
    if gaps:
        names = ", ".join(tr(c.title, lang) for c in gaps)
        caption += [Span(f" {t('chart_not_rated', lang)}: ", strong=True), Span(f"{names}.")]
    return out + [Para(tuple(caption), role="muted")]


def impact_chart(ri: ReportInput, rated: list[ClusterImpact]) -> Chart:
    lang = ri.lang
    bars = tuple(Bar(tr(c.title, lang), float(c.mean or 0),
                     number(float(c.mean or 0), lang, 2, sign=True)) for c in rated)
    listed = "; ".join(f"{b.label} {b.value_text}" for b in bars)
    alt = t("chart_alt", lang, count=len(bars), list=listed)
    rows = tuple((inline(tr(c.title, lang)), inline(number(float(c.mean or 0), lang, 2,
                                                           sign=True)),
                  inline(", ".join(str(n) for n in c.articles)))
                 for c in rated)
    table = Table(header=(t("area", lang), t("value", lang), t("articles_counted", lang)),
                  rows=rows, widths=(0.5, 0.15, 0.35), caption=t("chart_table", lang),
                  align=("left", "right", "left"), row_headers=True, show_caption=True)
    ticks = tuple((float(s), number(s, lang, sign=s != 0)) for s in range(-2, 3))
    return Chart(bars=bars, ticks=ticks, weakened=t("chart_weakened", lang),
                 strengthened=t("chart_strengthened", lang), alt=alt, table=table)


def findings_blocks(ri: ReportInput, serious: bool) -> list[Block]:
    """The serious findings (after the conclusion), or the other warnings (last)."""
    lang, q, card = ri.lang, ri.questionnaire, ri.card
    flags = [f for f in card.flags if (f.severity == "serious") == serious]
    key = "serious_title" if serious else "other_warnings" if card.serious else "warnings"
    head = Heading(2, t(key, lang), "serious" if serious else "warnings")
    if not flags:
        if serious and card.kind == "screening":
            return [head, Para(inline(t("screening_no_findings", lang)))]
        if serious or card.serious:
            return []
        return [head, Findings((), empty=t("no_warnings", lang))]
    items = []
    for flag in flags:
        severity = t(f"severity_{flag.severity}", lang)
        if flag.id in card.capped_by:
            severity += f", {t('holds_level', lang)}"
        where = q.numbering.get(flag.question)
        items.append(Finding(flag.severity, severity, tr(flag.message, lang),
                             t("see_question", lang, number=where) if where else "",
                             details=", ".join(flag.details),
                             details_label=t("found", lang)))
    return [head, Findings(tuple(items), empty=t("no_warnings", lang))]

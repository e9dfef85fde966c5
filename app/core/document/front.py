"""The first part, for a politician with one minute: the decision, the conclusion on the
child's best interests, the level, three figures, the chart and the findings."""

from __future__ import annotations

from app.core import verdict
from app.core.document.model import (
    Bar,
    Block,
    Bullets,
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
from app.core.document.source import ReportInput
from app.core.document.strings import number, percent, t
from app.core.models.scorecard import ClusterImpact
from app.core.text import tr

HIDDEN_CLUSTERS = {"monitoring_final"}  # articles 43-54 are about the Committee, never rated


def front_section(ri: ReportInput) -> Section:
    lang, d = ri.lang, ri.assessment.decision
    blocks: list[Block] = [decision_fields(ri)]
    if d.description.strip():
        blocks += [Para(inline(t("description", lang)), role="muted"),
                   LongText(d.description, role="body")]
    blocks += _notes(ri)
    # The conclusion and what is wrong with the assessment come first; the figures after.
    if is_screening(ri):
        blocks += _screening(ri) + findings_blocks(ri)
    else:
        blocks += _conclusion(ri) + findings_blocks(ri)
        blocks += [_level(ri), _figures(ri)]
        blocks += chart_blocks(ri) + profile_blocks(ri)
    return Section(id="summary", title=t("summary", lang), blocks=tuple(blocks),
                   show_heading=False)


def is_screening(ri: ReportInput) -> bool:
    """The short path "does not concern children": a screening record, not a score."""
    return ri.card.kind == "screening"


def decision_fields(ri: ReportInput) -> Fields:
    lang, d = ri.lang, ri.assessment.decision
    date = d.decision_date.isoformat() if d.decision_date else ""
    pairs = [("case_number", d.case_number), ("committee", d.committee),
             ("decision_maker", d.decision_maker), ("decision_date", date),
             ("official", d.official),
             ("status", t(f"status_{ri.assessment.status}", lang))]
    empty = t("not_given", lang)
    return Fields(tuple(Field(t(key, lang), value.strip(), empty) for key, value in pairs))


def _notes(ri: ReportInput) -> list[Block]:
    """What the reader must know before trusting the figures: version, personal data."""
    lang, q = ri.lang, ri.questionnaire
    notes = []
    if ri.stale_version:
        notes.append(t("stale_version", lang, old=ri.stale_version, qid=q.id, new=q.version))
    if ri.text_changed:
        notes.append(t("changed_text", lang, version=q.version))
    if ri.orphans:
        notes.append(t("orphans_note", lang, count=len(ri.orphans)))
    if ri.assessment.personal_data:
        notes.append(t("personal_data", lang))
    if not notes:
        return []
    return [Note(t("note", lang), tuple(inline(n) for n in notes))]


def _conclusion(ri: ReportInput) -> list[Block]:
    """The best-interests conclusion as the official gave it (yes / partly / no, motivation)."""
    card, lang = ri.card, ri.lang
    if card.conclusion is None:
        return []
    given = card.conclusion.outcome_label is not None
    headline = (Span(verdict.outcome_text(card, lang), strong=True,
                     tone=None if given else "serious"),)
    lines: list[Inline] = []
    if card.conclusion.motivation.strip():
        lines.append(inline(card.conclusion.motivation.strip()))
    note = verdict.motivation_note(card, lang)
    if note:
        lines.append((Span(note, strong=True, tone="serious"),))
    return [Callout(verdict.s("conclusion", lang), headline, tuple(lines))]


def _screening(ri: ReportInput) -> list[Block]:
    lang, reason = ri.lang, ri.card.screening_reason
    lines: list[Inline] = [
        inline(verdict.s("screening", lang)),
        (Span(f"{verdict.s('screening_reason', lang)}: ", strong=True),
         Span(reason) if reason.strip() else Span(t("not_given", lang), muted=True))]
    return [Callout(t("screening_label", lang), inline(t("screening_headline", lang)),
                    tuple(lines))]


def _level(ri: ReportInput) -> Callout:
    lang, card = ri.lang, ri.card
    if card.level is None:
        return Callout(t("overall_level", lang), inline(t("no_level", lang)))
    level = card.level
    points = t("points", lang, score=number(card.overall, lang))
    band = t("band", lang, low=number(level.min, lang), high=number(level.max, lang))
    lines: list[Inline] = [(Span(band, muted=True),)]
    capped = verdict.cap_sentence(card, lang)
    if capped:
        lines.append((Span(capped, strong=True, tone="serious"),))
    if level.meaning:
        lines.append(inline(tr(level.meaning, lang)))
    headline = (Span(tr(level.label, lang), strong=True), Span(f" {points}", muted=True))
    return Callout(t("overall_level", lang), headline, tuple(lines))


def _figures(ri: ReportInput) -> Figures:
    lang, card = ri.lang, ri.card
    if card.balance is None:
        balance, detail = "–", inline(t("no_ratings", lang))
    else:
        balance = number(card.balance, lang, 2, sign=True)
        rated = len({a.number for a in card.articles if a.combined is not None})
        counts = t("balance_counts", lang, rated=rated, neg=card.negative, pos=card.positive)
        detail = (Span(tr(card.balance_label, lang), strong=True), Span("\n" + counts))
    return Figures((
        Figure(f"{t('balance', lang)} ({t('balance_scale', lang)})", balance, detail),
        Figure(t("quality", lang), number(card.process_quality, lang),
               inline(t("quality_of", lang))),
        Figure(t("completeness", lang), percent(card.completeness, lang),
               inline(t("answered_of", lang, answered=card.required_answered,
                        required=card.required_visible))),
    ))


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


def findings_blocks(ri: ReportInput) -> list[Block]:
    lang, q = ri.lang, ri.questionnaire
    head = Heading(2, t("warnings", lang), "findings")
    # Serious first; the word carries the severity, a colour only repeats it.
    flags = sorted(ri.card.flags, key=lambda f: f.severity != "serious")
    items = []
    for flag in flags:
        where = q.numbering.get(flag.question)
        items.append(Finding(flag.severity, t(f"severity_{flag.severity}", lang),
                             tr(flag.message, lang),
                             t("see_question", lang, number=where) if where else ""))
    return [head, Findings(tuple(items), empty=t("no_warnings", lang))]


def profile_blocks(ri: ReportInput) -> list[Block]:
    """Who loses and who gains, right by right, instead of a mean that hides it; the children
    each rating concerns stand in the table "Påverkan per artikel"."""
    lang, card = ri.lang, ri.card
    if not card.weakened and not card.strengthened:
        return []
    counts = t("profile_counts", lang, neg=len(card.weakened), pos=len(card.strengthened))
    return [Heading(2, t("profile_title", lang), "profile"), Para(inline(counts)),
            Bullets(((Span(f"{verdict.s('weakened', lang)}: ", strong=True, tone="negative"),
                      Span(verdict.changes(card.weakened, lang))),
                     (Span(f"{verdict.s('strengthened', lang)}: ", strong=True, tone="positive"),
                      Span(verdict.changes(card.strengthened, lang)))))]

"""The first part, for a politician with one minute: the decision, the conclusion on the
child's best interests, the level, three figures, the chart and the findings."""

from __future__ import annotations

from typing import Any

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
    blocks += _conclusion(ri)
    if is_screening(ri):
        blocks += _screening(ri)
    else:
        blocks += [_level(ri), _figures(ri)]
        blocks += chart_blocks(ri)
    blocks += findings_blocks(ri)
    return Section(id="summary", title=t("summary", lang), blocks=tuple(blocks),
                   show_heading=False)


def is_screening(ri: ReportInput) -> bool:
    """The short path "does not concern children": a screening record, not a score."""
    return getattr(ri.card, "kind", "assessment") == "screening"


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
    found = conclusion_of(ri)
    if found is None:
        return []
    lang = ri.lang
    outcome, motivation = found
    headline = inline(outcome) if outcome else (Span(t("no_conclusion", lang), tone="serious"),)
    lines: list[Inline] = [inline(motivation) if motivation.strip()
                           else (Span(t("no_motivation", lang), muted=True),)]
    return [Callout(t("conclusion", lang), headline, tuple(lines))]


def conclusion_of(ri: ReportInput) -> tuple[str, str] | None:
    """(outcome label, motivation) from the scorecard; None when it has no conclusion."""
    card: Any = ri.card
    found = getattr(card, "conclusion", None)
    if found is None:
        return None
    label = tr(found.outcome_label, ri.lang) if found.outcome_label else ""
    return label, found.motivation or ""


def _screening(ri: ReportInput) -> list[Block]:
    lang = ri.lang
    reason = str(getattr(ri.card, "screening_reason", "") or "")
    lines: list[Inline] = [inline(t("screening_text", lang))]
    lines.append((Span(f"{t('screening_reason', lang)}: ", strong=True),
                  Span(reason) if reason.strip() else Span(t("not_given", lang), muted=True)))
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
    capped = [f for f in card.flags if f.id in set(getattr(card, "capped_by", []) or [])]
    if capped:
        names = "; ".join(tr(f.message, lang) for f in capped)
        lines.append((Span(f"{t('capped_by', lang)}: ", strong=True, tone="serious"),
                      Span(names)))
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
                  align=("left", "right", "left"), row_headers=True)
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

"""How every figure was computed, from the questionnaire's `scoring:` block, and the colophon."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.core import substance, verdict
from app.core.models.questionnaire import Band
from app.core.text import tr
from app.report.context import ReportInput
from app.report.strings import number, percent, t, weight
from app.report.styles import FRAME_WIDTH, SHADE, grid_style, styles, table_style
from app.report.text import markup

HIGHLIGHT = "#fff4cc"


def method(ri: ReportInput) -> list[Flowable]:
    s, lang, q = styles(), ri.lang, ri.questionnaire
    out: list[Flowable] = [
        Paragraph(t("method", lang), s.h1),
        Paragraph(markup(t("method_intro", lang, qid=q.id, version=q.version)), s.body),
        Paragraph(t("scores_guide", lang), s.body),
    ]
    if ri.card.kind == "screening":
        return out + _screening(ri) + _flags(ri)
    return (out + _gates(ri) + _substance(ri) + _impact(ri) + _quality(ri) + _completeness(ri)
            + _overall(ri) + _flags(ri))


def _screening(ri: ReportInput) -> list[Flowable]:
    s, lang, sc = styles(), ri.lang, ri.questionnaire.scoring
    if sc.screening is None:
        return []
    minimum = (substance.min_chars(sc.substance, sc.screening.reason, True)
               if sc.substance else 1)
    return [Paragraph(t("method_screening", lang), s.h2),
            Paragraph(markup(t("method_screening_text", lang, min=minimum,
                               words=sc.screening.settings_words)), s.body)]


def _gates(ri: ReportInput) -> list[Flowable]:
    s, lang, q, card = styles(), ri.lang, ri.questionnaire, ri.card
    levels = {b.id: tr(b.label, lang) for b in q.scoring.levels if b.id}
    cap = q.scoring.serious_cap
    if cap is None and not any(f.cap for f in q.scoring.flags):
        return []
    out: list[Flowable] = [Paragraph(t("method_gates", lang), s.h2)]
    if cap:
        out.append(Paragraph(markup(t("method_gates_text", lang, cap=levels.get(cap, cap))),
                             s.body))
    own = [f"{f.id} → «{levels.get(f.cap, f.cap)}»" for f in q.scoring.flags if f.cap]
    if own:
        out.append(Paragraph(markup(t("method_gates_own", lang, rules="; ".join(own))), s.body))
    if card.level and card.points_level:
        out.append(Paragraph(markup(t("method_gates_result", lang,
                                      points_level=tr(card.points_level.label, lang),
                                      level=tr(card.level.label, lang))), s.body))
    return out


def _substance(ri: ReportInput) -> list[Flowable]:
    s, lang, q = styles(), ri.lang, ri.questionnaire
    rules = q.scoring.substance
    if rules is None:
        return []
    examples = ", ".join(f"«{p}»" for p in (rules.placeholders.get(lang) or [])[:6])
    overrides = ", ".join(f"{q.numbering.get(qid, qid)}: {n}"
                          for qid, n in rules.min_chars_for.items())
    text = t("method_substance_text", lang, examples=examples,
             multiline=rules.min_chars.get("multiline", 1), overrides=overrides)
    out: list[Flowable] = [Paragraph(t("method_substance", lang), s.h2),
                           Paragraph(markup(text), s.body)]
    hollow = verdict.hollow_list(ri.card, q, lang)
    if hollow:
        out.append(Paragraph(f"<b>{verdict.s('hollow_list', lang)}:</b> {markup(hollow)}",
                             s.body))
    return out


def _impact(ri: ReportInput) -> list[Flowable]:
    s, lang, sc = styles(), ri.lang, ri.questionnaire.scoring
    w = sc.impact.term_weights
    current = _band_of(sc.impact.balance_bands, ri.card.balance)
    rows = [[Paragraph(t("range", lang), s.head), Paragraph(t("level", lang), s.head)]]
    for band in sc.impact.balance_bands:
        rows.append([Paragraph(_range(band, lang, 1), s.cell),
                     Paragraph(_label(band, lang, band is current), s.cell)])
    return [
        Paragraph(t("method_impact", lang), s.h2),
        Paragraph(t("method_combined", lang, short=weight(w.short, lang),
                    long=weight(w.long, lang)), s.body),
        Paragraph(t("method_cluster", lang), s.body),
        *([Paragraph(t("method_harm", lang, articles=", ".join(
            map(str, sc.impact.conclusion_articles)) or "–"), s.body)]
          if sc.impact.weakened == "either_term" else []),
        _grid(rows, [0.3, 0.7], current_rows(sc.impact.balance_bands, current)),
    ]


def _quality(ri: ReportInput) -> list[Flowable]:
    s, lang = styles(), ri.lang
    rows: list[list[Any]] = [[Paragraph(t("criterion", lang), s.head),
                              Paragraph(t("points_col", lang), s.head_right),
                              Paragraph(t("met", lang), s.head)]]
    for c in ri.card.criteria:
        rows.append([Paragraph(markup(tr(c.label, lang)), s.cell),
                     Paragraph(number(c.points, lang), s.cell_right),
                     Paragraph(t("yes" if c.met else "no", lang), s.cell)])
    rows.append([Paragraph(f"<b>{t('total', lang)}</b>", s.cell),
                 Paragraph(f"<b>{number(ri.card.process_quality, lang)}</b>", s.cell_right),
                 Paragraph("", s.cell)])
    return [Paragraph(t("method_quality", lang), s.h2),
            Paragraph(t("method_quality_intro", lang), s.body),
            _grid(rows, [0.7, 0.12, 0.18], [])]


def _completeness(ri: ReportInput) -> list[Flowable]:
    s, lang, card, q = styles(), ri.lang, ri.card, ri.questionnaire
    out: list[Flowable] = [
        Paragraph(t("method_completeness", lang), s.h2),
        Paragraph(t("method_completeness_text", lang, answered=card.required_answered,
                    required=card.required_visible, percent=percent(card.completeness, lang)),
                  s.body),
    ]
    if card.missing:
        listed = "; ".join(f"{q.numbering[m]} {tr(q.questions[m].text, lang)}"
                           for m in card.missing)
        listed += "" if listed[-1:] in ".?!" else "."  # question texts end in their own mark
        out.append(Paragraph(markup(t("method_missing", lang, list=listed)), s.body))
    return out


def _overall(ri: ReportInput) -> list[Flowable]:
    s, lang, card, sc = styles(), ri.lang, ri.card, ri.questionnaire.scoring
    text = t("method_overall_text", lang, wq=weight(sc.overall.process_quality, lang),
             wc=weight(sc.overall.completeness, lang), quality=number(card.process_quality, lang),
             completeness=number(card.completeness, lang, 1), overall=number(card.overall, lang, 1))
    current = _band_of(sc.levels, card.overall)
    rows = [[Paragraph(t(k, lang), s.head) for k in ("range", "level", "meaning")]]
    for band in sorted(sc.levels, key=lambda b: -b.min):
        rows.append([Paragraph(_range(band, lang, 0), s.cell),
                     Paragraph(_label(band, lang, band is current), s.cell),
                     Paragraph(markup(tr(band.meaning, lang)), s.cell)])
    ordered = sorted(sc.levels, key=lambda b: -b.min)
    return [Paragraph(t("method_overall", lang), s.h2), Paragraph(text, s.body),
            _grid(rows, [0.14, 0.32, 0.54], current_rows(ordered, current))]


def _flags(ri: ReportInput) -> list[Flowable]:
    s, lang, q = styles(), ri.lang, ri.questionnaire
    if not q.scoring.flags:
        return []
    raised = {f.id for f in ri.card.flags}
    rules = [f for f in q.scoring.flags if f.applies_to == ri.card.kind]
    rows: list[list[Any]] = [[Paragraph(t(k, lang), s.head) for k in ("rule", "raised")]]
    for flag in rules:
        where = q.numbering.get(flag.question)
        ref = f" ({t('see_question', lang, number=where)})" if where else ""
        severity = t(f"severity_{flag.severity}", lang)
        rows.append([Paragraph(f"<b>{severity}:</b> {markup(tr(flag.message, lang) + ref)}",
                               s.cell),
                     Paragraph(t("yes" if flag.id in raised else "no", lang), s.cell)])
    lit = [i + 1 for i, flag in enumerate(rules) if flag.id in raised]
    return [Paragraph(t("method_flags", lang), s.h2),
            Paragraph(t("method_flags_intro", lang), s.body), _grid(rows, [0.85, 0.15], lit)]


def _band_of(bands: list[Band], value: float | None) -> Band | None:
    if value is None:
        return None
    top = max(bands, key=lambda b: b.max)
    return next((b for b in bands if b.contains(value, b is top)), None)


def current_rows(bands: list[Band], current: Band | None) -> list[int]:
    """Table rows (after the header) of the band this assessment falls in."""
    return [i + 1 for i, band in enumerate(bands) if band is current]


def _range(band: Band, lang: str, decimals: int) -> str:
    low = number(band.min, lang, decimals, sign=decimals > 0 and band.min != 0)
    high = number(band.max, lang, decimals, sign=decimals > 0 and band.max != 0)
    return f"{low} – {high}"


def _label(band: Band, lang: str, current: bool) -> str:
    label = f"<b>{markup(tr(band.label, lang))}</b>"
    if not current:
        return label
    return f"{label}<br/><font size='7.5' color='#5b5b57'>← {t('current', lang)}</font>"


def _grid(rows: list[list[Any]], fractions: list[float], highlight: list[int]) -> Table:
    table = Table(rows, colWidths=[f * FRAME_WIDTH for f in fractions], repeatRows=1,
                  splitInRow=1, hAlign="LEFT")
    style = grid_style()
    for row in highlight:
        style.add("BACKGROUND", (0, row), (-1, row), HIGHLIGHT)
    table.setStyle(style)
    return table


def colophon(ri: ReportInput) -> list[Flowable]:
    """Which questionnaire, version and text the report was made with, and when."""
    s, lang, q, a = styles(), ri.lang, ri.questionnaire, ri.assessment
    unknown = t("unknown_checksum", lang)
    pairs = [
        ("questionnaire", f"{tr(q.title, lang)} ({q.id})"),
        ("version", q.version),
        ("checksum", f"{ri.questionnaire_hash} ({t('checksum_kind', lang)})"
         if ri.questionnaire_hash else unknown),
    ]
    if ri.stale_version or ri.text_changed:
        pairs.append(("answered_with", f"{a.questionnaire.version}, "
                      f"{a.questionnaire.hash or unknown}"))
    if a.id:
        pairs.append(("assessment_id", a.id))
    if a.revision:
        pairs.append(("revision", str(a.revision)))
    if a.updated:
        pairs.append(("last_changed", _when(a.updated)))
    pairs += [("generated", _when(ri.generated)),
              ("language", t("language_name", lang))]
    rows = [[Paragraph(t(k, lang), s.head), Paragraph(markup(v), s.cell)] for k, v in pairs]
    table = Table(rows, colWidths=[0.32 * FRAME_WIDTH, 0.68 * FRAME_WIDTH], hAlign="LEFT")
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, SHADE)]))
    return [KeepTogether([Paragraph(t("about", lang), s.h2), table, Spacer(0, 4),
                          Paragraph(t("produced_by", lang), s.muted)])]


def _when(moment: Any) -> str:
    """A time as '2026-11-23 17:40' (with the UTC offset when it is known)."""
    text = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.strftime("%z")
    return f"{text} (UTC{offset[:3]}:{offset[3:]})" if offset else text


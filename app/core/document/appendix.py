"""The appendix a reader can skip: the articles concerned, how every figure was computed,
and which questionnaire the report was made with."""

from __future__ import annotations

from typing import Any

from app.core import substance, verdict
from app.core.document import track
from app.core.document.evidence import migration_blocks
from app.core.document.model import (
    ArticleEntry,
    Block,
    Field,
    Fields,
    Heading,
    Inline,
    Para,
    Section,
    Span,
    Table,
    inline,
)
from app.core.document.source import ReportInput
from app.core.document.strings import number, percent, t, weight
from app.core.models.questionnaire import Band
from app.core.text import tr
from app.core.typography import quote


def concerned_articles(ri: ReportInput) -> list[int]:
    """Articles rated in a visible impact question or named by an answered visible question."""
    numbers = {a.number for a in ri.card.articles}
    for qid in ri.card.visible:
        if qid in ri.values and ri.values[qid] not in (None, "", [], {}):
            numbers.update(ri.questionnaire.questions[qid].articles)
    return sorted(n for n in numbers if ri.library.article(n) is not None)


def articles_section(ri: ReportInput) -> Section:
    lang = ri.lang
    blocks: list[Block] = [Para(inline(t("articles_intro", lang)), role="intro")]
    for num in concerned_articles(ri):
        article = ri.library.by_number[num]
        blocks.append(ArticleEntry(num, f"{t('article', lang)} {num}. {tr(article.title, lang)}",
                                   t("principle", lang) if article.principle else "",
                                   tr(article.summary, lang)))
    return Section(id="articles", title=t("articles", lang), blocks=tuple(blocks),
                   appendix=True)


def method_section(ri: ReportInput) -> Section:
    lang, q = ri.lang, ri.questionnaire
    blocks: list[Block] = [
        Para(inline(t("method_intro", lang, qid=q.id, version=q.version))),
        Para(inline(t("scores_guide", lang))),
        *migration_blocks(ri),
    ]
    if ri.card.kind == "screening":
        blocks += _screening(ri) + _flags(ri)
    else:
        blocks += (_gates(ri) + _substance(ri) + _impact(ri) + _quality(ri) + _completeness(ri)
                   + _overall(ri) + _flags(ri))
    blocks += colophon(ri)
    return Section(id="method", title=t("method", lang), blocks=tuple(blocks), appendix=True,
                   new_page=True)


def _screening(ri: ReportInput) -> list[Block]:
    lang, sc = ri.lang, ri.questionnaire.scoring
    if sc.screening is None:
        return []
    minimum = (substance.min_chars(sc.substance, sc.screening.reason, True)
               if sc.substance else 1)
    return [Heading(2, t("method_screening", lang), "method-screening"),
            Para(inline(t("method_screening_text", lang, min=minimum,
                          words=sc.screening.settings_words)))]


def _gates(ri: ReportInput) -> list[Block]:
    lang, q, card = ri.lang, ri.questionnaire, ri.card
    levels = {b.id: tr(b.label, lang) for b in q.scoring.levels if b.id}
    cap = q.scoring.serious_cap
    if cap is None and not any(f.cap for f in q.scoring.flags):
        return []
    out: list[Block] = [Heading(2, t("method_gates", lang), "method-gates")]
    if cap:
        out.append(Para(inline(t("method_gates_text", lang, cap=levels.get(cap, cap)))))
    own = [f"{_first_sentence(tr(f.message, lang))} → {quote(levels.get(f.cap, f.cap), lang)}"
           for f in q.scoring.flags if f.cap]
    if own:
        out.append(Para(inline(t("method_gates_own", lang, rules="; ".join(own)))))
    if card.level and card.points_level:
        out.append(Para(inline(t("method_gates_result", lang,
                                 points_level=tr(card.points_level.label, lang),
                                 level=tr(card.level.label, lang)))))
    return out


def _first_sentence(text: str) -> str:
    """A rule named by what it says, not by its id: its first sentence, without the stop, up
    to a colon that opens its details (not one inside brackets), and without a closing aside
    that points at a finding's details ("(steget och datumen: se nedan)"): the method has none."""
    head = text.split(". ")[0]
    depth, end = 0, len(head)
    for i, ch in enumerate(head):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and head.startswith(": ", i):
            end = i
            break
    head = head[:end].strip().rstrip(".")
    start = _closing_aside(head)
    if start is not None and any(w in head[start:] for w in _POINTERS):
        head = head[:start].rstrip()
    return head


_POINTERS = ("nedan", "below")  #: an aside that says where a finding's details are


def _closing_aside(text: str) -> int | None:
    """Where the bracketed aside that ends `text` opens, brackets balanced; None if none."""
    if not text.endswith(")"):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += (text[i] == ")") - (text[i] == "(")
        if depth == 0:
            return i
    return None


def _substance(ri: ReportInput) -> list[Block]:
    lang, q = ri.lang, ri.questionnaire
    rules = q.scoring.substance
    if rules is None:
        return []
    examples = ", ".join(quote(p, lang) for p in (rules.placeholders.get(lang) or [])[:6])
    overrides = ", ".join(f"{q.numbering.get(qid, qid)}: {n}"
                          for qid, n in rules.min_chars_for.items())
    text = t("method_substance_text", lang, examples=examples,
             multiline=rules.min_chars.get("multiline", 1), overrides=overrides)
    out: list[Block] = [Heading(2, t("method_substance", lang), "method-substance"),
                        Para(inline(text))]
    hollow = verdict.hollow_list(ri.card, q, lang)
    if hollow:
        out.append(Para((Span(f"{verdict.s('hollow_list', lang)}: ", strong=True),
                         Span(hollow))))
    return out


def _impact(ri: ReportInput) -> list[Block]:
    lang, sc = ri.lang, ri.questionnaire.scoring
    w = sc.impact.term_weights
    current = band_of(sc.impact.balance_bands, ri.card.balance)
    rows = tuple((inline(_range(b, lang, 1)), _label(b, lang, b is current))
                 for b in sc.impact.balance_bands)
    return [
        Heading(2, t("method_impact", lang), "method-impact"),
        Para(inline(t("method_combined", lang, short=weight(w.short, lang),
                      long=weight(w.long, lang)))),
        Para(inline(t("method_cluster", lang))),
        *([Para(inline(track.w("method_harm", ri, articles=", ".join(
            map(str, sc.impact.conclusion_articles)) or "–")))]
          if sc.impact.weakened == "either_term" else []),
        Table((t("range", lang), t("level", lang)), rows, (0.3, 0.7),
              caption=t("method_impact", lang),
              highlight=_rows_of(sc.impact.balance_bands, current)),
    ]


def _quality(ri: ReportInput) -> list[Block]:
    lang = ri.lang
    if not ri.card.criteria:  # a screening record has no criteria: nothing is claimed
        return []
    rows: list[tuple[Inline, ...]] = [
        (inline(tr(c.label, lang)), inline(number(c.points, lang)),
         inline(t("yes" if c.met else "no", lang))) for c in ri.card.criteria]
    rows.append(((Span(t("total", lang), strong=True),),
                 (Span(number(ri.card.process_quality, lang), strong=True),), ()))
    return [Heading(2, t("method_quality", lang), "method-quality"),
            Para(inline(t("method_quality_intro", lang))),
            Table((t("criterion", lang), t("points_col", lang), t("met", lang)), tuple(rows),
                  (0.7, 0.12, 0.18), caption=t("method_quality", lang),
                  align=("left", "right", "left"))]


def _completeness(ri: ReportInput) -> list[Block]:
    lang, card, q = ri.lang, ri.card, ri.questionnaire
    out: list[Block] = [
        Heading(2, t("method_completeness", lang), "method-completeness"),
        Para(inline(t("method_completeness_text", lang, answered=card.required_answered,
                      required=card.required_visible,
                      percent=percent(card.completeness, lang)))),
    ]
    if card.missing:
        listed = "; ".join(f"{q.numbering[m]} {tr(q.questions[m].text, lang)}"
                           for m in card.missing)
        listed += "" if listed[-1:] in ".?!" else "."  # question texts end in their own mark
        out.append(Para(inline(t("method_missing", lang, list=listed))))
    return out


def _overall(ri: ReportInput) -> list[Block]:
    lang, card, sc = ri.lang, ri.card, ri.questionnaire.scoring
    text = t("method_overall_text", lang, wq=weight(sc.overall.process_quality, lang),
             wc=weight(sc.overall.completeness, lang), quality=number(card.process_quality, lang),
             completeness=number(card.completeness, lang, 1), overall=number(card.overall, lang, 1))
    ordered = sorted(sc.levels, key=lambda b: -b.min)
    current = band_of(sc.levels, card.overall) if card.level is not None else None
    rows = tuple((inline(_range(b, lang, 0)), _label(b, lang, b is current),
                  inline(tr(b.meaning, lang))) for b in ordered)
    return [Heading(2, t("method_overall", lang), "method-overall"), Para(inline(text)),
            Table((t("range", lang), t("level", lang), t("meaning", lang)), rows,
                  (0.14, 0.32, 0.54), caption=t("method_overall", lang),
                  highlight=_rows_of(ordered, current))]


def _flags(ri: ReportInput) -> list[Block]:
    lang, q = ri.lang, ri.questionnaire
    if not q.scoring.flags:
        return []
    raised = {f.id for f in ri.card.flags}
    rules = [f for f in q.scoring.flags if f.applies_to == ri.card.kind]
    rows = []
    for flag in rules:
        where = q.numbering.get(flag.question)
        ref = f" ({t('see_question', lang, number=where)})" if where else ""
        rows.append(((Span(f"{t(f'severity_{flag.severity}', lang)}: ", strong=True),
                      Span(tr(flag.message, lang) + ref)),
                     inline(t("yes" if flag.id in raised else "no", lang))))
    lit = tuple(i for i, flag in enumerate(rules) if flag.id in raised)
    return [Heading(2, t("method_flags", lang), "method-flags"),
            Para(inline(t("method_flags_intro", lang))),
            Table((t("rule", lang), t("raised", lang)), tuple(rows), (0.85, 0.15),
                  caption=t("method_flags", lang), highlight=lit)]


def band_of(bands: list[Band], value: float | None) -> Band | None:
    if value is None:
        return None
    top = max(bands, key=lambda b: b.max)
    return next((b for b in bands if b.contains(value, b is top)), None)


def _rows_of(bands: list[Band], current: Band | None) -> tuple[int, ...]:
    return tuple(i for i, band in enumerate(bands) if band is current)


def _range(band: Band, lang: str, decimals: int) -> str:
    low = number(band.min, lang, decimals, sign=decimals > 0 and band.min != 0)
    high = number(band.max, lang, decimals, sign=decimals > 0 and band.max != 0)
    return f"{low} – {high}"


def _label(band: Band, lang: str, current: bool) -> Inline:
    label = Span(tr(band.label, lang), strong=True)
    if not current:
        return (label,)
    return (label, Span(f"\n← {t('current', lang)}", muted=True))


def colophon(ri: ReportInput) -> list[Block]:
    """Which questionnaire, version and text the report was made with, and when."""
    lang, q, a = ri.lang, ri.questionnaire, ri.assessment
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
        pairs.append(("last_changed", when(a.updated)))
    pairs += [("generated", when(ri.generated)), ("language", t("language_name", lang))]
    return [Heading(2, t("about", lang), "about"),
            Fields(tuple(Field(t(k, lang), v) for k, v in pairs), columns=1),
            Para(inline(t("produced_with", lang)), role="muted")]


def when(moment: Any) -> str:
    """A time as '2026-11-23 17:40' (with the UTC offset when it is known)."""
    text = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.strftime("%z")
    return f"{text} (UTC{offset[:3]}:{offset[3:]})" if offset else text

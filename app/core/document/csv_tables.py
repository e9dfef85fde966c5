"""The measures and the scorecard as CSV, for the case system and spreadsheets.

Swedish spreadsheets read ';' as the separator (the comma is the decimal sign) and need a
byte-order mark to see å, ä, ö; English files use ','. Numbers are written as the
language writes them. Every cell is the plain text a reader sees, never a formula: a cell
that starts with = + - @ gets a leading apostrophe, so a spreadsheet cannot run user text.
"""

from __future__ import annotations

import csv
import re
from io import StringIO

from app.core import measure_facts
from app.core.document.answers import action_row, is_empty, rating
from app.core.document.clean import printable
from app.core.document.model import plain_text
from app.core.document.source import ReportInput
from app.core.document.strings import number, t
from app.core.text import tr

TABLES = ("measures", "scorecard")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def _num(value: float, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """A number a spreadsheet reads as one: ASCII minus, the language's decimal sign."""
    return number(value, lang, decimals, sign).replace("\u2212", "-")


def measures_csv(ri: ReportInput) -> bytes:
    """Every measure or follow-up step of a visible actions question: what, who, when, status,
    and where the questionnaire asks them, each measure's facts (decided, funded, ...)."""
    lang, q = ri.lang, ri.questionnaire
    shown = [qid for qid in ri.card.visible if q.questions[qid].type == "actions"
             and not is_empty(ri.values.get(qid))]
    facts = any(q.questions[qid].measure_facts for qid in shown)
    rows = [[t("csv_question", lang), *(t(k, lang) for k in ("action_what", "action_who",
                                                             "action_due", "action_status")),
             *([measure_facts.fact_name(f, lang, q.track) for f in measure_facts.FACTS]
               if facts else [])]]
    for qid in shown:
        question = q.questions[qid]
        where = f"{q.numbering[qid]} {tr(question.text, lang)}"
        for action in ri.values.get(qid) or []:
            said = [measure_facts.option_label(f, action.get(f), lang, q.track)
                    if question.measure_facts else "" for f in measure_facts.FACTS] \
                if facts else []
            rows.append([where, *action_row(action, lang), *said])
    return _write(rows, lang)


def scorecard_csv(ri: ReportInput) -> bytes:
    """The scorecard in long form: part; name; value; detail."""
    lang, card, q = ri.lang, ri.card, ri.questionnaire
    rows = [[t(k, lang) for k in ("csv_part", "csv_name", "csv_value", "csv_detail")]]
    figures = t("csv_figures", lang)
    if card.level is not None:
        rows.append([figures, t("overall_level", lang), tr(card.level.label, lang),
                     t("points", lang, score=number(card.overall, lang))])
    elif card.kind == "screening":
        rows.append([figures, t("screening_label", lang), t("screening_headline", lang),
                     card.screening_reason.strip()])
    if card.conclusion is not None:
        rows.append([figures, t("conclusion_title", lang),
                     tr(card.conclusion.outcome_label, lang) if card.conclusion.outcome_label
                     else t("csv_none", lang), card.conclusion.motivation.strip()])
    if card.kind != "screening":
        rows += [
            [figures, t("quality", lang), _num(card.process_quality, lang), ""],
            [figures, t("completeness", lang), _num(card.completeness, lang, 1),
             t("answered_of", lang, answered=card.required_answered,
               required=card.required_visible)],
            [figures, t("rights_weakened_title", lang), str(len(card.weakened)), ""],
            [figures, t("summary_strengthened", lang), str(len(card.strengthened)), ""],
        ]
        if card.balance is not None:
            rows.append([figures, t("balance", lang), _num(card.balance, lang, 2, sign=True),
                         tr(card.balance_label, lang)])
    for item in card.articles:
        article = ri.library.article(item.number)
        name = f"{item.number} {tr(article.title, lang) if article else ''}".strip()
        combined = "" if item.combined is None else _num(item.combined, lang, 2, sign=True)
        detail = " / ".join(plain_text(rating(q, v, lang)) for v in (item.short, item.long))
        rows.append([t("article", lang), name, combined, f"{detail} · {item.children}".strip()])
    for c in card.criteria:
        rows.append([t("criterion", lang), tr(c.label, lang), _num(c.points, lang),
                     t("yes" if c.met else "no", lang)])
    for flag in card.flags:
        where = q.numbering.get(flag.question, "")
        rows.append([t(f"severity_{flag.severity}", lang), tr(flag.message, lang), where,
                     ", ".join(flag.details)])
    return _write(rows, lang)


def table_csv(ri: ReportInput, table: str) -> bytes:
    if table == "measures":
        return measures_csv(ri)
    if table == "scorecard":
        return scorecard_csv(ri)
    raise ValueError(f"no table '{table}'; the tables are {', '.join(TABLES)}")


def _safe(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA) and not _NUMBER.match(cell) else cell


def _write(rows: list[list[str]], lang: str) -> bytes:
    out = StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "sv" else ",", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_safe(printable(str(cell))) for cell in row])
    return out.getvalue().encode("utf-8-sig")

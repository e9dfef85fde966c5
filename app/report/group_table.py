"""The report's table of impacts per group of children, beside the rating for all children.

The ratings come from the scorecard (app/core/group_impacts.py); this module lays them out.
Its few words live here so that the section can change on its own.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from app.core.text import tr
from app.report.answers import article_cell, rating
from app.report.context import ReportInput
from app.report.strings import number
from app.report.styles import FRAME_WIDTH, grid_style, styles
from app.report.text import markup

_WORDS: dict[str, tuple[str, str]] = {
    "heading": ("Påverkan för grupper av barn", "Impact on groups of children"),
    "intro": (
        "Artiklar som har bedömts särskilt för någon av de grupper som valdes under vilka barn "
        "som berörs, där gruppen påverkas annorlunda än barnen i stort. En grupp som får det "
        "sämre än barnen i stort är markerad.",
        "Articles rated separately for one of the groups chosen under which children are "
        "concerned, where the group is affected differently from children in general. A group "
        "that fares worse than children in general is marked.",
    ),
    "article": ("Artikel", "Article"),
    "group": ("Grupp", "Group"),
    "short": ("Kort sikt", "Short term"),
    "long": ("Lång sikt", "Long term"),
    "combined": ("Samlat", "Combined"),
    "all": ("Alla barn", "All children"),
    "worse": ("sämre än för alla barn", "worse than for all children"),
}


def _w(key: str, lang: str) -> str:
    sv, en = _WORDS[key]
    return en if lang == "en" else sv


def group_table(ri: ReportInput) -> list[Flowable]:
    """The section, or nothing when no group was rated apart."""
    groups = ri.card.groups
    if not groups:
        return []
    s, lang, q = styles(), ri.lang, ri.questionnaire
    out: list[Flowable] = [CondPageBreak(120), Paragraph(_w("heading", lang), s.h1),
                           Paragraph(_w("intro", lang), s.intro)]
    head = [Paragraph(_w(k, lang), s.head)
            for k in ("article", "group", "short", "long", "combined", "all")]
    rows: list[list[Any]] = [head]
    for item in groups:
        group = markup(tr(item.label, lang))
        if item.worse:
            group += f" <b>({_w('worse', lang)})</b>"
        rows.append([
            Paragraph(article_cell(ri, item.number), s.cell),
            Paragraph(group, s.cell),
            Paragraph(rating(q, item.short, lang), s.cell),
            Paragraph(rating(q, item.long, lang), s.cell),
            Paragraph(_num(item.combined, lang), s.cell_right),
            Paragraph(_num(item.all_children, lang), s.cell_right),
        ])
    widths = [w * FRAME_WIDTH for w in (0.2, 0.26, 0.15, 0.15, 0.12, 0.12)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return out + [table]


def _num(value: float | None, lang: str) -> str:
    return "–" if value is None else number(value, lang, 2, sign=True)

"""The impact on groups of children, beside the rating for all children.

The ratings come from the scorecard (app/core/group_impacts.py); this module words the
section. Its few words live here so that the section can change on its own.
"""

from __future__ import annotations

from app.core.document.answers import article_cell, rating
from app.core.document.model import Inline, Para, Section, Span, Table, inline
from app.core.document.source import ReportInput
from app.core.document.strings import number
from app.core.text import tr

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


def groups_section(ri: ReportInput) -> Section | None:
    """The section, or None when no group was rated apart."""
    if not ri.card.groups:
        return None
    lang, q = ri.lang, ri.questionnaire
    rows = []
    for item in ri.card.groups:
        group: Inline = (Span(tr(item.label, lang)),)
        if item.worse:  # said in words, not by colour alone
            group += (Span(f" ({_w('worse', lang)})", strong=True, tone="serious"),)
        rows.append((article_cell(ri, item.number), group, rating(q, item.short, lang),
                     rating(q, item.long, lang), inline(_num(item.combined, lang)),
                     inline(_num(item.all_children, lang))))
    table = Table(header=tuple(_w(k, lang) for k in ("article", "group", "short", "long",
                                                      "combined", "all")),
                  rows=tuple(rows), widths=(0.2, 0.26, 0.15, 0.15, 0.12, 0.12),
                  caption=_w("heading", lang),
                  align=("left", "left", "left", "left", "right", "right"), row_headers=True)
    return Section(id="groups", title=_w("heading", lang),
                   blocks=(Para(inline(_w("intro", lang)), role="intro"), table))


def _num(value: float | None, lang: str) -> str:
    return "–" if value is None else number(value, lang, 2, sign=True)

"""The report's legal basis: the rules of the areas the official picked, one table per area.

Which rules apply is decided in the core (app/core/law.py); this module lays them out. Its few
words live here rather than in strings.py, so that this section can change on its own.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from app.core.law import chosen_areas, citation, law_questions
from app.core.text import tr
from app.report.context import ReportInput
from app.report.styles import FRAME_WIDTH, grid_style, styles
from app.report.text import markup

_WORDS: dict[str, tuple[str, str]] = {
    "heading": ("Rättslig grund", "Legal basis"),
    "intro": (
        "Reglerna om barnets bästa och om att höra barn för de områden som valdes i fråga "
        "{sources}, ur verktygets lagregister. Tjänstepersonens egen beskrivning av vad reglerna "
        "kräver står vid fråga {numbers} i analysen. Där paragraf saknas anges bara lagen, "
        "eftersom paragrafen inte har kunnat kontrolleras; kontrollera alltid mot lagtexten.",
        "The rules on the child's best interests and on hearing children for the areas chosen in "
        "question {sources}, from the tool's register of law. The official's own account of what "
        "the rules require is given at question {numbers} in the analysis. Where no section is "
        "given only the statute is named, because the section could not be verified; always "
        "check against the text of the law.",
    ),
    "no_area": (
        "Inget område har valts än; bara de regler som gäller alla beslut visas.",
        "No area has been chosen yet; only the rules that apply to every decision are shown.",
    ),
    "rule": ("Bestämmelse", "Provision"),
    "strength": ("Styrka", "Strength"),
    "requires": ("Vad den kräver", "What it requires"),
}


def _w(key: str, lang: str, **values: Any) -> str:
    sv, en = _WORDS[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text


def legal_basis(ri: ReportInput) -> list[Flowable]:
    """The section, or nothing when the questionnaire has no law-check question or no library."""
    law = ri.law
    questions = [q for q in law_questions(ri.questionnaire) if ri.visible(q.id)]
    if law is None or not questions:
        return []
    s, lang = styles(), ri.lang
    numbering = ri.questionnaire.numbering
    numbers = ", ".join(numbering[q.id] for q in questions)
    sources = ", ".join(numbering.get(q.law.source, q.law.source) for q in questions if q.law)
    intro = _w("intro", lang, numbers=numbers, sources=sources)
    out: list[Flowable] = [CondPageBreak(140), Paragraph(_w("heading", lang), s.h1),
                           Paragraph(markup(intro), s.intro)]
    shown: set[str] = set()
    for question in questions:
        areas = [a for a in chosen_areas(law, question, ri.values) if a.id not in shown]
        if all(a.always for a in areas):
            out.append(Paragraph(_w("no_area", lang), s.body))
        for area in areas:
            shown.add(area.id)
            out.append(Paragraph(markup(tr(area.title, lang)), s.h2))
            rows: list[list[Any]] = [[Paragraph(_w(k, lang), s.head)
                                      for k in ("rule", "strength", "requires")]]
            for rule in area.rules:
                rows.append([
                    Paragraph(markup(citation(law, rule, lang)), s.cell_bold),
                    Paragraph(markup(tr(law.strength[rule.strength].label, lang)), s.cell),
                    Paragraph(markup(f"{tr(rule.applies, lang)}: {tr(rule.requires, lang)}"),
                              s.cell),
                ])
            widths = [w * FRAME_WIDTH for w in (0.27, 0.18, 0.55)]
            table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
            table.setStyle(grid_style())
            out.append(table)
    return out

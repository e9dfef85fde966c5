"""The legal basis: the rules of the areas the official picked, one table per area.

Which rules apply is decided by app/core/law.py; this module words the section. Its few words
live here rather than in strings.py, so that this section can change on its own.
"""

from __future__ import annotations

from typing import Any

from app.core.document.model import Block, Heading, Para, Section, Span, Table, inline
from app.core.document.source import ReportInput
from app.core.law import chosen_areas, cited, law_questions
from app.core.models.law import Area, LawLibrary
from app.core.text import tr
from app.core.wording import fill

_WORDS: dict[str, tuple[str, str]] = {
    "heading": ("Rättslig grund", "Legal basis"),
    "intro": (
        "Reglerna om barnets bästa och om att höra barn för de områden som valdes i fråga "
        "{sources}, ur verktygets lagregister. Tjänstepersonens egen beskrivning av vad reglerna "
        "kräver står vid fråga {numbers} i analysen. Varje regel anger lag, SFS-nummer, kapitel "
        "och paragraf; står det ”paragraf ej kontrollerad” har paragrafen inte kunnat läsas i en "
        "offentlig källa, och bara lagen anges.",
        "The rules on the child's best interests and on hearing children for the areas chosen in "
        "question {sources}, from the tool's register of law. The official's own account of what "
        "the rules require is given at question {numbers} in the analysis. Each rule gives the "
        "act, its SFS number, chapter and section; where it says 'section not verified', the "
        "section could not be read in a public source, and only the act is named.",
    ),
    "no_area": (
        "Inget område har valts än; bara de regler som gäller alla beslut visas.",
        "No area has been chosen yet; only the rules that apply to every decision are shown.",
    ),
    "rule": ("Bestämmelse", "Provision"),
    "strength": ("Styrka", "Strength"),
    "requires": ("Vad den kräver", "What it requires"),
    "strengths": ("Vad styrkorna betyder", "What the strengths mean"),
    "meaning": ("Betydelse", "Meaning"),
}


def _w(key: str, lang: str, **values: Any) -> str:
    sv, en = _WORDS[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)


def legal_section(ri: ReportInput) -> Section | None:
    """The section, or None when the questionnaire has no law-check question or no library."""
    law = ri.law
    questions = [q for q in law_questions(ri.questionnaire) if ri.visible(q.id)]
    if law is None or not questions:
        return None
    lang, numbering = ri.lang, ri.questionnaire.numbering
    numbers = ", ".join(numbering[q.id] for q in questions)
    sources = ", ".join(numbering.get(q.law.source, q.law.source) for q in questions if q.law)
    blocks: list[Block] = [Para(inline(_w("intro", lang, numbers=numbers, sources=sources)),
                                role="intro")]
    shown: set[str] = set()
    for question in questions:
        areas = [a for a in chosen_areas(law, question, ri.values) if a.id not in shown]
        if all(a.always for a in areas):
            blocks.append(Para(inline(_w("no_area", lang))))
        for area in areas:
            shown.add(area.id)
            blocks += _area(law, area, lang)
    blocks += _strengths(law, [law.area[a] for a in shown if a in law.area], lang)
    return Section(id="legal", title=_w("heading", lang), blocks=tuple(blocks))


def _strengths(law: LawLibrary, areas: list[Area], lang: str) -> list[Block]:
    """The strengths the printed rules use, in the library's order, with what each means: the
    reader sees that 'särskilt beaktas' adds to article 3 and never lowers it."""
    used = {rule.strength for area in areas for rule in area.rules}
    rows = tuple(((Span(tr(s.label, lang), strong=True),), inline(tr(s.meaning, lang)))
                 for s in law.strengths if s.id in used)
    if not rows:
        return []
    title = _w("strengths", lang)
    return [Heading(2, title, "legal-strengths"),
            Table(header=(_w("strength", lang), _w("meaning", lang)), rows=rows,
                  widths=(0.27, 0.73), caption=title, row_headers=True)]


def _area(law: LawLibrary, area: Area, lang: str) -> list[Block]:
    title = tr(area.title, lang)
    rows = tuple((
        (Span(cited(law, rule, lang), strong=True),),
        inline(tr(law.strength[rule.strength].label, lang)),
        inline(f"{tr(rule.applies, lang)}: {tr(rule.requires, lang)}"),
    ) for rule in area.rules)
    table = Table(header=tuple(_w(k, lang) for k in ("rule", "strength", "requires")),
                  rows=rows, widths=(0.27, 0.18, 0.55), caption=title, row_headers=True)
    return [Heading(2, title, f"legal-{area.id}"), table]

"""The sentences that explain a scorecard, the same on Resultat, in the PDF and from `bka score`.

Pure: a scorecard in, plain text out (the caller escapes it for its medium). The level, its cap
and the conclusion are said in one place so that the app, the report and the command line can
never tell a committee three different things.
"""

from __future__ import annotations

from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import RightChange, Scorecard
from app.core.review_gate import FINDING
from app.core.substance import HIDDEN_SOURCE
from app.core.text import tr
from app.core.wording import fill

STRINGS: dict[str, dict[str, str]] = {
    "capped": {
        "sv": "Nivån är begränsad till {level} av {findings}; poängen ({points} av 100) hade "
        "annars räckt till {points_level}.",
        "en": "The level is held at {level} by {findings}; the points ({points} of 100) "
        "would otherwise reach {points_level}.",
    },
    "needs_reviewer": {
        "sv": "Poängen ({points} av 100) räcker till {points_level}, men den högsta nivån "
        "kräver en granskares godkännande; nivån är därför {level}.",
        "en": "The points ({points} of 100) reach {points_level}, but the top level needs a "
        "reviewer's approval; the level is therefore {level}.",
    },
    "one_finding": {"sv": "en allvarlig brist", "en": "one serious finding"},
    "findings": {"sv": "{count:# allvarlig brist|# allvarliga brister}",
                 "en": "{count:# serious finding|# serious findings}"},
    "one_any": {"sv": "en brist", "en": "one finding"},
    "any": {"sv": "{count:# brist|# brister}", "en": "{count:# finding|# findings}"},
    "screening": {
        "sv": "Ärendet är antecknat som att det inte berör barn. Det är ett "
        "ställningstagande, inte en analys, och får därför ingen nivå och inga poäng.",
        "en": "The matter is recorded as not concerning children. That is a "
        "judgement, not an assessment, so it gets no level and no points.",
    },
    "screening_reason": {"sv": "Skäl", "en": "Reason"},
    "conclusion": {"sv": "Är förslaget förenligt med barnets bästa?",
                   "en": "Is the proposal in line with the child's best interests?"},
    "no_outcome": {"sv": "Ingen slutsats", "en": "No conclusion"},
    "no_motivation": {"sv": "Ingen motivering", "en": "No reasons given"},
    "hollow_motivation": {"sv": "Motiveringen saknar innehåll",
                          "en": "The reasons have no content"},
    "weakened": {"sv": "Försvagas", "en": "Weakened"},
    "strengthened": {"sv": "Stärks", "en": "Strengthened"},
    "none": {"sv": "inga", "en": "none"},
    "article": {"sv": "art.", "en": "art."},
    "short": {"sv": "kort sikt", "en": "short term"},
    "long": {"sv": "lång sikt", "en": "long term"},
    "combined": {"sv": "sammantaget", "en": "combined"},
    "holds_level": {"sv": "begränsar nivån", "en": "holds the level down"},
    "where": {"sv": "Gäller", "en": "Concerns"},
    "hollow_list": {"sv": "Svar som inte räknas", "en": "Answers that do not count"},
    "reason_placeholder": {"sv": "platshållare", "en": "placeholder"},
    "reason_short": {"sv": "för kort", "en": "too short"},
    "reason_summary_copy": {"sv": "kopia av artikeltexten", "en": "copy of the article text"},
    "reason_repeated": {"sv": "samma text som ett annat svar", "en": "same text as another answer"},
    "reason_near_copy": {"sv": "nästan samma text som ett annat svar",
                         "en": "nearly the same text as another answer"},
    "reason_reference": {"sv": "hänvisar bara till en annan handling",
                         "en": "only refers to another document"},
    "reason_generic": {"sv": "inget som är särskilt för det här ärendet",
                       "en": "nothing particular to this matter"},
    "reason_other_assessment": {"sv": "samma text som i en annan analys",
                                "en": "same text as another assessment"},
    "hidden_source": {"sv": "en annan analys i organisationen",
                      "en": "another assessment in the organisation"},
    "reason_law_copy": {"sv": "kopia av lagtexten", "en": "copy of the law text"},
}


def s(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key].get(lang) or STRINGS[key]["sv"]
    return fill(text, lang, **values)


def conclusion_question(q: Questionnaire, lang: str) -> str:
    """The conclusion's own question, as the questionnaire asks it."""
    c = q.scoring.conclusion
    if c is not None and c.outcome in q.questions:
        return tr(q.questions[c.outcome].text, lang)
    return s("conclusion", lang)


def awaits_reviewer(card: Scorecard) -> bool:
    """The checks alone would give the top level; only a reviewer's approval is missing. The
    level below's own meaning ("parts missing or thin") does not describe it then."""
    return card.capped_by == [FINDING]


def cap_sentence(card: Scorecard, lang: str) -> str:
    """Why the level is lower than the points: '' when no finding holds it down."""
    if not card.capped or card.level is None or card.points_level is None:
        return ""
    count = len(card.capped_by)
    if awaits_reviewer(card):
        return s("needs_reviewer", lang, level=tr(card.level.label, lang),
                 points=round(card.overall), points_level=tr(card.points_level.label, lang))
    serious = {f.id for f in card.flags if f.severity == "serious"}
    if set(card.capped_by) <= serious:
        findings = s("one_finding", lang) if count == 1 else s("findings", lang, count=count)
    else:  # a warning that holds the top level for a reviewer to see
        findings = s("one_any", lang) if count == 1 else s("any", lang, count=count)
    return s("capped", lang, level=tr(card.level.label, lang), findings=findings,
             points=round(card.overall), points_level=tr(card.points_level.label, lang))


def outcome_text(card: Scorecard, lang: str) -> str:
    """The conclusion in a word or two: Ja, Delvis, Nej, … or 'No conclusion'."""
    c = card.conclusion
    if c is None or c.outcome_label is None:
        return s("no_outcome", lang)
    return tr(c.outcome_label, lang)


def motivation_note(card: Scorecard, lang: str) -> str:
    """'' when the motivation counts; otherwise what is wrong with it."""
    c = card.conclusion
    if c is None or c.reasoned:
        return ""
    return s("hollow_motivation" if c.motivation.strip() else "no_motivation", lang)


def changes(items: list[RightChange], lang: str) -> str:
    """'art. 28 (short term), art. 31 (short term, long term)' or 'none'."""
    if not items:
        return s("none", lang)
    return ", ".join(
        f"{s('article', lang)} {c.number} ({', '.join(s(t, lang) for t in c.terms)})"
        for c in items
    )


def hollow_list(card: Scorecard, q: Questionnaire, lang: str) -> str:
    """'2.2 (placeholder); 5.1 art. 28 (copy of the article text)' or ''."""
    parts = []
    for h in card.hollow:
        where = q.numbering.get(h.question, h.question)
        if h.article is not None:
            where += f" {s('article', lang)} {h.article}"
        source = s("hidden_source", lang) if h.source == HIDDEN_SOURCE else h.source
        said = s('reason_' + h.reason, lang) + (f": {source}" if source else "")
        parts.append(f"{where} ({said})")
    return "; ".join(parts)

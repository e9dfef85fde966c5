"""The one page for the tjänsteskrivelse: what an official pastes under the heading
"Barnkonsekvensanalys" of the case's Word document, as it stands.

The conclusion with its reasons, the rights weakened and strengthened and for whom, what
children said and how it changed the proposal (or why they were not heard), the measures,
the follow-up, the serious findings that remain, and a sentence pointing to the full analysis.
Which answers it quotes is declared in the questionnaire's `summary:` block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.core import measure_facts, verdict
from app.core.document.answers import action_row, is_empty, short_answer
from app.core.document.build import one_line, properties
from app.core.document.clean import cleaned
from app.core.document.decisive import (
    alternatives_text,
    article_words,
    decided_text,
    most_affected,
    outcome_word,
    rating_words,
)
from app.core.document.decisive import s as ds
from app.core.document.facts import facts_line
from app.core.document.facts import title as facts_title
from app.core.document.front import clip, is_draft, is_screening
from app.core.document.model import Letterhead, Properties
from app.core.document.source import ReportInput
from app.core.document.strings import t
from app.core.document.track import w
from app.core.models.scorecard import RightChange
from app.core.text import tr
from app.core.typography import keep_together

# One page: the long answers are shortened here; the report has them whole.
ALTERNATIVES_CLIP = 320
CHILDREN_CLIP = 150


@dataclass(frozen=True)
class SummaryPart:
    """A paragraph led by a bold label; `items` when it is a list (the measures)."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    lang: str
    heading: str  #: "Barnkonsekvensanalys", the heading it is written to stand under
    title: str  #: the decision's title
    parts: tuple[SummaryPart, ...]
    pointer: str  #: the sentence pointing to the full analysis
    draft: str  #: the draft's note, '' when complete
    properties: Properties
    letterhead: Letterhead | None = None  #: the organisation's, for the Word file

    def plain(self) -> str:
        """The text to paste: paragraphs separated by a blank line, no hard line breaks of
        ours inside them (the official's own line breaks are kept)."""
        out = [self.draft] if self.draft else []
        for part in self.parts:
            if part.items:
                out.append(f"{part.label}:\n" + "\n".join(f"– {item}" for item in part.items))
            else:
                out.append(f"{part.label}: {part.text}" if part.label else part.text)
        out.append(self.pointer)
        return "\n\n".join(out) + "\n"


def build_summary(ri: ReportInput) -> Summary:
    lang = ri.lang
    parts = _screening(ri) if is_screening(ri) else _assessment(ri)
    parts += _findings(ri)
    # "12 §", "6 kap.", "dnr 2026/87" kept on one line wherever the summary is pasted
    parts = [replace(p, text=keep_together(p.text),
                     items=tuple(keep_together(i) for i in p.items)) for p in parts]
    props = properties(ri)
    title = f"{t('summary_title', lang)}: {one_line(ri.assessment.decision.title)}"
    return cleaned(Summary(lang=lang, heading=t("summary_heading", lang),
                   title=one_line(ri.assessment.decision.title), parts=tuple(parts),
                   pointer=_pointer(ri), draft=t("summary_draft", lang) if is_draft(ri) else "",
                   properties=Properties(title=title, author=props.author,
                                         subject=props.subject, keywords=props.keywords,
                                         language=props.language, created=props.created),
                   letterhead=ri.letterhead))


def _screening(ri: ReportInput) -> list[SummaryPart]:
    lang, reason = ri.lang, ri.card.screening_reason.strip()
    return [SummaryPart("", t("summary_screening", lang)),
            SummaryPart(t("summary_reason", lang), reason or t("not_given", lang))]


def _assessment(ri: ReportInput) -> list[SummaryPart]:
    lang, card = ri.lang, ri.card
    c = card.conclusion
    if c is None or c.outcome_label is None:
        conclusion = t("summary_no_conclusion", lang)
    else:
        conclusion = _sentence(tr(c.outcome_label, lang))
    if c is not None and c.motivation.strip():
        conclusion += " " + c.motivation.strip()
    parts = [SummaryPart(t("summary_conclusion", lang), conclusion)]
    said: set[int] = set()
    weakened = _weakened(ri, said)
    parts.append(SummaryPart(w("weakened", ri), items=weakened) if weakened
                 else SummaryPart(w("weakened", ri), t("summary_none_weakened", lang)))
    strengthened = _rights(ri, card.strengthened, said)
    parts.append(SummaryPart(w("strengthened", ri), items=strengthened) if strengthened
                 else SummaryPart(w("strengthened", ri), t("summary_none_strengthened", lang)))
    spec = ri.questionnaire.summary
    if spec is None:
        return parts + _decision(ri)
    if spec.alternatives:
        text = clip(_one_paragraph(alternatives_text(ri)), ALTERNATIVES_CLIP)
        parts.append(SummaryPart(ds("alternatives", lang), text or ds("no_alternatives", lang)))
    for key, ids in (("heard", spec.heard), ("views_effect", spec.views_effect),
                     ("not_heard", spec.not_heard)):
        text = " ".join(_answer(ri, qid) for qid in ids if _answer(ri, qid))
        if text:
            parts.append(SummaryPart(w(key, ri), text))
    facts = facts_line(ri)
    if facts:
        parts.append(SummaryPart(facts_title(lang), facts))
    parts.append(_measures(ri, spec.measures))
    support = " ".join(_answer(ri, qid) for qid in spec.support if _answer(ri, qid))
    if support:
        parts.append(SummaryPart(w("support", ri), support))
    follow = [_answer(ri, qid, follow_up=True) for qid in spec.follow_up]
    text = " ".join(_sentence(x) for x in follow if x)
    parts.append(SummaryPart(t("summary_follow_up", lang), text or t("summary_no_follow_up",
                                                                      lang)))
    return parts + _decision(ri)


def _weakened(ri: ReportInput, said: set[int]) -> tuple[str, ...]:
    """The rights weakened for all children and for groups, worst first; a group worse off
    than all children says so."""
    lang, out = ri.lang, list[str]()
    changes = {c.number: c for c in ri.card.weakened}
    for item in most_affected(ri):
        if not item.group:
            change = changes.get(item.number)
            if change is not None:
                out += _rights(ri, [change], said)
            continue
        text = f"{article_words(ri, item.number)}, {item.group}: {rating_words(ri, item.value)}"
        if item.worse:
            text += f" ({ds('worse', lang)})"
        out.append(text)
    rest = [c for c in ri.card.weakened if c.number not in said]  # weakened in one term only
    return tuple(out) + _rights(ri, rest, said)


def _decision(ri: ReportInput) -> list[SummaryPart]:
    """The recorded decision and its outcome, once recorded."""
    d, lang = ri.assessment.committee_decision, ri.lang
    if d is None:
        return []
    text = _sentence(f"{outcome_word(d, lang)}, {decided_text(d, lang, ri.date(d.date))}")
    if d.departs:
        text += f" {_sentence(ds('departs', lang))} {d.departure.strip()}".rstrip()
    return [SummaryPart(w("decision", ri), text)]


def _one_paragraph(text: str) -> str:
    """The summary's paragraphs reflow where they are pasted: blank lines become spaces."""
    return " ".join(text.split())

def _rights(ri: ReportInput, changes: list[RightChange], said: set[int]) -> tuple[str, ...]:
    """'Artikel 28 Rätt till utbildning (kort sikt): <for which children>', one per right.

    An article already listed with its children (weakened in one term, strengthened in the
    other) is not given the same text twice.
    """
    lang, out = ri.lang, []
    for change in changes:
        article = ri.library.article(change.number)
        title = tr(article.title, lang) if article else ""
        terms = ", ".join(verdict.s(term, lang) for term in change.terms)
        text = t("summary_right", lang, number=change.number, title=title, terms=terms)
        children = clip(change.children, CHILDREN_CLIP)
        if children and change.number not in said:
            text += f": {children}"
        said.add(change.number)
        out.append(text)
    return tuple(out)


def _answer(ri: ReportInput, qid: str, follow_up: bool = False) -> str:
    """A visible answer as text ('' when hidden or empty); dates say 'senast' in follow-up."""
    if not ri.visible(qid):
        return ""
    value: Any = ri.values.get(qid)
    if is_empty(value):
        return ""
    question = ri.questionnaire.questions[qid]
    if question.type == "text":
        return str(value).strip()
    text = short_answer(question, value, ri.lang)
    return t("summary_by", ri.lang, date=text) if follow_up and question.type == "date" else text


def _measures(ri: ReportInput, ids: list[str]) -> SummaryPart:
    lang, items = ri.lang, []
    for qid in ids:
        if not ri.visible(qid) or is_empty(ri.values.get(qid)):
            continue
        for action in ri.values[qid]:
            what, who, due, _status = action_row(action, lang)
            # the one page names what keeps a measure from counting, leaves it open or keeps
            # it from the children; every fact of every measure is in the full documentation
            asked = ri.questionnaire.questions[qid].measure_facts
            facts = measure_facts.short(action, lang, ri.questionnaire.track) \
                if asked and measure_facts.noted(action) else ""
            items.append(t("summary_measure", lang, what=what.rstrip("."), who=who, due=due)
                         + (f" ({facts})" if facts else ""))
    label = w("measures", ri)
    return SummaryPart(label, items=tuple(items)) if items else \
        SummaryPart(label, t("summary_no_measures", lang))


def _findings(ri: ReportInput) -> list[SummaryPart]:
    """Serious findings stay visible: the summary must not read better than the analysis."""
    lang = ri.lang
    serious = [_sentence(tr(f.message, lang)) for f in ri.card.serious]
    return [SummaryPart(t("summary_findings", lang), " ".join(serious))] if serious else []


def _pointer(ri: ReportInput) -> str:
    d = ri.assessment.decision
    date = ri.date(ri.generated.date())
    title = one_line(d.title)
    if d.case_number.strip():
        return w("pointer_case", ri, title=title, case=one_line(d.case_number), date=date)
    return w("pointer", ri, title=title, date=date)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."

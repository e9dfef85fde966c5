"""The one page for the tjänsteskrivelse: what an official pastes under the heading
"Barnkonsekvensanalys" of the case's Word document, as it stands.

The conclusion with its reasons, the rights weakened and strengthened and for whom, what
children said and how it changed the proposal (or why they were not heard), the measures,
the follow-up, the serious findings that remain, and a sentence pointing to the full analysis.
Which answers it quotes is declared in the questionnaire's `summary:` block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core import verdict
from app.core.document.answers import action_row, is_empty, short_answer
from app.core.document.build import one_line, properties
from app.core.document.clean import cleaned
from app.core.document.front import is_draft, is_screening
from app.core.document.model import Properties
from app.core.document.source import ReportInput
from app.core.document.strings import t
from app.core.models.scorecard import RightChange
from app.core.text import tr


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
    props = properties(ri)
    title = f"{t('summary_title', lang)}: {one_line(ri.assessment.decision.title)}"
    return cleaned(Summary(lang=lang, heading=t("summary_heading", lang),
                   title=one_line(ri.assessment.decision.title), parts=tuple(parts),
                   pointer=_pointer(ri), draft=t("summary_draft", lang) if is_draft(ri) else "",
                   properties=Properties(title=title, author=props.author,
                                         subject=props.subject, keywords=props.keywords,
                                         language=props.language, created=props.created)))


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
    for key, changes in (("weakened", card.weakened), ("strengthened", card.strengthened)):
        items = _rights(ri, changes, said)
        parts.append(SummaryPart(t(f"summary_{key}", lang), items=items) if items
                     else SummaryPart(t(f"summary_{key}", lang), t(f"summary_none_{key}", lang)))
    spec = ri.questionnaire.summary
    if spec is None:
        return parts
    for key, ids in (("heard", spec.heard), ("views_effect", spec.views_effect),
                     ("not_heard", spec.not_heard)):
        text = " ".join(_answer(ri, qid) for qid in ids if _answer(ri, qid))
        if text:
            parts.append(SummaryPart(t(f"summary_{key}", lang), text))
    parts.append(_measures(ri, spec.measures))
    follow = [_answer(ri, qid, follow_up=True) for qid in spec.follow_up]
    text = " ".join(_sentence(x) for x in follow if x)
    parts.append(SummaryPart(t("summary_follow_up", lang), text or t("summary_no_follow_up",
                                                                      lang)))
    return parts


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
        children = " ".join(change.children.split())
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
            items.append(t("summary_measure", lang, what=what.rstrip("."), who=who, due=due))
    label = t("summary_measures", lang)
    return SummaryPart(label, items=tuple(items)) if items else \
        SummaryPart(label, t("summary_no_measures", lang))


def _findings(ri: ReportInput) -> list[SummaryPart]:
    """Serious findings stay visible: the summary must not read better than the analysis."""
    lang = ri.lang
    serious = [_sentence(tr(f.message, lang)) for f in ri.card.serious]
    return [SummaryPart(t("summary_findings", lang), " ".join(serious))] if serious else []


def _pointer(ri: ReportInput) -> str:
    lang, d = ri.lang, ri.assessment.decision
    date = ri.generated.strftime("%Y-%m-%d")
    title = one_line(d.title)
    if d.case_number.strip():
        return t("summary_pointer_case", lang, title=title, case=one_line(d.case_number),
                 date=date)
    return t("summary_pointer", lang, title=title, date=date)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."

"""What decides, for page 1 and the summary: the rights and groups most weakened (worst first,
a group worse off than all children named), the alternatives weighed, the recorded decision.

Every line stands on a recorded fact: a rating given, an answer shown, a decision recorded
through the lifecycle. Nothing is said when the fact is not there.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import verdict
from app.core.document.answers import article_cell, is_empty, short_answer
from app.core.document.source import ReportInput
from app.core.document.strings import number
from app.core.document.track import w
from app.core.models.lifecycle import CommitteeDecision
from app.core.text import tr

#: key -> (sv, en)
_S: dict[str, tuple[str, str]] = {
    "worse": ("sämre än för alla barn", "worse than for all children"),
    "all_value": ("alla barn {value}", "all children {value}"),
    "right": ("Rättighet", "Right"),
    "who": ("För vem", "For whom"),
    "rating": ("Bedömning", "Rating"),
    "more": ("Ytterligare {count} försvagade rättigheter eller grupper står i tabellerna "
             "längre fram.",
             "{count} further weakened rights or groups are in the tables further on."),
    "alternatives": ("Alternativ som prövats och varför de valdes bort",
                     "Alternatives weighed and why they were not chosen"),
    "no_alternatives": ("Inga alternativ är redovisade.", "No alternatives are given."),
    "decided": ("Beslutat", "Decided"),
    "outcome": ("Utfall", "Outcome"),
    "as_proposed": ("Enligt förslaget", "As proposed"),
    "changed": ("Ändrat förslag", "Changed proposal"),
    "sent_back": ("Återremitterat", "Sent back"),
    "rejected": ("Avslaget", "Rejected"),
    "departs": ("Beslutet avviker från analysens slutsats", "The decision departs from the "
                "assessment's conclusion"),
    "paragraph": ("§\u00a0{paragraph}", "§\u00a0{paragraph}"),
    "protocol": ("Protokoll", "Minutes"),
}
PAGE_ONE_ROWS = 6  # the worst on page 1; the rest stay in the tables further on


def s(key: str, lang: str, **values: object) -> str:
    sv, en = _S[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text


@dataclass(frozen=True)
class Affected:
    """One weakened right, for all children concerned or for one group."""

    number: int
    value: float  #: combined rating, -2..0
    group: str = ""  #: the group's label; '' for all children concerned
    children: str = ""  #: the official's 'for which children' text (all children only)
    all_children: float | None = None  #: the article's rating for all (a group only)
    terms: tuple[str, ...] = ()

    @property
    def worse(self) -> bool:
        return bool(self.group) and self.all_children is not None and \
            self.value < self.all_children


def most_affected(ri: ReportInput) -> list[Affected]:
    """Every weakened right and every group that loses, worst first; on equal ratings a group
    worse off than all children comes first, then by article."""
    card = ri.card
    terms = {c.number: tuple(c.terms) for c in card.weakened}
    out = [Affected(a.number, a.combined, children=a.children, terms=terms.get(a.number, ()))
           for a in card.articles if a.combined is not None and a.combined < 0]
    out += [Affected(g.number, g.combined, group=tr(g.label, ri.lang),
                     all_children=g.all_children)
            for g in card.groups if g.combined is not None and g.combined < 0]
    return sorted(out, key=lambda x: (x.value, not x.worse, x.number, x.group))


def rating_words(ri: ReportInput, value: float) -> str:
    """'−2 tydligt försvagad': the figure and the scale's word for its nearest step."""
    step = -int(-value + 0.5) if value < 0 else int(value + 0.5)  # half away from zero
    if value < 0:  # a weakened right is never called 'no effect', however slight
        step = min(step, -1)
    label = tr(ri.questionnaire.impact_label(max(-2, min(2, step))), ri.lang)
    shown = number(value, ri.lang, 0 if float(value).is_integer() else 1, sign=value != 0)
    return f"{shown} {label.lower()}"


def who_text(ri: ReportInput, item: Affected) -> str:
    """For whom: the group (and how it fares beside all children), or the official's text."""
    if item.group:
        return item.group
    return " ".join(item.children.split()) or w("who_all", ri)


def term_text(ri: ReportInput, item: Affected) -> str:
    return ", ".join(verdict.s(term, ri.lang) for term in item.terms)


def article_words(ri: ReportInput, num: int) -> str:
    return "".join(span.text for span in article_cell(ri, num))


def answers_text(ri: ReportInput, ids: list[str]) -> str:
    """The answers `quoted_ids` picks (a choice only when no text is given), as one text."""
    out = []
    for qid in quoted_ids(ri, ids, choice_fallback=True):
        question, value = ri.questionnaire.questions[qid], ri.values.get(qid)
        out.append(str(value).strip() if question.type == "text"
                   else _sentence(short_answer(question, value, ri.lang)))
    return "\n\n".join(out)


def alternatives_text(ri: ReportInput) -> str:
    spec = ri.questionnaire.summary
    return answers_text(ri, spec.alternatives) if spec is not None else ""


def quoted_ids(ri: ReportInput, ids: list[str], choice_fallback: bool = False) -> list[str]:
    """Of `ids`, the visible answered ones to quote, in the questionnaire's order;
    `choice_fallback`: a choice only when no text answer among them is given (its words are
    then the answer, as 'Nej' to 'were alternatives weighed?')."""
    q = ri.questionnaire
    given = [x for x in q.questions if x in ids and ri.visible(x)
             and not is_empty(ri.values.get(x))]
    texts = [x for x in given if q.questions[x].type == "text"]
    if not choice_fallback or not texts:
        return given
    return [x for x in given if q.questions[x].type != "choice"]


def outcome_word(d: CommitteeDecision, lang: str) -> str:
    return s(d.outcome, lang)


def decided_text(d: CommitteeDecision, lang: str, date: str) -> str:
    """'2026-11-19, § 45': when and where the decision is recorded."""
    number = paragraph_number(d.paragraph)
    para = s("paragraph", lang, paragraph=number) if number else ""
    return ", ".join(x for x in (date, para) if x)


def paragraph_number(typed: str) -> str:
    """The minutes' paragraph without its sign: officials type "§ 112", "§112" or "112 §"
    as often as "112", and the document writes the sign itself (never "§ § 112")."""
    return typed.strip().strip("§").strip()


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."

"""The letter back to the children (Barnombudsmannen's step 7), drafted from the assessment.

The draft uses our own short sentences around what the official wrote (the decision for
children, the reasons, what children said, what changed, what happens next, whom to ask).
The official's own text is taken as written, so the LIX shown beside the draft tells the
official where to shorten; the letter is edited before it is printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.core.children import Results
from app.core.lix import sentences
from app.core.models.assessment import Assessment
from app.core.models.child_collection import ChildCollection
from app.core.models.children import ChildQuestionnaire

LIX_TARGET = 30  #: aim for ages 10-12
PART_KEYS = ("decided", "why", "said", "changed", "next", "ask")
MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
HEADINGS = {
    "sv": {"decided": "Det här bestämdes", "why": "Varför?", "said": "Det här sa barnen",
           "changed": "Det här ändrades", "next": "Det här händer sedan",
           "ask": "Vill du fråga något?"},
    "en": {"decided": "What was decided", "why": "Why?", "said": "What children said",
           "changed": "What changed", "next": "What happens next",
           "ask": "Do you want to ask something?"},
}
WORDS = {
    "sv": {"title": "Vad hände med förslaget?", "hello": "Hej! Tack för att du sa vad du tycker.",
           "on": "Beslutet togs den {date}.", "adults": "De vuxna tänkte så här.",
           "answered": "{n} barn svarade på våra frågor.",
           "liked": "{n} tyckte att förslaget var bra.",
           "disliked": "{n} tyckte att det var dåligt.",
           "between": "{n} tyckte att det var mitt emellan.", "wrote": "Ett barn skrev:",
           "follow": "Vi tittar på hur det blev den {date}.", "by": "{what} Klart den {date}.",
           "ask": "Du kan fråga {who}.", "ask_school": "Du kan också fråga en vuxen i skolan.",
           "bye": "Hälsningar"},
    "en": {"title": "What happened to the plan?",
           "hello": "Hello! Thank you for telling us what you think.",
           "on": "The decision was made on {date}.", "adults": "The adults thought like this.",
           "answered": "{n} children answered our questions.",
           "liked": "{n} thought the plan was good.", "disliked": "{n} thought it was bad.",
           "between": "{n} thought it was in between.", "wrote": "One child wrote:",
           "follow": "We will look at how it went on {date}.", "by": "{what} Done by {date}.",
           "ask": "You can ask {who}.", "ask_school": "You can also ask an adult at school.",
           "bye": "Best wishes"},
}


@dataclass(frozen=True)
class Part:
    """One part of the letter: a heading and its text (paragraphs split by blank lines)."""

    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class Letter:
    lang: str
    title: str
    greeting: str
    parts: tuple[Part, ...]
    signature: str

    @property
    def prose(self) -> str:
        """The sentences of the letter, without title, headings or signature: what LIX is
        measured on (short headings would count as sentences and flatter the figure)."""
        return "\n\n".join([self.greeting, *(p.text for p in self.parts)])

    @property
    def body(self) -> str:
        """Everything a child reads, as plain text."""
        chunks = [self.title, self.greeting]
        for part in self.parts:
            chunks += [part.heading, part.text]
        return "\n\n".join([*chunks, self.signature])


def spoken_date(value: Any, lang: str) -> str:
    """"19 november 2026" / "19 November 2026": a child reads words better than 2026-11-19."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"


def _first_sentences(text: Any, n: int) -> str:
    found = sentences(str(text or ""))
    return " ".join(s.strip() + "." for s in found[:n]).replace("..", ".")


def draft(assessment: Assessment, lang: str, collection: ChildCollection | None = None,
          child_q: ChildQuestionnaire | None = None, found: Results | None = None) -> Letter:
    w = WORDS.get(lang, WORDS["en"])
    heading = HEADINGS.get(lang, HEADINGS["en"])
    texts = {
        "decided": _decided(assessment, collection, w, lang),
        "why": _why(assessment, w),
        "said": _said(assessment, child_q, found, w, lang),
        "changed": _first_sentences(assessment.value("views_effect"), 4),
        "next": _next(assessment, w, lang),
        "ask": _ask(assessment, w),
    }
    parts = tuple(Part(k, heading[k], texts[k]) for k in PART_KEYS if texts[k].strip())
    signature = "\n".join(x for x in (w["bye"], assessment.decision.official,
                                      assessment.decision.committee) if x)
    return Letter(lang, w["title"], w["hello"], parts, signature)


def _decided(assessment: Assessment, collection: ChildCollection | None, w: dict[str, str],
             lang: str) -> str:
    what = collection.decision_for_children if collection else assessment.decision.title + "."
    when = assessment.decision.decision_date
    return what + (" " + w["on"].format(date=spoken_date(when, lang)) if when else "")


def _why(assessment: Assessment, w: dict[str, str]) -> str:
    reasons = _first_sentences(assessment.value("motivation"), 2)
    return f"{w['adults']} {reasons}" if reasons else ""


def _said(assessment: Assessment, child_q: ChildQuestionnaire | None, found: Results | None,
          w: dict[str, str], lang: str) -> str:
    if found is None or not found.shown or child_q is None:
        return _first_sentences(assessment.value("heard_who_what"), 3)
    lines = [w["answered"].format(n=found.answered)]
    plan = next((c for c in found.counts if c.key == "plan_feeling"), None)
    if plan is not None:
        good = plan.total.get("good", 0) + plan.total.get("very_good", 0)
        bad = plan.total.get("bad", 0) + plan.total.get("very_bad", 0)
        for key, n in (("liked", good), ("disliked", bad),
                       ("between", plan.total.get("neither", 0))):
            if n:
                lines.append(w[key].format(n=n))
    quotes = [q for qs in found.quotes.values() for q in qs][:2]
    for quote in quotes:
        lines.append(f"{w['wrote']} ”{quote}”" if lang == "sv" else f"{w['wrote']} “{quote}”")
    return " ".join(lines)


def _next(assessment: Assessment, w: dict[str, str], lang: str) -> str:
    lines = []
    for measure in list(assessment.value("measures") or [])[:3]:
        if isinstance(measure, dict) and measure.get("what"):
            what = str(measure["what"]).rstrip(".") + "."
            due = measure.get("due")
            lines.append(w["by"].format(what=what, date=spoken_date(due, lang)) if due else what)
    follow = assessment.value("follow_up_date")
    if follow:
        lines.append(w["follow"].format(date=spoken_date(follow, lang)))
    return " ".join(lines)


def _ask(assessment: Assessment, w: dict[str, str]) -> str:
    who = ", ".join(x for x in (assessment.decision.official, assessment.decision.committee) if x)
    first = w["ask"].format(who=who) + " " if who else ""
    return first + w["ask_school"]


def edited(letter: Letter, title: str, greeting: str, texts: dict[str, str],
           signature: str) -> Letter:
    """The letter with the official's edits; an emptied part is left out."""
    parts = tuple(Part(p.key, p.heading, texts.get(p.key, p.text).strip())
                  for p in letter.parts if texts.get(p.key, p.text).strip())
    return Letter(letter.lang, title.strip() or letter.title, greeting.strip(), parts,
                  signature.strip())

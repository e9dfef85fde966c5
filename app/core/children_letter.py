"""The letter back to the children (Barnombudsmannen's step 7), drafted from the assessment.

Every sentence is backed by the record (see `draft`). The draft uses our own short sentences
around what the official wrote (the decision for children, the reasons, what children said,
what changed, what happens next, whom to ask).
The official's own text is taken as written, so the LIX shown beside the draft tells the
official where to shorten; the letter is edited before it is printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.core.children import Results
from app.core.document.source import ReportInput
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
    "sv": {"decided": "Det här bestämdes", "proposed": "Det här föreslås", "why": "Varför?",
           "said": "Det här sa barnen", "changed": "Det här ändrades",
           "next": "Det här händer sedan", "ask": "Vill du fråga något?"},
    "en": {"decided": "What was decided", "proposed": "What is proposed", "why": "Why?",
           "said": "What children said", "changed": "What changed",
           "next": "What happens next", "ask": "Do you want to ask something?"},
}
WORDS = {
    "sv": {"title": "Vad hände med förslaget?", "title_proposed": "Ett förslag som gäller barn",
           "hello": "Hej! Tack för att du sa vad du tycker.",
           "hello_unheard": "Hej! Här kan du läsa om ett förslag som gäller barn.",
           "on": "Beslutet togs den {date}.",
           "changed_outcome": "Förslaget ändrades innan det bestämdes.",
           "sent_back": "Politikerna skickade tillbaka förslaget. Det är inte bestämt än.",
           "rejected": "Politikerna sa nej till förslaget.",
           "proposal": "Förslaget är: {what}", "when": "Det ska bestämmas den {date}.",
           "when_past": "Det var planerat att bestämmas den {date}.",
           "title_screened": "Ett förslag från oss vuxna",
           "hello_screened": "Hej! Här kan du läsa om ett förslag.",
           "screened": "De vuxna har kommit fram till att förslaget inte påverkar barn. "
                       "De tänkte så här.",
           "not_yet": "Det är inte bestämt än.",
           "adults": "De vuxna tänkte så här.",
           "answered": "{n} barn svarade på våra frågor.",
           "liked": "{n} tyckte att förslaget var bra.",
           "disliked": "{n} tyckte att det var dåligt.",
           "between": "{n} tyckte att det var mitt emellan.",
           "wrote": "På frågan ”{question}” skrev ett barn: ”{quote}”",
           "wrote_more": "Ett annat barn skrev: ”{quote}”",
           "planned": "Det här planeras:",
           "follow": "Vi tittar på hur det blev den {date}.", "by": "{what} Klart den {date}.",
           "ask": "Du kan fråga {who}.", "reach": "Så når du {who}: {how}.",
           "ask_help": "Du kan också be en vuxen du litar på att fråga tillsammans med dig.",
           "bye": "Hälsningar"},
    "en": {"title": "What happened to the plan?", "title_proposed": "A plan that concerns children",
           "hello": "Hello! Thank you for telling us what you think.",
           "hello_unheard": "Hello! Here you can read about a plan that concerns children.",
           "on": "The decision was made on {date}.",
           "changed_outcome": "The plan was changed before it was decided.",
           "sent_back": "The politicians sent the plan back. Nothing is decided yet.",
           "rejected": "The politicians said no to the plan.",
           "proposal": "The plan is: {what}", "when": "It will be decided on {date}.",
           "when_past": "It was planned to be decided on {date}.",
           "title_screened": "A plan from us adults",
           "hello_screened": "Hello! Here you can read about a plan.",
           "screened": "The adults have found that the plan does not affect children. "
                       "They thought like this.",
           "not_yet": "Nothing is decided yet.",
           "adults": "The adults thought like this.",
           "answered": "{n} children answered our questions.",
           "liked": "{n} thought the plan was good.", "disliked": "{n} thought it was bad.",
           "between": "{n} thought it was in between.",
           "wrote": "To the question “{question}” one child wrote: “{quote}”",
           "wrote_more": "Another child wrote: “{quote}”",
           "planned": "This is planned:",
           "follow": "We will look at how it went on {date}.", "by": "{what} Done by {date}.",
           "ask": "You can ask {who}.", "reach": "How to reach {who}: {how}.",
           "ask_help": "You can also ask an adult you trust to ask together with you.",
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
    decided: bool = True  #: a committee decision is recorded (else the letter tells a proposal)

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


def draft(ri: ReportInput, collection: ChildCollection | None = None,
          child_q: ChildQuestionnaire | None = None, found: Results | None = None,
          today: dt.date | None = None) -> Letter:
    """The letter from what the record supports: shown answers (ri, conditions applied) and
    recorded states. "Decided" only with a recorded committee decision (its date and outcome);
    what children said only when the assessment shows they were heard, each quote under its
    question; the official, how to reach them and the date at the end."""
    lang = ri.lang
    w = WORDS.get(lang, WORDS["en"])
    heard = children_heard(ri)
    decided = ri.assessment.committee_decision is not None
    on = today or ri.generated.date()
    texts = {
        "decided": _decided(ri, collection, w) if decided else _proposed(ri, collection, w, on),
        "why": _why(ri, w),
        "said": _said(ri, child_q, found, w) if heard else "",
        "changed": _first_sentences(_shown_text(ri, "views_effect"), 4) if heard else "",
        "next": _next(ri, w, decided),
        "ask": _ask(ri.assessment, w),
    }
    parts = tuple(Part(k, heading(k, lang, decided), texts[k]) for k in PART_KEYS
                  if texts[k].strip())
    d = ri.assessment.decision
    signature = "\n".join(x for x in (w["bye"], d.official, d.committee, spoken_date(on, lang))
                          if x)
    return Letter(lang, _title(ri, w, decided), _hello(ri, w, heard), parts, signature, decided)


def _title(ri: ReportInput, w: dict[str, str], decided: bool) -> str:
    """A screening record says the matter does not concern children: the letter does not
    claim that it does."""
    if decided:
        return w["title"]
    return w["title_screened"] if screened(ri) else w["title_proposed"]


def _hello(ri: ReportInput, w: dict[str, str], heard: bool) -> str:
    if heard:
        return w["hello"]
    return w["hello_screened"] if screened(ri) else w["hello_unheard"]


def screened(ri: ReportInput) -> bool:
    """The screening short path was taken: the record says the matter does not concern
    children, with its reason."""
    return ri.card.kind == "screening"


def heading(key: str, lang: str, decided: bool = True) -> str:
    """A part's heading; the first part says "proposed" until a decision is recorded."""
    words = HEADINGS.get(lang, HEADINGS["en"])
    return words["proposed" if key == "decided" and not decided else key]


def children_heard(ri: ReportInput) -> bool:
    """The assessment shows children were heard: a question of its summary's `heard` list is
    visible (its condition is the official's answer that children were heard)."""
    spec = ri.questionnaire.summary
    return spec is not None and any(ri.visible(qid) for qid in spec.heard)


def _shown_text(ri: ReportInput, part: str) -> str:
    """The shown answers the summary declares for `part` (heard, views_effect, ...), as text."""
    spec = ri.questionnaire.summary
    ids = spec.parts().get(part, []) if spec is not None else []
    return " ".join(str(ri.values[qid]).strip() for qid in ids
                    if ri.visible(qid) and isinstance(ri.values.get(qid), str)
                    and ri.values[qid].strip())


def _what(ri: ReportInput, collection: ChildCollection | None) -> str:
    return collection.decision_for_children if collection else \
        ri.assessment.decision.title.rstrip(".") + "."


def _decided(ri: ReportInput, collection: ChildCollection | None, w: dict[str, str]) -> str:
    recorded = ri.assessment.committee_decision
    assert recorded is not None
    on = w["on"].format(date=spoken_date(recorded.date, ri.lang))
    if recorded.outcome == "as_proposed":
        return f"{_what(ri, collection)} {on}"
    if recorded.outcome == "changed":
        return f"{_what(ri, collection)} {w['changed_outcome']} {on}"
    return f"{w[recorded.outcome]} {on}"


def _proposed(ri: ReportInput, collection: ChildCollection | None, w: dict[str, str],
              today: dt.date) -> str:
    """The proposal and its planned date; a planned date before the letter's own is told as
    a plan that was (no decision is recorded, so the letter cannot say what became of it)."""
    when = ri.assessment.decision.decision_date
    if not when:
        later = w["not_yet"]
    else:
        said = w["when_past"] if when < today else w["when"]
        later = said.format(date=spoken_date(when, ri.lang))
    return f"{w['proposal'].format(what=_what(ri, collection))} {later}"


def _why(ri: ReportInput, w: dict[str, str]) -> str:
    if screened(ri):
        reason = _first_sentences(ri.card.screening_reason, 2)
        return f"{w['screened']} {reason}" if reason else ""
    value = ri.values.get("motivation") if ri.visible("motivation") else None
    reasons = _first_sentences(value, 2)
    return f"{w['adults']} {reasons}" if reasons else ""


def _said(ri: ReportInput, child_q: ChildQuestionnaire | None, found: Results | None,
          w: dict[str, str]) -> str:
    if found is None or not found.shown or child_q is None:
        return _first_sentences(_shown_text(ri, "heard"), 3)
    lines = [w["answered"].format(n=found.answered)]
    plan = next((c for c in found.counts if c.key == "plan_feeling"), None)
    if plan is not None:
        good = plan.total.get("good", 0) + plan.total.get("very_good", 0)
        bad = plan.total.get("bad", 0) + plan.total.get("very_bad", 0)
        for key, n in (("liked", good), ("disliked", bad),
                       ("between", plan.total.get("neither", 0))):
            if n:
                lines.append(w[key].format(n=n))
    quotes = [(question, q) for question, qs in found.quotes.items() for q in qs][:2]
    asked = ""
    for question, quote in quotes:
        # Two quotes under one question name it once: a child reads the question, then
        # what two children wrote, not the same question twice.
        if question == asked:
            lines.append(w["wrote_more"].format(quote=quote.strip()))
        else:
            lines.append(w["wrote"].format(question=question.strip().rstrip("?") + "?",
                                           quote=quote.strip()))
        asked = question
    return " ".join(lines)


def _next(ri: ReportInput, w: dict[str, str], decided: bool) -> str:
    lines = []
    spec = ri.questionnaire.summary
    for qid in spec.measures if spec is not None else []:
        if not ri.visible(qid):
            continue
        for measure in list(ri.values.get(qid) or [])[:3]:
            if isinstance(measure, dict) and measure.get("what"):
                what = str(measure["what"]).rstrip(".") + "."
                due = measure.get("due")
                lines.append(w["by"].format(what=what, date=spoken_date(due, ri.lang))
                             if due else what)
    if lines and not decided:
        lines.insert(0, w["planned"])
    follow = ri.values.get("follow_up_date") if ri.visible("follow_up_date") else None
    if follow:
        lines.append(w["follow"].format(date=spoken_date(follow, ri.lang)))
    return " ".join(lines)


def _ask(assessment: Assessment, w: dict[str, str]) -> str:
    d = assessment.decision
    who = ", ".join(x for x in (d.official, d.committee) if x)
    first = w["ask"].format(who=who) + " " if who else ""
    how = (d.official_contact or assessment.ownership.email).strip()
    if how and d.official:
        first += w["reach"].format(who=d.official, how=how.rstrip(".")) + " "
    # Who the child can turn to is what the official recorded; nothing recorded says the
    # children go to a school, so the last line names no place (a youth centre's letter said
    # "an adult at school").
    return first + w["ask_help"]


def edited(letter: Letter, title: str, greeting: str, texts: dict[str, str],
           signature: str) -> Letter:
    """The letter with the official's edits; an emptied part is left out."""
    parts = tuple(Part(p.key, p.heading, texts.get(p.key, p.text).strip())
                  for p in letter.parts if texts.get(p.key, p.text).strip())
    return Letter(letter.lang, title.strip() or letter.title, greeting.strip(), parts,
                  signature.strip(), letter.decided)

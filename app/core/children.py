"""Children's collections without I/O: the questions a child sees, checking a child's answers,
and the results an official may see (nothing for groups under five)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.models.child_collection import MAX_TEXT, ChildCollection, ChildResponse
from app.core.models.children import ChildQuestion, ChildQuestionnaire, Level
from app.core.privacy import child_text_kinds, known_words
from app.core.text import tr

MIN_GROUP = 5  #: fewer answers than this are never shown: a small group's answers point at people
MAX_PLACES = 3  #: per_place questions are asked for this many places at most (ten questions)


@dataclass(frozen=True)
class Asked:
    """A question as one child sees it: wording for the age band, places filled in."""

    key: str  #: where the answer is stored: the question id, or id@n for the n-th place
    question: ChildQuestion
    text: str
    levels: list[Level]


def asked_questions(q: ChildQuestionnaire, collection: ChildCollection, age_band: str,
                    lang: str) -> list[Asked]:
    asked: list[Asked] = []
    for question in q.questions:
        if question.ages and age_band not in question.ages:
            continue
        template = tr(question.text_by_age.get(age_band, question.text), lang)
        places = collection.places[:MAX_PLACES] if question.per_place else [""]
        for n, place in enumerate(places):
            key = f"{question.id}@{n}" if question.per_place else question.id
            text = template.replace("{place}", place).replace(
                "{decision}", collection.decision_for_children)
            asked.append(Asked(key, question, text, q.levels_of(question)))
    return asked


def intro(q: ChildQuestionnaire, collection: ChildCollection, lang: str) -> str:
    return tr(q.intro, lang).replace("{decision}", collection.decision_for_children)


def official_words(collection: ChildCollection) -> frozenset[str]:
    """Words the official wrote (places, the decision): no child's name when a child uses them."""
    return known_words(collection.decision_for_children, *collection.places, collection.group)


def flagged_texts(collection: ChildCollection, texts: dict[str, str]) -> dict[str, list[str]]:
    """Free texts that may name someone or hold personal data: question id -> kinds."""
    words = official_words(collection)
    found = {qid: child_text_kinds(text, words) for qid, text in texts.items()}
    return {qid: kinds for qid, kinds in found.items() if kinds}


def build_response(q: ChildQuestionnaire, collection: ChildCollection, age_band: str,
                   answers: dict[str, str | None], texts: dict[str, str | None],
                   day: object) -> ChildResponse:
    """A response holding only what the questions asked for; anything else is dropped, and a
    value no question offers is a ValueError (a tampered form)."""
    if age_band not in q.band_by_id:
        raise ValueError(f"unknown age band {age_band!r}")
    asked = {a.key: a for a in asked_questions(q, collection, age_band, "sv")}
    kept: dict[str, str] = {}
    for key, value in answers.items():
        if value is None or key not in asked or asked[key].question.type == "text":
            continue
        if value not in [lv.value for lv in asked[key].levels]:
            raise ValueError(f"{value!r} is not an answer to {key}")
        kept[key] = value
    written = {key: (text or "").strip()[:MAX_TEXT] for key, text in texts.items()
               if key in asked and asked[key].question.type == "text"}
    return ChildResponse.model_validate({"age_band": age_band, "answers": kept, "day": day,
                                         "texts": {k: v for k, v in written.items() if v}})


def response_problem(q: ChildQuestionnaire, collection: ChildCollection,
                     response: ChildResponse) -> str | None:
    """What makes a response one the child's page could not have sent, in words (None when
    it fits): an age band, a question or an answer the questionnaire does not offer, a text
    where a choice is asked or one over the length a child may write."""
    if collection.questionnaire != q.id:
        return f"the collection asks '{collection.questionnaire}', not '{q.id}'"
    if response.age_band not in q.band_by_id:
        return f"{response.age_band!r} is not an age band of '{q.id}'"
    asked = {a.key: a for a in asked_questions(q, collection, response.age_band, "sv")}
    for key, value in response.answers.items():
        if key not in asked or asked[key].question.type == "text":
            return f"'{key}' is not a question with answers to choose for this age band"
        if value not in [lv.value for lv in asked[key].levels]:
            return f"{value!r} is not an answer to '{key}'"
    for key, text in response.texts.items():
        if key not in asked or asked[key].question.type != "text":
            return f"'{key}' is not a question asking for words for this age band"
        if len(text) > MAX_TEXT:
            return f"the text for '{key}' is longer than {MAX_TEXT} characters"
    return None


@dataclass
class Count:
    """How many chose each level of one question, overall and per age band."""

    key: str
    text: str  #: the question as the 10-12 band reads it (or the first band that sees it)
    levels: list[Level]
    total: dict[str, int] = field(default_factory=dict)
    by_band: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class Results:
    """What the official may see. `shown` is False when fewer than MIN_GROUP answered."""

    answered: int
    by_band: dict[str, int]
    shown: bool
    counts: list[Count] = field(default_factory=list)
    quotes: dict[str, list[str]] = field(default_factory=dict)  #: question text -> quotes
    held_back: int = 0  #: quotes not shown because they may name someone
    separable: frozenset[str] = frozenset()  #: age bands that may be shown on their own

    def band_shown(self, band: str) -> bool:
        return band in self.separable


def separable_bands(by_band: dict[str, int]) -> frozenset[str]:
    """The age bands whose answers may be shown on their own, beside everyone's.

    Every group a reader can single out must hold MIN_GROUP children or more: each band shown,
    and the rest taken together (everyone's figures minus the bands shown). Bands with too
    few go into the rest; while the rest holds 1 to MIN_GROUP-1 children, the smallest band
    shown joins it. So "Alla" minus the shown bands never lays bare a child or two."""
    shown = sorted((b for b, n in by_band.items() if n >= MIN_GROUP),
                   key=lambda b: (by_band[b], b))
    rest = sum(n for n in by_band.values() if 0 < n < MIN_GROUP)
    while 0 < rest < MIN_GROUP and shown:
        rest += by_band[shown.pop(0)]
    return frozenset(shown)


def results(q: ChildQuestionnaire, collection: ChildCollection, lang: str) -> Results:
    responses = collection.responses
    by_band = {b.id: sum(1 for r in responses if r.age_band == b.id) for b in q.age_bands}
    out = Results(len(responses), by_band, len(responses) >= MIN_GROUP,
                  separable=separable_bands(by_band))
    if not out.shown:
        return out
    reference = q.age_bands[len(q.age_bands) // 2].id
    for a in asked_questions(q, collection, reference, lang):
        if a.question.type == "text":
            _quotes(out, a, collection, responses)
            continue
        count = Count(a.key, a.text, a.levels)
        for level in a.levels:
            count.total[level.value] = sum(1 for r in responses
                                           if r.answers.get(a.key) == level.value)
        for band in q.age_bands:
            if out.band_shown(band.id):
                count.by_band[band.id] = {
                    lv.value: sum(1 for r in responses
                                  if r.age_band == band.id and r.answers.get(a.key) == lv.value)
                    for lv in a.levels}
        out.counts.append(count)
    return out


def _quotes(out: Results, a: Asked, collection: ChildCollection,
            responses: list[ChildResponse]) -> None:
    words = official_words(collection)
    quotes = []
    for r in responses:
        text = r.texts.get(a.key)
        if not text:
            continue
        if child_text_kinds(text, words):
            out.held_back += 1  # checked again when shown: the name list may have grown
        else:
            quotes.append(text)
    if quotes:
        out.quotes[a.text] = quotes


def ages_text(q: ChildQuestionnaire, results: Results, lang: str) -> str:
    """The ages that answered, under the same rule as the figures: the bands that may be
    shown on their own by name ("6–9 år, 10–12 år"), the others only together ("andra
    åldrar"), and "" when no band may be named."""
    named = [tr(b.label, lang) for b in q.age_bands if b.id in results.separable]
    others = any(n for band, n in results.by_band.items() if band not in results.separable)
    words = {"sv": ("andra åldrar", "och"), "en": ("other ages", "and")}
    other, joined = words.get(lang, words["en"])
    if not named:
        return ""
    return f"{', '.join(named)} {joined} {other}" if others else ", ".join(named)

"""What binds a measure: whether it is decided, funded, who must carry it out, and whether it
rests on the very service, staff or place the decision reduces; and whom it reaches: the
children themselves, the children through their parents, only staff or the organisation; and
whether it keeps the children in what the decision changes or refers them to another body's
own assessment (an application for social assistance, a referral to health care).

A measure softens harm only if someone can be held to it. Each fact is answered per measure
(an option, never read from the text): a measure that is not decided, not funded, carried by a
party with no binding commitment, or carried by what the decision itself reduces or removes,
does not count as mitigation; one that lasts only for a transition does not meet a harm judged
to last (long term). A referral to another body's own assessment does not count either: whether
the children get anything rests on a decision nobody in this matter can promise. A measure that
reaches only the parents, staff or the organisation does not count against a harm to a right the
children exercise themselves (scoring.child_own_articles: play, school, health, contact), since
what the parents or staff get is not what the children lost. A fact left unanswered (a record
from before these facts were asked) is a gap in completeness, not a contradiction: such a
measure counts as before, and the scorecard names the gap. A measure that reaches the children
through their parents says how, in its own words, for the reader and the reviewer.
"""

from __future__ import annotations

from typing import Any, Literal

#: whom the assessment is about (the questionnaire's summary.track): children as a group, or one
#: child, whose measures are described in the singular ("når barnet direkt")
Track = Literal["group", "individual"]

#: the facts, in the order the form and the report show them, with their options
FACTS: dict[str, tuple[str, ...]] = {
    "decided": ("yes", "no"),
    "funded": ("yes", "no"),
    "bound": ("own", "authority", "agreement", "none"),
    "reduced": ("no", "yes"),
    "lasting": ("yes", "no"),
    "reaches": ("children", "through_parents", "parents", "staff", "other"),
    "keeps": ("keeps", "other_way", "referral"),
}
#: the answer that keeps a measure from counting, per fact
VOIDS: dict[str, str] = {"decided": "no", "funded": "no", "bound": "none", "reduced": "yes",
                         "keeps": "referral"}
#: whom a measure reaches, when it reaches the children themselves (an open answer reads so)
REACHES_CHILD = ("children", "through_parents")
#: the measure's own words on how it reaches the children through their parents
HOW = "reaches_how"
#: every key a measure stores beside what, who, due, status and addresses
KEYS: tuple[str, ...] = (*FACTS, HOW)

_NAMES: dict[str, tuple[str, str]] = {
    "decided": ("Beslutad", "Decided"),
    "funded": ("Finansierad", "Funded"),
    "bound": ("Vem är bunden att genomföra den", "Who is bound to carry it out"),
    "reduced": ("Bärs av det som beslutet minskar", "Carried by what the decision reduces"),
    "lasting": ("Varar så länge skadan", "Lasts as long as the harm"),
    "reaches": ("Vem den når", "Whom it reaches"),
    "keeps": ("Håller barnen kvar eller hänvisar", "Keeps the children in or refers them"),
}
#: each answer in the form's words; short enough (about 34 characters) to be read whole in a
#: phone's choice box, which cuts a longer one off (the help text says the rest)
_OPTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("decided", "yes"): ("Ja, beslutad", "Yes, decided"),
    ("decided", "no"): ("Nej, inte beslutad", "No, not decided"),
    ("funded", "yes"): ("Ja, finansierad eller kostnadsfri", "Yes, funded or costs nothing"),
    ("funded", "no"): ("Nej, inte finansierad", "No, not funded"),
    ("bound", "own"): ("Organisationen själv", "The organisation itself"),
    ("bound", "authority"): ("En annan myndighet", "Another authority"),
    ("bound", "agreement"): ("Privat part med undertecknat avtal",
                             "Private party, by signed agreement"),
    ("bound", "none"): ("Någon utan bindande åtagande", "A party with no binding commitment"),
    ("reduced", "no"): ("Nej", "No"),
    ("reduced", "yes"): ("Ja, det som minskas eller tas bort",
                         "Yes, what is reduced or removed"),
    ("lasting", "yes"): ("Ja, så länge skadan består", "Yes, as long as the harm lasts"),
    ("lasting", "no"): ("Nej, bara under en övergång", "No, only for a transition"),
    ("reaches", "children"): ("Barnen som skadan gäller, direkt",
                              "The children harmed, directly"),
    ("reaches", "through_parents"): ("Barnen, genom deras föräldrar",
                                     "The children, through their parents"),
    ("reaches", "parents"): ("Bara föräldrar eller vårdnadshavare",
                             "Only the parents or guardians"),
    ("reaches", "staff"): ("Bara personal eller organisationen",
                           "Only staff or the organisation"),
    ("reaches", "other"): ("Andra", "Others"),
    ("keeps", "keeps"): ("Ja, barnen får vara kvar", "Yes, the children can stay"),
    ("keeps", "other_way"): ("Ger barnen något annat i egen regi",
                             "Offers something else of its own"),
    ("keeps", "referral"): ("Hänvisar till annan myndighet",
                            "Refers to another body's assessment"),
}
#: why a measure does not count, one phrase per voiding answer
_WHY: dict[str, tuple[str, str]] = {
    "decided": ("inte beslutad", "not decided"),
    "funded": ("inte finansierad", "not funded"),
    "bound": ("ingen är bunden att genomföra den", "no one is bound to carry it out"),
    "reduced": ("bärs av det som beslutet minskar eller tar bort",
                "carried by what the decision reduces or removes"),
    "keeps": ("hänvisar till en annan myndighets eller verksamhets prövning",
              "refers to another body's own assessment"),
}
_NOT_ANSWERED = ("ej besvarat", "not answered")

#: the same words for one child (the individual track): every phrase above that names "the
#: children" says "the child" there, so a measure for one child never reads as for a group
_ONE_NAMES: dict[str, tuple[str, str]] = {
    "keeps": ("Håller barnet kvar eller hänvisar", "Keeps the child in or refers"),
}
_ONE_OPTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("reaches", "children"): ("Barnet som skadan gäller, direkt", "The child harmed, directly"),
    ("reaches", "through_parents"): ("Barnet, genom föräldrarna",
                                     "The child, through the parents"),
    ("keeps", "keeps"): ("Ja, barnet får vara kvar", "Yes, the child can stay"),
    ("keeps", "other_way"): ("Ger barnet något annat i egen regi",
                             "Offers the child something else"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _words(table: dict[Any, tuple[str, str]], one: dict[Any, tuple[str, str]], key: Any,
           track: Track) -> tuple[str, str] | None:
    """The pair for `key`: the one-child wording in the individual track where it differs."""
    return (one.get(key) if track == "individual" else None) or table.get(key)


def fact_name(fact: str, lang: str, track: Track = "group") -> str:
    pair = _words(_NAMES, _ONE_NAMES, fact, track)
    return _pick(pair, lang) if pair else fact


def option_label(fact: str, value: Any, lang: str, track: Track = "group") -> str:
    """The answer's words, or 'ej besvarat' when the measure does not say."""
    pair = _words(_OPTIONS, _ONE_OPTIONS, (fact, str(value)), track) \
        if value not in (None, "") else None
    return _pick(pair or _NOT_ANSWERED, lang)


def normalise(item: dict[str, Any], i: int) -> dict[str, str]:
    """The facts a stored measure gives, checked: an unknown answer is an error naming the
    measure and the allowed answers."""
    found: dict[str, str] = {}
    for fact, options in FACTS.items():
        value = item.get(fact)
        if value in (None, ""):
            continue
        text = str(value).lower() if not isinstance(value, bool) else ("yes" if value else "no")
        if text not in options:
            raise ValueError(f"action {i}: {fact} must be one of {', '.join(options)}, "
                             f"not {value!r}")
        found[fact] = text
    return found


def unanswered(action: dict[str, Any]) -> list[str]:
    """The facts this measure leaves open; reaching the children through their parents asks
    how (the answer the reviewer reads)."""
    open_ = [f for f in FACTS if action.get(f) in (None, "")]
    if action.get("reaches") == "through_parents" and not str(action.get(HOW) or "").strip():
        open_.append(HOW)
    return open_


def voided_by(action: dict[str, Any], facts: tuple[str, ...] = tuple(VOIDS)) -> list[str]:
    """The facts (of `facts`) whose answer keeps the measure from counting."""
    return [f for f in facts if action.get(f) == VOIDS[f]]


def counts(action: dict[str, Any]) -> bool:
    """Whether the measure can soften harm by its facts (an open fact does not void it)."""
    return not voided_by(action)


def noted(action: dict[str, Any]) -> bool:
    """Whether a short report names the measure's facts: something keeps it from counting, is
    unanswered, or it does not reach the children themselves."""
    return not counts(action) or bool(unanswered(action)) or not reaches_child(action)


def lasts(action: dict[str, Any]) -> bool:
    """Whether the measure lasts as long as the harm (an open answer reads as before: yes)."""
    return action.get("lasting") != "no"


def reaches_child(action: dict[str, Any]) -> bool:
    """Whether the measure reaches the children themselves (an open answer reads as before)."""
    return action.get("reaches") in (None, "", *REACHES_CHILD)


def why(action: dict[str, Any], facts: tuple[str, ...], lang: str) -> str:
    """'what: inte beslutad, inte finansierad' for a finding's details."""
    what = str(action.get("what") or "–").strip().rstrip(".")
    return f"{what}: " + ", ".join(_pick(_WHY[f], lang) for f in voided_by(action, facts))


_SHORT: dict[tuple[str, str], tuple[str, str]] = {
    ("decided", "yes"): ("beslutad", "decided"),
    ("decided", "no"): ("inte beslutad", "not decided"),
    ("funded", "yes"): ("finansierad", "funded"),
    ("funded", "no"): ("inte finansierad", "not funded"),
    ("bound", "own"): ("genomförs av organisationen själv", "carried out by the organisation"),
    ("bound", "authority"): ("genomförs av en annan myndighet", "carried out by another authority"),
    ("bound", "agreement"): ("genomförs av en privat part enligt undertecknat avtal",
                             "carried out by a private party under a signed agreement"),
    ("bound", "none"): ("ingen är bunden att genomföra den", "no one is bound to carry it out"),
    ("reduced", "yes"): ("bärs av det som beslutet minskar",
                         "carried by what the decision reduces"),
    ("lasting", "no"): ("bara under en övergång", "only for a transition"),
    ("reaches", "children"): ("når barnen direkt", "reaches the children directly"),
    ("reaches", "through_parents"): ("når barnen genom föräldrarna",
                                     "reaches the children through their parents"),
    ("reaches", "parents"): ("når bara föräldrarna", "reaches only the parents"),
    ("reaches", "staff"): ("når bara personal eller organisationen",
                           "reaches only staff or the organisation"),
    ("reaches", "other"): ("når andra än barnen", "reaches others than the children"),
    ("keeps", "keeps"): ("barnen kan vara kvar", "the children can stay"),
    ("keeps", "other_way"): ("ger barnen något annat i egen regi",
                             "offers the children something else of its own"),
    ("keeps", "referral"): ("hänvisar till en annan myndighets prövning",
                            "refers to another body's own assessment"),
}
_ONE_SHORT: dict[tuple[str, str], tuple[str, str]] = {
    ("reaches", "children"): ("når barnet direkt", "reaches the child directly"),
    ("reaches", "through_parents"): ("når barnet genom föräldrarna",
                                     "reaches the child through the parents"),
    ("reaches", "other"): ("når andra än barnet", "reaches others than the child"),
    ("keeps", "keeps"): ("barnet kan vara kvar", "the child can stay"),
    ("keeps", "other_way"): ("ger barnet något annat i egen regi",
                             "offers the child something else of its own"),
}
_HOW_SAID = ("hur", "how")
_OPEN = ("obesvarat om den är beslutad, finansierad, bindande, varaktig, vem den når och om den "
         "håller barnen kvar",
         "not answered whether it is decided, funded, binding, lasting, whom it reaches and "
         "whether it keeps the children in")
_ONE_OPEN = ("obesvarat om den är beslutad, finansierad, bindande, varaktig, vem den når och om "
             "den håller barnet kvar",
             "not answered whether it is decided, funded, binding, lasting, whom it reaches and "
             "whether it keeps the child in")


def short_reach(action: dict[str, Any], lang: str, track: Track = "group") -> str:
    """'når bara föräldrarna': whom the measure reaches, as page 1 says it."""
    pair = _words(_SHORT, _ONE_SHORT, ("reaches", str(action.get("reaches"))), track)
    return _pick(pair, lang) if pair else ""


def how_text(item: dict[str, Any]) -> str | None:
    """The stored words on how the measure reaches the children through their parents."""
    value = item.get(HOW)
    return str(value).strip() if isinstance(value, str) and value.strip() else None


def short(action: dict[str, Any], lang: str, track: Track = "group") -> str:
    """The facts as a reader of page 1 reads them: 'beslutad, finansierad, genomförs av
    organisationen själv'; what is unanswered is said, never guessed."""
    how = str(action.get(HOW) or "").strip().rstrip(".") \
        if action.get("reaches") == "through_parents" else ""
    parts = []
    for f in FACTS:
        said = _words(_SHORT, _ONE_SHORT, (f, str(action.get(f))), track)
        if said is None:
            continue
        # how it reaches the children stands with the reach it explains, not at the end
        parts.append(_pick(said, lang) + (f" ({_pick(_HOW_SAID, lang)}: {how})"
                                          if f == "reaches" and how else ""))
    if unanswered(action):
        parts.append(_pick(_ONE_OPEN if track == "individual" else _OPEN, lang))
    return ", ".join(parts)

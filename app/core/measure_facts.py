"""What binds a measure: whether it is decided, funded, who must carry it out, and whether it
rests on the very service, staff or place the decision reduces.

A measure softens harm only if someone can be held to it. Each fact is answered per measure
(an option, never read from the text): a measure that is not decided, not funded, carried by a
party with no binding commitment, or carried by what the decision itself reduces or removes,
does not count as mitigation; one that lasts only for a transition does not meet a harm judged
to last (long term). A fact left unanswered (a record from before these facts were
asked) is a gap in completeness, not a contradiction: such a measure counts as before, and the
scorecard names the gap.
"""

from __future__ import annotations

from typing import Any

#: the facts, in the order the form and the report show them, with their options
FACTS: dict[str, tuple[str, ...]] = {
    "decided": ("yes", "no"),
    "funded": ("yes", "no"),
    "bound": ("own", "authority", "agreement", "none"),
    "reduced": ("no", "yes"),
    "lasting": ("yes", "no"),
}
#: the answer that keeps a measure from counting, per fact
VOIDS: dict[str, str] = {"decided": "no", "funded": "no", "bound": "none", "reduced": "yes"}

_NAMES: dict[str, tuple[str, str]] = {
    "decided": ("Beslutad", "Decided"),
    "funded": ("Finansierad", "Funded"),
    "bound": ("Vem är bunden att genomföra den", "Who is bound to carry it out"),
    "reduced": ("Bärs av det som beslutet minskar", "Carried by what the decision reduces"),
    "lasting": ("Varar så länge skadan", "Lasts as long as the harm"),
}
_OPTIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("decided", "yes"): ("Ja, beslutad", "Yes, decided"),
    ("decided", "no"): ("Nej, inte beslutad", "No, not decided"),
    ("funded", "yes"): ("Ja, pengar finns eller den kostar inget", "Yes, funded or costs nothing"),
    ("funded", "no"): ("Nej, inte finansierad", "No, not funded"),
    ("bound", "own"): ("Organisationen själv", "The organisation itself"),
    ("bound", "authority"): ("En annan myndighet", "Another authority"),
    ("bound", "agreement"): ("En privat part, genom ett undertecknat avtal",
                             "A private party, by a signed agreement"),
    ("bound", "none"): ("Någon utan bindande åtagande", "A party with no binding commitment"),
    ("reduced", "no"): ("Nej", "No"),
    ("reduced", "yes"): ("Ja, det som beslutet minskar eller tar bort",
                         "Yes, what the decision reduces or removes"),
    ("lasting", "yes"): ("Ja, så länge skadan består", "Yes, as long as the harm lasts"),
    ("lasting", "no"): ("Nej, bara under en övergång", "No, only for a transition"),
}
#: why a measure does not count, one phrase per voiding answer
_WHY: dict[str, tuple[str, str]] = {
    "decided": ("inte beslutad", "not decided"),
    "funded": ("inte finansierad", "not funded"),
    "bound": ("ingen är bunden att genomföra den", "no one is bound to carry it out"),
    "reduced": ("bärs av det som beslutet minskar eller tar bort",
                "carried by what the decision reduces or removes"),
}
_NOT_ANSWERED = ("ej besvarat", "not answered")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def fact_name(fact: str, lang: str) -> str:
    return _pick(_NAMES[fact], lang)


def option_label(fact: str, value: Any, lang: str) -> str:
    """The answer's words, or 'ej besvarat' when the measure does not say."""
    pair = _OPTIONS.get((fact, str(value))) if value not in (None, "") else None
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
    """The facts this measure leaves open."""
    return [f for f in FACTS if action.get(f) in (None, "")]


def voided_by(action: dict[str, Any], facts: tuple[str, ...] = tuple(VOIDS)) -> list[str]:
    """The facts (of `facts`) whose answer keeps the measure from counting."""
    return [f for f in facts if action.get(f) == VOIDS[f]]


def counts(action: dict[str, Any]) -> bool:
    """Whether the measure can soften harm by its facts (an open fact does not void it)."""
    return not voided_by(action)


def lasts(action: dict[str, Any]) -> bool:
    """Whether the measure lasts as long as the harm (an open answer reads as before: yes)."""
    return action.get("lasting") != "no"


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
}
_OPEN = ("obesvarat om den är beslutad, finansierad, bindande och varaktig",
         "not answered whether it is decided, funded, binding and lasting")


def short(action: dict[str, Any], lang: str) -> str:
    """The facts as a reader of page 1 reads them: 'beslutad, finansierad, genomförs av
    organisationen själv'; what is unanswered is said, never guessed."""
    parts = [_pick(_SHORT[(f, str(action.get(f)))], lang) for f in FACTS
             if (f, str(action.get(f))) in _SHORT]
    if unanswered(action):
        parts.append(_pick(_OPEN, lang))
    return ", ".join(parts)

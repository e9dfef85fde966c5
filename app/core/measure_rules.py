"""Condition functions on the facts of measures (app/core/measure_facts.py), registered in
app/core/conditions.py with one line each.

Each reads an evaluation's planned measures (what, who and a date, not cancelled) that name a
weakened right or group which no counting measure names, and counts those whose own answer
keeps them from softening it (so the harm they name is left without a measure because of them):
- `undecided_measures(q)`: not decided;
- `unfunded_measures(q)`: not funded;
- `unbound_measures(q)`: carried by a party with no binding commitment;
- `reduced_measures(q)`: carried by the very service, staff or place the decision reduces;
- `transition_measures(q)`: counting measures that last only for a transition, naming a harm
  judged to last that no lasting measure names;
- `referral_measures(q)`: a referral to another body's own assessment (keeps: referral);
- `unreaching_measures(q)`: counting measures that reach only the parents, staff or others,
  naming a harm to a right the children exercise themselves that no measure reaching the
  children meets;
and, for completeness and relevance:
- `open_measure_facts(q)`: planned measures that leave one of their facts unanswered;
- `gains()`: articles or groups rated strengthened in either term (a gain the ratings count).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from app.core import measure_facts

#: condition function -> the fact whose voiding answer it counts
VOIDING = {"undecided_measures": "decided", "unfunded_measures": "funded",
           "unbound_measures": "bound", "reduced_measures": "reduced",
           "referral_measures": "keeps"}
#: the functions whose findings list the measures they count
DETAILED = frozenset({*VOIDING, "open_measure_facts", "transition_measures",
                      "unreaching_measures"})


class MeasureEnv(Protocol):
    """What these functions read of an evaluation."""

    def planned_actions(self, question_id: str) -> list[dict[str, Any]]: ...
    def names_harm(self, action: dict[str, Any], harms: Any = None) -> bool: ...
    def unaddressed(self, question_id: str) -> Any: ...
    def gain_count(self) -> int: ...
    def counting_actions(self, question_id: str) -> list[dict[str, Any]]: ...
    def own_right(self, harm: Any) -> bool: ...


def _qid(args: tuple[Any, ...]) -> str:
    return str(getattr(args[0], "id", ""))


def voided(env: MeasureEnv, question_id: str, fact: str) -> list[dict[str, Any]]:
    """Planned measures whose answer on `fact` keeps them from counting, naming a harm that is
    left without a measure."""
    left = env.unaddressed(question_id)
    return [a for a in env.planned_actions(question_id)
            if measure_facts.voided_by(a, (fact,)) and env.names_harm(a, left)]


def transition(env: MeasureEnv, question_id: str) -> list[dict[str, Any]]:
    """Counting measures for a transition only, naming a lasting harm left without a measure."""
    left = [h for h in env.unaddressed(question_id) if "long" in h.terms]
    return [a for a in env.planned_actions(question_id)
            if measure_facts.counts(a) and not measure_facts.lasts(a)
            and env.names_harm(a, left)]


def unreaching(env: MeasureEnv, question_id: str) -> list[tuple[dict[str, Any], list[Any]]]:
    """Counting measures that do not reach the children, each with the harms to the children's
    own rights it names that are left without a measure reaching the children."""
    left = [h for h in env.unaddressed(question_id) if env.own_right(h)]
    found = []
    for action in env.counting_actions(question_id):
        named = [h for h in left if env.names_harm(action, [h])]
        if named and not measure_facts.reaches_child(action):
            found.append((action, named))
    return found


def facts_open(env: MeasureEnv, question_id: str) -> list[dict[str, Any]]:
    return [a for a in env.planned_actions(question_id) if measure_facts.unanswered(a)]


def undecided_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(voided(env, _qid(args), "decided"))


def unfunded_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(voided(env, _qid(args), "funded"))


def unbound_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(voided(env, _qid(args), "bound"))


def reduced_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(voided(env, _qid(args), "reduced"))


def referral_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(voided(env, _qid(args), "keeps"))


def unreaching_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(unreaching(env, _qid(args)))


def transition_measures(env: Any, args: tuple[Any, ...]) -> int:
    return len(transition(env, _qid(args)))


def open_measure_facts(env: Any, args: tuple[Any, ...]) -> int:
    return len(facts_open(env, _qid(args)))


def gains(env: Any, args: tuple[Any, ...]) -> int:
    return int(env.gain_count())


def details(function: str, env: MeasureEnv, question_id: str,
            label: Callable[[Any], str] = str, lang: str = "sv",
            track: measure_facts.Track = "group") -> list[str]:
    """A finding's details: the measures the function counts (their own words); for measures
    that do not reach the children, whom they reach and the harms they leave (`label` names a
    harm)."""
    if function == "unreaching_measures":
        return [f"{_what(a)}: {measure_facts.short_reach(a, lang, track)} – "
                + ", ".join(label(h) for h in harms)
                for a, harms in unreaching(env, question_id)]
    if function in VOIDING:
        found = voided(env, question_id, VOIDING[function])
    elif function == "transition_measures":
        found = transition(env, question_id)
    elif function == "open_measure_facts":
        found = facts_open(env, question_id)
    else:
        return []
    return [_what(a) for a in found]


def _what(action: dict[str, Any]) -> str:
    return str(action.get("what") or "–").strip().rstrip(".")

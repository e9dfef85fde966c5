"""The functions conditions may call: their arity, what they take and what they read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core import fact_dates
from app.core import measure_rules as mr
from app.core.condition_tree import Env, Name, Node


@dataclass(frozen=True)
class Function:
    """A function conditions may call."""

    arity: int
    run: Callable[[Env, tuple[Node, ...]], Any]
    #: 'question' | 'article' | 'nothing' | 'question_options' (a question, a list of options)
    #: | 'question_words' (a question, a word list id) | 'article_words' | 'words'
    takes: str
    impacts: bool = False  #: reads impact ratings (so depends on every impact question)
    scoring_only: bool = False  #: reads more than answers; never in a show_if


def _count(env: Env, args: tuple[Node, ...]) -> int:
    value = args[0].evaluate(env)
    return len(value) if isinstance(value, list | dict) else 0


def _answered(env: Env, args: tuple[Node, ...]) -> bool:
    value = args[0].evaluate(env)
    return value not in (None, "", [], {})


def _only(env: Env, args: tuple[Node, ...]) -> bool:
    """At least one option chosen, and every one chosen is in the list."""
    value, allowed = args[0].evaluate(env), args[1].evaluate(env)
    return isinstance(value, list) and bool(value) and all(v in allowed for v in value)


def _qid(args: tuple[Node, ...]) -> str:
    node = args[0]
    return node.id if isinstance(node, Name) else ""


def _article(env: Env, args: tuple[Node, ...]) -> int:
    return int(args[0].evaluate(env))


def _words(env: Env, args: tuple[Node, ...]) -> str:
    return str(args[-1].evaluate(env))


FUNCTIONS: dict[str, Function] = {
    "answered": Function(1, _answered, "question"),
    "count": Function(1, _count, "question"),
    "impact": Function(1, lambda env, a: env.impact(_article(env, a)), "article", impacts=True),
    "lowest_impact": Function(0, lambda env, a: env.lowest_impact(), "nothing", impacts=True),
    "negative_impacts": Function(
        0, lambda env, a: env.negative_impacts(), "nothing", impacts=True
    ),
    "weakened": Function(1, lambda env, a: env.weakened(_article(env, a)), "article",
                         impacts=True),
    "strengthened": Function(1, lambda env, a: env.strengthened(_article(env, a)), "article",
                             impacts=True),
    "analysed_impacts": Function(
        0, lambda env, a: env.analysed_impacts(), "nothing", impacts=True, scoring_only=True
    ),
    "substantive": Function(1, lambda env, a: env.substantive(_qid(a)), "question",
                            scoring_only=True),
    "planned": Function(1, lambda env, a: env.planned(_qid(a)), "question"),
    # Planned measures left to the families or children affected (their owner).
    "affected_owned": Function(1, lambda env, a: env.affected_owned(_qid(a)), "question",
                               scoring_only=True),
    "only": Function(2, _only, "question_options"),
    # Measures that name a harm but do not count by their own facts (measure_rules.py).
    "undecided_measures": Function(1, mr.undecided_measures, "question", scoring_only=True),
    "unfunded_measures": Function(1, mr.unfunded_measures, "question", scoring_only=True),
    "unbound_measures": Function(1, mr.unbound_measures, "question", scoring_only=True),
    "reduced_measures": Function(1, mr.reduced_measures, "question", scoring_only=True),
    "open_measure_facts": Function(1, mr.open_measure_facts, "question", scoring_only=True),
    "transition_measures": Function(1, mr.transition_measures, "question", scoring_only=True),
    "referral_measures": Function(1, mr.referral_measures, "question", scoring_only=True),
    "unreaching_measures": Function(1, mr.unreaching_measures, "question", scoring_only=True),
    "gains": Function(0, mr.gains, "nothing", impacts=True),
    "hollow_answers": Function(0, lambda env, a: env.hollow_answers(), "nothing",
                               scoring_only=True),
    # Harm for all children or for a named group; harms no planned measure names.
    "harms": Function(0, lambda env, a: env.harms(), "nothing", impacts=True),
    "spared_groups": Function(0, lambda env, a: env.spared_groups(), "nothing", impacts=True),
    "lasting_harms": Function(0, lambda env, a: env.lasting_harms(), "nothing", impacts=True),
    "unaddressed_harms": Function(1, lambda env, a: env.unaddressed_harms(_qid(a)), "question",
                                  impacts=True),
    "missing_required": Function(0, lambda env, a: env.missing_required(), "nothing",
                                 impacts=True, scoring_only=True),
    "rated": Function(1, lambda env, a: env.rated(_article(env, a)), "article", impacts=True),
    # Ages or groups chosen as affected (first question) but not as heard (second).
    "unheard": Function(2, lambda env, a: env.unheard(_qid(a), _qid(a[1:])), "questions"),
    "after_decision": Function(1, lambda env, a: env.after_decision(_qid(a)), "question",
                               scoring_only=True),
    "specific": Function(1, lambda env, a: env.specific(_qid(a)), "question", scoring_only=True),
    "copied_answers": Function(0, lambda env, a: env.copied_answers(), "nothing",
                               scoring_only=True),
    # Figures of children in the case's own description above the count answered.
    "figures_beyond": Function(
        2, lambda env, a: env.figures_beyond(_qid(a), _words(env, a)), "question_words",
        scoring_only=True),
    "case_mentions": Function(1, lambda env, a: env.case_mentions(_words(env, a)), "words",
                              scoring_only=True),
    "rated_for": Function(1, lambda env, a: env.rated_for(str(a[0].evaluate(env))), "nothing",
                          impacts=True),
    "years_old": Function(2, lambda env, a: env.years_old(_qid(a), _qid(a[1:])), "questions",
                          scoring_only=True),
    "days_before_case": Function(2, lambda env, a: env.days_before_case(_qid(a), _qid(a[1:])),
                                 "questions", scoring_only=True),
    # Days from the first date to the second (positive: the first came before).
    "days_between": Function(2, lambda env, a: fact_dates.days_between_answers(
        env.answer, _qid(a), _qid(a[1:])), "questions", scoring_only=True),
    "months_between": Function(2, lambda env, a: fact_dates.between_answers(
        env.answer, _qid(a), _qid(a[1:])), "questions", scoring_only=True),
    "generic_answers": Function(0, lambda env, a: env.generic_answers(), "nothing",
                                scoring_only=True),
    "mentions": Function(2, lambda env, a: env.mentions(_qid(a), _words(env, a)),
                         "question_words", scoring_only=True),
    "decision_mentions": Function(1, lambda env, a: env.decision_mentions(_words(env, a)),
                                  "words", scoring_only=True),
    "rating_mentions": Function(
        2, lambda env, a: env.rating_mentions(_article(env, a), _words(env, a)),
        "article_words", impacts=True, scoring_only=True,
    ),
}

"""Checks a parsed condition against the questionnaire it sits in, before anyone answers."""

from __future__ import annotations

from collections.abc import Collection

from app.core.condition_functions import FUNCTIONS
from app.core.condition_tree import BoolOp, Call, Compare, Const, ListOf, Name, Node, Not
from app.core.measure_rules import VOIDING
from app.core.models.questionnaire import Question

# What a question's answer is, as far as conditions are concerned.
_KIND = {
    "choice": "text",
    "text": "text",
    "date": "date",
    "multi": "list",
    "actions": "list",
    "impact": "map",
    "scale": "number",
    "number": "number",
}


def check_condition(
    node: Node, questions: dict[str, Question], word_lists: Collection[str] = ()
) -> list[str]:
    """Every problem with a condition, as plain sentences (empty when it is sound)."""
    problems: list[str] = []
    for n in node.walk():
        if isinstance(n, Name) and n.id not in questions:
            problems.append(
                f"'{n.id}' is not a question of this questionnaire{_suggest(n.id, questions)}"
            )
        elif isinstance(n, Call):
            problems.extend(_check_call(n, questions, word_lists))
        elif isinstance(n, Compare):
            problems.extend(_check_compare(n, questions))
    return problems


def _suggest(name: str, questions: dict[str, Question]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, list(questions), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Functions that need one kind of question, and the kinds they accept.
_NEEDS = {
    "count": ({"multi", "actions", "impact"}, "a multi, actions or impact question"),
    "planned": ({"actions"}, "an actions question"),
    "affected_owned": ({"actions"}, "an actions question"),
    **{name: ({"actions"}, "an actions question")
       for name in (*VOIDING, "open_measure_facts", "transition_measures",
                    "unreaching_measures")},
    "figures_beyond": ({"number"}, "a number question"),
    "substantive": ({"text"}, "a text question"),
    "mentions": ({"text"}, "a text question"),
    "only": ({"multi"}, "a multi question"),
    "unaddressed_harms": ({"actions"}, "an actions question"),
    "unheard": ({"multi"}, "a multi question"),
    "after_decision": ({"date"}, "a date question"),
    "specific": ({"text"}, "a text question"),
    "years_old": ({"text"}, "a text question"),
    "months_between": ({"date", "number"}, "a date or year question"),
    "days_before_case": ({"date"}, "a date question"),
    "days_between": ({"date"}, "a date question"),
}
#: the kind of question a two-question function takes second
_SECOND = {"years_old": "date", "months_between": "date", "days_between": "date",
           "unheard": "multi", "days_before_case": "number"}


def _check_call(
    call: Call, questions: dict[str, Question], word_lists: Collection[str]
) -> list[str]:
    name, takes = call.function, FUNCTIONS[call.function].takes
    problems: list[str] = []
    if takes.startswith("question"):
        arg = call.args[0]
        if not isinstance(arg, Name):
            return [f"{name}() takes a question id first"]
        question = questions.get(arg.id)
        kinds, what = _NEEDS.get(name, (None, ""))
        if question and kinds and question.type not in kinds:
            problems.append(f"{name}() needs {what}; '{arg.id}' is {question.type}")
        if takes == "questions":
            other = call.args[1]
            second = questions.get(other.id) if isinstance(other, Name) else None
            if not isinstance(other, Name):
                problems.append(f"{name}() takes a question id second")
            elif second and second.type != (want := _SECOND.get(name, "multi")):
                problems.append(f"{name}() needs a {want} question second; '{other.id}' is "
                                f"{second.type}")
        if takes == "question_options":
            values = _literals(call.args[1])
            if not isinstance(call.args[1], ListOf):
                problems.append(f"{name}() takes a list of options second")
            elif question:
                problems.extend(_check_options(question, values))
    if takes.startswith("article"):
        arg = call.args[0]
        if not (isinstance(arg, Const) and isinstance(arg.value, int) and 1 <= arg.value <= 54):
            problems.append(f"{name}() takes an article number from 1 to 54")
    if takes.endswith("words") or takes == "words":
        arg = call.args[-1]
        if not (isinstance(arg, Const) and isinstance(arg.value, str)):
            problems.append(f"{name}() takes the id of a word list in quotes")
        elif arg.value not in word_lists:
            known = ", ".join(sorted(word_lists)) or "none are declared"
            problems.append(
                f"{name}() names word list '{arg.value}', which scoring.word_lists lacks "
                f"(known: {known})"
            )
    return problems


def _kind(node: Node, questions: dict[str, Question]) -> str:
    if isinstance(node, Const):
        value = node.value
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "bool"
        return "number" if isinstance(value, int | float) else "text"
    if isinstance(node, ListOf):
        return "list"
    if isinstance(node, Name):
        question = questions.get(node.id)
        return _KIND[question.type] if question else "any"
    if isinstance(node, Call):
        numeric = {"count", "impact", "lowest_impact", "negative_impacts", "planned",
                   "analysed_impacts", "hollow_answers", "harms", "unaddressed_harms",
                   "missing_required", "unheard", "generic_answers", "lasting_harms",
                   "copied_answers", "years_old", "affected_owned",
                   "figures_beyond", "gains", "open_measure_facts", "months_between",
                   "transition_measures", "unreaching_measures", "days_between",
                   "days_before_case", "spared_groups", *VOIDING}
        return "number" if node.function in numeric else "bool"
    if isinstance(node, Not | BoolOp | Compare):
        return "bool"
    return "any"


def _literals(node: Node) -> list[object]:
    if isinstance(node, Const):
        return [node.value]
    if isinstance(node, ListOf):
        return [item.value for item in node.items if isinstance(item, Const)]
    return []


def _check_options(question: Question, values: list[object]) -> list[str]:
    if question.type not in ("choice", "multi"):
        return []
    return [
        f"'{value}' is not an option of '{question.id}' "
        f"(options: {', '.join(question.option_values)})"
        for value in values
        if value is not None and value not in question.option_values
    ]


def _check_compare(cmp: Compare, questions: dict[str, Question]) -> list[str]:
    left, right = _kind(cmp.left, questions), _kind(cmp.right, questions)
    problems: list[str] = []
    for side, other in ((cmp.left, cmp.right), (cmp.right, cmp.left)):
        if isinstance(side, Name) and side.id in questions:
            problems.extend(_check_options(questions[side.id], _literals(other)))
    if cmp.op in ("in", "not in"):
        if right not in ("list", "text", "any"):
            problems.append(f"'{cmp.op}' needs a list or a multi question on its right")
        return problems
    if cmp.op in ("<", "<=", ">", ">="):
        for kind in (left, right):
            if kind not in ("number", "date", "any"):
                problems.append(f"'{cmp.op}' compares numbers or dates, not {kind}")
        return problems
    comparable = {left, right} - {"any", "null"}
    if len(comparable) > 1 and comparable != {"date", "text"}:
        problems.append(f"'{cmp.op}' compares {left} with {right}; they can never be equal")
    return problems

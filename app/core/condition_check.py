"""Checks a parsed condition against the questionnaire it sits in, before anyone answers."""

from __future__ import annotations

from app.core.conditions import FUNCTIONS, BoolOp, Call, Compare, Const, ListOf, Name, Node, Not
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


def check_condition(node: Node, questions: dict[str, Question]) -> list[str]:
    """Every problem with a condition, as plain sentences (empty when it is sound)."""
    problems: list[str] = []
    for n in node.walk():
        if isinstance(n, Name) and n.id not in questions:
            problems.append(
                f"'{n.id}' is not a question of this questionnaire{_suggest(n.id, questions)}"
            )
        elif isinstance(n, Call):
            problems.extend(_check_call(n, questions))
        elif isinstance(n, Compare):
            problems.extend(_check_compare(n, questions))
    return problems


def _suggest(name: str, questions: dict[str, Question]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, list(questions), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_call(call: Call, questions: dict[str, Question]) -> list[str]:
    takes = FUNCTIONS[call.function].takes
    if takes == "question":
        arg = call.args[0]
        if not isinstance(arg, Name):
            return [f"{call.function}() takes a question id"]
        question = questions.get(arg.id)
        if call.function == "count" and question and _KIND[question.type] not in ("list", "map"):
            return [
                f"count() needs a multi, actions or impact question; '{arg.id}' is {question.type}"
            ]
    if takes == "article":
        arg = call.args[0]
        if not (isinstance(arg, Const) and isinstance(arg.value, int) and 1 <= arg.value <= 54):
            return ["impact() takes an article number from 1 to 54"]
    return []


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
        return "bool" if node.function == "answered" else "number"
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

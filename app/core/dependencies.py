"""Which question's visibility depends on which answers, and in what order to decide them."""

from __future__ import annotations

from collections.abc import Mapping

from app.core import conditions
from app.core.models.questionnaire import Questionnaire

_PARSED: dict[str, conditions.Node] = {}  # condition text -> its tree (trees are immutable)


def parsed(text: str) -> conditions.Node:
    """A condition parsed once per process (questionnaires are immutable)."""
    node = _PARSED.get(text)
    if node is None:
        node = _PARSED[text] = conditions.parse(text)
    return node


def keep_parsed(trees: Mapping[str, conditions.Node]) -> None:
    """Conditions parsed by another process (the kept catalogue carries its questionnaires'):
    `parsed` answers them without parsing them again (~5 ms of a new process)."""
    for text, node in trees.items():
        _PARSED.setdefault(text, node)


def question_dependencies(q: Questionnaire) -> dict[str, set[str]]:
    """For each question, the questions its visibility reads (its section's condition included)."""
    impact_ids = {qu.id for qu in q.questions.values() if qu.type == "impact"}
    deps: dict[str, set[str]] = {}
    for section in q.sections:
        section_reads = _reads(section.show_if, impact_ids)
        for question in section.questions:
            deps[question.id] = section_reads | _reads(question.show_if, impact_ids)
    return deps


def _reads(condition: str | None, impact_ids: set[str]) -> set[str]:
    if not condition:
        return set()
    node = parsed(condition)
    reads = conditions.names(node)
    return reads | impact_ids if conditions.reads_impacts(node) else reads


def find_cycle(deps: dict[str, set[str]]) -> list[str] | None:
    """A dependency cycle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(deps.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt in deps and state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in deps:
        if state.get(start) is None:
            found = visit(start)
            if found:
                return found
    return None


def evaluation_order(q: Questionnaire) -> list[str]:
    """Question ids so that every question comes after those its visibility reads."""
    deps = question_dependencies(q)
    order: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        done.add(node)
        for nxt in sorted(deps.get(node, ())):
            if nxt in deps:
                visit(nxt)
        order.append(node)

    for question_id in q.questions:
        visit(question_id)
    return order


def visibility_rules(q: Questionnaire) -> list[tuple[str, tuple[conditions.Node, ...]]]:
    """Each question id in evaluation order with the parsed conditions that show it (its
    section's, its own; none: always shown), worked out once per questionnaire rather than
    once per question of every assessment scored: kept on the questionnaire object itself,
    as functools.cached_property would, so it lives and dies with it."""
    kept = q.__dict__.get(_RULES)
    if kept is None:
        kept = [(qid, tuple(parsed(c) for c in (q.section_of[qid].show_if,
                                                q.questions[qid].show_if) if c))
                for qid in evaluation_order(q)]
        q.__dict__[_RULES] = kept
    return kept


_RULES = "_visibility_rules"

"""Answers given to an earlier version of a questionnaire, read by the current one.

Each step is declared in the questionnaire's `migrations:` (from one version to the next); the
stored record is never rewritten: the steps are applied whenever the answers are read.
"""

from __future__ import annotations

from typing import Any

from app.core.models.assessment import Answer
from app.core.models.questionnaire import Migration, Questionnaire


def migrate(
    answers: dict[str, Answer], version: str, q: Questionnaire
) -> tuple[dict[str, Answer], list[Migration]]:
    """The answers as the current version reads them, and the steps that were applied."""
    applied: list[Migration] = []
    current = version
    while current != q.version and len(applied) <= len(q.migrations):
        step = next((m for m in q.migrations if m.from_version == current), None)
        if step is None:
            break
        answers = _apply(step, answers)
        applied.append(step)
        current = step.to_version
    return answers, applied


def relevant_steps(
    answers: dict[str, Answer], version: str, q: Questionnaire
) -> list[Migration]:
    """The steps whose note the reader of these answers needs: a step that maps answers is
    named only when it changed one of these (a note about an answer the record never gave is
    noise on a crowded page 1); a step that only announces new questions is always named."""
    kept: list[Migration] = []
    current = version
    for _ in range(len(q.migrations) + 1):
        step = next((m for m in q.migrations if m.from_version == current), None)
        if step is None or current == q.version:
            break
        after = _apply(step, answers)
        maps = step.rename or step.options or step.drop or step.drop_ratings or step.to_list
        if not maps or _changed(answers, after):
            kept.append(step)
        answers, current = after, step.to_version
    return kept


def _changed(before: dict[str, Answer], after: dict[str, Answer]) -> bool:
    if set(before) != set(after):
        return True
    return any(before[k].value != after[k].value for k in before)


def _apply(step: Migration, answers: dict[str, Answer]) -> dict[str, Answer]:
    result: dict[str, Answer] = {}
    for qid, answer in answers.items():
        if qid in step.drop:
            continue
        new_id = step.rename.get(qid, qid)
        value = answer.value
        if new_id in step.to_list and value is not None and not isinstance(value, list):
            value = [value]
        value = _options(value, step.options.get(new_id) or step.options.get(qid) or {})
        if new_id in step.drop_ratings and isinstance(value, dict):
            gone = {str(n) for n in step.drop_ratings[new_id]}
            value = {k: v for k, v in value.items() if str(k) not in gone}
        result[new_id] = answer.model_copy(update={"value": value})
    return result


def _options(value: Any, mapping: dict[str, str]) -> Any:
    if not mapping:
        return value
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, list):
        return [_option(v, mapping) for v in value]
    return value


def _option(item: Any, mapping: dict[str, str]) -> Any:
    """One chosen option, or one measure of an actions question (its status is mapped)."""
    if isinstance(item, str):
        return mapping.get(item, item)
    if isinstance(item, dict) and isinstance(item.get("status"), str):
        return {**item, "status": mapping.get(item["status"], item["status"])}
    return item


def dropped(answers: dict[str, Answer], version: str, q: Questionnaire) -> list[str]:
    """Ids of answers that the migration steps set aside (kept in the record, not scored)."""
    current, gone = version, []
    for _ in range(len(q.migrations) + 1):
        step = next((m for m in q.migrations if m.from_version == current), None)
        if step is None or current == q.version:
            break
        gone += [qid for qid in step.drop if qid in answers]
        current = step.to_version
    return gone

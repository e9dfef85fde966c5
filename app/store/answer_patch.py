"""A change of answers only, settled without re-validating the whole assessment.

`settle()` (edits.py) dumps, round-trips and validates the whole assessment for every change,
and `diff()` compares it field by field: on a 2-core machine that was most of a save's own
work, for one answer. An edit that changes answers only (`set_answer`: the stored model
copied with one answer replaced, every other field the very same object) needs none of it:
the stored record was checked when it was read, so only the changed answers are dumped,
round-tripped through JSON (so the model equals what a later read gives back) and validated
as answers (their shape and length limits, as `settle` would), and the difference is those
answers. Any other edit returns None here and is settled whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.models.assessment import Answer, Assessment
from app.store.changes import canonical, same
from app.store.records import Change

#: fields set by the store on every change, not compared
_SET_HERE = frozenset({"answers", "revision", "updated"})


def patch_answers(stored: Assessment, body: dict[str, Any], wanted: Assessment, *,
                  revision: int, updated: dt.datetime,
                  ) -> tuple[Assessment, dict[str, Any], list[Change]] | None:
    """(the new model, its stored JSON, the changes) when `wanted` differs from `stored`
    (whose stored JSON is `body`) in its answers only; None for any other edit."""
    for name in type(stored).model_fields:
        if name not in _SET_HERE and getattr(stored, name) is not getattr(wanted, name):
            return None
    old, new = stored.answers, wanted.answers
    touched = [q for q, a in new.items() if old.get(q) is not a]
    touched += [q for q in old if q not in new]
    answers_json = dict(body.get("answers") or {})
    answers = dict(new)
    changes = []
    for qid in touched:
        before = answers_json.get(qid)
        after = None
        if qid in new:
            after = canonical(new[qid].model_dump(mode="json"))
            answers[qid] = Answer.model_validate(after)
            answers_json[qid] = after
        else:
            answers_json.pop(qid, None)
        if not same(before, after):
            changes.append(Change(path=("answers", qid), before=before, after=after))
    model = stored.model_copy(update={"answers": answers, "revision": revision,
                                      "updated": updated})
    return model, {**body, "answers": answers_json, "revision": revision,
                   "updated": updated.isoformat()}, changes

"""The "Om beslutet" form: the decision's fields and the personal-data mark, written as a
three-way merge over what is stored, never as a whole record.

The form remembers what it was drawn from (`shown`); a save writes only the fields the person
changed since then. A field someone else changed meanwhile to something else is a conflict:
nothing is written and both sides go to the person (FieldsConflict), who chooses with
`resolve`.
"""

from __future__ import annotations

from typing import Any

from app.core.field_merge import three_way
from app.core.models.assessment import Assessment, Decision
from app.store.changes import canonical, same
from app.store.errors import FieldsConflict
from app.store.protocol import AssessmentStore

Fields = dict[str, Any]
PERSONAL = "personal_data"


def form_fields(assessment: Assessment) -> Fields:
    """The form's fields as stored: the decision's and the personal-data mark (JSON form)."""
    fields: Fields = canonical(assessment.decision.model_dump(mode="json"))
    fields[PERSONAL] = assessment.personal_data
    return fields


def fields_of(decision: Decision, personal_data: bool) -> Fields:
    fields: Fields = canonical(decision.model_dump(mode="json"))
    fields[PERSONAL] = personal_data
    return fields


def save(store: AssessmentStore, assessment_id: str, shown: Fields, mine: Fields,
         editor: str = "") -> Assessment:
    """Write the fields changed between `shown` and `mine` over the stored ones, under the
    store's lock; FieldsConflict (nothing written) when one of them was changed meanwhile."""

    def change(stored: Assessment) -> Assessment:
        theirs = form_fields(stored)
        merge = three_way(shown, mine, theirs, same)
        if merge.clashes:
            raise FieldsConflict(stored, merge.clashes,
                                 {f: theirs.get(f) for f in merge.clashes},
                                 {f: mine[f] for f in merge.clashes})
        if not merge.touched:
            return stored
        merged = dict(merge.merged)
        personal = bool(merged.pop(PERSONAL, stored.personal_data))
        return stored.model_copy(update={"decision": Decision.model_validate(merged),
                                         PERSONAL: personal})

    return store.update(assessment_id, change, editor=editor)


def resolve(store: AssessmentStore, assessment_id: str, conflict: FieldsConflict,
            shown: Fields, mine: Fields, keep_mine: bool, editor: str = "") -> Assessment:
    """The person has seen both sides of `conflict`: write their other changes, and for the
    clashing fields their own value (`keep_mine`) or the stored one. The stored values they
    saw are the new base, so a further change by someone else is again a conflict."""
    seen = {**shown, **conflict.theirs}
    chosen = {**mine, **(conflict.mine if keep_mine else conflict.theirs)}
    return save(store, assessment_id, seen, chosen, editor)

"""Creating and completing follow-ups in the store: shared by `bka followup` and the app.

The rules are app/core/followup.py's; this reads and writes the two linked records. The new
follow-up and its original's `follow_ups` link are written by one store operation
(`create_linked`: one transaction, or one lock that takes the new record out again if the
link cannot be written), so an original never misses a follow-up that exists.
"""

from __future__ import annotations

import datetime as dt

from app.core import followup
from app.core.catalog import Catalog
from app.core.lifecycle import LifecycleRefused
from app.core.migration import migrate
from app.core.models.assessment import Assessment
from app.store import AssessmentStore, NotFound

#: a follow-up in these statuses is still being written: Följ upp opens it, not a new one
OPEN_STATUSES = ("draft",)


def follow_ups_of(store: AssessmentStore, original: Assessment) -> list[Assessment]:
    """The original's follow-ups that are still stored, oldest first."""
    found = []
    for fid in original.follow_ups:
        try:
            found.append(store.get(fid))
        except NotFound:
            continue  # deleted: the link stays in the original's record, as history
    return found


def open_follow_up(store: AssessmentStore, original: Assessment) -> Assessment | None:
    for f in follow_ups_of(store, original):
        if f.status in OPEN_STATUSES:
            return f
    return None


def create(store: AssessmentStore, catalog: Catalog, original_id: str, by: str,
           now: dt.datetime | None = None) -> tuple[Assessment, bool]:
    """The follow-up of `original_id`: (the open one, False) if one is being written, else
    (a new one, True). LifecycleRefused says why not; NotFound when there is no such id."""
    moment = now or dt.datetime.now(dt.UTC)
    original = store.get(original_id)
    followup.check_start(original)
    if (existing := open_follow_up(store, original)) is not None:
        return existing, False
    fq = followup.follow_up_questionnaire(catalog)
    first = followup.scored(original, catalog)
    if fq is None or first is None:
        raise LifecycleRefused("questionnaire_missing")
    # What is carried over (measures, plans) as the current version reads it: a measure
    # 'open' in 2.1.0 is 'ongoing' now, and the follow-up's own check of every answer it is
    # written with (app/store/answer_rules.py) takes only what its questions offer.
    read, _ = migrate(original.answers, original.questionnaire.version, first[0])
    draft = followup.start(original.model_copy(update={"answers": read}), first[2], fq,
                           catalog.hashes.get(fq.id), moment)
    created = store.create_linked(draft, original_id, followup.link, editor=by)
    return created, True


def after_completed(store: AssessmentStore, follow_up: Assessment, by: str,
                    now: dt.datetime | None = None) -> Assessment | None:
    """Mark the original of a completed follow-up uppföljd; None when it is not a follow-up,
    its original is gone, or the original is not decided (then nothing changes)."""
    if not follow_up.follow_up_of or follow_up.status == "draft":
        return None
    moment = now or dt.datetime.now(dt.UTC)
    try:
        original = store.get(follow_up.follow_up_of)
    except NotFound:
        return None
    if original.status not in followup.MAY_START:
        return None

    def change(a: Assessment) -> Assessment:
        return followup.on_completed(followup.link(a, follow_up.id or ""), by, moment)

    return store.update(original.id or "", change, editor=by)

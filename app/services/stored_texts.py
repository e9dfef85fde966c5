"""Answers that match another stored assessment of a different decision.

When an assessment is scored inside the store, its long answers are compared with those of the
other assessments kept in this installation (one organisation), so that a text reused from an
assessment of another school or another decision earns nothing and is named. The comparison
itself is the core's (app/core/substance.py, rapidfuzz, the questionnaire's threshold); this
module finds the few candidates fast: an index of answer sketches (app/core/text_sketch.py)
kept in memory per store and brought up to date by revision, so only assessments changed since
the last look are read again.

Not "another decision": the same assessment, its copies and the assessment it was copied
from (unless the copy has a case number of its own), assessments with the same committee and
case number (superseded drafts), follow-ups, and workshop groups' exercises. The other
assessment is named (title and case number) only when the viewer may read it; otherwise the
finding says "another assessment in the organisation".
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.access import Holding
from app.core.models.assessment import Assessment
from app.core.substance import HIDDEN_SOURCE, ReferenceText
from app.core.text_sketch import long_texts, sketch
from app.services.kept_here import assessments_kept
from app.store.factory import database_url, open_store

if TYPE_CHECKING:  # named only: a report of a file in a fresh folder reads no store
    from app.store.protocol import AssessmentStore

#: how the finding names an assessment the viewer may not read (app/core/verdict.py shows it
#: in the reader's language)
HIDDEN = HIDDEN_SOURCE

MayRead = Callable[[str, Holding], bool]
CANDIDATES = 5  #: the most alike other assessments compared in full
#: a store larger than this is first indexed in the background when a page asks (wait=False)
SYNC_BUILD = 2000
COMMON = 20  #: a fingerprint this many assessments share names no one source


def names_unowned(assessment_id: str, holding: Holding) -> bool:
    """Without a login (the local mode, the command line) records have no owner and are the
    machine user's; a record someone owns is named only to a viewer the caller vouches for."""
    return not holding.owner


@dataclass
class _Entry:
    title: str
    case_number: str
    committee: str
    copy_of: str
    follow_up: bool
    holding: Holding
    texts: tuple[str, ...]


@dataclass
class _Index:
    revisions: dict[str, int] = field(default_factory=dict)
    entries: dict[str, _Entry] = field(default_factory=dict)
    postings: dict[int, set[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready: bool = False  #: built once: from then on only changes are read
    building: threading.Thread | None = None

    def drop(self, aid: str) -> None:
        entry = self.entries.pop(aid, None)
        self.revisions.pop(aid, None)
        if entry is None:
            return
        for text in entry.texts:
            for h in sketch(text):
                ids = self.postings.get(h)
                if ids is not None:
                    ids.discard(aid)
                    if not ids:
                        del self.postings[h]

    def add(self, a: Assessment, revision: int) -> None:
        aid = a.id or ""
        entry = _entry(a)
        self.entries[aid] = entry
        self.revisions[aid] = revision
        for text in entry.texts:
            for h in sketch(text):
                self.postings.setdefault(h, set()).add(aid)


def _entry(a: Assessment) -> _Entry:
    d = a.decision
    return _Entry(title=d.title, case_number=d.case_number, committee=d.committee,
                  copy_of=a.copy_of or "", follow_up=bool(a.follow_up_of),
                  holding=Holding.of(a),
                  texts=long_texts({k: ans.value for k, ans in a.answers.items()}))


_INDEXES: dict[str, _Index] = {}


def _index(store: AssessmentStore, *, wait: bool = True) -> _Index | None:
    """The store's index, brought up to the stored revisions (only changed ones are read).
    The first build of a large store (every assessment read once) runs in the background
    unless `wait`: None until it is done."""
    index = _INDEXES.setdefault(store.location, _Index())
    wanted = store.revision_map()
    if not index.ready and not wait and len(wanted) > SYNC_BUILD:
        with index.lock:
            if index.building is None or not index.building.is_alive():
                index.building = threading.Thread(target=_build, args=(index, store),
                                                  daemon=True, name="stored-texts-index")
                index.building.start()
        return None
    _bring_up(index, store, wanted)
    return index


def _build(index: _Index, store: AssessmentStore) -> None:
    _bring_up(index, store, store.revision_map())


def _bring_up(index: _Index, store: AssessmentStore, wanted: dict[str, int]) -> None:
    with index.lock:
        for aid in [aid for aid in index.revisions if aid not in wanted]:
            index.drop(aid)
        changed = [aid for aid, rev in wanted.items() if index.revisions.get(aid) != rev]
        for a in store.get_many(changed) if changed else []:
            index.drop(a.id or "")
            index.add(a, wanted.get(a.id or "", a.revision))
        index.ready = True


def _case(number: str) -> str:
    return " ".join(number.casefold().split())


def _decision_key(aid: str, entry: _Entry, index: _Index) -> tuple[str, str]:
    """Which decision an assessment is about: a copy with no case number of its own (or its
    source's) is its source's decision; otherwise the committee and case number; otherwise
    the assessment alone."""
    seen = {aid}
    while entry.copy_of and entry.copy_of not in seen:
        source = index.entries.get(entry.copy_of)
        if source is None or _case(entry.case_number) not in ("", _case(source.case_number)):
            break
        seen.add(entry.copy_of)
        aid, entry = entry.copy_of, source
    if _case(entry.case_number):
        return (entry.committee, _case(entry.case_number))
    return ("", aid)


def _same_decision(mine: tuple[str, str], a: Assessment, aid: str, other: _Entry,
                   index: _Index) -> bool:
    if aid == (a.id or "") or other.follow_up or a.follow_up_of:
        return True  # itself, or a follow-up: not a decision of its own
    return _decision_key(aid, other, index) == mine


def _workshops(store: AssessmentStore) -> set[str]:
    # Imported here: the workshop store brings the file locks and backups (~50 ms), which a
    # report printed where no workshop is kept (the command line, most folders) never needs.
    from app.store.workshops import workshop_assessment_ids

    folder = getattr(store, "folder", None)
    if not database_url() and (folder is None or not (Path(folder) / "workshops.json").exists()):
        return set()
    return workshop_assessment_ids(folder)


def references(assessment: Assessment, store: AssessmentStore,
               may_read: MayRead = names_unowned, *, wait: bool = True,
               ) -> tuple[ReferenceText, ...]:
    """The stored assessments of other decisions whose answers may be copies of this one's
    (candidates by sketch; the core's check decides), named as the viewer may see them.
    A page passes wait=False: on a large store's first look the index is built behind it
    and nothing is compared until it is ready (ready() says whether it is)."""
    own = long_texts({k: ans.value for k, ans in assessment.answers.items()})
    if not own:
        return ()
    index = _index(store, wait=wait)
    if index is None:
        return ()
    shared: Counter[str] = Counter()
    for text in own:
        for h in sketch(text):
            ids = index.postings.get(h, ())
            if len(ids) <= COMMON:  # a phrase hundreds of assessments share is a template's
                shared.update(ids)
    if not shared:
        return ()
    exercises = _workshops(store)
    mine = _decision_key(assessment.id or "", _entry(assessment), index)
    found = []
    kept = 0
    # The most alike first, and only a few: enough to name a source, bounded when many
    # stored assessments share a text (a template used across the organisation).
    for aid, _ in sorted(shared.items(), key=lambda x: (-x[1], x[0])):
        other = index.entries.get(aid)
        if other is None or aid in exercises or _same_decision(mine, assessment, aid, other, index):
            continue
        kept += 1
        if kept > CANDIDATES:
            break
        named = may_read(aid, other.holding)
        source = (f"{other.title} ({other.case_number})" if other.case_number else other.title) \
            if named else HIDDEN
        # The core skips a reference whose title is this decision's: that is the same decision.
        found.append(ReferenceText(source=source, title=other.title, texts=other.texts))
    return tuple(found)


def in_installation(assessment: Assessment, folder: Path | str | None = None,
                    may_read: MayRead = names_unowned) -> tuple[ReferenceText, ...]:
    """references() against this installation's store (the data folder or the database);
    none, and nothing created, where no data has been kept yet."""
    if not assessments_kept(folder):
        return ()
    return references(assessment, open_store(folder), may_read)


def ready(store: AssessmentStore) -> bool:
    """Whether the comparison with the stored assessments has its index (a page says so when
    it does not yet)."""
    index = _INDEXES.get(store.location)
    return index is not None and index.ready

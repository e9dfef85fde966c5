"""Workshops in `<data>/workshops.json`; each group's answers in an assessment of its own.

    ws = WorkshopStore(open_store())
    w = ws.create(case, ["Grupp 1", "Grupp 2"], catalog)     # codes and assessments made
    workshop, group = ws.join("k7m q4p")                       # a group's session
    ws.close(w.id)                                             # the codes stop working

The group assessments are ordinary assessments (saved per answer, with history), so the guided
assessment screen serves groups unchanged; `workshop_assessment_ids()` keeps them out of the
official's overview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.catalog import Catalog
from app.core.comparison import GroupInput
from app.core.join_codes import new_code, normalise_code
from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment, Decision, QuestionnaireRef
from app.core.models.case import Case
from app.core.models.questionnaire import Questionnaire
from app.core.models.workshop import Group, GroupState, Workshop, group_key
from app.core.text import tr
from app.core.trainer_key import MAX_DEVICES
from app.store.collection import StaleRecord
from app.store.errors import NotFound
from app.store.exchange import export_bytes
from app.store.factory import RecordCollection, open_collection
from app.store.protocol import AssessmentStore
from app.store.workshop_errors import (
    DuplicateGroups,
    ExpiredCode,
    LongGroupName,
    NoGroups,
    TooManyGroups,
    UnknownCode,
    WorkshopNotFound,
)

NAME = "workshops"
EDITOR = "workshop"
MAX_GROUPS = 40  # a training room, not a conference; keeps the comparison readable
MAX_NAME = 80  # a group name must fit a table column and the assessment's title


class WorkshopStore:
    """Create, join, close and export workshops; the assessments live in `assessments`."""

    def __init__(self, assessments: AssessmentStore, folder: Path | str | None = None) -> None:
        self.assessments = assessments
        self._records: RecordCollection[Workshop] = open_collection(Workshop, NAME, folder)

    def create(self, case: Case, names: Sequence[str], catalog: Catalog, *, title: str = "",
               language: str = "sv", trainer_key: str = "") -> Workshop:
        """A workshop with one group per name, each with a code and an empty assessment;
        `trainer_key` is the hash of the trainer's key (app/core/trainer_key.key_hash)."""
        names = check_names(names)
        q = catalog.questionnaires[case.questionnaire]
        lang = language if language in ("sv", "en") else "sv"
        case_title = tr(case.title, lang)
        ids: list[str] = []
        try:
            for name in names:
                ids.append(self._new_assessment(case, q.id, q.version, catalog.hashes.get(q.id),
                                                lang, f"{case_title} – {name}"))
            with self._records.shared.locked():  # no other workshop takes a code meanwhile
                taken = self.open_codes()
                groups = []
                for name, aid in zip(names, ids, strict=True):
                    code = new_code(taken)
                    taken.add(code)
                    groups.append(Group(name=name, code=code, assessment_id=aid))
                return self._records.create(Workshop(
                    title=" ".join(title.split()) or case_title, case=case.id,
                    questionnaire=q.id, language=lang, groups=groups,  # type: ignore[arg-type]
                    trainer_key=trainer_key))
        except BaseException:
            for aid in ids:  # never leave assessments no workshop points to
                self.assessments.delete(aid, EDITOR)
                self.assessments.purge(aid)
            raise

    def _new_assessment(self, case: Case, qid: str, version: str, digest: str | None,
                        lang: str, title: str) -> str:
        assessment = Assessment(
            questionnaire=QuestionnaireRef(id=qid, version=version, hash=digest),
            language=lang,  # type: ignore[arg-type]
            decision=Decision(title=title, description=tr(case.summary, lang)))
        return self.assessments.create(assessment, EDITOR).id or ""

    def get(self, workshop_id: str) -> Workshop:
        try:
            return self._records.get(workshop_id)
        except NotFound:
            raise WorkshopNotFound(workshop_id) from None

    def all(self) -> list[Workshop]:
        """Every workshop, archived ones too, the latest change first."""
        return self._records.all()

    def open_codes(self) -> set[str]:
        return {g.code for w in self.all() if w.status == "open" for g in w.groups}

    def join(self, typed: str) -> tuple[Workshop, Group]:
        """The workshop and group of a code; UnknownCode or ExpiredCode in plain words."""
        code = normalise_code(typed)
        found = [(w, g) for w in self.all() for g in w.groups if g.code == code]
        for workshop, group in found:
            if workshop.status == "open":
                return workshop, group
        if found:
            raise ExpiredCode(code, found[0][0].status)
        raise UnknownCode(code)

    def closed_group(self, typed: str) -> tuple[Workshop, Group] | None:
        """The closed (or archived) workshop and group of a code a group used: after closing,
        the group may still read its own work; None while it is open or for no such code."""
        code = normalise_code(typed)
        for w in self.all():
            group = w.group_by_code(code)
            if group is not None and w.status != "open":
                return w, group
        return None

    def close(self, workshop_id: str) -> Workshop:
        """Codes stop working; the groups' work stays for the comparison and the summary."""
        return self._set(workshop_id, lambda w: w.model_copy(update={"status": "closed"}))

    def archive(self, workshop_id: str) -> Workshop:
        return self._set(workshop_id, lambda w: w.model_copy(update={"status": "archived"}))

    def reopen(self, workshop_id: str) -> Workshop:
        """Open again; a code another open workshop took meanwhile is replaced by a new one."""
        with self._records.shared.locked():
            taken = self.open_codes()

            def change(w: Workshop) -> Workshop:
                groups = []
                for g in w.groups:
                    code = g.code if g.code not in taken else new_code(taken | {g.code})
                    taken.add(code)
                    groups.append(g.model_copy(update={"code": code}))
                return w.model_copy(update={"status": "open", "groups": groups})

            return self._set(workshop_id, change)

    def set_group_state(self, workshop_id: str, code: str, state: GroupState) -> Workshop:
        """Record where the group of `code` stands (working, done, left)."""
        def change(w: Workshop) -> Workshop:
            groups = [g.model_copy(update={"state": state}) if g.code == code else g
                      for g in w.groups]
            return w.model_copy(update={"groups": groups})
        return self._set(workshop_id, change)

    def set_timer(self, workshop_id: str, ends: dt.datetime | None) -> Workshop:
        """The end of the group work (None: no timer)."""
        return self._set(workshop_id, lambda w: w.model_copy(update={"timer_ends": ends}))

    def set_trainer_key(self, workshop_id: str, hashed: str) -> Workshop:
        """Give a workshop made before trainer keys existed its key (the hash of it)."""
        return self._set(workshop_id, lambda w: w.model_copy(update={"trainer_key": hashed}))

    def remember_device(self, workshop_id: str, hashed: str) -> Workshop:
        """Keep the hash of a trainer's browser secret (the newest MAX_DEVICES)."""
        def change(w: Workshop) -> Workshop:
            kept = [h for h in w.trainer_devices if h != hashed][-(MAX_DEVICES - 1):]
            return w.model_copy(update={"trainer_devices": [*kept, hashed]})
        return self._set(workshop_id, change)

    def reset_trainer_key(self, workshop_id: str, hashed: str) -> Workshop:
        """A new key (its hash) for a lost one: every browser that was the trainer forgets."""
        return self._set(workshop_id, lambda w: w.model_copy(
            update={"trainer_key": hashed, "trainer_devices": []}))

    def set_notes(self, workshop_id: str, notes: str, *,
                  expected: str | None = None) -> Workshop:
        """The trainer's notes; with `expected` (the notes as this page showed them) a text
        saved meanwhile by another device is a StaleRecord and nothing is written."""
        def change(w: Workshop) -> Workshop:
            if expected is not None and w.notes not in (expected, notes):
                raise StaleRecord(workshop_id, w.revision, w.revision - 1)
            return w.model_copy(update={"notes": notes})

        return self._set(workshop_id, change)

    def set_hide_scores(self, workshop_id: str, hide: bool) -> Workshop:
        return self._set(workshop_id, lambda w: w.model_copy(update={"hide_scores": hide}))

    def _set(self, workshop_id: str, change: Callable[[Workshop], Workshop]) -> Workshop:
        try:
            return self._records.update(workshop_id, change)
        except NotFound:
            raise WorkshopNotFound(workshop_id) from None

    def group_assessments(self, workshop: Workshop) -> list[Assessment]:
        """Each group's assessment, in group order."""
        return [self.assessments.get(g.assessment_id) for g in workshop.groups]

    def group_inputs(self, workshop: Workshop, q: Questionnaire) -> list[GroupInput]:
        """Each group's answers for the comparison; a group whose assessment is gone (deleted
        by hand) counts as one that has not answered, rather than breaking the comparison."""
        result = []
        for group in workshop.groups:
            try:
                values, _ = normalise_answers(self.assessments.get(group.assessment_id), q)
            except NotFound:
                values = {}
            result.append(GroupInput(group.name, values))
        return result

    def export_group(self, workshop: Workshop, group: Group,
                     catalog: Catalog | None = None) -> bytes:
        """One group's work as an export file (bka-export/1), to import elsewhere; shown
        answers only, given the catalog."""
        return export_bytes(self.assessments, [group.assessment_id], catalog)

    def export_all(self, workshop: Workshop, catalog: Catalog | None = None) -> bytes:
        return export_bytes(self.assessments, [g.assessment_id for g in workshop.groups],
                            catalog)


def check_names(names: Sequence[str]) -> list[str]:
    """Group names tidied; NoGroups, TooManyGroups or DuplicateGroups when they do not do."""
    tidy = [" ".join(n.split()) for n in names]
    if not tidy or not all(tidy):
        raise NoGroups(sum(1 for n in tidy if not n))
    if len(tidy) > MAX_GROUPS:
        raise TooManyGroups(len(tidy), MAX_GROUPS)
    long = [n for n in tidy if len(n) > MAX_NAME]
    if long:
        raise LongGroupName(long[0], MAX_NAME)
    seen: dict[str, str] = {}
    repeated: list[str] = []
    for name in tidy:
        key = group_key(name)
        if key in seen and seen[key] not in repeated:
            repeated.append(seen[key])
        seen.setdefault(key, name)
    if repeated:
        raise DuplicateGroups(repeated)
    return tidy


def workshop_assessment_ids(folder: Path | str | None = None) -> set[str]:
    """Ids of every assessment a workshop group fills in: not the official's own work."""
    records: RecordCollection[Workshop] = open_collection(Workshop, NAME, folder)
    return {g.assessment_id for w in records.all() for g in w.groups}

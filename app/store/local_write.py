"""The local store's one write path: every change is a read-modify-write of one assessment
under the folder lock.

- **A save of an existing assessment** (`_edit`: an answer, the decision, a whole save) is
  one line appended to the assessment's journal and fdatasync'd: the revision entry with a
  `commit` part (history_journal.py). The document file is not touched, so no temporary
  file, rename or folder fsync: the save writes the change, a few hundred bytes.
- **A compaction**, every COMPACT_AFTER saves (or COMPACT_BYTES of lines): the save's
  committed line appended and fsynced, then the assessment's file replaced atomically,
  carrying that revision. A crash between the two leaves the save made (its line).
- **Every change that is not a plain edit** (a new assessment, the trash, a redaction, an
  import): its line appended without `commit` and fsynced, then the file (the commit
  point). A crash between the two leaves a line above the document without `commit`:
  readers ignore it, and the next save writes that number again (the later line wins).

So at every instant each revision is on disk in the journal, and the assessment is its
file plus the committed lines above it (doc_file.py); nothing of its neighbours is written
(app/store/README.md).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.models.assessment import Assessment
from app.store import answer_rules, checked_files, history_journal
from app.store.answer_patch import patch_answers
from app.store.changes import TRASH, diff
from app.store.doc_file import DocFile
from app.store.edits import settle
from app.store.errors import (
    StoreCorrupted,
)
from app.store.json_storage import AtomicJSONStorage, current_key, encode
from app.store.local_folder import LocalFolder, Wrapper
from app.store.records import Action, Change, Revision

PENDING = "pending"  # a document's entries whose journal lines may not be on disk yet
#: committed lines a document may have above it before a save writes the document again: a
#: read applies at most these; one save in 32 pays the file's rewrite (its own p95 is not it)
COMPACT_AFTER = 32
COMPACT_BYTES = 16_384  # ... or bytes of them (a few large changes)
Edit = Callable[[Assessment, Wrapper], Assessment | None]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class WritePath(LocalFolder):
    """Creating, editing and moving to or from the trash, on top of the folder."""

    def _create(self, assessment: Assessment, editor: str, action: Action,
                note: str = "", source: Assessment | None = None) -> Assessment:
        """`source`: the record a copy was made of (its answers are carried, not given)."""
        answer_rules.check(source, assessment)
        now = _now()
        with self.shared.locked():
            self._ensure_format()
            while True:  # 8 hex digits: a clash is rare, and checked where it would land
                new_id = secrets.token_hex(4)
                doc_file = self._doc(new_id)
                if doc_file.wrapper is None:
                    break
            data = assessment.model_dump(mode="json")
            data.update(id=new_id, created=now.isoformat(), updated=now.isoformat(), revision=1)
            stored, body = settle(data)
            entry = Revision(assessment_id=new_id, revision=1, at=now, editor=editor,
                             action=action, note=note)
            self._commit(doc_file, {"id": new_id, "assessment": body, "updated_by": editor,
                                    "trash": None}, entry, stored, flush=True)
        return stored

    def _edit(self, assessment_id: str, editor: str, action: Action, edit: Edit) -> Assessment:
        """Read, let `edit` decide the new content, record the difference, write."""
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require()
            stored = doc_file.model()
            wanted = edit(stored, wrapper)
            if wanted is None:
                return stored
            answer_rules.check(stored, wanted)
            now = _now()
            patched = patch_answers(stored, wrapper["assessment"], wanted,
                                    revision=stored.revision + 1, updated=now)
            if patched is not None:  # answers only: the rest was checked when it was read
                new, body, changes = patched
            else:
                data = wanted.model_dump(mode="json")
                data.update(id=assessment_id, created=wrapper["assessment"].get("created"),
                            updated=now.isoformat(), revision=stored.revision + 1)
                new, body = settle(data)
                changes = diff(wrapper["assessment"], body)
            if not changes:
                return stored  # nothing to record: a rerun saving what is there already
            entry = Revision(assessment_id=assessment_id, revision=new.revision, at=now,
                             editor=editor, action=action, changes=changes)
            self._commit(doc_file, {**wrapper, "assessment": body, "updated_by": editor},
                         entry, new)
            return new

    def _move_trash(self, assessment_id: str, editor: str, *, to_trash: bool) -> Assessment:
        with self.shared.locked():
            self._ready_to_write()
            doc_file = self._doc(assessment_id)
            wrapper = doc_file.require(allow_trash=True)
            stored = doc_file.model()
            if bool(wrapper.get("trash")) == to_trash:
                return stored
            now = _now()
            mark = {"at": now.isoformat(), "by": editor} if to_trash else None
            # A new revision, so a tab still showing the assessment cannot save over the move;
            # `updated` stays: it tells when the content last changed.
            body = {**wrapper["assessment"], "revision": stored.revision + 1}
            entry = Revision(assessment_id=assessment_id, revision=stored.revision + 1, at=now,
                             editor=editor, action="delete" if to_trash else "restore",
                             changes=[Change(path=(TRASH,), before=wrapper.get("trash"),
                                             after=mark)])
            self._commit(doc_file, {**wrapper, "assessment": body, "trash": mark}, entry,
                         flush=True)
            return Assessment.model_validate(body)

    def _commit(self, doc_file: DocFile, wrapper: Wrapper, entry: Revision,
                model: Assessment | None = None, *, flush: bool = False) -> None:
        """`flush`: the document written whole (a new assessment, the trash, a redaction);
        otherwise a save of an existing assessment is one committed journal line while the
        lines above the document are few."""
        self.facts.before_write()  # 0. a kill from here on is caught up by the overview's index
        line = entry.model_dump(mode="json")
        # The overview's mark (overview.py) before the write and after it: a process killed
        # between the write and the second still told every listing to look again.
        self.overview.touch(doc_file.shard)
        if not flush:  # an edit: its line says all a reader needs to apply it
            line[history_journal.COMMIT] = {"updated": wrapper["assessment"]["updated"]}
        try:
            if not flush and self._appends(doc_file, wrapper, line):
                journal = self._history(entry.assessment_id)  # checked, mostly from memory
                key, size = history_journal.commit(doc_file.history, line,
                                                   self._corrupted(doc_file.history))
                journal[entry.revision] = line
                checked_files.remember(self.shared, str(doc_file.history), key, journal)
                doc_file.committed({**wrapper, PENDING: []}, model, key, size)
            else:
                # 1. the trace, before the change it describes; 2. the commit point. An
                # edit's line is committed itself (a crash before the file leaves the save
                # made), so the journal applies over the file's .prev copy too: a repair
                # that puts the copy back loses none of the saves since.
                self._append_history(doc_file, wrapper, line, durable=self.durable)
                try:
                    doc_file.write({**wrapper, PENDING: []}, model)
                except OSError:  # (a full disk) the file stays as it was
                    if history_journal.COMMIT not in line:
                        raise  # nothing was saved: the line counts only with its file
                    # The save is made: its line is on disk. A later save writes the file.
                    doc_file.committed({**wrapper, PENDING: []}, model,
                                       current_key(doc_file.history), len(encode(line)) + 1)
        finally:
            self.overview.touch(doc_file.shard)
        # 3. the council overview's rows follow, off the save's path (facts/backlog.py): the
        # index is derived from the files, and a process that stops first is caught up
        self.facts.wrote([entry.assessment_id])

    def _appends(self, doc_file: DocFile, wrapper: Wrapper, line: dict[str, Any]) -> bool:
        """Whether this save can be one committed line: the document and its journal exist
        and hold every earlier revision (no entries carried in the document by an older
        version), the lines above the document are few, and the disk is to be waited for
        (a throwaway fill writes documents)."""
        if not self.durable or doc_file.journal_key is None or wrapper.get(PENDING):
            return False
        if doc_file.tail_length + 1 > COMPACT_AFTER:
            return False
        return doc_file.tail_bytes + len(encode(line)) < COMPACT_BYTES

    def _append_history(self, doc_file: DocFile, wrapper: Wrapper,
                        entry: Revision | dict[str, Any], *, durable: bool) -> None:
        """Append the entries the document about to be written needs in the journal: those
        it carried (written by an older version, whose documents carried their newest
        entries) and `entry`, fsynced (when durable) before the document is written. The
        journal is read and checked whole before it is written (kept while unchanged, so
        mostly from memory): no write reaches a damaged file."""
        path = doc_file.history
        line = entry if isinstance(entry, dict) else entry.model_dump(mode="json")
        journal = self._history(line["assessment_id"])  # checked (a damaged one: refused)
        carried = [e for e in wrapper.get(PENDING) or []
                   if e["revision"] < line["revision"]]  # one above: a save cut off, replaced
        carried.append(line)
        created = not path.exists()
        corrupted = self._corrupted(path)
        for due in carried:
            if journal.get(due["revision"]) != due:
                history_journal.append(path, due, corrupted, durable=False)
                journal[due["revision"]] = due
        if durable:
            history_journal.sync(path, created=created)
        checked_files.remember(self.shared, str(path), current_key(path), journal)

    def _history(self, assessment_id: str) -> dict[int, dict[str, Any]]:
        """The checked entries of the assessment's journal, by revision (kept while the file
        is unchanged: checked_files.py)."""
        path = self.layout.history_file(assessment_id)
        name, now = str(path), current_key(path)
        kept = checked_files.recall(self.shared, name, now)
        if kept is not None:
            return kept
        entries = history_journal.read(path, assessment_id, self._corrupted(path))
        checked_files.remember(self.shared, name, now, entries)
        return dict(entries)

    def _corrupted(self, path: Path) -> Callable[[str], StoreCorrupted]:
        """What a damaged file of the store is reported as (its name, .prev and backup)."""
        return AtomicJSONStorage(path, backups=self.layout.backups).corrupted

"""An assessment's revisions as a journal: history/<shard>/<id>.jsonl, one JSON line each.

A save of an existing assessment is one line appended here and made durable with one
fdatasync (the commit point, local_write.py): the line is the revision entry with a `commit`
part ({"updated": ...}), and the changes it records (path, before, after) are what turns the
document before it into the document after it. The assessment's file (docs/) is rewritten
("compacted") only every few dozen saves, and by the changes that are not a plain edit. A
reader takes the file and applies the committed lines above its revision (`tail`, `replay`).

Lines without a `commit` part (a new assessment, an import, the trash, a redaction) are
written *before* a document that carries their revision: they count once that document is
on disk. A kill can leave:

- a last line cut short (no newline at its end): an append that never finished (a full
  disk, a power cut's zeros). Readers ignore it; the next append cuts it off first.
- a whole line without `commit` above the document's revision: a write cut off after its
  history (or an import undone). Readers ignore it, and the next save appends that revision
  again; the later line wins.

Any other line that is not a revision of this assessment is damage (StoreCorrupted naming the
file), never skipped. The file is rewritten whole only to take values out of it (a
redaction) or when it is made from another layout, atomically as every other file.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from app.store.atomic import fsync_folder, write_atomic
from app.store.errors import StoreCorrupted, WriteFailed
from app.store.json_storage import encode
from app.store.shapes import check_revision

Corrupted = Callable[[str], StoreCorrupted]
Entry = dict[str, Any]  # one line as stored
Entries = dict[int, Entry]  # revision number -> the entry as stored
FileKey = tuple[int, int, int]  # (inode, size, mtime_ns)
TAIL = 8192  # bytes read from the end to find the last revision (a few entries)
COMMIT = "commit"  # in a line that is itself a save: {"updated": <the document's time>}


def read(path: Path, assessment_id: str, corrupted: Corrupted) -> Entries:
    """Every whole entry of the journal, the later line winning per revision (none if no file)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise corrupted(f"the system refused to read it ({exc.strerror})") from None
    _check_tail(raw, assessment_id, corrupted)
    entries: Entries = {}
    for number, line in enumerate(_whole_lines(raw), start=1):
        entry = check_revision(_parse(line, number, corrupted), assessment_id, corrupted)
        entries[int(entry["revision"])] = entry
    return entries


def last_revision(path: Path, corrupted: Corrupted) -> int | None:
    """The revision of the journal's last whole line (None when it has none): the newest
    revision it recorded, read from its tail only. Lines go in rising order, so a document
    whose revision is above this was never saved."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - TAIL))
            tail = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise corrupted(f"the system refused to read it ({exc.strerror})") from None
    lines = _whole_lines(tail)
    if size > TAIL:
        lines = lines[1:]  # the first may be the end of a longer line
        if not lines:  # a last line longer than the tail (a huge change): read it whole
            lines = _whole_lines(path.read_bytes())
    if not lines:
        return None
    revision = _parse(lines[-1], None, corrupted).get("revision")
    if not isinstance(revision, int):
        raise corrupted("its last entry has no revision number")
    return revision


def append(path: Path, entry: dict[str, Any], corrupted: Corrupted, *,
           durable: bool = True) -> None:
    """Add one entry at the end, on disk before this returns (when durable). Call under the
    folder lock; a line cut short by an earlier kill is cut off first (anything else at the
    end that is not a whole line is damage, and nothing is written)."""
    line = encode(entry) + b"\n"
    try:
        created = not path.exists()
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab") as handle:
            _cut_torn_tail(handle, str(entry["assessment_id"]), corrupted)
            size = handle.tell()
            try:
                handle.write(line)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            except OSError:  # a full disk: no half line left behind
                with contextlib.suppress(OSError):
                    os.ftruncate(handle.fileno(), size)
                raise
        if created and durable:
            fsync_folder(path.parent)
    except OSError as exc:
        raise WriteFailed(path, exc) from exc


def commit(path: Path, entry: dict[str, Any], corrupted: Corrupted) -> tuple[FileKey, int]:
    """Append one committed line to an existing journal and make it durable (fdatasync: an
    append needs its data and the file's size, not the folder, which already lists the
    file); return the journal's identity after it and the bytes appended. Call under the
    folder lock. The one write of a save: a line cut short by an earlier kill is cut off
    first, and a failed write (a full disk) leaves no half line behind."""
    line = encode(entry) + b"\n"
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            if size and _byte_at(fd, size - 1) != b"\n":
                with open(path, "ab") as handle:  # a torn last line (a kill): cut off first
                    _cut_torn_tail(handle, str(entry["assessment_id"]), corrupted)
                    size = handle.tell()
            try:
                written = os.write(fd, line)
                if written != len(line):
                    raise OSError(28, "the disk took only part of the line")
                _datasync(fd)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                raise
            st = os.fstat(fd)
            return (st.st_ino, st.st_size, st.st_mtime_ns), len(line)
        finally:
            os.close(fd)
    except OSError as exc:
        raise WriteFailed(path, exc) from exc


def _byte_at(fd: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, 1, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # (Windows) appends still go to the end
    return os.read(fd, 1)


# fdatasync where the system has it (Linux); fsync elsewhere (macOS, Windows)
_datasync = getattr(os, "fdatasync", os.fsync)


def tail(path: Path, after: int, assessment_id: str, corrupted: Corrupted) -> list[Entry]:
    """The committed lines that follow revision `after` (a document's), in order: revisions
    after+1, after+2, ... for as long as each has a committed line (the later line of a
    revision wins). Read from the end of the file; the whole file only when the lines above
    `after` are longer than TAIL."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            start = max(0, size - TAIL)
            while True:
                handle.seek(start)
                raw = handle.read()
                lines = _whole_lines(raw)
                if start:
                    lines = lines[1:]  # the first may be the end of a longer line
                found: dict[int, Entry] = {}
                reached = start == 0
                for line in reversed(lines):
                    entry = _parse(line, None, corrupted)
                    number = entry.get("revision")
                    if not isinstance(number, int):
                        raise corrupted("a line near its end is not a revision entry "
                                        "(no revision number)")
                    if number <= after:
                        reached = True
                        break
                    found.setdefault(number, entry)
                if reached:
                    break
                start = 0
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise corrupted(f"the system refused to read it ({exc.strerror})") from None
    _check_tail(raw, assessment_id, corrupted)
    result = []
    number = after + 1
    while number in found and isinstance(found[number].get(COMMIT), dict):
        result.append(check_revision(found[number], assessment_id, corrupted))
        number += 1
    return result


def replay(body: dict[str, Any], entry: Entry) -> dict[str, Any]:
    """The assessment (stored JSON) after the committed line `entry`: each change's `after`
    put in place (an answer that is None after a change was removed), with the revision and
    time the line records. A change that does not fit the document is damage (ValueError)."""
    new = {**body, "revision": entry["revision"], "updated": entry[COMMIT]["updated"]}
    for change in entry.get("changes") or []:
        path, after = change.get("path") or [], change.get("after")
        if len(path) == 1 and path[0] != "trash":
            new[path[0]] = after
        elif len(path) == 2 and isinstance(new.get(path[0]) or {}, dict):
            inner = dict(new.get(path[0]) or {})
            if after is None and path[0] == "answers":
                inner.pop(path[1], None)
            else:
                inner[path[1]] = after
            new[path[0]] = inner
        else:
            raise ValueError(f"revision {entry['revision']} changes {path!r}, which is not a "
                             "field of an assessment")
    return new


def sync(path: Path, *, created: bool = False) -> None:
    """The lines appended so far on disk (and the file's name, when it was `created`)."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise WriteFailed(path, exc) from exc
    if created:  # its shard folder may be new too
        fsync_folder(path.parent)
        fsync_folder(path.parent.parent)


def rewrite(path: Path, entries: Iterable[dict[str, Any]], *, durable: bool = True) -> None:
    """Replace the journal with `entries` (in revision order), atomically and without a .prev
    copy: a rewrite takes values out, and they must not stay in a copy."""
    body = b"".join(encode(e) + b"\n" for e in sorted(entries, key=lambda e: e["revision"]))
    write_atomic(path, body, keep_previous=False, durable=durable)


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _cut_torn_tail(handle: Any, assessment_id: str, corrupted: Corrupted) -> None:
    """Truncate a last line that has no newline (an append a kill cut short)."""
    size = os.fstat(handle.fileno()).st_size
    if size == 0:
        return
    with open(handle.name, "rb") as reader:
        reader.seek(max(0, size - TAIL))
        tail = reader.read()
        if tail.endswith(b"\n"):
            return
        if b"\n" not in tail and size > TAIL:  # a torn line longer than the tail
            reader.seek(0)
            tail = reader.read()
    cut = tail.rfind(b"\n") + 1
    _check_tail(tail[cut:] + b"\n" if cut else tail, assessment_id, corrupted)
    os.ftruncate(handle.fileno(), size - (len(tail) - cut))
    handle.seek(0, os.SEEK_END)


def _check_tail(raw: bytes, assessment_id: str, corrupted: Corrupted) -> None:
    """A last line without its newline must be the start of an entry of this store (an
    append cut off: a kill, a power cut's zeros), not anything else (damage)."""
    if raw.endswith(b"\n") or not raw:
        return
    torn = raw[raw.rfind(b"\n") + 1:]
    start = b'{"assessment_id":' + json.dumps(assessment_id).encode("utf-8")
    if torn.startswith(start) or start.startswith(torn) or not torn.strip(b"\0"):
        return
    raise corrupted("its last line is cut short and is not the start of a revision entry")


def _whole_lines(raw: bytes) -> list[bytes]:
    """The lines that end in a newline; a last line without one is an unfinished append."""
    parts = raw.split(b"\n")
    return [p for p in parts[:-1] if p.strip()]


def _parse(line: bytes, number: int | None, corrupted: Corrupted) -> dict[str, Any]:
    where = f"line {number}" if number is not None else "its last line"
    try:
        doc = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise corrupted(f"{where} is not a JSON revision entry") from None
    if not isinstance(doc, dict):
        raise corrupted(f"{where} is not a JSON object")
    return doc

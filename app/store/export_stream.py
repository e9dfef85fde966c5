"""An export file read as a stream: one assessment at a time, never the whole file at once.

An export of 10,000 realistic assessments is ~130 MB. Read whole, it was that many bytes,
then as much again as text, then a parse tree several times its size, before a single
assessment was checked (585 MB at 10,000). Here ijson (yajl in C) hands over the top-level
keys one by one; the `assessments` array is taken item by item, each built, given to the
caller and dropped, and the attached files (`files`) are decoded and checked one by one.
Every other top-level value (`format`, `exported`, or the keys of a single assessment) is
small and built whole.

Damage is said with what and where: "export.json, after assessment 812: the file is cut
short (it ends in the middle of the JSON)".
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import ijson

from app.core.limits import MAX_DEPTH
from app.store.errors import ImportRejected

ITEMS = "assessments"
FILES = "files"
_STARTS = frozenset({"start_map", "start_array"})
_ENDS = frozenset({"end_map", "end_array"})
Event = tuple[str, Any]


@dataclass
class Streamed:
    """What a JSON file held besides the assessments it handed over one by one."""

    top: dict[str, Any] = field(default_factory=dict)  #: every other top-level key's value
    items: int | None = None  #: assessments handed over; None when there was no array of them
    files: dict[str, bytes] = field(default_factory=dict)  #: checked attached files, by sha256
    #: the top level is an object (an export or one assessment); False for a list or a value
    is_object: bool = True


class _Where:
    """How far the reading got, for messages."""

    def __init__(self) -> None:
        self.items = 0
        self.key: str | None = None

    def said(self) -> str:
        if self.key == ITEMS:
            return (f"after assessment {self.items}" if self.items
                    else "at the start of the assessments")
        return f"in the value of '{self.key}'" if self.key else "at the start of the file"


def read_stream(handle: IO[bytes], name: str,
                take: Callable[[int, Any, dict[str, Any]], None]) -> Streamed:
    """Read the JSON in `handle`; `take(n, item)` gets each item of the top-level
    `assessments` array as it is read (n from 1) and the top-level values read before it.
    ImportRejected when the file is not JSON,
    is cut short or nests deeper than any file of ours."""
    where = _Where()
    events = _events(handle, name, where)
    out = Streamed()
    first = next(events, None)
    if first is None:
        raise ImportRejected(name, ["the file is empty"])
    if first[0] != "start_map":
        out.is_object = False
        _build(first, events, name, where)  # read to the end: damage is still said as damage
        return out
    for kind, key in events:
        if kind == "end_map":
            break
        where.key = key
        head = next(events)
        if key == ITEMS and head[0] == "start_array":
            out.items = _stream_items(events, name, where, lambda n, item: take(n, item, out.top))
        elif key == FILES and head[0] == "start_map":
            out.files = _stream_files(events, name, where)
        else:
            out.top[key] = _build(head, events, name, where)
    for _ in events:  # trailing garbage after the object is damage too
        pass
    return out


def _events(handle: IO[bytes], name: str, where: _Where) -> Iterator[Event]:
    try:
        yield from ijson.basic_parse(handle, use_float=True)
    except ijson.IncompleteJSONError as exc:
        text = str(exc)
        if "premature EOF" in text:
            reason = "the file is cut short (it ends in the middle of the JSON)"
        elif "trailing garbage" in text:
            reason = "something follows the end of the JSON"
        elif "UTF8" in text:
            reason = "it is not UTF-8 text"
        else:
            reason = "it is not valid JSON"
        raise ImportRejected(name, [f"{name}, {where.said()}: {reason}"]) from None
    except ijson.JSONError:
        raise ImportRejected(name, [f"{name}, {where.said()}: it is not valid JSON"]) from None


def _build(head: Event, events: Iterator[Event], name: str, where: _Where) -> Any:
    """One whole value whose first event is `head`."""
    if head[0] not in _STARTS:
        return head[1]
    builder = ijson.ObjectBuilder()
    builder.event(*head)
    depth = 1
    for kind, value in events:
        builder.event(kind, value)
        if kind in _STARTS:
            depth += 1
            if depth > MAX_DEPTH:
                raise ImportRejected(name, [
                    f"{name}, {where.said()}: the data is nested more than {MAX_DEPTH} levels "
                    "deep; no file of this tool needs that, so it was not read"])
        elif kind in _ENDS:
            depth -= 1
            if depth == 0:
                return builder.value
    # ijson ends the events with an error before an unclosed value ends: never reached
    raise ImportRejected(name, [f"{name}, {where.said()}: the file is cut short"])


def _stream_items(events: Iterator[Event], name: str, where: _Where,
                  take: Callable[[int, Any], None]) -> int:
    for head in events:
        if head[0] == "end_array":
            break
        item = _build(head, events, name, where)
        where.items += 1
        take(where.items, item)
    return where.items


def _stream_files(events: Iterator[Event], name: str, where: _Where) -> dict[str, bytes]:
    """Checksum -> bytes of each carried file whose bytes match its checksum; anything else
    under `files` is passed over (an older or a hand-made file)."""
    out: dict[str, bytes] = {}
    for kind, sha in events:
        if kind == "end_map":
            break
        value = _build(next(events), events, name, where)
        if not isinstance(value, str):
            continue
        try:
            blob = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            continue
        if hashlib.sha256(blob).hexdigest() == sha:
            out[sha] = blob
    return out

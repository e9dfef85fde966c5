"""One child, one answer: a device that answers again replaces its earlier answer.

The child's browser keeps a random token (app/ui/widgets/device_token.py); it names a device,
never a child, and the token itself is never stored. A response keeps only a key derived from the
token and the collection's code, so the same device cannot be followed from one collection to
the next, and nothing in the record says who the child is. Every count (answers, age bands, the
five-answer threshold, the letter) is then a count of distinct respondents, because a
collection holds at most one response per key.

Limits, said plainly: children who share one tablet share one token unless the page's "another
child on this device" starts a new one; a child who clears the browser, or opens the link in a
private window, is a new device. The per-minute limit (AnswerRate) makes many answers in a row
from a script slow, not impossible.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.models.child_collection import ChildCollection, ChildResponse

#: answers a collection takes per minute; a class of 30 sending at once fits, a script doesn't
PER_MINUTE = 40
WINDOW_S = 60.0


def respondent_key(collection_code: str, token: str) -> str:
    """The key stored with a response: the device's token, hashed with the collection's code."""
    digest = hashlib.sha256(f"{collection_code}\x00{token}".encode()).hexdigest()
    return digest[:32]


def with_response(collection: ChildCollection, response: ChildResponse) -> ChildCollection:
    """The collection with `response`: an earlier response from the same respondent is
    replaced. The new one goes to a random place, so the order does not tell who was first or
    who answered again."""
    kept = [r for r in collection.responses
            if not (response.respondent and r.respondent == response.respondent)]
    at = secrets.randbelow(len(kept) + 1)
    return collection.model_copy(update={"responses": [*kept[:at], response, *kept[at:]]})


def replaces(collection: ChildCollection, respondent: str) -> bool:
    """This respondent has answered before: sending again replaces that answer."""
    return bool(respondent) and any(r.respondent == respondent for r in collection.responses)


@dataclass
class AnswerRate:
    """Answers per minute per collection, held by the server process. Pure: the clock is
    passed in for tests."""

    limit: int = PER_MINUTE
    clock: Callable[[], float] = time.monotonic
    _times: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, collection_code: str) -> float:
        """0 when an answer may go in now (and counts it); else the seconds to wait."""
        now = self.clock()
        with self._lock:
            times = self._times.setdefault(collection_code, deque())
            while times and times[0] <= now - WINDOW_S:
                times.popleft()
            if len(times) >= self.limit:
                return max(0.1, times[0] + WINDOW_S - now)
            times.append(now)
            return 0.0

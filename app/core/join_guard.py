"""Join attempts rate-limited per session and per workshop, with a lockout the trainer lifts.

A wrong code cannot say which workshop it was aimed at, so it counts against every open
workshop. After WORKSHOP_LIMIT wrong codes within WINDOW_S seconds a workshop takes no new
joins, not even with a right code, until its trainer lifts the lock; groups already in keep
working. A session (or a client address) that gives SESSION_LIMIT wrong codes in a row waits
PAUSE_S seconds, twice as long after each further miss, up to MAX_PAUSE_S.

Held in memory by the one server process (the lock goes with a restart, as do the guesses'
sessions). Pure: the clock is passed in, for tests.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

SESSION_LIMIT = 5
PAUSE_S = 30.0
MAX_PAUSE_S = 900.0
WORKSHOP_LIMIT = 50
WINDOW_S = 600.0


@dataclass(frozen=True)
class Lockout:
    """A workshop that takes no new joins: how many wrong codes, since when (clock time)."""

    workshop_id: str
    wrong: int
    since: float


@dataclass
class _Session:
    misses: int = 0
    until: float = 0.0


@dataclass
class JoinGuard:
    clock: Callable[[], float] = time.monotonic
    _sessions: dict[str, _Session] = field(default_factory=dict)
    _wrong: dict[str, deque[float]] = field(default_factory=dict)
    _locked: dict[str, Lockout] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, who: str) -> float:
        """Seconds `who` must wait before the next attempt (0: go ahead)."""
        with self._lock:
            s = self._sessions.get(who)
            return max(0.0, s.until - self.clock()) if s else 0.0

    def refused(self, who: str, open_workshops: Iterable[str]) -> None:
        """A wrong code from `who`: counts for the session and for every open workshop."""
        now = self.clock()
        with self._lock:
            s = self._sessions.setdefault(who, _Session())
            s.misses += 1
            if s.misses >= SESSION_LIMIT:
                s.until = now + min(MAX_PAUSE_S, PAUSE_S * 2 ** (s.misses - SESSION_LIMIT))
            for wid in open_workshops:
                times = self._wrong.setdefault(wid, deque())
                times.append(now)
                while times and times[0] < now - WINDOW_S:
                    times.popleft()
                if len(times) >= WORKSHOP_LIMIT and wid not in self._locked:
                    self._locked[wid] = Lockout(wid, len(times), now)

    def joined(self, who: str) -> None:
        """A right code: the session's misses are forgiven."""
        with self._lock:
            self._sessions.pop(who, None)

    def lockout(self, workshop_id: str) -> Lockout | None:
        with self._lock:
            return self._locked.get(workshop_id)

    def lift(self, workshop_id: str) -> None:
        """The trainer opens the door again; the count starts afresh."""
        with self._lock:
            self._locked.pop(workshop_id, None)
            self._wrong.pop(workshop_id, None)

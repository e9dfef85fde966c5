"""A per-process memo that computes once even when several threads ask at the same moment.

functools.cache lets every thread that misses at the same time compute: when thirty people
open a freshly started server together, each of their script threads would parse the same
strings and load the same catalogue (thirty times the work and the memory, at the moment the
room is waiting). Here the first caller computes while the others wait for its result. A
failure is not kept, as with functools.cache: the next call tries again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from functools import update_wrapper
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Once(Generic[P, R]):
    """Callable like the function it wraps; one result per distinct arguments."""

    def __init__(self, fn: Callable[P, R]) -> None:
        self._fn = fn
        self._done: dict[Hashable, R] = {}
        self._lock = threading.RLock()  # re-entrant: a computation may ask another key
        update_wrapper(self, fn)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        try:
            return self._done[key]  # the common case takes no lock
        except KeyError:
            pass
        with self._lock:
            if key not in self._done:
                self._done[key] = self._fn(*args, **kwargs)
            return self._done[key]

    def cache_clear(self) -> None:
        with self._lock:
            self._done.clear()


def once(fn: Callable[P, R]) -> Once[P, R]:
    return Once(fn)

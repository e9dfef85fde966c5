"""Reports that take seconds (the tagged PDF of a long assessment) built in the background, so
the page never stalls: the page starts a job, then asks how far it has come.

    start(key, work) -> Job     run `work(job)` on a worker thread (one job per key at a time)
    get(key) -> Job | None      the job under `key`, running or finished
    take(key) -> Job | None     a finished job, handed out once (its result recorded once)
    job.step(words, fraction)   what the work is doing, for the progress bar

Jobs live in this process's memory: a restarted server forgets them, and the report they would
have written was not recorded (the page says so by showing no job). One small pool, two
workers: the machine that serves the app also renders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bka-report")
_JOBS: dict[str, Job] = {}
_LOCK = threading.Lock()


@dataclass
class Job:
    key: str
    stage: str = ""  #: the step under way, in the user's words
    fraction: float = 0.0  #: 0..1
    done: bool = False
    result: Any = None
    error: str = ""  #: a plain sentence when the work failed
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def step(self, stage: str, fraction: float) -> None:
        with self._lock:
            self.stage, self.fraction = stage, max(self.fraction, min(fraction, 1.0))


def start(key: str, work: Callable[[Job], Any],
          failure: Callable[[Exception], str] = str) -> Job:
    """Start `work` under `key` unless a job under it is still running (then that one)."""
    with _LOCK:
        running = _JOBS.get(key)
        if running is not None and not running.done:
            return running
        job = _JOBS[key] = Job(key)
    _POOL.submit(_run, job, work, failure)
    return job


def get(key: str) -> Job | None:
    with _LOCK:
        return _JOBS.get(key)


def take(key: str) -> Job | None:
    """The finished job under `key`, handed out once (to the one page that records its
    result); None while it runs or when another page has taken it."""
    with _LOCK:
        job = _JOBS.get(key)
        if job is None or not job.done:
            return None
        del _JOBS[key]
        return job


def forget(key: str) -> None:
    """Drop a finished job (its result has been shown and recorded)."""
    take(key)


def _run(job: Job, work: Callable[[Job], Any], failure: Callable[[Exception], str]) -> None:
    try:
        job.result = work(job)
    except Exception as exc:  # noqa: BLE001 - the page shows the sentence, never a traceback
        job.error = failure(exc) or type(exc).__name__
    finally:
        job.step(job.stage, 1.0)
        job.done = True

"""The folder lock goes to who waited, not back to who just let it go (threads and processes).

Counted, not timed: a writer that releases and asks again at once must find the one that
was already waiting served first.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from app.services.paths import ROOT
from app.store.locking import SharedFolder


def _wait_for(condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.001)


def test_a_thread_that_lets_go_and_asks_again_queues_behind_the_waiting_ones(
        tmp_path: Path) -> None:
    shared = SharedFolder(tmp_path)
    order: list[str] = []
    holding = threading.Event()

    def greedy() -> None:
        for n in range(5):
            with shared.locked():
                order.append(f"greedy{n}")
                holding.set()
                if n == 0:
                    _wait_for(lambda: len(shared._queue) == 3)  # the others are queued

    def waiter(name: str) -> None:
        with shared.locked():
            order.append(name)

    first = threading.Thread(target=greedy)
    first.start()
    holding.wait(10)
    others = []
    for name in ("a", "b", "c"):
        t = threading.Thread(target=waiter, args=(name,))
        t.start()
        others.append(t)
        queued = len(others)
        _wait_for(lambda queued=queued: len(shared._queue) == queued)  # type: ignore[misc]
    for t in [first, *others]:
        t.join(10)
    assert order[:4] == ["greedy0", "a", "b", "c"]


_GREEDY = """
import sys, time
from pathlib import Path
from app.store.locking import SharedFolder
shared, log = SharedFolder(Path(sys.argv[1])), Path(sys.argv[2])
with shared.locked():
    print("holding", flush=True)
    while not Path(sys.argv[3]).exists():  # until the other process is waiting
        time.sleep(0.001)
    time.sleep(0.05)
for n in range(1, 150):  # let go and take it again at once, again and again
    with shared.locked():
        with log.open("a") as f:
            f.write(f"{n}\\n")
        time.sleep(0.003)
"""


def test_a_process_that_lets_go_and_asks_again_does_not_keep_a_waiting_one_out(
        tmp_path: Path) -> None:
    log, waiting = tmp_path / "greedy.log", tmp_path / "waiting"
    proc = subprocess.Popen([sys.executable, "-c", _GREEDY, str(tmp_path), str(log),
                             str(waiting)], cwd=ROOT, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"holding"
        shared = SharedFolder(tmp_path)  # this process's own view of the folder
        done = threading.Event()
        seen: list[int] = []

        def take() -> None:
            with shared.locked():
                seen.append(len(log.read_text().split()) if log.exists() else 0)
            done.set()

        t = threading.Thread(target=take)
        t.start()
        time.sleep(0.05)  # asking now (a save takes milliseconds; this is only a head start)
        waiting.touch()
        t.join(30)
        assert done.is_set()
        # It got its turn right after the first release, not after the 149 greedy turns.
        assert seen[0] <= 2, f"waited through {seen[0]} turns of the other process"
    finally:
        proc.wait(30)

"""Start-up without the cyclic garbage collector's passes over what lives to the end.

Importing a command's modules makes tens of thousands of objects (modules, classes, models and
their validators) that live as long as the process. The collector's passes over them free
nothing and cost a cold `bka report` ~25 ms (more on a loaded machine, where each pass waits on
memory). So it is off while they are made, and they are then frozen out of its reach
(gc.freeze): the command's own collections look only at what the command itself makes. (A
report also pauses the collector while it is gathered and laid out: app/report/collector.py;
that pause is for objects that die, this one for objects that live on.)

Only in a process of bka's own (`bka`, `python -m app.cli`): a caller of main() (a test, a
script) keeps its collector as it set it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_own: list[bool] = [False]  # a list: no `global`


def claim() -> None:
    """This process is bka's own (main() was called by the `bka` entry point)."""
    _own[0] = True


@contextmanager
def lasting() -> Iterator[None]:
    """Objects made inside live as long as the process: made without collector passes, then
    frozen (in bka's own process; elsewhere nothing changes)."""
    if not _own[0]:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()

"""Python's cycle collector paused while a document is laid out (and while the fonts are
parsed, app/report/fonts).

Laying out the full documentation makes and drops a few hundred thousand small objects
(fragments, lines, words, canvas states), almost all freed the moment they are dropped. Each
700 of them set off a collection, and every tenth of those walks older objects too, up to
the whole heap: in a process holding the models and the catalogue (~70,000 objects; far more
in the app's server) that is ~8% of a layout's time spent finding no cycle. Paused during one
layout, the collector runs again as usual afterwards and finds what little was left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Automatic collection off inside, back as it was after. Two layouts at once in two
    threads: the first to finish may turn it back on while the other runs, which costs that
    one time and nothing else."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

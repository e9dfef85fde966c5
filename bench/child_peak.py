"""The peak resident size of a fresh Python process running one of our modules, as that
process itself saw it (VmHWM, read as it ends).

What the kernel reports to the parent cannot be used: `getrusage(RUSAGE_CHILDREN)` is the
largest peak of every child ever waited for, and even the `wait4` of one child includes the
parent's own size at the moment it forked (Linux records the old memory's peak at `exec`).
In `make bench`, where every benchmark runs in one process that has grown to hundreds of MB,
that made a fresh `bka dashboard` read 541 MB; the process itself peaked at about 80 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: run the module as `python -m` does, and write its peak to the file named first
_WRAPPER = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as status, open(out, "w") as f:
        f.write(next((line.split()[1] for line in status if line.startswith("VmHWM:")), ""))
atexit.register(peak)
sys.argv.pop(0)
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class Finished:
    returncode: int
    peak_mb: float  #: the child's own peak resident size; nan where /proc is missing
    stdout: str
    stderr: str


def run(module: str, args: Sequence[str], *, env: Mapping[str, str] | None = None,
        cwd: Path | str | None = None, timeout: float | None = None,
        preexec_fn: Callable[[], None] | None = None) -> Finished:
    """`python -m module args...` to its end, with its own peak resident size (a limit set
    by `preexec_fn` applies to it; subprocess.TimeoutExpired after `timeout` s)."""
    with tempfile.TemporaryDirectory(prefix="bka-peak-") as folder:
        out = Path(folder) / "peak"
        done = subprocess.run([sys.executable, "-c", _WRAPPER, str(out), module,
                               *args], env=dict(env) if env is not None else None, cwd=cwd,
                              capture_output=True, text=True, timeout=timeout,
                              preexec_fn=preexec_fn)
        try:
            peak = int(out.read_text()) / 1024
        except (OSError, ValueError):
            peak = float("nan")
    return Finished(done.returncode, peak, done.stdout, done.stderr)


if __name__ == "__main__":  # a look by hand: python -m bench.child_peak app.cli.main --help
    finished = run(sys.argv[1], sys.argv[2:], env=os.environ)
    print(f"{finished.peak_mb:.0f} MB, exit {finished.returncode}")

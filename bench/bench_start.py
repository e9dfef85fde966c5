"""Start-up beside its peers, as ratios of interleaved runs.

- `bka serve` until /_stcore/health answers, beside a bare `streamlit run` of a one-line page
  with the same server flags (goal <= 1.1x).
- a cold `bka report FILE -o x.html` (its own process, imports and catalogue included), beside
  a bare interpreter importing pydantic, the one library any command needs (goal <= 0.3 s).

Wall seconds and CPU seconds (user + system of the process, from the OS) are both printed:
on a shared machine the CPU figure is the steadier one.
Run: .venv/bin/python -m bench.bench_start [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from app.services.paths import EXAMPLES_DIR, ROOT

BIN = Path(sys.executable).parent
# `bka` as its entry script does it, from this checkout (ROOT is the working folder).
BKA = [sys.executable, "-m", "app.cli"]
Run = tuple[float, float]  # wall seconds, CPU seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu(before: os.times_result) -> float:
    after = os.times()
    return (after.children_user - before.children_user
            + after.children_system - before.children_system)


def until_healthy(command: Callable[[int], list[str]], env: dict[str, str]) -> Run:
    """Start a server, wait for its health check, stop it: (seconds to health, its CPU)."""
    port = free_port()
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command(port), env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command(port)[:3]} ended before it answered")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.01)
        wall = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)
    return wall, _cpu(before)


def once(command: list[str], env: dict[str, str]) -> Run:
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu(before)


def compare(name: str, ours: Callable[[], Run], peer: Callable[[], Run], runs: int,
            goal: str) -> None:
    ours(), peer()  # warm the disk cache and the compiled bytecode
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(runs):  # interleaved: both meet the same load
        a.append(ours())
        b.append(peer())
    wall = statistics.median(x[0] / y[0] for x, y in zip(a, b, strict=True))
    cpu = statistics.median(x[1] / y[1] for x, y in zip(a, b, strict=True))
    print(f"{name}")
    print(f"  ours  wall {statistics.median(x[0] for x in a):6.3f} s   "
          f"cpu {statistics.median(x[1] for x in a):6.3f} s")
    print(f"  peer  wall {statistics.median(x[0] for x in b):6.3f} s   "
          f"cpu {statistics.median(x[1] for x in b):6.3f} s")
    print(f"  ratio wall {wall:5.2f}x   cpu {cpu:5.2f}x   goal {goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bka-bench-start-") as folder:
        # Bytecode written and used, as in any installation (this machine's shells set
        # PYTHONDONTWRITEBYTECODE, which makes every start compile the app again).
        # A cache folder of this run's own (filled by the first, unmeasured run), as a user's
        # is after the first report: one shared with other checkouts of other versions on
        # this machine would measure their churn.
        env = {**os.environ, "BKA_DATA_DIR": folder, "BKA_CACHE_DIR": str(Path(folder) / "cache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare = Path(folder) / "bare.py"
        bare.write_text("import streamlit as st\nst.write('hej')\n", encoding="utf-8")
        flags = ["--server.headless", "true", "--browser.gatherUsageStats", "false",
                 "--server.address", "127.0.0.1"]
        compare("bka serve -> health, beside a bare streamlit run",
                lambda: until_healthy(lambda port: [*BKA, "serve", "--port", str(port)], env),
                lambda: until_healthy(lambda port: [str(BIN / "streamlit"), "run", str(bare),
                                                    "--server.port", str(port), *flags], env),
                args.runs, "<= 1.1x")
        out = Path(folder) / "x.html"
        example = EXAMPLES_DIR / "skolnedlaggning.yaml"
        compare("cold bka report -o x.html, beside a bare python importing pydantic",
                lambda: once([*BKA, "report", str(example), "-o", str(out)], env),
                lambda: once([sys.executable, "-c", "import pydantic"], env),
                args.runs, "ours <= 0.3 s")


if __name__ == "__main__":
    main()

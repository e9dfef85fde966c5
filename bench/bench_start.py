"""Start-up beside its peers, as ratios of interleaved runs.

- `bka serve` until /_stcore/health answers, beside a bare `streamlit run` of a one-line page
  with the same server flags (goal <= 1.1x).
- a cold `bka report FILE -o x.html` (its own process, imports and catalogue included), beside
  a bare interpreter importing pydantic, the one library any command needs (goal <= 0.3 s).

Wall seconds and CPU seconds (user + system of the process, from the OS) are both printed:
on a shared machine the CPU figure is the steadier one. The cold report is then taken apart
stage by stage (each a fresh process doing what the one before did and one thing more), so
what pydantic alone costs before any model of ours is built is seen beside what is ours.
Run: .venv/bin/python -m bench.bench_start [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _cpu(before: resource.struct_rusage) -> float:
    # getrusage, not os.times: its clock ticks are 10 ms, too coarse for a stage of 20 ms
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def until_healthy(command: Callable[[int], list[str]], env: dict[str, str]) -> Run:
    """Start a server, wait for its health check, stop it: (seconds to health, its CPU)."""
    port = free_port()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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


#: The cold `bka report -o x.html` taken apart: (stage, code run by a fresh interpreter, which
#: does all the stages before it and this one thing more). {example} is the assessment file.
STAGES = (
    ("interpreter", "pass"),
    ("+ pydantic imported", "import pydantic"),
    ("+ pydantic's first model built and used", "import pydantic\n"
     "class A(pydantic.BaseModel):\n    x: int\nA(x=1)"),
    ("+ the command line, the models", "import app.cli.main, app.cli.report"),
    ("+ the assessment file read and validated", "import app.cli.main, app.cli.report\n"
     "from pathlib import Path\nfrom app.core.loading import load_assessment\n"
     "load_assessment(Path({example!r}))"),
    ("+ the catalogue (its kept copy)", "import app.cli.main, app.cli.report\n"
     "from pathlib import Path\nfrom app.core.loading import load_assessment\n"
     "load_assessment(Path({example!r}))\n"
     "from app.services.shipped import catalog\ncatalog()"),
    ("+ the report's modules (scoring, document, HTML)", "import app.cli.main, app.cli.report\n"
     "from pathlib import Path\nfrom app.core.loading import load_assessment\n"
     "load_assessment(Path({example!r}))\n"
     "from app.services.shipped import catalog\ncatalog()\n"
     "import app.report.build, app.core.document.build, app.report.html_render"),
)


#: bka's start-up, before any stage's code: the collector off while it imports (what it made
#: frozen after, app/cli/startup.py), pydantic's plugin lookup skipped (app/cli/plugins_off.py)
START = "import gc\ngc.disable()\nfrom app.cli import plugins_off\nplugins_off.skip_lookup()\n"


def apart(env: dict[str, str], example: Path, out: Path, runs: int) -> None:
    """The cold HTML report stage by stage (CPU seconds, medians of interleaved processes),
    each stage's code run as bka runs its start-up: as bka starts (START)."""
    stages = [(name, [sys.executable, "-c", START + code.format(example=str(example))
                      + "\ngc.freeze()\ngc.enable()"])
              for name, code in STAGES]
    stages.append(("+ scoring, the document, writing it (= bka report)",
                   [*BKA, "report", str(example), "-o", str(out)]))
    # What bka sets before any model is built (app/cli/main.py), so every stage is alike.
    env = {**env, "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    times: dict[str, list[float]] = {name: [] for name, _ in stages}
    for _ in range(runs):
        for name, command in stages:
            times[name].append(once(command, env)[1])
    print("  the cold report taken apart (CPU seconds, medians):")
    previous = 0.0
    for name, _ in stages:
        total = statistics.median(times[name])
        print(f"    {name:<52} {total:6.3f} s  (+{total - previous:6.3f} s)")
        previous = total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--report-only", action="store_true",
                        help="only the cold report and its stages (not bka serve)")
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
        if not args.report_only:
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
        apart(env, example, out, args.runs)


if __name__ == "__main__":
    main()

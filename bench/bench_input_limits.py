"""Hostile files against `bka validate`: time and peak memory of the process.

The 451-byte alias bomb (nine levels of nine aliases), JSON nested 100,000 levels deep and
an assessment with a 210,000-character title, each validated by a fresh `bka validate`
process with a 2 GB memory ceiling and a 60 s time limit (issue 10: the bomb took a server
from 74 MB to 3.5 GB in 29 s). Target: refused in about a second, memory near a plain start.

Run: .venv/bin/python -m bench.bench_input_limits
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from app.services.paths import EXAMPLES_DIR, ROOT
from bench import child_peak

CEILING = 2 * 1024 * 1024 * 1024
LEVELS = "abcdefghi"


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip(LEVELS, LEVELS[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    return text + "#" * (451 - len(text) - 1) + "\n"


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CEILING, CEILING))


def run(path: Path) -> tuple[float, float, str]:
    """Seconds, the child's own peak MB, and how it ended."""
    start = time.perf_counter()
    peak = float("nan")  # a process killed at the time limit reports none
    try:
        done = child_peak.run("app.cli", ["validate", str(path)], cwd=ROOT, timeout=60,
                              preexec_fn=_limit, env=dict(os.environ))
        peak = done.peak_mb
        ended = f"exit {done.returncode}" + (" (MemoryError)" if "MemoryError" in done.stderr
                                            else "")
    except subprocess.TimeoutExpired:
        ended = "killed after 60 s"
    return time.perf_counter() - start, peak, ended


def main() -> None:
    example = (EXAMPLES_DIR / "trafik-skolvag.yaml").read_text(encoding="utf-8")
    title_line = next(line for line in example.splitlines() if line.strip().startswith("title:"))
    files = {
        "plain example": example,
        "451-byte alias bomb": alias_bomb(),
        "JSON 100,000 deep": "[" * 100_000 + "]" * 100_000,
        "210,000-char title": example.replace(title_line, "  title: " + "Rubrik " * 30_000, 1),
    }
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'file':<22} {'seconds':>8} {'peak MB':>8}   ended")
        for name, text in files.items():
            suffix = ".json" if name.startswith("JSON") else ".yaml"
            path = Path(tmp) / f"{name.split()[0]}{suffix}"
            path.write_text(text, encoding="utf-8")
            seconds, peak, ended = run(path)
            print(f"{name:<22} {seconds:>8.2f} {peak:>8.0f}   {ended}", flush=True)
    print("(peak MB: each process's own, as it saw it: bench/child_peak.py)")


if __name__ == "__main__":
    main()

"""bka's own process starts without the collector's passes over its modules (app/cli/startup.py)
and runs its command with the collector on; a caller of main() keeps its collector as it was."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from app.cli.main import main
from app.services.paths import EXAMPLES_DIR, ROOT

EXAMPLE = EXAMPLES_DIR / "skolnedlaggning.yaml"


def test_a_caller_of_main_keeps_its_collector(tmp_path: Path) -> None:
    frozen = gc.get_freeze_count()
    assert main(["report", str(EXAMPLE), "-o", str(tmp_path / "x.html")]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert (tmp_path / "x.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bka_freezes_what_start_up_made_and_runs_its_command_with_the_collector_on(
        tmp_path: Path) -> None:
    code = ("import gc, sys\nfrom app.cli.main import main\n"
            "seen = []\nimport app.report.build as b\nbuild = b.build_report\n"
            "def watched(*a, **k):\n    seen.append(gc.isenabled())\n    return build(*a, **k)\n"
            "b.build_report = watched\n"
            f"sys.argv = ['bka', 'report', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'x.html')!r}]\n"
            "assert main() == 0\nprint(seen, gc.isenabled(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"BKA_CACHE_DIR": str(tmp_path / "cache"),
                                                      "BKA_DATA_DIR": str(tmp_path / "data"),
                                                      "PATH": "/usr/bin:/bin"})
    assert done.stdout.split("\n")[-2] == "[True] True True"

"""bka's own process skips pydantic's plugin lookup while plugins are off (app/cli/plugins_off.py):
the report is the same, `importlib.metadata` is never imported for a lookup that is off, and an
operator who switches plugins on gets pydantic's own loader."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

from pydantic.plugin import _schema_validator

from app.cli import plugins_off
from app.services.paths import EXAMPLES_DIR, ROOT

EXAMPLE = EXAMPLES_DIR / "skolnedlaggning.yaml"


def _bka_report(tmp_path: Path, plugins: str | None) -> list[str]:
    """Run `bka report` as its own process; what it printed and whether it imported
    importlib.metadata and which plugin loader pydantic asked."""
    out = tmp_path / "x.html"
    code = ("import sys\nfrom app.cli.main import main\n"
            f"sys.argv = ['bka', 'report', {str(EXAMPLE)!r}, '-o', {str(out)!r}]\n"
            "assert main() == 0\n"
            "loader = sys.modules.get('pydantic.plugin._loader')\n"
            "print('importlib.metadata' in sys.modules, getattr(loader, '__file__', 'ours'))")
    env = {"BKA_CACHE_DIR": str(tmp_path / "cache"), "BKA_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin"}
    if plugins is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, env=env)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    return done.stdout.splitlines()[-1].split()


def test_bka_reports_without_importing_the_plugin_lookup(tmp_path: Path) -> None:
    assert _bka_report(tmp_path, None) == ["False", "ours"]


def test_plugins_switched_on_keep_pydantics_own_loader(tmp_path: Path) -> None:
    metadata, loader = _bka_report(tmp_path, "")
    assert metadata == "True" and loader.endswith("_loader.py")


def test_pydantic_still_asks_the_loader_it_replaces() -> None:
    # If a pydantic release looks for plugins elsewhere, the skip quietly stops working and
    # every command pays the import again: this says so.
    assert f"from .{plugins_off.LOADER.rsplit('.', 1)[1]} import get_plugins" in \
        inspect.getsource(_schema_validator.create_schema_validator)

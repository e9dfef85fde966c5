"""`bka` finds every command through its registry: a command a module registers but the
registry does not name would be unreachable, and one the registry names must be registered
by the module it names."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys

import app.cli
from app.cli.registry import COMMANDS


def _registered_by(module_name: str) -> set[str]:
    module = importlib.import_module(module_name)
    sub = argparse.ArgumentParser().add_subparsers()
    module.register(sub)
    return set(sub.choices)


def test_every_registered_command_is_in_the_registry_under_its_module() -> None:
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(app.cli.__path__):
        if info.name == "__main__":  # runs bka when imported
            continue
        name = f"app.cli.{info.name}"
        if hasattr(importlib.import_module(name), "register"):
            found.update(dict.fromkeys(_registered_by(name), name))
    assert found == {name: entry.module for name, entry in COMMANDS.items()}


def test_a_command_imports_only_its_own_module() -> None:
    code = ("import sys\nfrom app.cli.main import main\n"
            "try:\n    main(['serve', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('app.') or m in "
            "('pydantic', 'tinydb', 'reportlab')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    loaded = done.stdout.strip().splitlines()[-1]
    assert "pydantic" not in loaded and "app.core" not in loaded and "reportlab" not in loaded
    assert "app.cli.serve" in loaded and "app.cli.report" not in loaded


def test_help_lists_every_command_without_importing_them() -> None:
    done = subprocess.run([sys.executable, "-m", "app.cli", "--help"], capture_output=True,
                          text=True, check=True)
    for name, entry in COMMANDS.items():
        assert name in done.stdout
        assert entry.help.split()[0] in done.stdout

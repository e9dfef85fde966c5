"""Every benchmark in turn: `make bench`."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    folder = Path(__file__).parent
    for module in sorted(m.name for m in pkgutil.iter_modules([str(folder)])):
        if module.startswith("bench_"):
            print(f"\n== {module} ==", flush=True)
            importlib.import_module(f"bench.{module}").main()


if __name__ == "__main__":
    main()

"""Every benchmark in turn: `make bench`.

A benchmark that breaks (a browser trial on a loaded machine, a missing server) is reported
and the others still run; the exit code is 1 when any broke, so the failure is not hidden.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback
from pathlib import Path


def main() -> int:
    folder = Path(__file__).parent
    broken: list[str] = []
    for module in sorted(m.name for m in pkgutil.iter_modules([str(folder)])):
        if module.startswith("bench_"):
            print(f"\n== {module} ==", flush=True)
            environment = dict(os.environ)  # what one benchmark sets never reaches the next
            try:
                importlib.import_module(f"bench.{module}").main()
            except Exception as exc:  # noqa: BLE001 - report it, run the rest
                traceback.print_exc(limit=3)
                first = (str(exc).splitlines() or [""])[0]
                print(f"BROKE: {module}: {type(exc).__name__}: {first}", flush=True)
                broken.append(module)
            finally:
                os.environ.clear()
                os.environ.update(environment)
    if broken:
        print(f"\nbenchmarks that broke: {', '.join(broken)}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

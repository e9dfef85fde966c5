"""`make lint`: no module of the product grows past a length one reader can hold.

The house plan is small modules with one idea each (docs/ARCHITECTURE.md); a module that passes
the limit has usually gathered a second idea and should be split by it. Counted in lines, the
way an editor shows them.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIMIT = 400


def too_long(root: Path, limit: int = LIMIT) -> list[tuple[Path, int]]:
    """Every Python module under root longer than the limit, longest first."""
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append((path, lines))
    return sorted(found, key=lambda item: -item[1])


def main(argv: list[str]) -> int:
    roots = [Path(arg) for arg in argv] or [Path("app")]
    found = [hit for root in roots for hit in too_long(root)]
    for path, lines in found:
        print(f"{path}: {lines} lines, more than {LIMIT}: split it by idea")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What the facts tables are written and read through: a PostgreSQL transaction (the
save's own, postgres/facts.py) or an SQLite connection (local.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol


class Executor(Protocol):
    def rows(self, statement: str, params: Mapping[str, Any] | None = None,
             ) -> list[tuple[Any, ...]]:
        """The rows a statement returns."""
        ...

    def run(self, statement: str, params: Mapping[str, Any] | None = None) -> None:
        ...

    def many(self, statement: str, params: Sequence[Mapping[str, Any]]) -> None:
        ...

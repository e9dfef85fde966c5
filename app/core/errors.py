"""Problems found in a file, each with where it is, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.problem_words import swedish, swedish_file


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file."""

    file: str
    line: int | None
    message: str
    #: the message in Swedish where it is written with it (a question's own label in it);
    #: otherwise the catalogue says it (app/core/problem_words.py)
    swedish_message: str | None = None

    def said(self) -> str:
        """The message in Swedish."""
        return self.swedish_message if self.swedish_message is not None else swedish(
            self.message)

    @property
    def where(self) -> str:
        """"file:line", the file alone, or nothing (a problem of the file as a whole)."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def in_swedish(self) -> str:
        """The same line in Swedish (app/core/problem_words.py), the place kept."""
        said = self.said()
        where = swedish_file(self.file) + (f":{self.line}" if self.line else "")
        return f"{where}: {said}" if where else said

    def both(self, place: bool = True) -> str:
        """Swedish first, English beside it (under it, indented), each with the place (unless
        `place` is False); the English alone for a sentence the catalogue does not hold (a
        questionnaire author's)."""
        said, english = (self.in_swedish(), str(self)) if place else (
            self.said(), self.message)
        return english if said == english else f"{said}\n    {english}"


class LoadError(Exception):
    """A file, or several, could not be loaded; holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path | str) -> str:
    """A path as the user should see it: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)

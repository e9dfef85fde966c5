"""The legal reference library: statutes, how strong a rule is, and the rules of each area."""

from functools import cached_property
from typing import Literal

from pydantic import Field

from app.core.models.base import Strict
from app.core.text import Text

ID = r"^[a-z][a-z0-9_]*$"
Topic = Literal["best_interests", "hearing", "procedure", "other"]
#: verified: the section (or the convention's article) was read in a named public source;
#: not_verified: it could not be, and the app and the report say "paragraf ej kontrollerad"
Status = Literal["verified", "not_verified"]


class Strength(Strict):
    """How strongly a rule makes the child's best interests count."""

    id: str = Field(pattern=ID)  #: named by rules
    label: Text  #: for example "Avgörande"
    meaning: Text  #: what it means for the decision, in a sentence or two


class Statute(Strict):
    """A statute the library cites."""

    id: str = Field(pattern=ID)  #: named by rules
    name: Text  #: the statute's title, without the SFS number
    short: Text  #: the name used in running text
    sfs: str = Field(pattern=r"^\d{4}:\d{1,4}$")  #: the SFS number, e.g. 2010:800


class Rule(Strict):
    """One rule of a statute: where it stands, what it demands, and whether that was checked."""

    topic: Topic  #: best interests, hearing the child, procedure or other
    statute: str  #: a statute id from law/library.yaml
    article: int | None = Field(default=None, ge=1, le=54)  #: for the convention: its article
    chapter: int | None = Field(default=None, ge=1)  #: kapitel, when the statute has chapters
    section: str | None = Field(default=None, pattern=r"^\d+( ?[a-z])?$")  #: paragraf: "10", "2 a"
    strength: str  #: a strength id from law/library.yaml
    applies: Text  #: which decisions the rule covers
    requires: Text  #: what the rule demands, in our own words
    status: Status  #: whether the section was read in a public source (shown to users)
    verified: str = Field(min_length=20)  #: the source read and what it says, in our words


class Area(Strict):
    """An area of decisions (skola, socialtjänst, ...) and the rules that apply in it."""

    id: str = Field(pattern=ID)  #: equals the file name
    title: Text
    always: bool = False  #: applies to every decision, whatever the area
    rules: list[Rule] = Field(min_length=1)


class LibraryFile(Strict):
    """The shape of law/library.yaml."""

    strengths: list[Strength] = Field(min_length=1)
    statutes: list[Statute] = Field(min_length=1)


class LawLibrary(Strict):
    """Strengths, statutes and areas, loaded and cross-checked."""

    strengths: list[Strength]
    statutes: list[Statute]
    areas: list[Area]

    @cached_property
    def strength(self) -> dict[str, Strength]:
        return {s.id: s for s in self.strengths}

    @cached_property
    def statute(self) -> dict[str, Statute]:
        return {s.id: s for s in self.statutes}

    @cached_property
    def area(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

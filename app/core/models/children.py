"""A questionnaire children answer themselves (`audience: children`), as its YAML file declares it.

It is kept apart from the officials' Questionnaire: it has no scoring, no impact scale and no
conditions, and every question is optional (a child may skip anything). What it shares is the
file family: ids, `languages`, texts as one string or one per language, and file:line errors.
"""

from functools import cached_property
from typing import Literal

from pydantic import Field

from app.core.models.base import Strict
from app.core.models.questionnaire import ID_PATTERN
from app.core.text import Text

ChildQuestionType = Literal["scale", "choice", "text"]
#: Symbols drawn beside an answer's words; each page or renderer draws them its own way (the app
#: as emoji, which screen readers name: app/ui/widgets/child_symbols.py).
Symbol = Literal["very_sad", "sad", "neutral", "happy", "very_happy", "yes", "no", "partly",
                 "unsure", "better", "same", "worse"]

#: Placeholders a question's text may hold, filled in from the collection the official opens.
PLACEHOLDERS = ("decision", "place")


class AgeBand(Strict):
    """An age band the child picks first; it chooses the wording and groups the results."""

    id: str = Field(pattern=ID_PATTERN)  #: stored with each response instead of an age
    min: int = Field(ge=0, le=17)  #: youngest age in the band
    max: int = Field(ge=0, le=17)  #: oldest age in the band
    label: Text  #: what the child reads, e.g. "10–12 år"


class Level(Strict):
    """One step of an answer scale: a symbol drawn beside the words, never instead of them."""

    value: str = Field(pattern=ID_PATTERN)  #: stored in the response
    symbol: Symbol  #: a face or sign shown before the words
    label: Text  #: the words; a screen reader reads these


class Scale(Strict):
    """A named answer scale several questions share (faces from sad to happy, say)."""

    id: str = Field(pattern=ID_PATTERN)
    levels: list[Level] = Field(min_length=2, max_length=6)


class ChildQuestion(Strict):
    """One question; optional for the child. A `per_place` question is asked once per place."""

    id: str = Field(pattern=ID_PATTERN)  #: unique in the questionnaire
    type: ChildQuestionType  #: scale (faces/symbols from `scale`), choice, or free text
    text: Text  #: the question; may hold {decision} and, when per_place, {place}
    text_by_age: dict[str, Text] = {}  #: other wording for an age band id, e.g. the youngest
    help: Text | None = None  #: one short line under the question
    scale: str | None = None  #: scale: the id of a scale in `scales`
    options: list[Level] | None = None  #: choice: its answers, each with a symbol and words
    per_place: bool = False  #: asked once for each place the official names
    ages: list[str] = []  #: age band ids that see the question; empty means every band


class ChildQuestionnaire(Strict):
    """A whole children's questionnaire file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")  #: stable, stored with every collection
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    audience: Literal["children"]  #: tells bka validate which kind of file this is
    languages: list[Literal["sv", "en"]] = Field(min_length=1)
    title: Text  #: the page's heading for the child
    intro: Text  #: first words on the page; may hold {decision}
    privacy_note: Text  #: tells the child that no name is asked and what not to write
    thanks: Text  #: shown after sending
    age_bands: list[AgeBand] = Field(min_length=1)
    scales: list[Scale] = []
    questions: list[ChildQuestion] = Field(min_length=1, max_length=10)

    @cached_property
    def scale_by_id(self) -> dict[str, Scale]:
        return {s.id: s for s in self.scales}

    @cached_property
    def band_by_id(self) -> dict[str, AgeBand]:
        return {b.id: b for b in self.age_bands}

    def levels_of(self, question: ChildQuestion) -> list[Level]:
        """The answers a scale or choice question offers, in order."""
        if question.type == "scale" and question.scale in self.scale_by_id:
            return self.scale_by_id[question.scale].levels
        return list(question.options or [])

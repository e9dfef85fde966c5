"""The rating of one article for one group of children, beside its rating for all children."""

from typing import Literal

from pydantic import BaseModel, computed_field

from app.core.text import Text

Rating = int | Literal["unknown"] | None


class GroupImpact(BaseModel):
    """How one group named in the screening fares on one article, where it differs."""

    number: int  #: the article
    question: str  #: the impact question it was rated in
    group: str  #: the option value of the group in the groups question
    label: Text  #: the group as the official chose it
    short: Rating
    long: Rating
    combined: float | None  #: weighted mean of the known terms, -2..2
    all_children: float | None  #: the article's combined rating for all children

    @computed_field  # type: ignore[prop-decorator]
    @property
    def worse(self) -> bool:
        """The group loses more, or gains less, than children as a whole."""
        return (
            self.combined is not None
            and self.all_children is not None
            and self.combined < self.all_children
        )

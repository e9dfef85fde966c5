"""Which answers the one-page summary for the tjänsteskrivelse quotes (the `summary:` block).

The conclusion and the rights weakened and strengthened come from the scorecard; these name
the questions that hold what children said, how it changed the proposal, why they were not
heard, the measures and the follow-up. A question hidden by the answers is left out.
"""

from typing import Literal

from app.core.models.base import Strict


class SummarySpec(Strict):
    #: whom the assessment is about: children as a group (a committee decides), or one child
    #: (a decision under delegation); page 1 and the summary speak in that track's words
    track: Literal["group", "individual"] = "group"
    heard: list[str] = []  #: who was heard and what they said
    views_effect: list[str] = []  #: how the children's views changed the proposal
    not_heard: list[str] = []  #: why children were not heard
    measures: list[str] = []  #: actions questions: what, who, when
    support: list[str] = []  #: text questions on further support, quoted with the measures
    alternatives: list[str] = []  #: the alternatives weighed and why they were not chosen
    follow_up: list[str] = []  #: who follows up, by when, what is followed
    #: structured facts the checks read (choices, dates, numbers), listed as answered on page 1
    #: and in the one page, so that what the level rests on is there to be seen
    facts: list[str] = []

    def parts(self) -> dict[str, list[str]]:
        return {"heard": self.heard, "views_effect": self.views_effect,
                "not_heard": self.not_heard, "measures": self.measures,
                "support": self.support, "alternatives": self.alternatives,
                "follow_up": self.follow_up, "facts": self.facts}

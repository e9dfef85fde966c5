"""A questionnaire as its YAML file declares it: sections, questions and the scoring."""

from functools import cached_property
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from app.core.models.base import Strict
from app.core.models.summary import SummarySpec
from app.core.text import Text

if TYPE_CHECKING:
    pass

QuestionType = Literal["choice", "multi", "scale", "text", "number", "date", "impact", "actions"]
ImpactValue = Literal[-2, -1, 0, 1, 2, "unknown"]
IMPACT_VALUES: tuple[ImpactValue, ...] = (-2, -1, 0, 1, 2, "unknown")
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Option(Strict):
    """One answer a choice or multi question offers."""

    value: str  #: stored in answers and named in conditions
    label: Text  #: what the user reads
    #: multi: the option says none of the others applies ("none of these"), so it is chosen
    #: alone; the form clears the others when it is picked (app/core/exclusive.py)
    exclusive: bool = False


class LawLink(Strict):
    """Which legal rules a question shows: the areas the answer to `source` maps to."""

    source: str  #: id of an earlier choice or multi question where the official picks the area
    areas: dict[str, list[str]]  #: option value of `source` -> area ids in the law library


class GroupLink(Strict):
    """Which groups of children an impact question lets the official rate apart."""

    source: str  #: id of an earlier multi question where the groups are named (the screening)
    skip: list[str] = []  #: options of `source` that are not groups, e.g. 'none_identified'


class Question(Strict):
    """One question; which keys apply depends on its type (checked after loading)."""

    id: str = Field(pattern=ID_PATTERN)  #: unique in the questionnaire
    type: QuestionType  #: what kind of answer it takes
    text: Text  #: the question
    help: Text | None = None  #: guidance for an official new to the convention
    articles: list[int] = []  #: articles the question concerns; for impact, the ones always rated
    required: bool = False  #: counts towards completeness when visible
    show_if: str | None = None  #: condition; the question is hidden when it is false
    options: list[Option] | None = None  #: choice and multi
    min: float | None = None  #: scale and number
    max: float | None = None  #: scale and number
    min_label: Text | None = None  #: scale: what the lowest value means
    max_label: Text | None = None  #: scale: what the highest value means
    unit: Text | None = None  #: number: the unit shown beside the field
    multiline: bool = False  #: text: a long answer
    #: actions: each measure states whether it is decided, funded, who is bound to carry it out
    #: and whether it rests on what the decision reduces (app/core/measure_facts.py)
    measure_facts: bool = False
    selectable: bool = False  #: impact: the official may add articles 1-42 to rate
    law: LawLink | None = None  #: show the legal rules for the area the official picked
    groups: GroupLink | None = None  #: impact: rate the named groups apart where they differ

    @cached_property
    def option_values(self) -> list[str]:
        return [o.value for o in self.options or []]

    def option_label(self, value: str) -> Text:
        for option in self.options or []:
            if option.value == value:
                return option.label
        return value


class Section(Strict):
    """A step of the assessment, shown as one page."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    intro: Text | None = None  #: shown above the questions
    show_if: str | None = None  #: condition for the whole section
    questions: list[Question] = Field(min_length=1)


class ImpactLevel(Strict):
    """The label of one impact rating."""

    value: ImpactValue
    label: Text


class TermWeights(Strict):
    """How short and long term ratings combine into one rating per article."""

    short: float = Field(ge=0, le=1)
    long: float = Field(ge=0, le=1)


class Band(Strict):
    """A named range of a score."""

    id: str | None = Field(default=None, pattern=ID_PATTERN)  #: levels: named by caps
    min: float
    max: float
    label: Text
    meaning: Text | None = None  #: what the band means for the decision-maker

    def contains(self, value: float, top: bool) -> bool:
        """Whether `value` is in the band; only the top band includes its max."""
        return self.min <= value < self.max or (top and value == self.max)


class ImpactScoring(Strict):
    """How impact ratings roll up."""

    term_weights: TermWeights
    balance_bands: list[Band] = Field(min_length=1)  #: cover -2..2
    #: when a right counts as weakened: a negative rating in either term (harm now is not
    #: netted by gains later), or only a negative combined rating
    weakened: Literal["either_term", "combined"] = "either_term"
    #: articles the best-interests conclusion answers (article 3): a rating is never counted
    conclusion_articles: list[int] = []


class Criterion(Strict):
    """A process-quality criterion: its points count when its condition holds."""

    id: str = Field(pattern=ID_PATTERN)
    label: Text
    points: float = Field(gt=0)
    when: str


class OverallWeights(Strict):
    """Weights of the overall score; they add up to 1."""

    process_quality: float = Field(ge=0, le=1)
    completeness: float = Field(ge=0, le=1)


class Flag(Strict):
    """A finding raised when answers contradict each other or leave a gap."""

    id: str = Field(pattern=ID_PATTERN)
    severity: Literal["warning", "serious"] = "warning"
    when: str
    question: str  #: the question the user goes to in order to resolve it
    message: Text
    #: id of the highest level the assessment may reach while the finding is raised; a serious
    #: finding without one uses `scoring.serious_cap`
    cap: str | None = None
    #: which record the rule judges: a full assessment, or a screening record (the short path)
    applies_to: Literal["assessment", "screening"] = "assessment"
    #: questions whose answers the finding quotes under its message, as the form shows them
    #: (the recorded facts that raised it: a step and its date, the hearing's date)
    quote: list[str] = []


class Substance(Strict):
    """When a text answer counts as one: placeholders and copies earn nothing."""

    #: per language: answers that say nothing (compared in lower case, without punctuation)
    placeholders: dict[str, list[str]]
    #: characters (letters and digits) a text answer needs: a multiline answer, a one-line one
    min_chars: dict[Literal["multiline", "line"], int]
    min_chars_for: dict[str, int] = {}  #: question id -> its own minimum
    #: a text of at least this many words whose word triples mostly come from an article
    #: summary in the library is a copy, not an analysis
    summary_copy_words: int = Field(default=6, ge=3)
    #: the same text (at least min_chars multiline) in several answers counts once
    repeated: bool = True
    #: a text this similar (rapidfuzz ratio, 0-100) to an earlier answer is a near-copy: one
    #: paragraph pasted into ten answers with a word changed counts once; 0 turns it off
    near_copy: int = Field(default=0, ge=0, le=100)
    #: per language: phrases that send the reader elsewhere ("se bilaga"); an answer that has
    #: one and fewer than `reference_words` other words says nothing itself
    references: dict[str, list[str]] = {}
    reference_words: int = Field(default=12, ge=1)
    #: answers of at least `generic_words` words that name nothing of this case (no number,
    #: and no name that the decision or these answers use) are generic; they keep their points
    #: but many of them raise a finding; 0 turns the check off
    case_fields: list[str] = []
    generic_words: int = Field(default=0, ge=0)


class ReviewItem(Strict):
    """A question for the reviewer about what no check can judge, asked when `when` holds.

    The text may name `{q:<question id>}` (its number), `{a:<question id>}` (the answer as
    the form shows it, quoted: the recorded fact), `{harms}` (the weakened rights and
    groups), `{unheard}` (ages and groups concerned but not heard); with `each: measure` it is
    asked once per planned measure that names a harm, and may name `{measure}` (its number and
    text), `{addressed}` (the harms it names) and `{facts}` (whether it is decided, funded,
    who is bound to carry it out and whether it rests on what the decision reduces)."""

    when: str
    each: Literal["measure"] | None = None
    text: Text


class Screening(Strict):
    """The short path: a record that the matter does not concern children, not a score."""

    when: str  #: condition: the short path was taken
    reason: str  #: the question holding the reason
    #: word list whose words in the decision's title or description name children's settings
    settings_words: str


class Conclusion(Strict):
    """The best-interests conclusion, which page 1 of the report leads with."""

    outcome: str  #: the choice question: in line with the child's best interests?
    motivation: str  #: the text question with the reasons


class Completion(Strict):
    """What marking an assessment complete needs; otherwise a recorded reason."""

    min_reason_chars: int = Field(default=40, ge=1)  #: the reason for completing with gaps


class Scoring(Strict):
    """Every number in the report comes from here."""

    impact: ImpactScoring
    process_quality: list[Criterion] = Field(min_length=1)  #: points add up to 100
    overall: OverallWeights
    levels: list[Band] = Field(min_length=1)  #: bands of the overall score, cover 0..100
    #: id of the highest level while any serious finding is raised (gates before points)
    serious_cap: str | None = None
    flags: list[Flag] = []
    #: word lists conditions name: list id -> language -> words (a word matches at the start
    #: of a word; a leading '*' lets it match inside a word, as in Swedish compounds)
    word_lists: dict[str, dict[str, list[str]]] = {}
    substance: Substance | None = None
    screening: Screening | None = None
    conclusion: Conclusion | None = None
    completion: Completion = Completion()
    #: options of the "affected" questions nobody can be heard for (children not yet born,
    #: "no particular groups"): unheard() does not count them
    heard_skip: list[str] = []
    #: a word list: a measure whose text starts with one of its words (it informs, asks or
    #: studies) reduces no harm, whatever it says it addresses
    not_mitigation: str | None = None
    #: a word list of whole word forms: a measure whose owner's first word (or first two
    #: words) is one of them is left to the families or children affected, and reduces no harm
    affected_owners: str | None = None
    #: rights the children exercise themselves (play, school, health, contact): a harm to one
    #: is met only by a measure that reaches the children (app/core/measure_facts.py)
    child_own_articles: list[int] = []
    #: what the reviewer is asked to judge, generated from the case (page 1, Resultat, review)
    review: list[ReviewItem] = []


class Migration(Strict):
    """How answers given to an earlier version are read by this one."""

    from_version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    to_version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    note: Text  #: what changed, shown beside answers migrated this way
    rename: dict[str, str] = {}  #: old question id -> new question id
    options: dict[str, dict[str, str]] = {}  #: question id -> {old option: new option}
    drop: list[str] = []  #: questions no longer asked; their answers are kept, not scored
    drop_ratings: dict[str, list[int]] = {}  #: impact question -> articles no longer rated
    #: questions that became multi: an earlier single answer is read as a one-element list
    to_list: list[str] = []


class Questionnaire(Strict):
    """A whole questionnaire file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")  #: stable, stored with every assessment
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")  #: semantic version
    #: assessment: offered for a new assessment; follow_up: created from a decided assessment
    #: only (app/core/followup.py), never started on its own
    purpose: Literal["assessment", "follow_up"] = "assessment"
    languages: list[Literal["sv", "en"]] = Field(min_length=1)
    title: Text
    description: Text | None = None
    impact_scale: list[ImpactLevel] = Field(min_length=6, max_length=6)
    sections: list[Section] = Field(min_length=1)
    scoring: Scoring
    migrations: list[Migration] = []  #: from earlier versions to this one
    summary: SummarySpec | None = None  #: the answers the tjänsteskrivelse summary quotes

    @property
    def track(self) -> Literal["group", "individual"]:
        """Whom the assessment is about: children as a group, or one child (summary.track);
        texts generated for one child speak of "the child", never "the children"."""
        return self.summary.track if self.summary is not None else "group"

    def level_order(self) -> list[Band]:
        """The levels from lowest to highest."""
        return sorted(self.scoring.levels, key=lambda b: b.min)

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Every question by id, in order."""
        return {q.id: q for s in self.sections for q in s.questions}

    @cached_property
    def section_of(self) -> dict[str, Section]:
        return {q.id: s for s in self.sections for q in s.questions}

    @cached_property
    def numbering(self) -> dict[str, str]:
        """The number shown beside each question: section.question, from 1."""
        return {
            q.id: f"{si}.{qi}"
            for si, s in enumerate(self.sections, 1)
            for qi, q in enumerate(s.questions, 1)
        }

    def impact_label(self, value: int | str | None) -> Text:
        for level in self.impact_scale:
            if level.value == value:
                return level.label
        return "–"

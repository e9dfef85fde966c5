"""The follow-up of a decided assessment: creating it, linking it, and before beside after.

A follow-up is an assessment of its own, answered in the questionnaire whose `purpose` is
`follow_up` (questionnaires/bka-followup.yaml). `start` makes one from a decided original:
the rights the original rated are filled in to be rated again, and its measures are carried
over with owner, date and status. The link is stored on both (`follow_up_of` on the
follow-up, `follow_ups` on the original) so it travels with export and import. `compare`
builds the side-by-side content that the app and the PDF show; nothing here draws or stores.

When may a case be followed up? Once it is decided (beslutad): the follow-up date the
assessment set is when it is due (and overdue after), but a committee may ask for it earlier,
for instance after complaints, so the date does not block it. One follow-up is open at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core import measure_facts, measure_status
from app.core.catalog import Catalog
from app.core.dashboard import FOLLOW_UP_DATE
from app.core.fact_dates import as_day
from app.core.lifecycle import LifecycleRefused, mark_followed_up
from app.core.loading import normalise_answers
from app.core.models.approval import ReviewStanding
from app.core.models.assessment import Answer, Assessment, QuestionnaireRef
from app.core.models.questionnaire import Questionnaire
from app.core.models.scorecard import Rating, Scorecard
from app.core.scoring import decision_text, score
from app.core.substance import ReferenceText
from app.core.text import Text, tr

#: statuses of the original from which a follow-up can be started
MAY_START: tuple[str, ...] = ("decided", "followed_up")
#: the follow-up questionnaire's questions this module fills in and reads
RIGHTS = "rights_now"
MEASURES = "measures"
EXPECTATIONS = "expectations_met"
OUTCOME_TEXT = "outcome_described"
MEASURES_EFFECT = "measures_effect"
CHILDREN_HEARD = "children_heard"
CHILDREN_SAY = "children_say"
RECONSIDER = "reconsider"
RECONSIDER_WHY = "reconsider_why"
INDICATORS_NOW = "indicators_now"
TRIGGERS_MET = "triggers_met"
#: the original's questions the comparison reads beside them
MEASURE_QUESTIONS = ("measures",)
#: the original's follow-up plan, brought into the follow-up's questions of the same meaning:
#: what was to be followed, and what would make the committee reconsider
PLAN_CARRIED = {"follow_up_indicators": "planned_indicators",
                "reconsider_triggers": "planned_triggers"}


def follow_up_questionnaire(catalog: Catalog) -> Questionnaire | None:
    """The shipped questionnaire declared `purpose: follow_up` (the first, by id)."""
    for qid in sorted(catalog.questionnaires):
        q = catalog.questionnaires[qid]
        if q.purpose == "follow_up":
            return q
    return None


def is_follow_up(assessment: Assessment) -> bool:
    return assessment.follow_up_of is not None


def due(assessment: Assessment) -> dt.date | None:
    """The follow-up date the assessment set, if it set one."""
    answer = assessment.answers.get(FOLLOW_UP_DATE)
    return as_day(answer.value) if answer else None


def check_start(original: Assessment) -> None:
    """Raise LifecycleRefused unless a follow-up can be started from `original` now."""
    if is_follow_up(original):
        raise LifecycleRefused("followup_of_followup")
    if original.status not in MAY_START:
        raise LifecycleRefused("followup_not_decided")


def _rated(card: Scorecard) -> list[int]:
    return sorted({a.number for a in card.articles if a.short is not None or a.long is not None})


def _measures(original: Assessment) -> list[dict[str, Any]]:
    out = []
    for qid in MEASURE_QUESTIONS:
        items = original.value(qid)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and str(item.get("what") or "").strip():
                # the facts the original stated (decided, funded, ...) go with the measure, so
                # the follow-up shows what was promised and what bound it
                facts = {f: item[f] for f in measure_facts.KEYS if item.get(f)}
                out.append({"what": str(item["what"]), "who": str(item.get("who") or ""),
                            "due": item.get("due") or None,
                            "status": str(item.get("status") or measure_status.DEFAULT),
                            **facts})
    return out


def start(original: Assessment, card: Scorecard, q: Questionnaire, q_hash: str | None,
          now: dt.datetime) -> Assessment:
    """A new draft follow-up of `original` (scored as `card`), not yet stored: link it to the
    original with `link` once the store has given it an id."""
    check_start(original)
    question = q.questions[RIGHTS]
    rights = {str(n): {"short": None, "long": None, "children": ""}
              for n in _rated(card) if n not in question.articles}
    answers = {RIGHTS: Answer(value=rights)} if rights else {}
    if measures := _measures(original):
        answers[MEASURES] = Answer(value=measures)
    answers |= _plan(original, q)
    d = original.decision
    return Assessment(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version, hash=q_hash),
        language=original.language, decision=d.model_copy(update={"decision_date": None}),
        answers=answers, created=now, updated=now, personal_data=original.personal_data,
        follow_up_of=original.id,
        # the case's: whoever may see the original (its owner, its unit if shared) sees its
        # follow-up too (the login mode's roles, app/core/access.py)
        ownership=original.ownership)


def _plan(original: Assessment, q: Questionnaire) -> dict[str, Answer]:
    """The original's indicators and triggers, as written, for the follow-up to answer."""
    carried = {}
    for source, target in PLAN_CARRIED.items():
        text = original.value(source)
        if target in q.questions and isinstance(text, str) and text.strip():
            carried[target] = Answer(value=text)
    return carried


def link(original: Assessment, follow_up_id: str) -> Assessment:
    """The original with the follow-up's id added (once)."""
    if follow_up_id in original.follow_ups:
        return original
    return original.model_copy(update={"follow_ups": [*original.follow_ups, follow_up_id]})


def on_completed(original: Assessment, by: str, now: dt.datetime) -> Assessment:
    """The original once its follow-up is complete: uppföljd (unchanged if it already is)."""
    if original.status == "followed_up":
        return original
    return mark_followed_up(original, by or original.decision.official or "–", now)


# ------------------------------------------------------------------ before and after


@dataclass(frozen=True)
class RightRow:
    """One right: the original's expectation beside what the follow-up found."""

    number: int
    title: Text
    before_short: Rating
    before_long: Rating
    before: float | None  #: the original's combined rating
    after_short: Rating  #: here: what happened so far
    after_long: Rating  #: here: what is now expected from here on
    after: float | None
    change: str  #: better | same | worse | unknown | new | not_rated
    before_children: str
    after_children: str


@dataclass(frozen=True)
class MeasureRow:
    what: str
    who: str
    due: str
    planned: bool  #: in the original's action plan
    status: str  #: planned | ongoing | done | cancelled, as the follow-up records it
    #: what the original said binds it (decided, funded, bound, reduced, lasting), as stored
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """Everything the comparison shows; labels are Text (sv/en), user text as given."""

    original_id: str
    follow_up_id: str
    title: str
    original_level: Text | None
    follow_up_level: Text | None
    conclusion: Text | None  #: the original's best-interests conclusion
    decision_outcome: str | None  #: the committee's outcome (as_proposed, ...)
    due: dt.date | None  #: the follow-up date the original set
    rights: list[RightRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    #: question, answer: a choice's label (Text) or the text as given
    answers: list[tuple[Text, Text]] = field(default_factory=list)
    findings: list[Text] = field(default_factory=list)  #: the follow-up's findings
    #: the impact scale's labels by str(value): '-2' .. '2', 'unknown'
    scale: dict[str, Text] = field(default_factory=dict)
    #: whom the original is about (its questionnaire's track): measures for one child are
    #: described in the singular
    track: measure_facts.Track = "group"

    def rating(self, value: Rating, lang: str) -> str:
        """A rating as the scale names it, with its sign: '-1 Något försvagad'; '–' if none."""
        if value is None:
            return "–"
        label = tr(self.scale.get(str(value), str(value)), lang)
        if value == "unknown":
            return label
        return f"{value:+d} {label}" if value else f"0 {label}"


def _change(before: float | None, after: float | None, in_before: bool, in_after: bool) -> str:
    if not in_before:
        return "new"
    if not in_after:
        return "not_rated"
    if before is None or after is None:
        return "unknown"
    if after > before + 0.25:
        return "better"
    if after < before - 0.25:
        return "worse"
    return "same"


def _choice(q: Questionnaire, values: dict[str, Any], qid: str) -> Text:
    value = values.get(qid)
    question = q.questions.get(qid)
    if value is None or question is None:
        return ""
    return question.option_label(str(value))


def compare(original: Assessment, card_before: Scorecard, follow_up: Assessment,
            card_after: Scorecard, fq: Questionnaire, values_after: dict[str, Any],
            catalog: Catalog) -> Comparison:
    """Before beside after, computed from both assessments' scorecards and answers."""
    titles = {a.number: a.title for a in catalog.library.articles}
    before = {a.number: a for a in card_before.articles}
    after = {a.number: a for a in card_after.articles}
    rows = []
    for n in sorted(set(before) | set(after)):
        b, a = before.get(n), after.get(n)
        in_after = a is not None and (a.short is not None or a.long is not None)
        rows.append(RightRow(
            number=n, title=titles.get(n, str(n)),
            before_short=b.short if b else None, before_long=b.long if b else None,
            before=b.combined if b else None,
            after_short=a.short if a else None, after_long=a.long if a else None,
            after=a.combined if a else None,
            change=_change(b.combined if b else None, a.combined if a else None,
                           b is not None, in_after),
            before_children=b.children if b else "", after_children=a.children if a else ""))
    planned = {(m["what"], m["who"]) for m in _measures(original)}
    measures = []
    items = values_after.get(MEASURES)
    for m in items if isinstance(items, list) else []:
        if str(m.get("what") or "").strip():
            measures.append(MeasureRow(what=m["what"], who=m.get("who") or "",
                                       due=str(m.get("due") or ""),
                                       planned=(m["what"], m.get("who") or "") in planned,
                                       status=m.get("status") or measure_status.DEFAULT,
                                       facts={f: str(m[f]) for f in measure_facts.KEYS
                                              if m.get(f)}))
    answers: list[tuple[Text, Text]] = []
    for qid in (EXPECTATIONS, OUTCOME_TEXT, *PLAN_CARRIED.values(), INDICATORS_NOW,
                TRIGGERS_MET, MEASURES_EFFECT, CHILDREN_HEARD, CHILDREN_SAY, RECONSIDER,
                RECONSIDER_WHY):
        question = fq.questions.get(qid)
        if question is None or qid not in card_after.visible:
            continue
        shown = _choice(fq, values_after, qid) if question.type == "choice" else str(
            values_after.get(qid) or "")
        answers.append((question.text, shown))
    concl = card_before.conclusion
    cd = original.committee_decision
    return Comparison(
        original_id=original.id or "", follow_up_id=follow_up.id or "",
        title=original.decision.title,
        original_level=card_before.level.label if card_before.level else None,
        follow_up_level=card_after.level.label if card_after.level else None,
        conclusion=concl.outcome_label if concl else None,
        decision_outcome=cd.outcome if cd else None, due=due(original),
        rights=rows, measures=measures, answers=answers,
        findings=[f.message for f in card_after.flags],
        scale={str(level.value): level.label for level in fq.impact_scale},
        track=_track(original, catalog))


def _track(original: Assessment, catalog: Catalog) -> measure_facts.Track:
    q = catalog.questionnaire(original.questionnaire.id)
    return q.track if q is not None else "group"


def scored(assessment: Assessment, catalog: Catalog, review: ReviewStanding | None = None,
           others: tuple[ReferenceText, ...] = (),
           ) -> tuple[Questionnaire, dict[str, Any], Scorecard] | None:
    """The questionnaire, normalised answers and scorecard of an assessment (None when its
    questionnaire is not shipped); `review` the approval the installation recorded."""
    q = catalog.questionnaire(assessment.questionnaire.id)
    if q is None:
        return None
    values, _ = normalise_answers(assessment, q)
    d = assessment.decision
    return q, values, score(q, values, catalog.library, decision_text(d.title, d.description),
                         d.decision_date, catalog.law,
                         catalog.references + others, review=review)


def comparison(original: Assessment, follow_up: Assessment, catalog: Catalog,
               reviews: Mapping[str, ReviewStanding] | None = None) -> Comparison:
    """`compare` from the two stored assessments; LifecycleRefused when one cannot be scored.
    `reviews`: id -> the approval the installation recorded of each."""
    given = reviews or {}
    first = scored(original, catalog, given.get(original.id or ""))
    second = scored(follow_up, catalog, given.get(follow_up.id or ""))
    if first is None or second is None:
        raise LifecycleRefused("questionnaire_missing")
    return compare(original, first[2], follow_up, second[2], second[0], second[1], catalog)

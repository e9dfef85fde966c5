"""The answers an assessment shows: its questions' conditions applied.

One rule for every document and file that leaves the app (the report and the assessment it
carries, the summary, the letter to the children, exports): an answer to a question that the
other answers hide is not part of the assessment any more. It stays in the stored record (the
official may switch the condition back), but nothing generated may quote or carry it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from app.core.catalog import Catalog
from app.core.evaluation import Evaluation
from app.core.loading import normalise_answers
from app.core.models.assessment import Assessment
from app.core.models.questionnaire import Questionnaire


def shown_ids(questionnaire: Questionnaire, values: dict[str, Any]) -> frozenset[str]:
    """The questions the answers leave visible (the same evaluation scoring uses)."""
    visible = Evaluation(questionnaire, values).visible
    return frozenset(qid for qid in questionnaire.questions if visible.get(qid))


def shown_values(assessment: Assessment, questionnaire: Questionnaire) -> dict[str, Any]:
    """Normalised answers of visible questions only."""
    values, _ = normalise_answers(assessment, questionnaire)
    ids = shown_ids(questionnaire, values)
    return {qid: v for qid, v in values.items() if qid in ids}


def keep_shown(assessment: Assessment, questionnaire: Questionnaire,
               visible: Collection[str]) -> Assessment:
    """The assessment without the answers (and comments) of hidden questions.

    An answer to a question the questionnaire no longer has is kept: the report prints it as
    an earlier version's answer, so it is shown. An assessment answered in another version is
    returned as it is, since its answers' ids are not the questionnaire's.
    """
    if assessment.questionnaire.version != questionnaire.version:
        return assessment
    kept = {qid: a for qid, a in assessment.answers.items()
            if qid in visible or qid not in questionnaire.questions}
    if len(kept) == len(assessment.answers):
        return assessment
    return assessment.model_copy(update={"answers": kept})


def shown_only(assessment: Assessment, catalog: Catalog) -> Assessment:
    """keep_shown against the catalog's questionnaire; unchanged when the catalog lacks it."""
    questionnaire = catalog.questionnaire(assessment.questionnaire.id)
    if questionnaire is None or assessment.questionnaire.version != questionnaire.version:
        return assessment
    values, _ = normalise_answers(assessment, questionnaire)
    return keep_shown(assessment, questionnaire, shown_ids(questionnaire, values))

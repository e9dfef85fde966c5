"""The scorecard: every figure computed from the answers by the questionnaire's `scoring:`."""

from __future__ import annotations

from typing import Any

from app.core.answers import is_answered
from app.core.evaluation import Evaluation
from app.core.group_impacts import group_impacts
from app.core.models.article import ArticleLibrary
from app.core.models.questionnaire import Band, Questionnaire
from app.core.models.scorecard import (
    ClusterImpact,
    CriterionResult,
    FlagResult,
    LevelResult,
    Scorecard,
)


def score(q: Questionnaire, values: dict[str, Any], library: ArticleLibrary) -> Scorecard:
    """Score answers (question id -> normalised value) against a questionnaire."""
    ev = Evaluation(q, values)
    s = q.scoring
    criteria = [
        CriterionResult(id=c.id, label=c.label, points=c.points, met=ev.holds(c.when))
        for c in s.process_quality
    ]
    quality = sum(c.points for c in criteria if c.met)
    required = [qid for qid, qu in q.questions.items() if qu.required and ev.visible.get(qid)]
    missing = [qid for qid in required if not is_answered(q.questions[qid], values.get(qid))]
    completeness = 100.0 if not required else 100.0 * (len(required) - len(missing)) / len(required)
    overall = s.overall.process_quality * quality + s.overall.completeness * completeness
    combined = ev.combined
    balance = sum(combined.values()) / len(combined) if combined else None
    balance_band = _band(s.impact.balance_bands, balance) if balance is not None else None
    level = _band(s.levels, overall)
    return Scorecard(
        questionnaire=q.id,
        version=q.version,
        articles=ev.article_impacts,
        clusters=_clusters(combined, library),
        balance=balance,
        balance_label=balance_band.label if balance_band else None,
        negative=sum(1 for v in combined.values() if v < 0),
        positive=sum(1 for v in combined.values() if v > 0),
        process_quality=quality,
        criteria=criteria,
        completeness=completeness,
        required_visible=len(required),
        required_answered=len(required) - len(missing),
        missing=missing,
        overall=overall,
        level=LevelResult(label=level.label, meaning=level.meaning, min=level.min, max=level.max)
        if level
        else None,
        flags=[
            FlagResult(id=f.id, severity=f.severity, message=f.message, question=f.question)
            for f in s.flags
            if ev.holds(f.when)
        ],
        visible=[qid for qid in q.questions if ev.visible.get(qid)],
        groups=group_impacts(ev),
    )


def _band(bands: list[Band], value: float) -> Band | None:
    top = max(bands, key=lambda b: b.max)
    return next((b for b in bands if b.contains(value, b is top)), None)


def _clusters(combined: dict[int, float], library: ArticleLibrary) -> list[ClusterImpact]:
    result = []
    for cluster in library.clusters:
        rated = [n for n in library.cluster_members.get(cluster.id, []) if n in combined]
        mean = sum(combined[n] for n in rated) / len(rated) if rated else None
        result.append(ClusterImpact(id=cluster.id, title=cluster.title, mean=mean, articles=rated))
    return result

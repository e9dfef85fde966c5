"""Names of the widget keys that hold an answer while it is being edited."""

from __future__ import annotations


def key(assessment_id: str, question_id: str, part: str = "") -> str:
    """Widget keys start with 'q:' so that closing an assessment can clear them all."""
    return f"q:{assessment_id}:{question_id}:{part}"

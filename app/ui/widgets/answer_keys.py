"""Names of the widget keys that hold an answer while it is being edited."""

from __future__ import annotations


def key(assessment_id: str, question_id: str, part: str = "") -> str:
    """Widget keys start with 'q:' so that closing an assessment can clear them all."""
    return f"q:{assessment_id}:{question_id}:{part}"


#: (assessment id, step) whose widgets the browser was last sent; None after another page
#: was drawn. A change reported for a question not on that step is not the person's.
ON_SCREEN = "on_screen"

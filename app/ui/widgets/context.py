"""What every question widget shares: where its answer lives, how it is saved, and how the
question is labelled (visibly in Markdown, and for a screen reader in plain words)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from app.core.fact_dates import as_day
from app.core.models.article import ArticleLibrary
from app.core.models.assessment import Answer
from app.core.models.questionnaire import Question, Questionnaire
from app.core.text import tr
from app.ui.strings.i18n import t
from app.ui.widgets.answer_keys import key

Save = Callable[[str, Any], None]  # (question id, new value) -> None


class Ctx:
    """What a widget needs: where the answer lives and how to save it."""

    def __init__(
        self,
        aid: str,
        q: Questionnaire,
        library: ArticleLibrary,
        lang: str,
        values: dict[str, Any],
        answers: dict[str, Answer],
        save: Save,
        seen: dict[str, Answer | None],
        locked: bool = False,
    ) -> None:
        self.aid, self.q, self.library, self.lang = aid, q, library, lang
        self.values, self.answers, self.save, self.seen = values, answers, save, seen
        self.locked = locked  #: a completed assessment is read until it is reopened

    def k(self, question: Question, part: str = "") -> str:
        return key(self.aid, question.id, part)

    def seed(self, widget_key: str, value: Any) -> None:
        """Start a widget from the stored answer when it is drawn afresh in this session.

        What the widget starts from is remembered as what this tab has seen, so that a save
        can tell when another tab changed the same answer in between.
        """
        if widget_key not in st.session_state:
            st.session_state[widget_key] = value
            question_id = widget_key.split(":")[2]
            self.seen[question_id] = self.answers.get(question_id)


def markdown_label(ctx: Ctx, question: Question) -> str:
    """The question as it is seen: number in bold, a star when required (Markdown)."""
    number = ctx.q.numbering[question.id]
    star = " \\*" if question.required else ""
    return f"**{number}** {tr(question.text, ctx.lang)}{star}"


def name(ctx: Ctx, question: Question) -> str:
    """The question as a screen reader says it: plain text, "required" in words.

    Streamlit uses a widget's label as its accessible name verbatim, Markdown and all, so
    every widget gets this plain name with its label collapsed, and _show_label draws the
    formatted one just above it."""
    number = ctx.q.numbering[question.id]
    required = f" ({t('required_word', ctx.lang)})" if question.required else ""
    return f"{number} {tr(question.text, ctx.lang)}{required}"


def show_label(ctx: Ctx, question: Question, suffix: str = "") -> None:
    field_label(ctx.k(question), markdown_label(ctx, question) + suffix)


def field_label(widget_key: str, markdown: str) -> None:
    """A visible label drawn as Markdown above a widget whose own label is collapsed (the
    widget keeps a plain accessible name); styled as a label by theme.py."""
    with st.container(key=f"bka-label-{widget_key}"):
        st.markdown(markdown)


def to_date(value: Any) -> dt.date | None:
    """A date widget's starting day: the answer as the rules and the report read it."""
    return as_day(value)

"""One widget per question type. Values are read from and written to the store via callbacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from app.core.models.article import ArticleLibrary
from app.core.models.assessment import Answer
from app.core.models.questionnaire import IMPACT_VALUES, Question, Questionnaire
from app.core.privacy import personal_data_kinds
from app.core.text import tr
from app.ui.answer_keys import key
from app.ui.group_ratings import draw_group_ratings, read_group_ratings
from app.ui.i18n import t
from app.ui.safe import md

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


def _label(ctx: Ctx, question: Question) -> str:
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


def _show_label(ctx: Ctx, question: Question, suffix: str = "") -> None:
    field_label(ctx.k(question), _label(ctx, question) + suffix)


def field_label(widget_key: str, markdown: str) -> None:
    """A visible label drawn as Markdown above a widget whose own label is collapsed (the
    widget keeps a plain accessible name); styled as a label by theme.py."""
    with st.container(key=f"bka-label-{widget_key}"):
        st.markdown(markdown)


def _changed(
    ctx: Ctx, question: Question, widget_key: str, convert: Callable[[Any], Any] = lambda v: v
) -> None:
    ctx.save(question.id, convert(st.session_state.get(widget_key)))


def draw(ctx: Ctx, question: Question) -> None:
    """Draw the question's widget, seeded from the stored answer; under a law-check question,
    the legal rules for the area picked (app/ui/law_panel.py)."""
    DRAWERS[question.type](ctx, question)
    if question.law is not None:
        from app.ui.law_panel import draw_law
        from app.ui.state import catalog

        draw_law(catalog().law, ctx.q, question, ctx.values, ctx.lang)


def _choice(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    _show_label(ctx, question)
    st.radio(
        name(ctx, question),
        question.option_values,
        key=k,
        index=None,
        label_visibility="collapsed",
        format_func=lambda v: tr(question.option_label(v), ctx.lang),
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )


def _multi(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, list(ctx.values.get(question.id) or []))
    _show_label(ctx, question)
    st.multiselect(
        name(ctx, question),
        question.option_values,
        key=k,
        label_visibility="collapsed",
        format_func=lambda v: tr(question.option_label(v), ctx.lang),
        placeholder=t("choose_any", ctx.lang),
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k, lambda v: v or None),
    )


def _scale(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    low, high = int(question.min or 0), int(question.max or 0)
    _show_label(ctx, question)
    st.radio(
        name(ctx, question),
        list(range(low, high + 1)),
        key=k,
        index=None,
        label_visibility="collapsed",
        horizontal=True,
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )
    ends = [tr(question.min_label, ctx.lang), tr(question.max_label, ctx.lang)]
    if any(ends):
        st.caption(md(f"{low} = {ends[0]} · {high} = {ends[1]}"))


def _text(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id) or "")
    widget = st.text_area if question.multiline else st.text_input
    _show_label(ctx, question)
    widget(
        name(ctx, question),
        key=k,
        label_visibility="collapsed",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k, lambda v: v if v and v.strip() else None),
    )
    warn_personal_data(st.session_state.get(k), ctx.lang)


def warn_personal_data(text: str | None, lang: str) -> None:
    for kind in personal_data_kinds(text):
        st.warning(t(f"personal_data_{kind}", lang), icon="⚠️")


def _number(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, ctx.values.get(question.id))
    unit = tr(question.unit, ctx.lang)
    _show_label(ctx, question, f" ({md(unit)})" if unit else "")
    st.number_input(
        name(ctx, question) + (f", {unit}" if unit else ""),
        key=k,
        label_visibility="collapsed",
        value=None,
        min_value=question.min,
        max_value=question.max,
        step=1.0,
        format="%g",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k),
    )


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _date(ctx: Ctx, question: Question) -> None:
    k = ctx.k(question)
    ctx.seed(k, _to_date(ctx.values.get(question.id)))
    _show_label(ctx, question)
    st.date_input(
        name(ctx, question),
        key=k,
        value=None,
        format="YYYY-MM-DD",
        label_visibility="collapsed",
        disabled=ctx.locked,
        on_change=_changed,
        args=(ctx, question, k, lambda v: v.isoformat() if v else None),
    )


def _rating_label(ctx: Ctx, value: Any) -> str:
    if value is None:
        return "–"
    prefix = "" if value == "unknown" else f"{value:+d} " if value else "0 "
    return prefix + tr(ctx.q.impact_label(value), ctx.lang)


def _impact(ctx: Ctx, question: Question) -> None:
    _show_label(ctx, question)
    stored: dict[int, dict[str, Any]] = dict(ctx.values.get(question.id) or {})
    articles = list(question.articles)
    if question.selectable:
        # Article 3 is answered by the best-interests conclusion, never by a rating.
        skip = {*question.articles, *ctx.q.scoring.impact.conclusion_articles}
        choices = [n for n in range(1, 43) if n not in skip]
        extra_key = ctx.k(question, "extra")
        ctx.seed(extra_key, [n for n in stored if n in choices])
        st.multiselect(
            t("impact_add_articles_name", ctx.lang, number=ctx.q.numbering[question.id]),
            choices,
            key=extra_key,
            format_func=lambda n: f"{n} {tr(ctx.library.by_number[n].title, ctx.lang)}",
            placeholder=t("impact_add_placeholder", ctx.lang),
            disabled=ctx.locked,
            on_change=_impact_changed,
            args=(ctx, question),
        )
        articles += list(st.session_state.get(extra_key) or [])
    for number in articles:
        entry = stored.get(number, {})
        article = ctx.library.by_number[number]
        marker = " ★" if article.principle else ""
        with st.container(border=True):
            title, about = st.columns([5, 1])
            title.markdown(
                f"**{t('article', ctx.lang)} {number}. {tr(article.title, ctx.lang)}{marker}**"
            )
            with about.popover(t("about_article_number", ctx.lang, number=number),
                               use_container_width=True):
                st.write(tr(article.summary, ctx.lang))
            cols = st.columns([2, 2, 3])
            # Each field names its article: eighteen fields called "På kort sikt" say nothing.
            where = t("impact_field_name", ctx.lang, number=number,
                      title=tr(article.title, ctx.lang), field="{field}")
            for col, term in ((cols[0], "short"), (cols[1], "long")):
                k = ctx.k(question, f"{number}:{term}")
                ctx.seed(k, entry.get(term))
                with col:
                    field_label(k, t(f"impact_{term}", ctx.lang))
                col.selectbox(
                    where.format(field=t(f"impact_{term}", ctx.lang)),
                    list(IMPACT_VALUES),
                    label_visibility="collapsed",
                    key=k,
                    index=None,
                    format_func=lambda v: _rating_label(ctx, v),
                    placeholder=t("impact_choose", ctx.lang),
                    disabled=ctx.locked,
                    on_change=_impact_changed,
                    args=(ctx, question),
                )
            k = ctx.k(question, f"{number}:children")
            ctx.seed(k, entry.get("children", ""))
            with cols[2]:
                field_label(k, t("impact_children", ctx.lang))
            cols[2].text_input(
                where.format(field=t("impact_children", ctx.lang)),
                label_visibility="collapsed",
                key=k,
                placeholder=t("impact_children_placeholder", ctx.lang),
                disabled=ctx.locked,
                on_change=_impact_changed,
                args=(ctx, question),
            )
            if question.groups is not None:
                draw_group_ratings(ctx, question, number, entry,
                                   lambda v: _rating_label(ctx, v), _impact_changed)


def _impact_changed(ctx: Ctx, question: Question) -> None:
    articles = list(question.articles)
    if question.selectable:
        articles += list(st.session_state.get(ctx.k(question, "extra")) or [])
    value: dict[int, dict[str, Any]] = {}
    for number in articles:
        entry = {
            term: st.session_state.get(ctx.k(question, f"{number}:{term}"))
            for term in ("short", "long")
        }
        entry["children"] = st.session_state.get(ctx.k(question, f"{number}:children")) or ""
        if question.groups is not None:
            groups = read_group_ratings(ctx, question, number)
            if groups:
                entry["groups"] = groups
        if (
            entry["short"] is not None
            or entry["long"] is not None
            or entry["children"]
            or entry.get("groups")
            or number not in question.articles
        ):
            value[number] = entry
    ctx.save(question.id, value or None)


_ACTION_FIELDS = ("what", "who", "due", "status")


def _actions(ctx: Ctx, question: Question) -> None:
    st.markdown(_label(ctx, question))
    rows_key = ctx.k(question, "rows")
    ctx.seed(rows_key, len(ctx.values.get(question.id) or []) or 1)
    stored = list(ctx.values.get(question.id) or [])
    # Every field has its own visible label (rows stack on a narrow screen, where a heading
    # row would be far away) and a name with its row: "Ansvarig, åtgärd 2".
    for i in range(st.session_state[rows_key]):
        item = stored[i] if i < len(stored) else {}
        cols = st.columns([4, 3, 2, 2, 2], vertical_alignment="bottom")
        row = i + 1
        for col, field in zip(cols, _ACTION_FIELDS, strict=False):
            k = ctx.k(question, f"{i}:{field}")
            shown = t(f"action_{field}", ctx.lang)
            with col:
                field_label(k, t("action_what_row", ctx.lang, row=row) if field == "what"
                            else shown)
            label = t("action_field_name", ctx.lang, field=shown, row=row)
            if field == "due":
                ctx.seed(k, _to_date(item.get("due")))
                col.date_input(
                    label,
                    key=k,
                    value=None,
                    format="YYYY-MM-DD",
                    label_visibility="collapsed",
                    disabled=ctx.locked,
                    on_change=_actions_changed,
                    args=(ctx, question),
                )
            elif field == "status":
                ctx.seed(k, item.get("status", "open"))
                col.selectbox(
                    label,
                    ["open", "done"],
                    key=k,
                    label_visibility="collapsed",
                    format_func=lambda v: t(f"action_status_{v}", ctx.lang),
                    disabled=ctx.locked,
                    on_change=_actions_changed,
                    args=(ctx, question),
                )
            else:
                ctx.seed(k, item.get(field, ""))
                col.text_input(
                    label,
                    key=k,
                    label_visibility="collapsed",
                    disabled=ctx.locked,
                    on_change=_actions_changed,
                    args=(ctx, question),
                )
        cols[4].button(
            t("action_remove_row", ctx.lang, row=row),
            key=ctx.k(question, f"{i}:remove"),
            icon=":material/delete:",
            type="tertiary",
            disabled=ctx.locked,
            on_click=_remove_action,
            args=(ctx, question, i),
        )
    st.button(
        t("action_add", ctx.lang),
        key=ctx.k(question, "add"),
        disabled=ctx.locked,
        on_click=_add_action,
        args=(ctx, question),
    )


def _collect_actions(ctx: Ctx, question: Question) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(st.session_state[ctx.k(question, "rows")]):
        row = {f: st.session_state.get(ctx.k(question, f"{i}:{f}")) for f in _ACTION_FIELDS}
        row["due"] = row["due"].isoformat() if isinstance(row["due"], dt.date) else None
        row["status"] = row["status"] or "open"
        row["what"], row["who"] = row["what"] or "", row["who"] or ""
        rows.append(row)
    return rows


def _actions_changed(ctx: Ctx, question: Question) -> None:
    rows = [
        r
        for r in _collect_actions(ctx, question)
        if r["what"].strip() or r["who"].strip() or r["due"]
    ]
    ctx.save(question.id, rows or None)


def _add_action(ctx: Ctx, question: Question) -> None:
    st.session_state[ctx.k(question, "rows")] += 1


def _remove_action(ctx: Ctx, question: Question, index: int) -> None:
    rows = _collect_actions(ctx, question)
    del rows[index]
    prefix = ctx.k(question, "")
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[k]
    st.session_state[ctx.k(question, "rows")] = max(len(rows), 1)
    kept = [r for r in rows if r["what"].strip() or r["who"].strip() or r["due"]]
    ctx.values[question.id] = kept
    ctx.save(question.id, kept or None)


WIDE_TYPES = ("impact", "actions")  # drawn across the page, with the help above

DRAWERS: dict[str, Callable[[Ctx, Question], None]] = {
    "choice": _choice,
    "multi": _multi,
    "scale": _scale,
    "text": _text,
    "number": _number,
    "date": _date,
    "impact": _impact,
    "actions": _actions,
}

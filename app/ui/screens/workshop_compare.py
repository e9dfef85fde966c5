"""The groups side by side: scores, per-article ratings, and the questions to discuss first."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app.core.answer_text import answer_text
from app.core.comparison import ArticleRow, Comparison, Item, compare
from app.core.debrief import PARTS
from app.core.models.case import Case
from app.core.models.questionnaire import Questionnaire
from app.core.models.workshop import Workshop
from app.core.numbers import number as decimal
from app.core.numbers import percent
from app.core.text import tr
from app.ui import palette
from app.ui.safe import md
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.charts import chart_with_table
from app.ui.widgets.tables import text_table

PER_ROW = 4  # score cards side by side
TOP = 8  # agenda items shown at once; the rest behind an expander
COLUMNS_UP_TO = 4  # more groups than this: answers in a table instead of columns
NARROW_PX = 420  # a plot narrower than this (a phone) slants the group names
NEGATIVE, NEUTRAL, POSITIVE = palette.NEGATIVE, palette.NEUTRAL, palette.POSITIVE
INK = palette.INK  # axis labels dark enough for a washed-out projector


def comparison(w: Workshop, case: Case | None, lang: str) -> None:
    cat = state.catalog()
    q = cat.questionnaire(w.questionnaire)
    if q is None:
        st.error(t("questionnaire_missing", lang, id=w.questionnaire))
        return
    left, right = st.columns(2)
    left.button(t("ws_refresh", lang), key=f"ws_cmp_refresh:{w.id}")
    right.page_link(st.session_state["pages"]["present"], label=t("pr_open", lang),
                    icon=":material/slideshow:", query_params={"workshop": w.id})
    result = compare(q, cat.library, workshop_state.store().group_inputs(w, q),
                     case.key_articles if case else [], case)
    scores(result, lang)
    rules(result, lang)
    articles(result, lang)
    agenda(result, q, lang)
    free_text(result, q, lang)


def scores(result: Comparison, lang: str) -> None:
    st.header(t("ws_scores", lang), anchor=False)
    groups = result.groups
    for start in range(0, len(groups), PER_ROW):
        for column, g in zip(st.columns(PER_ROW), groups[start:start + PER_ROW], strict=False):
            card = g.card
            with column.container(border=True):
                st.markdown(f"### {md(g.name)}")  # h3 under the h2 above: headings in order
                st.metric(tr(card.level.label, lang) if card.level else "–",
                          f"{decimal(card.overall, lang)}/100")
                balance = decimal(card.balance, lang, 1, sign=True) if card.balance is not None \
                    else "–"
                st.markdown(t("ws_score_lines", lang, quality=decimal(card.process_quality, lang),
                              completeness=decimal(card.completeness, lang), balance=balance))
                if result.rules:
                    index = groups.index(g)
                    caught, points = result.caught(index)
                    made, mistakes = result.made(index)
                    st.markdown(t("ws_rule_counts", lang, caught=caught, points=points,
                                  made=made, mistakes=mistakes))
                if card.serious:
                    st.caption(t("ws_serious_count", lang, count=len(card.serious)))


def rules(result: Comparison, lang: str) -> None:
    """The case's key points and common mistakes: which group caught or made each."""
    if not result.rules:
        return
    st.header(t("ws_rules", lang), anchor=False)
    st.caption(t("ws_rules_help", lang))
    for kind in ("key_point", "mistake"):
        rows = []
        for row in (r for r in result.rules if r.kind == kind):
            entry: dict[str, Any] = {t(f"ws_rule_{kind}", lang): tr(row.label, lang)}
            for g, holds in zip(result.groups, row.holds, strict=True):
                mark = ("✓ " + t("ws_caught", lang)) if kind == "key_point" else \
                    ("✗ " + t("ws_made", lang))
                entry[g.name] = mark if holds else "–"
            rows.append(entry)
        if rows:
            text_table(rows)


def articles(result: Comparison, lang: str) -> None:
    st.header(t("ws_articles", lang), anchor=False)
    if not result.articles:
        st.info(t("ws_no_ratings", lang))
        return
    st.caption(t("ws_articles_help", lang))
    library = state.catalog().library
    rows: list[dict[str, Any]] = []
    for row in result.articles:
        title = tr(library.by_number[row.number].title, lang)
        label = f"{row.number}. {title}" + (" ★" if row.key else "")
        for i, (g, rating) in enumerate(zip(result.groups, row.ratings, strict=True)):
            rows.append({"article": label, "order": row.number, "group": g.name,
                         "rating": rating, "shown": cell_text(row, i, rating, lang),
                         # black or white, whichever reads better on the cell (palette.py)
                         "ink": palette.cell_ink(rating or 0)})
    data = pd.DataFrame(rows)
    many = len(result.groups) > COLUMNS_UP_TO  # names would overlap: slant them
    # A phone's narrow plot (Vega's `width` signal) slants the names too and shortens the
    # article titles, or four group names run into one another.
    narrow = f"width < {NARROW_PX}"
    slant = alt.ExprRef(f"{narrow} || {str(many).lower()} ? -35 : 0")
    base = alt.Chart(data).encode(
        x=alt.X("group:N", sort=[g.name for g in result.groups], title=None,
                axis=alt.Axis(orient="top", labelAngle=slant, labelOverlap=False,
                              labelAlign=alt.ExprRef(f"{narrow} || {str(many).lower()} ? "
                                                     "'left' : 'center'"),
                              labelFontSize=16, labelColor=INK, labelLimit=220)),
        y=alt.Y("article:N", sort=alt.EncodingSortField("order"), title=None,
                axis=alt.Axis(labelFontSize=15, labelOverlap=False, labelColor=INK,
                              labelLimit=alt.ExprRef(f"{narrow} ? 130 : 360"))))
    cells = base.mark_rect(stroke="white", strokeWidth=2, aria=False).encode(
        color=alt.Color("rating:Q", scale=alt.Scale(domain=[-2, 0, 2],
                                                    range=[NEGATIVE, NEUTRAL, POSITIVE],
                                                    interpolate="rgb"),
                        legend=alt.Legend(title=t("ws_rating", lang), orient="bottom")))
    # The figure's ink is a fixed value chosen per cell, never a second colour scale: a layer
    # with `scale=None` merged into the cells' shared rating scale leaves Vega a null scale, and
    # the whole chart fails to draw ("Cannot read properties of null (reading 'type')").
    text = base.mark_text(fontSize=18, fontWeight="bold", aria=False).encode(
        text="shown:N", color=alt.condition(f"datum.ink == '{palette.WHITE}'",
                                            alt.value(palette.WHITE), alt.value(palette.BLACK)))
    height = 44 * len(result.articles) + 140  # slanted names (many groups, a phone) need room
    names = [g.name for g in result.groups]
    table = pd.DataFrame(
        [[label, *(r["shown"] for r in rows if r["article"] == label)]
         for label in dict.fromkeys(r["article"] for r in rows)],
        columns=[t("article", lang), *names])
    description = t("ws_articles_description", lang, groups=len(names),
                    articles=len(result.articles))
    chart_with_table((cells + text).properties(height=height), description, table, lang,
                     "ws-articles")


def cell_text(row: ArticleRow, index: int, rating: float | None, lang: str) -> str:
    """A rating as "−1,5"; an article assessed by the conclusion as the group's conclusion."""
    if row.conclusions is not None:
        given = row.conclusions[index]
        return tr(given, lang) if given is not None else "–"
    return "–" if rating is None else decimal(rating, lang, 1, sign=True)


def agenda(result: Comparison, q: Questionnaire, lang: str) -> None:
    st.header(t("ws_agenda", lang), anchor=False)
    if len(result.groups) < 2:
        st.info(t("ws_agenda_one_group", lang))
        return
    if not result.agenda:
        st.info(t("ws_agenda_empty", lang))
        return
    st.caption(t("ws_agenda_help", lang))
    numbered = list(enumerate(result.agenda, 1))
    for part in PARTS:  # the heart of the case, most groups' differences, then the rest
        items = [(n, i) for n, i in numbered if i.part == part]
        if not items:
            continue
        st.subheader(t(f"ws_part_{part}", lang), anchor=False)
        shown, more = (items, []) if part != "rest" else (items[:TOP], items[TOP:])
        for number, item in shown:
            agenda_item(number, item, result, q, lang)
        if more:
            with st.expander(t("ws_agenda_more", lang, count=len(more))):
                for number, item in more:
                    agenda_item(number, item, result, q, lang)
    st.caption(t("ws_method", lang))


def item_title(item: Item, q: Questionnaire, lang: str) -> tuple[str, str]:
    """Heading and the line under it, our words only: for an article of an impact question the
    article is the point (the question is the same for all of them)."""
    asked = tr(q.questions[item.question].text, lang)
    where = t("ws_question_no", lang, number=q.numbering[item.question])
    if item.article is None:
        return asked, where
    article = state.catalog().library.by_number[item.article]
    return f"{t('article', lang)} {item.article}: {tr(article.title, lang)}", f"{asked} ({where})"


def agenda_item(number: int, item: Item, result: Comparison, q: Questionnaire,
                lang: str) -> None:
    title, where = item_title(item, q, lang)
    share = item.disagreement or 0.0
    with st.container(border=True):
        st.markdown(f"#### {number}. {md(title)}")  # under the part's h3
        st.progress(share, text=t("ws_disagreement", lang, percent=percent(100 * share, lang))
                    + " · " + t("ws_answered_by", lang, answered=item.answered,
                                groups=len(result.groups)) + " · " + md(where))
        side_by_side(item, result, q, lang)


def side_by_side(item: Item, result: Comparison, q: Questionnaire, lang: str) -> None:
    """Each group's answer: columns for a few groups, a table for many."""
    question = q.questions[item.question]
    texts = [answer_text(q, question, a, lang) or "–" for a in item.answers]
    names = [g.name for g in result.groups]
    if len(names) <= COLUMNS_UP_TO:
        for column, name, text in zip(st.columns(len(names)), names, texts, strict=True):
            column.markdown(f"**{md(name)}**")  # read from the back of the room
            column.markdown(md(text))
        return
    text_table(pd.DataFrame({t("ws_group", lang): names, t("ws_answer", lang): texts}))


def free_text(result: Comparison, q: Questionnaire, lang: str) -> None:
    if not result.listed:
        return
    with st.expander(t("ws_free_text", lang, count=len(result.listed))):
        st.caption(t("ws_free_text_help", lang))
        by_id = {i.question: i for i in result.listed}
        chosen = st.selectbox(t("ws_question", lang), list(by_id),
                              format_func=lambda qid: " · ".join(
                                  reversed(item_title(by_id[qid], q, lang))))
        side_by_side(by_id[chosen], result, q, lang)

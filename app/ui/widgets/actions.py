"""The measures question: rows of what, who, by when and status, added and removed in place."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import streamlit as st

from app.core import measure_facts, measure_status
from app.core.evaluation import Evaluation
from app.core.models.questionnaire import Question
from app.core.review_list import target_options
from app.ui.strings.i18n import t, t_for
from app.ui.widgets.context import Ctx, field_label, markdown_label, to_date

_ACTION_FIELDS = ("what", "who", "due", "status")


def draw_actions(ctx: Ctx, question: Question) -> None:
    st.markdown(markdown_label(ctx, question))
    rows_key = ctx.k(question, "rows")
    ctx.seed(rows_key, len(ctx.values.get(question.id) or []) or 1)
    stored = list(ctx.values.get(question.id) or [])
    # The weakened rights and groups a measure can say it addresses (scoring counts a measure
    # as mitigation only for the harm it names).
    targets = dict(target_options(Evaluation(ctx.q, ctx.values, ctx.library), ctx.lang))
    # Every field has its own visible label (rows stack on a narrow screen, where a heading
    # row would be far away) and a name with its row: "Ansvarig, åtgärd 2".
    for i in range(st.session_state[rows_key]):
        item = stored[i] if i < len(stored) else {}
        # One framed block per measure: with its facts a measure is a dozen fields, and
        # without a frame the next measure's first field reads as this one's last.
        with st.container(border=True):
            _measure(ctx, question, i, item, targets)
    st.button(
        t("action_add", ctx.lang),
        key=ctx.k(question, "add"),
        disabled=ctx.locked,
        on_click=_add_action,
        args=(ctx, question),
    )


def _measure(ctx: Ctx, question: Question, i: int, item: dict[str, Any],
             targets: dict[str, str]) -> None:
    """One measure: what, who, by when and status on a row, then what it addresses and its
    facts."""
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
            ctx.seed(k, to_date(item.get("due")))
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
            ctx.seed(k, item.get("status") or measure_status.DEFAULT)
            col.selectbox(
                label,
                list(measure_status.STATUSES),
                key=k,
                label_visibility="collapsed",
                format_func=lambda v: measure_status.word(v, ctx.lang),
                disabled=ctx.locked,
                on_change=_actions_changed,
                args=(ctx, question),
            )
        else:
            ctx.seed(k, item.get(field, ""))
            # What is done is a sentence: a box that grows with it, so a long title is read
            # whole, wrapped (a one-line box cut it off at the edge, a fixed two-line box
            # scrolled inside it on a phone). Who is responsible is a name and stays one line.
            if field == "what":
                col.text_area(label, key=k, label_visibility="collapsed", height="content",
                              disabled=ctx.locked, on_change=_actions_changed,
                              args=(ctx, question))
            else:
                col.text_input(label, key=k, label_visibility="collapsed",
                               disabled=ctx.locked, on_change=_actions_changed,
                               args=(ctx, question))
    _addresses(ctx, question, i, item, targets)
    if question.measure_facts:
        _facts(ctx, question, i, item)
    cols[4].button(
        t("action_remove_row", ctx.lang, row=row),
        key=ctx.k(question, f"{i}:remove"),
        icon=":material/delete:",
        type="tertiary",
        disabled=ctx.locked,
        on_click=_remove_action,
        args=(ctx, question, i),
    )


def _addresses(ctx: Ctx, question: Question, i: int, item: dict[str, Any],
               targets: dict[str, str]) -> None:
    k = ctx.k(question, f"{i}:addresses")
    stored = [str(x) for x in item.get("addresses") or []]
    options = list(dict.fromkeys([*targets, *stored]))  # a named harm no longer rated stays
    if not options:
        return
    ctx.seed(k, [x for x in stored if x in options])
    st.multiselect(
        t("action_field_name", ctx.lang, field=t("action_addresses", ctx.lang), row=i + 1),
        options,
        key=k,
        format_func=lambda v: targets.get(v, v if not v.isdigit() else f"art. {v}"),
        placeholder=t("action_addresses_none", ctx.lang),
        disabled=ctx.locked,
        on_change=_actions_changed,
        args=(ctx, question),
    )


#: the facts side by side, a row each: what binds the measure, what it rests on and how long
#: it lasts, whom it reaches and whether it keeps them in. Few to a row, so that a chosen
#: answer ("En privat part, genom ett undertecknat avtal") is read whole, not cut short.
_ROWS: tuple[tuple[str, ...], ...] = (("decided", "funded", "bound"), ("reduced", "lasting"),
                                       ("reaches", "keeps"))


def _facts(ctx: Ctx, question: Question, i: int, item: dict[str, Any]) -> None:
    """Whether the measure is decided, funded, binding and not carried by what the decision
    reduces, whom it reaches and whether it keeps them in: one choice each, unanswered until
    chosen (scoring counts a measure by them)."""
    asked = {f for row in _ROWS for f in row}  # a fact added later still gets a row of its own
    for facts in (*_ROWS, *((f,) for f in measure_facts.FACTS if f not in asked)):
        for col, fact in zip(st.columns(len(facts)), facts, strict=True):
            k = ctx.k(question, f"{i}:{fact}")
            ctx.seed(k, item.get(fact))
            col.selectbox(
                _question_name(ctx, f"action_fact_{fact}", i),
                list(measure_facts.FACTS[fact]),
                key=k,
                index=None,
                placeholder=t("action_fact_pick", ctx.lang),
                format_func=partial(_fact_label, fact, ctx.lang, ctx.q.track),
                disabled=ctx.locked,
                on_change=_actions_changed,
                args=(ctx, question),
            )
    _how(ctx, question, i, item)


def _question_name(ctx: Ctx, key: str, i: int) -> str:
    """'Vem når den? (åtgärd 2)': a question asked of each measure, with its row for a screen
    reader and for a phone, where the measure's first field has scrolled away."""
    return t("action_question_name", ctx.lang, field=t_for(key, ctx.lang, ctx.q.track),
             row=i + 1)


def _how(ctx: Ctx, question: Question, i: int, item: dict[str, Any]) -> None:
    """How a measure for the parents reaches the children: asked once that answer is chosen."""
    reach = st.session_state.get(ctx.k(question, f"{i}:reaches"), item.get("reaches"))
    if reach != "through_parents":
        return
    k = ctx.k(question, f"{i}:{measure_facts.HOW}")
    ctx.seed(k, item.get(measure_facts.HOW) or "")
    st.text_area(  # a sentence in the official's words: two lines show it whole on a phone
        _question_name(ctx, "action_reaches_how", i),
        key=k,
        height=68,
        disabled=ctx.locked,
        on_change=_actions_changed,
        args=(ctx, question),
    )


def _fact_label(fact: str, lang: str, track: measure_facts.Track, value: str) -> str:
    return measure_facts.option_label(fact, value, lang, track)


def _collect_actions(ctx: Ctx, question: Question) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(st.session_state[ctx.k(question, "rows")]):
        row = {f: st.session_state.get(ctx.k(question, f"{i}:{f}")) for f in _ACTION_FIELDS}
        row["due"] = row["due"].isoformat() if isinstance(row["due"], dt.date) else None
        row["status"] = row["status"] or measure_status.DEFAULT
        row["what"], row["who"] = row["what"] or "", row["who"] or ""
        stored = (ctx.values.get(question.id) or [])[i] \
            if i < len(ctx.values.get(question.id) or []) else {}
        for fact in measure_facts.KEYS:  # a fact not drawn keeps what was stored
            k = ctx.k(question, f"{i}:{fact}")
            value = st.session_state.get(k) if k in st.session_state else stored.get(fact)
            if value:
                row[fact] = value
        addresses = st.session_state.get(ctx.k(question, f"{i}:addresses"))
        if addresses:
            row["addresses"] = list(addresses)
        elif i < len(ctx.values.get(question.id) or []):  # not drawn: keep what was stored
            kept = (ctx.values.get(question.id) or [])[i].get("addresses")
            if kept and ctx.k(question, f"{i}:addresses") not in st.session_state:
                row["addresses"] = kept
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

"""Visning: what goes on the projector, one item per screen, in large type, moved with the
arrow keys (or a presenter's clicker, which sends Page Up/Page Down).

Two things are shown: a workshop's comparison (?workshop=ID: the scores, the articles group by
group, then each question to discuss) and a meeting's article (?meeting=ID: the article and
its summary, then each discussion prompt). Never the sidebar, the trainer's notes, the codes or
anyone's notes: the room sees what it is to talk about, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from app.core import access
from app.core.comparison import Item as ComparisonItem
from app.core.comparison import compare
from app.core.models.article import Article
from app.core.text import tr
from app.store.meetings import MeetingNotFound, MeetingRefused
from app.store.workshop_errors import WorkshopNotFound
from app.ui.safe import md
from app.ui.screens import meeting_common
from app.ui.screens.workshop_compare import agenda_item, articles, rules, scores
from app.ui.session import state
from app.ui.session import workshop as workshop_state
from app.ui.strings.i18n import t
from app.ui.widgets.countdown import countdown

ITEM_PARAM = "n"

# Our own CSS, no data in it: no sidebar, no Streamlit header, large type for a room.
STAGE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 2rem 4rem; }
.st-key-bka-stage p, .st-key-bka-stage li { font-size: 1.9rem; line-height: 1.45; }
.st-key-bka-stage h1 { font-size: 3.6rem; }
.st-key-bka-stage h2 { font-size: 2.8rem; }
.st-key-bka-stage h3 { font-size: 2.2rem; }
.st-key-bka-stage [data-testid="stMetricValue"] { font-size: 3.4rem; }
.st-key-bka-stage [data-testid="stCaptionContainer"] p { font-size: 1.4rem; }
.st-key-bka-prompt p { font-size: 3rem; line-height: 1.3; font-weight: 600; }
.st-key-bka-present-nav button p { font-size: 1.4rem; }
/* A phone or a narrow window: the same screens, sized to fit (reflow, WCAG 1.4.10). */
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 1rem; }
  .st-key-bka-stage h1 { font-size: 2rem; }
  .st-key-bka-stage h2 { font-size: 1.6rem; }
  .st-key-bka-stage h3 { font-size: 1.3rem; }
  .st-key-bka-stage p, .st-key-bka-stage li, .st-key-bka-prompt p { font-size: 1.2rem; }
}
</style>"""

# The arrow keys (and a clicker's Page keys) press our own buttons: the same path as a click.
KEYS = """<script>
(() => {
  if (window.__bkaPresentKeys) document.removeEventListener("keydown", window.__bkaPresentKeys);
  const press = (which) => {
    const button = document.querySelector(`.st-key-bka-present-${which} button`);
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  };
  window.__bkaPresentKeys = (event) => {
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    const forward = ["ArrowRight", "ArrowDown", "PageDown"].includes(event.key);
    const back = ["ArrowLeft", "ArrowUp", "PageUp"].includes(event.key);
    if ((forward && press("next")) || (back && press("previous"))) event.preventDefault();
  };
  document.addEventListener("keydown", window.__bkaPresentKeys);
})();
</script>"""


@dataclass(frozen=True)
class Item:
    """One screen: a short title for the counter and what draws it."""

    title: str
    draw: Callable[[], None]


class _Refused(Exception):
    """This session may not open what the address names (the page it came from would not
    show it either): the workshop's trainer key, the meeting's owner or unit."""

    def __init__(self, back: str) -> None:
        self.back = back


def render() -> None:
    lang = state.lang()
    st.html(STAGE)
    try:
        items, title, back = _items(lang)
    except _Refused as refused:
        st.title(t("pr_title", lang))
        st.error(t("pr_refused_" + refused.back, lang))
        st.page_link(st.session_state["pages"][refused.back], label=t("pr_leave", lang),
                     icon=":material/close:")
        return
    if not items:
        st.title(t("pr_title", lang))
        st.info(t("pr_nothing", lang))
        return
    index = _index(len(items))
    item = items[index]
    with st.container(key="bka-stage"):
        _timer(lang)  # the group work's countdown, when the trainer set one
        st.title(md(title))  # the same h1 on every screen; each item's headings are h2, h3
        item.draw()
    _controls(index, len(items), item.title, back, lang)
    st.html(KEYS, unsafe_allow_javascript=True)


def _timer(lang: str) -> None:
    wid = st.query_params.get("workshop")
    if not wid:
        return
    try:
        countdown(workshop_state.store().get(wid).timer_ends, lang, large=True)
    except WorkshopNotFound:
        return


def _index(count: int) -> int:
    try:
        wanted = int(st.query_params.get(ITEM_PARAM, "1")) - 1
    except ValueError:
        wanted = 0
    return min(max(wanted, 0), count - 1)


def _go(index: int) -> None:
    st.query_params[ITEM_PARAM] = str(index + 1)  # a reload on the projector stays put


def _controls(index: int, count: int, title: str, back: str | None, lang: str) -> None:
    st.divider()
    with st.container(key="bka-present-nav"):
        c1, c2, c3, c4 = st.columns([2, 3, 2, 2], vertical_alignment="center")
        with c1, st.container(key="bka-present-previous"):
            st.button("← " + t("pr_previous", lang), disabled=index == 0, on_click=_go,
                      args=(index - 1,), width="stretch")
        # Said by screen readers when it changes: which item of how many, and what it is.
        c2.markdown(t("pr_position", lang, n=index + 1, count=count, title=md(title)))
        with c3, st.container(key="bka-present-next"):
            st.button(t("pr_next", lang) + " →", disabled=index == count - 1, on_click=_go,
                      args=(index + 1,), type="primary", width="stretch")
        if back:
            c4.page_link(st.session_state["pages"][back], label=t("pr_leave", lang),
                         icon=":material/close:")
    st.caption(t("pr_keys", lang))


def _items(lang: str) -> tuple[list[Item], str, str | None]:
    if st.query_params.get("workshop"):
        return _workshop_items(st.query_params["workshop"], lang)
    if st.query_params.get("meeting"):
        return _meeting_items(st.query_params["meeting"], lang)
    return [], "", None


def _workshop_items(wid: str, lang: str) -> tuple[list[Item], str, str | None]:
    # The same rule as the workshop page's trainer view: the session that holds its key.
    if not access.may_run_workshop(workshop_state.identity(), wid):
        raise _Refused("workshop")
    try:
        w = workshop_state.store().get(wid)
    except WorkshopNotFound:
        return [], "", "workshop"
    cat = state.catalog()
    q = cat.questionnaire(w.questionnaire)
    if q is None:
        return [], "", "workshop"
    case = workshop_state.case_of(w)
    result = compare(q, cat.library, workshop_state.store().group_inputs(w, q),
                     case.key_articles if case else [], case)

    def opening() -> None:
        st.header(t("pr_comparison", lang))
        st.markdown(t("ws_groups_count", lang, count=len(w.groups)))
        st.markdown(md(" · ".join(g.name for g in w.groups)))

    items = [Item(w.title, opening),
             Item(t("ws_scores", lang), lambda: scores(result, lang)),
             Item(t("ws_articles", lang), lambda: articles(result, lang))]
    if result.rules:  # which group caught each key point, made each classic mistake
        items.append(Item(t("pr_rules", lang), lambda: rules(result, lang)))
    for number, entry in enumerate(result.agenda, 1):  # the debrief's order (core/debrief.py)
        def draw(number: int = number, entry: ComparisonItem = entry) -> None:
            st.header(t("ws_agenda", lang))
            st.subheader(t(f"ws_part_{entry.part}", lang), anchor=False)
            agenda_item(number, entry, result, q, lang)
        items.append(Item(t("pr_question", lang, number=number), draw))
    plenary = case.plenary if case else []
    for number, question in enumerate(plenary, 1):
        label = t("pr_plenary", lang, number=number, count=len(plenary))

        def ask(label: str = label, text: str = tr(question, lang)) -> None:
            st.header(label)
            with st.container(key="bka-prompt"):
                st.markdown(md(text))
        items.append(Item(label, ask))
    return items, w.title, "workshop"


def _meeting_items(mid: str, lang: str) -> tuple[list[Item], str, str | None]:
    try:
        meeting = meeting_common.store().get(mid)
    except MeetingRefused:  # another unit's meeting: refused as on the meeting page
        raise _Refused("meeting") from None
    except MeetingNotFound:
        return [], "", "meeting"
    article = state.catalog().library.by_number[meeting.article]
    heading = f"{t('mt_article', lang, number=article.number)}: {tr(article.title, lang)}"
    items = [Item(heading, lambda: _article(article, lang))]
    for index, prompt in enumerate(article.prompts, 1):
        def draw(index: int = index, text: str = getattr(prompt, lang)) -> None:
            st.header(t("pr_prompt", lang, number=index, count=len(article.prompts)))
            with st.container(key="bka-prompt"):
                st.markdown(md(text))
        items.append(Item(t("pr_prompt", lang, number=index, count=len(article.prompts)),
                          draw))
    return items, heading, "meeting"


def _article(article: Article, lang: str) -> None:
    st.header(t("pr_about", lang) + (f" ★ {t('mt_principle', lang)}" if article.principle
                                     else ""))
    st.write(tr(article.summary, lang))

"""Artiklar: the 54 articles, searchable, grouped by cluster, principles marked."""

from __future__ import annotations

import streamlit as st

from app.core.text import tr
from app.ui.session import state
from app.ui.strings.i18n import t


def render() -> None:
    lang = state.lang()
    library = state.catalog().library
    st.title(t("articles_title", lang))
    st.write(t("articles_intro", lang))
    c1, c2 = st.columns([3, 1])
    query = c1.text_input(t("search", lang), placeholder=t("articles_search_placeholder", lang))
    only_principles = c2.toggle(t("only_principles", lang))
    needle = query.strip().lower()
    shown = 0
    for cluster in library.clusters:
        members = [library.by_number[n] for n in library.cluster_members.get(cluster.id, [])]
        hits = [
            a
            for a in members
            if (not only_principles or a.principle)
            and (
                not needle
                or needle == str(a.number)
                or needle in tr(a.title, lang).lower()
                or needle in tr(a.summary, lang).lower()
            )
        ]
        if not hits:
            continue
        st.header(tr(cluster.title, lang))
        if cluster.description:
            st.caption(tr(cluster.description, lang))
        for article in hits:
            shown += 1
            star = " ★ " + t("principle", lang) if article.principle else ""
            with st.expander(
                f"{t('article', lang)} {article.number}: {tr(article.title, lang)}{star}",
                expanded=bool(needle),
            ):
                st.write(tr(article.summary, lang))
                st.markdown(f"**{t('prompts', lang)}**")
                for prompt in article.prompts:
                    st.markdown(f"- {getattr(prompt, lang)}")
    if not shown:
        st.info(t("no_match", lang))

"""Data: where the data lives; export, import, backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from app.store import StoreError
from app.store.exchange import ImportRejected, ImportResult, export_bytes, import_bytes
from app.ui import store_errors
from app.ui.safe import md
from app.ui.session import signin, state
from app.ui.strings.i18n import keys, t
from app.ui.widgets.exclusive_note import quoted_options


def render() -> None:
    lang = state.lang()
    state.show_flash()
    store = state.store()
    st.title(t("data_title", lang))
    st.write(t("data_where", lang))
    st.code(store.location, language=None)
    st.caption(t("data_privacy", lang))
    export_area(lang)
    import_area(lang)
    backup_area(lang)


def export_area(lang: str) -> None:
    store = state.store()
    st.header(t("export_title", lang))
    items = store.list()
    if not items:
        st.info(t("overview_empty", lang))
        return
    stamp = dt.date.today().isoformat()
    st.download_button(
        t("export_all", lang, count=len(items)),
        export_bytes(store, catalog=state.catalog()),
        file_name=f"bka-export-{stamp}.json",
        mime="application/json",
    )
    chosen = st.selectbox(
        t("export_one", lang),
        [i.id for i in items],
        index=None,
        format_func=lambda i: next(x.title for x in items if x.id == i),
        placeholder=t("export_choose", lang),
    )
    if chosen:
        st.download_button(
            t("export_download_one", lang),
            export_bytes(store, [chosen], state.catalog()),
            file_name=f"bka-{chosen}-{stamp}.json",
            mime="application/json",
            key="export_one_button",
        )


def import_area(lang: str) -> None:
    store = state.store()
    st.header(t("import_title", lang))
    st.write(t("import_intro", lang))
    upload = st.file_uploader(t("import_file", lang), type=["json", "yaml", "yml", "pdf"])
    if upload is None:
        return
    data = upload.getvalue()
    try:
        preview = import_bytes(store, data, upload.name, editor=signin.editor(), apply=False,
                               catalog=state.catalog())
    except ImportRejected as exc:
        st.error(t("import_rejected", lang))
        for problem in exc.found:  # as text, never markup: the file's own values are in it
            st.text(problem.both())
        return
    show_result(preview, lang, preview=True)
    take: list[str] = []
    as_new: list[str] = []
    if preview.conflicts:
        # Nothing of a conflict is written unless the person chooses, having seen above
        # what differs: the stored copy stays unless they pick one of these.
        ids = [c.id for c in preview.conflicts if c.id]
        title = {c.id: c.title for c in preview.conflicts}
        take = st.multiselect(t("import_take_incoming", lang), ids,
                              format_func=lambda i: title[i])
        as_new = st.multiselect(t("import_as_new", lang), [i for i in ids if i not in take],
                                format_func=lambda i: title[i])
    if (preview.changed or take or as_new) and st.button(t("import_apply", lang),
                                                         type="primary"):
        try:
            result = import_bytes(store, data, upload.name, editor=signin.editor(),
                                  take_incoming=take, as_new=as_new, catalog=state.catalog())
        except StoreError as exc:  # a full disk, a damaged file: all of it or none went in
            store_errors.show(exc, lang, lead=t("import_failed", lang))
            return
        state.flash(
            t("import_done", lang, created=len(result.created), updated=len(result.updated))
        )
        st.rerun()


def show_result(result: ImportResult, lang: str, preview: bool) -> None:
    rows = [
        ("import_created", result.created),
        ("import_updated", result.updated),
        ("import_skipped", result.skipped),
        ("import_conflicts", result.conflicts),
    ]
    for key, items in rows:
        if not items:
            continue
        st.markdown(f"**{t(key, lang, count=len(items))}**")
        for item in items:
            if key != "import_conflicts":
                st.markdown("- " + md(item.title))
                continue
            st.markdown("- " + md(item.title) + " – " + t(
                f"import_conflict_{item.kind or 'differs'}", lang,
                stored=item.stored_revision, incoming=item.incoming_revision))
            if item.differences:
                st.caption(t("import_differs_in", lang,
                             parts=", ".join(_in_words(d, lang) for d in item.differences)))
    show_contradictions(result, lang)


def show_contradictions(result: ImportResult, lang: str) -> None:
    """Answers in the file that choose "none of these" beside another option: imported as
    they are (a record is never changed on the way in), and said here so they get fixed."""
    if not result.contradictions:
        return
    catalog = state.catalog()
    lines = []
    for found in result.contradictions:
        q = catalog.questionnaire(found.questionnaire)
        if q is None:
            continue
        question = q.questions[found.clash.question]
        lines.append(t("import_contradiction", lang, title=found.title,
                       number=q.numbering[question.id],
                       alone=quoted_options(question, found.clash.exclusive, lang),
                       others=quoted_options(question, found.clash.others, lang)))
    st.warning(md(t("import_contradictions", lang, count=len(lines))) + "\n\n"
               + "\n".join("- " + md(line) for line in lines), icon="⚠️")


def backup_area(lang: str) -> None:
    st.header(t("backup_title", lang))
    st.write(t("backup_intro", lang))
    if st.button(t("backup_make", lang)):
        try:
            path = state.store().backup()
        except StoreError as exc:  # a damaged file is refused; a full disk says so
            store_errors.show(exc, lang, lead=t("backup_failed", lang))
            return
        st.session_state["last_backup"] = str(path)
    last = st.session_state.get("last_backup")
    if last and Path(last).exists():
        st.success(t("backup_made", lang, path=last))
        st.download_button(
            t("backup_download", lang),
            Path(last).read_bytes(),
            file_name=Path(last).name,
            mime="application/zip",
        )


def _in_words(path: str, lang: str) -> str:
    """A part of an assessment as the pages name it: a decision field, a question's number."""
    kind, _, rest = path.partition(".")
    if kind == "decision" and rest:
        return t(f"field_{rest}", lang)
    if kind == "answers" and rest:
        numbers = {n for q in state.catalog().questionnaires.values()
                   for qid, n in q.numbering.items() if qid == rest}
        return t("stale_question", lang, number=next(iter(numbers)) if len(numbers) == 1
                 else rest)
    known = f"stale_part_{kind}" in keys()
    return t(f"stale_part_{kind}" if known else "stale_part_other", lang)

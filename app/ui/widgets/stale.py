"""A step taken on a page older than the stored record: nothing was written, and the person is
told in words what changed meanwhile (which answers, which fields), so they can look again."""

from __future__ import annotations

from app.core.models.questionnaire import Questionnaire
from app.store import Conflict, StoreError
from app.ui.session import state
from app.ui.strings.i18n import keys, t

KEY = "stale:"  #: + assessment id: the refusal, shown where the step was taken


def what_changed(conflict: Conflict, q: Questionnaire | None, lang: str) -> str:
    """The parts changed since the revision the page showed, named as the page names them."""
    aid = conflict.stored.id or ""
    since = conflict.your_revision or conflict.stored.revision
    try:
        history = state.store().revisions(aid)
    except StoreError:
        return ""
    names: list[str] = []
    for entry in history:
        if entry.revision <= since:
            continue
        for change in entry.changes:
            kind, *rest = change.path
            if kind == "answers" and rest:
                name = (q.numbering.get(rest[0], rest[0]) if q else rest[0])
                name = t("stale_question", lang, number=name)
            elif kind == "decision" and rest:
                name = t(f"field_{rest[0]}", lang)
            else:
                known = f"stale_part_{kind}" in keys()
                name = t(f"stale_part_{kind}" if known else "stale_part_other", lang)
            if name not in names:
                names.append(name)
    return ", ".join(names)


def message(conflict: Conflict, q: Questionnaire | None, lang: str) -> str:
    """Nothing was saved; what changed and by whom; the page now shows what is stored."""
    parts = what_changed(conflict, q, lang)
    who = conflict.changed_by or conflict.stored.decision.official
    return t("stale_step", lang, parts=parts or t("stale_part_other", lang),
             who=f" ({who})" if who else "")

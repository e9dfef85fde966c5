"""The report for the case file: after page 1, only what the decision rests on.

The rights and groups affected (the impact table and the groups table), the alternatives, the
children's views, the measures and the support, the recorded decision, the follow-up, the
official's own sections, and a pointer to the full documentation. Each part quotes the answers
the questionnaire's `summary:` block names, numbered as in the app, so the reader can find them
in the full documentation.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.document.analysis import impact_section
from app.core.document.answers import answer_blocks
from app.core.document.decisive import alternatives_text, quoted_ids
from app.core.document.decisive import s as ds
from app.core.document.front import ALTERNATIVES_CLIP, clip
from app.core.document.groups import groups_section
from app.core.document.model import Block, Para, Question, Section, inline
from app.core.document.review import review_section
from app.core.document.source import ReportInput
from app.core.document.track import w
from app.core.text import tr

_S: dict[str, tuple[str, str]] = {
    "basis": ("Beslutsunderlag i korthet", "The basis of the decision in brief"),
    "follow_up": ("Uppföljning", "Follow-up"),
    "full": ("Den fullständiga dokumentationen (alla svar, den rättsliga grunden, bilagorna) "
             "kan tas fram ur ärendet.",
             "The full documentation (every answer, the legal basis, the appendices) can be "
             "produced from the case."),
}


def _s(key: str, lang: str) -> str:
    sv, en = _S[key]
    return en if lang == "en" else sv


def short_sections(ri: ReportInput) -> list[Section]:
    """The sections after page 1 in the report for the case file."""
    spec = ri.questionnaire.summary
    impacts = impact_section(ri)
    out = [replace(impacts, new_page=True)]  # page 1 stays what decides
    groups = groups_section(ri)
    if groups is not None:
        out.append(groups)
    if spec is not None:
        # The alternatives stand on page 1; again here only when page 1 had to shorten them.
        whole = " ".join(alternatives_text(ri).split())
        clipped = clip(whole, ALTERNATIVES_CLIP) != whole
        parts = [("alternatives", ds("alternatives", ri.lang),
                  spec.alternatives if clipped else []),
                 ("views", w("views_title", ri), spec.heard + spec.views_effect
                  + spec.not_heard),
                 ("measures", w("measures", ri), spec.measures + spec.support),
                 ("follow-up", _s("follow_up", ri.lang), spec.follow_up)]
        for sid, title, ids in parts:
            blocks = questions(ri, ids, choice_fallback=sid == "alternatives")
            if blocks:
                out.append(Section(id=f"short-{sid}", title=title, blocks=tuple(blocks)))
    review = review_section(ri)
    if review is not None:
        out.append(review)
    return out


def questions(ri: ReportInput, ids: list[str], choice_fallback: bool = False) -> list[Block]:
    """The visible, answered questions of `ids` with their answers, numbered as in the app."""
    q, out = ri.questionnaire, list[Block]()
    for qid in quoted_ids(ri, ids, choice_fallback):
        question = q.questions[qid]
        out.append(Question(q.numbering[qid], tr(question.text, ri.lang),
                            answer_blocks(ri, question)))
    return out


def closing(ri: ReportInput) -> Block:
    return Para(inline(_s("full", ri.lang)), role="muted")

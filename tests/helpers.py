"""Inline inputs for tests: a small valid questionnaire and ways to break it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MINIMAL = """\
id: mini
version: 1.0.0
languages: [sv, en]
title: {sv: Mini, en: Mini}
impact_scale:
  - {value: -2, label: {sv: Tydligt försvagad, en: Clearly weakened}}
  - {value: -1, label: {sv: Något försvagad, en: Somewhat weakened}}
  - {value: 0, label: {sv: Ingen påverkan, en: No effect}}
  - {value: 1, label: {sv: Något stärkt, en: Somewhat strengthened}}
  - {value: 2, label: {sv: Tydligt stärkt, en: Clearly strengthened}}
  - {value: unknown, label: {sv: Kan inte bedömas, en: Cannot judge}}
sections:
  - id: screening
    title: {sv: Berör barn, en: Concerns children}
    questions:
      - id: affects
        type: choice
        text: {sv: "Berör beslutet barn?", en: "Does it concern children?"}
        required: true
        articles: [3]
        options:
          - {value: directly, label: {sv: Direkt, en: Directly}}
          - {value: none, label: {sv: Inte alls, en: Not at all}}
      - id: why_not
        type: text
        text: {sv: "Varför inte?", en: "Why not?"}
        required: true
        show_if: "affects == 'none'"
  - id: analysis
    title: {sv: Analys, en: Analysis}
    show_if: "affects != 'none'"
    questions:
      - id: heard
        type: choice
        text: {sv: "Hördes barn?", en: "Were children heard?"}
        required: true
        options:
          - {value: yes, label: {sv: Ja, en: Yes}}
          - {value: no, label: {sv: Nej, en: No}}
      - id: impacts
        type: impact
        text: {sv: Påverkan, en: Impact}
        articles: [2, 3, 6, 12]
        selectable: true
        required: true
      - id: measures
        type: actions
        text: {sv: Åtgärder, en: Measures}
        show_if: "negative_impacts() > 0"
        required: true
scoring:
  impact:
    term_weights: {short: 0.5, long: 0.5}
    balance_bands:
      - {min: -2, max: -0.5, label: {sv: Negativ, en: Negative}}
      - {min: -0.5, max: 0.5, label: {sv: Neutral, en: Neutral}}
      - {min: 0.5, max: 2, label: {sv: Positiv, en: Positive}}
  process_quality:
    - {id: heard, label: {sv: Barn hörda, en: Children heard}, points: 60, when: "heard == 'yes'"}
    - {id: rated, label: {sv: Bedömt, en: Rated}, points: 40, when: "answered(impacts)"}
  overall: {process_quality: 0.5, completeness: 0.5}
  levels:
    - {min: 0, max: 50, label: {sv: Svag, en: Weak}}
    - {min: 50, max: 100, label: {sv: Stark, en: Strong}}
  flags:
    - id: not_heard_12
      severity: serious
      when: "impact(12) < 0 and heard == 'no'"
      question: heard
      message:
        sv: "Artikel 12 försvagas men inga barn hördes"
        en: "Article 12 weakened, no child heard"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    """The 1-based line on which `fragment` first appears."""
    for number, line in enumerate(text.splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


def replaced(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def open_page(at: Any, name: str) -> Any:
    """Switch an AppTest to the app's page `name` (app/ui/screens/<name>.py); returns `at`.

    The app's pages are functions given to st.Page, which AppTest's file-based switch_page
    cannot name; the app keeps its pages by name in session state after the first run, and
    each page's hash is the one st.navigation registered for it.
    """
    page = at.session_state["pages"][name]
    known = at._registered_pages  # what st.navigation gave this session, by page hash
    if page._script_hash not in known:
        # As a real session asking by address: a page left out of the navigation is not there.
        by_hash = {p._script_hash: key for key, p in at.session_state["pages"].items()}
        names = [by_hash.get(h, str(info.get("url_pathname"))) for h, info in known.items()]
        raise ValueError(f"page {name!r} is not in this session's navigation. Known pages: "
                         f"{names}")
    at._page_hash = page._script_hash
    return at


def approved_review(reviewer: str = "Per Berg") -> Any:
    """What the store holds once a named reviewer approved the content scored (the review
    step, app/services/review_approval.py): the top level's condition, given directly."""
    import datetime as dt

    from app.core.models.approval import Approval, ReviewStanding

    return ReviewStanding(approval=Approval(
        assessment_id="x", approved_revision=1, content_hash="", reviewer=reviewer,
        approved_at=dt.datetime(2027, 1, 25, 10, 0, tzinfo=dt.UTC)))

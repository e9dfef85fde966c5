"""The children's questionnaire: shipped file loads; an author's mistakes get file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import line_of, write

from app.core.children_loading import load_child_questionnaire
from app.core.errors import LoadError
from app.services.checking import validate_paths, validate_shipped
from app.services.paths import QUESTIONNAIRES_DIR

SHIPPED = QUESTIONNAIRES_DIR / "children-voices.yaml"

SMALL = """\
id: kids
version: "1.0.0"
audience: children
languages: [sv, en]
title: {sv: "Vad tycker du?", en: "What do you think?"}
intro: {sv: "Förslaget: {decision}", en: "The plan: {decision}"}
privacy_note: {sv: "Inga namn.", en: "No names."}
thanks: {sv: "Tack!", en: "Thanks!"}
age_bands:
  - {id: young, min: 6, max: 9, label: {sv: "6–9 år", en: "6–9 years"}}
  - {id: old, min: 10, max: 17, label: {sv: "10–17 år", en: "10–17 years"}}
scales:
  - id: faces
    levels:
      - {value: bad, symbol: sad, label: {sv: "Dåligt", en: "Bad"}}
      - {value: good, symbol: happy, label: {sv: "Bra", en: "Good"}}
questions:
  - id: feel
    type: scale
    scale: faces
    text: {sv: "Vad tycker du?", en: "What do you think?"}
  - id: place
    type: scale
    scale: faces
    per_place: true
    text: {sv: "Hur är det vid {place}?", en: "How is it at {place}?"}
"""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, "children-x.yaml", text)
    with pytest.raises(LoadError) as info:
        load_child_questionnaire(path)
    return [str(p) for p in info.value.problems]


def test_shipped_questionnaire_is_short_with_three_bands_and_words_beside_symbols() -> None:
    q = load_child_questionnaire(SHIPPED)
    assert [(b.min, b.max) for b in q.age_bands] == [(6, 9), (10, 12), (13, 17)]
    assert len(q.questions) <= 10
    for question in q.questions:
        for level in q.levels_of(question):
            assert level.label["sv"].strip() and level.label["en"].strip()  # type: ignore[index]
    assert any(x.per_place for x in q.questions)
    assert any(x.type == "text" for x in q.questions)


def test_bka_validate_checks_the_childrens_questionnaire() -> None:
    report = validate_shipped()
    assert report.problems == []
    assert report.counts["children's questionnaires"] == 1


def test_small_file_loads(tmp_path: Path) -> None:
    q = load_child_questionnaire(write(tmp_path, "children-x.yaml", SMALL))
    assert [x.id for x in q.questions] == ["feel", "place"]


def test_gap_between_age_bands_names_the_line(tmp_path: Path) -> None:
    text = SMALL.replace("{id: old, min: 10", "{id: old, min: 11")
    (problem,) = problems_of(tmp_path, text)
    assert f"children-x.yaml:{line_of(text, 'id: old')}:" in problem
    assert "should start at 10" in problem


def test_unknown_scale_placeholder_and_missing_language(tmp_path: Path) -> None:
    text = (SMALL.replace("    scale: faces\n    text: {sv: \"Vad", "    scale: smileys\n"
                          "    text: {sv: \"Vad")
            .replace("at {place}?", "at {plats}?").replace("vid {place}?", "vid {plats}?")
            .replace('thanks: {sv: "Tack!", en: "Thanks!"}', 'thanks: {sv: "Tack!"}'))
    problems = problems_of(tmp_path, text)
    joined = "\n".join(problems)
    assert f":{line_of(text, 'smileys')}: question 'feel' needs 'scale'" in joined
    assert "placeholder {plats}" in joined
    assert "is per_place but its text never says {place}" in joined
    assert f":{line_of(text, 'thanks:')}: 'thanks' has no text in en" in joined


def test_more_than_ten_questions_and_an_unknown_symbol_are_refused(tmp_path: Path) -> None:
    extra = "".join(f"  - {{id: q{i}, type: text, text: \"Fråga {i}\"}}\n" for i in range(10))
    text = SMALL.replace("symbol: happy", "symbol: thumbs") + extra
    joined = "\n".join(problems_of(tmp_path, text))
    assert f":{line_of(text, 'thumbs')}:" in joined
    assert "questions" in joined and "10" in joined


def test_validate_given_file_dispatches_on_audience(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", SMALL.replace("{id: old, min: 10", "{id: old, min: 12"))
    report = validate_paths([path])
    assert len(report.problems) == 1 and "should start at 10" in str(report.problems[0])


def test_the_child_is_told_it_may_choose_and_where_to_turn() -> None:
    q = load_child_questionnaire(QUESTIONNAIRES_DIR / "children-voices.yaml")
    for lang, decide, aloud in (
        ("sv", "Du bestämmer själv om du vill svara", "läsa frågorna högt"),
        ("en", "You decide whether you want to answer", "read the questions aloud"),
    ):
        note = q.privacy_note if isinstance(q.privacy_note, str) else q.privacy_note[lang]
        assert decide in note and aloud in note
    worries = next(x for x in q.questions if x.id == "worries")
    assert worries.help is not None
    for lang in ("sv", "en"):
        help_text = worries.help if isinstance(worries.help, str) else worries.help[lang]
        assert "116 111" in help_text and "112" in help_text

"""Each fault a questionnaire author can make is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL, line_of, replaced, write

from app.core.errors import LoadError
from app.core.loading import load_questionnaire

ARTICLES = set(range(1, 55))


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, "q.yaml", text)
    with pytest.raises(LoadError) as info:
        load_questionnaire(path, ARTICLES)
    return [str(p) for p in info.value.problems]


def test_minimal_questionnaire_loads(tmp_path: Path) -> None:
    q = load_questionnaire(write(tmp_path, "q.yaml", MINIMAL), ARTICLES)
    assert list(q.questions) == ["affects", "why_not", "heard", "impacts", "measures"]
    assert q.questions["heard"].option_values == ["yes", "no"]  # not booleans


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    text = replaced("      - id: why_not\n", "      - id: why_not\n     bad: [\n")
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith("q.yaml:") or "q.yaml:" in problem
    assert "YAML syntax error" in problem


def test_unknown_key_is_reported_with_allowed_keys(tmp_path: Path) -> None:
    text = replaced(
        "        required: true\n        articles: [3]",
        "        required: true\n        optons: []\n        articles: [3]",
    )
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'optons')}:" in problem
    assert "unknown key 'optons' in question 'affects'" in problem
    assert "options" in problem


def test_unknown_question_type(tmp_path: Path) -> None:
    text = replaced("        type: text", "        type: dropdown")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'dropdown')}:" in problem
    assert "unknown question type 'dropdown'" in problem


def test_duplicate_question_id(tmp_path: Path) -> None:
    text = replaced("      - id: why_not", "      - id: affects")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, '- id: affects') + 0}:" not in problem  # not the first one
    assert "question id 'affects' is used twice" in problem
    second = [i for i, line in enumerate(text.splitlines(), 1) if "- id: affects" in line][1]
    assert f":{second}:" in problem


def test_article_outside_convention(tmp_path: Path) -> None:
    text = replaced("articles: [3]", "articles: [55]")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, '[55]')}:" in problem
    assert "refers to article 55; the convention has articles 1-54" in problem


def test_show_if_unknown_question(tmp_path: Path) -> None:
    text = replaced("show_if: \"affects == 'none'\"", "show_if: \"afects == 'none'\"")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'afects')}:" in problem
    assert "'afects' is not a question" in problem and "did you mean 'affects'" in problem


def test_show_if_value_not_an_option(tmp_path: Path) -> None:
    text = replaced("show_if: \"affects == 'none'\"", "show_if: \"affects == 'nope'\"")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'nope')}:" in problem
    assert "'nope' is not an option of 'affects'" in problem


def test_show_if_does_not_parse(tmp_path: Path) -> None:
    text = replaced("show_if: \"affects == 'none'\"", 'show_if: "affects == "')
    (problem,) = problems_of(tmp_path, text)
    line = line_of(text, 'show_if: "affects == "')
    assert f":{line}:" in problem
    assert "does not parse" in problem


def test_question_depending_on_itself(tmp_path: Path) -> None:
    text = replaced("show_if: \"affects == 'none'\"", 'show_if: "answered(why_not)"')
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'answered(why_not)')}:" in problem
    assert "depends on itself: why_not -> why_not" in problem


def test_cycle_through_two_questions(tmp_path: Path) -> None:
    text = replaced(
        "        required: true\n        articles: [3]",
        '        required: true\n        show_if: "answered(why_not)"\n        articles: [3]',
    )
    (problem,) = problems_of(tmp_path, text)
    assert "depends on itself" in problem and "affects" in problem and "why_not" in problem


def test_missing_language(tmp_path: Path) -> None:
    text = replaced('text: {sv: "Varför inte?", en: "Why not?"}', 'text: {sv: "Varför inte?"}')
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'Varför inte?')}:" in problem
    assert "no text in en" in problem


def test_points_that_do_not_add_up(tmp_path: Path) -> None:
    text = replaced("points: 40", "points: 30")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'process_quality:')}:" in problem
    assert "add up to 90; they must add up to 100" in problem


def test_level_bands_with_a_gap(tmp_path: Path) -> None:
    text = replaced(
        "{min: 50, max: 100, label: {sv: Stark", "{min: 60, max: 100, label: {sv: Stark"
    )
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'min: 60')}:" in problem
    assert "a gap between 50 and 60" in problem


def test_overall_weights_must_add_up(tmp_path: Path) -> None:
    text = replaced("completeness: 0.5}", "completeness: 0.6}")
    (problem,) = problems_of(tmp_path, text)
    assert "overall weights add up to 1.1" in problem


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    text = replaced("articles: [3]", "articles: [0]")
    text = replaced("points: 40", "points: 10", text)
    text = replaced("show_if: \"affects == 'none'\"", "show_if: \"affects == 'x'\"", text)
    assert len(problems_of(tmp_path, text)) == 3


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    text = replaced("        type: text", "        type: text\n        type: number")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'type: number')}:" in problem and "appears twice" in problem


def test_options_on_a_text_question(tmp_path: Path) -> None:
    text = replaced("        type: text", "        type: text\n        options: []")
    (problem,) = problems_of(tmp_path, text)
    assert "'options' does not apply to a text question" in problem


def test_flag_pointing_to_missing_question(tmp_path: Path) -> None:
    text = replaced("      question: heard", "      question: hurd")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'question: hurd')}:" in problem


def test_flag_quoting_a_missing_question(tmp_path: Path) -> None:
    text = replaced("      question: heard", "      question: heard\n      quote: [heard, hurd]")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'quote: [heard, hurd]')}:" in problem
    assert "flag 'not_heard_12' quotes question 'hurd', which does not exist" in problem


def test_child_own_articles_outside_the_convention(tmp_path: Path) -> None:
    text = replaced("  flags:\n", "  child_own_articles: [31, 55]\n  flags:\n")
    (problem,) = problems_of(tmp_path, text)
    assert f":{line_of(text, 'child_own_articles')}:" in problem
    assert "child_own_articles names article 55; the convention has 1-54" in problem


def test_empty_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, "")
    assert problem.endswith("q.yaml: the file is empty")


# ---- every fault in one run, and the scoring's gates, rules and migrations (issue 8)

LEVELS = """\
  levels:
    - {id: weak, min: 0, max: 50, label: {sv: Svag, en: Weak}}
    - {id: strong, min: 50, max: 100, label: {sv: Stark, en: Strong}}
"""


def with_levels(text: str = MINIMAL) -> str:
    return replaced("""  levels:
    - {min: 0, max: 50, label: {sv: Svag, en: Weak}}
    - {min: 50, max: 100, label: {sv: Stark, en: Strong}}
""", LEVELS, text)


def test_an_unknown_type_does_not_hide_the_other_faults(tmp_path: Path) -> None:
    text = replaced("        type: text", "        type: dropdown")
    text = replaced("articles: [2, 3, 6, 12]", "articles: [2, 3, 6, 55]", text)
    text = replaced("when: \"impact(12) < 0 and heard == 'no'\"",
                    "when: \"impact(12) < 0 and hard == 'no'\"", text)
    found = problems_of(tmp_path, text)
    assert len(found) == 3, found
    assert any("unknown question type 'dropdown'" in p for p in found)
    assert any(f":{line_of(text, '55]')}:" in p and "article 55" in p for p in found)
    assert any("'hard' is not a question" in p and "did you mean 'heard'" in p for p in found)


def test_a_cap_must_name_a_level(tmp_path: Path) -> None:
    text = with_levels().replace("      severity: serious\n",
                                 "      severity: serious\n      cap: mediocre\n")
    text = text.replace("  flags:\n", "  serious_cap: middling\n  flags:\n")
    found = problems_of(tmp_path, text)
    assert any(f":{line_of(text, 'cap: mediocre')}:" in p
               and "caps at level 'mediocre', which scoring.levels lacks (levels: weak, strong)"
               in p for p in found)
    assert any("serious_cap caps at level 'middling'" in p for p in found)


def test_caps_need_levels_with_ids(tmp_path: Path) -> None:
    text = MINIMAL.replace("  flags:\n", "  serious_cap: weak\n  flags:\n")
    found = problems_of(tmp_path, text)
    assert sum("level needs an 'id'" in p for p in found) == 2
    assert any("caps at level 'weak', which scoring.levels lacks" in p for p in found)


def test_a_migration_to_an_unknown_question_is_a_load_error(tmp_path: Path) -> None:
    text = with_levels() + """\
migrations:
  - from_version: 0.9.0
    to_version: 1.0.0
    note: {sv: Ändrat, en: Changed}
    rename: {heard_before: hearing}
    options: {heard: {ja: jo}}
    drop_ratings: {heard: [3]}
  - from_version: 0.8.0
    to_version: 0.8.5
    note: {sv: Ändrat, en: Changed}
"""
    found = problems_of(tmp_path, text)
    assert any(f":{line_of(text, 'heard_before')}:" in p and "renames 'heard_before' to "
               "'hearing', which is not a question of version 1.0.0" in p for p in found)
    assert any("maps 'ja' to 'jo', which is not an option of 'heard'" in p for p in found)
    assert any("drops ratings of 'heard', which is not an impact question" in p for p in found)
    assert any("leads to 0.8.5, which is neither this version (1.0.0) nor where another "
               "migration starts" in p for p in found)


def test_rules_name_word_lists_and_questions_that_exist(tmp_path: Path) -> None:
    text = with_levels().replace(
        "      when: \"impact(12) < 0 and heard == 'no'\"",
        "      when: \"decision_mentions('schools') or not substantive(why_not)\"")
    text = text.replace("        show_if: \"affects == 'none'\"",
                        "        show_if: \"affects == 'none' and not hollow_answers() > 0\"")
    text = text.replace("  flags:\n", """  substance:
    placeholders: {sv: [x], de: [x]}
    min_chars: {multiline: 20, line: 2}
    min_chars_for: {motivation: 40, heard: 5}
  flags:
""")
    found = problems_of(tmp_path, text)
    assert any("names word list 'schools', which scoring.word_lists lacks" in p for p in found)
    assert any("hollow_answers() reads more than answers and may only be used in scoring rules"
               in p for p in found)
    assert any("a minimum length names question 'motivation', which does not exist" in p
               for p in found)
    assert any("a minimum length names 'heard', a choice question; it needs a text question"
               in p for p in found)
    assert any("placeholders are given in de" in p for p in found)


def test_the_shipped_questionnaires_declare_gates_rules_and_migrations() -> None:
    from app.services.shipped import catalog

    # The follow-up (purpose: follow_up) is a questionnaire of its own, version 1.0.0.
    for q in catalog().questionnaires.values():
        if q.purpose != "assessment":
            continue
        assert q.scoring.serious_cap == "incomplete"
        # the steps form one chain from the first version to this one
        chain, current = [], "1.0.0"
        while (step := next((m for m in q.migrations if m.from_version == current), None)):
            chain.append(step)
            current = step.to_version
        assert current == q.version and len(chain) == len(q.migrations)
        assert q.scoring.substance is not None and q.scoring.conclusion is not None
        assert q.scoring.impact.weakened == "either_term"
        assert q.scoring.impact.conclusion_articles == [3]


def test_a_reviewer_question_naming_a_missing_question(tmp_path: Path) -> None:
    """A generated question for the reviewer may quote a question's number or its answer; a
    misspelt id would show the reviewer a bare id, so it is a load error at its line."""
    text = MINIMAL + ('  review:\n    - when: "heard == \'no\'"\n'
                      '      text: {sv: "Håller skälet ({q:why_not}: {a:hurd})?", '
                      'en: "Does the reason hold ({q:why_not}: {a:hurd})?"}\n')
    problems = problems_of(tmp_path, text)
    assert len(problems) == 2  # once per language
    assert all("review item 1 names question 'hurd'" in p for p in problems)
    assert all(f":{line_of(text, '{a:hurd}')}:" in p for p in problems)

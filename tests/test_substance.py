"""When a text answer counts: the substance rules a reviewer applies, and how they are gamed."""

from __future__ import annotations

from app.core.scoring import decision_text, score
from app.core.substance import matches
from app.services.shipped import catalog

REAL = ("Eleverna får längre skolväg och byter fritidshem från höstterminen; de yngsta "
        "reser ensamma med buss för första gången.")


def hollow_of(values: dict[str, object]) -> dict[str, str]:
    cat = catalog()
    card = score(cat.questionnaires["bka-standard"], values, cat.library)
    return {h.question: h.reason for h in card.hollow if h.article is None}


def test_placeholders_in_any_case_and_punctuation_say_nothing() -> None:
    for text in ("x", "X.", " - ", "Se ovan.", "SE OVAN", "n/a", "...", "Ja!", "see above"):
        found = hollow_of({"affects_children": "direct", "how_concerned": text})
        assert found == {"how_concerned": "placeholder"}, text


def test_a_declared_minimum_length_per_question() -> None:
    found = hollow_of({"affects_children": "none",
                       "why_not_concerned": "Beslutet fattas av ekonomiska skäl."})
    assert found == {"why_not_concerned": "short"}  # 60 characters declared for the reason
    found = hollow_of({"affects_children": "direct", "places": "Ås"})
    assert found == {}  # a one-line answer may be short: a place name is an answer


def test_an_article_summary_copied_from_the_library_is_no_analysis() -> None:
    summary = catalog().library.by_number[3].summary
    text = summary["sv"] if isinstance(summary, dict) else summary
    found = hollow_of({"affects_children": "direct", "best_interests_outcome": "yes",
                       "motivation": text})
    assert found == {"motivation": "summary_copy"}
    # a sentence of our own that quotes a few words of it still counts
    own = "Barnets bästa väger tyngst här: de yngsta förlorar sin närmiljö, " + REAL
    assert hollow_of({"affects_children": "direct", "motivation": own}) == {}


def test_the_same_text_pasted_into_several_answers_counts_once() -> None:
    found = hollow_of({"affects_children": "direct", "how_concerned": REAL,
                       "knowledge_summary": REAL, "group_differences": REAL.upper()})
    assert found == {"knowledge_summary": "repeated", "group_differences": "repeated"}


def test_word_lists_match_at_word_starts_and_compounds_where_declared() -> None:
    lists = {"sv": ["elev", "*skol"], "en": ["pupil"]}
    assert matches("Elevhälsan och grundskolan", lists) == ["Elevhälsan", "grundskolan"]
    assert matches("Ett relevant beslut om skolk", lists) == ["skolk"]
    assert matches("Ett relevant beslut", lists) == []  # 'elev' inside 'relevant' is no pupil


def test_the_decision_text_is_read_for_children_settings() -> None:
    cat = catalog()
    q = cat.questionnaires["bka-standard"]
    values = {"affects_children": "none",
              "why_not_concerned": "Ärendet gäller bara nämndens interna redovisning och "
                                   "ändrar ingenting för invånarna."}
    quiet = score(q, values, cat.library, decision_text("Nytt ekonomisystem", ""))
    loud = score(q, values, cat.library, decision_text("Nytt system", "Gäller fritidsgårdarna."))
    assert quiet.flags == []
    (flag,) = loud.flags
    assert flag.id == "screening_names_children" and flag.details == ["fritidsgårdarna"]

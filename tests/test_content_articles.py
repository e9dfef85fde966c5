"""The article library as a reader meets it (`bka articles --json`): what a lawyer checks first."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from app.cli.main import main


@cache
def _library_json() -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["articles", "--json"]) == 0
    return out.getvalue()


def article(number: int) -> dict[str, Any]:
    articles = {a["number"]: a for a in json.loads(_library_json())}
    return articles[number]


def text(number: int, lang: str) -> str:
    a = article(number)
    return " ".join([a["summary"][lang], *(p[lang] for p in a["prompts"])])


def test_article_9_uses_the_convention_test_for_separation() -> None:
    sv, en = article(9)["summary"]["sv"], article(9)["summary"]["en"]
    assert "necessary for the best interests of the child" in en
    assert "except if it is contrary to the child's best interests" in en
    assert "nödvändigt för barnets bästa" in sv
    assert "skydd eller sin utveckling" not in sv and "så länge det är bra" not in sv
    # 9(2): everyone concerned takes part; 9(4): where the absent parent is
    assert "take part in the proceedings" in en and "delta i processen" in sv
    assert "where the absent parent is" in en and "var den frånvarande föräldern finns" in sv


def test_article_7_gives_a_right_to_acquire_a_nationality() -> None:
    assert "right to acquire a nationality" in article(7)["summary"]["en"]
    assert "förvärva ett medborgarskap" in article(7)["summary"]["sv"]


def test_article_2_names_jurisdiction_discrimination_and_the_grounds() -> None:
    en, sv = article(2)["summary"]["en"], article(2)["summary"]["sv"]
    assert "jurisdiction" in en and "jurisdiktion" in sv
    assert "discriminat" in en
    for ground in ("sex", "language", "opinion", "birth"):
        assert ground in en, ground
    for ground in ("kön", "språk", "åsikter", "födsel"):
        assert ground in sv, ground


def test_article_3_covers_all_three_paragraphs() -> None:
    en = article(3)["summary"]["en"]
    assert "a primary consideration" in en
    assert "protection and care" in en  # 3(2)
    assert "supervised" in en and "standards" in en  # 3(3)


def test_article_12_names_representatives() -> None:
    assert "capable of forming their own views" in article(12)["summary"]["en"]
    assert "through a representative or an appropriate body" in article(12)["summary"]["en"]
    assert "genom en företrädare eller ett lämpligt organ" in article(12)["summary"]["sv"]


def test_smaller_corrections() -> None:
    assert "take part in and share" not in text(13, "en") and "offend" not in text(13, "en")
    assert "legal guardian" not in text(22, "en") and "god man" in text(22, "en")
    assert "physical or mental health" in article(25)["summary"]["en"]
    assert "equal opportunity" in article(28)["summary"]["en"]
    assert "their parents" in article(29)["summary"]["en"]
    assert "national values" in article(29)["summary"]["en"]
    assert "other addictive" not in article(33)["summary"]["en"]
    assert "primarily" not in article(40)["summary"]["en"]
    assert "i första hand" not in article(40)["summary"]["sv"]
    assert "whenever appropriate and desirable" in article(40)["summary"]["en"]
    # Article 19: the Committee's reading is named as the Committee's
    assert "The UN Committee reads the article" in article(19)["summary"]["en"]


def test_prompts_on_46_and_29() -> None:
    first = article(46)["prompts"][0]
    assert "ratifi" in first["sv"] and "ratifi" in first["en"]
    assert "kunskapskrav" not in text(29, "sv")


# Where "its"/"itself" is fine: it refers to a thing, never to the child.
_ALLOWED_ITS = (
    "its interpretations",
    "in itself",
    "its resources",
    "its own country",
    "its reports",
    "its priorities",
)


def test_english_never_calls_the_child_it() -> None:
    offenders = []
    for a in json.loads(_library_json()):
        for piece in [a["summary"]["en"], *(p["en"] for p in a["prompts"])]:
            cleaned = piece
            for allowed in _ALLOWED_ITS:
                cleaned = cleaned.replace(allowed, "")
            if re.search(r"\b(its|itself)\b", cleaned) or re.search(
                r"\bas (far as )?it can\b|\bit wants\b|\bit gets\b|\bit is born\b", cleaned
            ):
                offenders.append((a["number"], piece[:80]))
    assert not offenders


def test_clusters_43_to_54_are_our_own_grouping(capsys: Any) -> None:
    from app.services.shipped import catalog

    library = catalog().library
    final = next(c for c in library.clusters if c.id == "monitoring_final")
    assert isinstance(final.description, dict)
    assert "vår egen" in final.description["sv"] and "our own" in final.description["en"]

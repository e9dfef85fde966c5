"""Every rule of the legal library is placed or honestly unplaced, no product text hands the
lawyer's job back to the user, and every act the content names is in the library."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import line_of

from app.cli.main import main
from app.core.law import cited
from app.services.paths import LAW_DIR
from app.services.shipped import catalog

ROOT = Path(__file__).resolve().parent.parent
#: everything the product shows or prints that is written as content
PRODUCT_TEXT = [
    *sorted((ROOT / "app" / "ui").rglob("strings*.yaml")),
    *sorted((ROOT / "questionnaires").glob("*.yaml")),
    *sorted((ROOT / "law").glob("*.yaml")),
    *sorted((ROOT / "articles").glob("*.yaml")),
    *sorted((ROOT / "examples").glob("*.yaml")),
    *sorted((ROOT / "cases").glob("*.yaml")),
    ROOT / "app" / "core" / "document" / "legal.py",
]
#: "check this against the law yourself", in both languages
ASKS_TO_VERIFY = re.compile(
    r"\bkontrollera\w*\b[^.”\"]{0,60}\b(lag\w*|paragraf\w*|författning\w*|rättspraxis)"
    r"|\b(check|verify)\w*\b[^.'\"]{0,60}\b(law|laws|act|acts|statute\w*|section\w*|legislation)\b",
    re.IGNORECASE,
)
NOT_AN_ACT = ("förslagen", "underlagen", "upplagen")


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _texts(path: Path) -> list[str]:
    if path.suffix == ".py":
        return re.findall(r'"([^"\n]+)"', path.read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.parent.name == "law":  # maintainers' notes are not shown to users
        for area in [data] if isinstance(data, dict) else []:
            for rule in area.get("rules", []):
                rule.pop("verified", None)
    return list(_strings(data))


def test_the_detector_catches_the_texts_that_used_to_ship() -> None:
    for old in ("Kontrollera alltid mot lagtexten.",
                "kontrollera hur den nya lagen formulerar det och i vilken paragraf",
                "Check the answer and the consultation duties of the minorities act.",
                "Always check against the text of the law."):
        assert ASKS_TO_VERIFY.search(old), old
    for fine in ("Kontrollera att barnet har förstått.", "check that the child understood",
                 "paragraf ej kontrollerad", "section not verified"):
        assert not ASKS_TO_VERIFY.search(fine), fine


def test_no_product_text_asks_the_user_to_verify_the_law() -> None:
    found = [f"{path.relative_to(ROOT)}: {text[:90]}" for path in PRODUCT_TEXT
             for text in _texts(path) if ASKS_TO_VERIFY.search(text)]
    assert not found, "\n".join(found)


def test_every_shipped_rule_is_placed_or_says_it_is_not() -> None:
    law = catalog().law
    assert law is not None
    for area in law.areas:
        for rule in area.rules:
            where = f"{area.id}: {cited(law, rule, 'sv')}"
            if rule.status == "verified":
                assert rule.section is not None or rule.article is not None, where
            else:
                assert rule.section is None, where
                assert "paragraf ej kontrollerad" in cited(law, rule, "sv"), where
                assert "section not verified" in cited(law, rule, "en"), where
            assert len(rule.verified) > 40, where  # names a source and what it says


def _bad_rule(tmp_path: Path, old: str, new: str) -> tuple[str, Path]:
    folder = tmp_path / "law"
    shutil.copytree(LAW_DIR, folder)
    path = folder / "trafik.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text, folder


def test_a_verified_rule_without_a_section_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, folder = _bad_rule(tmp_path, '    chapter: 10\n    section: "32"\n', "")
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    line = line_of(text, 'verified: "10 kap') - 1  # the status line above the note
    assert f"trafik.yaml:{line}: area 'trafik', rule 2: status 'verified' needs the section" in err


def test_a_rule_without_a_status_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = _bad_rule(tmp_path, "    status: verified\n    verified: \"10 kap",
                          "    verified: \"10 kap")
    assert main(["validate", str(folder)]) == 1
    assert "status" in capsys.readouterr().err


def test_an_unverified_rule_may_not_name_a_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, folder = _bad_rule(tmp_path, "    status: verified\n    verified: \"10 kap",
                          "    status: not_verified\n    verified: \"10 kap")
    assert main(["validate", str(folder)]) == 1
    assert "a rule with status 'not_verified' names no section" in capsys.readouterr().err


def _named_acts(text: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"\b[\wåäöÅÄÖ]+(?:lagen|balken)\b", text)}
    words = {w for w in words if w != "lagen" and not w.endswith(NOT_AN_ACT)}
    return words | set(re.findall(r"\b(?:LSS|LVU|LVM|SoL|HSL|OSL|PBL|UtlL|LMA)\b", text))


def test_every_act_the_content_names_is_in_the_library() -> None:
    law = catalog().law
    assert law is not None
    known_sfs = {s.sfs for s in law.statutes}
    known = set()
    for statute in law.statutes:
        for text in (statute.short, statute.name):
            sv = text if isinstance(text, str) else text.get("sv", "")
            known.add(sv.split()[-1].lower().strip("()"))
            known |= set(re.findall(r"\((\w+)\)", sv))  # "(LSS)" in the name
            known.add(sv)
    missing = []
    for folder in ("questionnaires", "cases", "examples"):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            for act in _named_acts(text):
                if act not in known and act.lower() not in known:
                    missing.append(f"{folder}/{path.name}: {act}")
            for sfs in re.findall(r"\b(?:19|20)\d\d:\d{1,4}\b", text):
                if sfs not in known_sfs:
                    missing.append(f"{folder}/{path.name}: SFS {sfs}")
    assert not missing, "\n".join(sorted(set(missing)))

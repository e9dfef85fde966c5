"""The legal reference library (law/): what it says, and how `bka validate` reports a bad one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import MINIMAL, line_of, replaced, write

from app.cli.main import main
from app.core.law import chosen_areas, citation
from app.services.paths import LAW_DIR
from app.services.shipped import catalog


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _law_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "law"
    shutil.copytree(LAW_DIR, folder)
    return folder


def test_every_area_of_the_issue_has_rules_on_best_interests() -> None:
    law = catalog().law
    assert law is not None
    for area in ("skola", "forskola", "socialtjanst", "lss", "halso_och_sjukvard",
                 "plan_och_bygg", "migration", "kultur_och_fritid", "trafik", "familjeratt"):
        rules = law.area[area].rules
        assert rules, area
        assert all(r.strength in law.strength for r in rules)


def test_citations_read_as_lawyers_write_them() -> None:
    law = catalog().law
    assert law is not None
    cited = {citation(law, r, "sv") for a in law.areas for r in a.rules}
    assert "Föräldrabalken (1949:381) 6 kap. 2 a §" in cited
    assert "LVU (1990:52) 1 §" in cited
    assert "Skollagen (2010:800) 1 kap. 10 §" in cited
    assert "LSS (1993:387) 6 a §" in cited
    assert "Utlänningslagen (2005:716) 1 kap. 10 §" in cited
    assert "Barnkonventionen (2018:1197) artikel 3" in cited
    for fixed in ("LVU (1990:52) 39 §", "LSS (1993:387) 8 §", "Minoritetslagen (2009:724) 5 §",
                  "Minoritetslagen (2009:724) 5 a §", "Konsultationslagen (2022:66) 2 §",
                  "Hälso- och sjukvårdslagen (2017:30) 5 kap. 7 §",
                  "Diskrimineringslagen (2008:567) 1 kap. 1 §",
                  "Lagen om elevresor (1991:1110) 2 §"):
        assert fixed in cited, fixed
    assert "LVU (1990:52) 36 §" not in cited  # 36 § is a 15-year-old's own case, not counsel
    # the new Social Services Act is named, never with a section nobody could read
    social = [r for a in law.areas for r in a.rules if r.statute == "socialtjanstlagen"]
    assert social and all(r.section is None and r.status == "not_verified" for r in social)
    assert all(law.statute[r.statute].sfs == "2025:400" for r in social)
    assert "2001:453" not in {s.sfs for s in law.statutes}
    # its standard is the convention's, not the old act's "särskilt beaktas"
    assert all(r.strength != "sarskilt_beaktas" for r in social)


def test_strengths_match_the_law() -> None:
    law = catalog().law
    assert law is not None
    strength = {citation(law, r, "sv"): r.strength for a in law.areas for r in a.rules
                if r.topic == "best_interests"}
    assert strength["Föräldrabalken (1949:381) 6 kap. 2 a §"] == "avgorande"
    assert strength["LVU (1990:52) 1 §"] == "avgorande"
    assert strength["Skollagen (2010:800) 1 kap. 10 §"] == "utgangspunkt"
    assert strength["LSS (1993:387) 6 a §"] == "sarskilt_beaktas"
    assert strength["Utlänningslagen (2005:716) 1 kap. 10 §"] == "sarskilt_beaktas"


def test_the_area_picked_decides_the_rules_shown() -> None:
    cat = catalog()
    assert cat.law is not None
    q = cat.questionnaire("bka-individual")
    assert q is not None
    question = q.questions["legal_requirements"]
    shown = [a.id for a in chosen_areas(cat.law, question, {"decision_area": ["social_services"]})]
    assert shown == ["socialtjanst", "allmant"]
    picked = {"decision_area": ["school", "school_transport", "reception"]}
    assert [a.id for a in chosen_areas(cat.law, question, picked)] == [
        "skola", "trafik", "migration", "allmant"]
    assert [a.id for a in chosen_areas(cat.law, question, {})] == ["allmant"]
    std = cat.questionnaire("bka-standard")
    assert std is not None
    picked = {"legal_area": ["skola", "trafik"]}
    areas = chosen_areas(cat.law, std.questions["legal_requirements"], picked)
    assert [a.id for a in areas] == ["skola", "trafik", "allmant"]


def test_validate_reports_an_unknown_statute_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _law_copy(tmp_path)
    path = folder / "lss.yaml"
    text = path.read_text(encoding="utf-8").replace("statute: lss\n", "statute: lsss\n", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 1
    assert f"lss.yaml:{line_of(text, 'statute: lsss')}: area 'lss', rule 1: unknown statute" in err


def test_validate_reports_a_missing_language_and_a_chapter_without_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _law_copy(tmp_path)
    path = folder / "skola.yaml"
    text = path.read_text(encoding="utf-8")
    title = 'title: {sv: "Skola och fritidshem", en: "School and after-school centres"}'
    text = text.replace(title, 'title: {sv: "Skola och fritidshem"}')
    text = text.replace('    section: "10"\n', "", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 1
    assert f"skola.yaml:{line_of(text, 'title:')}: area 'skola': 'title' has no text in en" in err
    assert "a chapter needs its section" in err


def test_a_questionnaire_naming_an_unknown_area_does_not_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replaced(
        """        required: true
        show_if: "affects == 'none'"
""",
        """        required: true
        show_if: "affects == 'none'"
        law:
          source: affects
          areas: {directly: [skolan], sometimes: [skola]}
""",
    )
    path = write(tmp_path, "q.yaml", text)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    line = line_of(text, "areas: {directly")
    assert f"q.yaml:{line}: question 'why_not': unknown law area 'skolan'" in err
    assert "'affects' has no option 'sometimes'" in err


def test_a_law_source_must_be_an_earlier_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replaced(
        """        text: {sv: "Varför inte?", en: "Why not?"}
""",
        """        text: {sv: "Varför inte?", en: "Why not?"}
        law: {source: heard, areas: {}}
""",
        MINIMAL,
    )
    path = write(tmp_path, "q.yaml", text)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "law.source 'heard'" not in err  # heard is a choice, so the only complaint is order
    line = line_of(text, "law: {source")
    assert f"q.yaml:{line}: question 'why_not': 'heard' must come before it" in err

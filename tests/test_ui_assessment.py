"""An official's path through the app, driven with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_page
from streamlit.testing.v1 import AppTest
from ui_helpers import button, by_label, no_exception, open_comment, start, texts

from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment, Decision, QuestionnaireRef
from app.store import open_store


def seeded(data: Path, answers: dict[str, object] | None = None) -> str:
    store = open_store(data)
    a = Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
        decision=Decision(title="Ny förskola i Norrby", case_number="BUN 2026/7"),
        answers={k: Answer(value=v) for k, v in (answers or {}).items()},
    )
    return store.create(a, editor="test").id or ""


def open_section(at: AppTest, title: str) -> AppTest:
    radio = by_label(at.sidebar.radio, "Avsnitt")
    option = next(o for o in radio.options if title in o)
    radio.set_value(option)
    return no_exception(at.run())


def test_new_assessment_is_created_and_opened(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    at = start(monkeypatch, tmp_path)
    button(at, "Ny analys").click()
    at = no_exception(at.run())
    assert "Ny barnkonsekvensanalys" in texts(at)
    by_label(at.text_input, "Ärendets titel").input("Nedläggning av Björkskolan")
    by_label(at.text_input, "Diarienummer").input("BUN 2026/112")
    by_label(at.button, "Starta analysen").click()
    at = no_exception(at.run())
    assert "Välj formulär" in texts(at) and open_store(tmp_path).list() == []
    by_label(at.radio, "Formulär").set_value("bka-standard")
    by_label(at.button, "Starta analysen").click()
    at = no_exception(at.run())
    stored = open_store(tmp_path).list()
    assert [s.title for s in stored] == ["Nedläggning av Björkskolan"]
    assert stored[0].case_number == "BUN 2026/112"
    assert "Nedläggning av Björkskolan" in texts(at).replace("\\", "")


def test_answers_are_saved_as_given_and_conditions_react(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Berör ärendet barn")
    question = by_label(at.radio, "Berör ärendet barn?")
    question.set_value("none")
    at = no_exception(at.run())
    assert open_store(tmp_path).get(aid).answers["affects_children"].value == "none"
    why = by_label(at.text_area, "Varför berör ärendet inte barn")
    why.input("Gäller nämndens interna redovisning.")
    at = no_exception(at.run())
    sections = by_label(at.sidebar.radio, "Avsnitt").options
    assert any("Vilka barn berörs" in o and "hoppas över" in o for o in sections)
    stored = open_store(tmp_path).get(aid)
    assert stored.answers["why_not_concerned"].value == "Gäller nämndens interna redovisning."
    # Changing the answer brings the analysis back; the text question disappears.
    by_label(at.radio, "Berör ärendet barn?").set_value("direct")
    at = no_exception(at.run())
    assert not any("Varför berör ärendet inte barn" in str(w.label) for w in at.text_area)
    assert any("På vilket sätt berör" in str(w.label) for w in at.text_area)


def test_results_show_level_and_flags(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = seeded(
        tmp_path,
        {
            "affects_children": "direct",
            "children_heard": "no",
            "rights_impacts": {12: {"short": -2, "long": -1, "children": ""}},
        },
    )
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    said = texts(at)
    assert "Processkvalitet" in " ".join(m.label for m in at.metric)
    assert "Inga barn har fått säga vad de tycker, och det finns inget skäl till det" in said
    # complete means complete: no plain button while gaps remain
    assert not any(b.label == "Markera som klar" for b in at.button)
    assert "Analysen kan inte markeras som klar än" in said


def test_the_conclusion_and_the_cap_lead_the_results(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = Path(__file__).parent / "corpus" / "std-no-conclusion-seeovan.yaml"
    aid = open_store(tmp_path).create(load_assessment(corpus)[0], editor="test").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    said = texts(at)
    assert "Är förslaget förenligt med barnets bästa? Ja" in said
    assert "Motiveringen saknar innehåll" in said
    errors = " ".join(e.value for e in at.error)
    assert "Analysen tar inte ställning till om förslaget är förenligt med barnets bästa" in errors
    assert "Begränsar nivån" in errors.replace("\\", "")
    assert "None" not in said
    assert all("None" not in str(df.value) for df in [*at.dataframe, *at.table])


def test_marking_complete_with_gaps_needs_a_recorded_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, {"affects_children": "direct", "children_heard": "no"})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    by_label(at.text_area, "Skäl att ändå markera analysen som klar").input("Brådskande.")
    at = no_exception(button(at, "Markera som klar med skälet").click().run())
    assert "Skälet är för kort eller säger ingenting" in " ".join(e.value for e in at.error)
    assert open_store(tmp_path).get(aid).status == "draft"
    reason = "Nämnden måste besluta i december; barnen hörs i januari och analysen kompletteras."
    by_label(at.text_area, "Skäl att ändå markera analysen som klar").input(reason)
    at = no_exception(button(at, "Markera som klar med skälet").click().run())
    stored = open_store(tmp_path).get(aid)
    assert stored.status == "complete" and stored.completion_reason == reason
    assert reason in texts(at).replace("\\", "")


def test_a_screening_record_has_no_level_and_says_what_is_wrong(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, {"affects_children": "none", "why_not_concerned": "."})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    said = texts(at)
    assert "Screening: ärendet berör inte barn" in said
    assert not at.metric  # no level, no points, no completeness figure
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "men skälet säger ingenting" in errors
    assert "men ärendet har bedömts inte beröra barn" in errors
    assert "förskola" in errors  # the word of the title that names a children's setting


def test_language_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = start(monkeypatch, tmp_path)
    assert "Barnkonsekvensanalyser" in texts(at)
    at.session_state["lang_choice"] = "en"
    at = no_exception(at.run())
    at = no_exception(at.run())
    assert "Child rights impact assessments" in texts(at)
    # remembered for the next session
    again = start(monkeypatch, tmp_path)
    assert "Child rights impact assessments" in texts(again)


def test_full_assessment_from_start_to_result(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())

    def k(qid: str, part: str = "") -> str:
        return f"q:{aid}:{qid}:{part}"

    at = open_section(at, "Berör ärendet barn")
    at.radio(key=k("affects_children")).set_value("direct")
    at = no_exception(at.run())
    at.text_area(key=k("how_concerned")).input("Eleverna får längre skolväg.")
    at = no_exception(by_label(at.button, "Nästa").click().run())
    assert "Vilka barn berörs" in texts(at)
    at = open_section(at, "Barnens delaktighet")
    at.radio(key=k("children_heard")).set_value("directly")
    at = no_exception(at.run())
    at.multiselect(key=k("heard_methods")).set_value(
        [at.multiselect(key=k("heard_methods")).options[0]]
    )
    at = no_exception(at.run())
    at.radio(key=k("child_friendly_info")).set_value("yes")  # 5 points of process quality
    at = no_exception(at.run())
    at = open_section(at, "Konsekvenser")
    for article, short in ((2, 0), (6, 0), (12, -1)):
        at.selectbox(key=k("rights_impacts", f"{article}:short")).set_value(short)
        at = no_exception(at.run())
    at.selectbox(key=k("rights_impacts", "12:long")).set_value(-1)
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid)
    impacts = stored.answers["rights_impacts"].value
    assert impacts["12"] == {"short": -1, "long": -1, "children": ""}  # JSON keys
    # a negative rating makes the measures question appear
    at = open_section(at, "Åtgärder")
    assert any("åtgärd" in str(b.label).lower() for b in at.button)
    at = no_exception(open_page(at, "results").run())
    said = texts(at)
    assert "/100" in said
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Processkvalitet"] != "0/100"
    assert metrics["Rättigheter som försvagas"] == "1"  # article 12, in both terms
    # the mean (0 + 0 - 1) / 3: article 3 is answered by the conclusion, not rated
    assert "Medelvärde −0,33" in said


def test_comment_is_saved_with_the_answer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = seeded(tmp_path, {"affects_children": "direct"})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Berör ärendet barn")
    box = f"q:{aid}:affects_children:comment"
    assert box not in [w.key for w in at.text_area]  # a closed comment draws no box
    at = open_comment(at, aid, "affects_children")
    at.text_area(key=box).input("Bedömt med rektorerna.")
    at = no_exception(at.run())
    answer = open_store(tmp_path).get(aid).answers["affects_children"]
    assert answer.value == "direct" and answer.comment == "Bedömt med rektorerna."


def test_personnummer_in_free_text_is_warned(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, {"affects_children": "direct"})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Berör ärendet barn")
    at.text_area(key=f"q:{aid}:how_concerned:").input("Gäller eleven 121212-1212.")
    at = no_exception(at.run())
    assert any("personnummer" in w.value for w in at.warning)


def test_user_text_is_not_rendered_as_markdown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = open_store(tmp_path)
    a = Assessment(
        questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
        decision=Decision(title="[klicka](http://evil.example) **fet** <b>x</b>"),
    )
    aid = store.create(a, editor="t").id
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    shown = [m.value for m in at.markdown if "klicka" in m.value]
    assert shown and all("\\[klicka\\]" in v and "\\*\\*fet\\*\\*" in v for v in shown)


def test_delete_restore_and_erase(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aid = seeded(tmp_path)
    at = start(monkeypatch, tmp_path)
    at = no_exception(at.button(key=f"del:{aid}").click().run())
    at = no_exception(by_label(at.button, "Ja, ta bort").click().run())
    assert open_store(tmp_path).list() == [] and len(open_store(tmp_path).deleted()) == 1
    at = no_exception(at.button(key=f"restore:{aid}").click().run())
    assert [s.id for s in open_store(tmp_path).list()] == [aid]
    at = no_exception(at.button(key=f"del:{aid}").click().run())
    at = no_exception(by_label(at.button, "Ja, ta bort").click().run())
    at = no_exception(at.button(key=f"purge:{aid}").click().run())
    at = no_exception(by_label(at.button, "Ja, radera för gott").click().run())
    assert open_store(tmp_path).deleted() == []


def test_history_names_who_changed_which_question(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a = Assessment(questionnaire=QuestionnaireRef(id="bka-standard", version="2.0.0"),
                   decision=Decision(title="Ny idrottshall", official="Sara Lind"))
    aid = store.create(a, editor="Sara Lind").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid, step="screening")
    at = no_exception(open_page(at, "assess").run())
    at.radio(key=f"q:{aid}:affects_children:").set_value("indirect")
    at = no_exception(at.run())
    at = no_exception(open_page(at, "results").run())
    table = next(d.value for d in at.dataframe if "Vem" in d.value.columns)
    newest = table.iloc[0]
    assert newest["Vem"] == "Sara Lind" and newest["Frågor eller fält"] == "1.1"
    assert newest["Vad"] == "Svar"


def test_a_complete_assessment_is_read_only_until_reopened(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    aid = seeded(tmp_path, {"affects_children": "direct"})
    open_store(tmp_path).set_status(aid, "complete", "t")
    at = start(monkeypatch, tmp_path, open_assessment=aid, step="screening")
    at = no_exception(open_page(at, "assess").run())
    assert at.radio(key=f"q:{aid}:affects_children:").disabled
    assert "kan bara läsas" in texts(at)
    at = no_exception(open_page(at, "results").run())
    at = no_exception(button(at, "Öppna för redigering igen").click().run())
    at = no_exception(open_page(at, "assess").run())
    assert not at.radio(key=f"q:{aid}:affects_children:").disabled


def test_a_measure_names_the_harm_it_addresses_and_the_reviewer_is_asked_about_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    aid = seeded(tmp_path, {
        "affects_children": "direct",
        "vulnerable_groups": ["disability"],
        "rights_impacts": {31: {"short": 0, "long": 0, "children": "Alla barn",
                                "groups": {"disability": {"short": -2, "long": -1}}}},
        "measures": [{"what": "Tillgänglig lekplats vid skolan", "who": "Parkenheten",
                      "due": "2027-05-01", "status": "planned"}],
    })
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Åtgärder")
    # the group's harm counts (all children are rated 0), so the measure can name it
    names = at.multiselect(key=f"q:{aid}:measures:0:addresses")
    assert set(names.options) == {"art. 31", "barn med funktionsnedsättning (art. 31)"}
    names.set_value(["disability"])
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["measures"].value
    assert stored[0]["addresses"] == ["disability"]
    # each measure says what binds it, one choice per fact, unanswered until chosen
    decided = at.selectbox(key=f"q:{aid}:measures:0:decided")
    assert decided.value is None and decided.label == "Är åtgärden beslutad? (åtgärd 1)"
    for fact, value in (("decided", "yes"), ("funded", "yes"), ("bound", "agreement"),
                        ("reduced", "no"), ("lasting", "yes")):
        at.selectbox(key=f"q:{aid}:measures:0:{fact}").set_value(value)
        at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["measures"].value
    assert stored[0]["bound"] == "agreement" and stored[0]["addresses"] == ["disability"]
    # whom it reaches: through the parents, the form asks how in the measure's own words
    with pytest.raises(KeyError):
        at.text_area(key=f"q:{aid}:measures:0:reaches_how")
    for fact, value in (("reaches", "through_parents"), ("keeps", "keeps")):
        at.selectbox(key=f"q:{aid}:measures:0:{fact}").set_value(value)
        at = no_exception(at.run())
    how = at.text_area(key=f"q:{aid}:measures:0:reaches_how")
    assert how.label == "Hur når den barnen genom föräldrarna? (åtgärd 1)"
    how.set_value("Föräldrarna följer barnen till lekplatsen")
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["measures"].value
    assert (stored[0]["reaches"], stored[0]["keeps"], stored[0]["reaches_how"]) == (
        "through_parents", "keeps", "Föräldrarna följer barnen till lekplatsen")
    at = no_exception(open_page(at, "results").run())
    said = texts(at).replace("\\", "").replace("\u2060", "")
    assert "Det kontrollerna inte kan bedöma" in said
    assert ("Minskar åtgärden ”Tillgänglig lekplats vid skolan” i 9.1 verkligen skadan för "
            "barn med funktionsnedsättning (art. 31)?") in said
    assert "Stämmer det som 9.1 säger om vad som binder åtgärderna" in said
    assert "ingen granskare har godkänt analysen" in said


def test_results_list_the_facts_the_checks_read(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    """The individual track's structured facts stand on Resultat beside the finding they raise:
    a relative who interpreted is there to be seen, in the form's words."""
    corpus = (Path(__file__).parent / "corpus" / "redteam" / "round6"
              / "weak07-utredning-farbror-tolkar.filled.yaml")
    aid = open_store(tmp_path).create(load_assessment(corpus)[0], editor="test").id or ""
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "results").run())
    said = texts(at).replace("\\", "")
    assert "Uppgifter som kontrollerna läser" in said
    assert "Vem tolkade när barnet hördes? **En förälder, ett syskon, en släkting" in said
    errors = " ".join(e.value for e in at.error)
    assert "tolkade när barnet hördes" in errors


def test_a_number_with_a_unit_is_named_as_its_label_shows_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a screen reader hears the question and its unit as the page shows them, never "…?, barn"
    aid = seeded(tmp_path, {"affects_children": "direct"})
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Vilka barn berörs")
    names = [str(n.label) for n in at.number_input]
    count = next(n for n in names if "hur många barn" in n.lower())
    assert count.endswith("(barn)") and "?," not in count


def test_a_sentence_about_children_or_a_measure_is_shown_whole_and_kept_when_edited(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Which children an article's rating is about, and what a measure does, are sentences:
    they are drawn in boxes that wrap (a one-line box showed only their start), and an edit
    there is stored."""
    who = ("Barn som bor långt från busshållplats och barn med funktionsnedsättning får det "
           "svårare än andra under omställningen.")
    what = ("Planera skolskjutsen så att ingen elev i F-3 reser mer än 35 minuter per väg "
            "eller väntar mer än tio minuter")
    aid = seeded(tmp_path, {
        "affects_children": "direct",
        "rights_impacts": {31: {"short": -1, "long": 0, "children": who}},
        "measures": [{"what": what, "who": "Skolskjutssamordnare", "due": "2027-06-15",
                      "status": "planned"}],
    })
    at = start(monkeypatch, tmp_path, open_assessment=aid)
    at = no_exception(open_page(at, "assess").run())
    at = open_section(at, "Konsekvenser")
    children = at.text_area(key=f"q:{aid}:rights_impacts:31:children")
    assert children.value == who
    children.set_value(who + " Även barn i byarna.")
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["rights_impacts"].value
    assert stored["31"]["children"].endswith("Även barn i byarna.")
    at = open_section(at, "Åtgärder")
    measure = at.text_area(key=f"q:{aid}:measures:0:what")
    assert measure.value == what and measure.label.endswith("åtgärd 1")
    measure.set_value(what + ", med en vuxen på bussen")
    at = no_exception(at.run())
    stored = open_store(tmp_path).get(aid).answers["measures"].value
    assert stored[0]["what"].endswith("med en vuxen på bussen")
    assert at.text_input(key=f"q:{aid}:measures:0:who").value == "Skolskjutssamordnare"

"""The follow-up of a decided assessment: created linked to its original, prefilled with the
rights and measures, compared before and after, in the app's core, the CLI and the PDF."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_report_support import pdf_text

from app.cli.main import main
from app.core import followup
from app.core import lifecycle as life
from app.core.lifecycle import LifecycleRefused
from app.core.loading import load_assessment
from app.core.models.assessment import Answer, Assessment
from app.core.models.lifecycle import CommitteeDecision
from app.report.followup import render_comparison
from app.services.followup import after_completed, create
from app.services.paths import ROOT
from app.services.shipped import catalog
from app.store import TinyDBAssessmentStore
from app.store.exchange import export_bytes, import_bytes

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def decided() -> Assessment:
    """The shipped school-closure example, reviewed by a second person and decided."""
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    a = life.send_for_review(a, "Per Berg", "Karin Lund", NOW)
    a = life.approve(a, "Per Berg", "Väl underbyggd.", NOW)
    return life.record_decision(a, CommitteeDecision(
        date=dt.date(2026, 12, 10), paragraph="§ 112", outcome="as_proposed"), "Karin Lund",
        NOW)


def stored_decided(tmp_path: Path) -> tuple[TinyDBAssessmentStore, Assessment]:
    store = TinyDBAssessmentStore(tmp_path)
    return store, store.create(decided(), editor="Karin Lund")


def answered(f: Assessment) -> Assessment:
    """The follow-up answered as an official would, two years on."""
    rights = dict(f.answers["rights_now"].value)
    rights.update({"2": {"short": -1, "children": "Barn utan bil når inte fritidsgården."},
                   "6": {"short": 1, "long": 1, "children": "De yngsta orkar skoldagen."},
                   "12": {"short": 0, "long": 1, "children": "Elevrådet har två platser."},
                   "28": {"short": 2, "long": 2, "children": "Alla lärare är behöriga nu."},
                   "31": {"short": -2, "long": -2, "children": "Ingen lek efter skolan."}})
    measures = [dict(m, status="done") for m in f.answers["measures"].value[:3]]
    measures += f.answers["measures"].value[3:]
    values = {
        "rights_now": rights, "measures": measures, "expectations_met": "mixed",
        "outcome_described": "Undervisningen blev bättre än väntat, men fritiden sämre.",
        "measures_effect": "Bussvärden minskade oron; kvällsbussen kom aldrig till stånd.",
        "planned_indicators": f.answers["planned_indicators"].value,
        "indicators_now": "Restiden är högst 40 minuter; frånvaron är oförändrad enligt registret.",
        "planned_triggers": f.answers["planned_triggers"].value,
        "triggers_met": "no",
        "children_heard": "directly",
        "children_say": "Eleverna i årskurs 3 säger att bussen är lugn men att de saknar skogen.",
        "reconsider": "adjust",
        "reconsider_why": "Fritiden för barn i byarna behöver en kvällsbuss två dagar i veckan.",
    }
    return f.model_copy(update={"answers": {k: Answer(value=v) for k, v in values.items()}})


def test_the_follow_up_questionnaire_is_shipped_and_not_offered_for_a_new_assessment() -> None:
    q = followup.follow_up_questionnaire(catalog())
    assert q is not None and q.id == "bka-followup" and q.purpose == "follow_up"
    assert all(x.purpose == "assessment" for x in catalog().questionnaires.values() if x is not q)


def test_a_follow_up_is_refused_before_the_decision(tmp_path: Path) -> None:
    store = TinyDBAssessmentStore(tmp_path)
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    draft = store.create(a)
    with pytest.raises(LifecycleRefused) as exc:
        create(store, catalog(), draft.id or "", "Karin Lund")
    assert exc.value.code == "followup_not_decided"


def test_creating_links_both_and_fills_in_the_rights_and_measures(tmp_path: Path) -> None:
    store, original = stored_decided(tmp_path)
    f, new = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    assert new and f.follow_up_of == original.id and f.status == "draft"
    assert f.questionnaire.id == "bka-followup"
    assert store.get(original.id or "").follow_ups == [f.id]
    # The rights the original rated beyond the always-rated principles (2, 6, 12), unrated
    assert sorted(int(n) for n in f.answers["rights_now"].value) == [28, 31]
    assert all(v["short"] is None for v in f.answers["rights_now"].value.values())
    whats = [m["what"] for m in f.answers["measures"].value]
    assert whats[0].startswith("Planera skolskjutsen") and len(whats) == 5
    again, new_again = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    assert again.id == f.id and not new_again  # one open follow-up, not two
    with pytest.raises(LifecycleRefused):  # a follow-up of a follow-up makes no sense
        create(store, catalog(), f.id or "", "Karin Lund", NOW)


def test_a_follow_up_belongs_to_the_case_owner_and_unit(tmp_path: Path) -> None:
    """Logged in, whoever may see the original sees its follow-up; nobody's follow-up would be
    one only an administrator could open."""
    from app.core.models.assessment import Ownership

    store = TinyDBAssessmentStore(tmp_path)
    owner = Ownership(sub="anna-sub", name="Anna Berg", email="anna@kommun.example",
                      unit="Utbildning", shared=True)
    original = store.create(decided().model_copy(update={"ownership": owner}), "Anna Berg")
    f, _ = create(store, catalog(), original.id or "", "Anna Berg", NOW)
    assert store.get(f.id or "").ownership == owner


def test_completing_the_follow_up_marks_the_original_followed_up(tmp_path: Path) -> None:
    store, original = stored_decided(tmp_path)
    f, _ = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    assert after_completed(store, f, "Karin Lund", NOW) is None  # a draft changes nothing
    done = store.update(f.id or "", lambda a: answered(a).model_copy(
        update={"status": "complete"}))
    after_completed(store, done, "Karin Lund", NOW)
    again = store.get(original.id or "")
    assert again.status == "followed_up"
    assert again.lifecycle[-1].action == "follow_up" and again.lifecycle[-1].by == "Karin Lund"
    assert life.frozen_intact(again)  # the link is not content: the approved hash holds


def test_the_link_survives_export_and_import(tmp_path: Path) -> None:
    store, original = stored_decided(tmp_path / "a")
    f, _ = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    data = export_bytes(store)
    other = TinyDBAssessmentStore(tmp_path / "b")
    import_bytes(other, data, "export.json", "Per Berg")
    assert other.get(original.id or "").follow_ups == [f.id]
    assert other.get(f.id or "").follow_up_of == original.id


def test_comparison_pairs_each_right_before_and_after() -> None:
    original = decided().model_copy(update={"id": "orig0001"})
    f = followup.start(original, followup.scored(original, catalog())[2],  # type: ignore[index]
                       followup.follow_up_questionnaire(catalog()), None, NOW)  # type: ignore[arg-type]
    f = answered(f.model_copy(update={"id": "foll0001"}))
    c = followup.comparison(original, f, catalog())
    rows = {r.number: r for r in c.rights}
    assert rows[28].change == "better"  # expected -1 / +2, now +2 / +2
    assert rows[31].change == "worse"  # expected -1 / -1, now -2 / -2
    # combined with the weights 0.4 / 0.6 before and 0.5 / 0.5 after
    assert rows[6].change == "better"  # expected 0.2, now 1.0
    assert rows[12].change == "same"  # expected 0.6, now 0.5
    assert rows[2].change == "worse"  # expected -0.4, now -1 (only 'so far' given)
    assert rows[2].before_short == -1 and rows[2].after_short == -1
    assert [m.status for m in c.measures] == ["done"] * 3 + ["planned"] * 2
    assert all(m.planned for m in c.measures)
    assert c.due == dt.date(2028, 2, 15)


def test_comparison_pdf_reads_back(tmp_path: Path) -> None:
    original = decided().model_copy(update={"id": "orig0001"})
    card = followup.scored(original, catalog())[2]  # type: ignore[index]
    fq = followup.follow_up_questionnaire(catalog())
    assert fq is not None
    f = answered(followup.start(original, card, fq, None, NOW).model_copy(
        update={"id": "foll0001"}))
    text = " ".join(pdf_text(render_comparison(followup.comparison(original, f, catalog()),
                                               "sv")).split())
    assert "Uppföljning av barnkonsekvensanalys" in text
    assert "Rättigheterna: förväntat och utfall" in text
    assert "Barnets rätt till utbildning" in text or "28." in text
    assert "Bättre än väntat" in text and "Sämre än väntat" in text
    assert "+2 Tydligt stärkt" in text and "-2 Tydligt försvagad" in text
    assert "Ingen lek efter skolan." in text  # the follow-up's own words for article 31
    assert "Skogsdungen vid skolan försvinner som lekplats." in text  # the original's
    assert "Vuxen följer med på bussen under höstterminen 2027" in text
    assert "saknar skogen" in text and "Ja, det behöver justeras" in text
    assert "2028-02-15" in text and "orig0001" in text and "foll0001" in text


def test_cli_creates_the_follow_up_and_writes_the_comparison(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, original = stored_decided(tmp_path)
    assert main(["followup", original.id or "", "--name", "Karin Lund", "--json",
                 "--data-dir", str(tmp_path)]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["created"] and made["follow_up_of"] == original.id
    assert store.get(made["id"]).follow_up_of == original.id
    pdf = tmp_path / "jamforelse.pdf"
    assert main(["followup", original.id or "", "--pdf", str(pdf), "--lang", "en",
                 "--data-dir", str(tmp_path)]) == 0
    assert "The rights: expected and outcome" in " ".join(pdf_text(pdf.read_bytes()).split())


def test_cli_refuses_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["followup", "nosuchid", "--data-dir", str(tmp_path)]) == 1
    assert "nosuchid is not a stored assessment" in capsys.readouterr().err
    store = TinyDBAssessmentStore(tmp_path)
    a, _ = load_assessment(ROOT / "examples" / "skolnedlaggning.yaml")
    draft = store.create(a)
    assert main(["followup", draft.id or "", "--data-dir", str(tmp_path)]) == 1
    assert "is not decided yet" in capsys.readouterr().err
    assert main(["followup", draft.id or "", "--pdf", str(tmp_path / "x.pdf"),
                 "--data-dir", str(tmp_path)]) == 1
    assert "has no follow-up yet" in capsys.readouterr().err


def test_the_assessment_pdf_names_its_follow_up(tmp_path: Path) -> None:
    from app.report import render_pdf

    store, original = stored_decided(tmp_path)
    f, _ = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    done = store.update(f.id or "", lambda a: answered(a).model_copy(
        update={"status": "complete"}))
    after_completed(store, done, "Karin Lund", NOW)
    text = " ".join(pdf_text(render_pdf(store.get(original.id or ""))).split())
    assert "Uppföljd Karin Lund · 2026-12-01 10:00" in text
    assert f"Uppföljningar (id) {f.id}" in text
    text = " ".join(pdf_text(render_pdf(store.get(f.id or ""))).split())
    assert f"Uppföljning av analys (id) {original.id}" in text


def test_the_follow_up_brings_back_the_plans_signs_and_asks_what_they_show(
    tmp_path: Path,
) -> None:
    store, original = stored_decided(tmp_path)
    f, _ = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    # the original's indicators and triggers, as written, to be answered in the follow-up
    assert f.answers["planned_indicators"].value == original.value("follow_up_indicators")
    assert f.answers["planned_triggers"].value == original.value("reconsider_triggers")
    done = answered(f).model_copy(update={"id": f.id})
    done.answers["triggers_met"] = Answer(value="some")
    done.answers["reconsider"] = Answer(value="no")
    done.answers["reconsider_why"] = Answer(value="")
    card = followup.scored(done, catalog())
    assert card is not None
    flags = [x.id for x in card[2].flags]
    assert "trigger_met_stands" in flags  # a sign the plan named occurred, and nothing is said
    shown = followup.compare(original, followup.scored(original, catalog())[2], done, card[2],
                             card[0], card[1], catalog())
    texts = [str(answer) for _, answer in shown.answers]
    assert original.value("reconsider_triggers") in texts


def test_only_adults_asked_is_not_children_heard(tmp_path: Path) -> None:
    store, original = stored_decided(tmp_path)
    f, _ = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    done = answered(f)
    done.answers["children_heard"] = Answer(value="only_adults")
    done.answers["why_not_heard"] = Answer(value="Vi frågade bara föräldrarådet.")
    q, values, card = followup.scored(done, catalog()) or (None, None, None)
    assert card is not None and q is not None
    assert "not_heard_again" in [x.id for x in card.flags]
    assert "children_say" not in card.visible and "why_not_heard" in card.visible
    assert not next(c for c in card.criteria if c.id == "children_heard_again").met


def test_the_follow_up_shows_what_the_assessment_said_binds_each_measure(
        tmp_path: Path) -> None:
    """A measure is followed up with what the original said of it (decided, funded, who is
    bound, lasting), so a reader sees whether a measure that never came was ever secured."""
    original = decided().model_copy(update={"id": "orig0001"})
    card = followup.scored(original, catalog())[2]  # type: ignore[index]
    fq = followup.follow_up_questionnaire(catalog())
    assert fq is not None
    f = followup.start(original, card, fq, None, NOW)
    carried = f.answers["measures"].value[1]
    assert carried["decided"] == "yes" and carried["lasting"] == "no"
    f = answered(f.model_copy(update={"id": "foll0001"}))
    c = followup.comparison(original, f, catalog())
    assert c.measures[1].facts["bound"] == "own"
    text = " ".join(pdf_text(render_comparison(c, "sv")).split())
    assert ("beslutad, finansierad, genomförs av organisationen själv, bara under en övergång"
            in text)


def test_a_follow_up_of_an_older_version_carries_its_measures_as_read_now(
        tmp_path: Path) -> None:
    """2.1.0 called an ongoing measure 'open' (a declared migration maps it): the follow-up,
    whose every answer is checked when it is written, takes the measures as read now."""
    a = decided()
    measures = [{**m, "status": "open"} for m in a.answers["measures"].value]
    old = a.model_copy(update={
        "questionnaire": a.questionnaire.model_copy(update={"version": "2.1.0", "hash": None}),
        "answers": {**a.answers, "measures": Answer(value=measures)}})
    store = TinyDBAssessmentStore(tmp_path)
    original = store.create(old, editor="Karin Lund")
    f, new = create(store, catalog(), original.id or "", "Karin Lund", NOW)
    assert new and {m["status"] for m in f.answers["measures"].value} == {"ongoing"}
    assert store.get(original.id or "").answers["measures"].value == measures  # as stored

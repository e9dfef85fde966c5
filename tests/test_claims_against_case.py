"""Claims that hold for any wording: who carries a measure, what the decision's own record says
was decided, what the case says families pay. Each on the shipped thorough example changed in
one place, as a reviewer would notice it (a finding that names the defect, the level held)."""

from __future__ import annotations

from typing import Any

from test_evidence_rules import example_values

from app.core.models.scorecard import Scorecard
from app.core.scoring import decision_text, score
from app.services.shipped import catalog


def scored(change: dict[str, Any], description: str | None = None) -> Scorecard:
    assessment, values = example_values()
    cat = catalog()
    q = cat.questionnaire(assessment.questionnaire.id)
    assert q is not None
    d = assessment.decision
    text = decision_text(d.title, d.description if description is None else description)
    return score(q, {**values, **change}, cat.library, text, d.decision_date, cat.law,
                 cat.references)


def measures_owned_by(*owners: str) -> list[dict[str, Any]]:
    _, values = example_values()
    return [{**m, "who": who} for m, who in zip(values["measures"], owners, strict=True)]


def test_a_measure_left_to_the_families_softens_nothing() -> None:
    for owners in (("Vårdnadshavarna, med intyg från rektor", "Föräldrarna och deras "
                    "arbetsgivare"), ("Berörda familjer", "Barnen själva")):
        card = scored({"measures": measures_owned_by(*owners)})
        found = {f.id: f for f in card.flags}
        assert "measures_left_to_affected" in found, owners
        assert owners[0] in found["measures_left_to_affected"].details
        assert card.level is not None and card.level.id != "thorough"


def test_the_organisation_carrying_a_measure_with_the_families_still_counts() -> None:
    # The first-named owner carries the measure; "Barnets" and "Familjehemmet" are not the
    # family itself (the child's social worker, a foster home the service engages).
    for owners in (("Rektor tillsammans med vårdnadshavarna", "Park- och gatuenheten"),
                   ("Barnets socialsekreterare", "Familjehemmet med stöd av förvaltningen")):
        card = scored({"measures": measures_owned_by(*owners)})
        assert "measures_left_to_affected" not in {f.id for f in card.flags}, owners
        assert card.level is not None and card.level.id == "thorough", owners


def test_a_budget_frame_named_in_the_reasons_is_no_decision_already_taken() -> None:
    frame = ("Nämnden ska minska kostnaderna med 2 miljoner kronor 2028 enligt "
             "kommunfullmäktiges budget; förvaltningen föreslår hur.")
    _, values = example_values()
    card = scored({"other_interests": ["economy"], "other_interests_notes": frame,
                   "motivation": values["motivation"] + " " + frame})
    assert "executes_earlier_decision" not in {f.id for f in card.flags}
    assert card.level is not None and card.level.id == "thorough"


def test_a_contract_signed_in_the_decisions_record_is_a_decision_already_taken() -> None:
    assessment, _ = example_values()
    signed = (assessment.decision.description + " Förvaltningen tecknade avtal med "
              "entreprenören i mars.")
    card = scored({}, description=signed)
    assert "executes_earlier_decision" in card.capped_by


def test_a_tariff_in_the_case_is_judged_as_a_fee_whatever_kind_is_ticked() -> None:
    assessment, values = example_values()
    groups = [*values["vulnerable_groups"], "socioeconomic"]
    tariff = (assessment.decision.description + " Taxan för parkering vid skolan görs enhetlig "
              "och syskonrabatten tas bort.")
    card = scored({"vulnerable_groups": groups}, description=tariff)
    assert "fee_poor_unrated" in card.capped_by
    # rated for the children of families with little money, the same case keeps the top
    rights = {n: dict(r) for n, r in values["rights_impacts"].items()}
    first = next(iter(rights))
    rights[first]["groups"] = {"socioeconomic": {"short": -1, "long": 0}}
    rated = scored({"vulnerable_groups": groups, "rights_impacts": rights}, description=tariff)
    assert "fee_poor_unrated" not in {f.id for f in rated.flags}

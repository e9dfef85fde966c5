"""Inline inputs for the report tests: a small but complete questionnaire and an assessment.

No tests here; the report tests import it. It is written inline (not read from
questionnaires/) so that the tests do not move when the shipped content is edited.
"""

from __future__ import annotations

import copy
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdf

from app.core.catalog import Catalog, load_catalog
from app.core.models.assessment import Assessment
from app.services.paths import ARTICLES_DIR

QUESTIONNAIRE = """\
id: report-test
version: 2.0.0
languages: [sv, en]
title: {sv: Barnkonsekvensanalys, en: Child rights impact assessment}
impact_scale:
  - {value: -2, label: {sv: Tydligt försvagad, en: Clearly weakened}}
  - {value: -1, label: {sv: Något försvagad, en: Somewhat weakened}}
  - {value: 0, label: {sv: Ingen påverkan, en: No effect}}
  - {value: 1, label: {sv: Något stärkt, en: Somewhat strengthened}}
  - {value: 2, label: {sv: Tydligt stärkt, en: Clearly strengthened}}
  - {value: unknown, label: {sv: Kan inte bedömas än, en: Cannot judge yet}}
sections:
  - id: screening
    title: {sv: Berör beslutet barn?, en: Does the decision concern children?}
    questions:
      - id: affects
        type: choice
        text: {sv: "Berör beslutet barn direkt eller indirekt?",
               en: "Does the decision concern children directly or indirectly?"}
        required: true
        articles: [3]
        options:
          - {value: direct, label: {sv: "Ja, direkt", en: "Yes, directly"}}
          - {value: indirect, label: {sv: "Ja, indirekt", en: "Yes, indirectly"}}
          - {value: none, label: {sv: Nej, en: No}}
      - id: why_not
        type: text
        text: {sv: "Varför berörs inga barn?", en: "Why are no children concerned?"}
        required: true
        show_if: "affects == 'none'"
      - id: groups
        type: multi
        text: {sv: "Vilka grupper av barn berörs särskilt?",
               en: "Which groups of children are especially concerned?"}
        articles: [2]
        show_if: "affects != 'none'"
        options:
          - {value: disability, label: {sv: Barn med funktionsnedsättning,
                                       en: Children with disabilities}}
          - {value: newly_arrived, label: {sv: Nyanlända barn, en: Newly arrived children}}
          - {value: low_income, label: {sv: Barn i familjer med låg inkomst,
                                       en: Children in low-income families}}
  - id: basis
    title: {sv: Kunskapsunderlag och delaktighet, en: Knowledge and participation}
    show_if: "affects != 'none'"
    questions:
      - id: heard
        type: choice
        text: {sv: "Har barn fått komma till tals?", en: "Were children heard?"}
        required: true
        articles: [12]
        options:
          - {value: directly, label: {sv: "Ja, direkt", en: "Yes, directly"}}
          - {value: through_others, label: {sv: Genom andra, en: Through others}}
          - {value: no, label: {sv: Nej, en: No}}
      - id: why_not_heard
        type: text
        text: {sv: "Varför har barn inte hörts?", en: "Why were children not heard?"}
        show_if: "heard == 'no'"
      - id: knowledge
        type: scale
        text: {sv: "Hur gott är kunskapsunderlaget?", en: "How good is the knowledge basis?"}
        min: 1
        max: 5
        min_label: {sv: Mycket svagt, en: Very weak}
        max_label: {sv: Mycket gott, en: Very good}
      - id: children_count
        type: number
        text: {sv: "Hur många barn berörs ungefär?", en: "About how many children are concerned?"}
        unit: {sv: barn, en: children}
      - id: basis_text
        type: text
        multiline: true
        required: true
        text: {sv: "Beskriv underlaget.", en: "Describe the knowledge basis."}
  - id: impacts
    title: {sv: Konsekvenser för barnets rättigheter, en: Consequences for the child's rights}
    show_if: "affects != 'none'"
    questions:
      - id: impact_main
        type: impact
        text: {sv: "Hur påverkas barnets rättigheter?", en: "How are the child's rights affected?"}
        articles: [3, 12, 28]
        selectable: true
        required: true
  - id: weighing
    title: {sv: Avvägning och beslut, en: Weighing and decision}
    show_if: "affects != 'none'"
    questions:
      - id: motivation
        type: text
        multiline: true
        required: true
        text: {sv: "Hur har barnets bästa vägts mot andra intressen?",
               en: "How were the child's best interests weighed against other interests?"}
      - id: measures
        type: actions
        text: {sv: "Vilka åtgärder mildrar negativa följder?",
               en: "Which measures soften negative consequences?"}
        show_if: "negative_impacts() > 0"
        required: true
  - id: followup
    title: {sv: Återkoppling och uppföljning, en: Feedback and follow-up}
    show_if: "affects != 'none'"
    questions:
      - id: feedback
        type: text
        text: {sv: "Hur får barnen veta vad som beslutades?",
               en: "How are the children told about the decision?"}
      - id: followup_date
        type: date
        text: {sv: "När följs beslutet upp?", en: "When is the decision followed up?"}
        required: true
scoring:
  impact:
    term_weights: {short: 0.4, long: 0.6}
    balance_bands:
      - {min: -2, max: -0.5, label: {sv: Övervägande negativ, en: Mainly negative}}
      - {min: -0.5, max: 0.5, label: {sv: Blandad eller neutral, en: Mixed or neutral}}
      - {min: 0.5, max: 2, label: {sv: Övervägande positiv, en: Mainly positive}}
  process_quality:
    - {id: heard, label: {sv: Barn har hörts, en: Children were heard}, points: 40,
       when: "heard in ['directly', 'through_others']"}
    - {id: basis, label: {sv: Underlaget är beskrivet, en: The basis is described},
       points: 30, when: "answered(basis_text)"}
    - {id: follow, label: {sv: Uppföljning planerad, en: Follow-up planned}, points: 30,
       when: "answered(followup_date)"}
  overall: {process_quality: 0.7, completeness: 0.3}
  levels:
    - {min: 0, max: 50, label: {sv: Bristfällig, en: Insufficient},
       meaning: {sv: Analysen behöver kompletteras före beslut.,
                 en: The analysis needs more work before the decision.}}
    - {min: 50, max: 80, label: {sv: Godtagbar, en: Acceptable},
       meaning: {sv: Analysen räcker men har luckor., en: The analysis will do but has gaps.}}
    - {min: 80, max: 100, label: {sv: God, en: Good},
       meaning: {sv: Analysen är ett gott underlag för beslut.,
                 en: The analysis is a sound basis for the decision.}}
  flags:
    - id: art12_not_heard
      severity: serious
      when: "impact(12) < 0 and heard == 'no' and not answered(why_not_heard)"
      question: heard
      message: {sv: Artikel 12 försvagas men inga barn har hörts och skälet saknas.,
                en: Article 12 is weakened but no child was heard and no reason is given.}
    - id: no_measures
      severity: warning
      when: "negative_impacts() > 0 and not answered(measures)"
      question: measures
      message: {sv: Negativ påverkan utan åtgärder., en: Negative impact without measures.}
"""

ANSWERS: dict[str, Any] = {
    "affects": "direct",
    "groups": ["disability", "newly_arrived"],
    "heard": {"value": "through_others", "comment": "Elevrådet och fritidsgårdens personal."},
    "knowledge": 4,
    "children_count": 240,
    "basis_text": "Statistik från skolenheten och en enkät med 180 svar.",
    "impact_main": {
        3: {"short": -1, "long": 1, "children": "Elever i årskurs F-3 i Björkby"},
        12: {"short": 0, "long": 0, "children": "Alla elever"},
        28: {"short": -2, "long": "unknown", "children": "Elever med lång skolväg"},
        31: {"short": 1, "long": 2, "children": "Barn som använder skolgården på kvällen"},
    },
    "motivation": "Skolans lokaler är uttjänta. Barnens skolväg blir längre men skolan bättre.",
    "measures": [
        {"what": "Skolskjuts för elever med mer än 2 km", "who": "Skolskjutsenheten",
         "due": "2027-01-15", "status": "ongoing"},
        {"what": "Trygg gångväg längs Storgatan", "who": "Tekniska förvaltningen",
         "due": "2027-06-30", "status": "done"},
    ],
    "followup_date": "2027-12-01",
}


def assessment_data(**changes: Any) -> dict[str, Any]:
    """A valid assessment of the test questionnaire as a dict; `changes` replace top keys."""
    data: dict[str, Any] = {
        "format": "bka-assessment/1",
        "id": "3f2a9c1e77",
        "questionnaire": {"id": "report-test", "version": "2.0.0"},
        "language": "sv",
        "status": "draft",
        "decision": {
            "title": "Nedläggning av Björkskolans F-3",
            "case_number": "BUN 2026/112",
            "committee": "Barn- och utbildningsnämnden",
            "decision_maker": "Barn- och utbildningsnämnden",
            "official": "Åsa Öberg",
            "decision_date": "2026-12-10",
            "description": "Eleverna flyttas till Ängsskolan från hösten 2027.",
        },
        "answers": copy.deepcopy(ANSWERS),
    }
    data.update(changes)
    return data


def make_assessment(answers: dict[str, Any] | None = None, **changes: Any) -> Assessment:
    data = assessment_data(**changes)
    if answers is not None:
        data["answers"] = answers
    return Assessment.model_validate(data)


def make_catalog(folder: Path, text: str = QUESTIONNAIRE) -> Catalog:
    path = folder / "questionnaires" / "report-test.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_catalog(ARTICLES_DIR, [path])


def pdf_pages(data: bytes) -> list[str]:
    """The text a reader sees, page by page (whitespace collapsed)."""
    reader = pypdf.PdfReader(BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def pdf_text(data: bytes) -> str:
    return " ".join(pdf_pages(data))


def font_names(data: bytes) -> set[str]:
    """BaseFont names of every font the pages use."""
    reader = pypdf.PdfReader(BytesIO(data))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names

"""The fixed texts the document model adds to the report's (strings.py): the formats beside
the PDF, the conclusion, the summary for the tjänsteskrivelse. Kept apart so that edits to
the PDF's texts and to these merge without touching each other."""

from __future__ import annotations

from typing import Final

MORE: Final[dict[str, tuple[str, str]]] = {
    # key: (sv, en)
    "contents": ("Innehåll", "Contents"),
    "appendix": ("Bilaga", "Appendix"),
    "produced_with": (
        "Skapad med bka, ett verktyg för barnkonsekvensanalyser.",
        "Produced with bka, a tool for child rights impact assessments.",
    ),
    "draft_header": (
        "UTKAST: bedömningen är inte färdigställd",
        "DRAFT: the assessment is not completed",
    ),
    # the conclusion and the screening record
    "conclusion": ("Slutsats om barnets bästa", "Conclusion on the child's best interests"),
    "no_conclusion": (
        "Ingen slutsats: bedömningen tar inte ställning till om beslutet är förenligt med "
        "barnets bästa.",
        "No conclusion: the assessment takes no position on whether the decision is in the "
        "child's best interests.",
    ),
    "no_motivation": ("Ingen motivering angiven.", "No reasons given."),
    "screening_label": ("Prövning", "Screening"),
    "screening_headline": (
        "Ärendet bedöms inte beröra barn",
        "The matter is judged not to concern children",
    ),
    "screening_text": (
        "Det här är en dokumenterad prövning, inte en barnkonsekvensanalys: ingen nivå och "
        "inga poäng räknas fram.",
        "This is a documented screening, not an impact assessment: no level and no points "
        "are computed.",
    ),
    "screening_reason": ("Skäl", "Reason"),
    # the honest profile
    "profile_title": ("Rättigheter som försvagas och stärks", "Rights weakened and strengthened"),
    "profile_counts": (
        "{neg:# rättighet försvagas|# rättigheter försvagas} och {pos} stärks, på kort eller "
        "lång sikt.",
        "{neg:# right is weakened|# rights are weakened} and {pos} strengthened, in the short "
        "or the long term.",
    ),
    "direction": ("Riktning", "Direction"),
    "terms": ("Sikt", "Term"),
    # the chart as text
    "chart_alt": (
        "Stapeldiagram över påverkan på barnets rättigheter i {count:# område|# områden}, på en "
        "skala "
        "från −2 (försvagas) till +2 (stärks): {list}.",
        "Bar chart of the impact on the child's rights in {count:# area|# areas}, on a scale from "
        "−2 (weakened) to +2 (strengthened): {list}.",
    ),
    "chart_table": ("Diagrammets värden", "The chart's values"),
    "area": ("Område", "Area"),
    "value": ("Värde", "Value"),
    "articles_counted": ("Bedömda artiklar", "Articles rated"),
    # the leaner analysis
    "left_out": ("Frivilliga frågor utan svar", "Optional questions not answered"),
    "left_out_intro": (
        "Frågorna nedan är frivilliga och har inte besvarats; de visas inte i analysen.",
        "The questions below are optional and were not answered; the analysis leaves "
        "them out.",
    ),
    # the summary for the tjänsteskrivelse
    "summary_heading": ("Barnkonsekvensanalys", "Child rights impact assessment"),
    "summary_title": (
        "Sammanfattning för tjänsteskrivelsen", "Summary for the officer's report"),
    "summary_conclusion": ("Slutsats om barnets bästa", "Conclusion on the child's best interests"),
    "summary_no_conclusion": (
        "Bedömningen tar inte ställning till om förslaget är förenligt med barnets bästa.",
        "The assessment takes no position on whether the proposal is in the child's best "
        "interests.",
    ),
    "summary_weakened": ("Rättigheter som försvagas", "Rights weakened"),
    "summary_strengthened": ("Rättigheter som stärks", "Rights strengthened"),
    "summary_none_weakened": (
        "Bedömningen anger ingen rättighet som försvagas.",
        "The assessment names no right that is weakened.",
    ),
    "summary_none_strengthened": (
        "Bedömningen anger ingen rättighet som stärks.",
        "The assessment names no right that is strengthened.",
    ),
    "summary_right": ("Artikel {number} {title} ({terms})", "Article {number} {title} ({terms})"),
    "summary_heard": ("Vad barn har sagt", "What children said"),
    "summary_views_effect": (
        "Så påverkade barnens synpunkter förslaget",
        "How the children's views changed the proposal",
    ),
    "summary_not_heard": ("Varför barn inte har hörts", "Why children were not heard"),
    "summary_measures": ("Åtgärder", "Measures"),
    "summary_measure": (
        "{what} (ansvarig: {who}, senast {due})", "{what} (responsible: {who}, by {due})"),
    "summary_no_measures": ("Inga åtgärder angivna.", "No measures given."),
    "summary_follow_up": ("Uppföljning", "Follow-up"),
    "summary_by": ("Senast {date}", "By {date}"),
    "summary_no_follow_up": ("Ingen uppföljning angiven.", "No follow-up given."),
    "summary_findings": ("Brister som återstår", "Findings that remain"),
    "summary_pointer": (
        "Den fullständiga barnkonsekvensanalysen av ”{title}” ({date}) bifogas ärendet.",
        "The full child rights impact assessment of '{title}' ({date}) is attached to the case.",
    ),
    "summary_pointer_case": (
        "Den fullständiga barnkonsekvensanalysen av ”{title}” (dnr {case}, {date}) bifogas "
        "ärendet.",
        "The full child rights impact assessment of '{title}' (case {case}, {date}) is "
        "attached to the case.",
    ),
    "summary_draft": (
        "Utkast: bedömningen är inte färdigställd.",
        "Draft: the assessment is not completed.",
    ),
    "summary_screening": (
        "Ärendet har prövats och bedöms inte beröra barn.",
        "The matter has been screened and is judged not to concern children.",
    ),
    "summary_reason": ("Skäl", "Reason"),
    # the CSV files
    "csv_question": ("Fråga", "Question"),
    "csv_part": ("Del", "Part"),
    "csv_name": ("Namn", "Name"),
    "csv_value": ("Värde", "Value"),
    "csv_detail": ("Detalj", "Detail"),
    "csv_figures": ("Mått", "Figure"),
    "csv_none": ("Ingen", "None"),
}

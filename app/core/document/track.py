"""The words that depend on whom the assessment is about: children as a group, whose decision
a committee takes, or one child, whose decision is taken under delegation.

The questionnaire's `summary.track` names the track; page 1, the report for the case file and
the summary for the tjänsteskrivelse ask here for the words, so the individual track never
speaks of "children" or "the committee" where neither applies.
"""

from __future__ import annotations

from app.core.document.source import ReportInput

#: key -> (group sv, group en, individual sv, individual en)
_WORDS: dict[str, tuple[str, str, str, str]] = {
    "heard": ("Vad barn har sagt", "What children said",
              "Vad barnet har sagt", "What the child said"),
    "views_effect": ("Så påverkade barnens synpunkter förslaget",
                     "How the children's views changed the proposal",
                     "Vilken vikt barnets åsikter har fått",
                     "The weight given to the child's views"),
    "not_heard": ("Varför barn inte har hörts", "Why children were not heard",
                  "Varför barnet inte har hörts", "Why the child was not heard"),
    "measures": ("Åtgärder", "Measures", "Stöd och åtgärder för barnet",
                 "Support and measures for the child"),
    "support": ("Ytterligare stöd", "Further support", "Ytterligare stöd till barnet",
                "Further support for the child"),
    "decision": ("Nämndens beslut", "The committee's decision",
                 "Beslutet på delegation", "The decision under delegation"),
    "committee": ("Nämnd", "Committee", "Nämnd eller enhet", "Committee or unit"),
    "impact_children": ("För vilka barn", "For which children", "Vad det innebär för barnet",
                        "What it means for the child"),
    "method_harm": (
        "En rättighet räknas som försvagad om den bedöms negativt på kort eller på lång sikt: "
        "en vinst senare tar inte bort skadan för de barn som lever med den nu. Artikel "
        "{articles} bedöms genom slutsatsen om barnets bästa, inte med ett betyg.",
        "A right counts as weakened if it is judged negative in the short or the long term: a "
        "gain later does not undo the harm for the children who live through it now. Article "
        "{articles} is judged by the best-interests conclusion, not by a rating.",
        "En rättighet räknas som försvagad om den bedöms negativt på kort eller på lång sikt: "
        "en vinst senare tar inte bort skadan för barnet som lever med den nu. Artikel "
        "{articles} bedöms genom slutsatsen om barnets bästa, inte med ett betyg.",
        "A right counts as weakened if it is judged negative in the short or the long term: a "
        "gain later does not undo the harm for the child who lives through it now. Article "
        "{articles} is judged by the best-interests conclusion, not by a rating.",
    ),
    "who_all": ("Alla barn som berörs", "All children concerned", "Barnet", "The child"),
    "weakened": ("Rättigheter som försvagas", "Rights weakened",
                 "Barnets rättigheter som försvagas", "The child's rights weakened"),
    "strengthened": ("Rättigheter som stärks", "Rights strengthened",
                     "Barnets rättigheter som stärks", "The child's rights strengthened"),
    "most_affected": ("Det som försvagas mest, värst först",
                      "What is weakened most, worst first",
                      "Det som försvagas mest för barnet, värst först",
                      "What is weakened most for the child, worst first"),
    "views_title": ("Barnens synpunkter", "Children's views", "Barnets åsikter",
                    "The child's views"),
    "pointer": ("Den fullständiga barnkonsekvensanalysen av ”{title}” ({date}) bifogas ärendet.",
                "The full child rights impact assessment of ‘{title}’ ({date}) is attached to "
                "the case.",
                "Den fullständiga prövningen av barnets bästa i ”{title}” ({date}) finns i "
                "akten.",
                "The full best-interests assessment in ‘{title}’ ({date}) is kept in the "
                "case file."),
    "pointer_case": ("Den fullständiga barnkonsekvensanalysen av ”{title}” (dnr\u00a0{case}, "
                     "{date}) bifogas ärendet.",
                     "The full child rights impact assessment of ‘{title}’ (case {case}, "
                     "{date}) is attached to the case.",
                     "Den fullständiga prövningen av barnets bästa i ”{title}” (dnr\u00a0{case}, "
                     "{date}) finns i akten.",
                     "The full best-interests assessment in ‘{title}’ (case {case}, {date}) "
                     "is kept in the case file."),
}


def individual(ri: ReportInput) -> bool:
    """Whether the assessment is about one child (the questionnaire's `summary.track`)."""
    spec = ri.questionnaire.summary
    return spec is not None and spec.track == "individual"


def w(key: str, ri: ReportInput, **values: object) -> str:
    """The track's word for `key` in the report's language."""
    group_sv, group_en, one_sv, one_en = _WORDS[key]
    if individual(ri):
        text = one_en if ri.lang == "en" else one_sv
    else:
        text = group_en if ri.lang == "en" else group_sv
    return text.format(**values) if values else text

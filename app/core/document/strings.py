"""Every fixed text the report prints, Swedish first, and the way numbers are written.

Content (questions, labels, summaries) comes from the YAML files; only the report's own frame
lives here, so a Swedish report never shows an English word of ours and vice versa.
"""

from __future__ import annotations

from typing import Final

from app.core import numbers
from app.core.wording import fill

STRINGS: Final[dict[str, tuple[str, str]]] = {
    # key: (sv, en)
    "report": ("Barnkonsekvensanalys", "Child rights impact assessment"),
    "page": ("Sida {page} av {pages}", "Page {page} of {pages}"),
    "watermark": ("UTKAST", "DRAFT"),
    # the decision
    "case_number": ("Diarienummer", "Case number"),
    "committee": ("Nämnd", "Committee"),
    "decision_maker": ("Beslutsfattare", "Decision-maker"),
    "decision_date": ("Planerat beslutsdatum", "Planned decision date"),
    "decided_on": ("Beslutat", "Decided"),
    "decided_value": ("{date}, {outcome}", "{date}, {outcome}"),
    "official": ("Ansvarig tjänsteperson", "Responsible official"),
    "status": ("Status", "Status"),
    "status_draft": ("Utkast, inte färdigställd", "Draft, not completed"),
    "status_complete": ("Färdigställd", "Completed"),
    "status_followed_up": ("Färdigställd och uppföljd", "Completed and followed up"),
    "status_in_review": ("Färdigställd, för granskning", "Completed, in review"),
    "status_approved": ("Granskad och godkänd", "Reviewed and approved"),
    "status_decided": ("Granskad, godkänd och beslutad", "Reviewed, approved and decided"),
    "description": ("Förslaget i korthet", "The proposal in brief"),
    "personal_data": (
        "Innehåller personuppgifter. Hantera rapporten enligt dataskyddsförordningen och "
        "offentlighets- och sekretesslagen.",
        "Contains personal data. Handle the report under the GDPR and the rules on "
        "secrecy.",
    ),
    "not_given": ("Ej angivet", "Not given"),
    # the summary
    "summary": ("Sammanfattning", "Summary"),
    "overall_level": ("Samlad nivå", "Overall level"),
    "points": ("{score} av 100 poäng", "{score} of 100 points"),
    "band": ("Nivån omfattar {low}–{high} poäng.",
             "This level covers {low}–{high:# point|# points}."),
    "no_level": ("Ingen nivå kunde beräknas.", "No level could be computed."),
    "balance": ("Påverkansbalans", "Impact balance"),
    "balance_scale": ("−2 till +2", "−2 to +2"),
    "balance_counts": (
        "{rated:# artikel bedömd|# artiklar bedömda}, {neg} försvagas och {pos} stärks",
        "{rated:# article rated|# articles rated}, {neg} weakened and {pos} strengthened",
    ),
    "no_ratings": ("Ingen artikel bedömd ännu", "No article rated yet"),
    "quality": ("Processkvalitet", "Process quality"),
    "quality_of": ("poäng av 100", "points of 100"),
    "completeness": ("Fullständighet", "Completeness"),
    "answered_of": (
        "{answered} av {required:# obligatorisk fråga|# obligatoriska frågor} har ett svar som "
        "räknas",
        "{answered} of {required:# required question has|# required questions have} an answer "
        "that counts",
    ),
    "chart_title": (
        "Påverkan på barnets rättigheter per område",
        "Impact on the child's rights by area",
    ),
    "chart_weakened": ("← försvagas", "← weakened"),
    "chart_strengthened": ("stärks →", "strengthened →"),
    "chart_not_rated": ("Områden utan bedömd artikel", "Areas with no rated article"),
    "chart_caption": (
        "Medelvärdet av de bedömda artiklarna i varje område, enligt den indelning av "
        "artiklarna 1–42 som FN:s barnrättskommitté använder för staternas rapporter.",
        "Mean of the rated articles in each area, grouped as the UN Committee on the Rights of "
        "the Child groups articles 1–42 for state reports.",
    ),
    "warnings": ("Varningar", "Warnings"),
    "other_warnings": ("Övriga varningar", "Other warnings"),
    "serious_title": ("Allvarliga brister", "Serious findings"),
    "holds_level": ("begränsar nivån", "holds the level down"),
    "found": ("Gäller", "Concerns"),
    "conclusion_title": ("Barnets bästa", "The child's best interests"),
    "motivation": ("Motivering", "Reasons"),
    "screening_title": ("Screening: ärendet berör inte barn", "Screening: the matter does not "
                        "concern children"),
    "screening_no_findings": (
        "Inga brister i screeningen: skälet är utförligt och beslutets rubrik och beskrivning "
        "nämner inga barn eller platser där barn finns.",
        "No findings in the screening: the reason is substantive and the decision's title and "
        "description name no children or places where children are.",
    ),
    "rights_title": ("Rättigheter som försvagas eller stärks", "Rights weakened or strengthened"),
    "rights_weakened": ("försvagas", "weakened"),
    "rights_strengthened": ("stärks", "strengthened"),
    "rights_of": ("{rated:# bedömd artikel|# bedömda artiklar}",
                  "{rated:# rated article|# rated articles}"),
    "rights_weakened_title": ("Rättigheter som försvagas", "Rights weakened"),
    "rights_strengthened_n": ("{n} stärks", "{n} strengthened"),
    "weakened_for": ("Försvagas, och för vilka barn", "Weakened, and for which children"),
    "mean_note": ("Medelvärde {mean}: {label}", "Mean {mean}: {label}"),
    "completion_reason": (
        "Markerad som färdig trots att obligatoriska svar eller allvarliga brister återstår. "
        "Tjänstepersonens skäl: {reason}",
        "Marked complete although required answers or serious findings remain. The "
        "official's reason: {reason}",
    ),
    # what remains, only the parts that do: never "0 required questions lack an answer"
    "completion_unexplained": (
        "Markerad som färdig, men inget skäl är antecknat: {gaps}. Rapporten visas därför som "
        "utkast.",
        "Marked complete, but no reason is recorded: {gaps}. The report is therefore shown as "
        "a draft.",
    ),
    "completion_missing": (
        "{missing:# obligatorisk fråga saknar|# obligatoriska frågor saknar} ett svar som räknas",
        "{missing:# required question lacks|# required questions lack} an answer that counts",
    ),
    "completion_serious": (
        "{serious:# allvarlig brist återstår|# allvarliga brister återstår}",
        "{serious:# serious finding remains|# serious findings remain}",
    ),
    "status_complete_unexplained": ("Markerad som färdig, med brister", "Marked complete, with "
                                    "findings"),
    "no_warnings": (
        "Inga varningar: svaren motsäger inte varandra.",
        "No warnings: the answers do not contradict each other.",
    ),
    "severity_serious": ("Allvarlig", "Serious"),
    "severity_warning": ("Varning", "Warning"),
    "see_question": ("se fråga {number}", "see question {number}"),
    "scores_guide": (
        "Poängen är ett stöd för att se luckor och jämföra bedömningar, inte ett omdöme om "
        "beslutet.",
        "The scores help to see gaps and to compare assessments; they are no verdict on the "
        "decision.",
    ),
    # notes on the questionnaire
    "note": ("Observera", "Note"),
    "stale_version": (
        "Bedömningen gjordes med version {old} av frågeformuläret {qid}, som inte längre "
        "finns i verktyget. Rapporten visar de sparade svaren med den nuvarande versionen "
        "{new}; frågor och poäng kan skilja sig från när svaren gavs.",
        "The assessment was made with version {old} of questionnaire {qid}, which the tool "
        "no longer ships. The report shows the stored answers with the current version "
        "{new}; questions and scores may differ from when the answers were given.",
    ),
    "changed_text": (
        "Frågeformulärets text har ändrats sedan svaren gavs (samma version {version}, "
        "annan kontrollsumma).",
        "The questionnaire's text has changed since the answers were given (same version "
        "{version}, another checksum).",
    ),
    "orphans_note": (
        "{count:# sparat svar passar|# sparade svar passar} inte den nuvarande versionen och "
        "räknas "
        "inte in i "
        "poängen. De visas vid sina frågor, eller sist i analysen om frågan har tagits bort.",
        "{count:# stored answer does not fit the current version and is|# stored answers do not "
        "fit the current version and are} left out of the "
        "scores. They are shown at their questions, or at the end of the analysis if the "
        "question was removed.",
    ),
    "orphans": (
        "Svar på frågor som inte finns i den nuvarande versionen",
        "Answers to questions the current version does not have",
    ),
    "orphan_question": ("Fråga med id ”{qid}”", "Question with id ‘{qid}’"),
    "orphan_value": (
        "Sparat svar som inte passar den nuvarande versionen",
        "Stored answer that does not fit the current version",
    ),
    # the analysis
    "impact_table": ("Påverkan per artikel", "Impact per article"),
    "impact_table_intro": (
        "Varje bedömd artikel med betyg på kort och lång sikt och det samlade värdet "
        "(−2 tydligt försvagad till +2 tydligt stärkt).",
        "Each rated article with its short and long term rating and the combined value "
        "(−2 clearly weakened to +2 clearly strengthened).",
    ),
    "analysis": ("Analys per avsnitt", "Analysis by section"),
    "not_answered": ("Inte besvarad", "Not answered"),
    "not_answered_required": (
        "Inte besvarad (obligatorisk fråga)",
        "Not answered (required question)",
    ),
    "comment": ("Kommentar", "Comment"),
    "article": ("Artikel", "Article"),
    "short_term": ("Kort sikt", "Short term"),
    "long_term": ("Lång sikt", "Long term"),
    "combined": ("Samlat", "Combined"),
    "action_what": ("Åtgärd", "Action"),
    "action_who": ("Ansvarig", "Responsible"),
    "action_due": ("Klart senast", "Due"),
    "action_status": ("Status", "Status"),
    "scale_value": ("{value} på skalan {low}–{high}", "{value} on the scale {low}–{high}"),
    "no_articles_rated": ("Ingen artikel har bedömts.", "No article has been rated."),
    # the articles
    "articles": ("Berörda artiklar i barnkonventionen", "Articles of the convention concerned"),
    "articles_intro": (
        "Artiklarna som bedömningen tar upp, med en kort sammanfattning i egna ord. Lagtexten "
        "finns i lagen (2018:1197) om Förenta nationernas konvention om barnets rättigheter.",
        "The articles the assessment concerns, each with a short summary in our own words. "
        "The legal text is in the Swedish act (2018:1197) incorporating the convention.",
    ),
    "principle": ("allmän princip", "general principle"),
    # the method
    "method": ("Så beräknades bedömningen", "How the scores were computed"),
    "method_intro": (
        "Alla siffror räknas fram ur svaren enligt reglerna i frågeformuläret {qid} "
        "version {version}.",
        "Every figure is computed from the answers by the rules of questionnaire {qid} "
        "version {version}.",
    ),
    "method_screening": ("Screening", "Screening"),
    "method_screening_text": (
        "Ärendet är antecknat som att det inte berör barn. En sådan screening får ingen nivå, "
        "inga poäng och ingen kriterietabell, eftersom ingen analys har gjorts som siffrorna "
        "kan beskriva. Bara screeningens egna regler prövas: att skälet har innehåll (minst "
        "{min} tecken, ingen platshållare) och att beslutets rubrik och beskrivning inte "
        "nämner barn eller platser och grupper där barn finns (ordlistan ”{words}”).",
        "The matter is recorded as not concerning children. Such a screening gets no level, "
        "no points and no criteria table, since no assessment was made that the figures "
        "could describe. Only the screening's own rules are checked: that the reason has "
        "content (at least {min:# character|# characters}, no placeholder) and that the "
        "decision's title "
        "and description name no children or places and groups where children are (the "
        "word list ‘{words}’).",
    ),
    "method_gates": ("Spärrar före poäng", "Gates before points"),
    "method_gates_text": (
        "Bristerna prövas före poängen. Så länge en allvarlig brist finns kan nivån inte bli "
        "högre än ”{cap}”, hur många poäng analysen än får.",
        "The findings are checked before the points. While a serious finding is raised, the "
        "level cannot be higher than ‘{cap}’, however many points the assessment gets.",
    ),
    "method_gates_own": (
        "Regler med en egen, lägre spärr: {rules}.",
        "Rules with a lower cap of their own: {rules}.",
    ),
    "method_gates_result": (
        "Poängen räcker till ”{points_level}”; nivån är ”{level}”.",
        "The points reach ‘{points_level}’; the level is ‘{level}’.",
    ),
    "method_substance": ("Svar med innehåll", "Answers with content"),
    "method_substance_text": (
        "Ett textsvar räknas bara när det säger något: inte en platshållare (till exempel "
        "{examples}), inte kortare än {multiline} tecken för ett längre svar ({overrides}), "
        "inte en kopia av en artikelsammanfattning ur biblioteket och inte samma text som i "
        "ett tidigare svar. En åtgärd räknas bara med ansvarig och datum. Svar som inte "
        "räknas ger inga poäng och tas upp bland bristerna.",
        "A text answer counts only when it says something: not a placeholder (for example "
        "{examples}), not shorter than {multiline:# character|# characters} for a longer answer "
        "({overrides}), not a copy of an article summary from the library and not the same "
        "text as an earlier answer. A measure counts only with an owner and a date. Answers "
        "that do not count earn no points and are listed among the findings.",
    ),
    "method_impact": ("Påverkan", "Impact"),
    "method_combined": (
        "En artikels samlade värde = {short} × kort sikt + {long} × lång sikt. Ett led som "
        "inte kan bedömas eller saknas räknas inte; vikten läggs då på det andra.",
        "An article's combined value = {short} × short term + {long} × long term. A term "
        "that cannot be judged or is missing is left out and the other takes its weight.",
    ),
    "method_cluster": (
        "Varje artikel räknas i ett enda område, det där FN:s barnrättskommitté i första hand "
        "placerar den. Ett områdes värde är medelvärdet av dess bedömda artiklar. "
        "Påverkansbalansen är medelvärdet av alla bedömda artiklar och benämns så här:",
        "Each article counts in one area only, the one the UN Committee on the Rights of the "
        "Child places it in first. An area's value is the mean of its rated articles. The "
        "impact balance is the mean of all rated articles, named as follows:",
    ),
    "method_quality": ("Processkvalitet", "Process quality"),
    "method_quality_intro": (
        "Summan av poängen för de kriterier som är uppfyllda (högst 100).",
        "The sum of the points of the criteria that are met (at most 100).",
    ),
    "criterion": ("Kriterium", "Criterion"),
    "points_col": ("Poäng", "Points"),
    "met": ("Uppfyllt", "Met"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "total": ("Summa", "Total"),
    "method_completeness": ("Fullständighet", "Completeness"),
    "method_completeness_text": (
        "Andelen synliga obligatoriska frågor som har ett svar som räknas: {answered} av "
        "{required} = {percent}. Ett textsvar utan innehåll räknas inte. Frågor som är dolda "
        "av tidigare svar räknas inte.",
        "The share of visible required questions that have an answer that counts: {answered} "
        "of {required} = {percent}. A text answer without content does not count. Questions "
        "hidden by earlier answers do not count.",
    ),
    "method_missing": (
        "Obligatoriska frågor utan svar som räknas: {list}",
        "Required questions without an answer that counts: {list}",
    ),
    "method_overall": ("Samlad nivå", "Overall level"),
    "method_overall_text": (
        "Samlad poäng = {wq} × processkvalitet + {wc} × fullständighet = {wq} × {quality} + "
        "{wc} × {completeness} = {overall}. Nivån är det intervall poängen hamnar i:",
        "Overall score = {wq} × process quality + {wc} × completeness = {wq} × {quality} + "
        "{wc} × {completeness} = {overall}. The level is the band the score falls in:",
    ),
    "range": ("Intervall", "Range"),
    "level": ("Nivå", "Level"),
    "meaning": ("Innebörd", "Meaning"),
    "current": ("denna bedömning", "this assessment"),
    "method_flags": ("Regler för brister och varningar", "Rules for findings and warnings"),
    "method_flags_intro": (
        "Frågeformuläret varnar när svaren motsäger varandra eller lämnar en lucka:",
        "The questionnaire warns when answers contradict each other or leave a gap:",
    ),
    "rule": ("Regel", "Rule"),
    "raised": ("Utlöst", "Raised"),
    # the colophon
    "about": ("Om rapporten", "About this report"),
    "questionnaire": ("Frågeformulär", "Questionnaire"),
    "version": ("Version", "Version"),
    "checksum": ("Kontrollsumma", "Checksum"),
    "checksum_kind": ("SHA-256, förkortad", "SHA-256, shortened"),
    "answered_with": ("Besvarad med", "Answered with"),
    "assessment_id": ("Bedömningens id", "Assessment id"),
    "revision": ("Revision", "Revision"),
    "generated": ("Rapporten skapad", "Report generated"),
    "last_changed": ("Senast ändrad", "Last changed"),
    "language": ("Språk", "Language"),
    "language_name": ("svenska", "English"),
    "unknown_checksum": ("okänd", "unknown"),
    "produced_by": (
        "Skapad med bka, ett verktyg för barnkonsekvensanalyser. Typsnitt: DejaVu Sans.",
        "Produced with bka, a tool for child rights impact assessments. Font: DejaVu Sans.",
    ),
}

LANGUAGES = ("sv", "en")
LOCALES = {"sv": "sv-SE", "en": "en-GB"}


def t(key: str, lang: str, **values: object) -> str:
    """The report's own text `key` in `lang` (Swedish unless English is asked for)."""
    sv, en = STRINGS[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)


# The way numbers are written lives in the core, shared with the app: one writer per language.
MINUS = numbers.MINUS
number = numbers.number
weight = numbers.weight
percent = numbers.percent


def _with_more() -> None:
    """Add the document model's own texts (more_strings.py) to the table `t` reads."""
    from app.core.document.more_strings import MORE

    clash = set(MORE) & set(STRINGS)
    assert not clash, f"text keys defined twice: {sorted(clash)}"
    STRINGS.update(MORE)  # type: ignore[attr-defined]


_with_more()

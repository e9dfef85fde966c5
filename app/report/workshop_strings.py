"""The workshop summary's own words, Swedish first (the assessment report's are in strings.py)."""

from __future__ import annotations

from typing import Final

from app.core.wording import fill

STRINGS: Final[dict[str, tuple[str, str]]] = {
    "footer": ("Workshopsammanfattning", "Workshop summary"),
    "kicker": ("Workshop i barnkonsekvensanalys · sammanfattning",
               "Workshop in child rights impact assessment · summary"),
    "line": ("{date} · {count:# grupp|# grupper}:", "{date} · {count:# group|# groups}:"),
    "case": ("Fallet", "The case"),
    "case_line": ("Nivå: {level} · ungefär {minutes:# minut|# minuter} · artiklar en bra "
                  "analys tar upp: {articles}",
                  "Level: {level} · about {minutes:# minute|# minutes} · articles a good "
                  "analysis covers: {articles}"),
    "scores": ("Grupperna: nivå och poäng", "The groups: level and scores"),
    "scores_intro": (
        "Samlad poäng och nivå räknas ur processkvalitet och fullständighet enligt formulärets "
        "poängregler, som i en vanlig rapport; en allvarlig brist håller nivån nere hur många "
        "poäng gruppen än får. Påverkansbalansen är medelvärdet av gruppens bedömningar per "
        "artikel, från −2 till +2.",
        "The overall score and level come from process quality and completeness by the "
        "questionnaire's scoring rules, as in an ordinary report; a serious finding holds the "
        "level down however many points the group gets. The impact balance is the mean of the "
        "group's ratings per article, from −2 to +2."),
    "rules": ("Nyckelpunkter och vanliga misstag", "Key points and common mistakes"),
    "rules_intro": (
        "Fallets egna regler, prövade mot varje grupps svar. Poängen säger hur väl analysen "
        "är dokumenterad; reglerna säger vad gruppen såg och vilka vanliga misstag den gjorde.",
        "The case's own rules, checked against each group's answers. The score says how well "
        "the assessment is documented; the rules say what the group saw and which common "
        "mistakes it made."),
    "key_point": ("Nyckelpunkt", "Key point"),
    "mistake": ("Vanligt misstag", "Common mistake"),
    "groups_key_point": ("Grupper som fångade den", "Groups that caught it"),
    "groups_mistake": ("Grupper som gjorde det", "Groups that made it"),
    "group": ("Grupp", "Group"),
    "level": ("Nivå", "Level"),
    "overall": ("Samlad poäng", "Overall score"),
    "quality": ("Process­kvalitet", "Process quality"),
    "completeness": ("Fullständig­het", "Complete­ness"),
    "balance": ("Balans", "Balance"),
    "articles": ("Artiklarna sida vid sida", "The articles side by side"),
    "articles_intro": (
        "Varje grupps samlade bedömning per artikel, från −2 (tydligt försvagad) till +2 "
        "(tydligt stärkt); – betyder inte bedömd. Spridning är skillnaden mellan högsta och "
        "lägsta bedömning. ★ är artiklar som en bra analys av fallet tar upp. Artikel 3 bedöms "
        "genom gruppens slutsats om barnets bästa, som står i rutan. Artiklarnas namn står "
        "under tabellen.",
        "Each group's combined rating per article, from −2 (clearly weakened) to +2 (clearly "
        "strengthened); – means not rated. Spread is the difference between the highest and "
        "lowest rating. ★ marks articles a good analysis of the case covers. Article 3 is "
        "assessed through the group's best-interests conclusion, shown in its cell. The "
        "articles' names are listed below the table."),
    "article": ("Artikel", "Article"),
    "art": ("Art.", "Art."),
    "spread": ("Spridning", "Spread"),
    "no_ratings": ("Ingen grupp bedömde någon artikel.", "No group rated an article."),
    "agenda": ("Dagordning för samtalet", "Agenda for the discussion"),
    "agenda_intro": (
        "Först fallets nyckelartiklar och det nyckelpunkterna och de vanliga misstagen handlar "
        "om, sedan frågor som de flesta grupper svarade olika på, sist resten.",
        "First the case's key articles and what its key points and common mistakes are about, "
        "then questions most groups answered differently, then the rest."),
    "part_key": ("Fallets kärna: nyckelartiklar, nyckelpunkter och vanliga misstag",
                 "The heart of the case: key articles, key points and common mistakes"),
    "part_most": ("Där de flesta grupper svarade olika", "Where most groups answered differently"),
    "part_rest": ("Övriga skillnader, där få grupper svarade",
                  "Other differences, where few groups answered"),
    "answered_by": ("{answered} av {groups:# grupp|# grupper} svarade",
                    "{answered} of {groups:# group|# groups} answered"),
    "plenary": ("Frågor till helgruppen", "Questions for the whole room"),
    "agenda_one": ("Med en grupp finns inget att jämföra.",
                   "With one group there is nothing to compare."),
    "agenda_none": ("Grupperna svarade inte olika på någon fråga.",
                    "The groups did not answer any question differently."),
    "question_no": ("fråga {number}", "question {number}"),
    "disagreement": ("Oenighet {percent}", "Disagreement {percent}"),
    "method": ("Så räknas oenigheten", "How disagreement is computed"),
    "method_text": (
        "Från 0\u00a0% (alla grupper som svarat gav samma svar) till 100\u00a0% (så olika som "
        "möjligt). Ett val: andelen grupper som inte gav det vanligaste svaret, jämfört med "
        "största möjliga andel för så många grupper. Flera val: hur lite gruppernas val "
        "överlappar, i genomsnitt par för par (1 − gemensamma val / alla valda). Tal: "
        "skillnaden mellan högsta och lägsta svar, delad med det högsta. En artikel: "
        "skillnaden mellan högsta och lägsta samlade bedömning, delad med 4. Bara grupper som "
        "ser frågan och har svarat räknas, och en fråga behöver minst två sådana grupper. "
        "Fritext jämförs inte.",
        "From 0% (every group that answered gave the same answer) to 100% (as different as "
        "possible). One choice: the share of groups that did not give the most common answer, "
        "against the largest share possible for that many groups. Several choices: how little "
        "the groups' choices overlap, on average pair by pair (1 − shared / all chosen). "
        "Numbers: the difference between the highest and lowest answer, divided by the highest. "
        "An article: the difference between the highest and lowest combined rating, divided by "
        "4. Only groups that see the question and answered it count, and a question needs at "
        "least two such groups. Free text is not compared."),
}


def t(key: str, lang: str, **values: object) -> str:
    """The summary's own text `key` in `lang` (Swedish unless English is asked for)."""
    sv, en = STRINGS[key]
    text = en if lang == "en" else sv
    return fill(text, lang, **values)

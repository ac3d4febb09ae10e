"""The team workbook's words: values, the Rules sheet's notes, the guide.

Sheet and column names live with the reader
(:mod:`balancer.files.schema`: each has its Danish name there, which the
reader accepts too). Here: the words balancer writes in the cells
(every one of them a word the reader accepts), the notes on the Rules
sheet and the template's instructions. A setting's English description
is the domain model's own (a test keeps the two in step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["TEAM"]

TEAM: dict[str, Entry] = {
    # -- cell values the reader reads back -----------------------------------
    "team.no_duty": {"en": "none", "da": "ingen"},
    "team.closed": {"en": "closed", "da": "lukket"},
    "team.want": {"en": "want", "da": "ønsker"},
    "team.avoid": {"en": "avoid", "da": "undgår"},
    "team.reason.vacation": {"en": "vacation", "da": "ferie"},
    "team.reason.sick": {"en": "sick", "da": "syg"},
    "team.reason.course": {"en": "course", "da": "kursus"},
    "team.reason.other": {"en": "other", "da": "andet"},
    "team.status.new": {"en": "new", "da": "ny"},
    "team.status.assigned": {"en": "assigned", "da": "tildelt"},
    "team.status.in progress": {"en": "in progress", "da": "i gang"},
    "team.status.waiting": {"en": "waiting", "da": "venter"},
    # -- the Rules sheet's notes ---------------------------------------------
    "setting.rule": {
        "en": "{description} Default {default}.",
        "da": "{description} Standard: {default}.",
    },
    "setting.weight": {
        "en": "Weight: {description} Default {default}; 0 switches it off.",
        "da": "Vægt: {description} Standard: {default}; 0 slår det fra.",
    },
    "setting.blank": {"en": "None", "da": "tom"},
    "setting.country": {
        "en": "Country code for public holidays. Default DK.",
        "da": "Landekode for helligdage. Standard: DK.",
    },
    "setting.subdivision": {
        "en": "Region for regional holidays, if any. Default none.",
        "da": "Region for regionale helligdage, hvis nogen. Standard: ingen.",
    },
    "setting.closed_dates": {
        "en": "Extra closed days, e.g. 24.12.2027, 31.12.2027 (one row or "
        "several). Default none.",
        "da": "Ekstra lukkedage, fx 24.12.2027, 31.12.2027 (én række eller "
        "flere). Standard: ingen.",
    },
    "setting.opening_hours": {
        "en": "Opening hours on {day}, e.g. 08:00-16:00, or closed. Default "
        "{default}.",
        "da": "Åbningstid {day}, fx 08:00-16:00, eller lukket. Standard: "
        "{default}.",
    },
    "setting.day.0": {"en": "Mon", "da": "mandag"},
    "setting.day.1": {"en": "Tue", "da": "tirsdag"},
    "setting.day.2": {"en": "Wed", "da": "onsdag"},
    "setting.day.3": {"en": "Thu", "da": "torsdag"},
    "setting.day.4": {"en": "Fri", "da": "fredag"},
    "setting.day.5": {"en": "Sat", "da": "lørdag"},
    "setting.day.6": {"en": "Sun", "da": "søndag"},
    # -- what each setting means (English: the domain model's description) ---
    "setting.full_time_hours": {
        "en": "Hours of a full-time week (37 in Denmark).",
        "da": "Timer i en fuldtidsuge (37 i Danmark).",
    },
    "setting.max_slots_per_day": {
        "en": "Duty slots a person takes a day, max.",
        "da": "Højst så mange vagter tager en person om dagen.",
    },
    "setting.max_duty_days_per_week": {
        "en": "Days with duty per week, max.",
        "da": "Højst så mange dage med vagt pr. uge.",
    },
    "setting.max_slots_per_week": {
        "en": "Duty slots a person takes in a calendar week, max; blank = no "
        "limit.",
        "da": "Højst så mange vagter tager en person i en kalenderuge; tom = "
        "ingen grænse.",
    },
    "setting.max_consecutive_slots": {
        "en": "Back-to-back duty slots (no gap between them), max.",
        "da": "Højst så mange vagter i træk (uden pause imellem).",
    },
    "setting.min_free_half_days_per_week": {
        "en": "Duty-free half days a person should keep each week for "
        "casework (soft: weighted by `casework_time`).",
        "da": "Vagtfri halve dage, en person bør have hver uge til "
        "sagsbehandling (et ønske, ikke et krav: vægtes med "
        "`casework_time`).",
    },
    "setting.half_day_split": {
        "en": "Where the morning ends and the afternoon starts.",
        "da": "Hvor formiddagen slutter og eftermiddagen begynder.",
    },
    "setting.daily_overhead_hours": {
        "en": "Hours a working day that go to meetings and the board, not "
        "casework.",
        "da": "Timer pr. arbejdsdag, der går til møder og tavlemøde og ikke "
        "til sagsbehandling.",
    },
    "setting.horizon_working_days": {
        "en": "Working days ahead the backlog balancer plans.",
        "da": "Så mange arbejdsdage frem planlægger sagsfordelingen.",
    },
    "setting.shelf_order": {
        "en": "How the backlog balancer takes cases off the shelf: `queue` = "
        "each skill queue in order (priority, then deadline, then date "
        "received), a case only once every case ahead of it is taken; "
        "`pack` = any order that fills every free hour.",
        "da": "Hvordan sagsfordelingen tager sager fra reolen: `queue` = "
        "hver kompetences kø i rækkefølge (prioritet, så frist, så "
        "modtagelsesdato), en sag først når alle sager foran den er taget; "
        "`pack` = enhver rækkefølge, der fylder alle ledige timer.",
    },
    "setting.max_moves": {
        "en": "Most cases one rebalance moves from their owner (to another "
        "caseworker or back to the shelf); blank = 2 per caseworker at work "
        "in the horizon.",
        "da": "Højst så mange sager flytter én fordeling fra deres "
        "sagsbehandler (til en anden eller tilbage på reolen); tom = 2 pr. "
        "sagsbehandler på arbejde i planperioden.",
    },
    "setting.goals_in_tiers": {
        "en": "Prove the rota's goals tier by tier: staffing, then fairness, "
        "then the sums of deviations, then casework time, blocks and "
        "wishes; no = one weighted sum of every goal (as the benchmarks "
        "score).",
        "da": "Bevis vagtplanens mål trin for trin: bemanding, så "
        "fordeling, så summen af afvigelser, så tid til sagsbehandling, "
        "samlede vagter og ønsker; nej = én vægtet sum af alle mål (sådan "
        "som benchmarkene tæller).",
    },
    "setting.fairness_max": {
        "en": "Largest deviation from fair share.",
        "da": "Største afvigelse fra den rimelige andel.",
    },
    "setting.fairness_sum": {
        "en": "Sum of deviations from fair share.",
        "da": "Summen af afvigelser fra den rimelige andel.",
    },
    "setting.duty_fairness": {
        "en": "Deviation from fair share per duty.",
        "da": "Afvigelse fra den rimelige andel pr. vagttype.",
    },
    "setting.duty_fairness_max": {
        "en": "Largest deviation from fair share within each duty.",
        "da": "Største afvigelse fra den rimelige andel inden for hver "
        "vagttype.",
    },
    "setting.unpopular_fairness": {
        "en": "Uneven spread of unpopular slots.",
        "da": "Skæv fordeling af upopulære vagter.",
    },
    "setting.casework_time": {
        "en": "Each missing duty-free half day.",
        "da": "Hver manglende vagtfri halve dag.",
    },
    "setting.blocks": {
        "en": "Each extra separate duty block in a person's day.",
        "da": "Hver ekstra adskilt blok af vagter på en persons dag.",
    },
    "setting.target_staffing": {
        "en": "Each person short of target staffing.",
        "da": "Hver person, der mangler i forhold til den ønskede bemanding.",
    },
    "setting.over_target": {
        "en": "Each person above target staffing (0 = don't mind).",
        "da": "Hver person ud over den ønskede bemanding (0 = ligegyldigt).",
    },
    "setting.requests": {
        "en": "Multiplier on duty request weights.",
        "da": "Faktor på vægten af ønsker om vagter.",
    },
    "setting.preferences": {
        "en": "Multiplier on preference weights.",
        "da": "Faktor på vægten af ønsker.",
    },
    "setting.variety": {
        "en": "Same slot again in the same week.",
        "da": "Den samme vagt igen i den samme uge.",
    },
    "setting.balance_max": {
        "en": "Highest utilisation (backlog).",
        "da": "Højeste udnyttelse (sager).",
    },
    "setting.balance_spread": {
        "en": "Spread of utilisation (backlog).",
        "da": "Spredning i udnyttelse (sager).",
    },
    "setting.lateness": {
        "en": "Each forecast day past deadline.",
        "da": "Hver dag, en sag ventes færdig efter fristen.",
    },
    "setting.age": {
        "en": "Older cases left on the shelf or queued late.",
        "da": "Ældre sager, der bliver på reolen eller kommer sent i køen.",
    },
    "setting.moves": {
        "en": "Each reassigned case (stability).",
        "da": "Hver sag, der skifter sagsbehandler (stabilitet).",
    },
    "setting.fit": {
        "en": "Each skill level above the case's need (fit).",
        "da": "Hvert kompetenceniveau over det, sagen kræver (match).",
    },
    # -- what each sheet is for (the template's guide and the docs) ----------
    "purpose.staff": {
        "en": "One row per person: contract (FTE or weekly hours), the days "
        "and hours they work, their skills with a level 1-3, and which "
        "duties they may take (blank = all, 'none' = no duty).",
        "da": "Én række pr. person: ansættelse (årsværk eller timer pr. "
        "uge), de dage og timer, personen arbejder, kompetencer med et "
        "niveau 1-3, og hvilke vagter personen må tage (tom = alle, "
        "'ingen' = ingen vagter).",
    },
    "purpose.absences": {
        "en": "Vacation, sickness, courses and other absences. Leave the "
        "times blank for whole days; give From time and To time for part of "
        "a day (e.g. a dentist 08:00-10:00).",
        "da": "Ferie, sygdom, kurser og andet fravær. Lad tidspunkterne stå "
        "tomme for hele dage; udfyld Fra kl og Til kl for en del af en dag "
        "(fx tandlæge 08:00-10:00).",
    },
    "purpose.duties": {
        "en": "The duties to staff, such as phone or mail, one row per time "
        "slot. Rows with the same Duty form one duty. Min, Target and Max "
        "say how many people; Required skills say who must be among them.",
        "da": "De vagter, der skal bemandes, fx telefon eller postkasse, én "
        "række pr. tidsrum. Rækker med samme Vagt er én vagt. Minimum, Mål "
        "og Maksimum siger, hvor mange personer der skal på; "
        "Kompetencekrav siger, hvem der skal være blandt dem.",
    },
    "purpose.rules": {
        "en": "The team's rules and settings, one per row: limits per "
        "person, opening hours per weekday, closed days, and how much each "
        "goal counts. A blank value means the default in the Note column.",
        "da": "Teamets regler og indstillinger, én pr. række: grænser pr. "
        "person, åbningstid pr. ugedag, lukkedage, og hvor meget hvert mål "
        "tæller. En tom værdi betyder standardværdien i kolonnen "
        "Bemærkning.",
    },
    "purpose.preferences": {
        "en": "Wishes: a person wants or avoids a weekday, a date or a duty "
        "slot. Weight 1-10 says how strongly.",
        "da": "Ønsker: en person ønsker eller undgår en ugedag, en dato "
        "eller en vagt. Vægt 1-10 siger, hvor meget.",
    },
    "purpose.history": {
        "en": "Balances carried from last month: + hours = the person did "
        "more than their fair share and gets less this month.",
        "da": "Saldi overført fra sidste måned: + timer = personen tog mere "
        "end sin rimelige andel og får mindre denne måned.",
    },
    "purpose.cases": {
        "en": "The open case backlog: effort left in hours, when it came in, "
        "its deadline, priority, skill needed and current caseworker.",
        "da": "De åbne sager: resterende estimat i timer, hvornår sagen kom "
        "ind, dens frist, prioritet, krævet kompetence og nuværende "
        "sagsbehandler.",
    },
    # -- the template's instructions ----------------------------------------
    "template.title": {
        "en": "How to fill in this workbook",
        "da": "Sådan udfylder du denne projektmappe",
    },
    "template.examples": {
        "en": "Each sheet below has one example row; replace it with your "
        "team. Names in the examples are made up.",
        "da": "Hvert ark nedenfor har én eksempelrække; erstat den med jeres "
        "team. Navnene i eksemplerne er opdigtede.",
    },
    "template.formats": {
        "en": "Dates are day first: 31.01.2027 (also 31-01-2027 or "
        "2027-01-31). Times: 08:00, 8.30 or 8. Decimal comma is fine: 29,6.",
        "da": "Datoer skrives med dagen først: 31.01.2027 (også 31-01-2027 "
        "eller 2027-01-31). Klokkeslæt: 08:00, 8.30 eller 8. Decimalkomma "
        "er fint: 29,6.",
    },
    "template.lists": {
        "en": "Lists are separated by commas: pension:3, english:2. "
        "Weekdays: Mon-Thu, man-tor, Mon, Wed, Fri.",
        "da": "Lister adskilles med komma: pension:3, engelsk:2. Ugedage: "
        "man-tor, man, ons, fre.",
    },
    "template.headers": {
        "en": "Headers may also be in Danish (Navn, Fravær, Vagt ...). Empty "
        "rows are skipped. Extra columns are ignored (you get a note).",
        "da": "Overskrifter og ord må også være på engelsk. Tomme rækker "
        "springes over. Ekstra kolonner ignoreres (du får en bemærkning).",
    },
    "template.check": {
        "en": "Check the workbook with:  balancer validate team.xlsx --month "
        "2027-01",
        "da": "Tjek projektmappen med:  balancer validate team.xlsx --month "
        "2027-01",
    },
}

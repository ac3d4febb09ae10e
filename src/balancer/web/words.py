"""Every word of the web app, in English and Danish.

The same shape as :data:`balancer.language.catalogue.CATALOGUE` (key ->
language -> template), checked by the same test: every key in both
languages with the same blanks. :class:`AppWords` looks here first, then
in the outputs' catalogue, and writes numbers and dates as
:class:`~balancer.outputs.words.Words` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.language import Words

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = ["WEB_CATALOGUE", "AppWords"]

_Entry = dict["Language", str]

WEB_CATALOGUE: dict[str, _Entry] = {
    "app.tagline": {
        "en": "Fair duty rotas and balanced case backlogs",
        "da": "Retfærdige vagtplaner og en afbalanceret sagsbunke",
    },
    "app.local": {
        "en": "Runs on this computer; nothing leaves it.",
        "da": "Kører på denne computer; intet forlader den.",
    },
    # -- the team -----------------------------------------------------------
    "team.heading": {"en": "1. The team workbook", "da": "1. Teamarket"},
    "team.pick": {
        "en": "Pick a workbook from {folder}",
        "da": "Vælg et regneark fra {folder}",
    },
    "team.pick.button": {"en": "Use this one", "da": "Brug dette"},
    "team.pick.none": {
        "en": "No .xlsx or .json files in {folder}.",
        "da": "Ingen .xlsx- eller .json-filer i {folder}.",
    },
    "team.upload": {
        "en": "or upload one",
        "da": "eller upload et",
    },
    "team.upload.button": {"en": "Upload and check", "da": "Upload og tjek"},
    "team.month": {"en": "Month to plan", "da": "Måned, der skal planlægges"},
    "team.current": {
        "en": "In use: {name}. {staff} staff, {duties} duties, {cases} cases.",
        "da": "I brug: {name}. {staff} medarbejdere, {duties} vagttyper, "
        "{cases} sager.",
    },
    "team.none": {
        "en": "No team workbook yet.",
        "da": "Intet teamark endnu.",
    },
    "team.ok": {
        "en": "{name}: OK, no problems for {month}.",
        "da": "{name}: OK, ingen problemer for {month}.",
    },
    "team.problems": {
        "en": "{name}: {count} problem(s). Nothing was replaced: fix them "
        "and upload again.",
        "da": "{name}: {count} problem(er). Intet blev erstattet: ret dem "
        "og upload igen.",
    },
    "team.month_problems": {
        "en": "{name}: {count} problem(s) for {month}.",
        "da": "{name}: {count} problem(er) for {month}.",
    },
    "team.notes": {
        "en": "{count} note(s), worth knowing:",
        "da": "{count} bemærkning(er), værd at vide:",
    },
    "team.too_big": {
        "en": "The file is larger than {size} MB.",
        "da": "Filen er større end {size} MB.",
    },
    "team.too_big.fix": {
        "en": "remove unused sheets, pictures and formatted empty rows",
        "da": "fjern ubrugte ark, billeder og formaterede tomme rækker",
    },
    "team.kind": {
        "en": "Only .xlsx workbooks and .json team files can be read.",
        "da": "Kun .xlsx-regneark og .json-teamfiler kan læses.",
    },
    "team.kind.fix": {
        "en": "save it as 'Excel Workbook (*.xlsx)'",
        "da": "gem det som 'Excel-projektmappe (*.xlsx)'",
    },
    "team.no_file": {
        "en": "Choose a file first.",
        "da": "Vælg en fil først.",
    },
    "problem.sheet": {"en": "Sheet", "da": "Ark"},
    "problem.row": {"en": "Row", "da": "Række"},
    "problem.column": {"en": "Column", "da": "Kolonne"},
    "problem.message": {"en": "Problem", "da": "Fejl"},
    "problem.fix": {"en": "Fix", "da": "Sådan retter du det"},
    # -- planning -----------------------------------------------------------
    "plan.heading": {"en": "2. Plan the month", "da": "2. Planlæg måneden"},
    "plan.limit": {
        "en": "Seconds per search",
        "da": "Sekunder pr. søgning",
    },
    "plan.button": {"en": "Plan", "da": "Planlæg"},
    "plan.stop": {
        "en": "Stop and keep the best plan",
        "da": "Stop og behold den bedste plan",
    },
    "plan.need_team": {
        "en": "Choose a team workbook without problems first.",
        "da": "Vælg først et teamark uden problemer.",
    },
    "plan.busy": {
        "en": "A run is under way in this tab; stop it or wait.",
        "da": "En kørsel er i gang i denne fane; stop den eller vent.",
    },
    "plan.bad_month": {
        "en": "{month} is not a month; write it like 2027-03.",
        "da": "{month} er ikke en måned; skriv den som 2027-03.",
    },
    "plan.bad_limit": {
        "en": "Give the seconds as a number from 1 to 3600.",
        "da": "Angiv sekunderne som et tal fra 1 til 3600.",
    },
    "run.starting": {
        "en": "Starting…",
        "da": "Starter…",
    },
    "run.phase.rota": {"en": "Rota", "da": "Vagtplan"},
    "run.phase.backlog": {"en": "Backlog", "da": "Sager"},
    "run.progress": {
        "en": "{phase}: {seconds} s, best plan {objective}, bound {bound}",
        "da": "{phase}: {seconds} s, bedste plan {objective}, grænse {bound}",
    },
    "run.waiting": {
        "en": "{phase}: searching ({seconds} s)",
        "da": "{phase}: søger ({seconds} s)",
    },
    "run.stopping": {
        "en": "Stopping; keeping the best plan so far…",
        "da": "Stopper; beholder den bedste plan indtil nu…",
    },
    "run.done": {
        "en": "Done. Rota: {status}{stopped}.",
        "da": "Færdig. Vagtplan: {status}{stopped}.",
    },
    "run.stopped": {
        "en": ", stopped by you",
        "da": ", stoppet af dig",
    },
    "run.backlog": {
        "en": " Backlog: {status}: {assigned} cases planned, {shelf} on "
        "the shelf, {late} forecast late.",
        "da": " Sager: {status}: {assigned} sager planlagt, {shelf} på "
        "reolen, {late} forventes forsinket.",
    },
    "run.relaxed": {
        "en": " The rules cannot all hold: the rota breaks the fewest "
        "demands, and the Summary sheet says which.",
        "da": " Reglerne kan ikke alle overholdes: vagtplanen bryder så få "
        "krav som muligt, og arket Summary siger hvilke.",
    },
    "run.changes": {
        "en": " {count} change(s) to the rota.",
        "da": " {count} ændring(er) i vagtplanen.",
    },
    "run.no_plan": {
        "en": "No plan was found ({status}).",
        "da": "Der blev ikke fundet en plan ({status}).",
    },
    "run.failed": {
        "en": "The run failed: {message}",
        "da": "Kørslen fejlede: {message}",
    },
    "status.OPTIMAL": {
        "en": "optimal (proven best)",
        "da": "optimal (bevist bedst)",
    },
    "status.FEASIBLE": {
        "en": "good, not proven best",
        "da": "god, ikke bevist bedst",
    },
    "status.INFEASIBLE": {"en": "rules conflict", "da": "reglerne strider"},
    "status.TIME_LIMIT": {
        "en": "time ran out before a plan",
        "da": "tiden løb ud før en plan",
    },
    # -- results ------------------------------------------------------------
    "result.heading": {"en": "3. The plan", "da": "3. Planen"},
    "result.none": {
        "en": "No plan yet in this tab.",
        "da": "Ingen plan endnu i denne fane.",
    },
    "result.rota": {"en": "Rota as the Board", "da": "Vagtplanen som tavle"},
    "result.board": {"en": "Board meeting page", "da": "Tavlemødesiden"},
    "result.download": {"en": "Download", "da": "Hent"},
    "result.rota_file": {
        "en": "rota workbook",
        "da": "vagtplan (regneark)",
    },
    "result.backlog_file": {
        "en": "backlog workbook",
        "da": "sagsplan (regneark)",
    },
    "result.calendars": {
        "en": "calendars (zip)",
        "da": "kalendere (zip)",
    },
    # -- sick call ----------------------------------------------------------
    "sick.heading": {"en": "4. A sick call", "da": "4. En sygemelding"},
    "sick.who": {"en": "Who", "da": "Hvem"},
    "sick.from": {"en": "From", "da": "Fra"},
    "sick.to": {"en": "To", "da": "Til"},
    "sick.button": {"en": "Replan", "da": "Planlæg om"},
    "sick.bad_dates": {
        "en": "Give dates in {month}, the first not after the last.",
        "da": "Angiv datoer i {month}, den første ikke efter den sidste.",
    },
    "sick.need_rota": {
        "en": "Plan the month first.",
        "da": "Planlæg måneden først.",
    },
    # -- the board view -----------------------------------------------------
    "rota.heading": {
        "en": "Rota for {month}, as the Board",
        "da": "Vagtplan for {month} som tavle",
    },
    "rota.back": {"en": "Back", "da": "Tilbage"},
    "rota.date": {"en": "Date", "da": "Dato"},
    "rota.time": {"en": "Time", "da": "Tid"},
    "rota.duty": {"en": "Duty", "da": "Vagt"},
    "rota.staff": {"en": "Staff", "da": "Medarbejdere"},
    "rota.names": {"en": "Names", "da": "Navne"},
    "rota.need": {"en": "Min / target / max", "da": "Min. / mål / maks."},
    "rota.legend": {
        "en": "Red: below the minimum; amber: short of the target.",
        "da": "Rød: under minimum; gul: under det ønskede antal.",
    },
    "error.not_found": {
        "en": "This page does not exist (the server may have been restarted).",
        "da": "Siden findes ikke (serveren er måske genstartet).",
    },
    "error.start_again": {"en": "Start again", "da": "Start forfra"},
    "error.origin": {
        "en": "Refused: the request came from another web site.",
        "da": "Afvist: forespørgslen kom fra et andet websted.",
    },
}


class AppWords(Words):
    """:class:`Words` that know the app's sentences too."""

    def __call__(self, key: str, **fields: object) -> str:
        entry = WEB_CATALOGUE.get(key)
        if entry is None:
            return super().__call__(key, **fields)
        return entry[self.lang].format(**fields)

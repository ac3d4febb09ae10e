"""The rota workbook's words: headers, values and sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["ROTA"]

ROTA: dict[str, Entry] = {
    # -- headers shared by several sheets ---------------------------------
    # The Danish headers of sheets balancer reads back (Board, Published,
    # History, Carried in) are names the readers accept (files/schema.py).
    "header.Date": {"en": "Date", "da": "Dato"},
    "header.Day": {"en": "Day", "da": "Dag"},
    "header.Weekday": {"en": "Weekday", "da": "Ugedag"},
    "header.Time": {"en": "Time", "da": "Tid"},
    "header.Duty": {"en": "Duty", "da": "Vagt"},
    "header.Duty name": {"en": "Duty name", "da": "Vagtnavn"},
    "header.Staff": {"en": "Staff", "da": "Medarbejder"},
    "header.Names": {"en": "Names", "da": "Navne"},
    "header.Name": {"en": "Name", "da": "Navn"},
    "header.ID": {"en": "ID", "da": "ID"},
    "header.Min": {"en": "Min", "da": "Minimum"},
    "header.Target": {"en": "Target", "da": "Mål"},
    "header.Max": {"en": "Max", "da": "Maks"},
    "header.Note": {"en": "Note", "da": "Bemærkning"},
    "header.Assigned": {"en": "Assigned", "da": "Tildelt"},
    "header.Short of min": {"en": "Short of min", "da": "Mangler til min."},
    "header.Short of target": {
        "en": "Short of target",
        "da": "Mangler til mål",
    },
    "header.Over max": {"en": "Over max", "da": "Over maks"},
    # -- History and Carried in (read back) -------------------------------
    "header.Balance hours": {"en": "Balance hours", "da": "Saldo timer"},
    "header.Unpopular balance": {
        "en": "Unpopular balance",
        "da": "Upopulære saldo",
    },
    # -- Fairness ------------------------------------------------------------
    "header.Available hours": {
        "en": "Available hours",
        "da": "Timer på arbejde",
    },
    "header.Carried in": {"en": "Carried in", "da": "Overført ind"},
    "header.Fair share": {"en": "Fair share", "da": "Rimelig andel"},
    "header.Unavoidable": {"en": "Unavoidable", "da": "Uundgåeligt"},
    "header.Deviation": {"en": "Deviation", "da": "Afvigelse"},
    "header.Carried out": {"en": "Carried out", "da": "Overført ud"},
    "header.Unpopular slots": {
        "en": "Unpopular slots",
        "da": "Upopulære vagter",
    },
    "header.Unpopular fair share": {
        "en": "Unpopular fair share",
        "da": "Rimelig andel upopulære",
    },
    "header.Unpopular deviation": {
        "en": "Unpopular deviation",
        "da": "Afvigelse upopulære",
    },
    "header.{duty} hours": {"en": "{duty} hours", "da": "{duty} timer"},
    "header.{duty} fair share": {
        "en": "{duty} fair share",
        "da": "{duty} rimelig andel",
    },
    "header.{duty} carried out": {
        "en": "{duty} carried out",
        "da": "{duty} overført ud",
    },
    "fairness.title": {
        "en": "Fairness {month}",
        "da": "Fordeling {month}",
    },
    "fairness.chart": {
        "en": "Deviation from fair share (hours)",
        "da": "Afvigelse fra rimelig andel (timer)",
    },
    "fairness.chart.y": {
        "en": "hours (+ = more than fair share)",
        "da": "timer (+ = mere end rimelig andel)",
    },
    "fairness.chart.x": {"en": "staff", "da": "medarbejdere"},
    # -- Statements sheet --------------------------------------------------
    "header.Statement": {"en": "Statement", "da": "Opgørelse"},
    "statements.title": {
        "en": "Statements {month}",
        "da": "Opgørelser {month}",
    },
    "statements.no_rota": {
        "en": "No rota, so no statements.",
        "da": "Ingen vagtplan, derfor ingen opgørelser.",
    },
    # -- the Rota grid ------------------------------------------------------
    "rota.title": {"en": "Rota {month}", "da": "Vagtplan {month}"},
    "rota.week": {"en": "Week {week}", "da": "Uge {week}"},
    "rota.breaks": {
        "en": "Breaks demands: see Summary",
        "da": "Bryder krav: se Overblik",
    },
    "rota.status": {"en": "Status: {status}", "da": "Status: {status}"},
    "rota.short_of_minimum": {
        "en": "Short of minimum",
        "da": "Mangler til minimum",
    },
    "rota.legend": {"en": "Legend", "da": "Forklaring"},
    "rota.legend.away": {
        "en": "Away: vacation, sick, course",
        "da": "Fravær: ferie, syg, kursus",
    },
    "rota.legend.closed": {
        "en": "Closed: weekend, holiday",
        "da": "Lukket: weekend, helligdag",
    },
    "rota.weekend": {"en": "weekend", "da": "weekend"},
    "rota.closed": {"en": "closed", "da": "lukket"},
    "rota.away_part": {"en": "{reason} {span}", "da": "{reason} {span}"},
    # -- the Board ------------------------------------------------------------
    "board.title": {"en": "Board {month}", "da": "Tavle {month}"},
    "board.short": {"en": "short by {count}", "da": "mangler {count}"},
    "board.over": {"en": "over by {count}", "da": "{count} for mange"},
    "board.below_target": {
        "en": "below target by {count}",
        "da": "{count} under mål",
    },
    "board.unknown_slot": {"en": "unknown slot", "da": "ukendt vagt"},
    "board.slot": {"en": "slot {number}", "da": "vagt {number}"},
    # -- the Summary ----------------------------------------------------------
    "summary.title": {"en": "Summary {month}", "da": "Overblik {month}"},
    "summary.rota": {"en": "Rota {month}", "da": "Vagtplan {month}"},
    "summary.no_rota": {
        "en": "No rota: the solve ended {status}; see conflicts below",
        "da": "Ingen vagtplan: løsningen endte {status}; se konflikterne "
        "nedenfor",
    },
    "header.Solve": {"en": "Solve", "da": "Løsning"},
    "header.Item": {"en": "Item", "da": "Punkt"},
    "header.Value": {"en": "Value", "da": "Værdi"},
    "header.Goals in tiers": {"en": "Goals in tiers", "da": "Mål i trin"},
    "header.Tier": {"en": "Tier", "da": "Trin"},
    "header.Goals": {"en": "Goals", "da": "Mål"},
    "header.Points": {"en": "Points", "da": "Point"},
    "header.Bound": {"en": "Bound", "da": "Grænse"},
    "header.Proven": {"en": "Proven", "da": "Bevist"},
    "header.Kept": {"en": "Kept", "da": "Holdt"},
    "header.Done at": {"en": "Done at", "da": "Færdig efter"},
    "header.Soft goals": {"en": "Soft goals", "da": "Bløde mål"},
    "header.Goal": {"en": "Goal", "da": "Mål"},
    "header.Description": {"en": "Description", "da": "Beskrivelse"},
    "header.Weight": {"en": "Weight", "da": "Vægt"},
    "header.Weighted": {"en": "Weighted", "da": "Vægtet"},
    "header.Conflicts and warnings": {
        "en": "Conflicts and warnings",
        "da": "Konflikter og advarsler",
    },
    "header.Rule": {"en": "Rule", "da": "Regel"},
    "header.Message": {"en": "Message", "da": "Besked"},
    "header.Staffing per slot": {
        "en": "Staffing per slot",
        "da": "Bemanding pr. vagt",
    },
    "value.Status": {"en": "Status", "da": "Status"},
    "value.Objective": {"en": "Objective", "da": "Målfunktion"},
    "value.Best bound": {"en": "Best bound", "da": "Bedste grænse"},
    "value.Gap": {"en": "Gap", "da": "Afstand"},
    "value.Seconds": {"en": "Seconds", "da": "Sekunder"},
    "value.Stopped by user": {
        "en": "Stopped by user",
        "da": "Stoppet af brugeren",
    },
    "value.partly": {"en": "partly", "da": "delvist"},
    # -- the tiers ------------------------------------------------------------
    "tier.staffing": {"en": "staffing", "da": "bemanding"},
    "tier.fairness": {"en": "fairness", "da": "retfærdig fordeling"},
    "tier.sums of deviations": {
        "en": "sums of deviations",
        "da": "summer af afvigelser",
    },
    "tier.casework time, blocks and wishes": {
        "en": "casework time, blocks and wishes",
        "da": "sagstid, blokke og ønsker",
    },
    # -- the Changes sheet (replan) -------------------------------------------
    "header.Change": {"en": "Change", "da": "Ændring"},
    "header.Rank": {"en": "Rank", "da": "Nr."},
    "header.Why": {"en": "Why", "da": "Hvorfor"},
    "header.Who to ask": {"en": "Who to ask", "da": "Hvem kan spørges"},
    "value.removed": {"en": "removed", "da": "fjernet"},
    "changes.heading": {
        "en": "Replan: {who} away {span}; {count} changes",
        "da": "Omplanlægning: {who} væk {span}; {count} ændringer",
    },
    "rewrite.done": {
        "en": "Wrote {path}: the rota as on its Board, {count} duty slots, "
        "not solved again; {broken} rules broken.",
        "da": "Skrev {path}: vagtplanen som på tavlen, {count} vagter, ikke "
        "løst igen; {broken} regler brudt.",
    },
    # -- diff -----------------------------------------------------------------
    "diff.same": {
        "en": "No changes: the rotas agree ({count} duty slots).",
        "da": "Ingen ændringer: vagtplanerne er ens ({count} vagter).",
    },
    "diff.changed": {
        "en": "{people} affected: {added} added, {removed} removed; "
        "{unchanged} unchanged.",
        "da": "{people} berørt: {added} tilføjet, {removed} fjernet; "
        "{unchanged} uændret.",
    },
    "noun.person": {"en": "person|people", "da": "person|personer"},
    "noun.duty": {"en": "duty|duties", "da": "vagt|vagter"},
    "noun.duty slot": {"en": "duty slot|duty slots", "da": "vagt|vagter"},
    # -- calendars ------------------------------------------------------------
    "ics.calendar": {"en": "Duty: {name}", "da": "Vagter: {name}"},
    "ics.description": {
        "en": "{duty} {span} for {name} ({team} duty rota)",
        "da": "{duty} {span} for {name} ({team} vagtplan)",
    },
    "ics.written": {
        "en": "Wrote {count} calendar files to {folder} ({people} on duty).",
        "da": "Skrev {count} kalenderfiler i {folder} ({people} på vagt).",
    },
    # -- who to ask (replan) --------------------------------------------------
    "ask.free": {"en": "free {span}", "da": "fri {span}"},
    "ask.takes": {"en": "takes {duty}", "da": "tager {duty}"},
    "ask.below": {
        "en": "{hours} below fair share",
        "da": "{hours} under rimelig andel",
    },
    "ask.above": {
        "en": "{hours} above fair share",
        "da": "{hours} over rimelig andel",
    },
    "ask.at_share": {"en": "at fair share", "da": "på rimelig andel"},
    "ask.full": {
        "en": "; already {count} slots that day (max {cap})",
        "da": "; har allerede {count} vagter den dag (maks {cap})",
    },
    "ask.chosen": {
        "en": "; the new rota puts them here",
        "da": "; den nye vagtplan sætter personen her",
    },
    "value.added": {"en": "added", "da": "tilføjet"},
}

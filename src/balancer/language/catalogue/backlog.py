"""The backlog's words: why cases move or wait, risks, warnings, goals.

The solver's sentences (``reason.``, ``risk.``, ``conflict.``,
``goal.``) are made in every language at once
(:func:`balancer.language.texts`) and kept on the result; the backlog
sheets' headers, values and headings follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["BACKLOG"]

BACKLOG: dict[str, Entry] = {
    # -- counts and queues, filled into the sentences below ----------------
    "count.case": {"en": "1 case", "da": "1 sag"},
    "count.cases": {"en": "{count} cases", "da": "{count} sager"},
    "queue.named": {"en": "the {queue} queue", "da": "køen for {queue}"},
    "queue.any": {"en": "the any queue", "da": "fælleskøen"},
    "need.level": {
        "en": "{skill} at level {level}",
        "da": "{skill} på niveau {level}",
    },
    # -- why a case moved --------------------------------------------------
    "reason.owner_away": {
        "en": "{owner} has no casework hours in the horizon",
        "da": "{owner} har ingen timer til sagsbehandling i planperioden",
    },
    "reason.over_capacity": {
        "en": "{owner} is over capacity: their queue reaches it only after "
        "their {hours} of casework in the horizon",
        "da": "{owner} har mere, end der er tid til: sagen nås først i "
        "køen, når de {hours} til sagsbehandling i planperioden er brugt",
    },
    "reason.allowed": {
        "en": "the planner allowed it (May move)",
        "da": "planlæggeren har tilladt det (Må flyttes)",
    },
    "reason.back_on_shelf": {
        "en": "back on the shelf: {moved}; {why}",
        "da": "tilbage på reolen: {moved}; {why}",
    },
    # -- why a case waits on the shelf --------------------------------------
    "reason.overdue": {
        "en": "overdue before the plan starts (deadline {deadline}); {why}",
        "da": "over fristen, allerede før planen begynder (frist "
        "{deadline}); {why}",
    },
    "reason.queue": {
        "en": "behind {cases} waiting in {queue} (first: {first})",
        "da": "bag {cases}, der venter i {queue} (først: {first})",
    },
    "reason.group_went": {
        "en": "group kept together: its group {group} went to {who}, who "
        "has no room left for it",
        "da": "gruppen holdes samlet: gruppen {group} gik til {who}, som "
        "ikke har plads til den",
    },
    "reason.group_stays": {
        "en": "group kept together: its group {group} stays with {who}, "
        "who cannot take it now",
        "da": "gruppen holdes samlet: gruppen {group} bliver hos {who}, som "
        "ikke kan tage den nu",
    },
    "reason.full_all_over": {
        "en": "everyone who can take it is full: it needs {hours}; all of "
        "them are over capacity ({who})",
        "da": "alle, der kan tage den, har fuldt op: den kræver {hours}; de "
        "har alle mere, end der er tid til ({who})",
    },
    "reason.full": {
        "en": "everyone who can take it is full: it needs {hours}; the most "
        "room left is {room} ({who})",
        "da": "alle, der kan tage den, har fuldt op: den kræver {hours}; "
        "der er højst {room} ledigt ({who})",
    },
    "reason.nobody_at_work": {
        "en": "nobody qualified: nobody who does casework is at work",
        "da": "ingen kvalificeret: ingen, der behandler sager, er på arbejde",
    },
    "reason.qualified_away": {
        "en": "nobody qualified is at work in the horizon: {need} ({who} "
        "away)",
        "da": "ingen kvalificeret er på arbejde i planperioden: {need} "
        "({who} er væk)",
    },
    "reason.nobody_can": {
        "en": "nobody on the team can take it: it needs {need}",
        "da": "ingen i teamet kan tage den: den kræver {need}",
    },
    "reason.not_weighed": {
        "en": "not weighed: past the candidate window of a very large "
        "backlog (shelf_order = pack); queue order weighs every case",
        "da": "ikke vurderet: uden for kandidatvinduet i en meget stor "
        "sagsbunke (shelf_order = pack); kø-rækkefølgen vurderer alle sager",
    },
    "reason.too_big": {
        "en": "too big for the horizon: it needs {hours} even with no other "
        "new work; {most}",
        "da": "for stor til planperioden: den kræver {hours}, selv uden andet "
        "nyt arbejde; {most}",
    },
    "reason.most_free": {
        "en": "the most anyone qualified has free is {hours} ({who})",
        "da": "den kvalificerede med mest ledig tid har {hours} ({who})",
    },
    "reason.all_over": {
        "en": "everyone qualified is over capacity ({who})",
        "da": "alle kvalificerede har mere, end der er tid til ({who})",
    },
    "reason.below_level": {
        "en": "{who} is below {skill} level {level} but keeps it: the "
        "planner decides",
        "da": "{who} er under {skill} niveau {level}, men beholder den: "
        "planlæggeren beslutter",
    },
    # -- why a case is at risk ----------------------------------------------
    "risk.overdue": {
        "en": "overdue before the plan starts (deadline {deadline})",
        "da": "over fristen, allerede før planen begynder (frist {deadline})",
    },
    "risk.no_hours": {
        "en": "{owner} has no casework hours to finish it before the "
        "deadline {deadline}",
        "da": "{owner} har ikke timer nok til sagsbehandling til at blive "
        "færdig før fristen {deadline}",
    },
    "risk.queue_late": {
        "en": "{whose} queue reaches it on {finish}, after the deadline "
        "{deadline}",
        "da": "{whose} kø når frem til den {finish}, efter fristen {deadline}",
    },
    "risk.shelf_late": {
        "en": "waits on the shelf past its deadline {deadline}",
        "da": "venter på reolen til efter fristen {deadline}",
    },
    # -- what the data tells before any plan --------------------------------
    "conflict.capacity": {
        "en": "{who} keeps {kept} of in-progress or pinned cases but has "
        "only {total} for casework in the horizon: {over} over before any "
        "other case; in-progress cases past their hours may go to someone "
        "with room (a move); unpin or hand over the rest",
        "da": "{who} har {kept} igangværende eller fastlåste sager, men kun "
        "{total} til sagsbehandling i planperioden: {over} for meget før "
        "nogen anden sag; igangværende sager ud over timerne kan gå til en "
        "med plads (en flytning); lås resten op, eller giv dem videre",
    },
    "conflict.group": {
        "en": "cases of group '{group}' are held by different caseworkers "
        "({who}), but a group goes to one person; they stay where they are "
        "and its cases on the shelf wait until you reassign them ({cases})",
        "da": "sagerne i gruppen '{group}' ligger hos forskellige "
        "sagsbehandlere ({who}), men en gruppe går til én person; de "
        "bliver, hvor de er, og gruppens sager på reolen venter, til du "
        "fordeler dem igen ({cases})",
    },
    "conflict.skill": {
        "en": "{count} cases need {need}: {why} ({ids}); they wait on the "
        "shelf",
        "da": "{count} sager kræver {need}: {why} ({ids}); de venter på "
        "reolen",
    },
    "conflict.skill.one": {
        "en": "1 case needs {need}: {why} ({ids}); it waits on the shelf",
        "da": "1 sag kræver {need}: {why} ({ids}); den venter på reolen",
    },
    "conflict.skill.level": {
        "en": "{skill} at level {level} or higher",
        "da": "{skill} på niveau {level} eller højere",
    },
    "conflict.skill.casework": {"en": "casework", "da": "sagsbehandling"},
    "conflict.skill.away": {
        "en": "nobody who has it ({who}) is at work in the horizon",
        "da": "ingen af dem, der har den ({who}), er på arbejde i "
        "planperioden",
    },
    "conflict.skill.nobody": {
        "en": "nobody on the team can take them",
        "da": "ingen i teamet kan tage dem",
    },
    "conflict.model": {
        "en": "the rules cannot all hold; please report this team's data as "
        "a bug",
        "da": "reglerne kan ikke alle overholdes; meld venligst dette teams "
        "data som en fejl",
    },
    # -- the soft goals: names and descriptions -----------------------------
    "goal.name.balance_max": {"en": "balance_max", "da": "højeste belastning"},
    "goal.name.balance_spread": {
        "en": "balance_spread",
        "da": "spredning i belastning",
    },
    "goal.name.lateness": {"en": "lateness", "da": "forsinkelse"},
    "goal.name.shelf": {"en": "shelf", "da": "ventende sager"},
    "goal.name.moves": {"en": "moves", "da": "flytninger"},
    "goal.name.fit": {"en": "fit", "da": "kompetencematch"},
    "goal.balance_max.about": {
        "en": "Highest load of any caseworker ({unit}).",
        "da": "Den højeste belastning hos en sagsbehandler ({unit}).",
    },
    "goal.balance_spread.about": {
        "en": "Highest minus lowest load ({unit}).",
        "da": "Højeste minus laveste belastning ({unit}).",
    },
    "goal.unit.percent": {
        "en": "% of casework hours",
        "da": "% af timerne til sagsbehandling",
    },
    "goal.unit.hours": {"en": "hours", "da": "timer"},
    "goal.lateness.about": {
        "en": "Hours of work forecast past a deadline.",
        "da": "Timers arbejde, der ventes at ligge efter en frist.",
    },
    "goal.shelf.about": {
        "en": "Shelf points of cases that wait (priority x (1 + days old)).",
        "da": "Reolpoint for sager, der venter (prioritet x (1 + alder i "
        "dage)).",
    },
    "goal.moves.about": {
        "en": "Assigned cases that change owner or go back.",
        "da": "Tildelte sager, der skifter sagsbehandler eller kommer "
        "tilbage på reolen.",
    },
    "goal.fit.about": {
        "en": "Skill levels above the need plus fit costs.",
        "da": "Kompetenceniveauer over behovet plus omkostninger pr. "
        "medarbejder.",
    },
    # -- the backlog sheets: headers --------------------------------------
    "header.Case": {"en": "Case", "da": "Sag"},
    "header.Type": {"en": "Type", "da": "Sagstype"},
    "header.Priority": {"en": "Priority", "da": "Prioritet"},
    "header.Effort hours": {"en": "Effort hours", "da": "Estimat (timer)"},
    "header.Owner": {"en": "Owner", "da": "Sagsbehandler"},
    "header.Previous owner": {
        "en": "Previous owner",
        "da": "Tidligere sagsbehandler",
    },
    "header.Moved": {"en": "Moved", "da": "Flyttet"},
    "header.Move reason": {"en": "Move reason", "da": "Flyttet fordi"},
    "header.Planned start": {"en": "Planned start", "da": "Planlagt start"},
    "header.Planned finish": {
        "en": "Planned finish",
        "da": "Planlagt færdig",
    },
    "header.Deadline": {"en": "Deadline", "da": "Frist"},
    "header.Late": {"en": "Late", "da": "For sent"},
    "header.Risk": {"en": "Risk", "da": "Risiko"},
    "header.Casework hours": {
        "en": "Casework hours",
        "da": "Timer til sager",
    },
    "header.Kept hours": {"en": "Kept hours", "da": "Timer beholdt"},
    "header.Load hours": {"en": "Load hours", "da": "Belastning (timer)"},
    "header.Utilisation": {"en": "Utilisation", "da": "Udnyttelse"},
    "header.Cases": {"en": "Cases", "da": "Sager"},
    "header.Moved in": {"en": "Moved in", "da": "Overtaget"},
    "header.Queue": {"en": "Queue", "da": "Kø"},
    "header.Place": {"en": "Place", "da": "Plads"},
    "header.Received": {"en": "Received", "da": "Modtaget"},
    "header.Waits because": {"en": "Waits because", "da": "Venter fordi"},
    "header.Detail": {"en": "Detail", "da": "Uddybning"},
    "header.Metric": {"en": "Metric", "da": "Nøgletal"},
    "header.This plan": {"en": "This plan", "da": "Denne plan"},
    "header.Fixed key (round robin by type)": {
        "en": "Fixed key (round robin by type)",
        "da": "Fast nøgle (på skift efter sagstype)",
    },
    "header.Greedy least loaded": {
        "en": "Greedy least loaded",
        "da": "Mindst belastede først",
    },
    # -- the backlog sheets: headings, titles and lines ----------------------
    "header.Moves": {"en": "Moves", "da": "Flytninger"},
    "header.On the shelf, by why they wait": {
        "en": "On the shelf, by why they wait",
        "da": "På reolen, efter hvorfor de venter",
    },
    "header.Compared with baselines": {
        "en": "Compared with baselines",
        "da": "Sammenlignet med enkle metoder",
    },
    "backlog.title": {"en": "Backlog plan", "da": "Sagsplan"},
    "backlog.no_plan": {
        "en": "No backlog plan: the solve ended {status}; see conflicts below",
        "da": "Ingen sagsplan: beregningen endte med {status}; se "
        "konflikterne nedenfor",
    },
    "backlog.shelf_empty": {
        "en": "The shelf is empty: every case has an owner.",
        "da": "Reolen er tom: alle sager har en sagsbehandler.",
    },
    "backlog.chart": {
        "en": "Utilisation (load / casework hours)",
        "da": "Udnyttelse (belastning / timer til sager)",
    },
    "backlog.chart.axis": {"en": "utilisation", "da": "udnyttelse"},
    # -- the backlog sheets: values ------------------------------------------
    "value.low": {"en": "low", "da": "lav"},
    "value.normal": {"en": "normal", "da": "normal"},
    "value.high": {"en": "high", "da": "høj"},
    "value.urgent": {"en": "urgent", "da": "akut"},
    "value.any": {"en": "any", "da": "fælles"},
    "value.owner away": {"en": "owner away", "da": "sagsbehandler væk"},
    "value.owner over capacity": {
        "en": "owner over capacity",
        "da": "sagsbehandler har for meget",
    },
    "value.planner allowed": {
        "en": "planner allowed",
        "da": "planlægger tillod det",
    },
    "value.nobody qualified": {
        "en": "nobody qualified",
        "da": "ingen kvalificeret",
    },
    "value.too big for the horizon": {
        "en": "too big for the horizon",
        "da": "for stor til planperioden",
    },
    "value.group kept together": {
        "en": "group kept together",
        "da": "gruppen holdes samlet",
    },
    "value.overdue before the plan starts": {
        "en": "overdue before the plan starts",
        "da": "over fristen før planen begynder",
    },
    "value.the queue ahead of it": {
        "en": "the queue ahead of it",
        "da": "køen foran den",
    },
    "value.everyone qualified is full": {
        "en": "everyone qualified is full",
        "da": "alle kvalificerede har fuldt op",
    },
    "value.not weighed (pack order, very large backlog)": {
        "en": "not weighed (pack order, very large backlog)",
        "da": "ikke vurderet (pack-rækkefølge, meget stor sagsbunke)",
    },
    "value.Move budget": {"en": "Move budget", "da": "Flyttebudget"},
    "value.Budget rule": {"en": "Budget rule", "da": "Budgetregel"},
    "value.Cases moved": {"en": "Cases moved", "da": "Sager flyttet"},
    "value.Moved: {reason}": {
        "en": "Moved: {reason}",
        "da": "Flyttet: {reason}",
    },
    "value.Kept by an owner below the case's level (flagged)": {
        "en": "Kept by an owner below the case's level (flagged)",
        "da": "Beholdt af en sagsbehandler under sagens niveau (markeret)",
    },
    "value.none": {"en": "none", "da": "intet"},
    "budget.none": {"en": "no budget", "da": "intet budget"},
    "budget.rules": {
        "en": "Rules sheet: max_moves",
        "da": "Arket Regler: max_moves",
    },
    "budget.per_caseworker": {
        "en": "{count} per caseworker at work in the horizon (max_moves "
        "blank on the Rules sheet), unless set for this run",
        "da": "{count} pr. sagsbehandler på arbejde i planperioden (max_moves "
        "tom på arket Regler), medmindre det er sat for denne kørsel",
    },
    "budget.run": {"en": "set for this run", "da": "sat for denne kørsel"},
    "value.Max utilisation %": {
        "en": "Max utilisation %",
        "da": "Højeste udnyttelse %",
    },
    "value.Utilisation spread %": {
        "en": "Utilisation spread %",
        "da": "Spredning i udnyttelse %",
    },
    "value.Cases late": {"en": "Cases late", "da": "Sager for sent"},
    "value.Cases on shelf": {"en": "Cases on shelf", "da": "Sager på reolen"},
    "value.Shelf hours": {"en": "Shelf hours", "da": "Timer på reolen"},
    # -- the rules a backlog warning names ----------------------------------
    "rule.capacity": {"en": "capacity", "da": "kapacitet"},
    "rule.group": {"en": "group", "da": "gruppe"},
    "rule.skill": {"en": "skill", "da": "kompetence"},
    "rule.model": {"en": "model", "da": "modelfejl"},
    # -- the terminal ---------------------------------------------------------
    "console.backlog": {"en": "Backlog: {stats}", "da": "Sager: {stats}"},
    "console.backlog.budget": {
        "en": " (budget {budget})",
        "da": " (budget {budget})",
    },
    "console.backlog.counts": {
        "en": "{planned} cases planned, {shelved} on the shelf, {moved} "
        "moved{budget}, {late} forecast late.",
        "da": "{planned} sager planlagt, {shelved} på reolen, {moved} "
        "flyttet{budget}, {late} ventes færdige for sent.",
    },
    "console.backlog.moved": {
        "en": "Moved: {reasons}",
        "da": "Flyttet: {reasons}",
    },
    "console.backlog.waiting": {
        "en": "Waiting: {reasons}",
        "da": "Venter: {reasons}",
    },
    "console.backlog.below": {
        "en": "{count} case(s) kept by an owner below their level (flagged "
        "on the Cases sheet).",
        "da": "{count} sag(er) beholdt af en sagsbehandler under sagens "
        "niveau (markeret på arket Sager).",
    },
    "console.no_reason": {"en": "no reason", "da": "ingen årsag"},
}

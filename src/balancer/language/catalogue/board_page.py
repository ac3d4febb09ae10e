"""Every word of the board page (``balancer board``), in English and
Danish."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["BOARD_PAGE"]

BOARD_PAGE: dict[str, Entry] = {
    # -- the head of the page -----------------------------------------------
    "board.title": {
        "en": "Board, week {week} of {year}",
        "da": "Tavlemøde, uge {week} {year}",
    },
    "board.span": {
        "en": "{first} to {last}; today {today}",
        "da": "{first} til {last}; i dag {today}",
    },
    "board.facts": {
        "en": "{people} people, {cases} open cases, {shelf} on the shelf",
        "da": "{people} medarbejdere, {cases} åbne sager, {shelf} på reolen",
    },
    "board.made": {
        "en": "Made by balancer from {sources}.",
        "da": "Lavet af balancer ud fra {sources}.",
    },
    # -- this week's duty ---------------------------------------------------
    "board.duty": {"en": "This week's duty", "da": "Ugens vagter"},
    "board.duty.slot": {"en": "Slot", "da": "Vagt"},
    "board.duty.closed": {"en": "closed", "da": "lukket"},
    "board.duty.no_rota": {"en": "no rota", "da": "ingen plan"},
    "board.duty.nobody": {"en": "nobody", "da": "ingen"},
    "board.duty.short": {
        "en": "{count} short",
        "da": "mangler {count}",
    },
    "board.duty.legend": {
        "en": "Struck through: away since the rota was made. Red: below "
        "the minimum; amber: short of the target.",
        "da": "Overstreget: fraværende, efter vagtplanen blev lagt. Rød: "
        "under minimum; gul: under det ønskede antal.",
    },
    "board.duty.outside": {
        "en": "The rota covers {month} only.",
        "da": "Vagtplanen dækker kun {month}.",
    },
    "board.duty.none": {
        "en": "No duty runs this week.",
        "da": "Ingen vagter i denne uge.",
    },
    # -- people: load and fairness ------------------------------------------
    "board.people": {
        "en": "Load this week, and fairness so far this month",
        "da": "Belastning i denne uge og retfærdighed indtil nu i måneden",
    },
    "board.people.name": {"en": "Person", "da": "Medarbejder"},
    "board.people.duty": {"en": "Duty this week", "da": "Vagt i ugen"},
    "board.people.desk": {
        "en": "Cases on the desk against casework hours this week",
        "da": "Sager på bordet mod sagstimer i ugen",
    },
    "board.people.fair": {
        "en": "Duty done against fair share to date",
        "da": "Vagt taget mod rimelig andel til dato",
    },
    "board.people.legend": {
        "en": "Dark: cases under way; light: cases not started; the line "
        "is this week's casework hours. Fairness: duty on the days before "
        "today against the fair share of the {part} % of the month's "
        "planned duty that lies before today (right = more).",
        "da": "Mørk: sager i gang; lys: sager ikke startet; stregen er "
        "ugens sagstimer. Retfærdighed: vagt før i dag mod den rimelige "
        "andel af de {part} % af månedens planlagte vagt, der ligger før "
        "i dag (højre = mere).",
    },
    "board.people.some": {
        "en": "{shown} of {count} people shown, the most loaded first.",
        "da": "{shown} af {count} medarbejdere vist, de mest belastede først.",
    },
    "board.people.away": {"en": "no casework", "da": "ingen sagstid"},
    # -- the shelf ----------------------------------------------------------
    "board.shelf": {"en": "The shelf", "da": "Reolen"},
    "board.shelf.queue": {"en": "Queue", "da": "Kø"},
    "board.shelf.length": {"en": "Cases", "da": "Sager"},
    "board.shelf.hours": {"en": "Hours", "da": "Timer"},
    "board.shelf.oldest": {
        "en": "Oldest waiting (days)",
        "da": "Ældste venter (dage)",
    },
    "board.shelf.late": {
        "en": "Forecast to miss deadline",
        "da": "Forventes over fristen",
    },
    "board.shelf.overdue": {"en": "Overdue", "da": "Over fristen"},
    "board.shelf.any": {"en": "any skill", "da": "alle kompetencer"},
    "board.shelf.total": {"en": "All queues", "da": "Alle køer"},
    "board.shelf.empty": {
        "en": "The shelf is empty: every case has an owner.",
        "da": "Reolen er tom: alle sager har en sagsbehandler.",
    },
    "board.shelf.no_forecast": {
        "en": "Forecasts come from a backlog plan.",
        "da": "Prognoser kommer fra en sagsplan.",
    },
    # -- flow ---------------------------------------------------------------
    "board.flow": {
        "en": "Flow for the citizen",
        "da": "Flow for borgeren",
    },
    "board.flow.to_started": {
        "en": "Received to started (days)",
        "da": "Modtaget til startet (dage)",
    },
    "board.flow.to_done": {
        "en": "Received to done (days)",
        "da": "Modtaget til færdig (dage)",
    },
    "board.flow.wip": {
        "en": "Work in progress",
        "da": "Igangværende arbejde",
    },
    "board.flow.throughput": {
        "en": "Throughput per week",
        "da": "Gennemløb pr. uge",
    },
    "board.flow.spread": {
        "en": "median {median}, 90 % {p90}, max {max}",
        "da": "median {median}, 90 % {p90}, maks {max}",
    },
    "board.flow.cases": {"en": "{count} cases", "da": "{count} sager"},
    "board.flow.wip_value": {
        "en": "{count} cases, {hours}",
        "da": "{count} sager, {hours}",
    },
    "board.flow.closed": {
        "en": "{count} closed",
        "da": "{count} lukket",
    },
    "board.flow.unknown": {"en": "not known", "da": "ukendt"},
    "board.flow.needs_previous": {
        "en": "needs last week's team workbook",
        "da": "kræver sidste uges teamark",
    },
    "board.flow.since": {
        "en": "Since last week: {arrived} arrived, {started} started, "
        "{closed} closed.",
        "da": "Siden sidste uge: {arrived} modtaget, {started} startet, "
        "{closed} lukket.",
    },
    "board.flow.last_7d": {
        "en": "In the last 7 days, by their dates: {arrived} received, "
        "{started} started.",
        "da": "De sidste 7 dage efter datoerne: {arrived} modtaget, "
        "{started} startet.",
    },
    "board.flow.undated": {
        "en": "{count} cases under way have no Started date and are left "
        "out of received to started.",
        "da": "{count} igangværende sager har ingen startdato og tæller "
        "ikke med i modtaget til startet.",
    },
    "board.flow.change": {
        "en": "{change} since last week",
        "da": "{change} siden sidste uge",
    },
    "board.flow.done_note": {
        "en": "Done: the cases that left the Cases sheet since last week, "
        "counted to today.",
        "da": "Færdig: sagerne, der har forladt sagsarket siden sidste uge, "
        "talt til i dag.",
    },
    # -- the three things ---------------------------------------------------
    "board.talk": {
        "en": "Three things to talk about",
        "da": "Tre ting at tale om",
    },
    "board.talk.over": {
        "en": "{name} is furthest over capacity: {desk} of cases on the "
        "desk against {casework} for casework this week ({percent} %).",
        "da": "{name} er mest over kapaciteten: {desk} sager på bordet mod "
        "{casework} sagstid i ugen ({percent} %).",
    },
    "board.talk.over_away": {
        "en": "{name} has {desk} of cases on the desk and no casework "
        "hours this week.",
        "da": "{name} har {desk} sager på bordet og ingen sagstid i ugen.",
    },
    "board.talk.nobody_over": {
        "en": "Nobody is over capacity this week.",
        "da": "Ingen er over kapaciteten i denne uge.",
    },
    "board.talk.oldest": {
        "en": "The oldest case on the shelf, {case} ({queue}), has waited "
        "{days} days.",
        "da": "Den ældste sag på reolen, {case} ({queue}), har ventet "
        "{days} dage.",
    },
    "board.talk.oldest_deadline": {
        "en": " Its deadline was {deadline}",
        "da": " Fristen var {deadline}",
    },
    "board.talk.empty_shelf": {
        "en": "The shelf is empty.",
        "da": "Reolen er tom.",
    },
    "board.talk.short": {
        "en": "{slot} {duty} is short of its target on {count} days this "
        "week: {days}.",
        "da": "{slot} {duty} mangler folk i forhold til det ønskede {count} "
        "dage i denne uge: {days}.",
    },
    "board.talk.never_short": {
        "en": "Every slot has its target staffing this week.",
        "da": "Alle vagter har det ønskede antal i denne uge.",
    },
}

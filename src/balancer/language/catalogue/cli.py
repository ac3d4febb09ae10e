"""The terminal's words: notes, progress and the commands' messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["CLI"]

CLI: dict[str, Entry] = {
    # -- the terminal: what is worth a look before planning --------------
    "cli.notes": {
        "en": "{source}: {count} note(s), worth a look (balancer goes on):",
        "da": "{source}: {count} bemærkning(er), værd at se på (balancer "
        "fortsætter):",
    },
    "progress.missing": {
        "en": "{missing} missing + {points} points",
        "da": "{missing} mangler + {points} point",
    },
    "console.relaxed": {
        "en": "The rules cannot all hold. The rota written breaks {count} "
        "demand(s), {missing} person-slot(s) short, the fewest it can "
        "(listed below and on the Summary sheet); the other goals come to "
        "{points} points.",
        "da": "Ikke alle regler kan overholdes. Den skrevne vagtplan bryder "
        "{count} krav og mangler {missing} person-vagt(er), så få som "
        "muligt (listet nedenfor og på oversigtsarket); de øvrige mål "
        "giver {points} point.",
    },
    "summary.relaxed_banner": {
        "en": "This rota breaks {count} demand(s): see Conflicts and "
        "warnings below",
        "da": "Denne vagtplan bryder {count} krav: se konflikter og "
        "advarsler nedenfor",
    },
    "cli.template_exists": {
        "en": "{path} exists already; the template would replace what is "
        "in it. Fix: give another name, or add --force to replace it",
        "da": "{path} findes allerede; skabelonen ville erstatte det, der "
        "står i den. Løsning: giv et andet navn, eller tilføj --force for "
        "at erstatte den",
    },
    "replan.no_ask": {
        "en": "nobody needs asking: those already on it cover it",
        "da": "ingen skal spørges: de, der allerede står på den, dækker den",
    },
    "replan.nobody_free": {
        "en": "nobody is free for it",
        "da": "ingen er ledig til den",
    },
    "summary.outside_hours": {
        "en": "{duty} {slot} runs outside the opening hours ({hours}); it "
        "is staffed as written, by people whose own working hours cover "
        "it.",
        "da": "{duty} {slot} ligger uden for åbningstiden ({hours}); den "
        "bemandes som skrevet, af dem, hvis egen arbejdstid dækker den.",
    },
    # -- a solve's summary ----------------------------------------------------
    "console.objective": {
        "en": "objective {value}",
        "da": "målfunktion {value}",
    },
    "console.bound": {"en": "bound {value}", "da": "grænse {value}"},
    "console.gap": {"en": "gap {value} %", "da": "afstand {value} %"},
    "console.seconds": {"en": "{value} s", "da": "{value} s"},
    "console.stopped": {
        "en": "stopped by Ctrl-C: best plan so far",
        "da": "stoppet med Ctrl-C: bedste plan indtil nu",
    },
    "console.progress": {
        "en": "  {seconds} s  best {best}  bound {bound}{label}",
        "da": "  {seconds} s  bedste {best}  grænse {bound}{label}",
    },
    "console.rota": {"en": "Rota: {stats}", "da": "Vagtplan: {stats}"},
    "console.assigned": {
        "en": "{count} duty slots assigned. Goals:",
        "da": "{count} vagter fordelt. Mål:",
    },
    "console.no_slots": {
        "en": "No duty slot to fill: the Duties sheet has no slot on an "
        "opening day of the month. No rota written.",
        "da": "Ingen vagter at besætte: arket Vagter har ingen vagt på en "
        "åbningsdag i måneden. Ingen vagtplan skrevet.",
    },
    "console.none_found": {
        "en": "No rota found within the time limit. No rota written; run "
        "again with a longer --time-limit.",
        "da": "Ingen vagtplan fundet inden for tidsgrænsen. Ingen vagtplan "
        "skrevet; kør igen med en længere --time-limit.",
    },
    "console.tier.proven": {
        "en": "Tier {tier}: proven {value} points (at {at} s)",
        "da": "Trin {tier}: bevist {value} point (efter {at} s)",
    },
    "console.tier.partly": {
        "en": "Tier {tier}: {value} points, bound {bound}; proven and kept: "
        "{goals} (at {at} s)",
        "da": "Trin {tier}: {value} point, grænse {bound}; bevist og holdt: "
        "{goals} (efter {at} s)",
    },
    "console.tier.open": {
        "en": "Tier {tier}: {value} points, bound {bound}, not proven (at "
        "{at} s)",
        "da": "Trin {tier}: {value} point, grænse {bound}, ikke bevist "
        "(efter {at} s)",
    },
    "console.wrote": {"en": "Wrote {path}", "da": "Skrev {path}"},
    # -- check, validate, template ------------------------------------------
    "check.ok": {
        "en": "{path}: OK. {count} duty slots, no rule broken.",
        "da": "{path}: OK. {count} vagter, ingen regler brudt.",
    },
    "check.broken": {
        "en": "{path}: {rules} broken:",
        "da": "{path}: {rules} brudt:",
    },
    "validate.problems": {
        "en": "{path}: {problems} found:",
        "da": "{path}: {problems} fundet:",
    },
    "validate.notes": {"en": "{path}: {notes}:", "da": "{path}: {notes}:"},
    "validate.month_problems": {
        "en": "{path}: {problems} for {month}:",
        "da": "{path}: {problems} for {month}:",
    },
    "noun.rule": {"en": "rule|rules", "da": "regel|regler"},
    "noun.problem": {"en": "problem|problems", "da": "problem|problemer"},
    "noun.note": {"en": "note|notes", "da": "bemærkning|bemærkninger"},
    "validate.ok": {
        "en": "{path}: OK. {staff} staff, {duties} duties ({slots} slots), "
        "{absences} absences, {cases} cases; {month} has {days} opening "
        "days.",
        "da": "{path}: OK. {staff} medarbejdere, {duties} vagttyper ({slots} "
        "vagter), {absences} fravær, {cases} sager; {month} har {days} "
        "åbningsdage.",
    },
    "cli.template_written": {
        "en": "Wrote {path}. Fill it in, then run: balancer validate {path}",
        "da": "Skrev {path}. Udfyld det, og kør så: balancer validate {path}",
    },
    # -- replan ---------------------------------------------------------------
    "replan.changes": {
        "en": "Changes ({count}):",
        "da": "Ændringer ({count}):",
    },
    "replan.short_min": {
        "en": "short of its minimum",
        "da": "under sit minimum",
    },
    "replan.short_target": {
        "en": "short of its target",
        "da": "under sit mål",
    },
    "replan.covered": {"en": "covered", "da": "dækket"},
    "replan.nobody": {"en": "nobody", "da": "ingen"},
    "replan.slot": {
        "en": "{day} {span} {duty}: {state} ({count} on it: {names}; min "
        "{least}, target {target}).",
        "da": "{day} {span} {duty}: {state} ({count} på den: {names}; min. "
        "{least}, mål {target}).",
    },
    "replan.who_to_ask": {"en": " Who to ask:", "da": " Hvem kan spørges:"},
}

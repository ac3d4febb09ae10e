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
}

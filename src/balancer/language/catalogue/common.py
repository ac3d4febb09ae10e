"""Words every workbook shares: sheet names, statuses, yes and no."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["COMMON"]

COMMON: dict[str, Entry] = {
    # -- sheet names (at most 31 characters) ------------------------------
    "sheet.Rota": {"en": "Rota", "da": "Vagtplan"},
    "sheet.Board": {"en": "Board", "da": "Tavle"},
    "sheet.Fairness": {"en": "Fairness", "da": "Fordeling"},
    "sheet.Statements": {"en": "Statements", "da": "Opgørelser"},
    "sheet.Summary": {"en": "Summary", "da": "Overblik"},
    "sheet.Rota summary": {"en": "Rota summary", "da": "Vagtplanoverblik"},
    "sheet.History": {"en": "History", "da": "Historik"},
    "sheet.Carried in": {"en": "Carried in", "da": "Overført ind"},
    "sheet.Published": {"en": "Published", "da": "Udgivet"},
    "sheet.Changes": {"en": "Changes", "da": "Ændringer"},
    "sheet.Cases": {"en": "Cases", "da": "Sager"},
    "sheet.Load": {"en": "Load", "da": "Belastning"},
    "sheet.Shelf": {"en": "Shelf", "da": "Reol"},
    "sheet.Backlog summary": {
        "en": "Backlog summary",
        "da": "Sagsoverblik",
    },
    # -- the terminal: a solve's status line --------------------------------
    "console.goals": {"en": "Goals:", "da": "Mål:"},
    # -- values ------------------------------------------------------------
    "value.(none)": {"en": "(none)", "da": "(ingen)"},
    "value.yes": {"en": "yes", "da": "ja"},
    "value.no": {"en": "no", "da": "nej"},
    "value.OPTIMAL": {"en": "OPTIMAL", "da": "OPTIMAL"},
    "value.FEASIBLE": {"en": "FEASIBLE", "da": "GYLDIG"},
    "value.INFEASIBLE": {"en": "INFEASIBLE", "da": "UMULIG"},
    "value.TIME_LIMIT": {"en": "TIME_LIMIT", "da": "TIDSGRÆNSE"},
    # -- what a status means, for a planner --------------------------------
    "status.OPTIMAL": {
        "en": "optimal: no better plan exists under these rules and goals",
        "da": "optimal: der findes ingen bedre plan med disse regler og mål",
    },
    "status.FEASIBLE": {
        "en": "feasible: every rule holds; a better plan may exist (see the "
        "bound)",
        "da": "gyldig: alle regler holder; en bedre plan kan findes (se "
        "grænsen)",
    },
    "status.INFEASIBLE": {
        "en": "the rules cannot all hold: see the conflicts",
        "da": "reglerne kan ikke alle overholdes: se konflikterne",
    },
    "status.TIME_LIMIT": {
        "en": "no plan found within the time limit",
        "da": "ingen plan fundet inden for tidsgrænsen",
    },
}

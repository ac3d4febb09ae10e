"""The rota's goals: what each soft goal counts, in the planner's words.

Keys are ``goal.<term name>`` (the names in ``docs/constraints.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["GOALS"]

GOALS: dict[str, Entry] = {
    "goal.fairness_max": {
        "en": "Largest deviation from fair share of duty hours",
        "da": "Største afvigelse fra rimelig andel af vagttimer",
    },
    "goal.fairness_sum": {
        "en": "Sum of deviations from fair share of duty hours",
        "da": "Sum af afvigelser fra rimelig andel af vagttimer",
    },
    "goal.duty_fairness_max": {
        "en": "Largest deviation from fair share within each duty, summed",
        "da": "Største afvigelse fra rimelig andel inden for hver vagt, "
        "lagt sammen",
    },
    "goal.duty_fairness": {
        "en": "Sum of deviations from fair share per duty",
        "da": "Sum af afvigelser fra rimelig andel pr. vagt",
    },
    "goal.unpopular_fairness": {
        "en": "Sum of deviations from fair share of unpopular slots",
        "da": "Sum af afvigelser fra rimelig andel af upopulære vagter",
    },
    "goal.casework_time": {
        "en": "Missing duty-free half days for casework",
        "da": "Manglende vagtfri halve dage til sagsarbejde",
    },
    "goal.blocks": {
        "en": "Extra separate duty blocks in a day",
        "da": "Ekstra adskilte vagtblokke på en dag",
    },
    "goal.target_staffing": {
        "en": "People short of target staffing",
        "da": "Personer der mangler til den ønskede bemanding",
    },
    "goal.preferences": {
        "en": "Preference points lost (avoided slots given, wanted not)",
        "da": "Tabte ønskepoint (fravalgte vagter givet, ønskede ikke)",
    },
    "goal.variety": {
        "en": "Same slot again in the same week",
        "da": "Samme vagt igen i samme uge",
    },
    "goal.rota_changes": {
        "en": "Changes to the published rota (assignments added or removed)",
        "da": "Ændringer i den udgivne vagtplan (vagter tilføjet eller "
        "fjernet)",
    },
    "goal.over_target": {
        "en": "People above target staffing",
        "da": "Personer ud over den ønskede bemanding",
    },
    "goal.requests": {
        "en": "Duty request points lost (on-requests not given, off given)",
        "da": "Tabte point for vagtønsker (ønskede vagter ikke givet, "
        "fravalgte givet)",
    },
    "goal.unmet_demand": {
        "en": "People missing from minimum staffing or skill needs",
        "da": "Personer der mangler til minimumsbemanding eller "
        "kompetencekrav",
    },
}

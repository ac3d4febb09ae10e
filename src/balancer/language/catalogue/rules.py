"""The rota's hard rules, one sentence each (``rule.<name>``).

The names are those of ``docs/constraints.md``; the English sentence is
the rule's own docstring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["RULES"]

RULES: dict[str, Entry] = {
    "rule.minimum_staffing": {
        "en": "Every slot of every opening day has at least its minimum "
        "staff.",
        "da": "Hver vagt på hver åbningsdag har mindst sin minimumsbemanding.",
    },
    "rule.maximum_staffing": {
        "en": "No slot has more than its maximum staff.",
        "da": "Ingen vagt har flere end sin maksimale bemanding.",
    },
    "rule.required_skills": {
        "en": "A slot needing a skill has enough staff with it at the level.",
        "da": "En vagt, der kræver en kompetence, har nok medarbejdere med "
        "den på niveauet.",
    },
    "rule.one_duty_at_a_time": {
        "en": "Nobody is on two duties at the same moment.",
        "da": "Ingen har to vagter på samme tid.",
    },
    "rule.max_slots_per_day": {
        "en": "Nobody has more duty slots in a day than their limit.",
        "da": "Ingen har flere vagter på en dag end sin grænse.",
    },
    "rule.max_duty_days_per_week": {
        "en": "Nobody has duty on more days of a week than their limit.",
        "da": "Ingen har vagt på flere dage i en uge end sin grænse.",
    },
    "rule.max_slots_per_week": {
        "en": "Nobody takes more duty slots in a calendar week than their "
        "limit.",
        "da": "Ingen tager flere vagter i en kalenderuge end sin grænse.",
    },
    "rule.max_consecutive_slots": {
        "en": "Nobody has more back-to-back slots than their limit.",
        "da": "Ingen har flere vagter i træk end sin grænse.",
    },
    "rule.max_slots_per_duty": {
        "en": "Nobody takes a duty more often in the period than their limit.",
        "da": "Ingen tager en vagt oftere i perioden end sin grænse.",
    },
    "rule.duty_minutes_range": {
        "en": "Each person's duty minutes in the period stay within their "
        "range.",
        "da": "Hver persons vagtminutter i perioden holder sig inden for "
        "deres interval.",
    },
    "rule.max_consecutive_duty_days": {
        "en": "Nobody has duty on more days in a row than their limit.",
        "da": "Ingen har vagt flere dage i træk end sin grænse.",
    },
    "rule.min_consecutive_duty_days": {
        "en": "A run of duty days is at least the person's minimum long.",
        "da": "En række vagtdage er mindst så lang som personens minimum.",
    },
    "rule.min_consecutive_days_off": {
        "en": "A run of duty-free days is at least the person's minimum long.",
        "da": "En række vagtfri dage er mindst så lang som personens minimum.",
    },
    "rule.max_duty_weekends": {
        "en": "Nobody has duty on more weekends in the period than their "
        "limit.",
        "da": "Ingen har vagt flere weekender i perioden end sin grænse.",
    },
    "rule.forbidden_successions": {
        "en": "Nobody takes, the day after a duty, a duty it may not be "
        "followed by.",
        "da": "Ingen tager dagen efter en vagt en vagt, som ikke må følge "
        "efter den.",
    },
    # -- kept hand edits ----------------------------------------------------
    "kept.hand_edit": {"en": "hand edit", "da": "rettet i hånden"},
    "kept.removed": {"en": "removed by hand", "da": "fjernet i hånden"},
    "kept.frozen": {"en": "frozen until {day}", "da": "låst til {day}"},
    "kept.what": {
        "en": "{who} on {day} {span} {duty}",
        "da": "{who} på {day} {span} {duty}",
    },
    "kept.break": {
        "en": "The hand edits break {rule}: {listed}",
        "da": "Rettelserne i hånden bryder {rule}: {listed}",
    },
    "kept.the_rule": {
        "en": "the rule that {rule}",
        "da": "reglen om, at {rule}",
    },
    "kept.rules_together": {
        "en": "the rules taken together",
        "da": "reglerne tilsammen",
    },
}

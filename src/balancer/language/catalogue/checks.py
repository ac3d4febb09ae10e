"""What ``balancer check`` says about a rota that breaks a rule.

Every message names the person by name and the date and slot, in the
language's one date style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["CHECKS"]

CHECKS: dict[str, Entry] = {
    "check.what": {"en": "{day} {span} {duty}", "da": "{day} {span} {duty}"},
    "check.twice": {
        "en": "{what}: {who} is listed twice",
        "da": "{what}: {who} står der to gange",
    },
    "check.unknown_staff": {
        "en": "{day}: unknown staff id {id}",
        "da": "{day}: ukendt medarbejder-id {id}",
    },
    "check.unknown_duty": {
        "en": "{day}: unknown duty {id}",
        "da": "{day}: ukendt vagt {id}",
    },
    "check.no_slot": {
        "en": "{day}: {duty} has no slot number {number}",
        "da": "{day}: {duty} har ingen vagt nr. {number}",
    },
    "check.outside_month": {
        "en": "{day} is outside {month}",
        "da": "{day} ligger uden for {month}",
    },
    "check.closed": {
        "en": "{what}: the team is closed ({reason})",
        "da": "{what}: teamet har lukket ({reason})",
    },
    "check.not_weekday": {
        "en": "{what}: the slot doesn't run that weekday",
        "da": "{what}: vagten kører ikke den ugedag",
    },
    "check.not_duty": {
        "en": "{what}: {who} doesn't take {duty}",
        "da": "{what}: {who} tager ikke {duty}",
    },
    "check.hours": {
        "en": "{what}: outside {who}'s working hours",
        "da": "{what}: uden for {who}s arbejdstid",
    },
    "check.away": {
        "en": "{what}: {who} is away ({reason})",
        "da": "{what}: {who} er fraværende ({reason})",
    },
    "check.min": {
        "en": "{what}: {count} on it, needs {least}",
        "da": "{what}: {count} på vagten, kræver {least}",
    },
    "check.max": {
        "en": "{what}: {count} on it, at most {most}",
        "da": "{what}: {count} på vagten, højst {most}",
    },
    "check.skill": {
        "en": "{what}: {able} with {skill} level {level}+, needs {count}",
        "da": "{what}: {able} med {skill} niveau {level}+, kræver {count}",
    },
    "check.at_once": {
        "en": "{day}: {who} is on {one} and {other} at once",
        "da": "{day}: {who} er på {one} og {other} på samme tid",
    },
    "check.day_slots": {
        "en": "{day}: {who} has {count} slots, max {most}",
        "da": "{day}: {who} har {count} vagter, maks {most}",
    },
    "check.run": {
        "en": "{day}: {who} has {count} back-to-back slots, max {most}",
        "da": "{day}: {who} har {count} vagter i træk, maks {most}",
    },
    "check.week_slots": {
        "en": "Week {week} {year}: {who} has {count} duty slots, max {most}",
        "da": "Uge {week} {year}: {who} har {count} vagter, maks {most}",
    },
    "check.week_days": {
        "en": "Week {week} {year}: {who} has duty on {count} days, max {most}",
        "da": "Uge {week} {year}: {who} har vagt {count} dage, maks {most}",
    },
    "check.per_duty": {
        "en": "{who} has {count} {duty} slots, max {most}",
        "da": "{who} har {count} vagter på {duty}, maks {most}",
    },
    "check.minutes": {
        "en": "{who} has {total} duty minutes, allowed {low}-{high}",
        "da": "{who} har {total} vagtminutter, tilladt {low}-{high}",
    },
    "check.any": {"en": "any", "da": "ubegrænset"},
    "check.days_in_row": {
        "en": "From {day}: {who} has duty {count} days in a row, max {most}",
        "da": "Fra {day}: {who} har vagt {count} dage i træk, maks {most}",
    },
    "check.duty_days_short": {
        "en": "From {day}: {who} has {count} duty days in a row, min {least}",
        "da": "Fra {day}: {who} har {count} vagtdage i træk, mindst {least}",
    },
    "check.free_days_short": {
        "en": "From {day}: {who} has {count} free days in a row, min {least}",
        "da": "Fra {day}: {who} har {count} fridage i træk, mindst {least}",
    },
    "check.weekends": {
        "en": "{who} has duty on {count} weekends, max {most}",
        "da": "{who} har vagt {count} weekender, maks {most}",
    },
    "check.succession": {
        "en": "{day}: {who} has {duty} right after {before}",
        "da": "{day}: {who} har {duty} lige efter {before}",
    },
}

"""Why someone cannot take a slot, and why a demand is not met.

The solvers say these as :class:`balancer.language.Said`; conflicts on
the Summary sheet and in the terminal write them in either language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.catalogue.entry import Entry

__all__ = ["REASONS"]

_PLURAL_WEEKDAYS = (
    ("Mondays", "om mandagen"),
    ("Tuesdays", "om tirsdagen"),
    ("Wednesdays", "om onsdagen"),
    ("Thursdays", "om torsdagen"),
    ("Fridays", "om fredagen"),
    ("Saturdays", "om lørdagen"),
    ("Sundays", "om søndagen"),
)

REASONS: dict[str, Entry] = {
    **{
        f"weekday.plural.{day}": {"en": en, "da": da}
        for day, (en, da) in enumerate(_PLURAL_WEEKDAYS)
    },
    # -- why someone cannot take a slot ---------------------------------
    "why.closed": {"en": "closed ({reason})", "da": "lukket ({reason})"},
    "why.closed.weekend": {"en": "weekend", "da": "weekend"},
    "why.closed.weekday": {"en": "closed weekday", "da": "lukket ugedag"},
    "why.closed.date": {"en": "closed", "da": "lukket"},
    "why.not_that_weekday": {
        "en": "the slot doesn't run that weekday",
        "da": "vagten kører ikke den ugedag",
    },
    "why.no_duty": {"en": "doesn't take {duty}", "da": "tager ikke {duty}"},
    "why.not_working": {
        "en": "doesn't work {days}",
        "da": "arbejder ikke {days}",
    },
    "why.hours": {"en": "works {start}-{end}", "da": "arbejder {start}-{end}"},
    "why.away.vacation": {"en": "on vacation", "da": "på ferie"},
    "why.away.sick": {"en": "sick", "da": "syg"},
    "why.away.course": {"en": "on a course", "da": "på kursus"},
    "why.away.other": {"en": "away", "da": "fraværende"},
    "why.away_part": {
        "en": "{reason} {start}-{end}",
        "da": "{reason} {start}-{end}",
    },
    # -- which limit keeps someone off a slot -----------------------------
    "why.on_other": {"en": "on {duty} then", "da": "på {duty} da"},
    "why.day_full": {
        "en": "{count} slots that day, max {most}",
        "da": "{count} vagter den dag, maks {most}",
    },
    "why.week_full": {
        "en": "{count} duty days that week, max {most}",
        "da": "{count} vagtdage den uge, maks {most}",
    },
    "why.back_to_back": {
        "en": "would make more than {run} slots back to back",
        "da": "ville give mere end {run} vagter i træk",
    },
    "why.not_placed": {"en": "not placed", "da": "ikke sat på"},
    # -- conflicts ------------------------------------------------------------
    "conflict.short": {
        "en": "{when}: {duty} needs {count}; only {can} can{because}",
        "da": "{when}: {duty} kræver {count}; kun {can} kan{because}",
    },
    "conflict.short_skill": {
        "en": "{when}: {duty} needs {count} with {skill}; only {can} "
        "can{because}",
        "da": "{when}: {duty} kræver {count} med {skill}; kun {can} "
        "kan{because}",
    },
    "conflict.skill_level": {
        "en": "{skill} (level {level}+)",
        "da": "{skill} (niveau {level}+)",
    },
    "conflict.count_with": {
        "en": "{count} with {skill}",
        "da": "{count} med {skill}",
    },
    "conflict.best_gives": {
        "en": "{when}: {duty} needs {wanted}; the best rota gives {given}",
        "da": "{when}: {duty} kræver {wanted}; den bedste vagtplan giver "
        "{given}",
    },
    "conflict.at_limits": {
        "en": "; the others who work then are at their limits: {names}",
        "da": "; de andre, der arbejder da, er ved deres grænser: {names}",
    },
    "conflict.unavailable": {
        "en": "; unavailable: {names}",
        "da": "; ikke til rådighed: {names}",
    },
    "conflict.more": {
        "en": "{names} and {rest} more",
        "da": "{names} og {rest} flere",
    },
    "conflict.kept": {
        "en": "{what} ({why}): {name} {reason}",
        "da": "{what} ({why}): {name} {reason}",
    },
    "why.slot_not_that_day": {
        "en": "the slot does not run that day",
        "da": "vagten kører ikke den dag",
    },
}

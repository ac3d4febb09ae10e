"""The demo's staff: synthetic names, contracts, part-time patterns, skills."""

from __future__ import annotations

import math
from datetime import time
from typing import TYPE_CHECKING

from balancer.domain import (
    Staff,
    Weekday,
    WorkDay,
)
from balancer.inputs.demo.sizes import CASE_SKILLS, MON_FRI, MON_THU

if TYPE_CHECKING:
    import random

__all__ = ["make_staff"]

_FIRST_NAMES: tuple[str, ...] = (
    "Anne", "Mette", "Hanne", "Kirsten", "Susanne", "Lene", "Camilla",
    "Louise", "Maria", "Charlotte", "Tina", "Pia", "Helle", "Marianne",
    "Julie", "Sofie", "Ida", "Emma", "Cecilie", "Line", "Lars", "Jens",
    "Peter", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels",
    "Morten", "Rasmus", "Martin", "Anders", "Jesper", "Mads", "Christian",
    "Frederik", "Mikkel", "Kasper", "Jakob",
)  # fmt: skip

# Only surnames starting with A-Z, so initials (the ids) stay ASCII and
# easy to type on any keyboard.
_LAST_NAMES: tuple[str, ...] = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
    "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
    "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
    "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Holm",
    "Kjær", "Bach", "Dahl", "Vestergaard", "Berg", "Skov", "Lauridsen",
    "Clausen", "Kristiansen", "Nygaard",
)  # fmt: skip

# Pairs that name well-known Danes; the demo must not look like them.
_FAMOUS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Mette", "Frederiksen"),
        ("Mads", "Mikkelsen"),
        ("Peter", "Madsen"),
        ("Mikkel", "Hansen"),
        ("Lars", "Larsen"),
        ("Morten", "Olsen"),
        ("Jesper", "Olsen"),
        ("Christian", "Poulsen"),
        ("Henrik", "Larsen"),
        ("Niels", "Olsen"),
        ("Anders", "Holm"),
        ("Søren", "Pedersen"),
    }
)


# Part-time working patterns: (weekdays, start, end). The fte follows from
# the hours, so contract and pattern agree.
_Pattern = tuple[tuple[Weekday, ...], time, time]
_FOUR_DAY_PATTERNS: tuple[_Pattern, ...] = (
    (MON_THU, time(8), time(15, 30)),  # 30 h
    (MON_THU, time(8), time(16)),  # 32 h
    (MON_THU, time(8, 30), time(15)),  # 26 h
)
_SHORT_DAY_PATTERNS: tuple[_Pattern, ...] = (
    (MON_FRI, time(8), time(14)),  # 30 h
    (MON_FRI, time(9), time(15)),  # 30 h
)
_DEFAULT_PATTERN_FTES: tuple[float, ...] = (0.6, 0.7, 0.75, 0.8, 0.9)


def make_staff(rng: random.Random, count: int) -> tuple[Staff, ...]:
    """People with roles, contracts, patterns and skills.

    Roles: one team lead per ~25 staff (no duties, no cases); one
    casework-only specialist per ~24; one in twelve new on the team and on
    the phones only; a third part-time, some of them Mon-Thu only.
    """
    names = _names(rng, count)
    leads = max(1, round(count / 25))
    specialists = max(1, round(count / 24))
    phone_only = max(1, count // 12)
    part_time = round(count / 3)
    roles = (
        ["lead"] * leads
        + ["specialist"] * specialists
        + ["phone_only"] * phone_only
    )
    roles += ["regular"] * (count - len(roles))
    # Part-timers come from the duty staff, so the lead stays full time.
    duty_positions = [i for i, r in enumerate(roles) if r != "lead"]
    part_timers = dict(
        zip(
            rng.sample(duty_positions, part_time),
            _part_time_kinds(rng, part_time),
            strict=True,
        )
    )

    ids: list[str] = []
    seen: dict[str, int] = {}
    people: list[Staff] = []
    for i, (role, (first, last)) in enumerate(zip(roles, names, strict=True)):
        staff_id = _unique_initials(first, last, seen)
        ids.append(staff_id)
        fte, pattern = (
            _part_time_contract(rng, part_timers[i])
            if i in part_timers
            else (1.0, ())
        )
        seniority = "junior" if role == "phone_only" else _seniority(rng)
        if role in ("lead", "specialist"):
            seniority = "senior"
        duties: tuple[str, ...] | None = None
        if role in ("lead", "specialist"):
            duties = ()
        elif role == "phone_only":
            duties = ("phone",)
        people.append(
            Staff(
                id=staff_id,
                name=f"{first} {last}",
                fte=fte,
                pattern=pattern,
                skills=_skills(rng, seniority),
                duties=duties,
                casework=role != "lead",
                # Roughly one in thirty has a personal one-slot limit
                # (e.g. for health reasons).
                max_slots_per_day=1
                if role == "regular" and rng.random() < 1 / 30
                else None,
            )
        )
    return _ensure_skill_cover(rng, people)


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    pairs = [
        (first, last)
        for first in _FIRST_NAMES
        for last in _LAST_NAMES
        if (first, last) not in _FAMOUS
    ]
    if count > len(pairs):
        raise ValueError(f"a demo team has at most {len(pairs)} staff")
    return rng.sample(pairs, count)


def _unique_initials(first: str, last: str, seen: dict[str, int]) -> str:
    """Initials like ``AH``; the second AH becomes ``AH2`` and so on."""
    base = (first[0] + last[0]).upper()
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}{seen[base]}"


def _part_time_kinds(rng: random.Random, count: int) -> list[str]:
    """Kinds of part-time contract, in a fixed mix shuffled over people.

    Two in five work four days (Mon-Thu), one in four shorter days all
    week, the rest fewer hours spread over the default pattern.
    """
    four_days = max(1, round(count * 0.4)) if count else 0
    short_days = round(count * 0.25)
    kinds = ["four_days"] * four_days + ["short_days"] * short_days
    kinds += ["default"] * (count - len(kinds))
    rng.shuffle(kinds)
    return kinds


def _part_time_contract(
    rng: random.Random, kind: str
) -> tuple[float, tuple[WorkDay, ...]]:
    """An fte of 0.6-0.9 and, unless ``default``, a pattern that fits it."""
    if kind == "default":
        return rng.choice(_DEFAULT_PATTERN_FTES), ()
    weekdays, start, end = rng.choice(
        _FOUR_DAY_PATTERNS if kind == "four_days" else _SHORT_DAY_PATTERNS
    )
    pattern = tuple(WorkDay(weekday=d, start=start, end=end) for d in weekdays)
    hours = sum(day.hours for day in pattern)
    return round(hours / 37, 2), pattern


def _seniority(rng: random.Random) -> str:
    return rng.choices(("junior", "mid", "senior"), (35, 45, 20))[0]


def _skills(rng: random.Random, seniority: str) -> dict[str, int]:
    """A main case skill at the person's level, extras a level lower.

    Juniors know one area at level 1 (some a second); mid-level staff one
    area at 2 and another at 1-2; seniors one at 3 and one or two at 2.
    About four in ten speak English well enough for English calls.
    """
    main = rng.choices(CASE_SKILLS, (40, 40, 20))[0]
    others = [s for s in CASE_SKILLS if s != main]
    rng.shuffle(others)
    skills = {}
    if seniority == "junior":
        skills[main] = 1
        if rng.random() < 0.3:
            skills[others[0]] = 1
    elif seniority == "mid":
        skills[main] = 2
        skills[others[0]] = rng.choice((1, 2))
    else:
        skills[main] = 3
        for other in others[: rng.choice((1, 2))]:
            skills[other] = 2
    if rng.random() < 0.4:
        skills["english"] = rng.choices((1, 2, 3), (15, 55, 30))[0]
    return skills


def _ensure_skill_cover(
    rng: random.Random, people: list[Staff]
) -> tuple[Staff, ...]:
    """Top up skills so every case type and English slot is well covered.

    Each case skill gets caseworkers at level 3 (one per 24 staff, at least
    one) and at level 2+ (one per 8, at least two). English at level 2+ is
    held by at least a third (and three) of the full-time phone staff.
    """
    n = len(people)
    people = list(people)
    caseworkers = [i for i, p in enumerate(people) if p.casework]
    for skill in CASE_SKILLS:
        for level, needed in ((3, max(1, n // 24)), (2, max(2, n // 8))):
            holders = [
                i for i in caseworkers if people[i].level(skill) >= level
            ]
            others = [i for i in caseworkers if i not in holders]
            for i in rng.sample(others, max(0, needed - len(holders))):
                people[i] = _with_skill(people[i], skill, level)
    phone_staff = [
        i
        for i, p in enumerate(people)
        if p.may_take("phone") and not p.pattern and p.fte == 1.0
    ]
    speakers = [i for i in phone_staff if people[i].level("english") >= 2]
    others = [i for i in phone_staff if i not in speakers]
    wanted = max(3, math.ceil(len(phone_staff) / 3))
    missing = max(0, wanted - len(speakers))
    for i in rng.sample(others, min(missing, len(others))):
        people[i] = _with_skill(people[i], "english", 2)
    return tuple(people)


def _with_skill(person: Staff, skill: str, level: int) -> Staff:
    return person.model_copy(
        update={"skills": {**person.skills, skill: level}}
    )

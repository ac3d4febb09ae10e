"""A realistic, deterministic demo team for trying the tool out.

:func:`make_demo_team` builds a member-advisory team as a planner would
describe it: staff with contracts, part-time patterns and skills; phone and
mail duties; Danish holidays; a month of absences; last month's balances;
a few preferences; and an open case backlog that is deliberately uneven, so
the backlog balancer has something to fix.

Everything is synthetic. Names are random pairs drawn from lists of common
Danish first and last names, so any resemblance to a real person is chance.
The same ``seed`` (and the same month and sizes) always gives the same team:
all randomness comes from :class:`random.Random` streams derived from the
seed, never from the global generator or the clock.

Sizes scale: staffing minimums grow with the team (phone minimum about one
in ten of the staff), and whole-day absences are capped per day, so a rota
stays comfortably feasible from a dozen people up to a few hundred.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from balancer.domain import (
    Absence,
    AbsenceReason,
    CalendarSettings,
    Case,
    CaseStatus,
    Duty,
    HistoryBalance,
    Month,
    Preference,
    Priority,
    Rules,
    SkillRequirement,
    Slot,
    Staff,
    Team,
    Weekday,
    WorkDay,
    minutes,
)

__all__ = [
    "CASE_SKILLS",
    "MIN_STAFF",
    "WIP_SHARE",
    "AbsencePlanner",
    "DemoStaffing",
    "demo_staffing",
    "make_demo_team",
]

#: Skills a case can need; `english` is a duty skill only.
CASE_SKILLS: tuple[str, ...] = ("pension", "unemployment", "labour_law")

#: Smallest team the generator builds; below it the roles don't fit.
MIN_STAFF = 8

#: Most a caseworker keeps in progress or pinned, as a share of two weeks
#: of their contract hours (the WIP limit of a real team's board).
WIP_SHARE = 0.4

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

_MON_THU: tuple[Weekday, ...] = (
    Weekday.MON,
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
)
_TUE_FRI: tuple[Weekday, ...] = (
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
    Weekday.FRI,
)
_MON_FRI: tuple[Weekday, ...] = (*_MON_THU, Weekday.FRI)

# Part-time working patterns: (weekdays, start, end). The fte follows from
# the hours, so contract and pattern agree.
_Pattern = tuple[tuple[Weekday, ...], time, time]
_FOUR_DAY_PATTERNS: tuple[_Pattern, ...] = (
    (_MON_THU, time(8), time(15, 30)),  # 30 h
    (_MON_THU, time(8), time(16)),  # 32 h
    (_MON_THU, time(8, 30), time(15)),  # 26 h
)
_SHORT_DAY_PATTERNS: tuple[_Pattern, ...] = (
    (_MON_FRI, time(8), time(14)),  # 30 h
    (_MON_FRI, time(9), time(15)),  # 30 h
)
_DEFAULT_PATTERN_FTES: tuple[float, ...] = (0.6, 0.7, 0.75, 0.8, 0.9)


@dataclass(frozen=True)
class DemoStaffing:
    """Staffing levels the demo uses for a team size.

    Attributes
    ----------
    phone_min, phone_target, phone_max
        People on each phone slot: fewest, aim, most.
    english_count
        People with English (level 2+) on the English-speaking slots.
    mail_min, mail_target
        People on the mail queue: fewest and aim.
    """

    phone_min: int
    phone_target: int
    phone_max: int
    english_count: int
    mail_min: int
    mail_target: int


def demo_staffing(staff: int) -> DemoStaffing:
    """Staffing levels scaled to a team of ``staff`` people.

    About one in ten staff on each phone slot at minimum (2 of 24), the
    target a third higher and the maximum about 1.7 times the minimum; one
    English speaker per six phone staff; one mail person per 24 staff.
    """
    phone_min = max(1, round(staff / 10))
    phone_target = max(phone_min + 1, round(phone_min * 1.35))
    phone_max = max(phone_target + 1, round(phone_min * 1.7))
    mail_min = max(1, round(staff / 24))
    return DemoStaffing(
        phone_min=phone_min,
        phone_target=phone_target,
        phone_max=phone_max,
        english_count=max(1, round(phone_min / 6)),
        mail_min=mail_min,
        mail_target=mail_min + max(1, mail_min // 2),
    )


def make_demo_team(
    month: Month, *, seed: int = 2027, staff: int = 24, cases: int = 400
) -> Team:
    """A synthetic, realistic team planning ``month``.

    Parameters
    ----------
    month
        The month to plan; absences fall inside it, cases arrived in the
        90 days before it, and 24/31 December are closed in December.
    seed
        Same seed, month and sizes give an identical team.
    staff
        Team size, at least :data:`MIN_STAFF`.
    cases
        Open cases in the backlog (0 for none).

    Returns
    -------
    Team
        A team that passes :meth:`Team.checked`.

    Raises
    ------
    ValueError
        When ``staff`` is below :data:`MIN_STAFF` or ``cases`` is negative.
    """
    if staff < MIN_STAFF:
        raise ValueError(f"a demo team needs at least {MIN_STAFF} staff")
    if cases < 0:
        raise ValueError("the number of cases cannot be negative")
    # Separate streams per part: asking for more cases leaves the staff,
    # absences and preferences of a seed unchanged.
    people = _make_staff(_stream(seed, "staff"), staff)
    duties = _make_duties(demo_staffing(staff))
    calendar = _make_calendar(month)
    return Team.checked(
        staff=people,
        duties=duties,
        calendar=calendar,
        absences=_make_absences(
            _stream(seed, "absences", month), people, duties, month, calendar
        ),
        preferences=_make_preferences(
            _stream(seed, "preferences", month), people, month, calendar
        ),
        history=_make_history(_stream(seed, "history", month), people),
        cases=_make_cases(_stream(seed, "cases", month), people, month, cases),
    )


def _stream(seed: int, part: str, month: Month | None = None) -> random.Random:
    # String seeds hash deterministically (unlike hash() of a str).
    return random.Random(f"{seed}/{part}/{month or ''}")


# --------------------------------------------------------------------------
# Staff
# --------------------------------------------------------------------------


def _make_staff(rng: random.Random, count: int) -> tuple[Staff, ...]:
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


# --------------------------------------------------------------------------
# Duties and calendar
# --------------------------------------------------------------------------


def _make_duties(levels: DemoStaffing) -> tuple[Duty, Duty]:
    """Phone in four slots a day (shorter on Friday) and the mail queue.

    Monday 08-10 and Friday afternoon phones are unpopular. The midday
    phone slots need English speakers.
    """
    english = (
        SkillRequirement(
            skill="english", min_level=2, count=levels.english_count
        ),
    )

    def phone(
        start: time,
        end: time,
        weekdays: tuple[Weekday, ...],
        *,
        unpopular: bool = False,
        requirements: tuple[SkillRequirement, ...] = (),
    ) -> Slot:
        return Slot(
            start=start,
            end=end,
            weekdays=weekdays,
            min_staff=levels.phone_min,
            target_staff=levels.phone_target,
            max_staff=levels.phone_max,
            requirements=requirements,
            unpopular=unpopular,
        )

    phone_duty = Duty(
        id="phone",
        name="Phone",
        colour="#FFD966",
        slots=(
            phone(time(8), time(10), (Weekday.MON,), unpopular=True),
            phone(time(8), time(10), _TUE_FRI),
            phone(time(10), time(12), _MON_FRI, requirements=english),
            phone(time(12), time(14), _MON_FRI, requirements=english),
            phone(time(14), time(15, 30), _MON_THU),
            phone(time(14), time(15), (Weekday.FRI,), unpopular=True),
        ),
    )
    mail_duty = Duty(
        id="mail",
        name="Mail queue",
        colour="#9DC3E6",
        slots=(
            Slot(
                start=time(9),
                end=time(12),
                weekdays=_MON_FRI,
                min_staff=levels.mail_min,
                target_staff=levels.mail_target,
            ),
        ),
    )
    return phone_duty, mail_duty


def _make_calendar(month: Month) -> CalendarSettings:
    """Danish holidays and hours; 24 and 31 December closed in December."""
    closed = tuple(
        date(month.year, 12, day) for day in (24, 31) if month.month == 12
    )
    return CalendarSettings(closed_dates=closed)


# --------------------------------------------------------------------------
# Absences
# --------------------------------------------------------------------------


class AbsencePlanner:
    """Places absences without leaving any duty slot short.

    At most about a fifth of the team is away on any one day. On top of
    that, an absence is refused when it would leave a slot with fewer
    than :func:`_slot_floor` people who may take it, or fewer than one
    more than needed with a required skill; so a rota always has room.
    """

    def __init__(
        self,
        month: Month,
        people: tuple[Staff, ...],
        duties: tuple[Duty, ...],
        calendar: CalendarSettings,
    ) -> None:
        self.open_days = [d for d in month.days() if calendar.is_open(d)]
        self.cap = max(2, len(people) // 5)
        self.away: dict[date, int] = {}
        self.busy: dict[str, set[date]] = {}
        self.absences: list[Absence] = []
        # The domain decides who works when; a team without absences or
        # cases is cheap to build and keeps one definition of it.
        team = Team(staff=people, duties=duties, calendar=calendar)
        self.slots = [
            (duty.id, slot) for duty in duties for slot in duty.slots
        ]
        # (day, slot index) -> staff ids on hand who may take the slot.
        self.on_hand: dict[tuple[date, int], set[str]] = {}
        for day in self.open_days:
            hours = {p.id: team.working_hours(p, day) for p in people}
            for k, (duty_id, slot) in enumerate(self.slots):
                if slot.runs_on(day.weekday()):
                    self.on_hand[day, k] = {
                        p.id
                        for p in people
                        if p.may_take(duty_id)
                        and _spans(hours[p.id], slot.start, slot.end)
                    }
        self.people = team.staff_by_id
        # (day, slot index, requirement index) -> holders on hand.
        self.skilled: dict[tuple[date, int, int], int] = {
            (day, k, r): sum(
                self.people[i].level(need.skill) >= need.min_level for i in ids
            )
            for (day, k), ids in self.on_hand.items()
            for r, need in enumerate(self.slots[k][1].requirements)
        }

    def try_add(
        self,
        staff_id: str,
        start: date,
        end: date,
        reason: AbsenceReason,
        window: tuple[time, time] | None = None,
    ) -> bool:
        """Add the absence if it leaves every slot covered; say whether."""
        days = [d for d in self.open_days if start <= d <= end]
        taken = self.busy.setdefault(staff_id, set())
        if not days or any(
            self.away.get(d, 0) >= self.cap or d in taken for d in days
        ):
            return False
        absence = Absence(
            staff_id=staff_id,
            start=start,
            end=end,
            from_time=window[0] if window else None,
            to_time=window[1] if window else None,
            reason=reason,
        )
        hit = [
            (day, k)
            for day in days
            for k, (_, slot) in enumerate(self.slots)
            if staff_id in self.on_hand.get((day, k), ())
            and absence.blocks(day, slot.start, slot.end)
        ]
        if any(not self._spare(day, k, staff_id) for day, k in hit):
            return False
        person = self.people[staff_id]
        for day, k in hit:
            self.on_hand[day, k].discard(staff_id)
            for r, need in enumerate(self.slots[k][1].requirements):
                if person.level(need.skill) >= need.min_level:
                    self.skilled[day, k, r] -= 1
        for day in days:
            if absence.whole_day:
                self.away[day] = self.away.get(day, 0) + 1
            taken.add(day)
        self.absences.append(absence)
        return True

    def _spare(self, day: date, k: int, staff_id: str) -> bool:
        """True when the slot stays comfortably staffed without them."""
        slot = self.slots[k][1]
        if len(self.on_hand[day, k]) - 1 < _slot_floor(slot):
            return False
        person = self.people[staff_id]
        for r, need in enumerate(slot.requirements):
            loss = person.level(need.skill) >= need.min_level
            if self.skilled[day, k, r] - loss <= need.count:
                return False
        return True


def _slot_floor(slot: Slot) -> int:
    """People who must stay available for a slot: 1.75 x min, +1 at least.

    Comfortably above the minimum, so the rota can also respect daily and
    weekly limits and still reach the target most days.
    """
    return max(slot.min_staff + 1, math.ceil(1.75 * slot.min_staff))


def _spans(hours: tuple[time, time], start: time, end: time) -> bool:
    """True when working ``hours`` cover the whole of ``start``-``end``."""
    return minutes(hours[0]) <= minutes(start) and minutes(end) <= minutes(
        hours[1]
    )


def _make_absences(
    rng: random.Random,
    people: tuple[Staff, ...],
    duties: tuple[Duty, ...],
    month: Month,
    calendar: CalendarSettings,
) -> tuple[Absence, ...]:
    """A month of absences, all inside the month.

    Vacations of one or two weeks for about one in eight (three weeks in
    July for some), a course of two or three days for one in twenty,
    scattered sick days, and one part-day appointment per fifteen staff.
    """
    planner = AbsencePlanner(month, people, duties, calendar)
    if not planner.open_days:
        return ()
    ids = [p.id for p in people]
    # Weeks that touch the month, so a vacation may also run into it from
    # the week before (the absence is then cut at the month's start).
    first_monday = month.first - timedelta(days=month.first.weekday())
    mondays = [
        first_monday + timedelta(weeks=w)
        for w in range(6)
        if first_monday + timedelta(weeks=w) <= month.last
    ]

    vacationers = max(2, round(len(people) / (4 if month.month == 7 else 8)))
    for staff_id in rng.sample(ids, min(vacationers, len(ids))):
        weeks = rng.choice((1, 1, 2, 3) if month.month == 7 else (1, 1, 2))
        for monday in rng.sample(mondays, len(mondays)):
            start = max(monday, month.first)
            end = min(monday + timedelta(days=7 * weeks - 3), month.last)
            if planner.try_add(staff_id, start, end, AbsenceReason.VACATION):
                break

    for staff_id in rng.sample(ids, max(1, round(len(people) / 20))):
        length = rng.choice((2, 3))
        for _ in range(10):
            first = rng.randrange(len(planner.open_days) - length + 1)
            days = planner.open_days[first : first + length]
            if planner.try_add(
                staff_id, days[0], days[-1], AbsenceReason.COURSE
            ):
                break

    # Sick days: about one every second person a month, a few spells
    # of two or three days.
    for _ in range(round(len(people) / 2)):
        staff_id = rng.choice(ids)
        first = rng.randrange(len(planner.open_days))
        length = rng.choices((1, 2, 3), (70, 20, 10))[0]
        days = planner.open_days[first : first + length]
        planner.try_add(staff_id, days[0], days[-1], AbsenceReason.SICK)

    for staff_id in rng.sample(ids, max(1, round(len(people) / 15))):
        day = rng.choice(planner.open_days)
        window = rng.choice(
            ((time(8), time(10)), (time(13), time(16)), (time(10), time(12)))
        )
        planner.try_add(staff_id, day, day, AbsenceReason.OTHER, window)
    absences = planner.absences
    return tuple(sorted(absences, key=lambda a: (a.start, a.staff_id)))


# --------------------------------------------------------------------------
# History and preferences
# --------------------------------------------------------------------------


def _make_history(
    rng: random.Random, people: tuple[Staff, ...]
) -> tuple[HistoryBalance, ...]:
    """Last month's balance per person and duty, summing to zero per duty.

    Hours are a few above or below fair share in half hours; unpopular
    phone slots one or two either way.
    """
    balances: list[HistoryBalance] = []
    for duty in ("phone", "mail"):
        takers = [p.id for p in people if p.may_take(duty)]
        spread = 3.0 if duty == "phone" else 1.5
        hours = _zero_sum(
            rng, [rng.gauss(0, spread) for _ in takers], step=0.5
        )
        unpopular = (
            _zero_sum(rng, [rng.gauss(0, 1) for _ in takers], step=1.0)
            if duty == "phone"
            else [0.0] * len(takers)
        )
        balances += [
            HistoryBalance(
                staff_id=staff_id, duty=duty, hours=h, unpopular_slots=u
            )
            for staff_id, h, u in zip(takers, hours, unpopular, strict=True)
        ]
    return tuple(balances)


def _zero_sum(
    rng: random.Random, values: list[float], *, step: float
) -> list[float]:
    """Round to ``step`` and nudge until the values sum to exactly zero."""
    if not values:
        return []
    mean = sum(values) / len(values)
    rounded = [round((v - mean) / step) for v in values]
    residual = sum(rounded)
    while residual != 0:
        i = rng.randrange(len(rounded))
        rounded[i] -= 1 if residual > 0 else -1
        residual += -1 if residual > 0 else 1
    return [r * step + 0.0 for r in rounded]


def _make_preferences(
    rng: random.Random,
    people: tuple[Staff, ...],
    month: Month,
    calendar: CalendarSettings,
) -> tuple[Preference, ...]:
    """A handful of wants and avoids, one per five duty staff."""
    duty_staff = [p for p in people if p.may_take("phone")]
    open_days = [d for d in month.days() if calendar.is_open(d)]
    chosen = rng.sample(duty_staff, min(len(duty_staff), len(people) // 5))
    prefs: list[Preference] = []
    for person in chosen:
        kind = rng.choice(("early_monday", "weekday", "date", "mail", "fri"))
        if kind == "early_monday":
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    weekday=Weekday.MON,
                    duty="phone",
                    slot_start=time(8),
                    weight=rng.randint(3, 5),
                )
            )
        elif kind == "weekday":
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=True,
                    weekday=rng.choice(_MON_THU),
                    weight=rng.randint(1, 3),
                )
            )
        elif kind == "date" and open_days:
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    on=rng.choice(open_days),
                    weight=rng.randint(4, 8),
                )
            )
        elif kind == "mail" and person.may_take("mail"):
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=True,
                    duty="mail",
                    weight=rng.randint(1, 3),
                )
            )
        else:
            prefs.append(
                Preference(
                    staff_id=person.id,
                    want=False,
                    weekday=Weekday.FRI,
                    weight=rng.randint(1, 4),
                )
            )
    return tuple(prefs)


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------


class _OwnerPicker:
    """Draws case owners qualified for a skill level, with uneven loads.

    About one caseworker in six is overloaded (2.5 times a fair pull) and
    one in five is light (a third of it), the imbalance the backlog
    balancer is meant to fix.
    """

    def __init__(self, rng: random.Random, people: tuple[Staff, ...]) -> None:
        self.rng = rng
        workers = [p for p in people if p.casework]
        load = {p.id: 1.0 for p in workers}
        shuffled = rng.sample(workers, len(workers))
        heavy = max(1, len(workers) // 6)
        light = max(1, len(workers) // 5)
        for person in shuffled[:heavy]:
            load[person.id] = 2.5
        for person in shuffled[heavy : heavy + light]:
            load[person.id] = 0.35
        self.pools: dict[tuple[str, int], tuple[list[str], list[float]]] = {}
        for skill in CASE_SKILLS:
            for level in (1, 2, 3):
                ids: list[str] = []
                cumulative: list[float] = []
                total = 0.0
                for person in workers:
                    if person.level(skill) >= level:
                        total += load[person.id] * (person.fte or 1.0)
                        ids.append(person.id)
                        cumulative.append(total)
                self.pools[skill, level] = (ids, cumulative)

    def pick(self, skill: str, level: int) -> str:
        ids, cumulative = self.pools[skill, level]
        return self.rng.choices(ids, cum_weights=cumulative)[0]


@dataclass
class _Draft:
    """A case before it gets its number (numbers follow arrival order)."""

    skill: str
    level: int
    effort: float
    received: date
    deadline: date | None
    priority: Priority
    status: CaseStatus
    tiebreak: float
    owner: str | None = None
    pinned: bool = False
    group: str | None = None
    effort_by_staff: dict[str, float] = field(default_factory=dict)


def _make_cases(
    rng: random.Random, people: tuple[Staff, ...], month: Month, count: int
) -> tuple[Case, ...]:
    """An open backlog of ``count`` cases received in the last ~90 days.

    Effort is skewed (median about 4 h, 1-20 h in half hours). Most cases
    have a 30- or 60-day KPI deadline (some 90, a few none); newer cases
    are more often still on the shelf. About one case in ten belongs to
    a group of two or three for one member, all with one owner; a few
    owned cases are pinned, and a few name an expert who would need only
    70 % of the effort.

    Work in progress is what a real team has: a started case has only
    part of its effort left (30-90 %), and nobody has more in progress
    or pinned than :data:`WIP_SHARE` of a fortnight's contract hours;
    their oldest cases are started first, the rest wait as assigned. So
    the kept work never forces a caseworker over capacity by itself
    (only an absence can), and the balancer has the owners' queued cases
    to even out.
    """
    owners = _OwnerPicker(rng, people)
    drafts: list[_Draft] = []
    groups: set[str] = set()
    while len(drafts) < count:
        size = rng.choice((2, 3)) if rng.random() < 0.05 else 1
        size = min(size, count - len(drafts))
        group = _member_number(rng, groups) if size > 1 else None
        skill = rng.choices(CASE_SKILLS, (40, 40, 20))[0]
        level = rng.choices((1, 2, 3), (70, 25, 5))[0]
        owner: str | None = None
        for _ in range(size):
            draft = _case_draft(rng, month, skill, level)
            if draft.status != CaseStatus.NEW:
                # A member's cases share one caseworker.
                owner = owner or owners.pick(skill, level)
                draft.owner = owner
                draft.pinned = rng.random() < 0.02
            if draft.status == CaseStatus.IN_PROGRESS:
                left = draft.effort * rng.uniform(0.3, 0.9)
                draft.effort = max(1.0, round(left * 2) / 2)
            draft.group = group
            if rng.random() < 0.04:
                # An expert in the case type would finish it faster.
                expert = owners.pick(skill, 3)
                faster = max(0.5, round(draft.effort * 1.4) / 2)
                draft.effort_by_staff = {expert: faster}
            drafts.append(draft)
    drafts.sort(key=lambda d: (d.received, d.tiebreak))
    _limit_work_in_progress(people, drafts)
    base = 10_000 + rng.randrange(80_000)
    return tuple(
        Case(
            id=f"K-{base + i}",
            type=d.skill,
            skill=d.skill,
            min_level=d.level,
            effort_hours=d.effort,
            received=d.received,
            deadline=d.deadline,
            priority=d.priority,
            owner=d.owner,
            status=d.status,
            group=d.group,
            pinned=d.pinned,
            effort_by_staff=d.effort_by_staff,
        )
        for i, d in enumerate(drafts)
    )


def _limit_work_in_progress(
    people: tuple[Staff, ...], drafts: list[_Draft]
) -> None:
    """Start the oldest cases first, up to each owner's WIP limit.

    Kept (in-progress or pinned) hours per owner stay within
    :data:`WIP_SHARE` of two weeks of their contract; a case that would
    go over waits as assigned and unpinned instead. ``drafts`` run
    oldest first.
    """
    full_week = Rules().full_time_hours
    limit = {p.id: WIP_SHARE * 2 * full_week * (p.fte or 1.0) for p in people}
    kept: dict[str, float] = {}
    for draft in drafts:
        if draft.owner is None:
            continue
        if draft.status == CaseStatus.IN_PROGRESS or draft.pinned:
            hours = kept.get(draft.owner, 0.0) + draft.effort
            if hours > limit[draft.owner]:
                draft.status = CaseStatus.ASSIGNED
                draft.pinned = False
            else:
                kept[draft.owner] = hours


def _member_number(rng: random.Random, used: set[str]) -> str:
    """A member number not used by another group yet, e.g. ``M482913``."""
    while True:
        number = f"M{rng.randrange(100_000, 1_000_000)}"
        if number not in used:
            used.add(number)
            return number


def _case_draft(
    rng: random.Random, month: Month, skill: str, level: int
) -> _Draft:
    kpi = rng.choices((30, 60, 90, None), (50, 30, 10, 10))[0]
    oldest = 90 if kpi is None else min(90, round(kpi * 1.15))
    age = round(rng.triangular(1, oldest, 1))
    received = month.first - timedelta(days=age)
    if received.weekday() >= 5:  # post is opened on weekdays
        received -= timedelta(days=received.weekday() - 4)
    fresh = (month.first - received).days <= 7
    status = rng.choices(
        tuple(CaseStatus),
        (70, 20, 5, 5) if fresh else (12, 48, 28, 12),
    )[0]
    effort = min(20.0, max(1.0, rng.lognormvariate(math.log(4), 0.75)))
    return _Draft(
        skill=skill,
        level=level,
        effort=round(effort * 2) / 2,
        received=received,
        deadline=None if kpi is None else received + timedelta(days=kpi),
        priority=rng.choices(tuple(Priority), (15, 70, 12, 3))[0],
        status=status,
        tiebreak=rng.random(),
    )

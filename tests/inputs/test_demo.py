"""The demo team: deterministic, valid, realistic and rota-feasible.

The feasibility margin is recomputed here from the domain's own methods
(working hours, ``Absence.blocks``, ``may_take``), not from anything in
``balancer.inputs.demo``, so a change in the generator that starves a slot
fails.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, time, timedelta

import pytest

from balancer.domain import (
    AbsenceReason,
    CalendarSettings,
    CaseStatus,
    Month,
    Priority,
    Slot,
    Team,
    Weekday,
    minutes,
)
from balancer.inputs.demo import (
    CASE_SKILLS,
    MIN_STAFF,
    WIP_SHARE,
    demo_staffing,
    make_demo_team,
)

JANUARY = Month(year=2027, month=1)
DECEMBER = Month(year=2026, month=12)
#: Easter 2026 falls in April (Maundy Thursday 2 April to Easter Monday).
APRIL_EASTER = Month(year=2026, month=4)
#: Easter 2027 falls in March (25-29 March); April 2027 has none.
MARCH_EASTER = Month(year=2027, month=3)
JULY = Month(year=2027, month=7)


@pytest.fixture(scope="module")
def team() -> Team:
    """The default demo team: 24 staff, 400 cases, January 2027."""
    return make_demo_team(JANUARY)


# -- determinism ---------------------------------------------------------


def test_same_seed_gives_identical_team() -> None:
    assert make_demo_team(JANUARY, seed=7) == make_demo_team(JANUARY, seed=7)


def test_different_seed_gives_different_team() -> None:
    one = make_demo_team(JANUARY, seed=7)
    other = make_demo_team(JANUARY, seed=8)
    assert one.staff != other.staff
    assert one.cases != other.cases


def test_more_cases_leave_staff_and_absences_unchanged() -> None:
    """Each part draws from its own stream, so sizes don't ripple."""
    few = make_demo_team(JANUARY, cases=10)
    many = make_demo_team(JANUARY, cases=50)
    assert few.staff == many.staff
    assert few.absences == many.absences


def test_too_small_a_team_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        make_demo_team(JANUARY, staff=MIN_STAFF - 1)


# -- validity --------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "staff", "cases"),
    [
        (JANUARY, MIN_STAFF, 30),
        (DECEMBER, 24, 400),
        (APRIL_EASTER, 24, 400),
        (MARCH_EASTER, 24, 400),
        (Month(year=2027, month=4), 40, 200),
        (JULY, 60, 600),
        (Month(year=2027, month=5), 200, 500),
    ],
)
def test_team_is_valid_and_rota_feasible(
    month: Month, staff: int, cases: int
) -> None:
    demo = make_demo_team(month, staff=staff, cases=cases)
    assert list(demo.problems()) == []
    assert len(demo.staff) == staff
    assert len(demo.cases) == cases
    _assert_feasible_margin(demo, month)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_other_seeds_stay_feasible(seed: int) -> None:
    _assert_feasible_margin(
        make_demo_team(DECEMBER, seed=seed, cases=0), DECEMBER
    )


def test_large_team_with_big_backlog() -> None:
    """The benchmark size: 150 staff and 10 000 cases, valid and feasible."""
    demo = make_demo_team(APRIL_EASTER, staff=150, cases=10_000)
    assert list(demo.problems()) == []
    assert len(demo.cases) == 10_000
    _assert_feasible_margin(demo, APRIL_EASTER)
    _assert_cases_consistent(demo, APRIL_EASTER)


# -- calendar ----------------------------------------------------------------


def test_december_closes_christmas_eve_and_new_years_eve() -> None:
    demo = make_demo_team(DECEMBER, cases=0)
    assert demo.calendar.closed_dates == (
        date(2026, 12, 24),
        date(2026, 12, 31),
    )
    assert not demo.calendar.is_open(date(2026, 12, 25))  # Christmas Day


def test_other_months_have_no_extra_closed_dates(team: Team) -> None:
    assert team.calendar.closed_dates == ()
    assert team.calendar.country == "DK"


def test_easter_days_are_closed() -> None:
    demo = make_demo_team(APRIL_EASTER, cases=0)
    for day in (2, 3, 6):  # Maundy Thursday, Good Friday, Easter Monday
        assert not demo.calendar.is_open(date(2026, 4, day))


# -- staff ------------------------------------------------------------------


def test_ids_are_unique_initials(team: Team) -> None:
    ids = [p.id for p in team.staff]
    assert len({i.casefold() for i in ids}) == len(ids)
    for person in team.staff:
        first, last = person.name.split()
        assert re.fullmatch(rf"{first[0]}{last[0]}\d*", person.id)


@pytest.mark.parametrize("staff", [24, 90])
def test_a_third_are_part_time(staff: int) -> None:
    demo = make_demo_team(JANUARY, staff=staff, cases=0)
    part = [p for p in demo.staff if p.fte is not None and p.fte < 1]
    assert abs(len(part) - staff / 3) <= 1
    assert all(p.fte is not None and 0.6 <= p.fte <= 0.9 for p in part)


def test_some_work_monday_to_thursday_only(team: Team) -> None:
    four_days = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU)
    mon_thu = [
        p
        for p in team.staff
        if tuple(d.weekday for d in p.pattern) == four_days
    ]
    assert mon_thu
    assert any(not p.pattern for p in team.staff)


def test_part_time_patterns_match_the_contract(team: Team) -> None:
    for person in team.staff:
        if person.pattern:
            hours = sum(day.hours for day in person.pattern)
            assert person.fte == pytest.approx(hours / 37, abs=0.01)


def test_roles_without_duties(team: Team) -> None:
    no_duty = [p for p in team.staff if p.duties == ()]
    assert len(no_duty) >= 2
    assert any(not p.casework for p in no_duty), "a team lead"
    assert any(p.casework for p in no_duty), "a casework-only specialist"


def test_skills_mix_juniors_and_seniors(team: Team) -> None:
    levels = Counter(max(p.level(s) for s in CASE_SKILLS) for p in team.staff)
    assert levels[1] >= 2 and levels[2] >= 2 and levels[3] >= 2
    assert any(p.level("english") >= 2 for p in team.staff)
    assert {s for p in team.staff for s in p.skills} == {
        *CASE_SKILLS,
        "english",
    }


# -- duties ------------------------------------------------------------------


def test_phone_slots_and_staffing_for_24(team: Team) -> None:
    phone = team.duty_by_id["phone"]
    by_day = {(day, s.label): s for s in phone.slots for day in s.weekdays}
    assert [label for d, label in by_day if d == Weekday.MON] == [
        "08:00-10:00",
        "10:00-12:00",
        "12:00-14:00",
        "14:00-15:30",
    ]
    assert by_day[Weekday.FRI, "14:00-15:00"].unpopular
    assert by_day[Weekday.MON, "08:00-10:00"].unpopular
    assert not by_day[Weekday.TUE, "08:00-10:00"].unpopular
    assert {(s.min_staff, s.target, s.maximum) for s in phone.slots} == {
        (2, 3, 4)
    }
    assert any(
        r.skill == "english" for s in phone.slots for r in s.requirements
    )
    mail = team.duty_by_id["mail"]
    assert [(s.label, s.min_staff, s.target) for s in mail.slots] == [
        ("09:00-12:00", 1, 2)
    ]
    assert phone.colour and mail.colour


def test_staffing_grows_with_the_team() -> None:
    small, large = demo_staffing(24), demo_staffing(150)
    assert large.phone_min == 15
    assert large.phone_min > small.phone_min
    assert large.mail_min > small.mail_min
    assert large.english_count > small.english_count


# -- absences, history, preferences -------------------------------------


def test_absences_fall_inside_the_month(team: Team) -> None:
    assert all(
        JANUARY.first <= a.start <= a.end <= JANUARY.last
        for a in team.absences
    )
    reasons = Counter(a.reason for a in team.absences)
    assert reasons[AbsenceReason.VACATION] >= 2
    assert reasons[AbsenceReason.COURSE] >= 1
    assert reasons[AbsenceReason.SICK] >= 3
    assert any(not a.whole_day for a in team.absences)


def test_vacations_last_one_to_two_weeks(team: Team) -> None:
    for absence in team.absences:
        if absence.reason == AbsenceReason.VACATION:
            assert (absence.end - absence.start).days <= 12


def test_history_sums_to_zero_per_duty(team: Team) -> None:
    for duty in ("phone", "mail"):
        rows = [b for b in team.history if b.duty == duty]
        assert rows
        assert sum(b.hours for b in rows) == 0
        assert sum(b.unpopular_slots for b in rows) == 0
        assert all(abs(b.hours) <= 15 for b in rows)
        assert all(team.staff_by_id[b.staff_id].may_take(duty) for b in rows)
    assert any(b.hours != 0 for b in team.history)


def test_a_handful_of_preferences(team: Team) -> None:
    assert 2 <= len(team.preferences) <= len(team.staff) // 3
    for pref in team.preferences:
        assert team.staff_by_id[pref.staff_id].duties != ()


# -- cases -------------------------------------------------------------------


def test_cases_are_consistent(team: Team) -> None:
    _assert_cases_consistent(team, JANUARY)


def test_backlog_is_realistic(team: Team) -> None:
    cases = team.cases
    assert set(Counter(c.status for c in cases)) == set(CaseStatus)
    priorities = Counter(c.priority for c in cases)
    assert priorities[Priority.NORMAL] > len(cases) / 2
    assert priorities[Priority.URGENT] < priorities[Priority.HIGH]
    assert priorities[Priority.LOW] > 0
    efforts = sorted(c.effort_hours for c in cases)
    assert efforts[len(efforts) // 2] < sum(efforts) / len(efforts)  # skew
    grouped = [c for c in cases if c.group]
    assert 0.05 * len(cases) <= len(grouped) <= 0.2 * len(cases)
    assert any(c.pinned for c in cases)
    assert any(c.effort_by_staff for c in cases)
    with_deadline = [c for c in cases if c.deadline]
    assert len(with_deadline) > 0.8 * len(cases)
    kpi = Counter((c.deadline - c.received).days for c in with_deadline)
    assert kpi[30] > kpi[60] > 0
    soon = [
        c
        for c in with_deadline
        if c.deadline <= JANUARY.first + timedelta(days=7)
    ]
    assert soon, "some deadlines are close"


def test_some_owners_are_overloaded_and_some_light(team: Team) -> None:
    load: dict[str, float] = defaultdict(float)
    for case in team.cases:
        if case.owner:
            load[case.owner] += case.effort_hours
    per_fte = sorted(
        load.get(p.id, 0.0) / (p.fte or 1.0) for p in team.staff if p.casework
    )
    median = per_fte[len(per_fte) // 2]
    assert per_fte[-1] > 2 * median
    assert per_fte[0] < 0.5 * median


@pytest.mark.parametrize(("staff", "cases"), [(24, 400), (200, 10_000)])
def test_work_in_progress_stays_within_the_limit(
    staff: int, cases: int
) -> None:
    """Kept work fits a fortnight: only an absence can overload someone.

    Dense backlogs (50 cases a head) still start only the oldest cases,
    so most owned cases wait as assigned, free for the balancer to move.
    """
    demo = make_demo_team(MARCH_EASTER, staff=staff, cases=cases)
    kept: dict[str, float] = defaultdict(float)
    for case in demo.cases:
        if case.fixed and case.owner is not None:
            kept[case.owner] += case.effort_hours
    assert kept
    for owner, hours in kept.items():
        fte = demo.staff_by_id[owner].fte or 1.0
        assert hours <= WIP_SHARE * 2 * 37 * fte + 1e-9
    statuses = Counter(c.status for c in demo.cases if c.owner)
    assert statuses[CaseStatus.ASSIGNED] > statuses[CaseStatus.IN_PROGRESS]


# -- helpers ----------------------------------------------------------------


def _assert_cases_consistent(team: Team, month: Month) -> None:
    """Skills, owners, groups and dates hang together."""
    month_start = month.first
    owner_of_group: dict[str, str] = {}
    for case in team.cases:
        assert case.skill in CASE_SKILLS
        assert case.type == case.skill
        assert 1 <= case.effort_hours <= 20
        assert case.effort_hours * 2 == int(case.effort_hours * 2)
        assert case.received < month_start
        assert (month_start - case.received).days <= 95
        assert case.received.weekday() < 5
        for expert, hours in case.effort_by_staff.items():
            assert team.staff_by_id[expert].level(case.skill) == 3
            assert 0 < hours < case.effort_hours
        if case.owner is None:
            assert case.status == CaseStatus.NEW
            continue
        owner = team.staff_by_id[case.owner]
        assert owner.casework
        assert owner.level(case.skill) >= case.min_level
        if case.group:
            assert owner_of_group.setdefault(case.group, case.owner) == (
                case.owner
            )


def _works_through(team: Team, staff_id: str, day: date, slot: Slot) -> bool:
    start, end = team.working_hours(team.staff_by_id[staff_id], day)
    return minutes(start) <= minutes(slot.start) and minutes(
        slot.end
    ) <= minutes(end)


def _assert_feasible_margin(team: Team, month: Month) -> None:
    """Every slot has ample eligible staff; minimum hours fit capacity.

    Eligible on a slot = may take the duty, works through the whole slot
    (pattern or opening hours) and no absence blocks it. Each slot needs
    at least 1.5 times its minimum and every skill requirement met.
    Capacity per person and week: the best ``max_duty_days_per_week``
    days, each worth the person's ``max_slots_per_day`` longest slots
    they could work; the minimum duty hours must stay below 60 % of it.
    """
    open_days = [d for d in month.days() if team.calendar.is_open(d)]
    assert open_days
    rules = team.rules
    minimum_hours = 0.0
    could_work: dict[str, dict[date, list[float]]] = defaultdict(dict)
    for day in open_days:
        for duty in team.duties:
            for slot in duty.slots:
                if not slot.runs_on(day.weekday()):
                    continue
                minimum_hours += slot.min_staff * slot.hours
                eligible = [
                    p
                    for p in team.staff
                    if p.may_take(duty.id)
                    and _works_through(team, p.id, day, slot)
                    and not any(
                        a.blocks(day, slot.start, slot.end)
                        for a in team.absences_of(p.id)
                    )
                ]
                where = f"{duty.id} {slot.label} on {day}"
                assert len(eligible) >= 1.5 * slot.min_staff, where
                for need in slot.requirements:
                    skilled = [
                        p
                        for p in eligible
                        if p.level(need.skill) >= need.min_level
                    ]
                    assert len(skilled) >= need.count, where
                for person in eligible:
                    could_work[person.id].setdefault(day, []).append(
                        slot.hours
                    )
    capacity = 0.0
    for person in team.staff:
        per_slot_limit = person.max_slots_per_day or rules.max_slots_per_day
        weeks: dict[tuple[int, int], list[float]] = defaultdict(list)
        for day, hours in could_work[person.id].items():
            weeks[day.isocalendar()[:2]].append(
                sum(sorted(hours, reverse=True)[:per_slot_limit])
            )
        day_limit = person.max_duty_days_per_week or (
            rules.max_duty_days_per_week
        )
        for days in weeks.values():
            capacity += sum(sorted(days, reverse=True)[:day_limit])
    assert minimum_hours <= 0.6 * capacity


def test_absence_planner_refuses_to_starve_a_slot() -> None:
    """Three people on a min-1 slot keep a floor of two: one may go."""
    from balancer.inputs.demo import AbsencePlanner  # the rule under test
    from tests.factories import make_duty, make_slot, make_staff

    people = (make_staff("ann"), make_staff("bo"), make_staff("cy"))
    duties = (make_duty(slots=(make_slot(min_staff=1),)),)
    planner = AbsencePlanner(JANUARY, people, duties, CalendarSettings())
    monday = date(2027, 1, 4)
    sick = AbsenceReason.SICK
    assert planner.try_add("ann", monday, monday, sick)
    assert not planner.try_add("bo", monday, monday, sick)
    # Outside the slot's hours a part-day absence is harmless.
    afternoon = (time(13), time(16))
    assert planner.try_add("bo", monday, monday, sick, afternoon)
    assert planner.try_add("cy", date(2027, 1, 5), date(2027, 1, 5), sick)


def test_cases_under_way_have_a_started_date_and_others_none() -> None:
    team = make_demo_team(JANUARY)
    under_way = {CaseStatus.IN_PROGRESS, CaseStatus.WAITING}
    for case in team.cases:
        assert (case.started is not None) == (case.status in under_way)
        if case.started is not None:
            assert case.received <= case.started < JANUARY.first

"""Each soft goal: an exact value on a hand-fixed rota, then a solve.

The exact-value tests pin a hand-made rota (every other choice off),
build only the goal under test, and compare the term's value with the
number worked out in the comment *and* with the independent validator's
``score_rota``. The solve tests show the goal steering the solver to the
fairer rota, re-checked by ``check_rota``.

Background for the numbers: in January 2027 the four Mondays are 4, 11,
18 and 25 Jan; two full-timers with the default pattern have equal
available hours, so each fair share is half of the planned duty.
"""

from __future__ import annotations

from datetime import date, time
from fractions import Fraction

import pytest

from balancer.domain import HistoryBalance, Preference, Rules, Weekday, WorkDay
from balancer.result import SolveStatus
from balancer.solvers.rota.constraints import HARD_RULES
from balancer.solvers.rota.model import build_model
from balancer.solvers.rota.objectives import (
    SOFT_GOALS,
    blocks,
    casework_time,
    duty_fairness,
    duty_fairness_max,
    fairness_max,
    fairness_sum,
    nearest_gap,
    preferences,
    target_staffing,
    unpopular_fairness,
    variety,
)
from balancer.solvers.rota.shares import compute_shares
from balancer.validate.rota import SOFT_TERM_NAMES, check_rota, score_rota
from tests.factories import make_duty, make_slot, make_staff, make_team
from tests.solvers.rota.helpers import JANUARY, MONDAYS, loads, rota, run

MON = (Weekday.MON,)
TUE = date(2027, 1, 5)


def value(team, goal, assignments):  # type: ignore[no-untyped-def]
    """The goal's value on a pinned rota; the validator must agree."""
    built = build_model(team, JANUARY, rules=(), goals=(goal,))
    built.variables.pin(assignments)
    done = run(built)
    assert done.status is SolveStatus.OPTIMAL
    [term] = built.terms
    got = term.value(done.solver)
    assert got == pytest.approx(
        score_rota(team, JANUARY, assignments)[term.name]
    )
    return got


def solve_with(team, goal):  # type: ignore[no-untyped-def]
    """Solve with every hard rule and only ``goal``; check the rota."""
    built = build_model(team, JANUARY, rules=HARD_RULES, goals=(goal,))
    done = run(built)
    assert done.status is SolveStatus.OPTIMAL
    found = built.variables.extract(done.solver)
    assert check_rota(team, JANUARY, found) == []
    [term] = built.terms
    assert term.value(done.solver) == pytest.approx(
        score_rota(team, JANUARY, found)[term.name]
    )
    return found, term.value(done.solver)


def monday_team(**fields):  # type: ignore[no-untyped-def]
    """Ann and Bo, one phone slot 08-10 on Mondays."""
    fields.setdefault("duties", (make_duty(slots=(make_slot(weekdays=MON),)),))
    return make_team(**fields)


def test_goals_match_the_validators_terms() -> None:
    assert tuple(g.__name__ for g in SOFT_GOALS) == SOFT_TERM_NAMES


def test_goal_with_zero_weight_is_not_built() -> None:
    team = monday_team(weights={"fairness_max": 0})
    built = build_model(team, JANUARY, goals=(fairness_max, fairness_sum))
    assert [t.name for t in built.terms] == ["fairness_sum"]


# -- fairness ----------------------------------------------------------------


def test_fairness_values() -> None:
    # Planned: 4 Mondays x 1 person x 2 h = 8 h; equal availability gives
    # 4 h each. Ann 3 slots = 6 h (+2), Bo 1 slot = 2 h (-2):
    # max 2 h, sum 4 h.
    team = monday_team()
    assignments = rota(
        *[("ann", d, "phone", 0) for d in MONDAYS[:3]],
        ("bo", MONDAYS[3], "phone", 0),
    )
    assert value(team, fairness_max, assignments) == 2.0
    assert value(team, fairness_sum, assignments) == 4.0


def test_fairness_deducts_the_carried_balance() -> None:
    # Ann carries +2 h (did more before), Bo -2 h: fair shares 4 - 2 = 2 h
    # and 4 + 2 = 6 h of the 8 h planned.
    # Rota: Ann 2 slots (4 h) -> 2 h over; Bo 2 slots (4 h) -> 2 h under.
    team = monday_team(
        history=(
            HistoryBalance(staff_id="ann", duty="phone", hours=2),
            HistoryBalance(staff_id="bo", duty="phone", hours=-2),
        )
    )
    assignments = rota(
        *[("ann", d, "phone", 0) for d in MONDAYS[:2]],
        *[("bo", d, "phone", 0) for d in MONDAYS[2:]],
    )
    assert value(team, fairness_max, assignments) == 2.0
    assert value(team, fairness_sum, assignments) == 4.0


def test_balances_that_do_not_add_up_are_shared_in_proportion() -> None:
    # Only Ann carries +2 h: claims of 4 - 2 = 2 h and 4 h add up to 6 h,
    # not the 8 h planned. The shares keep to 8 h, in proportion to the
    # claims (8/6 of each): 2.67 h and 5.33 h exactly, the difference to
    # the claims named unavoidable. In whole 2-hour slots (the step is an
    # hour, a slot two): 2 h and 6 h, the larger remainder (1.33 against
    # 0.67) getting the slot left.
    team = monday_team(
        history=(HistoryBalance(staff_id="ann", duty="phone", hours=2),)
    )
    shares = compute_shares(team, JANUARY)
    assert shares.overall == {"ann": 2, "bo": 6}
    assert sum(shares.overall.values()) == sum(shares.account.planned.values())
    assert shares.account.exact == {
        "ann": Fraction(8, 3),
        "bo": Fraction(16, 3),
    }
    assert shares.account.unavoidable == {
        "ann": Fraction(2, 3),
        "bo": Fraction(4, 3),
    }


def test_fair_shares_are_in_whole_slots() -> None:
    # With only 2-hour slots a share that a rota can meet is a whole
    # number of slots: carried balances of +1.5 h and -1.5 h give exact
    # shares of 2.5 h and 5.5 h, rounded to 2 h and 6 h (the remainder
    # goes to the larger remainder, 1.5 against 0.5). Ann's 2 h and Bo's
    # 6 h are then exactly fair for the rota's goals; the half hours left
    # are carried in the account, not lost.
    team = monday_team(
        history=(
            HistoryBalance(staff_id="ann", duty="phone", hours=1.5),
            HistoryBalance(staff_id="bo", duty="phone", hours=-1.5),
        )
    )
    assert compute_shares(team, JANUARY).overall == {"ann": 2, "bo": 6}
    assignments = rota(
        ("ann", MONDAYS[0], "phone", 0),
        *[("bo", d, "phone", 0) for d in MONDAYS[1:]],
    )
    assert value(team, fairness_sum, assignments) == 0.0


def test_solver_splits_duty_fairly() -> None:
    team = monday_team()
    found, got = solve_with(team, fairness_max)
    assert got == 0.0
    assert loads(found, team) == {"ann": 4.0, "bo": 4.0}


# -- per duty ----------------------------------------------------------------


def phone_and_mail_team():  # type: ignore[no-untyped-def]
    return make_team(
        duties=(
            make_duty("phone", slots=(make_slot(weekdays=MON),)),
            make_duty(
                "mail", slots=(make_slot("10:00", "12:00", weekdays=MON),)
            ),
        )
    )


def test_duty_fairness_values() -> None:
    # Ann all phone (8 h), Bo all mail (8 h): fair overall, but each duty's
    # share is 4 h each, so every person is 4 h off in each duty: the sum
    # is 4 x 4 = 16 h and the per-duty maxima are 4 + 4 = 8 h.
    team = phone_and_mail_team()
    assignments = rota(
        *[("ann", d, "phone", 0) for d in MONDAYS],
        *[("bo", d, "mail", 0) for d in MONDAYS],
    )
    assert value(team, fairness_sum, assignments) == 0.0
    assert value(team, duty_fairness, assignments) == 16.0
    assert value(team, duty_fairness_max, assignments) == 8.0


def test_solver_splits_each_duty_fairly() -> None:
    team = phone_and_mail_team()
    found, got = solve_with(team, duty_fairness)
    assert got == 0.0
    for duty in ("phone", "mail"):
        mine = [a.staff_id for a in found if a.duty_id == duty]
        assert sorted(mine) == ["ann", "ann", "bo", "bo"]


# -- unpopular slots ---------------------------------------------------------


def unpopular_team(**fields):  # type: ignore[no-untyped-def]
    slots = (
        make_slot(weekdays=MON, unpopular=True),
        make_slot(weekdays=(Weekday.TUE,)),
    )
    return make_team(duties=(make_duty(slots=slots),), **fields)


def test_unpopular_fairness_value() -> None:
    # 4 unpopular Mondays, 2 each is fair; Ann 3, Bo 1: off by 1 + 1 = 2.
    # Ann carries +1 unpopular slot: her share is 1, Bo's 2: 2 + 1 = 3.
    assignments = rota(
        *[("ann", d, "phone", 0) for d in MONDAYS[:3]],
        ("bo", MONDAYS[3], "phone", 0),
    )
    assert value(unpopular_team(), unpopular_fairness, assignments) == 2.0
    carried = unpopular_team(
        history=(HistoryBalance(staff_id="ann", unpopular_slots=1),)
    )
    assert value(carried, unpopular_fairness, assignments) == 3.0


def test_solver_spreads_unpopular_slots() -> None:
    team = unpopular_team()
    found, got = solve_with(team, unpopular_fairness)
    assert got == 0.0
    mondays = [a.staff_id for a in found if a.slot_index == 0]
    assert sorted(mondays) == ["ann", "ann", "bo", "bo"]


# -- casework time -----------------------------------------------------------


def casework_team(staff=("ann",)):  # type: ignore[no-untyped-def]
    """Mon-Tue workers; a morning and an afternoon slot on those days."""
    pattern = (WorkDay(weekday=Weekday.MON), WorkDay(weekday=Weekday.TUE))
    days = (Weekday.MON, Weekday.TUE)
    return make_team(
        staff=tuple(make_staff(s, fte=0.4, pattern=pattern) for s in staff),
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00", weekdays=days, min_staff=0),
                    make_slot("13:00", "15:00", weekdays=days, min_staff=0),
                )
            ),
        ),
    )


def test_casework_time_value() -> None:
    # Ann works 4 half days a week and should keep 2 free. In the week of
    # 4 Jan she has duty on Mon morning, Mon afternoon and Tue morning:
    # 1 free, 1 short. Other weeks have no duty. (The week of 1 Jan has
    # one open weekday in the month, so its quota is 2 * 1 // 5 = 0.)
    team = casework_team()
    assignments = rota(
        ("ann", MONDAYS[0], "phone", 0),
        ("ann", MONDAYS[0], "phone", 1),
        ("ann", TUE, "phone", 0),
    )
    assert value(team, casework_time, assignments) == 1.0


def test_solver_keeps_half_days_free() -> None:
    team = casework_team(("ann", "bo")).model_copy(
        update={
            "duties": (
                make_duty(
                    slots=(
                        make_slot(
                            "08:00",
                            "10:00",
                            weekdays=(Weekday.MON, Weekday.TUE),
                        ),
                        make_slot(
                            "13:00",
                            "15:00",
                            weekdays=(Weekday.MON, Weekday.TUE),
                        ),
                    )
                ),
            )
        }
    )
    found, got = solve_with(team, casework_time)
    assert got == 0.0
    assert len(found) == 16  # every slot staffed, 2 half days each a week


# -- blocks ------------------------------------------------------------------


def three_slot_team(**fields):  # type: ignore[no-untyped-def]
    slots = (
        make_slot("08:00", "10:00", weekdays=MON),
        make_slot("10:00", "12:00", weekdays=MON),
        make_slot("13:00", "15:00", weekdays=MON),
    )
    return make_team(duties=(make_duty(slots=slots),), **fields)


def test_blocks_value() -> None:
    # Mon 4 Jan: 08-10 and 13-15 are two blocks (1 extra); Mon 11 Jan:
    # 08-10 then 10-12 is one block (0 extra). Total 1.
    assignments = rota(
        ("ann", MONDAYS[0], "phone", 0),
        ("ann", MONDAYS[0], "phone", 2),
        ("ann", MONDAYS[1], "phone", 0),
        ("ann", MONDAYS[1], "phone", 1),
    )
    assert value(three_slot_team(), blocks, assignments) == 1.0


def test_solver_keeps_duty_in_one_block() -> None:
    # Three slots for two people: someone takes two; they should touch.
    found, got = solve_with(three_slot_team(), blocks)
    assert got == 0.0
    assert score_rota(three_slot_team(), JANUARY, found)["blocks"] == 0.0


# -- target staffing ---------------------------------------------------------


def target_team():  # type: ignore[no-untyped-def]
    return monday_team(
        duties=(make_duty(slots=(make_slot(weekdays=MON, target_staff=2),)),)
    )


def test_target_staffing_value() -> None:
    # Target 2 on four Mondays; Mon 4 Jan has 2, the others 1: 3 short.
    assignments = rota(
        *[("ann", d, "phone", 0) for d in MONDAYS],
        ("bo", MONDAYS[0], "phone", 0),
    )
    assert value(target_team(), target_staffing, assignments) == 3.0


def test_solver_reaches_target() -> None:
    found, got = solve_with(target_team(), target_staffing)
    assert got == 0.0
    assert len(found) == 8


# -- preferences -------------------------------------------------------------


def test_preferences_value() -> None:
    # Ann avoids Mondays (weight 3): two Monday slots cost 6. Bo wants mail
    # (weight 2): his phone slot costs 2, his mail slot nothing. Total 8.
    team = phone_and_mail_team().model_copy(
        update={
            "preferences": (
                Preference(
                    staff_id="ann", want=False, weekday=Weekday.MON, weight=3
                ),
                Preference(staff_id="bo", want=True, duty="mail", weight=2),
            )
        }
    )
    assignments = rota(
        ("ann", MONDAYS[0], "phone", 0),
        ("ann", MONDAYS[1], "mail", 0),
        ("bo", MONDAYS[2], "phone", 0),
        ("bo", MONDAYS[3], "mail", 0),
    )
    assert value(team, preferences, assignments) == 8.0


def test_solver_respects_an_avoid() -> None:
    slot = make_slot(weekdays=(Weekday.MON, Weekday.TUE))
    team = make_team(
        duties=(make_duty(slots=(slot,)),),
        preferences=(
            Preference(
                staff_id="ann",
                want=False,
                weekday=Weekday.MON,
                duty="phone",
                slot_start=time(8),
                weight=5,
            ),
        ),
    )
    found, got = solve_with(team, preferences)
    assert got == 0.0
    assert all(a.staff_id == "bo" for a in found if a.day.weekday() == 0)


# -- variety -----------------------------------------------------------------


def test_variety_value() -> None:
    # The 08-10 slot on Mon, Tue and Wed of one week: 2 repeats; the next
    # Monday is another week: none.
    team = make_team()
    assignments = rota(
        ("ann", MONDAYS[0], "phone", 0),
        ("ann", TUE, "phone", 0),
        ("ann", date(2027, 1, 6), "phone", 0),
        ("ann", MONDAYS[1], "phone", 0),
    )
    assert value(team, variety, assignments) == 2.0


def test_solver_varies_slots() -> None:
    days = (Weekday.MON, Weekday.TUE)
    team = make_team(
        duties=(
            make_duty(
                slots=(
                    make_slot("08:00", "10:00", weekdays=days),
                    make_slot("10:00", "12:00", weekdays=days),
                )
            ),
        ),
        rules=Rules(max_slots_per_day=1),
    )
    found, got = solve_with(team, variety)
    assert got == 0.0
    assert len(found) == 16


@pytest.mark.parametrize(
    ("share", "grain", "most", "gap"),
    [
        (7, 6, 30, 1),  # mail in 3 h slots: 6 steps, nearest load 6
        (9, 6, 30, 3),  # halfway: 6 or 12, both 3 away
        (12, 6, 30, 0),  # a reachable load
        (40, 6, 30, 10),  # above the most they can take: 30
        (-3, 6, 30, 3),  # a negative share (carried hours): load 0
        (5, 1, 30, 0),  # any load reachable
        (5, 0, 0, 5),  # no slot at all: load 0
        (3, 2, 8, 1),  # unpopular slots in halves: odd share
    ],
)
def test_nearest_gap_is_the_least_deviation(
    share: int, grain: int, most: int, gap: int
) -> None:
    assert nearest_gap(share, grain, most) == gap
    loads = range(0, most + 1, grain) if grain else [0]
    assert gap == min(abs(load - share) for load in loads)

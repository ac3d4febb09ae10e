"""The independent account checker finds each broken ledger rule.

A small team's account for a hand-made rota is checked as the solver's
account writes it (no problems), then one figure at a time is broken by
hand; the checker must say so, in words that name the person or duty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from balancer.domain import HistoryBalance, Team, Weekday
from balancer.result import DutyAssignment, StaffDutySummary
from balancer.solvers.planning import account_for
from balancer.validate.account import check_account
from tests.factories import (
    JANUARY,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

MON = (Weekday.MON,)
MONDAYS = (date(2027, 1, 4), date(2027, 1, 11), date(2027, 1, 18))


def _team() -> Team:
    """Phone 08-10 and mail 10-13 on Mondays; cy takes phone only."""
    return make_team(
        staff=(
            make_staff("ann"),
            make_staff("bo", fte=0.5),
            make_staff("cy", duties=("phone",)),
        ),
        duties=(
            make_duty(
                "phone", slots=(make_slot("08:00", "10:00", weekdays=MON),)
            ),
            make_duty(
                "mail", slots=(make_slot("10:00", "13:00", weekdays=MON),)
            ),
        ),
        history=(
            HistoryBalance(staff_id="ann", duty="phone", hours=1.25),
            HistoryBalance(staff_id="bo", duty="mail", hours=-1.25),
        ),
    )


def _rota() -> tuple[DutyAssignment, ...]:
    """Three of the four Mondays staffed: the rota falls short."""
    who = {"phone": ("cy", "ann", "cy"), "mail": ("bo", "bo", "ann")}
    return tuple(
        DutyAssignment(staff_id=s, day=day, duty_id=u, slot_index=0)
        for u, people in who.items()
        for s, day in zip(people, MONDAYS, strict=True)
    )


def _lines() -> list[StaffDutySummary]:
    return list(account_for(_team(), JANUARY, _rota()).staff)


def _check(lines: list[StaffDutySummary]) -> list[str]:
    return check_account(_team(), JANUARY, _rota(), lines)


def test_the_solvers_account_keeps_every_rule() -> None:
    lines = _lines()
    assert _check(lines) == []
    # Not vacuous: the rota is short, and balances are carried.
    assert any(line.short_of_target_hours > 0 for line in lines)
    assert any(line.carried_in_hours for line in lines)


def _edit(
    lines: list[StaffDutySummary], staff_id: str, **fields: object
) -> list[StaffDutySummary]:
    return [
        line.model_copy(update=fields) if line.staff_id == staff_id else line
        for line in lines
    ]


def _shift(
    figures: dict[str, float], duty: str, by: float
) -> dict[str, float]:
    return {**figures, duty: figures[duty] + by}


BREAKS: dict[
    str, tuple[Callable[[list[StaffDutySummary]], list[StaffDutySummary]], str]
] = {
    "a line that does not add up": (
        lambda lines: _edit(
            lines,
            "ann",
            carried_out_by_duty=_shift(
                lines[0].carried_out_by_duty, "phone", 0.5
            ),
        ),
        "ann: phone carried out",
    ),
    "a fair share moved to someone else": (
        lambda lines: _edit(
            _edit(
                lines,
                "ann",
                fair_share_by_duty=_shift(
                    lines[0].fair_share_by_duty, "mail", 1.0
                ),
            ),
            "bo",
            fair_share_by_duty=_shift(
                lines[1].fair_share_by_duty, "mail", -1.0
            ),
        ),
        "ann: fair share of mail",
    ),
    "hours not in the rota": (
        lambda lines: _edit(
            lines, "cy", hours_by_duty={"phone": 6.0}, assigned_hours=6.0
        ),
        "cy: 6.0 h of phone in the account, 4.0 h in the rota",
    ),
    "a balance carried in that History does not hold": (
        lambda lines: _edit(lines, "bo", carried_in_hours=0.0),
        "bo: carried in 0.0 h, History says -1.25 h",
    ),
    "a claim that ignores what was carried in": (
        lambda lines: _edit(
            lines, "ann", claim_hours=lines[0].claim_hours + 1.25
        ),
        "ann: claim",
    ),
    "a person left out": (
        lambda lines: lines[1:],
        "ann: takes duty but has no line",
    ),
    "an unavoidable part that is not share less claim": (
        lambda lines: _edit(lines, "cy", unavoidable_hours=0.75),
        "cy: unavoidable 0.75 h",
    ),
}


@pytest.mark.parametrize("broken", list(BREAKS))
def test_each_broken_rule_is_named(broken: str) -> None:
    edit, said = BREAKS[broken]
    problems = _check(edit(_lines()))
    assert any(said in problem for problem in problems), problems


def test_balances_that_do_not_net_to_zero_are_found() -> None:
    lines = _lines()
    # Every line still adds up, but the team carries out 1 h more than
    # it did: the shortfall part of ann absorbs it.
    ann = lines[0]
    broken = _edit(
        lines,
        "ann",
        carried_out_by_duty=_shift(ann.carried_out_by_duty, "mail", 1.0),
        short_of_target_by_duty=_shift(
            ann.short_of_target_by_duty, "mail", 1.0
        ),
        short_of_target_hours=ann.short_of_target_hours + 1.0,
    )
    problems = _check(broken)
    assert "mail: balances carried out add up to 1.00 h, not 0" in problems

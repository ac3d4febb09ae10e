"""The fairness account holds month after month.

A year of rotas is planned one month at a time, each written to its
workbook and the next month fed from that workbook's History sheet, as a
planner does with ``balancer rota --history``. Every month the rota and
its account pass the independent checks, what one month carries out is
exactly what the next carries in (per person and per duty), and nobody's
balance drifts (on the small teams, solved to optimality in seconds):
overall it stays within the team's longest slot (plus the named part no
rota can give back).

Per duty a balance may swing further when slots differ in length: a
person whose share is 33 h must take 2-hour phone and 3-hour mail slots
in a mix that adds up to 33 (18 + 15, 12 + 21, ...), and the mixes 6 h
apart can miss each duty's share by more than a slot; on the small teams
a duty balance stays within two of the team's longest slots. The demo
team's year checks the ledger only: its drift depends on solver time,
which a loaded test machine does not give (``docs/fairness-over-time.md``
has the measurements at 10 s a month).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from balancer import (
    Month,
    SolveParams,
    Team,
    check_account,
    check_rota,
    solve_rota,
)
from balancer.domain import HistoryBalance, Weekday, WorkDay
from balancer.inputs.demo import make_demo_team
from balancer.inputs.excel import read_history_sheet
from balancer.outputs.rota_workbook import write_rota_workbook
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

QUICK = SolveParams(time_limit=3, workers=1, seed=3)
YEAR = [Month(year=2027, month=m) for m in range(1, 13)]


def _absences(month: Month) -> tuple:  # type: ignore[type-arg]
    """A different person away for a few days each month."""
    who = ("ann", "bo", "cy", "di", "ed")[month.month % 5]
    first = date(month.year, month.month, 8)
    return (make_absence(who, first, first + timedelta(days=3)),)


def _mixed_team(month: Month, history: tuple[HistoryBalance, ...]) -> Team:
    """Six people on phone and mail; cy takes phone only, fy mail only,
    di is 60 % on Mon-Wed."""
    mon_wed = tuple(
        WorkDay(weekday=d) for d in (Weekday.MON, Weekday.TUE, Weekday.WED)
    )
    return make_team(
        staff=(
            make_staff("ann"),
            make_staff("bo", fte=0.8),
            make_staff("cy", duties=("phone",)),
            make_staff("di", fte=0.6, pattern=mon_wed),
            make_staff("ed"),
            make_staff("fy", fte=0.5, duties=("mail",)),
        ),
        duties=(
            make_duty(
                "phone",
                slots=(
                    make_slot("08:00", "10:00"),
                    make_slot("10:00", "12:00"),
                ),
            ),
            make_duty("mail", slots=(make_slot("12:00", "15:00"),)),
        ),
        absences=_absences(month),
        history=history,
    )


def _phone_team(month: Month, history: tuple[HistoryBalance, ...]) -> Team:
    """Four people on phone only, one of them part time."""
    return make_team(
        staff=(
            make_staff("ann"),
            make_staff("bo", fte=0.5),
            make_staff("cy"),
            make_staff("di"),
        ),
        duties=(make_duty("phone", slots=(make_slot("08:00", "10:30"),)),),
        absences=tuple(a for a in _absences(month) if a.staff_id != "ed"),
        history=history,
    )


def _demo_team(month: Month, history: tuple[HistoryBalance, ...]) -> Team:
    """The bundled demo team of 24 (its own absences each month)."""
    team = make_demo_team(month, cases=0)
    return team.model_copy(update={"history": history})


def _plan_year(  # type: ignore[no-untyped-def]
    build, months: list[Month], tmp_path: Path, *, duty_slots: int | None
) -> None:
    """Plan ``months`` in turn; ``duty_slots`` None checks the ledger only
    (a realistic team's drift depends on solver time: it is measured in
    ``benchmarks/fairness_simulation.py``, not here)."""
    history: tuple[HistoryBalance, ...] = ()
    carried_out: dict[tuple[str, str | None], float] = {}
    for month in months:
        team = build(month, history)
        result = solve_rota(team, month, QUICK)
        assert result.assignments, f"{month}: no rota"
        assert check_rota(team, month, result.assignments) == []
        assert (
            check_account(team, month, result.assignments, result.staff) == []
        )
        for line in result.staff:
            if not line.fair_share_by_duty:
                continue
            # What last month carried out is what this month carries in.
            if carried_out:
                assert line.carried_in_hours == pytest.approx(
                    carried_out[line.staff_id, None], abs=1e-9
                ), (month, line.staff_id)
                for duty_id, hours in line.carried_in_by_duty.items():
                    assert hours == pytest.approx(
                        carried_out[line.staff_id, duty_id], abs=1e-9
                    ), (month, line.staff_id, duty_id)
            if duty_slots is None:
                continue
            # No drift, overall and per duty.
            longest = max(s.hours for d in team.duties for s in d.slots)
            unavoidable = abs(line.unavoidable_hours)
            assert abs(line.carried_out_hours) <= longest + unavoidable, (
                month,
                line.staff_id,
                line.carried_out_hours,
            )
            for duty_id, balance in line.carried_out_by_duty.items():
                unavoidable = abs(line.unavoidable_by_duty.get(duty_id, 0.0))
                assert abs(balance) <= duty_slots * longest + unavoidable, (
                    month,
                    line.staff_id,
                    duty_id,
                    balance,
                )
        path = write_rota_workbook(
            team, month, result, tmp_path / f"rota-{month}.xlsx"
        )
        history = read_history_sheet(path)
        carried_out = {(b.staff_id, b.duty): b.hours for b in history}
        # The History sheet holds the account's figures as they are.
        for line in result.staff:
            if line.fair_share_by_duty:
                assert carried_out[line.staff_id, None] == pytest.approx(
                    line.carried_out_hours, abs=1e-9
                )


def test_a_year_on_the_demo_team(tmp_path: Path) -> None:
    _plan_year(_demo_team, YEAR, tmp_path, duty_slots=None)


def test_a_year_with_phone_only_and_mail_only_people(tmp_path: Path) -> None:
    _plan_year(_mixed_team, YEAR, tmp_path, duty_slots=2)


def test_half_a_year_of_phone_only(tmp_path: Path) -> None:
    _plan_year(_phone_team, YEAR[:6], tmp_path, duty_slots=1)

"""Every number that reaches a solver's model is bounded by validate.

A History balance of 1e17 or a weight of 10^18 passed ``validate`` and
then ended the solve with "the CP-SAT model is invalid". Each number
a model reads now has a bound in the domain, so ``validate`` refuses a
larger one with a fix, and a team with every number at its bound solves.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from balancer.cli import cli
from balancer.domain import HistoryBalance, Month, Team, Weights
from balancer.domain.cases import MAX_COST
from balancer.domain.duties import MAX_STAFFING
from balancer.domain.policy import MAX_BALANCE, MAX_WEIGHT
from balancer.domain.staff import (
    MAX_HOURS,
    MAX_PERIOD_DAYS,
    MAX_PERIOD_MINUTES,
)
from balancer.inputs.demo import make_demo_team
from balancer.solvers.cases import balance_backlog
from balancer.solvers.rota import solve_rota
from balancer.solvers.runner import SolveParams
from tests.inputs.books import Sheets, base_sheets, write_book
from tests.robustness.boards import board_book

if TYPE_CHECKING:
    from pathlib import Path

MONTH = "2027-01"


def _set(
    sheets: Sheets, sheet: str, row: int, header: str, value: Any
) -> None:
    """Set a cell, adding the column (and rows) when missing."""
    table = sheets.setdefault(sheet, [[header]])
    if header not in table[0]:
        table[0].append(header)
        for line in table[1:]:
            line.append(None)
    while len(table) < row:
        table.append([None] * len(table[0]))
    table[row - 1][table[0].index(header)] = value


#: (sheet, row, column, value just above the bound, words of the message)
ABOVE: list[tuple[str, int, str, Any, str]] = [
    ("Rules", 3, "Value", 10**18, "a weight is at most 10,000"),
    ("History", 2, "Balance hours", 1e17, "must be at most 1000"),
    ("History", 2, "Unpopular balance", -1001, "must be at least -1000"),
    ("Staff", 2, "Max slots per day", 101, "must be at most 100"),
    ("Staff", 2, "Max slots per week", 101, "must be at most 100"),
    ("Staff", 2, "Max consecutive slots", 101, "must be at most 100"),
    ("Staff", 2, "Case capacity hours", 10_001, "must be at most 10000"),
    ("Duties", 2, "Target", MAX_STAFFING + 1, "must be at most 1000"),
    ("Duties", 2, "Max", MAX_STAFFING + 1, "must be at most 1000"),
    ("Cases", 2, "Effort by staff", "bo:10001", "at most 10,000 hours"),
    ("Cases", 2, "Cost by staff", "bo:-10001", "-10,000 to 10,000"),
]


@pytest.mark.parametrize(
    ("sheet", "row", "column", "value", "words"),
    ABOVE,
    ids=[f"{a[0]}-{a[2]}" for a in ABOVE],
)
def test_a_number_above_its_bound_is_refused(
    tmp_path: Path, sheet: str, row: int, column: str, value: Any, words: str
) -> None:
    sheets = base_sheets()
    if sheet == "Rules":
        _set(sheets, "Rules", row, "Setting", "weight_fairness_max")
    if sheet == "History":
        _set(sheets, "History", row, "Staff", "ann")
    _set(sheets, sheet, row, column, value)
    team = write_book(tmp_path / "team.xlsx", sheets)
    for command in ("validate", "rota"):
        result = CliRunner().invoke(
            cli,
            [command, str(team), "--month", MONTH,
             *(["-o", str(tmp_path / "o.xlsx"), "--quiet"]
               if command == "rota" else [])],
        )  # fmt: skip
        assert result.exit_code == 2, result.output
        assert "unexpected failure" not in result.output
        assert f"sheet {sheet!r}, row {row}, column {column!r}" in (
            result.output
        )
        assert words in result.output
        assert "Fix: " in result.output


def _at_every_bound(month: Month) -> Team:
    """The demo team of 24 with every number a model reads at its bound."""
    team = make_demo_team(month, staff=24, cases=400)
    first = team.duties[0].id
    limits: dict[str, Any] = {
        "max_slots_per_day": 100,
        "max_slots_per_week": 100,
        "max_consecutive_slots": 100,
        "max_duty_minutes": MAX_PERIOD_MINUTES,
        "max_consecutive_duty_days": MAX_PERIOD_DAYS,
        "max_duty_weekends": MAX_PERIOD_DAYS,
        "max_slots_by_duty": {first: MAX_PERIOD_MINUTES},
    }
    staff = tuple(
        p.model_copy(
            update={**limits, "case_capacity_hours": MAX_HOURS}
            if i % 3 == 0
            else limits
        )
        for i, p in enumerate(team.staff)
    )
    one, two, three = (p.id for p in team.staff[:3])
    cases = tuple(
        c.model_copy(
            update={
                "effort_hours": 10_000 if i % 50 == 0 else c.effort_hours,
                "effort_by_staff": {one: 10_000.0},
                "cost_by_staff": {two: MAX_COST, three: -MAX_COST},
            }
        )
        for i, c in enumerate(team.cases)
    )
    duties = tuple(
        d.model_copy(
            update={
                "slots": tuple(
                    s.model_copy(
                        update={
                            "max_staff": MAX_STAFFING,
                            "target_staff": s.target + 50,
                        }
                    )
                    for s in d.slots
                )
            }
        )
        for d in team.duties
    )
    history = tuple(
        HistoryBalance(
            staff_id=p.id,
            duty=duty,
            hours=sign * MAX_BALANCE,
            unpopular_slots=-sign * MAX_BALANCE,
        )
        for i, p in enumerate(team.staff)
        for duty, sign in ((None, (-1) ** i), (first, (-1) ** (i + 1)))
    )
    return Team(
        **{
            **dict(team),
            "staff": staff,
            "duties": duties,
            "cases": cases,
            "history": history,
            "weights": Weights(
                **dict.fromkeys(Weights.model_fields, MAX_WEIGHT)
            ),
            "rules": team.rules.model_copy(
                update={"max_slots_per_day": 100, "max_consecutive_slots": 100}
            ),
            "preferences": tuple(
                p.model_copy(update={"weight": 10}) for p in team.preferences
            ),
        }
    )


def test_a_team_with_every_number_at_its_bound_is_planned() -> None:
    """Both models stay valid: no sum of bounded numbers overflows."""
    month = Month(year=2027, month=3)
    team = _at_every_bound(month)
    params = SolveParams(time_limit=2, workers=2)
    rota = solve_rota(team, month, params)
    assert rota.status.has_plan
    backlog = balance_backlog(team, date(2027, 3, 1), params)
    assert backlog.status.has_plan


def test_a_change_weight_above_the_bound_is_a_usage_error(
    tmp_path: Path,
) -> None:
    """--change-weight reaches the rota's model too (10^18: invalid)."""
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    board = board_book(tmp_path / "rota.xlsx")
    result = CliRunner().invoke(
        cli,
        ["rota", str(team), "--month", MONTH, "--keep", str(board),
         "--change-weight", str(10**18), "-o", str(tmp_path / "o.xlsx"),
         "--quiet"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--change-weight" in result.output
    assert f"0<=x<={MAX_WEIGHT}" in result.output

"""Property tests: random teams and random damage (hypothesis).

1. Any small valid team: every rota and case plan a solve returns passes
   the independent validator.
2. Any single-cell change to a valid workbook: the CLI gives a clean
   error (exit 2) or a plan the validator accepts, never an uncaught
   exception or a traceback.

Examples are few and solves short (1 s) to keep the suite fast.
"""

from __future__ import annotations

import tempfile
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balancer.cli import cli
from balancer.domain import Case, Team, Weekday
from balancer.solvers.cases import balance_backlog
from balancer.solvers.rota import solve_rota
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog
from balancer.validate.rota import check_rota
from tests.factories import (
    JANUARY,
    make_absence,
    make_duty,
    make_slot,
    make_staff,
)
from tests.inputs.books import base_sheets, with_cell, write_book

QUICK = SolveParams(time_limit=1, workers=1)
MONDAY = date(2027, 1, 4)
FEW = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_DAYS = st.sets(st.sampled_from(list(Weekday)[:5]), min_size=1)


@st.composite
def teams(draw: st.DrawFn) -> Team:
    """2-5 people, 1-2 duties of 1-2 slots, a few absences and cases."""
    size = draw(st.integers(2, 5))
    ids = [f"p{i}" for i in range(size)]
    staff = []
    for person in ids:
        part_time = draw(st.booleans())
        staff.append(
            make_staff(
                person,
                fte=draw(st.sampled_from([0.5, 0.8, 1.0])),
                skills={"english": draw(st.integers(1, 3))}
                if draw(st.booleans())
                else {},
                pattern=()
                if not part_time
                else tuple(
                    {"weekday": day, "start": time(8), "end": time(15)}
                    for day in sorted(draw(_DAYS))
                ),
            )
        )
    duties = []
    for d in range(draw(st.integers(1, 2))):
        slots = [make_slot("08:00", "10:00", min_staff=1)]
        if draw(st.booleans()):
            slots.append(
                make_slot(
                    "10:00",
                    "12:00",
                    min_staff=1,
                    max_staff=draw(st.integers(1, 2)),
                )
            )
        duties.append(make_duty(f"duty{d}", slots=tuple(slots)))
    absences = []
    for person in draw(st.lists(st.sampled_from(ids), max_size=3)):
        start = MONDAY + timedelta(days=draw(st.integers(0, 20)))
        end = start + timedelta(days=draw(st.integers(0, 4)))
        if not any(
            a.staff_id == person and a.start <= end and start <= a.end
            for a in absences
        ):
            absences.append(make_absence(person, start, end))
    cases = []
    for k in range(draw(st.integers(0, 12))):
        owner = draw(st.one_of(st.none(), st.sampled_from(ids)))
        deadline = draw(st.one_of(st.none(), st.integers(1, 30)))
        cases.append(
            Case(
                id=f"c{k}",
                effort_hours=draw(st.sampled_from([1.0, 2.5, 6.0, 12.0])),
                received=date(2026, 12, 1) + timedelta(days=k),
                deadline=None
                if deadline is None
                else MONDAY + timedelta(days=deadline),
                owner=owner,
                status="assigned" if owner is not None else "new",
            )
        )
    return Team.checked(
        staff=tuple(staff),
        duties=tuple(duties),
        absences=tuple(absences),
        cases=tuple(cases),
    )


@FEW
@given(team=teams())
def test_every_rota_returned_passes_the_validator(team: Team) -> None:
    result = solve_rota(team, JANUARY, QUICK)
    if result.assignments and not result.relaxed:
        assert check_rota(team, JANUARY, result.assignments) == []
    if result.relaxed:
        # A relaxed rota may break staffing demands only, each explained.
        assert result.conflicts
        broken = check_rota(team, JANUARY, result.assignments)
        assert {v.rule for v in broken} <= {
            "minimum_staffing",
            "skill_requirement",
        }


@FEW
@given(team=teams())
def test_every_case_plan_returned_passes_the_validator(team: Team) -> None:
    result = balance_backlog(team, MONDAY, QUICK)
    if result.stats.status.has_plan:
        assert check_backlog(team, MONDAY, result.assignments) == []


# -- random damage to a valid workbook ---------------------------------------

_CELLS = [
    (sheet, row, header)
    for sheet, rows in base_sheets().items()
    for row in range(2, len(rows) + 2)  # one row past the end, too
    for header in rows[0]
]
_NASTY = ["24:00", "31.2.2027", "=1+1", "#REF!", "ann", "ANN ", "Mon-Sun",
          "english:9", "0,5", "1.1.1900", "😀", "æøå", "-", "x"]  # fmt: skip
_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.integers(-5, 50_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "24:00",
            "31.2.2027",
            "=1+1",
            "#REF!",
            "ann",
            "ANN ",
            "Mon-Sun",
            "english:9",
            "0,5",
            "1.1.1900",
            "😀",
            "æøå",
            "-",
            "x",
        ]
    ),
)


def _excel_safe(value: Any) -> Any:
    """openpyxl refuses control characters; Excel cannot hold them either."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch.isprintable())
    return value


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(cell=st.sampled_from(_CELLS), value=_VALUES)
def test_a_damaged_cell_gives_a_clean_error_or_a_valid_plan(
    cell: tuple[str, int, str], value: Any
) -> None:
    sheet, row, header = cell
    sheets = with_cell(base_sheets(), sheet, row, header, _excel_safe(value))
    with tempfile.TemporaryDirectory() as folder:
        path = write_book(Path(folder) / "team.xlsx", sheets)
        output = Path(folder) / "rota.xlsx"
        result = CliRunner().invoke(
            cli,
            ["rota", str(path), "--month", "2027-01", "-o", str(output),
             "--time-limit", "1", "--workers", "1", "--quiet"],
        )  # fmt: skip
        assert result.exception is None or isinstance(
            result.exception, SystemExit
        ), repr(result.exception)
        assert "Traceback" not in result.output
        assert "unexpected failure" not in result.output
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code == 2:
            assert "Fix: " in result.output or "Error:" in result.output
            assert not output.exists()
        elif result.exit_code == 0 and output.exists():
            checked = CliRunner().invoke(
                cli, ["check", str(path), str(output), "--month", "2027-01"]
            )
            assert checked.exit_code == 0, checked.output

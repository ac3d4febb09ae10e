"""Values that read fine but used to crash a command (issue 19).

Each test holds one value that once passed ``validate`` and then ended a
planning command with "unexpected failure ... report the traceback", a
crash, or gigabytes of memory. Now ``validate`` refuses it with a fix,
naming where it is, and every command exits 2.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from balancer.domain import FIRST_DATE, LAST_DATE, Absence
from balancer.inputs.excel import read_team_workbook
from balancer.outputs.team_json import team_to_json
from tests.factories import make_absence, make_team
from tests.inputs.books import base_sheets, with_cell, write_book
from tests.robustness.running import invoke

if TYPE_CHECKING:
    from pathlib import Path

MONTH = "2027-01"


def _json_team(folder: Path, change: dict[str, Any]) -> Path:
    """The base team as JSON, with top-level fields replaced."""
    team = read_team_workbook(write_book(folder / "t.xlsx", base_sheets()))
    data = {**json.loads(team_to_json(team)), **change}
    path = folder / "team.json"
    path.write_text(json.dumps(data))  # NaN is written as NaN
    return path


def test_nan_in_a_json_team_is_refused(tmp_path: Path) -> None:
    path = _json_team(
        tmp_path, {"history": [{"staff_id": "ann", "hours": float("nan")}]}
    )
    result = invoke("validate", str(path), "--month", MONTH)
    assert result.exit_code == 2
    assert "history[0].hours" in result.output
    assert "not NaN or an infinity" in result.output


def test_the_widest_absence_costs_nothing(tmp_path: Path) -> None:
    """1.1.1900-31.12.2199 is read; finding it costs no day-by-day list.

    Expanding absences day by day took 1.2 GB and 16 s per row for an
    absence of 8,000 years, and overflowed at 31.12.9999.
    """
    team = make_team(
        absences=(make_absence("ann", FIRST_DATE, LAST_DATE),),
    )
    tracemalloc.start()
    try:
        found = team.absences_on("ann", date(2027, 1, 4))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == team.absences
    assert peak < 100_000  # bytes; the day-by-day list took 30 MB


def test_absences_on_agrees_with_a_scan_overlaps_too() -> None:
    """The index finds every absence covering a day, and only those."""
    rng = random.Random(19)
    absences = []
    for _ in range(200):
        start = date(2027, 1, 1) + timedelta(days=rng.randrange(120))
        end = start + timedelta(days=rng.choice((0, 0, 1, 5, 40)))
        absences.append(make_absence(rng.choice(("ann", "bo")), start, end))
    team = make_team(absences=tuple(absences))
    for offset in range(-3, 170):
        day = date(2027, 1, 1) + timedelta(days=offset)
        for who in ("ann", "bo", "cy"):
            expected = [
                a for a in absences if a.staff_id == who and a.covers(day)
            ]
            found = team.absences_on(who, day)
            assert sorted(found, key=_span) == sorted(expected, key=_span)


def _span(absence: Absence) -> tuple[date, date]:
    return absence.start, absence.end


@pytest.mark.parametrize(
    "staff_id",
    ["bo,x", "bo;x", "bo\nx", "bo/x", "bo&x", "bo+x", "bo og x", "bo and x"],
)
def test_an_id_with_a_board_separator_is_refused(
    tmp_path: Path, staff_id: str
) -> None:
    """The Board splits staff on these, so one id would be two people.

    With ``ann+x`` the calendars were ann.ics and x.ics; with ``Ann og
    Bo`` the real bo became bo-2.ics and Bo.ics held someone else's
    duties.
    """
    sheets = with_cell(base_sheets(), "Staff", 3, "ID", staff_id)
    team = write_book(tmp_path / "team.xlsx", sheets)
    result = invoke("validate", str(team), "--month", MONTH)
    assert result.exit_code == 2
    assert "sheet 'Staff', row 3, column 'ID'" in result.output
    assert "separates people on the rota's Board" in result.output
    assert "(cell A3). Fix: " in result.output


@pytest.mark.parametrize(
    ("setting", "value", "words", "fix"),
    [
        ("country", "XX", "no public holidays known for country XX",
         "Fix: write a two-letter country code"),
        ("subdivision", "../../etc", "DK has no region '../../etc'",
         "Fix: leave it blank"),
    ],
)  # fmt: skip
def test_a_calendar_setting_gets_its_own_fix(
    tmp_path: Path, setting: str, value: str, words: str, fix: str
) -> None:
    """Its fix said "write it like '2'"; the subdivision crashed rota."""
    sheets = base_sheets()
    sheets["Rules"].append([setting, value])
    team = write_book(tmp_path / "team.xlsx", sheets)
    out = str(tmp_path / "out.xlsx")
    for args in (["validate"], ["rota", "-o", out, "--quiet"]):
        result = invoke(*args, str(team), "--month", MONTH)
        assert result.exit_code == 2, result.output
        assert words in result.output
        assert fix in result.output
        assert "write it like '2'" not in result.output


def test_a_region_is_read_in_any_case(tmp_path: Path) -> None:
    """'by' is Bavaria as 'BY' is: 6 January is a holiday there."""
    sheets = base_sheets()
    sheets["Rules"] += [["country", "DE"], ["subdivision", "by"]]
    team = write_book(tmp_path / "team.xlsx", sheets)
    result = invoke("validate", str(team), "--month", MONTH)
    assert result.exit_code == 0, result.output
    assert "has 19 opening days" in result.output

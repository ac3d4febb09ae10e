"""The Curtois & Qu benchmark through the rota engine, checked by its scorer.

Instance1 (14 days, 8 staff, one shift type) is copied into
``tests/data/curtois``; the tests that run the benchmark's own reference
scorer (``score.py``) on our rosters need the shared benchmark folder
next to the repository and skip when it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from balancer.bench.curtois import roster_csv, run_instance, write_roster
from balancer.cli import cli
from balancer.inputs.curtois import read_curtois
from balancer.result import DutyAssignment
from balancer.solvers.runner import SolveParams
from balancer.validate.rota import check_rota, score_rota

DATA = Path(__file__).parents[1] / "data" / "curtois"
SHARED = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "benchmarks"
    / "curtois"
)
QUICK = SolveParams(time_limit=6, workers=2, seed=1)


def test_reader_maps_the_format_onto_the_domain() -> None:
    instance = read_curtois(DATA / "Instance1.txt")
    team = instance.team
    assert (instance.days, len(team.staff), len(team.duties)) == (14, 8, 1)
    assert instance.period.first.weekday() == 0  # day 0 is a Monday
    first = team.staff[0]
    # A,D=14,4320,3360,5,2,2,1
    assert (first.id, first.max_slots_by_duty) == ("A", {"D": 14})
    assert (first.max_duty_minutes, first.min_duty_minutes) == (4320, 3360)
    assert first.max_consecutive_duty_days == 5
    assert first.min_consecutive_duty_days == 2
    assert first.min_consecutive_days_off == 2
    assert first.max_duty_weekends == 1
    assert team.calendar.holidays_in(2024) == {}
    [shift] = team.duties
    assert shift.slots[0].hours == 8
    assert shift.slots[0].target_on(instance.period.first) == 5
    weights = team.weights
    assert (weights.target_staffing, weights.over_target) == (100, 1)
    assert weights.fairness_max == weights.variety == weights.blocks == 0


def test_instance1_solves_to_its_proven_optimum() -> None:
    instance, result, row = run_instance(
        DATA / "Instance1.txt", SolveParams(time_limit=20, workers=2, seed=1)
    )
    assert row.status == "OPTIMAL"
    assert row.objective == row.bound == 607  # the published optimum
    assert row.violations == 0
    terms = score_rota(instance.team, instance.period, result.assignments)
    assert 100 * terms["target_staffing"] + terms["over_target"] + terms[
        "requests"
    ] == pytest.approx(row.objective)


def test_roster_csv_uses_zero_based_days() -> None:
    instance, result, _ = run_instance(DATA / "Instance1.txt", QUICK)
    lines = roster_csv(instance, result).splitlines()
    assert lines[0] == "employee,day,shift"
    days = {int(line.split(",")[1]) for line in lines[1:]}
    assert min(days) >= 0 and max(days) <= 13
    assert len(lines) - 1 == len(result.assignments)


def test_cli_prints_the_table_and_writes_rosters(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(
        cli,
        [
            "bench",
            "curtois",
            str(DATA),
            "--time-limit",
            "5",
            "--workers",
            "1",
            "--quiet",
            "--out",
            str(tmp_path),
        ],
    )
    assert outcome.exit_code == 0, outcome.output
    [line] = [x for x in outcome.stdout.splitlines() if "Instance1" in x]
    assert "14x8x1" in line
    assert outcome.stderr.startswith("solved 1 of 1: Instance1: objective ")
    assert (tmp_path / "Instance1.csv").read_text().startswith("employee,")


def test_cli_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "Instance9.txt"
    text = (DATA / "Instance1.txt").read_text()
    bad.write_text(text.replace("A,D=14,4320", "A,D=many,4320"))
    outcome = CliRunner().invoke(cli, ["bench", "curtois", str(bad)])
    assert outcome.exit_code == 2
    assert "MaxShifts must be a whole number" in outcome.output
    assert "row" in outcome.output


def test_fixed_days_off_are_absences_the_validator_checks() -> None:
    instance = read_curtois(DATA / "Instance1.txt")
    # SECTION_DAYS_OFF lists "A,0": employee A is off on day 0.
    [day_off] = [a for a in instance.team.absences if a.staff_id == "A"]
    assert instance.day_index(day_off.start) == 0
    shift = DutyAssignment(
        staff_id="A", day=day_off.start, duty_id="D", slot_index=0
    )
    broken = check_rota(instance.team, instance.period, [shift])
    assert "absences" in {v.rule for v in broken}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
@pytest.mark.parametrize("number", [1, 2, 3])
def test_reference_scorer_agrees_with_our_objective(
    number: int, tmp_path: Path
) -> None:
    path = SHARED / f"Instance{number}.txt"
    instance, result, row = run_instance(path, QUICK)
    assert row.objective is not None and row.violations == 0
    roster = write_roster(instance, result, tmp_path)
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "score.py"),
            str(path),
            str(roster),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert scored.returncode == 0, scored.stdout + scored.stderr
    report = json.loads(scored.stdout)
    assert report["feasible"] is True
    assert report["total"] == row.objective

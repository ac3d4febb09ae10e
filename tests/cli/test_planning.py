"""The planning commands, run as a planner would, checked end to end.

Every rota the CLI writes is read back and re-checked by the independent
validator; every backlog plan by the backlog checker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from openpyxl import load_workbook

from balancer.cli import cli
from balancer.domain import Team
from balancer.inputs.excel import read_team_workbook
from balancer.inputs.rota_workbook import read_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.validate.rota import check_rota
from tests.factories import (
    JANUARY,
    make_absence,
    make_case,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

FAST = ["--time-limit", "5", "--workers", "1", "--quiet"]


def _small_team() -> Team:
    """Three people, one phone slot a day, a few cases."""
    return make_team(
        staff=(make_staff("ann"), make_staff("bo"), make_staff("cy")),
        duties=(make_duty(slots=(make_slot("08:00", "10:00"),)),),
        cases=(
            make_case("c1", owner="ann", status="assigned"),
            make_case("c2"),
            make_case("c3", effort_hours=2.0),
        ),
    )


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _team_file(tmp_path: Path, team: Team | None = None) -> Path:
    return write_team_workbook(team or _small_team(), tmp_path / "team.xlsx")


def test_rota_writes_a_valid_rota(tmp_path: Path) -> None:
    team_path = _team_file(tmp_path)
    out = tmp_path / "rota.xlsx"
    result = _run("rota", team_path, "--month", "2027-01", "-o", out, *FAST)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output
    assignments = read_rota_workbook(out, _small_team(), JANUARY)
    # 20 opening days in January 2027, one person each.
    assert len(assignments) == 20
    assert check_rota(_small_team(), JANUARY, assignments) == []


def test_danish_rota_reads_back_and_names_holidays_in_danish(
    tmp_path: Path,
) -> None:
    """--lang da prints a Danish rota that check still reads."""
    from openpyxl import load_workbook

    team_path = _team_file(tmp_path)
    out = tmp_path / "vagtplan.xlsx"
    args = ("rota", team_path, "--month", "2027-01", "-o", out, "--lang")
    result = _run(*args, "da", *FAST)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Vagtplan"]
    assert sheet["A1"].value == "Vagtplan januar 2027"
    # 1 January 2027 is the first day column; its holiday in Danish.
    assert sheet.cell(row=2, column=3).value == "Nytårsdag"
    assignments = read_rota_workbook(out, _small_team(), JANUARY)
    assert check_rota(_small_team(), JANUARY, assignments) == []
    assert _run("check", team_path, out, "--month", "2027-01").exit_code == 0


def test_check_accepts_the_rota_then_flags_a_hand_edit(
    tmp_path: Path,
) -> None:
    team_path = _team_file(tmp_path)
    out = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", out, *FAST)
    ok = _run("check", team_path, out, "--month", "2027-01")
    assert ok.exit_code == 0, ok.output
    book = load_workbook(out)
    board = book["Board"]
    header_row = next(
        r for r in range(1, 10) if board.cell(r, 5).value == "Staff"
    )
    board.cell(header_row + 1, 5).value = None  # nobody on the first slot
    book.save(out)
    broken = _run("check", team_path, out, "--month", "2027-01")
    assert broken.exit_code == 1
    assert "rule broken:" in broken.output or "rules broken:" in broken.output


def test_infeasible_rota_explains_and_exits_1(tmp_path: Path) -> None:
    everyone_away = tuple(
        make_absence(p, date(2027, 1, 4), date(2027, 1, 4))
        for p in ("ann", "bo", "cy")
    )
    team = _small_team().model_copy(update={"absences": everyone_away})
    team_path = _team_file(tmp_path, team)
    result = _run(
        "rota", team_path, "--month", "2027-01", "-o", tmp_path / "r.xlsx",
        *FAST,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Mon 4 Jan" in result.output
    assert "Traceback" not in result.output
    # Terminal, banner and exit status tell the same story: a rota was
    # written, and it breaks the one demand of Mon 4 Jan.
    assert "The rota written breaks 1 demand(s)" in result.output
    assert "e+" not in result.output
    banner = load_workbook(tmp_path / "r.xlsx")["Summary"]["A1"].value
    assert banner == (
        "This rota breaks 1 demand(s): see Conflicts and warnings below"
    )


def test_rota_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    team_path = _team_file(tmp_path)
    before = team_path.read_bytes()
    result = _run(
        "rota", team_path, "--month", "2027-01", "-o", team_path, *FAST
    )
    assert result.exit_code == 2
    assert "input" in result.output
    assert team_path.read_bytes() == before


def test_rebalance_with_a_rota(tmp_path: Path) -> None:
    team_path = _team_file(tmp_path)
    rota_path = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", rota_path, *FAST)
    out = tmp_path / "backlog.xlsx"
    result = _run(
        "rebalance", team_path, "--rota", rota_path,
        "--start", "2027-01-04", "-o", out, *FAST,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    cases = load_workbook(out)["Cases"]
    ids = {row[0] for row in cases.iter_rows(values_only=True)}
    assert {"c1", "c2", "c3"} <= ids


def test_rebalance_in_danish_on_paper_and_on_the_terminal(
    tmp_path: Path,
) -> None:
    """--lang is the workbook's language, BALANCER_LANG the terminal's."""
    team_path = _team_file(tmp_path)
    out = tmp_path / "sager.xlsx"
    args = [team_path, "--start", "2027-01-04", "-o", out, "--lang", "da"]
    result = CliRunner().invoke(
        cli,
        [str(a) for a in ("rebalance", *args, *FAST)],
        env={"BALANCER_LANG": "da"},
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Sager: OPTIMAL")
    assert "sager planlagt" in result.output
    assert load_workbook(out).sheetnames == [
        "Sager",
        "Belastning",
        "Reol",
        "Overblik",
    ]


def test_plan_writes_rota_and_backlog_sheets(tmp_path: Path) -> None:
    team_path = _team_file(tmp_path)
    out = tmp_path / "plan.xlsx"
    result = _run("plan", team_path, "--month", "2027-01", "-o", out, *FAST)
    assert result.exit_code == 0, result.output
    sheets = load_workbook(out).sheetnames
    assert {"Rota", "Board", "Fairness", "History", "Cases", "Load"} <= set(
        sheets
    )


def test_demo_team_only_writes_a_clean_workbook(tmp_path: Path) -> None:
    result = _run(
        "demo", "--out", tmp_path, "--month", "2027-01", "--team-only"
    )
    assert result.exit_code == 0, result.output
    clean = _run("validate", tmp_path / "demo-team.xlsx", "--month", "2027-01")
    assert clean.exit_code == 0, clean.output


def test_a_danish_demo_team_is_danish_and_reads_back(tmp_path: Path) -> None:
    result = _run(
        "demo", "--out", tmp_path, "--month", "2027-01", "--team-only",
        "--lang", "da",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = tmp_path / "demo-team.xlsx"
    assert load_workbook(path).sheetnames[:3] == [
        "Medarbejdere",
        "Fravær",
        "Vagter",
    ]
    # The team's own names for its duties; the ids stay.
    duties = read_team_workbook(path).duties
    assert {d.id: d.name for d in duties} == {
        "phone": "Telefon",
        "mail": "Postkasse",
    }
    clean = _run("validate", path, "--month", "2027-01")
    assert clean.exit_code == 0, clean.output


def test_an_output_over_the_input_is_refused_before_solving(
    tmp_path: Path,
) -> None:
    """A bad -o is reported at once, not after a 30-second search."""
    team_path = _team_file(tmp_path)
    before = team_path.read_bytes()
    for command in ("rota", "plan"):
        result = _run(
            command, team_path, "--month", "2027-01", "-o", team_path, *FAST
        )
        assert result.exit_code == 2, result.output
        assert "input file" in result.output
        assert "Rota:" not in result.output  # no solve ran
    result = _run("rebalance", team_path, "-o", team_path, *FAST)
    assert result.exit_code == 2 and "Backlog:" not in result.output
    assert team_path.read_bytes() == before


def test_check_takes_the_month_from_the_rota(tmp_path: Path) -> None:
    """Without --month it checked against next month: 120 lines of
    "01.03.2027 is not in 2027-01"."""
    team_path = _team_file(tmp_path)
    out = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", out, *FAST)
    result = _run("check", team_path, out)
    assert result.exit_code == 0, result.output
    assert "20 duty slots, no rule broken" in result.output


def test_check_refuses_a_month_that_contradicts_the_rota(
    tmp_path: Path,
) -> None:
    team_path = _team_file(tmp_path)
    out = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", out, *FAST)
    result = _run("check", team_path, out, "--month", "2027-02")
    assert result.exit_code == 2
    assert "--month 2027-02 does not match the rota" in result.output
    assert "leave --month out, or give --month 2027-01" in result.output

"""``balancer rewrite``: the same rota, in another language, not solved.

The rota workbook is written again from its Board as it stands; the rota
must be exactly the Board's (hand edits included), the account worked
out again with the balances it was planned with, and a Board that breaks
a rule is said to, not fixed behind the planner's back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from click.testing import CliRunner, Result
from openpyxl import load_workbook

from balancer.cli import cli
from balancer.domain import HistoryBalance
from balancer.inputs.rota_workbook import read_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.validate.rota import check_rota
from tests.factories import (
    JANUARY,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.domain import Team

FAST = ["--time-limit", "5", "--workers", "1", "--quiet"]


def _team() -> Team:
    """Three people, one phone slot a day; ann carries 2 h in."""
    return make_team(
        staff=(make_staff("ann"), make_staff("bo"), make_staff("cy")),
        duties=(make_duty(slots=(make_slot("08:00", "10:00"),)),),
        history=(HistoryBalance(staff_id="ann", hours=2.0),),
    )


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _planned(tmp_path: Path) -> tuple[Path, Path]:
    team_path = write_team_workbook(_team(), tmp_path / "team.xlsx")
    rota_path = tmp_path / "rota-2027-01.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-01", "-o", rota_path, *FAST
    )
    assert done.exit_code == 0, done.output
    return team_path, rota_path


def test_the_danish_workbook_holds_the_same_rota(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    done = _run("rewrite", team_path, rota_path, "--lang", "da")
    assert done.exit_code == 0, done.output
    danish = tmp_path / "rota-2027-01-da.xlsx"
    assert "ikke løst igen" in done.output
    before = read_rota_workbook(rota_path, _team(), JANUARY)
    after = read_rota_workbook(danish, _team(), JANUARY)
    assert set(after) == set(before)
    book = load_workbook(danish)
    assert book.sheetnames[:2] == ["Vagtplan", "Tavle"]
    # The balances it was planned with (ann's 2 h) are carried in again.
    statements = _run("statements", team_path, danish, "--lang", "da")
    sheet = book["Opgørelser"]
    shown = [sheet["A2"].value] + [
        row[2] for row in sheet.iter_rows(min_row=5, values_only=True)
    ]
    assert statements.output.splitlines() == shown
    assert "overført fra december: +2 t" in statements.output


def test_a_hand_edit_is_kept_and_a_broken_rule_said(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    book = load_workbook(rota_path)
    board = book["Board"]
    headers = [c.value for c in board[1]]
    staff_col = headers.index("Staff")
    board.cell(row=2, column=staff_col + 1).value = ""  # nobody on Mon 4
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    done = _run("rewrite", team_path, edited, "-o", tmp_path / "again.xlsx")
    assert done.exit_code == 1, done.output
    assert "Mon 4 Jan 08:00-10:00 phone: 0 on it, needs 1" in done.output
    again = read_rota_workbook(tmp_path / "again.xlsx", _team(), JANUARY)
    assert not [a for a in again if a.day == date(2027, 1, 4)]
    assert [v.rule for v in check_rota(_team(), JANUARY, again)] == [
        "minimum_staffing"
    ]
    summary = load_workbook(tmp_path / "again.xlsx")["Summary"]
    assert summary["A1"].value == (
        "This rota breaks 1 demand(s): see Conflicts and warnings below"
    )


def test_rewrite_never_writes_over_its_inputs(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    before = rota_path.read_bytes()
    done = _run("rewrite", team_path, rota_path, "-o", rota_path)
    assert done.exit_code == 2
    assert rota_path.read_bytes() == before

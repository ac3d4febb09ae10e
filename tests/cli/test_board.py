"""``balancer board``: the page from the team and rota workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from balancer.cli import cli
from balancer.outputs.backlog_workbook import write_backlog_workbook
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from tests.factories import JANUARY, make_case
from tests.outputs.samples import backlog_result, rota_result, rota_team


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _books(tmp_path: Path) -> tuple[Path, Path]:
    cases = (
        make_case("c1", owner="ann"),
        make_case("c3"),
        make_case("c4", skill=None),
    )
    team = rota_team(cases=cases)
    team_path = write_team_workbook(team, tmp_path / "team.xlsx")
    rota = write_rota_workbook(
        team, JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )
    return team_path, rota


def test_board_writes_the_page(tmp_path: Path) -> None:
    team, rota = _books(tmp_path)
    out = tmp_path / "board.html"
    result = _run(
        "board", team, "--rota", rota, "--week", "2027-W01",
        "--today", "2027-01-06", "--lang", "da", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "week 1 of 2027, 3 people" in result.output
    html = out.read_text(encoding="utf-8")
    assert 'data-people="3"' in html and 'lang="da"' in html
    assert "Tavlemøde, uge 1 2027" in html


def test_board_default_name_and_week(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Today is outside January 2027: the rota's first week is shown.
    team, rota = _books(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = _run("board", team, "--rota", rota)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "board-2027-W01.html").exists()


def test_board_with_backlog_and_previous(tmp_path: Path) -> None:
    team, rota = _books(tmp_path)
    previous = write_team_workbook(
        rota_team(cases=(make_case("c0"), make_case("c1", owner="ann"))),
        tmp_path / "last-week.xlsx",
    )
    backlog = write_backlog_workbook(
        rota_team(cases=(make_case("c3"),)),
        backlog_result(),
        tmp_path / "backlog.xlsx",
    )
    out = tmp_path / "b.html"
    result = _run(
        "board", team, "--rota", rota, "--backlog", backlog,
        "--previous", previous, "--today", "2027-01-06", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    # c2 and c4 arrived since, c0 closed.
    assert "Since last week: 2 arrived, 0 started, 1 closed." in html


def test_bad_week_is_a_usage_error(tmp_path: Path) -> None:
    team, rota = _books(tmp_path)
    result = _run("board", team, "--rota", rota, "--week", "March")
    assert result.exit_code == 2
    assert "2027-W10" in result.output


def test_board_never_writes_over_an_input(tmp_path: Path) -> None:
    team, rota = _books(tmp_path)
    before = rota.read_bytes()
    result = _run("board", team, "--rota", rota, "-o", rota)
    assert result.exit_code == 2
    assert "input file" in result.output
    assert rota.read_bytes() == before


def test_team_workbook_as_rota_is_bad_input(tmp_path: Path) -> None:
    team, _ = _books(tmp_path)
    result = _run("board", team, "--rota", team, "-o", tmp_path / "b.html")
    assert result.exit_code == 2
    assert "Board" in result.output
    assert "Traceback" not in result.output

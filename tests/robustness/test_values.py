"""Values that read fine but used to crash a command (issue 19).

Each test holds one value that once passed ``validate`` and then ended a
planning command with "unexpected failure ... report the traceback", a
crash, or gigabytes of memory. Now ``validate`` refuses it with a fix,
naming where it is, and every command exits 2.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from click.testing import CliRunner, Result

from balancer.cli import cli
from balancer.inputs.excel import read_team_workbook
from balancer.outputs.team_json import team_to_json
from tests.inputs.books import base_sheets, write_book

if TYPE_CHECKING:
    from pathlib import Path

MONTH = "2027-01"


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert "unexpected failure" not in result.output
    assert result.exception is None or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result


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
    result = _invoke("validate", str(path), "--month", MONTH)
    assert result.exit_code == 2
    assert "history[0].hours" in result.output
    assert "not NaN or an infinity" in result.output

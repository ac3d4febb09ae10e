"""Every catalogue case through the CLI: a clear error, nothing lost.

For each :data:`~tests.robustness.catalogue.BAD` case, ``balancer
validate`` and ``balancer rota -o out.xlsx`` must both exit 2 with a
message naming the place and a fix, print no traceback, write no output
and leave the input's bytes as they were. Each
:data:`~tests.robustness.catalogue.ODD` case validates cleanly and reads
as meant.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from balancer.cli import cli
from balancer.inputs.loaded import load_team
from tests.robustness.catalogue import (
    BAD,
    BOARDS,
    MONTH,
    ODD,
    OPTIONS,
    TARGETS,
    Bad,
    Odd,
    Run,
    board_run,
)
from tests.robustness.running import run_case

if TYPE_CHECKING:
    from pathlib import Path


def _digest(path: Path) -> str | None:
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result


def _problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("  - ")]


@pytest.mark.parametrize("case", BAD, ids=[case.id for case in BAD])
def test_bad_input_is_reported_and_nothing_is_written(
    tmp_path: Path, case: Bad
) -> None:
    path = case.build(tmp_path / f"team{case.suffix}")
    before = _digest(path)
    checked = _invoke("validate", str(path), "--month", MONTH)
    assert checked.exit_code == 2, checked.output
    lines = _problem_lines(checked.output)
    hit = [line for line in lines if case.words in line]
    assert hit, checked.output
    if case.where is not None:
        assert case.where in hit[0]
    assert "Fix: " in hit[0]

    output = tmp_path / "out.xlsx"
    planned = _invoke(
        "rota", str(path), "--month", MONTH, "-o", str(output),
        "--time-limit", "0.5", "--quiet",
    )  # fmt: skip
    assert planned.exit_code == 2, planned.output
    assert case.words in planned.output
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name] * (
        before is not None
    )
    assert _digest(path) == before


@pytest.mark.parametrize("case", ODD, ids=[case.id for case in ODD])
def test_odd_but_valid_input_is_read_as_meant(
    tmp_path: Path, case: Odd
) -> None:
    path = case.build(tmp_path / f"team{case.suffix}")
    before = _digest(path)
    checked = _invoke("validate", str(path), "--month", MONTH)
    assert checked.exit_code == 0, checked.output
    assert ": OK." in checked.output
    if case.note is not None:
        assert case.note in checked.output
    assert case.check(load_team(path).team)
    assert _digest(path) == before


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """--debug lets the error through, so the traceback is shown."""
    case = next(case for case in BAD if case.id == "effort-negative")
    path = case.build(tmp_path / "team.xlsx")
    result = CliRunner().invoke(
        cli,
        ["--debug", "rota", str(path), "--month", MONTH, "--quiet"],
    )
    assert result.exit_code != 0
    assert type(result.exception).__name__ == "InputError"
    assert result.exc_info is not None and result.exc_info[2] is not None


def test_debug_shows_the_traceback_in_validate_too(tmp_path: Path) -> None:
    case = next(case for case in BAD if case.id == "absence-overlap")
    path = case.build(tmp_path / "team.xlsx")
    result = CliRunner().invoke(
        cli, ["--debug", "validate", str(path), "--month", MONTH]
    )
    assert case.words in result.output  # the list is still printed
    assert type(result.exception).__name__ == "InputError"


def test_catalogue_is_complete() -> None:
    """The issue asks for at least 40 single-defect cases."""
    assert len(BAD) >= 40
    assert len({case.id for case in (*BAD, *ODD)}) == len(BAD) + len(ODD)


def test_too_many_records_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pasted export of 100,000+ rows stops with a clear problem."""
    from balancer.files import tables as sheets
    from tests.inputs.books import base_sheets, write_book

    monkeypatch.setattr(sheets, "MAX_ROWS", 1)
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    result = _invoke("validate", str(path), "--month", MONTH)
    assert result.exit_code == 2
    assert "sheet 'Staff', row 3: the sheet has more than 1 rows" in (
        result.output
    )


#: Output targets are run by tests/robustness/test_targets.py, which also
#: checks that nothing was solved first.
RUNS = [
    *(board_run(case) for case in BOARDS),
    *(case for case in TARGETS if not case.id.startswith("out-")),
    *OPTIONS,
]


@pytest.mark.parametrize("case", RUNS, ids=[case.id for case in RUNS])
def test_every_command_line_case_exits_as_catalogued(
    tmp_path: Path, case: Run
) -> None:
    """Rota workbooks, output targets and options (issue 19)."""
    _, result = run_case(case, tmp_path)
    if case.exit == 2 and not case.id.startswith("option-"):
        assert "Fix: " in result.output

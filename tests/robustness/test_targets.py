"""Every file that goes out lands safely, or is refused before solving.

A target that cannot be written (a device or a pipe, a folder in the
way, a read-only folder, a name too long once the temporary name is
added) is refused with exit 2 and a fix, before any search and before
any file is written. Calendar files hold no bare CR or LF, nor a name
Windows reserves, and a save killed half way leaves no litter for long.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import balancer
from balancer.outputs.ics import ics_filename
from tests.inputs.books import base_sheets, write_book
from tests.robustness import boards
from tests.robustness.builders import cell_xml, rewrite
from tests.robustness.catalogue import TARGETS, Run
from tests.robustness.running import invoke, run_case

if TYPE_CHECKING:
    pass

MONTH = "2027-01"


OUTPUTS = [case for case in TARGETS if case.id.startswith("out-")]


@pytest.mark.parametrize("case", OUTPUTS, ids=[c.id for c in OUTPUTS])
def test_a_target_that_cannot_be_written_is_refused_before_solving(
    tmp_path: Path, case: Run
) -> None:
    """``rota`` with 30 s to search: the refusal comes first, at once."""
    started = time.monotonic()
    args, result = run_case(case, tmp_path)
    target = Path(args[args.index("-o") + 1])
    assert "Fix: " in result.output
    assert "Rota:" not in result.output  # nothing was solved
    assert time.monotonic() - started < 10
    if case.id in ("out-pipe", "out-device"):  # it stays what it was
        assert _kind(target) in (stat.S_IFIFO, stat.S_IFCHR)
    else:
        assert _kind(target) is None  # nothing was written


def _kind(path: Path) -> int | None:
    """The file type of ``path`` (pipe, device, ...); None when absent."""
    try:
        return stat.S_IFMT(path.stat().st_mode)
    except OSError:
        return None


@pytest.mark.parametrize(
    "command", ["plan", "rebalance", "replan", "demo", "template"]
)
def test_every_command_refuses_a_pipe(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "out.xlsx"
    os.mkfifo(pipe)
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    board = boards.board_book(tmp_path / "rota.xlsx")
    args = {
        "plan": ["plan", str(team), "--month", MONTH, "-o", str(pipe)],
        "rebalance": ["rebalance", str(team), "-o", str(pipe)],
        "replan": ["replan", str(team), str(board), "--absent", "ann",
                   "--from", "2027-01-06", "-o", str(pipe)],
        "demo": ["demo", "--out", str(tmp_path), "--month", MONTH],
        "template": ["template", str(pipe)],
    }[command]  # fmt: skip
    if command == "demo":
        pipe.rename(tmp_path / f"demo-plan-{MONTH}.xlsx")
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "a device, a pipe or a socket" in result.output
    assert "Rota:" not in result.output
    assert "Backlog:" not in result.output


# -- calendars --------------------------------------------------------------


def test_a_folder_in_the_way_of_one_calendar_stops_them_all(
    tmp_path: Path,
) -> None:
    board = boards.board_book(tmp_path / "rota.xlsx")
    out = tmp_path / "calendars"
    (out / "bo.ics").mkdir(parents=True)
    result = invoke("ics", str(board), "--out", str(out))
    assert result.exit_code == 2
    assert "a folder of that name is in the way" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["bo.ics"]  # no ann.ics


def test_85_cjk_characters_make_a_calendar_name_that_fits(
    tmp_path: Path,
) -> None:
    """85 CJK characters are 255 bytes: 11 of 12 calendars were written."""
    long_id = "\u6c49" * 85
    rows = [
        ["04.01.2027", "Mon", "08:00-10:00", "phone", staff, "N"]
        for staff in [*(f"p{n}" for n in range(11)), long_id]
    ]
    board = boards.board_book(tmp_path / "rota.xlsx", rows)
    out = tmp_path / "calendars"
    result = invoke("ics", str(board), "--out", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 12
    assert max(len(os.fsencode(name)) for name in names) <= 124


@pytest.mark.parametrize(
    "staff_id", ["COM1", "com\u00b9", "COM\u00b2", "LPT\u00b3", "LPT0", "nul"]
)
def test_names_windows_reserves_are_prefixed(staff_id: str) -> None:
    assert ics_filename(staff_id, set()) == f"_{staff_id}.ics"


def test_no_bare_cr_or_lf_in_any_calendar_line(tmp_path: Path) -> None:
    """A CR in a name, a duty or the team once reached X-WR-CALNAME."""
    rows = [["04.01.2027", "Mon", "08:00-10:00", "phone", "bo", "Bo"]]
    board = boards.board_book(tmp_path / "rota.xlsx", rows)
    # A CR survives XML only as a character reference.
    cr = b'<c r="F2" t="inlineStr"><is><t>Bo&#13;X-EVIL:1</t></is></c>'
    rewrite(board, {boards.BOARD_PART: lambda old: cell_xml(old, b"F2", cr)})
    out = tmp_path / "calendars"
    result = invoke(
        "ics", str(board), "--out", str(out), "--team", "Team\rBEGIN:X"
    )
    assert result.exit_code == 0, result.output
    lines = (out / "bo.ics").read_bytes().split(b"\r\n")
    assert not [line for line in lines if b"\r" in line or b"\n" in line]
    assert b"X-WR-CALNAME:Duty: Bo X-EVIL:1" in lines


# -- temporaries ------------------------------------------------------------


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_stale_temporary_is_removed_by_the_next_save(
    tmp_path: Path,
) -> None:
    """A save killed by SIGKILL left .rota.xlsx.<pid>-<random>.tmp."""
    stale = tmp_path / f".rota.xlsx.{_dead_pid()}-abcdefgh.tmp"
    stale.write_bytes(b"half a workbook")
    running = tmp_path / f".rota.xlsx.{os.getppid()}-ijklmnop.tmp"
    running.write_bytes(b"a save in progress")
    other = tmp_path / ".other.xlsx.1-qrstuvwx.tmp"
    other.write_bytes(b"not ours to judge")
    team = write_book(tmp_path / "team.xlsx", base_sheets())
    result = invoke(
        "rota", str(team), "--month", MONTH, "-o",
        str(tmp_path / "rota.xlsx"), "--time-limit", "1", "--quiet",
    )  # fmt: skip
    assert (tmp_path / "rota.xlsx").exists(), result.output
    assert not stale.exists()
    assert running.exists()  # its writer may still finish
    assert other.exists()


def _balancer(*args: str) -> subprocess.Popen[bytes]:
    source = str(Path(balancer.__file__).parents[1])
    return subprocess.Popen(
        [sys.executable, "-m", "balancer", *args],
        env={**os.environ, "PYTHONPATH": source},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_while_saving(folder: Path, how: signal.Signals) -> int:
    """Start a big demo save; send ``how`` once its temporary exists."""
    process = _balancer(
        "demo", "--team-only", "--staff", "200", "--cases", "10000",
        "--out", str(folder),
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if folder.exists() and any(
            p.suffix == ".tmp" for p in folder.iterdir()
        ):
            process.send_signal(how)
            break
        time.sleep(0.01)
    return process.wait(60)


def test_sigterm_during_a_save_leaves_no_temporary(tmp_path: Path) -> None:
    code = _kill_while_saving(tmp_path / "out", signal.SIGTERM)
    assert code == 128 + signal.SIGTERM
    assert list((tmp_path / "out").iterdir()) == []


def test_after_sigkill_the_next_save_clears_the_temporary(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    code = _kill_while_saving(out, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert [p.suffix for p in out.iterdir()] == [".tmp"]
    again = _balancer(
        "demo", "--team-only", "--staff", "8", "--cases", "0", "--out",
        str(out),
    )  # fmt: skip
    assert again.wait(60) == 0
    assert [p.name for p in out.iterdir()] == ["demo-team.xlsx"]

"""ics, diff and statements, run as a planner would on rota workbooks.

The rota workbooks are written from hand-built results (no solve), so
these tests are fast and their expected text follows from the samples.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from icalendar import Calendar
from openpyxl import load_workbook

from balancer.cli import cli
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from tests.factories import JANUARY
from tests.outputs.samples import rota_result, rota_team


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _rota(tmp_path: Path, name: str = "rota.xlsx") -> Path:
    return write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / name
    )


def _set_staff(path: Path, row: int, staff: str | None) -> None:
    """Put ``staff`` on Board row ``row`` (a hand edit)."""
    book = load_workbook(path)
    board = book["Board"]
    assert board.cell(1, 5).value == "Staff"
    board.cell(row, 5).value = staff
    book.save(path)


def test_ics_writes_a_calendar_per_person(tmp_path: Path) -> None:
    rota = _rota(tmp_path)
    out = tmp_path / "cal"
    result = _run("ics", rota, "--out", out, "--team", "advice")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        f"Wrote 3 calendar files to {out} (3 on duty)."
    )
    files = sorted(p.name for p in out.iterdir())
    assert files == ["ann.ics", "bo.ics", "cy.ics"]
    calendar = Calendar.from_ical((out / "ann.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    # ann: phone 08-10 and mail 12-15 on Monday (not back to back).
    assert summaries == ["Phones", "Mail"]  # the duties' own titles
    # Publishing the same rota again writes the same files.
    before = (out / "ann.ics").read_bytes()
    again = _run("ics", rota, "--out", out, "--team", "advice")
    assert again.exit_code == 0, again.output
    assert (out / "ann.ics").read_bytes() == before


def test_diff_lists_changes_ready_to_paste(tmp_path: Path) -> None:
    old = _rota(tmp_path, "old.xlsx")
    new = _rota(tmp_path, "new.xlsx")
    # Closed days have no Board rows, so row 2 is Monday's phone 08-10
    # (ann, bo); cy takes bo's place.
    book = load_workbook(new)
    assert book["Board"].cell(2, 5).value == "ann, bo"
    _set_staff(new, 2, "ann, cy")
    result = _run("diff", old, new)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2 people affected: 1 duty added, 1 removed; 5 duty slots unchanged.",
        "=cmd|' /C calc'!A0: - Mon 4 Jan 08:00-10:00 Phones",
        "Cy Young: + Mon 4 Jan 08:00-10:00 Phones",
    ]


def test_diff_in_danish(tmp_path: Path) -> None:
    old = _rota(tmp_path, "old.xlsx")
    new = _rota(tmp_path, "new.xlsx")
    _set_staff(new, 2, "ann, cy")
    result = _run("diff", old, new, "--lang", "da")
    assert result.output.splitlines() == [
        "2 personer berørt: 1 vagt tilføjet, 1 fjernet; 5 vagter uændret.",
        "=cmd|' /C calc'!A0: - man. 4. jan. 08:00-10:00 Phones",
        "Cy Young: + man. 4. jan. 08:00-10:00 Phones",
    ]


def test_diff_of_the_same_rota_says_so(tmp_path: Path) -> None:
    rota = _rota(tmp_path)
    result = _run("diff", rota, rota)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "No changes: the rotas agree (6 duty slots)."
    )


def test_diff_of_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    result = _run("diff", _rota(tmp_path), broken)
    assert result.exit_code == 2
    assert "not an Excel workbook" in result.output
    assert "Traceback" not in result.output


def test_statements_for_a_hand_edited_rota(tmp_path: Path) -> None:
    team_path = write_team_workbook(rota_team(), tmp_path / "team.xlsx")
    rota = _rota(tmp_path)
    _set_staff(rota, 2, "ann")  # bo no longer on Monday's phone 08-10
    result = _run("statements", team_path, rota)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # Phone: 08-10 (target 2) and 10-12 on 20 days, 2 h each = 120 h;
    # mail 12-15 on 20 days = 60 h.
    assert lines[0].startswith(
        "January 2027: 180 h of duty planned (Phones 120 h, Mail 60 h)"
    )
    # Hours come from the edited Board: bo keeps only Wednesday's mail.
    assert lines[1].startswith(
        "Ann Arbor: 5 h of duty in January (Phones 2 h, Mail 3 h); "
    )
    assert lines[2].startswith(
        "=cmd|' /C calc'!A0: 3 h of duty in January (Mail 3 h); "
    )
    assert "1 day of vacation" in lines[2]
    assert len(lines) == 4


def test_ics_with_previous_cancels_what_is_gone(tmp_path: Path) -> None:
    old = _rota(tmp_path, "old.xlsx")
    new = _rota(tmp_path, "new.xlsx")
    _set_staff(new, 2, "ann")  # bo loses Monday's phone 08-10
    out = tmp_path / "cal"
    result = _run("ics", new, "--out", out, "--previous", old)
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical((out / "bo.ics").read_bytes())
    states = sorted(
        (e.decoded("DTSTART").day, str(e["STATUS"]))
        for e in calendar.walk("VEVENT")
    )
    # bo keeps Wednesday's mail; Monday's phone is sent as cancelled.
    assert states == [(4, "CANCELLED"), (6, "CONFIRMED")]


def test_ics_refuses_an_unreadable_rota(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xlsx"
    result = _run("ics", missing, "--out", tmp_path / "cal")
    assert result.exit_code == 2
    assert "the file does not exist" in result.output
    assert not (tmp_path / "cal").exists()

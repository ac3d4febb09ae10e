"""The planner's loop end to end: hand edits kept, sick calls, history.

Each rota the CLI writes is read back and re-checked by the validator.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from balancer.cli import cli
from balancer.inputs.excel import read_history_sheet
from balancer.inputs.rota_workbook import (
    open_rota_workbook,
    read_rota_workbook,
)
from balancer.outputs.team_workbook import write_team_workbook
from balancer.validate.rota import check_rota, count_changes
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
    from balancer.result import DutyAssignment

FAST = ["--time-limit", "5", "--workers", "1", "--quiet"]


def _team() -> Team:
    """Three people, one phone slot a day (08-10)."""
    return make_team(
        staff=(make_staff("ann"), make_staff("bo"), make_staff("cy")),
        duties=(make_duty(slots=(make_slot("08:00", "10:00"),)),),
    )


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _planned(tmp_path: Path) -> tuple[Path, Path]:
    """The team workbook and a January rota planned from it."""
    team_path = write_team_workbook(_team(), tmp_path / "team.xlsx")
    rota_path = tmp_path / "rota-2027-01.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-01", "-o", rota_path, *FAST
    )
    assert done.exit_code == 0, done.output
    return team_path, rota_path


def _board(path: Path) -> list[DutyAssignment]:
    return read_rota_workbook(path, _team(), JANUARY)


def _edit_board(path: Path, out: Path, edits: dict[date, str]) -> None:
    """Set the Staff cell of the phone slot on each date, as a planner."""
    book = load_workbook(path)
    sheet = book["Board"]
    headers = [c.value for c in sheet[1]]
    date_col, staff_col = headers.index("Date"), headers.index("Staff")
    for row in sheet.iter_rows(min_row=2):
        day = row[date_col].value
        if day is not None and day.date() in edits:
            row[staff_col].value = edits[day.date()]
    book.save(out)


def _swap_in_a_week(path: Path, out: Path) -> dict[date, str]:
    """Swap two people's slots within one week (keeps every limit)."""
    on = {a.day: a.staff_id for a in _board(path)}
    week = [d for d in sorted(on) if d.isocalendar().week == 2]
    first = week[0]
    other = next(d for d in week if on[d] != on[first])
    edits = {first: on[other], other: on[first]}
    _edit_board(path, out, edits)
    return edits


def test_the_rota_workbook_keeps_a_hidden_copy_of_what_was_published(
    tmp_path: Path,
) -> None:
    _, rota_path = _planned(tmp_path)
    book = load_workbook(rota_path)
    assert book["Published"].sheet_state == "hidden"
    published = open_rota_workbook(rota_path).assignments(
        _team(), JANUARY, published=True
    )
    assert published == _board(rota_path)


def test_keep_holds_the_hand_edits_and_changes_nothing_else(
    tmp_path: Path,
) -> None:
    team_path, rota_path = _planned(tmp_path)
    edited = tmp_path / "edited.xlsx"
    edits = _swap_in_a_week(rota_path, edited)
    out = tmp_path / "kept.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-01", "--keep", edited,
        "-o", out, *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "2 added and 2 removed by hand (pinned)" in done.output
    kept = _board(out)
    assert check_rota(_team(), JANUARY, kept) == []
    assert {(a.day, a.staff_id) for a in kept} >= set(edits.items())
    # A swap keeps every count and limit: nothing else needs to move.
    assert count_changes(_board(edited), kept) == 0
    assert "rota_changes" in done.output


def test_freeze_until_keeps_the_past_exactly(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    out = tmp_path / "kept.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-01", "--keep", rota_path,
        "--freeze-until", "2027-01-15", "--change-weight", "0",
        "-o", out, *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    before = {a for a in _board(rota_path) if a.day <= date(2027, 1, 15)}
    after = {a for a in _board(out) if a.day <= date(2027, 1, 15)}
    assert before == after
    assert check_rota(_team(), JANUARY, _board(out)) == []


def test_a_hand_edit_that_breaks_a_rule_is_reported(tmp_path: Path) -> None:
    # Ann on the whole second week: five duty days, max four. `check`
    # lists the broken rule. Only changed cells are pinned, so `rota
    # --keep` alone would move an unchanged one of Ann's days; with that
    # week frozen it cannot, and it says which rule and which edits.
    team_path, rota_path = _planned(tmp_path)
    edited = tmp_path / "edited.xlsx"
    week = [date(2027, 1, d) for d in range(11, 16)]
    _edit_board(rota_path, edited, dict.fromkeys(week, "ann"))
    checked = _run("check", team_path, edited, "--month", "2027-01")
    assert checked.exit_code == 1
    assert "Week 2 2027: Ann has duty on 5 days, max 4" in checked.output
    kept = _run(
        "rota", team_path, "--month", "2027-01", "--keep", edited,
        "--freeze-until", "15.01.2027", "-o", tmp_path / "kept.xlsx",
        *FAST,
    )  # fmt: skip
    assert kept.exit_code == 1, kept.output
    assert "INFEASIBLE" in kept.output
    assert (
        "The hand edits break the rule that nobody has duty on more days of "
        "a week than their limit"
    ) in kept.output
    assert "Ann on Mon 11 Jan 08:00-10:00 phone" in kept.output
    assert not (tmp_path / "kept.xlsx").exists()


def test_replan_covers_a_sick_call_and_lists_who_to_ask(
    tmp_path: Path,
) -> None:
    team_path, rota_path = _planned(tmp_path)
    on = {a.day: a.staff_id for a in _board(rota_path)}
    sick_day = next(d for d in sorted(on) if d.day >= 12)
    who = on[sick_day]
    done = _run(
        "replan", team_path, rota_path, "--absent", who,
        "--from", f"{sick_day:%Y-%m-%d}", "--time-limit", "5",
        "--workers", "1",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    out = tmp_path / "rota-2027-01-replanned.xlsx"
    assert f"Wrote {out}" in done.output
    assert f"removed {who}" in done.output
    assert "Who to ask:" in done.output
    new = _board(out)
    assert not [a for a in new if a.day == sick_day and a.staff_id == who]
    team = _team()
    assert check_rota(team, JANUARY, new) == []
    # The fewest changes: the sick slot gets one cover, nothing else moves.
    assert count_changes(_board(rota_path), new) == 2
    sheet = load_workbook(out)["Changes"]
    texts = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "removed" in texts
    assert "added" in texts
    assert "Who to ask" in texts


def test_replan_names_an_unknown_person(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    done = _run(
        "replan", team_path, rota_path, "--absent", "zed",
        "--from", "2027-01-12",
    )  # fmt: skip
    assert done.exit_code == 2
    assert "--absent 'zed' is nobody on the team" in done.output


def test_history_from_last_months_rota_feeds_the_next(tmp_path: Path) -> None:
    team_path, rota_path = _planned(tmp_path)
    carried = read_history_sheet(rota_path)
    overall = {b.staff_id: b.hours for b in carried if b.duty is None}
    assert set(overall) == {"ann", "bo", "cy"}
    out = tmp_path / "rota-2027-02.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-02", "--history", rota_path,
        "-o", out, *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert f"History from {rota_path}" in done.output
    sheet = load_workbook(out)["Fairness"]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "Staff")
    headers = rows[top]
    table = {
        r[0]: dict(zip(headers, r, strict=True))
        for r in rows[top + 1 :]
        if r[0] in overall
    }
    # What January carried out is what February carries in, and each
    # February line adds up: carried out = assigned - fair share + the
    # person's part of any shortfall.
    for staff_id, hours in overall.items():
        row = table[staff_id]
        assert row["Carried in"] == hours
        assert row["Carried out"] == pytest.approx(
            row["Assigned"] - row["Fair share"] + row["Short of target"]
        )


def test_history_needs_a_history_sheet(tmp_path: Path) -> None:
    team_path, _ = _planned(tmp_path)
    book = load_workbook(team_path)
    del book["History"]
    bare = tmp_path / "bare.xlsx"
    book.save(bare)
    done = _run(
        "rota", team_path, "--month", "2027-02", "--history", bare, *FAST
    )
    assert done.exit_code == 2
    assert "no History sheet" in done.output


def test_keep_without_a_published_sheet_takes_the_board_as_published(
    tmp_path: Path,
) -> None:
    team_path, rota_path = _planned(tmp_path)
    book = load_workbook(rota_path)
    del book["Published"]
    older = tmp_path / "older.xlsx"
    book.save(older)
    assert open_rota_workbook(older).published is None
    out = tmp_path / "kept.xlsx"
    done = _run(
        "rota", team_path, "--month", "2027-01", "--keep", older,
        "-o", out, *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "has no Published sheet" in done.output
    assert "0 added and 0 removed by hand" in done.output
    assert count_changes(_board(older), _board(out)) == 0


def test_replan_keeps_the_planners_hand_edits(tmp_path: Path) -> None:
    # The planner gives Ann one more day in the fourth week, which is less
    # fair. With changes nearly free (--change-weight 1) fairness moves
    # slots, but the hand edit is pinned (the output says so) and stays.
    team_path, rota_path = _planned(tmp_path)
    on = {a.day: a.staff_id for a in _board(rota_path)}
    late = [d for d in sorted(on) if d.isocalendar().week == 4]
    assert sum(on[d] == "ann" for d in late) < 4
    day = next(d for d in late if on[d] != "ann")
    edited = tmp_path / "edited.xlsx"
    _edit_board(rota_path, edited, {day: "ann"})
    sick = date(2027, 1, 12)
    done = _run(
        "replan", team_path, edited, "--absent", on[sick],
        "--from", "2027-01-12", "--change-weight", "1",
        "--time-limit", "5", "--workers", "1",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "1 added and 1 removed by hand (pinned)" in done.output
    new = _board(tmp_path / "edited-replanned.xlsx")
    assert check_rota(_team(), JANUARY, new) == []
    assert (day, "ann") in {(a.day, a.staff_id) for a in new}


def test_replan_takes_a_first_name_and_stays_quiet(tmp_path: Path) -> None:
    """The README's own example: --absent anna, for Anna Holm (AH)."""
    team = make_team(
        staff=(
            make_staff("AH", name="Anna Holm"),
            make_staff("BO", name="Bo Berg"),
            make_staff("CY", name="Cy Dahl"),
        ),
        duties=(make_duty(slots=(make_slot("08:00", "10:00"),)),),
    )
    team_path = write_team_workbook(team, tmp_path / "team.xlsx")
    rota_path = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", rota_path, *FAST)
    done = _run(
        "replan", team_path, rota_path, "--absent", "anna",
        "--from", "2027-01-12", "--to", "2027-01-15", *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert " s  best " not in done.output  # --quiet: no progress lines
    new = read_rota_workbook(tmp_path / "rota-replanned.xlsx", team, JANUARY)
    assert not [a for a in new if a.staff_id == "AH" and 12 <= a.day.day <= 15]


def test_a_slot_still_covered_needs_nobody_asked(tmp_path: Path) -> None:
    """Ann and Bo both on 12 January (target 1): Bo's sick call leaves
    Ann, which covers it. It said "covered ... Who to ask: nobody is free
    for it"."""
    team = make_team(
        staff=(make_staff("ann"), make_staff("bo")),
        duties=(make_duty(slots=(make_slot("08:00", "10:00", max_staff=2),)),),
    )
    team_path = write_team_workbook(team, tmp_path / "team.xlsx")
    rota_path = tmp_path / "rota.xlsx"
    _run("rota", team_path, "--month", "2027-01", "-o", rota_path, *FAST)
    edited = tmp_path / "edited.xlsx"
    _edit_board(rota_path, edited, {date(2027, 1, 12): "ann, bo"})
    done = _run(
        "replan", team_path, edited, "--absent", "bo",
        "--from", "2027-01-12", *FAST,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Tue 12.01 08:00-10:00 phone: covered (1 on it: ann" in done.output
    assert "nobody needs asking: those already on it cover it" in done.output
    assert "Who to ask" not in done.output
    assert "nobody is free" not in done.output

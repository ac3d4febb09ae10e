"""The backlog and plan workbooks, read back cell by cell."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from balancer.outputs.backlog_workbook import (
    BACKLOG_SHEETS,
    write_backlog_workbook,
    write_plan_workbook,
)
from balancer.result import SolveStats, SolveStatus
from tests.factories import JANUARY
from tests.outputs.samples import (
    FORMULA_NAME,
    backlog_result,
    backlog_team,
    rota_result,
    rota_team,
    skill_conflict,
)

BASELINES = {"Round robin": {"Cases moved": 4.0, "Max utilisation %": 90.0}}


def _rows(path: Path, sheet: str) -> list[list[object]]:
    book = load_workbook(path)
    return [[c.value for c in row] for row in book[sheet].iter_rows()]


def _write(tmp_path: Path) -> Path:
    return write_backlog_workbook(
        backlog_team(),
        backlog_result(),
        tmp_path / "backlog.xlsx",
        baselines=BASELINES,
    )


def test_sheets_in_order(tmp_path: Path) -> None:
    assert tuple(load_workbook(_write(tmp_path)).sheetnames) == BACKLOG_SHEETS


def test_cases_sheet(tmp_path: Path) -> None:
    rows = _rows(_write(tmp_path), "Cases")
    header = rows[0]
    assert header[:8] == [
        "Case",
        "Type",
        "Priority",
        "Effort hours",
        "Owner",
        "Previous owner",
        "Moved",
        "Move reason",
    ]
    c1 = dict(zip(header, rows[1], strict=True))
    assert c1["Case"] == "c1"
    assert c1["Owner"] == "bo"
    assert c1["Moved"] == "yes"
    assert c1["Move reason"] == "planner allowed"
    assert c1["Note"] == "the planner allowed it (May move)"
    c5 = dict(zip(header, rows[5], strict=True))
    assert c5["Note"] == (
        "everyone who can take it is full: it needs 1 h; the most room left "
        "is 0 h (Ann Arbor)"
    )
    assert c1["Planned start"] == datetime(2027, 1, 4)
    c3 = dict(zip(header, rows[3], strict=True))
    assert c3["Late"] == "yes"
    assert c3["Deadline"] == datetime(2027, 1, 8)


def test_load_sheet_with_chart(tmp_path: Path) -> None:
    book = load_workbook(_write(tmp_path))
    sheet = book["Load"]
    header = [c.value for c in sheet[1]]
    bo = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert bo["Staff"] == "bo"
    assert bo["Name"] == FORMULA_NAME
    assert sheet.cell(row=3, column=2).data_type == "s"
    assert bo["Utilisation"] == 0.5
    column = header.index("Utilisation") + 1
    assert sheet.cell(row=3, column=column).number_format == "0%"
    assert len(sheet._charts) == 1


def test_shelf_sheet_queue_by_queue_next_case_first(tmp_path: Path) -> None:
    rows = _rows(_write(tmp_path), "Shelf")
    assert rows[0][:3] == ["Queue", "Place", "Case"]
    assert [r[:3] for r in rows[1:]] == [["any", 1, "c5"], ["any", 2, "c4"]]
    header = rows[0]
    c4 = dict(zip(header, rows[2], strict=True))
    assert c4["Waits because"] == "the queue ahead of it"
    assert c4["Detail"] == (
        "behind 1 case waiting in the any queue (first: c5)"
    )


def test_summary_counts_moves_and_waits_by_reason(tmp_path: Path) -> None:
    rows = _rows(_write(tmp_path), "Summary")
    items = {r[0]: r[1] for r in rows if r and r[0]}
    assert items["Move budget"] == 4
    assert items["Cases moved"] == 1
    assert items["Moved: planner allowed"] == 1
    assert items["Moved: owner away"] == 0
    assert items["the queue ahead of it"] == 1
    assert items["everyone qualified is full"] == 1
    assert items["nobody qualified"] == 0


def test_summary_sets_baselines_beside_this_plan(tmp_path: Path) -> None:
    rows = _rows(_write(tmp_path), "Summary")
    header_at = next(
        i
        for i, r in enumerate(rows)
        if r[:3] == ["Metric", "This plan", "Round robin"]
    )
    table = {r[0]: r[1:3] for r in rows[header_at + 1 :] if r[0]}
    assert table["Cases moved"] == [1, 4]
    assert table["Max utilisation %"] == [50, 90]
    flat = [v for r in rows for v in r]
    assert "OPTIMAL" in flat


def test_no_backlog_plan_gets_a_banner(tmp_path: Path) -> None:
    path = write_backlog_workbook(
        backlog_team(),
        backlog_result(
            stats=SolveStats(status=SolveStatus.TIME_LIMIT), assignments=()
        ),
        tmp_path / "backlog.xlsx",
    )
    rows = _rows(path, "Summary")
    assert "No backlog plan" in str(rows[0][0])
    assert _rows(path, "Shelf")[0][0].startswith("The shelf is empty")


def test_plan_workbook_holds_both(tmp_path: Path) -> None:
    team = rota_team(cases=backlog_team().cases)
    path = write_plan_workbook(
        team,
        JANUARY,
        rota_result(),
        backlog_result(),
        tmp_path / "plan.xlsx",
        baselines=BASELINES,
    )
    book = load_workbook(path)
    assert book.sheetnames == [
        "Rota",
        "Board",
        "Fairness",
        "Statements",
        "Rota summary",
        "History",
        "Cases",
        "Load",
        "Shelf",
        "Backlog summary",
    ]
    assert book["Board"]["E2"].value == "ann, bo"
    assert book["Cases"]["A2"].value == "c1"


def _danish(tmp_path: Path) -> Path:
    return write_backlog_workbook(
        backlog_team(),
        backlog_result(conflicts=(skill_conflict(),)),
        tmp_path / "sager.xlsx",
        baselines=BASELINES,
        lang="da",
    )


def test_danish_sheets_headers_and_values(tmp_path: Path) -> None:
    path = _danish(tmp_path)
    book = load_workbook(path)
    assert book.sheetnames == ["Sager", "Belastning", "Reol", "Overblik"]
    rows = _rows(path, "Sager")
    c1 = dict(zip(rows[0], rows[1], strict=True))
    assert c1["Sagsbehandler"] == "bo"
    assert c1["Flyttet"] == "ja"
    assert c1["Flyttet fordi"] == "planlægger tillod det"
    assert c1["Bemærkning"] == "planlæggeren har tilladt det (Må flyttes)"
    c3 = dict(zip(rows[0], rows[3], strict=True))
    assert c3["Risiko"] == (
        "Bos kø når frem til den man. 11. jan., efter fristen fre. 8. jan."
    )
    shelf = _rows(path, "Reol")
    assert shelf[0][:3] == ["Kø", "Plads", "Sag"]
    c4 = dict(zip(shelf[0], shelf[2], strict=True))
    assert c4["Kø"] == "fælles"
    assert c4["Venter fordi"] == "køen foran den"
    assert c4["Uddybning"] == "bag 1 sag, der venter i fælleskøen (først: c5)"
    chart = book["Belastning"]._charts[0]
    title = chart.title.tx.rich.p[0].r[0].t
    assert title == "Udnyttelse (belastning / timer til sager)"


def test_danish_summary(tmp_path: Path) -> None:
    rows = _rows(_danish(tmp_path), "Overblik")
    items = {r[0]: r[1] for r in rows if r and r[0]}
    assert items["Status"] == "OPTIMAL"
    assert items["Stoppet af brugeren"] == "nej"
    assert items["Flyttebudget"] == 4
    assert items["Flyttet: planlægger tillod det"] == 1
    assert items["køen foran den"] == 1
    assert items["flytninger"] == "Sager flyttet"
    assert items["kompetence"] == rows[-1][1]
    assert str(rows[-1][2]).startswith("1 sag kræver sagsbehandling")
    header = next(r for r in rows if r[0] == "Nøgletal")
    # A baseline the caller named keeps its name.
    assert header[:3] == ["Nøgletal", "Denne plan", "Round robin"]


def test_danish_plan_workbook_names_its_backlog_sheets(
    tmp_path: Path,
) -> None:
    team = rota_team(cases=backlog_team().cases)
    path = write_plan_workbook(
        team,
        JANUARY,
        rota_result(),
        backlog_result(),
        tmp_path / "plan.xlsx",
        lang="da",
    )
    assert load_workbook(path).sheetnames[-4:] == [
        "Sager",
        "Belastning",
        "Reol",
        "Sagsoverblik",
    ]

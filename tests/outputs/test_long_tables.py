"""Long tables are filled into the saved file: same cells, far faster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import load_workbook

from balancer.files.bulk import column_letter
from balancer.outputs import long_tables
from balancer.outputs.backlog_workbook import write_backlog_workbook
from tests.outputs.samples import FORMULA_NAME, backlog_result, backlog_team

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def _cells(path: Path, sheet: str) -> list[list[tuple[object, ...]]]:
    """Each cell's value, fill colour and (if it has a value) format."""
    rows = load_workbook(path)[sheet].iter_rows()
    return [
        [
            (
                c.value or None,
                str(c.fill.fgColor.rgb),
                c.number_format if c.value else None,
            )
            for c in row
        ]
        for row in rows
    ]


def test_a_long_table_reads_back_as_a_short_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team, result = backlog_team(), backlog_result()
    short = write_backlog_workbook(team, result, tmp_path / "short.xlsx")
    monkeypatch.setattr(long_tables, "BULK_ROWS", 1)
    long = write_backlog_workbook(team, result, tmp_path / "long.xlsx")
    for sheet in ("Cases", "Shelf"):
        assert _cells(long, sheet) == _cells(short, sheet)
    book = load_workbook(long)
    assert book["Cases"].auto_filter.ref == "A1:N6"
    assert book["Cases"].freeze_panes == "B2"


def test_a_long_danish_table_reads_back_as_a_short_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team, result = backlog_team(), backlog_result()
    short = write_backlog_workbook(
        team, result, tmp_path / "short.xlsx", lang="da"
    )
    monkeypatch.setattr(long_tables, "BULK_ROWS", 1)
    long = write_backlog_workbook(
        team, result, tmp_path / "long.xlsx", lang="da"
    )
    for sheet in ("Sager", "Reol"):
        assert _cells(long, sheet) == _cells(short, sheet)
    # Late rows are found by the Danish yes, and filled red.
    late = [c for c in load_workbook(long)["Sager"][4]]
    assert late[11].value == "ja"
    assert str(late[0].fill.fgColor.rgb).endswith("F8CBAD")


def test_text_that_looks_like_a_formula_stays_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_tables, "BULK_ROWS", 0)
    team = backlog_team()
    result = backlog_result()
    entries = list(result.assignments)
    entries[4] = entries[4].model_copy(
        update={"reason": FORMULA_NAME, "reason_texts": {}}
    )
    path = write_backlog_workbook(
        team,
        result.model_copy(update={"assignments": tuple(entries)}),
        tmp_path / "long.xlsx",
    )
    shelf = load_workbook(path)["Shelf"]
    detail = [c.value for c in shelf["J"]]
    assert FORMULA_NAME in detail
    cell = next(c for c in shelf["J"] if c.value == FORMULA_NAME)
    assert cell.data_type == "s"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (1, 26, 27, 52, 703)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]

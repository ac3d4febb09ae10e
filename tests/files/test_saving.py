"""Outputs are written atomically, never over an input, formulas as text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from balancer.errors import OutputError
from balancer.files.saving import save_text, save_workbook, set_text


def _book(text: str) -> Workbook:
    book = Workbook()
    set_text(book.active["A1"], text)
    return book


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = save_workbook(_book('=HYPERLINK("x")'), tmp_path / "out.xlsx")
    cell = load_workbook(path).active["A1"]
    assert cell.value == '=HYPERLINK("x")'
    assert cell.data_type == "s"


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "team.xlsx"
    save_workbook(_book("team"), source)
    with pytest.raises(OutputError, match="input"):
        save_workbook(_book("out"), source, inputs=[source])
    assert load_workbook(source).active["A1"].value == "team"


def test_existing_output_survives_a_failed_write(tmp_path: Path) -> None:
    target = save_workbook(_book("old"), tmp_path / "out.xlsx")
    broken = _book("new")
    broken.save = _fail  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        save_workbook(broken, target)
    assert load_workbook(target).active["A1"].value == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def _fail(path: str) -> None:
    Path(path).write_bytes(b"half a workbook")
    raise RuntimeError("disk full")


def test_new_output_is_readable_like_a_plain_save(tmp_path: Path) -> None:
    # The temporary file is private (0600); the finished output must get
    # the mode any program's save gives it: 0666 minus the umask.
    umask = os.umask(0o022)
    try:
        path = save_workbook(_book("x"), tmp_path / "out.xlsx")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    target = save_workbook(_book("old"), tmp_path / "out.xlsx")
    target.chmod(0o640)
    save_workbook(_book("new"), target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_text_files_are_written_atomically_and_readable(
    tmp_path: Path,
) -> None:
    target = save_text("æ,ø\n", tmp_path / "out.csv")
    assert target.read_text(encoding="utf-8") == "æ,ø\n"
    with pytest.raises(OutputError, match="input"):
        save_text("x", target, inputs=[target])
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

"""Opening workbooks safely: wrong kinds of file get a clear refusal."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from balancer.errors import InputError
from balancer.files import opening as opening_module
from balancer.inputs.excel import read_team_workbook
from tests.inputs.books import base_sheets, write_book


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_team_workbook(path)
    [problem] = caught.value.problems
    assert problem.fix
    return problem.message


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in _refusal(tmp_path / "nope.xlsx")


def test_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("ID;Name\nAH;Anna\n")
    assert "CSV" in _refusal(path)


def test_old_xls_file(tmp_path: Path) -> None:
    path = tmp_path / "team.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert ".xls" in _refusal(path)


def test_opendocument_file(tmp_path: Path) -> None:
    path = tmp_path / "team.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet"
        )
    assert "OpenDocument" in _refusal(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    path.write_bytes(b"")
    assert "the file is empty" in _refusal(path)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "not an Excel workbook" in _refusal(path)


def test_damaged_workbook(tmp_path: Path) -> None:
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    assert "could not be read" in _refusal(broken)


def test_workbook_unpacking_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening_module, "MAX_UNPACKED_BYTES", 1000)
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    assert "unpacks to" in _refusal(path)


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    """defusedxml guards openpyxl against entity expansion."""
    import openpyxl

    assert openpyxl.DEFUSEDXML, "install defusedxml: openpyxl relies on it"
    path = write_book(tmp_path / "team.xlsx", base_sheets())
    evil = tmp_path / "evil.xlsx"
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(evil, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                body = data.split(b"?>", 1)[-1]
                data = bomb.encode() + body
            out.writestr(item, data)
    assert "XML entity declarations" in _refusal(evil)

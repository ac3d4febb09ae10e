"""The template: it reads as is, and filled in it reads as expected."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from openpyxl import load_workbook

from balancer.domain import Staff, Team, WorkDay
from balancer.files.schema import SHEETS
from balancer.inputs.excel import read_team_workbook_with_notes
from balancer.outputs.template import example_team, write_template
from tests.factories import make_absence


def test_template_reads_as_its_example_team(tmp_path: Path) -> None:
    loaded = read_team_workbook_with_notes(
        write_template(tmp_path / "template.xlsx")
    )
    assert loaded.team == example_team()
    assert loaded.notes == ()


def test_template_has_instructions_headers_and_dropdowns(
    tmp_path: Path,
) -> None:
    book = load_workbook(write_template(tmp_path / "template.xlsx"))
    assert book.sheetnames[0] == "Instructions"
    for spec in SHEETS:
        sheet = book[spec.name]
        headers = [cell.value for cell in sheet[1]]
        assert headers == list(spec.headers)
    formulas = {
        (title, dv.formula1)
        for title in book.sheetnames
        for dv in book[title].data_validations.dataValidation
    }
    assert ("Staff", "'Duties'!$A$2:$A$1000") in formulas
    assert ("Absences", '"vacation,sick,course,other"') in formulas
    assert ("Preferences", '"want,avoid"') in formulas
    assert ("Cases", '"new,assigned,in progress,waiting"') in formulas
    assert ("Cases", '"low,normal,high,urgent"') in formulas
    assert ("Cases", '"yes,no"') in formulas
    assert ("Preferences", '"Mon,Tue,Wed,Thu,Fri,Sat,Sun"') in formulas


def test_filled_in_template_reads_as_the_expected_team(
    tmp_path: Path,
) -> None:
    path = write_template(tmp_path / "template.xlsx")
    book = load_workbook(path)
    book["Staff"].append(
        ["KB", "Karl Berg", None, "37", "man-ons", "9", "16.30",
         "english:3", None, None, None, None, None, "nej"]
    )  # fmt: skip
    book["Absences"].append(["KB", "11.01.2027", "12-01-2027", None, None,
                             "kursus", "Course"])  # fmt: skip
    book.save(path)
    loaded = read_team_workbook_with_notes(path)
    example = example_team()
    karl = Staff(
        id="KB",
        name="Karl Berg",
        weekly_hours=37,
        pattern=tuple(
            WorkDay(weekday=d, start=time(9), end=time(16, 30))
            for d in (0, 1, 2)
        ),
        skills={"english": 3},
        casework=False,
    )
    course = make_absence(
        "KB", date(2027, 1, 11), date(2027, 1, 12), reason="course"
    )
    expected = Team(
        **{
            **dict(example),
            "staff": (*example.staff, karl),
            "absences": (*example.absences, course),
        }
    )
    assert loaded.team == expected


def test_a_danish_template_reads_as_its_danish_example(
    tmp_path: Path,
) -> None:
    path = write_template(tmp_path / "skabelon.xlsx", lang="da")
    loaded = read_team_workbook_with_notes(path)
    assert loaded.team == example_team("da")
    assert loaded.notes == ()
    book = load_workbook(path)
    assert book.sheetnames[0] == "Vejledning"
    assert book["Vejledning"]["A1"].value == (
        "Sådan udfylder du denne projektmappe"
    )
    for spec in SHEETS:
        headers = [cell.value for cell in book[spec.danish][1]]
        assert headers == list(spec.headers_in("da"))
    formulas = {
        (title, dv.formula1)
        for title in book.sheetnames
        for dv in book[title].data_validations.dataValidation
    }
    assert ("Medarbejdere", "'Vagter'!$A$2:$A$1000") in formulas
    assert ("Fravær", '"ferie,syg,kursus,andet"') in formulas
    assert ("Ønsker", '"ønsker,undgår"') in formulas
    assert ("Sager", '"ny,tildelt,i gang,venter"') in formulas
    assert ("Sager", '"lav,normal,høj,akut"') in formulas
    assert ("Ønsker", '"man,tir,ons,tor,fre,lør,søn"') in formulas

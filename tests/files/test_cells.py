"""Cell parsers: what a Danish planner types, and clear refusals."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from balancer.domain import AbsenceReason, CaseStatus, Priority, Weekday
from balancer.files.cells import (
    parse_bool,
    parse_date,
    parse_int,
    parse_list,
    parse_number,
    parse_number_map,
    parse_priority,
    parse_reason,
    parse_requirements,
    parse_skill_levels,
    parse_status,
    parse_text,
    parse_time,
    parse_time_range,
    parse_want,
    parse_weekday,
    parse_weekdays,
)

MAY_1 = date(2027, 5, 1)


@pytest.mark.parametrize(
    "value",
    [
        MAY_1,
        datetime(2027, 5, 1, 0, 0),
        46508,  # Excel serial number of 1 May 2027
        46508.0,
        "2027-05-01",
        "1.5.2027",
        "01.05.2027",
        "01-05-2027",
        "01/05/2027",
        " 1.5.27 ",
        "2027-05-01 00:00:00",
    ],
)
def test_dates_in_every_accepted_form(value: object) -> None:
    assert parse_date(value) == MAY_1


@pytest.mark.parametrize("value", ["31.2.2027", "2027-02-30", "1.13.2027"])
def test_impossible_dates_are_refused_clearly(value: str) -> None:
    with pytest.raises(ValueError, match="not a real date"):
        parse_date(value)


@pytest.mark.parametrize("value", ["next week", "5/2027", 46508.5, -3])
def test_non_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(8, 0), time(8, 0)),
        (0.3333333, time(8, 0)),
        (0.5, time(12, 0)),
        (8, time(8, 0)),
        ("8", time(8, 0)),
        ("8:00", time(8, 0)),
        ("08.00", time(8, 0)),
        ("8.30", time(8, 30)),
        ("kl. 8", time(8, 0)),
        ("0,3333", time(8, 0)),
        ("08:00:00", time(8, 0)),
        (datetime(2027, 1, 4, 9, 15), time(9, 15)),
    ],
)
def test_times_in_every_accepted_form(value: object, expected: time) -> None:
    assert parse_time(value) == expected


@pytest.mark.parametrize(
    "value", ["24:00", "24", 24, datetime(1900, 1, 1), timedelta(days=1)]
)
def test_twenty_four_hundred_is_the_end_of_the_day(value: object) -> None:
    assert parse_time(value) == time.max


@pytest.mark.parametrize("value", ["25:00", "8:75", "noon", 8.5, "24:30"])
def test_bad_times_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_time(value)


def test_time_range() -> None:
    assert parse_time_range("08:00-16:00") == (time(8), time(16))
    assert parse_time_range("8 \u2013 24") == (time(8), time.max)
    with pytest.raises(ValueError, match="span"):
        parse_time_range("08:00")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("29,6", 29.6),
        ("29.6", 29.6),
        (29.6, 29.6),
        (3, 3.0),
        ("1.234,5", 1234.5),
        ("80%", 0.8),
        (" 7 ", 7.0),
        ("-1,5", -1.5),
    ],
)
def test_numbers_with_decimal_comma(value: object, expected: float) -> None:
    assert parse_number(value) == pytest.approx(expected)


@pytest.mark.parametrize("value", ["lots", "nan", "inf", True])
def test_non_numbers_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="number"):
        parse_number(value)


def test_whole_numbers() -> None:
    assert parse_int("2,0") == 2
    with pytest.raises(ValueError, match="whole number"):
        parse_int("2,5")


def test_lists_split_on_commas_semicolons_and_lines() -> None:
    assert parse_list("phone, mail;chat\nfront desk") == [
        "phone",
        "mail",
        "chat",
        "front desk",
    ]
    assert parse_list(None) == [] and parse_list("  ") == []


def test_skill_levels() -> None:
    assert parse_skill_levels("pension:3, english:2; law") == {
        "pension": 3,
        "english": 2,
        "law": 1,
    }
    with pytest.raises(ValueError, match="1-3"):
        parse_skill_levels("english:4")
    with pytest.raises(ValueError, match="twice"):
        parse_skill_levels("english:1, english:2")


def test_number_map_keeps_decimal_commas() -> None:
    assert parse_number_map("AH:4, BK:6,5") == {"AH": 4.0, "BK": 6.5}
    with pytest.raises(ValueError, match="name:number"):
        parse_number_map("AH")


def test_requirements_with_counts() -> None:
    assert parse_requirements("english:2, 2 x pension, 3x law:3") == [
        ("english", 2, 1),
        ("pension", 1, 2),
        ("law", 3, 3),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon-Thu", (0, 1, 2, 3)),
        ("man-tor", (0, 1, 2, 3)),
        ("mandag, onsdag", (0, 2)),
        ("Mon,Wed,Fri", (0, 2, 4)),
        ("tirsdag og torsdag", (1, 3)),
        ("Fri-Mon", (0, 4, 5, 6)),
        ("hverdage", (0, 1, 2, 3, 4)),
        ("Mon \u2013 Wed", (0, 1, 2)),
        ("lør; søn", (5, 6)),
    ],
)
def test_weekdays_and_ranges(value: str, expected: tuple[int, ...]) -> None:
    assert parse_weekdays(value) == tuple(Weekday(d) for d in expected)


def test_bad_weekday_is_refused() -> None:
    with pytest.raises(ValueError, match="not a weekday"):
        parse_weekdays("Mon-Fry")
    assert parse_weekday("Torsdag") == Weekday.THU


@pytest.mark.parametrize(
    "value", ["yes", "Ja", "x", "X", 1, "1", "true", True, "TRUE"]
)
def test_yes(value: object) -> None:
    assert parse_bool(value) is True


@pytest.mark.parametrize("value", ["no", "Nej", 0, "0", "false", None, ""])
def test_no(value: object) -> None:
    assert parse_bool(value) is False


def test_bool_refuses_other_words() -> None:
    with pytest.raises(ValueError, match="yes or no"):
        parse_bool("maybe")


def test_want_and_avoid() -> None:
    assert parse_want("want") and parse_want("Ønsker")
    assert not parse_want("avoid") and not parse_want("undgår")
    with pytest.raises(ValueError, match="want, avoid"):
        parse_want("meh")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("vacation", AbsenceReason.VACATION),
        ("Ferie", AbsenceReason.VACATION),
        ("syg", AbsenceReason.SICK),
        ("kursus", AbsenceReason.COURSE),
        ("andet", AbsenceReason.OTHER),
    ],
)
def test_reasons(value: str, expected: AbsenceReason) -> None:
    assert parse_reason(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("low", Priority.LOW),
        ("akut", Priority.URGENT),
        ("Høj", Priority.HIGH),
        (2, Priority.NORMAL),
        (4.0, Priority.URGENT),
    ],
)
def test_priorities(value: object, expected: Priority) -> None:
    assert parse_priority(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("in progress", CaseStatus.IN_PROGRESS),
        ("in_progress", CaseStatus.IN_PROGRESS),
        ("I gang", CaseStatus.IN_PROGRESS),
        ("tildelt", CaseStatus.ASSIGNED),
        ("venter", CaseStatus.WAITING),
        ("Ny", CaseStatus.NEW),
    ],
)
def test_statuses(value: str, expected: CaseStatus) -> None:
    assert parse_status(value) == expected


def test_text_of_numeric_ids() -> None:
    assert parse_text(142.0) == "142"
    assert parse_text(" AH ") == "AH"

"""Calendar files, parsed back with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from balancer.errors import OutputError
from balancer.outputs.ics import (
    calendar_files,
    event_uid,
    ics_filename,
    person_calendar,
    sequence_for,
    write_calendars,
)
from balancer.result import BoardShift, PublishedRota

H = 60
MON = date(2027, 1, 4)
TUE = date(2027, 1, 5)
#: A date in summer time (CEST, UTC+2).
JUNE = date(2027, 6, 7)
STAMP = datetime(2026, 12, 20, 9, 30, tzinfo=UTC)
CPH = ZoneInfo("Europe/Copenhagen")


def _shift(day: date, start: int, end: int, duty: str, who: str):
    return BoardShift(day, start * H, end * H, duty, who)


def _rota(*shifts: BoardShift, **names: str) -> PublishedRota:
    return PublishedRota(tuple(sorted(shifts)), names)


def _events(data: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return [
        {
            "uid": str(e["UID"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "summary": str(e["SUMMARY"]),
            "status": str(e["STATUS"]),
            "sequence": int(e["SEQUENCE"]),
        }
        for e in calendar.walk("VEVENT")
    ]


ROTA = _rota(
    _shift(MON, 8, 10, "phone", "ann"),
    _shift(MON, 10, 12, "phone", "ann"),
    _shift(TUE, 12, 15, "mail", "ann"),
    _shift(MON, 8, 10, "phone", "bo"),
    ann="Ann Arbor",
)


def test_one_event_per_block_in_copenhagen_time() -> None:
    files = calendar_files(ROTA, team="advice", stamp=STAMP)
    assert sorted(files) == ["ann.ics", "bo.ics"]
    calendar = Calendar.from_ical(files["ann.ics"])
    assert str(calendar["X-WR-CALNAME"]) == "Duty: Ann Arbor"
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Copenhagen"]
    events = _events(files["ann.ics"])
    # Phone 08-10 and 10-12 join into one morning block.
    assert [(e["start"], e["end"], e["summary"]) for e in events] == [
        (
            datetime(2027, 1, 4, 8, tzinfo=CPH),
            datetime(2027, 1, 4, 12, tzinfo=CPH),
            "phone",
        ),
        (
            datetime(2027, 1, 5, 12, tzinfo=CPH),
            datetime(2027, 1, 5, 15, tzinfo=CPH),
            "mail",
        ),
    ]
    assert {e["status"] for e in events} == {"CONFIRMED"}
    assert {e["sequence"] for e in events} == {sequence_for(STAMP)}
    # 08:00 in January is 07:00 UTC (CET, UTC+1).
    first = events[0]["start"]
    assert isinstance(first, datetime)
    assert first.astimezone(UTC).hour == 7


def test_events_carry_the_teams_duty_names_in_the_language() -> None:
    titled = replace(ROTA, duty_titles={"phone": "Telefon", "mail": "Post"})
    files = calendar_files(titled, team="advice", stamp=STAMP, lang="da")
    calendar = Calendar.from_ical(files["ann.ics"])
    assert str(calendar["X-WR-CALNAME"]) == "Vagter: Ann Arbor"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Telefon", "Post"]
    assert str(events[0]["DESCRIPTION"]) == (
        "Telefon 08:00-12:00 for Ann Arbor (advice vagtplan)"
    )


def test_summer_time_and_a_block_to_midnight() -> None:
    calendar = person_calendar(
        "ann",
        "Ann",
        [BoardShift(JUNE, 22 * H, 24 * H, "phone", "ann")],
        team="advice",
        stamp=STAMP,
    )
    (event,) = _events(calendar.to_ical())
    start, end = event["start"], event["end"]
    assert isinstance(start, datetime) and isinstance(end, datetime)
    assert start.astimezone(UTC) == datetime(2027, 6, 7, 20, tzinfo=UTC)
    assert end - start == timedelta(hours=2)
    assert end.date() == JUNE + timedelta(days=1)


def test_republishing_gives_the_same_uids() -> None:
    first = calendar_files(ROTA, team="advice", stamp=STAMP)
    later = STAMP + timedelta(days=3)
    again = calendar_files(ROTA, team="advice", stamp=later)
    assert [e["uid"] for e in _events(first["ann.ics"])] == [
        e["uid"] for e in _events(again["ann.ics"])
    ]
    # A later publication outranks the earlier one.
    assert sequence_for(later) > sequence_for(STAMP)
    # Same stamp, same bytes: publishing the same file is idempotent.
    assert calendar_files(ROTA, team="advice", stamp=STAMP) == first


def test_uids_depend_on_team_person_day_duty_and_start_only() -> None:
    block = _shift(MON, 8, 12, "phone", "ann")
    longer = _shift(MON, 8, 14, "phone", "ann")
    assert event_uid("advice", block) == event_uid("advice", longer)
    others = {
        event_uid("other team", block),
        event_uid("advice", _shift(MON, 8, 12, "phone", "bo")),
        event_uid("advice", _shift(TUE, 8, 12, "phone", "ann")),
        event_uid("advice", _shift(MON, 8, 12, "mail", "ann")),
        event_uid("advice", _shift(MON, 9, 12, "phone", "ann")),
    }
    assert event_uid("advice", block) not in others
    assert len(others) == 5


def test_a_changed_rota_keeps_unchanged_uids_and_cancels_the_rest() -> None:
    old = calendar_files(ROTA, team="advice", stamp=STAMP)
    # ann loses Tuesday's mail; bo's phone moves to Tuesday 08-10.
    changed = _rota(
        _shift(MON, 8, 10, "phone", "ann"),
        _shift(MON, 10, 12, "phone", "ann"),
        _shift(TUE, 8, 10, "phone", "bo"),
        ann="Ann Arbor",
    )
    later = STAMP + timedelta(hours=1)
    new = calendar_files(changed, team="advice", stamp=later, previous=ROTA)
    before = {e["uid"]: e for e in _events(old["ann.ics"])}
    after = {e["uid"]: e for e in _events(new["ann.ics"])}
    assert set(after) == set(before)
    monday, tuesday = sorted(before, key=lambda u: str(before[u]["start"]))
    assert after[monday]["status"] == "CONFIRMED"
    assert after[tuesday]["status"] == "CANCELLED"
    assert after[tuesday]["sequence"] > before[tuesday]["sequence"]
    bo = _events(new["bo.ics"])
    assert sorted((e["status"], e["start"]) for e in bo) == [
        ("CANCELLED", datetime(2027, 1, 4, 8, tzinfo=CPH)),
        ("CONFIRMED", datetime(2027, 1, 5, 8, tzinfo=CPH)),
    ]


def test_someone_who_lost_every_duty_gets_cancellations() -> None:
    changed = _rota(_shift(MON, 8, 10, "phone", "ann"))
    files = calendar_files(changed, team="advice", stamp=STAMP, previous=ROTA)
    assert [e["status"] for e in _events(files["bo.ics"])] == ["CANCELLED"]


def test_file_names_are_safe_and_unique() -> None:
    taken: set[str] = set()
    names = [
        ics_filename(staff_id, taken)
        for staff_id in ("AH", "ah", "Søren Ø", "../etc/x", "CON", "", "A.B")
    ]
    assert names == [
        "AH.ics",
        "ah-2.ics",
        "Søren_Ø.ics",
        "etc_x.ics",
        "_CON.ics",
        "staff.ics",
        "A_B.ics",
    ]


def test_written_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    files = calendar_files(ROTA, team="advice", stamp=STAMP)
    written = write_calendars(files, tmp_path / "cal")
    assert sorted(p.name for p in written) == ["ann.ics", "bo.ics"]
    assert sorted(p.name for p in (tmp_path / "cal").iterdir()) == [
        "ann.ics",
        "bo.ics",
    ]
    assert (tmp_path / "cal" / "ann.ics").read_bytes() == files["ann.ics"]
    precious = tmp_path / "cal" / "bo.ics"
    with pytest.raises(OutputError, match="input file"):
        write_calendars(files, tmp_path / "cal", inputs=[precious])

"""Calendar files: one ``.ics`` per person with their duties.

Each person's duty blocks (back-to-back slots of one duty joined, see
:func:`balancer.outputs.changes.blocks`) become events in the
Europe/Copenhagen time zone, with the zone's VTIMEZONE included so every
calendar program shows the right local time.

Re-publishing must update events, not duplicate them. So an event's UID
is a name-based UUID (uuid5) of what identifies the duty for the person:
team, staff id, date, duty and start time. The same rota gives the same
UIDs; a changed rota keeps the UID of every block that still starts at
the same time (a block that grows or shrinks is updated in place). The
SEQUENCE is the rota's save time in minutes since 2020, so a later
publication always outranks an earlier one, with no state to keep.

Given the previous rota, blocks that are gone are published once more as
cancelled (``STATUS:CANCELLED``, same UID), so calendars that imported the
old file drop them; a person who lost every duty gets a file of
cancellations.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from balancer.files.saving import check_target, save_bytes
from balancer.language import Language, Words
from balancer.outputs.changes import blocks

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from balancer.result import BoardShift, PublishedRota

__all__ = [
    "TIME_ZONE",
    "calendar_files",
    "event_uid",
    "ics_filename",
    "person_calendar",
    "sequence_for",
    "write_calendars",
]

TIME_ZONE = "Europe/Copenhagen"

#: Namespace of balancer's event UIDs; never change it, or every
#: published event would be duplicated on the next publication.
_NAMESPACE = uuid.UUID("6b1d3c52-8f0e-4d2a-9a57-3c1e2b7d9f40")
_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_PRODID = "-//balancer//duty rota//EN"
#: Names Windows refuses as file names, whatever the extension; it counts
#: the superscript digits ¹ ² ³ as digits too.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in
       "0123456789\u00b9\u00b2\u00b3"}
)  # fmt: skip
#: Longest file name stem, in UTF-8 bytes: with ``-NN.ics`` and the
#: temporary name written first, it stays well under the 255 bytes most
#: file systems allow (85 CJK characters were 255 bytes and failed).
_STEM_BYTES = 120
#: Control characters: a bare CR or LF would end an .ics line early.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")


def event_uid(team: str, shift: BoardShift) -> str:
    """The stable UID of a person's duty block.

    Derived from team, staff id, date, duty and start time only, so the
    same block always gets the same UID and a block whose end moves keeps
    it.
    """
    key = "|".join(
        (
            team,
            shift.staff_id,
            shift.day.isoformat(),
            shift.duty,
            _hhmm(shift.start),
        )
    )
    return f"{uuid.uuid5(_NAMESPACE, key)}@balancer"


def sequence_for(stamp: datetime) -> int:
    """SEQUENCE for a publication at ``stamp``: minutes since 2020."""
    return max(0, int((stamp - _EPOCH).total_seconds() // 60))


def person_calendar(
    staff_id: str,
    name: str,
    shifts: Iterable[BoardShift],
    *,
    team: str,
    stamp: datetime,
    cancelled: Iterable[BoardShift] = (),
    titles: Mapping[str, str] | None = None,
    lang: Language = "en",
) -> Calendar:
    """One person's calendar: an event per duty block.

    ``shifts`` are the person's slots (joined into blocks here);
    ``cancelled`` are blocks of an earlier publication that are gone.
    ``stamp`` (aware) is the publication time: DTSTAMP and SEQUENCE.
    Each event is titled with the duty's name (``titles``: duty id ->
    the team's own name, e.g. ``Telefon``; else the id); the calendar's
    name and the descriptions are in ``lang``.
    """
    words = Words(lang)
    titles = titles or {}
    zone = ZoneInfo(TIME_ZONE)
    name, team = _one_line(name), _one_line(team)
    calendar = Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", words("ics.calendar", name=name))
    calendar.add("x-wr-timezone", TIME_ZONE)
    mine = [s for s in blocks(shifts) if s.staff_id == staff_id]
    gone = [s for s in blocks(cancelled) if s.staff_id == staff_id]
    sequence = sequence_for(stamp)
    for shift, status in (
        *((s, "CONFIRMED") for s in mine),
        *((s, "CANCELLED") for s in gone),
    ):
        event = Event()
        event.add("uid", event_uid(team, shift))
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", _moment(shift.day, shift.start, zone))
        event.add("dtend", _moment(shift.day, shift.end, zone))
        duty = _one_line(titles.get(shift.duty) or shift.duty)
        event.add("summary", duty)
        event.add(
            "description",
            words(
                "ics.description",
                duty=duty,
                span=f"{_hhmm(shift.start)}-{_hhmm(shift.end)}",
                name=name,
                team=team,
            ),
        )
        event.add("status", status)
        event.add("sequence", sequence)
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    days = [s.day for s in (*mine, *gone)]
    if days:
        first = min(days)
        calendar.add_missing_timezones(
            first_date=date(first.year, 1, 1),
            last_date=date(max(days).year + 1, 12, 31),
        )
    return calendar


def _one_line(text: str) -> str:
    """``text`` with control characters (CR, LF, ...) as one space.

    Rule: no bare CR or LF reaches an .ics line; a name with one would
    end the line early and could start a property of its own.
    """
    return _CONTROL.sub(" ", text)


def _moment(day: date, total: int, zone: ZoneInfo) -> datetime:
    # 24:00 (1440) is midnight of the next day.
    days, rest = divmod(total, 24 * 60)
    clock = time(rest // 60, rest % 60)
    return datetime.combine(day + timedelta(days=days), clock, tzinfo=zone)


def _hhmm(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def ics_filename(staff_id: str, taken: set[str]) -> str:
    """A safe file name ``<id>.ics`` for a staff id, unique in ``taken``.

    Letters (also æ, ø, å), digits, ``-`` and ``_`` are kept; anything
    else (slashes, dots, spaces) becomes ``_``; at most 80 characters and
    120 bytes are kept. Names Windows reserves (``COM1``, ``COM¹``, ...)
    get a leading ``_``; names equal but for case get ``-2``, ``-3``, ...
    so they stay apart on case-insensitive disks. Adds the name to
    ``taken`` (case-folded).
    """
    text = unicodedata.normalize("NFC", staff_id).strip()
    safe = "".join(
        ch if ch.isalnum() or ch in "-_" else "_" for ch in text
    ).strip("_")[:80]
    # Whole characters only: a cut through one is dropped.
    safe = safe.encode()[:_STEM_BYTES].decode("utf-8", "ignore")
    safe = safe or "staff"
    if safe.upper() in _RESERVED:
        safe = f"_{safe}"
    candidate = safe
    number = 2
    while candidate.casefold() in taken:
        candidate = f"{safe}-{number}"
        number += 1
    taken.add(candidate.casefold())
    return f"{candidate}.ics"


def calendar_files(
    rota: PublishedRota,
    *,
    team: str,
    stamp: datetime,
    previous: PublishedRota | None = None,
    lang: Language = "en",
) -> dict[str, bytes]:
    """File name -> calendar file, one per person on ``rota``.

    With ``previous``, blocks it has that ``rota`` lacks (by UID) are
    included as cancelled, and people only on ``previous`` get a file of
    cancellations. File names follow the sorted staff ids, so the same
    team gets the same names every publication.
    """
    current = blocks(rota.shifts)
    kept = {event_uid(team, s) for s in current}
    gone = [
        s
        for s in blocks(previous.shifts if previous else ())
        if event_uid(team, s) not in kept
    ]
    names = {**(previous.names if previous else {}), **rota.names}
    titles = {
        **(previous.duty_titles if previous else {}),
        **rota.duty_titles,
    }
    taken: set[str] = set()
    files: dict[str, bytes] = {}
    for staff_id in sorted({s.staff_id for s in (*current, *gone)}):
        calendar = person_calendar(
            staff_id,
            names.get(staff_id) or staff_id,
            [s for s in current if s.staff_id == staff_id],
            team=team,
            stamp=stamp,
            cancelled=[s for s in gone if s.staff_id == staff_id],
            titles=titles,
            lang=lang,
        )
        files[ics_filename(staff_id, taken)] = calendar.to_ical()
    return files


def write_calendars(
    files: Mapping[str, bytes],
    folder: str | Path,
    inputs: Sequence[Path] = (),
) -> list[Path]:
    """Write each file into ``folder`` atomically; never over an input.

    Every file is checked before any is written
    (:func:`~balancer.files.saving.check_target`), so a calendar that
    cannot be written stops the run with none written, not 11 of 12.
    """
    paths = {name: Path(folder) / name for name in files}
    for path in paths.values():
        check_target(path, inputs)
    return [
        save_bytes(data, paths[name], inputs) for name, data in files.items()
    ]

"""One record from one row: the builders of the team workbook's reader.

Each builder reads a row's cells (through :class:`~balancer.files.tables.Row`,
which notes every unreadable cell) and builds the domain record, putting a
model's objections on the column at fault. Simple columns (a parser in the
schema) are read generically; the rest have their own code here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from balancer.domain import (
    Absence,
    Case,
    HistoryBalance,
    Preference,
    SkillRequirement,
    Slot,
    Staff,
    Weekday,
    WorkDay,
)
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
    parse_start_time,
    parse_status,
    parse_text,
    parse_time,
    parse_time_range,
    parse_want,
    parse_weekday,
    parse_weekdays,
)
from balancer.inputs.messages import plain_pydantic_message, pydantic_problems

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import time

    from balancer.domain import CalendarSettings
    from balancer.files.tables import Row

__all__ = [
    "absence_record",
    "build_record",
    "case_record",
    "duty_list",
    "history_record",
    "preference_record",
    "requirements",
    "slot_record",
    "staff_record",
]

M = TypeVar("M", bound=BaseModel)

#: Words meaning "no duty at all" in the Staff sheet's Duties column.
_NO_DUTY = {"none", "ingen", "no", "nej", "-"}
#: Words meaning "every duty".
_ALL_DUTIES = {"all", "alle", "every", "*"}


def present_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Drop blank cells so the model's defaults apply."""
    return {name: value for name, value in fields.items() if value is not None}


def build_record(
    row: Row,
    model: type[M],
    fields: dict[str, Any],
    whole_record: Sequence[tuple[str, str]] = (),
) -> M | None:
    """Build ``model`` from a row; put its errors on the right columns.

    ``whole_record`` maps words in a model-level error (one that concerns
    several fields, e.g. "ends before it starts") to the column to blame;
    the first match wins.
    """
    if not row.ok:
        return None
    try:
        return model(**present_fields(fields))
    except ValidationError as error:
        columns = {c.key for c in row.table.spec.columns}
        for name, detail in pydantic_problems(error):
            key = name if name in columns else None
            if key is None:
                text = plain_pydantic_message(detail, model.__name__)
                key = next(
                    (col for word, col in whole_record if word in text), None
                )
            label = row.table.header(key) if key else model.__name__
            row.problem(key, plain_pydantic_message(detail, label))
        return None


def duty_list(value: Any) -> tuple[str, ...] | None:
    words = parse_list(value)
    lowered = {word.lower() for word in words}
    if lowered and lowered <= _NO_DUTY:
        return ()
    if lowered and lowered <= _ALL_DUTIES:
        return None
    return tuple(words)


def staff_record(row: Row, calendar: CalendarSettings) -> Staff | None:
    duties_given = row.has("duties")
    duties = row.get("duties", duty_list)
    fields: dict[str, Any] = {
        "id": row.required("id", parse_text),
        "name": row.text("name"),
        "pattern": working_pattern(row, calendar),
        "skills": row.get("skills", parse_skill_levels),
        **simple_fields(row),
    }
    if duties_given and duties is not None:
        fields["duties"] = duties
    return build_record(
        row,
        Staff,
        fields,
        (("fte or weekly_hours", "fte"), ("weekday", "days")),
    )


def simple_fields(row: Row) -> dict[str, Any]:
    """Every simple column of the row's sheet, parsed into its field."""
    return {
        column.key: row.get(column.key, column.parse)
        for column in row.table.spec.columns
        if column.parse is not None
    }


def working_pattern(
    row: Row, calendar: CalendarSettings
) -> tuple[WorkDay, ...] | None:
    """The working pattern from Days, Start and End.

    Rules: blank Days and times = every opening day in opening hours
    (returns None so the model default applies); blank Days with times =
    every opening weekday at those times; Days without times = the team's
    opening hours on those days; ``Mon 08:00-12:00, Wed 08:00-16:00`` gives
    each day its own times.
    """
    start = row.get("start", parse_start_time)
    end = row.get("end", parse_time)
    if not row.ok:
        return None
    days_text = row.text("days")
    if days_text is None:
        if start is None and end is None:
            return None
        every = tuple(Weekday(h.weekday) for h in calendar.opening_hours)
        entries: list[tuple[tuple[Weekday, ...], tuple[time, time] | None]] = [
            (every, None)
        ]
    else:
        try:
            entries = day_entries(days_text)
        except ValueError as error:
            row.problem("days", str(error))
            return None
    workdays: list[WorkDay] = []
    for weekdays, span in entries:
        for weekday in weekdays:
            day_start, day_end = span or (start, end)
            opening = calendar.hours_on(weekday)
            if (day_start is None or day_end is None) and opening is None:
                row.problem(
                    "days",
                    f"the team is closed on {weekday.short}, so its "
                    "working hours are unknown",
                    f"give Start and End, or write {weekday.short} "
                    "08:00-16:00 in Days",
                )
                return None
            day_start = day_start or (opening.open if opening else None)
            day_end = day_end or (opening.close if opening else None)
            try:
                workdays.append(
                    WorkDay(weekday=weekday, start=day_start, end=day_end)
                )
            except ValidationError as error:
                first = error.errors()[0]
                row.problem(
                    "days" if span else "end",
                    plain_pydantic_message(first, "working day"),
                )
                return None
    return tuple(workdays)


def day_entries(
    text: str,
) -> list[tuple[tuple[Weekday, ...], tuple[time, time] | None]]:
    """Split ``Mon-Thu 08:00-15:30, Fri 08:00-12:00`` into entries."""
    entries: list[tuple[tuple[Weekday, ...], tuple[time, time] | None]] = []
    for item in re.split(r"[,;\n]", text):
        item = item.strip()
        if not item:
            continue
        found = re.match(r"^(\D+?)\s*(\d.*)$", item)
        if found:
            days = parse_weekdays(found.group(1))
            entries.append((days, parse_time_range(found.group(2))))
        else:
            entries.append((parse_weekdays(item), None))
    return entries


def requirements(value: Any) -> tuple[SkillRequirement, ...]:
    return tuple(
        SkillRequirement(skill=skill, min_level=level, count=count)
        for skill, level, count in parse_requirements(value)
    )


def slot_record(row: Row) -> Slot | None:
    fields = {
        "start": row.required("start", parse_start_time),
        "end": row.required("end", parse_time),
        "weekdays": row.get("weekdays", parse_weekdays),
        "min_staff": row.required("min_staff", parse_int),
        "target_staff": row.get("target_staff", parse_int),
        "max_staff": row.get("max_staff", parse_int),
        "requirements": row.get("requirements", requirements),
        "unpopular": row.get("unpopular", parse_bool),
    }
    return build_record(
        row,
        Slot,
        fields,
        (
            ("ends", "end"),
            ("target staff", "target_staff"),
            ("maximum", "max_staff"),
            ("skill requirements", "requirements"),
            ("weekday", "weekdays"),
        ),
    )


def absence_record(row: Row) -> Absence | None:
    start = row.required("start", parse_date)
    end = row.get("end", parse_date)
    if start is not None and end is not None and end < start:
        # The column's usual fix ("write it like 08.01.2027") does not
        # help with two good dates in the wrong cells.
        row.problem(
            "end",
            f"the absence ends ({end:%d.%m.%Y}) before it starts "
            f"({start:%d.%m.%Y}): the two dates look swapped",
            f"swap them: {row.table.header('start')} {end:%d.%m.%Y}, "
            f"{row.table.header('end')} {start:%d.%m.%Y}",
        )
        return None
    fields = {
        "staff_id": row.required("staff_id", parse_text),
        "start": start,
        "end": start if end is None else end,
        "from_time": row.get("from_time", parse_start_time),
        "to_time": row.get("to_time", parse_time),
        "reason": row.get("reason", parse_reason),
    }
    return build_record(
        row,
        Absence,
        fields,
        (("window", "to_time"), ("part-day", "to_time"), ("ends", "end")),
    )


def preference_record(row: Row) -> Preference | None:
    fields = {
        "staff_id": row.required("staff_id", parse_text),
        "want": row.required("want", parse_want),
        "weekday": row.get("weekday", parse_weekday),
        "on": row.get("on", parse_date),
        "duty": row.text("duty"),
        "slot_start": row.get("slot_start", parse_start_time),
        "weight": row.get("weight", parse_int),
    }
    return build_record(row, Preference, fields, (("needs a", "weekday"),))


def history_record(row: Row) -> HistoryBalance | None:
    fields = {
        "staff_id": row.required("staff_id", parse_text),
        "duty": row.text("duty"),
        "hours": row.get("hours", parse_number),
        "unpopular_slots": row.get("unpopular_slots", parse_number),
    }
    return build_record(row, HistoryBalance, fields)


def case_record(row: Row) -> Case | None:
    fields = {
        "id": row.required("id", parse_text),
        "type": row.text("type"),
        "skill": row.text("skill"),
        "min_level": row.get("min_level", parse_int),
        "effort_hours": row.required("effort_hours", parse_number),
        "received": row.required("received", parse_date),
        "deadline": row.get("deadline", parse_date),
        "priority": row.get("priority", parse_priority),
        "owner": row.text("owner"),
        "status": row.get("status", parse_status),
        "group": row.text("group"),
        "pinned": row.get("pinned", parse_bool),
        "effort_by_staff": row.get("effort_by_staff", parse_number_map),
        "cost_by_staff": row.get("cost_by_staff", parse_number_map),
        **simple_fields(row),
    }
    return build_record(
        row,
        Case,
        fields,
        (
            ("deadline", "deadline"),
            ("may move is for", "may_move"),
            ("needs an owner", "owner"),
            ("both pinned", "may_move"),
            ("effort", "effort_by_staff"),
            ("fit cost", "cost_by_staff"),
        ),
    )

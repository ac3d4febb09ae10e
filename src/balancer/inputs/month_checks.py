"""Checks that depend on the month being planned.

The workbook can be valid in itself and still be wrong for a month: the
team might not be open on any day of it, or an absence typed with the
wrong year lies outside it. The first is a problem (nothing to plan); the
second is a warning, because absences of other months are legitimately
kept in the sheet. A slot outside the opening hours is a warning too
(:mod:`balancer.validate.opening`): it is staffed as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import Weekday
from balancer.errors import InputProblem

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from balancer.domain import Month
    from balancer.inputs.loaded import LoadedTeam

__all__ = ["MonthCheck", "check_month", "load_team_for_month"]


@dataclass(frozen=True)
class MonthCheck:
    """The outcome of :func:`check_month`.

    Attributes
    ----------
    problems
        Stop planning the month (e.g. the team is never open).
    warnings
        Worth a look, but the month can be planned; they change the
        plan (a slot short every week, a slot outside opening hours), so
        every command that plans the month shows them.
    opening_days
        Days the team is open in the month.
    elsewhere
        Absences and dated preferences outside the month: they do not
        affect its plan (``validate`` lists them, in case the year is
        wrong; a sheet kept for the whole year has many).
    """

    problems: tuple[InputProblem, ...]
    warnings: tuple[InputProblem, ...]
    opening_days: int
    elsewhere: tuple[InputProblem, ...] = ()


def check_month(loaded: LoadedTeam, month: Month) -> MonthCheck:
    """Check a read team against the month to plan.

    Rules: the team must be open on at least one day of the month
    (problem); a slot outside the opening hours is staffed as written
    (warning); an absence or dated preference entirely outside the month
    is reported (``elsewhere``), since it cannot affect this month's plan.
    """
    team, locator = loaded.team, loaded.locator
    problems: list[InputProblem] = []
    warnings: list[InputProblem] = []
    elsewhere: list[InputProblem] = []
    open_days = sum(1 for day in month.days() if team.calendar.is_open(day))
    if open_days == 0:
        problems.append(
            InputProblem(
                f"the team is not open on any day of {month}",
                sheet="Rules",
                fix="check the opening_hours_* settings and closed_dates, "
                "or choose another --month",
            )
        )
    for stops, found in _understaffed_slots(loaded, month):
        (problems if stops else warnings).append(found)
    warnings += _outside_opening_hours(loaded, month)
    for index, absence in enumerate(team.absences):
        if absence.end < month.first or absence.start > month.last:
            elsewhere.append(
                locator.problem(
                    "Absences",
                    index,
                    "start",
                    f"the absence {absence.start:%d.%m.%Y}-"
                    f"{absence.end:%d.%m.%Y} is outside {month}, so it "
                    "does not affect this plan",
                    "check the year if it was meant for this month",
                )
            )
    for index, preference in enumerate(team.preferences):
        day = preference.on
        if day is not None and not month.first <= day <= month.last:
            elsewhere.append(
                locator.problem(
                    "Preferences",
                    index,
                    "on",
                    f"the date {day:%d.%m.%Y} is outside {month}, so the "
                    "preference does not affect this plan",
                    "check the year if it was meant for this month",
                )
            )
    return MonthCheck(
        tuple(problems), tuple(warnings), open_days, tuple(elsewhere)
    )


def _outside_opening_hours(
    loaded: LoadedTeam, month: Month
) -> Iterator[InputProblem]:
    """Slots outside the opening hours on a weekday open in the month."""
    from balancer.validate.opening import slots_outside_opening_hours

    team = loaded.team
    open_weekdays = {
        day.weekday() for day in month.days() if team.calendar.is_open(day)
    }
    for found in slots_outside_opening_hours(team):
        days = [(w, h) for w, h in found.days if w in open_weekdays]
        if not days:
            continue
        hours = ", ".join(
            f"{w.short} {h.open:%H:%M}-{h.close:%H:%M}" for w, h in days
        )
        settings = ", ".join(
            f"opening_hours_{w.short.lower()}" for w, _ in days
        )
        early = any(found.slot.start < h.open for _, h in days)
        yield loaded.locator.problem(
            "Duties",
            found.duty_index,
            "start" if early else "end",
            f"{found.duty_id} {found.slot.label} runs outside the opening "
            f"hours ({hours}); balancer staffs it as written, with people "
            "whose own working hours cover it",
            "fit the slot into the opening hours on those days (a row of "
            f"its own), or change {settings} on the Rules sheet",
            slot=found.slot_index,
        )


def _understaffed_slots(
    loaded: LoadedTeam, month: Month
) -> Iterator[tuple[bool, InputProblem]]:
    """Slots whose minimum exceeds who could ever take them.

    Rules: a slot's Min above the number of people allowed the duty can
    never be met (a problem, ``True``); Min above those who work one of
    the slot's weekdays leaves that weekday short every week (a warning,
    ``False``: the rota is still made, with the shortfall explained).
    Absences are not counted here; the solver reports those days.
    """
    team = loaded.team
    open_weekdays = {
        day.weekday() for day in month.days() if team.calendar.is_open(day)
    }
    for index, duty in enumerate(team.duties):
        allowed = [p for p in team.staff if p.may_take(duty.id)]
        for slot in duty.slots:
            if slot.min_staff > len(allowed):
                yield (
                    True,
                    loaded.locator.problem(
                        "Duties",
                        index,
                        "min_staff",
                        f"{duty.id} {slot.label} needs {slot.min_staff} "
                        f"people, but only {len(allowed)} in the team may "
                        f"take {duty.id}",
                        "lower Min, or allow more people the duty in the "
                        "Staff sheet's Duties column",
                    ),
                )
                continue
            for weekday in sorted(set(slot.weekdays) & open_weekdays):
                able = [
                    p
                    for p in allowed
                    if not p.pattern
                    or any(w.weekday == weekday for w in p.pattern)
                ]
                if slot.min_staff > len(able):
                    yield (
                        False,
                        loaded.locator.problem(
                            "Duties",
                            index,
                            "min_staff",
                            f"{duty.id} {slot.label} needs {slot.min_staff} "
                            f"on {Weekday(weekday).short}, but only "
                            f"{len(able)} who may take {duty.id} work then",
                            "lower Min, or allow more people the duty; the "
                            "rota will show the shortfall",
                        ),
                    )
                    break


def load_team_for_month(path: str | Path, month: Month) -> LoadedTeam:
    """Read a team and check it against ``month``; bad input raises.

    Raises
    ------
    balancer.errors.InputError
        With every problem in the file, or every month check that stops
        the month from being planned.
    """
    from balancer.errors import InputError
    from balancer.inputs.loaded import load_team

    loaded = load_team(path)
    checked = check_month(loaded, month)
    if checked.problems:
        raise InputError(list(checked.problems), source=str(path))
    return loaded

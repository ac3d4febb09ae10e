"""Checks that depend on the month being planned.

The workbook can be valid in itself and still be wrong for a month: the
team might not be open on any day of it, or an absence typed with the
wrong year lies outside it. The first is a problem (nothing to plan); the
second is a warning, because absences of other months are legitimately
kept in the sheet.
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
        Worth a look, but the month can be planned.
    opening_days
        Days the team is open in the month.
    """

    problems: tuple[InputProblem, ...]
    warnings: tuple[InputProblem, ...]
    opening_days: int


def check_month(loaded: LoadedTeam, month: Month) -> MonthCheck:
    """Check a read team against the month to plan.

    Rules: the team must be open on at least one day of the month
    (problem); an absence or dated preference entirely outside the month
    is reported (warning), since it cannot affect this month's plan.
    """
    team, locator = loaded.team, loaded.locator
    problems: list[InputProblem] = []
    warnings: list[InputProblem] = []
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
    for index, absence in enumerate(team.absences):
        if absence.end < month.first or absence.start > month.last:
            warnings.append(
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
            warnings.append(
                locator.problem(
                    "Preferences",
                    index,
                    "on",
                    f"the date {day:%d.%m.%Y} is outside {month}, so the "
                    "preference does not affect this plan",
                    "check the year if it was meant for this month",
                )
            )
    return MonthCheck(tuple(problems), tuple(warnings), open_days)


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

"""The rota's decision variables, behind query methods.

One Boolean per *eligible* (person, day, duty, slot): the person may take
the duty, works then, isn't absent, and the team is open (see
:mod:`.eligibility`). Every other combination has no variable at all, so
the rules of eligibility cannot be broken and the model stays small.

Integer indices never leave this module: callers speak in staff ids,
dates, duty ids and slot positions, or in :class:`SlotInstance` objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.domain import minutes
from balancer.result import DutyAssignment
from balancer.solvers.rota.eligibility import unavailability
from balancer.solvers.rota.limits import limit

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from balancer.domain import Month, Slot, Team

__all__ = ["RotaVariables", "SlotInstance"]


@dataclass(frozen=True)
class SlotInstance:
    """A duty slot on one date: the unit staffing demands apply to."""

    day: date
    duty_id: str
    slot_index: int
    slot: Slot

    @property
    def key(self) -> tuple[date, str, int]:
        """(day, duty id, slot position): unique within a month."""
        return (self.day, self.duty_id, self.slot_index)

    @cached_property
    def start(self) -> int:
        """Start in minutes since midnight."""
        return minutes(self.slot.start)

    @cached_property
    def end(self) -> int:
        """End in minutes since midnight."""
        return minutes(self.slot.end)

    @property
    def length(self) -> int:
        """Length in minutes."""
        return self.end - self.start

    @property
    def label(self) -> str:
        """As planners read it, e.g. ``Tue 4 May 10:00-12:00 phone``."""
        return f"{self.day:%a} {self.day.day} {self.day:%b} " + (
            f"{self.slot.label} {self.duty_id}"
        )

    def overlaps(self, other: SlotInstance) -> bool:
        """True when both run at the same moment on the same day."""
        return (
            self.day == other.day
            and self.start < other.end
            and other.start < self.end
        )


Choice = tuple[SlotInstance, cp_model.IntVar]


class RotaVariables:
    """Who stands on which slot instance, as CP-SAT Booleans.

    Parameters
    ----------
    model
        The model the variables are created in.
    team, month
        What is planned.
    """

    def __init__(
        self, model: cp_model.CpModel, team: Team, month: Month
    ) -> None:
        self.model = model
        self.team = team
        self.month = month
        self.open_days: tuple[date, ...] = tuple(
            d for d in month.days() if team.calendar.is_open(d)
        )
        instances = [
            SlotInstance(day, duty.id, k, slot)
            for day in self.open_days
            for duty in team.duties
            for k, slot in enumerate(duty.slots)
            if slot.runs_on(day.weekday())
        ]
        instances.sort(key=lambda i: (i.day, i.start, i.duty_id))
        self._instances = tuple(instances)
        self._x: dict[tuple[str, tuple[date, str, int]], cp_model.IntVar] = {}
        self._on: dict[
            tuple[date, str, int], list[tuple[str, cp_model.IntVar]]
        ]
        self._on = defaultdict(list)
        self._day: dict[tuple[str, date], list[Choice]] = defaultdict(list)
        self._all: dict[str, list[Choice]] = defaultdict(list)
        self._duty_day: dict[tuple[str, date], cp_model.IntVar] = {}
        for inst in self._instances:
            for person in team.staff:
                if unavailability(
                    team, person, inst.day, inst.duty_id, inst.slot
                ):
                    continue
                var = model.new_bool_var(
                    f"{person.id}@{inst.day}/{inst.duty_id}/{inst.slot.label}"
                )
                self._x[person.id, inst.key] = var
                self._on[inst.key].append((person.id, var))
                self._day[person.id, inst.day].append((inst, var))
                self._all[person.id].append((inst, var))

    # -- queries ----------------------------------------------------------

    def instances(self) -> tuple[SlotInstance, ...]:
        """Every slot instance of the month, by day and start time."""
        return self._instances

    def __len__(self) -> int:
        return len(self._x)

    def staff_on(
        self, instance: SlotInstance
    ) -> list[tuple[str, cp_model.IntVar]]:
        """(staff id, variable) of everyone who could stand on it."""
        return self._on.get(instance.key, [])

    def day_of(self, staff_id: str, day: date) -> list[Choice]:
        """The slot instances a person could take on a day, by start."""
        return self._day.get((staff_id, day), [])

    def choices(self, staff_id: str) -> list[Choice]:
        """Every slot instance a person could take this month."""
        return self._all.get(staff_id, [])

    def indices(self) -> list[tuple[tuple[str, tuple[date, str, int]], int]]:
        """((staff id, slot instance key), proto index) of every choice.

        For copies of the model (:meth:`CpModel.clone` keeps indices).
        """
        return [(key, var.index) for key, var in self._x.items()]

    def works(
        self, staff_id: str, day: date, duty_id: str, slot_index: int
    ) -> cp_model.IntVar | None:
        """The variable for one choice; None when it is not eligible."""
        return self._x.get((staff_id, (day, duty_id, slot_index)))

    def load(
        self,
        staff_id: str,
        duty_id: str | None = None,
        *,
        unpopular_only: bool = False,
        step: int = 1,
    ) -> cp_model.LinearExpr:
        """Duty a person gets (of one duty, if given), in ``step`` minutes.

        ``step`` must divide every slot's length. With ``unpopular_only``
        it is the *number* of unpopular slots.
        """
        if unpopular_only:
            picked = [
                var
                for inst, var in self.choices(staff_id)
                if inst.slot.unpopular
            ]
            return cp_model.LinearExpr.sum(picked)
        picked_choices = [
            (inst, var)
            for inst, var in self.choices(staff_id)
            if duty_id is None or inst.duty_id == duty_id
        ]
        return cp_model.LinearExpr.weighted_sum(
            [var for _, var in picked_choices],
            [inst.length // step for inst, _ in picked_choices],
        )

    def weeks(self) -> list[tuple[date, ...]]:
        """The month's open days grouped by calendar week (Mon-Sun)."""
        grouped: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in self.open_days:
            iso = day.isocalendar()
            grouped[iso.year, iso.week].append(day)
        return [tuple(days) for _, days in sorted(grouped.items())]

    def duty_day(self, staff_id: str, day: date) -> cp_model.IntVar | None:
        """A Boolean: the person has any duty on ``day``.

        None when they cannot have duty that day at all. Made once per
        (person, day) and shared by every rule that counts duty days.
        """
        choices = self.day_of(staff_id, day)
        if not choices:
            return None
        key = (staff_id, day)
        if key not in self._duty_day:
            xs = [var for _, var in choices]
            person = self.team.staff_by_id[staff_id]
            most = limit(self.team, person, "max_slots_per_day")
            if len(xs) == 1:
                flag = xs[0]
            else:
                flag = self.model.new_bool_var(f"on_duty:{staff_id}@{day}")
                if most == 1:
                    # One slot a day at most anyway: the sum is the flag,
                    # which gives the LP relaxation more to work with.
                    self.model.add(flag == sum(xs))
                else:
                    self.model.add_max_equality(flag, xs)
            self._duty_day[key] = flag
        return self._duty_day[key]

    def period_days(self) -> tuple[date, ...]:
        """Every day of the planning period, open or not, in order."""
        return tuple(self.month.days())

    # -- changing and reading ---------------------------------------------

    def fix(
        self,
        staff_id: str,
        day: date,
        duty_id: str,
        slot_index: int,
        value: bool = True,
    ) -> None:
        """Force a person on (or off) a slot instance.

        Forcing someone onto a choice that has no variable (they aren't
        eligible) makes the model infeasible, as the rule demands.
        """
        var = self.works(staff_id, day, duty_id, slot_index)
        if var is not None:
            self.model.add(var == int(value))
        elif value:
            never = self.model.new_bool_var(
                f"ineligible:{staff_id}@{day}/{duty_id}/{slot_index}"
            )
            self.model.add(never == 1)
            self.model.add(never == 0)

    def pin(self, assignments: Iterable[DutyAssignment]) -> None:
        """Force exactly this rota: these choices on, every other off."""
        on = {
            (a.staff_id, a.day, a.duty_id, a.slot_index) for a in assignments
        }
        for staff_id, day, duty_id, slot_index in sorted(on):
            self.fix(staff_id, day, duty_id, slot_index, True)
        for (staff_id, key), var in self._x.items():
            if (staff_id, *key) not in on:
                self.model.add(var == 0)

    def hint(self, assignments: Iterable[DutyAssignment]) -> None:
        """Suggest a starting rota: these on, every other choice off."""
        on = {
            (a.staff_id, (a.day, a.duty_id, a.slot_index)) for a in assignments
        }
        for key, var in self._x.items():
            self.model.add_hint(var, key in on)

    def extract(self, solver: cp_model.CpSolver) -> tuple[DutyAssignment, ...]:
        """The rota in the solver's current solution."""
        return tuple(
            DutyAssignment(
                staff_id=staff_id,
                day=key[0],
                duty_id=key[1],
                slot_index=key[2],
            )
            for (staff_id, key), var in self._x.items()
            if solver.boolean_value(var)
        )

"""The team: every record the engines read, and the checks across records."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, time
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Self

from pydantic import Field, ValidationError, model_validator

from balancer.domain.base import FrozenModel
from balancer.domain.cases import Case
from balancer.domain.clock import minutes
from balancer.domain.duties import Duty
from balancer.domain.opening import CalendarSettings
from balancer.domain.policy import (
    DutyRequest,
    HistoryBalance,
    Preference,
    Rules,
    Weights,
)
from balancer.domain.staff import Absence, Staff

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Problem", "Team", "TeamValidationError"]


class Problem(FrozenModel):
    """One problem found in the input, in the planner's words.

    ``where`` names the record (e.g. ``Absences`` and the record's position)
    so a reader can map it back to a sheet, row and column.
    """

    sheet: str = Field(description="Sheet (record kind) the problem is in.")
    index: int | None = Field(
        default=None, description="0-based position of the record."
    )
    field: str | None = Field(
        default=None, description="Field name, if one field is at fault."
    )
    message: str = Field(description="What is wrong and how to fix it.")


class TeamValidationError(ValueError):
    """The team's records contradict each other; lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(
            f"- {p.sheet}"
            + (f" #{p.index + 1}" if p.index is not None else "")
            + (f" {p.field}" if p.field else "")
            + f": {p.message}"
            for p in problems
        )
        super().__init__(f"{len(problems)} problem(s) in the team:\n{lines}")


class Team(FrozenModel):
    """Everything the engines know about a team.

    Cross-record rules checked here: unique ids (ignoring case and spaces),
    known staff in absences, preferences, history and cases, known duties in
    staff and preferences, and every slot's required skill held by someone
    who may take the duty. A case whose skill nobody holds at its level is
    a warning (:meth:`warnings`), not a problem: it waits on the shelf.
    """

    staff: tuple[Staff, ...] = Field(
        min_length=1, description="The people on the team."
    )
    duties: tuple[Duty, ...] = Field(
        default=(), description="Duties to staff (phone, mail, ...)."
    )
    absences: tuple[Absence, ...] = Field(
        default=(), description="Planned and known absences."
    )
    rules: Rules = Field(
        default_factory=Rules, description="The team's limits."
    )
    weights: Weights = Field(
        default_factory=Weights, description="Soft-goal weights."
    )
    calendar: CalendarSettings = Field(
        default_factory=CalendarSettings,
        description="Opening hours, holidays, closed days.",
    )
    preferences: tuple[Preference, ...] = Field(
        default=(), description="Wants and avoids."
    )
    requests: tuple[DutyRequest, ...] = Field(
        default=(), description="Requests to be on or off a duty on a date."
    )
    history: tuple[HistoryBalance, ...] = Field(
        default=(), description="Balances carried from earlier months."
    )
    cases: tuple[Case, ...] = Field(
        default=(), description="The open case backlog."
    )

    @model_validator(mode="after")
    def _cross_checks(self) -> Self:
        problems = list(self.problems())
        if problems:
            raise TeamValidationError(problems)
        return self

    @classmethod
    def checked(cls, **fields: Any) -> Team:
        """Build a team; raise :class:`TeamValidationError` on conflicts.

        Unlike the constructor, which wraps cross-record problems in a
        pydantic ``ValidationError``, this raises the list of problems
        itself so readers can map them to sheets and rows.
        """
        try:
            return cls(**fields)
        except ValidationError as error:
            for detail in error.errors():
                cause = detail.get("ctx", {}).get("error")
                if isinstance(cause, TeamValidationError):
                    raise cause from None
            raise

    # -- lookups ----------------------------------------------------------

    @cached_property
    def staff_by_id(self) -> dict[str, Staff]:
        """Staff keyed by id."""
        return {person.id: person for person in self.staff}

    @cached_property
    def duty_by_id(self) -> dict[str, Duty]:
        """Duties keyed by id."""
        return {duty.id: duty for duty in self.duties}

    def contract_hours(self, person: Staff) -> float:
        """Contracted hours per week of a person."""
        if person.weekly_hours is not None:
            return person.weekly_hours
        assert person.fte is not None  # guaranteed by Staff validation
        return person.fte * self.rules.full_time_hours

    def working_hours(self, person: Staff, day: date) -> tuple[time, time]:
        """When a person works on ``day``, ignoring absences.

        Returns ``(start, end)``; start == end when they don't work that
        day. Without an explicit pattern a person works the team's opening
        hours on every open day.
        """
        opening = self.calendar.hours_on(day.weekday())
        if not self.calendar.is_open(day) or opening is None:
            return time(0), time(0)
        if not person.pattern:
            return opening.open, opening.close
        workday = person.workday(day.weekday())
        if workday is None:
            return time(0), time(0)
        return workday.start, workday.end

    def absences_of(self, staff_id: str) -> tuple[Absence, ...]:
        """A person's absences."""
        return self._absences_by_staff.get(staff_id, ())

    def absences_on(self, staff_id: str, day: date) -> tuple[Absence, ...]:
        """A person's absences that cover ``day`` (whole or part).

        Found by bisection in the person's absences sorted by start, so
        the cost depends neither on how long an absence is nor on how
        many a person has: expanding absences day by day made one from
        2001 to 9999 cost 1.2 GB, and 31.12.9999 overflowed.
        """
        index = self._absence_index.get(staff_id)
        if index is None:
            return ()
        starts, reach, rows = index
        found: list[Absence] = []
        at = bisect_right(starts, day) - 1
        # reach[k] is the latest end among rows[:k + 1]: once it falls
        # before the day, no earlier absence covers the day.
        while at >= 0 and reach[at] >= day:
            if rows[at].end >= day:
                found.append(rows[at])
            at -= 1
        return tuple(reversed(found))

    @cached_property
    def _absence_index(
        self,
    ) -> dict[str, tuple[list[date], list[date], list[Absence]]]:
        """Staff id -> starts, running latest ends, absences by start.

        A long horizon with many single days off (a year's roster) made
        every eligibility check scan all of a person's absences.
        """
        index: dict[str, tuple[list[date], list[date], list[Absence]]] = {}
        for staff_id, rows in self._absences_by_staff.items():
            ordered = sorted(rows, key=lambda absence: absence.start)
            reach = list(accumulate((a.end for a in ordered), max))
            index[staff_id] = ([a.start for a in ordered], reach, ordered)
        return index

    @cached_property
    def _absences_by_staff(self) -> dict[str, tuple[Absence, ...]]:
        """Staff id -> their absences, built once (models are frozen)."""
        found: dict[str, list[Absence]] = {}
        for absence in self.absences:
            found.setdefault(absence.staff_id, []).append(absence)
        return {staff_id: tuple(rows) for staff_id, rows in found.items()}

    def available_hours(self, person: Staff, day: date) -> float:
        """Hours a person is at work on ``day``: pattern minus absences.

        Scaled to the contract: someone on 30 h a week with the default
        pattern counts 30/37 of each opening day.
        """
        start, end = self.working_hours(person, day)
        span = minutes(end) - minutes(start)
        if span <= 0:
            return 0.0
        lost = 0
        for absence in self.absences_on(person.id, day):
            if absence.whole_day:
                return 0.0
            assert absence.from_time and absence.to_time
            overlap = min(minutes(end), minutes(absence.to_time)) - max(
                minutes(start), minutes(absence.from_time)
            )
            lost += max(0, overlap)
        worked = max(0, span - lost) / 60
        if person.pattern:
            return worked
        return worked * min(
            1.0, self.contract_hours(person) / self.rules.full_time_hours
        )

    # -- cross-record checks ---------------------------------------------

    def problems(self) -> Iterator[Problem]:
        """Every cross-record problem, in sheet order."""
        yield from _duplicate_ids("Staff", [s.id for s in self.staff])
        yield from _duplicate_ids("Duties", [d.id for d in self.duties])
        yield from _duplicate_ids("Cases", [c.id for c in self.cases])
        known_staff = {s.id for s in self.staff}
        known_duties = {d.id for d in self.duties}
        for i, person in enumerate(self.staff):
            for duty in person.duties or ():
                if duty not in known_duties:
                    yield Problem(
                        sheet="Staff",
                        index=i,
                        field="duties",
                        message=f"unknown duty {duty!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        yield from self._slot_skill_problems()
        yield from self._duty_reference_problems(known_duties)
        for sheet, records in (
            ("Absences", self.absences),
            ("Preferences", self.preferences),
            ("History", self.history),
            ("Requests", self.requests),
        ):
            for i, record in enumerate(records):
                staff_id = getattr(record, "staff_id", None)
                if staff_id not in known_staff:
                    yield _unknown_staff(sheet, i, "staff_id", staff_id)
        for i, pref in enumerate(self.preferences):
            if pref.duty is not None and pref.duty not in known_duties:
                yield Problem(
                    sheet="Preferences",
                    index=i,
                    field="duty",
                    message=f"unknown duty {pref.duty!r}",
                )
        for i, balance in enumerate(self.history):
            if balance.duty is not None and balance.duty not in known_duties:
                yield Problem(
                    sheet="History",
                    index=i,
                    field="duty",
                    message=f"unknown duty {balance.duty!r}",
                )
        yield from self._case_problems(known_staff)

    def warnings(self) -> Iterator[Problem]:
        """Things worth a planner's eye that do not stop planning.

        A case whose skill nobody on the team has at its level: it waits
        on the shelf (nobody on the team can take it), and everything
        else is planned as usual.
        """
        for i, case in enumerate(self.cases):
            if case.skill is not None and not any(
                p.casework and p.level(case.skill) >= case.min_level
                for p in self.staff
            ):
                yield Problem(
                    sheet="Cases",
                    index=i,
                    field="skill",
                    message=f"nobody on the team can take case {case.id}: "
                    f"nobody who does casework has skill {case.skill!r} at "
                    f"level >= {case.min_level}; it waits on the shelf. Add "
                    "the skill in Staff or lower the level",
                )

    def _duty_reference_problems(
        self, known_duties: set[str]
    ) -> Iterator[Problem]:
        """Duty ids named by limits, successions and requests exist."""
        for i, person in enumerate(self.staff):
            for named in person.max_slots_by_duty:
                if named not in known_duties:
                    yield Problem(
                        sheet="Staff",
                        index=i,
                        field="max_slots_by_duty",
                        message=f"unknown duty {named!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        for d, duty in enumerate(self.duties):
            for follower in duty.not_followed_by:
                if follower not in known_duties:
                    yield Problem(
                        sheet="Duties",
                        index=d,
                        field="not_followed_by",
                        message=f"unknown duty {follower!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        for i, request in enumerate(self.requests):
            if request.duty not in known_duties:
                yield Problem(
                    sheet="Requests",
                    index=i,
                    field="duty",
                    message=f"unknown duty {request.duty!r}",
                )

    def _slot_skill_problems(self) -> Iterator[Problem]:
        for d, duty in enumerate(self.duties):
            eligible = [p for p in self.staff if p.may_take(duty.id)]
            for slot in duty.slots:
                for need in slot.requirements:
                    holders = [
                        p
                        for p in eligible
                        if p.level(need.skill) >= need.min_level
                    ]
                    if len(holders) < need.count:
                        yield Problem(
                            sheet="Duties",
                            index=d,
                            field="requirements",
                            message=f"{duty.id} {slot.label} needs "
                            f"{need.count} with {need.skill} level "
                            f">= {need.min_level}, but only "
                            f"{len(holders)} who may take {duty.id} "
                            "have it; add the skill in Staff or lower the "
                            "requirement",
                        )

    def _case_problems(self, known_staff: set[str]) -> Iterator[Problem]:
        for i, case in enumerate(self.cases):
            if case.owner is not None and case.owner not in known_staff:
                yield _unknown_staff("Cases", i, "owner", case.owner)
            for staff_id in (*case.effort_by_staff, *case.cost_by_staff):
                if staff_id not in known_staff:
                    yield _unknown_staff(
                        "Cases", i, "effort_by_staff", staff_id
                    )


def _listing(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "(none)"


def _unknown_staff(
    sheet: str, index: int, field: str, staff_id: Any
) -> Problem:
    return Problem(
        sheet=sheet,
        index=index,
        field=field,
        message=f"unknown staff id {staff_id!r}; use an id from the Staff "
        "sheet",
    )


def _duplicate_ids(sheet: str, ids: list[str]) -> Iterator[Problem]:
    """Ids must be unique, also ignoring case and surrounding spaces."""
    first_seen: dict[str, int] = {}
    for i, raw in enumerate(ids):
        key = raw.strip().casefold()
        if key in first_seen:
            earlier = ids[first_seen[key]]
            same = "the same id" if earlier == raw else f"{earlier!r}"
            yield Problem(
                sheet=sheet,
                index=i,
                field="id",
                message=f"id {raw!r} is already used by record "
                f"#{first_seen[key] + 1} ({same}); ids must be unique, "
                "ignoring case and spaces",
            )
        else:
            first_seen[key] = i

"""Fairness statements: one line per person, in plain words, for the team.

The Fairness sheet holds the numbers; a statement says what they mean to
the person reading it, e.g.

    Ann Arbor: 14 h of duty in January (phone 14 h); fair share 13.5 h
    (80 % contract, 3 days of vacation, 118 h at work); 0.5 h over the
    share, carried to February (less duty then).

A fair share follows from the month's planned duty hours split in
proportion to the hours each person is at work (contract, working days,
absences), less the balance carried in from earlier months
(:mod:`balancer.solvers.rota.shares`). A statement names each of those
drivers, so a person can check their own share without the workbook. The
opening line gives the team's totals, the common driver of every share.

Pure functions from the team, month and rota result to text; the rota
workbook's Statements sheet and ``balancer statements`` print them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import AbsenceReason, Weekday, minutes
from balancer.outputs.rota_frames import slot_instances
from balancer.outputs.words import month_name

if TYPE_CHECKING:
    from balancer.domain import Month, Staff, Team
    from balancer.result import RotaResult, StaffDutySummary

__all__ = [
    "Statement",
    "Statements",
    "absence_words",
    "fairness_statements",
    "hours_text",
]

#: Below this many hours a balance counts as nothing (rounding noise).
_NOTHING = 0.005

_AWAY_WORDS: dict[AbsenceReason, str] = {
    AbsenceReason.VACATION: "of vacation",
    AbsenceReason.SICK: "off sick",
    AbsenceReason.COURSE: "on a course",
    AbsenceReason.OTHER: "away",
}


@dataclass(frozen=True)
class Statement:
    """One person's statement: who, and the line to show them."""

    staff_id: str
    name: str
    text: str


@dataclass(frozen=True)
class Statements:
    """The team's line (totals) and one statement per person."""

    intro: str
    people: tuple[Statement, ...]

    def lines(self) -> list[str]:
        """The intro, then each person's statement, as plain lines."""
        return [self.intro, *(p.text for p in self.people)]


def hours_text(hours: float) -> str:
    """Hours as people write them: ``14``, ``13.5``, ``2.25`` (no ``-0``)."""
    value = round(hours, 2) + 0.0
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def fairness_statements(
    team: Team, month: Month, result: RotaResult
) -> Statements:
    """One plain-words statement per person with a rota summary.

    Each names the person's duty hours (per duty when they take more
    than one), their fair share and what drives it (contract percentage
    and working days, days and hours away, hours at work, the balance
    carried in), and the balance carried to next month. People without a
    summary in ``result`` (no rota) get no statement.
    """
    summaries = {s.staff_id: s for s in result.staff}
    people = []
    for person in team.staff:
        summary = summaries.get(person.id)
        if summary is None:
            continue
        name = person.name or person.id
        text = f"{name}: " + _statement(team, month, person, summary)
        people.append(Statement(person.id, name, text))
    return Statements(_intro(team, month, result), tuple(people))


def _intro(team: Team, month: Month, result: RotaResult) -> str:
    planned: dict[str, float] = defaultdict(float)
    for _, duty_id, index in slot_instances(team, month):
        slot = team.duty_by_id[duty_id].slots[index]
        planned[duty_id] += slot.target * slot.hours
    total = sum(planned.values())
    per_duty = ", ".join(
        f"{duty.id} {hours_text(planned[duty.id])} h"
        for duty in team.duties
        if planned[duty.id] > 0
    )
    takers = [
        s.available_hours
        for s in result.staff
        if s.staff_id in team.staff_by_id
        and _takes_duty(team, team.staff_by_id[s.staff_id])
    ]
    at_work = sum(takers)
    text = (
        f"{month_name(month)}: {hours_text(total)} h of duty planned"
        + (f" ({per_duty})" if len(planned) > 1 and per_duty else "")
        + ", shared in proportion to the hours each person is at work "
        f"({hours_text(at_work)} h for the {len(takers)} who take duty), "
        "less what each carries in from earlier months."
    )
    return text


def _takes_duty(team: Team, person: Staff) -> bool:
    return any(person.may_take(duty.id) for duty in team.duties)


def _statement(
    team: Team, month: Month, person: Staff, summary: StaffDutySummary
) -> str:
    following = month_name(month.next()).split()[0]
    this = month_name(month).split()[0]
    if not _takes_duty(team, person):
        return f"takes no duty, so no fair share in {this}."
    done = _done(team, summary, this)
    drivers = [_contract(team, person), *absence_words(team, month, person)]
    drivers.append(f"{hours_text(summary.available_hours)} h at work")
    carried_in = _carried_in(team, person.id)
    if carried_in > _NOTHING:
        drivers.append(f"less {hours_text(carried_in)} h carried in")
    elif carried_in < -_NOTHING:
        drivers.append(f"plus {hours_text(-carried_in)} h owed from before")
    text = (
        f"{done}; fair share {hours_text(summary.fair_share_hours)} h "
        f"({', '.join(drivers)})"
    )
    by_duty = _by_duty(team, summary)
    if by_duty:
        text += f", by duty {by_duty}"
    balance = summary.deviation_hours
    carried = f"carried to {following}"
    if balance > _NOTHING:
        text += (
            f"; {hours_text(balance)} h over the share, {carried} "
            "(less duty then)."
        )
    elif balance < -_NOTHING:
        text += (
            f"; {hours_text(-balance)} h under the share, {carried} "
            "(more duty then)."
        )
    else:
        text += f"; right on the share, nothing carried to {following}."
    return text


def _done(team: Team, summary: StaffDutySummary, this: str) -> str:
    if summary.assigned_hours < _NOTHING:
        return f"no duty in {this}"
    parts = [
        f"{duty.id} {hours_text(summary.hours_by_duty[duty.id])} h"
        for duty in team.duties
        if summary.hours_by_duty.get(duty.id, 0) > _NOTHING
    ]
    total = hours_text(summary.assigned_hours)
    listed = f" ({', '.join(parts)})" if parts else ""
    return f"{total} h of duty in {this}{listed}"


def _by_duty(team: Team, summary: StaffDutySummary) -> str:
    """``phone 4 h (+1 h carried), mail 3 h (even)`` for 2+ duties.

    Each duty's fair share and that duty's balance carried out (its
    hours less its share), as the new History's per-duty rows hold it.
    """
    shares = [
        duty.id
        for duty in team.duties
        if duty.id in summary.fair_share_by_duty
    ]
    if len(shares) < 2:
        return ""
    parts = []
    for duty_id in shares:
        share = summary.fair_share_by_duty[duty_id]
        balance = summary.hours_by_duty.get(duty_id, 0.0) - share
        if abs(balance) < _NOTHING:
            carried = "even"
        else:
            sign = "+" if balance > 0 else "-"
            carried = f"{sign}{hours_text(abs(balance))} h carried"
        parts.append(f"{duty_id} {hours_text(share)} h ({carried})")
    return ", ".join(parts)


def _contract(team: Team, person: Staff) -> str:
    share = 100 * team.contract_hours(person) / team.rules.full_time_hours
    text = f"{share:.0f} % contract"
    if person.pattern:
        days = [Weekday(day.weekday) for day in person.pattern]
        text += f", works {_weekday_list(days)}"
    return text


def _weekday_list(days: list[Weekday]) -> str:
    """``Mon-Wed`` for a run of weekdays, else ``Mon, Wed, Fri``."""
    values = [int(day) for day in days]
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{days[0].short}-{days[-1].short}"
    return ", ".join(day.short for day in days)


def absence_words(team: Team, month: Month, person: Staff) -> list[str]:
    """The person's absences on their working days, e.g. ``3 days of
    vacation`` or ``2 h off sick``; ``no days away`` when none.

    Only open days the person would work count, so a vacation over a
    weekend or a holiday counts the working days it takes. A whole-day
    absence counts once a day; part-day absences count their hours within
    the working day.
    """
    days: dict[AbsenceReason, int] = defaultdict(int)
    hours: dict[AbsenceReason, float] = defaultdict(float)
    absences = team.absences_of(person.id)
    for day in month.days():
        start, end = team.working_hours(person, day)
        if minutes(end) <= minutes(start):
            continue
        on = [a for a in absences if a.covers(day)]
        whole = next((a for a in on if a.whole_day), None)
        if whole is not None:
            days[whole.reason] += 1
            continue
        for absence in on:
            assert absence.from_time is not None
            assert absence.to_time is not None
            overlap = min(minutes(end), minutes(absence.to_time)) - max(
                minutes(start), minutes(absence.from_time)
            )
            hours[absence.reason] += max(0, overlap) / 60
    words = []
    for reason in AbsenceReason:
        if days[reason]:
            count = days[reason]
            unit = "day" if count == 1 else "days"
            words.append(f"{count} {unit} {_AWAY_WORDS[reason]}")
        if hours[reason] > _NOTHING:
            spent = hours_text(hours[reason])
            words.append(f"{spent} h {_AWAY_WORDS[reason]}")
    return words or ["no days away"]


def _carried_in(team: Team, staff_id: str) -> float:
    """Every History row of the person, as the fair share deducts it."""
    return sum(row.hours for row in team.history if row.staff_id == staff_id)

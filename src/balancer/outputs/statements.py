"""Fairness statements: one line per person, in plain words, for the team.

The Fairness sheet holds the numbers; a statement says what they mean to
the person reading it, e.g.

    Ann Arbor: 14 h of duty in January (phone 8 h, mail 6 h); fair share
    13.5 h (80 % contract, 3 days of vacation, 118 h at work); carried in
    from December: +1.5 h; by duty phone 7.25 h, mail 6.25 h. 0.5 h over
    the share. Carried out to February: +0.5 h (phone +0.75 h, mail
    -0.25 h) (less duty then).

Every figure comes from the month's account (``RotaResult.staff``, see
:mod:`balancer.solvers.rota.account`): what was carried in is what last
month's History carried out, to the minute, and what is carried out is
what this month's History holds. A statement names each driver of the
share, what no rota can give back (unavoidable, not carried) and the
person's part of a staffing shortfall (not carried either), and always
says whether a balance is carried *in* or *out*. English and Danish say
the same, with the same numbers.

Pure functions from the team, month and rota result to text; the rota
workbook's Statements sheet and ``balancer statements`` print them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import AbsenceReason, Weekday, minutes
from balancer.language import Words

if TYPE_CHECKING:
    from balancer.domain import Month, Staff, Team
    from balancer.language import Language
    from balancer.result import RotaResult, StaffDutySummary

__all__ = [
    "Statement",
    "Statements",
    "absence_words",
    "fairness_statements",
]

#: Below this many hours a figure counts as nothing (under a minute).
NOTHING = 0.5 / 60


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


def fairness_statements(
    team: Team, month: Month, result: RotaResult, lang: Language = "en"
) -> Statements:
    """One plain-words statement per person with a rota summary.

    People without a summary in ``result`` (no rota) get no statement.
    """
    words = Words(lang)
    summaries = {s.staff_id: s for s in result.staff}
    people = []
    for person in team.staff:
        summary = summaries.get(person.id)
        if summary is None:
            continue
        name = person.name or person.id
        text = f"{name}: " + _statement(words, team, month, person, summary)
        people.append(Statement(person.id, name, text))
    intro = _intro(words, team, month, result)
    # A Danish month name is lower case, but it opens the sentence here.
    return Statements(intro[:1].upper() + intro[1:], tuple(people))


def _intro(words: Words, team: Team, month: Month, result: RotaResult) -> str:
    planned: dict[str, float] = defaultdict(float)
    for day in month.days():
        if not team.calendar.is_open(day):
            continue
        for duty in team.duties:
            for slot in duty.slots:
                if slot.runs_on(day.weekday()):
                    planned[duty.id] += slot.target_on(day) * slot.hours
    total = sum(planned.values())
    per_duty = ", ".join(
        f"{duty.title} {words.hours(planned[duty.id])}"
        for duty in team.duties
        if planned[duty.id] > 0
    )
    takers = [
        s for s in result.staff if s.fair_share_by_duty or s.assigned_hours
    ]
    text = words(
        "statement.intro",
        month=words.month(month),
        total=words.hours(total),
        per_duty=f" ({per_duty})" if len(planned) > 1 and per_duty else "",
        at_work=words.hours(sum(s.available_hours for s in takers)),
        count=len(takers),
    )
    short = sum(s.short_of_target_hours for s in result.staff)
    if short > NOTHING:
        text += words("statement.intro.short", hours=words.hours(short))
    elif short < -NOTHING:
        text += words("statement.intro.over", hours=words.hours(-short))
    unbalanced = sum(s.carried_in_hours for s in takers)
    if abs(unbalanced) > NOTHING:
        text += words(
            "statement.intro.unbalanced",
            hours=words.hours(unbalanced, signed=True),
        )
    lost = sum(max(0.0, -s.unavoidable_hours) for s in result.staff)
    if lost > NOTHING and _restricted(team):
        text += words("statement.intro.unavoidable", hours=words.hours(lost))
    return text


def _restricted(team: Team) -> bool:
    """Whether someone who takes duty may take only some of the duties."""
    duties = [duty.id for duty in team.duties]
    takers = [p for p in team.staff if _takes_duty(team, p)]
    return any(not all(p.may_take(u) for u in duties) for p in takers)


def _takes_duty(team: Team, person: Staff) -> bool:
    return any(person.may_take(duty.id) for duty in team.duties)


def _statement(
    words: Words,
    team: Team,
    month: Month,
    person: Staff,
    summary: StaffDutySummary,
) -> str:
    this = words.month_only(month)
    if not _takes_duty(team, person):
        return words("statement.no_duty_taken", month=this)
    text = _done(words, team, summary, this)
    drivers = [
        *_contract(words, team, person),
        *absence_words(team, month, person, words.lang),
        words("statement.at_work", hours=words.hours(summary.available_hours)),
    ]
    text += words(
        "statement.share",
        hours=words.hours(summary.fair_share_hours),
        drivers=", ".join(drivers),
    )
    text += _carried_in(words, team, month, summary)
    shares = _by_duty(words, team, summary.fair_share_by_duty)
    if len(summary.fair_share_by_duty) > 1:
        text += words("statement.by_duty", parts=shares)
    text += _deviation(words, summary)
    text += _carried_out(words, team, month, summary)
    return text


def _done(
    words: Words, team: Team, summary: StaffDutySummary, this: str
) -> str:
    if summary.assigned_hours < NOTHING:
        return words("statement.none_done", month=this)
    parts = [
        f"{duty.title} {words.hours(summary.hours_by_duty[duty.id])}"
        for duty in team.duties
        if summary.hours_by_duty.get(duty.id, 0) > NOTHING
    ]
    return words(
        "statement.done",
        hours=words.hours(summary.assigned_hours),
        month=this,
        per_duty=f" ({', '.join(parts)})" if parts else "",
    )


def _by_duty(
    words: Words,
    team: Team,
    figures: dict[str, float],
    *,
    signed: bool = False,
) -> str:
    """``phone 4 h, mail 3 h`` in the team's duty order."""
    return ", ".join(
        f"{duty.title} {words.hours(figures[duty.id], signed=signed)}"
        for duty in team.duties
        if duty.id in figures
    )


def _carried_in(
    words: Words, team: Team, month: Month, summary: StaffDutySummary
) -> str:
    if abs(summary.carried_in_hours) < NOTHING and not any(
        abs(v) >= NOTHING for v in summary.carried_in_by_duty.values()
    ):
        return words("statement.nothing_carried_in")
    by_duty = ""
    if len(summary.fair_share_by_duty) > 1 and summary.carried_in_by_duty:
        by_duty = (
            " ("
            + _by_duty(words, team, summary.carried_in_by_duty, signed=True)
            + ")"
        )
    return words(
        "statement.carried_in",
        month=words.month_only(month.previous()),
        hours=words.hours(summary.carried_in_hours, signed=True),
        by_duty=by_duty,
    )


def _deviation(words: Words, summary: StaffDutySummary) -> str:
    balance = summary.deviation_hours
    if balance > NOTHING:
        text = words("statement.over", hours=words.hours(balance))
    elif balance < -NOTHING:
        text = words("statement.under", hours=words.hours(-balance))
    else:
        text = words("statement.even")
    short = summary.short_of_target_hours
    if short > NOTHING:
        text += words("statement.short_part", hours=words.hours(short))
    elif short < -NOTHING:
        text += words("statement.over_part", hours=words.hours(-short))
    unavoidable = summary.unavoidable_hours
    claim = words.hours(summary.claim_hours)
    if unavoidable < -NOTHING:
        text += words(
            "statement.claim_less",
            hours=words.hours(-unavoidable),
            claim=claim,
        )
    elif unavoidable > NOTHING:
        text += words(
            "statement.claim_more",
            hours=words.hours(unavoidable),
            claim=claim,
        )
    return text


def _carried_out(
    words: Words, team: Team, month: Month, summary: StaffDutySummary
) -> str:
    following = words.month_only(month.next())
    out = summary.carried_out_hours
    if abs(out) < NOTHING and not any(
        abs(v) >= NOTHING for v in summary.carried_out_by_duty.values()
    ):
        return words("statement.nothing_carried_out", month=following)
    by_duty = ""
    if len(summary.carried_out_by_duty) > 1:
        by_duty = (
            " ("
            + _by_duty(words, team, summary.carried_out_by_duty, signed=True)
            + ")"
        )
    if out > NOTHING:
        then = "statement.less_then"
    elif out < -NOTHING:
        then = "statement.more_then"
    else:
        then = "statement.mix_then"
    return words(
        "statement.carried_out",
        month=following,
        hours=words.hours(out, signed=True),
        by_duty=by_duty,
        then=words(then),
    )


def _contract(words: Words, team: Team, person: Staff) -> list[str]:
    share = 100 * team.contract_hours(person) / team.rules.full_time_hours
    parts = [words("statement.contract", percent=f"{share:.0f}")]
    if person.pattern:
        days = [Weekday(day.weekday) for day in person.pattern]
        parts.append(words("statement.works", days=_weekdays(words, days)))
    return parts


def _weekdays(words: Words, days: list[Weekday]) -> str:
    """``Mon-Wed`` for a run of weekdays, else ``Mon, Wed, Fri``."""
    from datetime import date, timedelta

    monday = date(2024, 1, 1)
    names = [words.weekday(monday + timedelta(days=int(d))) for d in days]
    values = [int(day) for day in days]
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{names[0]}-{names[-1]}"
    return ", ".join(names)


def absence_words(
    team: Team, month: Month, person: Staff, lang: Language = "en"
) -> list[str]:
    """The person's absences on their working days, e.g. ``3 days of
    vacation`` or ``2 h off sick``; ``no days away`` when none.

    Only open days the person would work count, so a vacation over a
    weekend or a holiday counts the working days it takes. A whole-day
    absence counts once a day; part-day absences count their hours within
    the working day.
    """
    words = Words(lang)
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
    found = []
    for reason in AbsenceReason:
        said = words(f"statement.away.{reason.value}")
        if days[reason]:
            count = days[reason]
            unit = words("statement.day" if count == 1 else "statement.days")
            found.append(
                words(
                    "statement.away_days", count=count, unit=unit, reason=said
                )
            )
        if hours[reason] > NOTHING:
            found.append(
                words(
                    "statement.away_hours",
                    hours=words.hours(hours[reason]),
                    reason=said,
                )
            )
    return found or [words("statement.no_days_away")]

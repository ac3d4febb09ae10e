"""Who to ask for a slot a sick call left open: ranked, with reasons."""

from __future__ import annotations

from balancer.domain import SkillRequirement, Weekday, WorkDay
from balancer.result import StaffDutySummary
from balancer.solvers.rota.ask import people_to_ask
from tests.factories import (
    make_absence,
    make_duty,
    make_slot,
    make_staff,
    make_team,
)
from tests.solvers.rota.helpers import MONDAYS, rota

MON = (Weekday.MON,)


def summary(staff_id: str, deviation: float) -> StaffDutySummary:
    """A load that is ``deviation`` hours off a 4-hour fair share."""
    return StaffDutySummary(
        staff_id=staff_id,
        available_hours=100,
        fair_share_hours=4,
        assigned_hours=4 + deviation,
    )


def test_ranked_by_fair_share_and_unfit_people_left_out() -> None:
    # Ann is sick on the 1st Monday. Bo is 2 h below fair share, Cy 1 h
    # above: Bo first. Di is absent too, Ed doesn't work Mondays, Fi lacks
    # the skill, Gus is on another duty at that time: none is asked.
    slot = make_slot(
        weekdays=MON, requirements=(SkillRequirement(skill="english"),)
    )
    skilled = {"english": 1}
    team = make_team(
        staff=(
            make_staff("ann", skills=skilled),
            make_staff("bo", skills=skilled),
            make_staff("cy", skills=skilled),
            make_staff("di", skills=skilled),
            make_staff(
                "ed",
                skills=skilled,
                pattern=tuple(
                    WorkDay(weekday=d, start="08:00", end="16:00")
                    for d in (Weekday.TUE, Weekday.WED)
                ),
            ),
            make_staff("fi"),
            make_staff("gus", skills=skilled),
        ),
        duties=(
            make_duty(slots=(slot,)),
            make_duty("mail", slots=(make_slot(weekdays=MON),)),
        ),
        absences=(
            make_absence("ann", MONDAYS[0]),
            make_absence("di", MONDAYS[0]),
        ),
    )
    before = rota(
        ("ann", MONDAYS[0], "phone", 0), ("gus", MONDAYS[0], "mail", 0)
    )
    after = before[1:]
    asks = people_to_ask(
        team,
        before[:1],
        after,
        [summary("bo", -2), summary("cy", 1), summary("gus", -3)],
        before=before,
    )
    assert [a.staff_id for a in asks] == ["bo", "cy"]
    assert [a.rank for a in asks] == [1, 2]
    assert asks[0].reason == (
        "free 08:00-10:00; takes phone; english 1; 2 h below fair share"
    )
    assert asks[0].text("da") == (
        "fri 08:00-10:00; tager phone; english 1; 2 t under rimelig andel"
    )
    assert asks[1].reason.endswith("1 h above fair share")
    assert not any(a.chosen for a in asks)


def test_the_person_the_new_rota_picks_is_marked() -> None:
    # Bo covers the slot in the new rota: 2 h over now, so 0 h off before
    # taking it; Cy is 1 h below and ranks first.
    team = make_team(
        staff=(make_staff("ann"), make_staff("bo"), make_staff("cy")),
        duties=(make_duty(slots=(make_slot(weekdays=MON),)),),
        absences=(make_absence("ann", MONDAYS[0]),),
    )
    before = rota(("ann", MONDAYS[0], "phone", 0))
    after = rota(("bo", MONDAYS[0], "phone", 0))
    asks = people_to_ask(
        team, before, after, [summary("bo", 2), summary("cy", -1)], before
    )
    assert [(a.staff_id, a.chosen) for a in asks] == [
        ("cy", False),
        ("bo", True),
    ]
    assert "at fair share" in asks[1].reason
    assert asks[1].reason.endswith("the new rota puts them here")

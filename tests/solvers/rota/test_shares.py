"""Consistent fair shares: per duty they add up to each person's share.

The rules (docs/constraints.md, "Fair shares"): each person's per-duty
shares add up to their overall share, each duty's shares to its planned
hours; a person has a share only of duties they may take, never a
negative one; what no rota can give back is named as unavoidable. The
checker (validate/fair_shares.py) works the same figures out on its own
and must agree with the solver's to the step.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balancer.domain import HistoryBalance, Team
from balancer.solvers.rota.shares import Shares, compute_shares
from balancer.validate.fair_shares import fair_shares
from tests.factories import JANUARY, make_duty, make_slot, make_staff

MON_FRI_PHONE = make_duty(
    "phone", slots=(make_slot("08:00", "10:00", min_staff=0, target_staff=2),)
)
MAIL = make_duty(
    "mail",
    slots=(make_slot("10:00", "12:00", min_staff=0, target_staff=1),),
)


def _consistent(team: Team, shares: Shares) -> None:
    """Every property the rules name, checked on one team's shares."""
    planned = shares.account.planned
    for person in team.staff:
        if person.id not in shares.overall:
            continue
        mine = {
            u: pool[person.id]
            for u, pool in shares.by_duty.items()
            if person.id in pool
        }
        assert sum(mine.values()) == shares.overall[person.id]
        assert all(value >= 0 for value in mine.values())
        assert set(mine) == {
            d.id for d in team.duties if person.may_take(d.id)
        }
    sharable = [u for u, pool in shares.by_duty.items() if pool]
    for duty_id in sharable:
        assert sum(shares.by_duty[duty_id].values()) == planned[duty_id]
    assert sum(shares.overall.values()) == sum(planned[u] for u in sharable)


def _mail_heavy_team() -> Team:
    """Cy and di may take only mail; their claims exceed its hours."""
    return Team(
        staff=(
            make_staff("ann"),
            make_staff("bo"),
            make_staff("cy", duties=("mail",)),
            make_staff("di", duties=("mail",)),
        ),
        duties=(MON_FRI_PHONE, MAIL),
    )


def test_shares_add_up_every_way() -> None:
    team = _mail_heavy_team()
    shares = compute_shares(team, JANUARY)
    _consistent(team, shares)


def test_people_owed_more_than_their_duties_have_get_all_of_it() -> None:
    # 20 opening days: phone 2 people x 2 h = 80 h, mail 1 x 2 h = 40 h.
    # Everyone's claim is 120 h / 4 = 30 h, but cy and di may take only
    # mail, which has 40 h: they get 20 h each, 10 h less than their
    # claim (unavoidable), and ann and bo take all phone, 40 h each,
    # 10 h more than theirs.
    shares = compute_shares(_mail_heavy_team(), JANUARY)
    hours = {p: s / shares.per_unit for p, s in shares.overall.items()}
    assert hours == {"ann": 40, "bo": 40, "cy": 20, "di": 20}
    unavoidable = {
        p: float(u) / shares.per_unit
        for p, u in shares.account.unavoidable.items()
    }
    assert unavoidable == {"ann": 10, "bo": 10, "cy": -10, "di": -10}
    # Slots of 2 h make the step an hour.
    assert shares.by_duty["mail"] == {"ann": 0, "bo": 0, "cy": 20, "di": 20}


def test_a_per_duty_balance_moves_hours_between_duties() -> None:
    # Ann did 2 h more phone and 2 h less mail than her shares last month
    # (overall even): this month her phone share is 2 h lower and her mail
    # share 2 h higher than bo's, who carried nothing.
    team = Team(
        staff=(make_staff("ann"), make_staff("bo")),
        duties=(MON_FRI_PHONE, MAIL),
        history=(
            HistoryBalance(staff_id="ann", hours=0),
            HistoryBalance(staff_id="ann", duty="phone", hours=2),
            HistoryBalance(staff_id="ann", duty="mail", hours=-2),
            HistoryBalance(staff_id="bo", duty="phone", hours=-2),
            HistoryBalance(staff_id="bo", duty="mail", hours=2),
        ),
    )
    shares = compute_shares(team, JANUARY)
    _consistent(team, shares)
    per = shares.per_unit
    phone = {p: s / per for p, s in shares.by_duty["phone"].items()}
    mail = {p: s / per for p, s in shares.by_duty["mail"].items()}
    assert phone == {"ann": 38, "bo": 42}
    assert mail == {"ann": 22, "bo": 18}


def test_a_claim_below_zero_gives_no_negative_share() -> None:
    # Ann carries 200 h: her claim is far below zero. Her share is 0 and
    # the rest is named unavoidable; bo takes the whole 80 h of phone.
    team = Team(
        staff=(make_staff("ann"), make_staff("bo")),
        duties=(MON_FRI_PHONE,),
        history=(HistoryBalance(staff_id="ann", hours=200),),
    )
    shares = compute_shares(team, JANUARY)
    _consistent(team, shares)
    assert shares.overall["ann"] == 0
    # 80 h planned, raw 40 h each: ann's claim is 40 - 200 = -160 h, her
    # share (almost) 0 h, so 160 h (in 1-hour steps) are unavoidable.
    assert float(shares.account.unavoidable["ann"]) == pytest.approx(
        160, abs=0.01
    )


@st.composite
def teams(draw: st.DrawFn) -> Team:
    """2-6 people, 1-3 duties, random eligibility, hours and balances."""
    duty_count = draw(st.integers(1, 3))
    duties = tuple(
        make_duty(
            f"d{k}",
            slots=(
                make_slot(
                    f"{8 + 2 * k:02d}:00",
                    f"{10 + 2 * k:02d}:00",
                    min_staff=0,
                    target_staff=draw(st.integers(1, 2)),
                ),
            ),
        )
        for k in range(duty_count)
    )
    ids = [d.id for d in duties]
    people = []
    for i in range(draw(st.integers(2, 6))):
        allowed = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
        people.append(
            make_staff(
                f"p{i}",
                fte=draw(st.sampled_from([0.5, 0.6, 0.8, 1.0])),
                duties=tuple(sorted(allowed)),
            )
        )
    history = []
    for person in people:
        if draw(st.booleans()):
            history.append(
                HistoryBalance(
                    staff_id=person.id, hours=draw(st.integers(-12, 12)) / 2
                )
            )
        for duty_id in person.duties or ():
            if draw(st.booleans()):
                history.append(
                    HistoryBalance(
                        staff_id=person.id,
                        duty=duty_id,
                        hours=draw(st.integers(-8, 8)) / 2,
                    )
                )
    return Team(staff=tuple(people), duties=duties, history=tuple(history))


@settings(max_examples=60, deadline=None)
@given(teams())
def test_solver_and_checker_agree_and_shares_add_up(team: Team) -> None:
    shares = compute_shares(team, JANUARY)
    _consistent(team, shares)
    checked = fair_shares(team, JANUARY)
    assert checked.overall == shares.overall
    assert checked.by_duty == shares.by_duty
    assert checked.unavoidable == shares.account.unavoidable
    assert checked.unpopular == shares.unpopular

"""The local search on the first plan: each move lowers the objective."""

from __future__ import annotations

from datetime import date

import pytest

from balancer.domain import CaseStatus, Rules, ShelfOrder, Weights
from balancer.solvers.cases.data import BacklogOptions
from balancer.solvers.cases.hint import greedy_hint
from balancer.solvers.cases.local_search import polish
from balancer.solvers.cases.model import explained_plan
from balancer.validate.cases import check_backlog
from tests.factories import make_case
from tests.solvers.cases.helpers import (
    MONDAY,
    backlog_team,
    data_for,
    due_case_team,
    pack_team,
)

OLD = date(2026, 11, 30)  # 35 days before Monday: 2 x 36 = 72 points
SUNDAY = date(2027, 1, 3)  # 1 day: 2 x 2 = 4 points


def test_a_costlier_shelved_case_swaps_in() -> None:
    # Ann alone with 8 h holds a fresh 8 h case (4 shelf points); the
    # old one (72 points) waits on the shelf. Swapping saves 5 x 68.
    # (Under shelf_order = pack: in a queue, who waits is the queue's.)
    team = pack_team(
        make_case("new", effort_hours=8, received=SUNDAY),
        make_case("old", effort_hours=8, received=OLD),
        staff=backlog_team().staff[:1],
    )
    owners = polish(data_for(team), {"new": "ann", "old": None}, 5)
    assert owners == {"new": None, "old": "ann"}


def test_the_case_making_room_moves_on_rather_than_to_the_shelf() -> None:
    # One day, 8 h each. Ann holds two fresh 3 h cases (2 h left), Bo a
    # fresh 5 h one (3 h left); the old 5 h case fits nobody. It takes
    # the place of one of Ann's, which goes to Bo's 3 h: nothing is left
    # on the shelf. (Balance off: only the shelf points count.)
    team = pack_team(
        make_case("a1", effort_hours=3, received=SUNDAY),
        make_case("a2", effort_hours=3, received=SUNDAY),
        make_case("b", effort_hours=5, received=SUNDAY),
        make_case("old", effort_hours=5, received=OLD),
        weights=Weights(balance_max=0, balance_spread=0),
    )
    start = {"a1": "ann", "a2": "ann", "b": "bo", "old": None}
    owners = polish(data_for(team), start, 5)
    assert owners["old"] == "ann"
    assert sorted(map(str, owners.values())) == ["ann", "ann", "bo", "bo"]


def test_the_move_budget_holds() -> None:
    # The same, but the fresh case is Ann's already (free to move):
    # shelving it is a move (30 points, still worth it), which a budget
    # of 0 forbids.
    team = pack_team(
        make_case(
            "mine",
            owner="ann",
            status=CaseStatus.ASSIGNED,
            effort_hours=8,
            received=SUNDAY,
            may_move=True,
        ),
        make_case("old", effort_hours=8, received=OLD),
        staff=backlog_team().staff[:1],
    )
    start = {"mine": "ann", "old": None}
    assert polish(data_for(team), start, 5) == {"mine": None, "old": "ann"}
    assert polish(data_for(team, max_moves=0), start, 5) == start


def test_a_late_case_goes_where_it_is_on_time() -> None:
    # The 1 h case due Monday is 1 h late behind Ann's old case and on
    # time with Bo. (Balance off, so only the 50 points of lateness.)
    team = due_case_team()
    data = data_for(team, days=2)
    owners = polish(data, {"due": "ann"}, 5)
    assert owners == {"due": "bo"}


def test_no_time_or_a_benchmark_mode_leaves_the_plan() -> None:
    team = backlog_team(
        make_case("new", effort_hours=8, received=SUNDAY),
        make_case("old", effort_hours=8, received=OLD),
        staff=backlog_team().staff[:1],
    )
    start = {"new": "ann", "old": None}
    assert polish(data_for(team), start, 0) == start
    makespan = BacklogOptions(relative_balance=False)
    assert polish(data_for(team, options=makespan), start, 5) == start


@pytest.mark.parametrize("order", list(ShelfOrder))
def test_polished_plans_keep_every_hard_rule(order: ShelfOrder) -> None:
    """Mixed cases over two people and two days, from the greedy plan:
    the validator's rules hold after the search, and under pack order
    the shelf rule too (nothing shelved fits anyone who may take it)."""
    cases = [
        make_case(
            f"c{i}",
            effort_hours=1 + i % 5,
            received=OLD if i % 3 else SUNDAY,
            deadline=MONDAY if i % 4 == 0 else None,
            owner="ann" if i % 5 == 1 else None,
            status=CaseStatus.ASSIGNED if i % 5 == 1 else CaseStatus.NEW,
            may_move=i % 5 == 1,
        )
        for i in range(14)
    ]
    rules = Rules(daily_overhead_hours=0, shelf_order=order)
    team = backlog_team(*cases, rules=rules)
    data = data_for(team, days=2)
    owners = polish(data, greedy_hint(data), 5)
    plan = explained_plan(data, {**owners, **data.fixed_owner})
    assert check_backlog(team, MONDAY, plan, horizon_days=2) == []
    if order is ShelfOrder.QUEUE:
        return
    room = {p: data.free_minutes(p) for p in data.capacity}
    for k in data.classes:
        for cid in k.case_ids:
            if (p := owners[cid]) is not None:
                room[p] -= k.efforts[p]
    for k in data.classes:
        for cid in k.case_ids:
            if owners[cid] is None:
                assert all(e > room[p] for p, e in k.efforts.items())

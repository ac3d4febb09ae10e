"""Each hard rule on the smallest instance that shows it.

Each test builds the model with only the rule under test: feasible as it
stands, infeasible once a variable is fixed to break the rule.
"""

from __future__ import annotations

from datetime import date

from balancer.domain import CaseStatus, Priority, Team
from balancer.result import SolveStatus
from balancer.solvers.cases.constraints import (
    HARD_RULES,
    capacity,
    group_one_caseworker,
    move_budget,
    one_owner,
    queue_head,
    queue_order,
    shelf_only_when_full,
)
from balancer.solvers.cases.data import BacklogOptions
from balancer.solvers.cases.model import build
from tests.factories import (
    make_absence,
    make_case,
    make_staff,
    over_capacity_cases,
)
from tests.solvers.cases.helpers import (
    MONDAY,
    backlog_team,
    data_for,
    pack_team,
    solve_built,
    status_with,
)

OK = SolveStatus.OPTIMAL
NO = SolveStatus.INFEASIBLE


def test_rules_are_listed_in_order() -> None:
    assert [r.__name__ for r in HARD_RULES] == [
        "one_owner",
        "group_one_caseworker",
        "capacity",
        "shelf_only_when_full",
        "queue_order",
        "queue_head",
        "move_budget",
    ]


# -- one owner ------------------------------------------------------------


def test_one_owner_allows_one_caseworker() -> None:
    data = data_for(backlog_team(make_case("c1")))
    assert status_with(data, [one_owner], {"c1": "ann"}) is OK


def test_one_owner_forbids_two_caseworkers() -> None:
    data = data_for(backlog_team(make_case("c1")))
    built = build(data, rules=[one_owner], goals=())
    k = data.classes[0]
    for staff_id in ("ann", "bo"):
        var = built.variables.assign(k, staff_id)
        assert var is not None
        built.model.add(var == 1)
    assert solve_built(built)[0] is NO


def test_without_shelf_every_case_is_assigned() -> None:
    data = data_for(
        backlog_team(make_case("c1")),
        options=BacklogOptions(allow_shelf=False),
    )
    assert status_with(data, [one_owner], {"c1": "ann"}) is OK
    assert status_with(data, [one_owner], {"c1": None}) is NO


# -- skill, presence, casework: no variable for an impossible pair ---------


def test_no_variable_without_the_skill_level() -> None:
    team = backlog_team(
        make_case("c1", skill="pension", min_level=2),
        staff=(
            make_staff("ann", skills={"pension": 2}),
            make_staff("bo", skills={"pension": 1}),
        ),
    )
    (k,) = data_for(team).classes
    assert k.candidates == ("ann",)


def test_no_variable_for_someone_away_all_horizon() -> None:
    team = backlog_team(
        make_case("c1"), absences=(make_absence("bo", MONDAY),)
    )
    (k,) = data_for(team).classes
    assert k.candidates == ("ann",)


def test_no_variable_for_staff_without_casework() -> None:
    team = backlog_team(
        make_case("c1"),
        staff=(make_staff("ann"), make_staff("bo", casework=False)),
    )
    (k,) = data_for(team).classes
    assert k.candidates == ("ann",)


def test_no_variable_for_a_case_bigger_than_free_hours() -> None:
    # 9 h never fits in a Monday's 8 h.
    (k,) = data_for(backlog_team(make_case("c1", effort_hours=9))).classes
    assert k.candidates == ()


def test_kept_cases_are_no_decision() -> None:
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.IN_PROGRESS),
        make_case("c2", owner="bo", pinned=True),
    )
    data = data_for(team)
    assert data.classes == ()
    assert data.fixed_owner == {"c1": "ann", "c2": "bo"}


# -- groups ---------------------------------------------------------------


def test_group_to_one_caseworker_is_feasible() -> None:
    team = backlog_team(
        make_case("c1", group="g1"), make_case("c2", group="g1")
    )
    data = data_for(team)
    fixes = {"c1": "ann", "c2": "ann"}
    assert status_with(data, [group_one_caseworker], fixes) is OK


def test_group_split_over_two_caseworkers_is_infeasible() -> None:
    team = backlog_team(
        make_case("c1", group="g1"), make_case("c2", group="g1")
    )
    data = data_for(team)
    fixes = {"c1": "ann", "c2": "bo"}
    assert status_with(data, [], fixes) is OK  # only the rule forbids it
    assert status_with(data, [group_one_caseworker], fixes) is NO


def test_group_with_a_kept_case_is_tied_to_its_owner() -> None:
    team = backlog_team(
        make_case("c1", group="g1", owner="bo", pinned=True),
        make_case("c2", group="g1"),
    )
    (k,) = data_for(team).classes
    assert k.candidates == ("bo",)


# -- capacity -------------------------------------------------------------


def test_capacity_allows_what_fits() -> None:
    # 5 h + 3 h = 8 h: exactly Ann's Monday.
    team = backlog_team(
        make_case("c1", effort_hours=5), make_case("c2", effort_hours=3)
    )
    assert (
        status_with(data_for(team), [capacity], {"c1": "ann", "c2": "ann"})
        is OK
    )


def test_capacity_forbids_more_than_the_free_hours() -> None:
    # 5 h + 4 h = 9 h > 8 h.
    team = backlog_team(
        make_case("c1", effort_hours=5), make_case("c2", effort_hours=4)
    )
    data = data_for(team)
    fixes = {"c1": "ann", "c2": "ann"}
    assert status_with(data, [], fixes) is OK
    assert status_with(data, [capacity], fixes) is NO


def test_capacity_counts_kept_cases() -> None:
    # Ann keeps 5 h in progress, so 3 h of her Monday's 8 h are free:
    # c1 (3 h) fits, c1 and c2 (4 h) do not.
    team = backlog_team(
        make_case(
            "k", owner="ann", status=CaseStatus.IN_PROGRESS, effort_hours=5
        ),
        make_case("c1", effort_hours=3),
        make_case("c2", effort_hours=1),
    )
    data = data_for(team)
    assert status_with(data, [capacity], {"c1": "ann", "c2": None}) is OK
    assert status_with(data, [capacity], {"c1": "ann", "c2": "ann"}) is NO


# -- the shelf keeps only what does not fit (pack) -------------------------


def test_shelf_only_when_full_allows_assigning() -> None:
    data = data_for(pack_team(make_case("c1")))
    assert status_with(data, [shelf_only_when_full], {"c1": "ann"}) is OK


def test_shelf_only_when_full_forbids_shelving_what_fits() -> None:
    data = data_for(pack_team(make_case("c1")))
    assert status_with(data, [], {"c1": None}) is OK
    assert status_with(data, [shelf_only_when_full], {"c1": None}) is NO


def test_shelf_keeps_a_case_nobody_has_room_for() -> None:
    # Each has 8 h; 6 h cases: after one each, the third fits nobody.
    team = pack_team(
        *(make_case(f"c{i}", effort_hours=6) for i in range(3)),
    )
    data = data_for(team, options=BacklogOptions(aggregate=False))
    fixes = {"c0": "ann", "c1": "bo", "c2": None}
    assert status_with(data, [shelf_only_when_full], fixes) is OK


def test_an_owned_case_goes_back_to_the_shelf_only_when_it_fits_nobody() -> (
    None
):
    # Under the queue rule too: Ann is away, her case could go to Bo.
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        absences=(make_absence("ann", MONDAY),),
    )
    data = data_for(team)
    assert status_with(data, [], {"c1": None}) is OK
    assert status_with(data, [shelf_only_when_full], {"c1": None}) is NO


# -- the shelf is a queue ----------------------------------------------------

#: Three 4 h pension cases: urgent first, then by deadline, then received.
QUEUE = (
    make_case("late", received=date(2026, 12, 1)),
    make_case("soon", deadline=date(2027, 1, 20)),
    make_case("first", priority=Priority.URGENT),
)


def test_queue_order_is_priority_then_deadline_then_received() -> None:
    data = data_for(backlog_team(*QUEUE))
    (chain,) = data.queue_chains.values()
    order = [data.classes[i].case_ids[0] for i in chain]
    assert order == ["first", "soon", "late"]


def test_queue_order_allows_starting_in_order() -> None:
    data = data_for(backlog_team(*QUEUE))
    fixes = {"first": "ann", "soon": "bo", "late": None}
    assert status_with(data, [queue_order], fixes) is OK


def test_queue_order_forbids_starting_past_a_waiting_case() -> None:
    data = data_for(backlog_team(*QUEUE))
    fixes = {"first": "ann", "soon": None, "late": "bo"}
    assert status_with(data, [], fixes) is OK
    assert status_with(data, [queue_order], fixes) is NO


def test_a_returning_case_stops_its_queue_behind_it() -> None:
    # Ann is away; her old case goes back to the shelf ahead of a newer
    # shelf case, which may then not start.
    team = backlog_team(
        make_case(
            "held", owner="ann", status=CaseStatus.ASSIGNED, effort_hours=9
        ),
        make_case("new", received=date(2027, 1, 1)),
        absences=(make_absence("ann", MONDAY),),
    )
    data = data_for(team)
    assert status_with(data, [queue_order], {"held": None, "new": None}) is OK
    fixes = {"held": None, "new": "bo"}
    assert status_with(data, [], fixes) is OK
    assert status_with(data, [queue_order], fixes) is NO


def test_a_case_nobody_could_finish_is_passed_over() -> None:
    # 9 h fits nobody's Monday: it stands aside, the queue goes on.
    team = backlog_team(
        make_case("huge", effort_hours=9, priority=Priority.URGENT),
        make_case("next"),
    )
    data = data_for(team)
    assert [data.classes[i].case_ids[0] for i in data.queue_chains["any"]] == [
        "next"
    ]
    assert status_with(data, [queue_order, queue_head], {"next": "ann"}) is OK


def test_queue_head_allows_waiting_when_everyone_is_full() -> None:
    # Each has 8 h: two 6 h cases start, the third fits nobody.
    team = backlog_team(
        *(make_case(f"c{i}", effort_hours=6) for i in range(3))
    )
    data = data_for(team)
    fixes = {"c0": "ann", "c1": "bo", "c2": None}
    assert status_with(data, [queue_order, queue_head], fixes) is OK


def test_queue_head_forbids_waiting_while_someone_has_room() -> None:
    data = data_for(backlog_team(*QUEUE))
    fixes = {"first": "ann", "soon": None, "late": None}
    assert status_with(data, [queue_order], fixes) is OK
    assert status_with(data, [queue_order, queue_head], fixes) is NO


def test_the_queue_stops_where_its_hours_run_out() -> None:
    # 16 h between them: of five 4 h cases only four can ever start, so
    # the fifth gets no variable at all.
    team = backlog_team(*(make_case(f"c{i}") for i in range(5)))
    data = data_for(team)
    assert len(data.queue_chains["any"]) == 4


# -- move budget ----------------------------------------------------------


def _allowed_team() -> Team:
    """Ann holds two cases the planner lets move."""
    return backlog_team(
        make_case(
            "c1", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
        ),
        make_case(
            "c2", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
        ),
    )


def test_move_budget_allows_moves_within_it() -> None:
    data = data_for(
        _allowed_team(), max_moves=1, options=BacklogOptions(aggregate=False)
    )
    assert status_with(data, [move_budget], {"c1": "bo", "c2": "ann"}) is OK


def test_move_budget_forbids_more_moves() -> None:
    # Going back on the shelf counts as a move too.
    data = data_for(
        _allowed_team(), max_moves=1, options=BacklogOptions(aggregate=False)
    )
    fixes = {"c1": "bo", "c2": None}
    assert status_with(data, [], fixes) is OK
    assert status_with(data, [move_budget], fixes) is NO


def test_the_default_budget_is_two_per_caseworker_at_work() -> None:
    team = backlog_team(absences=(make_absence("bo", MONDAY),))
    assert data_for(team).max_moves == 2


# -- who may move: owner away, over capacity, planner allowed ----------------


def test_a_case_without_a_reason_has_no_decision() -> None:
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED)
    )
    data = data_for(team)
    assert data.classes == () and data.fixed_owner == {"c1": "ann"}


def test_an_over_capacity_owner_may_hand_over_what_is_past_their_hours() -> (
    None
):
    # Ann holds 6 h + 4 h in her 8 h: the second (later target) is past
    # her hours; she takes nothing new, so the shelf case goes to Bo.
    team = backlog_team(
        *over_capacity_cases(), make_case("new", effort_hours=1)
    )
    data = data_for(team)
    assert data.fixed_owner == {"a": "ann"}
    assert set(data.movable) == {"b"} and data.over == {"ann"}
    candidates = {k.case_ids[0]: k.candidates for k in data.classes}
    assert candidates == {"b": ("ann", "bo"), "new": ("bo",)}


def test_an_over_capacity_owner_keeps_what_they_hold_beyond_hours() -> None:
    # Capacity binds only those not over capacity: Ann may keep b.
    data = data_for(backlog_team(*over_capacity_cases()))
    assert status_with(data, [capacity], {"b": "ann"}) is OK


def test_a_case_in_progress_stays_or_moves_but_never_goes_to_the_shelf() -> (
    None
):
    team = backlog_team(
        make_case("c1", owner="ann", status=CaseStatus.IN_PROGRESS),
        absences=(make_absence("ann", MONDAY),),
    )
    data = data_for(team)
    assert status_with(data, [one_owner], {"c1": "bo"}) is OK
    assert status_with(data, [], {"c1": None}) is OK
    assert status_with(data, [one_owner], {"c1": None}) is NO

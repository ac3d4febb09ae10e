"""The independent backlog checker flags each broken rule, one per test."""

from __future__ import annotations

from datetime import date
from typing import Any

from balancer.domain import (
    Case,
    CaseStatus,
    Priority,
    Rules,
    ShelfOrder,
    Team,
)
from balancer.result import (
    CaseAssignment,
    DutyAssignment,
    MoveReason,
    WaitReason,
)
from balancer.validate.cases import casework_capacity, check_backlog
from tests.factories import (
    make_absence,
    make_case,
    make_duty,
    make_staff,
    over_capacity_cases,
)

MONDAY = date(2027, 1, 4)


def team_of(*cases: Case, **overrides: Any) -> Team:
    """Ann and Bo, full time, no overhead; one-day horizons in the tests."""
    fields: dict[str, Any] = {
        "staff": (make_staff("ann"), make_staff("bo")),
        "rules": Rules(daily_overhead_hours=0, horizon_working_days=1),
        "cases": cases,
    }
    fields.update(overrides)
    return Team(**fields)


def plan(
    team: Team,
    why: dict[str, MoveReason | WaitReason] | None = None,
    **owners: str | None,
) -> list[CaseAssignment]:
    """One entry per case of the team; unnamed cases stay on the shelf.

    ``why`` states a case's move or wait reason; a case on the shelf
    without one says everyone qualified is full.
    """
    why = why or {}
    entries = []
    for c in team.cases:
        who = owners.get(c.id)
        reason = why.get(c.id)
        entries.append(
            CaseAssignment(
                case_id=c.id,
                staff_id=who,
                previous_owner=c.owner,
                move_reason=reason if isinstance(reason, MoveReason) else None,
                wait_reason=(
                    reason
                    if isinstance(reason, WaitReason)
                    else (WaitReason.FULL if who is None else None)
                ),
            )
        )
    return entries


def rules_broken(
    team: Team, entries: list[CaseAssignment], **kw: Any
) -> list[str]:
    """The names of the rules the plan breaks, in the checker's order."""
    return [v.rule for v in check_backlog(team, MONDAY, entries, **kw)]


def test_valid_plan_has_no_violations() -> None:
    team = team_of(make_case("c1"), make_case("c2"))
    assert rules_broken(team, plan(team, c1="ann", c2="bo")) == []


def test_missing_case() -> None:
    team = team_of(make_case("c1"))
    assert rules_broken(team, []) == ["complete"]


def test_case_twice() -> None:
    team = team_of(make_case("c1"))
    entries = plan(team, c1="ann") * 2
    assert rules_broken(team, entries) == ["complete"]


def test_unknown_staff() -> None:
    team = team_of(make_case("c1"))
    assert rules_broken(team, plan(team, c1="zed")) == ["complete"]


def test_pinned_case_moved() -> None:
    team = team_of(make_case("c1", owner="ann", pinned=True))
    assert rules_broken(team, plan(team, c1="ann")) == []
    away = {"c1": MoveReason.OWNER_AWAY}
    assert rules_broken(
        team, plan(team, away, c1="bo"), only_hard_rules=True
    ) == ["kept"]


def test_case_in_progress_back_on_the_shelf() -> None:
    team = team_of(
        make_case("c1", owner="ann", status=CaseStatus.IN_PROGRESS),
        absences=(make_absence("ann", MONDAY),),
    )
    away = {"c1": MoveReason.OWNER_AWAY}
    assert rules_broken(team, plan(team, away, c1="bo")) == []
    assert "kept" in rules_broken(team, plan(team, away, c1=None))


def test_no_casework() -> None:
    team = team_of(
        make_case("c1"),
        staff=(make_staff("ann", casework=False), make_staff("bo")),
    )
    assert "casework" in rules_broken(team, plan(team, c1="ann"))


def test_skill_below_the_minimum_level() -> None:
    team = team_of(
        make_case("c1", skill="tax", min_level=2),
        staff=(
            make_staff("ann", skills={"tax": 1}),
            make_staff("bo", skills={"tax": 2}),
        ),
    )
    assert rules_broken(team, plan(team, c1="ann")) == ["skill"]


def test_away_for_the_whole_horizon() -> None:
    team = team_of(make_case("c1"), absences=(make_absence("ann", MONDAY),))
    # Ann has 0 h, so the case also breaks her capacity.
    assert rules_broken(team, plan(team, c1="ann")) == [
        "presence",
        "capacity",
    ]


def test_group_split() -> None:
    team = team_of(make_case("c1", group="g"), make_case("c2", group="g"))
    assert rules_broken(team, plan(team, c1="ann", c2="bo")) == ["group"]


def test_group_follows_the_case_its_owner_keeps() -> None:
    team = team_of(
        make_case("c1", group="g", owner="ann", status=CaseStatus.ASSIGNED),
        make_case("c2", group="g"),
    )
    assert rules_broken(team, plan(team, c1="ann", c2="ann")) == []
    assert "group" in rules_broken(team, plan(team, c1="ann", c2="bo"))


def test_over_capacity() -> None:
    team = team_of(
        make_case("c1", effort_hours=5), make_case("c2", effort_hours=4)
    )
    assert rules_broken(team, plan(team, c1="ann", c2="ann")) == ["capacity"]


def test_capacity_counts_duty_from_the_rota() -> None:
    # The 2 h phone slot leaves Ann 6 h: a 7 h case no longer fits.
    team = team_of(make_case("c1", effort_hours=7), duties=(make_duty(),))
    rota = [
        DutyAssignment(
            staff_id="ann", day=MONDAY, duty_id="phone", slot_index=0
        )
    ]
    assert rules_broken(team, plan(team, c1="ann")) == []
    assert rules_broken(team, plan(team, c1="ann"), rota=rota) == ["capacity"]


def test_given_capacity_replaces_the_computed_one() -> None:
    team = team_of(make_case("c1", effort_hours=3))
    entries = plan(team, c1="ann")
    assert rules_broken(team, entries, capacity_hours={"ann": 2.0}) == [
        "capacity"
    ]


#: Two cases Ann holds that the planner lets move.
FREE = (
    make_case("c1", owner="ann", status=CaseStatus.ASSIGNED, may_move=True),
    make_case("c2", owner="ann", status=CaseStatus.ASSIGNED, may_move=True),
)
ALLOWED = {"c1": MoveReason.ALLOWED, "c2": MoveReason.ALLOWED}


def test_move_budget() -> None:
    team = team_of(*FREE)
    entries = plan(team, ALLOWED, c1="bo", c2="bo")
    assert rules_broken(team, entries, max_moves=2) == []
    assert rules_broken(team, entries, max_moves=1) == ["max_moves"]


def test_default_move_budget_is_two_per_caseworker_at_work() -> None:
    # Bo is away: one caseworker at work, a budget of 2.
    team = team_of(
        *FREE,
        make_case(
            "c3", owner="ann", status=CaseStatus.ASSIGNED, may_move=True
        ),
        absences=(make_absence("bo", MONDAY),),
    )
    why = {**ALLOWED, "c3": MoveReason.ALLOWED}
    assert rules_broken(team, plan(team, why, c3="ann")) == []
    assert rules_broken(team, plan(team, why)) == ["max_moves"]


def test_a_move_needs_a_reason() -> None:
    team = team_of(make_case("c1", owner="ann", status=CaseStatus.ASSIGNED))
    entries = plan(team, {"c1": MoveReason.ALLOWED}, c1="bo")
    assert rules_broken(team, entries) == ["move_reason"]


def test_an_owner_away_is_a_reason_to_move() -> None:
    team = team_of(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        absences=(make_absence("ann", MONDAY),),
    )
    away = {"c1": MoveReason.OWNER_AWAY}
    assert rules_broken(team, plan(team, away, c1="bo")) == []
    allowed = {"c1": MoveReason.ALLOWED}
    assert rules_broken(team, plan(team, allowed, c1="bo")) == ["move_reason"]


def test_over_capacity_moves_only_what_the_owner_cannot_finish() -> None:
    # Ann holds 6 h + 4 h in her 8 h: the later-target case is past her
    # hours and may move; the first she finishes in time.
    team = team_of(*over_capacity_cases())
    over = {"a": MoveReason.OVER_CAPACITY, "b": MoveReason.OVER_CAPACITY}
    assert rules_broken(team, plan(team, over, a="ann", b="bo")) == []
    assert rules_broken(team, plan(team, over, a="bo", b="ann")) == [
        "move_reason"
    ]


def test_someone_over_capacity_gets_nothing_new() -> None:
    team = team_of(
        make_case(
            "a", owner="ann", status=CaseStatus.ASSIGNED, effort_hours=9
        ),
        make_case("new", effort_hours=1),
    )
    assert rules_broken(team, plan(team, a="ann", new="bo")) == []
    assert rules_broken(team, plan(team, a="ann", new="ann")) == ["over"]


def test_owner_below_the_level_keeps_the_case_flagged() -> None:
    team = team_of(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED, skill="tax"),
        staff=(make_staff("ann"), make_staff("bo", skills={"tax": 1})),
    )
    flagged = [
        e.model_copy(update={"below_level": True})
        for e in plan(team, c1="ann")
    ]
    assert rules_broken(team, flagged) == []
    assert rules_broken(team, plan(team, c1="ann")) == ["below_level"]


# -- the shelf is a queue ----------------------------------------------------


def queue_team(**overrides: Any) -> Team:
    """Three 8 h cases: urgent, then high, then normal."""
    return team_of(
        make_case("first", priority=Priority.URGENT, effort_hours=8),
        make_case("second", priority=Priority.HIGH, effort_hours=8),
        make_case("third", effort_hours=8),
        **overrides,
    )


def test_queue_started_in_order() -> None:
    team = queue_team()
    assert rules_broken(team, plan(team, first="ann", second="bo")) == []


def test_queue_started_past_a_waiting_case() -> None:
    team = queue_team()
    entries = plan(team, first="ann", third="bo")
    assert rules_broken(team, entries) == ["queue"]


def test_queue_passes_over_a_case_nobody_could_finish() -> None:
    team = team_of(
        make_case("huge", priority=Priority.URGENT, effort_hours=9),
        make_case("second"),
    )
    too_big = {"huge": WaitReason.TOO_BIG}
    assert rules_broken(team, plan(team, too_big, second="ann")) == []


def test_pack_order_has_no_queue() -> None:
    pack = Rules(
        daily_overhead_hours=0,
        horizon_working_days=1,
        shelf_order=ShelfOrder.PACK,
    )
    team = queue_team(rules=pack)
    assert rules_broken(team, plan(team, first="ann", third="bo")) == []


# -- why a case waits --------------------------------------------------------


def test_waiting_because_everyone_is_full() -> None:
    team = team_of(
        *(make_case(f"c{i}", effort_hours=6) for i in range(3)),
    )
    assert rules_broken(team, plan(team, c0="ann", c1="bo")) == []
    # Bo has room for either: neither waits because everyone is full.
    assert rules_broken(team, plan(team, c0="ann")) == [
        "wait_reason",
        "wait_reason",
    ]


def test_waiting_because_of_the_queue_ahead() -> None:
    # Everyone may be idle, but the urgent case waits ahead of the rest
    # (itself wrongly: the validator says so once, for it alone).
    team = queue_team()
    queued = {"second": WaitReason.QUEUE, "third": WaitReason.QUEUE}
    assert rules_broken(team, plan(team, queued)) == ["wait_reason"]
    full = {"second": WaitReason.FULL, "third": WaitReason.QUEUE}
    entries = plan(team, full, first="ann")
    assert rules_broken(team, entries) == ["wait_reason"]


def test_waiting_because_nobody_qualified() -> None:
    team = team_of(make_case("c1", skill="tax"))
    nobody = {"c1": WaitReason.NOBODY_QUALIFIED}
    assert rules_broken(team, plan(team, nobody)) == []
    other = team_of(make_case("c1"))
    assert rules_broken(other, plan(other, nobody)) == ["wait_reason"]


def test_waiting_because_overdue() -> None:
    due = date(2026, 12, 31)
    team = team_of(
        *(make_case(f"c{i}", effort_hours=6, deadline=due) for i in range(3))
    )
    overdue = {"c2": WaitReason.OVERDUE}
    assert rules_broken(team, plan(team, overdue, c0="ann", c1="bo")) == []
    fresh = team_of(*(make_case(f"c{i}", effort_hours=6) for i in range(3)))
    assert rules_broken(fresh, plan(fresh, overdue, c0="ann", c1="bo")) == [
        "wait_reason"
    ]


def test_waiting_because_the_group_went_to_someone_full() -> None:
    team = team_of(
        make_case("a", group="g", effort_hours=8),
        make_case("b", group="g"),
    )
    group = {"b": WaitReason.GROUP}
    assert rules_broken(team, plan(team, group, a="ann")) == []
    assert rules_broken(team, plan(team, group)) == [
        "wait_reason",
        "wait_reason",
    ]


def test_a_waiting_case_states_a_reason() -> None:
    team = team_of(*(make_case(f"c{i}", effort_hours=6) for i in range(3)))
    entries = plan(team, c0="ann", c1="bo")
    bare = [e.model_copy(update={"wait_reason": None}) for e in entries]
    assert rules_broken(team, bare) == ["wait_reason"]


def test_recomputed_capacity_subtracts_kept_cases() -> None:
    team = team_of(make_case("k", owner="ann", pinned=True, effort_hours=3))
    assert casework_capacity(team, MONDAY) == {"ann": 5.0, "bo": 8.0}

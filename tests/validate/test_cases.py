"""The independent backlog checker flags each broken rule, one per test."""

from __future__ import annotations

from datetime import date
from typing import Any

from balancer.domain import Case, CaseStatus, Rules, Team
from balancer.result import CaseAssignment, DutyAssignment
from balancer.validate.cases import casework_capacity, check_backlog
from tests.factories import make_absence, make_case, make_duty, make_staff

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


def plan(team: Team, **owners: str | None) -> list[CaseAssignment]:
    """One entry per case of the team; unnamed cases stay on the shelf."""
    return [
        CaseAssignment(
            case_id=c.id, staff_id=owners.get(c.id), previous_owner=c.owner
        )
        for c in team.cases
    ]


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


def test_kept_case_moved() -> None:
    team = team_of(make_case("c1", owner="ann", status=CaseStatus.IN_PROGRESS))
    assert rules_broken(team, plan(team, c1="bo")) == ["kept"]


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


def test_move_budget() -> None:
    team = team_of(
        make_case("c1", owner="ann", status=CaseStatus.ASSIGNED),
        make_case("c2", owner="ann", status=CaseStatus.ASSIGNED),
    )
    entries = plan(team, c1="bo", c2=None)  # the shelf counts as a move
    assert rules_broken(team, entries, max_moves=2) == []
    assert rules_broken(team, entries, max_moves=1) == ["max_moves"]


def test_recomputed_capacity_subtracts_kept_cases() -> None:
    team = team_of(make_case("k", owner="ann", pinned=True, effort_hours=3))
    assert casework_capacity(team, MONDAY) == {"ann": 5.0, "bo": 8.0}

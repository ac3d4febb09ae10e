"""Who a planner means by ``replan --absent``: an id, a name, a first name."""

from __future__ import annotations

import pytest

from balancer.errors import InputError
from balancer.inputs.kept import staff_id_for
from tests.factories import make_staff, make_team

TEAM = make_team(
    staff=(
        make_staff("AH", name="Anna Holm"),
        make_staff("ÅL", name="Åse Lund"),
        make_staff("BB", name="Bo Berg"),
        make_staff("BK", name="Bo Kjær"),
        make_staff("CY"),
    )
)


@pytest.mark.parametrize(
    ("who", "staff_id"),
    [
        ("AH", "AH"),
        ("ah", "AH"),
        ("ål", "ÅL"),
        ("Anna Holm", "AH"),
        ("anna holm", "AH"),
        ("anna", "AH"),  # the README's own example: the only Anna
        (" ÅSE ", "ÅL"),
        ("bo berg", "BB"),  # a full name is unique where the first is not
    ],
)
def test_ids_names_and_a_unique_first_name_match_in_any_case(
    who: str, staff_id: str
) -> None:
    assert staff_id_for(TEAM, who) == staff_id


def test_a_shared_first_name_lists_the_candidates() -> None:
    with pytest.raises(InputError) as raised:
        staff_id_for(TEAM, "bo")
    [problem] = raised.value.problems
    assert problem.message == (
        "--absent 'bo' could be any of Bo Berg (BB), Bo Kjær (BK)"
    )
    assert problem.fix == (
        "give the staff id or the full name, e.g. --absent BB"
    )


@pytest.mark.parametrize("who", ["zed", "", "  "])
def test_nobody_of_that_name_is_a_problem(who: str) -> None:
    with pytest.raises(InputError, match="is nobody on the team"):
        staff_id_for(TEAM, who)

"""Reading GAP files: the layout, the names, and every bad file's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from balancer.errors import InputError
from balancer.inputs.gap_format import agent_id, gap_team, job_id, read_gap

TINY = Path(__file__).parents[1] / "data" / "gap_tiny.txt"


def _write(tmp_path: Path, text: str, name: str = "gap_bad.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_reads_every_problem_of_a_multi_problem_file() -> None:
    first, second = read_gap(TINY)
    assert (first.m, first.n, second.m, second.n) == (3, 6, 2, 3)
    assert first.cost[1][3] == 1  # agent 1, job 3
    assert first.resource[2] == (2,) * 6
    assert second.capacity == (4, 1)
    assert (first.name, second.index) == ("gap_tiny-1", 2)


def test_token_stream_ignores_line_wrapping(tmp_path: Path) -> None:
    """Public copies wrap rows differently; only the numbers count."""
    flat = " ".join(TINY.read_text().split())
    path = _write(tmp_path, "2\n" + flat[2:].replace(" ", "\n"), TINY.name)
    wrapped, original = read_gap(path), read_gap(TINY)
    assert [(p.cost, p.resource, p.capacity, p.name) for p in wrapped] == [
        (p.cost, p.resource, p.capacity, p.name) for p in original
    ]


def test_orlib_and_yagiura_names_follow_the_scorer(tmp_path: Path) -> None:
    block = "2 3\n5 1 3\n2 4 6\n2 2 2\n1 1 1\n4 1\n"
    orlib = _write(tmp_path, "1\n" + block, "gap12.txt")
    typed = _write(tmp_path, "1\n" + block, "gapd.txt")
    single = _write(tmp_path, block, "e02003")
    assert read_gap(orlib)[0].name == "c23-1"
    assert read_gap(orlib)[0].published_sense == "max"
    assert read_gap(typed)[0].name == "d02003"
    (one,) = read_gap(single)
    assert (one.set_name, one.name, one.published_sense) == (
        "yagiura",
        "e02003",
        "min",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1\n2 3\n5 1 x\n", "line 3: 'x' is not a whole number"),
        ("1\n2 3\n5 1 3\n2 4 6\n2 2\n", "file ends at line 5"),
        ("1\n0 3\n", "line 2: the number of agents m of problem 1 is 0"),
        (
            "1\n2 3\n5 1 3\n2 4 6\n2 2 2\n1 0 1\n4 1\n",
            "line 6 or after: resource row 2 of problem 1 holds 0",
        ),
        (
            "1\n2 3\n5 1 3\n2 4 6\n2 2 2\n1 1 1\n4 1\n7\n",
            "line 8: 1 numbers left over",
        ),
        ("1 2 3\n", "line 1 holds 3 numbers"),
        ("\n\n", "holds no numbers"),
    ],
)
def test_bad_file_names_the_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(InputError, match=expected):
        read_gap(_write(tmp_path, text))


def test_team_carries_efforts_costs_and_capacities_exactly() -> None:
    """One unit is one minute: the engine's whole minutes are the data."""
    instance = read_gap(TINY)[0]
    team = gap_team(instance, "min")
    case = team.cases[3]
    assert case.id == job_id(3)
    assert case.effort_for(agent_id(2)) * 60 == pytest.approx(2)
    assert case.cost_by_staff[agent_id(1)] == 1
    person = team.staff[0]
    assert person.case_capacity_hours is not None
    assert person.case_capacity_hours * 60 == pytest.approx(6)
    assert team.weights.fit == 1
    assert team.weights.balance_max == 0


def test_max_sense_turns_profit_into_cost() -> None:
    """Cost C - c with C the largest profit (9): same best assignment."""
    team = gap_team(read_gap(TINY)[0], "max")
    assert team.cases[0].cost_by_staff[agent_id(0)] == 9 - 1
    assert team.cases[3].cost_by_staff[agent_id(0)] == 0

"""Reading R||Cmax files: the layout, the bound, every bad file's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from balancer.errors import InputError
from balancer.inputs.gap_format import agent_id
from balancer.inputs.rcmax_format import rcmax_team, read_rcmax

TINY = Path(__file__).parents[1] / "data" / "rcmax_tiny.txt"


def test_reads_jobs_by_machine() -> None:
    instance = read_rcmax(TINY)
    assert (instance.n, instance.m, instance.name) == (6, 2, "rcmax_tiny.txt")
    assert instance.p[0] == (3, 5)
    assert instance.makespan([0, 0, 0, 1, 1, 1]) == max(3 + 4 + 2, 3 + 2 + 7)


def test_trivial_bound() -> None:
    """Fastest times 3,4,2,3,2,1 sum to 15 over 2 machines: ceil = 8;
    the longest fastest time is 4."""
    assert read_rcmax(TINY).trivial_bound() == 8


def test_team_has_the_ceiling_as_capacity() -> None:
    team = rcmax_team(read_rcmax(TINY), ceiling=12)
    assert team.staff[1].case_capacity_hours == pytest.approx(12 / 60)
    assert team.cases[5].effort_for(agent_id(1)) * 60 == pytest.approx(7)
    assert team.weights.balance_max == 1
    assert team.weights.fit == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2\n2\n1 2\n3 -4\n", "line 4: '-4' is not a whole number"),
        ("2\n2\n1 2\n3\n", "file ends at line 4 while reading the times"),
        ("2\n2\n1 2\n0 4\n", "line 4: job 1 takes 0 on machine 0"),
        ("1\n2\n1 2\n9\n", "line 4: 1 numbers left over after 1 jobs"),
        ("0\n2\n", "line 1: the number of jobs n is 0"),
    ],
)
def test_bad_file_names_the_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(InputError, match=expected):
        read_rcmax(path)

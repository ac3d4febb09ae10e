"""Our objective is the reference scorer's, on the shipped benchmarks.

Runs the scorers (``score.py`` in the shared benchmark folders) as
subprocesses on the plans we write. Skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from balancer.bench.common import write_assignment
from balancer.bench.gap import solve_gap
from balancer.bench.rcmax import solve_rcmax
from balancer.inputs.gap_format import read_gap
from balancer.inputs.rcmax_format import read_rcmax
from balancer.solvers.runner import SolveParams

SHARED = Path(__file__).parents[2] / ".." / "shared" / "benchmarks"
FAST = SolveParams(time_limit=2.0, workers=1)

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason="shared benchmark data not present"
)


def _score(*args: str | Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, *map(str, args), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("sense", ["max", "min"])
def test_gap1_objectives_agree_with_the_scorer(
    tmp_path: Path, sense: str
) -> None:
    path = SHARED / "gap" / "orlib" / "gap1.txt"
    for instance in read_gap(path):
        run = solve_gap(instance, sense, FAST)  # type: ignore[arg-type]
        assert run.agent_of_job is not None
        plan = write_assignment(tmp_path / "plan.csv", run.agent_of_job)
        scored = _score(
            SHARED / "gap" / "score.py",
            path,
            str(instance.index),
            plan,
            "--sense",
            sense,
        )
        assert scored["feasible"] is True
        assert scored["objective"] == run.row.objective
        assert scored["best_known"] == run.row.best_known
        # gap1 is small: the engine proves the published optimum.
        assert run.row.objective == run.row.best_known


@pytest.mark.parametrize("name", ["fr0001.txt", "fr1001.txt"])
def test_rcmax_makespans_agree_with_the_scorer(
    tmp_path: Path, name: str
) -> None:
    path = SHARED / "rcmax" / "instances" / name
    run = solve_rcmax(read_rcmax(path), FAST)
    assert run.machine_of_job is not None
    plan = write_assignment(tmp_path / "plan.csv", run.machine_of_job)
    scored = _score(SHARED / "rcmax" / "score.py", path, plan)
    assert scored["feasible"] is True
    assert scored["makespan"] == run.row.objective
    assert scored["best_known"] == run.row.best_known
    assert run.row.bound is not None
    assert run.row.bound <= scored["makespan"]  # type: ignore[operator]

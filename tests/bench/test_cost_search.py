"""The cost search: lowers the total fit cost, keeps every capacity."""

from __future__ import annotations

import random
import time
from itertools import product

import numpy as np

from balancer.bench.cost_search import lower_cost


def test_lower_cost_finds_the_cheapest_plan_within_capacity() -> None:
    # 7 jobs, 3 agents, random costs and sizes; the search starts from
    # the most expensive plan that fits and must reach the cheapest one
    # that trying all 3^7 plans finds.
    rng = random.Random(3)
    cost = np.array(
        [[rng.randint(1, 30) for _ in range(3)] for _ in range(7)],
        dtype=np.float64,
    )
    use = np.array(
        [[rng.randint(1, 6) for _ in range(3)] for _ in range(7)],
        dtype=np.float64,
    )
    capacity = np.array([10.0, 10.0, 10.0])

    def fits(plan: tuple[int, ...]) -> bool:
        load = np.zeros(3)
        for j, i in enumerate(plan):
            load[i] += use[j, i]
        return bool(np.all(load <= capacity))

    def total(plan: tuple[int, ...]) -> float:
        return float(sum(cost[j, i] for j, i in enumerate(plan)))

    feasible = [p for p in product(range(3), repeat=7) if fits(p)]
    cheapest = min(map(total, feasible))
    dearest = max(feasible, key=total)
    plan = lower_cost(
        cost,
        use,
        capacity,
        np.array(dearest, dtype=np.int64),
        time.perf_counter() + 1.0,
        seed=2,
    )
    found = tuple(int(i) for i in plan)
    assert fits(found)
    assert total(found) == cheapest < total(dearest)


def test_lower_cost_never_uses_a_forbidden_pair() -> None:
    # Job 0 is cheapest on agent 1 but may only go to agent 0.
    cost = np.array([[5.0, np.inf], [4.0, 1.0], [3.0, 1.0]])
    use = np.ones((3, 2))
    plan = lower_cost(
        cost,
        use,
        np.array([3.0, 3.0]),
        np.zeros(3, dtype=np.int64),
        time.perf_counter() + 0.3,
    )
    assert list(plan) == [0, 1, 1]  # the only plan of cost 7

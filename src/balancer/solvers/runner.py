"""What both CP-SAT engines share: parameters, status mapping, progress.

The engines build their own models; this module only runs a built model
the way planners expect: within the time limit, with live progress, and
with Ctrl-C stopping the search and keeping the best plan found so far.
Every CP-SAT call of the engines goes through :func:`run_model`, so each
one honours ``--workers``, ``params.extra`` and Ctrl-C.

A solve made of several searches (the rota's phases, its hints, its
line-by-line start) runs inside :func:`interruptible`: one Ctrl-C then
stops the search under way *and* every search after it
(:func:`stop_requested`), wherever in the solve it lands, so the engine
returns the best plan it has at once.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from balancer.result import SolveStats, SolveStatus

__all__ = [
    "Progress",
    "SolveParams",
    "SolveRun",
    "interruptible",
    "request_stop",
    "run_model",
    "stop_requested",
    "to_solve_status",
]


@dataclass(frozen=True)
class Progress:
    """A snapshot of the search, passed to progress listeners."""

    seconds: float
    objective: float
    bound: float
    solutions: int
    label: str = ""
    #: People missing from demands in the best plan and in the bound, for
    #: a search that may break demands (then ``objective`` and ``bound``
    #: are the other goals' points); None otherwise.
    missing: int | None = None
    bound_missing: int | None = None


ProgressListener = Callable[[Progress], None]


@dataclass(frozen=True)
class SolveParams:
    """How long and how hard to search.

    ``workers`` None uses every core. ``seed`` makes runs repeatable for a
    given worker count. ``on_progress`` is called on each better plan.
    """

    time_limit: float = 30.0
    workers: int | None = None
    seed: int = 0
    log: bool = False
    on_progress: ProgressListener | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def step(
        self,
        time_limit: float,
        *,
        workers: int | None = None,
        seed: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> SolveParams:
        """Settings for one helper search of a bigger solve.

        A helper (pricing a hint, a person's line, an explanation) has
        its own time limit and no live progress. It never uses more
        workers than the planner allowed (``--workers``): ``workers``
        is capped at this one's. Its ``extra`` settings are added to the
        planner's, and win where both name one.
        """
        cap = self.workers
        if workers is None:
            chosen = cap
        else:
            chosen = workers if cap is None else min(workers, cap)
        return SolveParams(
            time_limit=time_limit,
            workers=chosen,
            seed=self.seed if seed is None else seed,
            log=self.log,
            extra={**self.extra, **(extra or {})},
        )


def to_solve_status(cp_status: Any, has_solution: bool) -> SolveStatus:
    """Map a CP-SAT status to the planner-facing status."""
    if cp_status == cp_model.OPTIMAL:
        return SolveStatus.OPTIMAL
    if cp_status == cp_model.INFEASIBLE:
        return SolveStatus.INFEASIBLE
    if has_solution or cp_status == cp_model.FEASIBLE:
        return SolveStatus.FEASIBLE
    if cp_status == cp_model.MODEL_INVALID:
        raise RuntimeError("internal error: the CP-SAT model is invalid")
    return SolveStatus.TIME_LIMIT


class _ProgressCallback(cp_model.CpSolverSolutionCallback):
    def __init__(self, listener: ProgressListener | None) -> None:
        super().__init__()
        self._listener = listener
        self._started = time.perf_counter()
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self._listener is not None:
            self._listener(
                Progress(
                    seconds=time.perf_counter() - self._started,
                    objective=self.objective_value,
                    bound=self.best_objective_bound,
                    solutions=self.solutions,
                )
            )


@dataclass
class SolveRun:
    """A finished CP-SAT run: the solver to read values from, and stats."""

    solver: cp_model.CpSolver
    status: SolveStatus
    objective: float | None
    bound: float | None
    seconds: float
    interrupted: bool

    @classmethod
    def nothing(cls, seconds: float, *, interrupted: bool = False) -> SolveRun:
        """A run with nothing to read: TIME_LIMIT, no plan.

        For a search that never started, or one whose plan is set aside.
        """
        return cls(
            solver=cp_model.CpSolver(),
            status=SolveStatus.TIME_LIMIT,
            objective=None,
            bound=None,
            seconds=seconds,
            interrupted=interrupted,
        )

    @property
    def has_solution(self) -> bool:
        """True when values can be read from :attr:`solver`."""
        return self.status.has_plan

    def values(self) -> tuple[int, ...]:
        """Every variable's value in the solution, by proto index."""
        return tuple(self.solver.response_proto.solution)

    def stats(self, phases: tuple[str, ...] = ()) -> SolveStats:
        """The run as a :class:`SolveStats`."""
        return SolveStats(
            status=self.status,
            objective=self.objective,
            bound=self.bound,
            seconds=round(self.seconds, 3),
            interrupted=self.interrupted,
            phases=phases,
        )


class _Stop:
    """Ctrl-C within a solve: the flag, and the searches it must stop."""

    def __init__(self) -> None:
        self.requested = False
        self.depth = 0
        self.running: list[cp_model.CpSolver] = []

    def request(self) -> None:
        self.requested = True
        for solver in list(self.running):
            solver.stop_search()


_STOP = _Stop()


def stop_requested() -> bool:
    """True once Ctrl-C was pressed in the solve under way."""
    return _STOP.requested


@contextmanager
def interruptible() -> Iterator[None]:
    """Ctrl-C within the block stops every search in it, keeping plans.

    Outside the main thread (a web app's worker) signals cannot be
    caught; the block then only scopes :func:`stop_requested`. Blocks
    nest: the outermost one owns the handler and the flag.
    """
    outermost = _STOP.depth == 0
    previous: Any = None
    if outermost:
        _STOP.requested = False
        if threading.current_thread() is threading.main_thread():

            def _handler(signum: int, frame: Any) -> None:
                _STOP.request()

            previous = signal.signal(signal.SIGINT, _handler)
    _STOP.depth += 1
    try:
        yield
    finally:
        _STOP.depth -= 1
        if outermost and previous is not None:
            signal.signal(signal.SIGINT, previous)


def request_stop() -> None:
    """Stop the solve under way as Ctrl-C would (e.g. a Stop button)."""
    _STOP.request()


def _solve_in_thread(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    callback: _ProgressCallback,
) -> Any:
    """Solve on a helper thread while the main thread waits in Python.

    Python runs signal handlers only on the main thread, between bytecodes;
    a main thread blocked inside CP-SAT's C++ would leave Ctrl-C pending
    until the time limit. Waiting in short joins lets the handler run and
    stop the search at once.
    """
    if threading.current_thread() is not threading.main_thread():
        return solver.solve(model, callback)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["status"] = solver.solve(model, callback)
        except BaseException as error:  # re-raised on the main thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="cp-sat", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["status"]


def run_model(
    model: cp_model.CpModel,
    params: SolveParams,
    time_limit: float | None = None,
    *,
    after_stop: bool = False,
) -> SolveRun:
    """Solve ``model`` within the limit; never raises for no solution.

    ``time_limit`` overrides ``params.time_limit`` (used by multi-phase
    solves that split the budget). Once Ctrl-C stopped the solve, a new
    search returns at once with nothing, unless ``after_stop``: the
    short pricing of a plan in hand, which the engine needs to return it.
    """
    solver = cp_model.CpSolver()
    limit = params.time_limit if time_limit is None else time_limit
    solver.parameters.max_time_in_seconds = max(0.01, limit)
    if params.workers is not None:
        solver.parameters.num_workers = params.workers
    solver.parameters.random_seed = params.seed
    solver.parameters.log_search_progress = params.log
    # Ctrl-C is ours (see _stop_on_ctrl_c): CP-SAT's own handler aborts
    # the process when the search runs off the main thread.
    solver.parameters.catch_sigint_signal = False
    for name, value in params.extra.items():
        if isinstance(value, list | tuple):  # a repeated field
            field = getattr(solver.parameters, name)
            field.clear()
            field.extend(value)
        else:
            setattr(solver.parameters, name, value)
    callback = _ProgressCallback(params.on_progress)
    started = time.perf_counter()
    with interruptible():
        if _STOP.requested and not after_stop:
            return SolveRun.nothing(0.0, interrupted=True)
        _STOP.running.append(solver)
        try:
            cp_status = _solve_in_thread(solver, model, callback)
        finally:
            _STOP.running.remove(solver)
        interrupted = _STOP.requested
    seconds = time.perf_counter() - started
    has_solution = cp_status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    status = to_solve_status(cp_status, has_solution)
    objective = bound = None
    if has_solution and model.has_objective():
        objective = solver.objective_value
        bound = solver.best_objective_bound
        if math.isinf(bound):
            bound = None
    return SolveRun(
        solver=solver,
        status=status,
        objective=objective,
        bound=bound,
        seconds=seconds,
        interrupted=interrupted,
    )

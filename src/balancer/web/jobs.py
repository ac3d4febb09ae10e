"""Plans and sick calls run in a process of their own, one per run.

Each run of the app (planning a month, replanning a sick call) gets a
fresh Python process, started with ``spawn``:

- Its Stop is its own. The engines stop on one flag per process (Ctrl-C
  in the terminal, :func:`balancer.solvers.runner.request_stop` in code);
  two browser tabs planning at once must not stop each other's search.
  In its own process, a run's Stop button calls ``request_stop`` there
  and nowhere else, and the engine returns the best plan so far, as
  Ctrl-C does.
- The server stays responsive while CP-SAT uses the cores.
- A run ends cleanly or not at all: every file is written atomically
  (:mod:`balancer.files.saving`), so stopping the server mid-run leaves
  the previous files or the new ones, never half of one.

The run's process reports through a queue: ``("progress", phase,
seconds, objective, bound)`` on each better plan, ``("phase", name)``
when a search starts, and one last ``("done", summary)`` or
``("failed", message)``.
"""

from __future__ import annotations

import io
import threading
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event
    from pathlib import Path

    from balancer.language import Language
    from balancer.result import DutyAssignment, RotaResult
    from balancer.solvers.runner import Progress

__all__ = [
    "BACKLOG_FILE",
    "BOARD_FILE",
    "CALENDARS_FILE",
    "ROTA_FILE",
    "PlanJob",
    "RunSummary",
    "SickJob",
    "run_job",
]

ROTA_FILE = "rota.xlsx"
BACKLOG_FILE = "backlog.xlsx"
CALENDARS_FILE = "calendars.zip"
BOARD_FILE = "board.html"


@dataclass(frozen=True)
class PlanJob:
    """Plan ``month`` for the team in ``team_path``, into ``folder``."""

    team_path: Path
    month: str
    folder: Path
    time_limit: float
    workers: int | None = None
    lang: Language = "en"


@dataclass(frozen=True)
class SickJob:
    """Cover ``who`` away ``first``-``last`` in the rota of ``rota_path``."""

    team_path: Path
    rota_path: Path
    month: str
    who: str
    first: date
    last: date
    folder: Path
    time_limit: float
    workers: int | None = None
    lang: Language = "en"


@dataclass(frozen=True)
class RunSummary:
    """What a finished run made: statuses, figures and the files."""

    kind: str
    rota_status: str
    rota_objective: float | None
    rota_bound: float | None
    interrupted: bool
    relaxed: bool = False
    backlog_status: str | None = None
    assigned: int | None = None
    shelf: int | None = None
    late: int | None = None
    changes: int | None = None
    files: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


def run_job(job: PlanJob | SickJob, queue: Queue[Any], stop: Event) -> None:
    """The run process's entry: do ``job``, reporting on ``queue``.

    A Stop (``stop`` set) stops the search under way and every search
    after it, keeping the best plan so far.
    """
    import signal

    from balancer.errors import BalancerError
    from balancer.solvers.runner import interruptible, request_stop

    # Ctrl-C in the server's terminal reaches this process too; until the
    # search takes it (as a Stop, in interruptible), it must not kill the
    # run half way: the server stops its runs itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        stop.wait()
        request_stop()

    threading.Thread(target=watch, name="stop", daemon=True).start()
    try:
        with interruptible():
            if isinstance(job, PlanJob):
                summary = _plan(job, queue)
            else:
                summary = _sick(job, queue)
    except BalancerError as error:
        queue.put(("failed", str(error)))
    except Exception as error:  # reported to the planner, not swallowed
        queue.put(("failed", f"{type(error).__name__}: {error}"))
    else:
        queue.put(("done", summary))


def _listener(queue: Queue[Any], phase: str) -> Any:
    def report(progress: Progress) -> None:
        queue.put(
            (
                "progress",
                phase,
                round(progress.seconds, 2),
                progress.objective,
                progress.bound,
            )
        )

    return report


def _params(job: PlanJob | SickJob, queue: Queue[Any], phase: str) -> Any:
    from balancer.solvers.runner import SolveParams

    return SolveParams(
        time_limit=job.time_limit,
        workers=job.workers,
        on_progress=_listener(queue, phase),
    )


def _plan(job: PlanJob, queue: Queue[Any]) -> RunSummary:
    from balancer.domain import Month
    from balancer.inputs.month_checks import load_team_for_month
    from balancer.outputs.backlog_frames import backlog_metrics
    from balancer.outputs.backlog_workbook import write_backlog_workbook
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import (
        balance_backlog,
        baseline_results,
        first_opening_day,
        solve_rota,
    )
    from balancer.solvers.runner import stop_requested

    month = Month.parse(job.month)
    team = load_team_for_month(job.team_path, month).team
    queue.put(("phase", "rota"))
    rota = solve_rota(team, month, _params(job, queue, "rota"))
    files: list[str] = []
    backlog_status = None
    assigned = shelf = late = None
    if rota.assignments:
        write_rota_workbook(
            team, month, rota, job.folder / ROTA_FILE,
            inputs=[job.team_path], lang=job.lang,
        )  # fmt: skip
        files.append(ROTA_FILE)
        files += _calendars(job.folder, job.team_path)
    if team.cases:
        queue.put(("phase", "backlog"))
        start = first_opening_day(team, month)
        backlog = balance_backlog(
            team, start, _params(job, queue, "backlog"),
            rota=rota.assignments,
        )  # fmt: skip
        backlog_status = backlog.status.value
        if backlog.status.has_plan:
            baselines = baseline_results(team, start, rota.assignments)
            figures = {
                name: backlog_metrics(team, result)
                for name, result in baselines.items()
            }
            write_backlog_workbook(
                team, backlog, job.folder / BACKLOG_FILE,
                inputs=[job.team_path], baselines=figures,
            )  # fmt: skip
            files.append(BACKLOG_FILE)
            mine = backlog.assignments
            assigned = sum(1 for a in mine if a.staff_id is not None)
            shelf = len(mine) - assigned
            late = sum(1 for a in mine if a.late)
    stopped = stop_requested()
    return RunSummary(
        kind="plan",
        rota_status=rota.status.value,
        rota_objective=rota.stats.objective,
        rota_bound=rota.stats.bound,
        interrupted=rota.stats.interrupted or stopped,
        relaxed=rota.relaxed,
        backlog_status=backlog_status,
        assigned=assigned,
        shelf=shelf,
        late=late,
        files=tuple(files),
        notes=tuple(c.message for c in rota.conflicts[:20]),
    )


def _sick(job: SickJob, queue: Queue[Any]) -> RunSummary:
    from balancer.domain import Month
    from balancer.inputs.kept import keep_baseline, with_absence
    from balancer.inputs.month_checks import load_team_for_month
    from balancer.outputs.rota_changes import (
        add_changes_sheet,
        asks_frame,
        changes_frame,
    )
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import solve_rota
    from balancer.solvers.rota.ask import people_to_ask

    month = Month.parse(job.month)
    team = load_team_for_month(job.team_path, month).team
    frozen = job.first - timedelta(days=1)
    kept, _ = keep_baseline(
        job.rota_path, team, month, frozen if frozen >= month.first else None
    )
    before = list(kept.current)
    team, staff_id = with_absence(
        team, job.who, job.first, min(job.last, month.last)
    )

    def affected(a: DutyAssignment) -> bool:
        return a.staff_id == staff_id and job.first <= a.day <= job.last

    baseline = kept.model_copy(
        update={"pinned": tuple(a for a in kept.pinned if not affected(a))}
    )
    queue.put(("phase", "rota"))
    result = solve_rota(
        team, month, _params(job, queue, "rota"), baseline=baseline
    )
    files: list[str] = []
    changes = None
    if result.assignments:
        gaps = [a for a in before if affected(a)]
        asks = people_to_ask(
            team, gaps, result.assignments, result.staff, before=before
        )
        frame = changes_frame(team, before, result.assignments)
        changes = len(frame)
        heading = (
            f"Replan: {staff_id} away {job.first:%d.%m.%Y}-"
            f"{job.last:%d.%m.%Y}; {changes} change(s)"
        )
        write_rota_workbook(
            team, month, result, job.folder / ROTA_FILE,
            inputs=[job.team_path, job.rota_path], lang=job.lang,
            extra=lambda book: add_changes_sheet(
                book, frame, asks_frame(team, asks), heading
            ),
        )  # fmt: skip
        files.append(ROTA_FILE)
        files += _calendars(job.folder, job.team_path)
    return _rota_summary("sick", result, files, changes)


def _rota_summary(
    kind: str, result: RotaResult, files: list[str], changes: int | None
) -> RunSummary:
    return RunSummary(
        kind=kind,
        rota_status=result.status.value,
        rota_objective=result.stats.objective,
        rota_bound=result.stats.bound,
        interrupted=result.stats.interrupted,
        relaxed=result.relaxed,
        changes=changes,
        files=tuple(files),
        notes=tuple(c.message for c in result.conflicts[:20]),
    )


def _calendars(folder: Path, team_path: Path) -> list[str]:
    """One .ics per person, zipped, from the rota workbook just written."""
    from balancer.files.saving import save_bytes
    from balancer.inputs.rota_workbook import read_board
    from balancer.outputs.ics import calendar_files

    rota_path = folder / ROTA_FILE
    rota = read_board(rota_path)
    stamp = datetime.fromtimestamp(rota_path.stat().st_mtime, tz=UTC)
    files = calendar_files(
        rota, team=team_path.stem, stamp=stamp.replace(microsecond=0)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    save_bytes(buffer.getvalue(), folder / CALENDARS_FILE, [team_path])
    return [CALENDARS_FILE]

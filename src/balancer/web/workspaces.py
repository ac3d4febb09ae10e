"""A workspace per browser tab: its team, its runs and its files.

Opening the app's address makes a new workspace with a random id in the
URL, so two tabs get two workspaces: separate runs, separate files, in
separate folders under the work folder. (A cookie would be shared by the
tabs.) A workspace keeps the team workbook in use, the problems of the
last file checked, the month, the run under way, and the folder of the
last run that made files.

Files: an upload or a picked file is first copied into the workspace as
``incoming-*``, checked by the same reader as the command line
(:func:`balancer.inputs.loaded.load_team`, with every guard), and only
then renamed over the workspace's team file. A file with problems is
deleted and the team in use stays as it was: a failed upload loses
nothing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING, Any

from balancer.errors import InputError, InputProblem
from balancer.web.jobs import ROTA_FILE, PlanJob, RunSummary, SickJob, run_job

if TYPE_CHECKING:
    from balancer.domain import Month, Team

__all__ = [
    "MAX_UPLOAD_BYTES",
    "TEAM_SUFFIXES",
    "Checked",
    "Run",
    "Workspace",
    "Workspaces",
    "sweep_partial_files",
]

#: Refuse uploads larger than this (the workbook guards check what is
#: inside; this keeps a stray video from filling the disk first).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

#: What a team file may be.
TEAM_SUFFIXES = (".xlsx", ".xlsm", ".json")

#: Seconds a stopped run gets to write its best plan at shutdown.
STOP_GRACE = 20.0


def sweep_partial_files(folder: Path) -> int:
    """Delete temporary files a killed writer left (``.*.tmp``).

    The atomic writers name their temporary files ``.<stem>-*.tmp``
    beside the target; one is left only when a process was killed mid
    write. Returns how many were removed.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    for path in folder.rglob("incoming-*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


@dataclass
class Checked:
    """The outcome of checking one file: problems and notes, or a team."""

    name: str
    problems: list[InputProblem] = field(default_factory=list)
    notes: list[InputProblem] = field(default_factory=list)
    month_problems: list[InputProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file can be planned."""
        return not self.problems and not self.month_problems


class Run:
    """One plan or sick call in a process of its own.

    Progress arrives on a queue and is kept here for the page to poll;
    :meth:`stop` asks the run to stop and keep its best plan.
    """

    def __init__(self, job: PlanJob | SickJob, kind: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.kind = kind
        self.folder = job.folder
        self._queue: Any = context.Queue()
        self._stop = context.Event()
        self._lock = threading.Lock()
        self.started = time.monotonic()
        self.phase = ""
        self.seconds = 0.0
        self.objective: float | None = None
        self.bound: float | None = None
        self.improvements = 0
        self.stopping = False
        self.summary: RunSummary | None = None
        self.error: str | None = None
        self._process = context.Process(
            target=run_job,
            args=(job, self._queue, self._stop),
            name=f"balancer-{kind}",
            daemon=True,
        )
        self._process.start()
        self._reader = threading.Thread(
            target=self._read, name="run-progress", daemon=True
        )
        self._reader.start()

    @property
    def running(self) -> bool:
        """True until the run reported its end (or died)."""
        return self.summary is None and self.error is None

    def stop(self) -> None:
        """Stop the search; the run keeps and writes its best plan."""
        self.stopping = True
        self._stop.set()

    def wait(self, timeout: float) -> bool:
        """Wait for the run to end; True when it did."""
        self._reader.join(timeout)
        return not self._reader.is_alive()

    def kill(self) -> None:
        """End the process at once (after :meth:`stop` had its grace)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join(5)

    def snapshot(self) -> dict[str, Any]:
        """The run as the page shows it."""
        with self._lock:
            return {
                "kind": self.kind,
                "running": self.running,
                "stopping": self.stopping,
                "phase": self.phase,
                "seconds": round(self.seconds, 1),
                "elapsed": round(time.monotonic() - self.started, 1),
                "objective": self.objective,
                "bound": self.bound,
                "improvements": self.improvements,
                "summary": self.summary,
                "error": self.error,
            }

    def _read(self) -> None:
        while True:
            try:
                message = self._queue.get(timeout=0.2)
            except Empty:
                if not self._process.is_alive():
                    self._drain_after_exit()
                    return
                continue
            if self._handle(message):
                self._process.join(10)
                return

    def _drain_after_exit(self) -> None:
        # The process may have put its last words just before it ended.
        with contextlib.suppress(Empty, OSError, ValueError):
            while True:
                if self._handle(self._queue.get(timeout=0.5)):
                    return
        with self._lock:
            if self.running:
                self.error = "the run ended unexpectedly"

    def _handle(self, message: tuple[Any, ...]) -> bool:
        """Apply one report; True when it was the last."""
        with self._lock:
            kind = message[0]
            if kind == "phase":
                self.phase = message[1]
                self.objective = self.bound = None
                self.seconds = 0.0
            elif kind == "progress":
                _, self.phase, self.seconds, self.objective, self.bound = (
                    message
                )
                self.improvements += 1
            elif kind == "done":
                self.summary = message[1]
                return True
            elif kind == "failed":
                self.error = message[1]
                return True
        return False


@dataclass
class Workspace:
    """One browser tab's team, month, run and files."""

    id: str
    folder: Path
    month: str
    team_path: Path | None = None
    team_name: str = ""
    team: Team | None = None
    checked: Checked | None = None
    run: Run | None = None
    runs: int = 0
    results: Path | None = None
    result_month: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the team -----------------------------------------------------------

    def take_team(self, data: bytes, name: str, month: Month) -> Checked:
        """Check ``data`` (a file named ``name``); use it if it is good.

        A file with problems is deleted and the team in use kept.
        """
        suffix = Path(name).suffix.lower()
        incoming = self.folder / f"incoming-{secrets.token_hex(4)}{suffix}"
        incoming.write_bytes(data)
        try:
            checked, team = check_team_file(incoming, name, month)
            if team is not None and checked.ok:
                target = self.folder / f"team{suffix}"
                for old in self.folder.glob("team.*"):
                    if old != target:
                        old.unlink()
                os.replace(incoming, target)
                self.team_path = target
                self.team_name = name
                self.team = team
        finally:
            with contextlib.suppress(OSError):
                incoming.unlink()
        self.checked = checked
        return checked

    # -- runs -------------------------------------------------------------

    def next_folder(self) -> Path:
        """A new folder for the next run's files."""
        self.runs += 1
        folder = self.folder / f"run-{self.runs:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def settle(self) -> None:
        """Take a finished run's files as the results to show."""
        run = self.run
        if run is None or run.summary is None:
            return
        if ROTA_FILE in run.summary.files and self.results != run.folder:
            self.results = run.folder
            self.result_month = self.month


def check_team_file(
    path: Path, name: str, month: Month
) -> tuple[Checked, Team | None]:
    """Read ``path`` with every guard and check it for ``month``."""
    from balancer.inputs.loaded import load_team
    from balancer.inputs.month_checks import check_month

    checked = Checked(name)
    try:
        loaded = load_team(path)
    except InputError as error:
        checked.problems = list(error.problems)
        return checked, None
    found = check_month(loaded, month)
    checked.notes = [*loaded.notes, *found.warnings]
    checked.month_problems = list(found.problems)
    return checked, loaded.team


class Workspaces:
    """Every workspace of the running app, by id."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._all: dict[str, Workspace] = {}
        self._lock = threading.Lock()

    def create(self, month: str) -> Workspace:
        """A new workspace with its own folder."""
        stamp = date.today().strftime("%Y%m%d")
        with self._lock:
            while True:
                key = secrets.token_urlsafe(9)
                if key not in self._all:
                    break
            folder = self.root / f"{stamp}-{key}"
            folder.mkdir(parents=True, exist_ok=True)
            workspace = Workspace(id=key, folder=folder, month=month)
            self._all[key] = workspace
            return workspace

    def get(self, key: str) -> Workspace | None:
        """The workspace ``key``, None if there is none."""
        with self._lock:
            return self._all.get(key)

    def shutdown(self) -> None:
        """Stop every run; give each time to write its best plan."""
        runs = [w.run for w in self._all.values() if w.run is not None]
        for run in runs:
            if run.running:
                run.stop()
        deadline = time.monotonic() + STOP_GRACE
        for run in runs:
            if not run.wait(max(0.1, deadline - time.monotonic())):
                run.kill()
        sweep_partial_files(self.root)

"""The web app: the command line's work, for planners who would rather click.

Built on Starlette (an ASGI toolkit) and served by uvicorn. Pages are
rendered on the server with Jinja2 (escaping every name from a
workbook); the only script is a few lines inline that poll the run's
progress and press Stop. Nothing is fetched from elsewhere.

Routes (``{ws}`` is the workspace of one browser tab, see
:mod:`.workspaces`):

``GET /``                       a new workspace; redirects to it
``GET /w/{ws}/``                the page: team, plan, results, sick call
``POST /w/{ws}/upload``         upload a team workbook and check it
``POST /w/{ws}/pick``           check a workbook from the folder
``POST /w/{ws}/plan``           plan the month (a run)
``POST /w/{ws}/sick``           replan a sick call (a run)
``POST /w/{ws}/stop``           stop the run, keeping the best plan
``GET /w/{ws}/progress``        the run's progress, as JSON
``GET /w/{ws}/rota``            the rota as the Board
``GET /w/{ws}/board``           the board meeting's page
``GET /w/{ws}/files/{name}``    rota.xlsx, backlog.xlsx, calendars.zip
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from balancer.domain import Month
from balancer.errors import BalancerError, InputProblem
from balancer.web.jobs import (
    BACKLOG_FILE,
    CALENDARS_FILE,
    ROTA_FILE,
    PlanJob,
    SickJob,
)
from balancer.web.words import AppWords
from balancer.web.workspaces import (
    MAX_UPLOAD_BYTES,
    TEAM_SUFFIXES,
    Checked,
    Run,
    Workspace,
    Workspaces,
    sweep_partial_files,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from starlette.requests import Request

    from balancer.language import Language

__all__ = ["AppSettings", "create_app"]

#: Files a workspace serves for download, and their media types.
DOWNLOADS = {
    ROTA_FILE: "application/vnd.openxmlformats-officedocument"
    ".spreadsheetml.sheet",
    BACKLOG_FILE: "application/vnd.openxmlformats-officedocument"
    ".spreadsheetml.sheet",
    CALENDARS_FILE: "application/zip",
}


class AppSettings:
    """What ``balancer serve`` was started with."""

    def __init__(
        self,
        folder: Path,
        work: Path,
        lang: Language = "en",
        workers: int | None = None,
        time_limit: float = 30.0,
    ) -> None:
        self.folder = folder
        self.work = work
        self.lang: Language = lang
        self.workers = workers
        self.time_limit = time_limit


def create_app(settings: AppSettings) -> Starlette:
    """The app for ``settings``; its workspaces live under ``work``."""
    settings.work.mkdir(parents=True, exist_ok=True)
    sweep_partial_files(settings.work)
    spaces = Workspaces(settings.work)
    words = AppWords(settings.lang)
    pages = _Pages(settings, spaces, words)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await run_in_threadpool(spaces.shutdown)

    routes = [
        Route("/", pages.start),
        Route("/w/{ws}/", pages.home),
        Route("/w/{ws}/upload", pages.upload, methods=["POST"]),
        Route("/w/{ws}/pick", pages.pick, methods=["POST"]),
        Route("/w/{ws}/plan", pages.plan, methods=["POST"]),
        Route("/w/{ws}/sick", pages.sick, methods=["POST"]),
        Route("/w/{ws}/stop", pages.stop, methods=["POST"]),
        Route("/w/{ws}/progress", pages.progress),
        Route("/w/{ws}/rota", pages.rota),
        Route("/w/{ws}/board", pages.board),
        Route("/w/{ws}/files/{name}", pages.download),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.workspaces = spaces
    return app


class _Pages:
    """The route handlers, sharing the settings and the workspaces."""

    def __init__(
        self, settings: AppSettings, spaces: Workspaces, words: AppWords
    ) -> None:
        self.settings = settings
        self.spaces = spaces
        self.w = words
        self.env = Environment(
            loader=PackageLoader("balancer.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # -- helpers ------------------------------------------------------------

    def render(self, name: str, status: int = 200, **context: Any) -> Response:
        html = self.env.get_template(name).render(
            w=self.w, lang=self.w.lang, **context
        )
        return HTMLResponse(html, status_code=status)

    def workspace(self, request: Request) -> Workspace | None:
        return self.spaces.get(request.path_params["ws"])

    def missing(self) -> Response:
        return self.render("missing.html", status=404)

    def foreign(self, request: Request) -> bool:
        """True for a form posted from another web site (CSRF)."""
        origin = request.headers.get("origin")
        if not origin or origin == "null":
            return False
        host = request.headers.get("host", "")
        return origin.split("://", 1)[-1] != host

    def back(self, workspace: Workspace) -> Response:
        return RedirectResponse(f"/w/{workspace.id}/", status_code=303)

    # -- pages ------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        month = str(Month.following(date.today()))
        workspace = await run_in_threadpool(self.spaces.create, month)
        return self.back(workspace)

    async def home(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        workspace.settle()
        return self.render(
            "workspace.html", **self._home_context(workspace, request)
        )

    def _home_context(
        self, workspace: Workspace, request: Request
    ) -> dict[str, Any]:
        run = workspace.run
        files = []
        if workspace.results is not None:
            files = [
                (name, label)
                for name, label in (
                    (ROTA_FILE, "result.rota_file"),
                    (BACKLOG_FILE, "result.backlog_file"),
                    (CALENDARS_FILE, "result.calendars"),
                )
                if (workspace.results / name).exists()
            ]
        team = workspace.team
        shown = Month.parse(workspace.result_month or workspace.month)
        return {
            "sick_min": shown.first.isoformat(),
            "sick_max": shown.last.isoformat(),
            "ws": workspace,
            "candidates": self._candidates(),
            "folder": str(self.settings.folder),
            "checked": workspace.checked,
            "run": None if run is None else run.snapshot(),
            "run_line": None if run is None else self._run_line(run),
            "files": files,
            "people": []
            if team is None
            else [(p.id, p.name or p.id) for p in team.staff],
            "time_limit": self.settings.time_limit,
            "message": request.query_params.get("m", ""),
        }

    def _candidates(self) -> list[str]:
        folder = self.settings.folder
        if not folder.is_dir():
            return []
        return sorted(
            p.name
            for p in folder.iterdir()
            if p.is_file()
            and p.suffix.lower() in TEAM_SUFFIXES
            and not p.name.startswith((".", "~$"))
        )

    # -- the team ---------------------------------------------------------

    async def upload(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        if self.foreign(request):
            return HTMLResponse(self.w("error.origin"), status_code=403)
        size = int(request.headers.get("content-length") or 0)
        if size > MAX_UPLOAD_BYTES + 64 * 1024:
            return self._refused(workspace, "?", self._too_big())
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("team")
        month = self._month(form.get("month"), workspace)
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self._refused(
                workspace, "?", InputProblem(self.w("team.no_file"))
            )
        name = Path(upload.filename).name
        if Path(name).suffix.lower() not in TEAM_SUFFIXES:
            return self._refused(
                workspace,
                name,
                InputProblem(self.w("team.kind"), fix=self.w("team.kind.fix")),
            )
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        await upload.close()
        if len(data) > MAX_UPLOAD_BYTES:
            return self._refused(workspace, name, self._too_big())
        await self._take(workspace, data, name, month)
        return self.back(workspace)

    async def pick(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        if self.foreign(request):
            return HTMLResponse(self.w("error.origin"), status_code=403)
        form = await request.form(max_files=0, max_fields=10)
        name = str(form.get("name") or "")
        month = self._month(form.get("month"), workspace)
        if name not in self._candidates():
            return self.back(workspace)
        path = self.settings.folder / name
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            return self._refused(workspace, name, self._too_big())
        data = await run_in_threadpool(path.read_bytes)
        await self._take(workspace, data, name, month)
        return self.back(workspace)

    async def _take(
        self, workspace: Workspace, data: bytes, name: str, month: Month
    ) -> Checked:
        def work() -> Checked:
            with workspace.lock:
                workspace.month = str(month)
                return workspace.take_team(data, name, month)

        return await run_in_threadpool(work)

    def _month(self, value: Any, workspace: Workspace) -> Month:
        try:
            return Month.parse(str(value or workspace.month))
        except ValueError:
            return Month.parse(workspace.month)

    def _too_big(self) -> InputProblem:
        return InputProblem(
            self.w("team.too_big", size=MAX_UPLOAD_BYTES >> 20),
            fix=self.w("team.too_big.fix"),
        )

    def _refused(
        self, workspace: Workspace, name: str, problem: InputProblem
    ) -> Response:
        workspace.checked = Checked(name, problems=[problem])
        return self.back(workspace)

    # -- runs ---------------------------------------------------------------

    async def plan(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        if self.foreign(request):
            return HTMLResponse(self.w("error.origin"), status_code=403)
        form = await request.form(max_files=0, max_fields=10)
        text = str(form.get("month") or workspace.month)
        try:
            month = Month.parse(text)
        except ValueError:
            return self._say(workspace, self.w("plan.bad_month", month=text))
        limit = _seconds(form.get("time_limit"))
        if limit is None:
            return self._say(workspace, self.w("plan.bad_limit"))
        if workspace.team_path is None:
            return self._say(workspace, self.w("plan.need_team"))
        if str(month) != workspace.month:
            # The team is checked again for the new month's rules.
            data = await run_in_threadpool(workspace.team_path.read_bytes)
            checked = await self._take(
                workspace, data, workspace.team_name, month
            )
            if not checked.ok:
                return self.back(workspace)
        with workspace.lock:
            if workspace.run is not None and workspace.run.running:
                return self._say(workspace, self.w("plan.busy"))
            if workspace.team_path is None:
                return self._say(workspace, self.w("plan.need_team"))
            job = PlanJob(
                team_path=workspace.team_path,
                month=str(month),
                folder=workspace.next_folder(),
                time_limit=limit,
                workers=self.settings.workers,
                lang=self.w.lang,
            )
            workspace.run = Run(job, "plan")
        return self.back(workspace)

    async def sick(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        if self.foreign(request):
            return HTMLResponse(self.w("error.origin"), status_code=403)
        form = await request.form(max_files=0, max_fields=10)
        workspace.settle()
        if workspace.results is None or workspace.team_path is None:
            return self._say(workspace, self.w("sick.need_rota"))
        month = Month.parse(workspace.result_month or workspace.month)
        try:
            first = date.fromisoformat(str(form.get("from") or ""))
            last = date.fromisoformat(str(form.get("to") or first))
        except ValueError:
            first = last = date.min
        if not (month.first <= first <= last <= month.last):
            return self._say(
                workspace,
                self.w("sick.bad_dates", month=self.w.month(month)),
            )
        limit = _seconds(form.get("time_limit")) or self.settings.time_limit
        who = str(form.get("who") or "")
        with workspace.lock:
            if workspace.run is not None and workspace.run.running:
                return self._say(workspace, self.w("plan.busy"))
            job = SickJob(
                team_path=workspace.team_path,
                rota_path=workspace.results / ROTA_FILE,
                month=str(month),
                who=who,
                first=first,
                last=last,
                folder=workspace.next_folder(),
                time_limit=limit,
                workers=self.settings.workers,
                lang=self.w.lang,
            )
            workspace.run = Run(job, "sick")
        return self.back(workspace)

    async def stop(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        if self.foreign(request):
            return HTMLResponse(self.w("error.origin"), status_code=403)
        if workspace.run is not None and workspace.run.running:
            workspace.run.stop()
        if "json" in request.headers.get("accept", ""):
            return JSONResponse({"stopping": True})
        return self.back(workspace)

    async def progress(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        run = workspace.run
        if run is None:
            return JSONResponse({"running": False, "line": ""})
        workspace.settle()
        snap = run.snapshot()
        return JSONResponse(
            {
                "running": snap["running"],
                "stopping": snap["stopping"],
                "line": self._run_line(run),
                "objective": snap["objective"],
                "bound": snap["bound"],
                "improvements": snap["improvements"],
            }
        )

    def _run_line(self, run: Run) -> str:
        snap = run.snapshot()
        w = self.w
        if snap["error"]:
            return w("run.failed", message=snap["error"])
        summary = snap["summary"]
        if summary is not None:
            return self._summary_line(summary)
        if snap["stopping"]:
            return w("run.stopping")
        if not snap["phase"]:
            return w("run.starting")
        phase = w(f"run.phase.{snap['phase']}")
        if snap["objective"] is None:
            return w("run.waiting", phase=phase, seconds=snap["elapsed"])
        return w(
            "run.progress",
            phase=phase,
            seconds=w.number(snap["seconds"], 1),
            objective=w.number(snap["objective"], 0),
            bound="-" if snap["bound"] is None else w.number(snap["bound"], 0),
        )

    def _summary_line(self, summary: Any) -> str:
        w = self.w
        status = w(f"status.{summary.rota_status}")
        if ROTA_FILE not in summary.files:
            return w("run.no_plan", status=status)
        text = w(
            "run.done",
            status=status,
            stopped=w("run.stopped") if summary.interrupted else "",
        )
        if summary.relaxed:
            text += w("run.relaxed")
        text += "".join(f" {note}" for note in summary.notes[:3])
        if summary.backlog_status and summary.assigned is not None:
            text += w(
                "run.backlog",
                status=w(f"status.{summary.backlog_status}"),
                assigned=summary.assigned,
                shelf=summary.shelf,
                late=summary.late,
            )
        if summary.changes is not None:
            text += w("run.changes", count=summary.changes)
        return text

    def _say(self, workspace: Workspace, message: str) -> Response:
        from urllib.parse import quote

        return RedirectResponse(
            f"/w/{workspace.id}/?m={quote(message)}", status_code=303
        )

    # -- results ----------------------------------------------------------

    def _loaded_results(self, workspace: Workspace) -> Any:
        """The team, month, rota and backlog plan of the last results."""
        from balancer.inputs.backlog_workbook import read_backlog_workbook
        from balancer.inputs.rota_workbook import open_rota_workbook

        assert workspace.results is not None
        assert workspace.team is not None and workspace.result_month
        month = Month.parse(workspace.result_month)
        team = workspace.team
        rota = open_rota_workbook(workspace.results / ROTA_FILE).assignments(
            team, month
        )
        backlog_path = workspace.results / BACKLOG_FILE
        backlog = (
            read_backlog_workbook(backlog_path)
            if backlog_path.exists()
            else None
        )
        return team, month, rota, backlog

    async def rota(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        workspace.settle()
        if workspace.results is None or workspace.team is None:
            return self.back(workspace)

        def build() -> dict[str, Any]:
            from balancer.outputs.rota_frames import board_frame
            from balancer.solvers.planning import account_for

            team, month, rota, _ = self._loaded_results(workspace)
            frame = board_frame(team, month, account_for(team, month, rota))
            rows: list[dict[str, Any]] = []
            for row in frame.to_dict("records"):
                rows.append(_board_row(row, team, self.w))
            previous = None
            for entry in rows:
                entry["first"] = entry["date"] != previous
                previous = entry["date"]
            return {"rows": rows, "month": self.w.month(month)}

        try:
            context = await run_in_threadpool(build)
        except BalancerError as error:
            return self._say(workspace, str(error))
        return self.render("rota.html", ws=workspace, **context)

    async def board(self, request: Request) -> Response:
        workspace = self.workspace(request)
        if workspace is None:
            return self.missing()
        workspace.settle()
        if workspace.results is None or workspace.team is None:
            return self.back(workspace)

        def build() -> str:
            from balancer.outputs.board_figures import (
                board_day,
                board_figures,
            )
            from balancer.outputs.board_page import board_html

            team, month, rota, backlog = self._loaded_results(workspace)
            monday, day = board_day(team, month, date.today())
            figures = board_figures(
                team, month, rota, day, monday, backlog=backlog
            )
            return board_html(
                figures,
                self.w.lang,
                sources=[workspace.team_name, ROTA_FILE]
                + ([BACKLOG_FILE] if backlog is not None else []),
            )

        try:
            html = await run_in_threadpool(build)
        except BalancerError as error:
            return self._say(workspace, str(error))
        return HTMLResponse(html)

    async def download(self, request: Request) -> Response:
        workspace = self.workspace(request)
        name = request.path_params["name"]
        if workspace is None or name not in DOWNLOADS:
            return self.missing()
        workspace.settle()
        if workspace.results is None:
            return self.missing()
        path = workspace.results / name
        if not path.exists():
            return self.missing()
        stem, suffix = name.rsplit(".", 1)
        month = workspace.result_month or ""
        return FileResponse(
            path,
            media_type=DOWNLOADS[name],
            filename=f"{stem}-{month}.{suffix}",
        )


def _board_row(
    row: dict[Any, Any], team: Any, words: AppWords
) -> dict[str, Any]:
    """One Board row for the page: who is on it, and if it is short."""
    count = len([s for s in str(row["Staff"]).split(",") if s.strip()])
    low, target = row["Min"], row["Target"]
    kind = ""
    if low is not None and count < low:
        kind = "low"
    elif target is not None and count < target:
        kind = "short"
    duty = team.duty_by_id.get(row["Duty"])
    return {
        "day": words.day(row["Date"]),
        "time": row["Time"],
        "duty": duty.title if duty is not None else row["Duty"],
        "staff": row["Staff"],
        "names": row["Names"],
        "need": f"{row['Min']} / {row['Target']} / {row['Max']}",
        "kind": kind,
        "first": False,
        "date": row["Date"],
    }


def _seconds(value: Any) -> float | None:
    try:
        seconds = float(str(value))
    except (TypeError, ValueError):
        return None
    if not 1 <= seconds <= 3600:
        return None
    return seconds

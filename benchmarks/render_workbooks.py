"""Render every kind of workbook balancer writes, as a planner prints it.

Writes the workbooks (rota, backlog, plan, replan with its Changes sheet,
team workbook, template) into ``OUT_DIR/<lang>/``, converts each to PDF
with LibreOffice and to PNG pages with ``pdftoppm``, and prints, per
workbook, how many pages each sheet takes (pages are told apart by their
header line, the sheet's print title). Look at the PNGs.

The sample team is eight synthetic people for May 2027 (two Danish
holidays, a Monday-Thursday person on vacation for a week). The rota and
backlog are filled by a plain greedy rule, so the workbooks have
realistic content without a solver: *sample data for the eyes*, not a
plan. ``--demo SECONDS`` also plans the 24-person demo team for real.

Usage::

    PYTHONPATH=src python benchmarks/render_workbooks.py OUT_DIR \
        [--lang en|da|both] [--stock-fonts] [--demo SECONDS] [--dpi 60] \
        [WORKBOOK.xlsx ...]

Given workbooks, only those are rendered. ``--stock-fonts`` hides
Carlito from LibreOffice (a private fontconfig), as on a machine with
LibreOffice's stock fonts only: Calibri then falls back to a wider font,
and the pages must still hold a week each. Needs LibreOffice (soffice)
and poppler (``pdftoppm``, ``pdftotext``)::

    apt-get install -y --no-install-recommends libreoffice-calc \
        poppler-utils fonts-crosextra-carlito
"""

from __future__ import annotations

import argparse
import inspect
import os
import subprocess
import tempfile
from collections import defaultdict
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balancer.domain import (
    Absence,
    AbsenceReason,
    Case,
    Duty,
    HistoryBalance,
    Month,
    Priority,
    SkillRequirement,
    Slot,
    Staff,
    Team,
    Weekday,
    WorkDay,
    minutes,
)
from balancer.inputs.demo import make_demo_team
from balancer.outputs.backlog_frames import backlog_metrics
from balancer.outputs.backlog_workbook import (
    write_backlog_workbook,
    write_plan_workbook,
)
from balancer.outputs.rota_changes import (
    add_changes_sheet,
    asks_frame,
    changes_frame,
)
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.outputs.template import write_template
from balancer.result import (
    BacklogResult,
    CaseAssignment,
    Conflict,
    DutyAssignment,
    PenaltyTerm,
    RotaResult,
    SolveStats,
    SolveStatus,
    StaffDutySummary,
)
from balancer.solvers.planning import (
    BASELINE_TITLES,
    SolveParams,
    plan_month,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from balancer.language import Language

MAY = Month(year=2027, month=5)


def sample_team() -> Team:
    """Eight people, phones and mail, absences, history and 30 cases."""
    mon_thu = tuple(
        WorkDay(weekday=d, start=time(8), end=time(15, 30))
        for d in (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU)
    )
    staff = (
        Staff(id="AH", name="Anna Holm", fte=1.0, skills={"english": 2}),
        Staff(id="BD", name="Bo Dahl", fte=1.0, skills={"pension": 3}),
        Staff(id="CL", name="Cai Lund", fte=0.8, pattern=mon_thu),
        Staff(id="DM", name="Dina Mørk", fte=1.0, skills={"english": 3}),
        Staff(id="EN", name="Emil Nør", fte=1.0, duties=("phone",)),
        Staff(id="FS", name="Frida Sand", fte=0.6, pattern=mon_thu[:3]),
        Staff(id="GT", name="Gus Toft", fte=1.0, skills={"pension": 2}),
        Staff(id="HV", name="Hanne Vig", fte=1.0, skills={"english": 1}),
    )
    phone = Duty(
        id="phone",
        name="Phones",
        colour="#FFD966",
        slots=(
            Slot(
                start=time(8),
                end=time(10),
                min_staff=2,
                requirements=(SkillRequirement(skill="english"),),
            ),
            # Target 5: some days fall short of it ("below target" notes).
            Slot(start=time(10), end=time(12), min_staff=2, target_staff=5),
            Slot(
                start=time(12),
                end=time(14),
                weekdays=(0, 1, 2, 3),  # type: ignore[arg-type]
                min_staff=1,
                target_staff=2,
            ),
            Slot(
                start=time(12),
                end=time(15),
                weekdays=(Weekday.FRI,),
                min_staff=1,
                unpopular=True,
            ),
        ),
    )
    mail = Duty(
        id="mail",
        name="Mail",
        slots=(
            Slot(start=time(9), end=time(12), min_staff=1),
            Slot(start=time(12), end=time(15), min_staff=1),
        ),
    )
    absences = (
        Absence(
            staff_id="BD",
            start=date(2027, 5, 10),
            end=date(2027, 5, 14),
            reason=AbsenceReason.VACATION,
        ),
        # Cai works Monday-Thursday: his Friday that week is "off".
        Absence(
            staff_id="CL",
            start=date(2027, 5, 17),
            end=date(2027, 5, 21),
            reason=AbsenceReason.VACATION,
        ),
        Absence(
            staff_id="GT",
            start=date(2027, 5, 19),
            end=date(2027, 5, 20),
            reason=AbsenceReason.SICK,
        ),
        Absence(
            staff_id="AH",
            start=date(2027, 5, 25),
            end=date(2027, 5, 25),
            from_time=time(8),
            to_time=time(10),
            reason=AbsenceReason.COURSE,
        ),
    )
    history = (
        HistoryBalance(staff_id="AH", hours=2.5, unpopular_slots=1),
        HistoryBalance(staff_id="EN", hours=-3.0),
    )
    cases = tuple(
        Case(
            id=f"2027-{100 + i:04d}",
            type=("pension", "benefit", "complaint")[i % 3],
            effort_hours=2.0 + (i * 7) % 9,
            received=date(2027, 3, 1) + timedelta(days=2 * i),
            deadline=(
                date(2027, 5, 10) + timedelta(days=i) if i % 4 == 0 else None
            ),
            priority=Priority(1 + i % 4),
            owner=None if i % 3 == 0 else staff[i % 8].id,
        )
        for i in range(30)
    )
    return Team.checked(
        staff=staff,
        duties=(phone, mail),
        absences=absences,
        history=history,
        cases=cases,
    )


def greedy_rota(team: Team, month: Month) -> RotaResult:
    """Fill each slot to target with whoever has done least so far."""
    done: dict[str, float] = defaultdict(float)
    busy: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
    assignments: list[DutyAssignment] = []
    conflicts: list[Conflict] = []
    available = {
        p.id: sum(team.available_hours(p, d) for d in month.days())
        for p in team.staff
    }
    for day in month.days():
        if not team.calendar.is_open(day):
            continue
        for duty in team.duties:
            for index, slot in enumerate(duty.slots):
                if not slot.runs_on(day.weekday()):
                    continue
                span = (minutes(slot.start), minutes(slot.end))
                free = [
                    p
                    for p in team.staff
                    if p.may_take(duty.id)
                    and _can_work(team, p, day, slot.start, slot.end)
                    and len(busy[(p.id, day)]) < 2
                    and all(
                        e <= span[0] or span[1] <= s
                        for s, e in busy[(p.id, day)]
                    )
                ]
                free.sort(key=lambda p: done[p.id] / max(1, available[p.id]))
                chosen = free[: slot.target]
                if len(chosen) < slot.min_staff:
                    conflicts.append(
                        Conflict(
                            rule="min_staff",
                            message=f"{duty.id} {slot.label}: only "
                            f"{len(chosen)} of {slot.min_staff} available",
                            day=day,
                        )
                    )
                for person in chosen:
                    done[person.id] += slot.hours
                    busy[(person.id, day)].append(span)
                    assignments.append(
                        DutyAssignment(
                            staff_id=person.id,
                            day=day,
                            duty_id=duty.id,
                            slot_index=index,
                        )
                    )
    return RotaResult(
        stats=SolveStats(
            status=SolveStatus.FEASIBLE,
            objective=412.0,
            bound=380.0,
            seconds=12.3,
            phases=("greedy sample fill, not a solve",),
        ),
        assignments=tuple(assignments),
        terms=(
            PenaltyTerm(
                name="fairness_max",
                description="Largest deviation from fair share (hours)",
                weight=100,
                value=3.0,
            ),
            PenaltyTerm(
                name="target_staffing",
                description="People short of target staffing",
                weight=5,
                value=7.0,
            ),
        ),
        conflicts=tuple(conflicts),
        staff=_summaries(team, month, assignments, available),
        relaxed=bool(conflicts),
    )


def _can_work(team: Team, person: Staff, day: date, s: time, e: time) -> bool:
    begin, end = team.working_hours(person, day)
    inside = minutes(begin) <= minutes(s) and minutes(e) <= minutes(end)
    return inside and not any(
        a.blocks(day, s, e) for a in team.absences_of(person.id)
    )


def _summaries(
    team: Team,
    month: Month,
    assignments: list[DutyAssignment],
    available: dict[str, float],
) -> tuple[StaffDutySummary, ...]:
    hours: dict[str, dict[str, float]] = defaultdict(
        lambda: defaultdict(float)
    )
    unpopular: dict[str, int] = defaultdict(int)
    for a in assignments:
        slot = team.duty_by_id[a.duty_id].slots[a.slot_index]
        hours[a.staff_id][a.duty_id] += slot.hours
        unpopular[a.staff_id] += int(slot.unpopular)
    total_hours = sum(sum(h.values()) for h in hours.values())
    total_unpopular = sum(unpopular.values())
    team_available = sum(available.values())
    old = {b.staff_id: b for b in team.history if b.duty is None}
    summaries = []
    for person in team.staff:
        share = available[person.id] / team_available
        balance = old.get(person.id)
        summaries.append(
            StaffDutySummary(
                staff_id=person.id,
                available_hours=available[person.id],
                fair_share_hours=total_hours * share
                - (balance.hours if balance else 0.0),
                assigned_hours=sum(hours[person.id].values()),
                hours_by_duty=dict(hours[person.id]),
                unpopular_slots=unpopular[person.id],
                unpopular_fair_share=total_unpopular * share
                - (balance.unpopular_slots if balance else 0.0),
            )
        )
    return tuple(summaries)


def greedy_backlog(team: Team) -> BacklogResult:
    """Give each shelf case to the least loaded caseworker; rank the rest."""
    capacity = {p.id: 60.0 * (p.fte or 1.0) for p in team.staff}
    load: dict[str, float] = defaultdict(float)
    assignments = []
    shelf_rank = 0
    for case in sorted(team.cases, key=lambda c: (-c.priority, c.received)):
        owner = case.owner
        if owner is None:
            owner = min(capacity, key=lambda s: load[s] / capacity[s])
            if load[owner] + case.effort_hours > capacity[owner]:
                owner = None
        if owner is not None:
            load[owner] += case.effort_for(owner)
            start = date(2027, 5, 3) + timedelta(days=int(load[owner] // 6))
            finish = start + timedelta(days=1)
            late = case.deadline is not None and finish > case.deadline
            assignments.append(
                CaseAssignment(
                    case_id=case.id,
                    staff_id=owner,
                    previous_owner=case.owner,
                    planned_start=start,
                    planned_finish=finish,
                    late=late,
                    risk="forecast after deadline" if late else "",
                )
            )
        else:
            shelf_rank += 1
            assignments.append(
                CaseAssignment(
                    case_id=case.id, staff_id=None, shelf_rank=shelf_rank
                )
            )
    return BacklogResult(
        stats=SolveStats(status=SolveStatus.OPTIMAL, objective=96.0,
                         bound=96.0, seconds=0.4),
        assignments=tuple(assignments),
        terms=(
            PenaltyTerm(name="balance_max", description="Highest "
                        "utilisation (%)", weight=100, value=0.81),
            PenaltyTerm(name="moves", description="Cases moved",
                        weight=30, value=0),
        ),
        capacity_hours=capacity,
    )  # fmt: skip


def _write_samples(out: Path, lang: Language) -> list[Path]:
    """The sample team's workbooks of every kind, in ``lang``."""
    team = sample_team()
    rota = greedy_rota(team, MAY)
    backlog = greedy_backlog(team)
    fixed, greedy = BASELINE_TITLES.values()
    baselines = {
        fixed: {"Max utilisation %": 104.0, "Cases moved": 0.0},
        greedy: {"Max utilisation %": 88.0, "Cases moved": 9.0},
    }
    before = rota.assignments
    after = tuple(
        a for a in before if not (a.staff_id == "EN" and a.day.day == 12)
    )
    changes = changes_frame(team, before, after)
    return [
        write_rota_workbook(team, MAY, rota, out / "rota.xlsx", lang=lang),
        _call(
            write_backlog_workbook,
            team,
            backlog,
            out / "backlog.xlsx",
            baselines=baselines,
            lang=lang,
        ),
        write_plan_workbook(
            team,
            MAY,
            rota,
            backlog,
            out / "plan.xlsx",
            baselines=baselines,
            lang=lang,
        ),
        write_rota_workbook(
            team,
            MAY,
            rota.model_copy(update={"assignments": after}),
            out / "replan.xlsx",
            lang=lang,
            extra=lambda book: add_changes_sheet(
                book,
                changes,
                asks_frame(team, ()),
                "Replan: EN away 12.05.2027-12.05.2027; 2 change(s)",
            ),
        ),
        write_team_workbook(team, out / "team.xlsx"),
        _call(write_template, out / "template.xlsx", lang=lang),
    ]


def _write_demo(out: Path, lang: Language, seconds: float) -> list[Path]:
    """The demo team planned for real (rota and backlog, one workbook)."""
    month = Month(year=2027, month=3)
    team = make_demo_team(month)
    params = SolveParams(time_limit=seconds)
    plan = plan_month(team, month, params, params)
    figures = {
        name: backlog_metrics(team, result)
        for name, result in plan.baselines.items()
    }
    return [
        write_plan_workbook(
            team, month, plan.rota, plan.backlog, out / "demo-plan.xlsx",
            baselines=figures, lang=lang,
        )
    ]  # fmt: skip


def _call(writer: Callable[..., Path], *args: Any, **options: Any) -> Path:
    """Call a writer with the options it takes (not every one has lang)."""
    known = inspect.signature(writer).parameters
    return writer(*args, **{k: v for k, v in options.items() if k in known})


def _fontconfig(folder: Path) -> dict[str, str]:
    """Environment that hides Carlito from LibreOffice (stock fonts)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        '  <selectfont><rejectfont><pattern><patelt name="family">'
        "<string>Carlito</string></patelt></pattern></rejectfont>"
        "</selectfont>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def render(
    book: Path, folder: Path, profile: Path, env: dict[str, str], dpi: int
) -> None:
    """``book`` -> ``folder/book.pdf`` -> ``book-NN.png``; pages per sheet."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice", f"-env:UserInstallation=file://{profile}",
            "--headless", "--convert-to", "pdf", "--outdir", str(folder),
            str(book),
        ],
        check=True, env=env, capture_output=True,
    )  # fmt: skip
    pdf = folder / f"{book.stem}.pdf"
    for old in folder.glob(f"{book.stem}-*.png"):
        old.unlink()
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            str(pdf),
            str(folder / book.stem),
        ],
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    pages = text.split("\f")[:-1] or [text]
    titles: dict[str, int] = {}
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        title = lines[0] if lines else "(blank page)"
        titles[title] = titles.get(title, 0) + 1
    print(f"{pdf}: {len(pages)} page(s)")
    for title, count in titles.items():
        print(f"  {count:3d}  {title[:70]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("books", type=Path, nargs="*")
    parser.add_argument("--lang", choices=("en", "da", "both"), default="both")
    parser.add_argument("--stock-fonts", action="store_true")
    parser.add_argument("--demo", type=float, metavar="SECONDS")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_intermixed_args()
    langs: list[Language] = (
        ["en", "da"] if args.lang == "both" else [args.lang]
    )
    with tempfile.TemporaryDirectory() as scratch:
        env = (
            _fontconfig(Path(scratch))
            if args.stock_fonts
            else dict(os.environ)
        )
        profile = Path(scratch) / "profile"  # no clash with a running soffice
        books: list[Path] = list(args.books)
        if not books:
            for lang in langs:
                folder = args.out / lang
                folder.mkdir(parents=True, exist_ok=True)
                books += _write_samples(folder, lang)
                if args.demo:
                    books += _write_demo(folder, lang, args.demo)
        for book in books:
            folder = book.parent if not args.books else args.out
            render(book, folder, profile, env, args.dpi)


if __name__ == "__main__":
    main()

"""Fairness month to month: a year with carried history vs without.

Run from the repository root::

    PYTHONPATH=src nice -n 10 python benchmarks/fairness_simulation.py \
        [--months 12] [--start 2027-01] [--staff 24] [--seed 2027] \
        [--time-limit 10] [--workers 2] [--out out/fairness] [--png PATH]

The demo team (same staff every month; each month its own random
absences and preferences from the demo generator's seeded streams) is
planned for consecutive months twice:

- *with history*: each month's rota workbook is written, and its History
  sheet is read back (``read_history_sheet``, as ``balancer rota
  --history`` does) as the next month's balances;
- *without history*: every month planned afresh.

For each month it prints the largest |cumulative duty hours - cumulative
fair share| over the team, in hours and in slots (hours divided by the
team's mean slot length, weighted by target staffing), overall and per
duty (in that duty's own mean slot length). It writes the
simulation workbook (a Fairness sheet with both curves as a line chart,
and a People sheet with everyone's cumulative deviation) and, with
``--png``, renders the chart through LibreOffice (``soffice``) and
``pdftoppm``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.chart import LineChart, Reference

from balancer.bench.simulate import simulate
from balancer.domain import Month, minutes
from balancer.files.saving import save_workbook
from balancer.inputs.demo import make_demo_team
from balancer.inputs.excel import read_history_sheet
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.outputs.styling import fit_columns, new_workbook, write_table
from balancer.solvers.runner import SolveParams

if TYPE_CHECKING:
    from collections.abc import Callable

    from balancer.bench.simulate import MonthFigures
    from balancer.domain import HistoryBalance, Team
    from balancer.result import RotaResult


def main() -> None:
    """Run both simulations, print the table, write workbook and chart."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--start", default="2027-01")
    parser.add_argument("--staff", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("out/fairness"))
    parser.add_argument("--png", type=Path, default=None)
    args = parser.parse_args()

    months = _months(Month.parse(args.start), args.months)
    teams = [
        make_demo_team(m, seed=args.seed, staff=args.staff, cases=0)
        for m in months
    ]
    params = SolveParams(
        time_limit=args.time_limit, workers=args.workers, seed=0
    )
    args.out.mkdir(parents=True, exist_ok=True)
    carried = simulate(teams, months, params, carry=_via_workbook(args.out))
    fresh = simulate(teams, months, params, carry=None)
    slot = _mean_slot_hours(teams[0], months[0])
    duty_slot = {
        duty.id: _mean_slot_hours(teams[0], months[0], duty.id)
        for duty in teams[0].duties
    }

    print(
        f"Demo team, {args.staff} staff, seed {args.seed}, "
        f"{args.time_limit:g} s a month, {args.workers} workers; "
        f"1 slot = {slot:.2f} h overall, "
        + ", ".join(f"{u} {h:.2f} h" for u, h in duty_slot.items())
    )
    print(
        "Largest |cumulative deviation| over the team, in slots "
        "(overall / worst duty)"
    )
    print(
        f"{'month':<8} {'with history':>18} {'without history':>18}   status"
    )
    for w, f in zip(carried, fresh, strict=True):
        print(
            f"{w.month!s:<8} {w.worst / slot:>8.2f} / "
            f"{_worst_duty(w, duty_slot):>6.2f}"
            f"  {f.worst / slot:>8.2f} / {_worst_duty(f, duty_slot):>6.2f}"
            f"   {w.status.value} / {f.status.value}"
        )
    held = all(m.worst <= slot + 1e-9 for m in carried)
    held_duty = all(_worst_duty(m, duty_slot) <= 1 + 1e-9 for m in carried)
    print(
        "Claim (with history, every person within 1 slot of cumulative "
        f"fair share, every month): overall {_said(held)}, "
        f"per duty {_said(held_duty)}"
    )
    last = carried[-1]
    print(f"Each person after {last.month} (with history), hours:")
    for staff_id in sorted(last.cumulative):
        duties = ", ".join(
            f"{u} {mine[staff_id]:+.2f}"
            for u, mine in last.cumulative_by_duty.items()
            if staff_id in mine
        )
        print(f"  {staff_id:<6} {last.cumulative[staff_id]:+6.2f}  ({duties})")
    book_path = _workbook(args.out, carried, fresh, slot, duty_slot)
    print(f"Wrote {book_path}")
    if args.png is not None:
        _render(book_path, args.png)
        print(f"Wrote {args.png}")


def _months(first: Month, count: int) -> list[Month]:
    found = []
    year, month = first.year, first.month
    for _ in range(count):
        found.append(Month(year=year, month=month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _via_workbook(
    folder: Path,
) -> Callable[[Team, Month, RotaResult], tuple[HistoryBalance, ...]]:
    """Carry balances through a written rota workbook's History sheet."""

    def carry(
        team: Team, month: Month, result: RotaResult
    ) -> tuple[HistoryBalance, ...]:
        path = write_rota_workbook(
            team, month, result, folder / f"rota-{month}.xlsx"
        )
        return read_history_sheet(path)

    return carry


def _said(held: bool) -> str:
    return "holds" if held else "does NOT hold"


def _worst_duty(figures: MonthFigures, duty_slot: dict[str, float]) -> float:
    """Largest cumulative deviation in any duty, in that duty's slots."""
    return max(
        (
            abs(value) / duty_slot[duty_id]
            for duty_id, mine in figures.cumulative_by_duty.items()
            for value in mine.values()
        ),
        default=0.0,
    )


def _mean_slot_hours(
    team: Team, month: Month, duty_id: str | None = None
) -> float:
    """Mean slot length over the month's slot instances, by target staff
    (of one duty when ``duty_id`` is given)."""
    hours = people = 0.0
    for day in month.days():
        if not team.calendar.is_open(day):
            continue
        for duty in team.duties:
            if duty_id is not None and duty.id != duty_id:
                continue
            for slot in duty.slots:
                if slot.runs_on(day.weekday()):
                    length = (minutes(slot.end) - minutes(slot.start)) / 60
                    hours += slot.target * length
                    people += slot.target
    return hours / people if people else 1.0


def _workbook(
    folder: Path,
    carried: list[MonthFigures],
    fresh: list[MonthFigures],
    slot: float,
    duty_slot: dict[str, float],
) -> Path:
    """Fairness sheet (curves and line chart) and People sheet."""
    import pandas as pd

    book = new_workbook()
    sheet = book.create_sheet("Fairness")
    table = pd.DataFrame(
        [
            (
                str(w.month),
                round(w.worst / slot, 3),
                round(f.worst / slot, 3),
                round(_worst_duty(w, duty_slot), 3),
                round(_worst_duty(f, duty_slot), 3),
                1.0,
                round(w.worst, 3),
                round(f.worst, 3),
            )
            for w, f in zip(carried, fresh, strict=True)
        ],
        columns=[
            "Month",
            "With history (slots)",
            "Without history (slots)",
            "With history, worst duty (slots)",
            "Without history, worst duty (slots)",
            "1 slot",
            "With history (h)",
            "Without history (h)",
        ],
    )
    last = write_table(sheet, table)
    chart = LineChart()
    chart.title = "Largest cumulative deviation from fair share"
    chart.y_axis.title = "slots"
    chart.x_axis.title = "month"
    data = Reference(sheet, min_col=2, max_col=6, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
    for series in chart.series:
        series.smooth = False  # a smoothed curve dips below 0: misleading
    for dotted in chart.series[2:4]:
        dotted.graphicalProperties.line.dashStyle = "sysDot"
    chart.series[4].graphicalProperties.line.dashStyle = "dash"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.height = 9
    chart.width = 16
    sheet.add_chart(chart, f"A{last + 3}")
    fit_columns(sheet, maximum=24)

    people = book.create_sheet("People")
    duties = list(duty_slot)
    rows = []
    for label, run in (("with history", carried), ("without", fresh)):
        for m in run:
            for staff_id, dev in sorted(m.cumulative.items()):
                per_duty = [
                    round(m.cumulative_by_duty.get(u, {})[staff_id], 3)
                    if staff_id in m.cumulative_by_duty.get(u, {})
                    else None
                    for u in duties
                ]
                rows.append(
                    (label, str(m.month), staff_id, round(dev, 3),
                     *per_duty, m.assigned[staff_id],
                     round(m.fair[staff_id], 3))
                )  # fmt: skip
    write_table(
        people,
        pd.DataFrame(
            rows,
            columns=[
                "Run",
                "Month",
                "Staff",
                "Cumulative deviation (h)",
                *(f"Cumulative {u} (h)" for u in duties),
                "Assigned (h)",
                "Fair share (h)",
            ],
        ),
    )
    return save_workbook(book, folder / "fairness-simulation.xlsx")


def _render(book: Path, png: Path) -> None:
    """The Fairness sheet's chart as a PNG (LibreOffice, then poppler)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(book),
            ],
            check=True,
            capture_output=True,
        )
        pdf = folder / f"{book.stem}.pdf"
        subprocess.run(
            # Page 1 at 100 dpi, cropped to the table and the chart.
            ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1",
             "-x", "40", "-y", "60", "-W", "760", "-H", "790",
             str(pdf), str(folder / "page")],
            check=True,
        )  # fmt: skip
        [page] = sorted(folder.glob("page*.png"))
        png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, png)


if __name__ == "__main__":
    main()

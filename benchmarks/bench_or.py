"""Print GAP and R||Cmax tables: the backlog engine on published sets.

    nice -n 10 python benchmarks/bench_or.py gap --sample --time-limit 60
    nice -n 10 python benchmarks/bench_or.py rcmax --sample --time-limit 20
    python benchmarks/bench_or.py gap --all      # every GAP problem
    python benchmarks/bench_or.py rcmax --all    # all 140 shipped
    python benchmarks/bench_or.py gap --small --seeds 0 1 2

``--small`` runs only gap1..gap12 in both senses (5 s each), once per
seed, and prints how many of the 120 were proven optimal within 1 s.

``--sample`` runs gap1..gap12 in both senses (each with at most 5 s)
plus a representative few of types A-D and Yagiura's C/D/E at the
limit; for R||Cmax one instance per type at three sizes. The instances
are read from ``../shared/benchmarks`` (or ``--data``). Figures go to
docs/benchmarks.md with the machine and date. The runners are
:mod:`balancer.bench.gap` and :mod:`balancer.bench.rcmax`, the same the
``balancer bench`` command uses.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from balancer.bench.common import BenchRow, format_table
from balancer.bench.gap import solve_gap
from balancer.bench.rcmax import RcmaxRow, solve_rcmax, summary_by_type
from balancer.inputs.gap_format import read_gap
from balancer.inputs.rcmax_format import read_rcmax
from balancer.solvers.runner import SolveParams

if TYPE_CHECKING:
    from collections.abc import Sequence

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "benchmarks"

#: Types A-D: the smallest and the largest of each file (1-based index).
ORLIB_SAMPLE = {"gapa": (1, 6), "gapb": (1, 6), "gapc": (2, 6), "gapd": (1, 6)}
YAGIURA_SAMPLE = ("c10400", "d20400", "e10400", "c801600", "e801600")
#: R||Cmax: first replicate of each type at (n, m) = (100, 10),
#: (500, 30), (1000, 50); file numbers follow the README's block order.
RCMAX_BLOCKS = {
    "U1a100": 0,
    "U100a120": 200,
    "U100a200": 400,
    "U10a100": 600,
    "U1000a1100": 800,
    "JobsCorre": 1000,
    "MaqCorre": 1200,
}
RCMAX_SIZES = (0, 120, 190)  # offsets of blocks (100,10) (500,30) (1000,50)


def _gap_rows(data: Path, sample: bool, params: SolveParams) -> list[BenchRow]:
    rows = []
    small = SolveParams(time_limit=min(5.0, params.time_limit), workers=2)
    for k in range(1, 13):
        for instance in read_gap(data / "gap" / "orlib" / f"gap{k}.txt"):
            for sense in ("max", "min"):
                rows.append(_show(solve_gap(instance, sense, small).row))
    for stem, picks in ORLIB_SAMPLE.items():
        problems = read_gap(data / "gap" / "orlib" / f"{stem}.txt")
        chosen = [problems[i - 1] for i in picks] if sample else problems
        for instance in chosen:
            rows.append(_show(solve_gap(instance, "min", params).row))
    folder = data / "gap" / "yagiura"
    names = (
        YAGIURA_SAMPLE if sample else sorted(p.name for p in folder.iterdir())
    )
    for name in names:
        (instance,) = read_gap(folder / name)
        rows.append(_show(solve_gap(instance, "min", params).row))
    return rows


def _small_gap_summary(data: Path, seeds: Sequence[int]) -> None:
    """gap1..12 in both senses, once per seed: proven under 1 s?"""
    for seed in seeds:
        params = SolveParams(time_limit=5.0, workers=2, seed=seed)
        rows = [
            solve_gap(instance, sense, params).row
            for k in range(1, 13)
            for instance in read_gap(data / "gap" / "orlib" / f"gap{k}.txt")
            for sense in ("max", "min")
        ]
        proven = [r for r in rows if r.status == "OPTIMAL"]
        fast = [r for r in proven if r.seconds < 1.0]
        slow = sorted(
            (r for r in rows if r not in fast), key=lambda r: -r.seconds
        )
        print(
            f"seed {seed}: {len(proven)} / {len(rows)} proven optimal, "
            f"{len(fast)} under 1 s, median "
            f"{statistics.median(r.seconds for r in rows):.2f} s; slower: "
            + (
                ", ".join(
                    f"{r.instance} {r.sense} {r.seconds:.2f} s" for r in slow
                )
                or "none"
            ),
            flush=True,
        )


def _rcmax_rows(
    data: Path, sample: bool, params: SolveParams, only: Sequence[str] = ()
) -> list[RcmaxRow]:
    folder = data / "rcmax" / "instances"
    if only:
        files = [folder / name for name in only]
    elif sample:
        files = [
            folder / f"fr{start + offset + 1:04d}.txt"
            for start in RCMAX_BLOCKS.values()
            for offset in RCMAX_SIZES
        ]
    else:
        files = sorted(folder.glob("fr*.txt"))
    rows = []
    for f in files:
        row = solve_rcmax(read_rcmax(f), params).row
        _show(row)
        rows.append(row)
    return rows


def _show(row: BenchRow) -> BenchRow:
    print(format_table([row])[-1], flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=("gap", "rcmax"))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--sample", action="store_true", default=True)
    choice.add_argument("--all", action="store_true")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--only",
        nargs="+",
        default=(),
        metavar="FILE",
        help="rcmax: just these instance files (e.g. fr0191.txt)",
    )
    parser.add_argument(
        "--small",
        action="store_true",
        help="gap: just gap1..12 in both senses, once per --seeds",
    )
    parser.add_argument("--seeds", nargs="+", type=int, default=[0])
    args = parser.parse_args(argv)
    if args.small:
        _small_gap_summary(args.data, args.seeds)
        return 0
    params = SolveParams(time_limit=args.time_limit, workers=args.workers)
    sample = not args.all
    which = "only" if args.only else "sample" if sample else "all"
    print(
        f"# {args.set}, {which}, limit "
        f"{args.time_limit:g} s, {args.workers} workers, "
        f"{platform.machine()} {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        flush=True,
    )
    rows: Sequence[BenchRow]
    rcmax_rows: list[RcmaxRow] = []
    if args.set == "gap":
        rows = _gap_rows(args.data, sample, params)
    else:
        rows = rcmax_rows = _rcmax_rows(args.data, sample, params, args.only)
    print()
    print("\n".join(format_table(rows)))
    if rcmax_rows:
        print("\n" + "\n".join(summary_by_type(rcmax_rows)))
        misses = [r.instance for r in rows if r.gap is None or r.gap > 2]
        print(f"\nnot within 2 %: {' '.join(misses) or 'none'}")
    gaps = [r.gap for r in rows if r.gap is not None]
    if gaps:
        print(
            f"\n{len(rows)} runs; gap to best known: median "
            f"{statistics.median(gaps):.3f} %, max {max(gaps):.3f} %"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

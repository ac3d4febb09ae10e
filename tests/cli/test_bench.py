"""``balancer bench``: tables, written plans, and bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from balancer.cli import cli

DATA = Path(__file__).parents[1] / "data"
FAST = ["--time-limit", "3", "--workers", "1", "--quiet"]


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_bench_gap_prints_the_table_and_writes_plans(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = _run(
        "bench", "gap", f"{DATA / 'gap_tiny.txt'}:1", "--sense", "both",
        "--out", out, *FAST,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    header, _, *rows = result.stdout.splitlines()
    assert header.split()[:4] == ["instance", "size", "sense", "objective"]
    assert [r.split()[3:5] for r in rows] == [["min", "14"], ["max", "44"]]
    plan = (out / "gap_tiny-gap_tiny-1-min.csv").read_text().splitlines()
    assert plan[0] == "job,agent"
    assert len(plan) == 1 + 6


def test_bench_gap_reports_each_problem_on_stderr_as_it_is_solved() -> None:
    result = _run(
        "bench", "gap", DATA / "gap_tiny.txt", "--sense", "both", *FAST
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    progress = result.stderr.splitlines()
    assert [line.split(":")[0] for line in progress] == [
        f"solved {k} of 4" for k in range(1, 5)
    ]
    assert "(min): objective 14," in progress[0]
    assert "solved" not in result.stdout


def test_bench_gap_bad_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\n2 3\n5 1 three\n")
    result = _run("bench", "gap", bad, *FAST)
    assert result.exit_code == 2
    assert "line 3: 'three' is not a whole number" in result.output
    assert "Traceback" not in result.output


def test_bench_gap_index_out_of_range() -> None:
    result = _run("bench", "gap", f"{DATA / 'gap_tiny.txt'}:3", *FAST)
    assert result.exit_code == 2
    assert "INDEX 3 is out of range; the file holds 2" in result.output


def test_bench_rcmax_prints_the_makespan(tmp_path: Path) -> None:
    result = _run(
        "bench", "rcmax", DATA / "rcmax_tiny.txt", "--out", tmp_path, *FAST
    )
    assert result.exit_code == 0, result.output
    row = result.stdout.splitlines()[2].split()
    assert result.stderr.startswith("solved 1 of 1: rcmax_tiny.txt (min)")
    assert row[0] == "rcmax_tiny.txt"
    assert row[-1] == "OPTIMAL"
    assert (tmp_path / "rcmax_tiny.csv").exists()

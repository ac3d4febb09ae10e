"""The web app in a real browser: headless Chromium, driven by Playwright.

Playwright's Python API drives the Chromium of the system (Debian's
``chromium`` package): it cannot download a browser of its own here. The
server runs as ``balancer serve`` in a process of its own, as a planner
starts it, on a free port of 127.0.0.1.

On a machine without Chromium or Playwright these tests skip; in CI
(``CI=true``), where ``.ci/run`` installs Chromium, they fail instead,
so they cannot silently stop running. Screenshots and the printed board
go to ``BALANCER_SHOTS`` when it names a folder (to look at them).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from balancer.cli import cli
from balancer.domain import Month
from balancer.inputs.backlog_workbook import read_backlog_workbook
from balancer.inputs.demo import make_demo_team
from balancer.inputs.loaded import load_team
from balancer.outputs.team_workbook import write_team_workbook
from tests.factories import make_case
from tests.inputs.books import base_sheets, with_cell, write_book
from tests.outputs.samples import rota_team

CHROMIUM = os.environ.get("BALANCER_CHROMIUM", "/usr/bin/chromium")
MARCH = Month(year=2027, month=3)


def _need(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{reason}; .ci/run should have installed it", pytrace=False
        )
    pytest.skip(reason, allow_module_level=True)


try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    _need("Playwright is not installed (pip install -e '.[dev]')")

if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
    _need(f"no Chromium at {CHROMIUM} (apt-get install chromium)")


# -- the server, the browser --------------------------------------------------


class _Server:
    """``balancer serve`` in a process of its own; stopped with Ctrl-C."""

    def __init__(self, folder: Path, lang: str) -> None:
        self.folder = folder
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "balancer", "serve", str(folder),
                "--port", "0", "--workers", "2", "--lang", lang,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        found: list[str] = []

        def read() -> None:
            assert self.process.stdout is not None
            found.append(self.process.stdout.readline())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(60)
        address = re.search(r"http://[\d.:]+/", "".join(found))
        if address is None:
            self.process.kill()
            raise AssertionError(f"the server did not start: {found}")
        self.url = address.group(0)

    def stop(self) -> int:
        """Ctrl-C, as a planner stops it; the exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("BALANCER_SHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    folder = tmp_path_factory.mktemp("demo")
    write_team_workbook(make_demo_team(MARCH), folder / "demo-team.xlsx")
    server = _Server(folder, "en")
    yield server
    assert server.stop() == 0
    assert not list(folder.rglob("*.tmp"))


def _page(browser: Browser) -> Page:
    return browser.new_page(
        viewport={"width": 1920, "height": 1080}, accept_downloads=True
    )


def _upload(page: Page, path: Path, month: str) -> str:
    form = page.locator("form[action$='upload']")
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("input[name=month]").fill(month)
    form.locator("button").click()
    page.wait_for_selector("#check-result")
    return page.inner_text("#check-result")


def _plan(page: Page, month: str, seconds: int) -> None:
    form = page.locator("#plan form")
    form.locator("input[name=month]").fill(month)
    form.locator("input[name=time_limit]").fill(str(seconds))
    page.click("#plan-button")


def _done(page: Page, timeout: float = 90) -> str:
    page.wait_for_selector(
        "#progress[data-running=no]", timeout=timeout * 1000
    )
    return page.inner_text("#progress")


def _download(page: Page, selector: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.click(selector)
    info.value.save_as(target)
    return target


def _pages_in_pdf(data: bytes) -> list[tuple[float, float]]:
    """(width, height) of every page of a PDF Chromium printed."""
    sizes = []
    for match in re.finditer(rb"/Type\s*/Page\b(?!s)", data):
        window = data[max(0, match.start() - 400) : match.end() + 400]
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", window)
        if box:
            sizes.append((float(box.group(1)), float(box.group(2))))
        else:
            sizes.append((0.0, 0.0))
    return sizes


# -- the demo team, planned, stopped, checked ---------------------------------


def test_plan_the_demo_stop_download_check_and_board(
    browser: Browser, demo: _Server, shots: Path, tmp_path: Path
) -> None:
    page = _page(browser)
    page.goto(demo.url)
    team_path = demo.folder / "demo-team.xlsx"
    assert "OK" in _upload(page, team_path, "2027-03")
    _plan(page, "2027-03", 60)
    # Live progress: a best plan and its bound, then Stop keeps it.
    page.wait_for_function(
        "((document.getElementById('progress') || {}).textContent || '')"
        ".includes('best plan')",
        timeout=60_000,
    )
    assert "bound" in page.inner_text("#progress")
    page.click("#stop")
    line = _done(page)
    assert "stopped by you" in line, line

    rota = _download(page, "#get-rota", tmp_path / "rota.xlsx")
    backlog = _download(page, "#get-backlog", tmp_path / "backlog.xlsx")
    checked = CliRunner().invoke(
        cli, ["check", str(team_path), str(rota), "--month", "2027-03"]
    )
    assert checked.exit_code == 0, checked.output
    assert "no rule broken" in checked.output

    page.goto(page.url.split("?")[0] + "board")
    page.screenshot(path=str(shots / "board-en.png"))
    facts = _board_facts(page)
    team = load_team(team_path).team
    assert facts["people"] == len(team.staff)
    plan = read_backlog_workbook(backlog)
    skill = {case.id: case.skill or "" for case in team.cases}
    shelf = Counter(skill[a.case_id] for a in plan if a.staff_id is None)
    assert facts["queues"] == dict(shelf)
    assert facts["shelf"] == sum(shelf.values())
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (shots / "board-en.pdf").write_bytes(pdf)
    [(width, height)] = _pages_in_pdf(pdf)
    assert width > height  # one page, landscape


def _board_facts(page: Page) -> dict[str, Any]:
    main = page.locator("main.board")
    queues = {
        str(row.get_attribute("data-skill")): int(
            row.get_attribute("data-length") or 0
        )
        for row in page.locator("tr.queue").all()
    }
    return {
        "people": int(main.get_attribute("data-people") or 0),
        "shelf": int(main.get_attribute("data-shelf") or 0),
        "queues": queues,
    }


# -- Danish, two tabs at once, a failed upload --------------------------------


@pytest.fixture(scope="module")
def danish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    folder = tmp_path_factory.mktemp("dansk")
    cases = (make_case("c1", skill=None), make_case("c2", owner="ann"))
    write_team_workbook(rota_team(cases=cases), folder / "team.xlsx")
    write_book(
        folder / "fejl.xlsx",
        with_cell(base_sheets(), "Absences", 2, "Staff", "zoe"),
    )
    server = _Server(folder, "da")
    yield server
    assert server.stop() == 0


def test_two_tabs_plan_apart_in_danish(
    browser: Browser, danish: _Server, shots: Path
) -> None:
    tabs = [_page(browser), _page(browser)]
    for tab in tabs:
        tab.goto(danish.url)
        assert "OK" in _upload(tab, danish.folder / "team.xlsx", "2027-01")
    assert tabs[0].url != tabs[1].url
    for tab in tabs:
        _plan(tab, "2027-01", 3)
    lines = [_done(tab) for tab in tabs]
    assert all(line.startswith("Færdig. Vagtplan:") for line in lines)
    folders = sorted(danish.folder.rglob("run-01"))
    assert len(folders) == 2
    assert all((f / "rota.xlsx").exists() for f in folders)
    tab = tabs[0]
    tab.click("#rota-link")
    assert "Vagtplan for januar 2027 som tavle" in tab.inner_text("h1")
    tab.go_back()
    tab.goto(tab.url.split("?")[0] + "board")
    assert "Tavlemøde" in tab.inner_text("h1")
    assert _board_facts(tab)["people"] == 3
    tab.screenshot(path=str(shots / "board-da.png"))


def test_a_failed_upload_shows_where_and_loses_nothing(
    browser: Browser, danish: _Server
) -> None:
    page = _page(browser)
    page.goto(danish.url)
    assert "OK" in _upload(page, danish.folder / "team.xlsx", "2027-01")
    result = _upload(page, danish.folder / "fejl.xlsx", "2027-01")
    assert "Intet blev erstattet" in result
    headers = page.locator("#problems th").all_inner_texts()
    fix = "Sådan retter du det"
    assert headers == ["Ark", "Række", "Kolonne", "Fejl", fix]
    cells = page.locator("#problems tr.problem td").all_inner_texts()
    assert cells[:3] == ["Absences", "2", "Staff"]
    assert cells[4]  # a fix
    assert "team.xlsx" in page.inner_text("#in-use")

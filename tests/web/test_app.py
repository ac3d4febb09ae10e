"""The web app through its routes, without a browser.

The team is the small sample team of the output tests (three people,
January 2027); the browser tests (test_browser.py) drive the demo team.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from balancer.inputs.rota_workbook import read_rota_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.web import AppSettings, create_app
from balancer.web.workspaces import sweep_partial_files
from tests.factories import JANUARY, make_case
from tests.inputs.books import base_sheets, with_cell, write_book
from tests.outputs.samples import rota_team


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    team = rota_team(cases=(make_case("c1"), make_case("c2", owner="ann")))
    write_team_workbook(team, tmp_path / "team.xlsx")
    return tmp_path


def _client(folder: Path, lang: str = "en") -> TestClient:
    settings = AppSettings(
        folder=folder,
        work=folder / "work",
        lang=lang,  # type: ignore[arg-type]
        workers=1,
        time_limit=2,
    )
    return TestClient(create_app(settings), follow_redirects=False)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with _client(folder) as client:
        yield client


def _workspace(client: TestClient) -> str:
    response = client.get("/")
    assert response.status_code == 303
    return str(response.headers["location"])


def _upload(client: TestClient, base: str, path: Path, month: str) -> str:
    with path.open("rb") as handle:
        response = client.post(
            base + "upload",
            files={"team": (path.name, handle.read())},
            data={"month": month},
        )
    assert response.status_code == 303
    return client.get(base).text


def test_each_visit_gets_its_own_workspace(
    client: TestClient, folder: Path
) -> None:
    first, second = _workspace(client), _workspace(client)
    assert first != second
    assert len(list((folder / "work").iterdir())) == 2


def test_a_good_workbook_is_taken(client: TestClient, folder: Path) -> None:
    base = _workspace(client)
    page = _upload(client, base, folder / "team.xlsx", "2027-01")
    assert "OK, no problems for 2027-01" in page
    assert "In use: team.xlsx. 3 staff" in page


def test_problems_name_sheet_row_column_and_fix_and_lose_nothing(
    client: TestClient, folder: Path
) -> None:
    base = _workspace(client)
    _upload(client, base, folder / "team.xlsx", "2027-01")
    bad = write_book(
        folder / "bad.xlsx",
        with_cell(base_sheets(), "Absences", 2, "Staff", "zoe"),
    )
    page = _upload(client, base, bad, "2027-01")
    assert "bad.xlsx: 1 problem(s). Nothing was replaced" in page
    row = page[page.index('<tr class="problem">') :]
    row = row[: row.index("</tr>")]
    for cell in ("<td>Absences</td>", "<td>2</td>", "<td>Staff</td>"):
        assert cell in row
    assert "zoe" in row and "Staff sheet" in row  # the message and fix
    # The good team is still in use, and no copy of the bad one is kept.
    assert "In use: team.xlsx. 3 staff" in page
    names = {p.name for p in (folder / "work").rglob("*.xlsx")}
    assert names == {"team.xlsx"}


def test_what_is_no_workbook_is_refused(
    client: TestClient, folder: Path
) -> None:
    base = _workspace(client)
    (folder / "notes.csv").write_text("a,b\n")
    page = _upload(client, base, folder / "notes.csv", "2027-01")
    assert "Only .xlsx workbooks" in page
    fake = folder / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 cut off")
    page = _upload(client, base, fake, "2027-01")
    assert "damaged or incomplete" in page
    assert "team.none" not in page and "No team workbook yet." in page


def test_a_form_from_another_site_is_refused(client: TestClient) -> None:
    base = _workspace(client)
    response = client.post(
        base + "plan",
        data={"month": "2027-01", "time_limit": "1"},
        headers={"origin": "http://elsewhere.example"},
    )
    assert response.status_code == 403


def test_unknown_pages_and_files(client: TestClient) -> None:
    assert client.get("/w/nobody/").status_code == 404
    base = _workspace(client)
    assert client.get(base + "files/team.xlsx").status_code == 404
    assert client.get(base + "files/rota.xlsx").status_code == 404


def test_the_app_speaks_danish(folder: Path) -> None:
    with _client(folder, "da") as client:
        base = _workspace(client)
        page = _upload(client, base, folder / "team.xlsx", "2027-01")
    assert '<html lang="da">' in page
    assert "Sådan retter du det" not in page  # no problems to show
    assert "OK, ingen problemer for 2027-01" in page
    assert "Planlæg måneden" in page


def _wait(client: TestClient, base: str, limit: float = 60) -> dict:  # type: ignore[type-arg]
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        state = client.get(base + "progress").json()
        if not state["running"]:
            return state  # type: ignore[no-any-return]
        time.sleep(0.3)
    raise AssertionError("the run did not end")


def test_plan_then_sick_call_then_files(
    client: TestClient, folder: Path
) -> None:
    base = _workspace(client)
    _upload(client, base, folder / "team.xlsx", "2027-01")
    response = client.post(
        base + "plan", data={"month": "2027-01", "time_limit": "2"}
    )
    assert response.status_code == 303
    state = _wait(client, base)
    assert state["line"].startswith("Done. Rota:"), state
    rota = client.get(base + "files/rota.xlsx")
    assert rota.status_code == 200
    assert "rota-2027-01.xlsx" in rota.headers["content-disposition"]
    saved = folder / "downloaded.xlsx"
    saved.write_bytes(rota.content)
    assert read_rota_workbook(saved, rota_team(), JANUARY)
    assert client.get(base + "files/calendars.zip").content[:2] == b"PK"
    assert client.get(base + "files/backlog.xlsx").status_code == 200
    board = client.get(base + "board").text
    assert 'data-people="3"' in board
    assert "Rota for January 2027" in client.get(base + "rota").text
    response = client.post(
        base + "sick",
        data={"who": "cy", "from": "2027-01-11", "to": "2027-01-11",
              "time_limit": "2"},
    )  # fmt: skip
    assert response.status_code == 303
    state = _wait(client, base)
    assert "change(s) to the rota" in state["line"], state
    # The sick call's rota is in a folder of its own; the first stays.
    runs = sorted(p.name for p in (folder / "work").rglob("run-*"))
    assert runs == ["run-01", "run-02"]


def test_a_sick_call_needs_a_plan_and_dates_in_the_month(
    client: TestClient, folder: Path
) -> None:
    base = _workspace(client)
    response = client.post(base + "sick", data={"who": "ann"})
    assert "Plan+the+month+first" in response.headers["location"] or (
        "Plan%20the%20month%20first" in response.headers["location"]
    )


def test_leftovers_of_a_killed_writer_are_swept(tmp_path: Path) -> None:
    (tmp_path / "run-01").mkdir()
    (tmp_path / "run-01" / ".rota-abc.xlsx.tmp").write_bytes(b"half")
    (tmp_path / "run-01" / "rota.xlsx").write_bytes(b"whole")
    assert sweep_partial_files(tmp_path) == 1
    assert [p.name for p in (tmp_path / "run-01").iterdir()] == ["rota.xlsx"]


def test_stopping_the_server_keeps_the_best_plan_whole(folder: Path) -> None:
    """The server stops mid-search (the demo team, a minute's limit): the
    run stops, writes its best plan atomically, and nothing half-written
    is left behind."""
    from balancer.domain import Month
    from balancer.inputs.demo import make_demo_team

    march = Month(year=2027, month=3)
    team = make_demo_team(march, cases=40)
    path = write_team_workbook(team, folder / "demo.xlsx")
    with _client(folder) as client:
        base = _workspace(client)
        _upload(client, base, path, "2027-03")
        client.post(base + "plan", data={"month": "2027-03",
                                         "time_limit": "60"})  # fmt: skip
        deadline = time.monotonic() + 60
        while client.get(base + "progress").json()["objective"] is None:
            assert time.monotonic() < deadline
            time.sleep(0.2)
    # Leaving the block shut the app down while the search was under way.
    [rota] = (folder / "work").rglob("rota.xlsx")
    assert read_rota_workbook(rota, team, march)
    assert not list((folder / "work").rglob("*.tmp"))

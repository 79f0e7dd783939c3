"""`tarjama-cli` against a team memory on a real PostgreSQL server (`tests/pg_server.py`): every `tm` action that
takes a memory and `pretranslate` accept `--tm postgresql://…` and work on the server; `tm link` / `tm sync` /
`tm unlink` keep a project's replica; an address with a password is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tarjama.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from tarjama.domain import TmUnit
from tarjama.formats.tmx import read_tmx, write_tmx
from tarjama.memory.team_link import TEAM_URL_KEY
from tarjama.memory.team_store import TeamMemory, init_schema
from tarjama.project.store import ProjectStore
from test_cli import run

FIRST = "أعلنت الحكومة خطة جديدة للنقل العام."
FIRST_EN = "The government announced a new public transport plan."
SECOND = "رحب السكان بالقرار."
SECOND_EN = "Residents welcomed the decision."


@pytest.fixture
def team_url(fresh_pg_url: str) -> str:
    init_schema(fresh_pg_url)
    return fresh_pg_url


@pytest.fixture
def tmx(tmp_path: Path) -> Path:
    path = tmp_path / "agency.tmx"
    write_tmx(path, [TmUnit(source=FIRST, target=FIRST_EN, author="omar"),
                     TmUnit(source=SECOND, target=SECOND_EN, author="omar")])
    return path


def project_with(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> Path:
    document = tmp_path / "news.txt"
    document.write_text(text, encoding="utf-8")
    project = tmp_path / "news.tarjama"
    assert run(capsys, "import", document, "--project", project)[0] == EXIT_OK
    return project


def test_import_match_search_and_export_work_on_the_server(
    team_url: str, tmx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "tm", "import", tmx, "--tm", team_url)
    assert code == EXIT_OK, err
    assert "2 units added" in out
    with TeamMemory.connect(team_url) as server:
        assert server.count() == 2, "imported into the server"
    code, out, _ = run(capsys, "tm", "match", FIRST, "--tm", team_url, "--json")
    assert code == EXIT_OK
    found = json.loads(out)
    assert [(m["score"], m["target"], m["author"]) for m in found] == [(100, FIRST_EN, "omar")]
    code, out, _ = run(capsys, "tm", "search", "السكان", "--tm", team_url)
    assert code == EXIT_OK and out.splitlines() == [f"{SECOND}\t{SECOND_EN}"]
    exported = tmp_path / "back.tmx"
    code, out, _ = run(capsys, "tm", "export", exported, "--tm", team_url)
    assert code == EXIT_OK and "2 approved units" in out
    assert {(u.source, u.target) for u in read_tmx(exported)} == {(FIRST, FIRST_EN), (SECOND, SECOND_EN)}
    code, _, err = run(capsys, "tm", "delete", "1", "--tm", team_url)
    assert code == EXIT_BAD_INPUT and "memory file" in err


def test_pretranslate_fills_from_the_server(
    team_url: str, tmx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with TeamMemory.connect(team_url) as server:
        server.import_units(read_tmx(tmx))
    project = project_with(tmp_path, capsys, f"{FIRST}\n\nوصل الوزير إلى العاصمة صباح اليوم.\n")
    code, out, err = run(capsys, "pretranslate", project, "--no-mt", "--tm", team_url)
    assert code == EXIT_OK, err
    assert "Filled 1 of 2" in out and "1 exact" in out
    with ProjectStore.open(project) as store:
        filled, untouched = store.segments()
    assert (filled.target, filled.origin.value, filled.tm_score) == (FIRST_EN, "tm", 100)
    assert untouched.target == ""


def test_link_then_sync_sends_an_approval_to_the_server_and_brings_in_the_teams(
    team_url: str, tmx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with TeamMemory.connect(team_url) as server:
        server.import_units(read_tmx(tmx))
    project = project_with(tmp_path, capsys, f"{SECOND}\n\nوصل الوزير إلى العاصمة صباح اليوم.\n")
    code, out, err = run(capsys, "tm", "link", project, team_url)
    assert code == EXIT_OK, err
    assert "tm sync" in out
    approved = "The minister arrived in the capital this morning."
    assert run(capsys, "edit", project, "2", "--target", approved, "--approve")[0] == EXIT_OK
    code, out, err = run(capsys, "tm", "sync", project)
    assert code == EXIT_OK, err
    assert "Sent 1 approvals" in out and "brought in 2 units" in out
    with TeamMemory.connect(team_url) as server:
        assert [m.unit.target for m in server.lookup("وصل الوزير إلى العاصمة صباح اليوم.")] == [approved]
    # The project's lookups now use the replica, which has the team's units: pre-translation fills from it offline.
    code, out, _ = run(capsys, "pretranslate", project, "--no-mt")
    assert code == EXIT_OK and "Filled 1 of 1" in out
    code, out, _ = run(capsys, "tm", "unlink", project)
    assert code == EXIT_OK and "no longer uses" in out
    code, _, err = run(capsys, "tm", "sync", project)
    assert code == EXIT_BAD_INPUT and "not linked to a team memory" in err


def test_link_refuses_an_address_with_a_password_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_with(tmp_path, capsys, f"{FIRST}\n")
    code, _, err = run(capsys, "tm", "link", project, "postgresql://layla:hunter2@127.0.0.1/team")
    assert code == EXIT_BAD_INPUT
    assert "password file" in err and "hunter2" not in err
    with ProjectStore.open(project) as store:
        assert store.get_meta(TEAM_URL_KEY) is None


def test_an_unreachable_server_fails_with_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pg_server import _free_port

    code, _, err = run(capsys, "tm", "match", FIRST, "--tm", f"postgresql://postgres@127.0.0.1:{_free_port()}/team")
    assert code == EXIT_FAILED and "127.0.0.1" in err and "cannot connect" in err

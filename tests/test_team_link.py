"""A project linked to a team memory (`tarjama.memory.team_link`), against a real PostgreSQL server
(`tests/pg_server.py`): linking stores the address and never a password, approvals go through the replica and reach
the server at a sync, a project copied to another computer finds its replica there, and unlinking ends it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pg_server import Cluster, _free_port
from tarjama.errors import TarjamaError
from tarjama.memory.editing import UnitAction, UnitEditor, history
from tarjama.memory.replica import open_replica, replica_path
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_link import (
    TEAM_URL_KEY,
    check_connection,
    link_team,
    sync_project_team,
    team_replica,
    team_url_of,
    unlink_team,
)
from tarjama.memory.team_store import TeamMemory, TeamMemoryError, init_schema
from tarjama.project.review import Review
from tarjama.project.store import ProjectStore
from window_fixtures import project_of

TARGET = "The minister arrived in the capital this morning."


def approve_first(store: ProjectStore, target: str = TARGET) -> str:
    """Approve the project's first segment as the CLI does; returns its source."""
    segment = store.segments()[0]
    Review(store).approve(segment.id, target, force=True)
    return segment.source


@pytest.fixture
def team_url(fresh_pg_url: str) -> str:
    init_schema(fresh_pg_url)
    return fresh_pg_url


def test_an_approval_in_a_linked_project_reaches_the_server_at_the_next_sync(tmp_path: Path, team_url: str) -> None:
    with ProjectStore.open(project_of(tmp_path)) as store:
        replica = link_team(store, team_url)
        assert team_url_of(store) == team_url and store.linked_tm == replica.path
        source = approve_first(store)
        with TranslationMemory.open(replica.path) as memory:
            assert [m.unit.target for m in memory.lookup(source)] == [TARGET], "looked up in the replica at once"
        with TeamMemory.connect(team_url) as server:
            assert server.lookup(source) == [], "nothing reaches the server before a sync"
        report = sync_project_team(store)
    assert (report.pushed, report.queued, report.read_only) == (1, 0, False)
    with TeamMemory.connect(team_url) as server:
        assert [m.unit.target for m in server.lookup(source)] == [TARGET]
    again = sync_project_team(tmp_path / "visit.tarjama")  # by path, as `tarjama-cli tm sync` calls it
    assert (again.pushed, again.queued) == (0, 0)


def test_an_address_with_a_password_is_refused_and_nothing_is_stored(tmp_path: Path, pg_cluster: Cluster) -> None:
    secret = "s3cret-Pa55"
    url = f"postgresql://layla:{secret}@127.0.0.1:{pg_cluster.port}/team"
    with ProjectStore.open(project_of(tmp_path)) as store:
        before = store.tm_path
        for address in (url, f"host=127.0.0.1 dbname=team password={secret}",
                        f"postgresql://127.0.0.1/team?password={secret}"):
            if not address.startswith("postgresql://"):
                address = f"service=team {address}"
            with pytest.raises(TarjamaError) as raised:
                link_team(store, address)
            assert "password file" in str(raised.value) and secret not in str(raised.value)
        assert store.get_meta(TEAM_URL_KEY) is None and store.tm_path == before
    assert secret.encode() not in (tmp_path / "visit.tarjama").read_bytes()
    assert not replica_path(url).exists()


def test_a_project_copied_to_another_computer_uses_that_computers_replica(
    tmp_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_of(tmp_path)
    with ProjectStore.open(project) as store:
        first = link_team(store, team_url).path
        approve_first(store)
        sync_project_team(store)
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / "other-computer"))
    with ProjectStore.open(project) as store:
        assert team_url_of(store) == team_url, "the same memory, known by its replica's name"
        replica = team_replica(store)
        assert replica is not None and replica.path != first and store.linked_tm == replica.path
        assert sync_project_team(store).pulled == 1, "the team's units come into this computer's replica"
        with TranslationMemory.open(replica.path) as memory:
            assert [m.unit.target for m in memory.lookup(store.segments()[0].source)] == [TARGET]


def test_a_teammates_edit_of_my_approval_survives_my_project_opening_again(
    tmp_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project, opening, writes again the units that differ from its approved segments, except those a TM
    editor changed later: a teammate's edit taken by the pull counts as one, logged under their name."""
    corrected = "This morning the minister arrived in the capital."
    project = project_of(tmp_path)
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / "layla"))
    with ProjectStore.open(project) as store:
        link_team(store, team_url)
        source = approve_first(store)
        sync_project_team(store)
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / "omar"))
    omar = open_replica(team_url)
    omar.sync()
    with TranslationMemory.open(omar.path) as memory:
        (match,) = memory.lookup(source)
        assert match.unit.id is not None
        UnitEditor(memory, author="omar", wait=5).edit_target(match.unit.id, corrected)
    assert omar.sync().pushed == 1
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / "layla"))
    with ProjectStore.open(project) as store:
        assert sync_project_team(store).pulled == 1
    with ProjectStore.open(project) as store:
        assert store.segments()[0].target == TARGET, "the project keeps the translator's own target"
        assert (sync_project_team(store).pushed, sync_project_team(store).queued) == (0, 0)
        replica = team_replica(store)
        assert replica is not None
    with TranslationMemory.open(replica.path) as memory:
        assert [m.unit.target for m in memory.lookup(source)] == [corrected]
        (change,) = history(memory)
    assert (change.action, change.old_target, change.new_target, change.author) == (
        UnitAction.EDITED, TARGET, corrected, "omar")
    with TeamMemory.connect(team_url) as server:
        assert [m.unit.target for m in server.lookup(source)] == [corrected]


def test_linking_another_memory_or_unlinking_ends_the_team_link(tmp_path: Path, team_url: str) -> None:
    with ProjectStore.open(project_of(tmp_path)) as store:
        link_team(store, team_url)
        store.link_tm(tmp_path / "own.tarjama-tm")
        assert team_url_of(store) is None and team_replica(store) is None
        with pytest.raises(TarjamaError, match="not linked to a team memory"):
            sync_project_team(store)
        link_team(store, team_url)
        unlink_team(store)
        assert team_url_of(store) is None and store.tm_path is None


def test_checking_the_connection_says_writable_read_only_or_why_not(
    pg_cluster: Cluster, team_url: str, password_role: tuple[str, str]
) -> None:
    assert check_connection(team_url).read_only is False
    role, _password = password_role
    reader_url = pg_cluster.reader_url(team_url, role)
    reader = check_connection(reader_url)
    assert reader.read_only is True and reader.label.startswith("127.0.0.1")
    with pytest.raises(TeamMemoryError, match="127.0.0.1"):
        check_connection(f"postgresql://postgres@127.0.0.1:{_free_port()}/team", timeout=1)
    with pytest.raises(TarjamaError, match="not a team memory address"):
        check_connection("/home/layla/memory.tarjama-tm")

"""The TM editor's changes of units pulled from a team memory, against a real PostgreSQL server (`tests/pg_server.py`):
an edit or a deletion made in one replica reaches the server and the other replicas; made offline, it waits in the
replica and is pushed once; a read-only role's stays local; of two conflicting changes the later wins on the server
and the other is kept (in the server's log, and in the editor's log of the replica that made it). In the window, the
TM editor of a project linked to the team memory syncs its change, or says that a read-only role's stays local."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import psycopg
import pytest

from pg_server import Cluster, _free_port
from tarjama.domain import TmUnit
from tarjama.memory.editing import UnitAction, UnitEditor, history
from tarjama.memory.replica import Replica, ReplicaState, open_replica
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_schema import SCHEMA_VERSION
from tarjama.memory.team_store import TeamChange, TeamMemory, TeamMemoryError, init_schema
from tarjama.memory.team_sync import sync
from tarjama.ui.memory import team_status
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window

SOURCE = "قال المتحدث إن الاجتماع كان مثمرا."
IMPORTED = "The spokesman said the meeting was fruitful."
CORRECTED = "The spokesman said that the meeting had been fruitful."
WAIT_MS = 15_000

pytestmark = pytest.mark.slow


@pytest.fixture
def team(fresh_pg_url: str) -> str:
    """A team memory holding one unit, imported on the server (so every replica only ever pulls it)."""
    init_schema(fresh_pg_url)
    with TeamMemory.connect(fresh_pg_url) as server:
        server.import_units([TmUnit(source=SOURCE, target=IMPORTED, author="editor-in-chief",
                                    changed_at="2025-03-01T10:00:00.000+00:00")])
    return fresh_pg_url


def laptop(url: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Replica:
    """A translator's replica of `url` in a data folder of its own, synced once (the unit pulled)."""
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / name))
    replica = open_replica(url)
    assert replica.sync().pulled == 1
    return replica


def targets_offered(replica: Replica, source: str = SOURCE) -> set[str]:
    with TranslationMemory.open(replica.path) as memory:
        return {match.unit.target for match in memory.lookup(source)}


def pulled_unit_id(replica: Replica) -> int:
    with TranslationMemory.open(replica.path) as memory:
        (match,) = memory.lookup(SOURCE)
    assert match.unit.id is not None
    return match.unit.id


def edit(replica: Replica, target: str, author: str) -> None:
    with TranslationMemory.open(replica.path) as memory:
        UnitEditor(memory, author=author, wait=5).edit_target(pulled_unit_id(replica), target)


def server_unit(url: str) -> tuple[str, bool, str]:
    """The imported unit as the server holds it (a project's units have a project id)."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT target, approved, changed_at FROM tarjama_units WHERE project_uid IS NULL "
                           "AND source = %s", [SOURCE]).fetchone()
    assert row is not None
    return row


def server_log(url: str) -> list[tuple[str, str | None, str, bool]]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT action, new_target, author, applied FROM tarjama_unit_log ORDER BY id").fetchall()


def test_an_edit_in_one_replica_reaches_the_server_and_the_other_replica(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    edit(layla, CORRECTED, "layla")
    assert layla.status.queued == 1
    report = layla.sync()
    assert (report.pushed, report.queued) == (1, 0)
    target, approved, _changed_at = server_unit(team)
    assert (target, approved) == (CORRECTED, True)
    assert server_log(team) == [("edit", CORRECTED, "layla", True)]
    assert omar.sync().pulled == 1
    assert targets_offered(omar) == {CORRECTED}
    assert targets_offered(layla) == {CORRECTED}, "the echo of the push leaves the edit as it is"
    with TeamMemory.connect(team) as server:
        assert {match.unit.target for match in server.lookup(SOURCE)} == {CORRECTED}


def test_a_deletion_in_one_replica_withdraws_the_unit_everywhere(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    with TranslationMemory.open(layla.path) as memory:
        UnitEditor(memory, author="layla", wait=5).delete(pulled_unit_id(layla))
    assert layla.sync().pushed == 1
    assert server_unit(team)[:2] == (IMPORTED, False)
    assert server_log(team) == [("delete", None, "layla", True)]
    omar.sync()
    assert targets_offered(omar) == set(), "the other replica's lookup no longer offers it"
    layla.sync()
    assert targets_offered(layla) == set(), "the echo of the withdrawal does not bring it back"


def test_an_undone_deletion_puts_the_unit_back_on_the_server(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    with TranslationMemory.open(layla.path) as memory:
        editor = UnitEditor(memory, author="layla", wait=5)
        deletion = editor.delete(pulled_unit_id(layla))
        layla.sync()
        editor.revert(deletion)
    assert layla.sync().pushed == 1
    assert server_unit(team)[:2] == (IMPORTED, True)
    omar.sync()
    assert targets_offered(omar) == {IMPORTED}


OWN_SOURCE = "وأضاف أن المحادثات ستستأنف الأسبوع المقبل."
OWN_TARGET = "He added that talks will resume next week."


def approve_in_project(replica: Replica, target: str) -> None:
    """Layla's project approves segment 7 into her replica, as `MemoryLink` writes an approval."""
    unit = TmUnit(source=OWN_SOURCE, target=target, author="layla", changed_at="2025-03-02T09:00:00.000+00:00")
    with TranslationMemory.open(replica.path) as memory, memory.writing(wait=5):
        memory.write_project_unit(unit, project_uid="layla-project", segment_id=7)


def own_targets(replica: Replica) -> list[tuple[str, bool]]:
    with TranslationMemory.open(replica.path) as memory:
        return [(unit.target, unit.approved) for unit in memory.units(approved_only=False)
                if unit.source == OWN_SOURCE]


def omars_unit_id(omar: Replica) -> int:
    with TranslationMemory.open(omar.path) as memory:
        (match,) = memory.lookup(OWN_SOURCE)
    assert match.unit.id is not None
    return match.unit.id


@pytest.mark.parametrize("deleting", [False, True], ids=["edit", "deletion"])
def test_a_teammates_edit_of_a_unit_my_project_approved_reaches_my_replica(
    deleting: bool, team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    approve_in_project(layla, OWN_TARGET)
    assert layla.sync().pushed == 1
    assert omar.sync().pulled == 1
    with TranslationMemory.open(omar.path) as memory:
        editor = UnitEditor(memory, author="omar", wait=5)
        if deleting:
            editor.delete(omars_unit_id(omar))
        else:
            editor.edit_target(omars_unit_id(omar), CORRECTED)
    assert omar.sync().pushed == 1
    report = layla.sync()
    assert (report.pulled, report.queued) == (1, 0), "taken, and not queued to be sent back"
    assert layla.sync() == dataclasses.replace(report, pulled=0), "nothing pushed back or pulled again"
    assert own_targets(layla) == ([] if deleting else [(CORRECTED, True)])
    with TranslationMemory.open(layla.path) as memory:
        (change,) = history(memory)
    assert (change.action, change.author, change.project_uid) == (
        UnitAction.DELETED if deleting else UnitAction.EDITED, "omar", "layla-project"), "as if made in her editor"
    with TranslationMemory.open(layla.path) as memory:
        UnitEditor(memory, author="layla", wait=5).revert(change)
    assert layla.sync().pushed == 1, "her undo goes to the team like any change of her own"
    assert targets_offered(omar, OWN_SOURCE) == (set() if deleting else {CORRECTED}) and omar.sync().pulled == 1
    assert targets_offered(omar, OWN_SOURCE) == {OWN_TARGET}
    with psycopg.connect(team) as conn:
        assert conn.execute("SELECT count(*) FROM tarjama_unit_log").fetchone() == (1,)


def test_a_re_approval_still_queued_keeps_my_target_over_a_teammates_edit(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only role cannot push its own later approval, so the pull must not overwrite it either."""
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    approve_in_project(layla, OWN_TARGET)
    layla.sync()
    omar.sync()
    with TranslationMemory.open(omar.path) as memory:
        UnitEditor(memory, author="omar", wait=5).edit_target(omars_unit_id(omar), CORRECTED)
    omar.sync()
    approve_in_project(layla, "He added that the talks would resume next week.")
    with TeamMemory.connect(team) as server, TranslationMemory.open(layla.path) as memory:
        report = sync(memory, ReadOnly(server))  # type: ignore[arg-type] - the server's calls, refused writes
    assert (report.pulled, report.queued, report.read_only) == (0, 1, True)
    assert own_targets(layla) == [("He added that the talks would resume next week.", True)]
    report = layla.sync()
    assert (report.pushed, report.queued) == (1, 0)
    omar.sync()
    assert targets_offered(omar, OWN_SOURCE) == {"He added that the talks would resume next week."}


class ReadOnly:
    """The real server, seen through a role that may not write."""

    read_only = True

    def __init__(self, server: TeamMemory) -> None:
        self._server = server

    def __getattr__(self, name: str) -> object:
        return getattr(self._server, name)


class DropsAfterEdit:
    """The real server, whose connection drops right after an edit has committed (before the replica hears it)."""

    def __init__(self, server: TeamMemory) -> None:
        self._server = server
        self.read_only = server.read_only

    def __getattr__(self, name: str) -> object:
        return getattr(self._server, name)

    def edit_unit(self, server_id: int, target: str, *, author: str, at: str) -> TeamChange | None:
        self._server.edit_unit(server_id, target, author=author, at=at)
        raise TeamMemoryError(self._server.label, "the connection was lost")


def test_an_edit_made_offline_is_queued_and_pushed_exactly_once(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    offline = Replica(f"postgresql://postgres@127.0.0.1:{_free_port()}/team", layla.path)  # the server unreachable
    edit(layla, CORRECTED, "layla")
    with pytest.raises(TeamMemoryError):
        offline.sync(timeout=1)
    status = offline.status
    assert (status.state, status.queued) == (ReplicaState.OFFLINE, 1)
    assert server_unit(team)[0] == IMPORTED
    with (TeamMemory.connect(team) as server, TranslationMemory.open(layla.path) as memory,
          pytest.raises(TeamMemoryError)):
        sync(memory, DropsAfterEdit(server))  # type: ignore[arg-type] - the server's calls, one wrapped
    assert layla.status.queued == 1, "not confirmed, so still queued"
    report = layla.sync()
    assert (report.pushed, report.queued) == (1, 0)
    assert layla.sync().pushed == 0
    assert server_log(team) == [("edit", CORRECTED, "layla", True)], "applied and logged once, though sent twice"
    with psycopg.connect(team) as conn:
        assert conn.execute("SELECT count(*) FROM tarjama_units").fetchone() == (1,)
    omar.sync()
    assert targets_offered(omar) == {CORRECTED}


def test_a_read_only_role_keeps_its_edit_local_and_queued(
    pg_cluster: Cluster, team: str, password_role: tuple[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    role, _password = password_role
    reader_url = pg_cluster.reader_url(team, role)
    reader = laptop(reader_url, "reader", tmp_path, monkeypatch)
    writer = laptop(team, "writer", tmp_path, monkeypatch)
    edit(reader, CORRECTED, "reader")
    edit(writer, "The spokesman called the meeting fruitful.", "writer")
    assert writer.sync().pushed == 1
    report = reader.sync()
    assert (report.read_only, report.pushed, report.queued) == (True, 0, 1)
    status = reader.status
    assert (status.state, status.read_only, status.queued) == (ReplicaState.READ_ONLY, True, 1)
    assert targets_offered(reader) == {CORRECTED}, "the pull leaves the translator's queued edit alone"
    assert server_unit(team)[0] == "The spokesman called the meeting fruitful."


def test_of_two_conflicting_edits_the_later_wins_and_the_other_is_kept(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    earlier, later = "Omar's earlier correction.", "Layla's later correction."
    edit(omar, earlier, "omar")  # both offline: neither knows of the other's
    edit(layla, later, "layla")
    assert layla.sync().pushed == 1
    report = omar.sync()
    assert (report.pushed, report.queued) == (1, 0), "confirmed, though not applied"
    assert server_unit(team)[0] == later
    assert server_log(team) == [("edit", later, "layla", True), ("edit", earlier, "omar", False)]
    assert targets_offered(omar) == {later}, "the team's later change replaces the older one in its replica"
    with TranslationMemory.open(omar.path) as memory:
        (logged,) = history(memory)
    assert (logged.action, logged.new_target, logged.author) == (UnitAction.EDITED, earlier, "omar")
    layla.sync()
    assert targets_offered(layla) == {later}


def test_a_deletion_older_than_the_teams_edit_gives_way_to_it(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla, omar = (laptop(team, name, tmp_path, monkeypatch) for name in ("layla", "omar"))
    with TranslationMemory.open(omar.path) as memory:
        UnitEditor(memory, author="omar", wait=5).delete(pulled_unit_id(omar))
    edit(layla, CORRECTED, "layla")
    layla.sync()
    omar.sync()
    assert server_unit(team)[:2] == (CORRECTED, True)
    assert targets_offered(omar) == {CORRECTED}, "the later edit comes back into the replica that deleted it"
    assert server_log(team)[-1] == ("delete", None, "omar", False)


def test_a_unit_that_takes_the_id_of_a_deleted_pulled_unit_is_not_taken_for_it(
    team: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layla = laptop(team, "layla", tmp_path, monkeypatch)
    freed = pulled_unit_id(layla)
    with TranslationMemory.open(layla.path) as memory:
        UnitEditor(memory, author="layla", wait=5).delete(freed)
        with memory.writing(wait=5):
            memory.write_project_unit(TmUnit(source=SOURCE, target="Layla's own approval.", author="layla"),
                                      project_uid="layla-project", segment_id=1)
        (own,) = memory.lookup(SOURCE)
        assert own.unit.id == freed, "SQLite hands the freed id out again"
        UnitEditor(memory, author="layla", wait=5).edit_target(freed, "Layla's own approval, edited.")
    assert layla.sync().pushed == 2, "the deletion, and the project's unit as its own"
    assert server_unit(team)[:2] == (IMPORTED, False)
    assert server_log(team) == [("delete", None, "layla", True)]
    assert targets_offered(layla) == {"Layla's own approval, edited."}


# -- in the window: the TM editor on the project's replica ------------------------------------------------------


def edit_in_window(qtbot, window: MainWindow, target: str) -> None:
    window.tm_menu.open_editor("الاجتماع")
    editor = window.tm_menu.editor
    assert editor is not None and editor.path == window.tm_menu.team.replica.path
    qtbot.waitUntil(lambda: editor.count.text() == "Found: 1", timeout=WAIT_MS)
    editor.edit_target(editor.model.units[0], target)


def test_the_tm_editor_of_a_linked_project_sends_its_edit_to_the_team(qtbot, project: Path, team: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_status, "AFTER_CHANGE_MS", 100)
    window = open_window(qtbot, project)
    try:
        assert window.tm_menu.team.connect(team)
        qtbot.waitUntil(lambda: window.tm_menu.team.label.text() == "Team memory: online", timeout=WAIT_MS)
        edit_in_window(qtbot, window, CORRECTED)
        qtbot.waitUntil(lambda: server_unit(team)[0] == CORRECTED, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.tm_menu.team.status.queued == 0, timeout=WAIT_MS)
    finally:
        window.close()


def test_the_tm_editor_tells_a_read_only_role_its_edit_stays_local(
    qtbot, project: Path, pg_cluster: Cluster, team: str, password_role: tuple[str, str]
) -> None:
    role, _password = password_role
    reader_url = pg_cluster.reader_url(team, role)
    window = open_window(qtbot, project)
    try:
        assert window.tm_menu.team.connect(reader_url)
        qtbot.waitUntil(lambda: window.tm_menu.team.label.text() == "Team memory: read-only", timeout=WAIT_MS)
        edit_in_window(qtbot, window, CORRECTED)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                        == "Changed locally; the team memory is read-only for you.", timeout=WAIT_MS)
        assert window.tm_menu.team.status.queued == 1
        assert "Changes waiting to be sent (approvals and TM edits): 1" in window.tm_menu.team.label.toolTip()
        assert server_unit(team)[0] == IMPORTED
    finally:
        window.close()


def test_serve_init_brings_a_version_1_server_up_to_the_editors_log(fresh_pg_url: str) -> None:
    init_schema(fresh_pg_url)
    with psycopg.connect(fresh_pg_url, autocommit=True) as conn:  # as the first team memories were made
        conn.execute("DROP TABLE tarjama_unit_log")
        conn.execute("UPDATE tarjama_meta SET value = '1' WHERE key = 'schema_version'")
    init_schema(fresh_pg_url)
    with psycopg.connect(fresh_pg_url) as conn:
        assert conn.execute("SELECT value FROM tarjama_meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),)
        assert conn.execute("SELECT to_regclass('tarjama_unit_log')::text").fetchone() == ("tarjama_unit_log",)

"""The team memory in the window, against a real PostgreSQL server (`tests/pg_server.py`): Connect to team
memory… (its Test connection on a worker thread), an approval synced to the server in the background, a server
that goes away (offline, the approvals waiting, pushed when it is back), and a role that may only read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pg_server import Cluster, _free_port
from qt_keys import press, type_text
from tarjama.domain import Status
from tarjama.memory.replica import open_replica
from tarjama.memory.team_link import TEAM_URL_KEY
from tarjama.memory.team_store import TeamMemory, init_schema
from tarjama.ui.memory import team_status
from tarjama.ui.memory.team_dialog import TeamMemoryDialog
from tarjama.ui.shell.main_window import MainWindow
from test_team_offline import StoppableCluster, server_units, stoppable, team_database  # noqa: F401 - a fixture
from window_fixtures import editor_of, open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
TARGET = "The minister arrived in the capital this morning."
WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def quick_syncs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync soon after an approval, so that a test does not wait the translator's few seconds."""
    monkeypatch.setattr(team_status, "AFTER_CHANGE_MS", 100)


@pytest.fixture
def team_url(fresh_pg_url: str) -> str:
    init_schema(fresh_pg_url)
    return fresh_pg_url


def approve_current(window: MainWindow, target: str = TARGET) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), target)
    press(editor_of(window), Qt.Key.Key_Return, CTRL)


def label(window: MainWindow) -> str:
    return window.tm_menu.team.label.text()


def test_an_approval_reaches_the_team_memory_in_the_background(qtbot, project: Path, team_url: str) -> None:
    window = open_window(qtbot, project)
    try:
        assert not window.tm_menu.team.label.isVisible() and window.tm_menu.team_action.isEnabled()
        assert window.tm_menu.team.connect(team_url)
        assert window.session.store.get_meta(TEAM_URL_KEY) == team_url
        assert window.session.store.linked_tm == open_replica(team_url).path
        qtbot.waitUntil(lambda: label(window) == "Team memory: online", timeout=WAIT_MS)
        assert window.tm_menu.team.label.isVisible()
        source = window.current_segment().source
        approve_current(window)
        with TeamMemory.connect(team_url) as server:
            qtbot.waitUntil(lambda: [m.unit.target for m in server.lookup(source)] == [TARGET], timeout=WAIT_MS)
        assert label(window) == "Team memory: online"
    finally:
        window.close()
    # Opened again, the project syncs by itself, and looks up in the replica.
    again = open_window(qtbot, project)
    try:
        assert again.session.store.linked_tm == open_replica(team_url).path
        qtbot.waitUntil(lambda: label(again) == "Team memory: online", timeout=WAIT_MS)
        assert again.tm_menu.team.status.last_sync is not None
    finally:
        again.close()


def test_offline_the_approval_waits_and_is_pushed_when_the_server_is_back(
    qtbot, project: Path, stoppable: StoppableCluster  # noqa: F811 - the fixture imported above
) -> None:
    url = team_database(stoppable.cluster)
    stoppable.stop()
    try:
        window = open_window(qtbot, project)  # closed by qtbot at the end of the test
        assert window.tm_menu.team.connect(url)
        qtbot.waitUntil(lambda: label(window) == "Team memory: offline (0 waiting)", timeout=WAIT_MS)
        approve_current(window)
        assert stored(project)[0].status == Status.APPROVED, "saved in the project at once"
        qtbot.waitUntil(lambda: label(window) == "Team memory: offline (1 waiting)", timeout=WAIT_MS)
        assert "cannot connect" in window.tm_menu.team.label.toolTip()
        assert "Changes waiting to be sent (approvals and TM edits): 1" in window.tm_menu.team.label.toolTip()
    finally:
        stoppable.start()
    window.tm_menu.team.sync_now()  # the minute's tick, without waiting a minute
    qtbot.waitUntil(lambda: label(window) == "Team memory: online", timeout=WAIT_MS)
    uid = window.session.store.get_meta("uid")
    assert [(segment, target) for segment, target, _ in server_units(url, uid)] == [(stored(project)[0].id, TARGET)]


def test_a_read_only_role_is_told_its_approval_stays_local(
    qtbot, project: Path, pg_cluster: Cluster, team_url: str, password_role: tuple[str, str]
) -> None:
    role, _password = password_role
    reader_url = pg_cluster.reader_url(team_url, role)
    window = open_window(qtbot, project)
    try:
        assert window.tm_menu.team.connect(reader_url)
        qtbot.waitUntil(lambda: label(window) == "Team memory: read-only", timeout=WAIT_MS)
        approve_current(window)
        assert window.statusBar().currentMessage() == "Approved locally; the team memory is read-only for you."
        assert stored(project)[0].status == Status.APPROVED
        assert window.tm_menu.team.status.queued == 1
    finally:
        window.close()


def test_test_connection_says_writable_read_only_or_why_not(
    qtbot, pg_cluster: Cluster, team_url: str, password_role: tuple[str, str]
) -> None:
    dialog = TeamMemoryDialog(None, team_url)
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Your approvals will be added to it." in dialog.result.text(), timeout=WAIT_MS)
    role, _password = password_role
    reader_url = pg_cluster.reader_url(team_url, role)
    dialog.address.setText(reader_url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "It is read-only for you" in dialog.result.text(), timeout=WAIT_MS)
    dialog.address.setText(f"postgresql://postgres@127.0.0.1:{_free_port()}/team")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "cannot connect to the team memory" in dialog.result.text(), timeout=WAIT_MS)
    assert dialog.test_button.isEnabled()


def test_ok_refuses_an_address_with_a_password_and_the_project_keeps_none(qtbot, window: MainWindow) -> None:
    dialog = TeamMemoryDialog(window, "postgresql://layla:hunter2@127.0.0.1/team")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "password file" in dialog.result.text() and "hunter2" not in dialog.result.text()
    assert not window.tm_menu.team.connect("postgresql://layla:hunter2@127.0.0.1/team")
    assert window.session.store.get_meta(TEAM_URL_KEY) is None
    assert "password file" in window.statusBar().currentMessage()

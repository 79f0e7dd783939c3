"""Connect to team memory…'s password, against a real PostgreSQL server (`tests/pg_server.py`): Test connection uses
the password typed, Connect keeps it in the system keyring when asked (else for this session only), the background
sync then logs in with it, and no file Tarjama writes (the project, the replica, the settings) ever holds it; without
a keyring, asking to remember says to use the password file. The keyring is an in-memory backend
(`test_team_secrets.MemoryKeyring`), never the desktop's."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail

from qt_keys import type_text
from tarjama.memory.team_link import TEAM_URL_KEY
from tarjama.memory.team_secrets import KEYRING_SERVICE
from tarjama.memory.team_url import team_login
from tarjama.ui.memory.team_dialog import TeamMemoryDialog
from tarjama.ui.shell.main_window import MainWindow
from test_team_secrets import (  # noqa: F401 - fixtures
    MemoryKeyring,
    keyring_role,
    memory_keyring,
    team_url,
    use_keyring,
)

WAIT_MS = 15_000


def files_holding(password: str, *folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*")
            if path.is_file() and password.encode() in path.read_bytes()]


def _connect_remembering(qtbot, window: MainWindow, url: str, password: str) -> TeamMemoryDialog:
    """The Connect dialog for `url`, its password typed, "Remember" ticked and Connect pressed."""
    dialog = TeamMemoryDialog(window, url)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.password, password)
    dialog.remember.setChecked(True)
    dialog.accept()
    return dialog


def test_test_connection_uses_the_password_typed_and_keeps_it_nowhere(
    qtbot, keyring_role: tuple[str, str], memory_keyring: MemoryKeyring  # noqa: F811
) -> None:
    url, password = keyring_role
    dialog = TeamMemoryDialog(None, url)
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "asks for a password" in dialog.result.text(), timeout=WAIT_MS)
    type_text(dialog.password, password)
    assert dialog.result.text() == "", "what was found is about the password before"
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Your approvals will be added to it." in dialog.result.text(), timeout=WAIT_MS)
    assert memory_keyring.entries == {} and "set" not in memory_keyring.calls


def test_connect_remembers_the_password_in_the_keyring_and_the_sync_logs_in_with_it(
    qtbot, window: MainWindow, keyring_role: tuple[str, str], memory_keyring: MemoryKeyring,  # noqa: F811
    tmp_path: Path, isolated_user_dirs: Path
) -> None:
    url, password = keyring_role
    dialog = _connect_remembering(qtbot, window, url, password)
    assert not dialog.isVisible(), dialog.result.text()
    assert memory_keyring.entries == {(KEYRING_SERVICE, team_login(url)): password}
    assert window.tm_menu.team.connect(dialog.url())
    qtbot.waitUntil(lambda: window.tm_menu.team.label.text() == "Team memory: online", timeout=WAIT_MS)
    assert window.session.store.get_meta(TEAM_URL_KEY) == url
    window.close()  # the settings written
    assert files_holding(password, tmp_path, isolated_user_dirs) == []


def test_without_a_keyring_remember_says_what_to_do_and_the_password_serves_this_session(
    qtbot, window: MainWindow, keyring_role: tuple[str, str], monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    tmp_path: Path, isolated_user_dirs: Path
) -> None:
    use_keyring(monkeypatch, fail.Keyring())
    url, password = keyring_role
    dialog = _connect_remembering(qtbot, window, url, password)
    assert dialog.isVisible() and "~/.pgpass" in dialog.result.text() and password not in dialog.result.text()
    dialog.remember.setChecked(False)
    dialog.accept()
    assert not dialog.isVisible()
    assert window.tm_menu.team.connect(dialog.url())
    qtbot.waitUntil(lambda: window.tm_menu.team.label.text() == "Team memory: online", timeout=WAIT_MS)
    window.close()
    assert files_holding(password, tmp_path, isolated_user_dirs) == []

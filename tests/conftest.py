"""Test set-up shared by every test: Qt offscreen, isolated user folders, no network, the window fixtures and the
markers.

The socket guard is autouse: Tarjama promises translators that nothing leaves the machine unless they ask for a
download, so any connection to a non-loopback address fails the test that made it.

Markers (registered in pyproject.toml): `window` is put here on every test that uses a Qt application (pytest-qt's
`qtbot` or `qapp`, directly or through a fixture such as `window`), so no test can forget it; `slow` is put by hand
on the tests that take a second or more (`pytest --durations=40` finds them). `pytest -m "not slow and not window"`
is the quick run of the core.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: `project`, `window` and `arabic_ui`, and the helpers that open a window (tests/window_fixtures.py); the throw-away
#: PostgreSQL cluster of the team memory tests (tests/pg_server.py).
pytest_plugins = ("window_fixtures", "pg_server")

REPO = Path(__file__).resolve().parent.parent
#: Fixtures that start a Qt application: a test using one (or a fixture built on one) is a window test.
QT_FIXTURES = frozenset({"qtbot", "qapp"})
SHARED_ARTICLE = REPO.parent / "shared" / "corpus" / "ar-news-syria-truce.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a Qt application `window`, from the fixtures it uses (the whole closure)."""
    for item in items:
        if QT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.window)


class NetworkBlocked(AssertionError):
    """Raised when code under test tries to reach an address outside this machine."""


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and the like never leave the machine
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def guard_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (data, settings, packages) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("TARJAMA_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("TARJAMA_CACHE_DIR", str(home / "cache"))
    return home


@pytest.fixture
def shared_article() -> Path:
    if not SHARED_ARTICLE.is_file():
        pytest.skip(f"the shared corpus is absent ({SHARED_ARTICLE}); only CI and developers have it")
    return SHARED_ARTICLE

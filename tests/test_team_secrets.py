"""A team memory's password in the system keyring (`tarjama.memory.team_secrets`), against a real PostgreSQL server
(`tests/pg_server.py`, where every role but the superuser needs its password over TCP): a login whose password
libpq has from nowhere fails with a message saying where to keep it, and connects once the keyring holds it; the
password file and PGPASSWORD keep working (the keyring is not even asked); no keyring, or a locked one, never breaks a
connection that needs none, and storing without one says to use ~/.pgpass; `tarjama-cli tm password` stores and
forgets. The keyring here is an in-memory backend set with `keyring.set_keyring`, never the desktop's."""

from __future__ import annotations

import io
import secrets
from pathlib import Path

import keyring
import keyring.core
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from pg_server import Cluster
from tarjama.cli import EXIT_FAILED, EXIT_OK
from tarjama.memory import team_secrets
from tarjama.memory.replica import open_replica
from tarjama.memory.team_link import check_connection, link_team
from tarjama.memory.team_secrets import (
    KEYRING_SERVICE,
    KeyringUnavailableError,
    forget_password,
    store_password,
    stored_password,
)
from tarjama.memory.team_store import TeamMemory, TeamMemoryError, init_schema
from tarjama.memory.team_url import team_login
from tarjama.project.store import ProjectStore
from test_cli import run
from window_fixtures import project_of

ROLE = "translator_kr"


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict, recording every call, so that no test reaches the desktop's keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append("get")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append("delete")
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class LockedKeyring(KeyringBackend):
    """A keyring whose collection the translator did not unlock (the prompt dismissed)."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password


def use_keyring(monkeypatch: pytest.MonkeyPatch, backend: KeyringBackend) -> KeyringBackend:
    """`backend` as the keyring for this test only (the one before, if any, is put back afterwards), and no
    password left over from another test's session."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(team_secrets, "_session_passwords", {})
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_keyring(monkeypatch, backend)
    return backend


@pytest.fixture
def team_url(fresh_pg_url: str) -> str:
    init_schema(fresh_pg_url)
    return fresh_pg_url


@pytest.fixture
def keyring_role(pg_cluster: Cluster, team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> tuple[str, str]:
    """A writer's login that only its password opens, with no password file and no PGPASSWORD: (its URL to the
    test's team memory, the password)."""
    password = f"kr-{secrets.token_urlsafe(12)}"
    pg_cluster.create_role(ROLE, password)
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(f'GRANT tarjama_writer TO "{ROLE}"')
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return pg_cluster.url(team_url.rsplit("/", 1)[1], user=ROLE), password


def test_a_login_is_keyed_by_user_host_port_and_database_and_holds_no_password(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("PGUSER", "PGHOST", "PGPORT", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    key = team_login("postgresql://layla@db.example/agency")
    assert key == "layla@db.example:5432/agency"
    assert team_login("postgresql://layla:hunter2@db.example:5432/agency?sslmode=require") == key
    assert team_login("host=db.example user=layla dbname=agency") == key
    assert "hunter2" not in team_login("postgresql://layla:hunter2@db.example/agency")
    others = {team_login(u) for u in ("postgresql://omar@db.example/agency", "postgresql://layla@db.example:6432/agency",
                                       "postgresql://layla@db.example/news", "postgresql://layla@other.example/agency")}
    assert key not in others and len(others) == 4
    monkeypatch.setenv("PGUSER", "omar")
    assert team_login("postgresql://db.example") == "omar@db.example:5432/omar", "as libpq fills them in"
    assert team_login("service=agency") == "omar@service=agency"


def test_a_password_only_the_keyring_holds_opens_the_login(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring
) -> None:
    url, password = keyring_role
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(url)
    message = str(raised.value)
    assert "asks for a password" in message and "tarjama-cli tm password" in message and "~/.pgpass" in message
    assert memory_keyring.calls == ["get"], "asked only because the server wanted a password libpq did not have"

    assert store_password(url, password) == team_login(url)
    assert memory_keyring.entries == {(KEYRING_SERVICE, team_login(url)): password}
    with TeamMemory.connect(url) as server:
        assert not server.read_only and password not in server.label
    assert check_connection(url).read_only is False, "Test connection finds it too"
    assert open_replica(url).sync().read_only is False, "and so does the sync"


def test_a_wrong_password_in_the_keyring_is_refused_without_showing_it(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring
) -> None:
    url, _password = keyring_role
    store_password(url, "not-the-password-77")
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(url)
    message = str(raised.value)
    assert "refused the login" in message and "system keyring" in message
    assert "not-the-password-77" not in message and message.startswith(f"{raised.value.server}: ")


def test_a_password_typed_for_the_connection_wins_and_is_never_kept(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring
) -> None:
    url, password = keyring_role
    with TeamMemory.connect(url, password=password) as server:
        assert not server.read_only
    assert memory_keyring.calls == [] and memory_keyring.entries == {}
    assert check_connection(url, password=password).read_only is False


def test_the_password_file_and_pgpassword_keep_working_without_asking_the_keyring(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, password = keyring_role
    store_password(url, "a-stale-keyring-entry")
    memory_keyring.calls.clear()
    monkeypatch.setenv("PGPASSWORD", password)
    with TeamMemory.connect(url):
        pass
    monkeypatch.delenv("PGPASSWORD")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{ROLE}:{password}\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with TeamMemory.connect(url):
        pass
    assert memory_keyring.calls == [], "libpq had a password: the keyring was never asked"


@pytest.mark.parametrize("backend", [fail.Keyring(), LockedKeyring()], ids=["no keyring", "locked keyring"])
def test_no_keyring_or_a_locked_one_never_breaks_a_connection_and_storing_says_what_to_do(
    backend: KeyringBackend, keyring_role: tuple[str, str], team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_keyring(monkeypatch, backend)
    with TeamMemory.connect(team_url) as server:  # the superuser needs no password from this machine
        assert not server.read_only
    url, password = keyring_role
    assert stored_password(url) is None
    with pytest.raises(TeamMemoryError) as raised:
        TeamMemory.connect(url)
    assert "asks for a password" in str(raised.value)
    with pytest.raises(KeyringUnavailableError) as refused:
        store_password(url, password)
    message = str(refused.value)
    assert team_login(url) in message and "~/.pgpass" in message and "PGPASSFILE" in message
    assert password not in message
    with pytest.raises(KeyringUnavailableError):
        forget_password(url)
    with TeamMemory.connect(url, password=password):  # a typed password still works
        pass


def test_linking_keeps_the_password_out_of_the_project(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    url, password = keyring_role
    store_password(url, password)
    project = project_of(tmp_path)
    with ProjectStore.open(project) as store:
        replica = link_team(store, url)
        assert replica.sync().read_only is False
    for path in (project, replica.path):
        assert password.encode() not in path.read_bytes()


def test_the_cli_stores_and_forgets_the_password(
    keyring_role: tuple[str, str], memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    url, password = keyring_role
    code, _out, err = run(capsys, "tm", "match", "الوفد", "--tm", url)
    assert code == EXIT_FAILED and "asks for a password" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
    code, out, err = run(capsys, "tm", "password", url)
    assert code == EXIT_OK, err
    assert team_login(url) in out and password not in out + err
    assert memory_keyring.entries == {(KEYRING_SERVICE, team_login(url)): password}
    code, _out, err = run(capsys, "tm", "match", "الوفد", "--tm", url)
    assert code == EXIT_OK, err
    code, out, _ = run(capsys, "tm", "password", url, "--forget")
    assert code == EXIT_OK and "Removed" in out and memory_keyring.entries == {}
    code, _out, err = run(capsys, "tm", "password", url, "--forget")
    assert code == EXIT_OK and "held no password" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = run(capsys, "tm", "password", url)
    assert code != EXIT_OK and "No password was given" in err and memory_keyring.entries == {}


def test_the_cli_without_a_keyring_points_to_the_password_file(
    keyring_role: tuple[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_keyring(monkeypatch, fail.Keyring())
    url, password = keyring_role
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
    code, out, err = run(capsys, "tm", "password", url)
    assert code == EXIT_FAILED and "~/.pgpass" in err and password not in out + err

"""A throw-away PostgreSQL cluster for the tests of the team memory: started once per test session, stopped and
removed at the end.

`initdb` runs in a temporary folder on a free port of 127.0.0.1 (and a unix socket in that folder), as the
`postgres` user when the tests run as root (PostgreSQL refuses to run as root), else as the current user. The
cluster's superuser `postgres` connects without a password from this machine; every other role needs its password
(scram-sha-256), so tests of roles and password files are real.

Outside CI a machine without the server binaries (Debian's `postgresql` package) skips the tests that need it,
saying why; under CI (`CI=true`, where `.ci/run` installs the package) the same lack fails them.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SUPERUSER = "postgres"
_DATABASE_NUMBERS = itertools.count(1)


def _initdb() -> Path | None:
    """The newest server's initdb: Debian's layout first, else one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1])
    on_path = shutil.which("initdb")
    return Path(on_path) if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its port and folder, and libpq URLs to its databases."""

    port: int
    folder: Path

    def url(self, database: str = "postgres", *, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "tm") -> str:
        """A new, empty database; its URL, for the superuser."""
        name = f"{prefix}_{next(_DATABASE_NUMBERS)}_{secrets.token_hex(3)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_role(self, name: str, password: str) -> None:
        """A login role with a password (dropped first if an earlier test made it)."""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
            if exists is None:
                conn.execute(f'CREATE ROLE "{name}" LOGIN')
            conn.execute(f"ALTER ROLE \"{name}\" PASSWORD '{password}'")

    def reader_url(self, team_url: str, role: str) -> str:
        """The URL of the team memory at `team_url` for `role`, made a reader of it (`tarjama_reader`)."""
        with psycopg.connect(team_url, autocommit=True) as conn:
            conn.execute(f'GRANT tarjama_reader TO "{role}"')
        return self.url(team_url.rsplit("/", 1)[1], user=role)


def start_cluster(folder: Path) -> tuple[Cluster, list[str]]:
    """initdb and start a cluster in `folder`; returns it and the command prefix that runs its tools."""
    initdb = _initdb()
    if initdb is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb) on this machine; install Debian's `postgresql`")
    as_user: list[str] = []
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root, and there is no `postgres` user to run the server as") from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    bin_dir = initdb.parent
    subprocess.run(
        [*as_user, str(initdb), "-D", str(data), "-U", SUPERUSER, "--auth-local=trust", "--auth-host=scram-sha-256",
         "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
        check=True, capture_output=True,
    )
    hba = data / "pg_hba.conf"
    # The superuser needs no password from this machine; every other role does.
    trusted = f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
    hba.write_text(trusted + hba.read_text(encoding="utf-8"), encoding="utf-8")  # in place: its owner stays
    port = _free_port()
    options = (f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=120")
    subprocess.run(
        [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60",
         "-o", options, "start"],
        check=True, capture_output=True,
    )
    return Cluster(port, folder), [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data)]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The session's cluster (skipped outside CI, failed under it, when none can be started)."""
    folder = Path(tempfile.mkdtemp(prefix="tarjama-pg-"))
    try:
        cluster, pg_ctl = start_cluster(folder)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        detail = exc.stderr.decode(errors="replace") if isinstance(exc, subprocess.CalledProcessError) else ""
        reason = f"cannot start a PostgreSQL server for the team memory tests: {exc} {detail}".strip()
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield cluster
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url(pg_cluster: Cluster) -> str:
    """A libpq URL to a fresh database of the session's cluster, shared by the whole session."""
    return pg_cluster.create_database("session")


@pytest.fixture
def fresh_pg_url(pg_cluster: Cluster) -> str:
    """A libpq URL to a database of this test's own, so that no test sees another's units."""
    return pg_cluster.create_database()


@pytest.fixture
def password_role(pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A login role with a random password that only a libpq password file (PGPASSFILE, set for this test) holds:
    (role name, password). The role has no privilege on any table; a test grants what it needs."""
    name, password = "translator_ro", secrets.token_urlsafe(12)
    pg_cluster.create_role(name, password)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg_cluster.port}:*:{name}:{password}\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    return name, password

"""The offline replica against a real PostgreSQL server (`tests/pg_server.py`): no approval is ever lost, whether the
server stops in the middle of a push (a second throw-away cluster, stopped with `pg_ctl -m immediate stop` at a
random point and started again) or the syncing process is killed (SIGKILL at a random point of its push or of its
pull); two translators' approvals of one source both survive; a read-only role; a server that cannot be reached."""

from __future__ import annotations

import contextlib
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from pg_server import Cluster, _free_port, start_cluster
from tarjama.domain import TmUnit
from tarjama.memory.replica import Replica, ReplicaState, open_replica, replica_path
from tarjama.memory.replica_tables import queued_count, sync_state
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_store import TeamMemory, TeamMemoryError, init_schema
from tarjama.memory.team_sync import sync

SOURCE = "قال المتحدث إن الاجتماع كان مثمرا."
DESKTOP = Path(__file__).resolve().parent.parent / "desktop"

pytestmark = pytest.mark.slow


class StoppableCluster:
    """A second throw-away cluster of this module's own, which a test stops as a network failure would."""

    def __init__(self, cluster: Cluster, pg_ctl: list[str]) -> None:
        self.cluster = cluster
        self._pg_ctl = pg_ctl
        self._options = shlex.split((cluster.folder / "data" / "postmaster.opts").read_text())[1:]

    def stop(self) -> None:
        subprocess.run([*self._pg_ctl, "-m", "immediate", "stop"], check=True, capture_output=True)

    def start(self) -> None:
        """Start again with the options it first started with (its port and socket folder), except that a commit
        is on disk before the server confirms it (`synchronous_commit`, PostgreSQL's default, which the session's
        cluster turns off for speed): a server that confirms a write and then loses it in a crash loses what any
        client had, and a replica cannot tell."""
        options = [*self._options[2:], "-c", "synchronous_commit=on"]  # the first two are -D and the data folder
        subprocess.run(
            [*self._pg_ctl, "-l", str(self.cluster.folder / "server.log"), "-w", "-t", "60",
             "-o", shlex.join(options), "start"],
            check=True, capture_output=True,
        )


@pytest.fixture(scope="module")
def stoppable(pg_cluster: Cluster) -> Iterator[StoppableCluster]:
    """A second cluster, independent of the session's (which other tests keep using); needs the first to start, so
    it skips or fails as that one does. In a folder of its own under the system's temporary folder, which the
    server's user may enter (pytest's is the test runner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="tarjama-pg-stoppable-"))
    try:
        cluster, pg_ctl = start_cluster(folder)
        second = StoppableCluster(cluster, pg_ctl)
        second.stop()
        second.start()
        yield second
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def team_database(cluster: Cluster) -> str:
    url = cluster.create_database("team")
    init_schema(url)
    return url


def approve_many(replica: Replica, count: int, *, project_uid: str = "laptop-project") -> None:
    """`count` approvals made offline by a project writing into the replica (as `MemoryLink` does)."""
    with TranslationMemory.open(replica.path) as memory, memory.writing(wait=5):
        for segment_id in range(1, count + 1):
            unit = TmUnit(source=f"{SOURCE} رقم {segment_id}", target=f"Target number {segment_id}.", author="layla",
                          changed_at="2025-03-01T10:00:00.000+00:00")
            memory.write_project_unit(unit, project_uid=project_uid, segment_id=segment_id)


def queued_in(replica: Replica) -> int:
    with TranslationMemory.open(replica.path) as memory, memory.reading() as db:
        return queued_count(db)


def server_units(url: str, project_uid: str) -> list[tuple[int, str, bool]]:
    """Every unit the server holds for the project, one row per unit: (segment, target, approved)."""
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT segment_id, target, approved FROM tarjama_units WHERE project_uid = %s ORDER BY segment_id",
            [project_uid],
        ).fetchall()


def assert_exactly_once_on_the_server(url: str, count: int) -> None:
    rows = server_units(url, "laptop-project")
    assert [row[0] for row in rows] == list(range(1, count + 1)), "each approval once, none missing"
    assert all(target == f"Target number {segment}." and approved for segment, target, approved in rows)


def test_two_translators_approving_different_targets_both_survive_on_a_real_server(
    fresh_pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_schema(fresh_pg_url)
    replicas = {}
    for name in ("layla", "omar"):  # two laptops: two data folders
        monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path / name))
        replicas[name] = open_replica(fresh_pg_url)
        with TranslationMemory.open(replicas[name].path) as memory, memory.writing(wait=1):
            target = {"layla": "The spokesman said the meeting was fruitful.",
                      "omar": "The spokesperson called the meeting productive."}[name]
            memory.write_project_unit(TmUnit(source=SOURCE, target=target, author=name,
                                             changed_at=f"2025-03-0{len(replicas)}T09:00:00.000+00:00"),
                                      project_uid=f"{name}-project", segment_id=4)
    assert replicas["layla"].sync().pushed == 1
    omar = replicas["omar"].sync()
    assert (omar.pushed, omar.pulled) == (1, 1)
    assert replicas["layla"].sync().pulled == 1
    for replica in replicas.values():
        with TranslationMemory.open(replica.path) as memory:
            found = {(m.unit.target, m.unit.author, m.unit.changed_at) for m in memory.lookup(SOURCE)}
            assert memory.count() == 2
        assert found == {
            ("The spokesman said the meeting was fruitful.", "layla", "2025-03-01T09:00:00.000+00:00"),
            ("The spokesperson called the meeting productive.", "omar", "2025-03-02T09:00:00.000+00:00"),
        }
        status = replica.status
        assert (status.state, status.queued, status.read_only, status.error) == (ReplicaState.ONLINE, 0, False, None)
        assert status.last_sync is not None
    with TeamMemory.connect(fresh_pg_url) as server:
        assert {m.unit.author for m in server.lookup(SOURCE)} == {"layla", "omar"}


def test_a_read_only_role_pulls_and_keeps_its_approvals_queued(
    pg_cluster: Cluster, fresh_pg_url: str, password_role: tuple[str, str]
) -> None:
    init_schema(fresh_pg_url)
    with TeamMemory.connect(fresh_pg_url) as writer:
        writer.write_project_unit(TmUnit(source=SOURCE, target="From Omar.", author="omar"),
                                  project_uid="omar-project", segment_id=1)
    role, _password = password_role
    reader_url = pg_cluster.reader_url(fresh_pg_url, role)
    replica = open_replica(reader_url)
    approve_many(replica, 3)
    report = replica.sync()
    assert (report.read_only, report.pulled, report.pushed, report.queued) == (True, 1, 0, 3)
    assert replica.status.state == ReplicaState.READ_ONLY and replica.status.queued == 3
    assert open_replica(reader_url).status.read_only, "remembered for the next session, before it syncs"
    assert server_units(fresh_pg_url, "laptop-project") == []
    with TranslationMemory.open(replica.path) as memory:
        assert {m.unit.target for m in memory.lookup(SOURCE) if m.score == 100} == {"From Omar."}
        assert memory.count() == 4, "the approvals made here are in the replica's lookups"


def test_a_server_that_cannot_be_reached_raises_and_keeps_the_outbox() -> None:
    url = f"postgresql://postgres@127.0.0.1:{_free_port()}/team"
    replica = open_replica(url)
    assert replica.path == replica_path(url) and replica.path.is_file()
    assert replica.status.state == ReplicaState.NOT_SYNCED
    approve_many(replica, 2)
    with pytest.raises(TeamMemoryError) as raised:
        replica.sync(timeout=1)
    assert "127.0.0.1" in str(raised.value)
    status = replica.status
    assert (status.state, status.queued, status.last_sync) == (ReplicaState.OFFLINE, 2, None)
    assert status.error is raised.value


def test_no_approval_is_lost_when_the_server_stops_in_the_middle_of_a_push(stoppable: StoppableCluster) -> None:
    url = team_database(stoppable.cluster)
    replica = open_replica(url)
    count = 1500
    approve_many(replica, count)
    stop_after = random.randint(20, 400)
    reached = threading.Event()
    failures: list[BaseException] = []

    def push() -> None:
        server = TeamMemory.connect(url)
        try:
            with TranslationMemory.open(replica.path) as memory:
                sync(memory, server, on_pushed=lambda done: done >= stop_after and reached.set())
        except BaseException as exc:  # noqa: BLE001 - what the push met is the test's to judge
            failures.append(exc)
        finally:
            reached.set()
            with contextlib.suppress(Exception):  # the server is gone; closing may fail
                server.close()

    worker = threading.Thread(target=push)
    worker.start()
    reached.wait(60)
    stoppable.stop()
    worker.join(60)
    try:
        assert not worker.is_alive()
        assert len(failures) == 1 and isinstance(failures[0], TeamMemoryError), failures
        left = queued_in(replica)
        assert 0 < left < count - stop_after + 1, "stopped in the middle of the push"
    finally:
        stoppable.start()
    report = replica.sync()
    assert report.queued == 0 and queued_in(replica) == 0
    assert report.pushed == left
    assert_exactly_once_on_the_server(url, count)
    with TranslationMemory.open(replica.path) as memory:
        assert memory.count() == count, "the pull does not bring one's own approvals back twice"


CHILD_SYNC = """
import sys
import tempfile
sys.path.insert(0, sys.argv[1])
from tarjama.memory.replica import open_replica
open_replica(sys.argv[2]).sync()
print("done", flush=True)
"""


def kill_child_sync_when(url: str, ready: object, *, budget: float = 60) -> None:
    """Start a process syncing the replica of `url` and SIGKILL it once `ready()` is true."""
    child = subprocess.Popen([sys.executable, "-c", CHILD_SYNC, str(DESKTOP), url], stdout=subprocess.PIPE)
    deadline = time.monotonic() + budget
    try:
        while not ready() and child.poll() is None and time.monotonic() < deadline:  # type: ignore[operator]
            time.sleep(0.005)
        assert child.poll() is None, "the sync ended before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
        assert child.stdout is not None
        child.stdout.close()


def test_a_sync_killed_in_the_middle_of_its_push_loses_and_doubles_nothing(pg_cluster: Cluster) -> None:
    url = team_database(pg_cluster)
    replica = open_replica(url)
    count = 1500
    approve_many(replica, count)
    kill_below = count - random.randint(20, 600)
    kill_child_sync_when(url, lambda: queued_in(replica) <= kill_below)
    left = queued_in(replica)
    assert 0 < left <= kill_below
    report = replica.sync()
    assert (report.pushed, report.queued) == (left, 0)
    assert_exactly_once_on_the_server(url, count)


def test_a_sync_killed_in_the_middle_of_its_pull_resumes_without_doubles(
    pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = team_database(pg_cluster)
    count = 6000
    units = [TmUnit(source=f"{SOURCE} نسخة {n}", target=f"Copy {n}.", author="omar") for n in range(count)]
    with TeamMemory.connect(url) as server:
        server.import_units(units)
    replica = open_replica(url)

    def cursor() -> int:
        with TranslationMemory.open(replica.path) as memory, memory.reading() as db:
            return sync_state(db).cursor

    kill_child_sync_when(url, lambda: cursor() > 0)
    with TranslationMemory.open(replica.path) as memory:
        kept = memory.count()
    assert 0 < kept < count, "killed between two chunks of the pull"
    assert replica.sync().pulled == count - kept
    with TranslationMemory.open(replica.path) as memory:
        assert memory.count() == count
        assert sorted(unit.target for unit in memory.units()) == sorted(unit.target for unit in units)

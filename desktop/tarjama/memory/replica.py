"""The offline replica of a team memory, as the shells use it: where it lives, opening it, syncing it, its status.

A team memory (`tarjama.memory.team_store.TeamMemory`, on PostgreSQL) is worked with through a local replica: an
ordinary memory file (`*.tarjama-tm`) in the user's data folder, one per server and database, which a project links
to like any memory (`MemoryLink`), so lookups, concordance and approvals never wait for the network. `Replica.sync`
pushes the approvals made here and pulls the team's (`tarjama.memory.team_sync`); the side tables that remember what
is still to push and how far the pull got are `tarjama.memory.replica_tables`'.

    replica = open_replica("postgresql://tm.agency.lan/news")   # creates the file the first time
    project.link_tm(replica.path)                                 # approvals now go into the replica (and outbox)
    report = replica.sync(timeout=5)                              # on a worker thread: TeamMemoryError if offline
    replica.status                                                # online / offline / read-only, last sync, queued
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

from tarjama.memory.replica_tables import create_replica_tables, queued_count, sync_state
from tarjama.memory.store import TM_SUFFIX, TranslationMemory
from tarjama.memory.team_store import TeamMemory, TeamMemoryError
from tarjama.memory.team_sync import SyncReport, sync
from tarjama.memory.team_url import team_address
from tarjama.paths import data_dir

#: Seconds to wait for the replica's write lock while opening it (a project writing a unit holds it for
#: milliseconds).
_OPEN_WAIT = 10.0


class ReplicaState(Enum):
    """How the team memory answered this replica's last sync in this session."""

    NOT_SYNCED = "not-synced"  # no sync tried yet: the replica works offline meanwhile
    ONLINE = "online"
    READ_ONLY = "read-only"  # reached, but this role may not write: approvals stay queued in the replica
    OFFLINE = "offline"  # not reached (see `ReplicaStatus.error`): approvals stay queued in the replica


@dataclass(frozen=True)
class ReplicaStatus:
    """What the status bar shows of a team memory: its state, when a sync last completed (UTC ISO-8601, from any
    session; None if never), how many local approvals, withdrawals and TM editor changes wait for the server,
    whether the server refused this role's writes at that last completed sync (known before this session's first
    sync), and why this session's last sync failed (None after a successful one)."""

    state: ReplicaState
    last_sync: str | None
    queued: int
    read_only: bool
    error: TeamMemoryError | None = None


def replica_identity(url: str) -> tuple[str, str, str, str]:
    """What tells two team memories apart: (service, host, port, database), from a URL or a libpq service name;
    the user, password and options (sslmode, ...) do not make another memory. A malformed `url` raises the
    `TarjamaError` that says how to write one (`team_address`)."""
    params = conninfo_to_dict(team_address(url, timeout=1).conninfo)
    service, host, port, database = (str(params.get(key) or "") for key in ("service", "host", "port", "dbname"))
    return service, host, port, database


def replica_path(url: str) -> Path:
    """Where the replica of the team memory at `url` is kept: `team/` in the data folder, a readable name (its
    host and database, never a password) and a digest of its identity, so two servers never share a file."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "_", team_address(url, timeout=1).label).strip("_.")
    digest = hashlib.sha256("\x1f".join(replica_identity(url)).encode()).hexdigest()[:12]
    return data_dir() / "team" / f"{readable or 'team'}-{digest}{TM_SUFFIX}"


def open_replica(url: str) -> Replica:
    """The replica of the team memory at `url`, its file created (with its side tables) on first use; nothing is
    asked of the server until `Replica.sync`."""
    path = replica_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    with TranslationMemory.open_or_create(path) as memory, memory.writing(wait=_OPEN_WAIT) as db:
        create_replica_tables(db)
    return Replica(url, path)


class Replica:
    """A team memory's replica: its file (`path`, for `MemoryLink`) and its syncs. Each call opens the file on a
    connection of its own, so a sync may run on a worker thread while the window looks up in the same file; one
    sync at a time per object (another process syncing the same replica at once is safe, see `team_sync`)."""

    def __init__(self, url: str, path: Path) -> None:
        self.url = url
        self.path = path
        self._state = ReplicaState.NOT_SYNCED
        self._error: TeamMemoryError | None = None

    def sync(self, *, timeout: float = 5.0, on_pushed: Callable[[int], None] | None = None) -> SyncReport:
        """Push the approvals queued here, then pull the team's changes; `timeout` bounds connecting (seconds),
        `on_pushed` hears how many of the queue the server has confirmed so far (a progress bar's).
        Raises `TeamMemoryError` when the server cannot be reached or drops midway: nothing is lost, what was not
        confirmed stays queued for the next sync."""
        try:
            server = TeamMemory.connect(self.url, timeout=timeout)
            try:
                with TranslationMemory.open(self.path) as memory:
                    report = sync(memory, server, on_pushed=on_pushed)
            finally:
                server.close()
        except TeamMemoryError as exc:
            self._state, self._error = ReplicaState.OFFLINE, exc
            raise
        self._state = ReplicaState.READ_ONLY if report.read_only else ReplicaState.ONLINE
        self._error = None
        return report

    @property
    def status(self) -> ReplicaStatus:
        with TranslationMemory.open(self.path) as memory, memory.reading() as db:
            remembered = sync_state(db)
            waiting = queued_count(db)
        return ReplicaStatus(self._state, remembered.last_sync, waiting, remembered.read_only, self._error)

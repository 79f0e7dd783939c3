"""A project linked to a team memory: what both shells call to connect, sync and disconnect it.

A project names its team memory by address (`postgresql://host/db` or `service=NAME`, project meta
`team_tm_url`) and writes its approvals into that memory's local replica (`tarjama.memory.replica`), linked as any
memory file is (`ProjectStore.link_tm`). So approvals, lookups, the TM pane and pre-translation work on the replica
exactly as on a local memory, offline too, and a sync (`sync_project_team`, on a worker thread in the window)
pushes the queued approvals and pulls the team's. The address never holds a password (`team_memory_url` refuses
one): the project file travels, and passwords belong in the libpq password file.

The link holds while the project's memory is that address's replica: linking another memory file ends it without
a word here, and a project opened on another computer (another data folder) is relinked to that computer's replica
of the same memory (`team_replica`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

from tarjama.errors import QT_TRANSLATE_NOOP, TarjamaError
from tarjama.formats.tmx import TmxReport, read_tmx, write_tmx
from tarjama.memory.exchange import Cancel, Progress, TmxImportReport, import_report
from tarjama.memory.replica import Replica, open_replica, replica_path
from tarjama.memory.store import TranslationMemory
from tarjama.memory.team_store import TeamMemory, is_team_url
from tarjama.memory.team_sync import SyncReport
from tarjama.memory.team_url import team_address
from tarjama.project.store import ProjectStore

#: The project meta key holding the team memory's address (never a password).
TEAM_URL_KEY = "team_tm_url"
#: Seconds a connection attempt may take before the server counts as unreachable.
CONNECT_TIMEOUT = 5.0


@dataclass(frozen=True)
class TeamConnection:
    """What a test of the connection found: the server's label ("host/db") and whether this role may only read."""

    label: str
    read_only: bool


def team_memory_url(text: str) -> str:
    """`text` as the address a project may keep: a team memory's (else the error says how to write one), without
    a password (else the error says where a password goes)."""
    url = text.strip()
    if not is_team_url(url):
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "{url} is not a team memory address; write it as postgresql://host/database or "
                      "service=NAME."), url=url)
    address = team_address(url, timeout=CONNECT_TIMEOUT)
    if conninfo_to_dict(address.conninfo).get("password"):
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "The address of the team memory on {server} holds a password, which a project never keeps: "
                      "remove it from the address and put it in your password file (PGPASSFILE or ~/.pgpass) "
                      "instead."), server=address.label)
    return url


def check_connection(text: str, *, timeout: float = CONNECT_TIMEOUT, password: str | None = None) -> TeamConnection:
    """Connect to the team memory at `text` once (network: call it off the UI thread), with `password` if one was
    typed, and say what was found; `TeamMemoryError` says why not."""
    with TeamMemory.connect(team_memory_url(text), timeout=timeout, password=password) as server:
        return TeamConnection(server.label, server.read_only)


def link_team(store: ProjectStore, text: str) -> Replica:
    """Make the team memory at `text` the project's memory, through its replica (created if needed; nothing is
    asked of the server): approvals go into the replica from now on, and reach the server at the next sync. A
    refused address changes nothing."""
    url = team_memory_url(text)
    replica = open_replica(url)
    store.link_tm(replica.path)
    store.set_meta(TEAM_URL_KEY, url)
    return replica


def team_url_of(store: ProjectStore) -> str | None:
    """The team memory's address the project is linked to, or None (never linked, unlinked, or another memory
    linked since)."""
    url = store.get_meta(TEAM_URL_KEY) or None
    tm_path = store.tm_path
    if url is None or tm_path is None or tm_path.name != replica_path(url).name:
        return None
    return url


def team_replica(store: ProjectStore) -> Replica | None:
    """The replica of the project's team memory (None without one), the project relinked to it when it was
    linked on another computer (a replica of the same name in another data folder)."""
    url = team_url_of(store)
    if url is None:
        return None
    replica = open_replica(url)
    if store.tm_path != replica.path and store.read_only is None:
        store.link_tm(replica.path)
    return replica


def unlink_team(store: ProjectStore) -> None:
    """Stop using the team memory: the project keeps no memory (its approvals stay in the replica, and those
    still queued there are pushed by the next sync of another project linked to it)."""
    if team_url_of(store) is not None:
        store.unlink_tm()
    store.set_meta(TEAM_URL_KEY, "")


def sync_project_team(store_or_path: ProjectStore | Path, *, timeout: float = CONNECT_TIMEOUT) -> SyncReport:
    """Push the project's queued approvals to its team memory and pull the team's (network: off the UI thread).
    Raises `TeamMemoryError` when the server cannot be reached (nothing is lost), `TarjamaError` when the project
    has no team memory."""
    if isinstance(store_or_path, ProjectStore):
        replica = team_replica(store_or_path)
        name = store_or_path.path
    else:
        with ProjectStore.open(store_or_path) as store:
            replica = team_replica(store)
        name = Path(store_or_path)
    if replica is None:
        raise TarjamaError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is not linked to a team memory; link it with: tarjama-cli tm link PROJECT ADDRESS"),
            path=name)
    return replica.sync(timeout=timeout)


def import_tmx_to_team(url: str, tmx_path: Path, *, cancel: Cancel = None, on_progress: Progress = None
                       ) -> TmxImportReport:
    """Add a TMX file's Arabic→English units to the team memory at `url`, merging duplicates, in one transaction
    on the server; a file with none is refused, as `tarjama.memory.exchange.import_tmx` refuses it."""
    report = TmxReport()
    with TeamMemory.connect(url, timeout=CONNECT_TIMEOUT) as server:
        result = server.import_units(read_tmx(tmx_path, report), cancel=cancel, on_progress=on_progress)
    return import_report(tmx_path, result, report)


def export_team(url: str, out: Path, *, cancel: Cancel = None, on_progress: Progress = None) -> int:
    """Write every approved unit of the team memory at `url` as TMX 1.4b, streamed; returns the number written."""
    with TeamMemory.connect(url, timeout=CONNECT_TIMEOUT) as server:
        return write_tmx(out, server.units(), cancel=cancel, on_progress=on_progress)


@contextmanager
def memory_at(location: Path | str) -> Iterator[TranslationMemory | TeamMemory]:
    """The memory `location` names, open for lookups, concordance, import and export: a team memory on its
    server (an address), else a memory file (created if missing, as the user's own is)."""
    if isinstance(location, str):
        with TeamMemory.connect(location, timeout=CONNECT_TIMEOUT) as server:
            yield server
    else:
        with TranslationMemory.open_or_create(location) as memory:
            yield memory


def memory_location(text: str) -> Path | str:
    """A `--tm` argument: a team memory's address as it is, else the path of a memory file."""
    return text.strip() if is_team_url(text) else Path(text)

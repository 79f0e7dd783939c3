"""The side tables that make an ordinary memory file the offline replica of a team memory, and the triggers that
fill its outbox.

A replica is a `TranslationMemory` file like any other (lookups, concordance, the TM pane and `MemoryLink` use it
unchanged); these tables sit beside `units`, created with IF NOT EXISTS, so the memory's schema version is not
touched and a replica opened by a Tarjama that knows nothing of teams is still a plain memory:

* `team_sync` (one row): the server's change cursor reached by the last pull, when the last sync ended, and whether
  the server refused this role's writes then;
* `team_units`: which local unit stands for each server unit pulled from the team memory (pulled units carry no
  project id, so that a project's own units stay the only ones with one);
* `team_outbox`: the project units (by project id and segment) changed here that the server has not confirmed.
  Triggers on `units` fill it, so every writer is caught, whatever connection it writes on (a project writing
  through `MemoryLink`, the TM editor, another program); rows without a project id (the pull's own) never are. One
  row per segment, replaced by each new change: a push sends the unit as it is then, so only the latest matters.
  Its ids come from AUTOINCREMENT and are never reused, so a push deletes the row it sent and never a newer
  change of the same segment that replaced it meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

_PROJECT_ROW = "new.project_uid IS NOT NULL AND new.segment_id IS NOT NULL"


def _queue(row: str) -> str:
    """The trigger body that queues the segment of `row` ("new" or "old") under a new outbox id. A DELETE then an
    INSERT, not INSERT OR REPLACE: the statement that fires the trigger (an UPSERT, INSERT OR IGNORE) would impose
    its own conflict policy on the trigger's."""
    return (f"DELETE FROM team_outbox WHERE project_uid = {row}.project_uid AND segment_id = {row}.segment_id; "
            f"INSERT INTO team_outbox (project_uid, segment_id) VALUES ({row}.project_uid, {row}.segment_id);")



_TABLES = (
    """
    CREATE TABLE IF NOT EXISTS team_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor INTEGER NOT NULL DEFAULT 0,
        last_sync TEXT,
        read_only INTEGER NOT NULL DEFAULT 0
    )
    """,
    "INSERT OR IGNORE INTO team_sync (id) VALUES (1)",
    "CREATE TABLE IF NOT EXISTS team_units (server_id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL UNIQUE)",
    """
    CREATE TABLE IF NOT EXISTS team_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_uid TEXT NOT NULL,
        segment_id INTEGER NOT NULL,
        UNIQUE (project_uid, segment_id)
    )
    """,
    # Approving (the upsert of `TranslationMemory.write_project_unit`), approving again, or editing in the TM editor.
    f"""
    CREATE TRIGGER IF NOT EXISTS team_outbox_insert AFTER INSERT ON units WHEN {_PROJECT_ROW}
    BEGIN {_queue('new')} END
    """,
    # Withdrawing sets `approved`; counting a use (`usage_count`) is no change the team needs to hear of.
    f"""
    CREATE TRIGGER IF NOT EXISTS team_outbox_update
    AFTER UPDATE OF source, target, approved, author, context, tags, notes, mt_original ON units WHEN {_PROJECT_ROW}
    BEGIN {_queue('new')} END
    """,
    # A unit deleted (the TM editor): withdrawn from the team memory too.
    f"""
    CREATE TRIGGER IF NOT EXISTS team_outbox_delete AFTER DELETE ON units
    WHEN old.project_uid IS NOT NULL AND old.segment_id IS NOT NULL
    BEGIN {_queue('old')} END
    """,
)


@dataclass(frozen=True)
class Queued:
    """One outbox row: a project's segment whose unit the server is still to receive (or to withdraw)."""

    id: int
    project_uid: str
    segment_id: int


def create_replica_tables(db: sqlite_utils.Database) -> None:
    """Create the side tables and triggers a replica needs, if missing, inside the caller's write transaction."""
    for statement in _TABLES:
        db.execute(statement)


def queued(db: sqlite_utils.Database) -> list[Queued]:
    """The outbox, oldest change first."""
    rows = db.execute("SELECT id, project_uid, segment_id FROM team_outbox ORDER BY id")
    return [Queued(*row) for row in rows]


def queued_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM team_outbox").fetchone()[0]


def sent(db: sqlite_utils.Database, entry: Queued) -> None:
    """The server has confirmed `entry`: drop it, unless a newer change of the segment replaced it meanwhile."""
    db.execute("DELETE FROM team_outbox WHERE id = ?", [entry.id])


@dataclass(frozen=True)
class SyncState:
    """What the replica remembers of its last sync."""

    cursor: int
    last_sync: str | None
    read_only: bool


def sync_state(db: sqlite_utils.Database) -> SyncState:
    cursor, last_sync, read_only = db.execute("SELECT cursor, last_sync, read_only FROM team_sync").fetchone()
    return SyncState(cursor, last_sync, bool(read_only))


def move_cursor(db: sqlite_utils.Database, cursor: int) -> None:
    """Remember that every server change up to `cursor` is in the replica (never moved back: two syncs of the same
    replica at once each apply what they pulled, and the later cursor wins)."""
    db.execute("UPDATE team_sync SET cursor = max(cursor, ?)", [cursor])


def record_sync(db: sqlite_utils.Database, *, when: str, read_only: bool) -> None:
    db.execute("UPDATE team_sync SET last_sync = ?, read_only = ?", [when, int(read_only)])

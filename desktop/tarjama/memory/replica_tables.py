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
  change of the same segment that replaced it meanwhile;
* `team_edits`: the TM editor's changes of pulled units (an edit, a deletion, an undo) that the server has not
  confirmed, one row per server unit pointing at the unit's latest row of the editor's log (`unit_log`, which holds
  the new target, the author and the time). A trigger on `unit_log` fills it, not one on `units`: the pull rewrites
  pulled units too, and only the editor logs. The same AUTOINCREMENT rule as the outbox's.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from tarjama.memory.editing import UnitAction

_DELETED, _RESTORED = UnitAction.DELETED.value, UnitAction.RESTORED.value
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
    """
    CREATE TABLE IF NOT EXISTS team_edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        server_id INTEGER NOT NULL UNIQUE,
        log_id INTEGER NOT NULL
    )
    """,
    # A pulled unit deleted here keeps its server id under its local id negated (no unit has such an id), so a
    # unit that later takes the freed id (SQLite hands out the highest again) is never taken for it; its
    # restore under the same id maps it back.
    f"""
    CREATE TRIGGER IF NOT EXISTS team_edits_logged AFTER INSERT ON unit_log
    WHEN new.unit_id IN (SELECT unit_id FROM team_units)
        OR (new.action = '{_RESTORED}' AND -new.unit_id IN (SELECT unit_id FROM team_units))
    BEGIN
        UPDATE team_units SET unit_id = new.unit_id WHERE new.action = '{_RESTORED}' AND unit_id = -new.unit_id;
        DELETE FROM team_edits WHERE server_id = (SELECT server_id FROM team_units WHERE unit_id = new.unit_id);
        INSERT INTO team_edits (server_id, log_id)
            SELECT server_id, new.id FROM team_units WHERE unit_id = new.unit_id;
        UPDATE team_units SET unit_id = -unit_id WHERE new.action = '{_DELETED}' AND unit_id = new.unit_id;
    END
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


@dataclass(frozen=True)
class QueuedEdit:
    """One `team_edits` row with its log row: the server unit, the editor's action (`editing.UnitAction`'s value),
    the target it leaves (None for a deletion), who made it and when."""

    id: int
    server_id: int
    action: str
    target: str | None
    author: str
    at: str


def queued_edits(db: sqlite_utils.Database) -> list[QueuedEdit]:
    """The TM editor's changes of pulled units still to push, oldest first."""
    rows = db.execute("SELECT e.id, e.server_id, l.action, l.new_target, l.author, l.at FROM team_edits e "
                      "JOIN unit_log l ON l.id = e.log_id ORDER BY e.id")
    return [QueuedEdit(*row) for row in rows]


def queued_count(db: sqlite_utils.Database) -> int:
    """Approvals, withdrawals and TM editor changes waiting for the server."""
    return db.execute("SELECT (SELECT count(*) FROM team_outbox) + (SELECT count(*) FROM team_edits)").fetchone()[0]


def sent(db: sqlite_utils.Database, entry: Queued) -> None:
    """The server has confirmed `entry`: drop it, unless a newer change of the segment replaced it meanwhile."""
    db.execute("DELETE FROM team_outbox WHERE id = ?", [entry.id])


def is_queued(db: sqlite_utils.Database, project_uid: str, segment_id: int) -> bool:
    """Whether the segment has a change here that the server has not confirmed."""
    return db.execute("SELECT 1 FROM team_outbox WHERE project_uid = ? AND segment_id = ?",
                      [project_uid, segment_id]).fetchone() is not None


def unqueue(db: sqlite_utils.Database, project_uid: str, segment_id: int) -> None:
    """Drop the segment's outbox row: for a change the pull wrote, that the server holds already."""
    db.execute("DELETE FROM team_outbox WHERE project_uid = ? AND segment_id = ?", [project_uid, segment_id])


def edit_sent(db: sqlite_utils.Database, entry: QueuedEdit) -> None:
    """The server has confirmed `entry`: drop it, unless a newer change of the unit replaced it meanwhile."""
    db.execute("DELETE FROM team_edits WHERE id = ?", [entry.id])


def edited_server_ids(db: sqlite_utils.Database) -> set[int]:
    """The server units with an editor's change still to push: a pull leaves them as the translator made them."""
    return {row[0] for row in db.execute("SELECT server_id FROM team_edits")}


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

"""Bringing an offline replica (`tarjama.memory.replica_tables`) and its team memory in line: push, then pull.

PUSH: each outbox row is sent as the unit is at that moment (`write_project_unit`, or `withdraw_project_unit` when
it is withdrawn or gone), then deleted in a local transaction of its own. Both server calls are idempotent (keyed by
project id and segment), so a push cut off after the server committed and before the row was deleted (the network
dropped, the laptop slept, the process was killed) is simply sent again by the next sync, without a duplicate, and
an approval is never dropped before the server has it.

PULL: the server's changes after the replica's cursor, in chunks (`changes_since`), each chunk applied in one local
transaction that also moves the cursor, so an interrupted pull resumes where its last chunk ended. A server unit is
stored once (`team_units` maps it to its local unit): inserted when first seen approved, updated in place after, its
`approved` flag following the server's (a withdrawal). A change of one of this replica's own project units is
mostly the echo of a push, the same target and state, and changes nothing; a different one, later than the local
unit, is a teammate's edit or deletion of it in their TM editor: taken as if made in this replica's editor, logged
under their name (so the project, opening again, does not write its own target back over it, and the translator
can undo it), unless the segment has a change of this replica's own still to push, which stays the truth here.

EDITS: the TM editor's changes of pulled units (`team_edits`) are pushed after the approvals, each by its server
id with its author and time (`TeamMemory.edit_unit`, `delete_unit`, idempotent the same way); the server applies
the latest change by time and logs the other (see `TeamMemory._edit`), and the unit it then holds is stored here in
the same transaction that drops the row: the translator's change, or the team's later one, which the editor's log
(`unit_log`) still records the translator's beside. Until pushed, a pull leaves an edited unit as the translator
made it; a unit deleted here comes back only if the server holds a later approved change of it.

A read-only role's approvals stay in the outbox: they are neither lost nor marked apart, so they reach the team
memory by themselves the day the role may write (or the translator connects with one that may), while the pull goes
on; the report says `read_only` so that the shells can say "approved locally; the team memory is read-only for you"
(the TM editor's changes likewise stay queued, and are said so).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import sqlite_utils

from tarjama.domain import TmUnit
from tarjama.memory.bulk_index import index_inserted, loading_fts, with_index_values
from tarjama.memory.concordance_index import index_range
from tarjama.memory.editing import UnitAction, log_change, unit_row
from tarjama.memory.replica_tables import (
    Queued,
    QueuedEdit,
    edit_sent,
    edited_server_ids,
    is_queued,
    move_cursor,
    queued,
    queued_count,
    queued_edits,
    record_sync,
    sent,
    sync_state,
    unqueue,
)
from tarjama.memory.schema import INDEX_TRIGGERS, create_triggers, refresh_common_features
from tarjama.memory.store import _INSERT, _UNIT_COLUMNS, TranslationMemory, _row, _unit
from tarjama.memory.team_store import ReadOnlyTeamMemoryError, TeamChange, earlier

#: Server changes fetched and applied per local transaction: under a second of the replica's write lock.
PULL_CHUNK = 2000
#: How long a sync waits for the replica's write lock (a project writing its unit holds it for milliseconds; an
#: import into the replica for minutes, and then the sync gives up with `MemoryBusyError`).
_LOCAL_WAIT = 10.0

#: The columns a pulled change rewrites in its local unit: every column of the unit but its project's.
_PULLED_COLUMNS = [name for name in _row(TmUnit(source="", target="")) if name not in ("project_uid", "segment_id")]
_UPDATE_PULLED = "UPDATE units SET " + ", ".join(f"{name} = :{name}" for name in _PULLED_COLUMNS) + " WHERE id = :id"


class TeamServer(Protocol):
    """What a sync uses of a team memory (`tarjama.memory.team_store.TeamMemory`)."""

    @property
    def read_only(self) -> bool: ...

    def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> int: ...

    def withdraw_project_unit(self, *, project_uid: str, segment_id: int) -> None: ...

    def changes_since(self, cursor: int, limit: int = ...) -> tuple[list[TeamChange], int]: ...

    def edit_unit(self, server_id: int, target: str, *, author: str, at: str) -> TeamChange | None: ...

    def delete_unit(self, server_id: int, *, author: str, at: str) -> TeamChange | None: ...


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: units pulled into the replica (new, changed or withdrawn), approvals and withdrawals
    pushed to the server, and those still queued (a read-only role's, which `read_only` then says)."""

    pulled: int
    pushed: int
    queued: int
    read_only: bool


def sync(
    memory: TranslationMemory, server: TeamServer, *, on_pushed: Callable[[int], None] | None = None
) -> SyncReport:
    """Push the replica's outbox to `server`, then pull the server's changes into it (see the module docstring).

    `memory` is the replica on a connection of the sync's own. A server that goes away midway raises its
    `TeamMemoryError`: what was confirmed is off the outbox, the rest still in it, and every pulled chunk either
    whole in the replica with its cursor or not at all. `on_pushed` hears the count pushed so far (progress).
    """
    read_only = server.read_only
    pushed = 0
    if not read_only:
        pushed, read_only = _push(memory, server, on_pushed)
    pulled = _pull(memory, server)
    with memory.writing(wait=_LOCAL_WAIT) as db:
        if pulled * 10 >= memory.count(approved_only=False) > 0:
            refresh_indexes(db)
        record_sync(db, when=datetime.now(UTC).isoformat(timespec="seconds"), read_only=read_only)
        left = queued_count(db)
    return SyncReport(pulled=pulled, pushed=pushed, queued=left, read_only=read_only)


# -- push -------------------------------------------------------------------------------------------------------


def _push(
    memory: TranslationMemory, server: TeamServer, on_pushed: Callable[[int], None] | None
) -> tuple[int, bool]:
    """Send the outbox, then the editor's changes, oldest first: (how many the server confirmed, whether it refused
    this role's writes)."""
    with memory.reading() as db:
        outbox = queued(db)
        edits = queued_edits(db)
    entries: list[Queued | QueuedEdit] = [*outbox, *edits]
    for done, entry in enumerate(entries):
        try:
            if isinstance(entry, QueuedEdit):
                _push_edit(memory, server, entry)
            else:
                _push_approval(memory, server, entry)
        except ReadOnlyTeamMemoryError:  # the role lost its right to write since it connected
            return done, True
        if on_pushed is not None:
            on_pushed(done + 1)
    return len(entries), False


def _push_approval(memory: TranslationMemory, server: TeamServer, entry: Queued) -> None:
    unit = _current_unit(memory, entry)
    if unit is None or not unit.approved:
        server.withdraw_project_unit(project_uid=entry.project_uid, segment_id=entry.segment_id)
    else:
        server.write_project_unit(unit, project_uid=entry.project_uid, segment_id=entry.segment_id)
    with memory.writing(wait=_LOCAL_WAIT) as db:
        sent(db, entry)


def _push_edit(memory: TranslationMemory, server: TeamServer, entry: QueuedEdit) -> None:
    """Send one editor's change, then store the unit as the server holds it after (see the module docstring); a
    unit the server no longer has (its database made again) leaves the change in the editor's log only."""
    if entry.target is None:
        now = server.delete_unit(entry.server_id, author=entry.author, at=entry.at)
    else:
        now = server.edit_unit(entry.server_id, entry.target, author=entry.author, at=entry.at)
    with memory.writing(wait=_LOCAL_WAIT) as db:
        edit_sent(db, entry)
        if now is not None:
            _apply(db, [now])


def _current_unit(memory: TranslationMemory, entry: Queued) -> TmUnit | None:
    """The segment's unit as the replica holds it now (None once deleted)."""
    with memory.reading() as db:
        row = db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM units WHERE project_uid = ? AND segment_id = ?",
            [entry.project_uid, entry.segment_id],
        ).fetchone()
    return None if row is None else _unit(row)


# -- pull -------------------------------------------------------------------------------------------------------


def _pull(memory: TranslationMemory, server: TeamServer) -> int:
    with memory.reading() as db:
        cursor = sync_state(db).cursor
    pulled = 0
    while True:
        changes, after = server.changes_since(cursor, PULL_CHUNK)
        if not changes:
            return pulled
        with memory.writing(wait=_LOCAL_WAIT) as db:
            pulled += _apply(db, changes)
            move_cursor(db, after)
        cursor = after


def _apply(db: sqlite_utils.Database, changes: Iterable[TeamChange]) -> int:
    """Store one chunk of server changes in the replica, inside the chunk's transaction; returns how many changed
    a unit here (echoes of this replica's own pushes, and withdrawals of units it never had, change nothing)."""
    changes = list(changes)
    local = dict(db.execute(
        "SELECT server_id, unit_id FROM team_units WHERE server_id IN (SELECT value FROM json_each(?))",
        [json.dumps([change.server_id for change in changes])],
    ))
    edited = edited_server_ids(db)
    new: dict[int, TmUnit] = {}  # by server id: a chunk may hold two changes of one unit, the later one wins
    changed = 0
    for change in changes:
        unit_id = local.get(change.server_id)
        if change.server_id in edited:
            continue  # the translator's change, still to push, is newer than what this replica pulled before
        if unit_id is not None and db.execute(_UPDATE_PULLED, _row(change.unit) | {"id": unit_id}).rowcount:
            changed += 1
        elif unit_id is not None:  # deleted here in the TM editor: back only as the server's later approval
            if change.unit.approved:
                db.execute("DELETE FROM team_units WHERE server_id = ?", [change.server_id])
                new[change.server_id] = change.unit
        elif (own := _own_unit(db, change)) is not None:
            changed += _follow_teammate(db, own, change)
        elif change.unit.approved or change.server_id in new:
            new[change.server_id] = change.unit
    _insert_pulled(db, new)
    return changed + len(new)


def _insert_pulled(db: sqlite_utils.Database, units: dict[int, TmUnit]) -> None:
    """Insert the units first seen on the server, by server id, as a bulk import does (`bulk_index`): the index
    triggers dropped, every index filled by one `executemany` per index, the triggers back: ten thousand units in
    about 3 s rather than 25 (`bench/team_sync.py`; row by row, each insert probes the index for common features).
    The few features this makes common stay unlisted until `refresh_indexes`, so lookups probe them, as is safe."""
    if not units:
        return
    rows = [with_index_values(_row(unit)) for unit in units.values()]
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM units").fetchone()[0]
    with loading_fts(db):
        for name in INDEX_TRIGGERS:
            db.execute(f"DROP TRIGGER {name}")
        db.conn.executemany(_INSERT, rows)
        index_inserted(db, rows, first)
        index_range(db.conn, first, first + len(rows) - 1)
        create_triggers(db)
    db.conn.executemany("INSERT INTO team_units (server_id, unit_id) VALUES (?, ?)",
                        zip(units, range(first, first + len(rows)), strict=True))


def refresh_indexes(db: sqlite_utils.Database) -> None:
    """After a pull that made a tenth of the replica or more, what a bulk import does after loading: the features
    index merged into one segment (a lookup searches each) and the common features listed again. Its own step after
    the chunks, so a pull cut short leaves lookups as right as ever, only slower."""
    db.execute("INSERT INTO units_features (units_features) VALUES ('optimize')")
    refresh_common_features(db)


def _own_unit(db: sqlite_utils.Database, change: TeamChange) -> dict | None:
    """The local unit of the project segment that `change` stands for (every column), when a project wrote it into
    this replica: the replica's unique index on project id and segment finds it."""
    if change.project_uid is None or change.segment_id is None:
        return None
    return unit_row(db, "project_uid = ? AND segment_id = ?", [change.project_uid, change.segment_id])


def _follow_teammate(db: sqlite_utils.Database, own: dict, change: TeamChange) -> int:
    """Take a teammate's later edit or deletion of one of this replica's own units (see the module docstring); 1 if
    taken. Done as their TM editor would have done it here, logged under their name and time, so that the project,
    opening again, leaves the change alone (`edited_project_pairs`) and the translator can undo it in the editor.
    The change fires the outbox triggers, whose row is dropped at once: the server holds it already."""
    assert change.project_uid is not None and change.segment_id is not None  # found by them
    target = own["target"]
    if (target, bool(own["approved"])) == (change.unit.target, change.unit.approved) or not earlier(
            own["changed_at"], change.unit.changed_at):
        return 0
    if is_queued(db, change.project_uid, change.segment_id):
        return 0
    who, when = change.editor or "", change.unit.changed_at
    if change.unit.approved:
        db.execute(_UPDATE_PULLED, _row(change.unit) | {"id": own["id"]})
        log_change(db, own, UnitAction.EDITED, old=target, new=change.unit.target, author=who, when=when)
    else:
        db.execute("DELETE FROM units WHERE id = ?", [own["id"]])
        log_change(db, own, UnitAction.DELETED, old=target, new=None, author=who, when=when,
                   kept=json.dumps(own, ensure_ascii=False))
    unqueue(db, change.project_uid, change.segment_id)
    return 1

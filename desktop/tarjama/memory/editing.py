"""The TM editor's changes: correct a unit's target, delete a unit, and undo either, each logged with who and when.

Every change is one transaction on the memory (`TranslationMemory.writing`, which waits at most `wait` seconds for
another program's write and raises MemoryBusyError after) together with its row of `unit_log` (schema v5). The
memory's own triggers keep its indexes in line: a new target rewrites `norm_target` and so the trigram index of
concordance (`units_indexed_update`); a deletion and a restore go through the delete and insert triggers, which
also drop and rebuild the unit's `units_codes` row. A target edit leaves `units_codes` alone, as it is made from
the source only.

Inline tags: an edited target may hold only the marks of the unit's source (each once), so the unit's tag table
(`units.tags`, which covers its source's marks) stays as it is and a TMX export writes the same tags; a mark the
source lacks is refused rather than dropped, since the translator typed it.

A unit that a project wrote (an approved segment's, `project_uid`/`segment_id` set) is changed in the memory only;
the project's segment keeps its target. Bringing the memory in line with that project when it next opens
(`tarjama.memory.link`) leaves the editor's change alone (`edited_project_pairs`): the later of the two wins,
so approving the segment again in the project writes its unit afresh.

The unit keeps its author (who made it); the log says who changed it. Log times are UTC, to the microsecond, as the
project's `updated_at` they are compared with.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlite_utils

from tarjama.arabic import normalise_for_matching
from tarjama.errors import QT_TRANSLATE_NOOP, PathError
from tarjama.inline_tags import TagProblem, readable, tag_issues
from tarjama.memory.store import TranslationMemory, fetched_row

#: How many log rows `history` returns at most unless told otherwise.
HISTORY_LIMIT = 200

_LOG_COLUMNS = "id, unit_id, action, old_target, new_target, author, at, project_uid, segment_id"


class UnitAction(StrEnum):
    EDITED = "edit"
    #: An edit undone: the target put back.
    REVERTED = "revert"
    DELETED = "delete"
    #: A deletion undone: the same unit back, under its id when that is still free.
    RESTORED = "restore"


@dataclass(frozen=True)
class UnitChange:
    """One row of the log: what happened to which unit, who did it and when (UTC ISO-8601). `old_target` is None
    for a restore, `new_target` for a deletion."""

    id: int
    unit_id: int
    action: UnitAction
    old_target: str | None
    new_target: str | None
    author: str
    at: str
    project_uid: str | None = None
    segment_id: int | None = None


class UnitNotFoundError(PathError):
    """The unit is not in the memory (deleted since, or never there); nothing was changed."""


class UnitChangedError(PathError):
    """The unit is no longer as the change expected (another program, or another window, changed it since):
    nothing was written, so that other change is not lost without a word."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _change(row: tuple) -> UnitChange:
    return UnitChange(row[0], row[1], UnitAction(row[2]), *row[3:])


class UnitEditor:
    """Changes a memory's units for the translator named `author`, waiting at most `wait` seconds for another
    program's write (0: not at all)."""

    def __init__(self, memory: TranslationMemory, *, author: str, wait: float) -> None:
        self.memory = memory
        self.author = author
        self.wait = wait

    # -- changing --------------------------------------------------------------------------------------------

    def edit_target(self, unit_id: int, target: str, *, expected: str | None = None,
                    action: UnitAction = UnitAction.EDITED) -> UnitChange:
        """Give the unit `target`; `expected`, when given, is the target the caller saw, and a unit that holds
        another is refused (UnitChangedError). The target keeps the source's marks only (see the module)."""
        if not target.strip():
            raise PathError(self.memory.path, QT_TRANSLATE_NOOP(
                "Errors", "a unit's target cannot be empty; delete the unit instead."))
        with self._writing() as db:
            row = self._row(db, unit_id)
            if expected is not None and row["target"] != expected:
                raise self._changed(unit_id, row["target"])
            extra = [issue.mark for issue in tag_issues(row["source"], target) if issue.problem is TagProblem.EXTRA]
            if extra:
                raise PathError(self.memory.path, QT_TRANSLATE_NOOP(
                    "Errors", "the new target of unit {id} has the tag {tag}, which its source does not have (or "
                              "has it twice); keep only the source's tags, each once."),
                    id=unit_id, tag=readable(extra[0].char))
            when = _now()
            db.execute("UPDATE units SET target = ?, norm_target = ?, changed_at = ? WHERE id = ?",
                       [target, normalise_for_matching(target), when, unit_id])
            return self._log(db, row, action, old=row["target"], new=target, when=when)

    def delete(self, unit_id: int) -> UnitChange:
        """Remove the unit from the memory; its whole row stays in the log, for `revert` to put it back."""
        with self._writing() as db:
            row = self._row(db, unit_id)
            db.execute("DELETE FROM units WHERE id = ?", [unit_id])
            return self._log(db, row, UnitAction.DELETED, old=row["target"], new=None, when=_now(),
                             kept=json.dumps(row, ensure_ascii=False))

    def revert(self, change: UnitChange) -> UnitChange:
        """Undo a logged change (and so redo one undone): an edit's target put back, a deleted unit restored, a
        restored one deleted again. Returns the change this makes, which `revert` undoes in its turn."""
        if change.action is UnitAction.DELETED:
            return self._restore(change)
        if change.action is UnitAction.RESTORED:
            return self.delete(change.unit_id)
        assert change.old_target is not None and change.new_target is not None  # an edit's are both set
        action = UnitAction.REVERTED if change.action is UnitAction.EDITED else UnitAction.EDITED
        return self.edit_target(change.unit_id, change.old_target, expected=change.new_target, action=action)

    def _restore(self, deletion: UnitChange) -> UnitChange:
        """The deleted unit back as it was, under its id unless another unit has taken it since (SQLite gives the
        highest id again after the newest unit is deleted): then under a new one, which the change returned names."""
        with self._writing() as db:
            (kept,) = db.execute("SELECT unit FROM unit_log WHERE id = ?", [deletion.id]).fetchone()
            row = json.loads(kept)
            columns = {column.name for column in db["units"].columns}
            row = {name: value for name, value in row.items() if name in columns}
            if row.get("project_uid") is not None and db.execute(
                "SELECT 1 FROM units WHERE project_uid = ? AND segment_id = ?", [row["project_uid"], row["segment_id"]]
            ).fetchone():
                raise PathError(self.memory.path, QT_TRANSLATE_NOOP(
                    "Errors", "unit {id} cannot be restored: its project has approved that segment again since, and "
                              "the memory holds that newer unit."), id=deletion.unit_id)
            if db.execute("SELECT 1 FROM units WHERE id = ?", [row["id"]]).fetchone():
                del row["id"]
            names = list(row)
            cursor = db.execute(
                f"INSERT INTO units ({', '.join(names)}) VALUES ({', '.join(':' + name for name in names)})", row)
            row["id"] = cursor.lastrowid
            return self._log(db, row, UnitAction.RESTORED, old=None, new=row["target"], when=_now())

    # -- inside a change -------------------------------------------------------------------------------------

    def _writing(self) -> AbstractContextManager[sqlite_utils.Database]:
        """The memory's write transaction; a read-only memory refuses before anything begins."""
        refused = self.memory.read_only
        if refused is not None:
            raise refused
        return self.memory.writing(wait=self.wait)

    def _row(self, db: sqlite_utils.Database, unit_id: int) -> dict:
        row = unit_row(db, "id = ?", [unit_id])
        if row is None:
            raise UnitNotFoundError(self.memory.path, QT_TRANSLATE_NOOP(
                "Errors", "has no unit {id} (deleted since, perhaps); search the memory again."), id=unit_id)
        return row

    def _changed(self, unit_id: int, now: str) -> UnitChangedError:
        return UnitChangedError(self.memory.path, QT_TRANSLATE_NOOP(
            "Errors", "unit {id} was changed elsewhere since (its target is now “{target}”); nothing was "
                      "written. Search again and edit it as it is now."), id=unit_id, target=readable(now))

    def _log(self, db: sqlite_utils.Database, row: dict, action: UnitAction, *, old: str | None, new: str | None,
             when: str, kept: str | None = None) -> UnitChange:
        return log_change(db, row, action, old=old, new=new, author=self.author, when=when, kept=kept)


def unit_row(db: sqlite_utils.Database, where: str, values: list) -> dict | None:
    """The first unit `where` finds, with every column, as the log keeps a deleted unit (None if none)."""
    return fetched_row(db.execute(f"SELECT * FROM units WHERE {where}", values))


def log_change(db: sqlite_utils.Database, row: dict, action: UnitAction, *, old: str | None, new: str | None,
               author: str, when: str, kept: str | None = None) -> UnitChange:
    """Log a change of the unit `row` (its columns as the memory holds them), inside the caller's transaction: the
    editor's own, and a teammate's that a team memory's replica takes from the server (`tarjama.memory.team_sync`),
    which `edited_project_pairs` must see alike. `kept` is a deleted unit's whole row, for `revert`."""
    values = [row["id"], action.value, old, new, author, when, row["project_uid"], row["segment_id"]]
    cursor = db.execute(
        "INSERT INTO unit_log (unit_id, action, old_target, new_target, author, at, project_uid, segment_id, "
        "unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [*values, kept])
    return _change((cursor.lastrowid, *values))


# -- reading the log ----------------------------------------------------------------------------------------------


def history(memory: TranslationMemory, unit_id: int | None = None, *, limit: int = HISTORY_LIMIT) -> list[UnitChange]:
    """The log, newest first: every unit's changes, or one unit's."""
    where, values = ("WHERE unit_id = ?", [unit_id]) if unit_id is not None else ("", [])
    with memory.reading() as db:
        rows = db.execute(f"SELECT {_LOG_COLUMNS} FROM unit_log {where} ORDER BY id DESC LIMIT ?", [*values, limit])
        return [_change(row) for row in rows]


def edited_project_pairs(memory: TranslationMemory, project_uid: str) -> dict[tuple[str, str], str]:
    """The source/target pairs (normalised, as the memory stores them) of a project's units that the TM editor
    changed away from or deleted, with when it last did: a segment holding such a pair and saved in the project
    before that time is not to be written over the editor's change (`tarjama.memory.link`), whether the unit was
    its own or an identical repetition's."""
    with memory.reading() as db:
        rows = db.execute(
            "SELECT l.old_target, coalesce(u.source, json_extract(l.unit, '$.source')), max(l.at) FROM unit_log l "
            "LEFT JOIN units u ON u.id = l.unit_id WHERE l.project_uid = ? AND l.old_target IS NOT NULL "
            "GROUP BY l.unit_id, l.old_target", [project_uid]).fetchall()
    pairs: dict[tuple[str, str], str] = {}
    for old_target, source, at in rows:
        key = (normalise_for_matching(source), normalise_for_matching(old_target))
        pairs[key] = max(at, pairs.get(key, ""))
    return pairs

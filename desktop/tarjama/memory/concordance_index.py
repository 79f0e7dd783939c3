"""The concordance indexes of the units a large import adds, built after the import in short transactions.

The two trigram indexes (`units_source_text`, `units_target_text`, see `tarjama.memory.schema`) are what only
concordance reads, and filling them was some 40 % of a large import's writing (about 37 of 85 µs a unit, measured
by `bench/tm_import_floor.py`). So an import that adds at least `INLINE_UNITS` units (in the window: the CLI, which
ends when all is done, indexes as it goes) does not fill them: it records the ids it added in `concordance_backlog`,
commits, and the memory is ready for lookups at once. The backlog is then indexed `CHUNK` units per transaction
(`index_next_chunk`), so approvals written meanwhile wait for no more than one chunk; a build cut short (the window
closed, the power gone) leaves the rest in the backlog, where the next build finds it.

Until then nothing is missing: concordance reads the index for the units in it and scans the text of the units
in the backlog (`backlog_ranges`), which finds the same units, only more slowly; and the memory's triggers leave
a unit in the backlog alone (its text is indexed as it is when the build reaches it).
"""

from __future__ import annotations

import sqlite3

#: An import adding fewer units indexes them itself, before it commits (well under a second).
INLINE_UNITS = 20_000
#: Units indexed per transaction of a build: about a seventh of a second, so an approval waits no longer.
CHUNK = 5_000
#: Seconds a build leaves the memory free between two chunks, for the writers waiting meanwhile: SQLite's busy
#: handler looks again every 100 ms at most, so a third of the time free lets one in within a few looks (a tenth
#: more time for a million units).
BUILD_PAUSE = 0.05

_INDEX_RANGE = (
    "INSERT INTO units_source_text (rowid, norm_source) SELECT id, norm_source FROM units WHERE id BETWEEN ? AND ?",
    "INSERT INTO units_target_text (rowid, norm_target) SELECT id, norm_target FROM units WHERE id BETWEEN ? AND ?",
)


def index_range(conn: sqlite3.Connection, first: int, last: int) -> None:
    """Index the trigrams of the units with ids from `first` to `last`, none of them indexed yet (in the
    caller's transaction)."""
    for statement in _INDEX_RANGE:
        conn.execute(statement, [first, last])


def index_added(conn: sqlite3.Connection, first: int, last: int, *, later: bool) -> None:
    """The units an import added, ids `first` to `last`: put in the backlog if they are many and the import
    leaves them for `later`, else indexed now."""
    if last < first:
        return
    if not later or last - first + 1 < INLINE_UNITS:
        index_range(conn, first, last)
    else:
        conn.execute("INSERT INTO concordance_backlog (first_id, last_id) VALUES (?, ?)", [first, last])


def backlog_ranges(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """The (first, last) id ranges of the units not in the concordance indexes yet, lowest first."""
    return [(first, last) for first, last in conn.execute(
        "SELECT first_id, last_id FROM concordance_backlog ORDER BY first_id")]


def waiting_ids(conn: sqlite3.Connection) -> int:
    """How many unit ids the backlog holds (a unit deleted meanwhile counts until the build passes its id)."""
    return int(conn.execute("SELECT coalesce(sum(last_id - first_id + 1), 0) FROM concordance_backlog").fetchone()[0])


def index_next_chunk(conn: sqlite3.Connection) -> int:
    """Index the next `CHUNK` ids of the backlog's lowest range and take them off it (in the caller's
    transaction); returns how many ids that covered, 0 when the backlog is empty."""
    found = conn.execute("SELECT first_id, last_id FROM concordance_backlog ORDER BY first_id LIMIT 1").fetchone()
    if found is None:
        return 0
    first, last = found
    end = min(last, first + CHUNK - 1)
    index_range(conn, first, end)
    conn.execute("DELETE FROM concordance_backlog WHERE first_id = ?", [first])
    if end < last:
        conn.execute("INSERT INTO concordance_backlog (first_id, last_id) VALUES (?, ?)", [end + 1, last])
    return end - first + 1

"""The translation memory: one SQLite file (`*.tarjama-tm`) of approved source/target pairs, searched as you work.

This module is the store: opening, looking up (exact matches here, fuzzy candidates through
`tarjama.memory.fuzzy`, scored by `tarjama.memory.scoring`), concordance, importing, and the units a project
writes. The file's tables, indexes and triggers are `tarjama.memory.schema`'s; the spans a match highlights are
`tarjama.memory.highlight`'s.

A project writes the units of the segments it approves on a connection of its own to this file, after its own
transaction, in one `TranslationMemory.writing` waits for only as long as its caller can (an import may hold this
file's write lock for minutes; see `tarjama.memory.link`).
"""

from __future__ import annotations

import json
import operator
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import sqlite_utils

from tarjama.arabic import normalise_for_matching
from tarjama.domain import ConcordanceHit, TmMatch, TmUnit, UnitOrigin
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.inline_tags import table_from_json, table_to_json
from tarjama.memory import concordance_index
from tarjama.memory.bulk_index import index_inserted, loading_fts, with_index_values
from tarjama.memory.concordance_index import backlog_ranges, index_added, index_next_chunk, waiting_ids
from tarjama.memory.errors import ImportCancelled, MemoryBusyError, is_busy
from tarjama.memory.fuzzy import FuzzySearch
from tarjama.memory.highlight import occurrences
from tarjama.memory.pair_hashes import PairHashes
from tarjama.memory.ranking import ranked_matches
from tarjama.memory.schema import (
    INDEX_TRIGGERS,
    SOURCE_KEY_INDEX,
    TM_FILE,
    create_triggers,
    refresh_common_features,
    register_functions,
    source_key,
)
from tarjama.settings import LOOKUP_THRESHOLD
from tarjama.sqlite_file import StoreFile, build_new, transaction

TM_SUFFIX = ".tarjama-tm"

_IMPORT_CHUNK = 2000
# Units between two questions to `cancel`: a tenth of a second of import or less, so Cancel answers at once.
_CANCEL_EVERY = 100
_GLOB_ESCAPES = str.maketrans({"*": "[*]", "?": "[?]", "[": "[[]"})

_UNIT_COLUMNS = (
    "id, source, target, source_lang, target_lang, created_at, changed_at, author, origin, usage_count, document, "
    "approved, mt_original, props, notes, context, tags"
)
_JOINED_UNIT_COLUMNS = ", ".join("u." + column for column in _UNIT_COLUMNS.split(", "))
#: A unit as the columns of `units` hold it, for the SQL statements' named parameters.
_Row = dict[str, Any]
_INSERTED_COLUMNS = (
    "source", "target", "source_lang", "target_lang", "norm_source", "norm_target", "source_key", "created_at",
    "changed_at", "author", "origin", "usage_count", "document", "approved", "mt_original", "props", "notes",
    "context", "project_uid", "segment_id", "tags",
)
_INSERT_INTO = f"INSERT INTO units ({', '.join(_INSERTED_COLUMNS)})"
_INSERT = _INSERT_INTO + f" VALUES ({', '.join(':' + column for column in _INSERTED_COLUMNS)})"
#: The same insert with positional parameters, for a bulk import: binding a dict by name costs 3.4 µs more a row.
_INSERT_POSITIONAL = _INSERT_INTO + f" VALUES ({', '.join('?' * len(_INSERTED_COLUMNS))})"
_inserted_values = operator.itemgetter(*_INSERTED_COLUMNS)


@dataclass(frozen=True)
class ImportResult:
    """How many units an import added as new, and how many it merged into identical source/target pairs."""

    added: int
    merged: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# -- rows -------------------------------------------------------------------------------------------------------


def _unit(row: Sequence) -> TmUnit:
    return TmUnit(
        id=row[0],
        source=row[1],
        target=row[2],
        source_lang=row[3],
        target_lang=row[4],
        created_at=row[5],
        changed_at=row[6],
        author=row[7],
        origin=UnitOrigin(row[8]),
        usage_count=row[9],
        document=row[10],
        approved=bool(row[11]),
        mt_original=row[12],
        props=tuple((kind, value) for kind, value in json.loads(row[13])),
        notes=tuple(json.loads(row[14])),
        context=row[15],
        tags=table_from_json(row[16]),
    )


def _json_list(items: list[Any]) -> str:
    """A list as its JSON column stores it. Most units have no props and no notes, and `json.dumps` of an empty
    list costs 5 µs, a tenth of preparing a unit for an import."""
    return json.dumps(items, ensure_ascii=False) if items else "[]"


def _row(unit: TmUnit, *, project_uid: str | None = None, segment_id: int | None = None) -> _Row:
    created = unit.created_at or unit.changed_at or _now()
    norm_source = normalise_for_matching(unit.source)
    return {
        "source": unit.source,
        "target": unit.target,
        "source_lang": unit.source_lang,
        "target_lang": unit.target_lang,
        "norm_source": norm_source,
        "norm_target": normalise_for_matching(unit.target),
        "source_key": source_key(norm_source),
        "created_at": created,
        "changed_at": unit.changed_at or created,
        "author": unit.author,
        "origin": unit.origin.value,
        "usage_count": unit.usage_count,
        "document": unit.document,
        "approved": int(unit.approved),
        "mt_original": unit.mt_original,
        "props": _json_list([list(p) for p in unit.props]),
        "notes": _json_list(list(unit.notes)),
        "context": unit.context,
        "project_uid": project_uid,
        "segment_id": segment_id,
        "tags": table_to_json(unit.tags),
    }


def prepared_row(unit: TmUnit) -> _Row:
    """A unit's row as an import writes it, index values included (`TranslationMemory.import_rows`)."""
    return with_index_values(_row(unit))


def _merged(existing: _Row, incoming: _Row) -> _Row:
    """An identical source/target pair seen again: keep the earliest creation, the latest change, the larger
    usage count, every prop and note of both, and the tags of the first that has any (the same marks stand for
    the same tags, which only a unit imported without them lacks)."""
    props = json.loads(existing["props"])
    props += [p for p in json.loads(incoming["props"]) if p not in props]
    notes = json.loads(existing["notes"])
    notes += [n for n in json.loads(incoming["notes"]) if n not in notes]
    return existing | {
        "created_at": min(existing["created_at"], incoming["created_at"]),
        "changed_at": max(existing["changed_at"], incoming["changed_at"]),
        "usage_count": max(existing["usage_count"], incoming["usage_count"]),
        "approved": max(existing["approved"], incoming["approved"]),
        "props": _json_list(props),
        "notes": _json_list(notes),
        "tags": existing["tags"] or incoming["tags"],
    }


_MERGED_COLUMNS = "id, created_at, changed_at, usage_count, approved, props, notes, tags"
_Built = TypeVar("_Built")


def fetched_row(cursor: sqlite3.Cursor) -> _Row | None:
    """The cursor's one row as a dict by column name, or None."""
    found = cursor.fetchone()
    return None if found is None else dict(zip([d[0] for d in cursor.description], found, strict=True))


class _Load:
    """One import's units on their way in: queued a chunk at a time, each chunk's duplicates of stored units merged
    into them, the rest written and indexed (`index_inserted`). Counts what it `added` and `merged`.

    Into a memory that was empty, the duplicates can only be this import's own units: they are found by the hash
    of their normalised pair, remembered with the id it was written under (`PairHashes`, checked against the stored
    unit, so a hash shared by two pairs costs only a query), and the source key index, which nothing reads
    meanwhile, is built once at the end. That spares each unit a query and an insert into the index (28.1 against
    26.1 s for 200,000 units).
    """

    def __init__(self, memory: TranslationMemory) -> None:
        self._memory = memory
        self._db = memory._db
        self._pending: dict[tuple[str, str], _Row] = {}
        self.added = self.merged = 0
        self.indexed = self._last_id()
        #: The id of the first unit this load adds: the ones it adds are those from here to the last.
        self.first_added = self.indexed + 1
        self._written: PairHashes | None = None
        if self.indexed == 0:
            self._written = PairHashes()
            self._db.execute("DROP INDEX units_source_key")

    def _last_id(self) -> int:
        return self._db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]

    def put(self, row: _Row) -> None:
        """Queue a unit's row, merged into a queued duplicate if there is one."""
        key = (row["norm_source"], row["norm_target"])
        pending = self._pending
        if key in pending:
            pending[key] = _merged(pending[key], row)
            self.merged += 1
        else:
            pending[key] = row

    def flush(self) -> None:
        """Merge the queued units that have a stored duplicate into it; write and index the others."""
        pending = self._pending
        keys = list(pending)
        for key, stored in zip(keys, self._stored(keys), strict=True):
            if stored is not None:
                self._memory._merge_into(stored, pending.pop(key))
                self.merged += 1
        if not pending:
            return
        rows = list(pending.values())
        self._db.conn.executemany(_INSERT_POSITIONAL, map(_inserted_values, rows))
        index_inserted(self._db, rows, self.indexed + 1)
        if self._written is not None:
            self._written.add(pending, self.indexed + 1)
        self.added += len(rows)
        pending.clear()
        self.indexed = self._last_id()

    def _stored(self, keys: list[tuple[str, str]]) -> list[_Row | None]:
        memory = self._memory
        if self._written is None:
            return [memory._stored_duplicate(key) for key in keys]
        return [None if unit_id is None else memory._stored_as(unit_id, key) or memory._stored_duplicate(key)
                for key, unit_id in zip(keys, self._written.first_ids(keys), strict=True)]

    def finish(self) -> int:
        """Write what is queued and build what the load put off; returns the last unit id."""
        self.flush()
        if self._written is not None:
            self._db.execute(SOURCE_KEY_INDEX)
            self._written = None
        return self.indexed


# -- what a project writes ------------------------------------------------------------------------------------

#: A project's unit: inserted, or updated in place (keeping its creation time and usage count) when the segment
#: is approved again.
_UPSERT_PROJECT_UNIT = _INSERT + """
ON CONFLICT (project_uid, segment_id) WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL
DO UPDATE SET source = excluded.source, target = excluded.target, norm_source = excluded.norm_source,
    norm_target = excluded.norm_target, source_key = excluded.source_key, changed_at = excluded.changed_at,
    author = excluded.author, origin = excluded.origin, document = excluded.document, approved = 1,
    mt_original = excluded.mt_original, context = excluded.context, tags = excluded.tags, notes = excluded.notes
"""


# -- the store --------------------------------------------------------------------------------------------------


class TranslationMemory(StoreFile):
    """An open TM file. Not thread-safe: each thread that needs the TM opens its own."""

    KIND = TM_FILE
    ALREADY_EXISTS = QT_TRANSLATE_NOOP("Errors", "already exists; open it, or choose another name for the new "
                                                 "translation memory.")

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        super().__init__(path, db)
        self._conn = db.conn
        register_functions(db)
        self._fuzzy = FuzzySearch(self._conn)

    @contextmanager
    def writing(self, *, wait: float) -> Iterator[sqlite_utils.Database]:
        """One write transaction that waits at most `wait` seconds for another connection's to end (0: not at
        all), raising MemoryBusyError if it has not; committed when the block ends, rolled back if it raised.

        Only this call waits that long: the connection's other statements keep the busy timeout it had.
        """
        conn = self._conn
        (previous,) = conn.execute("PRAGMA busy_timeout").fetchone()
        conn.execute(f"PRAGMA busy_timeout={max(0, int(wait * 1000))}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise MemoryBusyError(self.path, QT_TRANSLATE_NOOP(
                    "Errors", "is busy: another program is writing to it (importing a TMX file, perhaps).")) from exc
            raise
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(previous)}")
        try:
            yield self._db
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def project_units(self, project_uid: str) -> dict[int, tuple[bool, str, str]]:
        """The units a project wrote, by segment id: (approved, source, target)."""
        rows = self._conn.execute(
            "SELECT segment_id, approved, source, target FROM units "
            "WHERE project_uid = ? AND segment_id IS NOT NULL",
            [project_uid],
        )
        return {segment_id: (bool(approved), source, target) for segment_id, approved, source, target in rows}

    def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> None:
        """Insert or update the approved unit of a project's segment, inside `writing`."""
        self._conn.execute(_UPSERT_PROJECT_UNIT, _row(unit, project_uid=project_uid, segment_id=segment_id))

    def withdraw_project_unit(self, *, project_uid: str, segment_id: int) -> None:
        """Mark the unit of a segment that is no longer approved as unapproved (lookups and exports skip it),
        inside `writing`."""
        self._conn.execute(
            "UPDATE units SET approved = 0, changed_at = ? WHERE project_uid = ? AND segment_id = ? AND approved = 1",
            [_now(), project_uid, segment_id],
        )

    @contextmanager
    def reading(self) -> Iterator[sqlite_utils.Database]:
        """The memory's connection for one read transaction of another memory service (the TM editor's log,
        `tarjama.memory.editing`), whose statements all see one state of the file."""
        with self._snapshot():
            yield self._db

    def unit(self, unit_id: int) -> TmUnit | None:
        """The unit with this id, approved or not; None if there is none."""
        row = self._conn.execute(f"SELECT {_UNIT_COLUMNS} FROM units WHERE id = ?", [unit_id]).fetchone()
        return None if row is None else _unit(row)

    def count(self, approved_only: bool = True) -> int:
        where = " WHERE approved = 1" if approved_only else ""
        return self._db.execute("SELECT count(*) FROM units" + where).fetchone()[0]

    # -- looking up -----------------------------------------------------------------------------------------

    def lookup(
        self, source: str, context: str = "", *, threshold: int = LOOKUP_THRESHOLD, limit: int = 5,
        highlight: bool = True,
    ) -> list[TmMatch]:
        """Approved units whose source matches `source` at `threshold` % or better, best first; without
        `highlight`, without the flags and differences only a reader needs (an analysis scores thousands).

        Identical normalised sources come first (101 % when `context` equals the unit's), then fuzzy matches.
        Units with the same raw source and target appear once, as the most recently changed.
        """
        query = normalise_for_matching(source)
        if not query or limit <= 0:
            return []
        fuzzy: list[tuple[TmUnit, int]] = []
        with self._snapshot():
            exact = [_unit(row) for row in self._conn.execute(
                f"SELECT {_UNIT_COLUMNS} FROM units WHERE source_key = ? AND norm_source = ? AND approved = 1",
                [source_key(query), query])]
            if len({(unit.source, unit.target) for unit in exact}) < limit and threshold < 100:
                known = {unit.id for unit in exact}
                scores = {unit_id: value for unit_id, value in self._fuzzy.scores(query, threshold).items()
                          if value >= threshold and unit_id not in known}
                if scores:
                    fuzzy = [(unit, scores[unit.id]) for unit in map(_unit, self._rows(list(scores), _UNIT_COLUMNS))
                             if unit.id is not None]
        return ranked_matches(source, context, exact, fuzzy, threshold=threshold, limit=limit, highlight=highlight)

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction around a lookup's many statements: each would otherwise begin its own, and every
        statement of the lookup sees the same state of the file."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    def _rows(self, ids: list[int], columns: str) -> Iterator[Sequence]:
        """`columns` of the approved units among `ids`."""
        return self._conn.execute(
            f"SELECT {columns} FROM units WHERE approved = 1 AND id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        )

    def concordance(
        self, query: str, *, side: Literal["source", "target", "both"] = "both", limit: int = 50
    ) -> list[ConcordanceHit]:
        """Approved units containing `query` (normalised, so harakat and hamza spellings do not matter), newest
        first, with the raw spans of every occurrence for highlighting."""
        needle = normalise_for_matching(query)
        if not needle or limit <= 0:
            return []
        columns = {"source": ["norm_source"], "target": ["norm_target"], "both": ["norm_source", "norm_target"]}[side]
        if len(needle) >= 3:
            rows = self._concordance_rows("*" + needle.translate(_GLOB_ESCAPES) + "*", columns, limit)
        else:  # no trigram to look up (and SQLite 3.40 finds nothing for a short non-ASCII pattern): scan
            condition = " OR ".join(f"instr({column}, :needle) > 0" for column in columns)
            rows = self._db.execute(
                f"SELECT {_UNIT_COLUMNS} FROM units WHERE approved = 1 AND ({condition}) ORDER BY id DESC LIMIT :limit",
                {"needle": needle, "limit": limit},
            ).fetchall()
        hits = []
        for row in rows:
            unit = _unit(row)
            hits.append(
                ConcordanceHit(
                    unit=unit,
                    source_spans=occurrences(unit.source, needle) if side != "target" else (),
                    target_spans=occurrences(unit.target, needle) if side != "source" else (),
                )
            )
        return hits

    def _concordance_rows(self, pattern: str, columns: list[str], limit: int) -> list[Sequence]:
        """The newest `limit` approved units whose `columns` match the GLOB `pattern`.

        GLOB on a trigram table is answered from the index and checked on the text; FTS5 hands rows over newest
        first, so each column stops after `limit` hits. The units still in the concordance backlog are not in the
        index: their text is scanned with the same GLOB, in one read transaction with the index's, so a chunk of
        the backlog indexed meanwhile is found once. "both" merges the two columns' hits."""
        found: dict[int, Sequence] = {}
        with self._snapshot():
            backlog = backlog_ranges(self._conn)
            for column in columns:
                index = column.replace("norm_", "units_") + "_text"
                searches = [(f"SELECT {_JOINED_UNIT_COLUMNS} FROM {index} f JOIN units u ON u.id = f.rowid "
                             f"WHERE f.{column} GLOB ? AND u.approved = 1 ORDER BY f.rowid DESC LIMIT ?",
                             [pattern, limit])]
                searches += [(f"SELECT {_UNIT_COLUMNS} FROM units WHERE id BETWEEN ? AND ? AND approved = 1 "
                              f"AND {column} GLOB ? ORDER BY id DESC LIMIT ?", [first, last, pattern, limit])
                             for first, last in backlog]
                for statement, parameters in searches:
                    for row in self._conn.execute(statement, parameters):
                        found[row[0]] = row
        return [found[unit_id] for unit_id in sorted(found, reverse=True)[:limit]]

    def units(self, *, approved_only: bool = True) -> Iterator[TmUnit]:
        """Every unit in id order, streamed from a cursor: an export of a million units holds one at a time."""
        where = " WHERE approved = 1" if approved_only else ""
        for row in self._db.execute(f"SELECT {_UNIT_COLUMNS} FROM units{where} ORDER BY id"):
            yield _unit(row)

    # -- changing -------------------------------------------------------------------------------------------

    def add(self, unit: TmUnit) -> int:
        """Store one unit, merged into an existing identical source/target pair if there is one; returns its id."""
        self._fuzzy.forget_common()  # its triggers may list more
        with transaction(self._db):
            return self._put(_row(unit))

    def import_units(
        self,
        units: Iterable[TmUnit],
        *,
        cancel: Callable[[], bool] | None = None,
        on_progress: Callable[[int], None] | None = None,
        concordance_later: bool = True,
    ) -> ImportResult:
        """Add many units (e.g. read from a TMX file) as one transaction, merging duplicates.

        `units` is consumed as a stream, so a million units need no more memory than a chunk. If the iterable
        raises (a malformed file) or `cancel` returns true (asked every 100 units, raising ImportCancelled), nothing
        of the import is kept. `on_progress` gets the number of units read so far, once per chunk. With
        `concordance_later`, the concordance indexes of many units added are left to `index_concordance_backlog`
        (`tarjama.memory.concordance_index`): the memory is ready for lookups sooner, and fully indexed later than
        by an import that indexes them itself (for a program that waits for both, as the CLI does).
        """
        return self.import_rows(map(prepared_row, units), cancel=cancel, on_progress=on_progress,
                                concordance_later=concordance_later)

    def import_rows(
        self,
        rows: Iterable[_Row],
        *,
        cancel: Callable[[], bool] | None = None,
        on_progress: Callable[[int], None] | None = None,
        concordance_later: bool = True,
    ) -> ImportResult:
        """`import_units` of units already made rows by `prepared_row` (a large TMX file's, in a second process
        while this one writes: `tarjama.memory.tmx_loading`)."""
        read = 0
        with transaction(self._db) as db, loading_fts(db):
            for name in INDEX_TRIGGERS:
                db.execute(f"DROP TRIGGER {name}")
            load = _Load(self)
            for row in rows:
                read += 1
                load.put(row)
                if cancel is not None and read % _CANCEL_EVERY == 0 and cancel():
                    raise ImportCancelled(QT_TRANSLATE_NOOP(
                        "Errors", "The import was cancelled; the translation memory was not changed."))
                if read % _IMPORT_CHUNK == 0:
                    load.flush()
                    if on_progress is not None:
                        on_progress(read)
            last = load.finish()
            index_added(db.conn, load.first_added, last, later=concordance_later)
            create_triggers(db)
            if load.added * 10 >= last:
                # A bulk load leaves the features index in many segments, each searched by every lookup; merged
                # into one, a lookup in a million units takes half the time (about 15 s for a million units).
                db.execute("INSERT INTO units_features (units_features) VALUES ('optimize')")
                # Re-reading every count costs some 9 s in a million units: worth it for a bulk load only. The
                # few features a small import makes common stay unlisted, so lookups probe them, as is safe.
                refresh_common_features(db)
            if on_progress is not None and read % _IMPORT_CHUNK:
                on_progress(read)
        self._fuzzy.forget_common()
        return ImportResult(load.added, load.merged)

    @classmethod
    def build(cls, path: Path, fill: Callable[[TranslationMemory], _Built]) -> _Built:
        """A new memory at `path`, filled by `fill` (an import) before anyone can open it: built under a temporary
        name without a journal and published whole when `fill` returns (`sqlite_file.build_new`), so a failed or
        cancelled fill leaves nothing behind. Returns what `fill` returned."""
        built: list[_Built] = []
        build_new(path, cls.KIND, cls.ALREADY_EXISTS, lambda tmp, db: built.append(fill(cls(tmp, db))),
                  unjournalled=True)
        return built[0]

    def _put(self, row: _Row) -> int:
        """Store one unit's `row`, merged into a stored duplicate if there is one; returns its id."""
        stored = self._stored_duplicate((row["norm_source"], row["norm_target"]))
        if stored is not None:
            return self._merge_into(stored, row)
        unit_id = self._db.execute(_INSERT, row).lastrowid
        assert unit_id is not None  # set by every INSERT
        return unit_id

    def _stored_duplicate(self, key: tuple[str, str]) -> _Row | None:
        """The first stored unit with this normalised (source, target), if any, as the columns a merge changes.

        The same pair once normalised is the same unit: a memory's own TMX export, read back, has lost the
        invisible direction marks of its targets (as it should), and must not come back as a second unit. The
        source key's index finds the few units with this normalised source; no index on the pair needed."""
        return fetched_row(self._db.execute(
            f"SELECT {_MERGED_COLUMNS} FROM units WHERE source_key = ? AND norm_source = ? AND norm_target = ? "
            "ORDER BY id LIMIT 1", [source_key(key[0]), *key]))

    def _stored_as(self, unit_id: int, key: tuple[str, str]) -> _Row | None:
        """The unit `unit_id` if it has this normalised (source, target), as `_stored_duplicate` gives it."""
        return fetched_row(self._db.execute(
            f"SELECT {_MERGED_COLUMNS} FROM units WHERE id = ? AND norm_source = ? AND norm_target = ?",
            [unit_id, *key]))

    def _merge_into(self, stored: _Row, row: _Row) -> int:
        """Merge a unit's `row` into its `stored` duplicate (`_merged`); returns the stored unit's id."""
        self._db.execute(
            "UPDATE units SET created_at = :created_at, changed_at = :changed_at, usage_count = :usage_count, "
            "approved = :approved, props = :props, notes = :notes, tags = :tags WHERE id = :id",
            _merged(stored, row),
        )
        return stored["id"]

    def concordance_waiting(self) -> int:
        """How many unit ids wait for the concordance indexes (`tarjama.memory.concordance_index`)."""
        return waiting_ids(self._conn)

    def index_concordance_backlog(
        self, *, wait: float, cancel: Callable[[], bool] | None = None, on_progress: Callable[[int], None] | None = None
    ) -> int:
        """Index the concordance backlog a chunk per transaction, each waiting at most `wait` seconds for another
        program's write (MemoryBusyError after that); `cancel` is asked and `on_progress` told the ids covered so
        far after each chunk. Returns the ids covered; a cancelled build leaves the rest for the next.

        Each chunk is loaded as an import loads (`loading_fts`): with FTS5's merges after every chunk, the build took
        a third more time (33.5 against 25.4 µs a unit for 200,000 units), for concordance searches no faster.
        After each chunk the build leaves the memory free for `concordance_index.BUILD_PAUSE` seconds: SQLite lets a
        waiting writer in only when it polls and finds the lock free, so without a pause an approval's unit could
        wait for the whole build.
        """
        done = 0
        while cancel is None or not cancel():
            if done:
                time.sleep(concordance_index.BUILD_PAUSE)
            with self.writing(wait=wait) as db, loading_fts(db):
                covered = index_next_chunk(db.conn)
            if not covered:
                break
            done += covered
            if on_progress is not None:
                on_progress(done)
        return done

    def record_use(self, *unit_ids: int) -> None:
        """Count that these units were used to fill segments (one transaction for a whole batch)."""
        with transaction(self._db) as db:
            db.conn.executemany("UPDATE units SET usage_count = usage_count + 1 WHERE id = ?", [(i,) for i in unit_ids])

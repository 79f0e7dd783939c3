"""The team memory: the translation memory on a PostgreSQL server that several translators share (psycopg 3).

The same memory as the file (`tarjama.memory.store`) behind the same calls: lookups give the same matches for the
same units (the same normalisation, scores and ranking, `tarjama.memory.ranking`; candidates from the server,
`tarjama.memory.team_lookup`), imports merge duplicates by the same rule (in SQL, after a COPY), and a project's
units are keyed by (project id, segment id). Units and rows convert as the file's do. The schema is
`tarjama.memory.team_schema`'s; `init_schema` creates it (`tarjama-cli tm serve-init URL`).

What the server adds: roles decide who may write (`read_only`, and `ReadOnlyTeamMemoryError` from a write), and
every change takes a number in one sequence, so a local replica catches up with `changes_since`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tarjama.arabic import normalise_for_matching, scoring_words
from tarjama.domain import ConcordanceHit, TmMatch, TmUnit
from tarjama.errors import ABOUT, QT_TRANSLATE_NOOP, Message, TarjamaError
from tarjama.memory.errors import ImportCancelled
from tarjama.memory.highlight import occurrences
from tarjama.memory.ranking import ranked_matches
from tarjama.memory.scoring import codes_of_words, features_of_words
from tarjama.memory.store import ImportResult, _merged, _now, _Row, _row, _unit
from tarjama.memory.team_lookup import TeamFeatureSearch, feature_hashes, int_array
from tarjama.memory.team_schema import (
    BUILD_SEARCH_INDEXES,
    DROP_SEARCH_INDEXES,
    FEATURES_INDEX_VERSION,
    INDEX_UNITS_AFTER,
    LIST_COMMON_AFTER,
    ROLES_DDL,
    SCHEMA_DDL,
    SCHEMA_VERSION,
    UNIT_COLUMNS,
    WRITE_LOCK,
    WRITTEN_COLUMNS,
)
from tarjama.memory.team_secrets import stored_password
from tarjama.memory.team_url import address_label, is_team_url, team_address
from tarjama.settings import LOOKUP_THRESHOLD

__all__ = ["ReadOnlyTeamMemoryError", "TeamChange", "TeamMemory", "TeamMemoryError", "init_schema", "is_team_url"]

_IMPORT_CHUNK = 2000
#: An import that has read this many units, and more than the memory held, drops the search indexes and builds
#: them again at the end: several times faster than keeping them up to date, and at most about as long again.
_BULK_AFTER = 5_000
#: The planner knows the units as they were before an import (a writer may not ANALYZE them): were it to think
#: them few, each chunk's merge would scan them all. An import's statements go by index.
IMPORT_PLANNER = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_seqscan = off"
_CANCEL_EVERY = 100
#: How long a write waits for another's (an import holds the write lock until it commits), in milliseconds.
_WRITE_WAIT_MS = 10_000
_COPIED_COLUMNS = [column for column in WRITTEN_COLUMNS if column != "features"]  # then the features, as text
_UNIT_WIDTH = len(UNIT_COLUMNS.split(","))
_LIKE_ESCAPES = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})

_VALUES = ", ".join(f"%({column})s" for column in WRITTEN_COLUMNS)
_UPSERT_PROJECT_UNIT = f"""
INSERT INTO tarjama_units ({", ".join(WRITTEN_COLUMNS)}) VALUES ({_VALUES})
ON CONFLICT (project_uid, segment_id) WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL
DO UPDATE SET source = excluded.source, target = excluded.target, norm_source = excluded.norm_source,
    norm_target = excluded.norm_target, changed_at = excluded.changed_at, author = excluded.author,
    origin = excluded.origin, document = excluded.document, approved = true, mt_original = excluded.mt_original,
    context = excluded.context, tags = excluded.tags, notes = excluded.notes, features = excluded.features,
    codes = excluded.codes
WHERE (tarjama_units.source, tarjama_units.target, tarjama_units.changed_at, tarjama_units.author,
       tarjama_units.origin, tarjama_units.document, tarjama_units.approved, tarjama_units.mt_original,
       tarjama_units.context, tarjama_units.tags, tarjama_units.notes)
    IS DISTINCT FROM (excluded.source, excluded.target, excluded.changed_at, excluded.author, excluded.origin,
       excluded.document, true, excluded.mt_original, excluded.context, excluded.tags, excluded.notes)
RETURNING id
"""
# An import's chunk, once in the staging table, merged into the units with the memory file's rule (`_merged`):
# the earliest creation, the latest change, the larger usage count, approved if either is, the props and notes of
# both, the tags of the first that has any. A pair is the same unit once normalised; the first by id takes it.
# `min(e.id + 0)`, not `min(e.id)`: the planner, knowing the units as they were before the import, would read the
# minimum off the primary key, walking it until a unit with the pair turns up, i.e. all of it for a new pair.
_MERGE_STAGED = """
UPDATE tarjama_units u SET created_at = least(u.created_at, s.created_at),
    changed_at = greatest(u.changed_at, s.changed_at), usage_count = greatest(u.usage_count, s.usage_count),
    approved = u.approved OR s.approved, props = tarjama_json_union(u.props, s.props),
    notes = tarjama_json_union(u.notes, s.notes), tags = coalesce(u.tags, s.tags)
FROM (SELECT s.*, (SELECT min(e.id + 0) FROM tarjama_units e
                   WHERE e.norm_source = s.norm_source AND e.norm_target = s.norm_target) AS existing
      FROM tarjama_staging s) s
WHERE u.id = s.existing
"""
_INSERT_STAGED = f"""
INSERT INTO tarjama_units ({", ".join(WRITTEN_COLUMNS)})
SELECT {", ".join(WRITTEN_COLUMNS)} FROM tarjama_staging s
WHERE NOT EXISTS (SELECT 1 FROM tarjama_units e WHERE e.norm_source = s.norm_source AND e.norm_target = s.norm_target)
ORDER BY s.ord
"""


class TeamMemoryError(TarjamaError):
    """The team memory cannot do what was asked: "{server}: {problem}", the server named by its label (host and
    database, never a password) and the problem saying what to do."""

    work_failed = True

    def __init__(self, server: str, problem: str, /, **values: object) -> None:
        self.server = server
        self.problem = Message(problem, values)
        TarjamaError.__init__(self, ABOUT, path=server, problem=self.problem)


class ReadOnlyTeamMemoryError(TeamMemoryError):
    """A write by a role that may only read the team memory: nothing was written."""

    work_failed = False


@dataclass(frozen=True)
class TeamChange:
    """A unit inserted or changed on the server (`unit.approved` is its state now: a withdrawn unit is False),
    with its server id and, for a project's unit, the project and segment it stands for."""

    server_id: int
    unit: TmUnit
    project_uid: str | None
    segment_id: int | None
    #: Who last changed the unit in a TM editor (the server's `tarjama_unit_log`), if anyone did: the unit keeps
    #: its author, who made it.
    editor: str | None = None


def _server_row(unit: TmUnit, *, project_uid: str | None = None, segment_id: int | None = None) -> _Row:
    """A unit's row as the server's columns hold it: the file's row, approved as a boolean, its features' hashes
    and its codes (`tarjama.memory.team_lookup`)."""
    row = _row(unit, project_uid=project_uid, segment_id=segment_id)
    row["approved"] = bool(row["approved"])
    words = scoring_words(row["norm_source"])
    row["features"] = feature_hashes(features_of_words(words).split(" ") if words else [])
    row["codes"] = codes_of_words(words)
    return row


def _change(row: tuple) -> TeamChange:
    """A unit row (`UNIT_COLUMNS`, then project id and segment, then anything else) as a change."""
    return TeamChange(row[0], _unit(row[:_UNIT_WIDTH]), row[_UNIT_WIDTH], row[_UNIT_WIDTH + 1])


def earlier(changed_at: str, at: str) -> bool:
    """Whether a unit last changed at `changed_at` is older than a change made at `at`: compared as times when
    both read as ISO-8601 (the server's units keep the times their writers gave, in milliseconds or microseconds,
    with or without a zone), else as text."""
    try:
        then, now = datetime.fromisoformat(changed_at), datetime.fromisoformat(at)
        if (then.tzinfo is None) != (now.tzinfo is None):
            then, now = then.replace(tzinfo=then.tzinfo or UTC), now.replace(tzinfo=now.tzinfo or UTC)
        return then < now
    except ValueError:
        return changed_at < at


def _connection_problem(exc: psycopg.OperationalError, password: str | None) -> tuple[str, dict[str, object]]:
    """What to tell about a connection the server refused or could not make, without the password."""
    text = str(exc).strip()
    if password:
        text = text.replace(password, "…")
    first = text.splitlines()[0] if text else type(exc).__name__
    if _asks_for_password(exc):
        return QT_TRANSLATE_NOOP(
            "Errors", "the server asks for a password, and none is kept for this login; keep it in the system "
                      "keyring (Connect to team memory…, or tarjama-cli tm password ADDRESS) or in your password "
                      "file (PGPASSFILE or ~/.pgpass)."), {}
    if exc.sqlstate in ("28P01", "28000") or "password" in text.lower() or "authentication" in text.lower():
        return QT_TRANSLATE_NOOP(
            "Errors", "the server refused the login ({reason}); check the password in the system keyring or in "
                      "your password file (PGPASSFILE or ~/.pgpass) and the user name in the address."), \
            {"reason": first}
    return QT_TRANSLATE_NOOP(
        "Errors", "cannot connect to the team memory ({reason}); check the address and that the server is "
                  "running and reachable."), {"reason": first}


def _asks_for_password(exc: psycopg.OperationalError) -> bool:
    """Whether the server wanted a password that libpq had from nowhere (no password file entry, no PGPASSWORD)."""
    return exc.pgconn is not None and exc.pgconn.needs_password


def _open(url: str, timeout: float, password: str | None = None) -> tuple[psycopg.Connection, str]:
    """An autocommit connection to the server `url` names, and its label; errors name the server. The password is
    `password` if given, else libpq's (the URL, PGPASSWORD, the password file), else, when the server asks for one
    libpq did not have, the system keyring's (`tarjama.memory.team_secrets`)."""
    address = team_address(url, timeout=timeout)
    try:
        try:
            conn = _connect(address.conninfo, password)
        except psycopg.OperationalError as exc:
            kept = stored_password(url) if password is None and _asks_for_password(exc) else None
            if kept is None:
                raise
            password = kept
            conn = _connect(address.conninfo, password)
    except psycopg.OperationalError as exc:
        in_url = conninfo_to_dict(address.conninfo).get("password")
        shown = password or (str(in_url) if in_url else None)
        problem, values = _connection_problem(exc, shown)
        raise TeamMemoryError(address.label, problem, **values) from None
    info = conn.info
    return conn, address_label({"host": info.host, "port": info.port, "dbname": info.dbname})


def _connect(conninfo: str, password: str | None) -> psycopg.Connection:
    return psycopg.connect(make_conninfo(conninfo, password=password) if password else conninfo, autocommit=True)


class TeamMemory:
    """An open connection to a team memory. Not thread-safe: each thread that needs it connects its own."""

    def __init__(self, conn: psycopg.Connection, label: str, read_only: bool, schema_version: int) -> None:
        self._conn = conn
        self.label = label
        self.read_only = read_only
        # A server not yet brought up to version 3 has no index on `features`: `@>` would read every unit.
        self._features_index = schema_version >= FEATURES_INDEX_VERSION

    @classmethod
    def connect(cls, url: str, *, timeout: float = 5.0, password: str | None = None) -> TeamMemory:
        """Connect to the team memory `url` names (see `tarjama.memory.team_url`), within `timeout` seconds, with
        `password` if given (typed, never kept), else libpq's or the system keyring's (see `_open`)."""
        conn, label = _open(url, timeout, password)
        try:
            versions = _schema_versions(conn)
            if versions is None:
                raise TeamMemoryError(label, QT_TRANSLATE_NOOP(
                    "Errors", "this database holds no team memory yet; create it with: tarjama-cli tm serve-init "
                              "ADDRESS"))
            if versions[1] > SCHEMA_VERSION:  # a newer schema that this Tarjama can still use is fine
                raise _newer_schema(label, versions[0])
            (may_write,) = conn.execute(
                "SELECT has_table_privilege(current_user, 'tarjama_units', 'INSERT')").fetchone() or (False,)
            # A lookup's statements are short, but the planner's estimates for a million units' postings pass
            # the cost above which the server compiles them first: 5 to 10 ms a lookup, more than it saves.
            conn.execute("SET jit = off")
        except BaseException:
            conn.close()
            raise
        return cls(conn, label, not may_write, versions[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> TeamMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _server(self) -> Iterator[psycopg.Connection]:
        """The connection, with what the server says turned into errors naming it."""
        try:
            yield self._conn
        except pg_errors.InsufficientPrivilege:
            raise self._read_only_error() from None
        except (pg_errors.UndefinedTable, pg_errors.UndefinedFunction):
            raise TeamMemoryError(self.label, QT_TRANSLATE_NOOP(
                "Errors", "the team memory's tables are missing or incomplete; create them with: tarjama-cli tm "
                          "serve-init ADDRESS")) from None
        except pg_errors.LockNotAvailable:
            raise TeamMemoryError(self.label, QT_TRANSLATE_NOOP(
                "Errors", "the team memory is busy with another write (an import, perhaps); try again later."
            )) from None
        except psycopg.OperationalError as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise TeamMemoryError(self.label, QT_TRANSLATE_NOOP(
                "Errors", "lost the connection to the team memory ({reason}); check the network and try again."),
                reason=reason) from None

    def _read_only_error(self) -> ReadOnlyTeamMemoryError:
        return ReadOnlyTeamMemoryError(self.label, QT_TRANSLATE_NOOP(
            "Errors", "the team memory is read-only for you; ask its administrator for the tarjama_writer role."))

    @contextmanager
    def _writing(self) -> Iterator[psycopg.Connection]:
        """One write transaction holding the team memory's write lock (`team_schema.WRITE_LOCK`) until it commits."""
        if self.read_only:
            raise self._read_only_error()
        with self._server() as conn, conn.transaction():
            conn.execute(f"SET LOCAL lock_timeout = {_WRITE_WAIT_MS}")
            # A replica deletes an approval from its outbox once the server says it committed: on a server that
            # runs with synchronous_commit off, a crash could still lose such a commit, and the approval with it.
            conn.execute("SET LOCAL synchronous_commit = on")
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            yield conn

    # -- reading ---------------------------------------------------------------------------------------------

    def count(self, approved_only: bool = True) -> int:
        where = " WHERE approved" if approved_only else ""
        with self._server() as conn:
            row = conn.execute("SELECT count(*) FROM tarjama_units" + where).fetchone()
        return row[0] if row else 0

    def units(self, *, approved_only: bool = True) -> Iterator[TmUnit]:
        """Every unit in id order, streamed from a server-side cursor: an export holds a chunk at a time."""
        where = " WHERE approved" if approved_only else ""
        with self._server() as conn, conn.transaction(), conn.cursor(name="tarjama_units_export") as cursor:
            cursor.itersize = _IMPORT_CHUNK
            cursor.execute(f"SELECT {UNIT_COLUMNS} FROM tarjama_units{where} ORDER BY id")
            for row in cursor:
                yield _unit(row)

    def lookup(
        self, source: str, context: str = "", *, threshold: int = LOOKUP_THRESHOLD, limit: int = 5,
        highlight: bool = True,
    ) -> list[TmMatch]:
        """As `TranslationMemory.lookup`: approved units matching `source` at `threshold` % or better, best first."""
        query = normalise_for_matching(source)
        if not query or limit <= 0:
            return []
        fuzzy: list[tuple[TmUnit, int]] = []
        # No transaction: under READ COMMITTED it would give its statements no common view anyway, and its BEGIN
        # and COMMIT are two more round trips a lookup. Each statement sees the latest commits; units are never
        # removed on the server, and those scored are read again with `approved`, so a lookup between two writes
        # finds what one or the other holds.
        with self._server() as conn:
            exact = [_unit(row) for row in conn.execute(
                f"SELECT {UNIT_COLUMNS} FROM tarjama_units WHERE norm_source = %s AND approved", [query])]
            if len({(unit.source, unit.target) for unit in exact}) < limit and threshold < 100:
                known = {unit.id for unit in exact}
                search = TeamFeatureSearch(conn, features_index=self._features_index)
                scores = {unit_id: value for unit_id, value in search.scores(query, threshold).items()
                          if value >= threshold and unit_id not in known}
                if scores:
                    rows = conn.execute(
                        f"SELECT {UNIT_COLUMNS} FROM tarjama_units WHERE approved AND id = ANY(%s::int8[])",
                        [int_array(scores)])
                    fuzzy = [(unit, scores[unit.id]) for unit in map(_unit, rows) if unit.id is not None]
        return ranked_matches(source, context, exact, fuzzy, threshold=threshold, limit=limit, highlight=highlight)

    def concordance(
        self, query: str, *, side: Literal["source", "target", "both"] = "both", limit: int = 50
    ) -> list[ConcordanceHit]:
        """As `TranslationMemory.concordance`: approved units containing normalised `query`, newest first."""
        needle = normalise_for_matching(query)
        if not needle or limit <= 0:
            return []
        columns = {"source": ["norm_source"], "target": ["norm_target"], "both": ["norm_source", "norm_target"]}[side]
        condition = " OR ".join(f"{column} LIKE %(pattern)s" for column in columns)
        with self._server() as conn:
            rows = conn.execute(
                f"SELECT {UNIT_COLUMNS} FROM tarjama_units WHERE approved AND ({condition}) ORDER BY id DESC "
                "LIMIT %(limit)s",
                {"pattern": "%" + needle.translate(_LIKE_ESCAPES) + "%", "limit": limit},
            ).fetchall()
        return [
            ConcordanceHit(
                unit=unit,
                source_spans=occurrences(unit.source, needle) if side != "target" else (),
                target_spans=occurrences(unit.target, needle) if side != "source" else (),
            )
            for unit in map(_unit, rows)
        ]

    def changes_since(self, cursor: int, limit: int = 5000) -> tuple[list[TeamChange], int]:
        """The units inserted or changed after change number `cursor`, oldest first (at most `limit`), and the
        number to ask from next time. Writes commit in the order of their numbers, so none is ever skipped."""
        with self._server() as conn:
            rows = conn.execute(
                f"SELECT {UNIT_COLUMNS}, project_uid, segment_id, (SELECT author FROM tarjama_unit_log l "
                "WHERE l.unit_id = u.id AND l.applied ORDER BY l.id DESC LIMIT 1), seq FROM tarjama_units u "
                "WHERE seq > %s ORDER BY seq LIMIT %s", [cursor, limit]).fetchall()
        changes = [replace(_change(row), editor=row[-2]) for row in rows]
        return changes, rows[-1][-1] if rows else cursor

    # -- writing ---------------------------------------------------------------------------------------------

    def write_project_unit(self, unit: TmUnit, *, project_uid: str, segment_id: int) -> int:
        """Insert or update the approved unit of a project's segment (written again unchanged, nothing changes);
        returns its server id."""
        with self._writing() as conn:
            row = conn.execute(
                _UPSERT_PROJECT_UNIT, _server_row(unit, project_uid=project_uid, segment_id=segment_id)).fetchone()
            if row is None:  # already as written
                row = conn.execute("SELECT id FROM tarjama_units WHERE project_uid = %s AND segment_id = %s",
                                   [project_uid, segment_id]).fetchone()
        assert row is not None  # the upsert made or found it
        return int(row[0])

    def withdraw_project_unit(self, *, project_uid: str, segment_id: int) -> None:
        """Mark the unit of a segment that is no longer approved as unapproved (lookups skip it); nothing if it is
        not there or withdrawn already."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE tarjama_units SET approved = false, changed_at = %s "
                "WHERE project_uid = %s AND segment_id = %s AND approved", [_now(), project_uid, segment_id])

    def edit_unit(self, server_id: int, target: str, *, author: str, at: str) -> TeamChange | None:
        """A TM editor's new target for the unit `server_id`, made by `author` at `at` (UTC ISO-8601): applied
        (and the unit approved again, as a restore is an edit) unless the unit changed later than that; see
        `_edit`. Returns the unit as the server now holds it (None if it has no such unit)."""
        return self._edit(server_id, "edit", target, author=author, at=at)

    def delete_unit(self, server_id: int, *, author: str, at: str) -> TeamChange | None:
        """A TM editor's deletion of the unit `server_id`: withdrawn (never removed, so that the replicas pull the
        withdrawal by its change number), under the same rule as `edit_unit`."""
        return self._edit(server_id, "delete", None, author=author, at=at)

    def _edit(self, server_id: int, action: str, target: str | None, *, author: str, at: str) -> TeamChange | None:
        """The conflict rule of the TM editor's changes: the latest change by time wins. A change made at `at` is
        applied only if the unit's `changed_at` is earlier (a later approval or edit of it, by anyone, stays);
        applied or not, it is logged in `tarjama_unit_log` with its author, so the losing side of a conflict is
        kept on the server (and the translator's own log keeps it in the replica). Sent again (a push cut off
        after the commit), it finds the unit changed at `at` already: neither applied nor logged twice."""
        with self._writing() as conn:
            row = conn.execute("SELECT target, changed_at FROM tarjama_units WHERE id = %s FOR UPDATE",
                               [server_id]).fetchone()
            if row is None:
                return None
            applied = earlier(row[1], at)
            if applied and target is None:
                conn.execute("UPDATE tarjama_units SET approved = false, changed_at = %s WHERE id = %s",
                             [at, server_id])
            elif applied and target is not None:
                conn.execute("UPDATE tarjama_units SET target = %s, norm_target = %s, approved = true, "
                             "changed_at = %s WHERE id = %s", [target, normalise_for_matching(target), at, server_id])
            conn.execute(
                "INSERT INTO tarjama_unit_log (unit_id, action, old_target, new_target, author, at, applied) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [server_id, action, row[0], target, author, at, applied])
            now = conn.execute(f"SELECT {UNIT_COLUMNS}, project_uid, segment_id FROM tarjama_units WHERE id = %s",
                               [server_id]).fetchone()
        return _change(now) if now is not None else None

    def import_units(
        self,
        units: Iterable[TmUnit],
        *,
        cancel: Callable[[], bool] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """As `TranslationMemory.import_units`: one transaction, merging duplicates, nothing kept if `units` raises
        or `cancel` returns true (ImportCancelled). Each chunk is merged in Python within itself (`_merged`), copied
        into a staging table, and merged into the units in SQL; then its units' postings are written at once (the
        trigger that writes them row by row is off). Once an import has read more than `_BULK_AFTER` units and
        than the memory held, it drops the search indexes and builds them at the end, with the postings of the
        rest and the common features counted again; meanwhile lookups on the server wait for it to commit (a
        translator's own lookups go to the local replica)."""
        added = merged = read = 0
        pending: dict[tuple[str, str], _Row] = {}
        with self._writing() as conn:
            conn.execute("SET LOCAL tarjama.bulk_import = 'on'")
            conn.execute(IMPORT_PLANNER)
            conn.execute(f"CREATE TEMP TABLE tarjama_staging ON COMMIT DROP AS SELECT 0::bigint AS ord, "
                         f"{', '.join(WRITTEN_COLUMNS)} FROM tarjama_units WITH NO DATA")
            held, first = conn.execute(
                "SELECT count(*), coalesce(max(id), 0) FROM tarjama_units").fetchone() or (0, 0)
            indexed = first  # the units up to this id have their postings
            bulk = False

            def load_chunk() -> None:
                nonlocal added, merged, bulk, indexed
                if not bulk and read > max(_BULK_AFTER, held):
                    conn.execute(DROP_SEARCH_INDEXES)
                    bulk = True
                chunk_added, chunk_merged = _merge_chunk(conn, pending)
                added, merged = added + chunk_added, merged + chunk_merged
                if not bulk:
                    indexed = _index_units_after(conn, indexed)
                if on_progress is not None:
                    on_progress(read)

            for unit in units:
                read += 1
                row = _server_row(unit)
                key = (row["norm_source"], row["norm_target"])
                if key in pending:
                    pending[key] = _merged(pending[key], row)
                    merged += 1
                else:
                    pending[key] = row
                if cancel is not None and read % _CANCEL_EVERY == 0 and cancel():
                    raise ImportCancelled(QT_TRANSLATE_NOOP(
                        "Errors", "The import was cancelled; the translation memory was not changed."))
                if len(pending) == _IMPORT_CHUNK:
                    load_chunk()
            load_chunk()
            if bulk:
                _index_units_after(conn, indexed)
                conn.execute(BUILD_SEARCH_INDEXES)
            else:
                conn.execute(LIST_COMMON_AFTER, {"after": first})
        return ImportResult(added, merged)


def _merge_chunk(conn: psycopg.Connection, pending: dict[tuple[str, str], _Row]) -> tuple[int, int]:
    """Copy the pending rows into the staging table and merge them into the units: (added, merged)."""
    if not pending:
        return 0, 0
    with conn.cursor() as cursor:
        with cursor.copy(f"COPY tarjama_staging (ord, {', '.join(_COPIED_COLUMNS)}, features) FROM STDIN") as copy:
            for ord_, row in enumerate(pending.values()):
                copy.write_row([ord_, *(row[column] for column in _COPIED_COLUMNS), int_array(row["features"])])
        pending.clear()
        cursor.execute("ANALYZE tarjama_staging")
        merged = cursor.execute(_MERGE_STAGED).rowcount
        added = cursor.execute(_INSERT_STAGED).rowcount
        cursor.execute("TRUNCATE tarjama_staging")
    return added, merged


def _index_units_after(conn: psycopg.Connection, after: int) -> int:
    """Write the postings of the units with ids above `after`; the largest id now indexed."""
    row = conn.execute(INDEX_UNITS_AFTER, {"after": after}).fetchone()
    return int(row[0]) if row else after



def _newer_schema(label: str, version: int) -> TeamMemoryError:
    return TeamMemoryError(label, QT_TRANSLATE_NOOP(
        "Errors", "this team memory was made by a newer Tarjama (schema {version}); update Tarjama to use it."),
        version=version)


def _schema_versions(conn: psycopg.Connection) -> tuple[int, int] | None:
    """The team memory schema's version in this database and the oldest version it is compatible with (see
    `tarjama.memory.team_schema`), or None if it has no schema."""
    (table,) = conn.execute("SELECT to_regclass('tarjama_meta')::text").fetchone() or (None,)
    if table is None:
        return None
    rows: dict[str, int] = dict(conn.execute(
        "SELECT key, value::int FROM tarjama_meta WHERE key IN ('schema_version', 'compatible_version')").fetchall())
    if "schema_version" not in rows:
        return None
    version = rows["schema_version"]
    return version, rows.get("compatible_version", version)


def init_schema(url: str, *, timeout: float = 5.0) -> str:
    """Create the team memory's tables, indexes, trigger and roles in the database `url` names (run again, it
    changes nothing), and return the server's label. The group roles are made only if the connecting role may
    create roles."""
    conn, label = _open(url, timeout)
    with conn:
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])  # two serve-inits at once
                versions = _schema_versions(conn)
                if versions is not None and versions[0] > SCHEMA_VERSION:
                    raise _newer_schema(label, versions[0])
                conn.execute(SCHEMA_DDL)
            may_create_roles = conn.execute(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").fetchone()
            if may_create_roles and may_create_roles[0]:
                conn.execute(ROLES_DDL)
        except pg_errors.InsufficientPrivilege as exc:
            raise TeamMemoryError(label, QT_TRANSLATE_NOOP(
                "Errors", "your role may not create the team memory's tables ({reason}); run serve-init as the "
                          "database's owner."), reason=str(exc).strip().splitlines()[0]) from None
    return label

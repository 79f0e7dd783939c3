"""The translation memory: one SQLite file (`*.tarjama-tm`) of approved source/target pairs, searched as you work.

Units keep their raw text; matching uses `tarjama.arabic.normalise_for_matching`, stored beside it (`norm_source`,
`norm_target`) so lookups never normalise a million rows. Two FTS5 indexes over the normalised text, kept in sync by
triggers defined in this file (so they fire even when a project has the TM ATTACHed under another schema name):

* `units_words` — words of the normalised source (unicode61), for fuzzy candidates: the rarest query words
  (looked up in `units_words_vocab`) are OR-ed, the bm25-best hundred candidates are rescored with `score`;
* `units_text` — trigrams of the normalised source and target, for concordance on parts of words (Arabic glues
  prefixes such as و، ب، ال to the word, so whole-word search would miss most hits).

A project writes the units of the segments it approves through `write_project_unit` and `withdraw_project_unit`,
inside its own transaction, on its connection with this file attached.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import sqlite_utils
from rapidfuzz.distance import Levenshtein

from tarjama.arabic import (
    difference_flags,
    match_words,
    normalise_for_matching,
    normalise_with_offsets,
    scoring_words,
)
from tarjama.domain import ConcordanceHit, Span, TmMatch, TmUnit, UnitOrigin
from tarjama.errors import ProjectError, TarjamaError
from tarjama.stores.sqlite_file import FileKind, create_new, open_existing, transaction

TM_SUFFIX = ".tarjama-tm"

#: Candidates the word index hands to `score` for each fuzzy lookup.
FUZZY_CANDIDATES = 100
#: Query words OR-ed into the candidate search, rarest first; more only slows the search down.
MAX_QUERY_TERMS = 8
#: A word in more than this share of units says little about which unit matches; it is skipped when rarer ones exist.
COMMON_TERM_SHARE = 0.02
_IMPORT_CHUNK = 2000


def _schema_v1(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            norm_source TEXT NOT NULL,
            norm_target TEXT NOT NULL,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL,
            usage_count INTEGER NOT NULL DEFAULT 0,
            document TEXT NOT NULL DEFAULT '',
            approved INTEGER NOT NULL DEFAULT 1,
            mt_original TEXT,
            props TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '[]',
            project_uid TEXT,
            segment_id INTEGER,
            context TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX units_norm_source ON units (norm_source)")
    db.execute("CREATE INDEX units_source_target ON units (source, target)")
    db.execute(
        "CREATE UNIQUE INDEX units_project_segment ON units (project_uid, segment_id) "
        "WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL"
    )
    db.execute(
        "CREATE VIRTUAL TABLE units_words USING fts5(norm_source, content='units', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0', detail='none')"
    )
    db.execute("CREATE VIRTUAL TABLE units_words_vocab USING fts5vocab(units_words, 'row')")
    db.execute(
        "CREATE VIRTUAL TABLE units_text USING fts5(norm_source, norm_target, content='units', content_rowid='id', "
        "tokenize='trigram')"
    )
    # Unqualified names in a trigger body resolve in the trigger's own schema, so these also keep the indexes in
    # sync when a project writes `tm.units` through ATTACH.
    db.execute(
        """
        CREATE TRIGGER units_indexed_insert AFTER INSERT ON units BEGIN
            INSERT INTO units_words (rowid, norm_source) VALUES (new.id, new.norm_source);
            INSERT INTO units_text (rowid, norm_source, norm_target) VALUES (new.id, new.norm_source, new.norm_target);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER units_indexed_delete AFTER DELETE ON units BEGIN
            INSERT INTO units_words (units_words, rowid, norm_source) VALUES ('delete', old.id, old.norm_source);
            INSERT INTO units_text (units_text, rowid, norm_source, norm_target)
                VALUES ('delete', old.id, old.norm_source, old.norm_target);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER units_indexed_update AFTER UPDATE OF norm_source, norm_target ON units BEGIN
            INSERT INTO units_words (units_words, rowid, norm_source) VALUES ('delete', old.id, old.norm_source);
            INSERT INTO units_text (units_text, rowid, norm_source, norm_target)
                VALUES ('delete', old.id, old.norm_source, old.norm_target);
            INSERT INTO units_words (rowid, norm_source) VALUES (new.id, new.norm_source);
            INSERT INTO units_text (rowid, norm_source, norm_target) VALUES (new.id, new.norm_source, new.norm_target);
        END
        """
    )


TM_FILE = FileKind(application_id=0x544A544D, description="Tarjama translation memory", migrations=[_schema_v1])

_UNIT_COLUMNS = (
    "id, source, target, source_lang, target_lang, created_at, changed_at, author, origin, usage_count, document, "
    "approved, mt_original, props, notes, context"
)
_JOINED_UNIT_COLUMNS = ", ".join("u." + column for column in _UNIT_COLUMNS.split(", "))
_INSERT = """
INSERT INTO {schema}units (source, target, source_lang, target_lang, norm_source, norm_target, created_at,
    changed_at, author, origin, usage_count, document, approved, mt_original, props, notes, context,
    project_uid, segment_id)
VALUES (:source, :target, :source_lang, :target_lang, :norm_source, :norm_target, :created_at, :changed_at, :author,
    :origin, :usage_count, :document, :approved, :mt_original, :props, :notes, :context, :project_uid, :segment_id)
"""


class ImportCancelled(TarjamaError):
    """The translator cancelled an import; the translation memory is as it was before it started."""


@dataclass(frozen=True)
class ImportResult:
    """How many units an import added as new, and how many it merged into identical source/target pairs."""

    added: int
    merged: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


# -- matching rules shared with the benchmark -------------------------------------------------------------------


def score(query_norm: str, candidate_norm: str) -> int:
    """How well a unit's normalised source matches a query's, in percent (the one definition of a match score).

    100 for identical text. Otherwise the word-level Levenshtein similarity (numbers count as equal words, see
    `scoring_words`), at most 99: so a source differing only in digits or punctuation scores 99 and is flagged by
    `difference_flags`. Rounded down, so a score never reaches a threshold it did not meet.
    """
    if query_norm == candidate_norm:
        return 100
    query_words, candidate_words = scoring_words(query_norm), scoring_words(candidate_norm)
    if not query_words or not candidate_words:
        return 0
    similarity = Levenshtein.normalized_similarity(query_words, candidate_words)
    return min(99, int(similarity * 100 + 1e-9))


def segment_context(previous_source: str | None, next_source: str | None) -> str:
    """The context a unit is stored with and a lookup compares for 101 %: the neighbouring sources, normalised.

    Never empty (a separator stands between the two halves), so a segment alone in its paragraph has a context,
    while an imported unit, whose context is unknown (""), never makes a 101 % match.
    """
    return f"{normalise_for_matching(previous_source or '')}\x1f{normalise_for_matching(next_source or '')}"


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]|_")


def _raw_tokens(text: str) -> list[tuple[str, Span]]:
    """Normalised words and punctuation marks of `text`, each with its span in the raw text."""
    normalised, offsets = normalise_with_offsets(text)
    return [
        (m.group(), (offsets[m.start()][0], offsets[m.end() - 1][1])) for m in _TOKEN.finditer(normalised)
    ]


def source_differences(query_source: str, match_source: str) -> list[Span]:
    """Spans of the raw `match_source` whose words or punctuation differ from `query_source`, for highlighting.

    Compared after normalisation, so harakat or hamza spellings alone are not marked; a run of differing tokens
    is one span.
    """
    query_tokens = [token for token, _ in _raw_tokens(query_source)]
    match_tokens = _raw_tokens(match_source)
    matcher = difflib.SequenceMatcher(None, query_tokens, [token for token, _ in match_tokens], autojunk=False)
    return [
        (match_tokens[j1][1][0], match_tokens[j2 - 1][1][1])
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag in ("replace", "insert")
    ]


def _occurrences(raw: str, needle: str) -> tuple[Span, ...]:
    """Raw spans of every non-overlapping occurrence of normalised `needle` in raw text."""
    normalised, offsets = normalise_with_offsets(raw)
    spans = []
    start = normalised.find(needle)
    while start >= 0 and needle:
        end = start + len(needle)
        spans.append((offsets[start][0], offsets[end - 1][1]))
        start = normalised.find(needle, end)
    return tuple(spans)


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
    )


def _row(unit: TmUnit, *, project_uid: str | None = None, segment_id: int | None = None) -> dict[str, object]:
    created = unit.created_at or unit.changed_at or _now()
    return {
        "source": unit.source,
        "target": unit.target,
        "source_lang": unit.source_lang,
        "target_lang": unit.target_lang,
        "norm_source": normalise_for_matching(unit.source),
        "norm_target": normalise_for_matching(unit.target),
        "created_at": created,
        "changed_at": unit.changed_at or created,
        "author": unit.author,
        "origin": unit.origin.value,
        "usage_count": unit.usage_count,
        "document": unit.document,
        "approved": int(unit.approved),
        "mt_original": unit.mt_original,
        "props": json.dumps([list(p) for p in unit.props], ensure_ascii=False),
        "notes": json.dumps(list(unit.notes), ensure_ascii=False),
        "context": unit.context,
        "project_uid": project_uid,
        "segment_id": segment_id,
    }


def _merged(existing: dict[str, object], unit: TmUnit) -> dict[str, object]:
    """An identical source/target pair seen again: keep the earliest creation, the latest change, the larger
    usage count, and every prop and note of both."""
    incoming = _row(unit)
    props = json.loads(existing["props"])
    props += [p for p in json.loads(incoming["props"]) if p not in props]
    notes = json.loads(existing["notes"])
    notes += [n for n in json.loads(incoming["notes"]) if n not in notes]
    return existing | {
        "created_at": min(existing["created_at"], incoming["created_at"]),
        "changed_at": max(existing["changed_at"], incoming["changed_at"]),
        "usage_count": max(existing["usage_count"], incoming["usage_count"]),
        "approved": max(existing["approved"], incoming["approved"]),
        "props": json.dumps(props, ensure_ascii=False),
        "notes": json.dumps(notes, ensure_ascii=False),
    }


# -- what a project writes through ATTACH -----------------------------------------------------------------------


def _schema_prefix(schema: str) -> str:
    if not schema.isidentifier():
        raise ValueError(f"not a schema name: {schema!r}")
    return f'"{schema}".'


def attach(db: sqlite_utils.Database, path: Path, schema: str, *, create: bool = False) -> None:
    """Check (or, with `create`, create) the TM file at `path` and attach it to another store's connection.

    Opening it as a TranslationMemory first refuses a foreign or newer file and migrates an older one, so what is
    attached always has the schema this module writes.
    """
    tm = TranslationMemory.open_or_create(path) if create else TranslationMemory.open(path)
    tm.close()
    prefix = _schema_prefix(schema)
    db.execute(f"ATTACH DATABASE ? AS {prefix[:-1]}", [str(path)])
    db.execute(f"PRAGMA {prefix}synchronous=FULL")


def write_project_unit(
    db: sqlite_utils.Database, schema: str, unit: TmUnit, *, project_uid: str, segment_id: int
) -> None:
    """Insert or update the approved unit of a project's segment; the caller's transaction makes it atomic with
    the segment change. An update keeps the unit's creation time and usage count."""
    row = _row(unit, project_uid=project_uid, segment_id=segment_id)
    prefix = _schema_prefix(schema)
    db.execute(
        _INSERT.format(schema=prefix)
        + """
        ON CONFLICT (project_uid, segment_id) WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL
        DO UPDATE SET source = excluded.source, target = excluded.target, norm_source = excluded.norm_source,
            norm_target = excluded.norm_target, changed_at = excluded.changed_at, author = excluded.author,
            origin = excluded.origin, document = excluded.document, approved = 1,
            mt_original = excluded.mt_original, context = excluded.context
        """,
        row,
    )


def withdraw_project_unit(db: sqlite_utils.Database, schema: str, *, project_uid: str, segment_id: int) -> None:
    """Mark the unit of a segment that is no longer approved as unapproved: lookups and exports skip it."""
    db.execute(
        f"UPDATE {_schema_prefix(schema)}units SET approved = 0, changed_at = ? "
        "WHERE project_uid = ? AND segment_id = ? AND approved = 1",
        [_now(), project_uid, segment_id],
    )


# -- the store --------------------------------------------------------------------------------------------------


class TranslationMemory:
    """An open TM file. Not thread-safe: each thread that needs the TM opens its own."""

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self._db = db

    @classmethod
    def open(cls, path: str | Path) -> TranslationMemory:
        path = Path(path)
        return cls(path, open_existing(path, TM_FILE))

    @classmethod
    def create(cls, path: str | Path) -> TranslationMemory:
        path = Path(path)
        if path.exists():
            raise ProjectError(path, "already exists; open it, or choose another name for the new translation memory.")
        if not path.parent.is_dir():
            raise ProjectError(path, f"cannot be created: the folder {path.parent} does not exist.")
        return cls(path, create_new(path, TM_FILE))

    @classmethod
    def open_or_create(cls, path: str | Path) -> TranslationMemory:
        path = Path(path)
        return cls.open(path) if path.exists() else cls.create(path)

    def close(self) -> None:
        self._db.conn.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self, approved_only: bool = True) -> int:
        where = " WHERE approved = 1" if approved_only else ""
        return self._db.execute("SELECT count(*) FROM units" + where).fetchone()[0]

    # -- looking up -----------------------------------------------------------------------------------------

    def lookup(self, source: str, context: str = "", *, threshold: int = 70, limit: int = 5) -> list[TmMatch]:
        """Approved units whose source matches `source` at `threshold` % or better, best first.

        Identical normalised sources come first (101 % when `context` equals the unit's), then fuzzy matches.
        Units with the same raw source and target appear once, as the most recently changed.
        """
        query = normalise_for_matching(source)
        if not query or limit <= 0:
            return []
        found: dict[tuple[str, str], tuple[int, TmUnit]] = {}

        def offer(unit: TmUnit, value: int) -> None:
            key = (unit.source, unit.target)
            best = found.get(key)
            if best is None or (value, unit.changed_at) > (best[0], best[1].changed_at):
                found[key] = (value, unit)

        exact = self._db.execute(
            f"SELECT {_UNIT_COLUMNS} FROM units WHERE norm_source = ? AND approved = 1", [query]
        ).fetchall()
        for row in exact:
            unit = _unit(row)
            offer(unit, 101 if context and unit.context == context else 100)
        if len(found) < limit and threshold < 100:
            for unit, norm_source in self._fuzzy_candidates(query):
                value = score(query, norm_source)
                if value >= threshold:
                    offer(unit, value)
        ranked = sorted(found.values(), key=lambda item: (item[0], item[1].changed_at), reverse=True)
        return [
            TmMatch(
                unit=unit,
                score=value,
                flags=difference_flags(query, normalise_for_matching(unit.source)),
                differences=tuple(source_differences(source, unit.source)) if value < 100 else (),
            )
            for value, unit in ranked[:limit]
            if value >= threshold
        ]

    def _fuzzy_candidates(self, query: str) -> list[tuple[TmUnit, str]]:
        """The approved units the word index ranks best for the query's rarest words, with their norm_source."""
        frequencies = []
        for term in dict.fromkeys(match_words(query)):
            row = self._db.execute("SELECT doc FROM units_words_vocab WHERE term = ?", [term]).fetchone()
            if row is not None:
                # Numbers come last: scoring treats all numbers alike, so they must not decide the candidates.
                frequencies.append((term.isdigit(), row[0], term))
        if not frequencies:
            return []
        frequencies.sort()
        total = self._db.execute("SELECT max(id) FROM units").fetchone()[0] or 0
        common = max(100, int(total * COMMON_TERM_SHARE))
        terms = [term for _, doc, term in frequencies if doc <= common][:MAX_QUERY_TERMS]
        terms = terms or [term for _, _, term in frequencies[:2]]
        match = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
        rows = self._db.execute(
            f"""
            SELECT {_UNIT_COLUMNS}, norm_source FROM units
            WHERE id IN (SELECT rowid FROM units_words WHERE units_words MATCH ? ORDER BY rank LIMIT ?)
              AND approved = 1
            """,
            [match, FUZZY_CANDIDATES],
        ).fetchall()
        return [(_unit(row), row[-1]) for row in rows]

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
            phrase = '"' + needle.replace('"', '""') + '"'
            match = phrase if side == "both" else f"{columns[0]} : {phrase}"
            rows = self._db.execute(
                f"""
                SELECT {_JOINED_UNIT_COLUMNS} FROM units_text f JOIN units u ON u.id = f.rowid
                WHERE units_text MATCH ? AND u.approved = 1 ORDER BY f.rowid DESC LIMIT ?
                """,
                [match, limit],
            ).fetchall()
        else:  # too short for trigrams: scan, newest first, until enough are found
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
                    source_spans=_occurrences(unit.source, needle) if side != "target" else (),
                    target_spans=_occurrences(unit.target, needle) if side != "source" else (),
                )
            )
        return hits

    def units(self, *, approved_only: bool = True) -> Iterator[TmUnit]:
        """Every unit in id order, streamed from a cursor: an export of a million units holds one at a time."""
        where = " WHERE approved = 1" if approved_only else ""
        for row in self._db.execute(f"SELECT {_UNIT_COLUMNS} FROM units{where} ORDER BY id"):
            yield _unit(row)

    # -- changing -------------------------------------------------------------------------------------------

    def add(self, unit: TmUnit) -> int:
        """Store one unit, merged into an existing identical source/target pair if there is one; returns its id."""
        with transaction(self._db):
            return self._put(unit, None)[0]

    def import_units(
        self,
        units: Iterable[TmUnit],
        *,
        cancel: Callable[[], bool] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Add many units (e.g. read from a TMX file) as one transaction, merging duplicates.

        `units` is consumed as a stream, so a million units need no more memory than a chunk. If the iterable
        raises (a malformed file) or `cancel` returns true (checked every chunk, raising ImportCancelled), nothing
        of the import is kept. `on_progress` gets the number of units read so far, once per chunk.
        """
        added = merged = 0
        pending: dict[tuple[str, str], dict[str, object]] = {}
        read = 0
        with transaction(self._db):
            for unit in units:
                read += 1
                if self._put(unit, pending)[1]:
                    merged += 1
                else:
                    added += 1
                if read % _IMPORT_CHUNK == 0:
                    self._flush(pending)
                    if cancel is not None and cancel():
                        raise ImportCancelled("The import was cancelled; the translation memory was not changed.")
                    if on_progress is not None:
                        on_progress(read)
            self._flush(pending)
            if on_progress is not None and read % _IMPORT_CHUNK:
                on_progress(read)
        return ImportResult(added, merged)

    def _put(self, unit: TmUnit, pending: dict[tuple[str, str], dict[str, object]] | None) -> tuple[int, bool]:
        """Merge `unit` into a stored or pending duplicate, or insert it: at once without `pending` (returning its
        id), else queued there for the next `_flush` (returning 0). Returns (id, whether it merged)."""
        key = (unit.source, unit.target)
        if pending is not None and key in pending:
            pending[key] = _merged(pending[key], unit)
            return 0, True
        cursor = self._db.execute(
            "SELECT id, created_at, changed_at, usage_count, approved, props, notes FROM units "
            "WHERE source = ? AND target = ? ORDER BY id LIMIT 1",
            key,
        )
        existing = cursor.fetchone()
        if existing is not None:
            names = [d[0] for d in cursor.description]
            self._db.execute(
                "UPDATE units SET created_at = :created_at, changed_at = :changed_at, usage_count = :usage_count, "
                "approved = :approved, props = :props, notes = :notes WHERE id = :id",
                _merged(dict(zip(names, existing, strict=True)), unit),
            )
            return existing[0], True
        if pending is None:
            return self._db.execute(_INSERT.format(schema=""), _row(unit)).lastrowid, False
        pending[key] = _row(unit)
        return 0, False

    def _flush(self, pending: dict[tuple[str, str], dict[str, object]]) -> None:
        if pending:
            self._db.conn.executemany(_INSERT.format(schema=""), list(pending.values()))
            pending.clear()

    def record_use(self, *unit_ids: int) -> None:
        """Count that these units were used to fill segments (one transaction for a whole batch)."""
        with transaction(self._db) as db:
            db.conn.executemany("UPDATE units SET usage_count = usage_count + 1 WHERE id = ?", [(i,) for i in unit_ids])

"""The translation memory: one SQLite file (`*.tarjama-tm`) of approved source/target pairs, searched as you work.

Units keep their raw text; matching uses `tarjama.arabic.normalise_for_matching`, stored beside it (`norm_source`,
`norm_target`) so lookups never normalise a million rows. Two FTS5 indexes over the normalised text, kept in sync by
triggers defined in this file (so they fire whichever program changes the units):

* `units_features` — the words and word pairs of each normalised source (`match_features`), for fuzzy candidates.
  A lookup reads the postings of the query's rare pairs and scores the units sharing most of them, then, while
  a bound on the units it left out allows a better one, searches for near duplicates through groups of pairs (see
  `TranslationMemory._fuzzy_matches`). Word pairs matter: in a memory of one subject every word is in thousands of
  units, while a pair of neighbours still points to a few. Contentless and without positions,
  so it costs little space; its triggers call `match_features` through an SQL function that `TranslationMemory`
  registers on its connection (another SQLite tool cannot change units by mistake: the
  trigger fails instead of corrupting the index). Beside it, `common_features` lists the features too common
  to be worth probing;
* `units_source_text`, `units_target_text` — trigrams of the normalised source and target, for concordance on
  parts of words (Arabic glues prefixes such as و، ب، ال to the word, so whole-word search would miss most hits).
  Searched with GLOB, which FTS5 answers from the trigram index and checks against the text.

A project writes the units of the segments it approves on a connection of its own to this file, after its own
transaction, in one `TranslationMemory.writing` waits for only as long as its caller can (an import may hold this
file's write lock for minutes; see `stores.project`).
"""

from __future__ import annotations

import difflib
import functools
import itertools
import json
import math
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import sqlite_utils
from rapidfuzz.distance import Levenshtein

from tarjama.arabic import (
    difference_flags,
    normalise_for_matching,
    normalise_with_offsets,
    scoring_words,
)
from tarjama.domain import ConcordanceHit, Span, TmMatch, TmUnit, UnitOrigin
from tarjama.errors import QT_TRANSLATE_NOOP, PathError, TarjamaError
from tarjama.sqlite_file import FileKind, StoreFile, transaction

TM_SUFFIX = ".tarjama-tm"

# Units sharing the most rare word pairs with a query that a fuzzy lookup scores.
FUZZY_CANDIDATES = 100
# Candidates scored first: enough when the bound on the rest shows none of them can do better.
_FIRST_CANDIDATES = 20
# Each word pair of a query is counted up to this many units: a pair in no more is rare and read whole.
_PROBE = 64
# Pairs probed by one SQL statement (far below SQLite's limits on columns and parameters).
_PROBE_BATCH = 100
# The most word edits within which a lookup searches for near duplicates it has not found through rare pairs.
_NEAR_EDITS = 3
# A near-duplicate search returning more units than this stops: its groups of pairs are too common to bound much.
_NEAR_CAP = 200
# The most groups of words a near-duplicate search of a query with few word pairs ORs together.
_WORD_GROUPS = 20
_FEATURE_FUNCTION = "tarjama_match_features"
_DISTINCT_FEATURES_FUNCTION = "tarjama_distinct_match_features"
_CODES_FUNCTION = "tarjama_scoring_codes"
# Characters that stand for words in `units_codes`: from U+0100 (above the controls) up, skipping the surrogates.
_CODE_FIRST, _SURROGATES = 0x100, range(0xD800, 0xE000)
_CODE_COUNT = 0x110000 - _CODE_FIRST - len(_SURROGATES)
_PAIR = "\ue000"  # joins the two words of a pair into one token (a private-use character is a token character)
_BAND = "\ue001"  # tags a feature with the length band of its source
_BAND_RATIO = math.log(1.2)
# The longest source a lookup with threshold 0 reads the bands of (longer ones only match at some threshold).
_LONGEST = 10_000
_IMPORT_CHUNK = 2000
# Units between two questions to `cancel`: a tenth of a second of import or less, so Cancel answers at once.
_CANCEL_EVERY = 100
_GLOB_ESCAPES = str.maketrans({"*": "[*]", "?": "[?]", "[": "[[]"})


# A new unit's features that are now in more units than a probe reads join `common_features`, counted as in one
# more than that until the next refresh counts them (a few milliseconds: one probe of the features index per
# feature not yet listed). Run after the unit's features are indexed.
_COMMON_AFTER_INSERT = f"""
    INSERT OR IGNORE INTO common_features (feature, units)
        SELECT f.value, {_PROBE + 1} FROM json_each(tarjama_distinct_match_features(new.norm_source)) AS f
        WHERE NOT EXISTS (SELECT 1 FROM common_features AS c WHERE c.feature = f.value)
            AND (SELECT count(*) FROM (SELECT 1 FROM units_features
                    WHERE units_features MATCH '"' || replace(f.value, '"', '""') || '"' LIMIT {_PROBE + 1}))
                > {_PROBE};
"""

# Unqualified names in a trigger body resolve in the trigger's own schema, so these also keep the indexes in sync
# when a project writes `tm.units` through ATTACH. A bulk import drops them and indexes each chunk with
# `_INDEX_ROWS_AFTER` instead (five times faster than row by row), then creates them again from here: these are
# always the triggers of the current schema version.
_INDEX_TRIGGERS = {
    "units_indexed_insert": f"""
        CREATE TRIGGER units_indexed_insert AFTER INSERT ON units BEGIN
            INSERT INTO units_features (rowid, features) VALUES (new.id, tarjama_match_features(new.norm_source));
            INSERT INTO units_source_text (rowid, norm_source) VALUES (new.id, new.norm_source);
            INSERT INTO units_target_text (rowid, norm_target) VALUES (new.id, new.norm_target);
            INSERT INTO units_codes (id, codes) SELECT new.id, tarjama_scoring_codes(new.norm_source)
                WHERE new.approved = 1;
            {_COMMON_AFTER_INSERT}
        END
    """,
    "units_indexed_delete": """
        CREATE TRIGGER units_indexed_delete AFTER DELETE ON units BEGIN
            INSERT INTO units_features (units_features, rowid, features)
                VALUES ('delete', old.id, tarjama_match_features(old.norm_source));
            INSERT INTO units_source_text (units_source_text, rowid, norm_source)
                VALUES ('delete', old.id, old.norm_source);
            INSERT INTO units_target_text (units_target_text, rowid, norm_target)
                VALUES ('delete', old.id, old.norm_target);
            DELETE FROM units_codes WHERE id = old.id;
        END
    """,
    "units_indexed_update": f"""
        CREATE TRIGGER units_indexed_update AFTER UPDATE OF norm_source, norm_target ON units BEGIN
            INSERT INTO units_features (units_features, rowid, features)
                VALUES ('delete', old.id, tarjama_match_features(old.norm_source));
            INSERT INTO units_source_text (units_source_text, rowid, norm_source)
                VALUES ('delete', old.id, old.norm_source);
            INSERT INTO units_target_text (units_target_text, rowid, norm_target)
                VALUES ('delete', old.id, old.norm_target);
            INSERT INTO units_features (rowid, features) VALUES (new.id, tarjama_match_features(new.norm_source));
            INSERT INTO units_source_text (rowid, norm_source) VALUES (new.id, new.norm_source);
            INSERT INTO units_target_text (rowid, norm_target) VALUES (new.id, new.norm_target);
            {_COMMON_AFTER_INSERT}
        END
    """,
}
_INDEX_ROWS_AFTER = (
    "INSERT INTO units_features (rowid, features) SELECT id, tarjama_match_features(norm_source) FROM units "
    "WHERE id > ?",
    "INSERT INTO units_source_text (rowid, norm_source) SELECT id, norm_source FROM units WHERE id > ?",
    "INSERT INTO units_target_text (rowid, norm_target) SELECT id, norm_target FROM units WHERE id > ?",
    "INSERT INTO units_codes (id, codes) SELECT id, tarjama_scoring_codes(norm_source) FROM units "
    "WHERE id > ? AND approved = 1",
)
# Not dropped by an import, whose merges can approve a unit again: `units_codes` holds the approved units only.
_CODES_TRIGGER = """
    CREATE TRIGGER units_codes_update AFTER UPDATE OF norm_source, approved ON units BEGIN
        DELETE FROM units_codes WHERE id = old.id;
        INSERT INTO units_codes (id, codes) SELECT new.id, tarjama_scoring_codes(new.norm_source)
            WHERE new.approved = 1;
    END
"""


def _schema_v1(db: sqlite_utils.Database) -> None:
    """Units and their indexes; `_schema_v3` creates the triggers that keep the indexes in sync."""
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
    db.execute("CREATE INDEX units_norm_source ON units (norm_source)")  # exact matches and duplicates
    db.execute(
        "CREATE UNIQUE INDEX units_project_segment ON units (project_uid, segment_id) "
        "WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL"
    )
    db.execute(
        "CREATE VIRTUAL TABLE units_features USING fts5(features, content='', "
        "tokenize='unicode61 remove_diacritics 0', detail='none')"
    )
    # One table per side: without positions (detail=none) FTS5 cannot tell columns apart, so a search of the
    # targets would check every source that holds the trigrams too.
    for column in ("source", "target"):
        db.execute(
            f"CREATE VIRTUAL TABLE units_{column}_text USING fts5(norm_{column}, content='units', content_rowid='id', "
            "tokenize='trigram case_sensitive 1', detail='none')"
        )


def _schema_v2(db: sqlite_utils.Database) -> None:
    """Version 2 added a table of each approved unit's scoring words, which version 3 replaced with `units_codes`:
    a version 1 file goes straight on to version 3's tables."""


def _schema_v3(db: sqlite_utils.Database) -> None:
    """Two tables that make a lookup cheaper (together a third of the time in a million units), filled here for a
    memory of an earlier version (under a minute for a million units, the copy made before it included):

    * `units_codes`: each approved unit's scoring words, one character each (`scoring_codes`), so that a
      lookup scores its candidates from a narrow table with a string comparison (it used to read their text, or
      then their words, which split into strings cost more than the comparison);
    * `common_features`: the features in more units than a probe reads, so that a lookup probes the index only
      for the others (two thirds of a query's pairs are common, and each probe costs some 30 µs). Kept by the
      insert triggers and refreshed by bulk imports.
    """
    _register_functions(db)
    db.execute("DROP TRIGGER IF EXISTS units_words_update")
    db.execute("DROP TABLE IF EXISTS units_words")
    db.execute("CREATE TABLE units_codes (id INTEGER PRIMARY KEY, codes TEXT NOT NULL)")
    db.execute(
        "INSERT INTO units_codes (id, codes) SELECT id, tarjama_scoring_codes(norm_source) FROM units "
        "WHERE approved = 1"
    )
    db.execute("CREATE TABLE common_features (feature TEXT PRIMARY KEY, units INTEGER NOT NULL) WITHOUT ROWID")
    _refresh_common_features(db)
    _create_triggers(db)


def _refresh_common_features(db: sqlite_utils.Database) -> None:
    """List again the features in more than `_PROBE` units, and in how many, from the features index's counts.

    A unit's removal can leave a listed feature rarer than that: lookups then miss its few units as candidates
    (never a near duplicate, which the groups find) until the next refresh, which a bulk import makes.
    """
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.units_features_counts USING fts5vocab(main, units_features, row)"
    )
    db.execute("DELETE FROM common_features")
    db.execute(
        "INSERT INTO common_features (feature, units) "
        f"SELECT term, doc FROM temp.units_features_counts WHERE doc > {_PROBE}"
    )


def _create_triggers(db: sqlite_utils.Database) -> None:
    """The triggers of the current schema, replacing any an earlier version made."""
    for name, trigger in [("units_codes_update", _CODES_TRIGGER), *_INDEX_TRIGGERS.items()]:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute(trigger)


TM_FILE = FileKind(
    application_id=0x544A544D, description=QT_TRANSLATE_NOOP("Errors", "Tarjama translation memory"),
    migrations=[_schema_v1, _schema_v2, _schema_v3],
)

_UNIT_COLUMNS = (
    "id, source, target, source_lang, target_lang, created_at, changed_at, author, origin, usage_count, document, "
    "approved, mt_original, props, notes, context"
)
_JOINED_UNIT_COLUMNS = ", ".join("u." + column for column in _UNIT_COLUMNS.split(", "))
_INSERT = """
INSERT INTO units (source, target, source_lang, target_lang, norm_source, norm_target, created_at,
    changed_at, author, origin, usage_count, document, approved, mt_original, props, notes, context,
    project_uid, segment_id)
VALUES (:source, :target, :source_lang, :target_lang, :norm_source, :norm_target, :created_at, :changed_at, :author,
    :origin, :usage_count, :document, :approved, :mt_original, :props, :notes, :context, :project_uid, :segment_id)
"""


class MemoryBusyError(PathError):
    """Another connection (another program importing a TMX file, say) holds the memory's write lock for longer than
    the writer would wait; nothing was written."""

    work_failed = True


_BUSY = QT_TRANSLATE_NOOP("Errors", "is busy: another program is writing to it (importing a TMX file, perhaps).")


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error says another connection holds the lock (SQLITE_BUSY, or SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) and code is not None and code & 0xFF in (5, 6)


class ImportCancelled(TarjamaError):
    """The translator cancelled an import; the translation memory is as it was before it started."""


_IMPORT_CANCELLED = QT_TRANSLATE_NOOP("Errors", "The import was cancelled; the translation memory was not changed.")


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
    query_words, candidate_words = _scoring_tuple(query_norm), _scoring_tuple(candidate_norm)
    if not query_words or not candidate_words:
        return 0
    return _percent(Levenshtein.normalized_similarity(query_words, candidate_words))


def _percent(similarity: float) -> int:
    return min(99, int(similarity * 100 + 1e-9))


@functools.lru_cache(maxsize=1024)
def _scoring_tuple(normalised: str) -> tuple[str, ...]:
    """Scoring words, remembered: a lookup scores one query against a hundred candidates."""
    return tuple(scoring_words(normalised))


@functools.lru_cache(maxsize=65536)
def _word_code(word: str) -> str:
    """The character that stands for a scoring word in `units_codes`: from the word's CRC-32, so that every process
    and version gives the same one. About one pair of distinct words in a million shares a character."""
    code = _CODE_FIRST + zlib.crc32(word.encode()) % _CODE_COUNT
    return chr(code + len(_SURROGATES) if code >= _SURROGATES.start else code)


def scoring_codes(norm_source: str) -> str:
    """A source's scoring words as `units_codes` holds them: one character each, in order.

    Comparing two sources' codes as strings gives `score` from the same edits, except where two distinct words
    share a character: they then compare as equal, so a score from codes is never below the true one.
    """
    return "".join([_word_code(word) for word in scoring_words(norm_source)])


@dataclass(frozen=True)
class _Scoring:
    """What a lookup scores candidates against: the query's normalised source, its codes, and the threshold."""

    query: str
    codes: str
    threshold: int


def _ceiling(words: int, edits: int) -> int:
    """The best score of a unit `edits` word edits from a query of `words` words: n / (n + e).

    A unit of m words e edits away has similarity 1 - e / max(n, m); m <= n gives at most 1 - e / n, and m > n
    needs e >= m - n, so m <= n + e and 1 - e / m <= n / (n + e), which is the larger of the two.
    """
    return int(100 * words / (words + edits) + 1e-9)


def _near_groupings(
    pairs: list[str], words: list[str], edits: int, per_edit: int, counted: dict[str, int]
) -> list[list[tuple[str, ...]]]:
    """Ways of grouping the query's features, each such that every unit within `edits` word edits of the query
    has all the features of at least one group: the pairs' grouping first, then the words' (empty when the query
    has too few features for either to narrow anything).

    `pairs` are the query's distinct features (word pairs, or words when `per_edit` is 1), each edit removing at
    most `per_edit` of them: so 2e + 1 disjoint groups of pairs do, rarest dealt first so that every group has
    a rare one. And each (W - e)-subset of the W distinct words is a group, since a unit within e edits lacks at
    most e of them: tried when the query has too few pairs, or when each pair group is too common to narrow
    anything (a short query of common phrases, whose near duplicate changes the one rare word).
    """
    groupings = []
    count = per_edit * edits + 1
    if count <= len(pairs):
        ordered = sorted(pairs, key=counted.__getitem__)
        groupings.append([tuple(ordered[start::count]) for start in range(count)])
    if per_edit == 2 and edits < len(words) and math.comb(len(words), edits) <= _WORD_GROUPS:
        groupings.append(list(itertools.combinations(words, len(words) - edits)))
    return groupings


def _features(words: list[str]) -> list[str]:
    return [*words, *(a + _PAIR + b for a, b in zip(words, words[1:], strict=False))]


def _length_band(length: int) -> int:
    """Lengths in words grouped so that each band spans about a fifth more than the last."""
    return int(math.log(length) / _BAND_RATIO) if length > 0 else 0


def match_features(norm_source: str) -> str:
    """The tokens the features index holds for a normalised source: each scoring word and each pair of
    neighbours, tagged with the band of the source's length (a score bounds the length of a match, so a lookup
    reads only the bands a match can be in).

    The index is contentless, so removing a unit re-computes these: changing this function needs a schema
    migration that rebuilds `units_features`.
    """
    return " ".join(_banded_features(norm_source))


def distinct_match_features(norm_source: str) -> str:
    """`match_features` without repeats, as a JSON array for SQL's json_each."""
    return json.dumps(list(dict.fromkeys(_banded_features(norm_source))), ensure_ascii=False)


def _banded_features(norm_source: str) -> list[str]:
    words = scoring_words(norm_source)
    band = f"{_BAND}{_length_band(len(words))}"
    return [feature + band for feature in _features(words)]


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _register_functions(db: sqlite_utils.Database) -> None:
    db.conn.create_function(_FEATURE_FUNCTION, 1, match_features, deterministic=True)
    db.conn.create_function(_DISTINCT_FEATURES_FUNCTION, 1, distinct_match_features, deterministic=True)
    db.conn.create_function(_CODES_FUNCTION, 1, scoring_codes, deterministic=True)


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


def _merged(existing: dict[str, object], incoming: dict[str, object]) -> dict[str, object]:
    """An identical source/target pair seen again: keep the earliest creation, the latest change, the larger
    usage count, and every prop and note of both."""
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


# -- what a project writes ------------------------------------------------------------------------------------

#: A project's unit: inserted, or updated in place (keeping its creation time and usage count) when the segment
#: is approved again.
_UPSERT_PROJECT_UNIT = _INSERT + """
ON CONFLICT (project_uid, segment_id) WHERE project_uid IS NOT NULL AND segment_id IS NOT NULL
DO UPDATE SET source = excluded.source, target = excluded.target, norm_source = excluded.norm_source,
    norm_target = excluded.norm_target, changed_at = excluded.changed_at, author = excluded.author,
    origin = excluded.origin, document = excluded.document, approved = 1,
    mt_original = excluded.mt_original, context = excluded.context
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
        _register_functions(db)
        # `common_features` as last read, and the file's data_version then (another connection's approvals change
        # it). Reading the table once costs less than looking up each query's features in it.
        self._common: dict[str, int] | None = None
        self._common_version = -1

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
                raise MemoryBusyError(self.path, _BUSY) from exc
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

        with self._snapshot():
            exact = self._conn.execute(
                f"SELECT {_UNIT_COLUMNS} FROM units WHERE norm_source = ? AND approved = 1", [query]
            ).fetchall()
            for row in exact:
                unit = _unit(row)
                offer(unit, 101 if context and unit.context == context else 100)
            if len(found) < limit and threshold < 100:
                known = {row[0] for row in exact}
                fuzzy = {
                    unit_id: value
                    for unit_id, value in self._fuzzy_matches(query, threshold).items()
                    if value >= threshold and unit_id not in known
                }
                for row in self._rows(list(fuzzy), f"{_UNIT_COLUMNS}"):
                    offer(_unit(row), fuzzy[row[0]])
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

    def _fuzzy_matches(self, query: str, threshold: int) -> dict[int, int]:
        """Scores of the units the features index offers for the query: always the best unit scoring at least
        `threshold` (within the limits below), and the others it ranks highest (0 for those below `threshold`).

        Only units of a length that can score `threshold` are read: a similarity of T needs a length between T and
        1/T times the query's, so only features tagged with those length bands are. Two searches, each with a bound
        on the units it did not score; a unit can score no more than n / (n + e) when it is e word edits from the
        query's n words (`_ceiling`), and the search stops once that is no better than the best score found:

        * rare pairs: the first postings of each pair of the query not listed in `common_features` are read, up
          to a few, so the rare ones are read whole. The units sharing the most of them (then the rarest) are
          scored, twenty and, unless the bound rules the rest out, up to a hundred. A unit sharing s of the k
          rare pairs is at least (k - s) / 2 edits away, since one edit removes at most two pairs of the query;
        * near duplicates, when that bound leaves room: a unit within e edits misses at most 2e of the query's
          pairs, so it has every pair of at least one of 2e + 1 disjoint groups of them. The units having a whole
          group (`_holding_a_group`) are scored: now the unscored ones are more than e edits away. Searched for
          the largest e up to `_NEAR_EDITS` that the bound leaves room for, or, if that finds more than
          `_NEAR_CAP` units (groups of common pairs are in too many units to bound anything), for e = 1, 2, ...
          while each finds no more. Short queries, with too few pairs for the groups or only common ones, use
          words: a unit within e edits has all but e of them.
        """
        words = scoring_words(query)
        if not words:
            return {}
        n = len(words)
        shortest = max(1, math.ceil(n * threshold / 100 - 1e-9))
        longest = math.floor(n * 100 / threshold + 1e-9) if threshold > 0 else _LONGEST

        def bands(low: int, high: int) -> list[str]:
            return [f"{_BAND}{band}" for band in range(_length_band(low), _length_band(high) + 1)]

        wide = bands(shortest, longest)

        def match(feature: str) -> str:
            return " OR ".join(_quoted(feature + band) for band in wide)

        # Pairs, or the word when there is none: a rare word makes rare pairs, and pairs tell units apart better.
        pairs, per_edit = (list(dict.fromkeys(_features(words)[n:])), 2) if n > 1 else (words, 1)
        # A pair listed as common in any band a match can be in is common in all of them together; the others are
        # probed in every such band.
        counted = self._listed_common(pairs, wide)
        probed: dict[str, list[int] | None] = dict.fromkeys(counted)
        maybe_rare = [pair for pair in pairs if pair not in probed]
        probed.update(zip(maybe_rare, self._rare_postings([match(pair) for pair in maybe_rare]), strict=True))
        for pair in maybe_rare:
            ids = probed[pair]
            counted[pair] = _PROBE + 1 if ids is None else len(ids)
        rare = [pair for pair in pairs if counted[pair] <= _PROBE]
        total = (self._conn.execute("SELECT max(id) FROM units").fetchone()[0] or 0) + 1
        shared: dict[int, int] = {}
        weight: dict[int, float] = {}
        for pair in rare:
            if not counted[pair]:
                continue
            rarity = math.log(total / counted[pair])
            for unit_id in probed[pair] or ():
                shared[unit_id] = shared.get(unit_id, 0) + 1
                weight[unit_id] = weight.get(unit_id, 0.0) + rarity
        ranked = sorted(shared, key=lambda unit_id: (shared[unit_id], weight[unit_id]), reverse=True)
        scoring = _Scoring(query, scoring_codes(query), threshold)
        scores: dict[int, int] = {}
        best = scored = 0
        for end in (min(_FIRST_CANDIDATES, FUZZY_CANDIDATES), FUZZY_CANDIDATES):  # most lookups stop after the first
            scores.update(self._score_units(scoring, ranked[scored:end]))
            scored = min(end, len(ranked))
            best = max(scores.values(), default=0)
            unscored_shared = shared[ranked[scored]] if len(ranked) > scored else 0
            edits = math.ceil((len(rare) - unscored_shared) / per_edit)  # of every unit not scored, at least
            if _ceiling(n, edits) <= best or _ceiling(n, edits) < threshold:
                break
        def worth(edits: int) -> bool:  # whether a unit so many edits away could beat the best and qualify
            return edits <= _NEAR_EDITS and _ceiling(n, edits) > best and _ceiling(n, edits) >= threshold

        def near_hits(edits: int) -> list[int] | None:
            near = bands(max(shortest, n - edits), min(longest, n + edits))
            for groups in _near_groupings(pairs, words_distinct, edits, per_edit, counted) if near else []:
                hits = self._holding_a_group(groups, near, probed)
                if hits is not None:
                    return [unit_id for unit_id in hits if unit_id not in scores]
            return None

        words_distinct = list(dict.fromkeys(words))
        if worth(edits):
            # Every edit count the bound leaves open at once: one search within the most edits finds the units
            # within fewer too. If it finds too many, step up from the fewest edits, whose groups are larger.
            widest = edits
            while worth(widest + 1):
                widest += 1
            hits = near_hits(widest)
            if hits is not None:
                scores.update(self._score_units(scoring, hits))
            else:
                while edits < widest and worth(edits) and (hits := near_hits(edits)) is not None:
                    scores.update(self._score_units(scoring, hits))
                    best = max(scores.values(), default=0)
                    edits += 1
        return scores

    def _holding_a_group(
        self, groups: list[tuple[str, ...]], near: list[str], probed: dict[str, list[int] | None]
    ) -> list[int] | None:
        """Units that may have all the features of some group (every unit in the `near` length bands that has
        does), or None when there are more than `_NEAR_CAP`.

        A group with a rare feature is looked up in the postings `probed` read whole (those of its rare features,
        intersected): FTS5's AND reads the long postings of every common pair of the group, several milliseconds
        in a million units, mostly to find nothing. Only the groups of common features are searched with FTS5.
        """
        held: set[int] = set()
        searched = []
        for group in groups:
            whole = [ids for feature in group if (ids := probed.get(feature)) is not None]
            if whole:
                held.update(set(whole[0]).intersection(*whole[1:]))
            else:
                searched.append(group)
        if searched and len(held) <= _NEAR_CAP:
            expression = " OR ".join(
                "(" + " AND ".join(_quoted(feature + band) for feature in group) + ")"
                for band in near
                for group in searched
            )
            held.update(self._postings(expression, _NEAR_CAP + 1))
        return sorted(held) if len(held) <= _NEAR_CAP else None

    def _listed_common(self, features: list[str], bands: list[str]) -> dict[str, int]:
        """The features `common_features` lists in any of `bands` (in more units than a probe reads), each with
        the units it is listed in over those bands."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if self._common is None or version != self._common_version:
            self._common = dict(self._conn.execute("SELECT feature, units FROM common_features"))
            self._common_version = version
        find = self._common.get
        listed: dict[str, int] = {}
        for feature in features:
            units = 0
            for band in bands:
                units += find(feature + band, 0)
            if units:
                listed[feature] = units
        return listed

    def _rare_postings(self, matches: list[str]) -> list[list[int] | None]:
        """For each FTS5 expression of `matches`, the units (by id) that have its features if there are at most
        `_PROBE`, else None.

        A query's pairs that `common_features` does not list are probed this way (it may have missed some that
        became common, or still list one that no longer is): reading no more than `_PROBE` + 1 of them costs no
        more than counting as many, tells the rare ones, and leaves their units read. One statement for all of
        them (`_PROBE_BATCH` at a time), since a statement per pair would cost a third more.
        """
        found: list[list[int] | None] = []
        probe = (
            f"(SELECT CASE WHEN count(*) <= {int(_PROBE)} THEN json_group_array(rowid) END FROM "
            f"(SELECT rowid FROM units_features WHERE units_features MATCH ? LIMIT {int(_PROBE) + 1}))"
        )
        for start in range(0, len(matches), _PROBE_BATCH):
            batch = matches[start : start + _PROBE_BATCH]
            row = self._conn.execute("SELECT " + ", ".join([probe] * len(batch)), batch).fetchone()
            found.extend(None if ids is None else json.loads(ids) for ids in row)
        return found

    def _postings(self, match: str, limit: int) -> list[int]:
        """The first `limit` units (by id) that have the features in `match`."""
        return [
            unit_id
            for (unit_id,) in self._conn.execute(
                "SELECT rowid FROM units_features WHERE units_features MATCH ? LIMIT ?", [match, limit]
            )
        ]

    def _score_units(self, scoring: _Scoring, ids: list[int]) -> dict[int, int]:
        """`score` of each approved unit among `ids` that reaches the threshold, and 0 for the others (whose scores
        decide nothing: a lookup compares scores only with each other when one reaches the threshold).

        Scored from `units_codes` first: a score from codes is never below the true one, so a unit below the
        threshold by it is below by its words too, and only the few others are scored from their text. The ids
        are written into the statements (they are integers): a list of constants costs less per unit than one
        passed as JSON and unpacked with json_each (9 against 10 µs in a million units, 12 against 18 cold).
        """
        if not ids:
            return {}
        query_codes, threshold = scoring.codes, scoring.threshold
        scores: dict[int, int] = {}
        close: list[int] = []
        listed = ",".join(str(int(unit_id)) for unit_id in ids)
        for unit_id, codes in self._conn.execute(f"SELECT id, codes FROM units_codes WHERE id IN ({listed})"):
            if codes and _percent(Levenshtein.normalized_similarity(query_codes, codes)) >= threshold:
                close.append(unit_id)
            else:
                scores[unit_id] = 0
        if close:
            listed = ",".join(str(unit_id) for unit_id in close)
            for unit_id, norm in self._conn.execute(f"SELECT id, norm_source FROM units WHERE id IN ({listed})"):
                scores[unit_id] = score(scoring.query, norm)
        return scores

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
            # GLOB on a trigram table is answered from the index and checked on the text; FTS5 hands rows over
            # newest first, so each column stops after `limit` hits. "both" merges the two columns' hits.
            pattern = "*" + needle.translate(_GLOB_ESCAPES) + "*"
            found: dict[int, Sequence] = {}
            for column in columns:
                index = column.replace("norm_", "units_") + "_text"
                for row in self._db.execute(
                    f"SELECT {_JOINED_UNIT_COLUMNS} FROM {index} f JOIN units u ON u.id = f.rowid "
                    f"WHERE f.{column} GLOB ? AND u.approved = 1 ORDER BY f.rowid DESC LIMIT ?",
                    [pattern, limit],
                ):
                    found[row[0]] = row
            rows = [found[unit_id] for unit_id in sorted(found, reverse=True)[:limit]]
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
        self._common = None  # its triggers may list more
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
        raises (a malformed file) or `cancel` returns true (asked every 100 units, raising ImportCancelled), nothing
        of the import is kept. `on_progress` gets the number of units read so far, once per chunk.
        """
        added = merged = 0
        pending: dict[tuple[str, str], dict[str, object]] = {}
        read = 0
        with transaction(self._db) as db:
            for name in _INDEX_TRIGGERS:
                db.execute(f"DROP TRIGGER {name}")
            indexed = db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]
            for unit in units:
                read += 1
                if self._put(unit, pending)[1]:
                    merged += 1
                else:
                    added += 1
                if cancel is not None and read % _CANCEL_EVERY == 0 and cancel():
                    raise ImportCancelled(_IMPORT_CANCELLED)
                if read % _IMPORT_CHUNK == 0:
                    indexed = self._flush(pending, indexed)
                    if on_progress is not None:
                        on_progress(read)
            last = self._flush(pending, indexed)
            _create_triggers(db)
            if added * 10 >= last:
                # A bulk load leaves the features index in many segments, each searched by every lookup; merged
                # into one, a lookup in a million units takes half the time (about 15 s for a million units).
                db.execute("INSERT INTO units_features (units_features) VALUES ('optimize')")
                # Re-reading every count costs some 9 s in a million units: worth it for a bulk load only. The
                # few features a small import makes common stay unlisted, so lookups probe them, as is safe.
                _refresh_common_features(db)
            if on_progress is not None and read % _IMPORT_CHUNK:
                on_progress(read)
        self._common = None
        return ImportResult(added, merged)

    def _put(self, unit: TmUnit, pending: dict[tuple[str, str], dict[str, object]] | None) -> tuple[int, bool]:
        """Merge `unit` into a stored or pending duplicate, or insert it: at once without `pending` (returning its
        id), else queued there for the next `_flush` (returning 0). Returns (id, whether it merged)."""
        key = (unit.source, unit.target)
        row = _row(unit)
        if pending is not None and key in pending:
            pending[key] = _merged(pending[key], row)
            return 0, True
        # The norm_source index finds the few units with this normalised source; no index on the raw pair needed.
        cursor = self._db.execute(
            "SELECT id, created_at, changed_at, usage_count, approved, props, notes FROM units "
            "WHERE norm_source = ? AND source = ? AND target = ? ORDER BY id LIMIT 1",
            [row["norm_source"], *key],
        )
        existing = cursor.fetchone()
        if existing is not None:
            names = [d[0] for d in cursor.description]
            self._db.execute(
                "UPDATE units SET created_at = :created_at, changed_at = :changed_at, usage_count = :usage_count, "
                "approved = :approved, props = :props, notes = :notes WHERE id = :id",
                _merged(dict(zip(names, existing, strict=True)), row),
            )
            return existing[0], True
        if pending is None:
            return self._db.execute(_INSERT, row).lastrowid, False
        pending[key] = row
        return 0, False

    def _flush(self, pending: dict[tuple[str, str], dict[str, object]], indexed: int) -> int:
        """Insert the queued units and index every unit after id `indexed`; returns the last id indexed."""
        if pending:
            self._db.conn.executemany(_INSERT, list(pending.values()))
            pending.clear()
            for statement in _INDEX_ROWS_AFTER:
                self._db.execute(statement, [indexed])
        return self._db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]

    def record_use(self, *unit_ids: int) -> None:
        """Count that these units were used to fill segments (one transaction for a whole batch)."""
        with transaction(self._db) as db:
            db.conn.executemany("UPDATE units SET usage_count = usage_count + 1 WHERE id = ?", [(i,) for i in unit_ids])

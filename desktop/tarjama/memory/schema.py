"""The memory file's schema: its versions (v1-v8), the triggers that keep its indexes in sync, and the SQL
functions those triggers call.

Units keep their raw text; matching uses `tarjama.arabic.normalise_for_matching`, stored beside it (`norm_source`,
`norm_target`) so lookups never normalise a million rows. Two FTS5 indexes over the normalised text, kept in sync by
triggers defined here (so they fire whichever program changes the units):

* `units_features` — the words and word pairs of each normalised source (`tarjama.memory.scoring.match_features`),
  for fuzzy candidates (`tarjama.memory.fuzzy`). Word pairs matter: in a memory of one subject every word is in
  thousands of units, while a pair of neighbours still points to a few. Contentless and without positions, so it
  costs little space; its triggers call `match_features` through an SQL function that `register_functions` adds to
  a connection (another SQLite tool cannot change units by mistake: the trigger fails instead of corrupting the
  index). Beside it, `common_features` lists the features too common to be worth probing;
* `units_source_text`, `units_target_text` — trigrams of the normalised source and target, for concordance on
  parts of words (Arabic glues prefixes such as و، ب، ال to the word, so whole-word search would miss most hits).
  Searched with GLOB, which FTS5 answers from the trigram index and checks against the text. The units a large
  import added wait in `concordance_backlog` until they are indexed (`tarjama.memory.concordance_index`).

And `units_codes`, each approved unit's scoring words one character each (`scoring_codes`), from which a lookup
scores its candidates.

Exact matches and duplicates are found by `units.source_key`, a 64-bit hash of the normalised source, and then
compared in full: an index of 8-byte keys is a tenth the size of one of the text itself, so an import into
a large memory finds and updates it in pages it has in memory instead of touching most of the file.
"""

from __future__ import annotations

import hashlib

import sqlite_utils

from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.memory.scoring import distinct_match_features, match_features, scoring_codes
from tarjama.sqlite_file import FileKind

#: A feature in at most this many units is rare: a lookup reads its postings whole (a probe reads one more, to
#: tell), while the more common ones are listed in `common_features` so that a lookup need not probe them.
RARE_FEATURE_UNITS = 64
#: Exact matches and duplicates are found by the key of the normalised source. An import into an empty memory,
#: which finds its duplicates without it, builds it after the load (sorting once costs less than inserting row by
#: row).
SOURCE_KEY_INDEX = "CREATE INDEX units_source_key ON units (source_key)"
_FEATURE_FUNCTION = "tarjama_match_features"
_DISTINCT_FEATURES_FUNCTION = "tarjama_distinct_match_features"
_CODES_FUNCTION = "tarjama_scoring_codes"


def source_key(norm_source: str) -> int:
    """The key `units.source_key` stores for a normalised source: the first 8 bytes of its BLAKE2b hash, as a
    signed 64-bit integer (SQLite's). Stored, so it must never change; two sources may share one, so a match by key
    is always checked against the text."""
    digest = hashlib.blake2b(norm_source.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# A new unit's features that are now in more units than a probe reads join `common_features`, counted as in one
# more than that until the next refresh counts them (a few milliseconds: one probe of the features index per
# feature not yet listed). Run after the unit's features are indexed.
_COMMON_AFTER_INSERT = f"""
    INSERT OR IGNORE INTO common_features (feature, units)
        SELECT f.value, {RARE_FEATURE_UNITS + 1} FROM json_each(tarjama_distinct_match_features(new.norm_source)) AS f
        WHERE NOT EXISTS (SELECT 1 FROM common_features AS c WHERE c.feature = f.value)
            AND (SELECT count(*) FROM (SELECT 1 FROM units_features
                    WHERE units_features MATCH '"' || replace(f.value, '"', '""') || '"' LIMIT {RARE_FEATURE_UNITS + 1}))
                > {RARE_FEATURE_UNITS};
"""  # noqa: E501 - the trigger's text as every earlier version wrote it

# The concordance indexes of a unit the backlog holds (`tarjama.memory.concordance_index`) are left to the build
# that empties it: it indexes the unit's text as it is then, and the index has nothing of the unit to remove before.
_BACKLOG_TABLE = """
    CREATE TABLE IF NOT EXISTS concordance_backlog (first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL)
"""


def _indexed(unit: str) -> str:
    return (f"NOT EXISTS (SELECT 1 FROM concordance_backlog WHERE first_id <= {unit}.id "
            f"AND last_id >= {unit}.id)")


_CONCORDANCE_INSERT = f"""
            INSERT INTO units_source_text (rowid, norm_source) SELECT new.id, new.norm_source WHERE {_indexed("new")};
            INSERT INTO units_target_text (rowid, norm_target) SELECT new.id, new.norm_target WHERE {_indexed("new")};
"""
_CONCORDANCE_DELETE = f"""
            INSERT INTO units_source_text (units_source_text, rowid, norm_source)
                SELECT 'delete', old.id, old.norm_source WHERE {_indexed("old")};
            INSERT INTO units_target_text (units_target_text, rowid, norm_target)
                SELECT 'delete', old.id, old.norm_target WHERE {_indexed("old")};
"""

# Unqualified names in a trigger body resolve in the trigger's own schema, so these also keep the indexes in sync
# when a project writes `tm.units` through ATTACH. A bulk import drops them and indexes each chunk with
# `tarjama.memory.bulk_index.index_inserted` instead (five times faster than row by row), then creates them again
# from here: these are always the triggers of the current schema version.
INDEX_TRIGGERS = {
    "units_indexed_insert": f"""
        CREATE TRIGGER units_indexed_insert AFTER INSERT ON units BEGIN
            INSERT INTO units_features (rowid, features) VALUES (new.id, tarjama_match_features(new.norm_source));
            {_CONCORDANCE_INSERT}
            INSERT INTO units_codes (id, codes) SELECT new.id, tarjama_scoring_codes(new.norm_source)
                WHERE new.approved = 1;
            {_COMMON_AFTER_INSERT}
        END
    """,
    "units_indexed_delete": f"""
        CREATE TRIGGER units_indexed_delete AFTER DELETE ON units BEGIN
            INSERT INTO units_features (units_features, rowid, features)
                VALUES ('delete', old.id, tarjama_match_features(old.norm_source));
            {_CONCORDANCE_DELETE}
            DELETE FROM units_codes WHERE id = old.id;
        END
    """,
    "units_indexed_update": f"""
        CREATE TRIGGER units_indexed_update AFTER UPDATE OF norm_source, norm_target ON units BEGIN
            INSERT INTO units_features (units_features, rowid, features)
                VALUES ('delete', old.id, tarjama_match_features(old.norm_source));
            {_CONCORDANCE_DELETE}
            INSERT INTO units_features (rowid, features) VALUES (new.id, tarjama_match_features(new.norm_source));
            {_CONCORDANCE_INSERT}
            {_COMMON_AFTER_INSERT}
        END
    """,
}
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
    db.execute("CREATE INDEX units_norm_source ON units (norm_source)")  # v7 replaced it by `units_source_key`
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
    register_functions(db)
    db.execute("DROP TRIGGER IF EXISTS units_words_update")
    db.execute("DROP TABLE IF EXISTS units_words")
    db.execute("CREATE TABLE units_codes (id INTEGER PRIMARY KEY, codes TEXT NOT NULL)")
    db.execute(
        "INSERT INTO units_codes (id, codes) SELECT id, tarjama_scoring_codes(norm_source) FROM units "
        "WHERE approved = 1"
    )
    db.execute("CREATE TABLE common_features (feature TEXT PRIMARY KEY, units INTEGER NOT NULL) WITHOUT ROWID")
    refresh_common_features(db)
    create_triggers(db)


def _schema_v4(db: sqlite_utils.Database) -> None:
    """Inline tags: each unit's `TagTable` (`tarjama.inline_tags.table_to_json`), whose marks its source and target
    hold, so a TMX export writes them as `<bpt>`/`<ept>`/`<ph>`; NULL for a plain unit, so nothing is rewritten.
    The normalised columns and every index built from them stay mark-free, as `normalise_for_matching` drops marks."""
    db.execute("ALTER TABLE units ADD COLUMN tags TEXT")


def _schema_v5(db: sqlite_utils.Database) -> None:
    """The TM editor's log (`tarjama.memory.editing`): every edit of a unit's target, deletion and undo, with who
    and when (UTC). A deletion keeps the whole row (`unit`, JSON of every column) so that undoing it puts the same
    unit back under the same id; `project_uid`/`segment_id` say which project segment a unit stood for, so that
    bringing the memory in line with that project (`tarjama.memory.link`) leaves the editor's change alone. Nothing
    of an existing unit changes: an empty table is all a migration adds (kept if a file rebuilt by hand from a newer
    one already has it)."""
    db.execute(
        """
        CREATE TABLE IF NOT EXISTS unit_log (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            old_target TEXT,
            new_target TEXT,
            author TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            project_uid TEXT,
            segment_id INTEGER,
            unit TEXT
        )
        """
    )
    db.execute("CREATE INDEX IF NOT EXISTS unit_log_unit ON unit_log (unit_id)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS unit_log_project ON unit_log (project_uid, segment_id) "
        "WHERE project_uid IS NOT NULL"
    )


def _schema_v6(db: sqlite_utils.Database) -> None:
    """The features index tokenised by FTS5's `ascii` tokenizer, which splits on ASCII spaces and punctuation only,
    instead of `unicode61`, which looks up every character's Unicode category: a quarter less of an import's time
    (68 against 49 µs a unit). The tokens are the same (features are scoring words of normalised text, joined and
    tagged by private-use characters, split by spaces), so `common_features` stays as it is; the index is built
    again from the units (about a minute for a million)."""
    register_functions(db)
    db.execute("DROP TABLE units_features")
    db.execute(
        "CREATE VIRTUAL TABLE units_features USING fts5(features, content='', tokenize='ascii', detail='none')"
    )
    db.execute("INSERT INTO units_features (rowid, features) SELECT id, tarjama_match_features(norm_source) FROM units")
    db.execute("INSERT INTO units_features (units_features) VALUES ('optimize')")


def _schema_v7(db: sqlite_utils.Database) -> None:
    """Exact matches and duplicates found by `source_key` (the normalised source's hash) instead of an index of the
    normalised source itself: a tenth of that index's size, so a large memory's import finds and inserts its keys
    in pages already in memory, and its commit writes far fewer pages (100,000 units into a million: 11.5 against
    20.2 s). Migration computes every unit's key (42 s for a million units, the copy made before it included). The
    column may be there already in a file rebuilt by hand from a newer one; its keys are computed again all the
    same."""
    if "source_key" not in {column.name for column in db["units"].columns}:
        db.execute("ALTER TABLE units ADD COLUMN source_key INTEGER NOT NULL DEFAULT 0")
    db.conn.create_function("tarjama_source_key", 1, source_key, deterministic=True)
    db.execute("UPDATE units SET source_key = tarjama_source_key(norm_source)")
    db.execute("DROP INDEX IF EXISTS units_norm_source")
    db.execute(SOURCE_KEY_INDEX.replace("INDEX", "INDEX IF NOT EXISTS", 1))


def _schema_v8(db: sqlite_utils.Database) -> None:
    """The concordance backlog: a large import leaves the trigrams of the units it adds to be indexed after it
    (`tarjama.memory.concordance_index`), and the triggers leave a unit in the backlog to that build. Nothing of
    an existing unit changes: its trigrams are indexed already."""
    create_triggers(db)


def refresh_common_features(db: sqlite_utils.Database) -> None:
    """List again the features in more than `RARE_FEATURE_UNITS` units, and in how many, from the features
    index's counts.

    A unit's removal can leave a listed feature rarer than that: lookups then miss its few units as candidates
    (never a near duplicate, which the groups find) until the next refresh, which a bulk import makes.
    """
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.units_features_counts USING fts5vocab(main, units_features, row)"
    )
    db.execute("DELETE FROM common_features")
    db.execute(
        "INSERT INTO common_features (feature, units) "
        f"SELECT term, doc FROM temp.units_features_counts WHERE doc > {RARE_FEATURE_UNITS}"
    )


def create_triggers(db: sqlite_utils.Database) -> None:
    """The triggers of the current schema, replacing any an earlier version made, and the backlog table they
    read."""
    db.execute(_BACKLOG_TABLE)
    for name, trigger in [("units_codes_update", _CODES_TRIGGER), *INDEX_TRIGGERS.items()]:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute(trigger)


def register_functions(db: sqlite_utils.Database) -> None:
    """Add the SQL functions the triggers call to a connection: every connection that changes units needs them."""
    db.conn.create_function(_FEATURE_FUNCTION, 1, match_features, deterministic=True)
    db.conn.create_function(_DISTINCT_FEATURES_FUNCTION, 1, distinct_match_features, deterministic=True)
    db.conn.create_function(_CODES_FUNCTION, 1, scoring_codes, deterministic=True)


TM_FILE = FileKind(
    application_id=0x544A544D, description=QT_TRANSLATE_NOOP("Errors", "Tarjama translation memory"),
    migrations=[_schema_v1, _schema_v2, _schema_v3, _schema_v4, _schema_v5, _schema_v6, _schema_v7,
                _schema_v8],
)

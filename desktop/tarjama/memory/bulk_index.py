"""Indexing the units a bulk import has just inserted, in the import's own transaction.

Row by row, the memory's triggers keep its five index structures current (`tarjama.memory.schema`), calling back
into Python for each unit's features and codes, which both split the same source into its scoring words. An import
drops those triggers and calls `index_inserted` for each chunk instead: the scoring words are computed once per unit
and the features index and the codes are filled by one `executemany` of values already made, with no callback. The
concordance indexes are filled from the inserted units afterwards, by `tarjama.memory.concordance_index`.

While it loads, each FTS5 index is told not to merge its segments as it goes (`automerge` 0) and to gather far more
in memory before writing a segment (`hashsize`): the merges of a growing index are what made the cost per unit
grow with the memory's size, and one `optimize` at the end (by the caller) does the merging once. Both settings
are kept in the file, so `loading_fts` puts the defaults back before the import commits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from tarjama.arabic import scoring_words
from tarjama.memory.scoring import codes_of_words, features_of_words

FTS_TABLES = ("units_features", "units_source_text", "units_target_text")
#: Bytes of pending terms each FTS5 index holds before it writes a segment, while loading (the default is 1 MB).
#: Larger segments mean fewer to merge, but the buffers are most of the import's memory: 64 MB each saved about
#: 7 % of the CPU of a million-unit import and cost 250 MB more (317 against 570 MB at the peak, both processes).
_LOADING_HASH_BYTES = {"units_features": 16 << 20, "units_source_text": 8 << 20, "units_target_text": 8 << 20}
#: FTS5's defaults, put back after the load.
_DEFAULT_AUTOMERGE = 4
_DEFAULT_HASH_BYTES = dict.fromkeys(FTS_TABLES, 1 << 20)


def _configure(db: sqlite_utils.Database, automerge: int, hash_bytes: dict[str, int]) -> None:
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?)", [automerge])
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", [hash_bytes[table]])


@contextmanager
def loading_fts(db: sqlite_utils.Database) -> Iterator[None]:
    """The FTS5 indexes set for a bulk load for the block, their defaults back after it. On an exception the
    transaction is rolled back, the settings with it."""
    _configure(db, 0, _LOADING_HASH_BYTES)
    yield
    _configure(db, _DEFAULT_AUTOMERGE, _DEFAULT_HASH_BYTES)


def with_index_values(row: dict[str, Any]) -> dict[str, Any]:
    """A unit's row with what its indexes hold of it beyond its columns: its features and its codes, both from one
    split of its source into scoring words."""
    words = scoring_words(row["norm_source"])
    row["features"] = features_of_words(words)
    row["codes"] = codes_of_words(words)
    return row


def index_inserted(db: sqlite_utils.Database, rows: Sequence[dict[str, Any]], first_id: int) -> None:
    """Index the features and codes of `rows` (`with_index_values`), just inserted in this order with the ids from
    `first_id` on (an INTEGER PRIMARY KEY gives a row inserted without an id the largest id plus one)."""
    ids = range(first_id, first_id + len(rows))
    conn = db.conn
    conn.executemany("INSERT INTO units_features (rowid, features) VALUES (?, ?)",
                     zip(ids, (row["features"] for row in rows), strict=True))
    conn.executemany("INSERT INTO units_codes (id, codes) VALUES (?, ?)",
                     ((unit_id, row["codes"]) for unit_id, row in zip(ids, rows, strict=True) if row["approved"]))

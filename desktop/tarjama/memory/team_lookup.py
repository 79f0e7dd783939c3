"""The team memory's fuzzy candidates: the memory file's feature search (`tarjama.memory.fuzzy.FeatureSearch`)
over postings that the server holds.

The search itself, its bounds and its scores are the file's, so a lookup finds the same matches in either store;
what this module supplies is where the postings live. Each unit's distinct feature tokens
(`tarjama.memory.scoring.match_features`) are kept as 64-bit hashes (`feature_hash`) in its `features` column
and, one row per (feature, unit), in `tarjama_features`, a btree on (feature, unit id): reading a rare feature's
postings, or the first few of a common one, is a short index range. `tarjama_common_features` lists the features
in more than `RARE_FEATURE_UNITS` units, as the file's `common_features` does, so a lookup never reads their long
postings (`bench/team_tm.py` measured a GIN-indexed array of the tokens ranked by shared features at 0.7 s a
lookup in 100,000 units: every unit sharing one common feature was read). The near-duplicate search's groups of
common features, which must be intersected, are read from a GIN index on `features` (`features @>`, which
skips through long posting lists as FTS5's AND does) or from their rarest feature's postings (`_DRIVEN_SQL`).
Scores come from each unit's `codes` (`scoring_codes`) first, then its normalised source, as the file's
`units_codes` and `units`.

A hash collision (about one in 10^19 per pair of tokens) can only add a candidate, which is scored like any other.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence

import psycopg

from tarjama.memory.fuzzy import FeatureSearch
from tarjama.memory.schema import RARE_FEATURE_UNITS

_RARE = int(RARE_FEATURE_UNITS)
# For each feature (its tokens in every band, numbered by `ord`): how many units have one of its tokens, reading
# no more than one past the rare limit per token, and those units. A feature is rare when the count is at most
# the limit, and then every one of its units was read. One statement for all the query's features.
_PROBE_SQL = f"""
SELECT q.ord, count(p.unit_id), array_agg(p.unit_id ORDER BY p.unit_id) FILTER (WHERE p.unit_id IS NOT NULL)
FROM unnest(%(hashes)s::int8[], %(ords)s::int4[]) AS q(feature, ord)
LEFT JOIN LATERAL (
    SELECT f.unit_id FROM tarjama_features AS f WHERE f.feature = q.feature LIMIT {_RARE + 1}
) AS p ON true
GROUP BY q.ord
"""
# The common features among some, and one more than the largest unit id (feature NULL), in one statement: every
# lookup asks for both first.
_COMMON_SQL = """
SELECT feature, units FROM tarjama_common_features WHERE feature = ANY(%s::int8[])
UNION ALL SELECT NULL, coalesce(max(id), 0) + 1 FROM tarjama_units
"""
# Units having every token of some group, two ways. Driven: each group's postings read from its rarest token
# (`drivers`, numbered from 1 by ordinality), each of those units then looked up under the group's other tokens
# (row `grp` of the rectangular `others`, rarest first, padded with NULL), stopping at the first it lacks:
# about 2 µs a unit read. Contained: the GIN index on `features` (schema version 3) intersects the tokens'
# compressed posting lists, skipping through the longer ones, in a few milliseconds whatever their length; but it
# reads a rare token's postings no faster, and all of a lone common token's. In a million units a query of common
# pairs took 0.3 s by counting every token's postings per unit, 40 ms driven, 5 ms contained; over 100 queries
# (`bench/team_tm.py`'s) the p95 lookup was 104 ms before, 8-10 ms with groups whose rarest token is listed in
# more than `_DRIVEN_UNITS` units contained (20 ms at 2,000, 10 ms at 500: below that, the same).
# Each group reads at most `limit` units: its units are distinct, so one group with that many is enough to know
# that all have more, and a group with fewer was read whole. Without that bound, the slowest query of those 100
# read all 5,114 units of twelve lone common tokens (29 ms) to return its first 201.
_DRIVEN_SQL = """
SELECT h.unit_id FROM unnest(%(drivers)s::int8[]) WITH ORDINALITY AS q(feature, grp)
CROSS JOIN LATERAL (
    SELECT d.unit_id FROM tarjama_features AS d
    WHERE d.feature = q.feature AND NOT EXISTS (
        SELECT FROM unnest((%(others)s::int8[])[q.grp:q.grp]) AS o(feature)
        WHERE o.feature IS NOT NULL
            AND NOT EXISTS (SELECT FROM tarjama_features AS g WHERE g.feature = o.feature AND g.unit_id = d.unit_id)
    )
    LIMIT %(limit)s
) AS h
"""
_CONTAINED_SQL = "(SELECT id FROM tarjama_units WHERE features @> %({})s::int8[] LIMIT %(limit)s)"
_HELD_SQL = "SELECT DISTINCT unit_id FROM ({}) AS held(unit_id) LIMIT %(limit)s"
#: A group whose rarest token is listed in more units than this is looked up contained, the others driven.
_DRIVEN_UNITS = 300


@functools.lru_cache(maxsize=1 << 18)
def feature_hash(token: str) -> int:
    """A feature token as the server keeps it: the signed 64-bit start of its BLAKE2b digest, the same in every
    process and version (changing it needs the server's postings rebuilt). Remembered: an import hashes the same
    common words and pairs again and again."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "big", signed=True)


def int_array(values: Iterable[int]) -> str:
    """Integers as a PostgreSQL array literal, to be cast (`%s::int8[]`): psycopg adapts a list element by element
    in Python, which took 0.55 ms for the 250 hashes of one lookup's features, against 0.01 ms to join them; a
    lookup sends several such lists, and an import's COPY one per unit."""
    return "{" + ",".join(map(str, values)) + "}"


def int_rows(rows: Iterable[list[int | None]]) -> str:
    """Equal rows of integers, None for NULL, as a two-dimensional array literal (see `int_array`)."""
    return "{" + ",".join("{" + ",".join("NULL" if value is None else str(value) for value in row) + "}"
                          for row in rows) + "}"


def feature_hashes(tokens: Iterable[str]) -> list[int]:
    """The distinct hashes of a unit's feature tokens, as its `features` column and postings hold them."""
    return list(dict.fromkeys(map(feature_hash, tokens)))


class TeamFeatureSearch(FeatureSearch):
    """The feature search on one connection to the team memory, each statement in a transaction of its own (see
    `TeamMemory.lookup`). Remembers nothing between lookups: the common features are looked up per query, by
    primary key, since another translator's import may list more at any time."""

    def __init__(self, conn: psycopg.Connection, *, features_index: bool) -> None:
        self._conn = conn
        self._features_index = features_index  # the server's schema has it (version 3 on)
        self._ids_below: int | None = None  # read with the common features
        self._listed_units: dict[int, int] = {}  # units of each hashed token listed common, as last read

    def _rows(self, sql: str, values: Sequence[object] | Mapping[str, object]) -> psycopg.Cursor:
        """A statement's rows in PostgreSQL's binary format: the postings' arrays of ids load in half the CPU of
        their text (0.14 against 0.30 ms for 30 arrays of 65), and the ids and counts cost no parsing."""
        return self._conn.execute(sql, values, binary=True)

    def _listed_common(self, features: list[str], bands: list[str]) -> dict[str, int]:
        hashed = {feature_hash(feature + band): feature for feature in features for band in bands}
        listed: dict[str, int] = {}
        self._listed_units = {}
        for feature_id, units in self._rows(_COMMON_SQL, [int_array(hashed)]):
            if feature_id is None:
                self._ids_below = int(units)
            else:
                self._listed_units[feature_id] = units
                feature = hashed[feature_id]
                listed[feature] = listed.get(feature, 0) + units
        return {feature: listed[feature] for feature in features if feature in listed}

    def _probe_rare(self, token_lists: list[list[str]]) -> list[list[int] | None]:
        if not token_lists:
            return []
        hashes = [feature_hash(token) for tokens in token_lists for token in tokens]
        ords = [number for number, tokens in enumerate(token_lists) for _ in tokens]
        values = {"hashes": int_array(hashes), "ords": int_array(ords)}
        found: dict[int, tuple[int, list[int]]] = {
            number: (count, ids or []) for number, count, ids in self._rows(_PROBE_SQL, values)
        }
        return [
            None if count > _RARE else ids
            for count, ids in (found.get(number, (0, [])) for number in range(len(token_lists)))
        ]

    def _holding_whole_groups(self, groups: list[tuple[str, ...]], bands: list[str], limit: int) -> Iterable[int]:
        """Each group in each band read driven or contained (see `_DRIVEN_SQL`) by how many units
        `common_features` listed for its tokens: a token it does not list has at most `RARE_FEATURE_UNITS`, or
        has become common since; either way the units found are the same, only the time differs."""
        def units(token: int) -> int:
            return self._listed_units.get(token, 0)

        driven: list[list[int]] = []
        contained: list[list[int]] = []
        for band in bands:
            for group in groups:
                tokens = sorted({feature_hash(feature + band) for feature in group}, key=units)
                common = self._features_index and len(tokens) > 1 and units(tokens[0]) > _DRIVEN_UNITS
                (contained if common else driven).append(tokens)
        parts: list[str] = []
        values: dict[str, object] = {"limit": limit}
        if driven:
            width = max(1, max(map(len, driven)) - 1)
            parts.append(_DRIVEN_SQL)
            values["drivers"] = int_array(driver for driver, *_ in driven)
            values["others"] = int_rows(rest + [None] * (width - len(rest)) for _, *rest in driven)
        for number, tokens in enumerate(contained):
            parts.append(_CONTAINED_SQL.format(f"c{number}"))
            values[f"c{number}"] = int_array(tokens)
        rows = self._rows(_HELD_SQL.format(" UNION ALL ".join(parts)), values)
        return [unit_id for (unit_id,) in rows]

    def _id_bound(self) -> int:
        if self._ids_below is None:
            row = self._conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tarjama_units").fetchone()
            self._ids_below = int(row[0]) if row else 1
        return self._ids_below

    def _codes(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        return self._rows("SELECT id, codes FROM tarjama_units WHERE approved AND id = ANY(%s::int8[])",
                          [int_array(ids)])

    def _norm_sources(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        return self._rows("SELECT id, norm_source FROM tarjama_units WHERE id = ANY(%s::int8[])", [int_array(ids)])

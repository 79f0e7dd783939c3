"""The fuzzy candidate search: which units a lookup scores, so that it finds the best match without scoring a
million.

A lookup reads the postings of the query's rare word pairs in the features index (`units_features`, see
`tarjama.memory.schema`) and scores the units sharing most of them, then, while a bound on the units it left out
allows a better one, searches for near duplicates through groups of pairs (`FuzzySearch.scores`). Word pairs
matter: in a memory of one subject every word is in thousands of units, while a pair of neighbours still points to
a few. The scores are `tarjama.memory.scoring.score`'s, from `units_codes` first.
"""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from tarjama.arabic import scoring_words
from tarjama.memory import schema
from tarjama.memory.scoring import BAND_MARK, length_band, score, scoring_codes, similarity_percent, word_features

# Units sharing the most rare word pairs with a query that a fuzzy lookup scores.
FUZZY_CANDIDATES = 100
# Candidates scored first: enough when the bound on the rest shows none of them can do better.
_FIRST_CANDIDATES = 20
# Pairs probed by one SQL statement (far below SQLite's limits on columns and parameters).
_PROBE_BATCH = 100
# The most word edits within which a lookup searches for near duplicates it has not found through rare pairs.
_NEAR_EDITS = 3
# A near-duplicate search returning more units than this stops: its groups of pairs are too common to bound much.
_NEAR_CAP = 200
# The most groups of words a near-duplicate search of a query with few word pairs ORs together.
_WORD_GROUPS = 20
# The longest source a lookup with threshold 0 reads the bands of (longer ones only match at some threshold).
_LONGEST = 10_000


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


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


class FeatureSearch(ABC):
    """The fuzzy search through a memory's features, whatever store holds their postings: the file
    (`FuzzySearch`) or the team memory's server (`tarjama.memory.team_lookup`). A store supplies the postings,
    the common features and the units' codes and sources (the abstract methods); the search, its bounds and the
    scores are the same for both, so both find the same matches."""

    def scores(self, query: str, threshold: int) -> dict[int, int]:
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
            return [f"{BAND_MARK}{band}" for band in range(length_band(low), length_band(high) + 1)]

        wide = bands(shortest, longest)
        # Pairs, or the word when there is none: a rare word makes rare pairs, and pairs tell units apart better.
        pairs, per_edit = (list(dict.fromkeys(word_features(words)[n:])), 2) if n > 1 else (words, 1)
        # A pair listed as common in any band a match can be in is common in all of them together; the others are
        # probed in every such band.
        counted = self._listed_common(pairs, wide)
        probed: dict[str, list[int] | None] = dict.fromkeys(counted)
        maybe_rare = [pair for pair in pairs if pair not in probed]
        probed.update(zip(maybe_rare, self._probe_rare([[pair + band for band in wide] for pair in maybe_rare]),
                          strict=True))
        for pair in maybe_rare:
            ids = probed[pair]
            counted[pair] = schema.RARE_FEATURE_UNITS + 1 if ids is None else len(ids)
        rare = [pair for pair in pairs if counted[pair] <= schema.RARE_FEATURE_UNITS]
        total = self._id_bound()
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
            held.update(self._holding_whole_groups(searched, near, _NEAR_CAP + 1))
        return sorted(held) if len(held) <= _NEAR_CAP else None

    def _score_units(self, scoring: _Scoring, ids: list[int]) -> dict[int, int]:
        """`score` of each approved unit among `ids` that reaches the threshold, and 0 for the others (whose scores
        decide nothing: a lookup compares scores only with each other when one reaches the threshold).

        Scored from the units' codes first: a score from codes is never below the true one, so a unit below the
        threshold by it is below by its words too, and only the few others are scored from their text.
        """
        if not ids:
            return {}
        query_codes, threshold = scoring.codes, scoring.threshold
        scores: dict[int, int] = {}
        close: list[int] = []
        for unit_id, codes in self._codes(ids):
            if codes and similarity_percent(Levenshtein.normalized_similarity(query_codes, codes)) >= threshold:
                close.append(unit_id)
            else:
                scores[unit_id] = 0
        if close:
            for unit_id, norm in self._norm_sources(close):
                scores[unit_id] = score(scoring.query, norm)
        return scores

    @abstractmethod
    def _listed_common(self, features: list[str], bands: list[str]) -> dict[str, int]:
        """The features `common_features` lists in any of `bands` (in more units than a probe reads), each with
        the units it is listed in over those bands."""

    @abstractmethod
    def _probe_rare(self, token_lists: list[list[str]]) -> list[list[int] | None]:
        """For each list of feature tokens (a feature in each band), the units (by id, ascending) that have one
        of them if there are at most `RARE_FEATURE_UNITS`, else None."""

    @abstractmethod
    def _holding_whole_groups(self, groups: list[tuple[str, ...]], bands: list[str], limit: int) -> Iterable[int]:
        """Up to `limit` units that have every feature of some group tagged with some one of `bands`."""

    @abstractmethod
    def _id_bound(self) -> int:
        """One more than the largest unit id (the units a feature's rarity is counted against)."""

    @abstractmethod
    def _codes(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        """(id, `scoring_codes`) of each approved unit among `ids`."""

    @abstractmethod
    def _norm_sources(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        """(id, normalised source) of each unit among `ids`."""


class FuzzySearch(FeatureSearch):
    """The fuzzy search of one connection to a memory file, with what it remembers between lookups:
    `common_features` as last read, and the file's data_version then (another connection's approvals change it).
    Reading the table once costs less than looking up each query's features in it; the memory's own changes, which
    data_version does not count, call `forget_common`.

    Runs inside the caller's read transaction (`TranslationMemory.lookup`), so all its statements see one state of
    the file.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._common: dict[str, int] | None = None
        self._common_version = -1

    def forget_common(self) -> None:
        """Read `common_features` again at the next lookup: this connection changed units, and its triggers may
        have listed more."""
        self._common = None

    def _id_bound(self) -> int:
        return int(self._conn.execute("SELECT max(id) FROM units").fetchone()[0] or 0) + 1

    def _probe_rare(self, token_lists: list[list[str]]) -> list[list[int] | None]:
        return self._rare_postings([" OR ".join(map(_quoted, tokens)) for tokens in token_lists])

    def _holding_whole_groups(self, groups: list[tuple[str, ...]], bands: list[str], limit: int) -> Iterable[int]:
        expression = " OR ".join(
            "(" + " AND ".join(_quoted(feature + band) for feature in group) + ")" for band in bands for group in groups
        )
        return self._postings(expression, limit)

    def _listed_common(self, features: list[str], bands: list[str]) -> dict[str, int]:
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
        `RARE_FEATURE_UNITS`, else None.

        A query's pairs that `common_features` does not list are probed this way (it may have missed some that
        became common, or still list one that no longer is): reading no more than `RARE_FEATURE_UNITS` + 1 of them
        costs no more than counting as many, tells the rare ones, and leaves their units read. One statement for
        all of them (`_PROBE_BATCH` at a time), since a statement per pair would cost a third more.
        """
        found: list[list[int] | None] = []
        rare = int(schema.RARE_FEATURE_UNITS)
        probe = (
            f"(SELECT CASE WHEN count(*) <= {rare} THEN json_group_array(rowid) END FROM "
            f"(SELECT rowid FROM units_features WHERE units_features MATCH ? LIMIT {rare + 1}))"
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

    def _codes(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        """From `units_codes`. The ids are written into the statement (they are integers): a list of constants
        costs less per unit than one passed as JSON and unpacked with json_each (9 against 10 µs in a million
        units, 12 against 18 cold)."""
        listed = ",".join(str(int(unit_id)) for unit_id in ids)
        return self._conn.execute(f"SELECT id, codes FROM units_codes WHERE id IN ({listed})")

    def _norm_sources(self, ids: list[int]) -> Iterable[tuple[int, str]]:
        listed = ",".join(str(int(unit_id)) for unit_id in ids)
        return self._conn.execute(f"SELECT id, norm_source FROM units WHERE id IN ({listed})")

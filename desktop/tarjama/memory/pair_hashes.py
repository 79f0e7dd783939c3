"""The hashes of the normalised pairs an import into an empty memory has written, each with its unit's id.

An import into an empty memory finds a unit's stored duplicate by the hash of its normalised pair, not by a query
(`store._Load`). A dict of a million Python ints took 115 MB, a third of a million-unit import's memory; here each
pair costs 16 bytes, in a few sorted numpy runs: a chunk's hashes are added as one run, and runs of like size are
merged (as a binary counter carries), so there are never more than about log2(chunks) runs to search and each hash
is copied about as often. A chunk's hashes are searched in all runs at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def pair_hash(key: tuple[str, str]) -> int:
    """A normalised pair's hash (Python's own: this process only, never stored)."""
    return hash(key)


class PairHashes:
    """Hashes of pairs with the id each was first written under."""

    def __init__(self) -> None:
        #: (hashes sorted, their ids), oldest run first: a later run holds later ids, and is never larger.
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, keys: Iterable[tuple[str, str]], first_id: int) -> None:
        """Remember `keys`, written in this order under the ids from `first_id` on."""
        hashes = np.fromiter(map(pair_hash, keys), dtype=np.int64)
        ids = np.arange(first_id, first_id + len(hashes), dtype=np.int64)
        while self._runs and len(self._runs[-1][0]) <= len(hashes):
            older_hashes, older_ids = self._runs.pop()
            hashes = np.concatenate((older_hashes, hashes))
            ids = np.concatenate((older_ids, ids))
        # Stable: under a hash two pairs share, the first written stays first and is found.
        order = np.argsort(hashes, kind="stable")
        self._runs.append((hashes[order], ids[order]))

    def first_ids(self, keys: Sequence[tuple[str, str]]) -> list[int | None]:
        """For each key, the id of the first pair written under its hash (to be checked: two pairs may share a
        hash), or None when no pair written has it."""
        hashes = np.fromiter(map(pair_hash, keys), dtype=np.int64, count=len(keys))
        found = np.zeros(len(keys), dtype=np.int64)  # ids start at 1: 0 is none
        for run_hashes, run_ids in self._runs:
            at = np.searchsorted(run_hashes, hashes)
            inside = at < len(run_hashes)
            hit = np.zeros(len(keys), dtype=bool)
            hit[inside] = run_hashes[at[inside]] == hashes[inside]
            first = hit & (found == 0)  # an older run's id is the earlier
            found[first] = run_ids[at[first]]
        return [int(unit_id) or None for unit_id in found]

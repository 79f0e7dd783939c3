"""`PairHashes`: the hashes an import into an empty memory finds its duplicates by, 16 bytes a pair."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from tarjama.memory import pair_hashes
from tarjama.memory.pair_hashes import PairHashes

_pairs = st.tuples(st.sampled_from(["سلام", "حرب", "هدنة", "خبر"]), st.sampled_from(["peace", "war", "truce"]))


@given(st.lists(st.lists(_pairs, max_size=12), max_size=40), st.lists(_pairs, min_size=1, max_size=12))
def test_each_key_is_found_under_the_first_id_its_hash_was_written_with(chunks: list[list[tuple[str, str]]],
                                                                      asked: list[tuple[str, str]]) -> None:
    hashes = PairHashes()
    first: dict[int, int] = {}
    next_id = 1
    for chunk in chunks:
        hashes.add(chunk, next_id)
        for offset, key in enumerate(chunk):
            first.setdefault(hash(key), next_id + offset)
        next_id += len(chunk)
    assert hashes.first_ids(asked) == [first.get(hash(key)) for key in asked]


def test_pairs_sharing_a_hash_are_found_under_the_first_written(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pair_hashes, "pair_hash", lambda key: 7)
    hashes = PairHashes()
    for start in range(1, 40, 3):
        hashes.add([("a", str(start)), ("b", str(start)), ("c", str(start))], start)
    assert hashes.first_ids([("z", "z"), ("a", "1")]) == [1, 1]


def test_a_million_pairs_take_16_bytes_each_in_a_few_runs() -> None:
    """A dict of Python ints took 115 MB for a million pairs; the runs are merged as chunks come, so a lookup
    searches few of them."""
    hashes = PairHashes()
    chunks = 500
    for chunk in range(chunks):
        hashes.add([(str(chunk), str(n)) for n in range(2000)], 1 + chunk * 2000)
    runs = hashes._runs
    assert sum(h.nbytes + i.nbytes for h, i in runs) == 16 * chunks * 2000
    assert len(runs) <= math.log2(chunks) + 1
    assert hashes.first_ids([("499", "1999"), ("0", "0"), ("x", "y")]) == [chunks * 2000, 1, None]

"""The matching rules, shared by the memory and the benchmark (`bench/tm_scale.py` scans with exactly `score`).

Three things a memory derives from a normalised source, each kept here once:

* `score`: how well a unit matches a query, in percent (the one definition of a match score);
* `scoring_codes`: the source's scoring words as one character each, which `units_codes` holds, so that a lookup
  compares candidates as short strings (never scoring below `score`);
* `match_features`: the tokens of the features index (each word and each pair of neighbours, tagged with the band
  of the source's length), through which a lookup finds its candidates (`tarjama.memory.fuzzy`).

Changing `scoring_codes` or `match_features` changes what a memory file holds: it needs a schema migration that
rebuilds the table or index made from it (`tarjama.memory.schema`).
"""

from __future__ import annotations

import functools
import json
import math
import zlib

from rapidfuzz.distance import Levenshtein

from tarjama.arabic import scoring_words

# Characters that stand for words in `units_codes`: from U+0100 (above the controls) up, skipping the surrogates.
_CODE_FIRST, _SURROGATES = 0x100, range(0xD800, 0xE000)
_CODE_COUNT = 0x110000 - _CODE_FIRST - len(_SURROGATES)
#: Joins the two words of a pair into one feature token (a private-use character is a token character to FTS5).
PAIR_JOINER = "\ue000"
#: Tags a feature with the length band of its source (`length_band`).
BAND_MARK = "\ue001"
_BAND_RATIO = math.log(1.2)


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
    return similarity_percent(Levenshtein.normalized_similarity(query_words, candidate_words))


def similarity_percent(similarity: float) -> int:
    """A similarity between 0 and 1 as the score of a source that is not identical: rounded down, at most 99."""
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
    return codes_of_words(scoring_words(norm_source))


def codes_of_words(words: list[str]) -> str:
    """`scoring_codes` of a source whose scoring words are known already (a bulk import computes them once)."""
    return "".join([_word_code(word) for word in words])


def word_features(words: list[str]) -> list[str]:
    """The features of a list of scoring words, untagged: the words, then each pair of neighbours."""
    return [*words, *(a + PAIR_JOINER + b for a, b in zip(words, words[1:], strict=False))]


def length_band(length: int) -> int:
    """Lengths in words grouped so that each band spans about a fifth more than the last."""
    return int(math.log(length) / _BAND_RATIO) if length > 0 else 0


def match_features(norm_source: str) -> str:
    """The tokens the features index holds for a normalised source: each scoring word and each pair of
    neighbours, tagged with the band of the source's length (a score bounds the length of a match, so a lookup
    reads only the bands a match can be in).

    The index is contentless, so removing a unit re-computes these: changing this function needs a schema
    migration that rebuilds `units_features`.
    """
    return features_of_words(scoring_words(norm_source))


def features_of_words(words: list[str]) -> str:
    """`match_features` of a source whose scoring words are known already.

    Built by joining, with the band and a space as the separator, rather than one string per feature: an import
    makes this for every unit, and the joins cost half as much (5.6 against 11.0 µs for a news sentence)."""
    if not words:
        return ""
    band = f"{BAND_MARK}{length_band(len(words))}"
    separator = band + " "
    text = separator.join(words)
    if len(words) > 1:
        text += separator + separator.join(map(PAIR_JOINER.join, zip(words, words[1:], strict=False)))
    return text + band


def distinct_match_features(norm_source: str) -> str:
    """`match_features` without repeats, as a JSON array for SQL's json_each (a feature holds no space)."""
    return json.dumps(list(dict.fromkeys(match_features(norm_source).split())), ensure_ascii=False)

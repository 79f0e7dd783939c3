"""The fuzzy lookup's shortcuts are sound: its scoring from codes never falls below `score`, its score ceiling
bounds every unit, its near-duplicate groups catch every unit within the edits, and so lookup finds the best unit
it promises to.

These test the private helpers of `tarjama.memory.fuzzy` and `tarjama.memory.scoring` directly, because a wrong
bound shows in a lookup only when a memory happens to hold the one unit it wrongly leaves out.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from tarjama.arabic import normalise_for_matching, scoring_words
from tarjama.domain import TmUnit
from tarjama.memory import fuzzy, schema, scoring
from tarjama.memory.scoring import score
from tarjama.memory.store import TranslationMemory

# A small vocabulary, so word lists share words and pairs as a memory of one subject does; digits and
# punctuation exercise the scoring words' rules.
VOCABULARY = ["قال", "الوزير", "إن", "المحادثات", "في", "جنيف", "مستمرة", "وقف", "إطلاق", "النار", "12", "2016", "،"]
sentences = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=14).map(" ".join)
word_lists = st.lists(st.sampled_from(VOCABULARY[:10]), min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(sentences, sentences, st.booleans())
def test_a_score_from_codes_is_the_score_or_above_it(query: str, candidate: str, collide: bool) -> None:
    """Exactly the score while distinct words have distinct codes; never below it when some share one (here all
    words of the second half of the vocabulary, as if their CRCs had met)."""
    query_norm, candidate_norm = normalise_for_matching(query), normalise_for_matching(candidate)
    if not scoring_words(query_norm) or not scoring_words(candidate_norm) or query_norm == candidate_norm:
        return  # no words: never a fuzzy match; identical sources: exact matches, found without scoring
    shared = scoring._word_code(VOCABULARY[6])

    def code(word: str) -> str:
        return shared if collide and word in {normalise_for_matching(w) for w in VOCABULARY[6:]} else original(word)

    original = scoring._word_code
    try:
        scoring._word_code = code
        codes = scoring.scoring_codes(query_norm), scoring.scoring_codes(candidate_norm)
    finally:
        scoring._word_code = original
    coded = scoring.similarity_percent(Levenshtein.normalized_similarity(*codes))
    true = score(query_norm, candidate_norm)
    assert coded >= true
    if not collide:
        assert coded == true


@settings(max_examples=400, deadline=None)
@given(word_lists, word_lists)
def test_the_ceiling_bounds_the_score_of_a_unit_so_many_edits_away(query: list[str], candidate: list[str]) -> None:
    edits = Levenshtein.distance(query, candidate)
    assert score(" ".join(query), " ".join(candidate)) <= fuzzy._ceiling(len(query), edits)


def _distinct_features(words: list[str]) -> tuple[list[str], int]:
    """The features a lookup groups: distinct pairs (2 per edit), or the word of a one-word query (1 per edit)."""
    if len(words) > 1:
        return list(dict.fromkeys(scoring.word_features(words)[len(words) :])), 2
    return words, 1


@settings(max_examples=400, deadline=None)
@given(word_lists, st.data())
def test_every_unit_within_the_edits_has_a_whole_group(query: list[str], data: st.DataObject) -> None:
    candidate = list(query)
    for _ in range(data.draw(st.integers(0, 3))):  # up to three random edits
        position = data.draw(st.integers(0, len(candidate)))
        kind = data.draw(st.sampled_from(["insert", "delete", "substitute"]))
        word = data.draw(st.sampled_from(VOCABULARY[:10]))
        if kind == "insert":
            candidate.insert(position, word)
        elif position < len(candidate):
            if kind == "delete":
                del candidate[position]
            else:
                candidate[position] = word
    edits = Levenshtein.distance(query, candidate)
    features, per_edit = _distinct_features(query)
    counted = dict.fromkeys(features, 1)
    held = set(scoring.word_features(candidate))
    for groups in fuzzy._near_groupings(features, list(dict.fromkeys(query)), edits, per_edit, counted):
        assert any(set(group) <= held for group in groups), (query, candidate, groups)


def _unit(words: list[str]) -> TmUnit:
    source = " ".join(words) + "."
    return TmUnit(source=source, target=f"T {source}")


def test_a_near_duplicate_sharing_no_rare_pair_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair of the query is common (in more units than the probe counts), and its one-word variant has no
    rare pair in common with it: only the near-duplicate search can find it."""
    monkeypatch.setattr(schema, "RARE_FEATURE_UNITS", 2)
    query = ["قال", "الوزير", "إن", "المحادثات", "في", "جنيف", "مستمرة", "اليوم"]
    fillers = ["بعيد", "اخر", "ثالث", "رابع", "خامس", "سادس"]
    units = []
    for start in range(len(query) - 1):  # three units holding each pair of the query, otherwise unlike it
        for copy in range(3):
            units.append(_unit([query[start], query[start + 1], *fillers, f"رقم{copy}{start}"]))
    variant = [*query[:3], "الجولة", *query[4:]]  # one word changed: two pairs of the query gone
    units.append(_unit(variant))
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.import_units(units)
        [match] = memory.lookup(" ".join(query) + ".")
    assert match.unit.source == _unit(variant).source
    assert match.score == score(normalise_for_matching(" ".join(query)), normalise_for_matching(_unit(variant).source))


def test_lookup_finds_the_best_unit_within_the_near_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Against a brute-force scan of a memory built from few words (so pairs are common and ranking is hard), with
    few candidates scored: whenever the best unit is within `_NEAR_EDITS` edits, lookup's top match has its score,
    and every score lookup gives is `score`'s."""
    monkeypatch.setattr(schema, "RARE_FEATURE_UNITS", 30)  # many rare pairs, each in many units
    monkeypatch.setattr(fuzzy, "FUZZY_CANDIDATES", 2)  # of which few are scored
    monkeypatch.setattr(fuzzy, "_NEAR_CAP", 10_000)
    rng = random.Random(4)
    vocabulary = VOCABULARY[:10] + ["اليوم", "امس", "غدا", "الجولة", "الثانية"]
    stored = {tuple(rng.choices(vocabulary, k=rng.randint(8, 12))) for _ in range(400)}
    stored_units = [_unit(list(words)) for words in sorted(stored)]
    norms = [normalise_for_matching(unit.source) for unit in stored_units]
    with TranslationMemory.create(tmp_path / "m.tarjama-tm") as memory:
        memory.import_units(stored_units)
        checked = 0
        for _ in range(150):
            words = list(rng.choice(sorted(stored)))
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            query = normalise_for_matching(" ".join(words) + ".")
            scores = [score(query, norm) for norm in norms]
            best = max(scores)
            matches = memory.lookup(query)
            for match in matches:
                assert match.score == score(query, normalise_for_matching(match.unit.source))
            nearest = min(Levenshtein.distance(scoring_words(query), scoring_words(norm)) for norm in norms)
            if best >= 70 and nearest <= fuzzy._NEAR_EDITS:
                assert matches and matches[0].score == best, (query, best, matches[:1])
                checked += 1
    assert checked > 50


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_the_features_index_holds_each_word_and_pair_tagged_with_the_length_band(sentence: str) -> None:
    """The tokens a memory file's features index holds for a source, spelled out: an existing file's index was
    built from them and deletes by them (it is contentless), so a faster way of making them must give the same
    string, and the lookups' `word_features` must name the same tokens."""
    norm = normalise_for_matching(sentence)
    words = scoring_words(norm)
    band = scoring.BAND_MARK + str(scoring.length_band(len(words)))
    expected = " ".join(feature + band for feature in scoring.word_features(words))
    assert scoring.match_features(norm) == expected
    assert scoring.distinct_match_features(norm) == json.dumps(list(dict.fromkeys(expected.split())),
                                                               ensure_ascii=False)

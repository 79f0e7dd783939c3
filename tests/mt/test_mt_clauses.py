"""Splitting over-long segments: natural boundaries first, nothing lost, every piece fits."""

from __future__ import annotations

from tarjama.mt.clauses import split_to_fit


def _fits(limit: int):
    return lambda text: len(text.split()) <= limit


def test_short_text_is_kept_whole() -> None:
    assert split_to_fit("  one   two ", _fits(5)) == ["one two"]
    assert split_to_fit("   ", _fits(5)) == []


def test_sentence_boundaries_come_before_clause_boundaries() -> None:
    text = "a b, c d. e f, g h. i j"
    pieces = split_to_fit(text, _fits(4))
    assert pieces == ["a b, c d.", "e f, g h.", "i j"]


def test_arabic_clause_marks_and_packing() -> None:
    text = "واحد اثنان ، ثلاثة أربعة ، خمسة ستة ؛ سبعة ثمانية"
    pieces = split_to_fit(text, _fits(6))
    assert " ".join(pieces) == text
    assert pieces == ["واحد اثنان ، ثلاثة أربعة ،", "خمسة ستة ؛ سبعة ثمانية"]


def test_words_then_characters_as_last_resort() -> None:
    words = " ".join(f"w{i}" for i in range(10))
    pieces = split_to_fit(words, _fits(3))
    assert all(len(p.split()) <= 3 for p in pieces) and " ".join(pieces) == words

    def fits_chars(text: str) -> bool:
        return len(text) <= 4

    assert split_to_fit("abcdefghij", fits_chars) == ["abcd", "efgh", "ij"]

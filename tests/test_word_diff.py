"""The word diff behind track changes: word by word, punctuation its own token, tag marks left out, and the pieces
always rebuild both texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tarjama.inline_tags import close_mark, open_mark
from tarjama.project.word_diff import Change, DiffPiece, changed_words, tokens, word_diff


def _sides(pieces: tuple[DiffPiece, ...]) -> tuple[str, str]:
    before = "".join(p.text for p in pieces if p.change != Change.INSERTED)
    after = "".join(p.text for p in pieces if p.change != Change.DELETED)
    return before, after


def test_a_replaced_word_is_one_deletion_and_one_insertion_between_kept_words() -> None:
    assert word_diff("The minister arrived today.", "The minister came today.") == (
        DiffPiece(Change.SAME, "The minister "), DiffPiece(Change.DELETED, "arrived"),
        DiffPiece(Change.INSERTED, "came"), DiffPiece(Change.SAME, " today."))


def test_punctuation_changes_alone_and_a_replaced_phrase_reads_as_one() -> None:
    pieces = word_diff("He said hello.", "He said: hello!")
    assert [p for p in pieces if p.change != Change.SAME] == [
        DiffPiece(Change.INSERTED, ":"), DiffPiece(Change.DELETED, "."), DiffPiece(Change.INSERTED, "!")]
    assert changed_words(pieces) == (0, 0)  # no word changed
    phrase = word_diff("the big red car", "a small blue car")
    assert phrase[:2] == (DiffPiece(Change.DELETED, "the big red"), DiffPiece(Change.INSERTED, "a small blue"))
    assert changed_words(phrase) == (3, 3)


@pytest.mark.parametrize(("origin", "target", "expected"), [
    ("", "", ()),
    ("", "New text", (DiffPiece(Change.INSERTED, "New text"),)),
    ("Old text", "", (DiffPiece(Change.DELETED, "Old text"),)),
    ("Same.", "Same.", (DiffPiece(Change.SAME, "Same."),)),
])
def test_empty_and_equal_texts(origin: str, target: str, expected: tuple[DiffPiece, ...]) -> None:
    assert word_diff(origin, target) == expected


def test_tag_marks_are_left_out_of_the_diff() -> None:
    bold, end = open_mark(1), close_mark(1)
    pieces = word_diff(f"The {bold}minister{end} arrived.", "The minister came.")
    assert _sides(pieces) == ("The minister arrived.", "The minister came.")
    assert DiffPiece(Change.SAME, "The minister ") in pieces


def test_tokens_keep_every_character() -> None:
    assert tokens("Hi, 12 worlds!") == ["Hi", ",", " ", "12", " ", "worlds", "!"]


@given(st.text(alphabet="ab .,!", max_size=30), st.text(alphabet="ab .,!", max_size=30))
def test_the_pieces_rebuild_both_texts(origin: str, target: str) -> None:
    assert _sides(word_diff(origin, target)) == (origin, target)

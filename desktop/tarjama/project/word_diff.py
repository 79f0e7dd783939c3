"""A word diff of a segment's origin (its MT or TM text) against its target: the "track changes" view.

The texts are cut into words, punctuation marks and runs of whitespace, each a token of its own, so a changed comma
is one deletion and one insertion, not a changed word; `difflib` aligns the tokens. Inline tag marks are left out
(`inline_tags.plain`): the view shows what the translator changed in the words, and the tag checks of QA see the
tags. A run of whitespace between two replacements joins them, so "the big red" against "a small blue"
reads as one replaced phrase, not three.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from tarjama.inline_tags import plain

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


class Change(StrEnum):
    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class DiffPiece:
    """A run of the text: kept from the origin, inserted by the translator, or deleted from the origin."""

    change: Change
    text: str


def tokens(text: str) -> list[str]:
    """The words, punctuation marks and whitespace runs of `text`, in order; joined they give the text again."""
    return _TOKEN.findall(text)


def word_diff(origin: str, target: str) -> tuple[DiffPiece, ...]:
    """How `target` differs from `origin`, word by word: joining the SAME and DELETED pieces gives the origin,
    the SAME and INSERTED ones the target (both without tag marks). Where a phrase was replaced, its deletion
    comes before its insertion."""
    before, after = tokens(plain(origin)), tokens(plain(target))
    pieces: list[DiffPiece] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            _append(pieces, Change.SAME, before[i1:i2])
            continue
        _append(pieces, Change.DELETED, before[i1:i2])
        _append(pieces, Change.INSERTED, after[j1:j2])
    return tuple(_joined(pieces))


def changed_words(pieces: tuple[DiffPiece, ...]) -> tuple[int, int]:
    """(words inserted, words deleted): whitespace and punctuation are no words."""
    def words(change: Change) -> int:
        return sum(1 for piece in pieces if piece.change == change for token in tokens(piece.text)
                   if token[0].isalnum() or token[0] == "_")

    return words(Change.INSERTED), words(Change.DELETED)


def _append(pieces: list[DiffPiece], change: Change, run: list[str]) -> None:
    if run:
        pieces.append(DiffPiece(change, "".join(run)))


def _joined(pieces: list[DiffPiece]) -> list[DiffPiece]:
    """Neighbouring pieces of one kind joined, and a whitespace-only SAME piece between two replacements taken
    into both sides of them (as deleted and inserted), so a replaced phrase reads as one."""
    out: list[DiffPiece] = []
    for index, piece in enumerate(pieces):
        between_changes = (piece.change == Change.SAME and not piece.text.strip() and 0 < index < len(pieces) - 1
                           and pieces[index - 1].change == Change.INSERTED
                           and pieces[index + 1].change == Change.DELETED)
        if between_changes:
            _merge(out, DiffPiece(Change.DELETED, piece.text))
            _merge(out, DiffPiece(Change.INSERTED, piece.text))
        else:
            _merge(out, piece)
    return out


def _merge(out: list[DiffPiece], piece: DiffPiece) -> None:
    """Add `piece`, joined to a piece of its kind at the end (or just before an INSERTED one, for a DELETED)."""
    if out and out[-1].change == piece.change:
        out[-1] = DiffPiece(piece.change, out[-1].text + piece.text)
    elif piece.change == Change.DELETED and len(out) >= 2 and out[-1].change == Change.INSERTED \
            and out[-2].change == Change.DELETED:
        out[-2] = DiffPiece(Change.DELETED, out[-2].text + piece.text)
    else:
        out.append(piece)

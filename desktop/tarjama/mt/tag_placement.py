"""Putting a source's inline tags into its machine translation, by where the model looked.

The model translates the plain source (`inline_tags.plain`): tags never reach it as markup. What comes back is a
plain English sentence and, when asked for, the model's attention: for each target piece, how much it looked at
each source piece. This module turns that into the target's coded text:

* each attention row becomes at most one *link* (`links_from_attention`): the source piece the target piece looked
  at most, when it stands out of the row; a flat row (a model that attends everywhere) links nothing;
* source pieces are mapped to character spans of the plain source, target pieces to spans of the translation,
  through the words both sides are made of (a sentencepiece piece that starts with "▁" starts a word);
* a paired tag opens before the first target word linked to a source piece inside the pair and closes after the
  last one; a standalone tag goes after the target word linked to the source word just before it (before the one
  linked to the word after it when it starts the source). Words, not pieces, are the unit: a mark never splits a
  word's letters, though it may leave a word's trailing full stop outside bold;
* marks stay properly nested: siblings that would cross keep the part of their words that does not, children stay
  inside their parent, and a tag with no usable link falls back to the ends of what contains it
  (`inline_tags.place_at_ends` for the whole sentence).

The engine (`tarjama.mt.engine`) builds the `Alignment`; pre-translation and re-translating one segment both call
`place_tags`, so a target the translator edits always carries the source's tags.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from tarjama.inline_tags import Mark, Role, close_mark, has_marks, marks, open_mark, place_at_ends, plain_positions

#: sentencepiece's word-boundary mark, which starts every piece that begins a word.
WORD_START = "\u2581"

#: How far above a flat row the strongest weight must be, as a share of the way from uniform (1/n) to certain (1):
#: 0.2 asks 0.6 of two source pieces, 0.28 of ten, 0.22 of fifty. A flat row links nothing.
PEAK_SHARE = 0.2

_WORD = re.compile(r"\S+")

Span = tuple[int, int]


@dataclass(frozen=True)
class Alignment:
    """A translation's pieces and, for each target piece, the source piece it was aligned to (None: none stood
    out). For a segment cut into several model inputs, the pieces of all inputs in order and links into that
    whole list."""

    source_pieces: tuple[str, ...]
    target_pieces: tuple[str, ...]
    links: tuple[int | None, ...]


@dataclass(frozen=True)
class TagPlacement:
    """The coded target, and the tags that went to the ends for want of a usable link (what the benchmark counts)."""

    text: str
    fallback: frozenset[int] = field(default=frozenset())


def links_from_attention(rows: Sequence[Sequence[float]]) -> list[int | None]:
    """One link per attention row (target piece): the source piece it weighs most, when that weight stands out.

    CTranslate2 leaves the source's end-of-sentence token out of the rows, so a row may sum to less than 1; it is
    read as a share of its own sum."""
    if not len(rows):
        return []
    weights = np.asarray(rows, dtype=np.float64)
    count = weights.shape[1]
    if count == 0:
        return [None] * len(weights)
    totals = weights.sum(axis=1)
    best = weights.argmax(axis=1)
    top = weights[np.arange(len(weights)), best] / np.where(totals > 0, totals, 1.0)
    needed = 1 / count + PEAK_SHARE * (1 - 1 / count) if count > 1 else 0.0
    return [int(b) if total > 0 and share > needed else None for b, share, total in zip(best, top, totals, strict=True)]


def place_tags(source: str, target: str, alignment: Alignment | None) -> str:
    """The target with the coded source's tags placed by `alignment` (at the ends where it says nothing)."""
    return placement(source, target, alignment).text


def placement(source: str, target: str, alignment: Alignment | None) -> TagPlacement:
    """`place_tags`, also saying which tags fell back to the ends. A source without marks, or a target that has
    some already, leaves the target as it is."""
    if not has_marks(source) or has_marks(target):
        return TagPlacement(target)
    placed = _Placer.build(source, target, alignment) if alignment is not None else None
    if placed is None:
        return TagPlacement(place_at_ends(source, target), frozenset(m.id for m in marks(source)))
    return placed.place()


# -- pieces to characters ----------------------------------------------------------------------------------------


def _word_spans(pieces: Sequence[str], text: str) -> tuple[list[Span | None], list[int | None], list[Span]] | None:
    """Each piece's character span in `text` and the index of the word it belongs to (None for a piece with no
    text of its own, such as a lone "▁"); None when the pieces do not make the words of `text` (another tokenizer,
    or a normaliser that dropped a word), in which case nothing can be placed by alignment; and the words' spans."""
    groups: list[list[int]] = []
    for index, piece in enumerate(pieces):
        if piece.startswith(WORD_START) or not groups:
            groups.append([])
        groups[-1].append(index)
    surfaces = {index: piece.replace(WORD_START, "") for index, piece in enumerate(pieces)}
    groups = [group for group in groups if any(surfaces[index] for index in group)]
    words = [match.span() for match in _WORD.finditer(text)]
    if len(groups) != len(words):
        return None
    spans: list[Span | None] = [None] * len(pieces)
    word_of: list[int | None] = [None] * len(pieces)
    for number, (group, (start, end)) in enumerate(zip(groups, words, strict=True)):
        position = start
        for index in group:
            length = len(surfaces[index].strip())
            if not length:
                continue
            spans[index] = (min(position, end), min(position + length, end))
            word_of[index] = number
            position += length
        last = max(index for index in group if spans[index] is not None)
        spans[last] = (spans[last][0], end)  # type: ignore[index]  # a normaliser may have changed the length
    return spans, word_of, words


def _core(text: str, start: int, end: int) -> Span:
    """The word `text[start:end]` without the punctuation at its ends (all of it when it is all punctuation)."""
    core_start, core_end = start, end
    while core_start < core_end and unicodedata.category(text[core_start]).startswith("P"):
        core_start += 1
    while core_end > core_start and unicodedata.category(text[core_end - 1]).startswith("P"):
        core_end -= 1
    return (core_start, core_end) if core_start < core_end else (start, end)


# -- the placement ---------------------------------------------------------------------------------------------


@dataclass
class _Pair:
    id: int
    order: int  # the pair's place among the source's pairs, by opening mark
    depth: int
    span: Span  # in the plain source
    children: list[_Pair] = field(default_factory=list)
    interval: Span | None = None  # in the target, once placed
    fell_back: bool = False


@dataclass(frozen=True)
class _Single:
    """A mark placed on its own: a standalone tag, or half of a pair whose other half is in another segment."""

    mark: Mark
    order: int
    at: int  # in the plain source
    enclosing: frozenset[int]  # the source pairs it is inside of


class _Placer:
    """One placement: the source's tags as a tree of pairs and a list of single marks, and the target's units."""

    def __init__(self, source: str, target: str, alignment: Alignment, source_spans: list[Span | None],
                 source_words: list[int | None], target_units: list[Span | None]) -> None:
        self.target = target
        self.alignment = alignment
        self.source_spans = source_spans
        self.source_words = source_words
        self.target_units = target_units
        self.roots, self.singles = _source_tags(source)

    @classmethod
    def build(cls, source: str, target: str, alignment: Alignment) -> _Placer | None:
        if len(alignment.links) != len(alignment.target_pieces) or not target.strip():
            return None
        text, _ = plain_positions(source)
        mapped_source = _word_spans(alignment.source_pieces, text)
        mapped_target = _word_spans(alignment.target_pieces, target)
        if mapped_source is None or mapped_target is None:
            return None
        target_spans, target_words, words = mapped_target
        units = [
            None if span is None or word is None else cls._unit(target, span, words[word])
            for span, word in zip(target_spans, target_words, strict=True)
        ]
        return cls(source, target, alignment, mapped_source[0], mapped_source[1], units)

    @staticmethod
    def _unit(target: str, span: Span, word: Span) -> Span:
        """A target piece widened to its whole word, less the word's punctuation the piece is not part of."""
        core_start, core_end = _core(target, *word)
        if span[0] < core_end and span[1] > core_start:
            return min(span[0], core_start), max(span[1], core_end)
        return span

    # -- what each source piece is linked to

    def _units_linked(self, wanted: set[int]) -> list[Span]:
        found = {
            self.target_units[t]
            for t, link in enumerate(self.alignment.links)
            if link is not None and link in wanted and self.target_units[t] is not None
        }
        return sorted(unit for unit in found if unit is not None and unit[0] < unit[1])

    def _pieces_inside(self, span: Span) -> set[int]:
        return {i for i, s in enumerate(self.source_spans) if s is not None and s[0] < span[1] and s[1] > span[0]}

    def _word_pieces(self, piece: int) -> set[int]:
        word = self.source_words[piece]
        return {i for i, w in enumerate(self.source_words) if w == word}

    # -- pairs

    def _subtree_units(self, pair: _Pair) -> list[Span]:
        units = set(self._units_linked(self._pieces_inside(pair.span)))
        for child in pair.children:
            units.update(self._subtree_units(child))
        return sorted(units)

    def _place_level(self, pairs: list[_Pair], allowed: Span, placed: list[Span]) -> None:
        """Places sibling pairs inside `allowed`, then each one's children inside it; none crosses a pair placed
        before (`placed`, every level), though one may end up inside another where the words say so."""
        for pair in pairs:
            units = [u for u in self._subtree_units(pair) if allowed[0] <= u[0] and u[1] <= allowed[1]]
            run = _best_run(units, placed)
            if run is None:
                _fall_back(pair, allowed)
                continue
            pair.interval = run
            placed.append(run)
            self._place_level(pair.children, run, placed)

    # -- single marks

    def _single_position(self, single: _Single) -> int | None:
        before = [i for i, s in enumerate(self.source_spans) if s is not None and s[0] < single.at]
        after = [i for i, s in enumerate(self.source_spans) if s is not None and s[0] >= single.at]
        after_previous = self._units_linked(self._word_pieces(before[-1])) if before else []
        before_next = self._units_linked(self._word_pieces(after[0])) if after else []
        choices = [
            max(unit[1] for unit in after_previous) if after_previous else None,
            min(unit[0] for unit in before_next) if before_next else None,
        ]
        if single.mark.role is Role.OPEN:  # half a pair: it opens on the words that follow it
            choices.reverse()
        return next((choice for choice in choices if choice is not None), None)

    # -- writing the marks

    def place(self) -> TagPlacement:
        whole = (0, len(self.target))
        self._place_level(self.roots, whole, [])
        fallback: set[int] = set()
        # At one position: closing marks (inner first), then opening ones (outer first), single marks among them.
        closing_here: dict[int, list[tuple[tuple[float, ...], int]]] = {}
        opening_here: dict[int, list[tuple[tuple[float, ...], int]]] = {}
        for pair in _walk(self.roots):
            assert pair.interval is not None
            if pair.fell_back:
                fallback.add(pair.id)
            start, end = pair.interval
            # Equal spans nest as in the source; a pair that fell back wraps its aligned siblings.
            opening_here.setdefault(start, []).append(((-end, pair.depth, not pair.fell_back, pair.order), pair.id))
            closing_here.setdefault(end, []).append(((-start, -pair.depth, pair.fell_back, -pair.order), pair.id))
        singles_here: dict[int, list[_Single]] = {}
        for single in self.singles:
            position = self._single_position(single)
            if position is None:
                fallback.add(single.mark.id)
                position = len(self.target)
            singles_here.setdefault(position, []).append(single)
        out: list[str] = []
        cursor = 0
        for position in sorted(set(closing_here) | set(opening_here) | set(singles_here)):
            out.append(self.target[cursor:position])
            cursor = position
            closes = [tag for _, tag in sorted(closing_here.get(position, []))]
            opens = [tag for _, tag in sorted(opening_here.get(position, []))]
            sequence = [close_mark(tag) for tag in closes] + [open_mark(tag) for tag in opens]
            inserted = [(self._single_slot(single, closes, opens), single.order, single.mark.char)
                        for single in singles_here.get(position, [])]
            for slot, _, char in sorted(inserted, reverse=True):
                sequence.insert(slot, char)
            out.append("".join(sequence))
        out.append(self.target[cursor:])
        return TagPlacement("".join(out), frozenset(fallback))

    @staticmethod
    def _single_slot(single: _Single, closes: list[int], opens: list[int]) -> int:
        """Where a single mark goes among the marks at its position: inside the source pairs it was inside of."""
        inside_closing = [index for index, tag in enumerate(closes) if tag in single.enclosing]
        if inside_closing:
            return inside_closing[0]
        inside_opening = [index for index, tag in enumerate(opens) if tag in single.enclosing]
        return len(closes) + (inside_opening[-1] + 1 if inside_opening else 0)


def _source_tags(source: str) -> tuple[list[_Pair], list[_Single]]:
    """The source's pairs as a tree (by how they nest) and its other marks, with plain-text positions."""
    _, positions = plain_positions(source)
    found = marks(source)
    opened_at = {m.id: m.position for m in found if m.role is Role.OPEN}
    closed_at = {m.id: m.position for m in found if m.role is Role.CLOSE}
    paired = {tag for tag, at in opened_at.items() if closed_at.get(tag, -1) > at}
    roots: list[_Pair] = []
    singles: list[_Single] = []
    stack: list[_Pair] = []
    pending: dict[int, _Pair] = {}
    for order, mark in enumerate(found):
        at = bisect.bisect_left(positions, mark.position)
        if mark.id in paired and mark.role is Role.OPEN:
            pair = _Pair(mark.id, order, len(stack), (at, at))
            (stack[-1].children if stack else roots).append(pair)
            stack.append(pair)
            pending[mark.id] = pair
        elif mark.id in paired and mark.role is Role.CLOSE:
            pair = pending.pop(mark.id)
            pair.span = (pair.span[0], at)
            stack.remove(pair)
        else:
            singles.append(_Single(mark, order, at, frozenset(p.id for p in stack)))
    return roots, singles


def _best_run(units: list[Span], placed: list[Span]) -> Span | None:
    """The span of the most consecutive `units` (the first such run) that crosses no span already placed: it may
    hold one, or lie inside one, but never open inside one and close outside it."""
    if not units:
        return None
    whole = (units[0][0], max(unit[1] for unit in units))
    if not any(_cross(whole, span) for span in placed):  # the usual case, at once even for a long segment
        return whole
    best: Span | None = None
    most = 0
    for first in range(len(units)):
        end = units[first][1]
        for last in range(first, len(units)):
            end = max(end, units[last][1])
            hull = (units[first][0], end)
            if last - first + 1 > most and not any(_cross(hull, span) for span in placed):
                best, most = hull, last - first + 1
    return best


def _cross(one: Span, other: Span) -> bool:
    return one[0] < other[0] < one[1] < other[1] or other[0] < one[0] < other[1] < one[1]


def _fall_back(pair: _Pair, allowed: Span) -> None:
    """A pair with no usable link, and everything inside it, around the whole of what contains it."""
    for inner in _walk([pair]):
        inner.interval = allowed
        inner.fell_back = True


def _walk(pairs: list[_Pair]) -> list[_Pair]:
    out: list[_Pair] = []
    for pair in pairs:
        out.append(pair)
        out.extend(_walk(pair.children))
    return out

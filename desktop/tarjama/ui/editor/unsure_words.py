"""The words the machine was unsure of, marked with a dotted amber underline (apart from the spelling's red wave):
in the Machine translation pane, and in the target (grid cell and open editor) for as long as the translator leaves
them as the machine wrote them.

The engine scores each word of its translation (`Segment.mt_words`, offsets in `mt_text`, `tarjama.mt.word_scores`);
a word below `settings.UNSURE_WORD_PROBABILITY` is unsure. Where such a word stands in the current target is found as
track changes finds what changed (`project/word_diff.tokens`, aligned by difflib): a word kept whole is marked where
it now is, a word the translator touched loses its mark, the other marks stay. The diff runs on the text without tag
marks and the spans are put back on the text as written, one character per mark, as the spellcheck's are.

An approved target shows no marks: approving is the translator's word that every word left was checked, and marks
that outlived it would only clutter finished work. Nor does a target that came from elsewhere (a TM match, a
repetition): its words are not the machine's, even where they happen to match.
"""

from __future__ import annotations

import difflib
import html
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from tarjama import settings
from tarjama.domain import Origin, Segment, Span, Status, WordScore
from tarjama.inline_tags import plain_positions, readable
from tarjama.project.word_diff import tokens

UNSURE_UNDERLINE = QColor("#ef8f00")
#: The same underline in the rich text of a label (Qt's HTML reads `text-underline-style`).
UNSURE_STYLE = f"text-underline-style: dotted; text-decoration-color: {UNSURE_UNDERLINE.name()}"


def unsure_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(UNSURE_UNDERLINE)
    return fmt


def unsure_words(words: Sequence[WordScore], threshold: float) -> list[Span]:
    """The spans of the words scored below `threshold`."""
    return [(word.start, word.end) for word in words if word.probability < threshold]


def kept_spans(origin: str, spans: Sequence[Span], target: str) -> list[Span]:
    """Where in `target` each span of `origin` (both with their tag marks) stands unchanged, the words around it
    aligned as track changes aligns them; a span whose words the target changed is left out."""
    if target == origin:
        return list(spans)
    before, before_at = plain_positions(origin)
    after, after_at = plain_positions(target)
    old, new = tokens(before), tokens(after)
    old_starts = [0, *accumulate(map(len, old))]
    new_starts = [0, *accumulate(map(len, new))]
    #: The runs of `before` kept in `after`: (start, end, how far they moved).
    kept = [(old_starts[i1], old_starts[i2], new_starts[j1] - old_starts[i1])
            for operation, i1, i2, j1, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            if operation == "equal"]
    found = []
    for start, end in spans:
        first, last = bisect_left(before_at, start), bisect_left(before_at, end)  # the span without its marks
        for run_start, run_end, moved in kept:
            if first < last and run_start <= first and last <= run_end:
                found.append((after_at[first + moved], after_at[last - 1 + moved] + 1))
                break
    return found


def marks_stay(segment: Segment) -> bool:
    """Whether the target may still show the machine's unsure words (see the module: not once approved, nor when
    the target came from a TM match or a repetition)."""
    return (segment.mt_text is not None and segment.status != Status.APPROVED
            and segment.origin not in (Origin.TM, Origin.REPETITION))


def marked_html(text: str, spans: Sequence[Span]) -> str:
    """`text` (tag marks written as their numbers) as rich text for a label, each span underlined as unsure."""
    pieces, done = [], 0
    for start, end in sorted(spans):
        pieces.append(html.escape(readable(text[done:start])))
        pieces.append(f'<span style="{UNSURE_STYLE}">{html.escape(readable(text[start:end]))}</span>')
        done = end
    pieces.append(html.escape(readable(text[done:])))
    return "".join(pieces)


class UnsureWords(QObject):
    """Which words to mark, in the machine's text and in a target, while marking is on (kept per text, as the grid
    asks again at every paint)."""

    changed = Signal()  # marking turned on or off: mark afresh
    #: A segment with a machine translation whose words were never scored was to be marked (`ui/mt/word_scoring`).
    wanted = Signal(object)

    def __init__(self, parent: QObject | None = None, threshold: float = settings.UNSURE_WORD_PROBABILITY) -> None:
        super().__init__(parent)
        self.enabled = settings.MARK_UNSURE_WORDS
        self.threshold = threshold
        self._in_target = lru_cache(maxsize=4096)(self._find)

    def in_machine_text(self, segment: Segment) -> list[Span]:
        """The unsure words of the segment's machine translation, in `segment.mt_text`."""
        if not self.enabled or segment.mt_text is None:
            return []
        if not segment.mt_words:
            self.wanted.emit(segment)
        return unsure_words(segment.mt_words, self.threshold)

    def in_target(self, segment: Segment, text: str) -> list[Span]:
        """The unsure words of the machine translation still unchanged in `text` (the segment's target as shown or
        being edited, marks included), in `text`."""
        if not self.enabled or not marks_stay(segment):
            return []
        if not segment.mt_words:
            self.wanted.emit(segment)
            return []
        assert segment.mt_text is not None  # marks_stay
        return self._in_target(segment.mt_text, segment.mt_words, text)

    def _find(self, mt_text: str, words: tuple[WordScore, ...], text: str) -> list[Span]:
        return kept_spans(mt_text, unsure_words(words, self.threshold), text)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.changed.emit()

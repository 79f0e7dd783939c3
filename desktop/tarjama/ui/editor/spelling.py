"""The spellcheck in the window: misspelt words of the target underlined with a red wave, in the grid's cells and
in the open editor, and a right-click on one offering the dictionaries' suggestions, "Add to my dictionary" and
"Ignore" (for this session).

Which words are misspelt is the core's answer (`tarjama.spelling`), asked on the text without its tag marks and
put back on the text as written, where each mark is one character (a chip in the editor, a stand-in in a cell), so
one span serves both. Suggestions take a few tenths of a second, so they are looked up only for the menu.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from tarjama import settings
from tarjama.domain import Segment, Span
from tarjama.inline_tags import MARK, plain, plain_positions
from tarjama.spelling import AllowedWords, SpellChecker, allowed_words, default_checker
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.tag_chips import ChipHighlighter
from tarjama.ui.editor.unsure_words import UnsureWords, unsure_format

MISSPELT_UNDERLINE = QColor("#d32f2f")
translate = QCoreApplication.translate


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(MISSPELT_UNDERLINE)
    return fmt


#: How often a postponed reading of the dictionaries looks again whether the window is still busy.
_BUSY_RETRY_MS = 1000


class SpellingService(QObject):
    """The window's spellcheck: the translator's checker, the words ignored this session, and where a target's
    misspelt words are (kept per text, as the grid asks again at every paint)."""

    changed = Signal()  # a word was added or ignored, or the spellcheck turned on or off: underline afresh

    def __init__(self, parent: QObject | None = None, checker: SpellChecker | None = None) -> None:
        super().__init__(parent)
        self.checker = checker or default_checker()
        self.enabled = settings.SPELLCHECK_UNDERLINE
        self.ignored: set[str] = set()
        #: The words of the glossary's English, taken as known (set by the window when the glossary is read).
        self.glossary_words: frozenset[str] = frozenset()
        self._spans = lru_cache(maxsize=4096)(self._find)
        self._loading = False
        #: Whether the window is busy with work the reading would slow down and be slowed by (pre-translation):
        #: the dictionaries are read once it is over (set by the window).
        self.busy: Callable[[], bool] = lambda: False

    def spans(self, segment: Segment, text: str) -> list[Span]:
        """Where the misspelt words of `text` (a target or a block of it, marks included) are, in `text`; none
        until the dictionaries are read, which the first call starts on a worker thread (the views are told when
        they are there)."""
        if not self.enabled or not text.strip():
            return []
        if not self.checker.ready:
            self._load_in_background()
            return []
        return self._spans(segment.source, text)

    def _load_in_background(self) -> None:
        """Read the dictionaries on a worker thread. Two seconds of pure Python, they would take the interpreter
        from the window's own short calls while pre-translation's batches arrive, freezing the grid for seconds
        (bench/pretranslate_stall.py): while the window is busy so, the reading waits."""
        if self._loading:
            return
        self._loading = True
        if self.busy():
            QTimer.singleShot(_BUSY_RETRY_MS, self._after_busy)
            return
        run_in_background(self.checker.load, lambda _result: self._refresh(), lambda _error: None)

    def _after_busy(self) -> None:
        self._loading = False
        self._load_in_background()

    def set_glossary(self, english_terms: Iterable[str]) -> None:
        self.glossary_words = allowed_words("", english_terms)
        self._refresh()

    def _find(self, source: str, text: str) -> list[Span]:
        shown, positions = plain_positions(text)
        segment_words = allowed_words(plain(source)) | {word.lower() for word in self.ignored}
        allowed = AllowedWords(segment_words, self.glossary_words)
        return [(positions[found.start], positions[found.end - 1] + 1)
                for found in self.checker.misspellings(shown, allowed)]

    def add(self, word: str) -> None:
        self.checker.user.add(word)
        self._refresh()

    def ignore(self, word: str) -> None:
        self.ignored.add(word)
        self._refresh()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._refresh()

    def _refresh(self) -> None:
        self._spans.cache_clear()
        self.changed.emit()


class SpellingHighlighter(ChipHighlighter):
    """The editor's chips (`ChipHighlighter`) and, on the letters between them, the dotted underline of the words the
    machine was unsure of (`unsure_words.py`) and the misspelt words' red wave, which wins on a word with both: one
    highlighter, as a document's layout takes the formats of one."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.service: SpellingService | None = None
        self.segment: Segment | None = None
        self.unsure: UnsureWords | None = None

    def check(self, service: SpellingService, segment: Segment, unsure: UnsureWords | None = None) -> None:
        self.service, self.segment, self.unsure = service, segment, unsure
        self.rehighlight()

    def misspelt(self, text: str) -> list[Span]:
        if self.service is None or self.segment is None:
            return []
        return self.service.spans(self.segment, text)

    def unsure_words(self, text: str) -> list[Span]:
        """The unsure words of the machine translation still standing in this block (`text`), in `text`."""
        if self.unsure is None or self.segment is None:
            return []
        offset = self.currentBlock().position()
        return [(max(start - offset, 0), min(end - offset, len(text)))
                for start, end in self.unsure.in_target(self.segment, self.document().toPlainText())
                if start < offset + len(text) and end > offset]

    def highlightBlock(self, text: str) -> None:
        super().highlightBlock(text)
        self._underline(text, self.unsure_words(text), unsure_format())
        self._underline(text, self.misspelt(text), misspelt_format())

    def _underline(self, text: str, spans: Iterable[Span], fmt: QTextCharFormat) -> None:
        for start, end in spans:
            run = start
            for mark in MARK.finditer(text, start, end):  # a chip keeps its own format
                self.setFormat(run, mark.start() - run, fmt)
                run = mark.end()
            self.setFormat(run, end - run, fmt)


def misspelt_word_at(editor: QPlainTextEdit, highlighter: SpellingHighlighter, position: QPoint) -> QTextCursor | None:
    """A cursor selecting the misspelt word under `position` (viewport coordinates), or None."""
    cursor = editor.cursorForPosition(position)
    block = cursor.block()
    offset = cursor.positionInBlock()
    for start, end in highlighter.misspelt(block.text()):
        if start <= offset <= end:
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return cursor
    return None


def spelling_menu(editor: QPlainTextEdit, highlighter: SpellingHighlighter, position: QPoint) -> QMenu:
    """The editor's context menu, led by the suggestions for the misspelt word under `position` (each replaces it,
    as one step of the editor's undo), "Add to my dictionary" and "Ignore"; only the standard menu elsewhere."""
    menu = editor.createStandardContextMenu(editor.viewport().mapToGlobal(position))
    word_cursor = misspelt_word_at(editor, highlighter, position)
    service = highlighter.service
    if word_cursor is None or service is None:
        return menu
    word = plain(word_cursor.selectedText())
    first = menu.actions()[0] if menu.actions() else None
    suggestions = service.checker.suggestions(word)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        action.triggered.connect(lambda _=False, text=suggestion: _replace(editor, word_cursor, text))
        menu.insertAction(first, action)
    if not suggestions:
        none = menu.addAction(translate("Spelling", "No suggestions"))
        none.setEnabled(False)
        menu.insertAction(first, none)
    add = menu.addAction(translate("Spelling", "Add to my dictionary"))
    add.triggered.connect(lambda: service.add(word))
    menu.insertAction(first, add)
    ignore = menu.addAction(translate("Spelling", "Ignore"))
    ignore.triggered.connect(lambda: service.ignore(word))
    menu.insertAction(first, ignore)
    menu.insertSeparator(first)
    return menu


def _replace(editor: QPlainTextEdit, word: QTextCursor, text: str) -> None:
    word.insertText(text)
    editor.setTextCursor(word)

"""Scoring the machine's words for the segments on screen, in the background, so their unsure words can be marked.

Pre-translation does not score words (`mt.engine.EngineSettings.word_scores`: a fifth of its speed); the marks a
translator sees are asked for here instead, by the grid's paint and the Machine translation pane
(`UnsureWords.wanted`), a few dozen segments at a time on a worker thread, with the project's model. The words are
stored with the segment (`project/machine_words.py`), so each segment is scored once; a segment that cannot be
scored (no model, a text the model cannot take back) is not asked for again while the project is open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from tarjama.domain import Segment, WordScore
from tarjama.project.machine_words import keep_machine_words, score_machine_words
from tarjama.ui.common.host import WindowHost
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.delegate import SegmentDelegate
from tarjama.ui.mt.model_menu import project_package

#: Segments per scoring call: about one screen of the grid, some tens of milliseconds of one core.
_BATCH = 32


class WordScoring(QObject):
    """The queue of segments shown without scored words, and the one worker that scores them."""

    scored = Signal(tuple)  # ids of the segments whose words were stored (re-read into the grid by then)

    def __init__(self, window: WindowHost, delegate: SegmentDelegate) -> None:
        super().__init__()
        self.window = window
        self.delegate = delegate
        self._wanted: dict[int, Segment] = {}
        self._asked: set[tuple[int, str]] = set()
        self._running = False

    def forget(self) -> None:
        """A project was closed or opened: nothing asked for so far is wanted."""
        self._wanted.clear()
        self._asked.clear()

    def request(self, segment: Segment) -> None:
        """Score this segment's machine words soon, unless they are there or were asked for."""
        if segment.mt_text is None or segment.mt_words:
            return
        key = (segment.id, segment.mt_text)
        if key in self._asked:
            return
        self._asked.add(key)
        self._wanted[segment.id] = segment
        if not self._running:
            self._running = True
            QTimer.singleShot(0, self._next)  # after the paint that asked: it may ask for a whole screen

    def _next(self) -> None:
        session = self.window.session
        if session is None or not self._wanted:
            self._running = False
            return
        batch = [self._wanted.pop(key) for key in list(self._wanted)[:_BATCH]]
        package = project_package(self.window)  # read here: the project's store belongs to this thread

        def work() -> list[tuple[WordScore, ...]]:
            from tarjama import mt

            try:
                translator = mt.load_translator(package)
            except mt.PackageNotFoundError:
                return []
            return score_machine_words(translator, batch)

        def done(found: list[tuple[WordScore, ...]]) -> None:
            if self.window.session is session and found:
                kept = keep_machine_words(session.store, list(zip(batch, found, strict=True)))
                if kept:
                    shown = {segment.id: segment for segment in session.store.segments_by_id(kept)
                             if segment.id in session.model.ids()}
                    for segment in shown.values():
                        session.model.replace_quietly(segment)
                    self.delegate.machine_words_scored(shown)
                    self.scored.emit(tuple(kept))
            self._next()

        def failed(exc: Exception) -> None:  # no marks is no harm: the words stay unmarked, as without a model
            self.window.statusBar().showMessage(str(exc), 5000)
            self._next()

        run_in_background(work, done, failed)

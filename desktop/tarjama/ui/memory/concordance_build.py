"""What a large TMX import left for concordance, indexed in the background while the translator works.

The import commits with the new units ready for lookups; their trigrams are indexed afterwards, a chunk per short
transaction (`tarjama.memory.exchange.index_concordance`), so approvals keep going into the memory meanwhile and
concordance already finds the new units, only more slowly. The status bar shows how far it is. Closing the window
stops it after the chunk in hand; the rest is indexed the next time the memory is used (a project opened with it,
another import), as is the rest of a build that a power cut stopped.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from tarjama.memory.exchange import index_concordance
from tarjama.memory.store import TranslationMemory
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


class ConcordanceIndexing(QObject):
    """One build at a time; a memory asked for meanwhile is indexed after it."""

    #: (units indexed so far, units waiting when the build began), emitted on the worker thread.
    counted = Signal(int, int)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running: Path | None = None
        self._next: Path | None = None
        self._stop = threading.Event()
        self.counted.connect(self._show)

    def resume(self, path: Path | None) -> None:
        """Index what waits in the memory at `path` for concordance, if anything does (looked at on a worker
        thread: opening a memory can take a moment)."""
        if path is None:
            return
        if self.running is not None:
            self._next = path if path != self.running else self._next
            return
        self.running = path
        self._stop.clear()
        run_in_background(lambda: self._build(path), lambda covered: self._done(path, covered, None),
                          lambda exc: self._done(path, 0, exc))

    def _build(self, path: Path) -> int:
        """On the worker thread. A memory of an older version is left alone: whoever opens it first brings it up
        to date (the window's look-ups, behind their own progress), and the next resume indexes it."""
        if not path.is_file() or TranslationMemory.needs_update(path):
            return 0
        with TranslationMemory.open(path) as memory:
            waiting = memory.concordance_waiting()
        if not waiting:
            return 0
        self.counted.emit(0, waiting)
        return index_concordance(path, cancel=self._stop.is_set,
                                 on_progress=lambda done: self.counted.emit(done, waiting))

    def cancel(self) -> None:
        """Stop after the chunk in hand (the window is closing): the rest is indexed the next time."""
        self._next = None
        self._stop.set()

    @Slot(int, int)
    def _show(self, done: int, waiting: int) -> None:
        if self.running is None:
            return
        self.window.statusBar().showMessage(
            self.tr("Indexing {name} for concordance: {percent}% (concordance finds the new units meanwhile, more "
                    "slowly)").format(name=self.running.stem, percent=min(100, done * 100 // max(waiting, 1))), 0)

    def _done(self, path: Path, covered: int, problem: Exception | None) -> None:
        self.running = None
        if self._stop.is_set():
            return
        if problem is not None:
            self.window.statusBar().showMessage(
                self.tr("Indexing {name} for concordance stopped: {problem} It goes on the next time the memory is "
                        "used.").format(name=path.stem, problem=error_text(problem)), 10000)
        elif covered:
            self.window.statusBar().showMessage(
                self.tr("{name} is indexed for concordance.").format(name=path.stem), 10000)
        following, self._next = self._next, None
        self.resume(following)

"""The window's glossary side: which glossary the project uses, the terms of each segment, and the glossary pane.

The glossary is read into a `TermFinder` on a worker thread (the finder is immutable, so the UI thread may use it
as soon as it arrives) and read again whenever it changes. The grid underlines terms in every source row it paints,
so each segment's hits are found once and kept until the glossary or the segment's source changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QMainWindow

from tarjama.domain import GlossaryEntry, Segment, Span, TermHit
from tarjama.errors import TarjamaError
from tarjama.glossary.matching import TermFinder
from tarjama.glossary.store import load_term_finder, project_glossary_path, set_project_glossary
from tarjama.paths import default_glossary_path
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.editor.session import ProjectSession
from tarjama.ui.glossary.pane import GlossaryPane


class GlossaryPanels(QObject):
    finderChanged = Signal()  # the glossary was (re)read: terms are found afresh everywhere

    def __init__(self, window: QMainWindow, source_font: QFont, show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.show_error = show_error
        self.pane = GlossaryPane(source_font)
        self.dock = QDockWidget(self.tr("Glossary"), window)
        self.dock.setObjectName("glossary-dock")
        self.dock.setWidget(self.pane)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.session: ProjectSession | None = None
        self.finder: TermFinder | None = None
        self._hits: dict[int, tuple[str, tuple[TermHit, ...]]] = {}
        self._segment: Segment | None = None
        self._reading = 0  # which read of the glossary is the latest; earlier ones are dropped when they finish
        self._name = ""

    @property
    def path(self) -> Path:
        """The glossary terms come from and go to: the open project's, else the user's default one."""
        return default_glossary_path() if self.session is None else project_glossary_path(self.session.store)

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        self.reload()

    def detach(self) -> None:
        self.session = None
        self._segment = None
        self._reading += 1  # a read still running belongs to the project just closed
        self._set_finder(None)

    def use(self, path: Path) -> bool:
        """Make the open project take its terms from the glossary at `path` (created if missing)."""
        if self.session is None:
            return False
        try:
            set_project_glossary(self.session.store, path)
        except TarjamaError as exc:
            self.show_error(self.tr("Cannot use this glossary"), error_text(exc))
            return False
        self.reload()
        return True

    def reload(self) -> None:
        """Read the glossary again in the background (after it changed); the terms on screen follow."""
        self._reading += 1
        reading, path = self._reading, self.path
        self._name = path.stem

        def read() -> TermFinder:
            return load_term_finder(path)

        def done(finder: TermFinder) -> None:
            if reading == self._reading:
                self._set_finder(finder)

        def failed(exc: Exception) -> None:
            if reading == self._reading:
                self._set_finder(None)
                self.pane.show_message(self.tr("Cannot read the glossary: {error}").format(error=error_text(exc)))

        run_in_background(read, done, failed)

    def _set_finder(self, finder: TermFinder | None) -> None:
        self.finder = finder
        self._hits.clear()
        self.show_segment(self._segment)
        self.finderChanged.emit()

    # -- terms in segments ----------------------------------------------------------------------------------

    def hits(self, segment: Segment) -> tuple[TermHit, ...]:
        """The glossary terms in the segment's source, found once per source text."""
        if self.finder is None:
            return ()
        cached = self._hits.get(segment.id)
        if cached is None or cached[0] != segment.source:
            cached = (segment.source, tuple(self.finder.find_terms(segment.source)))
            self._hits[segment.id] = cached
        return cached[1]

    def spans(self, segment: Segment) -> list[Span]:
        """Where the grid underlines terms in the segment's source."""
        return [(hit.start, hit.end) for hit in self.hits(segment)]

    def entries(self, segment: Segment) -> list[GlossaryEntry]:
        """Each entry found in the segment once, in the order its first hit comes in the text."""
        return list(dict.fromkeys(hit.entry for hit in self.hits(segment)))

    def show_segment(self, segment: Segment | None) -> None:
        self._segment = segment
        if self.session is None:
            self.pane.show_message("")
        elif self.finder is None:
            self.pane.show_message(self.tr("Reading the glossary…"))
        else:
            entries = [] if segment is None else self.entries(segment)
            self.pane.show_terms(None if segment is None else segment.id, entries, self._name)

    def term(self, segment_id: int, number: int) -> GlossaryEntry | None:
        """The numbered term of the pane (Alt+1..9), if the pane shows that segment."""
        return self.pane.entry(segment_id, number)

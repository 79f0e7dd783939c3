"""The window's translation-memory side: which TM the project uses, its matches pane and its concordance panel.

It keeps the project linked to a TM (the user's default one unless they chose another), runs the `TmWorker` that
owns a connection to that TM, looks the current segment up once the translator has stopped moving for a moment,
and routes concordance searches. The window only tells it which segment is current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from tarjama.domain import Segment, TmMatch
from tarjama.errors import TarjamaError
from tarjama.inline_tags import has_marks, transfer
from tarjama.paths import default_tm_path
from tarjama.project.files import ensure_tm_link
from tarjama.ui.common.error_text import error_text
from tarjama.ui.editor.session import ProjectSession
from tarjama.ui.memory.banner import TmProblemBanner
from tarjama.ui.memory.concordance import ConcordancePanel
from tarjama.ui.memory.concordance_build import ConcordanceIndexing
from tarjama.ui.memory.pane import TmPane
from tarjama.ui.memory.update import bring_up_to_date
from tarjama.ui.memory.worker import Lookup, Search, TmWorker

#: Moving through segments with Ctrl+Down looks up only the one the translator stops at.
LOOKUP_DELAY_MS = 200


class TmPanels(QObject):
    def __init__(self, window: QMainWindow, source_font: QFont, show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.show_error = show_error
        self.pane = TmPane(source_font)
        self.concordance = ConcordancePanel(source_font)
        self.matches_dock = self._dock(self.tr("Translation memory"), "tm-dock", self.pane)
        self.concordance_dock = self._dock(self.tr("Concordance"), "concordance-dock", self.concordance)
        self.label = QLabel()
        self.banner = TmProblemBanner()
        self.session: ProjectSession | None = None
        self.worker: TmWorker | None = None
        #: What a large import left for concordance, indexed in the background (`concordance_build`).
        self.indexing = ConcordanceIndexing(window)
        self._segment: Segment | None = None
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(LOOKUP_DELAY_MS)
        self._delay.timeout.connect(self._look_up)
        self.concordance.searchRequested.connect(self._search)
        self.banner.useDefaultRequested.connect(lambda: self.link(default_tm_path()))
        self._restart(None)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    @property
    def path(self) -> Path | None:
        """The TM the open project writes approved segments to and looks matches up in."""
        return None if self.session is None else self.session.store.linked_tm

    # -- which TM -------------------------------------------------------------------------------------------

    def attach(self, session: ProjectSession) -> None:
        """A project that has never had a TM gets the user's default one; one whose TM is missing says so."""
        self.session = session
        tm_error = session.store.tm_error
        problem = None if tm_error is None else error_text(tm_error)
        if problem is None:
            try:
                ensure_tm_link(session.store)
            except TarjamaError as exc:
                problem = error_text(exc)
        self._restart(problem)

    def detach(self) -> None:
        self.session = None
        self._segment = None
        self._restart(None)

    def link(self, path: Path) -> bool:
        """Switch the open project to the TM at `path` (created if missing); a failure is reported."""
        if self.session is None:
            return False
        bring_up_to_date(self.window, path)
        try:
            self.session.store.link_tm(path)
        except TarjamaError as exc:
            self.show_error(self.tr("Cannot use this translation memory"), error_text(exc))
            self._restart(error_text(exc))
            return False
        self._restart(None)
        return True

    def _restart(self, problem: str | None) -> None:
        """A worker for the linked TM (none without one), and the status bar, banner and panes to match."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        path = self.path
        if path is not None:
            self.worker = TmWorker(path)
            self.worker.matchesFound.connect(self.pane.show_matches)
            self.worker.hitsFound.connect(self.concordance.show_hits)
            self.worker.failed.connect(self._on_failed)
            self.worker.start()
            self.indexing.resume(path)
            self.label.setText(self.tr("TM: {name}").format(name=path.stem))
            self.label.setToolTip(str(path))
        else:
            self.label.setText(self.tr("TM: none") if self.session is not None else "")
            self.label.setToolTip("")
        self.banner.show_problem(problem if self.session is not None and path is None else None)
        self.show_segment(self._segment, force=True)
        self.concordance.search_now()

    def _unavailable(self) -> str:
        if self.session is None:
            return ""
        return self.tr("No translation memory: approved segments are not being saved for reuse.")

    def _on_failed(self, message: str) -> None:
        self.pane.show_unavailable(message)
        self.concordance.show_unavailable(message)

    # -- look-ups -------------------------------------------------------------------------------------------

    def show_segment(self, segment: Segment | None, *, force: bool = False) -> None:
        """Show matches for the current segment: looked up after a pause if it is another one (or `force`)."""
        previous, self._segment = self._segment, segment
        self.pane.show_segment(segment)
        if self.worker is None:
            self.pane.show_unavailable(self._unavailable())
            return
        moved = previous is None or segment is None or (previous.id, previous.source) != (segment.id, segment.source)
        if segment is not None and (moved or force):
            self._delay.start()

    def refresh(self) -> None:
        """Look again after the TM's content changed (an import)."""
        self.show_segment(self._segment, force=True)
        self.concordance.search_now()

    def _look_up(self) -> None:
        segment = self._segment
        if segment is None or self.worker is None or self.session is None:
            return
        if segment.id in self.session.model.ids():
            self.worker.look_up(Lookup(segment.id, segment.source, self.session.tm_context(segment.id)))

    def match(self, segment_id: int, number: int) -> TmMatch | None:
        """The numbered match of the segment shown, its target's tags renumbered to the segment's
        (`inline_tags.transfer`): what "use this match" puts into the segment."""
        match = self.pane.match(segment_id, number)
        segment = self._segment
        if match is None or segment is None or segment.id != segment_id or not has_marks(match.unit.target):
            return match
        target = transfer(match.unit.source, match.unit.target, segment.source)
        return replace(match, unit=replace(match.unit, target=target))

    def record_use(self, match: TmMatch) -> None:
        if self.worker is not None and match.unit.id is not None:
            self.worker.record_use(match.unit.id)

    # -- concordance ----------------------------------------------------------------------------------------

    def open_concordance(self, text: str) -> None:
        self.concordance_dock.show()
        self.concordance_dock.raise_()
        self.concordance.open_with(text)

    def _search(self, search: Search) -> None:
        if self.worker is None:
            self.concordance.show_unavailable(self._unavailable())
        else:
            self.worker.search(search)

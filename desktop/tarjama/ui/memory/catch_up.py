"""Approvals never wait on the translation memory in the window.

The window's store writes a unit with no wait at all (`memory_wait = 0`): when another program holds the memory
(a TMX import keeps its write lock for minutes), the approval is saved in the project at once and its unit waits
in the store (`ProjectStore.memory_behind`). This writes the waiting units off the UI thread: a worker opens the
project on a connection of its own and waits there for the memory, then the UI thread's store writes whatever
changed meanwhile (a moment's work with the lock just released; if it was taken again, the worker waits again).
The status bar says what is going on, and that nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from tarjama.project.store import ProjectStore
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.session import ProjectSession

#: How long the worker waits for the memory in one go; it tries again after `RETRY_MS` if the memory is still busy.
WORKER_WAIT = 30.0
RETRY_MS = 2000


class MemoryCatchUp(QObject):
    """Keeps the open project's memory in line with its approvals, off the UI thread."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.session: ProjectSession | None = None
        self.running = False
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.check)

    def attach(self, session: ProjectSession | None) -> None:
        self.session = session
        self._retry.stop()
        if session is not None:
            session.store.memory_wait = 0
            session.changed.connect(self.check)
            self.check()

    def check(self) -> None:
        """After a change: if units wait for the memory, say so and write them in the background."""
        session = self.session
        if session is None or self.running or not session.store.memory_behind:
            return
        store = session.store
        problem = store.tm_error
        self.window.statusBar().showMessage(
            self.tr("{problem} Your approvals are saved in the project and go into the memory as soon as it can "
                    "be written.").format(problem=error_text(problem) if problem is not None else ""),
            0,
        )
        self.running = True
        path, waiting = store.path, store.memory_pending

        def work() -> bool:
            with ProjectStore.open(path, memory_wait=0) as other:
                return other.catch_up_memory(wait=WORKER_WAIT, segment_ids=waiting)

        def failed(exc: Exception) -> None:
            self._done(session, False)  # the project's store says why at the next check

        run_in_background(work, lambda written: self._done(session, bool(written)), failed)

    def _done(self, session: ProjectSession, written: bool) -> None:
        self.running = False
        if session is not self.session:
            return  # the project was closed meanwhile; opening it again writes what is missing
        if written and session.store.catch_up_memory(wait=0):
            self.window.statusBar().showMessage(self.tr("The translation memory has all your approvals again."),
                                                8000)
            return
        self._retry.start()

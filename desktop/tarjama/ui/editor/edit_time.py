"""Active editing time: the grid's editor reports the translator's keys and changes, and each segment's time is
stored when its editor closes (confirmed, abandoned, or left for another segment).

The editor closes inside the approval, before the approval is written (`MainWindow.approve_and_next` commits it
first), so the TM unit the approval writes carries the time. One `ActiveTimer` runs across segments, so the reading
between leaving one segment and the first key in the next is counted for the next (see `tarjama.project.effort`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from tarjama.project.effort import ActiveTimer
from tarjama.ui.editor.delegate import SegmentDelegate
from tarjama.ui.editor.session import ProjectSession


class EditTimeRecorder(QObject):
    def __init__(self, delegate: SegmentDelegate, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(delegate)
        #: Seconds from any fixed point; tests give their own so they need not sleep.
        self.clock = clock
        self.session: ProjectSession | None = None
        self._timer = ActiveTimer()
        delegate.editingStarted.connect(self._record)
        delegate.editorActivity.connect(self._record)
        delegate.editingEnded.connect(self._store)

    def attach(self, session: ProjectSession | None) -> None:
        """Time in another project's segments does not run on into this one's."""
        self.session = session
        self._timer = ActiveTimer()

    def _record(self, *_: object) -> None:
        self._timer.record(self.clock())

    def _store(self, segment_id: int) -> None:
        self._record()  # closing the editor (Ctrl+Enter, Ctrl+Down, Esc) is the last thing done in the segment
        seconds = self._timer.take()
        if self.session is not None and seconds > 0 and segment_id in self.session.model.ids():
            self.session.add_edit_time(segment_id, seconds)

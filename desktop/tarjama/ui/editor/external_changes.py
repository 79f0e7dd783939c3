"""The window notices what other programs save in the open project, and never writes over it without asking.

`tarjama-cli edit` (or a second window) may change a segment while the window shows it. Once a second the window
asks SQLite whether another connection has committed to the file (`ProjectStore.data_version`: a pragma, no lock, no
table read); only then does it compare the versions it shows with the stored ones (`changed_since`) and show the rows
that differ as they are now, saying so in the status bar. The current row, the selection and an editor open in
another row stay as they are.

The row being edited keeps the version it was opened on until its editor closes, so its editor keeps the
translator's text; autosave leaves the other program's change alone meanwhile. Confirming the text then finds the
stored segment changed since the version shown, and asks (`ask_overwrite`): every write of the window, undo and redo
included, is based on a version and refused when the segment has changed since (`ProjectSession.checked`).

A split, merge or import elsewhere changes which segments there are: the grid reads the whole project again (once
no editor is open) and stays on the current segment; the undo steps go, as they refer to rows that changed.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from tarjama.domain import Segment
from tarjama.errors import TarjamaError
from tarjama.project.records import SegmentChanges
from tarjama.ui.common.bidi import left_to_right
from tarjama.ui.editor.segment_model import status_label

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.delegate import SegmentDelegate
    from tarjama.ui.editor.session import ProjectSession

#: How often the window asks whether another program has saved the project: a pragma, so every second costs nothing.
INTERVAL_MS = 1000
NOTE_MS = 10000


class ExternalChanges(QObject):
    """Keeps the open project's grid in line with what other programs save in it."""

    def __init__(self, window: WindowHost, delegate: SegmentDelegate) -> None:
        super().__init__(window)
        self.window = window
        self.session: ProjectSession | None = None
        self._version: int | None = None
        #: Segments changed elsewhere while being edited: shown as they are now once their editor has closed.
        self._deferred: set[int] = set()
        #: Segments were added or removed elsewhere while an editor was open: the grid is read again after it.
        self._reshaped = False
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        # An editor closing may leave rows to refresh: at once rather than at the next tick.
        delegate.editingEnded.connect(lambda _id: QTimer.singleShot(0, self.check))

    def attach(self, session: ProjectSession | None) -> None:
        self.session = session
        self._deferred.clear()
        self._reshaped = False
        if session is None:
            self.timer.stop()
            return
        self._version = session.store.data_version()
        session.confirm_overwrite = self.ask_overwrite
        session.removedElsewhere.connect(self._say_removed)
        self.timer.start()

    # -- noticing -------------------------------------------------------------------------------------------

    def check(self) -> None:
        """If another connection has committed since the last look (or rows wait for an editor), refresh.

        An editor the translator has not typed in yet is closed and opened again on the row as it is now: it holds
        nothing to lose, and the translator moving on with Ctrl+Down always has one open."""
        changes = self._look()
        if changes is None:
            return
        editing = self._editing()
        reopen, seen = None, changes.changed
        touched = changes.reshaped or any(segment.id == editing for segment in changes.changed)
        if editing is not None and touched and not self._typed():
            self.window.commit_open_editor()
            reopen, editing = editing, None
            changes = self._look(again=True)
            if changes is None:
                return
        if changes.reshaped:
            self._read_again(editing)
        else:
            self._refresh(changes, editing, seen)
        session = self.session
        if reopen is not None and session is not None and reopen in session.model.ids():
            self.window.go_to(reopen, edit=True)

    def _look(self, again: bool = False) -> SegmentChanges | None:
        """What changed since the last look; None when nothing can have (or the file cannot be read this second:
        the next edit says why, the next tick tries again)."""
        session = self.session
        if session is None:
            return None
        try:
            version = session.store.data_version()
            if version == self._version and not self._deferred and not self._reshaped and not again:
                return None
            self._version = version
            return session.store.changed_since(session.model.versions())
        except (TarjamaError, sqlite3.Error):
            return None

    def _refresh(self, changes: SegmentChanges, editing: int | None, seen: tuple[Segment, ...]) -> None:
        """Show the changed rows as they are now, but the one being typed in; `seen` is what this look found
        changed, some of which closing an untouched editor may already have shown."""
        session = self.session
        assert session is not None
        self._reshaped = False
        fresh = [segment for segment in changes.changed if segment.id != editing]
        held = [segment for segment in changes.changed if segment.id == editing]
        noticed = self._deferred
        self._deferred = {segment.id for segment in held}
        if fresh:
            session.take_in(fresh)
        if not self._quiet():
            self._note([s for s in seen if s.id != editing], [s for s in held if s.id not in noticed])

    def _editing(self) -> int | None:
        """The segment whose editor is open, if any."""
        if self.window.open_editor() is None:
            return None
        segment = self.window.current_segment()
        return None if segment is None else segment.id

    def _typed(self) -> bool:
        """Whether the translator has typed in the open editor (filling it from the row does not count)."""
        editor = self.window.open_editor()
        return editor is not None and editor.document().isModified()

    def _quiet(self) -> bool:
        """The window's own pre-translation writes through a store of its own: its rows are no news."""
        return self.window.pretranslating

    def _read_again(self, editing: int | None) -> None:
        session = self.session
        assert session is not None
        if editing is not None:
            if not self._reshaped:
                self._reshaped = True
                self._show(self.tr("Another program split, merged or added segments in this project: the grid is "
                                   "read again when you finish editing this segment."))
            return
        self._reshaped = False
        self._deferred.clear()
        current = self.window.current_segment()
        session.take_in_all()
        if current is not None and current.id in session.model.ids():
            self.window.go_to(current.id)
        elif session.model.rowCount():
            self.window.go_to(session.model.segment_at(0).id)
        self._show(self.tr("Another program split, merged or added segments in this project: the grid shows it as it "
                           "is now, and your earlier changes can no longer be undone."))

    def _note(self, fresh: list[Segment], held: list[Segment]) -> None:
        session = self.session
        assert session is not None
        if held:
            self._show(self.tr("Segment {number} was changed by another program while you were editing it: when you "
                               "confirm your text, you are asked which to keep.").format(
                number=session.model.number(held[0].id)))
        elif len(fresh) == 1:
            self._show(self.tr("Segment {number} was changed by another program.").format(
                number=session.model.number(fresh[0].id)))
        elif fresh:
            self._show(self.tr("{count} segments were changed by another program.").format(count=len(fresh)))

    def _show(self, message: str) -> None:
        self.window.statusBar().showMessage(message, NOTE_MS)

    # -- asking ---------------------------------------------------------------------------------------------

    def ask_overwrite(self, segment_id: int, theirs: Segment, yours: str) -> bool:
        """Whether the translator's change may write over the one another program saved: No (keep theirs) unless
        they say so. With nobody to ask (--smoke runs), theirs is kept."""
        if not self.window.modal_errors:
            return False
        box, replace = self.overwrite_question(segment_id, theirs, yours)
        box.exec()
        return box.clickedButton() is replace

    def overwrite_question(self, segment_id: int, theirs: Segment, yours: str) -> tuple[QMessageBox, QPushButton]:
        """The question and its "Replace with yours" button; "Keep theirs" is the default and what Esc answers."""
        assert self.session is not None
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Segment changed by another program"))
        box.setText(self.tr("Segment {number} was changed by another program since you opened it.").format(
            number=self.session.model.number(segment_id)))
        box.setInformativeText(self.tr("Theirs ({status}): {theirs}\nYours: {yours}").format(
            status=status_label(theirs.status), theirs=self._quoted(theirs.target), yours=self._quoted(yours)))
        keep = box.addButton(self.tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        replace = box.addButton(self.tr("Replace with yours"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        return box, replace

    def _quoted(self, text: str) -> str:
        return left_to_right(text) if text else self.tr("(empty)")

    def _say_removed(self, segment_id: int, yours: str) -> None:
        session = self.session
        number = session.model.number(segment_id) if session is not None and segment_id in session.model.ids() else 0
        self.window.show_error(
            self.tr("Segment removed by another program"),
            self.tr("Segment {number} was merged into the segment before it by another program while you were "
                    "editing it, so your text was not saved. Copy it from here if you still want it: {text}").format(
                number=number, text=self._quoted(yours)),
        )

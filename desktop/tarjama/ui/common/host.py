"""What the window's parts (the memory, glossary and QA panels and menus, the find bar, pre-translation, the
watch on other programs' changes, zoom and language) use of the window, and nothing more.

They used to import `MainWindow` for their type hints, which made the window and its parts one circle of imports:
no part could be read, tested or changed without the whole window. They depend on this protocol instead, and
`MainWindow` is the one class that provides it. The window is also their Qt parent (their dialogs, docks and
actions belong to it), which is why `statusBar` and `addDockWidget` are here under Qt's own names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

    from tarjama.domain import Segment
    from tarjama.ui.editor.delegate import TargetEditor
    from tarjama.ui.editor.session import ProjectSession


class WindowHost(Protocol):
    """The window as its parts see it: the open project, the current segment and its editor, and where to say
    things to the translator."""

    #: The application's settings (thresholds, zoom, language, QA's question before approving).
    settings: QSettings
    #: False when nobody is there to answer a message box (`--smoke` runs): errors go to stderr, questions get
    #: their safe answer.
    modal_errors: bool

    @property
    def session(self) -> ProjectSession | None:
        """The open project, or None."""
        ...

    @property
    def grid(self) -> QWidget:
        """The segment grid, to give the keyboard back to after a jump from a pane."""
        ...

    @property
    def pretranslating(self) -> bool:
        """Whether the window's own pre-translation is writing to the project (its rows are no news)."""
        ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...  # noqa: N802 - Qt's name

    def show_error(self, title: str, message: str) -> None:
        """Say what went wrong: in a message box (or on stderr) and in the status bar."""
        ...

    def current_segment(self) -> Segment | None: ...

    def open_editor(self) -> TargetEditor | None:
        """The editor open on the current segment's target, if any."""
        ...

    def commit_open_editor(self) -> bool:
        """Confirm the text being typed (as an undoable edit) and close the editor; True if one was open."""
        ...

    def go_to(self, segment_id: int, edit: bool = False) -> None:
        """Make the segment current (and open its editor when `edit`)."""
        ...

    def source_font(self) -> QFont:
        """The Arabic font at the grid's zoom, for dialogs that show a segment's source."""
        ...

"""A project the window may read but not change (a read-only file, folder or disk): said in a bar, with nothing
offered that would change it.

The store opens such a project read-only and refuses every write before it begins (`ProjectStore.read_only`).
The window opens it all the same — reading, searching, checking and exporting need no writing — says so in a bar
above the grid, disables every action that would change it, and makes the grid's targets not editable
(`ui/editor/read_only_model.py`), so that a translator never types a translation that cannot be kept. Anything still
asked of it is refused with the store's message (`ReadOnlyMode.refused`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from tarjama.errors import Message, ReadOnlyError
from tarjama.ui.common.error_text import error_text, message_text

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.session import ProjectSession

_STYLE = """
QFrame#readOnlyBanner { background: #e3ecf7; border: none; border-bottom: 1px solid #8fa9c9; }
QFrame#readOnlyBanner QLabel { color: #1d3557; }
"""


def reason_of(error: ReadOnlyError) -> Message | str:
    """Why a store is read-only, as the store put it in its message (a marked reason), for the bar's sentence."""
    reason = error.problem.values.get("reason")
    return reason if isinstance(reason, Message | str) else str(error)


class ReadOnlyBanner(QFrame):
    """Shown while the open project is read-only: why, what still works, and how to work on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.hide()  # hidden before it has a parent, so a layout never shows it as a window of its own

    def show_for(self, error: ReadOnlyError | None) -> None:
        if error is not None:
            reason = reason_of(error)
            self.label.setText(
                self.tr(
                    "This project is read-only ({reason}): you can read, search, check and export it, but not "
                    "change it. To work on it, copy it to a folder you may write in and open the copy."
                ).format(reason=message_text(reason) if isinstance(reason, Message) else reason)
            )
        self.setVisible(error is not None)


class ReadOnlyMode(QObject):
    """What the window does while its project is read-only: the bar, and the actions that would change it off."""

    def __init__(
        self, window: WindowHost, writing_actions: Callable[[], list[QAction]], fields: list[QWidget]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.banner = ReadOnlyBanner(window)
        self.error: ReadOnlyError | None = None
        #: Every action that changes the project (its segments, its undo history, its memory or glossary link): the
        #: window knows its actions, and they are built after this.
        self.writing_actions = writing_actions
        #: Fields good only for changing the project (the find bar's replacement text).
        self._fields = fields

    def attach(self, session: ProjectSession | None) -> None:
        """Follow the project just opened (after the window enabled its actions) or closed (None)."""
        self.error = None if session is None else session.store.read_only
        self.banner.show_for(self.error)
        for field in self._fields:
            field.setEnabled(self.error is None)
        self.keep_actions_off()

    def keep_actions_off(self) -> None:
        """Turn the writing actions off again while nothing may be saved: also after a pane has enabled some of its
        own (the QA pane its ignore actions, as rows are selected)."""
        if self.error is not None:
            for action in self.writing_actions():
                action.setEnabled(False)

    def refused(self) -> bool:
        """True, after saying why, when the project may not be changed: for what no disabled action covers."""
        if self.error is None:
            return False
        self.window.show_error(self.tr("The project cannot be changed"), error_text(self.error))
        return True

"""A project the window may read but not change (a read-only file, folder or disk): said in a bar, with nothing
offered that would change it.

The store opens such a project read-only and refuses every write before it begins (`ProjectStore.read_only`).
The window opens it all the same — reading, searching, checking and exporting need no writing — says so in a bar
above the grid, disables every action that would change it, and makes the grid's targets not editable, so that a
translator never types a translation that cannot be kept. Anything still asked of it is refused with the store's
message (`ReadOnlyMode.refused`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from tarjama.errors import Message, ReadOnlyError
from tarjama.ui.common.error_text import error_text, message_text
from tarjama.ui.editor.segment_model import SegmentModel

if TYPE_CHECKING:
    from tarjama.ui.editor.session import ProjectSession
    from tarjama.ui.shell.main_window import MainWindow

_STYLE = """
QFrame#readOnlyBanner { background: #e3ecf7; border: none; border-bottom: 1px solid #8fa9c9; }
QFrame#readOnlyBanner QLabel { color: #1d3557; }
"""


class ReadOnlySegmentModel(SegmentModel):
    """The grid's model for a read-only project: the same rows, but no cell opens an editor."""

    def flags(self, index) -> Qt.ItemFlag:  # noqa: ANN001 - Qt's index types
        return super().flags(index) & ~Qt.ItemFlag.ItemIsEditable


def segment_model_for(read_only: bool, segments: list) -> SegmentModel:
    """The grid's model for a project, editable unless the project is read-only."""
    return (ReadOnlySegmentModel if read_only else SegmentModel)(segments)


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

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.banner = ReadOnlyBanner(window)
        self.error: ReadOnlyError | None = None
        # The QA pane enables its ignore actions as rows are selected; they stay off while nothing may be saved.
        window.qa.pane.selectionChanged.connect(self._keep_actions_off)

    def writing_actions(self) -> list[QAction]:
        """Every action that changes the project: its segments, its undo history, its memory or glossary link."""
        w = self.window
        return [
            w.approve_action, w.reject_action, w.edit_action, w.split_action, w.merge_action,
            w.retranslate_action, *w.alternative_actions, *w.tm_match_actions, *w.term_actions,
            w.copy_source_action, w.replace_action, w.pretranslate_action, w.undo_action, w.redo_action,
            w.qa.ignore_action, w.qa.unignore_action, w.tm_menu.new_action, w.tm_menu.open_action,
            w.glossary_menu.new_action, w.glossary_menu.open_action,
        ]

    def attach(self, session: ProjectSession | None) -> None:
        """Follow the project just opened (after the window enabled its actions) or closed (None)."""
        self.error = None if session is None else session.store.read_only
        self.banner.show_for(self.error)
        self.window.find_bar.replace_edit.setEnabled(self.error is None)
        self._keep_actions_off()

    def _keep_actions_off(self) -> None:
        if self.error is not None:
            for action in self.writing_actions():
                action.setEnabled(False)

    def refused(self) -> bool:
        """True, after saying why, when the project may not be changed: for what no disabled action covers."""
        if self.error is None:
            return False
        self.window.show_error(self.tr("The project cannot be changed"), error_text(self.error))
        return True

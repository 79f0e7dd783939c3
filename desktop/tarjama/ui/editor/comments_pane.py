"""The Comments pane: the current segment's comments (who, when, what), a box to write one, a button to delete the
selected one, and below them the segment's track changes (`track_changes.py`).

Adding and deleting are undo steps of the session (`commands.CommentCommand`), so Ctrl+Z takes a comment back as
it takes back an edit; the project keeps both in its history (`tarjama.project.comments`). Ctrl+M (as in memoQ)
brings the pane forward with the keyboard in its box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tarjama.domain import Comment, Segment
from tarjama.errors import TarjamaError
from tarjama.ui.common.error_text import error_text
from tarjama.ui.editor.commands import CommentCommand
from tarjama.ui.editor.session import ProjectSession
from tarjama.ui.editor.track_changes import TrackChangesView
from tarjama.ui.shell.actions import make_action

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost

COMMENT_KEY = "Ctrl+M"
#: The comment a list row stands for.
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def when_text(created_at: str) -> str:
    """A comment's time as a reviewer reads it: "2026-03-01 14:05 UTC" (stored as UTC ISO)."""
    return f"{created_at[:16].replace('T', ' ')} UTC"


class CommentsPanel(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.session: ProjectSession | None = None
        self.segment: Segment | None = None
        self.add_action = make_action(window, self.tr("Add &comment…"), self.start_comment,
                                      [COMMENT_KEY])
        self.save_action = make_action(window, self.tr("Save comment"), self.save_comment)
        self.delete_action = make_action(window, self.tr("&Delete comment"),
                                         self.delete_selected)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self._enable)
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Write a comment on this segment and press Enter"))
        self.box.returnPressed.connect(self.save_comment)
        self.box.textChanged.connect(self._enable)
        self.track_changes = TrackChangesView()
        pane = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.box)
        for action in (self.save_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            row.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        top_layout.addLayout(row)
        # Side by side: the pane sits in the wide, short strip under the grid, which it must not make taller.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("comments-splitter")  # its sizes are remembered with the window's layout
        splitter.addWidget(top)
        splitter.addWidget(self.track_changes)
        QVBoxLayout(pane).addWidget(splitter)
        self.dock = QDockWidget(self.tr("Comments and changes"), window)
        self.dock.setObjectName("comments-dock")
        self.dock.setWidget(pane)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self._enable()

    def attach(self, session: ProjectSession | None) -> None:
        self.session = session
        self.show_segment(None)

    def show_segment(self, segment: Segment | None) -> None:
        """List the segment's comments as they stand and compare its target with where it began."""
        self.segment = segment
        self.list.clear()
        for comment in () if segment is None else segment.comments:
            item = QListWidgetItem(f"{comment.author} · {when_text(comment.created_at)}\n{comment.text}")
            item.setData(COMMENT_ROLE, comment)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft)
            self.list.addItem(item)
        self.track_changes.show_segment(segment)
        self._enable()

    def start_comment(self) -> None:
        """Ctrl+M: the pane forward and the keyboard in its box."""
        self.dock.show()
        self.dock.raise_()
        self.box.setFocus()

    def save_comment(self) -> None:
        text = self.box.text().strip()
        if not text or self.segment is None or self.session is None or not self.save_action.isEnabled():
            return
        if self._pushed(CommentCommand(self.session, self.segment.id, text=text, add=True)):
            self.box.clear()

    def delete_selected(self) -> None:
        comment = self.selected()
        if comment is None or self.session is None:
            return
        self._pushed(CommentCommand(self.session, comment.segment_id, comment_id=comment.id, add=False))

    def selected(self) -> Comment | None:
        items = self.list.selectedItems()
        return items[0].data(COMMENT_ROLE) if items else None

    def _pushed(self, command: CommentCommand) -> bool:
        assert self.session is not None
        try:
            self.session.undo_stack.push(command)
        except TarjamaError as exc:
            self.window.show_error(self.tr("The comment was not saved"), error_text(exc))
            return False
        return True

    def _enable(self) -> None:
        writable = self.session is not None and self.session.store.read_only is None and self.segment is not None
        self.box.setEnabled(writable)
        self.save_action.setEnabled(writable and bool(self.box.text().strip()))
        self.delete_action.setEnabled(writable and self.selected() is not None)

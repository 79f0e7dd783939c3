"""The TM editor (Translation memory → Edit translation memory…): search the memory as the concordance does, correct a
unit's target in place, delete a unit, and undo or redo either.

It keeps an undo stack of its own rather than the project's: the memory is another file, open here with or without
a project, and Ctrl+Z in the grid must never change the memory unseen (nor the stack be lost when the project
closes). Each command holds the logged change it made (`tarjama.memory.editing.UnitChange`), and undoing or redoing
it is the core's `revert` of that change, logged in its turn with the translator's name and the time.

Every search and write runs on one worker thread of the editor's own, in the order asked, each on a connection of
its own: a write may wait up to `WRITE_WAIT` seconds for another program's (a TMX import) without freezing the
window. A write the memory refuses (busy for longer, read-only, changed elsewhere) is shown as it is; if it was an
undo or redo, the stack is cleared, since it no longer says what the memory holds. After every write the results
are searched again and `changed` tells the window to look its matches up again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tarjama.domain import TmUnit
from tarjama.inline_tags import from_readable, readable
from tarjama.memory.editing import UnitChange, UnitEditor
from tarjama.memory.store import TranslationMemory
from tarjama.ui.common.error_text import error_text
from tarjama.ui.common.tasks import run_in_background
from tarjama.ui.memory.search_bar import MemorySearchBar
from tarjama.ui.memory.worker import CONCORDANCE_LIMIT, Search

Index = QModelIndex | QPersistentModelIndex
#: How long a write waits for another program's to end, on the editor's thread, before saying the memory is busy.
WRITE_WAIT = 30.0
SOURCE_COLUMN, TARGET_COLUMN, CHANGED_COLUMN = range(3)


class UnitTableModel(QAbstractTableModel):
    """The units found, one row each: the Arabic source (right-aligned), the English target (editable, inline
    tags written ⟨1⟩…⟨/1⟩ as the CLI writes them) and when it last changed."""

    editRequested = Signal(object, str)  # TmUnit, the new target

    def __init__(self, source_font: QFont) -> None:
        super().__init__()
        self.source_font = source_font
        self.units: list[TmUnit] = []

    def set_units(self, units: list[TmUnit]) -> None:
        self.beginResetModel()
        self.units = units
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Source"), self.tr("Target"), self.tr("Changed")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == TARGET_COLUMN else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        unit = self.units[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [readable(unit.source), readable(unit.target), unit.changed_at[:16].replace("T", " ")][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGED_COLUMN:
            return " · ".join(part for part in (unit.author, unit.document) if part)
        if role == Qt.ItemDataRole.FontRole and column == SOURCE_COLUMN:
            return self.source_font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SOURCE_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An edit typed in place is asked of the editor, which writes it off the UI thread; the row shows the
        new target once it is written (the search runs again)."""
        unit = self.units[index.row()]
        target = from_readable(str(value))
        if role != Qt.ItemDataRole.EditRole or index.column() != TARGET_COLUMN or target == unit.target:
            return False
        self.editRequested.emit(unit, target)
        return False


class UnitCommand(QUndoCommand):
    """One change of a unit, done before it is pushed: undo and redo are the core's `revert` of the change last
    made, run by the editor off the UI thread."""

    def __init__(self, editor: TmEditor, change: UnitChange, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.change = change
        self._done = True

    def redo(self) -> None:
        if self._done:  # pushed after the write: nothing to do the first time
            self._done = False
            return
        self.editor.revert(self)

    def undo(self) -> None:
        self.editor.revert(self)


class TmEditor(QDialog):
    #: A unit of the memory changed: the window's matches and concordance look again.
    changed = Signal()

    def __init__(self, path: Path, author: Callable[[], str], source_font: QFont,
                 show_error: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._author = author
        self._show_error = show_error
        self.setWindowTitle(self.tr("Edit translation memory: {name}").format(name=path.stem))
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # in the order asked: an undo never overtakes the edit it undoes
        self.undo_stack = QUndoStack(self)
        self._searched: Search | None = None

        self.bar = MemorySearchBar(source_font)
        self.search_edit, self.scope, self.count = self.bar.search_edit, self.bar.scope, self.bar.count
        self.model = UnitTableModel(source_font)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TARGET_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHANGED_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.delete_button = QPushButton(self.tr("&Delete unit"))
        self.delete_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))  # the window's keys, whatever the platform's theme
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        undo_button, redo_button = QPushButton(self.tr("Undo")), QPushButton(self.tr("Redo"))
        undo_button.clicked.connect(self.undo_action.trigger)
        redo_button.clicked.connect(self.redo_action.trigger)
        self.undo_stack.canUndoChanged.connect(undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo_button.setEnabled)
        undo_button.setEnabled(False)
        redo_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.delete_button, undo_button, redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.resize(900, 500)

        self.search_edit.returnPressed.connect(self.search_now)
        self.scope.currentIndexChanged.connect(self.search_now)
        self.model.editRequested.connect(self.edit_target)
        self.delete_button.clicked.connect(self.delete_current)

    # -- searching ------------------------------------------------------------------------------------------

    def open_with(self, text: str) -> None:
        """Show the editor searching for `text` (if any), ready for another query."""
        if text:
            self.search_edit.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.search_edit.setFocus()
        self.search_now()

    def current(self) -> Search:
        return self.bar.current()

    def search_now(self) -> None:
        search = self.current()
        self._searched = search
        if not search.query:
            self.model.set_units([])
            self.count.setText("")
            return
        self.count.setText(self.tr("Searching…"))

        def work() -> list[TmUnit]:
            with TranslationMemory.open(self.path) as memory:
                return [hit.unit for hit in memory.concordance(search.query, side=search.side,
                                                                limit=CONCORDANCE_LIMIT)]

        def found(units: list[TmUnit]) -> None:
            if search == self._searched:  # else typed on since
                self.model.set_units(units)
                self.count.setText(self.tr("Found: {n}").format(n=len(units)))

        run_in_background(work, found, self._search_failed, self.pool)

    def _search_failed(self, exc: Exception) -> None:
        self.model.set_units([])
        self.count.setText(error_text(exc))

    # -- changing -------------------------------------------------------------------------------------------

    def edit_target(self, unit: TmUnit, target: str) -> None:
        """Write `target` into the unit shown (refused if it changed since it was shown), then push its command."""
        assert unit.id is not None  # units read from the memory have theirs
        unit_id = unit.id
        self._write(lambda editor: editor.edit_target(unit_id, target, expected=unit.target),
                    lambda change: self.undo_stack.push(UnitCommand(self, change, self.tr("Edit unit"))),
                    self.tr("Cannot change the unit"))

    def delete_current(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.units):
            return
        unit_id = self.model.units[row].id
        assert unit_id is not None
        self._write(lambda editor: editor.delete(unit_id),
                    lambda change: self.undo_stack.push(UnitCommand(self, change, self.tr("Delete unit"))),
                    self.tr("Cannot delete the unit"))

    def revert(self, command: UnitCommand) -> None:
        """Undo or redo: the core reverts the command's last change, which the command then holds."""

        def reverted(change: UnitChange) -> None:
            command.change = change

        self._write(lambda editor: editor.revert(command.change), reverted, self.tr("Cannot undo or redo"),
                    clear_on_failure=True)

    def _write(self, work: Callable[[UnitEditor], UnitChange], done: Callable[[UnitChange], None], title: str,
               *, clear_on_failure: bool = False) -> None:
        author = self._author()

        def write() -> UnitChange:
            with TranslationMemory.open(self.path) as memory:
                return work(UnitEditor(memory, author=author, wait=WRITE_WAIT))

        def written(change: UnitChange) -> None:
            done(change)
            self.changed.emit()
            self.search_now()

        def failed(exc: Exception) -> None:
            if clear_on_failure:
                self.undo_stack.clear()
            self._show_error(title, error_text(exc))
            self.search_now()

        run_in_background(write, written, failed, self.pool)

"""The TM editor in the window (Translation memory → Edit translation memory…): search, edit a target in place,
delete a unit, undo and redo both with the editor's own stack; every write logged with the project's author."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from qt_keys import press, type_text
from tarjama.domain import TmUnit, UnitOrigin
from tarjama.memory.editing import UnitAction, history
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.ui.memory.tm_editor import TARGET_COLUMN, TmEditor
from tarjama.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SOURCE = "وصل الوزير إلى العاصمة صباح اليوم."
OLD = "The minister reached the capital in the morning."
NEW = "The minister arrived in the capital this morning."
OTHER = ("وعقد اجتماعاً مع نظيره.", "He met his counterpart.")


@pytest.fixture
def editor(qtbot, window: MainWindow) -> TmEditor:
    """The editor opened from the menu on the window's memory (the user's own), which holds two units."""
    with TranslationMemory.open_or_create(default_tm_path()) as tm:
        tm.add(TmUnit(SOURCE, OLD, origin=UnitOrigin.IMPORTED, author="ward"))
        tm.add(TmUnit(*OTHER, origin=UnitOrigin.IMPORTED, author="ward"))
    window.session.store.author = "layla"
    window.tm_menu.edit_action.trigger()
    opened = window.tm_menu.editor
    assert opened is not None and opened.isVisible()
    qtbot.addWidget(opened)
    return opened


def search(qtbot, editor: TmEditor, query: str) -> list[str]:
    """Type a query as the translator does and wait for the targets found."""
    editor.search_edit.clear()
    type_text(editor.search_edit, query)
    press(editor.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.count.text().startswith("Found"))
    return [unit.target for unit in editor.model.units]


def memory_targets() -> list[str]:
    with TranslationMemory.open(default_tm_path()) as tm:
        return sorted(unit.target for unit in tm.units())


def settled(qtbot, editor: TmEditor, targets: list[str], shown: list[str]) -> None:
    """Wait for the editor's write (on its own thread) to leave the memory holding `targets`, and for the search
    it runs again to show `shown`."""
    qtbot.waitUntil(lambda: memory_targets() == sorted(targets)
                    and [unit.target for unit in editor.model.units] == shown)


def test_edit_in_place_then_undo_and_redo(qtbot, window: MainWindow, editor: TmEditor) -> None:
    assert search(qtbot, editor, "الوزير") == [OLD]
    index = editor.model.index(0, TARGET_COLUMN)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    field = editor.table.findChild(QLineEdit)
    assert field is not None and field.text() == OLD
    field.selectAll()
    type_text(field, NEW)
    press(field, Qt.Key.Key_Return)
    settled(qtbot, editor, [NEW, OTHER[1]], [NEW])
    assert search(qtbot, editor, "reached") == [] and search(qtbot, editor, "arrived") == [NEW]

    press(editor.table, Qt.Key.Key_Z, CTRL)
    settled(qtbot, editor, [OLD, OTHER[1]], [])  # the search was for "arrived"
    press(editor.table, Qt.Key.Key_Z, CTRL | SHIFT)
    settled(qtbot, editor, [NEW, OTHER[1]], [NEW])
    with TranslationMemory.open(default_tm_path()) as tm:
        log = history(tm)
    assert [(c.action, c.old_target, c.new_target, c.author) for c in log] == [
        (UnitAction.EDITED, OLD, NEW, "layla"), (UnitAction.REVERTED, NEW, OLD, "layla"),
        (UnitAction.EDITED, OLD, NEW, "layla")]
    assert window.session.store.segments()[0].target == ""  # the project is another file: untouched


def test_delete_then_undo_restores_the_same_unit(qtbot, editor: TmEditor) -> None:
    with TranslationMemory.open(default_tm_path()) as tm:
        before = {unit.id: unit for unit in tm.units()}
    assert search(qtbot, editor, "counterpart") == [OTHER[1]]
    editor.table.setCurrentIndex(editor.model.index(0, TARGET_COLUMN))
    press(editor.table, Qt.Key.Key_Delete)
    settled(qtbot, editor, [OLD], [])

    editor.undo_action.trigger()
    settled(qtbot, editor, [OLD, OTHER[1]], [OTHER[1]])
    with TranslationMemory.open(default_tm_path()) as tm:
        assert {unit.id: unit for unit in tm.units()} == before
        assert [c.action for c in history(tm)] == [UnitAction.RESTORED, UnitAction.DELETED]
    editor.redo_action.trigger()
    settled(qtbot, editor, [OLD], [])


def test_a_unit_changed_elsewhere_is_not_overwritten(qtbot, window: MainWindow, editor: TmEditor,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(editor, "_show_error", lambda title, text: shown.append((title, text)))
    assert search(qtbot, editor, "الوزير") == [OLD]
    with TranslationMemory.open(default_tm_path()) as tm:  # another program, meanwhile
        (unit,) = [u for u in tm.units() if u.target == OLD]
        tm.add(TmUnit(SOURCE, "Someone else's wording."))
        tm._conn.execute("DELETE FROM units WHERE id = ?", [unit.id])  # noqa: SLF001 - the other program's write
    editor.model.setData(editor.model.index(0, TARGET_COLUMN), NEW)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "Cannot change the unit" and "deleted since" in shown[0][1]
    assert memory_targets() == sorted(["Someone else's wording.", OTHER[1]]) and editor.undo_stack.count() == 0
    QApplication.processEvents()

"""The spellcheck in the window: the red wave under misspelt words of the open editor (on the document's layout,
chips kept) and of the grid's target cells, and the right-click menu whose suggestion replaces the word and whose
"Add to my dictionary" and "Ignore" take the wave away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from qt_keys import press
from tarjama.inline_tags import close_mark, open_mark
from tarjama.paths import user_dictionary_path
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.editor.spelling import spelling_menu
from window_fixtures import editor_of, open_window, project_of

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def waved(editor) -> list[str]:  # noqa: ANN001 - the grid's TargetEditor
    """The text under a red wave in the editor's first block, as its layout holds the highlighter's formats."""
    block = editor.document().firstBlock()
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats() if r.format.underlineStyle() == WAVE]


def point_at(editor, offset: int):  # noqa: ANN001, ANN201
    cursor = editor.textCursor()
    cursor.setPosition(offset + 1)
    return editor.cursorRect(cursor).center()


@pytest.fixture
def editor(window):  # noqa: ANN001, ANN201
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    editor.setPlainText("The minister arived in the capitel this morning.")
    return editor


def test_the_editor_waves_under_misspelt_words_only(editor) -> None:  # noqa: ANN001
    assert waved(editor) == ["arived", "capitel"]


def test_a_tagged_word_is_waved_around_its_chip(editor) -> None:  # noqa: ANN001
    editor.setPlainText(f"The minister {open_mark(1)}arived{close_mark(1)} in the capital.")
    assert waved(editor) == ["arived"]
    editor.setPlainText(f"The minister ar{open_mark(1)}ived{close_mark(1)} today.")
    assert waved(editor) == ["ar", "ived"]  # the chip between keeps its own format


def test_a_suggestion_replaces_the_word_as_one_undo_step(editor) -> None:  # noqa: ANN001
    text = editor.toPlainText()
    menu = spelling_menu(editor, editor.spelling, point_at(editor, text.index("arived")))
    labels = [action.text() for action in menu.actions()]
    assert "arrived" in labels[:5] and "Add to my dictionary" in labels and "Ignore" in labels
    next(action for action in menu.actions() if action.text() == "arrived").trigger()
    assert editor.toPlainText() == "The minister arrived in the capitel this morning."
    assert waved(editor) == ["capitel"]
    editor.undo()
    assert editor.toPlainText() == text


def test_add_and_ignore_take_the_wave_away(window, editor) -> None:  # noqa: ANN001
    text = editor.toPlainText()
    menu = spelling_menu(editor, editor.spelling, point_at(editor, text.index("capitel")))
    next(action for action in menu.actions() if action.text() == "Add to my dictionary").trigger()
    assert waved(editor) == ["arived"]
    assert user_dictionary_path().read_text(encoding="utf-8") == "capitel\n"
    menu = spelling_menu(editor, editor.spelling, point_at(editor, text.index("arived")))
    next(action for action in menu.actions() if action.text() == "Ignore").trigger()
    assert waved(editor) == []
    assert user_dictionary_path().read_text(encoding="utf-8") == "capitel\n"  # ignored for this session only
    menu = spelling_menu(editor, editor.spelling, point_at(editor, text.index("minister")))
    assert "Ignore" not in [action.text() for action in menu.actions()]  # a right word: the standard menu


def test_the_grid_waves_under_a_misspelt_target(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = project_of(tmp_path, "وصل الوزير إلى العاصمة.\n")
    with ProjectStore.open(project) as store:
        store.update_segment(1, target="The ministr arrived in Raqqa.")
    win = open_window(qtbot, project)
    try:
        target = "The ministr arrived in Raqqa."
        index = win.proxy.index(0, Column.TARGET)
        assert [target[a:b] for a, b in win.delegate.misspelt_at(index)] == ["ministr", "Raqqa"]
        assert win.delegate.misspelt_at(win.proxy.index(0, Column.SOURCE)) == []
        win.delegate.spelling.set_enabled(False)
        assert win.delegate.misspelt_at(index) == []
    finally:
        win.close()


def test_the_view_menu_turns_the_underline_off_and_the_next_start_remembers(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = project_of(tmp_path, "وصل الوزير إلى العاصمة.\n")
    with ProjectStore.open(project) as store:
        store.update_segment(1, target="The ministr arrived.")
    win = open_window(qtbot, project)
    index = win.proxy.index(0, Column.TARGET)
    assert win.spelling_action.isChecked() and win.delegate.misspelt_at(index) != []
    win.spelling_action.trigger()
    assert win.delegate.misspelt_at(index) == []
    win.close()
    again = open_window(qtbot, project)
    try:
        assert not again.spelling_action.isChecked()
        assert again.delegate.misspelt_at(again.proxy.index(0, Column.TARGET)) == []
    finally:
        again.close()


def test_the_dictionaries_are_read_off_the_ui_thread_and_the_wave_follows(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Reading the Hunspell files takes seconds the first time: on the UI thread it froze pre-translation's first
    paint for three (bench/pretranslate_stall.py). The first ask gets no wave and starts the reading; the views are
    told when it is done."""
    from tarjama.domain import Segment
    from tarjama.spelling import SpellChecker, UserDictionary
    from tarjama.spelling.checker import DICTIONARY_NAMES, _Dictionaries
    from tarjama.ui.editor.spelling import SpellingService

    service = SpellingService(checker=SpellChecker(UserDictionary(tmp_path / "w.txt"),
                                                   _Dictionaries(DICTIONARY_NAMES)))
    told: list[bool] = []
    service.changed.connect(lambda: told.append(True))
    segment = Segment(1, 1, 0, 0, "وصل الوزير.", target="The ministr arrived.")
    assert service.spans(segment, segment.target) == [] and not service.checker.ready
    qtbot.waitUntil(lambda: told == [True], timeout=30000)
    assert [segment.target[a:b] for a, b in service.spans(segment, segment.target)] == ["ministr"]


def test_while_the_window_is_busy_pre_translating_the_dictionaries_wait(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Read during pre-translation, the dictionaries took the interpreter from the window's own calls and froze the
    grid; the reading waits until the window is no longer busy, then the wave comes."""
    from tarjama.domain import Segment
    from tarjama.spelling import SpellChecker, UserDictionary
    from tarjama.spelling.checker import DICTIONARY_NAMES, _Dictionaries
    from tarjama.ui.editor import spelling

    service = spelling.SpellingService(checker=SpellChecker(UserDictionary(tmp_path / "w.txt"),
                                                            _Dictionaries(DICTIONARY_NAMES)))
    busy = [True]
    service.busy = lambda: busy[0]
    segment = Segment(1, 1, 0, 0, "وصل الوزير.", target="The ministr arrived.")
    assert service.spans(segment, segment.target) == []
    qtbot.wait(2 * spelling._BUSY_RETRY_MS + 200)
    assert not service.checker.ready
    busy[0] = False
    qtbot.waitUntil(lambda: service.checker.ready, timeout=30000)
    qtbot.waitUntil(lambda: service.spans(segment, segment.target) != [], timeout=5000)

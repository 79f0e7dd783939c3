"""Input fields in the Arabic UI: English (and paths) typed flush left, Arabic flush right, while the dialogs around
them are mirrored. A QLineEdit follows the first letter of its text on its own, so what is checked is what it gets
wrong unaided: where the caret waits in an empty field, and an English entry that begins with an Arabic word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from qt_keys import type_text
from tarjama.ui.editor.find_bar import FindBar
from tarjama.ui.glossary.term_dialog import TermDialog

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


@pytest.fixture
def arabic_layout(qapp: QApplication):
    """The whole application right to left, as `tarjama.ui.shell.i18n` makes it for the Arabic UI."""
    qapp.setLayoutDirection(RTL)
    yield
    qapp.setLayoutDirection(LTR)


def _side(edit: QLineEdit, text: str = "") -> str:
    """Which half of `edit` its text (typed now) sits in, by where the caret is drawn before and after it; for an
    empty field, where the caret waits for the first keystroke."""
    edit.setFocus()
    type_text(edit, text)
    carets = []
    for move in (edit.home, edit.end):
        move(False)
        carets.append(edit.cursorRect().center().x())
    if max(carets) < edit.width() / 2:
        return "left"
    return "right" if min(carets) > edit.width() / 2 else f"both halves ({carets} of {edit.width()})"


@pytest.fixture
def term_dialog(qtbot, arabic_layout):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TermDialog(parent, QFont())
    dialog.resize(500, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def test_the_glossary_dialog_waits_for_english_at_the_left_and_arabic_at_the_right(term_dialog) -> None:
    assert term_dialog.layoutDirection() == RTL, "the dialog itself is mirrored"
    assert _side(term_dialog.english) == "left"
    assert _side(term_dialog.forbidden) == "left"
    assert _side(term_dialog.arabic) == "right"


def test_english_stays_flush_left_and_arabic_flush_right_as_typed(term_dialog) -> None:
    assert _side(term_dialog.english, "army; armed forces") == "left"
    term_dialog.english.clear()
    assert _side(term_dialog.english, "الجيش: army") == "left", "an Arabic first word does not move it"
    assert _side(term_dialog.forbidden, "troops") == "left"
    assert _side(term_dialog.arabic, "الجيش") == "right"
    assert term_dialog.entry().targets == ("الجيش: army",)


def test_the_replacement_text_is_english(qtbot, arabic_layout) -> None:
    find = FindBar()
    qtbot.addWidget(find)
    find.resize(1600, 60)
    find.show()
    qtbot.waitExposed(find)
    assert _side(find.replace_edit) == "left"
    assert _side(find.replace_edit, "«الوزير» minister") == "left"

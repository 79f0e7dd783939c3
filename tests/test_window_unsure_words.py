"""The words the machine was unsure of: a dotted amber underline on the low-probability words of the machine
translation, in the Machine translation pane and in the target (open editor and grid cell) until the translator edits
that word, turned off from the View menu (remembered), beside the spellcheck's red wave; and the match column's
tooltip naming the calibrated confidence's band."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from qt_keys import press
from tarjama.domain import MachineSuggestion, Origin, Segment, Status, WordScore
from tarjama.inline_tags import close_mark, open_mark
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.editor.unsure_words import UnsureWords, kept_spans
from window_fixtures import editor_of, open_window, project_of

DOTTED = QTextCharFormat.UnderlineStyle.DotLine
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
MACHINE = "The minister reached the capitel this morning."
#: The words the model was unsure of, with their probabilities; every other word is scored 0.97.
DOUBTS = {"reached": 0.21, "morning.": 0.34}


def scored(text: str, doubts: dict[str, float]) -> tuple[WordScore, ...]:
    """The words of `text` as the engine scores them (runs of non-space characters), `doubts` low, the rest high."""
    return tuple(WordScore(m.start(), m.end(), doubts.get(m.group(), 0.97)) for m in re.finditer(r"\S+", text))


def underlined(block, style: QTextCharFormat.UnderlineStyle) -> list[str]:  # noqa: ANN001 - a QTextBlock
    """The text of a block under an underline of `style`, from its layout's formats (the highlighter's) or, for a
    label's rich text, from the block's own character formats."""
    text = block.text()
    ranges = block.layout().formats() or block.textFormats()
    return [text[r.start:r.start + r.length] for r in ranges if r.format.underlineStyle() == style]


def cell_words(win, style_spans) -> list[str]:  # noqa: ANN001
    target = str(win.proxy.index(0, Column.TARGET).data())
    return [target[a:b] for a, b in style_spans]


def pane_marks(win) -> list[str]:  # noqa: ANN001
    document = QTextDocument()
    document.setHtml(win.alternatives.machine.text())
    return underlined(document.firstBlock(), DOTTED)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """One segment machine-translated as MACHINE, with two unsure words (and a misspelt one)."""
    path = project_of(tmp_path, "وصل الوزير إلى العاصمة صباح اليوم.\n")
    with ProjectStore.open(path) as store:
        store.apply_machine_translations([(1, MachineSuggestion(MACHINE, 0.42, words=scored(MACHINE, DOUBTS)), [])])
    return path


@pytest.fixture
def editor(window):  # noqa: ANN001, ANN201
    press(window.grid, Qt.Key.Key_F2)
    return editor_of(window)


def test_the_editor_marks_the_unsure_words_beside_the_spelling_wave(editor) -> None:  # noqa: ANN001
    block = editor.document().firstBlock()
    assert underlined(block, DOTTED) == ["reached", "morning."]
    assert underlined(block, WAVE) == ["capitel"]


def test_editing_a_word_takes_its_mark_away_and_leaves_the_others(editor) -> None:  # noqa: ANN001
    cursor = editor.textCursor()
    start = MACHINE.index("reached")
    cursor.setPosition(start)
    cursor.setPosition(start + len("reached"), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("arrived in")
    assert underlined(editor.document().firstBlock(), DOTTED) == ["morning."]
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertText("This morning, ")  # the words after it move: the mark moves with its word
    assert underlined(editor.document().firstBlock(), DOTTED) == ["morning."]
    assert editor.toPlainText().endswith("morning.")


def test_a_misspelt_unsure_word_shows_the_wave(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = project_of(tmp_path, "وصل الوزير إلى العاصمة.\n")
    text = "The minister reached the capitel."
    with ProjectStore.open(path) as store:
        store.apply_machine_translations([(1, MachineSuggestion(text, 0.4, words=scored(text, {"capitel.": 0.1})), [])])
    win = open_window(qtbot, path)
    try:
        press(win.grid, Qt.Key.Key_F2)
        block = editor_of(win).document().firstBlock()
        assert underlined(block, WAVE) == ["capitel"]  # the wave wins where both fall
        assert underlined(block, DOTTED) == ["."]
    finally:
        win.close()


def test_the_grid_marks_the_cell_until_the_words_are_edited_and_none_once_approved(window) -> None:  # noqa: ANN001
    index = window.proxy.index(0, Column.TARGET)
    assert cell_words(window, window.delegate.unsure_at(index)) == ["reached", "morning."]
    assert [MACHINE[a:b] for a, b in window.delegate.misspelt_at(index)] == ["capitel"]
    assert window.delegate.unsure_at(window.proxy.index(0, Column.SOURCE)) == []
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    editor.setPlainText("The minister arrived in the capital this morning.")
    window.commit_open_editor()
    index = window.proxy.index(0, Column.TARGET)
    assert index.data(Qt.ItemDataRole.UserRole + 1).status == Status.DRAFT
    assert cell_words(window, window.delegate.unsure_at(index)) == ["morning."]
    assert pane_marks(window) == ["reached", "morning."]  # the pane shows the machine's own text


def test_an_approved_target_and_one_from_the_memory_show_no_marks() -> None:
    words = scored(MACHINE, DOUBTS)
    segment = Segment(1, 1, 0, 0, "وصل.", target=MACHINE, status=Status.MACHINE, origin=Origin.MT,
                      mt_text=MACHINE, mt_words=words)
    unsure = UnsureWords()
    assert [MACHINE[a:b] for a, b in unsure.in_target(segment, MACHINE)] == ["reached", "morning."]
    approved = Segment(1, 1, 0, 0, "وصل.", target=MACHINE, status=Status.APPROVED, origin=Origin.HUMAN,
                       mt_text=MACHINE, mt_words=words)
    from_memory = Segment(1, 1, 0, 0, "وصل.", target=MACHINE, status=Status.DRAFT, origin=Origin.TM,
                          mt_text=MACHINE, mt_words=words, tm_score=80, tm_text=MACHINE)
    assert unsure.in_target(approved, MACHINE) == [] and unsure.in_target(from_memory, MACHINE) == []
    assert [MACHINE[a:b] for a, b in unsure.in_machine_text(approved)] == ["reached", "morning."]


def test_a_mark_follows_its_word_across_tags() -> None:
    origin = f"The {open_mark(1)}minister{close_mark(1)} reached it."
    spans = [(origin.index("minister"), origin.index("minister") + len("minister") + 1),  # its closing tag inside
             (origin.index("reached"), origin.index("reached") + len("reached"))]
    target = f"{open_mark(1)}Yesterday{close_mark(1)} the minister reached it."
    assert [target[a:b] for a, b in kept_spans(origin, spans, target)] == ["minister", "reached"]
    edited = "The ministers reached it."
    assert [edited[a:b] for a, b in kept_spans(origin, spans, edited)] == ["reached"]


def test_the_pane_marks_the_unsure_words(window) -> None:  # noqa: ANN001
    assert pane_marks(window) == ["reached", "morning."]
    assert "Machine translation:" in window.alternatives.machine.text()


def test_the_view_menu_turns_marking_off_and_the_next_start_remembers(qtbot, project: Path) -> None:  # noqa: ANN001
    win = open_window(qtbot, project)
    index = win.proxy.index(0, Column.TARGET)
    assert win.unsure_action.isChecked() and win.delegate.unsure_at(index) != []
    press(win.grid, Qt.Key.Key_F2)
    win.unsure_action.trigger()
    assert win.delegate.unsure_at(index) == [] and pane_marks(win) == []
    assert underlined(editor_of(win).document().firstBlock(), DOTTED) == []
    assert underlined(editor_of(win).document().firstBlock(), WAVE) == ["capitel"]  # spelling is apart
    win.close()
    again = open_window(qtbot, project)
    try:
        assert not again.unsure_action.isChecked()
        index = again.proxy.index(0, Column.TARGET)
        assert again.delegate.unsure_at(index) == [] and pane_marks(again) == []
        again.unsure_action.trigger()
        assert again.delegate.unsure_at(index) != [] and pane_marks(again) == ["reached", "morning."]
    finally:
        again.close()


def test_the_match_column_names_the_confidence_band(window) -> None:  # noqa: ANN001
    tooltip = window.proxy.index(0, Column.CONFIDENCE).data(Qt.ItemDataRole.ToolTipRole)
    assert "42%" in tooltip and "Unsure" in tooltip and "50%" in tooltip

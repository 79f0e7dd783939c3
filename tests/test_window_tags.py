"""Inline tags in the window (issue 16): numbered chips in both columns and in the editor instead of the raw marks,
F9 inserting the next tag the translation lacks (around the selected words when it can), copy source keeping the
tags, a deleted chip brought back by undo, and a tagged translation approved with its marks stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from qt_keys import press, type_text
from tarjama.domain import ImportedDocument, Status
from tarjama.inline_tags import InlineTag, TagKind, close_mark, marks, open_mark, plain, standalone_mark
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.delegate import direction_option, lay_out
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.editor.tag_chips import PAIRED_BORDER, STANDALONE_FILL, ChipStyle, cell_text
from tarjama.ui.shell.actions import INSERT_TAG_KEY
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
B, LINK, NOTE = 1, 2, 3
TAGS = {
    B: InlineTag(B, TagKind.PAIRED, "bold", "Bold"),
    LINK: InlineTag(LINK, TagKind.PAIRED, "link", "https://example.org/visit"),
    NOTE: InlineTag(NOTE, TagKind.STANDALONE, "footnote", "Footnote 1"),
}
#: One paragraph, two sentences: a bold word, a link and a footnote reference in the first; none in the second.
PARAGRAPH = (
    f"وصل {open_mark(B)}الوزير{close_mark(B)} إلى {open_mark(LINK)}العاصمة{close_mark(LINK)} صباح اليوم."
    f"{standalone_mark(NOTE)} وعقد اجتماعاً مع نظيره."
)
#: The first sentence's translation with every tag where it belongs.
TAGGED_TARGET = (
    f"The {open_mark(B)}minister{close_mark(B)} arrived in the {open_mark(LINK)}capital{close_mark(LINK)} this "
    f"morning.{standalone_mark(NOTE)}"
)


def tagged_project(path: Path, target: str | None = None) -> Path:
    """A project of `PARAGRAPH` as a tagged document imports it; `target`, when given, is the first segment's."""
    document = ImportedDocument("visit", "txt", paragraphs=[PARAGRAPH], tags=(TAGS,))
    with ProjectStore.create(path, [document]) as store:
        if target is not None:
            store.update_segment(store.segments()[0].id, target=target)
    return path


def active_window(qtbot, path: Path) -> MainWindow:  # noqa: ANN001 - pytest-qt's QtBot
    """A window on `path`, made the active one: a shortcut (F9) reaches only the active window."""
    window = open_window(qtbot, path)
    window.activateWindow()
    QApplication.processEvents()
    return window


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return tagged_project(tmp_path / "tagged.tarjama", TAGGED_TARGET)


@pytest.fixture
def window(qtbot, project: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    win = active_window(qtbot, project)
    yield win
    win.close()


def _colour_near(image: QImage, colour: QColor, left: int, top: int, right: int, bottom: int) -> int:
    """How many pixels of the image's rectangle are (about) `colour`."""
    count = 0
    for x in range(max(left, 0), min(right, image.width())):
        for y in range(max(top, 0), min(bottom, image.height())):
            pixel = QColor(image.pixel(x, y))
            if max(abs(pixel.red() - colour.red()), abs(pixel.green() - colour.green()),
                   abs(pixel.blue() - colour.blue())) < 24:  # fmt: skip
                count += 1
    return count


def _cell_image(window: MainWindow, row: int, column: int) -> tuple[QImage, tuple[int, int, int, int]]:
    viewport = window.grid.viewport()
    image = viewport.grab().toImage()
    scale = image.width() / viewport.width()
    rect = window.grid.visualRect(window.proxy.index(row, column))
    box = (int(rect.left() * scale), int(rect.top() * scale), int(rect.right() * scale), int(rect.bottom() * scale))
    return image, box


def test_tags_are_chips_in_both_columns_and_cells_without_tags_have_none(window: MainWindow) -> None:
    window.grid.setCurrentIndex(window.proxy.index(1, Column.NUMBER))  # the first row unselected, as most are
    QApplication.processEvents()
    for column in (Column.SOURCE, Column.TARGET):
        image, box = _cell_image(window, 0, column)
        assert _colour_near(image, PAIRED_BORDER, *box) > 20, f"no paired chip drawn in column {column}"
        assert _colour_near(image, STANDALONE_FILL, *box) > 20, f"no standalone chip drawn in column {column}"
    image, box = _cell_image(window, 1, Column.SOURCE)
    assert _colour_near(image, PAIRED_BORDER, *box) == 0, "a sentence without tags shows no chip"


def test_a_cell_draws_no_glyph_for_a_mark(qapp: QApplication) -> None:
    """The chips replace the marks: with the chips' own drawing left out, a tagged cell is inked exactly where the
    same words are without any chip, and nowhere inside the room a chip takes (no box of a missing glyph)."""
    font = QFont()
    font.setPointSize(14)
    text = f"a {open_mark(B)}bold{close_mark(B)} word{standalone_mark(NOTE)}"
    style = ChipStyle(font)
    shown = cell_text(text)
    layout, height = lay_out(shown, font, direction_option(False), 600, style.formats(text, shown))
    image = QImage(620, int(height) + 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    painter.setPen(QColor("black"))
    layout.draw(painter, QPointF(0, 0))
    painter.end()
    rooms = [rect for _, rect in style.chip_rects(layout, text, QPointF(0, 0))]
    assert len(rooms) == 3
    for room in rooms:
        inked = _colour_near(image, QColor("black"), int(room.left()), 0, int(room.right()) + 1, image.height())
        assert inked == 0, "a mark's glyph was drawn where its chip goes"
    assert _colour_near(image, QColor("black"), 0, 0, image.width(), image.height()) > 50, "the words were drawn"


def test_an_opening_chip_stands_on_the_right_of_its_arabic_word_and_on_the_left_of_its_english_one(
    qapp: QApplication,
) -> None:
    font = QFont()
    font.setPointSize(14)
    style = ChipStyle(font)
    for text, right_to_left in (
        (f"كلمة {open_mark(B)}مهمة{close_mark(B)} أخرى", True),
        (f"one {open_mark(B)}bold{close_mark(B)} word", False),
    ):
        shown = cell_text(text)
        layout, _ = lay_out(shown, font, direction_option(right_to_left), 600, style.formats(text, shown))
        opening, closing = (rect for _, rect in style.chip_rects(layout, text, QPointF(0, 0)))
        word = plain(text).split()[1]
        assert (opening.left() > closing.right()) == right_to_left, f"chips around {word!r} in the wrong order"
        assert not opening.intersects(closing)


def test_the_editor_shows_chips_and_gives_back_the_exact_marks(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    QApplication.processEvents()
    assert editor.toPlainText() == TAGGED_TARGET
    image = editor.viewport().grab().toImage()
    whole = (0, 0, image.width(), image.height())
    assert _colour_near(image, PAIRED_BORDER, *whole) > 20 and _colour_near(image, STANDALONE_FILL, *whole) > 20
    type_text(editor, " Then")
    press(editor, Qt.Key.Key_Return, CTRL)
    first = stored(project)[0]
    assert first.target == TAGGED_TARGET + " Then"
    assert first.status == Status.APPROVED


def test_a_chip_tooltip_names_the_tag(window: MainWindow) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    QApplication.processEvents()
    block = editor.document().firstBlock()
    origin = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).topLeft()
    style = ChipStyle(editor.font())
    rects = {mark.id: rect for mark, rect in style.chip_rects(block.layout(), block.text(), origin)}
    centre = rects[LINK].center().toPoint()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, centre, editor.viewport().mapToGlobal(centre))
    QApplication.sendEvent(editor.viewport(), event)
    assert "https://example.org/visit" in QToolTip.text()
    assert QToolTip.text().startswith("Tag 2, ") and ": link" in QToolTip.text()


def test_f9_inserts_the_missing_tags_in_source_order(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    path = tagged_project(tmp_path / "untranslated.tarjama")
    window = active_window(qtbot, path)
    assert INSERT_TAG_KEY in window.insert_tag_action.shortcut().toString()
    press(window.grid, Qt.Key.Key_F9)  # opens the editor, as a key typed into the grid does
    editor = editor_of(window)
    assert editor.toPlainText() == open_mark(B)
    type_text(editor, "minister")
    press(editor, Qt.Key.Key_F9)
    type_text(editor, " in the ")
    for _ in range(3):
        press(editor, Qt.Key.Key_F9)
    assert editor.toPlainText() == (
        f"{open_mark(B)}minister{close_mark(B)} in the {open_mark(LINK)}{close_mark(LINK)}{standalone_mark(NOTE)}"
    )
    press(editor, Qt.Key.Key_F9)  # nothing left to insert
    assert "every tag" in window.statusBar().currentMessage()
    press(editor, Qt.Key.Key_Return, CTRL)
    first = stored(path)[0]
    assert [m.char for m in marks(first.target)] == [m.char for m in marks(first.source)]
    assert first.status == Status.APPROVED
    window.close()


def test_f9_wraps_the_selected_words_in_the_next_paired_tag(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    path = tagged_project(tmp_path / "wrap.tarjama", "The minister arrived")
    window = active_window(qtbot, path)
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(12, QTextCursor.MoveMode.KeepAnchor)  # "minister"
    editor.setTextCursor(cursor)
    press(editor, Qt.Key.Key_F9)
    assert editor.toPlainText() == f"The {open_mark(B)}minister{close_mark(B)} arrived"
    assert editor.textCursor().position() == 14, "the cursor goes on after the closing tag"
    editor.undo()  # the editor's own undo (its context menu): one step takes the pair out
    assert editor.toPlainText() == "The minister arrived"
    window.close()


def test_copy_source_keeps_the_tags(window: MainWindow, project: Path) -> None:
    window.go_to(stored(project)[0].id)
    press(window.grid, Qt.Key.Key_Insert, CTRL)
    first = stored(project)[0]
    assert first.target == first.source and marks(first.target)
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    editor.setPlainText("typed")
    press(editor, Qt.Key.Key_Insert, CTRL)  # into the open editor
    assert editor.toPlainText() == first.source


def test_a_deleted_chip_comes_back_with_undo(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    cursor = editor.textCursor()
    cursor.setPosition(TAGGED_TARGET.index(close_mark(B)) + 1)
    editor.setTextCursor(cursor)
    press(editor, Qt.Key.Key_Backspace)  # one key takes the whole chip, never half a tag
    assert editor.toPlainText() == TAGGED_TARGET.replace(close_mark(B), "")
    editor.undo()  # the editor's own undo
    assert editor.toPlainText() == TAGGED_TARGET
    press(editor, Qt.Key.Key_Backspace)
    press(editor, Qt.Key.Key_Return, CTRL)
    assert stored(project)[0].target == TAGGED_TARGET.replace(close_mark(B), "")
    press(window.grid, Qt.Key.Key_Z, CTRL)  # the window's undo takes back the approved edit
    first = stored(project)[0]
    assert (first.target, first.status) == (TAGGED_TARGET, Status.DRAFT)
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    cursor = editor.textCursor()
    cursor.setPosition(TAGGED_TARGET.index(close_mark(B)) + 1)
    editor.setTextCursor(cursor)
    press(editor, Qt.Key.Key_Backspace)
    press(editor, Qt.Key.Key_Z, CTRL)  # Ctrl+Z while typing undoes the typing, chip and all
    assert stored(project)[0].target == TAGGED_TARGET
    press(window.grid, Qt.Key.Key_F2)
    cursor = editor_of(window).textCursor()
    cursor.setPosition(TAGGED_TARGET.index(close_mark(B)))  # where the chip was
    editor_of(window).setTextCursor(cursor)
    press(editor_of(window), Qt.Key.Key_Backspace)
    press(editor_of(window), Qt.Key.Key_F9)  # the missing chip, put back by the key
    assert editor_of(window).toPlainText().count(close_mark(B)) == 1


def test_no_two_actions_of_the_window_share_a_shortcut(window: MainWindow) -> None:
    """F9 was picked because nothing else has it; this keeps it (and every other key) taken once."""
    taken: dict[str, str] = {}
    for action in window.findChildren(type(window.insert_tag_action)):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in taken, f"{key} is both {taken[key]!r} and {action.text()!r}"
            taken[key] = action.text()
    assert taken[INSERT_TAG_KEY] == window.insert_tag_action.text()
    assert window.insert_tag_action in window.menuBar().actions()[1].menu().actions(), "shown in the Edit menu"


def test_grid_cell_tooltip_names_the_footnote(window: MainWindow) -> None:
    viewport = window.grid.viewport()
    rect = window.grid.visualRect(window.proxy.index(0, Column.SOURCE))
    # Sweep the cell's first line, right to left, until a tooltip names the footnote.
    found = ""
    for x in range(rect.right() - 2, rect.left(), -3):
        for y in range(rect.top() + 4, min(rect.top() + 60, rect.bottom()), 4):
            point = QPoint(x, y)
            QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
            if "Footnote 1" in QToolTip.text():
                found = QToolTip.text()
                break
        if found:
            break
    assert "Footnote" in found


def test_zooming_while_editing_resizes_the_chips_and_changes_no_text(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    QApplication.processEvents()

    def chip_width() -> float:
        block = editor.document().firstBlock()
        chips = ChipStyle(editor.font()).chip_rects(block.layout(), block.text(), QPointF())
        return next(chips)[1].width()

    before = chip_width()
    activity: list[object] = []
    editor.activity.connect(lambda: activity.append(1))
    window.zoom.zoom_in()
    QApplication.processEvents()
    assert chip_width() > before
    assert editor.toPlainText() == TAGGED_TARGET
    assert not activity, "resizing the chips is no editing"


def test_the_split_dialog_shows_the_source_tags_as_chips(qapp: QApplication) -> None:
    from tarjama.ui.shell.dialogs import SplitDialog
    from tarjama.ui.shell.fonts import load_arabic_font

    dialog = SplitDialog(None, PARAGRAPH, load_arabic_font())  # type: ignore[arg-type]
    dialog.resize(700, 300)
    dialog.show()
    QApplication.processEvents()
    image = dialog.text.viewport().grab().toImage()
    whole = (0, 0, image.width(), image.height())
    assert _colour_near(image, PAIRED_BORDER, *whole) > 20 and _colour_near(image, STANDALONE_FILL, *whole) > 20
    assert dialog.text.toPlainText() == PARAGRAPH, "the offset chosen is one in the coded text"
    dialog.close()


def test_the_window_counts_words_as_the_project_does_marks_aside(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """A footnote mark standing between two spaces is no word, in the status bar as in `tarjama-cli stats`."""
    from tarjama.ui.editor.progress_tally import _share

    path = tmp_path / "note.tarjama"
    paragraph = f"قال {standalone_mark(NOTE)} الوزير."
    ProjectStore.create(path, [ImportedDocument("n", "txt", paragraphs=[paragraph], tags=(TAGS,))]).close()
    window = open_window(qtbot, path)
    try:
        assert window.session is not None
        (segment,) = window.session.model.segments()
        assert window.session.model.progress()[2] == _share(segment).words == 2
    finally:
        window.close()

"""The Comments pane in the window: Ctrl+M and Enter write a comment, undo and redo take it back and bring it again,
Delete deletes the selected one (kept in the project's history), the grid marks a commented segment and filters on
it, and the track-changes view shows the MT against the edited target."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tarjama.domain import MachineSuggestion
from tarjama.project.comments import CommentService
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.delegate import COMMENT_MARK
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import stored


def _write_comment(qtbot: QtBot, win: MainWindow, text: str) -> None:
    qtbot.keyClick(win.grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert win.comments.box.hasFocus() or win.focusWidget() is win.comments.box
    qtbot.keyClicks(win.comments.box, text)  # English only: keyClicks is safe here
    qtbot.keyClick(win.comments.box, Qt.Key.Key_Return)


def test_ctrl_m_writes_a_comment_that_undo_takes_back_and_redo_brings_again(
    qtbot: QtBot, window: MainWindow, project: Path
) -> None:
    second = stored(project)[1]
    window.go_to(second.id)
    window.grid.setFocus()
    _write_comment(qtbot, window, "Is 'counterpart' the client's term?")

    (comment,) = stored(project)[1].comments
    assert comment.text == "Is 'counterpart' the client's term?" and window.comments.box.text() == ""
    assert window.comments.list.count() == 1 and "counterpart" in window.comments.list.item(0).text()
    number = window.proxy_index(second.id, Column.NUMBER)
    assert "Comments: 1" in number.data(Qt.ItemDataRole.ToolTipRole)

    window.undo()
    assert stored(project)[1].comments == () and window.comments.list.count() == 0
    window.redo()
    assert [c.text for c in stored(project)[1].comments] == [comment.text]
    assert window.comments.list.count() == 1


def test_delete_keeps_the_comment_in_the_history_and_the_filter_shows_commented_segments(
    qtbot: QtBot, window: MainWindow, project: Path
) -> None:
    first, second, third, *_ = stored(project)
    window.go_to(third.id)
    _write_comment(qtbot, window, "Check the date")
    window.go_to(first.id)
    _write_comment(qtbot, window, "Name of the minister?")

    window.comment_filter_action.setChecked(True)
    shown = {window.session.model.segment_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).id
             for row in range(window.proxy.rowCount())}
    assert shown == {first.id, third.id}
    window.comment_filter_action.setChecked(False)
    assert window.proxy.rowCount() == len(stored(project))

    window.go_to(first.id)
    assert not window.comments.delete_action.isEnabled()  # nothing selected yet
    window.comments.list.setCurrentRow(0)
    window.comments.delete_action.trigger()
    assert stored(project)[0].comments == () and window.comments.list.count() == 0
    with ProjectStore.open(project) as store:
        (record,) = CommentService(store).history(first.id)
    assert record.deleted_at is not None and record.comment.text == "Name of the minister?"
    window.undo()
    assert [c.text for c in stored(project)[0].comments] == ["Name of the minister?"]


def test_the_grid_marks_a_commented_segment_in_its_number_cell(qtbot: QtBot, window: MainWindow,
                                                              project: Path) -> None:
    first, second, *_ = stored(project)
    window.go_to(second.id)
    _write_comment(qtbot, window, "Marked")
    window.grid.viewport().update()
    qtbot.wait(50)
    image = window.grid.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def corner(segment_id: int) -> QColor:
        rect = window.grid.visualRect(window.proxy_index(segment_id, Column.NUMBER))
        return image.pixelColor(int((rect.right() - 2) * ratio), int((rect.top() + 2) * ratio))

    assert corner(second.id) == COMMENT_MARK
    assert corner(first.id) != COMMENT_MARK


def test_track_changes_shows_the_machine_translation_against_the_edited_target(qtbot: QtBot, project: Path) -> None:
    from window_fixtures import open_window

    with ProjectStore.open(project) as store:
        first = store.segments()[0]
        store.apply_machine_translations([(first.id, MachineSuggestion("The minister arrived in the capital.", 0.8),
                                           ())])
        store.update_segment(first.id, target="The minister reached the capital this morning.")
    win = open_window(qtbot, project)
    try:
        win.go_to(first.id)
        view = win.comments.track_changes
        assert view.caption.text() == "Compared with the machine translation: words inserted 3, deleted 2"
        html = view.text.toHtml()
        assert "line-through" in html and "arrived" in html and "reached" in html
    finally:
        win.close()

"""Repetitions in the window: Ctrl+Enter fills the approved segment's repetitions, the grid shows them at once, one
Ctrl+Z takes back the approval and every filled repetition, Segment → Fill repetitions on approval turns it off and
is remembered, and a repetition the tags cannot be carried into is named in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qt_keys import press, type_text
from tarjama.domain import ImportedDocument, Origin, Status
from tarjama.inline_tags import InlineTag, TagKind, close_mark, open_mark
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.app import open_settings
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, open_window, project_of, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ARRIVED_EN = "The minister arrived in the capital."

#: The arrival (0), the meeting (1); the arrival with harakat (2); the arrival (3), the departure (4).
TEXT = (
    "وصل الوزير إلى العاصمة. وعقد اجتماعاً مع نظيره.\n\n"
    "وَصَلَ الوزيرُ إلى العاصمة.\n\n"
    "وصل الوزير إلى العاصمة. وغادر مساء.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """`TEXT`, with segment 3 a draft the translator typed before."""
    path = project_of(tmp_path, TEXT)
    with ProjectStore.open(path) as store:
        store.update_segment(store.segments()[3].id, target="The minister came.")
    return path


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    settings = open_settings()
    settings.remove("propagateRepetitions")
    win = open_window(qtbot, project, settings)
    yield win
    win.close()


def approve_first(window: MainWindow) -> None:
    window.go_to(window.session.model.segment_at(0).id)
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), ARRIVED_EN)
    press(editor_of(window), Qt.Key.Key_Return, CTRL)


def test_approval_fills_the_repetitions_and_one_undo_restores_them_all(window: MainWindow, project: Path) -> None:
    before = stored(project)
    steps = window.session.undo_stack.count()
    assert window.propagate_action.isChecked(), "on by default"

    approve_first(window)

    after = stored(project)
    assert after[0].status == Status.APPROVED
    assert [(s.target, s.status, s.origin) for s in (after[2], after[3])] == [
        (ARRIVED_EN, Status.DRAFT, Origin.REPETITION)] * 2
    assert (after[1], after[4]) == (before[1], before[4])
    model = window.session.model
    assert model.index(model.row_of(after[2].id), Column.TARGET).data() == ARRIVED_EN, "the grid shows the fill"
    assert window.session.undo_stack.count() == steps + 1, "the approval and its repetitions are one step"

    window.commit_open_editor()
    press(window.grid, Qt.Key.Key_Z, CTRL)
    restored = stored(project)
    assert [(s.target, s.status, s.origin) for s in restored] == [(s.target, s.status, s.origin) for s in before]
    assert model.segment(after[3].id).target == "The minister came."

    press(window.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [(s.target, s.status) for s in stored(project)][:4:2] == [(ARRIVED_EN, Status.APPROVED),
                                                                    (ARRIVED_EN, Status.DRAFT)]


def test_the_menu_setting_turns_filling_off_and_is_remembered(
    window: MainWindow, project: Path, qtbot: QtBot
) -> None:
    before = stored(project)
    window.propagate_action.trigger()
    assert not window.propagate_action.isChecked()
    approve_first(window)
    after = stored(project)
    assert after[0].status == Status.APPROVED and after[1:] == before[1:]
    window.close()

    again = open_window(qtbot, project, open_settings())
    try:
        assert not again.propagate_action.isChecked()
    finally:
        again.close()


def test_a_repetition_whose_tags_cannot_be_carried_is_left_and_the_status_bar_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    table = {1: InlineTag(1, TagKind.PAIRED, "bold", "Bold")}
    tagged = open_mark(1) + "وصل الوزير" + close_mark(1) + " إلى العاصمة."
    path = tmp_path / "tags.tarjama"
    ProjectStore.create(path, [ImportedDocument("a.txt", "txt", ["وصل الوزير إلى العاصمة."]),
                               ImportedDocument("b.docx", "docx", [tagged], tags=(table,))]).close()
    settings = open_settings()
    settings.remove("propagateRepetitions")
    win = open_window(qtbot, path, settings)
    try:
        approve_first(win)
        plain_one, left = stored(path)
        assert plain_one.status == Status.APPROVED and (left.target, left.status) == ("", Status.NEW)
        assert win.statusBar().currentMessage().endswith("their tags are not where this segment has them: 1")
    finally:
        win.close()

"""The window open on a project while another program (`tarjama-cli`, a second store) saves in it: the grid shows
the other program's changes, and no edit, approval or undo of the window writes over them without asking."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from qt_keys import press, type_text
from tarjama.domain import Status
from tarjama.project.store import ProjectStore
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
THEIRS = "The minister reached the capital this morning."


@pytest.fixture
def window(qtbot, project: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, project, modal_errors=True)  # the question is asked only where someone can answer it
    win.external_changes.timer.setInterval(20)  # a test need not wait a second for each look
    yield win
    win.close()


class Answers:
    """Stands in for the translator at the message boxes: records each question and clicks the chosen button."""

    def __init__(self) -> None:
        self.choice = "Keep theirs"
        self.questions: list[str] = []
        self.warnings: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()

    def exec_(box: QMessageBox) -> int:
        answers.questions.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text() == answers.choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: answers.warnings.append(text))
    return answers


def elsewhere(project: Path, segment_id: int, **change) -> None:  # noqa: ANN003 - update_segment's keywords
    with ProjectStore.open(project) as other:
        other.update_segment(segment_id, **change)


def stored(project: Path, segment_id: int):  # noqa: ANN201 - a Segment
    with ProjectStore.open(project) as store:
        return store.segment(segment_id)


def shown(window: MainWindow, row: int):  # noqa: ANN201 - a Segment
    return window.session.model.segment_at(row)


def cli(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "tarjama-cli"
    if not executable.is_file():
        pytest.skip("the tarjama-cli entry point is not installed")
    return subprocess.run([str(executable), *map(str, argv)], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


# -- noticing ---------------------------------------------------------------------------------------------------


def test_an_approval_by_tarjama_cli_appears_in_the_grid(qtbot, window: MainWindow, project: Path,
                                                        answers: Answers) -> None:
    window.go_to(shown(window, 2).id)
    done = cli("edit", project, "1", "--target", THEIRS, "--approve")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: shown(window, 0).status == Status.APPROVED)
    assert shown(window, 0).target == THEIRS
    assert window.statusBar().currentMessage() == "Segment 1 was changed by another program."
    assert window.current_segment().id == shown(window, 2).id, "the translator stays where they were"
    assert window.progress_label.text().startswith("Approved: 1/5 segments")
    assert answers.questions == []


def test_typing_in_another_row_goes_on_while_a_row_is_refreshed(qtbot, window: MainWindow, project: Path,
                                                                answers: Answers) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = window.open_editor()
    type_text(editor, "The minister")
    elsewhere(project, 3, target="Dr Ahmed said the talks were fruitful.")
    qtbot.waitUntil(lambda: shown(window, 2).target == "Dr Ahmed said the talks were fruitful.")
    assert window.open_editor() is editor and editor.toPlainText() == "The minister"
    assert window.current_segment().id == shown(window, 0).id
    type_text(editor, " arrived.")
    press(editor, Qt.Key.Key_Return, CTRL)
    assert (stored(project, 1).target, stored(project, 1).status) == ("The minister arrived.", Status.APPROVED)
    assert answers.questions == []


def test_with_no_change_elsewhere_nothing_is_asked(qtbot, window: MainWindow, project: Path,
                                                   answers: Answers) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), "The minister arrived.")
    window.open_editor().idleText.emit("The minister arrived.")  # autosave, as after a second's pause
    press(window.open_editor(), Qt.Key.Key_Return, CTRL)
    press(window.grid, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    window.undo()
    window.undo()
    assert answers.questions == []
    assert stored(project, 1).status == Status.NEW


# -- the row being edited -------------------------------------------------------------------------------------


def edit_while_changed_elsewhere(qtbot, window: MainWindow, project: Path) -> None:
    """The translator types in segment 1; meanwhile another program approves its own text there."""
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), "Mine.")
    elsewhere(project, 1, target=THEIRS, status=Status.APPROVED)
    qtbot.waitUntil(lambda: "while you were editing it" in window.statusBar().currentMessage())
    assert window.open_editor().toPlainText() == "Mine.", "the typing is not replaced under the translator's hands"
    window.open_editor().idleText.emit("Mine.")  # autosave leaves the other program's change alone
    assert stored(project, 1).target == THEIRS


def test_confirming_over_a_change_elsewhere_asks_and_keeps_theirs_by_default(qtbot, window: MainWindow,
                                                                             project: Path, answers: Answers) -> None:
    edit_while_changed_elsewhere(qtbot, window, project)
    press(window.open_editor(), Qt.Key.Key_Return, CTRL)
    assert answers.questions == [
        "Segment 1 was changed by another program since you opened it.\n"
        f"Theirs (Approved): \u2066{THEIRS}\u2069\nYours: \u2066Mine.\u2069"
    ]
    assert (stored(project, 1).target, stored(project, 1).status) == (THEIRS, Status.APPROVED)
    assert (shown(window, 0).target, shown(window, 0).status) == (THEIRS, Status.APPROVED)
    assert [h.target for h in ProjectStore.open(project).history(1)] == [THEIRS]
    assert window.session.undo_stack.command(0) is None or window.session.undo_stack.command(0).childCount() == 0


def test_replace_with_yours_writes_yours_and_undo_brings_theirs_back(qtbot, window: MainWindow, project: Path,
                                                                     answers: Answers) -> None:
    edit_while_changed_elsewhere(qtbot, window, project)
    answers.choice = "Replace with yours"
    press(window.open_editor(), Qt.Key.Key_Return, CTRL)
    assert len(answers.questions) == 1
    assert (stored(project, 1).target, stored(project, 1).status) == ("Mine.", Status.APPROVED)
    window.undo()
    assert len(answers.questions) == 1, "undoing the window's own step over its own write asks nothing"
    assert (stored(project, 1).target, stored(project, 1).status) == (THEIRS, Status.APPROVED)


def test_esc_after_a_change_elsewhere_keeps_theirs_without_asking(qtbot, window: MainWindow, project: Path,
                                                                  answers: Answers) -> None:
    edit_while_changed_elsewhere(qtbot, window, project)
    press(window.open_editor(), Qt.Key.Key_Escape)
    assert answers.questions == []
    assert stored(project, 1).target == THEIRS
    qtbot.waitUntil(lambda: shown(window, 0).target == THEIRS)


# -- a grid that has not caught up yet, and undo ---------------------------------------------------------------


def test_approving_a_row_whose_grid_is_behind_asks_first(qtbot, window: MainWindow, project: Path,
                                                        answers: Answers) -> None:
    """The window acts on the version it shows: a change saved elsewhere before the grid looked again is asked
    about, not approved unseen."""
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), "Mine.")
    window.commit_open_editor()  # confirmed as a draft, the editor closed
    window.external_changes.timer.stop()
    elsewhere(project, 1, target=THEIRS)
    assert shown(window, 0).target == "Mine."
    press(window.grid, Qt.Key.Key_Return, CTRL)
    assert len(answers.questions) == 1
    assert f"Theirs (Draft): \u2066{THEIRS}\u2069\nYours: \u2066Mine.\u2069" in answers.questions[0]
    assert (stored(project, 1).target, stored(project, 1).status) == (THEIRS, Status.DRAFT)
    assert shown(window, 0).target == THEIRS, "the grid shows what was kept"
    assert window.current_segment().id == 1, "the translator stays on it to read it"


def test_undo_over_a_change_elsewhere_asks_first(qtbot, window: MainWindow, project: Path,
                                                 answers: Answers) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), "Mine.")
    press(window.open_editor(), Qt.Key.Key_Return, CTRL)
    window.go_to(1)
    elsewhere(project, 1, target=THEIRS)
    qtbot.waitUntil(lambda: shown(window, 0).target == THEIRS)
    assert answers.questions == [], "a change the grid already shows is no conflict"
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert len(answers.questions) == 1, "one answer for the whole step (the edit and the approval in it)"
    assert THEIRS in answers.questions[0]
    assert stored(project, 1).target == THEIRS
    press(window.grid, Qt.Key.Key_Y, CTRL)
    assert len(answers.questions) == 2, "redoing it over their change asks again"
    assert stored(project, 1).target == THEIRS
    answers.choice = "Replace with yours"
    press(window.grid, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored(project, 1).status == Status.REJECTED


# -- segments added or removed elsewhere ----------------------------------------------------------------------


def test_a_split_elsewhere_reloads_the_grid_on_the_same_segment(qtbot, window: MainWindow, project: Path,
                                                               answers: Answers) -> None:
    window.go_to(3)
    done = cli("split", project, "1", "10")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.session.model.rowCount() == 6)
    assert window.current_segment().id == 3
    assert window.session.model.segment_at(1).id == 6
    assert "split, merged or added" in window.statusBar().currentMessage()
    with ProjectStore.open(project) as other:
        other.merge_with_next(1)
    qtbot.waitUntil(lambda: window.session.model.rowCount() == 5)
    assert [s.id for s in window.session.model.segments()] == [1, 2, 3, 4, 5]


def test_a_merge_elsewhere_waits_for_the_open_editor(qtbot, window: MainWindow, project: Path,
                                                     answers: Answers) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), "Mine.")
    with ProjectStore.open(project) as other:
        other.merge_with_next(3)
    qtbot.waitUntil(lambda: "when you finish editing" in window.statusBar().currentMessage())
    assert window.session.model.rowCount() == 5 and window.open_editor().toPlainText() == "Mine."
    press(window.open_editor(), Qt.Key.Key_Down, CTRL)
    qtbot.waitUntil(lambda: window.session.model.rowCount() == 4)
    assert stored(project, 1).target == "Mine."
    assert answers.questions == []


def test_text_typed_in_a_segment_merged_away_elsewhere_is_shown_not_lost(qtbot, window: MainWindow, project: Path,
                                                                         answers: Answers) -> None:
    window.go_to(2, edit=True)
    type_text(window.open_editor(), "He met his counterpart.")
    with ProjectStore.open(project) as other:
        other.merge_with_next(1)
    qtbot.waitUntil(lambda: "when you finish editing" in window.statusBar().currentMessage())
    press(window.open_editor(), Qt.Key.Key_Down, CTRL)
    assert len(answers.warnings) == 1 and "He met his counterpart." in answers.warnings[0]
    assert "merged into the segment before it by another program" in answers.warnings[0]
    qtbot.waitUntil(lambda: window.session.model.rowCount() == 4)


def test_the_question_keeps_theirs_unless_the_translator_says_otherwise(window: MainWindow) -> None:
    theirs = window.session.model.segment_at(0)
    box, replace = window.external_changes.overwrite_question(theirs.id, theirs, "Mine.")
    assert box.defaultButton().text() == box.escapeButton().text() == "Keep theirs"
    assert replace.text() == "Replace with yours"
    assert "Theirs (New): (empty)" in box.informativeText()

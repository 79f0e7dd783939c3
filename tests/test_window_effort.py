"""Post-editing effort in the window: active editing time measured in the editor and saved before the approval
(so the TM unit carries it), shown per segment, and summarised in View → Statistics."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from qt_keys import press, type_text
from tarjama.domain import ImportedDocument, MachineSuggestion, Status
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.main_window import MainWindow
from test_window_tm import tm_units
from window_fixtures import editor_of, stored

CTRL = Qt.KeyboardModifier.ControlModifier

ARRIVAL = "وصل الوزير إلى العاصمة صباح اليوم."
MEETING = "وعقد اجتماعاً مع نظيره."
MACHINE = "The minister arrive to capital this morning."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "visit.tarjama"
    with ProjectStore.create(path, [ImportedDocument("visit.txt", "txt", [ARRIVAL, MEETING])]) as store:
        first = store.segments()[0]
        store.apply_machine_translations([(first.id, MachineSuggestion(MACHINE, 0.6), ())])
    return path


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_editing_time_is_saved_before_the_approval_and_goes_into_the_tm(
    qtbot, window: MainWindow, project: Path
) -> None:
    clock = Clock()
    window.edit_time.clock = clock
    press(window.grid, Qt.Key.Key_F2)  # 1000: the editor opens
    editor = editor_of(window)
    clock.now += 8  # reading the source and the machine translation
    editor.selectAll()
    type_text(editor, "The minister arrived in the capital")
    clock.now += 30
    type_text(editor, " this morning.")
    clock.now += 5  # a last look before Ctrl+Enter
    press(editor, Qt.Key.Key_Return, CTRL)

    first = stored(project)[0]
    assert (first.status, first.edit_seconds) == (Status.APPROVED, 43)
    [unit] = tm_units()
    assert ("x-edit-seconds", "43") in unit.props
    assert any(name == "x-hter" for name, _ in unit.props)

    model = window.session.model
    tooltip = model.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "HTER" in tooltip and "43 s of editing" in tooltip
    window.go_to(first.id)
    assert "43 s of editing" in window.alternatives.effort.text()


def test_a_break_counts_nothing_and_leaving_a_segment_saves_its_time(qtbot, window: MainWindow, project: Path) -> None:
    clock = Clock()
    window.edit_time.clock = clock
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "The")
    clock.now += 600  # lunch
    type_text(editor_of(window), " minister")
    clock.now += 4
    press(editor_of(window), Qt.Key.Key_Down, CTRL)
    assert stored(project)[0].edit_seconds == 4
    assert stored(project)[0].status == Status.DRAFT

    clock.now += 3
    press(editor_of(window), Qt.Key.Key_Escape)  # abandoned typing still took the translator's time
    assert stored(project)[1].edit_seconds == 3
    assert stored(project)[1].status == Status.NEW


def test_statistics_summarise_the_effort(qtbot, window: MainWindow, project: Path) -> None:
    clock = Clock()
    window.edit_time.clock = clock
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    editor.selectAll()
    clock.now += 70  # a break: nothing counted
    type_text(editor, "The minister arrived in the capital this morning.")
    clock.now += 50
    press(editor, Qt.Key.Key_Return, CTRL)

    window.statistics_action.trigger()
    dialog = window.statistics
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10000)
    assert (dialog.summary.segments, dialog.summary.from_mt, dialog.summary.edit_seconds) == (1, 1, 50)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("1 approved (1 from machine translation, 0 from fuzzy TM matches)" in text for text in texts)
    assert "50 s" in texts
    assert any(text.startswith("mean 0.") for text in texts)
    assert "Approved: 1/2 segments" in dialog.progress.text()

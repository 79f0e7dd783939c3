"""The review window driven like a translator drives it: keys into the grid, shortcuts, menus, files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox

from qt_keys import press, type_text
from tarjama.domain import MachineSuggestion, Status
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.app import create_window, open_settings
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_grid_shows_segments_with_paragraph_boundaries(window: MainWindow, project: Path) -> None:
    model = window.session.model
    assert model.rowCount() == 5
    assert window.grid.model().rowCount() == 5
    first = model.segment_at(0)
    assert model.index(0, Column.SOURCE).data() == first.source == "وصل الوزير إلى العاصمة صباح اليوم."
    starts = [s.first_in_paragraph for s in model.segments()]
    assert starts == [True, False, True, False, True]


def test_typing_english_and_arabic_then_ctrl_enter_approves_and_moves_on(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    editor = editor_of(window)
    type_text(editor, "The minister arrived — الوزير")
    press(editor, Qt.Key.Key_Return, CTRL)
    segments = stored(project)
    assert segments[0].target == "The minister arrived — الوزير"
    assert segments[0].status == Status.APPROVED
    assert window.current_segment().id == segments[1].id
    assert window.open_editor() is not None, "Ctrl+Enter should open the next segment for typing"
    type_text(editor_of(window), "He met his counterpart.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert stored(project)[1].status == Status.APPROVED
    assert "2/5 segments" in window.progress_label.text()


def test_ctrl_enter_skips_segments_already_approved(window: MainWindow, project: Path) -> None:
    ids = [s.id for s in stored(project)]
    window.go_to(ids[1])
    press(window.grid, Qt.Key.Key_Return, CTRL)
    window.go_to(ids[0])
    press(window.grid, Qt.Key.Key_Return, CTRL)
    assert window.current_segment().id == ids[2]


def test_undo_and_redo_restore_text_and_status(window: MainWindow, project: Path) -> None:
    first_id = stored(project)[0].id
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Arrived.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert stored(project)[0].status == Status.APPROVED
    press(editor_of(window), Qt.Key.Key_Z, CTRL)
    first = stored(project)[0]
    assert (first.target, first.status) == ("", Status.NEW)
    assert window.current_segment().id == first_id, "undo shows the segment it changed"
    press(window.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    first = stored(project)[0]
    assert (first.target, first.status) == ("Arrived.", Status.APPROVED)


def test_reject_and_copy_source_are_undoable(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_Insert, CTRL)
    first = stored(project)[0]
    assert first.target == first.source and first.status == Status.DRAFT
    press(window.grid, Qt.Key.Key_R, CTRL | SHIFT)
    assert stored(project)[0].status == Status.REJECTED
    press(window.grid, Qt.Key.Key_Z, CTRL)
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert (stored(project)[0].target, stored(project)[0].status) == ("", Status.NEW)


def test_ctrl_up_down_move_between_segments(window: MainWindow, project: Path) -> None:
    ids = [s.id for s in stored(project)]
    press(window.grid, Qt.Key.Key_Down, CTRL)
    press(window.grid, Qt.Key.Key_Down, CTRL)
    assert window.current_segment().id == ids[2]
    press(window.grid, Qt.Key.Key_Up, CTRL)
    assert window.current_segment().id == ids[1]


def test_moving_while_editing_keeps_the_typed_text(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Draft line")
    press(editor_of(window), Qt.Key.Key_Down, CTRL)
    first = stored(project)[0]
    assert (first.target, first.status) == ("Draft line", Status.DRAFT)
    assert window.current_segment().id == stored(project)[1].id
    assert window.open_editor() is not None


def test_escape_abandons_the_edit_even_after_autosave(qtbot, window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Half a thought")
    qtbot.waitUntil(lambda: stored(project)[0].target == "Half a thought", timeout=3000)
    press(editor_of(window), Qt.Key.Key_Escape)
    assert window.open_editor() is None
    first = stored(project)[0]
    assert (first.target, first.status) == ("", Status.NEW)
    with ProjectStore.open(project) as store:
        reasons = [(h.target, h.reason) for h in store.history(first.id)]
    assert ("Half a thought", "autosave") in reasons, "the abandoned text is still in the history"


def test_focus_loss_commits_the_edit(qtbot, window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Typed then clicked away")
    window.find_bar.open_bar()
    qtbot.waitUntil(lambda: window.open_editor() is None, timeout=2000)
    assert stored(project)[0].target == "Typed then clicked away"


def test_status_filter(window: MainWindow, project: Path) -> None:
    press(window.grid, Qt.Key.Key_Return, CTRL)
    press(window.grid, Qt.Key.Key_Escape)
    window.filter_actions["Approved"].trigger()
    assert window.grid.model().rowCount() == 1
    window.filter_actions["Not approved"].trigger()
    assert window.grid.model().rowCount() == 4
    window.filter_actions["New"].trigger()
    assert window.grid.model().rowCount() == 4
    window.filter_actions["All segments"].trigger()
    assert window.grid.model().rowCount() == 5


def test_find_highlights_and_moves_and_replace_all_is_one_undo(window: MainWindow, project: Path) -> None:
    ids = [s.id for s in stored(project)]
    with ProjectStore.open(project) as store:
        store.update_segment(ids[2], target="The talks were fruitful, the talks said.")
        store.update_segment(ids[4], target="Both sides held talks.")
    assert window.open_project(project)
    press(window.grid, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    type_text(window.find_bar.find_edit, "د. أحمد")
    window.find_bar.findNext.emit()
    assert window.current_segment().id == ids[2]
    window.find_bar.find_edit.setText("talks")
    window.find_bar.scope.setCurrentIndex(window.find_bar.scope.findData("target"))
    assert window.find_bar.matches.text().startswith("2")
    window.find_bar.replace_edit.setText("negotiations")
    window.find_bar.replaceAll.emit("negotiations")
    after = stored(project)
    assert after[2].target == "The negotiations were fruitful, the negotiations said."
    assert after[4].target == "Both sides held negotiations."
    press(window.grid, Qt.Key.Key_Z, CTRL)
    after = stored(project)
    assert after[2].target == "The talks were fruitful, the talks said."
    assert after[4].target == "Both sides held talks."


def test_find_highlight_is_painted(window: MainWindow) -> None:
    window.grid.resize(900, 500)
    before = window.grid.viewport().grab().toImage()
    window.find_bar.open_bar("الوزير")
    QApplication.processEvents()
    after = window.grid.viewport().grab().toImage()
    yellow = QColor("#ffd54f").rgb()
    count = sum(
        1 for x in range(0, after.width(), 2) for y in range(0, after.height(), 2) if after.pixel(x, y) == yellow
    )
    assert count > 20
    assert before != after


def test_split_and_merge_are_undoable_and_keep_ids(window: MainWindow, project: Path) -> None:
    first = stored(project)[0]
    offset = first.source.index("صباح")
    window.split_at(first.id, offset)
    after_split = stored(project)
    assert [s.source for s in after_split[:2]] == ["وصل الوزير إلى العاصمة", "صباح اليوم."]
    new_id = after_split[1].id
    assert window.session.model.rowCount() == 6
    window.undo()
    assert [s.source for s in stored(project)][:2] == [first.source, "وعقد اجتماعاً مع نظيره."]
    window.redo()
    assert stored(project)[1].id == new_id, "redo recreates the split part under the same id"
    window.go_to(first.id)
    window.merge_current()
    assert stored(project)[0].source == first.source
    window.undo()
    assert stored(project)[1].id == new_id


def test_split_of_machine_output_leaves_drafts_without_the_machine_score(window: MainWindow, project: Path) -> None:
    first = stored(project)[0]
    best = MachineSuggestion("The minister arrived in the capital this morning.", 1.0)
    window.session.apply_machine_translation(first.id, best, (best,))
    model = window.session.model
    score = model.index(0, Column.CONFIDENCE).data()
    assert score and model.index(0, Column.STATUS).data() == "Machine"
    machine = stored(project)[0]

    window.split_at(first.id, first.source.index("صباح"))

    head, tail = stored(project)[:2]
    assert (head.target, head.status, head.confidence, head.mt_text) == (best.text, Status.DRAFT, None, None)
    assert (tail.target, tail.status, tail.confidence) == ("", Status.NEW, None)
    for row in (0, 1):
        assert model.index(row, Column.CONFIDENCE).data() in ("", None), "no machine score for half a sentence"
    assert [model.index(row, Column.STATUS).data() for row in (0, 1)] == ["Draft", "New"]
    window.undo()
    undone = stored(project)[0]
    assert replace(undone, updated_at="") == replace(machine, updated_at="")
    assert model.index(0, Column.CONFIDENCE).data() == score


def _targets(window: MainWindow, project: Path, targets: dict[int, tuple[str, Status]]) -> list[int]:
    ids = [s.id for s in stored(project)]
    for row, (target, status) in targets.items():
        window.session.update_segment(ids[row], target=target, status=status)
    return ids


def test_replace_all_counts_what_it_changed_and_skips_approved_segments(window: MainWindow, project: Path) -> None:
    ids = _targets(window, project, {
        0: ("The minister arrived.", Status.DRAFT),
        1: ("He met the minister.", Status.DRAFT),
        2: ("The minister said so.", Status.APPROVED),
    })
    window.find_bar.open_bar("minister", replace=True)
    assert window.find_bar.matches.text() == "3 segment(s)"
    window.go_to(ids[0])

    window.find_replace.replace_current("envoy")
    assert window.statusBar().currentMessage() == "Replaced in 1 segment(s)."
    assert window.find_bar.matches.text() == "2 segment(s)", "the count follows the replacement"
    plan = window.find_replace.replace_all("envoy")

    assert (plan.changed, plan.skipped) == (1, 1)
    message = window.statusBar().currentMessage()
    assert message.startswith("Replaced in 1 segment(s); 1 approved segment(s) skipped"), message
    assert window.find_bar.matches.text() == "1 segment(s)"
    segments = stored(project)
    assert [(s.target, s.status) for s in segments[:3]] == [
        ("The envoy arrived.", Status.DRAFT),
        ("He met the envoy.", Status.DRAFT),
        ("The minister said so.", Status.APPROVED),
    ]


def test_plain_replace_leaves_an_approved_segment_approved(window: MainWindow, project: Path) -> None:
    ids = _targets(window, project, {0: ("The minister arrived.", Status.APPROVED)})
    window.find_bar.open_bar("minister", replace=True)
    window.go_to(ids[0])
    window.find_replace.replace_current("envoy")
    assert (stored(project)[0].target, stored(project)[0].status) == ("The minister arrived.", Status.APPROVED)
    assert window.statusBar().currentMessage().startswith("Replaced in 0 segment(s); 1 approved segment(s) skipped")


def test_including_approved_segments_replaces_in_them_as_one_undo_step(window: MainWindow, project: Path) -> None:
    _targets(window, project, {
        0: ("The minister arrived.", Status.APPROVED),
        1: ("He met the minister.", Status.DRAFT),
    })
    before = stored(project)
    window.find_bar.open_bar("MINISTER", replace=True)
    assert not window.find_bar.includes_approved(), "approved segments are left alone by default"
    window.find_bar.include_approved.setChecked(True)

    window.find_replace.replace_all("envoy")

    assert window.statusBar().currentMessage() == "Replaced in 2 segment(s)."
    assert [(s.target, s.status) for s in stored(project)[:2]] == [
        ("The envoy arrived.", Status.DRAFT),  # edited, so it needs approving again
        ("He met the envoy.", Status.DRAFT),
    ]
    window.undo()
    assert [(s.target, s.status) for s in stored(project)[:2]] == [(s.target, s.status) for s in before[:2]]


def test_reopening_restores_text_status_and_current_segment(qtbot, window: MainWindow, project: Path) -> None:
    ids = [s.id for s in stored(project)]
    window.go_to(ids[3])
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Still typing")
    window.close()
    again = create_window(open_settings())
    qtbot.addWidget(again)
    assert again.open_project(project)
    assert again.current_segment().id == ids[3]
    assert again.session.model.segment_at(3).target == "Still typing"
    again.close()


def test_bad_project_leaves_the_open_one_untouched(
    window: MainWindow, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.modal_errors = True
    bogus = tmp_path / "notes.tarjama"
    bogus.write_text("not a database at all", encoding="utf-8")
    before = project.read_bytes()
    assert not window.open_project(bogus)
    assert shown and "notes.tarjama" in shown[0] and "not a Tarjama project" in shown[0]
    assert window.session is not None and window.session.path == project
    assert bogus.read_text(encoding="utf-8") == "not a database at all"
    assert window.session.model.rowCount() == 5
    assert project.read_bytes() == before


def test_new_project_from_document_runs_in_background(qtbot, tmp_path: Path) -> None:
    win = create_window(open_settings())
    qtbot.addWidget(win)
    win.modal_errors = False
    document = tmp_path / "note.txt"
    document.write_text("جملة أولى. جملة ثانية.\n", encoding="utf-8")
    results: list[bool] = []
    win.open_document(document, tmp_path / "note.tarjama", on_done=results.append)
    qtbot.waitUntil(lambda: results == [True], timeout=5000)
    assert win.session.model.rowCount() == 2
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    win.open_document(bad, tmp_path / "empty.tarjama", on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert results[1] is False
    assert not (tmp_path / "empty.tarjama").exists()
    assert win.session.model.rowCount() == 2, "the project that was open stays open"
    win.close()


def test_status_bar_counts_match_the_store_after_edits_splits_and_merges(window: MainWindow, project: Path) -> None:
    ids = [s.id for s in stored(project)]
    press(window.grid, Qt.Key.Key_Return, CTRL)
    window.split_at(ids[2], stored(project)[2].source.index("إن"))
    window.go_to(ids[3])
    window.merge_current()
    with ProjectStore.open(project) as store:
        stats = store.stats()
    assert window.session.model.progress() == (
        stats.segments,
        stats.approved_segments,
        stats.words,
        stats.approved_words,
    )
    assert f"{stats.approved_segments}/{stats.segments} segments" in window.progress_label.text()

"""Ctrl+Enter while another program holds the translation memory (a TMX import keeps its write lock for as long
as it runs): the approval is saved in the project at once, the UI thread never waits for the lock, the status bar
says what happens, and the unit reaches the memory as soon as the memory is free."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qt_keys import press, type_text
from tarjama.domain import Status
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore
from tarjama.ui.memory import catch_up as memory_catch_up
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of

CTRL = Qt.KeyboardModifier.ControlModifier
ARRIVED = "The minister arrived in the capital this morning."


@pytest.fixture
def held_memory(window: MainWindow) -> Iterator[sqlite3.Connection]:
    holder = sqlite3.connect(default_tm_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.rollback()
    holder.close()


def stored(project: Path) -> list:
    """The project as saved, read without waiting for the memory (opening writes what it misses, if it can)."""
    with ProjectStore.open(project, memory_wait=0) as store:
        return store.segments()


def memory_targets() -> list[str]:
    with TranslationMemory.open(default_tm_path()) as memory:
        return [unit.target for unit in memory.units(approved_only=True)]


@pytest.mark.slow
def test_ctrl_enter_with_the_memory_held_saves_at_once_and_writes_the_unit_when_free(
    qtbot, window: MainWindow, project: Path, held_memory: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory_catch_up, "WORKER_WAIT", 0.2)
    monkeypatch.setattr(memory_catch_up, "RETRY_MS", 100)
    first = window.current_segment()
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), ARRIVED)
    press(editor_of(window), Qt.Key.Key_Return, CTRL)

    # Saved in the project while the memory is still held: the UI thread did not wait for it.
    assert held_memory.in_transaction
    assert stored(project)[0].status == Status.APPROVED
    assert window.session.store.memory_behind
    assert "is busy" in window.statusBar().currentMessage()
    assert "saved in the project" in window.statusBar().currentMessage()
    # The window goes on: the next segment is current, and the worker keeps trying.
    assert window.current_segment().id != first.id
    qtbot.wait(500)
    assert memory_targets() == [] and window.session.store.memory_behind

    held_memory.rollback()
    qtbot.waitUntil(lambda: not window.session.store.memory_behind, timeout=10000)
    assert memory_targets() == [ARRIVED]
    assert "has all your approvals again" in window.statusBar().currentMessage()


def test_undo_with_the_memory_held_is_saved_too_and_withdraws_the_unit_later(
    qtbot, window: MainWindow, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory_catch_up, "WORKER_WAIT", 0.2)
    monkeypatch.setattr(memory_catch_up, "RETRY_MS", 100)
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), ARRIVED)
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert memory_targets() == [ARRIVED]

    holder = sqlite3.connect(default_tm_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        window.session.undo_stack.undo()
        assert stored(project)[0].status == Status.NEW
        assert window.session.store.memory_behind
    finally:
        holder.rollback()
        holder.close()
    qtbot.waitUntil(lambda: not window.session.store.memory_behind, timeout=10000)
    assert memory_targets() == []

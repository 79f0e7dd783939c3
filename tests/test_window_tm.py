"""The translation memory in the window: approvals kept, matches offered, concordance, pre-translation, TMX."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton

from qt_keys import press, type_text
from tarjama.domain import ImportedDocument, Origin, Status, TmUnit, UnitOrigin
from tarjama.formats.tmx import read_tmx, write_tmx
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.project.store import ProjectStore
from tarjama.sqlite_file import FileKind
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.memory import menu as tm_menu
from tarjama.ui.memory.menu import tm_threshold
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def add_units(*pairs: tuple[str, str]) -> None:
    """Units as another translator's memory would bring them (imported, with an author and a document)."""
    with TranslationMemory.open_or_create(default_tm_path()) as tm:
        for source, target in pairs:
            tm.add(TmUnit(source, target, origin=UnitOrigin.IMPORTED, author="ward", document="wire.txt"))


def tm_units(path: Path | None = None) -> list[TmUnit]:
    with TranslationMemory.open(path or default_tm_path()) as tm:
        return list(tm.units(approved_only=False))


def lookup(source: str, path: Path | None = None) -> list:
    with TranslationMemory.open(path or default_tm_path()) as tm:
        return tm.lookup(source)


def show_segment(window: MainWindow, segment_id: int) -> None:
    """Arrive on a segment from another one, as the translator does (the look-up follows the current segment)."""
    others = [s.id for s in window.session.model.segments() if s.id != segment_id]
    window.go_to(others[0])
    window.go_to(segment_id)


def test_ctrl_enter_writes_the_unit_to_the_tm_and_undo_withdraws_it(qtbot, window: MainWindow, project: Path) -> None:
    assert window.session.store.linked_tm == default_tm_path().absolute()
    assert window.tm.label.text() == "TM: default"
    first = window.current_segment()
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "The minister arrived in the capital this morning.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    matches = lookup(first.source)
    assert [(m.score, m.unit.target) for m in matches] == [(100, "The minister arrived in the capital this morning.")]
    press(editor_of(window), Qt.Key.Key_Up, CTRL)
    # Back on it, the pane offers the project's own unit, whose neighbouring sentences are the same: 101 %.
    qtbot.waitUntil(lambda: [m.score for m in window.tm.pane.matches()] == [101], timeout=5000)
    press(editor_of(window), Qt.Key.Key_Z, CTRL)
    assert stored(project)[0].status == Status.NEW
    assert lookup(first.source) == []


def test_a_project_without_a_tm_gets_the_default_and_a_missing_tm_is_shown(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "old.tarjama"
    ProjectStore.create(path, [ImportedDocument("old.txt", "txt", ["وصل الوزير إلى العاصمة."])]).close()
    win = open_window(qtbot, path)
    assert win.session.store.linked_tm == default_tm_path().absolute()
    assert not win.tm.banner.isVisible()
    win.close()

    moved = tmp_path / "moved.tarjama-tm"
    with ProjectStore.open(path) as store:
        store.link_tm(moved)
    moved.unlink()
    win = open_window(qtbot, path)
    assert win.tm.banner.isVisible() and "moved.tarjama-tm" in win.tm.banner.label.text()
    assert win.tm.label.text() == "TM: none"
    qtbot.mouseClick(win.tm.banner.default_button, Qt.MouseButton.LeftButton)
    assert not win.tm.banner.isVisible()
    assert win.session.store.linked_tm == default_tm_path().absolute()
    assert win.tm.label.text() == "TM: default"
    win.close()


def test_new_and_open_switch_the_projects_tm(
    qtbot, window: MainWindow, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sport = tmp_path / "sport.tarjama-tm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "sport"), ""))
    window.tm_menu.new_action.trigger()
    assert window.session.store.linked_tm == sport and window.tm.label.text() == "TM: sport"
    first = window.current_segment()
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "Arrived.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)
    assert [u.target for u in tm_units(sport)] == ["Arrived."]
    assert lookup(first.source) == []

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(default_tm_path()), ""))
    window.tm_menu.open_action.trigger()
    assert window.session.store.linked_tm == default_tm_path() and window.tm.label.text() == "TM: default"


def test_tm_pane_shows_exact_and_fuzzy_matches_and_ctrl_shift_1_inserts_one(
    qtbot, window: MainWindow, project: Path
) -> None:
    first, second = window.session.model.segments()[:2]
    add_units(
        (first.source, "The minister reached the capital this morning."),
        (first.source.replace("صباح", "مساء"), "The minister arrived in the capital this evening."),
    )
    show_segment(window, first.id)
    qtbot.waitUntil(lambda: len(window.tm.pane.matches()) == 2, timeout=5000)
    exact, fuzzy = window.tm.pane.list.rows()
    assert (exact.badge, fuzzy.badge) == ("100%", "83%")
    assert exact.badge_colour != fuzzy.badge_colour
    assert exact.source_spans == ()
    assert [fuzzy.source[start:end] for start, end in fuzzy.source_spans] == ["مساء"]
    assert "Ctrl+Shift+1" in exact.heading and "ward" in exact.heading and "wire.txt" in exact.heading
    window.tm.pane.show_matches(second.id, [])  # a late answer for a segment the translator has left
    assert len(window.tm.pane.matches()) == 2

    press(window.grid, Qt.Key.Key_1, CTRL | SHIFT)
    segment = stored(project)[0]
    assert (segment.target, segment.status, segment.origin) == (
        "The minister reached the capital this morning.",
        Status.DRAFT,
        Origin.HUMAN,
    )
    qtbot.waitUntil(
        lambda: {u.target: u.usage_count for u in tm_units()}["The minister reached the capital this morning."] == 1,
        timeout=5000,
    )
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert (stored(project)[0].target, stored(project)[0].status) == ("", Status.NEW)


def test_a_match_differing_only_in_numbers_is_flagged(qtbot, window: MainWindow) -> None:
    fourth = window.session.model.segments()[3]
    add_units((fourth.source.replace("12", "13"), "He added that the next round would be on 13 May."))
    show_segment(window, fourth.id)
    qtbot.waitUntil(lambda: bool(window.tm.pane.matches()), timeout=5000)
    row = window.tm.pane.list.rows()[0]
    assert row.badge == "99%" and "numbers differ" in row.warning


def test_ctrl_k_searches_the_tm_as_arabic_is_typed(qtbot, window: MainWindow) -> None:
    add_units(
        ("وقع الجانبان الاتفاق في العاصمة.", "The two sides signed the agreement in the capital."),
        ("زار الوزير المدينة.", "The minister visited the city."),
    )
    press(window.grid, Qt.Key.Key_K, CTRL)
    panel = window.tm.concordance
    assert window.tm.concordance_dock.isVisible()
    type_text(panel.search_edit, "الاتفاق")
    qtbot.waitUntil(lambda: len(panel.list.rows()) == 1, timeout=5000)
    row = panel.list.rows()[0]
    assert row.target == "The two sides signed the agreement in the capital."
    assert [row.source[start:end] for start, end in row.source_spans] == ["الاتفاق"]

    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "minister")
    editor_of(window).selectAll()
    press(editor_of(window), Qt.Key.Key_K, CTRL)
    assert panel.search_edit.text() == "minister"
    qtbot.waitUntil(lambda: [r.target for r in panel.list.rows()] == ["The minister visited the city."], timeout=5000)
    row = panel.list.rows()[0]
    assert [row.target[start:end] for start, end in row.target_spans] == ["minister"]


def test_pretranslation_fills_from_the_tm_without_an_mt_package(
    qtbot, window: MainWindow, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    segments = window.session.model.segments()
    add_units(
        (segments[0].source, "The minister arrived in the capital this morning."),
        (segments[4].source.replace("ختام", "بداية"), "At the start of the visit, both sides affirmed the deal."),
    )
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (90, True))
    window.tm_menu.threshold_action.trigger()
    assert tm_threshold(window.settings) == 90
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=20000)
    after = stored(project)
    assert (after[0].target, after[0].status, after[0].origin, after[0].tm_score) == (
        "The minister arrived in the capital this morning.",
        Status.DRAFT,
        Origin.TM,
        100,
    )
    assert after[4].status == Status.NEW, "85 % is under the threshold of 90"
    # In full in the missing-package bar, beside its offers to install one, not cut off in the status bar.
    assert window.banner.isVisible()
    assert "Machine translation was skipped" in window.banner.label.text()

    window.settings.setValue(tm_menu.THRESHOLD_KEY, 75)
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=20000)
    after = stored(project)
    assert (after[4].status, after[4].origin, after[4].tm_score) == (Status.DRAFT, Origin.TM, 85)
    assert [s.status for s in after[1:4]] == [Status.NEW] * 3
    model = window.session.model
    assert model.index(0, Column.CONFIDENCE).data() == "TM \u2066100%\u2069"  # the percentage isolated, left to right
    assert model.index(4, Column.CONFIDENCE).data() == "TM \u206685%\u2069"
    assert model.index(4, Column.STATUS).data() == "Draft"
    window.go_to(after[4].id)
    assert "85%\u2069 match" in window.tm.pane.origin.text()  # the percentage isolated, left to right


def test_tmx_export_and_import_run_in_the_background(
    qtbot, window: MainWindow, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_units(("زار الوزير المدينة.", "The minister visited the city."))
    press(window.grid, Qt.Key.Key_F2)
    type_text(editor_of(window), "The minister arrived.")
    press(editor_of(window), Qt.Key.Key_Return, CTRL)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "memory"), ""))
    window.tm_menu.export_action.trigger()
    assert window.tm_menu.progress is not None
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)
    exported = [u.target for u in read_tmx(tmp_path / "memory.tmx")]
    assert exported == ["The minister visited the city.", "The minister arrived."]
    assert "Exported 2 units" in window.statusBar().currentMessage()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "visit.tmx"), ""))
    window.tm_menu.export_project_action.trigger()
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)
    assert [u.target for u in read_tmx(tmp_path / "visit.tmx")] == ["The minister arrived."]

    write_tmx(tmp_path / "other.tmx", [TmUnit("وقع الجانبان الاتفاق.", "The two sides signed the agreement.")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "other.tmx"), ""))
    window.tm_menu.import_action.trigger()
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)
    assert "The two sides signed the agreement." in [u.target for u in tm_units()]
    assert "1 units added" in window.statusBar().currentMessage()


def test_cancelling_an_export_leaves_no_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_units(("زار الوزير المدينة.", "The minister visited the city."))
    real_export = tm_menu.export_tm

    def export_once_cancelled(tm: Path, out: Path, *, cancel, on_progress) -> int:  # noqa: ANN001
        """Holds the export until Cancel is pressed, so the test does not race a two-unit export."""
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_export(tm, out, cancel=cancel, on_progress=on_progress)

    monkeypatch.setattr(tm_menu, "export_tm", export_once_cancelled)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "memory.tmx"), ""))
    window.tm_menu.export_action.trigger()
    run = window.tm_menu.progress
    assert run is not None and run.dialog.isVisible(), "the window keeps running while the export works"
    qtbot.mouseClick(run.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)
    assert list(tmp_path.glob("memory*")) == []
    assert "cancelled" in window.statusBar().currentMessage()


def _later_schema(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Give the memory a schema step of a version after this one, slow as a large memory's; returns, for each run
    of it, whether it ran on the UI thread."""
    on_ui_thread: list[bool] = []

    def later_step(db: object) -> None:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.2)

    current = TranslationMemory.KIND
    monkeypatch.setattr(TranslationMemory, "KIND", FileKind(current.application_id, current.description,
                                                            [*current.migrations, later_step]))
    return on_ui_thread


def _schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_a_memory_saved_by_an_earlier_version_is_updated_off_the_ui_thread(
    qtbot, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a project whose memory needs updating (a minute for a million units), or switching to such a
    memory: the update runs on a worker thread behind a progress dialog, and the memory is then used."""
    on_ui_thread = _later_schema(monkeypatch)
    win = open_window(qtbot, project)
    assert on_ui_thread == [False]
    assert win.session.store.linked_tm == default_tm_path() and win.session.store.tm_problem is None
    assert _schema_version(default_tm_path()) == TranslationMemory.KIND.version

    other = project.parent / "other.tarjama-tm"
    monkeypatch.undo()
    TranslationMemory.create(other).close()
    on_ui_thread = _later_schema(monkeypatch)
    assert win.tm.link(other)
    assert on_ui_thread == [False]
    assert win.session.store.linked_tm == other and _schema_version(other) == TranslationMemory.KIND.version
    win.close()

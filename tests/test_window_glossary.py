"""The glossary in the window: terms of the current segment listed, underlined in the grid, inserted with Alt+N;
adding a term, switching the project's glossary, CSV/TBX in and out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from qt_keys import press, type_text
from tarjama.domain import GlossaryEntry, ImportedDocument, Status
from tarjama.glossary.store import Glossary, project_glossary_path
from tarjama.paths import default_glossary_path
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.delegate import TERM_UNDERLINE
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.glossary.term_dialog import TermDialog
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import editor_of, open_window, stored

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

CLASH = "اشتبكت قوات النظام والنصرة في ريف إدلب."
VISIT = "وصل الوزير إلى العاصمة."
NUSRA = GlossaryEntry("النصرة", ("Nusra Front", "al-Nusra"), note="Jabhat al-Nusra", forbidden=("Victory Front",))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "clash.tarjama"
    ProjectStore.create(path, [ImportedDocument("clash.txt", "txt", [CLASH, VISIT])]).close()
    with Glossary.open_or_create(default_glossary_path()) as glossary:
        glossary.add(NUSRA)
    return path


@pytest.fixture
def window(qtbot, project: Path) -> MainWindow:
    win = open_window(qtbot, project)
    qtbot.waitUntil(lambda: win.glossary.finder is not None, timeout=5000)
    yield win
    win.close()


def term_pixels(window: MainWindow, row: int) -> int:
    """Pixels of the source cell painted in the term underline's colour."""
    QApplication.processEvents()
    image: QImage = window.grid.viewport().grab().toImage()
    scale = image.width() / window.grid.viewport().width()
    rect = window.grid.visualRect(window.grid.model().index(row, Column.SOURCE))
    count = 0
    for x in range(int(rect.left() * scale), min(int(rect.right() * scale), image.width())):
        for y in range(int(rect.top() * scale), min(int(rect.bottom() * scale), image.height())):
            colour = QColor(image.pixel(x, y))
            distance = sum(abs(a - b) for a, b in zip(colour.getRgb()[:3], TERM_UNDERLINE.getRgb()[:3], strict=True))
            count += distance < 40
    return count


def test_the_segments_terms_are_listed_and_underlined_in_the_source(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window.current_segment()
    assert first.source == CLASH
    qtbot.waitUntil(lambda: [e.source for e in window.glossary.pane.entries()] == ["النصرة"])
    row = window.glossary.pane.list.rows()[0]
    assert (row.source, row.target) == ("النصرة", "Nusra Front; al-Nusra")
    assert "Alt+1" in row.heading and "Jabhat al-Nusra" in row.heading
    assert "Victory Front" in row.warning
    assert "terms in this segment: 1" in window.glossary.pane.status.text()

    source = window.proxy_index(first.id, Column.SOURCE)
    assert [first.source[start:end] for start, end in window.delegate.term_spans_at(source)] == ["والنصرة"]
    assert window.delegate.term_spans_at(window.proxy_index(first.id, Column.TARGET)) == []
    second = window.session.model.segment_at(1)
    assert window.delegate.term_spans_at(window.proxy_index(second.id, Column.SOURCE)) == []

    window.grid.setCurrentIndex(window.proxy_index(second.id, Column.STATUS))  # selection off the measured row
    assert window.glossary.pane.entries() == []
    assert term_pixels(window, 0) > 10, "the term should be underlined in the grid"
    monkeypatch.setattr(window.delegate, "term_spans", lambda segment: [])
    window.grid.viewport().update()
    assert term_pixels(window, 0) == 0, "only the underline is drawn in its colour"


def test_alt_1_inserts_the_preferred_english_at_the_cursor_and_undo_takes_it_back(
    qtbot, window: MainWindow, project: Path
) -> None:
    qtbot.waitUntil(lambda: len(window.glossary.pane.entries()) == 1)
    press(window.grid, Qt.Key.Key_1, ALT)  # no editor open: it opens, with the term in it
    editor = editor_of(window)
    assert editor.toPlainText() == "Nusra Front"
    editor.selectAll()
    type_text(editor, "Regime forces clashed with")
    press(editor, Qt.Key.Key_1, ALT)
    assert editor.toPlainText() == "Regime forces clashed with Nusra Front"
    type_text(editor, " in rural Idlib.")
    press(editor, Qt.Key.Key_Return, CTRL)
    assert (stored(project)[0].target, stored(project)[0].status) == (
        "Regime forces clashed with Nusra Front in rural Idlib.",
        Status.APPROVED,
    )
    window.go_to(stored(project)[0].id)
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert (stored(project)[0].target, stored(project)[0].status) == ("", Status.NEW)


def test_add_term_takes_the_arabic_selected_in_the_source(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = window.session.model.segment_at(1)
    window.go_to(second.id)

    def fill_in(dialog: TermDialog) -> QDialog.DialogCode:
        cursor = dialog.source_view.textCursor()
        start = VISIT.index("الوزير")
        cursor.setPosition(start)
        cursor.setPosition(start + len("الوزير"), cursor.MoveMode.KeepAnchor)
        dialog.source_view.setTextCursor(cursor)
        dialog.english.setText("the minister; minister")
        dialog.forbidden.setText("vizier")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermDialog, "exec", fill_in)
    press(window.grid, Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: [e.source for e in window.glossary.pane.entries()] == ["الوزير"], timeout=5000)
    with Glossary.open(default_glossary_path()) as glossary:
        added = [e for e in glossary.entries() if e.source == "الوزير"]
    assert [(e.targets, e.forbidden) for e in added] == [(("the minister", "minister"), ("vizier",))]


def test_new_glossary_import_and_export(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "syria"), ""))
    window.glossary_menu.new_action.trigger()
    syria = tmp_path / "syria.tarjama-glossary"
    assert project_glossary_path(window.session.store) == syria
    qtbot.waitUntil(lambda: "syria" in window.glossary.pane.status.text(), timeout=5000)
    assert window.glossary.pane.entries() == []

    terms = tmp_path / "terms.csv"
    terms.write_text("arabic,english,note\nالنظام,the regime,\nإدلب,Idlib,province\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(terms), ""))
    window.glossary_menu.import_action.trigger()
    assert window.glossary_menu.progress is not None
    qtbot.waitUntil(lambda: window.glossary_menu.progress is None, timeout=10000)
    assert "2 terms added" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: [e.source for e in window.glossary.pane.entries()] == ["النظام", "إدلب"], timeout=5000)

    out = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), "TBX files (*.tbx)"))
    window.glossary_menu.export_action.trigger()
    qtbot.waitUntil(lambda: window.glossary_menu.progress is None, timeout=10000)
    assert "Exported 2 terms" in window.statusBar().currentMessage()
    assert "Idlib" in (tmp_path / "out.tbx").read_text(encoding="utf-8")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(default_glossary_path()), ""))
    window.glossary_menu.open_action.trigger()
    qtbot.waitUntil(lambda: [e.source for e in window.glossary.pane.entries()] == ["النصرة"], timeout=5000)

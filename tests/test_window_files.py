"""The Files pane: a project's files with their progress, the grid shown for one file or all, and files added,
removed and exported from the window (`tarjama.ui.project.file_list`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tarjama.domain import Status
from tarjama.project.files import import_documents
from tarjama.project.store import ProjectStore
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import DOCUMENT, open_window

WORD_PARAGRAPHS = ["رحب السكان بالقرار الجديد.", "وتشمل الخطة خطوط حافلات إضافية في المدينة."]


def write_docx(path: Path, paragraphs: list[str] = WORD_PARAGRAPHS) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "in").mkdir()
    text = tmp_path / "in" / "visit.txt"
    text.write_text(DOCUMENT, encoding="utf-8")
    return text, write_docx(tmp_path / "in" / "plan.docx")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, sources: tuple[Path, Path]) -> Iterator[MainWindow]:
    project = tmp_path / "job.tarjama"
    import_documents(list(sources), project).close()
    win = open_window(qtbot, project)
    yield win
    win.close()


def labels(win: MainWindow) -> list[str]:
    return [win.files.list.item(row).text() for row in range(win.files.list.count())]


def words(win: MainWindow, document_id: int) -> int:
    assert win.session is not None
    return sum(s.source_words for s in win.session.model.segments() if s.document_id == document_id)


def test_the_pane_lists_each_file_with_its_progress_kept_current(window: MainWindow) -> None:
    assert window.session is not None
    first, second = window.session.store.documents()
    assert labels(window) == ["All files", f"visit.txt — 0 / {words(window, first.id)} words",
                              f"plan.docx — 0 / {words(window, second.id)} words"]
    segment = next(s for s in window.session.model.segments() if s.document_id == second.id)
    window.session.update_segment(segment.id, target="Residents welcomed the new decision.", status=Status.APPROVED)
    assert labels(window)[2] == f"plan.docx — {segment.source_words} / {words(window, second.id)} words"
    window.session.update_segment(segment.id, target="Residents welcomed it.", status=Status.DRAFT)
    assert labels(window)[2] == f"plan.docx — 0 / {words(window, second.id)} words"


def test_choosing_a_file_shows_only_its_segments(window: MainWindow) -> None:
    assert window.session is not None
    total = window.session.model.rowCount()
    second = window.session.store.documents()[1]
    window.files.list.setCurrentRow(2)
    assert window.proxy.rowCount() == len(window.session.store.segments(second.id)) == 2
    model = window.session.model
    shown = {model.segment_at(window.proxy.mapToSource(window.proxy.index(row, 0)).row()).document_id
             for row in range(window.proxy.rowCount())}
    assert shown == {second.id}
    current = window.current_segment()
    assert current is not None and current.document_id == second.id
    window.files.list.setCurrentRow(0)
    assert window.proxy.rowCount() == total


def test_files_are_added_off_the_ui_thread(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    assert window.session is not None
    before = window.session.model.rowCount()
    more = write_docx(tmp_path / "more.docx", ["تستمر فعاليات المعرض عشرة أيام."])
    results: list[bool] = []
    window.files.add_files([more], on_done=results.append)
    qtbot.waitUntil(lambda: results == [True], timeout=10000)
    assert window.session.model.rowCount() == before + 1
    assert labels(window)[-1].startswith("more.docx — 0 / 5 words")


def run_and_wait(qtbot: QtBot, window: MainWindow, job: Callable[[], None]) -> None:
    """Start a removal or an export, which runs off the UI thread, and wait until it is over."""
    idle: list[bool] = []
    window.files.on_idle = lambda: idle.append(True)
    job()
    assert not window.files.export_all_action.isEnabled(), "one job at a time: the pane's actions wait"
    qtbot.waitUntil(lambda: idle == [True], timeout=10000)


def test_removing_a_file_asks_first(window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    assert window.session is not None
    first = window.session.store.documents()[0]
    window.files.list.setCurrentRow(2)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    window.files.remove_action.trigger()
    assert len(window.session.store.documents()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    run_and_wait(qtbot, window, window.files.remove_action.trigger)
    assert [d.id for d in window.session.store.documents()] == [first.id]
    assert {s.document_id for s in window.session.model.segments()} == {first.id}
    assert len(labels(window)) == 2
    assert window.proxy.rowCount() == window.session.model.rowCount(), "its file gone, all files are shown"
    with ProjectStore.open(window.session.path) as other:
        assert [d.id for d in other.documents()] == [first.id]


def test_export_one_and_all(window: MainWindow, tmp_path: Path, sources: tuple[Path, Path], qtbot: QtBot) -> None:
    assert window.session is not None
    second = window.session.store.documents()[1]
    (tmp_path / "out").mkdir()
    run_and_wait(qtbot, window, lambda: window.files.export_one(second.id, tmp_path / "out" / "plan.en.docx"))
    assert [p.text for p in docx.Document(str(tmp_path / "out" / "plan.en.docx")).paragraphs] == WORD_PARAGRAPHS
    run_and_wait(qtbot, window, lambda: window.files.export_all_to(tmp_path / "all"))
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(path.name for path in sources)
    # Into the folder the sources came from: refused, said, and nothing replaced.
    before = [path.read_bytes() for path in sources]
    run_and_wait(qtbot, window, lambda: window.files.export_all_to(sources[0].parent))
    assert "source document" in window.statusBar().currentMessage()
    assert [path.read_bytes() for path in sources] == before


def test_a_file_that_cannot_be_read_adds_none_and_says_why(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    assert window.session is not None
    before = window.session.model.rowCount()
    good = write_docx(tmp_path / "good.docx", ["تستمر فعاليات المعرض عشرة أيام."])
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip file")
    results: list[bool] = []
    window.files.add_files([good, bad], on_done=results.append)
    qtbot.waitUntil(lambda: results == [False], timeout=10000)
    assert "broken.docx" in window.statusBar().currentMessage()
    assert window.session.model.rowCount() == before
    assert len(window.session.store.documents()) == 2
    assert window.files.add_action.isEnabled(), "the translator can try again"


def test_the_file_menu_offers_adding_and_exporting_files(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.files.add_action in file_menu.actions()
    assert window.files.export_all_action in file_menu.actions()
    window.close_project()
    assert not window.files.add_action.isEnabled()
    assert labels(window) == ["All files"]

"""The core's error messages reach the Arabic window in Arabic, with their values (paths, numbers) as they are and
kept left to right, while `str(error)`, what the CLI prints, stays English."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from tarjama.errors import BadInputError, ProjectError, SegmentError
from tarjama.formats import read_document
from tarjama.mt.errors import DownloadError, PackageNotFoundError
from tarjama.mt.packages import remove_package
from tarjama.project.store import ProjectStore
from tarjama.ui.common.bidi import isolated
from tarjama.ui.common.error_text import error_text
from tarjama.ui.shell.app import create_window
from window_fixtures import LRELEASE, arabic

NOT_A_DOCX = (
    "is not a Word document (.docx); if it is an old .doc file or another format, open it in Word and save it as .docx"
)


def test_a_malformed_file_opened_in_the_arabic_window_is_reported_in_arabic_with_its_path(
    qtbot, arabic_ui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    window = create_window(arabic_ui)
    qtbot.addWidget(window)
    window.modal_errors = True
    document = tmp_path / "report-2024.docx"
    document.write_bytes(b"plain bytes, not a zip archive")
    results: list[bool] = []
    window.open_document(document, tmp_path / "report.tarjama", on_done=results.append)
    qtbot.waitUntil(lambda: results == [False], timeout=5000)

    problem = arabic("Errors", NOT_A_DOCX)
    expected = arabic("Errors", "{path}: {problem}").format(path=isolated(str(document)), problem=problem)
    assert shown == [(arabic("MainWindow", "Cannot import the document"), expected)]
    assert "ليس مستند Word" in problem and str(document) in expected
    assert window.statusBar().currentMessage() == isolated(expected)
    with pytest.raises(BadInputError) as raised:
        read_document(document)
    assert str(raised.value) == f"{document}: {NOT_A_DOCX}", "the CLI prints the English"
    window.close()


def test_a_missing_project_is_reported_in_arabic(arabic_ui, tmp_path: Path) -> None:
    missing = tmp_path / "gone.tarjama"
    with pytest.raises(ProjectError) as raised:
        ProjectStore.open(missing)
    assert str(raised.value) == f"{missing}: does not exist."
    assert error_text(raised.value) == f"{isolated(str(missing))}: {arabic('Errors', 'does not exist.')}"


def test_numbers_keep_their_format_and_a_value_that_is_a_message_is_translated(
    arabic_ui, tmp_path: Path
) -> None:
    error = DownloadError(
        "https://example.org/p.argosmodel",
        "the download is incomplete ({received:,} of {total:,} bytes); try again",
        received=1024,
        total=4096,
    )
    assert str(error).endswith(": the download is incomplete (1,024 of 4,096 bytes); try again")
    problem = arabic("Errors", "the download is incomplete ({received:,} of {total:,} bytes); try again")
    problem = problem.replace("{received:,}", isolated("1,024")).replace("{total:,}", isolated("4,096"))
    assert error_text(error) == f"{isolated('https://example.org/p.argosmodel')}: {problem}"

    with pytest.raises(PackageNotFoundError) as raised:
        remove_package("ar_en", directory=tmp_path)
    assert str(raised.value) == "No installed package is called 'ar_en' (installed: none)."
    template = arabic("Errors", "No installed package is called {name} (installed: {installed}).")
    assert error_text(raised.value) == template.format(name=isolated("'ar_en'"), installed=arabic("Errors", "none"))


@pytest.fixture
def broken_translation(qapp: QApplication, tmp_path: Path):
    """A catalogue whose Arabic for one message lost a placeholder, as a careless edit of the .ts could leave it."""
    ts = tmp_path / "broken.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ar">\n<context>\n'
        "<name>Errors</name>\n<message>\n<source>Segment {segment} does not exist in {file}.</source>\n"
        "<translation>المقطع غير موجود.</translation>\n</message>\n</context>\n</TS>\n",
        encoding="utf-8",
    )
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(tmp_path / "broken.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "broken.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_a_translation_missing_a_placeholder_falls_back_to_english(broken_translation, tmp_path: Path) -> None:
    project = tmp_path / "p.tarjama"
    store = ProjectStore.create(project, [])
    with pytest.raises(SegmentError) as raised:
        store.segment(99)
    store.close()
    assert str(raised.value) == "Segment 99 does not exist in p.tarjama."
    assert error_text(raised.value) == f"Segment {isolated('99')} does not exist in {isolated('p.tarjama')}."


def test_an_error_without_a_message_shows_its_own_text() -> None:
    assert error_text(OSError("disk on fire")) == "disk on fire"

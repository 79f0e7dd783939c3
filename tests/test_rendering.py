"""What the translator sees: the Arabic column flush right, the English flush left, and the --smoke run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.app import create_window, open_settings


def _ink_columns(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    """x positions inside the rectangle where some pixel is dark (text), scanning every row."""
    inked = []
    for x in range(left, right):
        for y in range(top, bottom):
            if QColor(image.pixel(x, y)).lightness() < 110:
                inked.append(x)
                break
    return inked


@pytest.fixture
def short_project(tmp_path: Path) -> Path:
    document = tmp_path / "short.txt"
    document.write_text("خبر قصير.\n\nوخبر آخر.\n", encoding="utf-8")
    project = tmp_path / "short.tarjama"
    with import_document(document, project) as store:
        store.update_segment(store.segments()[0].id, target="Short news.")
    return project


def test_arabic_source_is_flush_right_and_english_target_flush_left(qtbot, short_project: Path) -> None:
    window = create_window(open_settings())
    qtbot.addWidget(window)
    window.open_project(short_project)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    window.grid.setCurrentIndex(window.grid.model().index(1, Column.STATUS))  # selection off the measured row
    QApplication.processEvents()
    image = window.grid.viewport().grab().toImage()
    scale = image.width() / window.grid.viewport().width()

    def cell(column: int) -> tuple[int, int, int, int]:
        rect = window.grid.visualRect(window.grid.model().index(0, column))
        bottom = min(int(rect.bottom() * scale), image.height()) - 3  # a row may run past the viewport
        return (int(rect.left() * scale) + 3, int(rect.right() * scale) - 3, int(rect.top() * scale) + 3, bottom)

    left, right, top, bottom = cell(Column.SOURCE)
    ink = _ink_columns(image, left, right, top, bottom)
    assert ink, "no Arabic text was drawn"
    assert right - max(ink) < 15, "the Arabic text should end at the right edge of its cell"
    assert min(ink) - left > (right - left) / 2, "short Arabic text should sit in the right half"

    left, right, top, bottom = cell(Column.TARGET)
    ink = _ink_columns(image, left, right, top, bottom)
    assert ink and min(ink) - left < 15, "the English text should start at the left edge of its cell"
    assert max(ink) - left < (right - left) / 2
    window.close()


def test_smoke_run_renders_the_sample_and_writes_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "tarjama.ui.shell.app", "--smoke", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() > 600 and image.height() > 400
    projects = list((Path(__import__("os").environ["TARJAMA_DATA_DIR"]) / "projects").glob("*.tarjama"))
    assert [p.name for p in projects] == ["sample-ar.tarjama"]
    with ProjectStore.open(projects[0]) as store:
        assert len(store.segments()) >= 8


def test_smoke_run_fails_cleanly_on_a_bad_document(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = subprocess.run(
        [sys.executable, "-m", "tarjama.ui.shell.app", "--smoke", str(bad)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "photo.txt" in result.stderr

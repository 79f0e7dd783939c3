"""What a large TMX import leaves for concordance, indexed by the window in the background
(`tarjama.ui.memory.concordance_build`): after the import, when a memory with a backlog is linked, and stopped by
closing the window with the rest left for the next time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tarjama.domain import TmUnit
from tarjama.formats.tmx import write_tmx
from tarjama.memory import concordance_index
from tarjama.memory.store import TranslationMemory
from tarjama.paths import default_tm_path
from tarjama.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def small_backlog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concordance_index, "INLINE_UNITS", 50)
    monkeypatch.setattr(concordance_index, "CHUNK", 20)
    monkeypatch.setattr(concordance_index, "BUILD_PAUSE", 0.0)


def _units(count: int) -> list[TmUnit]:
    return [TmUnit(f"قال الوفد في البيان رقم {n}.", f"The delegation said in statement {n}.") for n in range(count)]


def _waiting(path: Path) -> int:
    with TranslationMemory.open(path) as memory:
        return memory.concordance_waiting()


def test_after_a_large_import_the_window_indexes_the_new_units_for_concordance(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tmx(tmp_path / "agency.tmx", _units(200))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(tmp_path / "agency.tmx"), ""))
    window.tm_menu.import_action.trigger()
    qtbot.waitUntil(lambda: window.tm_menu.progress is None, timeout=10000)
    qtbot.waitUntil(lambda: "indexed for concordance" in window.statusBar().currentMessage(), timeout=10000)
    assert window.tm.indexing.running is None
    assert _waiting(default_tm_path()) == 0
    with TranslationMemory.open(default_tm_path()) as memory:
        assert len(memory.concordance("البيان رقم 1", limit=500)) == 111


def test_a_memory_linked_with_a_backlog_is_indexed_and_closing_the_window_stops_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "agency.tarjama-tm"
    with TranslationMemory.create(path) as memory:
        memory.import_units(_units(3000))
    shown: list[str] = []
    slow = concordance_index.index_next_chunk

    def slower(conn) -> int:  # noqa: ANN001 - as the real one
        time.sleep(0.02)  # 150 chunks take three seconds: long enough to stop it midway
        return slow(conn)

    monkeypatch.setattr(concordance_index, "index_next_chunk", slower)
    monkeypatch.setattr("tarjama.memory.store.index_next_chunk", slower)
    window.statusBar().messageChanged.connect(shown.append)
    assert window.tm.link(path)
    qtbot.waitUntil(lambda: any("Indexing agency for concordance: " in text for text in shown), timeout=10000)
    qtbot.waitUntil(lambda: _waiting(path) < 3000, timeout=10000)
    window.tm_menu.cancel()
    qtbot.waitUntil(lambda: window.tm.indexing.running is None, timeout=10000)
    left = _waiting(path)
    assert 0 < left < 3000, "stopped after the chunk in hand, the rest left for the next time"

    window.tm.indexing.resume(path)
    qtbot.waitUntil(lambda: "agency is indexed for concordance." in window.statusBar().currentMessage(),
                    timeout=20000)
    assert _waiting(path) == 0

"""Machine translation in the window, with a tiny real Arabic→English package installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qt_keys import press, type_text
from tarjama import mt
from tarjama.domain import Origin, Status
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.app import create_window, open_settings
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
SENTENCES = ["ولد ذهب إلى مدرسة.", "بيت كبير.", "بنت قرأ كتاب في مدينة.", "سلام.", "يوم جميل."]


@pytest.fixture
def installed(glossary_archive: Path) -> mt.InstalledPackage:
    package = mt.install_package(glossary_archive)
    yield package
    mt.release_translators()


def _project(tmp_path: Path, sentences: list[str], name: str = "news") -> Path:
    document = tmp_path / f"{name}.txt"
    document.write_text("\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)) + "\n")
    project = tmp_path / f"{name}.tarjama"
    import_document(document, project).close()
    return project


@pytest.fixture
def window(qtbot, tmp_path: Path, installed: mt.InstalledPackage) -> Iterator[MainWindow]:
    win = open_window(qtbot, _project(tmp_path, SENTENCES))
    yield win
    win.close()


def _stored(window: MainWindow) -> list:
    with ProjectStore.open(window.session.path) as store:
        return store.segments()


def test_pretranslate_fills_untouched_segments_and_keeps_approved_ones(qtbot, window: MainWindow) -> None:
    first = window.session.model.segment_at(0)
    window.session.update_segment(first.id, target="A boy went to school.", status=Status.APPROVED)
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    segments = _stored(window)
    assert (segments[0].target, segments[0].status) == ("A boy went to school.", Status.APPROVED)
    expected = mt.load_translator().translate([s.source for s in segments[1:]])
    for segment, result in zip(segments[1:], expected, strict=True):
        assert (segment.status, segment.origin) == (Status.MACHINE, Origin.MT)
        assert segment.target == segment.mt_text == result.text
        assert segment.confidence == pytest.approx(result.confidence)
    assert segments[1].target.startswith("house")
    model = window.session.model
    assert model.index(1, Column.TARGET).data() == segments[1].target
    assert model.index(1, Column.CONFIDENCE).data().startswith("MT ")  # a confidence, not a "TM 85%" match
    assert model.index(0, Column.CONFIDENCE).data() == ""


def test_editing_machine_output_keeps_the_raw_mt(qtbot, window: MainWindow) -> None:
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    raw = _stored(window)[0].target
    press(window.grid, Qt.Key.Key_F2)
    type_text(window.open_editor(), " (checked)")
    press(window.open_editor(), Qt.Key.Key_Return, CTRL)
    first = _stored(window)[0]
    assert first.target == raw + " (checked)" and first.status == Status.APPROVED
    assert first.mt_text == raw


def test_alternatives_and_retranslate_are_undoable(qtbot, window: MainWindow) -> None:
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    house = window.session.model.segment_at(1)
    assert house.alternatives, "the glossary gives بيت and كبير second meanings"
    window.go_to(house.id)
    assert window.alternatives.list.count() == len(house.alternatives)
    press(window.grid, Qt.Key.Key_1, CTRL)
    assert _stored(window)[1].target == house.alternatives[0].text
    assert _stored(window)[1].status == Status.DRAFT
    press(window.grid, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: _stored(window)[1].target == house.mt_text, timeout=10000)
    assert _stored(window)[1].status == Status.MACHINE
    press(window.grid, Qt.Key.Key_Z, CTRL)
    assert _stored(window)[1].target == house.alternatives[0].text


def test_least_confident_first(qtbot, window: MainWindow) -> None:
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    window.least_confident_action.setChecked(True)
    proxy = window.grid.model()
    shown = [proxy.index(row, Column.CONFIDENCE).data() for row in range(proxy.rowCount())]
    values = [int(text.removeprefix("MT ")) for text in shown]
    assert values == sorted(values)
    window.least_confident_action.setChecked(False)
    assert [proxy.index(r, Column.NUMBER).data() for r in range(proxy.rowCount())] == ["1", "2", "3", "4", "5"]


def test_cancel_half_way_and_close_during_translation(qtbot, tmp_path: Path, installed: mt.InstalledPackage) -> None:
    many = [SENTENCES[i % len(SENTENCES)] for i in range(600)]
    project = _project(tmp_path, many, name="long")
    win = create_window(open_settings())
    qtbot.addWidget(win)
    win.modal_errors = False
    win.open_project(project)
    win.show()
    batches: list[int] = []
    win.pretranslation.start()
    win.pretranslation.worker.progressed.connect(lambda done, total, rate, ids: batches.append(done))
    qtbot.waitUntil(lambda: any(batches), timeout=30000)  # the (empty) TM's batches come first, done == 0
    win.pretranslation.cancel()
    qtbot.waitUntil(lambda: win.pretranslation.worker is None, timeout=30000)
    with ProjectStore.open(project) as store:
        segments = store.segments()
    machine = [s for s in segments if s.status == Status.MACHINE]
    assert 0 < len(machine) < len(segments)
    assert all(s.target for s in machine) and all(not s.target for s in segments if s.status == Status.NEW)
    assert sum(1 for s in win.session.model.segments() if s.status == Status.MACHINE) == len(machine)

    win.pretranslation.start()
    qtbot.waitUntil(lambda: len(batches) > 1 or win.pretranslation.worker is None, timeout=30000)
    win.close()
    assert win.pretranslation.worker is None
    with ProjectStore.open(project) as store:
        after = store.segments()
    assert sum(1 for s in after if s.status == Status.MACHINE) >= len(machine)
    assert all(s.target for s in after if s.status == Status.MACHINE)


def test_banner_offers_installation_until_a_package_is_installed(qtbot, glossary_archive: Path) -> None:
    win = create_window(open_settings())
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible()
    win.packages_dialog.install_file(glossary_archive)
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=10000)
    mt.release_translators()
    win.close()

"""The machine's unsure words, scored for the segments the window shows: pre-translation stores no words (they
would cost a fifth of its speed), the window scores the segments it paints with the project's model, stores them,
and marks the unsure ones in the Machine translation pane and the target."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from qt_keys import press, type_text
from tarjama import mt
from tarjama.domain import MachineSuggestion
from tarjama.project.files import import_document
from tarjama.project.store import ProjectStore
from tarjama.ui.mt import word_scoring
from tarjama.ui.shell.main_window import MainWindow
from test_window_unsure_words import DOTTED, underlined
from window_fixtures import editor_of, open_window

#: "بيت" is "house" to the glossary model and "home" only its second gloss: forced, "home" is unsure.
SENTENCES = ["بيت كبير", "ولد ذهب إلى مدرسة."]


@pytest.fixture
def installed(glossary_archive: Path) -> Iterator[mt.InstalledPackage]:
    package = mt.install_package(glossary_archive)
    yield package
    mt.release_translators()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    document = tmp_path / "news.txt"
    document.write_text("\n\n".join(SENTENCES) + "\n")
    project = tmp_path / "news.tarjama"
    import_document(document, project).close()
    return project


def _stored(path: Path) -> list:
    with ProjectStore.open(path) as store:
        return store.segments()


def _pane_marks(window: MainWindow) -> list[str]:
    document = QTextDocument()
    document.setHtml(window.alternatives.machine.text())
    return underlined(document.firstBlock(), DOTTED)


def test_pretranslation_leaves_the_words_to_the_window_which_scores_what_it_shows(
    qtbot, project: Path, installed: mt.InstalledPackage
) -> None:
    window = open_window(qtbot, project)
    try:
        with ProjectStore.open(project) as store:  # translated elsewhere (another model, or an alternative taken)
            store.apply_machine_translations([(1, MachineSuggestion("home big", 0.4), [])])
        window.external_changes.check()
        qtbot.waitUntil(lambda: window.session.model.segment_at(0).mt_text == "home big", timeout=5000)
        window.go_to(1)
        window.grid.viewport().repaint()
        qtbot.waitUntil(lambda: window.session.model.segment_at(0).mt_words != (), timeout=10000)
        stored = _stored(project)[0]
        assert [stored.mt_text[w.start:w.end] for w in stored.mt_words] == ["home", "big"]
        probabilities = {stored.mt_text[w.start:w.end]: w.probability for w in stored.mt_words}
        assert probabilities["home"] < 0.5 < probabilities["big"]
        qtbot.waitUntil(lambda: _pane_marks(window) == ["home"], timeout=5000)
        assert window.delegate.unsure.in_target(window.session.model.segment_at(0), "home big") == [(0, 4)]
    finally:
        window.close()


def test_each_segment_is_scored_once(qtbot, project: Path, installed: mt.InstalledPackage) -> None:
    window = open_window(qtbot, project)
    try:
        asked: list[tuple[int, ...]] = []
        window.word_scoring.scored.connect(asked.append)
        window.pretranslation.start()
        qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
        window.grid.viewport().repaint()
        qtbot.waitUntil(lambda: all(segment.mt_words for segment in _stored(project)), timeout=10000)
        for segment in window.session.model.segments():
            window.word_scoring.request(segment)
        window.grid.viewport().repaint()
        qtbot.wait(300)
        assert sorted(i for ids in asked for i in ids) == [s.id for s in window.session.model.segments()]
    finally:
        window.close()


def test_pretranslation_stores_no_words(tmp_path: Path, project: Path, installed: mt.InstalledPackage) -> None:
    """What pre-translation leaves to the window (the CLI's and the window's alike: one core service)."""
    from tarjama.project.pretranslate import pretranslate

    with ProjectStore.open(project) as store:
        report = pretranslate(store, mt.load_translator())
        assert report.translated == len(SENTENCES)
        assert all(segment.mt_text and segment.mt_words == () for segment in store.segments())


def test_words_arriving_while_the_translator_types_mark_the_editor_and_keep_the_typing(
    qtbot, project: Path, installed: mt.InstalledPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = threading.Event()
    score = word_scoring.score_machine_words

    def after_typing(*args):  # noqa: ANN002, ANN202 - the scorer's own
        assert typed.wait(20)
        return score(*args)

    monkeypatch.setattr(word_scoring, "score_machine_words", after_typing)
    window = open_window(qtbot, project)
    try:
        with ProjectStore.open(project) as store:
            store.apply_machine_translations([(1, MachineSuggestion("home big", 0.4), [])])
        window.external_changes.check()
        qtbot.waitUntil(lambda: window.session.model.segment_at(0).mt_text == "home big", timeout=5000)
        press(window.grid, Qt.Key.Key_F2)
        editor = editor_of(window)
        type_text(editor, " house")
        assert underlined(editor.document().firstBlock(), DOTTED) == []
        typed.set()
        qtbot.waitUntil(lambda: underlined(editor.document().firstBlock(), DOTTED) == ["home"], timeout=10000)
        assert editor.toPlainText() == "home big house"
    finally:
        window.close()

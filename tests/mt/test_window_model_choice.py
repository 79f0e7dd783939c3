"""Translation → Machine translation model in the window, and what the packages dialog says of each model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from qt_keys import press
from tarjama import mt
from tarjama.mt.model_choice import chosen_package
from tarjama.project.store import ProjectStore
from tarjama.ui.mt.models_dialog import ModelsDialog
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window

from .test_model_choice import (
    ARGOS_NAME,
    OPUS_NAME,
    install_copy,
    install_two_models,
    make_project,
    output_of,
    targets,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def two_models(glossary_dir: Path, swapped_dir: Path) -> Iterator[tuple[mt.InstalledPackage, mt.InstalledPackage]]:
    yield install_two_models(glossary_dir, swapped_dir)
    mt.release_translators()


def open_translation_menu(window: MainWindow) -> None:
    """Tell the Translation menu it is opening, as Qt does (a real popup would wait for a click)."""
    translation_menu = window.model_menu.menu.parent()
    assert isinstance(translation_menu, QMenu)
    translation_menu.aboutToShow.emit()


def without_isolates(text: str) -> str:
    """The text as read, without the marks that keep numbers and names in their own direction."""
    return text.translate(dict.fromkeys(range(0x2066, 0x206A)))


def checked(window: MainWindow) -> list[str]:
    return [name for name, action in window.model_menu.actions.items() if action.isChecked()]


def test_the_menu_switches_the_model_and_the_next_ctrl_t_uses_it(qtbot, tmp_path: Path, two_models) -> None:
    argos, opus = two_models
    window = open_window(qtbot, make_project(tmp_path, "news"))
    open_translation_menu(window)
    assert window.model_menu.menu.menuAction().isEnabled()
    assert set(window.model_menu.actions) == {argos.name, opus.name}
    default = mt.find_package().name
    assert checked(window) == [default]
    other = opus if default == argos.name else argos
    window.model_menu.actions[other.name].trigger()
    assert other.name in window.statusBar().currentMessage()
    qtbot.waitUntil(window.grid.hasFocus)  # the shortcut reaches the window once it is active
    press(window.grid, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: targets(window.session.path) == [output_of(other)], timeout=10000)
    open_translation_menu(window)
    assert checked(window) == [other.name]
    window.close()


def test_pretranslation_uses_the_chosen_model_and_each_project_keeps_its_own(
    qtbot, tmp_path: Path, two_models
) -> None:
    default = mt.find_package()
    other = next(package for package in two_models if package.name != default.name)
    first, second = make_project(tmp_path, "first"), make_project(tmp_path, "second")
    window = open_window(qtbot, first)
    open_translation_menu(window)
    window.model_menu.actions[other.name].trigger()
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    assert targets(first) == [output_of(other)]
    assert window.open_project(second)
    open_translation_menu(window)
    assert checked(window) == [default.name]  # the other project's choice is not this one's
    window.model_menu.actions[default.name].trigger()
    window.pretranslation.start()
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=30000)
    assert targets(second) == [output_of(default)]
    assert window.open_project(first)
    open_translation_menu(window)
    assert checked(window) == [other.name]
    window.close()
    with ProjectStore.open(second) as store:
        assert chosen_package(store).name == default.name


def test_a_removed_choice_is_said_once_in_the_status_bar(qtbot, tmp_path: Path, two_models) -> None:
    argos, opus = two_models
    window = open_window(qtbot, make_project(tmp_path, "news"))
    open_translation_menu(window)
    window.model_menu.actions[opus.name].trigger()
    mt.remove_package(opus.name)
    window.statusBar().clearMessage()
    open_translation_menu(window)
    assert "no longer installed" in window.statusBar().currentMessage()
    assert checked(window) == [argos.name]
    assert not window.model_menu.menu.menuAction().isEnabled()  # one model left: nothing to choose
    window.statusBar().clearMessage()
    open_translation_menu(window)
    assert window.statusBar().currentMessage() == ""
    window.close()


def test_the_dialog_shows_origin_licence_and_published_scores(qtbot, two_models, glossary_dir: Path) -> None:
    install_copy(glossary_dir, "my-own-model", code="my-own-model", origin="CTranslate2 folder")
    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(row, table.NAME).text(): row for row in range(table.rowCount())}

    def cell(name: str, column: int) -> str:
        return without_isolates(table.item(rows[name], column).text())

    assert (cell(ARGOS_NAME, table.ORIGIN), cell(ARGOS_NAME, table.LICENCE)) == ("Argos Translate", "not stated")
    assert "29.5 BLEU" in cell(ARGOS_NAME, table.SCORES) and "0.812 COMET" in cell(ARGOS_NAME, table.SCORES)
    assert (cell(OPUS_NAME, table.ORIGIN), cell(OPUS_NAME, table.LICENCE)) == ("OPUS-MT", "CC-BY-4.0")
    assert "33.9 BLEU" in cell(OPUS_NAME, table.SCORES)
    assert cell("my-own-model", table.SCORES) == ""  # never invented
    note = without_isolates(dialog.scores_note.text())
    for figure in ("29.5", "0.812", "33.9", "0.844", "42.6", "45.1", "FLORES-200", "FLORES-101"):
        assert figure in note
    assert "mozilla/firefox-translations-models" in note and "model card" in note


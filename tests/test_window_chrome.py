"""The window around the grid: the "Show segments" toolbar button, pre-translation without an MT package, and
panes closed and brought back from View → Panes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog

from qt_keys import press
from tarjama.domain import Status
from tarjama.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_clicking_show_segments_opens_its_list_of_filters(qtbot, window: MainWindow) -> None:
    """The button names a choice, so its main part (not only the arrow) opens the filters to choose from."""
    button = window.filter_button
    menu = button.defaultAction().menu()
    opened = []

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        opened.append(popup)
        if popup is menu:
            window.filter_actions["Not approved"].trigger()
            popup.close()

    first = window.session.model.segment_at(0)
    window.session.update_segment(first.id, target="The minister arrived.", status=Status.APPROVED)
    QTimer.singleShot(100, choose)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    assert opened[0] is menu, "the main part of the button did nothing"
    assert window.filter_actions["Not approved"].isChecked()
    assert window.grid.model().rowCount() == window.session.model.rowCount() - 1


def test_pretranslating_without_a_package_says_so_in_full_and_offers_one(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    press(window.grid, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.pretranslation.worker is not None
    qtbot.waitUntil(lambda: window.pretranslation.worker is None, timeout=20000)
    label = window.banner.label
    assert window.banner.isVisible() and label.wordWrap()
    assert label.text().startswith("Pre-translation finished:")
    assert label.text().endswith("Machine translation was skipped: no Arabic→English package is installed.")
    assert window.statusBar().currentMessage() == "", "no copy cut off in the status bar"

    chosen, downloads = [], []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: chosen.append(args) or ("", ""))
    monkeypatch.setattr(window.packages_dialog, "start_download", lambda: downloads.append(True))
    window.banner.install_button.click()
    assert window.packages_dialog.isVisible() and len(chosen) == 1
    window.packages_dialog.close()
    window.banner.download_button.click()
    assert window.packages_dialog.isVisible() and downloads == [True]
    window.packages_dialog.close()


def test_a_closed_pane_comes_back_from_view_panes(qtbot, window: MainWindow) -> None:
    panes = window.findChildren(QDockWidget)
    assert {window.tm.matches_dock, window.tm.concordance_dock, window.glossary.dock, window.qa.dock} < set(panes)
    offered = window.panes_menu.actions()
    for pane in panes:
        action = pane.toggleViewAction()
        assert action in offered and action.text() == pane.windowTitle()
        pane.close()
        assert not action.isChecked()
        action.trigger()
        assert action.isChecked()
        qtbot.waitUntil(pane.isVisible, timeout=1000)  # shown, and in front of the panes it shares tabs with

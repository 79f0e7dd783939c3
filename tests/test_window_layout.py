"""The window remembers: its size and place, the docks (side by side too), the grid's column share and the last
filters come back at the next start, from the user's settings (a temporary folder here, `conftest.py`); a place
off every screen is brought back, a layout of another build is ignored; View → Panes lists every pane, even one
added after the menu was made, and Reset layout puts the default back; after Ctrl+Enter the next segment sits in
the upper part of the grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from qt_keys import press
from tarjama.domain import Status
from tarjama.ui.editor.segment_model import Column
from tarjama.ui.shell.app import create_window, open_settings
from tarjama.ui.shell.layout_memory import LAYOUT_VERSION, VERSION_KEY
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window, project_of

CTRL = Qt.KeyboardModifier.ControlModifier


def restart(qtbot, win: MainWindow, project: Path) -> MainWindow:  # noqa: ANN001
    """Close the window as the translator does and start Tarjama again with the same settings."""
    win.close()
    return open_window(qtbot, project, open_settings())


def put_beside(win: MainWindow, dock: QDockWidget) -> None:
    """Take a pane out of the bottom tabs and dock it to their right, as dragging its tab there does."""
    win.removeDockWidget(dock)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock, Qt.Orientation.Horizontal)
    dock.show()


def side_by_side(win: MainWindow, first: QDockWidget, second: QDockWidget) -> bool:
    """Both panes in sight at once, next to each other (tabs of one dock show one at a time)."""
    return (first.isVisible() and second.isVisible() and second not in win.tabifiedDockWidgets(first)
            and not first.geometry().intersects(second.geometry()))


def test_size_place_docks_columns_and_filters_come_back_after_a_restart(qtbot, project: Path) -> None:
    win = open_window(qtbot, project, open_settings())
    assert win.dockOptions() & QMainWindow.DockOption.AllowNestedDocks, "panes may only be tabs of one dock"
    win.resize(640, 470)
    QWidget.move(win, 40, 30)  # MainWindow.move is Ctrl+Down's
    qtbot.waitUntil(lambda: win.size().width() == 640)
    matches, glossary = win.tm.matches_dock, win.glossary.dock
    put_beside(win, glossary)
    qtbot.waitUntil(lambda: side_by_side(win, matches, glossary))
    win.qa.dock.close()
    header = win.grid.horizontalHeader()
    both = header.sectionSize(Column.SOURCE) + header.sectionSize(Column.TARGET)
    header.resizeSection(Column.SOURCE, both // 3)  # the translator drags the border between Arabic and English
    share = win.grid.text_columns.share
    assert abs(share - 1 / 3) < 0.02
    win.filter_actions["Not approved"].trigger()
    win.comment_filter_action.setChecked(True)
    next(a for a in win.match_filter.group.actions() if a.data() == "none").trigger()
    left = win.geometry()

    win = restart(qtbot, win, project)
    assert win.geometry() == left, "size and place"
    assert left.height() == 470 and abs(left.width() - 640) <= 40, "as set (the panes side by side may need more)"
    assert side_by_side(win, win.tm.matches_dock, win.glossary.dock)
    assert not win.qa.dock.isVisible() and not win.qa.dock.toggleViewAction().isChecked()
    assert abs(win.grid.text_columns.share - share) < 0.001
    header = win.grid.horizontalHeader()
    assert abs(header.sectionSize(Column.SOURCE) / (header.sectionSize(Column.SOURCE)
                                                    + header.sectionSize(Column.TARGET)) - share) < 0.02
    assert win.filter_actions["Not approved"].isChecked() and win.comment_filter_action.isChecked()
    assert win.proxy.statuses() == {Status.NEW, Status.MACHINE, Status.DRAFT, Status.REJECTED}
    assert win.match_filter.group.checkedAction().data() == "none"
    assert win.proxy.bands() == win.match_filter.choices["none"].bands
    assert win.grid.model().rowCount() == 0, "no segment has a comment"
    win.comment_filter_action.setChecked(False)
    assert win.grid.model().rowCount() == win.session.model.rowCount(), "every new segment has no match"
    win.close()


def test_every_pane_and_toolbar_has_a_name_of_its_own(window: MainWindow) -> None:
    """The saved layout finds docks and toolbars again by name: one without would be left where Qt puts it."""
    names = [bar.objectName() for bar in window.findChildren(QDockWidget) + window.findChildren(QToolBar)]
    assert all(names) and len(set(names)) == len(names), names


def test_a_window_left_on_an_unplugged_monitor_comes_back_on_screen(qtbot, project: Path) -> None:
    win = open_window(qtbot, project, open_settings())
    win.resize(600, 450)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    QWidget.move(win, screen.right() + 3000, screen.bottom() + 2000)  # where the second monitor was
    qtbot.waitUntil(lambda: not screen.intersects(win.frameGeometry()))

    win = restart(qtbot, win, project)
    assert (win.width(), win.height()) == (600, 450), "the size was not restored"
    on_screen = win.frameGeometry().intersected(screen)
    assert on_screen.width() >= 300 and on_screen.height() >= 200, win.frameGeometry()
    win.close()


def test_a_layout_saved_by_another_build_is_ignored_whole(qtbot, project: Path) -> None:
    win = open_window(qtbot, project, open_settings())
    default_size = win.size()
    win.resize(610, 460)
    win.qa.dock.close()
    win.close()
    settings = open_settings()
    settings.setValue(VERSION_KEY, LAYOUT_VERSION - 1)  # as a build with other docks left it
    settings.sync()

    win = open_window(qtbot, project, open_settings())
    assert win.size() == default_size
    assert win.qa.dock.toggleViewAction().isChecked(), "the old layout was half applied"
    win.close()


def test_view_panes_lists_every_pane_even_one_added_later_and_reopens_it(qtbot, window: MainWindow) -> None:
    late = QDockWidget("Comments", window)  # as a pane another part of the window adds after the menus
    late.setObjectName("late-dock")
    late.setWidget(QLabel("…"))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, late)
    window.panes_menu.aboutToShow.emit()  # the menu opens
    offered = window.panes_menu.actions()
    for pane in window.findChildren(QDockWidget):
        assert pane.toggleViewAction() in offered, pane.windowTitle()
    assert window.panes.reset_action in offered
    late.close()
    late.toggleViewAction().trigger()
    qtbot.waitUntil(late.isVisible, timeout=1000)


def test_reset_layout_puts_every_pane_back_in_its_place(qtbot, window: MainWindow) -> None:
    matches, glossary, qa = window.tm.matches_dock, window.glossary.dock, window.qa.dock
    tabbed_with_matches = set(window.tabifiedDockWidgets(matches))
    assert glossary in tabbed_with_matches
    put_beside(window, glossary)
    qa.close()
    window.files.dock.setFloating(True)
    window.panes.reset_action.trigger()
    qtbot.waitUntil(lambda: qa.toggleViewAction().isChecked())
    assert set(window.tabifiedDockWidgets(matches)) == tabbed_with_matches
    assert not window.files.dock.isFloating()
    assert window.dockWidgetArea(window.files.dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_a_named_splitter_keeps_its_sizes(qtbot, project: Path) -> None:
    """A pane with a splitter (a named one: its name is how it is found again) gets its sizes back."""

    def with_splitter(win: MainWindow) -> QSplitter:
        splitter = QSplitter(win.files.dock)
        splitter.setObjectName("files-splitter")
        splitter.addWidget(QLabel("a"))
        splitter.addWidget(QLabel("b"))
        win.files.dock.setWidget(splitter)
        return splitter

    win = open_window(qtbot, project, open_settings())
    splitter = with_splitter(win)
    win.files.dock.show()
    total = sum(splitter.sizes())
    assert splitter.sizes()[0] / total > 0.4, "the two parts start even"
    splitter.setSizes([total // 4, total - total // 4])
    win.close()

    win = create_window(open_settings())
    qtbot.addWidget(win)
    splitter = with_splitter(win)  # made after the window, so its sizes are asked for again
    win.layout_memory.restore()
    win.files.dock.show()
    assert abs(splitter.sizes()[0] / sum(splitter.sizes()) - 0.25) < 0.05, splitter.sizes()
    win.close()


def test_after_ctrl_enter_the_next_segment_sits_in_the_upper_part_of_the_grid(qtbot, tmp_path: Path) -> None:
    sentences = " ".join(f"هذه هي الجملة رقم {n} من تقرير طويل عن المفاوضات." for n in range(1, 201))
    win = open_window(qtbot, project_of(tmp_path, sentences, name="long"), open_settings())
    for pane in win.findChildren(QDockWidget):
        pane.close()  # the grid gets the window's height
    win.resize(780, 760)
    qtbot.waitUntil(lambda: win.grid.viewport().height() > 400)
    segments = win.session.model.segments()
    assert len(segments) >= 150
    win.go_to(segments[100].id)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.grid.setFocus()
    for step in range(1, 4):
        press(QApplication.focusWidget() or win.grid, Qt.Key.Key_Return, CTRL)
        current = win.current_segment()
        assert current is not None and current.id == segments[100 + step].id, "Ctrl+Enter did not move on"
        rect: QRect = win.grid.visualRect(win.proxy_index(current.id))
        height = win.grid.viewport().height()
        assert 0 < rect.top() < height / 2, (rect, height)
        assert rect.bottom() < height, "the segment being typed in is in sight"
    win.close()


def test_the_grid_gets_most_of_the_height_at_first_start(window: MainWindow) -> None:
    """The panes under the grid start at about a quarter of the window, whatever their contents would like (the
    Comments pane stacked its parts and took half): the grid is the work."""
    bottom = [dock for dock in window.findChildren(QDockWidget)
              if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea and dock.isVisible()]
    assert bottom
    assert max(dock.height() for dock in bottom) < window.height() / 3
    assert window.grid.viewport().height() > window.height() / 2

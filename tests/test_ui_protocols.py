"""The window's parts see the window through `WindowHost`, not by importing `MainWindow`; and the views are told
which segments changed (`ProjectSession.changed` carries their ids), refreshing only what shows those."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from tarjama.domain import Segment, Status
from tarjama.ui.common.host import WindowHost
from tarjama.ui.editor.progress_tally import ProgressTally
from tarjama.ui.editor.segment_model import SegmentModel
from tarjama.ui.shell.main_window import MainWindow
from window_fixtures import open_window, project_of

UI = Path(__file__).resolve().parent.parent / "desktop" / "tarjama" / "ui"
MAIN_WINDOW = "tarjama.ui.shell.main_window"


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (inside `if TYPE_CHECKING:` and functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_only_the_application_imports_the_main_window() -> None:
    importers = sorted(
        str(path.relative_to(UI)) for path in UI.rglob("*.py") if MAIN_WINDOW in _imported_modules(path)
    )
    assert importers == ["shell/app.py"], "a part of the window should take a WindowHost (ui/common/host.py)"


def _protocol_members() -> set[str]:
    members = set(WindowHost.__annotations__)
    members.update(name for name in vars(WindowHost) if not name.startswith("_"))
    return members


def test_the_window_provides_every_member_of_its_host_protocol(window: MainWindow) -> None:
    members = _protocol_members()
    assert {"session", "show_error", "go_to", "statusBar", "settings"} <= members
    assert [name for name in sorted(members) if not hasattr(window, name)] == []


# -- which segments changed ---------------------------------------------------------------------------------------


def _recorded(window: MainWindow) -> list[tuple[int, ...]]:
    emitted: list[tuple[int, ...]] = []
    window.session.changed.connect(emitted.append)
    return emitted


def test_session_changed_names_the_segments_each_change_touched(window: MainWindow) -> None:
    session = window.session
    emitted = _recorded(window)
    first, second = (s.id for s in session.model.segments()[:2])

    session.update_segment(second, target="He met his counterpart.", status=Status.DRAFT)
    one, other = session.split(first, 5)
    session.merge(one.id)
    session.take_in([session.store.segment(second)])
    session.take_in_all()

    assert emitted == [(second,), (one.id, other.id), (one.id, other.id), (second,), ()]


def _segment(segment_id: int, source: str) -> Segment:
    return Segment(id=segment_id, paragraph_id=1, paragraph_index=0, position=segment_id, source=source)


def test_the_progress_tally_keeps_the_totals_a_full_count_gives(qapp) -> None:
    model = SegmentModel([_segment(n, "كلمة " * n) for n in range(1, 6)])
    tally = ProgressTally()
    assert tally.recount(model).as_tuple() == model.progress() == (5, 0, 15, 0)

    model.replace(replace(model.segment(2), status=Status.APPROVED, target="Two words"))
    assert tally.update(model, (2,)).as_tuple() == model.progress() == (5, 1, 15, 2)
    model.remove(3)
    assert tally.update(model, (3,)).as_tuple() == model.progress() == (4, 1, 12, 2)
    model.insert_after(2, _segment(9, "one two three four five six"))
    assert tally.update(model, (9,)).as_tuple() == model.progress() == (5, 1, 18, 2)
    assert tally.update(model, ()).as_tuple() == model.progress()
    assert tally.recount(None).as_tuple() == (0, 0, 0, 0)


def test_the_status_bar_count_follows_changes_counted_segment_by_segment(window: MainWindow) -> None:
    session = window.session
    ids = [s.id for s in session.model.segments()]
    session.update_segment(ids[0], target="The minister arrived.", status=Status.APPROVED)
    session.split(ids[1], 4)
    session.update_segment(ids[1], target="He met", status=Status.APPROVED)
    segments, approved, words, approved_words = session.model.progress()
    assert window.progress_label.text().startswith(f"Approved: {approved}/{segments} segments, {approved_words}/")
    assert approved == 2 and segments == 6


def test_the_panes_refresh_only_when_the_current_segment_changed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[int | None] = []
    monkeypatch.setattr(window.alternatives, "show_segment", lambda s: shown.append(None if s is None else s.id))
    ids = [s.id for s in window.session.model.segments()]
    window.go_to(ids[0])
    shown.clear()

    window.session.update_segment(ids[3], target="Elsewhere.", status=None)
    assert shown == []
    window.session.update_segment(ids[0], target="Here.", status=None)
    assert shown == [ids[0]]
    window.session.take_in_all()  # any may have changed: the panes refresh (the grid has no current row now)
    assert shown == [ids[0], None]


def _full_count(window: MainWindow, text: str) -> int:
    """What the find bar's count is when every shown segment is looked at."""
    proxy, model = window.proxy, window.session.model
    shown = [model.segment_at(proxy.mapToSource(proxy.index(row, 0)).row()) for row in range(proxy.rowCount())]
    return sum(1 for s in shown if text.casefold() in (s.source + "\n" + s.target).casefold())


def test_the_find_count_looks_at_changed_segments_only_and_counts_as_a_full_count(
    qtbot, window: MainWindow
) -> None:
    session = window.session
    ids = [s.id for s in session.model.segments()]
    window.filter_actions["Not approved"].trigger()
    window.find_bar.open_bar("envoy")
    assert window.find_bar.matches.text() == "0 segment(s)"

    session.update_segment(ids[0], target="The envoy arrived.", status=None)
    session.update_segment(ids[2], target="The envoy spoke.", status=None)
    qtbot.waitUntil(lambda: window.find_bar.matches.text() == "2 segment(s)")
    session.update_segment(ids[2], target="The envoy spoke.", status=Status.APPROVED)  # no longer shown
    session.split(ids[0], 3)
    session.merge(ids[0])
    qtbot.waitUntil(lambda: window.find_bar.matches.text() == f"{_full_count(window, 'envoy')} segment(s)")
    assert window.find_bar.matches.text() == "1 segment(s)"

    window.find_replace.replace_all("delegate")
    assert window.find_bar.matches.text() == "0 segment(s)" == f"{_full_count(window, 'envoy')} segment(s)"


def test_a_window_on_a_long_project_counts_a_replace_all_without_recounting_per_segment(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each replaced segment re-counts itself, not the document: the model's full count is never asked for."""
    project = project_of(tmp_path, "\n\n".join("وصل الوزير إلى العاصمة." for _ in range(200)), name="long")
    win = open_window(qtbot, project)
    try:
        for segment in win.session.model.segments():
            win.session.update_segment(segment.id, target="The minister arrived.", status=None)
        monkeypatch.setattr(SegmentModel, "progress", lambda self: pytest.fail("the whole document was recounted"))
        win.find_bar.open_bar("minister")
        plan = win.find_replace.replace_all("envoy")
        assert plan.changed == 200
        assert win.progress_label.text().startswith("Approved: 0/200 segments, 0/800 words")
        assert win.find_bar.matches.text() == "0 segment(s)"
    finally:
        win.close()

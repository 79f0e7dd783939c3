"""Find and replace in the grid (Ctrl+F, Ctrl+H): going to the next match, the bar's count, and replacing in
targets as undoable edits.

Find goes through the segments the filter shows, in the grid's order, wrapping around. The bar's count is of those
segments that hold the text where it is looked for, and follows every change: a change of the text, the scope or
the filter counts them all again; a change of some segments looks at those only (`segments_changed`), so a Replace
all over many segments does not recount the document once per segment. The replace rules (what is replaced, which
approved segments are skipped) are the core's (`tarjama.project.replace`).

The texts keep the translation context they had when this lived in the window ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from tarjama.domain import Segment
from tarjama.project.replace import ReplacePlan, plan_replace
from tarjama.ui.editor.commands import ChangeSegmentCommand
from tarjama.ui.editor.find_bar import FindBar
from tarjama.ui.editor.segment_model import Column

if TYPE_CHECKING:
    from tarjama.ui.common.host import WindowHost
    from tarjama.ui.editor.delegate import SegmentDelegate
    from tarjama.ui.editor.grid import SegmentGrid, StatusFilterProxy

translate = QCoreApplication.translate


def holds(segment: Segment, text: str, columns: set[int]) -> bool:
    """Whether the segment holds `text` (ignoring case) in one of the columns looked in."""
    needle = text.casefold()
    return (Column.SOURCE in columns and needle in segment.source.casefold()) or (
        Column.TARGET in columns and needle in segment.target.casefold()
    )


class FindReplace(QObject):
    """The find bar under the grid and what its buttons do."""

    def __init__(
        self,
        window: WindowHost,
        grid: SegmentGrid,
        proxy: StatusFilterProxy,
        delegate: SegmentDelegate,
        refused: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.grid = grid
        self.proxy = proxy
        self.delegate = delegate
        #: True, after saying why, when the project may not be changed (a read-only project).
        self._refused = refused
        self.bar = FindBar()
        self.bar.hide()
        self.bar.searchChanged.connect(self._on_search_changed)
        self.bar.findNext.connect(lambda: self.find(forward=True))
        self.bar.findPrevious.connect(lambda: self.find(forward=False))
        self.bar.replaceOne.connect(self.replace_current)
        self.bar.replaceAll.connect(self.replace_all)
        self._search: tuple[str, set[int]] = ("", set())
        #: The segments the filter shows that hold the text, as last counted.
        self._matching: set[int] = set()
        #: The segments changed since, to look at again; None: count them all again.
        self._pending: set[int] | None = None
        # The count follows every change, once the changes of one step (a Replace all) are all in.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count)

    def open_bar(self, replace: bool) -> None:
        """Show the bar with the text selected in the editor, if any; its replacement field first if `replace`."""
        editor = self.window.open_editor()
        self.bar.open_bar("" if editor is None else editor.textCursor().selectedText(), replace)

    # -- the count ------------------------------------------------------------------------------------------

    def attach(self) -> None:
        """Another project (or none) is open: the next count counts it all."""
        self._pending = None
        self._matching.clear()

    def segments_changed(self, ids: Iterable[int]) -> None:
        """Count again, soon, looking at these segments only (none given: at all of them)."""
        ids = tuple(ids)
        if not ids:
            self._pending = None
        elif self._pending is not None:
            self._pending.update(ids)
        self._count_timer.start()

    def recount(self) -> None:
        """Count all the segments again now (the filter changed which are shown)."""
        self._pending = None
        self._count()

    def _on_search_changed(self, text: str, columns: set[int]) -> None:
        self.delegate.set_highlight(text, columns)
        self.grid.viewport().update()
        self._search = (text, columns)
        self.recount()

    def _count(self) -> None:
        """The bar's count: the segments Find goes to (those the filter shows) that hold the text where it is
        looked for, never counting a match a replacement removed."""
        text, columns = self._search
        session = self.window.session
        pending, self._pending = self._pending, set()
        if session is None or not text:
            self._pending = None  # nothing is counted, so the next count counts all
            self.bar.matches.setText("")
            return
        if pending is None:
            self._matching = {segment.id for segment in self._visible_segments() if holds(segment, text, columns)}
        else:
            for segment_id in pending:
                if self._shown_and_holds(segment_id, text, columns):
                    self._matching.add(segment_id)
                else:
                    self._matching.discard(segment_id)
        count = len(self._matching)
        self.bar.matches.setText(translate("MainWindow", "{count} segment(s)").format(count=count))

    def _shown_and_holds(self, segment_id: int, text: str, columns: set[int]) -> bool:
        session = self.window.session
        assert session is not None
        model = session.model
        if segment_id not in model.ids():
            return False  # merged away
        shown = self.proxy.mapFromSource(model.index(model.row_of(segment_id), 0)).isValid()
        return shown and holds(model.segment(segment_id), text, columns)

    def _visible_segments(self) -> list[Segment]:
        session = self.window.session
        assert session is not None
        return [
            session.model.segment_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    # -- finding and replacing ------------------------------------------------------------------------------

    def find(self, forward: bool = True) -> Segment | None:
        """Go to the next (or previous) visible segment containing the find text, wrapping around."""
        text, columns = self.bar.text(), self.bar.columns()
        session = self.window.session
        if session is None or not text:
            return None
        rows = self.proxy.rowCount()
        start = self.grid.currentIndex().row() if self.grid.currentIndex().isValid() else -1
        for step in range(1, rows + 1):
            row = (start + (step if forward else -step)) % rows
            segment = session.model.segment_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if holds(segment, text, columns):
                self.window.go_to(segment.id)
                return segment
        self.window.statusBar().showMessage(translate("MainWindow", "Not found: {text}").format(text=text), 5000)
        return None

    def replace_current(self, replacement: str) -> ReplacePlan:
        """Replace in the current segment's target (skipping it when approved, unless approved segments are
        included), then move to the next match."""
        segment = self.window.current_segment()
        session = self.window.session
        text = self.bar.text()
        if segment is None or session is None or not text or self._refused():
            return ReplacePlan()
        self.window.commit_open_editor()
        plan = plan_replace(
            [session.store.segment(segment.id)], text, replacement, include_approved=self.bar.includes_approved()
        )
        for change in plan.replacements:
            session.undo_stack.push(
                ChangeSegmentCommand(
                    session, change.segment, target=change.target, status=None, text=translate("MainWindow", "Replace")
                )
            )
        self.find(forward=True)
        if plan.changed or plan.skipped:
            self._show_replaced(plan)
        return plan

    def replace_all(self, replacement: str) -> ReplacePlan:
        """Replace in the targets of all segments the filter shows, as one undo step; approved segments are
        skipped unless included. The status bar says how many changed and how many approved were skipped."""
        session = self.window.session
        text = self.bar.text()
        if session is None or not text or self._refused():
            return ReplacePlan()
        self.window.commit_open_editor()
        plan = plan_replace(self._visible_segments(), text, replacement, include_approved=self.bar.includes_approved())
        if plan.changed:
            stack = session.undo_stack
            stack.beginMacro(translate("MainWindow", "Replace all"))
            for change in plan.replacements:
                stack.push(
                    ChangeSegmentCommand(
                        session,
                        change.segment,
                        target=change.target,
                        status=None,
                        text=translate("MainWindow", "Replace"),
                    )
                )
            stack.endMacro()
        self._show_replaced(plan)
        return plan

    def _show_replaced(self, plan: ReplacePlan) -> None:
        self._count()
        if plan.skipped:
            message = translate(
                "MainWindow",
                "Replaced in {count} segment(s); {skipped} approved segment(s) skipped "
                "(tick “Include approved segments” to replace in them).",
            ).format(count=plan.changed, skipped=plan.skipped)
        else:
            message = translate("MainWindow", "Replaced in {count} segment(s).").format(count=plan.changed)
        self.window.statusBar().showMessage(message, 5000)

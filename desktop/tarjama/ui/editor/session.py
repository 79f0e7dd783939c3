"""An open project in the window: the store, the grid model and the undo stack kept in step.

All writes of the window go through here, so the model always shows exactly what the store holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from tarjama.domain import MachineSuggestion, Segment, Status
from tarjama.errors import SegmentChangedError, SegmentError
from tarjama.memory.link import context_in_paragraph
from tarjama.project.repetitions import RepetitionFill
from tarjama.project.review import Review
from tarjama.project.store import ProjectStore
from tarjama.ui.editor.read_only_model import segment_model_for

CURRENT_SEGMENT_KEY = "current_segment"

#: Asked before a change writes over another program's: the segment's id, the segment as stored now and the
#: translator's text; True writes over it. The window asks the translator (`ui/external_changes.py`).
ConfirmOverwrite = Callable[[int, Segment, str], bool]


@dataclass(frozen=True)
class Written:
    """A checked write that went ahead (`ProjectSession.checked`): the segment as saved, and the other program's
    version it wrote over when the translator chose to (else None), which undo must bring back."""

    segment: Segment
    replaced: Segment | None = None


class ProjectSession(QObject):
    #: Segments changed (a tuple of their ids; empty when any may have, as after reading the whole project again):
    #: the progress count, the panes and the find bar's count refresh what shows those segments only.
    changed = Signal(tuple)
    removedElsewhere = Signal(int, str)  # segment id, the translator's text that could not be saved in it

    def __init__(self, store: ProjectStore) -> None:
        super().__init__()
        self.store = store
        #: The review rules the window shares with the CLI (the merge check, splitting and merging); approvals are
        #: checked by the QA pane, against the facts it gathers (`ui/qa/panels.py`).
        self.review = Review(store)
        self.model = segment_model_for(store.read_only is not None, store.segments())
        self.undo_stack = QUndoStack(self)
        #: Without a window to ask, another program's change is kept.
        self.confirm_overwrite: ConfirmOverwrite = lambda segment_id, theirs, yours: False
        #: The version (`updated_at`) of each segment as this window last wrote it: an undo or redo builds on that,
        #: not on what the grid shows, so it never writes over another program's later change without asking.
        self._written: dict[int, str] = {}
        #: The other program's version the translator just chose to keep, by segment: the answer holds for the rest
        #: of the step being done (the other commands of an undone macro), and is forgotten when control returns.
        self._kept: dict[int, str] = {}

    @property
    def path(self):  # noqa: ANN201 - a Path
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def update_segment(
        self,
        segment_id: int,
        *,
        target: str | None,
        status: Status | None,
        reason: str = "edit",
        expected: str | None = None,
    ) -> Segment:
        """`expected`: see `ProjectStore.update_segment` (SegmentChangedError, nothing written or shown)."""
        segment = self.store.update_segment(segment_id, target=target, status=status, reason=reason,
                                            expected=expected)
        self._show_written(segment)
        return segment

    def restore(self, snapshot: Segment, *, expected: str | None = None) -> Segment:
        segment = self.store.restore_segment(snapshot, expected=expected)
        self._show_written(segment)
        return segment

    def _show_written(self, segment: Segment) -> None:
        self._written[segment.id] = segment.updated_at or ""
        self.model.replace(segment)
        self.changed.emit((segment.id,))

    # -- changes made by other programs ---------------------------------------------------------------------

    def shown(self, segment_id: int) -> Segment:
        """The segment as the grid shows it: what a new edit of the translator's is based on."""
        return self.model.segment(segment_id)

    def shown_version(self, segment_id: int) -> str:
        return self.shown(segment_id).updated_at or ""

    def written_version(self, segment_id: int) -> str:
        """The segment's version as this window last wrote it (as shown, if it never did): what undo builds on."""
        return self._written.get(segment_id) or self.shown_version(segment_id)

    def checked(
        self, segment_id: int, yours: str, write: Callable[[str], Segment], expected: str
    ) -> Written | None:
        """Run `write(expected)`; if another program changed the segment since `expected`, ask
        (`confirm_overwrite`): either write over their change, as it was shown in the question (asked again if it
        changed once more meanwhile), or keep it, which the grid then shows, and return None."""
        replaced = None
        while True:
            try:
                return Written(write(expected), replaced)
            except SegmentChangedError:
                theirs = self.store.segment(segment_id)
            except SegmentError:
                if not self._removed(segment_id):
                    raise
                # Merged away elsewhere while its editor was open: the grid is read again once the editor closes.
                self.removedElsewhere.emit(segment_id, yours)
                return None
            version = theirs.updated_at or ""
            if self._kept.get(segment_id) == version or not self.confirm_overwrite(segment_id, theirs, yours):
                self._keep(theirs)
                return None
            replaced, expected = theirs, version

    def _keep(self, theirs: Segment) -> None:
        if not self._kept:
            QTimer.singleShot(0, self._kept.clear)
        self._kept[theirs.id] = theirs.updated_at or ""
        self.take_in([theirs])

    def _removed(self, segment_id: int) -> bool:
        try:
            self.store.segment(segment_id)
        except SegmentError:
            return True
        return False

    def take_in(self, segments: list[Segment]) -> None:
        """Show segments as another program saved them; the versions this window wrote stay what undo builds on."""
        for segment in segments:
            self.model.replace(segment)
        self.changed.emit(tuple(segment.id for segment in segments))

    def take_in_all(self) -> None:
        """Read the whole project again after another program split, merged or added segments: the rows, their
        ids and positions are no longer the ones the grid and the undo steps refer to, so the steps go too."""
        self.undo_stack.clear()
        self._written.clear()
        self.model.reset(self.store.segments())
        self.changed.emit(())

    def add_edit_time(self, segment_id: int, seconds: float) -> None:
        """Active editing time: no change to the translation, so neither undoable nor a reason to recount."""
        try:
            self.store.add_edit_time(segment_id, seconds)
        except SegmentError:
            return  # merged away by another program while it was being edited; the grid is read again next
        self.model.replace(self.store.segment(segment_id))

    def split(self, segment_id: int, offset: int, *, new_id: int | None = None) -> tuple[Segment, Segment]:
        first, second = self.review.split(segment_id, offset, new_id=new_id)
        self._written.update({first.id: first.updated_at or "", second.id: second.updated_at or ""})
        self.model.replace(first)
        self.model.insert_after(first.id, second)
        self.changed.emit((first.id, second.id))
        return first, second

    def merge(self, segment_id: int) -> Segment:
        merged, removed = self.review.merge(segment_id)
        self._written[merged.id] = merged.updated_at or ""
        self.model.remove(removed.id)
        self.model.replace(merged)
        self.changed.emit((merged.id, removed.id))
        return merged

    def fill_repetitions(self, approved_id: int) -> RepetitionFill:
        """Fill the repetitions of a segment just approved, by the core's rule (`Review.fill_repetitions`), from the
        project as the grid shows it: a repetition another program changed since is left with that change."""
        fill = self.review.fill_repetitions(self.store.segment(approved_id), self.model.segments())
        for segment in fill.filled:
            self._written[segment.id] = segment.updated_at or ""
            self.model.replace(segment)
        if fill.filled:
            self.changed.emit(tuple(segment.id for segment in fill.filled))
        return fill

    def apply_machine_translation(
        self, segment_id: int, best: MachineSuggestion, alternatives: tuple[MachineSuggestion, ...]
    ) -> None:
        for segment in self.store.apply_machine_translations([(segment_id, best, alternatives)], overwrite=True):
            self._written[segment.id] = segment.updated_at or ""
            self.model.replace(segment)
        self.changed.emit((segment_id,))

    def reload(self, segment_ids: list[int]) -> None:
        """Re-read segments another thread has written (the pre-translation worker).

        It does not emit `changed`: batches arrive many times a second, and the window refreshes its progress
        and panes on a timer instead, for the segments of all the batches since (`ui/mt/pretranslation.py`).
        """
        shown = self.model.ids()
        for segment in self.store.segments_by_id([i for i in segment_ids if i in shown]):
            self.model.replace(segment)

    def tm_context(self, segment_id: int) -> str:
        """The segment's neighbours in its paragraph, as the TM stores a unit's: the same context makes 101 %."""
        return context_in_paragraph(self.model.segments(), self.model.row_of(segment_id))

    def remember_current(self, segment_id: int) -> None:
        if self.store.read_only is None:  # a read-only project opens where it was last left
            self.store.set_meta(CURRENT_SEGMENT_KEY, str(segment_id))

    def remembered_current(self) -> int | None:
        value = self.store.get_meta(CURRENT_SEGMENT_KEY)
        return int(value) if value and value.isdigit() else None

"""An open project in the window: the store, the grid model and the undo stack kept in step.

All writes of the window go through here, so the model always shows exactly what the store holds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tarjama.domain import MachineSuggestion, Segment, Status
from tarjama.stores.project import ProjectStore
from tarjama.stores.tm import segment_context
from tarjama.ui.segment_model import SegmentModel

CURRENT_SEGMENT_KEY = "current_segment"


class ProjectSession(QObject):
    changed = Signal()  # any segment changed: progress and filters refresh

    def __init__(self, store: ProjectStore) -> None:
        super().__init__()
        self.store = store
        self.model = SegmentModel(store.segments())
        self.undo_stack = QUndoStack(self)

    @property
    def path(self):  # noqa: ANN201 - a Path
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def update_segment(
        self, segment_id: int, *, target: str | None, status: Status | None, reason: str = "edit"
    ) -> Segment:
        segment = self.store.update_segment(segment_id, target=target, status=status, reason=reason)
        self.model.replace(segment)
        self.changed.emit()
        return segment

    def restore(self, snapshot: Segment) -> None:
        self.model.replace(self.store.restore_segment(snapshot))
        self.changed.emit()

    def add_edit_time(self, segment_id: int, seconds: float) -> None:
        """Active editing time: no change to the translation, so neither undoable nor a reason to recount."""
        self.store.add_edit_time(segment_id, seconds)
        self.model.replace(self.store.segment(segment_id))

    def split(self, segment_id: int, offset: int, *, new_id: int | None = None) -> tuple[Segment, Segment]:
        first, second = self.store.split_segment(segment_id, offset, new_id=new_id)
        self.model.replace(first)
        self.model.insert_after(first.id, second)
        self.changed.emit()
        return first, second

    def merge(self, segment_id: int) -> Segment:
        merged, removed = self.store.merge_with_next(segment_id)
        self.model.remove(removed.id)
        self.model.replace(merged)
        self.changed.emit()
        return merged

    def apply_machine_translation(
        self, segment_id: int, best: MachineSuggestion, alternatives: tuple[MachineSuggestion, ...]
    ) -> None:
        for segment in self.store.apply_machine_translations([(segment_id, best, alternatives)], overwrite=True):
            self.model.replace(segment)
        self.changed.emit()

    def reload(self, segment_ids: list[int]) -> None:
        """Re-read segments another thread has written (the pre-translation worker).

        It does not emit `changed`: batches arrive many times a second, and the window refreshes its progress
        and panes on a timer instead of recounting the whole project after each one.
        """
        for segment_id in segment_ids:
            if segment_id in self.model.ids():
                self.model.replace(self.store.segment(segment_id))

    def next_segment(self, segment_id: int) -> Segment | None:
        row = self.model.row_of(segment_id) + 1
        return self.model.segment_at(row) if row < self.model.rowCount() else None

    def tm_context(self, segment_id: int) -> str:
        """The segment's neighbours in its paragraph, as the TM stores a unit's: the same context makes 101 %."""
        row = self.model.row_of(segment_id)
        paragraph = self.model.segment_at(row).paragraph_id

        def neighbour(other: int) -> str | None:
            if not 0 <= other < self.model.rowCount():
                return None
            segment = self.model.segment_at(other)
            return segment.source if segment.paragraph_id == paragraph else None

        return segment_context(neighbour(row - 1), neighbour(row + 1))

    def remember_current(self, segment_id: int) -> None:
        self.store.set_meta(CURRENT_SEGMENT_KEY, str(segment_id))

    def remembered_current(self) -> int | None:
        value = self.store.get_meta(CURRENT_SEGMENT_KEY)
        return int(value) if value and value.isdigit() else None

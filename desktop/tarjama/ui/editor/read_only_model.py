"""The grid's model for a project the window may read but not change: the same rows, but no cell opens an editor.

Here, beside the model, rather than with the read-only bar in `ui/shell/read_only.py`: the session builds its model
when it opens a project, and the editor's classes do not reach up into the window's shell for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tarjama.domain import Segment
from tarjama.ui.editor.segment_model import SegmentModel


class ReadOnlySegmentModel(SegmentModel):
    """The grid's model for a read-only project: the same rows, but no cell opens an editor."""

    def flags(self, index) -> Qt.ItemFlag:  # noqa: ANN001 - Qt's index types
        return super().flags(index) & ~Qt.ItemFlag.ItemIsEditable


def segment_model_for(read_only: bool, segments: list[Segment]) -> SegmentModel:
    """The grid's model for a project, editable unless the project is read-only."""
    return (ReadOnlySegmentModel if read_only else SegmentModel)(segments)

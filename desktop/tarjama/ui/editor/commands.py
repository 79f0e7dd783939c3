"""Undoable edits (Lokalize-style): each command holds segment ids and before/after values and calls the store.

Commands never touch widgets; they go through `ProjectSession`, which writes to the store and updates the model,
and they remember which segment to return to so undo jumps back to where the change was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from tarjama.domain import MachineSuggestion, Segment, Status
from tarjama.project.comments import CommentService

if TYPE_CHECKING:
    from tarjama.ui.editor.session import ProjectSession, Written

#: Bare `translate("Context", "text")` calls are what lupdate extracts outside a QObject's methods.
translate = QCoreApplication.translate


class SegmentCommand(QUndoCommand):
    """Base: knows its session and the segment the cursor should show after undo or redo."""

    def __init__(self, session: ProjectSession, focus_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.focus_id = focus_id
        #: Whether this step has been done once: from then on it builds on what this window last wrote.
        self.ran = False

    def checked(self, yours: str, write: Callable[[str], Segment]) -> Written | None:
        """Write the segment unless another program changed it since the version this step builds on (the one the
        grid showed when the step was first done, the one this window last wrote after that) and the translator
        keeps that change: then nothing is written and the step drops out of the undo stack (obsolete)."""
        session = self.session
        expected = session.written_version(self.focus_id) if self.ran else session.shown_version(self.focus_id)
        self.ran = True
        written = session.checked(self.focus_id, yours, write, expected)
        if written is None:
            self.setObsolete(True)
        return written


class ChangeSegmentCommand(SegmentCommand):
    """Set a segment's target and/or status; undo restores the segment as it was before."""

    def __init__(
        self, session: ProjectSession, before: Segment, *, target: str | None, status: Status | None, text: str
    ) -> None:
        super().__init__(session, before.id, text)
        self.before = before
        self.target = target
        self.status = status

    def redo(self) -> None:
        written = self.checked(
            self.before.target if self.target is None else self.target,
            lambda expected: self.session.update_segment(
                self.before.id, target=self.target, status=self.status, expected=expected
            ),
        )
        if written is not None and written.replaced is not None:
            self.before = written.replaced  # what undo brings back: the other program's change this wrote over

    def undo(self) -> None:
        self.checked(self.before.target, lambda expected: self.session.restore(self.before, expected=expected))


class FillRepetitionsCommand(SegmentCommand):
    """Fill the repetitions of the segment just approved (`ProjectSession.fill_repetitions`); pushed inside the
    approval's macro, so one undo takes back the approval and every filled repetition together. Undo brings each back
    as it was, asking first about one another program changed since, as every step does."""

    def __init__(self, session: ProjectSession, approved_id: int) -> None:
        super().__init__(session, approved_id, translate("Commands", "Fill repetitions"))
        self.before: tuple[Segment, ...] = ()
        #: How many repetitions the approved translation's tags could not be carried into (the window says so).
        self.untagged = 0

    def redo(self) -> None:
        fill = self.session.fill_repetitions(self.focus_id)
        self.before, self.untagged = fill.before, len(fill.untagged)

    def undo(self) -> None:
        session = self.session
        for before in self.before:
            session.checked(
                before.id, before.target, lambda expected, before=before: session.restore(before, expected=expected),
                session.written_version(before.id),
            )


class SplitCommand(SegmentCommand):
    def __init__(self, session: ProjectSession, before: Segment, offset: int) -> None:
        super().__init__(session, before.id, translate("Commands", "Split segment"))
        self.before = before
        self.offset = offset
        self.new_id: int | None = None

    def redo(self) -> None:
        _, second = self.session.split(self.before.id, self.offset, new_id=self.new_id)
        self.new_id = second.id

    def undo(self) -> None:
        self.session.merge(self.before.id)
        self.session.restore(self.before)


class MergeCommand(SegmentCommand):
    def __init__(self, session: ProjectSession, first: Segment, second: Segment) -> None:
        super().__init__(session, first.id, translate("Commands", "Merge segments"))
        self.first = first
        self.second = second

    def redo(self) -> None:
        self.session.merge(self.first.id)

    def undo(self) -> None:
        self.session.split(self.first.id, len(self.first.source + self.first.space_after), new_id=self.second.id)
        self.session.restore(self.first)
        self.session.restore(self.second)


class MachineTranslationCommand(SegmentCommand):
    """Put a fresh machine translation into a segment on request (re-translate); undo brings back what was there."""

    def __init__(
        self,
        session: ProjectSession,
        before: Segment,
        best: MachineSuggestion,
        alternatives: tuple[MachineSuggestion, ...],
    ) -> None:
        super().__init__(session, before.id, translate("Commands", "Re-translate segment"))
        self.before = before
        self.best = best
        self.alternatives = alternatives

    def redo(self) -> None:
        self.session.apply_machine_translation(self.before.id, self.best, self.alternatives)
        self.ran = True

    def undo(self) -> None:
        self.checked(self.before.target, lambda expected: self.session.restore(self.before, expected=expected))


class CommentCommand(SegmentCommand):
    """Write a comment on a segment (`add`) or delete one; the undo of either is the other. The project keeps every
    step (`tarjama.project.comments`): an undone comment is deleted with who and when, a comment brought back is a
    standing copy, whose id this command follows from then on."""

    def __init__(self, session: ProjectSession, segment_id: int, *, text: str = "", comment_id: int | None = None,
                 add: bool) -> None:
        super().__init__(session, segment_id, translate("Commands", "Add comment") if add
                         else translate("Commands", "Delete comment"))
        self.text = text
        self.comment_id = comment_id
        self.add = add

    def redo(self) -> None:
        self._step(bring=self.add)

    def undo(self) -> None:
        self._step(bring=not self.add)

    def _step(self, *, bring: bool) -> None:
        comments = CommentService(self.session.store)
        if not bring:
            assert self.comment_id is not None  # set before any deletion: given, or by the first add
            comment = comments.delete(self.comment_id)
        else:
            comment = comments.add(self.focus_id, self.text) if self.comment_id is None \
                else comments.restore(self.comment_id)
            self.comment_id = comment.id
        # The segment it is on now (a merge may have moved it), shown with its comments as they stand.
        self.session.take_in([self.session.store.segment(comment.segment_id)])

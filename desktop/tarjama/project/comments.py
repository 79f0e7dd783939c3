"""Comments on a project's segments: who wrote what on a segment and when, for the reviewer and the translator.

A comment is a row of the project's `comments` table (schema v7). No row is ever deleted: deleting a comment stamps
who deleted it and when (`deleted_by`, `deleted_at`), and bringing it back (undo) writes a standing copy, so the
project keeps every comment ever made and every deletion (`CommentService.history`). The standing comments of a
segment come with it from the store (`Segment.comments`, read by `schema.SEGMENT_QUERY`), so the grid, the exports
and the memory see them without asking here.

Split and merge: a split leaves the comments with the first part, which keeps the segment's id. A merge moves the
removed segment's comments onto the merged one (`follow_merge`); undoing the merge recreates the removed segment
under its id, and the comments written on it go back to it (`follow_split`, by `written_on`).

A comment on an approved segment is also a note of its translation-memory unit (`memory.link.approved_unit`), so a
change here rewrites that unit as an approval does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tarjama.domain import Comment, Status
from tarjama.errors import QT_TRANSLATE_NOOP, SegmentError
from tarjama.sqlite_file import transaction

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore

_COLUMNS = "id, segment_id, author, created_at, text"


@dataclass(frozen=True)
class CommentRecord:
    """A comment as the project's history keeps it: deleted ones too, with who deleted it and when."""

    comment: Comment
    deleted_at: str | None
    deleted_by: str | None


def _now() -> str:
    """When a comment is written or deleted: UTC, to the second, as a translator reads it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class CommentService:
    """The comments of one open project, each change one transaction of its file.

    It works on the store's own connection (one file, one connection per store, as `ProjectStore` keeps it) and
    writes as the store's `author`, the name its approvals put into the memory."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store
        self._db = store._db  # the store's own connection: this is a part of the store, in a module of its own

    def add(self, segment_id: int, text: str) -> Comment:
        """Write a comment on a segment as the store's author, now. SegmentError for an empty text or a segment
        that does not exist."""
        text = text.strip()
        if not text:
            raise SegmentError(QT_TRANSLATE_NOOP("Errors", "A comment needs some text; nothing was saved."))
        self._refuse_read_only()
        segment = self._store.segment(segment_id)
        with transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO comments (segment_id, written_on, author, created_at, text) VALUES (?, ?, ?, ?, ?)",
                [segment_id, segment_id, self._store.author, _now(), text],
            )
        self._rewrite_unit(segment_id, segment.status)
        return self._comment(int(cursor.lastrowid or 0))

    def delete(self, comment_id: int) -> Comment:
        """Delete a standing comment: it stays in the project's history, stamped with who deleted it and when.
        Returns it as it stood. SegmentError when there is no such standing comment."""
        self._refuse_read_only()
        comment = self._standing(comment_id)
        with transaction(self._db) as db:
            db.execute("UPDATE comments SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                       [_now(), self._store.author, comment_id])
        self._rewrite_unit(comment.segment_id)
        return comment

    def restore(self, comment_id: int) -> Comment:
        """Bring a deleted comment back (undo of a deletion) as a standing copy with its author, time and text, so
        the deletion stays in the history; returns the copy, whose id is new."""
        self._refuse_read_only()
        row = self._db.execute(
            "SELECT segment_id, written_on, author, created_at, text FROM comments "
            "WHERE id = ? AND deleted_at IS NOT NULL", [comment_id]).fetchone()
        if row is None:
            raise self._missing(comment_id)
        with transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO comments (segment_id, written_on, author, created_at, text) VALUES (?, ?, ?, ?, ?)", row
            )
        self._rewrite_unit(row[0])
        return self._comment(int(cursor.lastrowid or 0))

    def history(self, segment_id: int) -> list[CommentRecord]:
        """Every comment ever written on the segment (or moved onto it by a merge), deleted ones too, oldest
        first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, deleted_at, deleted_by FROM comments WHERE segment_id = ? ORDER BY id", [segment_id]
        ).fetchall()
        return [CommentRecord(Comment(*row[:5]), row[5], row[6]) for row in rows]

    def follow_merge(self, merged_id: int, removed_id: int) -> None:
        """After a merge: the removed segment's comments (and their history) belong to the merged segment."""
        with transaction(self._db) as db:
            db.execute("UPDATE comments SET segment_id = ? WHERE segment_id = ?", [merged_id, removed_id])

    def follow_split(self, first_id: int, second_id: int) -> None:
        """After a split that recreated a segment merged away before (undo of a merge): the comments written on it
        go back to it from the first part."""
        with transaction(self._db) as db:
            db.execute("UPDATE comments SET segment_id = ? WHERE segment_id = ? AND written_on = ?",
                       [second_id, first_id, second_id])

    def _comment(self, comment_id: int) -> Comment:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM comments WHERE id = ?", [comment_id]).fetchone()
        return Comment(*row)

    def _standing(self, comment_id: int) -> Comment:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM comments WHERE id = ? AND deleted_at IS NULL", [comment_id]).fetchone()
        if row is None:
            raise self._missing(comment_id)
        return Comment(*row)

    def _missing(self, comment_id: int) -> SegmentError:
        return SegmentError(QT_TRANSLATE_NOOP("Errors", "Comment {comment} is not in {file}, or was deleted "
                                                        "already; nothing was changed."),
                            comment=comment_id, file=self._store.path.name)

    def _refuse_read_only(self) -> None:
        if self._store.read_only is not None:
            raise self._store.read_only

    def _rewrite_unit(self, segment_id: int, status: Status | None = None) -> None:
        """An approved segment's unit carries its comments as notes: write it again, as an approval would."""
        if status is None:
            row = self._db.execute("SELECT status FROM segments WHERE id = ?", [segment_id]).fetchone()
            status = None if row is None else Status(row[0])
        if status == Status.APPROVED:
            link = self._store.memory_link
            link.mark_pending(segment_id)
            link.catch_up(wait=self._store.memory_wait)

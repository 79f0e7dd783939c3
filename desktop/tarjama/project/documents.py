"""A project's documents as wholes: taking one out with everything that hangs off it, and counting one.

Kept beside the store (`tarjama.project.store`), which calls these inside its own transactions, so the store stays
the one place a change begins and commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from tarjama.domain import Status
from tarjama.errors import QT_TRANSLATE_NOOP, ProjectError

#: A document's segments, through their paragraphs.
_SEGMENTS_OF = "SELECT s.id FROM segments s JOIN paragraphs p ON p.id = s.paragraph_id WHERE p.document_id = ?"


def delete_document(db: sqlite_utils.Database, document_id: int, project: Path) -> list[int]:
    """Delete a document, its paragraphs, its segments and the QA findings set aside on them, and forget where it
    was imported from, inside the caller's transaction; returns the ids of the segments that were approved, whose
    units the memory must withdraw (as un-approving does).

    The segments' history stays, as a merge keeps the history of the segment it removes: what a translator typed
    is never lost without a trace. `first_free_segment_id` keeps those ids from being given to new segments."""
    # Imported here: the guard's type hints name the store, which calls this.
    from tarjama.export_guard import source_document_key

    if db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
        raise no_document(project, document_id)
    approved = [row[0] for row in db.execute(_SEGMENTS_OF + " AND s.status = ?", [document_id, Status.APPROVED.value])]
    for table, column in (("qa_ignored", "segment_id"), ("segments", "id")):
        db.execute(f"DELETE FROM {table} WHERE {column} IN ({_SEGMENTS_OF})", [document_id])  # noqa: S608 - names
    db.execute("DELETE FROM paragraphs WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    db.execute("DELETE FROM meta WHERE key = ?", [source_document_key(document_id)])
    return approved


def no_document(project: Path, document_id: int) -> ProjectError:
    """The error for a document id the project does not have (a CLI argument, or one another program removed)."""
    return ProjectError(project, QT_TRANSLATE_NOOP("Errors", "has no document {document} (it may have been removed "
                                                             "already); list its documents to see their numbers."),
                        document=document_id)


def first_free_segment_id(db: sqlite_utils.Database) -> int:
    """The id for the first segment of a new document: past every segment stored and every one the history knows.

    SQLite would give the id after the largest stored, so once the last document is removed its segments' ids
    would come back, and the next import would inherit a history (and a memory's units) that is not its own."""
    row = db.execute("SELECT max(coalesce((SELECT max(id) FROM segments), 0), "
                     "coalesce((SELECT max(segment_id) FROM segment_history), 0))").fetchone()
    return int(row[0]) + 1


def status_rows(db: sqlite_utils.Database, document_id: int | None) -> Iterable[tuple[str, str]]:
    """(status, source) of every segment of the project, or of one document: what `ProjectStats.count` counts."""
    if document_id is None:
        return db.execute("SELECT status, source FROM segments")
    return db.execute("SELECT s.status, s.source FROM segments s JOIN paragraphs p ON p.id = s.paragraph_id "
                      "WHERE p.document_id = ?", [document_id])

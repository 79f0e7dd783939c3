"""The project file's layout: its tables, the versions they went through, and how a segment is read from them.

A project file (`*.tarjama`) is SQLite with Tarjama's application id; opening one brings it up to the latest version
by running the migrations it has not had yet (`tarjama.sqlite_file`). Each migration only ever adds, so a project
made by an older version opens with everything it had. The segment query and its row mapping live here too: they
are the one place that knows the order of the columns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from tarjama.domain import Comment, MachineSuggestion, Origin, Segment, Status, WordScore
from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.inline_tags import table_from_json
from tarjama.sqlite_file import FileKind


def _schema_v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("documents").create(
        {"id": int, "name": str, "format": str, "paragraph_separator": str, "imported_at": str}, pk="id"
    )
    db.table("paragraphs").create(
        {"id": int, "document_id": int, "idx": int}, pk="id", foreign_keys=[("document_id", "documents")]
    )
    db.table("segments").create(
        {
            "id": int,
            "paragraph_id": int,
            "position": int,
            "source": str,
            "space_after": str,
            "target": str,
            "status": str,
            "origin": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("paragraph_id", "paragraphs")],
        not_null={"source", "target", "status", "origin"},
    )
    # Not unique: split and merge shift positions row by row, which a unique index would trip over midway.
    db.table("segments").create_index(["paragraph_id", "position"])
    # No foreign key: history outlives a segment removed by a merge, keeping what was typed in it.
    db.table("segment_history").create(
        {"id": int, "segment_id": int, "target": str, "status": str, "origin": str, "saved_at": str, "reason": str},
        pk="id",
    )
    db.table("segment_history").create_index(["segment_id"])


def _schema_v2(db: sqlite_utils.Database) -> None:
    """Machine translation: the engine's confidence, the raw MT the target began from, and its alternatives."""
    segments = db.table("segments")
    segments.add_column("confidence", float)
    segments.add_column("mt_text", str)
    segments.add_column("alternatives", str)  # JSON list of [text, confidence]


def _schema_v3(db: sqlite_utils.Database) -> None:
    """Translation memory: the score of the match a target began from, and that match's target text."""
    segments = db.table("segments")
    segments.add_column("tm_score", int)
    segments.add_column("tm_text", str)


def _schema_v4(db: sqlite_utils.Database) -> None:
    """Review: active editing time per segment (post-editing effort) and the QA findings a translator set aside."""
    db.table("segments").add_column("edit_seconds", float, not_null_default=0.0)
    db.table("qa_ignored").create(
        {"segment_id": int, "check_name": str, "reason": str, "ignored_at": str}, pk=("segment_id", "check_name")
    )


def _schema_v5(db: sqlite_utils.Database) -> None:
    """Inline tags: each paragraph's tag table (JSON, `tarjama.inline_tags`) and where it is in its original file,
    and the original file itself for a format that writes the translation back into it (.docx)."""
    paragraphs = db.table("paragraphs")
    paragraphs.add_column("tags", str)
    paragraphs.add_column("locator", str)
    db.table("documents").add_column("original", bytes)


def _schema_v6(db: sqlite_utils.Database) -> None:
    """Files that come segmented (XLIFF): where each segment is in its file, and the file's note on it."""
    segments = db.table("segments")
    segments.add_column("locator", str)
    segments.add_column("note", str)


def _schema_v7(db: sqlite_utils.Database) -> None:
    """Comments on segments (`tarjama.project.comments`). A row is never deleted: deleting a comment stamps who and
    when, so the project keeps every comment ever made; `written_on` is the segment it was written on, which a merge
    and its undo move it away from and back to."""
    db.table("comments").create(
        {"id": int, "segment_id": int, "written_on": int, "author": str, "created_at": str, "text": str,
         "deleted_at": str, "deleted_by": str},
        pk="id", not_null={"segment_id", "written_on", "author", "created_at", "text"},
    )
    db.table("comments").create_index(["segment_id"])


def _schema_v8(db: sqlite_utils.Database) -> None:
    """Confidence down to the word: the words of `mt_text` with their probabilities (JSON list of [start, end,
    probability]) and the raw features its calibrated confidence came from (JSON, `tarjama.mt.confidence_features`),
    which re-fitting the calibration on approved segments needs."""
    segments = db.table("segments")
    segments.add_column("mt_words", str)
    segments.add_column("mt_features", str)


PROJECT_FILE = FileKind(
    application_id=0x544A5250,
    description=QT_TRANSLATE_NOOP("Errors", "Tarjama project"),
    migrations=[_schema_v1, _schema_v2, _schema_v3, _schema_v4, _schema_v5, _schema_v6, _schema_v7, _schema_v8],
)

#: Every column of a `Segment`, in the order `segment_from_row` reads them; add a WHERE clause, then SEGMENT_ORDER.
SEGMENT_QUERY = """
SELECT s.id, s.paragraph_id, p.idx AS paragraph_index, s.position, s.source, s.space_after, s.target,
       s.status, s.origin, s.updated_at, s.confidence, s.mt_text, s.alternatives, s.tm_score, s.tm_text,
       s.edit_seconds, p.tags, s.locator, s.note, p.document_id,
       (SELECT json_group_array(json_array(c.id, c.author, c.created_at, c.text)) FROM comments c
        WHERE c.segment_id = s.id AND c.deleted_at IS NULL) AS comments, s.mt_words, s.mt_features
FROM segments s JOIN paragraphs p ON p.id = s.paragraph_id
"""
#: Document order: documents as imported, their paragraphs, the segments within each.
SEGMENT_ORDER = " ORDER BY p.document_id, p.idx, s.position"


def new_segment_row(paragraph_id: int, position: int, source: str, space_after: str, now: str) -> dict[str, object]:
    """A segment as an import or a split makes it: new, untranslated, touched by nobody."""
    return {
        "paragraph_id": paragraph_id,
        "position": position,
        "source": source,
        "space_after": space_after,
        "target": "",
        "status": Status.NEW.value,
        "origin": Origin.NONE.value,
        "created_at": now,
        "updated_at": now,
    }


def segment_from_row(row: Sequence) -> Segment:
    """A row of SEGMENT_QUERY as the segment it stores."""
    return Segment(
        id=row[0],
        paragraph_id=row[1],
        paragraph_index=row[2],
        position=row[3],
        source=row[4],
        space_after=row[5],
        target=row[6],
        status=Status(row[7]),
        origin=Origin(row[8]),
        updated_at=row[9],
        first_in_paragraph=row[3] == 0,
        confidence=row[10],
        mt_text=row[11],
        alternatives=_alternatives_from_json(row[12]),
        tm_score=row[13],
        tm_text=row[14],
        edit_seconds=row[15],
        tags=table_from_json(row[16]),
        locator=row[17],
        note=row[18],
        document_id=row[19],
        comments=comments_from_json(row[0], row[20]),
        mt_words=words_from_json(row[21]),
        mt_features=row[22],
    )


def comments_from_json(segment_id: int, value: str | None) -> tuple[Comment, ...]:
    """The standing comments of SEGMENT_QUERY's `comments` column (a JSON list of [id, author, time, text]), oldest
    first."""
    rows = sorted(json.loads(value or "[]"))
    return tuple(Comment(comment_id, segment_id, author, created_at, text)
                 for comment_id, author, created_at, text in rows)


def words_from_json(value: str | None) -> tuple[WordScore, ...]:
    """The `mt_words` column as the words it stores (none for a segment translated before version 8)."""
    return tuple(WordScore(start, end, probability) for start, end, probability in json.loads(value or "[]"))


def words_to_json(words: Sequence[WordScore]) -> str | None:
    """The `mt_words` column as stored: [start, end, probability] per word, probabilities to four decimals (what
    underlining needs; it keeps the column small); None for no words."""
    return json.dumps([[w.start, w.end, round(w.probability, 4)] for w in words]) if words else None


def _alternatives_from_json(value: str | None) -> tuple[MachineSuggestion, ...]:
    return tuple(MachineSuggestion(text, confidence) for text, confidence in json.loads(value or "[]"))


def alternatives_to_json(alternatives: Sequence[MachineSuggestion]) -> str:
    """The `alternatives` column as stored: a JSON list of [text, confidence], the Arabic left unescaped."""
    return json.dumps([[a.text, a.confidence] for a in alternatives], ensure_ascii=False)

"""A document laid into a project's tables: each paragraph segmented into sentences, with its inline tags and its
place in the original file, and the original kept for a format that writes the translation back into it."""

from __future__ import annotations

import sqlite_utils

from tarjama.domain import ImportedDocument
from tarjama.inline_tags import NO_TAGS, protect_literals, table_to_json
from tarjama.project.documents import first_free_segment_id
from tarjama.project.schema import alternatives_to_json, new_segment_row
from tarjama.project.segmentation import split_piece, split_sentences


def insert_document(db: sqlite_utils.Database, document: ImportedDocument, now: str) -> int:
    """Store the document, its paragraphs and their segments inside the caller's transaction; returns its id.

    A private-use character already in the text becomes a tag of its own (`protect_literals`), whatever the
    format, so no document's text is taken for a tag mark. A paragraph the file segmented itself (XLIFF) keeps its
    segments, their translations and states; any other is split into sentences."""
    doc_id = inserted_id(db.table("documents").insert({
        "name": document.name,
        "format": document.format,
        "paragraph_separator": document.paragraph_separator,
        "imported_at": now,
        "original": document.original,
    }))
    segment_rows = []
    for idx, given in enumerate(document.paragraphs):
        text, tags = protect_literals(given, document.tags[idx] if document.tags else NO_TAGS)
        paragraph_id = inserted_id(db.table("paragraphs").insert({
            "document_id": doc_id,
            "idx": idx,
            "tags": table_to_json(tags),
            "locator": document.locators[idx] if document.locators else None,
        }))
        own = document.segments[idx] if document.segments else None
        if own is None:
            for position, piece in enumerate(split_sentences(text)):
                segment_rows.append(new_segment_row(paragraph_id, position, *split_piece(piece), now))
            continue
        for position, segment in enumerate(own):
            source, tags = protect_literals(segment.source, tags)
            target, tags = protect_literals(segment.target, tags)
            row = new_segment_row(paragraph_id, position, source, segment.space_after, now)
            row.update(target=target, status=segment.status.value, origin=segment.origin.value,
                       locator=segment.locator or None, note=segment.note or None,
                       alternatives=alternatives_to_json(segment.alternatives) if segment.alternatives else None)
            segment_rows.append(row)
        db.execute("UPDATE paragraphs SET tags = ? WHERE id = ?", [table_to_json(tags), paragraph_id])
    for segment_id, row in enumerate(segment_rows, start=first_free_segment_id(db)):
        row["id"] = segment_id
    db.table("segments").insert_all(segment_rows, batch_size=1000)
    return doc_id


def inserted_id(table: sqlite_utils.db.Table) -> int:
    """The id SQLite gave the row just inserted: `last_pk`, which sqlite_utils types as possibly None."""
    if table.last_pk is None:
        raise RuntimeError(f"no id for the row just inserted into {table.name}")
    return int(table.last_pk)

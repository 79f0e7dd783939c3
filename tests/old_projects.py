"""Project files as an earlier version of Tarjama wrote them, for the tests of each schema migration."""

from __future__ import annotations

from pathlib import Path

from tarjama.project.schema import PROJECT_FILE
from tarjama.sqlite_file import FileKind, create_new


def project_of_version(path: Path, version: int, **segment: object) -> Path:
    """A project of one document, one paragraph and one segment, made by the migrations up to `version` alone;
    `segment` gives the segment's columns beyond an approved "قال الوزير." → "The minister said."."""
    kind = FileKind(PROJECT_FILE.application_id, PROJECT_FILE.description, PROJECT_FILE.migrations[:version])
    old = create_new(path, kind)
    old.execute("INSERT INTO documents (id, name, format, paragraph_separator, imported_at) "
                "VALUES (1, 'a.txt', 'txt', '\n\n', '')")
    old.execute("INSERT INTO paragraphs (id, document_id, idx) VALUES (1, 1, 0)")
    row = {"paragraph_id": 1, "position": 0, "source": "قال الوزير.", "space_after": "", "target": "The minister said.",
           "status": "approved", "origin": "human", "created_at": "", "updated_at": "", **segment}
    old.execute(f"INSERT INTO segments ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    old.conn.close()
    return path

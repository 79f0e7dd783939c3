"""The glossary: one SQLite file (`*.tarjama-glossary`) of Arabic terms and the English the translator must use.

Each user has one by default (`tarjama.paths.default_glossary_path`); a project can name another
(`set_project_glossary`). An Arabic term appears once: its normalised form (`norm_source`, the TM's matching form)
is unique, and adding or importing a term already there merges the two entries (`merge_entries`).
Finding terms in sentences is `tarjama.glossary.matching.TermFinder`, built from the entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from tarjama.arabic import normalise_for_matching
from tarjama.domain import GlossaryEntry, TermHit, entry_problem, tidy_entry
from tarjama.errors import QT_TRANSLATE_NOOP, ProjectError
from tarjama.glossary.matching import TermFinder
from tarjama.memory.store import ImportResult
from tarjama.paths import default_glossary_path
from tarjama.sqlite_file import FileKind, StoreFile, transaction

if TYPE_CHECKING:
    from tarjama.project.store import ProjectStore

GLOSSARY_SUFFIX = ".tarjama-glossary"
# The project meta key naming a project's own glossary; without it the project uses the default one.
PROJECT_GLOSSARY_KEY = "glossary_path"

def _schema_v1(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            norm_source TEXT NOT NULL UNIQUE,
            targets TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            forbidden TEXT NOT NULL DEFAULT '[]'
        )
        """
    )


GLOSSARY_FILE = FileKind(
    application_id=0x544A474C, description=QT_TRANSLATE_NOOP("Errors", "Tarjama glossary"), migrations=[_schema_v1]
)


def merge_entries(existing: GlossaryEntry, incoming: GlossaryEntry) -> GlossaryEntry:
    """One entry for a term met twice: the existing Arabic spelling and preferred English stay first, every other
    English term and forbidden variant of both is kept, and so are both notes."""
    notes = [existing.note] if existing.note else []
    if incoming.note and incoming.note not in existing.note:
        notes.append(incoming.note)
    return tidy_entry(
        GlossaryEntry(
            source=existing.source,
            targets=existing.targets + incoming.targets,
            note="\n".join(notes),
            forbidden=existing.forbidden + incoming.forbidden,
            id=existing.id,
        )
    )


def _entry(row: Sequence) -> GlossaryEntry:
    return GlossaryEntry(
        id=row[0], source=row[1], targets=tuple(json.loads(row[2])), note=row[3], forbidden=tuple(json.loads(row[4]))
    )


def _row(entry: GlossaryEntry) -> dict[str, object]:
    return {
        "source": entry.source,
        "norm_source": normalise_for_matching(entry.source),
        "targets": json.dumps(list(entry.targets), ensure_ascii=False),
        "note": entry.note,
        "forbidden": json.dumps(list(entry.forbidden), ensure_ascii=False),
    }


_COLUMNS = "id, source, targets, note, forbidden"


# -- the store --------------------------------------------------------------------------------------------------


class Glossary(StoreFile):
    """An open glossary file. Not thread-safe: a thread that needs one opens its own, or takes a `term_finder()`."""

    KIND = GLOSSARY_FILE
    ALREADY_EXISTS = QT_TRANSLATE_NOOP("Errors", "already exists; open it, or choose another name for the new "
                                                 "glossary.")

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        super().__init__(path, db)
        self._finder: TermFinder | None = None

    # -- reading --------------------------------------------------------------------------------------------

    def entries(self) -> list[GlossaryEntry]:
        """Every entry, in the order they were added."""
        return [_entry(row) for row in self._db.execute(f"SELECT {_COLUMNS} FROM entries ORDER BY id")]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def term_finder(self) -> TermFinder:
        """A finder for the entries as they are now; kept until the glossary changes. Safe to hand to a thread."""
        if self._finder is None:
            self._finder = TermFinder(self.entries())
        return self._finder

    def find_terms(self, source: str) -> list[TermHit]:
        """The glossary terms in an Arabic sentence, in text order (see `tarjama.glossary.matching`)."""
        return self.term_finder().find_terms(source)

    def english_terms(self) -> tuple[str, ...]:
        return self.term_finder().english_terms()

    # -- changing -------------------------------------------------------------------------------------------

    def add(self, entry: GlossaryEntry) -> int:
        """Store an entry, merged into the entry for the same term if there is one; returns its id."""
        with transaction(self._db):
            return self._put(entry)[0]

    def import_entries(self, entries: Iterable[GlossaryEntry]) -> ImportResult:
        """Add many entries (e.g. read from a file) as one transaction, merging entries for the same term.

        If the iterable raises (a bad row further down a file) or an entry is unusable, nothing is kept.
        """
        added = merged = 0
        with transaction(self._db):
            for entry in entries:
                if self._put(entry)[1]:
                    merged += 1
                else:
                    added += 1
        return ImportResult(added, merged)

    def update(self, entry: GlossaryEntry) -> None:
        """Replace the stored entry with `entry.id` by `entry`."""
        entry = self._checked(entry)
        row = _row(entry)
        with transaction(self._db):
            clash = self._db.execute(
                "SELECT source FROM entries WHERE norm_source = ? AND id != ?", [row["norm_source"], entry.id]
            ).fetchone()
            if clash is not None:
                raise ProjectError(
                    self.path,
                    QT_TRANSLATE_NOOP("Errors", "already has an entry for «{term}»; change that entry instead of "
                                                "adding it again."),
                    term=clash[0],
                )
            changed = self._db.execute(
                "UPDATE entries SET source = :source, norm_source = :norm_source, targets = :targets, note = :note, "
                "forbidden = :forbidden WHERE id = :id",
                row | {"id": entry.id},
            ).rowcount
            if changed == 0:
                raise ProjectError(self.path, QT_TRANSLATE_NOOP("Errors", "has no entry {entry} (it may have been "
                                                                          "removed meanwhile)."), entry=entry.id)
        self._finder = None

    def remove(self, entry_id: int) -> None:
        with transaction(self._db):
            self._db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
        self._finder = None

    def _checked(self, entry: GlossaryEntry) -> GlossaryEntry:
        problem = entry_problem(entry)
        if problem is not None:
            raise ProjectError(self.path, QT_TRANSLATE_NOOP("Errors", "cannot take this entry: {problem}."),
                               problem=problem)

        return tidy_entry(entry)

    def _put(self, entry: GlossaryEntry) -> tuple[int, bool]:
        """Merge `entry` into the stored entry for its term, or insert it. Returns (id, whether it merged)."""
        entry = self._checked(entry)
        row = _row(entry)
        self._finder = None
        existing = self._db.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE norm_source = ?", [row["norm_source"]]
        ).fetchone()
        if existing is None:
            inserted = self._db.execute(
                "INSERT INTO entries (source, norm_source, targets, note, forbidden) "
                "VALUES (:source, :norm_source, :targets, :note, :forbidden)",
                row,
            ).lastrowid
            assert inserted is not None  # an INSERT's cursor has the new row's id
            return inserted, False
        merged = merge_entries(_entry(existing), entry)
        self._db.execute(
            "UPDATE entries SET targets = :targets, note = :note, forbidden = :forbidden WHERE id = :id",
            _row(merged) | {"id": merged.id},
        )
        return existing[0], True


# -- which glossary a project uses --------------------------------------------------------------------------------


def project_glossary_path(store: ProjectStore) -> Path:
    """The glossary a project's terms come from: the one it names, else the user's default glossary."""
    value = store.get_meta(PROJECT_GLOSSARY_KEY)
    return Path(value) if value else default_glossary_path()


def set_project_glossary(store: ProjectStore, path: str | Path) -> None:
    """Make the project use the glossary at `path` (created if missing; a file that is not a glossary is refused).

    A read-only project is refused first, so that no glossary is created for a link that cannot be saved."""
    if store.read_only is not None:
        raise store.read_only
    path = Path(path).absolute()
    Glossary.open_or_create(path).close()
    store.set_meta(PROJECT_GLOSSARY_KEY, str(path))


def load_term_finder(path: str | Path) -> TermFinder:
    """A finder for the glossary at `path`, read once and closed; an empty one if no glossary exists there yet
    (checking a project before any term was added must not create files)."""
    path = Path(path)
    if not path.exists():
        return TermFinder(())
    with Glossary.open(path) as glossary:
        return glossary.term_finder()
